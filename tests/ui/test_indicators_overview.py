"""The indicators overview (small multiples) and New… indicator in the real main window on the
demo: one image per indicator (or per period) with the right titles, withheld units hatched in
the drawing's data, a click selects the map in the dock; a new indicator made in the dialog
computes like compute() and undo removes it."""

from __future__ import annotations

import os
from pathlib import Path
from unittest import mock

import pytest

import tests.ui.pyside_bool  # noqa: F401  (PySide6 bool refcount workaround)

IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"


def _window(qtbot, project):
    from assetmap.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1280, 820)
    w.show()
    assert w.open_project(project.path)
    done = []
    w.canvas.when_drawn(lambda: done.append(1))
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    return w


@pytest.fixture()
def window(qtbot, isolated_home, demo_copy):
    return _window(qtbot, demo_copy)


def _open_dock(w, qtbot):
    dock = w.indicators.dock
    with qtbot.waitSignal(dock.computed, timeout=30000):
        dock.toggleViewAction().trigger()
    return dock


def _open_overview(dock, qtbot):
    """Dock › Overview…; the window is made on the first click, so make it first to wait on it."""
    from assetmap.ui.indicators_overview import OverviewWindow

    dock.overview = ov = OverviewWindow(dock)
    qtbot.addWidget(ov)
    with qtbot.waitSignal(ov.rendered, timeout=60000):
        dock.overview_button.click()
    return ov


def _shots(tmp_path) -> Path:
    """Where grabs go to be looked at: ASSETMAP_SHOT_DIR, else the test's tmp dir."""
    return Path(os.environ.get("ASSETMAP_SHOT_DIR") or tmp_path)


def test_overview_one_map_per_indicator_then_per_period(window, qtbot, demo_copy, tmp_path):
    from assetmap.indicators import compute
    from assetmap.indicators.model import indicators_or_defaults
    from assetmap.ui.accessible import missing_accessible_names
    from assetmap.ui.indicators_overview import BY_PERIOD

    w = window
    dock = _open_dock(w, qtbot)
    dock.set_indicator("dv_rate")
    dock.set_period("2018-Q3")
    ov = _open_overview(dock, qtbot)
    assert ov.isVisible() and ov.choice.currentData() == "2018-Q3"  # starts from what the dock shows
    inds = indicators_or_defaults(demo_copy)
    assert [t.title for t in ov.tiles] == [i.name for i in inds]
    assert [x.title.text() for x in ov.widgets] == [i.name for i in inds]
    assert all(not x.pixmap.isNull() and x.button.icon().availableSizes() for x in ov.widgets)
    assert len(ov.drawn) == len(inds)
    # Withheld units are hatched in the drawing (its data, not its pixels), never a number.
    df = compute(demo_copy)
    for tile, drawn in zip(ov.tiles, ov.drawn):
        exp = df[(df.indicator == tile.key) & (df.period == "2018-Q3") & (df.unit_id != "ALL")]
        assert drawn.hatched_parts == int(exp.suppressed.sum()) > 0
        assert "1–10 reports: suppressed" in drawn.legend and drawn.trend_points > 0
        assert tile.section.units.loc[tile.section.units.suppressed, "value"].isna().all()
        city = df[(df.indicator == tile.key) & (df.period == "2018-Q3") & (df.unit_id == "ALL")].iloc[0]
        assert f"{city.value:.2f}" in ov.widgets[ov.tiles.index(tile)].subtitle.text()
    # The tile showing the dock's map is marked; a click on another shows that one in the dock.
    assert ov.selected_key() == "dv_rate"
    mal = next(x for x in ov.widgets if x.tile.key == "maltreatment_rate")
    mal.button.click()
    assert dock.current_indicator().id == "maltreatment_rate" and dock.current_period() == "2018-Q3"
    assert ov.selected_key() == "maltreatment_rate" and mal.button.isChecked()
    assert not missing_accessible_names(ov), missing_accessible_names(ov)

    # One map per period of the indicator the dock shows.
    with qtbot.waitSignal(ov.rendered, timeout=60000):
        ov.set_mode(BY_PERIOD)
    assert ov.choice.currentData() == "maltreatment_rate"
    periods = sorted({p for p in df[df.indicator == "maltreatment_rate"].period} - {"all"})
    assert [x.title.text() for x in ov.widgets] == periods == [t.key for t in ov.tiles]
    assert len({tuple(t.breaks) for t in ov.tiles}) == 1
    assert ov.selected_key() == "2018-Q3"
    q1 = next(x for x in ov.widgets if x.tile.key == "2017-Q1")
    q1.button.click()
    assert dock.current_period() == "2017-Q1" and dock.current_indicator().id == "maltreatment_rate"
    for tile, drawn in zip(ov.tiles, ov.drawn):
        exp = df[(df.indicator == "maltreatment_rate") & (df.period == tile.key) & (df.unit_id != "ALL")]
        assert drawn.hatched_parts == int(exp.suppressed.sum())
    ov.resize(1180, 700)
    qtbot.wait(100)
    cols = {ov.grid.getItemPosition(ov.grid.indexOf(x))[1] for x in ov.widgets}
    assert len(cols) == 3 and ov.grid.count() == len(ov.widgets)  # laid out again, no duplicates
    assert ov.grab().save(str(_shots(tmp_path) / "indicators-overview-periods.png"))

    # Screenshot (ASSETMAP_UPDATE_SCREENSHOTS=1 refreshes the docs image).
    with qtbot.waitSignal(ov.rendered, timeout=60000):
        ov.set_mode("indicator")
    ov.set_choice("2019-Q3")
    qtbot.waitUntil(lambda: ov._task is None and ov.choice.currentData() == "2019-Q3"
                    and ov.tiles and ov.tiles[0].period == "2019-Q3", timeout=60000)
    ov.resize(800, 560)
    qtbot.wait(100)
    out = (IMAGES if os.environ.get("ASSETMAP_UPDATE_SCREENSHOTS") else _shots(tmp_path)) / "indicators-overview.png"
    assert ov.grab().save(str(out))
    assert out.stat().st_size > 20000


