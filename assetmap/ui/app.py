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


def run_app(project_path: Path | str, screenshot: str | None = None) -> int:
    _prepare_environment()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from assetmap.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("assetmap")
    app.setOrganizationName("assetmap")
    window = MainWindow()
    window.open_project(Path(project_path))
    window.resize(1280, 800)
    window.show()
    if screenshot:
        def grab() -> None:
            window.grab().save(str(screenshot))
            app.quit()

        QTimer.singleShot(1500, grab)
    return app.exec()
