"""The feature panels inside the real main window: painting territories by clicking the map,
placing a hub by clicking the map, undo through the window's Edit menu."""

from __future__ import annotations

import ctypes
import time

import pytest

from tests.conftest import run_cli
from tests.ui.conftest import wait_drawn

# PySide6 6.12 on Python 3.11 loses a reference to True/False on some bool signal paths; with
# enough UI tests in one process, `True` is freed at interpreter exit (Fatal: bool_dealloc,
# exit 134 after all tests passed). References that are never released (not even when modules are
# torn down) keep the count from reaching 0.
for _b in (True, False):
    for _ in range(100_000):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(_b))


@pytest.fixture()
def window(qtbot, isolated_home, demo_copy):
    r = run_cli("territories", "new", demo_copy.path, "--plan", "Mine", "--areas", "neighborhoods",
                "--teams", "3", "--by", "population")
    assert r.returncode == 0, r.stderr
    from tests.ui.conftest import open_main_window

    return open_main_window(qtbot, demo_copy.path, (1100, 750))


def _fid_of(w, nhd_num):
    frame = w.cache.frame("neighborhoods")
    return int(frame.index[frame["NHD_NUM"] == nhd_num][0])


def _current_team(w, qtbot, index):
    """(territories panel, team) once the plan is open, with team ``index`` chosen for painting."""
    panel = w.features.territories
    qtbot.waitUntil(lambda: panel.session is not None)
    panel.team_combo.setCurrentIndex(index)
    return panel, panel.model.teams[index]


def _fill(w, fid):
    return w.canvas.evaluate(f"assetmap.featureFill('neighborhoods', {fid})")


def test_paint_by_clicking_the_map_and_undo(window, qtbot, tmp_path):
    w = window
    panel = w.features.territories
    qtbot.waitUntil(lambda: panel.session is not None)
    w.actions_by_name["paint territories"].setChecked(True)
    assert panel.isVisible()
    team = panel.model.teams[1]
    panel.team_combo.setCurrentIndex(1)
    fid = _fid_of(w, 38)
    uid = w.features.unit_id("neighborhoods", fid)
    assert panel.model.assignment.get(uid) != team.team
    t0 = time.perf_counter()
    assert w.canvas.evaluate(f"assetmap.clickFeature('neighborhoods', {fid})") is True
    qtbot.waitUntil(lambda: panel.model.assignment.get(uid) == team.team, timeout=5000)
    qtbot.waitUntil(lambda: (_fill(w, fid) or "").lower() == team.colour.lower(), timeout=5000)
    print(f"click to repainted unit: {1000 * (time.perf_counter() - t0):.0f} ms")
    assert team.name in w.canvas.state()["legend"]
    # the window's Undo takes the stroke back
    w.actions_by_name["undo"].trigger()
    qtbot.waitUntil(lambda: panel.model.assignment.get(uid) != team.team, timeout=5000)
    qtbot.waitUntil(lambda: (_fill(w, fid) or "").lower() != team.colour.lower(), timeout=5000)
    w.grab().save(str(tmp_path / "paint.png"))


def test_clicks_do_not_paint_when_paint_mode_is_off(window, qtbot):
    w = window
    panel = w.features.territories
    qtbot.waitUntil(lambda: panel.session is not None)
    before = dict(panel.model.assignment)
    fid = _fid_of(w, 12)
    assert w.canvas.evaluate(f"assetmap.clickFeature('neighborhoods', {fid})") is True
    qtbot.wait(300)
    assert dict(panel.model.assignment) == before


def test_place_a_hub_by_clicking_inside_a_neighbourhood(window, qtbot):
    from PySide6.QtWidgets import QDialog

    from assetmap.ui.hubs_dock import HubForm

    class Answered(HubForm):  # the hub form answered as a user would, without a modal loop
        def exec(self):
            self.name.setText("Corner Family Center")
            return QDialog.DialogCode.Accepted

    w = window
    hubs = w.features.hubs
    hubs.form_factory = Answered
    hubs.show()
    hubs.add_button.click()
    fid = _fid_of(w, 38)
    assert w.canvas.evaluate(f"assetmap.clickFeature('neighborhoods', {fid})") is True
    qtbot.waitUntil(lambda: "hubs" in w.project.layer_names(), timeout=10000)
    gdf = w.project.read_layer("hubs")
    assert list(gdf["name"]) == ["Corner Family Center"]
    area = w.project.read_layer("neighborhoods")
    assert area.loc[area["NHD_NUM"] == 38].geometry.iloc[0].contains(gdf.geometry.iloc[0])
    qtbot.waitUntil(lambda: "hubs" in w.canvas.state()["order"], timeout=10000)
    # one undo in the window's Edit menu removes it again
    w.actions_by_name["undo"].trigger()
    qtbot.waitUntil(lambda: "hubs" not in w.project.layer_names() or len(w.project.read_layer("hubs")) == 0,
                    timeout=10000)


