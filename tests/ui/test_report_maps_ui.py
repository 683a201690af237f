"""Report layers in the real main window (demo: quarterly DV and child-assault counts from the
St. Louis police files): the time slider restyles the page in place, the identify popup never
shows a withheld count, and the bivariate overlay draws with its 2-D legend (page and PNG)."""

from __future__ import annotations

import re

import pytest

import tests.ui.pyside_bool  # noqa: F401  (PySide6 bool refcount workaround)

DV = "dv_by_neighborhoods_quarterly"
CH = "maltreatment_by_neighborhoods_quarterly"


@pytest.fixture()
def window(qtbot, isolated_home, demo_copy):
    from assetmap.ui.main_window import MainWindow

    if not demo_copy.has_layer(DV):
        pytest.fail("the demo project has no quarterly aggregate layers")
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1100, 760)
    w.show()
    assert w.open_project(demo_copy.path)
    _drawn(w, qtbot)
    return w


def _drawn(w, qtbot):
    done = []
    w.canvas.when_drawn(lambda: done.append(1))
    qtbot.waitUntil(lambda: bool(done), timeout=20000)


def _layer_state(w, name):
    return next(lyr for lyr in w.canvas.state()["layers"] if lyr["name"] == name)


def test_slider_restyles_page_per_period_and_popup_withholds(window, qtbot, tmp_path):
    w = window
    bar = w.report_maps.toolbar
    assert not bar.isVisible()  # the demo's report layers start hidden
    w.set_layer_visible(DV, True)
    assert bar.isVisible()
    slider = w.report_maps.slider
    assert slider.steps[0] == "2017-Q1" and slider.steps[-2] == "2019-Q3" and slider.steps[-1] == "all"
    assert slider.current() == "all"
    _drawn(w, qtbot)
    assert _layer_state(w, DV)["period"] == "all"

    slider.set_period("2018-Q3")  # as a user dragging the slider
    _drawn(w, qtbot)
    frame = w.cache.frame(DV)
    assert _layer_state(w, DV)["period"] == "2018-Q3"
    drawn = w.canvas.evaluate(f"assetmap.drawnIds({DV!r})")
    assert sorted(drawn) == sorted(frame.index[frame.period == "2018-Q3"].tolist())
    assert "Period: 2018-Q3" in w.canvas.state()["legend"]
    spec = w.cache.spec(w.project.layer(DV))
    shown = frame[(frame.period == "2018-Q3") & ~frame.suppressed & frame.rate_per_1000.notna()]
    fid = int(shown.index[0])
    from assetmap.mapview.classify import class_index

    expect = spec["colors"][class_index(shown.loc[fid, "rate_per_1000"], spec["breaks"])]
    assert w.canvas.evaluate(f"assetmap.featureFill({DV!r},{fid})").lower() == expect.lower()
    assert slider.label.text() == "2018-Q3"

    # Undo through the window's stack brings back the totals, on the page and on the slider.
    w.stack.undo()
    _drawn(w, qtbot)
    assert _layer_state(w, DV)["period"] == "all" and slider.current() == "all"
    slider.back.click()  # step back from the totals to the last quarter
    _drawn(w, qtbot)
    assert _layer_state(w, DV)["period"] == "2019-Q3"

    # Identify a withheld unit: '1–10', never its count; the sparkline has gaps.
    q = frame[frame.period == "2019-Q3"]
    mixed = frame[(frame.period != "all") & ~frame.suppressed].NHD_NUM.unique()  # some periods published
    sup_fid = int(q.index[q.suppressed & q.NHD_NUM.isin(mixed)][0])
    unit = frame.loc[sup_fid, "NHD_NUM"]
    assert w.canvas.evaluate(f"assetmap.clickFeature({DV!r},{sup_fid})")
    qtbot.waitUntil(lambda: w.canvas.evaluate("!!document.querySelector('.am-aggregate-popup')"), timeout=5000)
    html = w.canvas.evaluate("document.querySelector('.am-aggregate-popup').outerHTML")
    text = w.canvas.evaluate("document.querySelector('.am-aggregate-popup').innerText")
    assert w.canvas.evaluate("document.querySelector('.am-aggregate-popup .am-count').innerText") == "1–10"
    assert w.canvas.evaluate("document.querySelector('.am-aggregate-popup .am-rate').innerText") == "withheld"
    assert frame.loc[sup_fid, "NHD_NAME"] in text and "<svg" in html
    rows = frame[frame.NHD_NUM == unit]
    published = {int(c) for c in rows["count"].dropna()}
    # Every number in the popup's text is the unit id, a period label, the 1–10 label or a
    # published count of this unit: nothing else can have come from the data.
    allowed = {str(unit), "1", "10", "1,000", "2017", "2019", "3"} | {str(c) for c in published}
    assert set(re.findall(r"\d[\d,]*", text.replace("–", " "))) <= allowed, text
    withheld_periods = int(rows[(rows.period != "all")].suppressed.sum())
    lines = w.canvas.evaluate("document.querySelectorAll('.am-aggregate-popup .am-spark-line').length")
    dots = w.canvas.evaluate("document.querySelectorAll('.am-aggregate-popup .am-spark-dot').length")
    assert 0 < withheld_periods < 11 and lines + dots >= 1
    assert lines + dots <= withheld_periods + 1  # runs are separated by the withheld gaps
    w.grab().save(str(tmp_path / "period.png"))


