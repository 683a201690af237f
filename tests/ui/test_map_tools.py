"""One active map tool at a time (assetmap/ui/map_tools.py), in the real main window with mouse
events on the map: only the last-armed tool acts on a click, choosing a tool ends the other (its
button or action unchecks), Esc returns to Identify, and the status bar and the cursor say which
tool is active."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

import tests.ui.pyside_bool  # noqa: F401  (see the module)
from tests.conftest import run_cli
from tests.ui.conftest import open_main_window, wait_drawn

pytestmark = pytest.mark.gui


@pytest.fixture()
def window(qtbot, isolated_home, demo_copy, monkeypatch):
    r = run_cli("territories", "new", demo_copy.path, "--plan", "Mine", "--areas", "neighborhoods",
                "--teams", "3", "--by", "population")
    assert r.returncode == 0, r.stderr
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w = open_main_window(qtbot, demo_copy.path, (1200, 800))
    qtbot.waitUntil(lambda: w.features.territories.session is not None)
    return w


def _answer_hub_form(w, name="Corner Family Center"):
    from assetmap.ui.hubs_dock import HubForm

    class Answered(HubForm):  # the hub form answered as a user would, without a modal loop
        def exec(self):
            self.name.setText(name)
            return QDialog.DialogCode.Accepted

    w.features.hubs.form_factory = Answered


def _click_neighbourhood(w, qtbot, types=None, fid=None) -> int:
    """Mouse events (a click unless ``types``) on a neighbourhood a real mouse reaches (not under
    the legend), the map drawn; returns its id. ``fid``: that neighbourhood, once it is reachable.

    The check that the feature is reachable and the events are one page task. Checked in one
    ``evaluate`` and clicked in the next, the page can change in between (docks shown just
    before resize the map, and Leaflet and the legend follow asynchronously): the click then
    landed on the bottom-right legend, no map tool heard it and the test timed out."""
    ids = [int(fid)] if fid is not None else [int(f) for f in w.cache.frame("neighborhoods").index[20:40]]
    wait_drawn(w, qtbot)
    code = ("(function (ids, types) {"
            " for (var k = 0; k < ids.length; k++) {"
            "  var at = assetmap.mouseAt('neighborhoods', ids[k], []);"
            "  if (at && at.indexOf('am-neighborhoods') >= 0) {"
            "   assetmap.mouseAt('neighborhoods', ids[k], types); return ids[k]; } }"
            " return null; })(%s, %s)" % (json.dumps(ids), json.dumps(types)))
    clicked: list[int] = []

    def reachable_and_clicked() -> bool:
        if not clicked:
            hit = w.canvas.evaluate(code)
            if hit is not None:
                clicked.append(int(hit))
        return bool(clicked)

    qtbot.waitUntil(reachable_and_clicked, timeout=5000)
    return clicked[0]


def _hub_count(w) -> int:
    return len(w.project.read_layer("hubs")) if "hubs" in w.project.layer_names() else 0


def _popups(w) -> int:
    return w.canvas.evaluate("document.querySelectorAll('.leaflet-popup').length")


def _status(w) -> str:
    return w.tool_status.label.text()


def _arm_survey_pick(w):
    w.actions_by_name["survey enter"].trigger()  # the built-in form is installed (question answered Yes)
    editor = w.survey.dock.panel.entry.rows["location"].editor
    editor.pick.click()
    return editor


def test_hub_armed_then_survey_pick_one_click_sets_only_the_survey_point(window, qtbot, tmp_path):
    """The double action of issue 16: arm the Hubs dock's "click the map", then the survey's "Pick
    on map", click the map once: only the last-armed tool acts (no hub is placed)."""
    w = window
    _answer_hub_form(w)
    w.features.hubs.show()
    w.features.hubs.add_button.click()
    assert w.canvas.map_tool() is w.features.hub_tool
    editor = _arm_survey_pick(w)
    assert w.canvas.map_tool() is w.survey.tool
    assert editor.pick.isChecked()
    assert "not placed" in w.features.hubs.status.text().lower()  # the dock says its pick ended
    assert "Pick a location" in _status(w)
    w.grab().save(str(tmp_path / "survey-pick-tool.png"))
    fid = _click_neighbourhood(w, qtbot)  # a real click on the map
    qtbot.waitUntil(lambda: editor.lat.text() != "", timeout=5000)
    frame = w.cache.frame("neighborhoods")
    x, y = frame.to_crs(4326).geometry.loc[fid].centroid.coords[0]
    assert abs(float(editor.lat.text()) - y) < 0.01 and abs(float(editor.lon.text()) - x) < 0.01
    qtbot.wait(500)  # long enough for a hub save and its redraw, had one been made
    assert _hub_count(w) == 0
    # the pick was one click: back to Identify, its button unchecked, no popup left by the pick
    assert w.canvas.map_tool().key == "identify"
    assert not editor.pick.isChecked()
    assert _popups(w) == 0
    # a second click on the map is an identify again: nothing placed, the survey point unchanged
    lat = editor.lat.text()
    _click_neighbourhood(w, qtbot, fid=fid)
    qtbot.waitUntil(lambda: _popups(w) == 1, timeout=5000)
    assert editor.lat.text() == lat and _hub_count(w) == 0


