"""Field packages: pack → enter on two copies → merge (twice) → conflicts kept and resolved."""

from __future__ import annotations

import sqlite3

import pytest

from assetmap.errors import UserError
from tests.survey.storage_forms import asset_form, point_in


@pytest.fixture()
def office(map_project):
    """The demo (neighbourhoods + report aggregates) with a confidential site and three responses."""
    from assetmap.survey.store import SurveyStore

    store = SurveyStore(map_project, device_id="office")
    store.install_form(asset_form())
    ids = {
        "church": store.save("assets", {"name": "Church", "asset_type": "faith", "location": point_in(map_project, 5)},
                             surveyor="Lead").uuid,
        "shelter": store.save("assets", {"name": "Shelter", "asset_type": "dv", "confidential": "yes",
                                         "location": point_in(map_project, 5)}, surveyor="Lead").uuid,
        "far": store.save("assets", {"name": "Far school", "asset_type": "school",
                                     "location": point_in(map_project, 70)}, surveyor="Lead").uuid,
    }
    return map_project, store, ids


def _layers(path):
    with sqlite3.connect(path) as con:
        return {r[0] for r in con.execute("SELECT table_name FROM gpkg_contents WHERE data_type='features'")}


def test_package_is_a_project_with_only_public_data(office, tmp_path):
    import pyogrio

    from assetmap.project import Project
    from assetmap.survey.pack import make_package, package_meta
    from assetmap.survey.store import SurveyStore

    project, store, ids = office
    res = make_package(project, tmp_path / "ann.gpkg", surveyor="Ann", areas=["5", "6"])
    pkg = Project.open(res.path)  # an assetmap project ...
    assert _layers(res.path) == {"neighborhoods", "sites", "survey_assets",  # ... no report aggregates
                                 "package_all_areas"}  # every area's outline and name, for survey mode's warning
    context = pyogrio.read_dataframe(res.path, layer="package_all_areas")
    assert len(context) == 88 and set(context.columns) == {"NHD_NUM", "NHD_NAME", "geometry"}
    assert not any(info.role.value == "aggregate" for info in pkg.layers())
    assert sorted(pkg.read_layer("neighborhoods")["NHD_NUM"]) == [5, 6]
    sites = pyogrio.read_dataframe(res.path, layer="sites")  # what QGIS would see
    assert "shelter" not in set(sites["kind"]) and len(sites) == 5
    assert list(pyogrio.read_dataframe(res.path, layer="survey_assets")["uuid"]) == [ids["church"]]
    with sqlite3.connect(res.path) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copied = SurveyStore(pkg).responses("assets")
    assert [r.uuid for r in copied] == [ids["church"]]  # not the confidential one, not outside the areas
    assert copied[0].revision == 1 and copied[0].surveyor == "Lead"
    meta = package_meta(pkg)
    assert meta["surveyor"] == "Ann" and meta["source_title"] == project.title
    assert meta["package_id"] == res.package_id and meta["source_project_id"] == project.meta("project_id")
    with sqlite3.connect(res.path) as con:
        assert con.execute("SELECT uuid, revision FROM assetmap_survey_pack_base").fetchall() == [(ids["church"], 1)]
        text = b"".join(bytes(str(r), "utf8") for r in con.execute("SELECT * FROM assetmap_survey_history"))
    assert b"Shelter" not in text
    # Unknown area ids are refused before anything is written.
    with pytest.raises(UserError, match="no NHD_NUM 999"):
        make_package(project, tmp_path / "bad.gpkg", surveyor="Ann", areas=["999"])
    assert not (tmp_path / "bad.gpkg").exists()


