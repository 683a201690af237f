"""File › Add address locator…: the dialog reads the file's columns, checks the name, and the
locator is built on a worker."""

import pandas as pd
import pytest

pytest.importorskip("pytestqt")


@pytest.fixture()
def window(qtbot, isolated_home, demo_copy):
    from tests.ui.conftest import open_main_window

    return open_main_window(qtbot, demo_copy.path, (1000, 700))


@pytest.fixture()
def ref_csv(tmp_path):
    p = tmp_path / "City Addresses.csv"
    pd.DataFrame({"house": [100, 110, 120], "street": ["Main St"] * 3, "lon": [-90.25, -90.2499, -90.2498],
                  "lat": [38.63] * 3}).to_csv(p, index=False)
    return p


def test_dialog_columns_name_and_checks(qtbot, demo_copy, ref_csv, tmp_path):
    from assetmap.ui.accessible import missing_accessible_names
    from assetmap.ui.locator_dialog import LocatorDialog

    dlg = LocatorDialog(demo_copy)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.path.setText(str(ref_csv))
    assert [dlg.number.itemText(i) for i in range(dlg.number.count())][1:] == ["house", "street", "lon", "lat"]
    assert dlg.name.text() == "city_addresses"
    dlg.number.setCurrentText("house")
    dlg.street.setCurrentText("street")
    assert missing_accessible_names(dlg) == []
    dlg.resize(640, 360)
    dlg.grab().save(str(tmp_path / "locator_dialog.png"))
    dlg.name.setText("Bad Name")
    dlg._accept()
    assert dlg.chosen is None and "can't be used as a locator name" in dlg.problem.text()
    dlg.name.setText("city")
    dlg._accept()
    assert dlg.chosen == {"name": "city", "source": str(ref_csv), "number": "house", "street": "street",
                          "address": None, "public_source": False}


def test_menu_action_builds_the_locator(window, qtbot, ref_csv):
    from assetmap.geocode.locators import list_locators
    from assetmap.ui.locator_dialog import add_locator_dialog

    assert "add locator" in window.actions_by_name
    task = add_locator_dialog(window, {"name": "city", "source": str(ref_csv), "number": "house",
                                       "street": "street", "address": None, "public_source": False})
    with qtbot.waitSignal(task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [True], getattr(task, "error", None)
    assert [i.name for i in list_locators(window.project)] == ["city"]
    assert "3 reference addresses" in window.locator_report
