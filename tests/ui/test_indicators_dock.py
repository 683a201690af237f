"""The indicators dashboard in the real main window on the demo (St. Louis neighbourhoods, DV calls
and the child-maltreatment stand-in by quarter): the table, the map and the trend chart show what
``compute`` says, withheld values never as a number; the report menu writes a PDF; editing the
definitions is undoable."""

from __future__ import annotations

from pathlib import Path

import pytest

import tests.ui.pyside_bool  # noqa: F401  (PySide6 bool refcount workaround)
from assetmap.indicators import dashboard

IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"


@pytest.fixture()
def window(qtbot, isolated_home, demo_copy):
    from assetmap.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1280, 820)
    w.show()
    assert w.open_project(demo_copy.path)
    _drawn(w, qtbot)
    return w


def _drawn(w, qtbot):
    done = []
    w.canvas.when_drawn(lambda: done.append(1))
    qtbot.waitUntil(lambda: bool(done), timeout=20000)


def _open_dock(w, qtbot):
    dock = w.indicators.dock
    with qtbot.waitSignal(dock.computed, timeout=30000):
        dock.toggleViewAction().trigger()  # View › Indicators, as a user would
    assert dock.isVisible()
    return dock


def _expected(project, indicator, period):
    from assetmap.indicators import compute

    df = compute(project)
    return df[(df.indicator == indicator) & (df.period == period)].set_index("unit_id")


def _table(dock):
    t = dock.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_dock_table_map_and_chart_match_compute(window, qtbot, demo_copy):
    w = window
    dock = _open_dock(w, qtbot)
    dock.set_indicator("dv_rate")
    dock.set_period("2018-Q3")
    assert dock.current_indicator().id == "dv_rate" and dock.current_period() == "2018-Q3"
    exp = _expected(demo_copy, "dv_rate", "2018-Q3")
    units = exp[exp.index != "ALL"]

    rows = _table(dock)
    assert len(rows) == len(units)
    by_name = {r[1]: r for r in rows}
    published = units[~units.suppressed & units.value.notna()]
    withheld = units[units.suppressed]
    assert len(published) >= 3 and len(withheld) >= 3
    for uid, rec in published.head(5).iterrows():
        assert float(by_name[rec.unit_name][2].replace(",", "")) == pytest.approx(rec.value, abs=0.006)
    # Sorted by value, highest first; ranks only for published values.
    values = [float(r[2].replace(",", "")) for r in rows if r[0]]
    assert values == sorted(values, reverse=True) and len(values) == len(published)
    for uid, rec in withheld.iterrows():
        row = by_name[rec.unit_name]
        assert row[0] == "" and row[2] == "1–10 (withheld)" and row[3] in ("withheld", "")
        assert not any(ch.isdigit() for ch in row[2].replace("1–10", "")), row
    # The city figure is the published total's rate.
    city = exp.loc["ALL"]
    assert f"{city.value:.2f}" in dock.city.text()

    # Sorting by change: the published changes, largest rise first, withheld ones unranked.
    dock.sort.setCurrentIndex(2)
    rows = _table(dock)
    changes = [float(r[3].replace(",", "").replace("+", "")) for r in rows if r[0]]
    assert changes == sorted(changes, reverse=True)
    assert all(r[0] == "" for r in rows if r[2] == "1–10 (withheld)")

    # The map layer on the page: withheld units carry no value, only the "1–10" text.
    _drawn(w, qtbot)
    from assetmap.ui.indicators_dock import LAYER

    state = next(lyr for lyr in w.canvas.state()["layers"] if lyr["name"] == LAYER)
    assert state["visible"]
    assert "1–10 reports: suppressed" in w.canvas.state()["legend"]
    frame = dock.frame
    assert sorted(w.canvas.evaluate(f"assetmap.drawnIds({LAYER!r})")) == sorted(frame.index.tolist())
    assert frame[frame.suppressed]["value"].isna().all()
    assert set(frame[frame.suppressed]["shown"]) == {"1–10 (withheld)"}
    spec = dashboard.map_spec(dock.current_indicator(), frame)
    top = frame[frame.value.notna()].sort_values("value").index[-1]
    assert w.canvas.evaluate(f"assetmap.featureFill({LAYER!r},{int(top)})").lower() == spec["colors"][-1].lower()
    # What the page was sent: the withheld units' features hold no number at all.
    import json

    from assetmap.mapview.geojson import layer_geojson

    sent = json.loads(layer_geojson(frame))["features"]
    for f in sent:
        if f["properties"]["suppressed"]:
            assert f["properties"]["value"] is None and f["properties"]["shown"] == "1–10 (withheld)"

    # Select a published unit from the table: the chart's series are its values and the city's.
    uid = str(published.index[0])
    name = published.loc[uid, "unit_name"]
    row = next(r for r in range(dock.table.rowCount()) if dock.table.item(r, 1).text() == name)
    dock.table.selectRow(row)
    assert dock.unit_id == uid
    from assetmap.indicators import compute

    df = compute(demo_copy)
    series = df[(df.indicator == "dv_rate") & (df.unit_id == uid)].set_index("period")
    city = df[(df.indicator == "dv_rate") & (df.unit_id == "ALL")].set_index("period")
    periods = dock.trend.periods
    assert periods[0] == "2017-Q1" and periods[-1] == "2019-Q3" and "all" not in periods
    drawn_unit, drawn_city = dock.chart.points("unit"), dock.chart.points("city")
    for i, p in enumerate(periods):
        rec = series.loc[p]
        if rec.suppressed:
            assert i not in drawn_unit  # a gap, never a zero
        else:
            assert drawn_unit[i] == pytest.approx(rec.value)
        if not city.loc[p].suppressed:
            assert drawn_city[i] == pytest.approx(city.loc[p].value)
    assert dock.chart.chart().series()[0].name() == "City-wide"
    assert any(s.name() == name for s in dock.chart.chart().series())