def test_overview_follows_new_definitions(window, qtbot, demo_copy):
    from assetmap.indicators.model import default_indicators

    w = window
    dock = _open_dock(w, qtbot)
    ov = _open_overview(dock, qtbot)
    assert len(ov.widgets) == 2
    keep = [i for i in default_indicators(demo_copy) if i.id == "dv_rate"]
    with qtbot.waitSignal(ov.rendered, timeout=60000):
        w.indicators.save_indicators(keep)
    assert [x.tile.key for x in ov.widgets] == ["dv_rate"]
    with qtbot.waitSignal(ov.rendered, timeout=60000):
        w.undo_action.trigger()
    assert len(ov.widgets) == 2


def _new_dialog(w):
    w.indicators.actions["edit"].trigger()
    dlg = w.indicators.dialog
    new = dlg.new_indicator()
    assert new.isVisible()
    return dlg, new


def test_new_report_indicator_from_scratch_computes_and_undoes(window, qtbot, demo_copy):
    from PySide6.QtWidgets import QDialogButtonBox

    from assetmap.indicators import compute
    from assetmap.indicators.model import load_indicators
    from assetmap.ui.accessible import missing_accessible_names

    w = window
    dock = _open_dock(w, qtbot)
    dlg, new = _new_dialog(w)
    assert not missing_accessible_names(new), missing_accessible_names(new)
    assert not missing_accessible_names(dlg), missing_accessible_names(dlg)
    new.kind.setCurrentIndex(new.kind.findData("report_rate"))
    layers = [new.layer.itemData(i) for i in range(new.layer.count())]
    assert set(layers) == {"dv_by_neighborhoods_quarterly", "maltreatment_by_neighborhoods_quarterly"}
    assert not new.form.isRowVisible(new.filter_field) and not new.form.isRowVisible(new.service)
    new.layer.setCurrentIndex(new.layer.findData("dv_by_neighborhoods_quarterly"))
    assert new.denominator.currentData() == "population"  # the areas' population field, proposed

    # Errors are named and nothing is added: no name, then a target that is not a number.
    ok = new.buttons.button(QDialogButtonBox.StandardButton.Ok)
    with mock.patch("assetmap.ui.indicators_new.QMessageBox.warning") as warn:
        ok.click()
        assert warn.called and "no name" in warn.call_args[0][2] and new.isVisible()
        new.name.setText("DV calls per 100 residents")
        new.target.setText("half")
        ok.click()
        assert "'half' is not a number" in warn.call_args[0][2] and new.isVisible()
    assert dlg.list.count() == 2 and new.indicator is None

    new.target.setText("0.05")
    new.per.setValue(100)
    ok.click()
    assert not new.isVisible() and dlg.list.count() == 3
    assert dlg.list.currentItem().text() == "DV calls per 100 residents"
    assert dlg.ident.text() == "dv_calls_per_100_residents"
    assert load_indicators(demo_copy) == []  # only the definitions dialog's OK saves
    with qtbot.waitSignal(dock.computed, timeout=30000):
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    stored = load_indicators(demo_copy)
    assert [i.id for i in stored] == ["maltreatment_rate", "dv_rate", "dv_calls_per_100_residents"]
    ind = stored[-1]
    assert ind.per == 100 and ind.target == 0.05 and ind.denominator_field == "population"

    # The dock computes it, and its table matches compute().
    dock.set_indicator(ind.id)
    dock.set_period("2019-Q1")
    df = compute(demo_copy, [ind])
    exp = df[(df.period == "2019-Q1") & (df.unit_id != "ALL")].set_index("unit_name")
    rows = {dock.table.item(r, 1).text(): dock.table.item(r, 2).text() for r in range(dock.table.rowCount())}
    assert len(rows) == len(exp)
    for name, rec in exp.iterrows():
        if rec.suppressed:
            assert rows[name] == "1–10 (withheld)"
        elif rec.value == rec.value:
            assert float(rows[name].replace(",", "")) == pytest.approx(rec.value, abs=0.006)
    assert dock.chart.target_series is not None

    with qtbot.waitSignal(dock.computed, timeout=30000):
        w.undo_action.trigger()
    assert load_indicators(demo_copy) == []
    assert "dv_calls_per_100_residents" not in [dock.picker.itemData(i) for i in range(dock.picker.count())]


