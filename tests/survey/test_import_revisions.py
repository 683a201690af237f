"""Re-imports are revision-safe: an older export never undoes a newer edit, duplicate ids in a
file are reported, non-finite coordinates are refused per row, and assetmap's own export imports
back unchanged."""

from __future__ import annotations

import csv

import pytest

from assetmap.survey import builtin_form
from assetmap.survey.kobo import import_export
from assetmap.survey.store import SurveyStore
from assetmap.survey.summary import export_responses

from .storage_forms import point_in
from .test_kobo_import import KOBO_HEADER, kobo_row, write_csv

FORM = "community_assets"


@pytest.fixture()
def kobo_project(areas_project):
    SurveyStore(areas_project, device_id="office").install_form(builtin_form())
    return areas_project


def church(project, **kw):
    lat, lon = point_in(project, 17)
    row = dict(asset_type="faith", asset_name="Shining Light Church", location=f"{lat} {lon} 0 0",
               _uuid="aa11", _submission_time="2026-05-02T15:10:00", _submitted_by="rosa")
    row.update(kw)
    return kobo_row(**row)


def test_an_older_export_does_not_undo_a_newer_edit(kobo_project, tmp_path):
    store = SurveyStore(kobo_project, device_id="office")
    old = write_csv(tmp_path / "old.csv", KOBO_HEADER, [church(kobo_project)])
    assert import_export(kobo_project, old, FORM).added == 1
    # The coordinator corrects the name in the app (revision 2).
    edited = {**store.get("aa11").answers, "asset_name": "Shining Light Baptist Church"}
    store.save(FORM, edited, uuid="aa11", surveyor="lead")
    assert store.get("aa11").revision == 2

    again = import_export(kobo_project, old, FORM)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 0)
    assert [p.row_number for p in again.stale] == [2]
    assert "stale" in again.text() and "aa11" in again.text()
    r = store.get("aa11")
    assert (r.revision, r.answers["asset_name"]) == (2, "Shining Light Baptist Church")

    # The export was edited on the server too, after the import: a conflict, not applied.
    newer = write_csv(tmp_path / "new.csv", KOBO_HEADER, [church(
        kobo_project, asset_name="Shining Light", _submission_time="2026-05-09T09:00:00")])
    both = import_export(kobo_project, newer, FORM)
    assert both.updated == 0 and [p.row_number for p in both.conflicts] == [2]
    assert store.get("aa11").answers["asset_name"] == "Shining Light Baptist Church"


def test_a_newer_export_updates_when_nobody_edited_here(kobo_project, tmp_path):
    store = SurveyStore(kobo_project)
    old = write_csv(tmp_path / "old.csv", KOBO_HEADER, [church(kobo_project)])
    import_export(kobo_project, old, FORM)
    newer = write_csv(tmp_path / "new.csv", KOBO_HEADER, [church(
        kobo_project, asset_name="Shining Light", _submission_time="2026-05-09T09:00:00")])
    assert import_export(kobo_project, newer, FORM).updated == 1
    assert store.get("aa11").answers["asset_name"] == "Shining Light"
    # ... and the older file imported after the newer one is stale.
    late = import_export(kobo_project, old, FORM)
    assert late.updated == 0 and len(late.stale) == 1
    assert store.get("aa11").answers["asset_name"] == "Shining Light"


def test_odk_central_edits_count_orders_rows(kobo_project, tmp_path):
    lat, lon = point_in(kobo_project, 50)
    header = ["SubmissionDate", "asset_type", "asset_name", "willing_to_partner", "location-Latitude",
              "location-Longitude", "date_visited", "KEY", "Edits"]

    def row(name, edits):
        return {"SubmissionDate": "2026-06-01T12:00:00.000Z", "asset_type": "faith", "asset_name": name,
                "willing_to_partner": "yes", "location-Latitude": str(lat), "location-Longitude": str(lon),
                "date_visited": "2026-06-01", "KEY": "uuid:0b1c", "Edits": str(edits)}

    store = SurveyStore(kobo_project)
    v2 = write_csv(tmp_path / "v2.csv", header, [row("Mt Zion Church", 1)], delimiter=",")
    v1 = write_csv(tmp_path / "v1.csv", header, [row("Mt Zion", 0)], delimiter=",")
    assert import_export(kobo_project, v2, FORM).added == 1
    assert len(import_export(kobo_project, v1, FORM).stale) == 1  # same submission time, fewer edits
    assert store.get("0b1c").answers["asset_name"] == "Mt Zion Church"


