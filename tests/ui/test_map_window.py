"""The real main window on a real project; the page's state is read back through
JavaScript (assetmap.state()), so each test checks what the map actually shows."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from assetmap.layers.style import Style, ramp_colors
from assetmap.mapview.classify import class_index


@pytest.fixture()
def window(qtbot, isolated_home, map_project):
    from assetmap.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    assert w.open_project(map_project.path)
    drawn = []
    w.canvas.when_drawn(lambda: drawn.append(1))
    qtbot.waitUntil(lambda: bool(drawn), timeout=20000)
    return w


def state(w):
    return {lyr["name"]: lyr for lyr in w.canvas.state()["layers"]}


def test_layers_drawn_in_project_order(window):
    st = window.canvas.state()
    assert st["order"] == window.project.layer_names()
    layers = state(window)
    assert layers["neighborhoods"]["count"] == window.project.layer("neighborhoods").feature_count
    assert layers["sites"]["count"] == 5  # the confidential shelter is never sent to the page
    assert not window.canvas.page().console, window.canvas.page().console


def test_toggle_visibility_undo(window, qtbot):
    item = window.layers_panel.item("neighborhoods")
    item.setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: not state(window)["neighborhoods"]["visible"])
    assert not window.project.layer("neighborhoods").visible
    assert "Neighbourhoods" not in window.canvas.state()["legend"]
    window.actions_by_name["undo"].trigger()
    qtbot.waitUntil(lambda: state(window)["neighborhoods"]["visible"])
    assert window.project.layer("neighborhoods").visible
    assert window.layers_panel.item("neighborhoods").checkState() == Qt.CheckState.Checked


def test_reorder_by_panel(window, qtbot):
    assert window.project.layer_names()[0] == "sites"
    window.layers_panel.move("neighborhoods", 0)
    qtbot.waitUntil(lambda: window.canvas.state()["order"][0] == "neighborhoods")
    layers = state(window)
    assert layers["neighborhoods"]["z"] > layers["sites"]["z"]
    assert window.project.layer_names()[0] == "neighborhoods"
    window.stack.undo()
    qtbot.waitUntil(lambda: window.canvas.state()["order"][0] == "sites")
    assert window.layers_panel.names()[0] == "sites"


def test_opacity_slider_is_one_undo_step(window, qtbot):
    window.layers_panel.select("neighborhoods")
    for v in (80, 60, 40):
        window.layers_panel.opacity.setValue(v)
    qtbot.waitUntil(lambda: abs(state(window)["neighborhoods"]["opacity"] - 0.4) < 1e-6)
    assert window.project.layer("neighborhoods").opacity == pytest.approx(0.4)
    window.stack.undo()
    qtbot.waitUntil(lambda: state(window)["neighborhoods"]["opacity"] == 1)


def test_style_dialog_graduated_natural_breaks(window, qtbot):
    from assetmap.ui.style_dialog import StyleDialog

    frame = window.cache.frame("neighborhoods")
    dlg = StyleDialog(Style(), ["pop_per_sqmi", "population"], ["NHD_NAME"], "Neighbourhoods")
    qtbot.addWidget(dlg)
    dlg.kind.setCurrentIndex(dlg.kind.findData("graduated"))
    dlg.field.setCurrentText("pop_per_sqmi")
    dlg.scheme.setCurrentIndex(dlg.scheme.findData("natural_breaks"))
    dlg.k.setValue(4)
    dlg.ramp.setCurrentIndex(dlg.ramp.findData("Blues"))
    window.set_layer_style("neighborhoods", dlg.style())
    qtbot.waitUntil(lambda: state(window)["neighborhoods"]["kind"] == "graduated")
    assert "pop_per_sqmi" in window.canvas.state()["legend"]
    # The densest neighbourhood must be filled with the darkest of 4 Blues.
    fid = int(frame["pop_per_sqmi"].idxmax())
    fill = window.canvas.evaluate(f'assetmap.featureFill("neighborhoods", {fid})')
    assert fill == ramp_colors("Blues", 4)[-1]
    low = int(frame["pop_per_sqmi"].idxmin())
    assert window.canvas.evaluate(f'assetmap.featureFill("neighborhoods", {low})') == ramp_colors("Blues", 4)[0]
    window.stack.undo()
    qtbot.waitUntil(lambda: state(window)["neighborhoods"]["kind"] == "single")


def test_table_selection_highlights_map_and_back(window, qtbot):
    window.show_table("neighborhoods")
    table = window.table
    table.view.sortByColumn(table.model._cols.index("population"), Qt.SortOrder.DescendingOrder)
    frame = window.cache.frame("neighborhoods")
    top2 = sorted(int(i) for i in frame["population"].nlargest(2).index)
    sm = table.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    sm.select(table.proxy.index(0, 0), flags)
    sm.select(table.proxy.index(1, 0), flags)
    qtbot.waitUntil(lambda: state(window)["neighborhoods"]["highlighted"] == top2)
    # A click on the map (as the page reports it) selects that row.
    other = int(frame.index[5])
    window.canvas._bridge.featureClicked("neighborhoods", other, False)
    qtbot.waitUntil(lambda: state(window)["neighborhoods"]["highlighted"] == [other])
    assert table.selected_ids() == [other]
    table.filter.setText(str(frame.loc[other, "NHD_NAME"]))
    assert table.proxy.rowCount() >= 1


def test_remove_with_undo_and_rename(window, qtbot):
    window.rename_layer("sites", "Community sites")
    qtbot.waitUntil(lambda: state(window)["sites"]["title"] == "Community sites")
    assert window.layers_panel.item("sites").text() == "Community sites"
    assert window.remove_layer("sites", confirm=False)
    qtbot.waitUntil(lambda: "sites" not in state(window))
    assert not window.project.has_layer("sites")
    window.stack.undo()
    qtbot.waitUntil(lambda: "sites" in state(window))
    assert window.project.layer("sites").display_name == "Community sites"


def test_status_bar_and_accessible_names(window, qtbot):
    window.canvas.cursor_moved.emit(-90.2, 38.6, 50000.0)
    assert window.coords.text() == "38.60000, -90.20000" and window.scale.text() == "1:50,000"
    for wdg in [window.layers_panel.list, window.layers_panel.opacity, window.table.view, window.table.filter,
                *window.layers_panel.buttons.values(), window.canvas]:
        assert wdg.accessibleName()


def test_import_on_worker_thread(window, qtbot, stl, tmp_path):
    import shutil

    from assetmap.errors import UserError
    from assetmap.ui import window_actions

    before = window.project.layer_names()
    task = window_actions.import_files(window, [stl / "neighborhoods.geojson"], role="other")
    with qtbot.waitSignal(task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [False] and isinstance(task.error, UserError)  # same name: refused, shown
    assert window.project.layer_names() == before
    task.error_box.close()
    copy = tmp_path / "second_copy.geojson"
    shutil.copyfile(stl / "neighborhoods.geojson", copy)
    task = window_actions.import_files(window, [copy], role="other")
    with qtbot.waitSignal(task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [True], task.error
    new = [n for n in window.project.layer_names() if n not in before]
    assert len(new) == 1
    qtbot.waitUntil(lambda: new[0] in state(window))


def test_recent_projects_remembered(window, isolated_home):
    from assetmap.ui import window_actions

    assert window_actions.recent_projects()[0] == str(window.project.path)
    assert str(isolated_home) in window_actions.settings().fileName()


def test_exported_html_loads_offline(window, qtbot, tmp_path):
    """The exported file shows its layers in a browser that may not reach the network."""
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineCore import QWebEngineUrlRequestInterceptor

    from PySide6.QtWebEngineWidgets import QWebEngineView

    from assetmap.mapview.export import export_html

    out = export_html(window.project, tmp_path / "m.html")
    assert not re.search(r"https?://", out.read_text())

    class Spy(QWebEngineUrlRequestInterceptor):
        def __init__(self):
            super().__init__()
            self.urls = []

        def interceptRequest(self, info):  # noqa: N802
            self.urls.append(info.requestUrl().toString())

    view = QWebEngineView()  # a plain browser view: no bridge, no app page
    qtbot.addWidget(view)
    spy = Spy()
    view.page().setUrlRequestInterceptor(spy)
    with qtbot.waitSignal(view.loadFinished, timeout=20000):
        view.load(QUrl.fromLocalFile(str(out)))
    box = []
    view.page().runJavaScript("String(JSON.stringify(assetmap.state()))", 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10000)
    st = box[0]
    import json

    layers = {lyr["name"]: lyr for lyr in json.loads(st)["layers"]}
    assert layers["neighborhoods"]["count"] == window.project.layer("neighborhoods").feature_count
    assert all(u.startswith(("file:", "data:", "qrc:")) for u in spy.urls), spy.urls


def test_drop_files_imports(window, qtbot, stl, tmp_path, monkeypatch):
    import shutil

    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QInputDialog

    copy = tmp_path / "dropped_areas.geojson"
    shutil.copyfile(stl / "neighborhoods.geojson", copy)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("areas", True)))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(copy))])
    ev = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier)
    window.dropEvent(ev)
    qtbot.waitUntil(lambda: "dropped_areas" in window.project.layer_names(), timeout=60000)
    assert window.project.layer("dropped_areas").role.value == "areas"
    qtbot.waitUntil(lambda: "dropped_areas" in state(window), timeout=20000)


def test_a_file_dropped_on_the_map_is_imported(window, qtbot, stl, tmp_path, monkeypatch):
    """The map is most of the window: a file dropped there goes to the widget under the mouse
    (the web view's own child, which takes drops), and must be imported all the same."""
    import shutil

    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication, QInputDialog

    copy = tmp_path / "dropped_on_map.geojson"
    shutil.copyfile(stl / "neighborhoods.geojson", copy)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("areas", True)))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(copy))])
    centre = window.canvas.mapTo(window, window.canvas.rect().center())
    target = window.childAt(centre)  # what Qt delivers a drop at that point to
    assert target is not None and (target is window.canvas or window.canvas.isAncestorOf(target))
    at = target.mapFrom(window, centre)
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(at, *args)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDragMoveEvent(at, *args))
    QApplication.sendEvent(target, QDropEvent(QPointF(at), *args))
    qtbot.waitUntil(lambda: "dropped_on_map" in window.project.layer_names(), timeout=60000)
    assert window.canvas.url().fileName() == "map.html"  # the page was not replaced by the file


