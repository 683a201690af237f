"""`assetmap survey …` round trip in real subprocesses: install, pack, enter, merge (twice), resolve;
on a GeoPackage project and on a shared (PostGIS) one."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from tests.conftest import run_cli
from tests.survey.storage_forms import point_in


def _entry(name, loc, kind="faith"):
    return {"asset_type": kind, "asset_name": name, "willing_to_partner": "yes", "date_visited": "2026-05-01",
            "location": loc}


def test_cli_round_trip_with_the_builtin_form(demo_copy, tmp_path, backend):
    pytest.importorskip("assetmap.survey.xlsform")
    from assetmap.project import Project
    from assetmap.survey.store import SurveyStore

    p = backend.target(demo_copy)
    r = run_cli("survey", "install", p, "--builtin")
    assert r.returncode == 0, r.stderr
    assert "community_assets" in r.stdout and "survey_community_assets" in r.stdout
    r = run_cli("survey", "forms", p, "--json")
    assert json.loads(r.stdout)[0]["form_id"] == "community_assets"
    info = backend.open(p).layer("survey_community_assets")
    assert (info.feature_count, info.geometry_type, info.role.value) == (0, "Point", "assets")

    loc5, loc6 = point_in(demo_copy, 5), point_in(demo_copy, 6)
    office = SurveyStore(backend.open(p), device_id="office")
    church = office.save("community_assets", _entry("Grace Church", loc5), surveyor="Lead").uuid
    shelter = office.save("community_assets", _entry("Safe House", loc5, "dv_services"), surveyor="Lead")
    assert shelter.confidential  # the form's own calculation marks DV services confidential

    for who in ("Ann", "Bob"):
        r = run_cli("survey", "pack", p, tmp_path / f"{who}.gpkg", "--surveyor", who, "--areas", "5,6")
        assert r.returncode == 0, r.stderr
        assert "1 existing response" in r.stdout  # the church, not the shelter
    ann = SurveyStore(Project.open(tmp_path / "Ann.gpkg"), device_id="ann")
    bob = SurveyStore(Project.open(tmp_path / "Bob.gpkg"), device_id="bob")
    ann.save("community_assets", _entry("Barber shop", loc6, "business"), surveyor="Ann")
    ann.save("community_assets", _entry("Grace Church (food pantry)", loc5), uuid=church, surveyor="Ann")
    bob.save("community_assets", _entry("Grace Baptist Church", loc5), uuid=church, surveyor="Bob")
    assert [h.action for h in ann.history(church)][:1] == ["create"]  # history travels with the package

    r = run_cli("survey", "merge", p, tmp_path / "Ann.gpkg", tmp_path / "Bob.gpkg", "--json")
    assert r.returncode == 0, r.stderr
    first = json.loads(r.stdout)
    assert [(x["added"], x["updated"], x["unchanged"], x["conflicts"]) for x in first] == [(1, 1, 0, 0), (0, 0, 0, 1)]
    r = run_cli("survey", "merge", p, tmp_path / "Ann.gpkg", tmp_path / "Bob.gpkg")
    assert r.returncode == 0 and "0 added, 0 updated, 2 unchanged, 0 conflict" in r.stdout
    assert "CONFLICT " + church in r.stdout and "Grace Baptist Church" in r.stdout

    r = run_cli("survey", "conflicts", p, "--json")
    assert [c["uuid"] for c in json.loads(r.stdout)] == [church]
    r = run_cli("survey", "resolve", p, church, "--keep", "package")
    assert r.returncode == 0, r.stderr
    assert run_cli("survey", "conflicts", p).stdout.strip() == "No merge conflicts waiting."
    assert office.get(church).answers["asset_name"] == "Grace Baptist Church"

    r = run_cli("survey", "summary", p, "--json")
    s = json.loads(r.stdout)
    assert s["covered"] == 2 and s["total_areas"] == 88 and s["confidential"] == 1
    assert s["by_surveyor"] == {"Lead": 2, "Ann": 1}

    out = tmp_path / "assets.csv"
    r = run_cli("survey", "export", p, out, "--labels")
    assert r.returncode == 0, r.stderr
    df = pd.read_csv(out)
    assert sorted(df["asset_name"]) == ["Barber shop", "Grace Baptist Church"]
    assert {"latitude", "longitude"} <= set(df.columns) and "Safe House" not in out.read_text()
    assert run_cli("survey", "install", p, "--builtin").returncode == 0  # again: responses kept
    assert json.loads(run_cli("survey", "forms", p, "--json").stdout)[0]["responses"] == 3


def test_cli_errors_are_clear(demo_copy, tmp_path, backend):
    t = backend.target(demo_copy)
    before = backend.state(t)
    r = run_cli("survey", "pack", t, tmp_path / "x.gpkg", "--surveyor", "Ann")
    assert r.returncode == 2 and "no survey form to pack" in r.stderr
    r = run_cli("survey", "merge", t, demo_copy.path)
    assert r.returncode == 2 and "not a field package" in r.stderr
    r = run_cli("survey", "resolve", t, "nope", "--keep", "project")
    assert r.returncode == 2 and "No pending merge conflict" in r.stderr
    assert backend.state(t) == before and not (tmp_path / "x.gpkg").exists()


def test_cli_install_from_an_xlsform_file(project, backend):
    pytest.importorskip("assetmap.survey.xlsform")
    from assetmap.resources import resource

    t = backend.target(project)
    xlsx = resource("survey", "community_asset_survey.xlsx")
    r = run_cli("survey", "install", t, xlsx)
    assert r.returncode == 0, r.stderr
    assert "survey_community_assets" in r.stdout
    assert backend.open(t).layer("survey_community_assets").style["field"] == "asset_type_label"
    r = run_cli("survey", "install", t)
    assert r.returncode == 2