def test_survey_pick_then_hub_armed_one_click_places_only_the_hub(window, qtbot):
    w = window
    editor = _arm_survey_pick(w)
    _answer_hub_form(w)
    w.features.hubs.show()
    w.features.hubs.add_button.click()
    assert w.canvas.map_tool() is w.features.hub_tool
    assert not editor.pick.isChecked()  # choosing the hub tool ended the survey's pick
    fid = _click_neighbourhood(w, qtbot)
    qtbot.waitUntil(lambda: _hub_count(w) == 1, timeout=10000)
    area = w.project.read_layer("neighborhoods")
    assert area.geometry.loc[fid].contains(w.project.read_layer("hubs").geometry.iloc[0])
    assert editor.lat.text() == "" and editor.lon.text() == ""
    assert w.canvas.map_tool().key == "identify"


def test_escape_returns_to_identify_from_paint(window, qtbot, tmp_path):
    w = window
    paint = w.actions_by_name["paint territories"]
    assert _status(w).startswith("Tool: Identify")
    paint.setChecked(True)
    qtbot.waitUntil(lambda: w.canvas.state()["tool"] == "paint", timeout=5000)
    state = w.canvas.state()
    assert state["paint"] is True and state["dragging"] is False
    assert state["cursor"] == "cell"
    assert "Paint territories" in _status(w) and "Esc" in _status(w)
    assert "drag across neighbourhoods" in w.tool_status.label.toolTip()  # the tool's hint
    w.canvas.when_drawn(lambda: None)
    wait_drawn(w, qtbot)
    w.grab().save(str(tmp_path / "paint-tool.png"))
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert not paint.isChecked()
    assert w.canvas.map_tool().key == "identify"
    assert _status(w).startswith("Tool: Identify") and "Esc" not in _status(w)
    qtbot.waitUntil(lambda: w.canvas.state()["tool"] == "identify", timeout=5000)
    state = w.canvas.state()
    assert state["paint"] is False and state["dragging"] is True and state["cursor"] != "cell"
    # painting is over: a click identifies and assigns nothing
    panel = w.features.territories
    before = dict(panel.model.assignment)
    _click_neighbourhood(w, qtbot)
    qtbot.waitUntil(lambda: _popups(w) == 1, timeout=5000)
    assert dict(panel.model.assignment) == before


def test_escape_mid_stroke_ends_the_stroke(window, qtbot):
    """Esc with the mouse button still down: the stroke ends with the paint tool (one undo step),
    not left open to swallow the next edits."""
    w = window
    panel = w.features.territories
    w.actions_by_name["paint territories"].setChecked(True)
    panel.team_combo.setCurrentIndex(1)
    team = panel.model.teams[1]
    qtbot.waitUntil(lambda: w.canvas.state()["dragging"] is False, timeout=5000)
    depth = len(w.stack._undo)
    fid = _click_neighbourhood(w, qtbot, ["mousedown"])
    uid = w.features.unit_id("neighborhoods", fid)
    qtbot.waitUntil(lambda: panel.model.assignment.get(uid) == team.team, timeout=5000)
    assert panel.session._stroke is not None  # the button is down: the stroke is open
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert w.canvas.map_tool().key == "identify"
    assert panel.session._stroke is None
    _click_neighbourhood(w, qtbot, ["mouseup"], fid=fid)
    assert len(w.stack._undo) == depth + 1
    w.actions_by_name["undo"].trigger()
    qtbot.waitUntil(lambda: panel.model.assignment.get(uid) != team.team, timeout=5000)