def test_two_volunteers_merge_twice_with_one_conflict(office, tmp_path):
    from assetmap.project import Project
    from assetmap.survey.pack import make_package, merge_package, pending_conflicts, resolve_conflict
    from assetmap.survey.store import SurveyStore

    project, store, ids = office
    church = ids["church"]
    ann_pkg = make_package(project, tmp_path / "ann.gpkg", surveyor="Ann", areas=["5"]).path
    bob_pkg = make_package(project, tmp_path / "bob.gpkg", surveyor="Bob", areas=["5", "6"]).path
    ann = SurveyStore(Project.open(ann_pkg), device_id="ann-laptop")
    bob = SurveyStore(Project.open(bob_pkg), device_id="bob-laptop")
    loc = point_in(project, 5)
    # Ann: two new entries and an edit of the church; Bob: one new entry and another edit of the church.
    ann.save("assets", {"name": "Barber", "asset_type": "faith", "location": loc}, surveyor="Ann")
    ann.save("assets", {"name": "Head Start", "asset_type": "school", "location": loc}, surveyor="Ann")
    ann.save("assets", {"name": "Church", "asset_type": "faith", "staff": 4, "location": loc}, uuid=church,
             surveyor="Ann")
    bob.save("assets", {"name": "Youth club", "asset_type": "school", "location": loc}, surveyor="Bob")
    bob.save("assets", {"name": "Church of Grace", "asset_type": "faith", "location": loc}, uuid=church,
             surveyor="Bob")

    r1 = merge_package(project, ann_pkg)
    assert r1.counts == {"added": 2, "updated": 1, "unchanged": 0, "conflicts": 0}
    assert store.get(church).answers["staff"] == 4
    merged = store.history(church)[-1]
    assert merged.action == "merge" and merged.surveyor == "Ann" and merged.changes == {"staff": [None, 4]}

    r2 = merge_package(project, bob_pkg)
    assert r2.counts == {"added": 1, "updated": 0, "unchanged": 0, "conflicts": 1}
    c = r2.conflicts[0]
    assert c.uuid == church and c.fields == ["name", "staff"]
    assert c.project["name"] == "Church" and c.package["name"] == "Church of Grace"
    assert store.get(church).answers["name"] == "Church"  # nothing overwritten
    assert "CONFLICT" in r2.text() and church in r2.text()

    # Merging both again changes nothing and does not duplicate the conflict.
    again = [merge_package(project, p) for p in (ann_pkg, bob_pkg)]
    assert again[0].counts == {"added": 0, "updated": 0, "unchanged": 3, "conflicts": 0}
    assert again[1].counts == {"added": 0, "updated": 0, "unchanged": 1, "conflicts": 1}
    assert len(store.responses("assets")) == 3 + 3
    assert [x.uuid for x in pending_conflicts(Project.open(project.path))] == [church]  # survives a reopen

    resolve_conflict(project, church, keep="package")
    assert store.get(church).answers["name"] == "Church of Grace"
    assert pending_conflicts(project) == []
    assert store.history(church)[-1].action == "resolve"
    final = merge_package(project, bob_pkg)
    assert final.counts == {"added": 0, "updated": 0, "unchanged": 2, "conflicts": 0}


def test_delete_in_package_and_edit_in_project_is_a_conflict_kept_project(office, tmp_path):
    from assetmap.project import Project
    from assetmap.survey.pack import make_package, merge_package, pending_conflicts, resolve_conflict
    from assetmap.survey.store import SurveyStore

    project, store, ids = office
    church = ids["church"]
    pkg = make_package(project, tmp_path / "ann.gpkg", surveyor="Ann", areas=["5"]).path
    SurveyStore(Project.open(pkg)).delete(church, "Ann")
    store.save("assets", {"name": "Church (renamed)", "asset_type": "faith"}, uuid=church, surveyor="Lead")
    report = merge_package(project, pkg)
    assert report.counts["conflicts"] == 1 and "deleted" in report.conflicts[0].fields
    assert not store.get(church).deleted
    resolve_conflict(project, pending_conflicts(project)[0], keep="project")
    assert store.get(church).answers["name"] == "Church (renamed)"
    assert merge_package(project, pkg).counts == {"added": 0, "updated": 0, "unchanged": 1, "conflicts": 0}


def test_project_edit_after_a_merge_is_not_overwritten_by_a_stale_package(office, tmp_path):
    from assetmap.project import Project
    from assetmap.survey.pack import make_package, merge_package
    from assetmap.survey.store import SurveyStore

    project, store, ids = office
    church = ids["church"]
    pkg = make_package(project, tmp_path / "ann.gpkg", surveyor="Ann", areas=["5"]).path
    store.save("assets", {"name": "Church", "asset_type": "faith", "staff": 9}, uuid=church, surveyor="Lead")
    assert merge_package(project, pkg).counts["unchanged"] == 1  # only the office changed it
    SurveyStore(Project.open(pkg)).save("assets", {"name": "Church", "asset_type": "school"}, uuid=church,
                                        surveyor="Ann")
    report = merge_package(project, pkg)
    assert report.counts["conflicts"] == 1  # the package never saw staff=9
    assert store.get(church).answers["staff"] == 9


