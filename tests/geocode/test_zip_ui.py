"""The app's ZIP column (issue #22): File › Import by address and the reports wizard's Geocode step
offer an optional ZIP column, as ``--zip COL`` on the command line, which chooses between streets
of the same name in two ZIPs. "No ZIP column" places rows exactly as before."""

import hashlib

import pandas as pd
import pytest

from assetmap.geocode.columns import AddressColumns
from assetmap.geocode.layer_import import zip_column_guess
from tests.geocode.test_zip_column import _county
from tests.survey.storage_forms import point_in

pytest.importorskip("pytestqt")

NORTH, SOUTH = (38.63, -90.25), (38.58, -90.21)      # (lat, lon) of MAIN ST 100 in ZIP 63110 / 63118


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_zip_column_guess_is_shared_and_by_name_only():
    assert zip_column_guess(["name", "Zip Code", "street"]) == "Zip Code"
    assert zip_column_guess(["address/postal_code", "x"]) == "address/postal_code"   # a Kobo group path
    assert zip_column_guess(["name", "zipper", "street"]) is None
    from assetmap.ui import survey_geocode

    assert survey_geocode.__dict__.get("zip_column_guess") is None    # one helper, not a copy


@pytest.fixture()
def window(qtbot, isolated_home, demo_copy, tmp_path, capsys):
    from tests.ui.conftest import open_main_window

    _county(demo_copy, tmp_path, capsys, [NORTH, SOUTH])
    return open_main_window(qtbot, demo_copy.path, (1000, 700))


def _dialog(window, qtbot, path):
    from assetmap.ui import window_actions

    assert window_actions.import_files(window, [path], role="assets") is None
    dlg = window.address_import_dialogs[-1]
    qtbot.addWidget(dlg)
    return dlg


