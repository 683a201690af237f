"""The team lead's choice for units that touch no other: attached to a neighbour's team (default)
or left unassigned, out of the balance, to give by hand; never silently a team of their own."""

from __future__ import annotations

import pytest

from tests.territories.test_islands import _with_island


def test_leave_keeps_the_island_unassigned_and_balances_the_rest(stl_project):
    from assetmap.territories.suggest import suggest_plan

    both = _with_island(stl_project)
    plan, result = suggest_plan(stl_project, "areas2", 6, "population", "Left", islands="leave")
    assert "999" not in plan.assignments
    assert len(plan.assignments) == 88
    assert any("999 (Island) touches no other unit: left unassigned" in n for n in result.notes)
    # The balance is of the 88 connected units alone: each team within ±5 % of a sixth of their
    # population (independent sum, without the island's 50 people).
    pop = both.set_index(both["NHD_NUM"].astype(int).astype(str))["population"].fillna(0)
    ideal = pop.drop("999").sum() / 6
    totals = {}
    for unit, team in plan.assignments.items():
        totals[team] = totals.get(team, 0) + pop[unit]
    assert len(totals) == 6 and max(abs(t - ideal) / ideal for t in totals.values()) <= 0.05


def test_leave_with_a_start_plan_and_locked_team_drops_only_the_island(stl_project):
    from assetmap.territories.suggest import suggest_plan

    _with_island(stl_project)
    first, _ = suggest_plan(stl_project, "areas2", 6, "population", "First")
    assert "999" in first.assignments
    locked_team = first.assignments["999"]
    plan, _ = suggest_plan(stl_project, "areas2", 6, "population", "Again", from_plan="First",
                           locked=[str(locked_team + 1)], islands="leave")
    assert "999" not in plan.assignments
    kept = {u for u, t in first.assignments.items() if t == locked_team and u != "999"}
    assert all(plan.assignments[u] == locked_team for u in kept)


def test_without_removes_the_units_and_their_boundaries(stl_project):
    from assetmap.territories.islands import components, detached_groups, without
    from assetmap.territories.units import load_units

    _with_island(stl_project)
    units = load_units(stl_project, "areas2")
    assert detached_groups(units) == [["999"]]
    some = units.ids[0]
    rest = without(units, {"999", some})
    assert len(rest) == 87 and "999" not in rest.index and some not in rest.index
    assert all(some not in n for n in rest.rook.values())
    assert set(rest.values["population"]) == set(rest.ids)
    assert len(components(units)) == 2 and len(units) == 89  # the original is untouched


def test_an_unknown_choice_is_a_user_error(stl_project):
    from assetmap.errors import UserError
    from assetmap.territories.suggest import suggest_plan

    _with_island(stl_project)
    with pytest.raises(UserError, match="islands"):
        suggest_plan(stl_project, "areas2", 6, "population", "X", islands="drown")


def test_cli_islands_leave(stl_project):
    from assetmap.project import Project
    from assetmap.territories import store
    from tests.conftest import run_cli

    _with_island(stl_project)
    r = run_cli("territories", "balance", stl_project.path, "--areas", "areas2", "--teams", "6", "--by",
                "population", "--plan", "Left", "--islands", "leave")
    assert r.returncode == 0, r.stderr
    assert "left unassigned" in r.stdout
    assert "999" not in store.load_plan(Project.open(stl_project.path), "Left").assignments
    r = run_cli("territories", "balance", stl_project.path, "--areas", "areas2", "--teams", "6", "--by",
                "population", "--plan", "Bad", "--islands", "drown")
    assert r.returncode == 2