def test_worker_cancel(window, qtbot):
    import time

    from assetmap.ui.workers import run_task

    def slow(ctx):
        for i in range(1000):
            ctx.progress(i / 1000, "working")
            time.sleep(0.01)
        return "finished"

    task = run_task(window, "Slow", slow)
    from PySide6.QtWidgets import QPushButton

    from assetmap.ui.accessible import missing_accessible_names

    qtbot.waitUntil(task.dialog.isVisible, timeout=5000)  # shown after 300 ms
    assert missing_accessible_names(task.dialog) == []  # its Cancel button too, for a screen reader
    with qtbot.waitSignal(task.finished, timeout=20000) as sig:
        task.dialog.findChild(QPushButton).click()
    assert sig.args == [False] and task.result is None and task.error is None


def test_no_basemap_by_default_optional_xyz(window, qtbot):
    assert window.canvas.evaluate("assetmap.hasBasemap()") is False
    assert not re.search(r"https?://", window.canvas.page_path.read_text())
    from assetmap.ui import window_actions

    window_actions.settings().setValue("basemap/xyz_url", "file:///nonexistent/{z}/{x}/{y}.png")
    window.open_project(window.project.path)
    qtbot.waitUntil(lambda: window.canvas.evaluate("assetmap.hasBasemap()") is True)


