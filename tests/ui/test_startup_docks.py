"""Start-up: the hidden Hubs, Finder and Territories docks of the window read the project when first
shown (or handed out by ``window.features``), not before the first map, and then show what docks made
and filled at once show. The first map's team colours come from the plan's record alone."""

from __future__ import annotations

from PySide6.QtCore import Qt

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
    territories = docks._territories                          # the plan's model is not made for the first map
    assert not territories.isVisible() and not territories.is_loaded and territories._model is None
    assert territories.unit_list.count() == 0 and territories.plan_combo.count() == 0

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


def _table(model) -> list[list]:
    return [[model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]] + [
        [model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]


def _same_as_eager(panel, eager) -> None:
    assert _labels(panel.plan_combo) == _labels(eager.plan_combo) == ["Six teams"]
    assert panel.plan_combo.currentText() == eager.plan_combo.currentText()
    assert _labels(panel.team_combo) == _labels(eager.team_combo) and panel.team_combo.count() == 6
    assert _labels(panel.unit_list) == _labels(eager.unit_list) and panel.unit_list.count() > 0
    assert _table(panel.table_model) == _table(eager.table_model) and panel.table_model.rowCount() == 6
    assert panel.unassigned_label.text() == eager.unassigned_label.text()
    assert panel.help.hint.isHidden() == eager.help.hint.isHidden()
    assert panel.session is not None and panel.session.team == eager.session.team


def test_territories_dock_is_filled_when_first_shown(qtbot, isolated_home):
    from assetmap.commands import CommandStack
    from assetmap.demo import demo_project_path
    from assetmap.ui.territories_panel import TerritoriesPanel

    w = open_main_window(qtbot, demo_project_path(fresh=True))
    panel = w.window_features[0]._territories
    assert not panel.is_loaded
    eager = TerritoriesPanel(w.project, CommandStack())
    qtbot.addWidget(eager)
    panel.toggleViewAction().trigger()                        # View › Territories
    assert panel.isVisible() and panel.is_loaded
    _same_as_eager(panel, eager)


def test_docks_handed_out_are_filled(qtbot, isolated_home):
    from assetmap.commands import CommandStack
    from assetmap.demo import demo_project_path
    from assetmap.ui.territories_panel import TerritoriesPanel

    w = open_main_window(qtbot, demo_project_path(fresh=True))
    assert not w.window_features[0]._hubs.isVisible()
    assert w.features.hubs.list.count() == 6 and w.features.finder.origin.count() == 88
    panel = w.features.territories
    assert not panel.isVisible() and panel.is_loaded and panel.model.plan.name == "Six teams"
    eager = TerritoriesPanel(w.project, CommandStack())
    qtbot.addWidget(eager)
    _same_as_eager(panel, eager)


def test_reading_the_model_loads_the_panel(qtbot, isolated_home):
    """Whoever reaches the panel another way (``findChildren``) and reads its model gets it made."""
    from assetmap.demo import demo_project_path
    from assetmap.ui.territories_panel import TerritoriesPanel

    w = open_main_window(qtbot, demo_project_path(fresh=True))
    panel = w.findChildren(TerritoriesPanel)[0]
    assert not panel.is_loaded
    assert panel.model is not None and panel.is_loaded and panel.unit_list.count() == len(panel.model.units)


def _style_calls(monkeypatch) -> list:
    from assetmap.ui.map_canvas import MapCanvas

    calls: list = []
    set_style = MapCanvas.set_style

    def spy(self, name, style, title=None):
        calls.append((name, style, title))
        return set_style(self, name, style, title)

    monkeypatch.setattr(MapCanvas, "set_style", spy)
    return calls


def test_first_map_team_colours_are_the_models(qtbot, isolated_home, monkeypatch):
    """The team colours drawn at start from the plan's record are those the plan's model draws."""
    from assetmap.demo import demo_project_path

    calls = _style_calls(monkeypatch)
    w = open_main_window(qtbot, demo_project_path(fresh=True))
    docks = w.window_features[0]
    assert not docks._territories.is_loaded
    first = [c for c in calls if c[2] and c[2].endswith(": Six teams")]
    assert len(first) == 1, [c[2] for c in calls]
    layer, spec, title = first[0]
    assert title == "Neighbourhoods: Six teams"
    assert [e["label"] for e in spec["legend"]][:6] == [f"Team {i}" for i in range(1, 7)]
    assert len(set(spec["categories"].values())) == 6 and len(spec["categories"]) > 50
    assert "Six teams" in w.canvas.state()["legend"]

    panel = docks.territories                                # loads the model: it draws nothing new
    assert panel.is_loaded and len([c for c in calls if c[0] == layer]) == 1
    docks.draw_territories()                                  # the model's colours, as before the change
    assert calls[-1] == first[0]


def test_map_follows_paint_and_undo_after_a_lazy_start(qtbot, isolated_home, monkeypatch):
    from assetmap.demo import demo_project_path

    calls = _style_calls(monkeypatch)
    w = open_main_window(qtbot, demo_project_path(fresh=True))
    docks = w.window_features[0]
    layer, start, _ = [c for c in calls if c[2] and c[2].endswith(": Six teams")][0]
    panel = docks.territories
    uid = next(u for u in panel.model.units.ids if panel.model.team_of(u) != 0)
    raw = next(v for v in w.cache.frame(layer)[start["field"]] if str(v) == uid) if start["field"] != "fid" else uid
    panel.team_combo.setCurrentIndex(0)
    panel.session.click(uid)
    assert calls[-1][0] == layer and calls[-1][1]["categories"][str(raw)] == panel.model.team(0).colour
    panel.undo()
    assert calls[-1][1] == start


def test_survey_panel_is_made_when_its_dock_is_first_shown(qtbot, isolated_home):
    from assetmap.demo import demo_project_path
    from assetmap.ui.survey.panel import SurveyPanel

    w = open_main_window(qtbot, demo_project_path(fresh=True))
    dock = w.survey.dock
    assert dock is not None and not dock.isVisible() and not dock.findChildren(SurveyPanel)
    w.actions_by_name["survey enter"].trigger()            # Survey › Enter survey responses
    assert dock.isVisible() and dock.findChildren(SurveyPanel) == [dock.panel]
    assert dock.panel.form_id == dock.form_id == "community_assets" and dock.panel.entries.count() > 0
