"""Balance and save as a new plan: what `territories balance` and the GUI both run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.tasks import TaskContext
from assetmap.territories import store
from assetmap.territories.balance import BalanceResult, balance
from assetmap.territories.units import Units, load_units

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project


def team_index(teams: list[store.Team], text: str) -> int:
    """A team by name (any case) or number 1..K."""
    text = str(text).strip()
    for t in teams:
        if t.name.lower() == text.lower():
            return t.team
    if text.isdigit() and 1 <= int(text) <= len(teams):
        return int(text) - 1
    names = ", ".join(f"{t.team + 1} ({t.name})" for t in teams)
    raise UserError(f"No team '{text}' in this plan.", f"Teams: {names}.")


def suggest_plan(project: "Project", areas: str, k: int, by: str, name: str, *, tolerance: float = 0.05,
                 locked: list[str] | None = None, from_plan: str | None = None, seed: int = 0,
                 queen: bool = False, replace: bool = False, units: Units | None = None,
                 islands: str = "attach",
                 ctx: TaskContext | None = None) -> tuple[store.PlanRecord, BalanceResult]:
    """Balance ``areas`` into ``k`` teams by ``by`` and save the result as plan ``name``.

    Units cut off from the rest (``islands.py``) join their nearest neighbour's team
    (``islands="attach"``) or are left out of the balance, unassigned (``"leave"``).

    Everything is checked before the search, and nothing is written until it
    finished (a Cancel leaves the project untouched).
    """
    store.check_plan_name(name)
    if name in store.plan_names(project) and not replace:
        raise UserError(f"{project.path} already has a territory plan named '{name}'.",
                        "Choose another plan name, or replace the old one (--replace).")
    units = units or load_units(project, areas)
    units.field_values(by)
    teams = store.default_teams(k)
    start = None
    fixed: dict[str, int] = {}
    if from_plan:
        source = store.load_plan(project, from_plan)
        if source.areas_layer != areas:
            raise UserError(f"Plan '{source.name}' is over '{source.areas_layer}', not '{areas}'.",
                            f"Use --areas {source.areas_layer}.")
        for t in source.teams[:k]:
            teams[t.team] = store.Team(t.team, t.name, t.colour, False)
        start = source.assignments
    for text in locked or []:
        if start is None:
            raise UserError("--locked needs --from PLAN: locked teams keep their units from that plan.")
        t = team_index(teams, text)
        teams[t].locked = True
        fixed.update({u: team for u, team in start.items() if team == t and u in units.index})
    from assetmap.territories.islands import (ISLAND_CHOICES, ISLANDS_LEAVE, describe, describe_left,
                                              detached_groups, link_islands, without)

    if islands not in ISLAND_CHOICES:
        raise UserError(f"Unknown choice for islands: '{islands}'.", f"Choose one of: {', '.join(ISLAND_CHOICES)}.")
    if islands == ISLANDS_LEAVE:
        groups = detached_groups(units, queen)
        left = {u for g in groups for u in g}
        kept = without(units, left) if left else units
        start = {u: t for u, t in start.items() if u not in left} if start is not None else None
        fixed = {u: t for u, t in fixed.items() if u not in left}
        result = balance(kept, k, by, tolerance, seed=seed, locked=fixed, start=start, queen=queen, ctx=ctx)
        result.notes.extend(describe_left(groups, units))
    else:
        linked, links = link_islands(units, queen)  # islands join a neighbour's team, never form their own
        result = balance(linked, k, by, tolerance, seed=seed, locked=fixed, start=start, queen=queen, ctx=ctx)
        result.notes.extend(describe(links, units))
    plan = store.save_plan(project, store.PlanRecord(name, areas, teams, result.assignment, fields=[by],
                                                     queen=queen), overwrite=replace)
    return plan, result
