"""A survey form's typed address places the response on save (offline, with the project's locator)."""

import socket
import sqlite3

import pytest

from assetmap.errors import UserError
from assetmap.survey.store import SurveyStore
from assetmap.survey.xlsform import load_form

FORM = """
| survey   |          |           |                 |          |         |
|          | type     | name      | label           | required | {col}   |
|          | text     | site      | Name of place   | yes      |         |
|          | text     | {addr}    | Street address  |          | {mark}  |
|          | geopoint | location  | Where is it?    | yes      |         |
| settings |          |           |                 |          |         |
|          | form_id  | title     |                 |          |         |
|          | places   | Places    |                 |          |         |
"""


def address_form(tmp_path, name="address", marked=False):
    p = tmp_path / f"form_{name}_{marked}.md"
    p.write_text(FORM.format(col="geocode" if marked else "hint", addr=name, mark="yes" if marked else ""))
    return load_form(p)


@pytest.fixture()
def offline(monkeypatch):
    """Any attempt to reach the network fails the test."""
    def refuse(*a, **k):
        raise AssertionError("the network was reached")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def _known(project):
    """A real reference address of the 'police' locator (2017+2018 St. Louis police incidents)."""
    from assetmap.geocode.locators import load_table

    t = load_table(project, "police")
    row = t[(t["street"] == "N GRAND BLVD") & (t["number"] > 0)].iloc[0]
    return int(row["number"]), float(row["lat"]), float(row["lon"])


def _another(project, lat, lon):
    """Another known number of N GRAND BLVD, at a point of its own (a number next to the first one
    may be placed at the first one's point)."""
    from assetmap.geocode.locators import load_table

    t = load_table(project, "police")
    t = t[(t["street"] == "N GRAND BLVD") & (t["number"] > 0)]
    far = (t["lat"] - lat).abs() + (t["lon"] - lon).abs() > 1e-3
    return int(t[far].iloc[0]["number"])


def _columns(project, uuid):
    con = sqlite3.connect(project.path)
    try:
        return con.execute('SELECT geocode_match, geocode_score, geom IS NULL FROM survey_places WHERE uuid=?',
                           (uuid,)).fetchone()
    finally:
        con.close()


def test_typed_address_is_placed_on_save(gproject, tmp_path, offline):
    store = SurveyStore(gproject, device_id="laptop")
    store.install_form(address_form(tmp_path))
    number, lat, lon = _known(gproject)
    r = store.save("places", {"site": "Library", "address": f"{number} North Grand Boulevard, St. Louis, MO"},
                   surveyor="Ana")
    assert r.geocode.placed and r.geocode.match_type == "exact" and r.geocode.score == 100
    assert r.answers["location"] == pytest.approx((lat, lon))
    assert _columns(gproject, r.uuid) == ("exact", 100, 0)
    assert store.history(r.uuid)[-1].note == "location from the address: exact (score 100)"
    assert store.get(r.uuid).answers["location"] == pytest.approx((lat, lon))

    # Not found: saved all the same, without a location (the form requires one), and said so.
    r2 = store.save("places", {"site": "Somewhere", "address": "5 Nowhere Rd"}, surveyor="Ana")
    assert not r2.geocode.placed and "was not found" in r2.geocode.line()
    assert "location" not in store.get(r2.uuid).answers
    assert store.get(r2.uuid).answers["address"] == "5 Nowhere Rd"        # nothing typed is lost
    assert _columns(gproject, r2.uuid) == ("unmatched", 0, 1)

    # A GPS point wins over the address, and is not marked as geocoded.
    r3 = store.save("places", {"site": "Park", "address": f"{number} N Grand Blvd", "location": (38.6, -90.2)},
                    surveyor="Ana")
    assert r3.geocode is None and r3.answers["location"] == pytest.approx((38.6, -90.2))
    assert _columns(gproject, r3.uuid) == (None, None, 0)

    # Editing: the address changed, the location was the old address's: placed again.
    other = f"{_another(gproject, lat, lon)} N GRAND BLVD"
    r4 = store.save("places", {**store.get(r.uuid).answers, "address": other}, uuid=r.uuid, surveyor="Ana")
    assert r4.geocode is not None and r4.geocode.placed
    assert r4.answers["location"] != pytest.approx((lat, lon))
    # Another edit that keeps address and location leaves the match as it was.
    r5 = store.save("places", {**store.get(r.uuid).answers, "site": "Central Library"}, uuid=r.uuid, surveyor="Ana")
    assert r5.geocode is None and _columns(gproject, r.uuid)[0] == r4.geocode.match_type
    # The not-found one, placed on the map by hand later: a hand-placed point, no match type.
    r6 = store.save("places", {**store.get(r2.uuid).answers, "location": (38.62, -90.25)}, uuid=r2.uuid,
                    surveyor="Ana")
    assert r6.geocode is None and _columns(gproject, r2.uuid) == (None, None, 0)


def test_geocode_column_marks_the_address_question(gproject, tmp_path, offline):
    store = SurveyStore(gproject, device_id="laptop")
    form = address_form(tmp_path, name="street_line", marked=True)
    assert form.question("street_line").geocode
    store.install_form(form)
    number, lat, lon = _known(gproject)
    r = store.save("places", {"site": "Clinic", "street_line": f"{number} n grand blvd"}, surveyor="Ana")
    assert r.geocode.match_type == "exact" and r.answers["location"] == pytest.approx((lat, lon))


def test_without_a_locator_the_location_stays_required(project, tmp_path):
    store = SurveyStore(project, device_id="laptop")
    store.install_form(address_form(tmp_path))
    with pytest.raises(UserError, match="location"):
        store.save("places", {"site": "Library", "address": "100 Main St"}, surveyor="Ana")
    r = store.save("places", {"site": "Library", "address": "100 Main St", "location": (38.6, -90.2)},
                   surveyor="Ana")
    assert r.geocode is None
