import pytest

from assetmap.ui.layer_scheme import register_scheme

register_scheme()  # amlayer://, before pytest-qt makes the QApplication: polygon layers go as binary


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


def wait_drawn(window, qtbot, timeout: int = 20000) -> None:
    """Until the map page reports it has drawn everything asked of it so far."""
    done = []
    window.canvas.when_drawn(lambda: done.append(1))
    qtbot.waitUntil(lambda: bool(done), timeout=timeout)


def open_main_window(qtbot, project_path, size=(1280, 800)):
    """A real main window on ``project_path``, shown, its map drawn; registered with qtbot."""
    from assetmap.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    assert w.open_project(project_path)
    wait_drawn(w, qtbot)
    return w