def test_duplicate_ids_in_one_file_are_reported_and_not_imported(kobo_project, tmp_path):
    path = write_csv(tmp_path / "dup.csv", KOBO_HEADER, [
        church(kobo_project), church(kobo_project, asset_name="Other name"),
        church(kobo_project, _uuid="bb22", asset_name="Unique")])
    report = import_export(kobo_project, path, FORM)
    assert report.added == 1 and report.rejected_rows == 2
    texts = [p.text() for p in report.problems]
    assert any("row 2" in t and "aa11" in t and "row 3" in t for t in texts), texts
    assert SurveyStore(kobo_project).find("aa11") is None


@pytest.mark.parametrize("location, split", [
    ("nan nan 0 0", None), ("inf 12 0 0", None), ("", ("nan", "nan")), ("", ("38.6", "-inf"))])
def test_non_finite_coordinates_are_refused_per_row(kobo_project, tmp_path, location, split):
    lat, lon = split or ("", "")
    path = write_csv(tmp_path / "nan.csv", KOBO_HEADER, [
        church(kobo_project, location=location, _location_latitude=lat, _location_longitude=lon),
        church(kobo_project, _uuid="bb22")])
    report = import_export(kobo_project, path, FORM)
    assert report.added == 1, report.text()
    assert [(p.row_number, p.question) for p in report.problems] == [(2, "location")]
    store = SurveyStore(kobo_project)
    assert store.find("aa11") is None
    gdf = kobo_project.read_layer("survey_community_assets")
    assert gdf.geometry.x.notna().all() and (gdf.geometry.x.abs() < 1e6).all()


def test_own_export_imports_back_unchanged(kobo_project, tmp_path):
    store = SurveyStore(kobo_project, device_id="office")
    lat, lon = point_in(kobo_project, 17)
    a = store.save(FORM, {"asset_type": "faith", "asset_name": "St. Ann", "location": (lat, lon),
                          "services": ["food_pantry", "other"], "services_other": "choir",
                          "people_per_week": 80, "willing_to_partner": "yes",
                          "date_visited": "2026-05-02", "contact_person": "Ann, \"the\" lead"},
                   surveyor="rosa")
    b = store.save(FORM, {"asset_type": "school", "asset_name": "Adams", "location": (lat, lon),
                          "willing_to_partner": "maybe", "date_visited": "2026-05-03"}, surveyor="li")
    out = tmp_path / "out.csv"
    assert export_responses(kobo_project, out) == 2
    before = {r.uuid: (r.answers, r.revision, r.modified_at) for r in store.responses(FORM)}

    first = import_export(kobo_project, out, FORM)
    assert (first.added, first.updated, first.unchanged, first.rejected_rows) == (0, 0, 2, 0), first.text()
    assert not first.unused_columns, first.unused_columns
    assert {r.uuid: (r.answers, r.revision, r.modified_at) for r in store.responses(FORM)} == before

    # Into an empty project with the same form: the same answers, then unchanged on a second import.
    from assetmap.project import Project

    other = Project.create(tmp_path / "other.gpkg", crs="EPSG:4326")
    SurveyStore(other).install_form(builtin_form())
    assert import_export(other, out, FORM).added == 2
    got = {r.uuid: r for r in SurveyStore(other).responses(FORM)}
    for uuid in (a.uuid, b.uuid):
        want = dict(before[uuid][0])
        have = dict(got[uuid].answers)
        assert have.pop("location") == pytest.approx(want.pop("location"), abs=1e-6)
        assert have == want
    assert got[a.uuid].surveyor == "rosa"
    second = import_export(other, out, FORM)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 2), second.text()
