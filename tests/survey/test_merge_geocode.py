"""A volunteer's field package has no locator: an entry whose location is optional is saved with
its typed address only. Merged at the office, it is placed from the address with the project's
locators, as a save there would place it (top level and repeats), on both backends; an address not
found is kept without a location and listed; a re-merge changes nothing."""

from __future__ import annotations

import pytest

from assetmap.survey.store import SurveyStore
from assetmap.survey.xlsform import load_form
from tests.geocode.test_survey_repeat_geocode import main_st
from tests.geocode.test_survey_save import offline  # noqa: F401
from tests.survey.storage_forms import point_in

FORM = """
| survey   |              |             |                |          |         |
|          | type         | name        | label          | required | geocode |
|          | text         | site        | Name of place  | yes      |         |
|          | text         | address     | Street address |          | yes     |
|          | geopoint     | location    | Where is it?   |          |         |
|          | begin_repeat | visits      | Visited sites  |          |         |
|          | text         | who         | Who            | yes      |         |
|          | text         | where_typed | Street address |          | yes     |
|          | geopoint     | spot        | Where          |          |         |
|          | end_repeat   |             |                |          |         |
| settings |              |             |                |          |         |
|          | form_id      | title       |                |          |         |
|          | places       | Places      |                |          |         |
"""


def _matches(project) -> dict:
    with project.sql_read() as con:
        return dict(con.execute("SELECT uuid, geocode_match FROM survey_places").fetchall())


def test_a_merge_places_typed_addresses_from_the_field(areas_project, tmp_path, backend, offline):  # noqa: F811
    from assetmap.project import Project
    from assetmap.survey.pack import make_package, merge_package

    project = areas_project
    (tmp_path / "places.md").write_text(FORM)
    SurveyStore(project, device_id="office").install_form(load_form(tmp_path / "places.md"))
    lat, lon = main_st(project, tmp_path)              # locator 'city': MAIN ST 100, 120, 140 going east
    pkg = make_package(project, tmp_path / "ann.gpkg", surveyor="Ann").path
    field = SurveyStore(Project.open(pkg), device_id="ann-phone")
    library = field.save("places", {"site": "Library", "address": "120 Main Street",
                                    "visits": [{"who": "Cy", "where_typed": "100 Main St"}]}, surveyor="Ann")
    assert "location" not in library.answers and library.geocode is None     # no locator in the field
    clinic = field.save("places", {"site": "Clinic", "address": "5 Nowhere Rd"}, surveyor="Ann")
    park_at = point_in(project, 39)
    park = field.save("places", {"site": "Park", "address": "140 Main St", "location": park_at}, surveyor="Ann")

    office_project = backend.open(backend.target(project))
    report = merge_package(office_project, pkg)
    assert report.counts == {"added": 3, "updated": 0, "unchanged": 0, "conflicts": 0}
    office = SurveyStore(office_project, device_id="office")
    got = office.get(library.uuid).answers
    assert got["location"] == pytest.approx((lat, lon + 2e-4))
    assert got["visits"][0]["spot"] == pytest.approx((lat, lon))
    last = office.history(library.uuid)[-1]
    assert last.action == "merge" and last.note == ("location from the address: exact (score 100); "
                                                    "visits[1]: location from the address: exact (score 100)")
    assert "location" not in office.get(clinic.uuid).answers            # not found: kept, not placed
    assert office.get(park.uuid).answers["location"] == pytest.approx(park_at)   # a point by hand wins
    assert _matches(office_project) == {library.uuid: "exact", clinic.uuid: "unmatched", park.uuid: None}
    text = report.text()
    assert "Placed 2 typed address(es) with the project's locators (exact 2)." in text
    assert f"ADDRESS NOT FOUND {clinic.uuid}: '5 Nowhere Rd'" in text

    again = merge_package(office_project, pkg)                         # the same package again: nothing new
    assert again.counts == {"added": 0, "updated": 0, "unchanged": 3, "conflicts": 0} and not again.placed

    field.save("places", {"site": "Clinic", "address": "130 Main St"}, uuid=clinic.uuid, surveyor="Ann")
    third = merge_package(office_project, pkg)                          # the address corrected in the field
    assert third.counts["updated"] == 1 and [p.match_type for _, p in third.placed] == ["interpolated"]
    assert office.get(clinic.uuid).answers["location"] == pytest.approx((lat, lon + 3e-4), abs=1e-6)
    assert _matches(office_project)[clinic.uuid] == "interpolated"


def test_without_a_locator_a_merge_is_as_before(areas_project, tmp_path):
    from assetmap.project import Project
    from assetmap.survey.pack import make_package, merge_package

    project = areas_project
    (tmp_path / "places.md").write_text(FORM)
    SurveyStore(project, device_id="office").install_form(load_form(tmp_path / "places.md"))
    pkg = make_package(project, tmp_path / "ann.gpkg", surveyor="Ann").path
    r = SurveyStore(Project.open(pkg), device_id="p").save("places", {"site": "Library", "address": "120 Main St"},
                                                           surveyor="Ann")
    report = merge_package(project, pkg)
    assert report.counts["added"] == 1 and not report.placed
    office = SurveyStore(project)
    assert office.get(r.uuid).revision == r.revision and [h.action for h in office.history(r.uuid)] == ["merge"]


def test_survey_merge_json_lists_the_placements(areas_project, tmp_path, offline):  # noqa: F811
    import json

    from assetmap.project import Project
    from assetmap.survey.pack import make_package
    from tests.conftest import run_cli

    project = areas_project
    (tmp_path / "places.md").write_text(FORM)
    SurveyStore(project, device_id="office").install_form(load_form(tmp_path / "places.md"))
    main_st(project, tmp_path)
    pkg = make_package(project, tmp_path / "bo.gpkg", surveyor="Bo").path
    r = SurveyStore(Project.open(pkg), device_id="p").save("places", {"site": "Shop", "address": "140 Main St"},
                                                           surveyor="Bo")
    out = run_cli("survey", "merge", project.path, pkg, "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)[0]["placed_from_address"] == [
        {"uuid": r.uuid, "where": "", "match_type": "exact", "score": 100}]
