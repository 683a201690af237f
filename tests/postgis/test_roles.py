"""Roles enforced by PostgreSQL itself: connect as each kind of user and see what is refused."""

from __future__ import annotations

import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path

import psycopg
import pytest

from assetmap.cli import main
from assetmap.errors import UserError
from assetmap.postgis.connect import connect
from assetmap.postgis.publish import publish
from assetmap.postgis.survey_sink import Submission, SurveySink
from assetmap.postgis.versioning import update_versioned
from assetmap.project import Project
from assetmap.territories.store import PlanRecord, default_teams, save_plan

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "st_louis_demo.gpkg"
T0 = datetime(2026, 5, 1, 9, 0, tzinfo=timezone.utc)
PEOPLE = {"alice": "surveyor", "bob": "surveyor", "tina": "team_lead", "tom": "team_lead", "pat": "planner"}


@pytest.fixture(scope="module")
def shared(pg_server, tmp_path_factory):
    path = tmp_path_factory.mktemp("roles") / "demo.gpkg"
    shutil.copy(DEMO, path)
    project = Project.open(path)
    save_plan(project, PlanRecord(name="north", areas_layer="neighborhoods", teams=default_teams(3)))
    base = pg_server.url()
    url = base + "?options=-csearch_path%3Droles_test"
    publish(path, url, replace=True)
    assert main(["admin", "init-roles", url]) == 0
    assert main(["admin", "init-roles", url]) == 0  # running it again is harmless
    with psycopg.connect(base, autocommit=True) as con:
        for user, role in PEOPLE.items():
            con.execute(f'DROP ROLE IF EXISTS "{user}"')
            con.execute(f'CREATE ROLE "{user}" LOGIN IN ROLE "{role}"')
    return url


def as_user(url: str, user: str):
    return connect(url.replace("postgres@", f"{user}@"), autocommit=True)


def _sub(surveyor, minutes=0, **answers):
    return Submission(uuid=str(uuid.uuid4()), form_id="household", created_at=T0, modified_at=T0,
                      answers=answers, surveyor=surveyor, x=-90.2, y=38.6)