def test_merge_refuses_foreign_files_and_rolls_back_on_cancel(office, tmp_path, demo_copy):
    from assetmap.errors import Cancelled
    from assetmap.project import Project
    from assetmap.survey.pack import make_package, merge_package
    from assetmap.survey.store import SurveyStore
    from assetmap.tasks import TaskContext

    project, store, ids = office
    with pytest.raises(UserError, match="not a field package"):
        merge_package(project, demo_copy.path)
    pkg = make_package(project, tmp_path / "ann.gpkg", surveyor="Ann", areas=["5"]).path
    SurveyStore(Project.open(pkg)).save("assets", {"name": "New"}, surveyor="Ann")
    before = project.path.read_bytes()
    ctx = TaskContext()
    ctx.cancel()
    with pytest.raises(Cancelled):
        merge_package(project, pkg, ctx=ctx)
    assert project.path.read_bytes() == before
    other = Project.create(tmp_path / "other.gpkg")
    with pytest.raises(UserError, match="another project"):
        merge_package(other, pkg)


def test_photos_travel_with_the_package(office, tmp_path):
    from assetmap.project import Project
    from assetmap.survey.pack import make_package, merge_package
    from assetmap.survey.store import SurveyStore

    project, store, ids = office
    pkg = make_package(project, tmp_path / "ann.gpkg", surveyor="Ann").path
    photo = tmp_path / "door.png"
    photo.write_bytes(b"\x89PNG fake")
    r = SurveyStore(Project.open(pkg)).save("assets", {"name": "Barber"}, surveyor="Ann", media={"photo": photo})
    merge_package(project, pkg)
    assert store.media(r.uuid, "photo") == ("door.png", "image/png", b"\x89PNG fake")


def test_same_asset_entered_by_two_volunteers_is_flagged_not_dropped(office, tmp_path):
    from assetmap.project import Project
    from assetmap.survey.pack import make_package, merge_package
    from assetmap.survey.store import SurveyStore

    project, store, ids = office
    lat, lon = point_in(project, 6)
    pkgs = [make_package(project, tmp_path / f"{w}.gpkg", surveyor=w, areas=["6"]).path for w in ("Ann", "Bob")]
    SurveyStore(Project.open(pkgs[0])).save("assets", {"name": "Mt. Zion Church", "asset_type": "faith",
                                                       "location": (lat, lon)}, surveyor="Ann")
    bob = SurveyStore(Project.open(pkgs[1]))
    twin = bob.save("assets", {"name": "Mt Zion church", "asset_type": "faith", "location": (lat + 0.0001, lon)},
                    surveyor="Bob")
    bob.save("assets", {"name": "Mt Zion church", "asset_type": "school", "location": (lat, lon)}, surveyor="Bob")
    assert merge_package(project, pkgs[0]).possible_duplicates == []
    report = merge_package(project, pkgs[1])
    assert report.counts["added"] == 2  # both kept: a person decides
    assert [d[0] for d in report.possible_duplicates] == [twin.uuid]
    assert "POSSIBLE DUPLICATE" in report.text()


def _photo(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("keep", ["package", "project", "answers"])
def test_a_conflicting_package_photo_waits_for_the_choice(office, tmp_path, keep):
    """Both sides changed the church's photo: the project's photo stays until someone chooses;
    choosing the package's answers brings its photo, even after the package file is deleted."""
    from assetmap.project import Project
    from assetmap.survey.pack import make_package, merge_package, pending_conflicts, resolve_conflict
    from assetmap.survey.store import SurveyStore

    project, store, ids = office
    church = ids["church"]
    pkg = make_package(project, tmp_path / "ann.gpkg", surveyor="Ann", areas=["5"]).path
    SurveyStore(Project.open(pkg)).save("assets", {"name": "Church", "asset_type": "faith"}, uuid=church,
                                        surveyor="Ann", media={"photo": _photo(tmp_path, "front.png", b"ANN")})
    store.save("assets", {"name": "Church", "asset_type": "faith"}, uuid=church, surveyor="Lead",
               media={"photo": _photo(tmp_path, "office.png", b"LEAD")})
    assert merge_package(project, pkg).counts["conflicts"] == 1
    assert store.media(church, "photo") == ("office.png", "image/png", b"LEAD")  # nothing replaced yet
    pkg.unlink()  # the volunteer's file is gone by the time the lead decides
    conflict = pending_conflicts(project)[0]
    choice = {"name": "Church", "asset_type": "faith", "photo": "front.png"} if keep == "answers" else keep
    resolve_conflict(project, conflict, keep=choice)
    expected = ("office.png", b"LEAD") if keep == "project" else ("front.png", b"ANN")
    name, _mime, data = store.media(church, "photo")
    assert (name, data) == expected and store.get(church).answers["photo"] == expected[0]
    with sqlite3.connect(project.path) as con:
        assert con.execute("SELECT count(*) FROM assetmap_survey_conflict_media").fetchone()[0] == 0