def test_finder_spot_picked_on_the_map_stays_in_memory(window, qtbot, isolated_home):
    w = window
    finder = w.features.finder
    finder.show()
    before = w.project.path.read_bytes()
    finder.pick_button.click()
    fid = _fid_of(w, 38)
    assert w.canvas.evaluate(f"assetmap.clickFeature('neighborhoods', {fid})") is True
    qtbot.waitUntil(lambda: finder._spot is not None, timeout=5000)
    lon, lat = finder._spot
    area = w.project.read_layer("neighborhoods")
    from shapely.geometry import Point

    assert area.loc[area["NHD_NUM"] == 38].geometry.iloc[0].contains(Point(lon, lat))
    assert w.project.path.read_bytes() == before  # the family's spot is not written to the project
    settings_text = "".join(p.read_text(errors="replace") for p in isolated_home.rglob("*.conf"))
    assert f"{lat:.4f}" not in settings_text and f"{lon:.4f}" not in settings_text
    finder.forget_button.click()
    assert finder._spot is None


def test_drag_paints_every_unit_entered_as_one_stroke(window, qtbot, tmp_path):
    w = window
    panel = w.features.territories
    qtbot.waitUntil(lambda: panel.session is not None)
    assert w.canvas.state()["dragging"] is True
    w.actions_by_name["paint territories"].setChecked(True)
    # painting takes the drag: the map must not pan under the stroke
    qtbot.waitUntil(lambda: w.canvas.state()["dragging"] is False, timeout=5000)
    panel.team_combo.setCurrentIndex(2)
    team = panel.model.teams[2]
    fids = [_fid_of(w, n) for n in (1, 2, 3, 4, 5)]
    uids = [w.features.unit_id("neighborhoods", f) for f in fids]
    before = {u: panel.model.assignment.get(u) for u in uids}
    assert any(before[u] != team.team for u in uids)
    depth = len(w.stack._undo)
    t0 = time.perf_counter()
    assert w.canvas.evaluate(f"assetmap.dragAcross('neighborhoods', {fids})") is True
    qtbot.waitUntil(lambda: all(panel.model.assignment.get(u) == team.team for u in uids), timeout=5000)
    qtbot.waitUntil(lambda: all((_fill(w, f) or "").lower() == team.colour.lower() for f in fids),
                    timeout=5000)
    print(f"stroke over {len(fids)} of 88 units to repainted: {1000 * (time.perf_counter() - t0):.0f} ms")
    assert len(w.stack._undo) == depth + 1  # one stroke, one undo step
    w.grab().save(str(tmp_path / "stroke.png"))
    # one Undo takes the whole stroke back
    w.actions_by_name["undo"].trigger()
    qtbot.waitUntil(lambda: all(panel.model.assignment.get(u) == before[u] for u in uids), timeout=5000)
    w.actions_by_name["paint territories"].setChecked(False)
    qtbot.waitUntil(lambda: w.canvas.state()["dragging"] is True, timeout=5000)