def test_surveyor_inserts_and_edits_only_own_rows(shared):
    with as_user(shared, "alice") as alice, as_user(shared, "bob") as bob:
        mine = _sub("alice", n=1)
        assert SurveySink(alice).submit(mine) == "inserted"
        assert SurveySink(alice).submit(_sub(None, n=2)) == "inserted"  # surveyor defaults to the login
        bobs = _sub("bob", n=3)
        SurveySink(bob).submit(bobs)
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            SurveySink(alice).submit(_sub("bob", n=4))  # posing as someone else
        # Bob's row is invisible to Alice, so her UPDATE touches nothing ...
        cur = alice.execute("UPDATE survey_submissions SET answers = '{}' WHERE uuid = %s", (bobs.uuid,))
        assert cur.rowcount == 0
        # ... and taking it over through a resend with the same uuid is refused.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            SurveySink(alice).submit(Submission(**{**bobs.__dict__, "surveyor": "alice",
                                                   "modified_at": T0.replace(hour=10)}))
        seen = {r[0] for r in alice.execute("SELECT surveyor FROM survey_submissions")}
        assert seen == {"alice"}
        assert alice.execute("UPDATE survey_submissions SET device_id='x' WHERE uuid=%s",
                             (mine.uuid,)).rowcount == 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            alice.execute("DELETE FROM survey_submissions WHERE uuid=%s", (mine.uuid,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            alice.execute("UPDATE neighborhoods SET population = 0")
        assert alice.execute("SELECT count(*) FROM neighborhoods").fetchone()[0] == 88
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            alice.execute("SELECT * FROM assetmap_territory_plans")
    with psycopg.connect(shared.split("?")[0]) as admin:
        stored = admin.execute("SELECT answers->>'n' FROM roles_test.survey_submissions WHERE uuid=%s",
                               (bobs.uuid,)).fetchone()
    assert stored == ("3",)


def test_team_lead_edits_plans_but_not_layers(shared):
    with as_user(shared, "tina") as tina:
        assert tina.execute("UPDATE assetmap_territory_plans SET queen = 1 WHERE name='north'").rowcount == 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            tina.execute("UPDATE neighborhoods SET population = 0")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            tina.execute("UPDATE assetmap_layers SET visible = 0")
        assert tina.execute("SELECT count(*) FROM survey_submissions").fetchone()[0] >= 0


def test_planner_reads_everything_and_writes_nothing(shared):
    with as_user(shared, "pat") as pat:
        for table in ("neighborhoods", "assetmap_layers", "assetmap_project", "assetmap_territory_plans"):
            assert pat.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0
        # (a planner may make report layers: see test_planner_makes_report_layers_from_the_cli)
        for stmt in ("UPDATE assetmap_territory_plans SET queen = 0",
                     "DELETE FROM neighborhoods"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                pat.execute(stmt)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            SurveySink(pat).submit(_sub("pat"))
        # Nothing in the schema looks like raw reports: there is no table to be refused.
        names = {r[0] for r in pat.execute("SELECT table_name FROM information_schema.tables "
                                           "WHERE table_schema='roles_test'")}
        assert not any("report" in n and "aggregate" not in n for n in names), names


def test_two_team_leads_editing_one_plan_get_a_clear_conflict(shared):
    with as_user(shared, "tina") as tina, as_user(shared, "tom") as tom:
        pid, v = tina.execute("SELECT plan_id, version FROM assetmap_territory_plans WHERE name='north'").fetchone()
        assert tom.execute("SELECT version FROM assetmap_territory_plans WHERE plan_id=%s", (pid,)).fetchone()[0] == v
        assert update_versioned(tina, pid, v, {"fields": '["population"]'}) == v + 1
        with pytest.raises(UserError, match=r"changed by tina at .* now version") as err:
            update_versioned(tom, pid, v, {"fields": '["area_sqmi"]'})
        assert "not saved" in err.value.message
        row = tom.execute("SELECT fields, version, updated_by FROM assetmap_territory_plans WHERE plan_id=%s",
                          (pid,)).fetchone()
        assert row == ('["population"]', v + 1, "tina")
        # Tom reloads and saves on top of the current version: accepted.
        assert update_versioned(tom, pid, v + 1, {"fields": '["area_sqmi"]'}) == v + 2


def test_init_roles_needs_a_published_project(pg_server, capsys):
    url = pg_server.url() + "?options=-csearch_path%3Dnothing_here"
    assert main(["admin", "init-roles", url]) == 2
    assert "Publish one first" in capsys.readouterr().err


# ---------------------------------------------------------------- issue 17: roles match the model
@pytest.fixture(scope="module")
def sensitive(pg_server, tmp_path_factory):
    """The demo (with its aggregate layers), a derived layer, and a confidential shelter among the hubs."""
    from assetmap.commands import CommandStack
    from assetmap.hubs import commands
    from assetmap.hubs.directory import ServiceSpec

    path = tmp_path_factory.mktemp("roles17") / "demo.gpkg"
    shutil.copy(DEMO, path)
    project = Project.open(path)
    stack = CommandStack()
    stack.push(commands.add_hub(project, "Parent cafe", -90.2590, 38.6070,
                                services=[ServiceSpec("Parent cafe", "parenting")]))
    stack.push(commands.add_hub(project, "Carondelet Shelter", -90.2620, 38.5620, confidential=True,
                                services=[ServiceSpec("Advocacy", "dv_advocacy")]))
    aggregates = [i.name for i in project.layers() if i.sensitivity == "internal"]
    assert aggregates
    base = pg_server.url()
    url = base + "?options=-csearch_path%3Droles17"
    publish(path, url, replace=True)
    assert main(["admin", "init-roles", url]) == 0
    with psycopg.connect(base, autocommit=True) as con:
        for user, role in PEOPLE.items():
            con.execute(f'DROP ROLE IF EXISTS "{user}"')
            con.execute(f'CREATE ROLE "{user}" LOGIN IN ROLE "{role}"')
    return url, aggregates


def test_surveyor_cannot_read_internal_layers_with_plain_sql(sensitive):
    url, aggregates = sensitive
    with as_user(url, "alice") as alice:
        assert alice.execute("SELECT count(*) FROM neighborhoods").fetchone()[0] == 88
        for name in aggregates:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                alice.execute(f'SELECT * FROM "{name}"')
    with as_user(url, "pat") as pat:  # the office still reads them
        for name in aggregates:
            assert pat.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] > 0


def test_confidential_hub_rows_are_for_the_owner_only(sensitive):
    url, _ = sensitive
    for user in ("alice", "tina", "pat"):
        with as_user(url, user) as con:
            names = {r[0] for r in con.execute("SELECT name FROM hubs")}
            assert "Parent cafe" in names and "Carondelet Shelter" not in names, user
            assert con.execute("SELECT count(*) FROM hubs WHERE confidential::text IN ('1', 'true')"
                               ).fetchone()[0] == 0
            if user != "alice":  # the directory tables (a surveyor reads none of them)
                for table in ("assetmap_hsds_service_at_location", "assetmap_hsds_services"):
                    cols = "location_id" if table.endswith("location") else "name"
                    rows = con.execute(f"SELECT {cols} FROM {table}").fetchall()
                    assert rows, (user, table)
                orphans = con.execute("SELECT count(*) FROM assetmap_hsds_service_at_location s WHERE NOT EXISTS "
                                      "(SELECT 1 FROM hubs l WHERE l.id = s.location_id)").fetchone()[0]
                assert orphans == 0, user  # no row points at the hidden shelter
                assert "Advocacy" not in {r[0] for r in con.execute("SELECT name FROM assetmap_hsds_services")}
    with connect(url, autocommit=True) as owner:
        assert "Carondelet Shelter" in {r[0] for r in owner.execute("SELECT name FROM hubs")}


def _as(url: str, user: str) -> str:
    return url.replace("postgres@", f"{user}@")


def test_planner_makes_report_layers_from_the_cli(sensitive, capsys):
    """docs/postgis.md: a planner runs `assetmap reports` and `indicators` on the shared project."""
    from tests.reports.conftest import INCIDENTS

    url, _ = sensitive
    rc = main(["reports", _as(url, "pat"), str(INCIDENTS), "--kind", "dv", "--areas", "neighborhoods",
               "--filter-col", "description", "--filter-contains", "DOMESTIC", "--name", "dv_by_pat"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert rc == 0, err
    with as_user(url, "tina") as tina:  # the office reads it; a volunteer does not
        assert tina.execute("SELECT count(*) FROM dv_by_pat").fetchone()[0] == 88
    assert main(["admin", "init-roles", url]) == 0
    with as_user(url, "alice") as alice:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            alice.execute("SELECT * FROM dv_by_pat")


def test_team_lead_merges_a_field_package_and_planner_computes_indicators(sensitive, tmp_path, capsys):
    """docs/postgis.md: `survey merge` as a team lead, `indicators` as a planner; no traceback."""
    from assetmap.postgis import open_any
    from assetmap.survey.pack import make_package
    from assetmap.survey.store import SurveyStore
    from tests.survey.storage_forms import asset_form, point_in

    url, _ = sensitive
    owner = open_any(url)
    store = SurveyStore(owner, device_id="office")
    if "assets" not in {f.form_id for f in store.forms()}:
        store.install_form(asset_form())
    assert main(["admin", "init-roles", url]) == 0
    pkg = tmp_path / "ann.gpkg"
    make_package(owner, pkg, surveyor="alice")
    pstore = SurveyStore(Project.open(pkg), device_id="ann-laptop")
    pstore.save("assets", {"name": "Library", "asset_type": "school", "location": point_in(owner, 5)},
                surveyor="alice")
    rc = main(["survey", "merge", _as(url, "tina"), str(pkg)])
    err = capsys.readouterr().err
    assert "Traceback" not in err and rc == 0, err
    rc = main(["indicators", "compute", _as(url, "pat"), str(tmp_path / "ind.csv")])
    err = capsys.readouterr().err
    assert "Traceback" not in err and rc == 0, err
