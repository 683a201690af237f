"""Run long work (import, export, save as) on a worker thread with a progress dialog and
Cancel. The work is a plain function taking a ``TaskContext``; Cancel sets the context,
and the core function stops at its next ``ctx.progress``/``ctx.check`` before committing."""

from __future__ import annotations

from typing import Any, Callable

import ctypes
import threading
import traceback

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget

from assetmap.errors import Cancelled, UserError
from assetmap.tasks import TaskContext


def error_box(parent: QWidget | None, message: str, next_step: str | None = None,
              exc: BaseException | None = None, title: str | None = None) -> QMessageBox:
    """A warning in plain words: what happened and what to do next; the technical details
    (exception type, traceback) only under "Show Details…" for whoever supports the user."""
    box = QMessageBox(QMessageBox.Icon.Warning, title or QCoreApplication.translate("Errors", "assetmap"),
                      message, QMessageBox.StandardButton.Ok, parent)
    box.setAccessibleName(QCoreApplication.translate("Errors", "Error message"))
    if next_step:
        box.setInformativeText(next_step)
    if exc is not None:
        box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)).strip()
                            or f"{type(exc).__name__}: {exc}")
    return box


def explain(exc: BaseException, what: str) -> tuple[str, str]:
    """(message, next step) for a failure of ``what`` (a task title), for a non-technical reader."""
    if isinstance(exc, UserError):
        return exc.message, exc.hint or QCoreApplication.translate(
            "Errors", "Check the file or the choice named above and try again.")
    if isinstance(exc, MemoryError):
        return (QCoreApplication.translate("Errors", "“{0}” needed more memory than this computer has free.")
                .format(what),
                QCoreApplication.translate("Errors", "Close other programs and try again, or use a smaller file."))
    if isinstance(exc, OSError):
        return (QCoreApplication.translate("Errors", "“{0}” could not read or write a file.").format(what),
                QCoreApplication.translate("Errors", "Check that the file exists, is not open in another "
                                                     "program, and that the disk is not full; then try again."))
    return (QCoreApplication.translate("Errors", "“{0}” stopped because of an unexpected problem.").format(what),
            QCoreApplication.translate("Errors", "Your project was left as it was. Try again; if it happens "
                                                 "again, press Show Details and send that text to whoever "
                                                 "supports assetmap for you."))


class _Signals(QObject):
    progress = Signal(float, str)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


_PINNED = threading.local()  # lives exactly as long as a thread's Python state


def _keep_thread_state() -> None:
    """Keep this pool thread's Python thread state for the thread's life. PySide makes and
    deletes one around each job; pyproj 3.7 frees its per-thread PROJ context with that state
    but keeps a pointer to it per OS thread, so the next job on the same thread that builds a
    CRS (any layer read) segfaulted (pyproj issues #1509, #1622). One extra GIL-state nesting,
    never released, makes the state, and the context, live as long as the thread."""
    if not getattr(_PINNED, "on", False):
        ctypes.pythonapi.PyGILState_Ensure()
        _PINNED.on = True


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskContext], Any], ctx: TaskContext, signals: _Signals):
        super().__init__()
        self.fn, self.ctx, self.signals = fn, ctx, signals

    def run(self) -> None:
        _keep_thread_state()
        from assetmap.layers.sensitivity import track

        try:
            with track():  # lineage: what the task read sets the floor of what it writes
                result = self.fn(self.ctx)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - shown to the user, not swallowed
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def _pool(owner: QWidget) -> QThreadPool:
    """A pool owned by the window: its threads end with it. Reusing threads across
    windows whose environment changed (tests switch HOME/XDG dirs) crashed pyproj, whose
    per-thread context caches paths under XDG_DATA_HOME."""
    pool = owner.findChild(QThreadPool, "assetmap-workers")
    if pool is None:
        pool = QThreadPool(owner)
        pool.setObjectName("assetmap-workers")
        pool.setMaxThreadCount(2)
    return pool


class Task(QObject):
    """One running job; ``finished(ok)`` fires on the GUI thread after done/failed/cancelled."""

    finished = Signal(bool)

    def __init__(self, parent: QWidget, title: str, fn: Callable[[TaskContext], Any],
                 on_done: Callable[[Any], None] | None = None, quiet_errors: bool = False):
        super().__init__(parent)
        self.ctx = TaskContext(on_progress=lambda f, m: self._signals.progress.emit(f, m))
        self._signals = _Signals()
        self.error: Exception | None = None
        self.result: Any = None
        self._on_done = on_done
        self._quiet = quiet_errors
        self.title = title
        self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 1000, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setAccessibleName(self.tr("{0} progress").format(title))
        cancel = QPushButton(self.tr("Cancel"))  # our own, so a screen reader can name it
        cancel.setAccessibleName(self.tr("Cancel {0}").format(title))
        self.dialog.setCancelButton(cancel)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(self.ctx.cancel)
        self._signals.progress.connect(self._progress)
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)
        self._signals.cancelled.connect(self._cancelled)
        _pool(parent).start(_Job(fn, self.ctx, self._signals))

    def _progress(self, f: float, msg: str) -> None:
        self.dialog.setValue(int(f * 1000))
        if msg:
            self.dialog.setLabelText(msg)

    def _close(self) -> None:
        self.dialog.canceled.disconnect(self.ctx.cancel)
        self.dialog.reset()
        self.dialog.hide()

    def _done(self, result: Any) -> None:
        self._close()
        self.result = result
        if self._on_done:
            self._on_done(result)
        self.finished.emit(True)

    def _failed(self, exc: Exception) -> None:
        self._close()
        self.error = exc
        if not self._quiet:
            self.show_error()
        self.finished.emit(False)

    def show_error(self) -> None:
        """The error box for what made the task fail (a caller that asked for quiet errors may
        show it after all, for the errors it has no better answer to)."""
        exc = self.error
        message, next_step = explain(exc, self.title)
        # open(), not exec(): the message must not block the event loop (or a test).
        box = error_box(self.parent(), message, next_step, None if isinstance(exc, UserError) else exc,
                        title=self.title)
        box.open()
        self.error_box = box

    def _cancelled(self) -> None:
        self._close()
        self.finished.emit(False)


def run_task(parent: QWidget, title: str, fn: Callable[[TaskContext], Any],
             on_done: Callable[[Any], None] | None = None, quiet_errors: bool = False) -> Task:
    task = Task(parent, title, fn, on_done, quiet_errors)
    tasks = parent.__dict__.setdefault("_assetmap_tasks", [])
    tasks.append(task)  # keep it alive until it ends
    task.finished.connect(lambda *_: tasks.remove(task) if task in tasks else None)
    return task
