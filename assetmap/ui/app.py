"""Start the desktop app on a project."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _prepare_environment() -> None:
    # QtWebEngine's sandbox needs user namespaces that containers and some
    # distributions lack; without GPU access Chromium must not try to use one.
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if os.geteuid() == 0 and "--no-sandbox" not in flags:
        flags += " --no-sandbox"
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" and "--disable-gpu" not in flags:
        flags += " --disable-gpu"
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = flags.strip()


def ensure_qt_app(gui: bool = True):
    """The running QApplication, or a new one (headless exports need no display)."""
    _prepare_environment()
    from PySide6.QtWidgets import QApplication

    if not gui and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("assetmap")
    app.setOrganizationName("assetmap")
    from assetmap.ui.about import app_icon

    app.setWindowIcon(app_icon())
    return app


def grab_when_drawn(window, path: str, done) -> None:
    """Save a PNG of ``window`` once the map reports it has drawn everything asked of it.

    The page's "drawn" comes two animation frames after the last change; Chromium hands
    the frame to Qt a little later, so the grab is repeated until two in a row agree.
    """
    from PySide6.QtCore import QTimer

    state = {"last": None, "tries": 0}

    def attempt() -> None:
        img = window.grab().toImage()
        state["tries"] += 1
        if (state["last"] is not None and img == state["last"]) or state["tries"] > 50:
            img.save(str(path))
            done()
            return
        state["last"] = img
        QTimer.singleShot(100, attempt)

    window.canvas.when_drawn(attempt)


def run_app(project_path: Path | str, screenshot: str | None = None) -> int:
    app = ensure_qt_app()
    from assetmap.ui.main_window import MainWindow

    window = MainWindow()
    if not window.open_project(Path(project_path)):
        return 2
    if screenshot:
        window.resize(1280, 800)
    window.show()
    if screenshot:
        grab_when_drawn(window, screenshot, app.quit)
    code = app.exec()
    # Pages must go before QtWebEngine releases its profile at exit, or the process crashes.
    from PySide6.QtCore import QCoreApplication, QEvent

    window.canvas.page().deleteLater()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return code
