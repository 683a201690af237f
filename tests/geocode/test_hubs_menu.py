"""Hubs › Import Open Referral directory: with a locator in the project, the dialog offers to place
locations that have only an address; the user's choice is used (or the import is cancelled)."""

import pandas as pd
import pytest

pytest.importorskip("pytestqt")


@pytest.fixture()
def window(qtbot, isolated_home, demo_copy, tmp_path):
    from assetmap.geocode.locators import add_locator
    from tests.ui.conftest import open_main_window

    rows = [(n, "MAIN ST", -90.25 + n * 1e-5, 38.63) for n in range(100, 200, 10)]
    rows += [(n, "MAIN ST", -90.25 + n * 1e-5, 38.6302) for n in range(101, 200, 10)]
    src = tmp_path / "ref.csv"
    pd.DataFrame(rows, columns=["house", "street", "lon", "lat"]).to_csv(src, index=False)
    add_locator(demo_copy, "city", src, number="house", street="street")
    return open_main_window(qtbot, demo_copy.path, (1000, 700))


def test_import_offers_the_locator(window, qtbot, package, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from assetmap.ui.hubs_menu import import_hsds_dialog

    asked = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: asked.append(a[3]) or ("city", True))
    task = import_hsds_dialog(window, str(package))
    with qtbot.waitSignal(task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [True], getattr(task, "error", None)
    assert asked == [["city", "Leave them without a position"]]
    assert "Placed 2 of 2 locations without coordinates" in window.hubs_report
    hubs = window.project.read_layer("hubs").set_index("id")
    assert hubs.loc["loc-2", "geocode_match"] == "exact"


def test_cancel_imports_nothing(window, package, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from assetmap.ui.hubs_menu import import_hsds_dialog

    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("", False))
    before = window.project.path.read_bytes()
    assert import_hsds_dialog(window, str(package)) is None
    assert window.project.path.read_bytes() == before
