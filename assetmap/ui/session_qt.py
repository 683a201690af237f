"""The Qt side of ``assetmap.session``: events raised on a worker thread reach widgets on the GUI
thread, and a widget's subscriptions end with the widget.

An event emitted on the GUI thread is delivered at once (so a view is up to date when ``push``
returns, as before); one emitted elsewhere is queued to the GUI thread through a signal.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal


class QtDispatcher(QObject):
    _deliver = Signal(object, object)   # handler, event

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QCoreApplication.instance()
        if app is not None and self.thread() is not app.thread():
            self.moveToThread(app.thread())
        self._deliver.connect(self._run)   # auto connection: queued when emitted off this thread

    def __call__(self, handler, event) -> None:
        if QThread.currentThread() is self.thread():
            handler(event)
        else:
            self._deliver.emit(handler, event)

    @staticmethod
    def _run(handler, event) -> None:
        handler(event)


def install(session, parent: QObject | None = None) -> QtDispatcher:
    """Route ``session``'s events to the GUI thread (once, when the window is made)."""
    dispatcher = QtDispatcher(parent)
    session.dispatcher = dispatcher
    return dispatcher


def subscribe(session, widget: QObject, event_type: type, handler) -> None:
    """Subscribe ``handler`` for as long as ``widget`` lives (a removed dock stops hearing)."""
    from shiboken6 import isValid

    def guarded(event, _handler=handler):
        if isValid(widget):
            _handler(event)

    session.subscribe(event_type, guarded)   # a plain function: the hub holds it until the widget goes
    widget.destroyed.connect(lambda *_: session.unsubscribe(guarded))
