"""A kernel density layer of reports in the real main window: graduated cells, withheld cells
hatched with their own legend entry, the popup shows the density as stored (or the withheld
label), and a screenshot for docs/reports.md (saved to ASSETMAP_SHOT when that is set)."""

from __future__ import annotations

import os

import pytest

import tests.ui.pyside_bool  # noqa: F401  (PySide6 bool refcount workaround)

from tests.shared_data import STL  # noqa: E402
INCIDENTS = STL / "slmpd_part1_2017.csv"
LAYER = "dv_by_kde800m"


def _drawn(w, qtbot):
    done = []
    w.canvas.when_drawn(lambda: done.append(1))
    qtbot.waitUntil(lambda: bool(done), timeout=20000)


def test_density_layer_drawn_with_legend_and_popup(qtbot, isolated_home, demo_copy, tmp_path):
    from assetmap.mapview.classify import class_index
    from assetmap.reports.kde import density_reports
    from assetmap.ui.main_window import MainWindow

    if not INCIDENTS.exists():
        pytest.fail(f"shared data not found at {INCIDENTS}")
    density_reports(demo_copy, INCIDENTS, "dv", areas="neighborhoods", bandwidth_m=800,
                    filter_col="description", filter_contains="DOMESTIC")
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1100, 760)
    w.show()
    assert w.open_project(demo_copy.path)
    w.set_layer_visible(LAYER, True)
    w.set_layer_visible("neighborhoods", False)  # its fill would tint the ramp
    _drawn(w, qtbot)
    st = next(lyr for lyr in w.canvas.state()["layers"] if lyr["name"] == LAYER)
    assert st["visible"]
    legend = w.canvas.state()["legend"]
    assert "(density)" in legend and "0 (no report within reach)" in legend and "withheld: 1–10 reports within 800 m" in legend
    assert w.canvas.evaluate("document.querySelectorAll('.am-legend .am-hatch').length") >= 1
    frame = w.cache.frame(LAYER)
    spec = w.cache.spec(w.project.layer(LAYER))
    shown = frame[~frame.suppressed & (frame.density > 0)]
    fid = int(shown.density.idxmax())
    expect = spec["colors"][class_index(shown.loc[fid, "density"], spec["breaks"])]
    assert w.canvas.evaluate(f"assetmap.featureFill({LAYER!r},{fid})").lower() == expect.lower()
    if os.environ.get("ASSETMAP_SHOT"):
        w.grab().save(os.environ["ASSETMAP_SHOT"])
    w.grab().save(str(tmp_path / "density.png"))

    # Identify: a published cell shows its stored density; a withheld one only the label.
    for cell, want in ((fid, str(shown.loc[fid, "density"]).removesuffix(".0")),
                       (int(frame.index[frame.suppressed][0]), "withheld: 1–10 reports within 800 m")):
        assert w.canvas.evaluate(f"assetmap.clickFeature({LAYER!r},{cell})")
        # One popup at a time: the next click replaces it.
        qtbot.waitUntil(lambda: w.canvas.evaluate(
            "(document.querySelector('.am-aggregate-popup .am-count') || {}).innerText || ''") == want,
            timeout=5000)
        text = w.canvas.evaluate("document.querySelector('.am-aggregate-popup').innerText")
        assert "Reports per km²" in text


def test_density_layer_png_export_draws_ramp_and_hatching(qtbot, demo_copy, tmp_path):
    from PySide6.QtGui import QImage

    from PySide6.QtGui import QColor

    from assetmap.reports.kde import density_reports
    from assetmap.ui.map_export import export_image

    density_reports(demo_copy, INCIDENTS, "dv", areas="neighborhoods", bandwidth_m=800,
                    filter_col="description", filter_contains="DOMESTIC")
    out = export_image(demo_copy, tmp_path / "density.png", layers=[LAYER], width_in=8, height_in=6, dpi=80)
    from assetmap.mapview.layers import LayerCache

    spec = LayerCache(demo_copy).spec(demo_copy.layer(LAYER))
    img = QImage(str(out))
    colours = {img.pixelColor(x, y).getRgb()[:3] for x in range(0, img.width(), 2)
               for y in range(0, img.height(), 2)}
    # The legend swatches look like the layer (its fill opacity over white): every class is on the sheet.
    alpha = spec["fillOpacity"] * demo_copy.layer(LAYER).opacity
    for c in spec["colors"]:
        rgb = QColor(c).getRgb()[:3]
        want = [round(alpha * v + (1 - alpha) * 255) for v in rgb]
        assert any(max(abs(a - b) for a, b in zip(want, got)) <= 3 for got in colours), c
