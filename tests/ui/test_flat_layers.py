"""Polygon layers reach the page as binary buffers (amlayer://) and are drawn from flat arrays
(resources/js/assetmap_flat.js): what is sent, what a click finds (against shapely), clicks
through holes to the layer below, hatching of withheld units and the selection, in the pixels."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from PySide6.QtGui import QColor

from tests.ui.conftest import open_main_window, wait_drawn


def _layers(w):
    return {lyr["name"]: lyr for lyr in w.canvas.state()["layers"]}


@pytest.fixture()
def window(qtbot, isolated_home, map_project):
    return open_main_window(qtbot, map_project.path, (1000, 700))


def test_polygons_travel_as_binary_and_a_restyle_resends_nothing(window, qtbot):
    from assetmap.layers.style import Style
    from assetmap.ui import layer_scheme

    w = window
    layers = _layers(w)
    assert layers["neighborhoods"]["flat"] is True      # drawn from arrays, no object per feature
    assert layers["sites"]["flat"] is False             # points keep their markers
    handler = layer_scheme.handler()
    assert handler.pending(w.canvas._data_prefix("neighborhoods")) == 0  # fetched once, then forgotten
    served = len(handler.served)
    assert served >= 2
    fid = int(w.cache.frame("neighborhoods").index[0])
    before = w.canvas.evaluate(f"assetmap.featureFill('neighborhoods', {fid})")
    w.set_layer_style("neighborhoods", Style(kind="single", color="#ff00ff"))
    qtbot.waitUntil(lambda: w.canvas.evaluate(f"assetmap.featureFill('neighborhoods', {fid})") == "#ff00ff")
    assert before != "#ff00ff"
    w.set_layer_opacity("neighborhoods", 0.4)
    w.set_layer_visible("neighborhoods", False)
    qtbot.waitUntil(lambda: not _layers(w)["neighborhoods"]["visible"])
    wait_drawn(w, qtbot)
    assert len(handler.served) == served                # no geometry (nor attributes) sent again
    assert not w.canvas.page().console, w.canvas.page().console


def test_a_click_finds_the_feature_shapely_finds(window):
    """Points over the city: the feature the page's hit test finds there is the one shapely says
    contains it (points near a border, where the two may round differently, are left out)."""
    w = window
    frame = w.cache.frame("neighborhoods").to_crs(4326)
    x0, y0, x1, y1 = frame.total_bounds
    xs, ys = np.meshgrid(np.linspace(x0, x1, 23), np.linspace(y0, y1, 19))
    pts = shapely.points(xs.ravel(), ys.ravel())
    edges = shapely.boundary(frame.geometry.values)
    near = np.array([shapely.distance(edges, p).min() < 2e-4 for p in pts])
    pts = pts[~near]
    want = []
    for p in pts:
        hit = frame.index[frame.geometry.contains(p)].tolist()
        want.append(int(hit[-1]) if hit else None)
    lat_lng = [[float(p.y), float(p.x)] for p in pts]
    got = w.canvas.evaluate(f"{lat_lng}.map(function (p) {{ return assetmap.featureAt('neighborhoods', p[0], p[1]); }})")
    assert sum(v is not None for v in want) > 100 and want.count(None) > 10
    assert got == want


def _two_layer_project(tmp_path):
    """'ring': a square with a square hole, over 'under': one square filling the hole."""
    from assetmap.layers import LayerInfo, LayerRole
    from assetmap.project import Project

    p = Project.create(tmp_path / "holes.gpkg", crs="EPSG:4326")
    outer, hole = shapely.box(-90.30, 38.55, -90.10, 38.75), shapely.box(-90.25, 38.60, -90.15, 38.70)
    under = gpd.GeoDataFrame({"name": ["under"]}, geometry=[shapely.box(-90.26, 38.59, -90.14, 38.71)], crs=4326)
    ring = gpd.GeoDataFrame({"name": ["ring"], "suppressed": [False]}, geometry=[outer.difference(hole)], crs=4326)
    p.write_layer(under, LayerInfo("under", LayerRole.AREAS, "Under"))
    p.write_layer(ring, LayerInfo("ring", LayerRole.AREAS, "Ring"))
    p.set_layer_order(["ring", "under"])  # ring on top
    return p


def test_a_click_in_a_hole_reaches_the_layer_below(qtbot, isolated_home, tmp_path):
    p = _two_layer_project(tmp_path)
    w = open_main_window(qtbot, p.path, (900, 700))
    order = w.canvas.state()["order"]
    if order[0] != "ring":
        w.set_layer_order(["ring", "under"])
        qtbot.waitUntil(lambda: w.canvas.state()["order"][0] == "ring")
    assert all(lyr["flat"] for lyr in _layers(w).values())
    got = []
    w.canvas.feature_clicked.connect(lambda layer, fid, add: got.append(layer))
    w.canvas.evaluate("assetmap.mouseAtPoint(38.65, -90.20)")     # the middle of the hole
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == ["under"]
    w.canvas.evaluate("document.querySelectorAll('.leaflet-popup-close-button').forEach(function (b) { b.click(); })"
                      " || true")
    qtbot.waitUntil(lambda: w.canvas.evaluate("document.querySelectorAll('.leaflet-popup').length") == 0)
    got.clear()
    w.canvas.evaluate("assetmap.mouseAtPoint(38.57, -90.20)")     # on the ring itself
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == ["ring"]
    # the hand shows over the hole too (the feature below is clickable)
    qtbot.wait(50)
    w.canvas.evaluate("assetmap.mouseAtPoint(38.65, -90.20, ['mousemove'])")
    assert w.canvas.evaluate("document.querySelector('.leaflet-am-ring-pane canvas')"
                             ".classList.contains('leaflet-interactive')") is True


def _pixels(w, lat, lng, half=4):
    x, y = w.canvas.evaluate(f"assetmap.containerPoint({lat}, {lng})")
    img = w.canvas.grab().toImage()
    return {QColor(img.pixel(int(x) + dx, int(y) + dy)).name()
            for dx in range(-half, half + 1) for dy in range(-half, half + 1)}


def test_withheld_units_are_hatched_and_the_selection_outlined_in_the_pixels(qtbot, isolated_home, tmp_path):
    from assetmap.layers import LayerInfo, LayerRole
    from assetmap.layers.style import Style
    from assetmap.project import Project

    p = Project.create(tmp_path / "hatch.gpkg", crs="EPSG:4326")
    cells = gpd.GeoDataFrame({"n": [5, 0], "suppressed": [False, True]},
                             geometry=[shapely.box(-90.30, 38.60, -90.20, 38.70),
                                       shapely.box(-90.20, 38.60, -90.10, 38.70)], crs=4326)
    info = LayerInfo("cells", LayerRole.AREAS, "Cells")
    info.style = Style(kind="single", color="#2c7fb8", fill_opacity=1.0).to_dict()
    p.write_layer(cells, info)
    w = open_main_window(qtbot, p.path, (900, 700))
    qtbot.wait(300)
    plain = _pixels(w, 38.65, -90.25)
    hatched = _pixels(w, 38.65, -90.15)
    assert plain == {"#2c7fb8"}, plain                    # a flat fill
    assert len(hatched) >= 2 and "#2c7fb8" not in hatched, hatched  # the pattern, not the class colour
    # the selection: a thick black outline where the two cells meet
    edge_before = _pixels(w, 38.65, -90.20, half=1)
    fid = int(w.cache.frame("cells").index[0])
    w.canvas.highlight("cells", [fid])
    wait_drawn(w, qtbot)
    qtbot.wait(300)
    edge_after = _pixels(w, 38.65, -90.20, half=1)
    assert "#000000" in edge_after and "#000000" not in edge_before, (edge_before, edge_after)
    assert not w.canvas.page().console, w.canvas.page().console


def test_layers_not_fetched_are_dropped_with_their_canvas(qtbot):
    """A map closed before its page read a layer leaves nothing behind in memory."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from assetmap.ui import layer_scheme
    from assetmap.ui.map_canvas import MapCanvas

    canvas = MapCanvas()
    frame = gpd.GeoDataFrame({"n": [1]}, geometry=[shapely.box(0, 0, 1, 1)], crs=4326)
    canvas.set_layer_frame("cells", frame, {"kind": "single", "color": "#ff0000"})
    prefix = canvas._data_prefix("cells")
    assert layer_scheme.handler().pending(prefix) == 2   # geometry and attributes, not yet fetched
    canvas.page().deleteLater()
    canvas.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert layer_scheme.handler().pending(prefix) == 0
