import pytest


@pytest.fixture(autouse=True)
def _delete_web_pages(qapp):
    """Delete web views and their pages before the next test (and before exit): a page
    still alive when QtWebEngine releases its profile at shutdown crashes the process."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWebEngineWidgets import QWebEngineView

    for w in qapp.allWidgets():
        if isinstance(w, QWebEngineView):
            w.page().deleteLater()
            w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
