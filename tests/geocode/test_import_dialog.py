"""File › Import layer with a CSV of addresses and no coordinates: the Geocode step (choose the
locator and columns, check the match rate, import, or cancel with the project unchanged)."""

import hashlib

import pandas as pd
import pytest

pytest.importorskip("pytestqt")


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def window(qtbot, isolated_home, demo_copy, tmp_path):
    from assetmap.geocode.locators import add_locator
    from tests.ui.conftest import open_main_window

    rows = [(n, "MAIN ST", -90.25 + n * 1e-5, 38.63) for n in range(100, 200, 10)]
    src = tmp_path / "ref.csv"
    pd.DataFrame(rows, columns=["house", "street", "lon", "lat"]).to_csv(src, index=False)
    add_locator(demo_copy, "city", src, number="house", street="street")
    return open_main_window(qtbot, demo_copy.path, (1000, 700))


@pytest.fixture()
def pantries(tmp_path):
    p = tmp_path / "pantries.csv"
    pd.DataFrame({"name": ["Pantry A", "Pantry B", "Nowhere"],
                  "street_address": ["120 Main St, St. Louis, MO 63110", "155 main street", "5 Elm St"]}
                 ).to_csv(p, index=False)
    return p


def _dialog(window, qtbot, paths):
    from assetmap.ui import window_actions

    assert window_actions.import_files(window, paths, role="assets") is None
    dlg = window.address_import_dialogs[0]
    qtbot.addWidget(dlg)
    return dlg


def test_check_then_import(window, qtbot, pantries, tmp_path):
    dlg = _dialog(window, qtbot, [pantries])
    assert dlg.isVisible()
    assert dlg.address.currentData() == "street_address"        # guessed from the header
    assert dlg.locator.currentData() == "city"
    before = _sha(window.project.path)
    task = dlg._check()
    with qtbot.waitSignal(task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [True], task.error
    assert dlg.summary.text().startswith("Geocoded 2 of 3 rows (66.7 %)")
    assert "4" in dlg.summary.text().splitlines()[1]           # the unmatched row, by line number
    assert _sha(window.project.path) == before                   # checking wrote nothing
    dlg.grab().save(str(tmp_path / "address_import.png"))
    task = dlg._import()
    with qtbot.waitSignal(task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [True], task.error
    gdf = window.project.read_layer("pantries").set_index("name")
    assert sorted(gdf.index) == ["Pantry A", "Pantry B"]
    assert gdf.loc["Pantry A", "match_type"] == "exact"
    assert gdf.loc["Pantry A"].geometry.x == pytest.approx(-90.25 + 120e-5)
    assert not dlg.isVisible()
    assert "Imported 2 of 3 rows" in window.statusBar().currentMessage()
    # One undo step, like any import: Ctrl+Z takes the layer away, Ctrl+Y brings it back.
    from tests.ui.conftest import wait_drawn

    wait_drawn(window, qtbot)
    assert "pantries" in [lyr["name"] for lyr in window.canvas.state()["layers"]]
    assert window.stack.undo_text == "import pantries.csv by address"
    window.actions_by_name["undo"].trigger()
    wait_drawn(window, qtbot)
    assert not window.project.has_layer("pantries") and "pantries" not in window.layers_panel.names()
    window.actions_by_name["redo"].trigger()
    wait_drawn(window, qtbot)
    assert sorted(window.project.read_layer("pantries")["name"]) == ["Pantry A", "Pantry B"]


def test_cancel_imports_nothing_and_csv_with_coordinates_goes_the_usual_way(window, qtbot, pantries, tmp_path):
    from assetmap.ui.geocode_import import take_address_tables

    before = _sha(window.project.path)
    dlg = _dialog(window, qtbot, [pantries])
    dlg.reject()
    assert not dlg.isVisible() and _sha(window.project.path) == before
    xy = tmp_path / "xy.csv"
    xy.write_text("name,lon,lat\nA,-90.25,38.63\n")
    window.address_import_dialogs = []
    assert take_address_tables(window, [xy], "assets") == [xy] and window.address_import_dialogs == []


def test_wrong_columns_keep_the_dialog_open(window, qtbot, pantries):
    dlg = _dialog(window, qtbot, [pantries])
    dlg.address.setCurrentIndex(0)                               # (none), and no number/street
    assert not dlg.import_button.isEnabled() and not dlg.check.isEnabled()
    dlg.address.setCurrentIndex(dlg.address.findData("name"))    # a column of names: nothing found
    task = dlg._import()
    before = _sha(window.project.path)
    with qtbot.waitSignal(task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [False]
    assert str(task.error).startswith("None of the 3 addresses of pantries.csv was found with locator 'city'")
    assert "/tmp/assetmap-geocode" not in str(task.error)
    task.error_box.close()
    # The dialog stays for another choice; the project is as it was.
    assert dlg.isVisible() and dlg.import_button.isEnabled()
    assert _sha(window.project.path) == before