def test_a_real_click_reaches_the_areas_under_a_point_layer(window, qtbot):
    """Each layer draws on its own canvas and the sites' canvas covers the whole map: a mouse
    click on a neighbourhood (no site there) must still reach the neighbourhood, and one on a
    site the site. The events go to the element on top at that pixel, as a real click's do."""
    w = window
    assert w.canvas.state()["order"][0] == "sites"
    got = []
    w.canvas.feature_clicked.connect(lambda layer, fid, add: got.append((layer, fid)))
    frame = w.cache.frame("neighborhoods")
    fid = int(frame.index[40])
    # The element a mouse there would touch (no events sent; None while the map still moves):
    qtbot.waitUntil(lambda: "am-sites" in (w.canvas.evaluate(f"assetmap.mouseAt('neighborhoods', {fid}, [])")
                                           or ""), timeout=5000)
    # Hovering it shows the hand, though the pointer is over the sites' canvas.
    w.canvas.evaluate(f"assetmap.mouseAt('neighborhoods', {fid}, ['mousemove'])")
    assert w.canvas.evaluate("document.querySelector('.leaflet-am-sites-pane canvas')"
                             ".classList.contains('leaflet-interactive')") is True
    qtbot.wait(50)  # hover checks are throttled to one per 32 ms
    w.canvas.evaluate(f"assetmap.mouseAt('neighborhoods', {fid})")  # lands on the sites' canvas ...
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [("neighborhoods", fid)]  # ... and reaches the neighbourhood below
    popup = w.canvas.evaluate("(document.querySelector('.leaflet-popup-content') || {}).innerText || ''")
    assert str(frame.at[fid, "NHD_NAME"]) in popup
    w.canvas.evaluate("document.querySelectorAll('.leaflet-popup-close-button').forEach(function (b) { b.click(); })"
                      " || true")
    qtbot.waitUntil(lambda: w.canvas.evaluate("document.querySelectorAll('.leaflet-popup').length") == 0)
    site = int(w.cache.frame("sites").index[0])
    got.clear()
    w.canvas.evaluate(f"assetmap.mouseAt('sites', {site})")
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [("sites", site)]
    # A hidden layer takes nothing: with the neighbourhoods hidden, the click is a plain map click
    # (the site's popup closed first: it may cover the spot).
    w.canvas.evaluate("document.querySelectorAll('.leaflet-popup-close-button').forEach(function (b) { b.click(); })"
                      " || true")
    qtbot.waitUntil(lambda: w.canvas.evaluate("document.querySelectorAll('.leaflet-popup').length") == 0)
    w.layers_panel.item("neighborhoods").setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: not state(w)["neighborhoods"]["visible"])
    got.clear()
    clicked = []
    w.canvas.map_clicked.connect(lambda lon, lat: clicked.append((lon, lat)))
    w.canvas.evaluate(f"assetmap.mouseAt('neighborhoods', {fid})")
    qtbot.waitUntil(lambda: bool(clicked), timeout=5000)
    assert got == []