def test_clicking_a_unit_on_the_map_selects_it(window, qtbot, demo_copy):
    w = window
    dock = _open_dock(w, qtbot)
    dock.set_indicator("maltreatment_rate")
    _drawn(w, qtbot)
    from assetmap.ui.indicators_dock import LAYER

    frame = dock.frame
    fid = int(frame.index[frame.unit_id == "15"][0])
    # A click on the page runs the page's own handlers, which call back through the bridge.
    with qtbot.waitSignal(dock.unit_selected, timeout=10000) as sig:
        w.canvas.run_js(f"assetmap.clickFeature({LAYER!r},{fid})")
    assert sig.args == ["15"] and dock.unit_id == "15"
    sel = dock.table.selectedItems()
    assert sel and sel[1].text() == frame.at[fid, "unit"]
    _drawn(w, qtbot)
    hl = next(lyr for lyr in w.canvas.state()["layers"] if lyr["name"] == LAYER)["highlighted"]
    assert hl == [fid]
    # The layer is the page's only, above the areas; closing the dock takes it away, nothing in the project.
    assert w.canvas.state()["order"][0] == LAYER and LAYER not in w.project.layer_names()
    dock.close()
    _drawn(w, qtbot)
    assert LAYER not in [lyr["name"] for lyr in w.canvas.state()["layers"]]


def test_report_menu_writes_a_pdf(window, qtbot, tmp_path):
    w = window
    w.indicators.actions["report"].trigger()
    dlg = w.indicators.report_dialog
    assert dlg is not None and dlg.isVisible()
    assert dlg.period.currentData() == "2019-Q3"
    dlg.period.setCurrentIndex(dlg.period.findData("2018-Q4"))
    dlg.paper.setCurrentIndex(dlg.paper.findData("letter"))
    out = tmp_path / "partners.pdf"
    dlg.out.setText(str(out))
    from PySide6.QtWidgets import QDialogButtonBox

    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    task = w.indicators.report_task
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=120000) as sig:
        pass
    assert sig.args == [True], task.error
    assert out.read_bytes()[:5] == b"%PDF-"
    import subprocess

    text = subprocess.run(["pdftotext", str(out), "-"], check=True, capture_output=True, text=True).stdout
    assert "2018-Q4" in text and "partners.pdf" in w.statusBar().currentMessage()


