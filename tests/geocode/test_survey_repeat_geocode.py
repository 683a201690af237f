"""Typed addresses inside repeat groups: an instance whose group has its own location question and
an address question marked for geocoding is placed from its address on save and on import, as the
top level is; the match type and score are kept in the repeat's child table."""

import sqlite3

import pandas as pd
import pytest

from assetmap.errors import UserError
from assetmap.survey.store import SurveyStore
from assetmap.survey.xlsform import load_form
from tests.geocode.test_survey_save import offline  # noqa: F401
from tests.survey.storage_forms import point_in

FORM = """
| survey   |              |               |                 |          |         |
|          | type         | name          | label           | required | geocode |
|          | text         | site          | Name of place   | yes      |         |
|          | geopoint     | location      | Where is it?    |          |         |
|          | begin_repeat | visits        | Visited sites   |          |         |
|          | text         | who           | Who             | yes      |         |
|          | text         | where_typed   | Street address  |          | {mark}  |
|          | geopoint     | spot          | Where           | yes      |         |
|          | end_repeat   |               |                 |          |         |
| settings |              |               |                 |          |         |
|          | form_id      | title         |                 |          |         |
|          | rounds       | Rounds        |                 |          |         |
"""
CHILD = "survey_rounds__visits"


def rounds_form(tmp_path, marked=True):
    p = tmp_path / f"rounds_{marked}.md"
    p.write_text(FORM.format(mark="yes" if marked else ""))
    return load_form(p)


def main_st(project, tmp_path, name="city"):
    """A locator whose MAIN ST 100-140 runs east from a point inside neighbourhood 17."""
    from assetmap.geocode.locators import add_locator

    lat, lon = point_in(project, 17)
    ref = tmp_path / f"{name}.csv"
    pd.DataFrame({"n": [100, 120, 140], "street": ["MAIN ST"] * 3, "lon": [lon, lon + 2e-4, lon + 4e-4],
                  "lat": [lat] * 3}).to_csv(ref, index=False)
    add_locator(project, name, ref, number="n", street="street")
    return lat, lon


def child_rows(project, uuid):
    con = sqlite3.connect(project.path)
    try:
        return con.execute(f'SELECT position, who, spot, geocode_match, geocode_score FROM "{CHILD}" '
                           "WHERE parent_uuid=? ORDER BY position", (uuid,)).fetchall()
    finally:
        con.close()


def test_repeat_addresses_are_placed_on_save(areas_project, tmp_path, offline):  # noqa: F811
    project = areas_project
    store = SurveyStore(project, device_id="laptop")
    store.install_form(rounds_form(tmp_path))
    lat, lon = main_st(project, tmp_path)
    hand = point_in(project, 39)
    visits = [{"who": "Ana", "where_typed": "120 Main Street"},                      # placed: exact
              {"who": "Bo", "where_typed": "130 Main St", "spot": hand},             # a point by hand wins
              {"who": "Cy", "where_typed": "5 Nowhere Rd"}]                          # not found
    resp = store.save("rounds", {"site": "Library", "visits": visits}, surveyor="Rosa")
    got = resp.answers["visits"]
    assert got[0]["spot"] == pytest.approx((lat, lon + 2e-4))
    assert got[1]["spot"] == pytest.approx(hand)
    assert "spot" not in got[2] and got[2]["where_typed"] == "5 Nowhere Rd"      # saved, without a location
    assert "location" not in resp.answers                                         # the top level is untouched
    assert [(p.where, p.match_type, p.score) for p in resp.repeat_geocode] == [
        ("visits[1]", "exact", 100), ("visits[3]", "unmatched", 0)]
    assert resp.geocode is None
    rows = child_rows(project, resp.uuid)
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [(1, "Ana", "exact", 100), (2, "Bo", None, None),
                                                      (3, "Cy", "unmatched", 0)]
    note = store.history(resp.uuid)[-1].note
    assert "visits[1]: location from the address: exact (score 100)" in note
    assert "visits[3]: address not found" in note

    # An edit that keeps the points (what the panel sends back: answers only) keeps the matches.
    again = store.save("rounds", {"site": "Library (main)", "visits": resp.answers["visits"]}, uuid=resp.uuid,
                       surveyor="Rosa")
    assert [(p.where, p.match_type) for p in again.repeat_geocode] == [("visits[3]", "unmatched")]  # Cy again
    assert [(r[3], r[4]) for r in child_rows(project, resp.uuid)] == [("exact", 100), (None, None),
                                                                    ("unmatched", 0)]
    # The address of a placed instance changed, its point kept: placed again from the new address.
    moved = [dict(v) for v in again.answers["visits"]]
    moved[0]["where_typed"] = "140 Main St"
    third = store.save("rounds", {"site": "Library (main)", "visits": moved}, uuid=resp.uuid, surveyor="Rosa")
    assert third.answers["visits"][0]["spot"] == pytest.approx((lat, lon + 4e-4))
    # The hand-placed one moved by hand: still no match; the others as they were (by content).
    moved = [dict(v) for v in third.answers["visits"]]
    moved[1]["spot"] = (hand[0] + 1e-4, hand[1])
    fourth = store.save("rounds", {"site": "Library (main)", "visits": moved[:2]}, uuid=resp.uuid, surveyor="Rosa")
    assert fourth.repeat_geocode == []
    assert [(r[1], r[3], r[4]) for r in child_rows(project, resp.uuid)] == [("Ana", "exact", 100),
                                                                          ("Bo", None, None)]
    # Rewrites that are not saves of the instances (delete, restore) keep the matches.
    store.delete(resp.uuid, "Rosa")
    store.restore(resp.uuid, "Rosa")
    assert [(r[3], r[4]) for r in child_rows(project, resp.uuid)] == [("exact", 100), (None, None)]


