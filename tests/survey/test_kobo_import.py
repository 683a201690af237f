"""KoboToolbox / ODK CSV exports: columns understood, bad rows reported, the rest imported once."""

from __future__ import annotations

import csv

import pytest

from assetmap.survey import builtin_form
from assetmap.survey.kobo import import_export
from assetmap.survey.store import SurveyStore

from .storage_forms import point_in

KOBO_HEADER = ["start", "end", "asset_type", "asset_name", "contact/contact_person", "contact/phone",
               "contact/email", "hours", "services", "services/food_pantry", "services/tutoring",
               "services/other", "services_other", "willing_to_partner", "people_per_week",
               "individual/skills", "date_visited", "location", "_location_latitude", "_location_longitude",
               "_location_altitude", "_location_precision", "notes", "_id", "_uuid", "_submission_time",
               "_submitted_by", "__version__"]


def kobo_row(**kw):
    row = dict.fromkeys(KOBO_HEADER, "")
    row.update({"start": "2026-05-02T10:00:00.000-05:00", "end": "2026-05-02T10:09:00.000-05:00",
                "willing_to_partner": "yes", "date_visited": "2026-05-02", "__version__": "vAbc"})
    row.update(kw)
    return row


@pytest.fixture()
def kobo_project(areas_project):
    store = SurveyStore(areas_project, device_id="office")
    store.install_form(builtin_form())
    return areas_project


def write_csv(path, header, rows, delimiter=";"):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, delimiter=delimiter)
        w.writeheader()
        w.writerows(rows)
    return path


def test_kobo_export_with_groups_geopoints_and_multiselect(kobo_project, tmp_path):
    lat, lon = point_in(kobo_project, 17)
    lat2, lon2 = point_in(kobo_project, 39)
    rows = [
        # good: geopoint as "lat lon alt acc", select_multiple as codes, group paths
        kobo_row(asset_type="faith", asset_name="Shining Light Church", **{"contact/phone": "314-555-0134"},
                 services="food_pantry other", services_other="choir room", location=f"{lat} {lon} 150.2 5.0",
                 _location_latitude=str(lat), _location_longitude=str(lon), _uuid="aa11", _id="1",
                 _submission_time="2026-05-02T15:10:00", _submitted_by="rosa", people_per_week="80"),
        # good: only the split latitude/longitude columns and the 0/1 columns per choice
        kobo_row(asset_type="business", asset_name="Tony's Barber", **{"services/tutoring": "0",
                 "services/food_pantry": "0"}, services="", _location_latitude=str(lat2),
                 _location_longitude=str(lon2), _uuid="bb22", _submitted_by="li"),
        # bad: phone fails the form's constraint
        kobo_row(asset_type="school", asset_name="Adams Elementary", **{"contact/phone": "call the office"},
                 location=f"{lat} {lon} 0 0", _uuid="cc33"),
        # bad: required name missing
        kobo_row(asset_type="park_place", location=f"{lat} {lon} 0 0", _uuid="dd44"),
        # bad: location "NA" and a choice that is not in the form
        kobo_row(asset_type="casino", asset_name="X", location="NA", _uuid="ee55"),
        # good: an individual, with the group's required skills, select_multiple as 0/1 columns
        kobo_row(asset_type="individual", asset_name="Grandma Jo", **{"individual/skills": "childcare"},
                 location=f"{lat2} {lon2} 0 0", _uuid="ff66", _submitted_by="rosa"),
    ]
    path = write_csv(tmp_path / "kobo.csv", KOBO_HEADER, rows)
    report = import_export(kobo_project, path, "community_assets")
    assert (report.rows, report.added, report.rejected_rows) == (6, 3, 3), report.text()
    by_row = {p.row_number: p for p in report.problems}
    assert by_row[4].question == "phone"
    assert by_row[5].question == "asset_name"
    bad6 = {p.question for p in report.problems if p.row_number == 6}
    assert {"asset_type", "location"} <= bad6
    text = report.text()
    assert "row 4" in text and "row 5" in text and "row 6" in text

    store = SurveyStore(kobo_project)
    got = {r.uuid: r for r in store.responses("community_assets")}
    assert set(got) == {"aa11", "bb22", "ff66"}
    church = got["aa11"].answers
    assert church["services"] == ["food_pantry", "other"] and church["services_other"] == "choir room"
    assert church["phone"] == "314-555-0134" and church["people_per_week"] == 80
    assert church["location"] == pytest.approx((lat, lon))
    assert got["aa11"].surveyor == "rosa"
    assert got["aa11"].created_at.startswith("2026-05-02T15:10")
    assert got["bb22"].answers["location"] == pytest.approx((lat2, lon2))
    assert "services" not in got["bb22"].answers
    assert got["ff66"].answers["skills"] == ["childcare"]

    # Importing the same export again adds nothing.
    again = import_export(kobo_project, path, "community_assets")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    assert len(store.responses("community_assets")) == 3


def test_odk_central_export_and_labels(kobo_project, tmp_path):
    lat, lon = point_in(kobo_project, 50)
    header = ["SubmissionDate", "asset_type", "asset_name", "contact-phone", "services", "willing_to_partner",
              "date_visited", "location-Latitude", "location-Longitude", "location-Altitude", "location-Accuracy",
              "meta-instanceID", "KEY", "SubmitterID", "SubmitterName", "Status"]
    rows = [{"SubmissionDate": "2026-06-01T12:00:00.000Z", "asset_type": "Faith-based organisation",
             "asset_name": "Mt Zion", "contact-phone": "", "services": "food_pantry tutoring",
             "willing_to_partner": "maybe", "date_visited": "2026-06-01", "location-Latitude": str(lat),
             "location-Longitude": str(lon), "location-Altitude": "0", "location-Accuracy": "4",
             "meta-instanceID": "uuid:0b1c", "KEY": "uuid:0b1c", "SubmitterID": "5", "SubmitterName": "amal",
             "Status": ""}]
    path = write_csv(tmp_path / "odk.csv", header, rows, delimiter=",")
    report = import_export(kobo_project, path, "community_assets")
    assert report.added == 1, report.text()
    r = SurveyStore(kobo_project).get("0b1c")
    assert r.answers["asset_type"] == "faith"  # exported with labels, stored as the code
    assert r.answers["services"] == ["food_pantry", "tutoring"]
    assert r.surveyor == "amal"


def test_export_of_another_form_is_refused_clearly(kobo_project, tmp_path, stl):
    from assetmap.errors import UserError

    with pytest.raises(UserError) as err:
        import_export(kobo_project, stl / "slmpd_part1_2019.csv", "community_assets")
    assert "match" in err.value.message


def test_cli_import_with_form(kobo_project, tmp_path, backend):
    from tests.conftest import run_cli

    t = backend.target(kobo_project)
    lat, lon = point_in(kobo_project, 17)
    path = write_csv(tmp_path / "kobo.csv", KOBO_HEADER, [
        kobo_row(asset_type="park_place", asset_name="Benton Park", location=f"{lat} {lon} 0 0", _uuid="p1"),
        kobo_row(asset_type="park_place", asset_name="", location=f"{lat} {lon} 0 0", _uuid="p2")])
    r = run_cli("survey", "import", t, str(path))
    assert r.returncode == 0, r.stderr
    assert "1 added" in r.stdout and "1 rejected" in r.stdout and "row 3" in r.stdout
    assert [x.answers["asset_name"] for x in SurveyStore(backend.open(t)).responses("community_assets")] == [
        "Benton Park"]
    assert "1 added" not in run_cli("survey", "import", t, str(path)).stdout  # importing again adds nothing