def _run(qtbot, task):
    with qtbot.waitSignal(task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [True], task.error


def test_import_by_address_with_a_zip_column(window, qtbot, tmp_path):
    src = tmp_path / "pantries.csv"
    pd.DataFrame({"name": ["North pantry", "South pantry"], "house": ["160", "160"],
                  "street": ["Main Street", "main st"], "Zip Code": ["63110", "63118-0042"]}).to_csv(src, index=False)
    dlg = _dialog(window, qtbot, src)
    dlg.locator.setCurrentIndex(dlg.locator.findData("county"))
    assert (dlg.number.currentData(), dlg.street.currentData()) == ("house", "street")
    assert dlg.zip.currentData() == "Zip Code"                  # proposed: its name says ZIP
    assert dlg.zip.itemData(0) is None and dlg.zip.itemText(0) == "No ZIP column"
    assert dlg.columns_spec() == AddressColumns(number="house", street="street", zip="Zip Code")
    before = _sha(window.project.path)
    _run(qtbot, dlg._check())
    lines = dlg.summary.text().splitlines()
    assert lines[0].startswith("Geocoded 2 of 2 rows (100.0 %)")
    assert lines[-1] == "Columns: house number 'house', street 'street'; ZIP 'Zip Code'."
    assert _sha(window.project.path) == before                  # checking wrote nothing
    qtbot.wait(50)                                              # the layout takes the new summary
    dlg.grab().save(str(tmp_path / "address_import_zip.png"))
    _run(qtbot, dlg._import())
    gdf = window.project.read_layer("pantries").to_crs("EPSG:4326").set_index("name")
    assert gdf.loc["North pantry"].geometry.y == pytest.approx(NORTH[0])
    assert gdf.loc["South pantry"].geometry.y == pytest.approx(SOUTH[0])
    assert (gdf["match_type"] == "exact").all() and (gdf["score"] == 100).all()


def test_import_by_address_without_a_zip_column_is_as_before(window, qtbot, tmp_path):
    from assetmap.geocode.layer_import import import_addresses

    src = tmp_path / "sites.csv"
    pd.DataFrame({"name": ["North site", "South site"], "address": ["160 Main St", "160 main street"],
                  "zip": ["63110", "63118"]}).to_csv(src, index=False)
    dlg = _dialog(window, qtbot, src)
    dlg.locator.setCurrentIndex(dlg.locator.findData("county"))
    assert dlg.zip.currentData() == "zip"
    dlg.zip.setCurrentIndex(0)                                  # "No ZIP column"
    assert dlg.columns_spec() == AddressColumns(address="address")
    _run(qtbot, dlg._check())
    assert dlg.summary.text().splitlines()[-1] == "Columns: address 'address'; no ZIP column."
    _run(qtbot, dlg._import())
    got = window.project.read_layer("sites").to_crs("EPSG:4326").set_index("name")
    # Both on the one MAIN ST the matcher picks, as the core call without a ZIP column places them.
    assert got.loc["North site"].geometry.y == pytest.approx(got.loc["South site"].geometry.y)
    ref = import_addresses(window.project, src, "assets", name="ref", locator="county",
                           columns=AddressColumns(address="address"))
    want = window.project.read_layer(ref.report.layer).to_crs("EPSG:4326").set_index("name")
    for n in got.index:
        assert got.loc[n].geometry.equals_exact(want.loc[n].geometry, 1e-9)
        assert (got.loc[n, "match_type"], got.loc[n, "score"]) == (want.loc[n, "match_type"], want.loc[n, "score"])
    # A file with no column whose name says ZIP starts at "No ZIP column".
    plain = tmp_path / "plain.csv"
    pd.DataFrame({"name": ["A"], "address": ["160 Main St"]}).to_csv(plain, index=False)
    assert _dialog(window, qtbot, plain).zip.currentData() is None


def _wizard(qtbot, gproject, calls):
    from assetmap.ui.reports_wizard import ReportsWizard

    w = ReportsWizard(gproject)
    qtbot.addWidget(w)
    w.file_page.path.setText(str(calls))
    w.file_page.kind.setCurrentIndex(w.file_page.kind.findData("dv"))
    page = w.geocode_page
    page.initializePage()
    page.by_address.setChecked(True)
    page.locator.setCurrentIndex(page.locator.findData("county"))
    page.number.setCurrentText("house")
    page.street.setCurrentText("street")
    assert page.isComplete()
    return w, page


def test_reports_wizard_counts_each_zip_in_its_own_unit(qtbot, gproject, tmp_path, capsys):
    from assetmap.cli import main

    a, b = point_in(gproject, 17), point_in(gproject, 39)
    _county(gproject, tmp_path, capsys, [a, b])
    calls = tmp_path / "hotline.csv"
    pd.DataFrame({"case_id": range(50), "house": ["150"] * 50, "street": ["Main St"] * 50,
                  "zip": ["63110"] * 30 + ["63118"] * 20}).to_csv(calls, index=False)
    before_files = {p: _sha(p) for p in tmp_path.rglob("*") if p.is_file()}
    w, page = _wizard(qtbot, gproject, calls)
    assert page.zip.currentData() == "zip"                     # proposed from its name
    page.check.click()
    qtbot.waitUntil(lambda: "Geocoded" in page.summary.text(), timeout=60_000)
    lines = page.summary.text().splitlines()
    assert lines[0].startswith("Geocoded 50 of 50 reports by address in memory (100.0 %)")
    assert lines[-1] == "Columns: house number 'house', street 'street'; ZIP 'zip'."
    # The check touched no file (the project included): report rows stay in memory.
    assert {p: _sha(p) for p in tmp_path.rglob("*") if p.is_file()} == before_files
    assert w.options()["geocode"].columns == AddressColumns(number="house", street="street", zip="zip")
    assert w.run().layer == "dv_by_neighborhoods"
    counts = gproject.read_layer("dv_by_neighborhoods").set_index("NHD_NUM")["count"]
    assert (counts[17], counts[39], counts.sum()) == (30, 20, 50)

    # "No ZIP column": the same counts as before the choice existed (the command without --zip).
    w, page = _wizard(qtbot, gproject, calls)
    page.zip.setCurrentIndex(page.zip.findData(None))
    assert page.zip.currentText() == "No ZIP column"
    assert w.options()["geocode"].columns == AddressColumns(number="house", street="street")
    w.units_page.name.setText("nozip")
    w.run()
    assert main(["reports", str(gproject.path), str(calls), "--kind", "dv", "--areas", "neighborhoods",
                 "--locator", "county", "--number", "house", "--street", "street", "--name", "cli_nozip"]) == 0
    capsys.readouterr()
    app = gproject.read_layer("nozip").set_index("NHD_NUM")["count"]
    cli = gproject.read_layer("cli_nozip").set_index("NHD_NUM")["count"]
    assert app.fillna(-1).to_dict() == cli.fillna(-1).to_dict()
    assert max(app.get(17, 0) or 0, app.get(39, 0) or 0) == 50      # all 50 on the one street picked


def test_spanish_translations_of_the_zip_choice():
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ts = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "assetmap_es.ts"
    ours = [c for c in ET.parse(ts).getroot().findall("context") if c.findtext("name") == "AddressFields"]
    assert len(ours) == 1
    done = {m.findtext("source"): m.findtext("translation") for m in ours[0].findall("message")}
    for source in ("&ZIP code column (optional)", "ZIP code column", "No ZIP column", "address '{0}'",
                   "house number '{0}', street '{1}'", "ZIP '{0}'", "no ZIP column", "Columns: {0}; {1}."):
        assert done.get(source), source
    assert done["No ZIP column"] == "Sin columna de código postal"