def test_bivariate_overlay_draws_2d_legend_and_exports(window, qtbot, tmp_path):
    from PySide6.QtGui import QImage

    from assetmap.reports.bivariate import palette
    from assetmap.ui.map_export import export_image
    from assetmap.ui.report_maps import CompareDialog

    w = window
    dlg = CompareDialog(w.report_maps.aggregate_layers(), w)
    qtbot.addWidget(dlg)
    periods = [dlg.period.itemData(i) for i in range(dlg.period.count())]
    assert periods[0] == "all" and "2018-Q2" in periods
    a, b, p = dlg.choice()
    assert {a, b} == {DV, CH} and p == "all"

    info = w.report_maps.compare(DV, CH, "all")
    _drawn(w, qtbot)
    st = _layer_state(w, info.name)
    assert st["visible"] and w.canvas.state()["order"][0] == info.name
    legend = w.canvas.state()["legend"]
    meta = info.extra["bivariate"]
    assert "Pearson r" in legend and f"n = {meta['n']}" in legend and "Spearman" in legend
    assert meta["title_a"] in legend and meta["title_b"] in legend
    cells = w.canvas.evaluate("document.querySelectorAll('.am-legend .am-bivar i').length")
    assert cells == 9
    frame = w.cache.frame(info.name)
    sup = frame[frame.suppressed]
    known = frame[frame.bi_class.notna()]
    fid = int(known.index[0])
    i, j = (int(x) for x in known.loc[fid, "bi_class"].split("-"))
    assert w.canvas.evaluate(f"assetmap.featureFill({info.name!r},{fid})").lower() == palette()[i][j].lower()
    assert len(sup) > 0  # hatched on the page by the suppressed flag (see test_aggregates_page)
    w.grab().save(str(tmp_path / "bivariate.png"))

    out = tmp_path / "bivariate_sheet.png"
    export_image(w.project, out, layers=[info.name, "neighborhoods"], width_in=8, height_in=6, dpi=80)
    img = QImage(str(out))
    colours = {img.pixelColor(x, y).name().lower() for x in range(0, img.width(), 2) for y in range(0, img.height(), 2)}
    present = {palette()[int(c[0])][int(c[2])].lower() for c in known.bi_class}
    assert present <= colours  # every class shown is drawn (and the 2-D legend holds all nine)
    assert {c.lower() for row in palette() for c in row} <= colours

    w.stack.undo()
    _drawn(w, qtbot)
    assert info.name not in w.canvas.state()["order"] and not w.project.has_layer(info.name)


def test_period_slider_steps_and_play_stop_before_totals(qtbot):
    from assetmap.ui.period_slider import PeriodSlider

    s = PeriodSlider()
    qtbot.addWidget(s)
    got = []
    s.period_changed.connect(got.append)
    s.set_steps(["2017-Q1", "2017-Q2", "2017-Q3", "all"], "2017-Q2")
    assert s.current() == "2017-Q2" and s.label.text() == "2017-Q2" and got == []  # no echo
    s.forward.click()
    s.forward.click()
    s.forward.click()  # stays on the last step
    assert got == ["2017-Q3", "all"] and s.label.text() == "All periods (total)"
    s._timer.setInterval(10)
    s.play.click()  # from the end it starts over, then stops on the last period (not the totals)
    qtbot.waitUntil(lambda: not s.play.isChecked(), timeout=3000)
    assert s.current() == "2017-Q3" and got[-3:] == ["2017-Q1", "2017-Q2", "2017-Q3"]
