"""The Qt half of `assetmap --self-test` (only assetmap.ui may import Qt)."""

from __future__ import annotations

import tempfile
from pathlib import Path


def render_png(project, png: Path) -> None:
    from assetmap.ui.app import ensure_qt_app
    from assetmap.ui.map_export import export_image

    ensure_qt_app(gui=False)
    export_image(project, png, None, "assetmap self-test", 8.0, 6.0, 96)


def check_map_window(project_path: Path, timeout_s: float = 60.0) -> str | None:
    """Open the main window offscreen and wait until Leaflet reports the map drawn."""
    import shutil

    from assetmap.ui.app import ensure_qt_app

    app = ensure_qt_app(gui=False)
    from PySide6.QtCore import QTimer

    from assetmap.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory(prefix="assetmap-selftest-") as tmp:
        path = Path(tmp) / "demo.gpkg"
        shutil.copyfile(project_path, path)
        window = MainWindow()
        state: dict = {"drawn": False}
        try:
            if not window.open_project(path):
                return "the project did not open"
            window.resize(1024, 700)
            window.show()

            def drawn() -> None:
                state["drawn"] = True
                app.quit()

            window.canvas.when_drawn(drawn)
            QTimer.singleShot(int(timeout_s * 1000), app.quit)
            app.exec()
            if not state["drawn"]:
                return f"the map did not finish drawing within {timeout_s:.0f} s"
            return None
        finally:
            # Delete the web view while the application still runs: left to interpreter
            # exit, QtWebEngine's teardown order can crash.
            from PySide6.QtCore import QCoreApplication, QEvent

            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            app.processEvents()
