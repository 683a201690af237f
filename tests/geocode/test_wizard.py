"""The reports wizard's Geocode step: choose the locator and columns, check the match summary
(nothing written), then aggregate by address."""

import hashlib

import pandas as pd
import pytest

pytest.importorskip("pytestqt")


def test_wizard_by_address(qtbot, gproject, police_years, tmp_path):
    from assetmap.ui.reports_wizard import ReportsWizard

    noxy = tmp_path / "noxy.csv"
    df = pd.read_csv(police_years[2019], dtype=str, keep_default_na=False)
    df[df["description"].str.contains("DOMESTIC")].drop(columns=["x", "y"]).to_csv(noxy, index=False)
    w = ReportsWizard(gproject)
    qtbot.addWidget(w)
    w.file_page.path.setText(str(noxy))
    w.file_page.kind.setCurrentIndex(w.file_page.kind.findData("dv"))
    page = w.geocode_page
    page.initializePage()
    assert page.by_xy.isChecked() and page.isComplete() and not page.form.isEnabled()
    page.by_address.setChecked(True)
    assert page.form.isEnabled() and page.locator.currentData() == "police"
    assert page.zip.currentData() is None             # no column's name says ZIP: "No ZIP column"
    assert not page.isComplete()                      # no address column chosen yet
    page.number.setCurrentText("ileads_address")
    page.street.setCurrentText("ileads_street")
    assert page.isComplete()
    before = hashlib.sha256(gproject.path.read_bytes()).hexdigest()
    page.check.click()                                # runs on a worker, with progress and Cancel
    qtbot.waitUntil(lambda: "Geocoded" in page.summary.text(), timeout=60_000)
    assert "reports by address in memory" in page.summary.text()
    # Line numbers only, for the rows to check (street level, far beyond the known numbers).
    assert "placed only roughly (scored below 60" in page.summary.text()
    assert hashlib.sha256(gproject.path.read_bytes()).hexdigest() == before   # the check wrote nothing
    opts = w.options()
    assert opts["x"] is None and opts["geocode"] is not None
    result = w.run()
    assert result.layer == "dv_by_neighborhoods"
    assert gproject.read_layer("dv_by_neighborhoods")["count"].sum() > 300


def test_wizard_without_locators_offers_coordinates_only(qtbot, project, tmp_path):
    from assetmap.ui.reports_wizard import ReportsWizard

    w = ReportsWizard(project)
    qtbot.addWidget(w)
    w.geocode_page.initializePage()
    assert not w.geocode_page.by_address.isEnabled() and w.geocode_page.by_xy.isChecked()
    assert w.options()["geocode"] is None
    # ... and the wizard goes from the file straight to the units.
    w.show()
    w.next()
    w.next()
    assert w.currentPage() is w.units_page


def test_wizard_with_a_locator_shows_the_geocode_step(qtbot, gproject):
    from assetmap.ui.reports_wizard import ReportsWizard

    w = ReportsWizard(gproject)
    qtbot.addWidget(w)
    w.show()
    w.next()
    w.next()
    assert w.currentPage() is w.geocode_page
