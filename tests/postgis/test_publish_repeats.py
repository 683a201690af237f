"""Issue 21: a form's repeats on a shared project. `assetmap publish` copies the child tables
(one row per household member), so SQL sees them at once; saves and a team lead's merge keep
them in step with the households."""

from __future__ import annotations

import psycopg

from assetmap.cli import main
from assetmap.postgis.connect import connect
from assetmap.project import Project
from assetmap.survey import repeat_store
from assetmap.survey.store import SurveyStore
from tests.survey.household import household_form
from tests.survey.storage_forms import point_in

ANA = {"member_name": "Ana", "age": 34}
LEO = {"member_name": "Leo", "age": 9, "in_school": "yes"}
TABLE = repeat_store.table_name("household", "members")


def household(loc, **kw):
    return {"nhd": "tower_grove", "block": "tg2", "head_name": "Ana Ruiz", "members": [ANA, LEO],
            "location": loc, **kw}


def _members(backend, target) -> list[tuple]:
    with backend.sql(target) as con:
        return sorted(tuple(r) for r in con.execute(
            f'SELECT parent_uuid, position, member_name, age FROM "{TABLE}"').fetchall())


def test_publish_copies_the_members_and_saves_keep_them(map_project, tmp_path, backend):
    store = SurveyStore(map_project, device_id="office")
    store.install_form(household_form(tmp_path))
    loc = point_in(map_project, 5)
    first = store.save("household", household(loc), surveyor="office")
    target = backend.target(map_project)
    # Right after publishing, before anyone saves: one row per member, as in the GeoPackage.
    assert _members(backend, target) == [(first.uuid, 1, "Ana", 34), (first.uuid, 2, "Leo", 9)]
    shared = SurveyStore(backend.open(target), device_id="t")
    second = shared.save("household", household(loc, head_name="Bo", members=[{"member_name": "Bo", "age": 50}]),
                         surveyor="bo")
    shared.save("household", household(loc, members=[LEO]), uuid=first.uuid, surveyor="office")
    assert _members(backend, target) == sorted([(first.uuid, 1, "Leo", 9), (second.uuid, 1, "Bo", 50)])
    if backend.is_postgis:
        with connect(target, autocommit=True) as con:  # looked up by parent, as the GeoPackage is
            assert con.execute("SELECT to_regclass(%s)", (f'"{TABLE}_parent"',)).fetchone()[0] is not None


def test_a_team_lead_merges_a_package_with_members_on_the_shared_project(map_project, tmp_path, pg_server):
    """The team lead may not create or alter tables: publish and init-roles made everything the
    merge needs, and the merge rewrites the members of a household edited in the field."""
    from assetmap.survey.pack import make_package

    store = SurveyStore(map_project, device_id="office")
    store.install_form(household_form(tmp_path))
    loc = point_in(map_project, 5)
    first = store.save("household", household(loc), surveyor="office")
    pkg = make_package(map_project, tmp_path / "ann.gpkg", surveyor="Ann", areas=["5"]).path
    ann = SurveyStore(Project.open(pkg), device_id="ann-laptop")
    ann.save("household", household(loc, members=[LEO]), uuid=first.uuid, surveyor="Ann")
    new = ann.save("household", household(loc, head_name="Cy", members=[{"member_name": "Cy", "age": 7}]),
                   surveyor="Ann")

    base = pg_server.url()
    url = base + "?options=-csearch_path%3Drepeats_roles"
    from assetmap.postgis.publish import publish

    publish(map_project.path, url, replace=True)
    assert main(["admin", "init-roles", url]) == 0
    with psycopg.connect(base, autocommit=True) as con:
        con.execute('DROP ROLE IF EXISTS "tina_r"')
        con.execute('CREATE ROLE "tina_r" LOGIN IN ROLE "team_lead"')
    as_tina = url.replace("postgres@", "tina_r@")
    assert main(["survey", "merge", as_tina, str(pkg)]) == 0
    with connect(url, autocommit=True) as con:
        rows = sorted(con.execute(f'SELECT parent_uuid, position, member_name FROM "{TABLE}"').fetchall())
    assert rows == sorted([(first.uuid, 1, "Leo"), (new.uuid, 1, "Cy")])


def test_member_photos_on_either_backend(map_project, tmp_path, backend):
    from tests.survey.test_repeat_photos import photo, photo_form

    SurveyStore(map_project, device_id="office").install_form(photo_form(tmp_path))
    target = backend.target(map_project)
    store = SurveyStore(backend.open(target), device_id="t")
    loc = point_in(map_project, 5)
    r = store.save("household", household(loc, members=[ANA, LEO]), surveyor="ana",
                   media={"members[1]/member_photo": photo(tmp_path, "p1", b"ana"),
                          "members[2]/member_photo": photo(tmp_path, "p2", b"leo")})
    assert store.media(r.uuid, "members/member_photo/2-door.png")[2] == b"leo"
    kept = store.get(r.uuid).answers["members"][1:]
    store.save("household", household(loc, members=kept), uuid=r.uuid, surveyor="ana")
    assert store.media(r.uuid, "members/member_photo/door.png") is None  # Ana's went with her
    assert store.media(r.uuid, "members/member_photo/2-door.png")[2] == b"leo"
