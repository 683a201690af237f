"""Start-up: the hidden Hubs and Finder docks of the window read the project when first shown (or
handed out by ``window.features``), not before the first map, and then show what docks made and
filled at once show."""

from __future__ import annotations

from tests.ui.conftest import open_main_window


def _labels(widget) -> list[str]:
    return [widget.item(i).text() if hasattr(widget, "item") else widget.itemText(i) for i in range(widget.count())]


def test_hidden_docks_are_filled_when_first_shown(qtbot, isolated_home):
    from assetmap.commands import CommandStack
    from assetmap.demo import demo_project_path
    from assetmap.hubs import directory
    from assetmap.ui.hubs_dock import HubsDock
    from assetmap.ui.hubs_finder import FinderDock

    w = open_main_window(qtbot, demo_project_path(fresh=True))
    docks = w.window_features[0]
    hubs, finder = docks._hubs, docks._finder
    assert not hubs.isVisible() and not finder.isVisible()
    assert hubs.list.count() == 0 and finder.origin.count() == 0 and finder.services.count() == 0
    assert w.features.territories.model is not None          # the plan on the first map: read at once

    eager_hubs = HubsDock(w.project, CommandStack())
    eager_finder = FinderDock(w.project)
    qtbot.addWidget(eager_hubs)
    qtbot.addWidget(eager_finder)
    assert eager_hubs.list.count() == len(directory.load(w.project)["locations"]) == 6

    hubs.toggleViewAction().trigger()                         # View › Resource hubs
    assert hubs.isVisible() and _labels(hubs.list) == _labels(eager_hubs.list)
    assert hubs.help.hint.isHidden() == eager_hubs.help.hint.isHidden()
    assert finder.services.count() == 0                       # still not shown, still not read
    finder.show()
    finder.raise_()
    assert _labels(finder.origin) == _labels(eager_finder.origin) and len(_labels(finder.origin)) == 88
    assert _labels(finder.services) == _labels(eager_finder.services)
    assert finder.help.hint.isHidden() == eager_finder.help.hint.isHidden()


def test_docks_handed_out_are_filled(qtbot, isolated_home):
    from assetmap.demo import demo_project_path

    w = open_main_window(qtbot, demo_project_path(fresh=True))
    assert not w.window_features[0]._hubs.isVisible()
    assert w.features.hubs.list.count() == 6 and w.features.finder.origin.count() == 88


def test_survey_panel_is_made_when_its_dock_is_first_shown(qtbot, isolated_home):
    from assetmap.demo import demo_project_path
    from assetmap.ui.survey.panel import SurveyPanel

    w = open_main_window(qtbot, demo_project_path(fresh=True))
    dock = w.survey.dock
    assert dock is not None and not dock.isVisible() and not dock.findChildren(SurveyPanel)
    w.actions_by_name["survey enter"].trigger()            # Survey › Enter survey responses
    assert dock.isVisible() and dock.findChildren(SurveyPanel) == [dock.panel]
    assert dock.panel.form_id == dock.form_id == "community_assets" and dock.panel.entries.count() > 0


def test_the_project_is_read_once_the_map_page_is_ready(qtbot, isolated_home, monkeypatch):
    """``make_window`` shows the window and lets its map page load before reading the project
    (QtWebEngine's browser side runs on the GUI thread: reading first kept the page waiting), and
    the first map is fitted to the layers at the window's real size."""
    from assetmap.demo import demo_project_path
    from assetmap.project import Project
    from assetmap.ui.app import make_window
    from assetmap.ui.main_window import MainWindow

    made: list = []
    init = MainWindow.__init__

    def remember(self, *a, **k):
        init(self, *a, **k)
        made.append(self)

    seen: list[tuple[bool, bool]] = []
    read = Project.read_layer

    def read_layer(self, *a, **k):
        w = made[-1]
        seen.append((w.isVisible(), w.canvas.is_ready))
        return read(self, *a, **k)

    monkeypatch.setattr(MainWindow, "__init__", remember)
    monkeypatch.setattr(Project, "read_layer", read_layer)
    window = make_window(demo_project_path(fresh=True), False, size=(1000, 700))
    qtbot.addWidget(window)
    assert seen and all(seen), seen                        # shown and ready before the first read
    assert (window.width(), window.height()) == (1000, 700)
    with qtbot.waitSignal(window.canvas.drawn, timeout=30_000):
        pass
    ext = window.canvas.evaluate("window.assetmap.state().extentPx")
    width, height = window.canvas.evaluate("[document.getElementById('map').clientWidth,"
                                           " document.getElementById('map').clientHeight]")
    # The layers' extent lies inside the page and fills much of it: fitted at the real size.
    assert 0 <= ext["left"] < ext["right"] <= width and 0 <= ext["top"] < ext["bottom"] <= height, (ext, width, height)
    assert ext["bottom"] - ext["top"] > 0.6 * height, (ext, height)


def test_a_map_page_that_never_loads_does_not_hold_the_start(qtbot):
    import time

    from PySide6.QtCore import QObject, Signal

    from assetmap.ui.app import let_map_page_load

    class Never(QObject):
        ready = Signal()
        is_ready = False

    t = time.monotonic()
    let_map_page_load(Never(), limit_ms=200)
    assert 0.15 < time.monotonic() - t < 5
