"""Balancing, checked from the exported files with shapely, not from the app's stats."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli


def pieces(geom) -> int:
    return len(getattr(geom, "geoms", [geom]))


def test_balance_st_louis_six_teams_contiguous_within_5_percent(stl_project, stl_frame, tmp_path, backend):
    import geopandas as gpd
    import pyogrio
    import shapely

    t = backend.target(stl_project)
    r = run_cli("territories", "balance", t, "--areas", "neighborhoods", "--teams", "6",
                "--by", "population", "--tolerance", "0.05", "--seed", "1", "--plan", "Balanced")
    assert r.returncode == 0, r.stderr
    assert "\r" not in r.stderr  # no progress line redrawn into a pipe or a log
    out = tmp_path / "balanced.gpkg"
    r = run_cli("territories", "export", t, "--plan", "Balanced", out)
    assert r.returncode == 0, r.stderr

    # Contiguity: dissolve the exported units per team ourselves; rook, so a corner touch stays 2 parts.
    units = pyogrio.read_dataframe(out, layer="assignments")
    assert units.team.notna().all() and len(units) == 88
    for team, part in units.groupby("team"):
        assert pieces(shapely.union_all(part.geometry.values)) == 1, team
    # Workload: spatial join of the original neighbourhoods (population from the source data)
    # onto the exported dissolved territories.
    territories = pyogrio.read_dataframe(out, layer="territories")
    assert len(territories) == 6
    assert all(pieces(g) == 1 for g in territories.geometry)
    pts = stl_frame.copy()
    pts["geometry"] = stl_frame.geometry.representative_point()
    joined = gpd.sjoin(pts, territories[["team", "geometry"]], predicate="within")
    assert len(joined) == 88                       # every neighbourhood in exactly one territory
    ideal = stl_frame.population.sum() / 6
    by_team = joined.groupby("team").population.sum()
    assert len(by_team) == 6
    assert ((by_team - ideal).abs() / ideal).max() <= 0.05, by_team.to_dict()
    # The CSV lists the same assignment.
    import pandas as pd

    csv = pd.read_csv(out.with_suffix(".csv"), dtype={"unit_id": str})
    assert dict(zip(csv.unit_id, csv.team)) == dict(zip(units.unit_id, units.team))


def test_balance_is_deterministic_for_a_seed(stl_units):
    from assetmap.territories.balance import balance

    a = balance(stl_units, 6, "population", seed=5)
    b = balance(stl_units, 6, "population", seed=5)
    assert a.assignment == b.assignment
    assert a.within_tolerance


def test_locked_teams_keep_their_units(stl_units):
    from assetmap.territories.balance import balance

    first = balance(stl_units, 6, "population", seed=2)
    locked = {u: t for u, t in first.assignment.items() if t in (0, 3)}
    second = balance(stl_units, 6, "population", seed=9, locked=locked)
    assert {u: t for u, t in second.assignment.items() if t in (0, 3)} == locked
    assert set(second.assignment) == set(stl_units.ids)


def test_impossible_tolerance_says_why(stl_units):
    from assetmap.territories.balance import balance

    # 40 teams: the share (~7,900) is smaller than the largest neighbourhood (16,856).
    r = balance(stl_units, 40, "population", seed=0, restarts=1, iterations=2000)
    assert not r.within_tolerance
    biggest = max(stl_units.ids, key=lambda u: stl_units.values["population"][u])
    assert f"Unit {biggest}" in r.message and "alone has 16,856" in r.message
    assert set(r.assignment) == set(stl_units.ids)


def test_cancel_stops_balancing(stl_units):
    from assetmap.errors import Cancelled
    from assetmap.tasks import TaskContext
    from assetmap.territories.balance import balance

    ctx = TaskContext(lambda f, m: ctx.cancel() if f > 0.1 else None)
    with pytest.raises(Cancelled):
        balance(stl_units, 6, "population", seed=0, ctx=ctx)


def test_balance_cli_errors_exit_2(stl_project, backend):
    t = backend.target(stl_project)
    before = backend.state(t)
    r = run_cli("territories", "balance", t, "--areas", "neighborhoods", "--teams", "6",
                "--by", "NHD_NAMEX", "--plan", "X")
    assert r.returncode == 2 and "no numeric field 'NHD_NAMEX'" in r.stderr
    r = run_cli("territories", "balance", t, "--areas", "neighborhoods", "--teams", "6",
                "--by", "population", "--locked", "1", "--plan", "X")
    assert r.returncode == 2 and "--locked needs --from" in r.stderr
    assert backend.state(t) == before


def test_suggest_from_plan_keeps_locked_teams_and_names(stl_project, stl_units):
    from assetmap.territories import store
    from assetmap.territories.suggest import suggest_plan

    first, _ = suggest_plan(stl_project, "neighborhoods", 6, "population", "First", seed=3, units=stl_units)
    rec = store.load_plan(stl_project, "First")
    rec.teams[3].name = "North"
    store.save_plan(stl_project, rec, overwrite=True)
    plan, result = suggest_plan(stl_project, "neighborhoods", 6, "population", "Second", seed=11,
                                locked=["1", "north"], from_plan="First", units=stl_units)
    saved = store.load_plan(stl_project, "Second")
    keep = {u: t for u, t in rec.assignments.items() if t in (0, 3)}
    assert {u: t for u, t in saved.assignments.items() if t in (0, 3)} == keep
    assert [t.locked for t in saved.teams] == [True, False, False, True, False, False]
    assert saved.teams[3].name == "North"
    assert result.within_tolerance and len(saved.assignments) == 88
