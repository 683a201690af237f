"""A restyle of a large polygon layer reuses the canvas paths of the view (issue 20: restyle
of 100,000 under 20 ms): few paths are built, and what is drawn is still each feature in the
colour of its class as Python computes it, missing values in the 'other' colour and withheld
units hatched, with most of the layer in view (kept paths) and zoomed in (per-colour paths)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from PySide6.QtGui import QColor

from tests.ui.conftest import open_main_window, wait_drawn

SIDE = 60  # 3,600 cells: 150 chunks of 24 features


def _project(tmp_path):
    from assetmap.layers import LayerInfo, LayerRole
    from assetmap.layers.style import Style
    from assetmap.project import Project

    p = Project.create(tmp_path / "cells.gpkg", crs="EPSG:4326")
    d = 0.004
    i, j = np.divmod(np.arange(SIDE * SIDE), SIDE)
    geoms = [shapely.box(-90.32 + b * d, 38.55 + a * d, -90.32 + (b + 0.9) * d, 38.55 + (a + 0.9) * d)
             for a, b in zip(i, j)]
    rng = np.random.default_rng(4)
    value = rng.lognormal(3, 1, SIDE * SIDE)
    value[rng.random(value.size) < 0.03] = np.nan          # missing: the 'other' colour
    withheld = rng.random(value.size) < 0.03               # hatched, whatever the value
    cells = gpd.GeoDataFrame({"name": [f"cell {k}" for k in range(value.size)], "value": value,
                              "suppressed": withheld}, geometry=geoms, crs=4326)
    info = LayerInfo("cells", LayerRole.AREAS, "Cells")
    info.style = Style(kind="graduated", field="value", scheme="equal_interval", k=5, ramp="YlOrRd",
                       fill_opacity=1.0, weight=0.0).to_dict()
    p.write_layer(cells, info)
    return p


def _expected(frame, style):
    from assetmap.mapview import leaflet_style
    from assetmap.mapview.classify import class_index

    spec = leaflet_style(style, frame)
    out = {}
    for fid, v, held in zip(frame.index, frame["value"], frame["suppressed"]):
        if bool(held):
            out[int(fid)] = "hatch"
        elif v is None or v != v:
            out[int(fid)] = spec["other"].lower()
        else:
            out[int(fid)] = spec["colors"][class_index(v, spec["breaks"])].lower()
    return out


def _settled_grab(w):
    """The canvas as shown: the page says "drawn" a little before Chromium hands Qt the frame, so
    grab until two grabs in a row agree (as the app's own screenshots do)."""
    from PySide6.QtTest import QTest

    img = w.canvas.grab().toImage()
    for _ in range(50):
        QTest.qWait(100)
        again = w.canvas.grab().toImage()
        if again == img:
            break
        img = again
    return img


def _check_pixels(w, frame, expected, ids):
    img = _settled_grab(w)
    seen = 0
    for fid in ids:
        c = frame.geometry.loc[fid].centroid
        x, y = w.canvas.evaluate(f"assetmap.containerPoint({c.y}, {c.x})")
        # the middle of the map: clear of the legend, the zoom buttons and the scale
        if not (0.2 * img.width() <= x < 0.7 * img.width() and 0.15 * img.height() <= y < 0.75 * img.height()):
            continue
        got = QColor(img.pixel(int(x), int(y))).name()
        want = expected[fid]
        if want == "hatch":
            continue  # a pattern: checked on its own below
        assert got == want, (fid, got, want)
        seen += 1
    return seen


def _count_paths(w):
    w.canvas.evaluate("(function () { if (!window.__P2D) { var P = window.Path2D; window.__P2D = P;"
                      " window.Path2D = function () { window.__made += 1; return new P(); }; }"
                      " window.__made = 0; return 1; })()")


def test_restyle_reuses_the_views_paths_and_draws_each_class(qtbot, isolated_home, tmp_path):
    from assetmap.layers.style import Style

    p = _project(tmp_path)
    w = open_main_window(qtbot, p.path, (1000, 800))
    w.canvas.zoom_to("cells")
    wait_drawn(w, qtbot)
    frame = w.cache.frame("cells").to_crs(4326)
    first = Style(kind="graduated", field="value", scheme="equal_interval", k=5, ramp="YlOrRd",
                  fill_opacity=1.0, weight=0.0)
    sample = [int(f) for f in frame.index[::37]]
    assert _check_pixels(w, frame, _expected(frame, first), sample) > 30

    _count_paths(w)
    second = Style(kind="graduated", field="value", scheme="quantiles", k=5, ramp="Blues",
                   fill_opacity=1.0, weight=0.0)
    w.set_layer_style("cells", second)
    wait_drawn(w, qtbot)
    # new breaks, new colours: only the chunks a class boundary cuts are built again (the whole
    # layer is 150 chunks; 5 classes, the missing and the withheld cut at most 14)
    assert 0 < w.canvas.evaluate("window.__made") <= 2 * 14
    want = _expected(frame, second)
    assert _check_pixels(w, frame, want, sample) > 30
    hatched = [f for f, c in want.items() if c == "hatch"][:5]
    for fid in hatched:  # withheld: the pattern, never the class colour its value would have
        c = frame.geometry.loc[fid].centroid
        x, y = w.canvas.evaluate(f"assetmap.containerPoint({c.y}, {c.x})")
        img = w.canvas.grab().toImage()
        got = {QColor(img.pixel(int(x) + dx, int(y) + dy)).name() for dx in range(-3, 4) for dy in range(-3, 4)}
        assert len(got) >= 2, got

    # zoomed in on a corner (most of the layer out of view): drawn per colour, the same classes
    w.canvas.evaluate("(assetmap.zoomBy(3), 1)")
    wait_drawn(w, qtbot)
    qtbot.wait(200)
    assert _check_pixels(w, frame, want, [int(f) for f in frame.index]) > 10
    assert not w.canvas.page().console, w.canvas.page().console


def test_a_drawn_layer_can_be_removed_after_its_data_came(qtbot, isolated_home, tmp_path):
    """The kept paths live beside Leaflet's own bookkeeping of the canvas (its ``_order`` list):
    removing the layer afterwards leaves the page without an error."""
    p = _project(tmp_path)
    w = open_main_window(qtbot, p.path, (800, 600))
    w.canvas.remove_layer("cells")
    wait_drawn(w, qtbot)
    assert "cells" not in w.canvas.state()["order"]
    assert not w.canvas.page().console, w.canvas.page().console
