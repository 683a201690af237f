"""Work done while the map page loads.

QtWebEngine's browser side runs on the GUI thread: a page asked for while the window is being
built starts loading only once the event loop runs. Work that would otherwise keep the loop
waiting (reading a project's layers at start-up) runs on a worker thread while the loop lets
the page load, so the two overlap instead of following each other.
"""

from __future__ import annotations

import threading
from typing import Callable

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal


class _Finished(QObject):
    finished = Signal()


def while_page_loads(canvas, work: Callable[[], object]) -> None:
    """Run ``work`` and return when it is done; while the canvas's page is still loading, on a
    worker thread with the event loop running (user input held back). ``work`` must not touch
    widgets; whatever it raises is dropped: it only warms what the caller does next, which
    reports its own errors."""
    if canvas.is_ready:
        _quietly(work)
        return
    loop = QEventLoop()
    relay = _Finished()
    relay.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def run() -> None:
        try:
            _quietly(work)
        finally:
            relay.finished.emit()

    worker = threading.Thread(target=run, name="assetmap-prefetch", daemon=True)
    worker.start()
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    worker.join()


def _quietly(work: Callable[[], object]) -> None:
    try:
        work()
    except Exception:  # noqa: BLE001 - see while_page_loads
        pass
