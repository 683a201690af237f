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
    if QApplication.instance() is None:
        from assetmap.ui.basemap import register_scheme

        register_scheme()  # mbtiles:// (offline basemap): Chromium takes schemes only before the app exists
        from assetmap.ui import layer_scheme

        layer_scheme.register_scheme()  # amlayer:// (polygon layers as binary buffers)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("assetmap")
    app.setOrganizationName("assetmap")
    from assetmap.ui.about import app_icon

    app.setWindowIcon(app_icon())
    _release_web_views_at_exit()
    if gui:  # large text and high contrast from Settings; headless exports draw their own fonts
        from assetmap.ui import appearance

        appearance.apply(app)
    return app


FIRST_GRAB_MS = 50


def grab_when_drawn(window, path: str, done) -> None:
    """Save a PNG of ``window`` once the map reports it has drawn everything asked of it.

    The page's "drawn" comes two animation frames after the last change; Chromium hands
    the frame to Qt a little later (20-30 ms here, measured by grabbing every 10 ms), so the
    first grab is taken FIRST_GRAB_MS after "drawn" (taken at once, it was always the frame
    before), and the grab is repeated until two in a row agree.
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

    window.canvas.when_drawn(lambda: QTimer.singleShot(FIRST_GRAB_MS, attempt))


def _from_welcome(app) -> tuple[Path | None, bool | None]:
    """Ask what to do (first run, or started with no project): (project, survey mode) or (None, None)."""
    from assetmap.ui.welcome import Choice, WelcomeDialog, project_from_boundaries

    from assetmap.ui.window_actions import recent_projects

    dlg = WelcomeDialog(recent=recent_projects())
    if not dlg.exec() or dlg.choice is None:
        return None, None
    if dlg.choice is Choice.DEMO:
        from assetmap.cli.gui_cmds import _style_demo
        from assetmap.demo import demo_project_path

        path = demo_project_path()
        _style_demo(path)
        return path, False
    if dlg.choice is Choice.SHARED:
        return dlg.url, False
    if dlg.choice is Choice.NEW_FROM_BOUNDARIES:
        return project_from_boundaries(dlg, dlg.path), False
    return dlg.path, (True if dlg.choice is Choice.JOIN_SURVEY else None)


def make_window(project_path: Path | str, survey_mode: bool | None = None):
    """The planner's main window, or survey mode for a field package (or when asked)."""
    if survey_mode is None:
        from assetmap.project.backends import open_any
        from assetmap.survey.pack import package_meta

        try:
            survey_mode = bool(package_meta(open_any(project_path)))
        except Exception:  # the window's own open reports a broken file properly
            survey_mode = False
    if survey_mode:
        from assetmap.ui.survey.survey_mode import SurveyModeWindow

        window = SurveyModeWindow()
        ok = window.open_package(Path(project_path))
    else:
        from assetmap.ui.main_window import MainWindow

        window = MainWindow()
        ok = window.open_project(project_path)  # a .gpkg, or a URL (ui/shared_project_dialog.py)
    return window if ok else None


def import_data_libraries() -> None:
    """Import what reading a project's layers needs (pyogrio, geopandas: pandas, shapely, pyproj)
    before PySide6, when a project will be opened anyway.

    Once PySide6 is imported, every module imported after it passes its import hook
    (shibokensupport's feature check reads each new module's source to see whether it uses
    PySide6): imported after Qt, this stack of ≈700 modules took ≈0.12 s longer to import."""
    import geopandas  # noqa: F401
    import pyogrio  # noqa: F401


def run_app(project_path: Path | str | None, screenshot: str | None = None, survey_mode: bool | None = None) -> int:
    if project_path is not None and "PySide6" not in sys.modules:
        import_data_libraries()
    app = ensure_qt_app()
    from assetmap.ui import i18n

    i18n.install(app)
    if project_path is None:
        project_path, survey_mode = _from_welcome(app)
        if project_path is None:
            return 0
    window = make_window(project_path, survey_mode)
    if window is None:
        return 2
    if screenshot:
        window.resize(1280, 800)
    window.show()
    if screenshot:
        grab_when_drawn(window, screenshot, app.quit)
    code = app.exec()
    release_web_views(window)
    return code


_at_exit: list[bool] = []


def _release_web_views_at_exit() -> None:
    # Registered once the QApplication exists, so it runs before PySide destroys it at exit:
    # scripts that just exit with views alive (benchmarks, headless runs) crashed there.
    if not _at_exit:
        import atexit

        atexit.register(release_web_views)
        _at_exit.append(True)


def release_web_views(*widgets) -> None:
    """Delete every web page, then every web view (and ``widgets``), now.

    QtWebEngine releases its profile when the application goes; a page still alive then
    crashes the process at exit ("Release of profile requested but WebEnginePage still not
    deleted", exit code 139). Call this before the QApplication is destroyed: at the end of
    ``run_app``, and in scripts (benchmarks) that make views and just exit."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return
    try:
        from PySide6.QtWebEngineWidgets import QWebEngineView
    except ImportError:  # pragma: no cover - no QtWebEngine, no pages
        return
    from shiboken6 import isValid

    # Some may be gone already (a deleteLater processed meanwhile); posted in this order,
    # every page is deleted before any view.
    views = [w for w in QApplication.allWidgets() if isinstance(w, QWebEngineView)]
    for view in views:
        if isValid(view) and isValid(view.page()):
            view.page().deleteLater()
    for w in (*widgets, *views):
        if isValid(w):
            w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
