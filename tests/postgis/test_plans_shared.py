"""Territory plans on a shared project: team leads paint, a stale save is a clear conflict, roles hold."""

from __future__ import annotations

import shutil
from pathlib import Path

import psycopg
import pytest

from assetmap.cli import main
from assetmap.errors import UserError
from assetmap.postgis.project import PostgisProject
from assetmap.postgis.publish import publish
from assetmap.project import Project
from assetmap.territories import store
from assetmap.territories.model import open_plan
from assetmap.territories.store import PlanRecord, default_teams, save_plan

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "st_louis_demo.gpkg"
PEOPLE = {"lead_ann": "team_lead", "lead_ben": "team_lead", "plan_pia": "planner"}


@pytest.fixture(scope="module")
def shared(pg_server, tmp_path_factory):
    path = tmp_path_factory.mktemp("plans") / "demo.gpkg"
    shutil.copy(DEMO, path)
    project = Project.open(path)
    save_plan(project, PlanRecord(name="north", areas_layer="neighborhoods", teams=default_teams(3),
                                  assignments={"1": 0, "2": 0, "3": 1}))
    base = pg_server.url()
    url = base + "?options=-csearch_path%3Dplans_test"
    publish(path, url, replace=True)
    assert main(["admin", "init-roles", url]) == 0
    with psycopg.connect(base, autocommit=True) as con:
        for user, role in PEOPLE.items():
            con.execute(f'DROP ROLE IF EXISTS "{user}"')
            con.execute(f'CREATE ROLE "{user}" LOGIN IN ROLE "{role}"')
    return url


def as_user(url: str, user: str) -> PostgisProject:
    return PostgisProject.open(url.replace("postgres@", f"{user}@"))


def test_published_plan_reads_the_same_and_new_plans_number_after_it(shared):
    ann = as_user(shared, "lead_ann")
    north = store.load_plan(ann, "north")
    assert north.assignments == {"1": 0, "2": 0, "3": 1} and [t.name for t in north.teams][:1] == ["Team 1"]
    south = save_plan(ann, PlanRecord(name="south", areas_layer="neighborhoods", teams=default_teams(2)))
    assert south.plan_id > north.plan_id  # the identity continues after the published ids
    with pytest.raises(UserError, match="already has a territory plan named 'south'"):
        save_plan(ann, PlanRecord(name="south", areas_layer="neighborhoods", teams=default_teams(2)))
    assert store.plan_names(as_user(shared, "plan_pia")) == ["north", "south"]


def test_two_team_leads_painting_one_plan_get_a_conflict_not_a_mix(shared):
    ann_model = open_plan(as_user(shared, "lead_ann"), "north")
    ben_model = open_plan(as_user(shared, "lead_ben"), "north")
    start = ann_model.plan.version
    assert ben_model.plan.version == start
    ann_model.apply({"10": 2, "11": 2})  # saved at once (no batch): version + 1
    assert ann_model.plan.version == start + 1
    with pytest.raises(UserError, match=r"Plan 'north' was changed by lead_ann at .* now version") as err:
        ben_model.apply({"10": 1})
    assert "not saved" in err.value.message
    stored = store.load_plan(as_user(shared, "plan_pia"), "north")
    assert stored.assignments["10"] == 2 and stored.version == start + 1  # Ann's edit, untouched
    # Ben reopens and paints on top of the current version: accepted.
    ben_model = open_plan(as_user(shared, "lead_ben"), "north")
    ben_model.apply({"10": 1})
    assert store.load_plan(as_user(shared, "lead_ann"), "north").assignments["10"] == 1


def test_a_planner_may_read_plans_but_the_server_refuses_their_edits(shared, capsys):
    pia = shared.replace("postgres@", "plan_pia@")
    assert main(["territories", "stats", pia, "--plan", "north", "--json"]) == 0
    capsys.readouterr()
    assert main(["territories", "assign", pia, "--plan", "north", "--team", "1", "20"]) == 2
    err = capsys.readouterr().err
    assert "The server refused this change" in err and "plan_pia" in err and "Traceback" not in err
    assert "20" not in store.load_plan(as_user(shared, "lead_ann"), "north").assignments