def test_new_count_of_one_asset_type(qtbot, isolated_home, map_project, tmp_path):
    from PySide6.QtWidgets import QDialogButtonBox

    from assetmap.indicators import compute
    from assetmap.indicators.model import load_indicators

    w = _window(qtbot, map_project)
    dock = _open_dock(w, qtbot)
    dlg, new = _new_dialog(w)
    new.kind.setCurrentIndex(new.kind.findData("feature_count"))
    assert new.form.isRowVisible(new.filter_field)
    new.layer.setCurrentIndex(new.layer.findData("sites"))
    new.filter_field.setCurrentIndex(new.filter_field.findData("kind"))
    values = [new.filter_value.itemText(i) for i in range(new.filter_value.count())]
    assert values == ["clinic", "faith", "school"]  # the confidential shelter's type is not offered
    new.filter_value.setCurrentText("clinic")
    new.name.setText("Clinics per 1,000 residents")
    assert new.grab().save(str(_shots(tmp_path) / "indicators-new.png"))
    assert new.direction.currentData() == "higher_is_better"
    new.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not new.isVisible()
    with qtbot.waitSignal(dock.computed, timeout=30000):
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    ind = next(i for i in load_indicators(map_project) if i.id == "clinics_per_1_000_residents")
    assert (ind.filter_field, ind.filter_value, ind.denominator_field) == ("kind", "clinic", "population")
    df = compute(map_project, [ind])
    counted = df[(df.unit_id != "ALL") & (df.numerator > 0)]
    assert counted.numerator.sum() == 2 and df[df.unit_id == "ALL"].numerator.iloc[0] == 2
    dock.set_indicator(ind.id)
    top = [dock.table.item(r, 2).text() for r in range(2)]
    exp = counted.sort_values("value", ascending=False).value.tolist()
    assert [float(t.replace(",", "")) for t in top] == pytest.approx(exp, abs=0.006)


def test_overview_without_the_dock_computes_first(window, qtbot):
    from assetmap.ui.indicators_overview import OverviewWindow

    dock = window.indicators.dock
    assert not dock.isVisible() and dock.df is None
    dock.overview = ov = OverviewWindow(dock)
    qtbot.addWidget(ov)
    with qtbot.waitSignal(ov.rendered, timeout=60000):
        assert dock.show_overview() is ov
    assert dock.df is not None and [x.tile.key for x in ov.widgets] == ["maltreatment_rate", "dv_rate"]
    assert ov.choice.currentData() == "2019-Q3" and all(t.period == "2019-Q3" for t in ov.tiles)
    ov.widgets[1].button.click()  # shows the dock with that map
    assert dock.isVisible() and dock.current_indicator().id == "dv_rate"