def test_csv_menu_writes_the_long_table(window, qtbot, tmp_path):
    import pandas as pd

    w = window
    out = tmp_path / "table.csv"
    task = w.indicators.export_csv(str(out))
    with qtbot.waitSignal(task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [True]
    df = pd.read_csv(out)
    assert list(df.columns) == ["unit_id", "unit", "period", "indicator", "value", "suppressed"]
    assert df[df.suppressed]["value"].isna().all()


def test_edit_indicators_is_undoable(window, qtbot, demo_copy):
    from assetmap.indicators.model import load_indicators

    w = window
    dock = _open_dock(w, qtbot)
    assert load_indicators(demo_copy) == []  # the demo uses the defaults, nothing stored
    w.indicators.actions["edit"].trigger()
    dlg = w.indicators.dialog
    assert dlg.list.count() == 2
    dlg.list.setCurrentRow(1)
    assert dlg.ident.text() == "dv_rate"
    dlg.name.setText("Domestic violence calls per 1,000 residents")
    dlg.target.setText("0.5")
    dlg.list.setCurrentRow(0)
    dlg.remove_current()  # maltreatment_rate
    assert dlg.list.count() == 1
    from PySide6.QtWidgets import QDialogButtonBox

    with qtbot.waitSignal(dock.computed, timeout=30000):
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    stored = load_indicators(demo_copy)
    assert [i.id for i in stored] == ["dv_rate"]
    assert stored[0].name == "Domestic violence calls per 1,000 residents" and stored[0].target == 0.5
    assert [dock.picker.itemText(i) for i in range(dock.picker.count())] == [stored[0].name]
    assert dock.chart.target_series is not None
    assert w.undo_action.isEnabled()

    with qtbot.waitSignal(dock.computed, timeout=30000):
        w.undo_action.trigger()
    assert load_indicators(demo_copy) == []
    assert dock.picker.count() == 2
    with qtbot.waitSignal(dock.computed, timeout=30000):
        w.redo_action.trigger()
    assert [i.id for i in load_indicators(demo_copy)] == ["dv_rate"]

    # Add back from the defaults.
    w.indicators.actions["edit"].trigger()
    dlg = w.indicators.dialog
    dlg.add_default("maltreatment_rate")
    assert dlg.list.count() == 2
    dlg.target.setText("not a number")
    from unittest import mock

    with mock.patch("assetmap.ui.indicators_dialog.QMessageBox.warning") as warn:
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert warn.called and dlg.isVisible()  # stays open, nothing saved
    assert [i.id for i in load_indicators(demo_copy)] == ["dv_rate"]
    dlg.reject()


def test_screenshot_of_the_dashboard(window, qtbot, tmp_path):
    """Grabs the window with the dock; ASSETMAP_UPDATE_SCREENSHOTS=1 refreshes the docs image."""
    import os

    from PySide6.QtCore import Qt

    w = window
    dock = _open_dock(w, qtbot)
    w.resize(1440, 900)
    w.layers_panel.hide()
    w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    w.resizeDocks([dock], [560], Qt.Orientation.Horizontal)
    dock.set_indicator("dv_rate")
    dock.set_period("2019-Q3")
    dock.select_unit("16")
    from assetmap.ui.indicators_dock import LAYER

    qtbot.wait(200)
    w.canvas.zoom_to(LAYER)
    _drawn(w, qtbot)
    qtbot.wait(300)
    out = (IMAGES if os.environ.get("ASSETMAP_UPDATE_SCREENSHOTS") else tmp_path) / "indicators-dashboard.png"
    assert w.grab().save(str(out))
    assert out.stat().st_size > 20000


def test_cancelled_report_writes_nothing(window, qtbot, tmp_path):
    w = window
    out = tmp_path / "cancelled.pdf"
    task = w.indicators.run_report(out, "2019-Q3", ["dv_rate"], "pdf", "a4")
    task.ctx.cancel()  # as the progress dialog's Cancel button does
    with qtbot.waitSignal(task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [False] and task.error is None
    assert not out.exists() and not list(tmp_path.glob("cancelled*"))


def test_snapshot_indicators_of_an_assets_layer(qtbot, isolated_home, map_project):
    from assetmap.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1100, 760)
    w.show()
    assert w.open_project(map_project.path)
    dock = _open_dock(w, qtbot)
    ids = [dock.picker.itemData(i) for i in range(dock.picker.count())]
    school = next(i for i in ids if i.endswith("school_rate"))
    dock.set_indicator(school)
    assert dock.slider.steps == ["current"] and dock.current_period() == "current"
    exp = _expected(map_project, school, "current")
    rows = _table(dock)
    assert not any("withheld" in " ".join(r) for r in rows)  # no report counts, nothing withheld
    ranked = [r for r in rows if r[0]]
    top = exp[exp.index != "ALL"].sort_values("value", ascending=False).iloc[0]
    assert float(ranked[0][2].replace(",", "")) == pytest.approx(top.value, abs=0.006)
    # The confidential shelter is not a school and is never counted: the shelter type has no indicator.
    assert not any(i.endswith("shelter_rate") for i in ids)
    spec = dashboard.map_spec(dock.current_indicator(), dock.frame)
    assert "suppressedLabel" not in spec and spec["colors"][-1].lower() != "#bd0026"  # YlGnBu: higher is better


def test_opening_another_project_recomputes_the_open_dock(window, qtbot, tmp_path):
    import shutil

    from assetmap.demo import bundled_demo
    from assetmap.indicators.model import default_indicators, save_indicators
    from assetmap.project import Project

    other = tmp_path / "other.gpkg"
    shutil.copyfile(bundled_demo(), other)
    p = Project.open(other)
    save_indicators(p, [i for i in default_indicators(p) if i.id == "maltreatment_rate"])
    w = window
    dock = _open_dock(w, qtbot)
    assert dock.picker.count() == 2
    dock.select_unit("16")
    with qtbot.waitSignal(dock.computed, timeout=30000):
        assert w.open_project(other)
    assert [dock.picker.itemData(i) for i in range(dock.picker.count())] == ["maltreatment_rate"]
    assert dock.unit_id is None and dock.table.rowCount() > 0


def test_report_dialog_without_periods_offers_the_current_snapshot(qtbot, demo_copy):
    from assetmap.indicators.model import default_indicators
    from assetmap.ui.indicators_report import ReportDialog, report_periods

    inds = default_indicators(demo_copy)
    assert report_periods(demo_copy, inds)[-1] == "2019-Q3"
    dlg = ReportDialog(demo_copy, inds, [])
    qtbot.addWidget(dlg)
    assert dlg.period.count() == 1 and dlg.period.currentData() is None
    dlg.format.setCurrentIndex(dlg.format.findData("html"))
    assert dlg.out.text().endswith("-report.html")
    assert dlg.options()["fmt"] == "html" and dlg.options()["indicators"] == ["maltreatment_rate", "dv_rate"]


def test_points_stay_above_the_dashboard_map(qtbot, isolated_home, map_project):
    """Assets and hubs are not buried under the indicator choropleth: it goes above the areas
    and below the point layers, so their symbols show and take clicks."""
    from assetmap.ui.indicators_dock import LAYER
    from tests.ui.conftest import open_main_window

    w = open_main_window(qtbot, map_project.path)
    dock = _open_dock(w, qtbot)
    dock.set_indicator(dock.picker.itemData(0))
    _drawn(w, qtbot)
    order = w.canvas.state()["order"]
    assert order.index("sites") < order.index(LAYER) < order.index("neighborhoods")
    # A click on a site reaches the site, not the unit under it (a site the legend doesn't cover:
    # mouseAt with no events only says what is on top there).
    w.canvas.zoom_to("sites")
    _drawn(w, qtbot)
    def free():
        return [int(f) for f in w.cache.frame("sites").index
                if "am-sites" in (w.canvas.evaluate(f"assetmap.mouseAt('sites', {int(f)}, [])") or "")]

    qtbot.waitUntil(lambda: bool(free()), timeout=5000)
    fid = free()[0]
    with qtbot.waitSignal(w.canvas.feature_clicked, timeout=10000) as sig:
        w.canvas.evaluate(f"assetmap.mouseAt('sites', {fid})")
    assert sig.args[0] == "sites"