def test_assign_with_a_drawn_polygon(window, qtbot, tmp_path):
    import geopandas as gpd
    import shapely

    w = window
    panel, team = _current_team(w, qtbot, 0)
    frame = w.cache.frame("neighborhoods")
    wgs = gpd.GeoDataFrame(frame, geometry="geometry", crs=frame.crs).to_crs("EPSG:4326")
    minx, miny, maxx, maxy = wgs.total_bounds
    # a rectangle over the south-west of the city, in lon/lat as the page sends it
    ring = [(minx, miny), (minx + 0.35 * (maxx - minx), miny), (minx + 0.35 * (maxx - minx),
            miny + 0.3 * (maxy - miny)), (minx, miny + 0.3 * (maxy - miny))]
    w.actions_by_name["territory polygon"].trigger()
    for lon, lat in ring:
        assert w.canvas.evaluate(f"assetmap.addVertex({lat}, {lon})") is True
    assert w.canvas.evaluate("assetmap.finishPolygon()") is True
    # oracle: share of each area inside the rectangle, measured in an equal-area CRS
    eq = wgs.to_crs("EPSG:5070")
    rect = gpd.GeoSeries([shapely.Polygon(ring)], crs="EPSG:4326").to_crs("EPSG:5070").iloc[0]
    share = eq.geometry.intersection(rect).area / eq.geometry.area
    inside = {w.features.unit_id("neighborhoods", f) for f in share.index[share > 0.6]}
    outside = {w.features.unit_id("neighborhoods", f) for f in share.index[share < 0.4]}
    assert inside
    qtbot.waitUntil(lambda: all(panel.model.assignment.get(u) == team.team for u in inside), timeout=5000)
    assert not any(panel.model.assignment.get(u) == team.team for u in outside)
    fid = int(share.idxmax())
    qtbot.waitUntil(lambda: (_fill(w, fid) or "").lower() == team.colour.lower(), timeout=5000)
    w.canvas.zoom_all()
    shot = []
    w.canvas.when_drawn(lambda: shot.append(w.grab().save(str(tmp_path / "polygon.png"))))
    qtbot.waitUntil(lambda: bool(shot), timeout=5000)
    assert w.canvas.evaluate("assetmap.addVertex(1, 1)") is False  # the drawing mode ended
    w.actions_by_name["undo"].trigger()
    qtbot.waitUntil(lambda: not any(panel.model.assignment.get(u) == team.team for u in inside), timeout=5000)


def test_import_sensitive_reports_menu_opens_the_wizard_and_refreshes_layers(window, qtbot, monkeypatch):
    """The wizard itself is tested in tests/reports; here: the menu entry reaches it with the open
    project, and the layer list shows what it wrote when it is done."""
    import dataclasses

    import assetmap.ui.reports_wizard as rw

    w = window
    calls = []

    def fake_wizard(parent, project, on_done=None):
        calls.append(project)
        info = project.layer("neighborhoods")
        gdf = w.cache.frame("neighborhoods")[["geometry"]].copy()
        project.write_layer(gdf, dataclasses.replace(info, name="report_counts",
                                                     display_name="Report counts"))
        on_done(None)

    monkeypatch.setattr(rw, "open_reports_wizard", fake_wizard)
    assert "report_counts" not in w.layers_panel.names()
    w.actions_by_name["import reports"].trigger()
    assert calls == [w.project]
    qtbot.waitUntil(lambda: "report_counts" in w.layers_panel.names(), timeout=10000)


def test_compare_two_plans_outlines_the_differing_units(window, qtbot):
    w = window
    panel = w.features.territories
    qtbot.waitUntil(lambda: panel.session is not None)
    assert panel.duplicate_plan(name="Mine v2")
    panel.open_plan("Mine v2")
    w.actions_by_name["paint territories"].setChecked(True)
    team = panel.model.teams[2].team
    panel.team_combo.setCurrentIndex(2)
    changed = [n for n in (38, 39) if panel.model.assignment.get(w.features.unit_id(
        "neighborhoods", _fid_of(w, n))) != team]
    for n in changed:
        assert w.canvas.evaluate(f"assetmap.clickFeature('neighborhoods', {_fid_of(w, n)})") is True
    qtbot.waitUntil(lambda: all(panel.model.assignment.get(w.features.unit_id("neighborhoods", _fid_of(w, n)))
                                == team for n in changed), timeout=5000)
    dlg = panel.compare_plans(show=False)
    qtbot.addWidget(dlg)
    dlg.a.setCurrentText("Mine")
    dlg.b.setCurrentText("Mine v2")
    assert len(dlg.differing_units()) == len(changed) > 0
    dlg.map_button.click()
    expected = sorted(_fid_of(w, n) for n in changed)
    qtbot.waitUntil(lambda: next(l for l in w.canvas.state()["layers"] if l["name"] == "neighborhoods")
                    ["highlighted"] == expected, timeout=5000)


def test_escape_gives_up_a_polygon(window, qtbot):
    from PySide6.QtCore import Qt

    w = window
    panel = w.features.territories
    qtbot.waitUntil(lambda: panel.session is not None)
    before = dict(panel.model.assignment)
    w.actions_by_name["territory polygon"].trigger()
    qtbot.waitUntil(lambda: w.canvas.evaluate("assetmap.drawingPolygon()") is True, timeout=5000)
    for lat, lon in ((38.60, -90.30), (38.60, -90.25), (38.65, -90.25)):
        assert w.canvas.evaluate(f"assetmap.addVertex({lat}, {lon})") is True
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: w.canvas.evaluate("assetmap.drawingPolygon()") is False, timeout=5000)
    assert w.canvas.evaluate("assetmap.finishPolygon()") is False  # nothing left to finish
    assert dict(panel.model.assignment) == before