def test_repeat_address_named_address_counts_and_no_locator_keeps_it_required(areas_project, tmp_path):
    project = areas_project
    form_text = FORM.format(mark="").replace("where_typed", "address    ")
    p = tmp_path / "named.md"
    p.write_text(form_text)
    store = SurveyStore(project, device_id="laptop")
    store.install_form(load_form(p))
    with pytest.raises(UserError) as err:          # no locator yet: nothing to place it with
        store.save("rounds", {"site": "X", "visits": [{"who": "Ana", "address": "120 Main St"}]}, surveyor="R")
    assert "visits[1]/spot" in err.value.message
    lat, lon = main_st(project, tmp_path)
    resp = store.save("rounds", {"site": "X", "visits": [{"who": "Ana", "address": "120 Main St"}]}, surveyor="R")
    assert resp.answers["visits"][0]["spot"] == pytest.approx((lat, lon + 2e-4))


def test_an_unmarked_repeat_text_is_not_an_address(areas_project, tmp_path):
    project = areas_project
    store = SurveyStore(project, device_id="laptop")
    store.install_form(rounds_form(tmp_path, marked=False))
    main_st(project, tmp_path)
    with pytest.raises(UserError):
        store.save("rounds", {"site": "X", "visits": [{"who": "Ana", "where_typed": "120 Main St"}]}, surveyor="R")
    con = sqlite3.connect(project.path)
    assert "geocode_match" not in [r[1] for r in con.execute(f'PRAGMA table_info("{CHILD}")')]
    con.close()


def test_kobo_import_places_repeat_addresses(areas_project, tmp_path, capsys):
    from assetmap.cli import main
    from tests.survey.test_kobo_import import write_csv

    project = areas_project
    SurveyStore(project, device_id="office").install_form(rounds_form(tmp_path))
    lat, lon = main_st(project, tmp_path)
    hand = point_in(project, 39)
    kobo = tmp_path / "kobo"
    kobo.mkdir()
    export = write_csv(kobo / "rounds.csv", ["site", "location", "_uuid", "_index"], [
        {"site": "Library", "location": f"{hand[0]} {hand[1]} 0 0", "_uuid": "k1", "_index": "1"},
        {"site": "Park", "location": f"{hand[0]} {hand[1]} 0 0", "_uuid": "k2", "_index": "2"}])
    write_csv(kobo / "rounds-visits.csv", ["visits/who", "visits/where_typed", "visits/spot", "_parent_index",
                                           "_index"], [
        {"visits/who": "Ana", "visits/where_typed": "130 Main St", "visits/spot": "", "_parent_index": "1",
         "_index": "1"},
        {"visits/who": "Bo", "visits/where_typed": "100 Main St", "visits/spot": f"{hand[0]} {hand[1]} 0 0",
         "_parent_index": "1", "_index": "2"},
        {"visits/who": "Cy", "visits/where_typed": "5 Nowhere Rd", "visits/spot": "", "_parent_index": "2",
         "_index": "3"}])
    p = str(project.path)
    # --locator alone: the form marks its address question (inside the repeat), no column to name.
    assert main(["survey", "import", p, str(export), "--locator", "city"]) == 0
    out = capsys.readouterr().out
    assert "repeat entries located from their address: 1 of 2 without a location; row 3 visits[1]: not found" in out
    assert "row 3, question 'visits[1]/spot'" in out                  # reported, as a top-level row would be
    store = SurveyStore(project)
    got = store.get("k1").answers["visits"]
    assert got[0]["spot"] == pytest.approx((lat, lon + 3e-4))           # interpolated between 120 and 140
    assert got[1]["spot"] == pytest.approx(hand)
    assert [(r[1], r[3]) for r in child_rows(project, "k1")] == [("Ana", "interpolated"), ("Bo", None)]
    assert child_rows(project, "k1")[0][4] > 60
    assert "visits[1]: location from the address: interpolated" in store.history("k1")[-1].note
    assert store.find("k2") is None
    # Without --locator nothing is placed: the instance without a location is reported.
    other = tmp_path / "other.gpkg"
    from assetmap.project import Project

    Project.create(other, crs="EPSG:4326")
    SurveyStore(Project.open(other)).install_form(rounds_form(tmp_path))
    assert main(["survey", "import", str(other), str(export)]) == 0
    assert "row 2, question 'visits[1]/spot'" in capsys.readouterr().out