def test_escape_in_the_page_returns_to_identify(window, qtbot):
    """Esc with the keyboard focus inside the map page (the window's shortcut does not see it)."""
    w = window
    finder = w.features.finder
    finder.show()
    finder.pick_button.click()
    assert finder.pick_button.isChecked() and w.canvas.map_tool() is w.features.finder_tool
    qtbot.waitUntil(lambda: w.canvas.state()["cursor"] == "crosshair", timeout=5000)
    w.canvas.evaluate("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true})) || true")
    qtbot.waitUntil(lambda: w.canvas.map_tool().key == "identify", timeout=5000)
    assert not finder.pick_button.isChecked()
    qtbot.waitUntil(lambda: w.canvas.state()["cursor"] != "crosshair", timeout=5000)
    _click_neighbourhood(w, qtbot)
    qtbot.waitUntil(lambda: _popups(w) == 1, timeout=5000)
    assert finder._spot is None  # the ended pick takes no click


def test_choosing_a_tool_ends_the_other_and_unchecks_it(window, qtbot):
    w = window
    paint, polygon = w.actions_by_name["paint territories"], w.actions_by_name["territory polygon"]
    paint.setChecked(True)
    assert w.canvas.map_tool() is w.features.paint_tool
    polygon.trigger()
    assert polygon.isChecked() and not paint.isChecked()
    assert "Draw a polygon" in _status(w)
    qtbot.waitUntil(lambda: w.canvas.evaluate("assetmap.drawingPolygon()") is True, timeout=5000)
    state = w.canvas.state()
    assert state["paint"] is False and state["cursor"] == "crosshair"
    # the finder's pick ends the polygon being drawn: nothing is assigned
    panel = w.features.territories
    before = dict(panel.model.assignment)
    for lat, lon in ((38.60, -90.30), (38.60, -90.25), (38.65, -90.25)):
        assert w.canvas.evaluate(f"assetmap.addVertex({lat}, {lon})") is True
    w.features.finder.show()
    w.features.finder.pick_button.click()
    assert not polygon.isChecked() and w.features.finder.pick_button.isChecked()
    assert "family" in _status(w)
    qtbot.waitUntil(lambda: w.canvas.evaluate("assetmap.drawingPolygon()") is False, timeout=5000)
    assert w.canvas.evaluate("assetmap.finishPolygon()") is False
    assert dict(panel.model.assignment) == before
    # pressing the checked button again gives its tool up
    w.features.finder.pick_button.click()
    assert not w.features.finder.pick_button.isChecked() and w.canvas.map_tool().key == "identify"


def test_a_polygon_with_too_few_corners_keeps_the_tool(window, qtbot):
    w = window
    polygon = w.actions_by_name["territory polygon"]
    polygon.trigger()
    qtbot.waitUntil(lambda: w.canvas.evaluate("assetmap.drawingPolygon()") is True, timeout=5000)
    assert w.canvas.evaluate("assetmap.addVertex(38.60, -90.30)") is True
    assert w.canvas.evaluate("assetmap.addVertex(38.60, -90.25)") is True
    assert w.canvas.evaluate("assetmap.finishPolygon()") is False  # two corners are no polygon
    assert w.canvas.evaluate("assetmap.drawingPolygon()") is True  # still drawing, afresh
    assert polygon.isChecked() and w.canvas.map_tool() is w.features.polygon_tool
    polygon.trigger()  # the checked action again: give up
    assert not polygon.isChecked() and w.canvas.map_tool().key == "identify"
    qtbot.waitUntil(lambda: w.canvas.evaluate("assetmap.drawingPolygon()") is False, timeout=5000)