def test_paint_stroke_with_the_mouse_under_a_point_layer(qtbot, isolated_home, map_project):
    """Painting works with a point layer drawn above the areas (its canvas covers the map): a
    real mouse press on one unit and moves over two more paint all three, in one stroke."""
    r = run_cli("territories", "new", map_project.path, "--plan", "Mine", "--areas", "neighborhoods",
                "--teams", "3", "--by", "population")
    assert r.returncode == 0, r.stderr
    from tests.ui.conftest import open_main_window

    w = open_main_window(qtbot, map_project.path, (1100, 750))
    assert w.canvas.state()["order"][0] == "sites"
    panel = w.features.territories
    qtbot.waitUntil(lambda: panel.session is not None)
    w.actions_by_name["paint territories"].setChecked(True)
    qtbot.waitUntil(lambda: w.canvas.state()["dragging"] is False, timeout=5000)
    panel.team_combo.setCurrentIndex(1)
    team = panel.model.teams[1]
    fids = [_fid_of(w, n) for n in (20, 21, 22)]
    uids = [w.features.unit_id("neighborhoods", f) for f in fids]
    depth = len(w.stack._undo)

    def on_top(fid):  # what a mouse there would touch (no events sent); None while the map moves
        return w.canvas.evaluate(f"assetmap.mouseAt('neighborhoods', {fid}, [])") or ""

    qtbot.waitUntil(lambda: all("am-sites" in on_top(f) for f in fids), timeout=5000)
    w.canvas.evaluate(f"assetmap.mouseAt('neighborhoods', {fids[0]}, ['mousedown'])")
    for f in fids[1:]:
        qtbot.wait(60)  # hover is throttled to one check per 32 ms, as for a real mouse
        w.canvas.evaluate(f"assetmap.mouseAt('neighborhoods', {f}, ['mousemove'])")
    w.canvas.evaluate(f"assetmap.mouseAt('neighborhoods', {fids[-1]}, ['mouseup'])")
    qtbot.waitUntil(lambda: all(panel.model.assignment.get(u) == team.team for u in uids), timeout=5000)
    assert len(w.stack._undo) == depth + 1


def test_draw_a_polygon_with_the_mouse_and_finish_with_a_double_click(window, qtbot):
    """Corners by mouse clicks on the map, a double-click to finish, as in QGIS: the units inside
    are assigned, and the double-click does not also zoom the map in."""
    import geopandas as gpd

    w = window
    panel, team = _current_team(w, qtbot, 0)
    frame = w.cache.frame("neighborhoods")
    minx, miny, maxx, maxy = gpd.GeoDataFrame(frame, geometry="geometry", crs=frame.crs).to_crs(4326).total_bounds

    def at(fx, fy):  # (lat, lon) well inside the view
        return miny + fy * (maxy - miny), minx + fx * (maxx - minx)

    corners = [at(0.3, 0.3), at(0.6, 0.3), at(0.6, 0.5), at(0.3, 0.5)]
    drawn = []
    w.canvas.polygon_drawn.connect(drawn.append)
    w.actions_by_name["territory polygon"].trigger()
    # The tool shows the Territories panel, which takes room from the map (Leaflet keeps its
    # centre): Zoom to all, as a user would, so every corner is on the map.
    qtbot.waitUntil(lambda: w.canvas.state()["size"][0] < 400)
    w.canvas.zoom_all()
    wait_drawn(w, qtbot)
    zoom = w.canvas.state()["zoom"]
    for lat, lon in corners[:-1]:
        assert w.canvas.evaluate(f"assetmap.mouseAtPoint({lat}, {lon})")
        qtbot.wait(350)  # apart in time: single clicks, not a double-click
    lat, lon = corners[-1]
    w.canvas.evaluate(f"assetmap.mouseAtPoint({lat}, {lon}, "
                      "['mousedown', 'mouseup', 'click', 'mousedown', 'mouseup', 'click', 'dblclick'])")
    qtbot.waitUntil(lambda: bool(drawn), timeout=20000)  # a loaded machine is slow, not wrong
    assert len(drawn[0]) == 4  # the double-click's own clicks add no corner
    assert all(abs(y - a) < 1e-3 and abs(x - b) < 1e-3 for (x, y), (a, b) in zip(drawn[0], corners))  # ~1 px
    qtbot.waitUntil(lambda: any(v == team.team for v in panel.model.assignment.values()), timeout=5000)
    qtbot.wait(700)  # past the moment double-click zoom comes back
    assert w.canvas.state()["zoom"] == zoom
