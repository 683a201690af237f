"""Progress reporting and cancellation for long work, without Qt.

Core functions take an optional ``TaskContext``; the UI passes one whose
callback forwards to a progress dialog from a worker thread, the CLI passes
none (or a printing one). ``check()`` raises ``Cancelled`` so that work stops
at a safe point, before anything is committed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from assetmap.errors import Cancelled

ProgressCallback = Callable[[float, str], None]


class TaskContext:
    def __init__(self, on_progress: ProgressCallback | None = None):
        self._on_progress = on_progress
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, fraction: float, message: str = "") -> None:
        self.check()
        if self._on_progress is not None:
            self._on_progress(max(0.0, min(1.0, fraction)), message)


def ensure(ctx: TaskContext | None) -> TaskContext:
    return ctx if ctx is not None else TaskContext()