def test_a_pick_does_not_identify_or_select(window, qtbot):
    """A click taken by a pick tool is no identify: no popup, no selection in the table."""
    w = window
    w.show_table("neighborhoods")
    got = []
    w.canvas.feature_identified.connect(lambda layer, fid, add: got.append((layer, fid)))
    w.features.finder.show()
    w.features.finder.pick_button.click()
    _click_neighbourhood(w, qtbot)
    qtbot.waitUntil(lambda: w.features.finder._spot is not None, timeout=5000)
    qtbot.wait(200)
    assert got == [] and _popups(w) == 0 and w.table.selected_ids() == []
    fid = _click_neighbourhood(w, qtbot)  # Identify again
    qtbot.waitUntil(lambda: got == [("neighborhoods", fid)], timeout=5000)
    qtbot.waitUntil(lambda: w.table.selected_ids() == [fid], timeout=5000)


def test_opening_a_project_ends_the_active_tool(window, qtbot):
    w = window
    paint = w.actions_by_name["paint territories"]
    paint.setChecked(True)
    assert w.canvas.map_tool() is w.features.paint_tool
    assert w.open_project(w.project.path)  # the panels the tool worked for are made anew
    assert not paint.isChecked() and w.canvas.map_tool().key == "identify"
    qtbot.waitUntil(lambda: w.canvas.state()["tool"] == "identify", timeout=5000)
    assert w.canvas.state()["dragging"] is True


@pytest.fixture()
def package(demo_copy, tmp_path, isolated_home):
    from assetmap.survey import builtin_form
    from assetmap.survey.pack import make_package
    from assetmap.survey.store import SurveyStore

    SurveyStore(demo_copy, device_id="office").install_form(builtin_form())
    return make_package(demo_copy, tmp_path / "rosa.gpkg", surveyor="Rosa", areas=["17", "39"]).path


def test_survey_mode_pick_is_one_click_and_esc_gives_it_up(qtbot, package, tmp_path):
    """The volunteer's window: Pick on map is the canvas's tool there too, with a real click."""
    from tests.ui.test_survey_mode import open_window

    w = open_window(qtbot, package)
    editor = w.panel.entry.rows["location"].editor
    layer = next(n for n in w.layers_on_map() if "am-" + n in (w.canvas.evaluate(
        f"assetmap.mouseAt({n!r}, {int(w.cache.frame(n).index[0])}, [])") or ""))
    fid = int(w.cache.frame(layer).index[0])
    # Esc in the map gives the pick up: the click after it is no location
    editor.pick.click()
    qtbot.waitUntil(lambda: w.canvas.state()["cursor"] == "crosshair", timeout=5000)
    w.canvas.evaluate("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true})) || true")
    qtbot.waitUntil(lambda: w.canvas.map_tool().key == "identify", timeout=5000)
    w.canvas.evaluate(f"assetmap.mouseAt({layer!r}, {fid})")
    qtbot.wait(300)
    assert editor.lat.text() == ""
    w.canvas.evaluate("document.querySelectorAll('.leaflet-popup-close-button').forEach(function (b) { b.click(); })"
                      " || true")
    # armed again, one click sets the location, the next click is an identify
    editor.pick.click()
    assert w.canvas.map_tool() is w.pick_tool
    qtbot.waitUntil(lambda: w.canvas.evaluate("document.querySelectorAll('.leaflet-popup').length") == 0)
    w.canvas.evaluate(f"assetmap.mouseAt({layer!r}, {fid})")
    qtbot.waitUntil(lambda: editor.lat.text() != "", timeout=5000)
    assert w.canvas.map_tool().key == "identify"
    lat = editor.lat.text()
    area = w.cache.frame(layer).to_crs(4326).geometry.loc[fid]
    from shapely.geometry import Point

    assert area.buffer(1e-4).contains(Point(float(editor.lon.text()), float(lat)))


