"""The sensitive-reports wizard: says what is stored, fills the options, aggregates."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")


def test_wizard_intro_options_and_run(qtbot, rproject, incidents):
    from PySide6.QtWidgets import QLabel

    from assetmap.ui.reports_wizard import NONE, ReportsWizard

    w = ReportsWizard(rproject)
    qtbot.addWidget(w)
    intro = w.intro.findChild(QLabel, "intro").text()
    assert "Will never be stored" in intro and "Will be stored" in intro
    page = w.file_page
    assert not page.isComplete()
    page.path.setText(str(incidents))
    assert page.isComplete()
    assert page.x.currentText() == "x" and page.y.currentText() == "y"
    assert page.date.itemText(0) == NONE
    page.kind.setCurrentIndex(page.kind.findData("dv"))
    page.filter_col.setCurrentText("description")
    page.filter_text.setText("DOMESTIC")
    page.date.setCurrentText("date_occur")
    page.period.setCurrentText("quarter")
    units = w.units_page
    assert units.areas.currentData() == "neighborhoods" and units.min_count.minimum() == 10
    assert not units.min_count.isEnabled() and units.min_count.value() == 10  # the project's one policy
    units.population.setCurrentText("pop17")
    opts = w.options()
    assert opts["kind"] == "dv" and opts["period"] == "quarter" and opts["population_field"] == "pop17"
    result = w.run()
    assert result.layer == "dv_by_neighborhoods"
    layer = rproject.read_layer("dv_by_neighborhoods")
    assert {"count", "suppressed", "period", "rate_per_1000"} <= set(layer.columns)


def test_wizard_hexagons_drop_population(qtbot, rproject, incidents):
    from assetmap.ui.reports_wizard import ReportsWizard

    w = ReportsWizard(rproject)
    qtbot.addWidget(w)
    w.file_page.path.setText(str(incidents))
    w.units_page.population.setCurrentText("pop17")
    w.units_page.hex.setChecked(True)
    w.units_page.res.setValue(7)
    w.units_page.name.setText("all_by_hex7")
    opts = w.options()
    assert opts["hex_res"] == 7 and opts["population_field"] is None
    w.run()
    assert rproject.layer("all_by_hex7").role.value == "aggregate"
