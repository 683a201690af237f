"""The `assetmap territories` commands scripts rely on, on a GeoPackage and on PostGIS."""

from __future__ import annotations

import json

from types import SimpleNamespace

import pyogrio
import pytest

from assetmap.cli import main


@pytest.fixture()
def cli(capsys):
    """The real command line, in-process (the acceptance test runs it as a subprocess)."""
    def run(*args):
        capsys.readouterr()
        code = main(["territories", *map(str, args)])
        out = capsys.readouterr()
        return SimpleNamespace(returncode=code, stdout=out.out, stderr=out.err)
    return run


def test_new_assign_stats_json(cli, stl_project, stl_frame, backend):
    p = backend.target(stl_project)
    assert cli("new", p, "--plan", "Mine", "--areas", "neighborhoods", "--teams", "3", "--by", "population").returncode == 0
    r = cli("assign", p, "--plan", "Mine", "--team", "2", "1", "2", "3")
    assert r.returncode == 0 and "3 unit(s) changed" in r.stdout
    r = cli("assign", p, "--plan", "Mine", "--team", "Team 3", "4", "5")
    assert r.returncode == 0
    r = cli("assign", p, "--plan", "Mine", "--erase", "5")
    assert r.returncode == 0
    r = cli("stats", p, "--plan", "Mine", "--json")
    assert r.returncode == 0, r.stderr
    stats = json.loads(r.stdout)
    pop = dict(zip(stl_frame.NHD_NUM.astype(str), stl_frame.population.fillna(0)))
    teams = {t["name"]: t for t in stats["teams"]}
    assert teams["Team 2"]["units"] == 3
    assert teams["Team 2"]["workload"]["population"] == sum(pop[u] for u in ("1", "2", "3"))
    assert teams["Team 3"]["workload"]["population"] == pop["4"]
    assert teams["Team 1"]["units"] == 0
    assert set(stats["unassigned"]) == set(pop) - {"1", "2", "3", "4"}
    ideal = stl_frame.population.sum() / 3
    assert abs(teams["Team 3"]["deviation_pct"]["population"] - (pop["4"] - ideal) / ideal * 100) < 1e-9
    text = cli("stats", p, "--plan", "Mine").stdout
    assert "Unassigned units: 84" in text


def test_bad_input_exits_2_and_leaves_project_untouched(cli, stl_project, backend):
    p = backend.target(stl_project)
    assert cli("new", p, "--plan", "Mine", "--areas", "neighborhoods", "--teams", "3").returncode == 0
    before = backend.state(p)
    for args, msg in [
        (("assign", p, "--plan", "Mine", "--team", "2", "1", "9999"), "no unit with id '9999'"),
        (("assign", p, "--plan", "Mine", "--team", "7", "1"), "No team '7'"),
        (("assign", p, "--plan", "Nope", "--team", "1", "1"), "no territory plan named 'Nope'"),
        (("new", p, "--plan", "Mine", "--areas", "neighborhoods", "--teams", "3"), "already has a territory plan"),
        (("new", p, "--plan", "X", "--areas", "nope", "--teams", "3"), "no layer named 'nope'"),
        (("stats", p, "--plan", "Mine", "--by", "nope"), "no numeric field 'nope'"),
    ]:
        r = cli(*args)
        assert r.returncode == 2 and msg in r.stderr, (args, r.stderr)
    assert backend.state(p) == before


def test_compare_and_export(cli, stl_project, tmp_path, backend):
    p = backend.target(stl_project)
    cli("new", p, "--plan", "A", "--areas", "neighborhoods", "--teams", "2", "--by", "population")
    cli("assign", p, "--plan", "A", "--team", "1", "1", "2", "3")
    cli("new", p, "--plan", "B", "--areas", "neighborhoods", "--teams", "2", "--by", "population")
    cli("assign", p, "--plan", "B", "--team", "1", "1", "2")
    cli("assign", p, "--plan", "B", "--team", "2", "3", "4")
    assert cli("list", p).stdout.splitlines() == ["A: 2 teams, 3 units assigned (neighborhoods)",
                                                  "B: 2 teams, 4 units assigned (neighborhoods)"]
    diff = tmp_path / "diff.gpkg"
    r = cli("compare", p, "--plan", "A", "--other", "B", "--json", "--out", diff)
    assert r.returncode == 0, r.stderr
    cmp = json.loads(r.stdout)
    assert {d["unit_id"]: (d["team_a"], d["team_b"]) for d in cmp["differences"]} == {
        "3": ("Team 1", "Team 2"), "4": (None, "Team 2")}
    assert [row["units_a"] for row in cmp["teams"]] == [3, 0]
    assert [row["units_b"] for row in cmp["teams"]] == [2, 2]
    assert len(pyogrio.read_dataframe(diff, layer="differences")) == 2
    out = tmp_path / "a.gpkg"
    assert cli("export", p, "--plan", "A", out).returncode == 0
    layers = {name for name, _ in pyogrio.list_layers(out)}
    assert layers == {"territories", "assignments"}
    r = cli("export", p, "--plan", "A", out)
    assert r.returncode == 2 and "already exists" in r.stderr


def test_team_rename_colour_lock(cli, stl_project, backend):
    from assetmap.territories import store

    p = backend.target(stl_project)
    cli("new", p, "--plan", "A", "--areas", "neighborhoods", "--teams", "3")
    r = cli("team", p, "--plan", "A", "--team", "2", "--name", "North", "--colour", "#0072B2", "--lock")
    assert r.returncode == 0, r.stderr
    t = store.load_plan(backend.open(p), "A").teams[1]
    assert (t.name, t.colour, t.locked) == ("North", "#0072B2", True)
    r = cli("assign", p, "--plan", "A", "--team", "north", "1")
    assert "0 unit(s) changed" in r.stdout            # nothing is painted onto a locked team
    assert cli("team", p, "--plan", "A", "--team", "North", "--unlock").returncode == 0
    assert cli("assign", p, "--plan", "A", "--team", "north", "1").stdout.startswith("1 unit(s)")
    r = cli("team", p, "--plan", "A", "--team", "1", "--colour", "blue")
    assert r.returncode == 2 and "#RRGGBB" in r.stderr
    r = cli("team", p, "--plan", "A", "--team", "1", "--name", "north")
    assert r.returncode == 2 and "already called" in r.stderr