def test_survey_import_locator_alone_uses_the_forms_address_question(areas_project, tmp_path, capsys):
    """`survey import --locator NAME` without --address-column: the form's marked address question
    (here a text question named address) is the column; a form without one still needs it."""
    from assetmap.cli import main
    from tests.geocode.test_survey_save import address_form
    from tests.survey.test_kobo_import import write_csv

    project = areas_project
    SurveyStore(project, device_id="office").install_form(address_form(tmp_path))
    lat, lon = main_st(project, tmp_path)
    export = write_csv(tmp_path / "places.csv", ["site", "address", "location", "_uuid"], [
        {"site": "Library", "address": "120 Main St", "location": "", "_uuid": "p1"}])
    assert main(["survey", "import", str(project.path), str(export), "--locator", "city"]) == 0
    assert "located from their address: 1 of 1 rows" in capsys.readouterr().out
    assert SurveyStore(project).get("p1").answers["location"] == pytest.approx((lat, lon + 2e-4))



def test_a_child_table_made_before_the_geocode_columns(areas_project, tmp_path):
    """A repeat's table made before these columns: a save places the instance and writes the row
    without them (no ALTER on a save: a team lead may not); installing the form again adds them."""
    project = areas_project
    store = SurveyStore(project, device_id="laptop")
    form = rounds_form(tmp_path)
    store.install_form(form)
    con = sqlite3.connect(project.path)
    con.execute(f'ALTER TABLE "{CHILD}" DROP COLUMN geocode_match')
    con.execute(f'ALTER TABLE "{CHILD}" DROP COLUMN geocode_score')
    con.commit()
    con.close()
    lat, lon = main_st(project, tmp_path)
    resp = store.save("rounds", {"site": "X", "visits": [{"who": "Ana", "where_typed": "120 Main St"}]},
                      surveyor="R")
    assert resp.answers["visits"][0]["spot"] == pytest.approx((lat, lon + 2e-4))
    store.install_form(form)
    again = store.save("rounds", {"site": "X", "visits": [{"who": "Ana", "where_typed": "140 Main St"}]},
                       uuid=resp.uuid, surveyor="R")
    assert again.answers["visits"][0]["spot"] == pytest.approx((lat, lon + 4e-4))
    assert [(r[3], r[4]) for r in child_rows(project, resp.uuid)] == [("exact", 100)]


def test_without_a_locator_an_edited_address_keeps_its_point(tmp_path):
    """A point placed from an address whose text then changed, with no locator left to place it
    again: the point stays (nothing typed or placed is lost)."""
    from assetmap.geocode.survey import place_repeats_on_save

    form = rounds_form(tmp_path)
    old = {"visits": [({"who": "Ana", "where_typed": "120 Main St", "spot": (38.6, -90.2)}, "exact", 100)]}
    new = {"site": "X", "visits": [{"who": "Ana", "where_typed": "122 Main St", "spot": (38.6, -90.2)}]}
    out = place_repeats_on_save(form, new, current=old, matcher=None)
    assert out.answers["visits"][0]["spot"] == (38.6, -90.2) and out.placements == []
    assert new["visits"][0]["spot"] == (38.6, -90.2)                     # the caller's answers untouched
    same = place_repeats_on_save(form, {"visits": [dict(old["visits"][0][0])]}, current=old, matcher=None)
    assert same.columns == {"visits": [{"geocode_match": "exact", "geocode_score": 100}]}