def test_hub_add_and_move_buttons_are_checked_while_their_tool_is_active(window, qtbot):
    """Add… and Move stay down while the map waits for their click (as the finder's pick button):
    they come up on Esc, when another tool is chosen, when pressed again and when the hub is placed."""
    w = window
    hubs = w.features.hubs
    _answer_hub_form(w)
    hubs.show()
    hubs.raise_()
    left = Qt.MouseButton.LeftButton
    assert hubs.add_button.isCheckable() and not hubs.add_button.isChecked()
    qtbot.mouseClick(hubs.add_button, left)
    assert hubs.add_button.isChecked() and w.canvas.map_tool() is w.features.hub_tool
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)
    qtbot.keyClick(w, Qt.Key.Key_Escape)   # Esc: back to Identify, the button comes up
    assert w.canvas.map_tool().key == "identify" and not hubs.add_button.isChecked()
    qtbot.mouseClick(hubs.add_button, left)
    assert hubs.add_button.isChecked()
    qtbot.mouseClick(hubs.add_button, left)   # pressed again: gives the pick up
    assert not hubs.add_button.isChecked() and w.canvas.map_tool().key == "identify"
    qtbot.mouseClick(hubs.add_button, left)
    w.actions_by_name["paint territories"].setChecked(True)   # another tool ends it
    assert not hubs.add_button.isChecked() and w.canvas.map_tool() is w.features.paint_tool
    w.actions_by_name["paint territories"].setChecked(False)
    qtbot.mouseClick(hubs.add_button, left)
    w.canvas.map_clicked.emit(-90.2405, 38.6170)   # done: placed, the button comes up
    qtbot.waitUntil(lambda: _hub_count(w) == 1, timeout=10000)
    assert not hubs.add_button.isChecked() and w.canvas.map_tool().key == "identify"
    # Move: checked while waiting; Add… pressed meanwhile takes over (Move comes up, Add… goes down)
    hubs.list.setCurrentRow(0)
    qtbot.mouseClick(hubs.move_button, left)
    assert hubs.move_button.isChecked() and not hubs.add_button.isChecked()
    qtbot.mouseClick(hubs.add_button, left)
    assert hubs.add_button.isChecked() and not hubs.move_button.isChecked()
    assert w.canvas.map_tool() is w.features.hub_tool
    qtbot.mouseClick(hubs.move_button, left)
    assert hubs.move_button.isChecked() and not hubs.add_button.isChecked()
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert not hubs.move_button.isChecked() and w.canvas.map_tool().key == "identify"
    qtbot.mouseClick(hubs.move_button, left)
    w.canvas.map_clicked.emit(-90.2500, 38.6200)   # the move is made, and the button comes up
    assert not hubs.move_button.isChecked()
    from assetmap.hubs import directory

    hub = directory.load(w.project).hub(hubs.selected_id())
    assert (float(hub["longitude"]), float(hub["latitude"])) == (-90.25, 38.62)


def test_view_identify_returns_to_identify_and_is_checked_with_it(window, qtbot):
    """View › Identify (as QGIS's Identify Features): checked exactly while Identify is the map's tool,
    in one group with Paint territories and Draw a polygon; choosing it ends any other tool."""
    w = window
    identify = w.actions_by_name["identify"]
    paint, polygon = w.actions_by_name["paint territories"], w.actions_by_name["territory polygon"]
    view = next(a.menu() for a in w.menuBar().actions() if a.menu() and a.text().replace("&", "") == "View")
    assert identify in view.actions() and identify.isCheckable() and identify.isChecked()
    assert identify.actionGroup() is paint.actionGroup() is polygon.actionGroup()

    def checked():
        return [a for a in (identify, paint, polygon) if a.isChecked()]

    paint.trigger()
    assert w.canvas.map_tool() is w.features.paint_tool and checked() == [paint]
    polygon.trigger()   # another tool: paint ends, only polygon is checked
    assert w.canvas.map_tool() is w.features.polygon_tool and checked() == [polygon]
    identify.trigger()
    assert w.canvas.map_tool().key == "identify" and checked() == [identify]
    qtbot.waitUntil(lambda: w.canvas.state()["tool"] == "identify", timeout=5000)
    identify.trigger()   # chosen again: it stays the tool, and checked
    assert w.canvas.map_tool().key == "identify" and checked() == [identify]
    paint.trigger()
    paint.trigger()      # Ctrl+T twice still gives painting up: Identify is checked again
    assert w.canvas.map_tool().key == "identify" and checked() == [identify]
    # a dock's pick (the finder's) unchecks Identify; the shortcut brings Identify back
    w.features.finder.show()
    w.features.finder.pick_button.click()
    assert w.canvas.map_tool() is w.features.finder_tool and checked() == []
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)
    qtbot.keyClick(w, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.canvas.map_tool().key == "identify" and checked() == [identify]
    assert not w.features.finder.pick_button.isChecked()
    assert _status(w).startswith("Tool: Identify")
