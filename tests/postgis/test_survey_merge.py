"""Survey merge on a shared project: the GeoPackage merge's rules, same code, both backends.

The office project is packed for two volunteers, then (for the PostGIS case) published;
the packages are merged into the project wherever it lives, twice, with one conflict.
"""

from __future__ import annotations

import psycopg
import pytest

from assetmap.postgis import open_any
from assetmap.postgis.connect import schema_of
from assetmap.postgis.publish import publish
from tests.survey.storage_forms import asset_form, point_in


def _office(map_project, tmp_path, url=None):
    """(project target, package paths, church uuid): packages made before publishing to ``url``."""
    from assetmap.project import Project
    from assetmap.survey.pack import make_package
    from assetmap.survey.store import SurveyStore

    store = SurveyStore(map_project, device_id="office")
    store.install_form(asset_form())
    church = store.save("assets", {"name": "Church", "asset_type": "faith",
                                   "location": point_in(map_project, 5)}, surveyor="Lead").uuid
    loc = point_in(map_project, 5)
    ann_pkg = make_package(map_project, tmp_path / "ann.gpkg", surveyor="Ann", areas=["5"]).path
    bob_pkg = make_package(map_project, tmp_path / "bob.gpkg", surveyor="Bob", areas=["5"]).path
    ann = SurveyStore(Project.open(ann_pkg), device_id="ann-laptop")
    bob = SurveyStore(Project.open(bob_pkg), device_id="bob-laptop")
    ann.save("assets", {"name": "Barber", "asset_type": "faith", "location": loc}, surveyor="Ann")
    ann.save("assets", {"name": "Church", "asset_type": "faith", "staff": 4, "location": loc}, uuid=church,
             surveyor="Ann")
    photo = tmp_path / "door.png"
    photo.write_bytes(b"\x89PNG fake")
    ann.save("assets", {"name": "Head Start", "asset_type": "school", "location": loc}, surveyor="Ann",
             media={"photo": photo})
    bob.save("assets", {"name": "Youth club", "asset_type": "school", "location": loc}, surveyor="Bob")
    bob.save("assets", {"name": "Church of Grace", "asset_type": "faith", "location": loc}, uuid=church,
             surveyor="Bob")
    if url is None:
        return str(map_project.path), ann_pkg, bob_pkg, church
    publish(map_project.path, url)
    return url, ann_pkg, bob_pkg, church


@pytest.fixture(params=["gpkg", "postgis"])
def office(request, map_project, tmp_path):
    url = request.getfixturevalue("pg_url") if request.param == "postgis" else None
    return _office(map_project, tmp_path, url)


@pytest.fixture
def shared_office(map_project, tmp_path, pg_url):
    return _office(map_project, tmp_path, pg_url)


def test_merge_twice_with_a_conflict_on_either_backend(office):
    from assetmap.survey.merge import merge_package, pending_conflicts, resolve_conflict
    from assetmap.survey.store import SurveyStore

    target, ann_pkg, bob_pkg, church = office
    project = open_any(target)
    store = SurveyStore(project)
    r1 = merge_package(project, ann_pkg)
    assert r1.counts == {"added": 2, "updated": 1, "unchanged": 0, "conflicts": 0}
    assert store.get(church).answers["staff"] == 4
    merged = store.history(church)[-1]
    assert merged.action == "merge" and merged.surveyor == "Ann" and merged.changes == {"staff": [None, 4]}
    head_start = next(u for u in r1.added if store.get(u).answers["name"] == "Head Start")
    assert store.media(head_start, "photo") == ("door.png", "image/png", b"\x89PNG fake")

    r2 = merge_package(project, bob_pkg)
    assert r2.counts == {"added": 1, "updated": 0, "unchanged": 0, "conflicts": 1}
    c = r2.conflicts[0]
    assert c.uuid == church and c.fields == ["name", "staff"]
    assert store.get(church).answers["name"] == "Church"  # nothing overwritten

    again = [merge_package(project, p) for p in (ann_pkg, bob_pkg)]
    assert again[0].counts == {"added": 0, "updated": 0, "unchanged": 3, "conflicts": 0}
    assert again[1].counts == {"added": 0, "updated": 0, "unchanged": 1, "conflicts": 1}
    assert len(store.responses("assets")) == 1 + 3
    assert [x.uuid for x in pending_conflicts(open_any(target))] == [church]  # one row, not two

    resolve_conflict(project, church, keep="package")
    assert store.get(church).answers["name"] == "Church of Grace"
    assert pending_conflicts(project) == []
    assert merge_package(project, bob_pkg).counts == {"added": 0, "updated": 0, "unchanged": 2, "conflicts": 0}
    # The layer others read: every live response drawn where it was entered.
    layer = project.read_layer("survey_assets")
    assert len(layer) == 4 and layer.geometry.notna().all()
    assert sorted(layer["name"]) == ["Barber", "Church of Grace", "Head Start", "Youth club"]
    assert project.layer("survey_assets").feature_count == 4


def test_postgis_merge_is_one_transaction_and_leaves_no_duplicates(shared_office):
    """A merge cancelled halfway leaves the server as it was; uuids stay unique in the database."""
    from assetmap.errors import Cancelled
    from assetmap.survey.merge import merge_package
    from assetmap.tasks import TaskContext

    target, ann_pkg, bob_pkg, church = shared_office
    project = open_any(target)

    class CancelLater(TaskContext):
        calls = 0

        def progress(self, fraction, text=""):
            self.calls += 1
            if self.calls == 3:
                self.cancel()
            super().progress(fraction, text)

    with pytest.raises(Cancelled):
        merge_package(project, ann_pkg, ctx=CancelLater())
    schema = schema_of(target)
    with psycopg.connect(target) as con:
        n = con.execute(f'SELECT count(*) FROM "{schema}".survey_assets').fetchone()[0]
        history = con.execute(f'SELECT count(*) FROM "{schema}".assetmap_survey_history').fetchone()[0]
    assert n == 1 and history == 1  # the office's one response and its creation only
    merge_package(project, ann_pkg)
    merge_package(open_any(target), ann_pkg)
    with psycopg.connect(target) as con:
        total, distinct = con.execute(
            f'SELECT count(*), count(DISTINCT uuid) FROM "{schema}".survey_assets').fetchone()
        with pytest.raises(psycopg.errors.UniqueViolation):  # the database itself refuses a second copy
            con.execute(f'INSERT INTO "{schema}".survey_assets (uuid) VALUES (%s)', (church,))
    assert total == distinct == 3
