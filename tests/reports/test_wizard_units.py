"""The wizard's own-grid and kernel-density options: what they say is stored, what they make."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")


def _wizard(qtbot, rproject, incidents):
    from PySide6.QtWidgets import QWizard

    from assetmap.ui.reports_wizard import ReportsWizard

    w = ReportsWizard(rproject)
    qtbot.addWidget(w)
    w.setOption(QWizard.WizardOption.NoCancelButton, False)
    w.show()
    w.next()
    page = w.file_page
    page.path.setText(str(incidents))
    page.kind.setCurrentIndex(page.kind.findData("dv"))
    page.filter_col.setCurrentText("description")
    page.filter_text.setText("DOMESTIC")
    w.next()
    assert w.currentPage() is w.units_page
    return w


def test_wizard_own_grid_aggregate(qtbot, rproject, incidents, tmp_path):
    from PySide6.QtCore import Qt

    w = _wizard(qtbot, rproject, incidents)
    u = w.units_page
    assert u.by_areas.isChecked() and not u.hex_size.isEnabled() and u.population.isEnabled()
    u.population.setCurrentText("pop17")
    qtbot.mouseClick(u.grid, Qt.MouseButton.LeftButton)
    assert u.grid.isChecked() and not u.hex.isChecked() and u.hex_size.isEnabled()
    assert not u.population.isEnabled() and not u.bandwidth.isEnabled()
    u.hex_size.setValue(1000)
    assert "per hexagon, 1000 m across" in u.stores.text() and "1–10" in u.stores.text()
    w.grab().save(str(tmp_path / "wizard_grid.png"))
    opts = w.options()
    assert opts["hex_size"] == 1000 and opts["hex_res"] is None and opts["kde"] is None
    assert opts["population_field"] is None
    result = w.run()
    assert result.layer == "dv_by_hex1000m"
    info = rproject.layer("dv_by_hex1000m")
    assert info.role.value == "aggregate" and info.extra["reports"]["hex_size_m"] == 1000
    layer = rproject.read_layer("dv_by_hex1000m")
    assert {"hex_id", "count", "suppressed"} <= set(layer.columns)
    assert layer["count"].sum() <= result.in_units and layer["suppressed"].any()


def test_wizard_kernel_density(qtbot, rproject, incidents, tmp_path):
    w = _wizard(qtbot, rproject, incidents)
    u = w.units_page
    u.kde.setChecked(True)
    assert u.bandwidth.isEnabled() and u.kernel.isEnabled() and not u.res.isEnabled()
    assert u.bandwidth.minimum() == 300  # a narrower kernel can't be asked for
    u.bandwidth.setValue(800)
    text = u.stores.text()
    assert "reports per km²" in text and "400 m wide" in text and "within 800 m" in text
    assert "never stored" in text
    u.kernel.setCurrentText("gaussian")
    assert "within 2400 m" in u.stores.text()
    u.kernel.setCurrentText("quartic")
    w.grab().save(str(tmp_path / "wizard_kde.png"))
    result = w.run()
    assert result.layer == "dv_by_kde800m" and result.bandwidth_m == 800 and result.cell_m == 400
    layer = rproject.read_layer("dv_by_kde800m")
    assert set(layer.columns) == {"cell_id", "density", "suppressed", "geometry"}
    assert layer["suppressed"].any() and (layer["density"] > 0).any()