def test_real_mouse_moves_reach_the_status_bar(window, qtbot):
    """The status bar follows the real mouse over the map (not only the signal), also over a
    point layer's canvas."""
    w = window
    frame = w.cache.frame("neighborhoods")
    fid = int(frame.index[40])
    qtbot.waitUntil(lambda: "am-sites" in (w.canvas.evaluate(f"assetmap.mouseAt('neighborhoods', {fid}, [])")
                                           or ""), timeout=5000)
    w.coords.setText("")
    w.canvas.evaluate(f"assetmap.mouseAt('neighborhoods', {fid}, ['mousemove'])")
    qtbot.waitUntil(lambda: w.coords.text() != "", timeout=5000)
    lat, lon = (float(v) for v in w.coords.text().split(","))
    x, y = frame.to_crs(4326).geometry.loc[fid].centroid.coords[0]
    assert abs(lat - y) < 0.01 and abs(lon - x) < 0.01
    assert w.scale.text().startswith("1:")



def test_zoom_to_all_keeps_the_layers_clear_of_the_legend(window, qtbot):
    """Zoom to all fits the layers beside the legend (bottom right), not under it, as long as the
    legend leaves the map more than half its width."""
    window.resize(1000, 1000)  # a tall map: the city fills its width, where the legend is
    qtbot.waitUntil(lambda: window.canvas.state()["size"][1] > 800)
    window.canvas.zoom_all()
    qtbot.wait(200)
    st = window.canvas.state()
    ext, legend = st["extentPx"], st["legendPx"]
    assert legend is not None and legend["width"] < 0.45 * st["size"][0]
    assert ext["right"] <= legend["left"] + 1, (ext, legend)
    assert ext["left"] >= 0 and ext["right"] - ext["left"] > 0.3 * st["size"][0]  # still a city, not a dot
    # A legend that would leave a strip is not made room for: the map keeps its whole width.
    window.canvas.evaluate("(function () { document.querySelector('.am-legend').style.minWidth = '70%'; return true; })()")
    window.canvas.zoom_all()
    qtbot.wait(200)
    wide = window.canvas.state()["extentPx"]
    assert wide["right"] - wide["left"] >= ext["right"] - ext["left"] - 1
