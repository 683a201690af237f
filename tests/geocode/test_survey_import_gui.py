"""Survey › Import export in the app, with a locator: rows without GPS are placed from the address
column the user picks (as `survey import --locator --address-column`), or left as they are."""

import pandas as pd
import pytest

from assetmap.survey import builtin_form
from assetmap.survey.store import SurveyStore
from tests.survey.storage_forms import point_in
from tests.survey.test_kobo_import import KOBO_HEADER, kobo_row, write_csv

pytest.importorskip("pytestqt")


@pytest.fixture()
def setup(qtbot, isolated_home, areas_project, tmp_path):
    from assetmap.geocode.locators import add_locator
    from tests.ui.conftest import open_main_window

    project = areas_project
    SurveyStore(project, device_id="office").install_form(builtin_form())
    lat, lon = point_in(project, 17)
    ref = tmp_path / "ref.csv"
    pd.DataFrame({"n": [100, 120, 140], "street": ["MAIN ST"] * 3, "lon": [lon, lon + 2e-4, lon + 4e-4],
                  "lat": [lat] * 3}).to_csv(ref, index=False)
    add_locator(project, "city", ref, number="n", street="street")
    rows = [kobo_row(asset_type="faith", asset_name="Church", _uuid="a1", street_address="130 Main Street"),
            kobo_row(asset_type="faith", asset_name="Nowhere", _uuid="a3", street_address="5 Unknown Rd")]
    export = write_csv(tmp_path / "kobo.csv", KOBO_HEADER + ["street_address"], rows)
    w = open_main_window(qtbot, project.path, (1000, 700))
    return w, export, (lat, lon)


def _run(qtbot, w, export):
    task = w.survey.import_export(str(export))
    with qtbot.waitSignal(task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [True], task.error
    return SurveyStore(w.project)


def test_rows_without_gps_placed_from_the_chosen_column(setup, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    w, export, (lat, lon) = setup
    offered = []
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *a, **k: offered.append((a[3], a[4])) or ("street_address", True))
    store = _run(qtbot, w, export)
    items, current = offered[0]
    assert items[0] == "Leave rows without a location as they are"
    assert items[current] == "street_address"               # the address column is proposed first
    got = {r.uuid: r for r in store.responses("community_assets")}
    assert got["a1"].answers["location"] == pytest.approx((lat, lon + 3e-4))
    assert "location from the address: interpolated" in store.history("a1")[-1].note
    assert "a3" not in got
    assert "located from their address: 1 of 2 rows" in w.survey.last_report.text.toPlainText()


def test_leave_them_or_cancel(setup, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    w, export, _ = setup
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("", False))
    before = w.project.path.read_bytes()
    assert w.survey.import_export(str(export)) is None           # cancelled: nothing imported
    assert w.project.path.read_bytes() == before
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    store = _run(qtbot, w, export)
    assert store.responses("community_assets") == []             # no GPS and not placed: rejected


def test_zip_column_chooses_the_town(qtbot, isolated_home, areas_project, tmp_path, monkeypatch, capsys):
    """An export with a ZIP column: the step proposes it after the address column; two rows naming the
    same street, which exists in two ZIPs, are each placed on their ZIP's street."""
    from PySide6.QtWidgets import QInputDialog

    from tests.geocode.test_zip_column import _county
    from tests.ui.conftest import open_main_window

    project = areas_project
    SurveyStore(project, device_id="office").install_form(builtin_form())
    a, b = point_in(project, 17), point_in(project, 39)
    _county(project, tmp_path, capsys, [a, b])
    rows = [kobo_row(asset_type="faith", asset_name="North", _uuid="z1", street_address="160 Main St", zip="63110"),
            kobo_row(asset_type="faith", asset_name="South", _uuid="z2", street_address="160 Main St", zip="63118")]
    export = write_csv(tmp_path / "kobo.csv", KOBO_HEADER + ["street_address", "zip"], rows)
    w = open_main_window(qtbot, project.path, (1000, 700))
    asked = []

    def answer(parent, title, label, items, current, editable):
        asked.append((label, items, current))
        return items[current], True                      # the proposed choice each time

    monkeypatch.setattr(QInputDialog, "getItem", answer)
    store = _run(qtbot, w, export)
    (_, items, current), (zlabel, zitems, zcurrent) = asked
    assert items[current] == "street_address"
    assert "ZIP code column" in zlabel and zitems[zcurrent] == "zip" and "street_address" not in zitems
    assert zitems[-1].startswith("No ZIP column")
    got = {r.uuid: r.answers["location"] for r in store.responses("community_assets")}
    assert got["z1"] == pytest.approx((a[0], a[1] + 160e-6))
    assert got["z2"] == pytest.approx((b[0], b[1] + 160e-6))


def test_app_import_places_repeat_entries(qtbot, areas_project, tmp_path, isolated_home, monkeypatch):
    """Survey › Import export in the app, with a locator and a form whose repeat has its own location
    and a marked address: the entries are placed even when the rows' own column is left alone."""
    from PySide6.QtWidgets import QInputDialog

    from tests.geocode.test_survey_repeat_geocode import main_st, rounds_form
    from tests.ui.conftest import open_main_window

    project = areas_project
    SurveyStore(project, device_id="office").install_form(rounds_form(tmp_path))
    lat, lon = main_st(project, tmp_path)
    hand = point_in(project, 39)
    kobo = tmp_path / "kobo"
    kobo.mkdir()
    export = write_csv(kobo / "rounds.csv", ["site", "location", "_uuid", "_index"], [
        {"site": "Library", "location": f"{hand[0]} {hand[1]} 0 0", "_uuid": "k1", "_index": "1"}])
    write_csv(kobo / "rounds-visits.csv", ["visits/who", "visits/where_typed", "_parent_index", "_index"], [
        {"visits/who": "Ana", "visits/where_typed": "140 Main St", "_parent_index": "1", "_index": "1"}])
    w = open_main_window(qtbot, project.path, (1000, 700))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))    # "Leave rows ... as they are"
    task = w.survey.import_export(str(export))
    with qtbot.waitSignal(task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [True], task.error
    got = SurveyStore(w.project).get("k1").answers
    assert got["location"] == pytest.approx(hand)
    assert got["visits"][0]["spot"] == pytest.approx((lat, lon + 4e-4))
    assert "repeat entries located from their address: 1 of 1" in w.survey.last_report.text.toPlainText()
