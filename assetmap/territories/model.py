"""A plan in memory, with statistics kept up to date incrementally.

A paint stroke changes a few units; recomputing every team's geometry each
time would be far too slow on 1,000 units. Instead each team keeps running
sums that a unit move updates in O(number of its neighbours):

- workload per field, unit count and area: plain sums;
- perimeter of the union: sum of unit perimeters minus twice the boundary
  shared with same-team neighbours (exact for a layer whose areas tile the
  plane without overlap, which is what an ``areas`` layer is);
- the number of pieces is recounted lazily, only for teams that changed.

Writes to the project go through :mod:`assetmap.territories.store`, one small
SQLite transaction per stroke (``with model.batch():``) or per edit.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Iterable, Iterator

from assetmap.events import Signal
from assetmap.territories import statistics, store
from assetmap.territories.store import PlanRecord, Team
from assetmap.territories.units import Units

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project


@dataclass
class TeamStats:
    team: int
    name: str
    colour: str
    locked: bool
    units: int
    workload: dict[str, float]
    deviation_pct: dict[str, float]       # (workload - ideal) / ideal * 100, per field
    pieces: int
    polsby_popper: float
    area_km2: float
    extra: dict[str, float] = field(default_factory=dict)   # statistics registered beyond the built-ins

    def value(self, key: str):
        """A statistic's value by its registry key (``assetmap.territories.statistics``)."""
        return self.extra[key] if key in self.extra else getattr(self, key)

    def to_dict(self) -> dict:
        d = dict(self.__dict__)
        d.update(d.pop("extra"))
        return d


@dataclass
class PlanStats:
    plan: str
    fields: list[str]
    ideal: dict[str, float]
    teams: list[TeamStats]
    unassigned: list[str] = field(default_factory=list)

    def worst_deviation_pct(self, fld: str | None = None) -> float:
        fld = fld or (self.fields[0] if self.fields else None)
        if fld is None or not self.teams:
            return 0.0
        return max(abs(t.deviation_pct[fld]) for t in self.teams)

    def to_dict(self) -> dict:
        return {"plan": self.plan, "fields": self.fields, "ideal": self.ideal,
                "teams": [t.to_dict() for t in self.teams], "unassigned": self.unassigned}


class PlanModel:
    def __init__(self, units: Units, plan: PlanRecord, project: "Project | None" = None,
                 fields: list[str] | None = None):
        self.units = units
        self.plan = plan
        self.project = project
        self.fields = list(fields if fields is not None else plan.fields)
        for f in self.fields:
            units.field_values(f)  # a clear error for an unknown field
        self.queen = plan.queen
        self.assignment: dict[str, int] = {}
        self.members: dict[int, set[str]] = {t.team: set() for t in plan.teams}
        self._sums: dict[int, dict[str, float]] = {t.team: dict.fromkeys(self.fields, 0.0) for t in plan.teams}
        self._area = dict.fromkeys(self.members, 0.0)
        self._perim = dict.fromkeys(self.members, 0.0)
        self._pieces: dict[int, int | None] = dict.fromkeys(self.members, 0)
        self._totals = {f: sum(units.values[f].values()) for f in self.fields}
        # Registered additive statistics: per-unit values once, then a running sum per team.
        self._additive = [(st.key, {u: float(st.unit_value(units, u)) for u in units.ids})
                          for st in statistics.additive()]
        self._stat_sums = {key: dict.fromkeys(self.members, 0.0) for key, _ in self._additive}
        self._dirty: dict[str, int | None] = {}
        self._batching = 0
        self.changed = Signal()        # emits the set of unit ids whose team changed
        self.teams_changed = Signal()  # team names, colours, locks
        self.apply({u: t for u, t in plan.assignments.items() if u in units.index}, persist=False)

    # ------------------------------------------------------------------ queries
    @property
    def teams(self) -> list[Team]:
        return self.plan.teams

    def team(self, team: int) -> Team:
        for t in self.plan.teams:
            if t.team == team:
                return t
        raise KeyError(team)

    def team_of(self, unit: str) -> int | None:
        return self.assignment.get(unit)

    def is_locked(self, team: int | None) -> bool:
        return team is not None and self.team(team).locked

    def neighbours(self, unit: str) -> Iterable[str]:
        return self.units.neighbours(unit, self.queen)

    def set_queen(self, queen: bool) -> None:
        """Count corner-only touches as connected (queen) or not (rook, the default)."""
        self.queen = queen
        self._pieces = dict.fromkeys(self._pieces)

    def pieces(self, team: int) -> int:
        if self._pieces[team] is None:
            self._pieces[team] = count_pieces(self.members[team], self.neighbours)
        return self._pieces[team]

    def stats(self) -> PlanStats:
        k = len(self.plan.teams) or 1
        ideal = {f: self._totals[f] / k for f in self.fields}
        rows = []
        getters = [(st.key, self._getter(st)) for st in statistics.statistics()]  # once, not per team
        for t in self.plan.teams:
            s = self._sums[t.team]
            dev = {f: ((s[f] - ideal[f]) / ideal[f] * 100.0) if ideal[f] else 0.0 for f in self.fields}
            values = {key: get(t.team) for key, get in getters}
            rows.append(TeamStats(
                team=t.team, name=t.name, colour=t.colour, locked=t.locked, workload=dict(s), deviation_pct=dev,
                units=values.pop("units"), pieces=values.pop("pieces"), polsby_popper=values.pop("polsby_popper"),
                area_km2=values.pop("area_km2"), extra=values))
        unassigned = [u for u in self.units.ids if u not in self.assignment]
        return PlanStats(plan=self.plan.name, fields=list(self.fields), ideal=ideal, teams=rows,
                         unassigned=unassigned)

    def _getter(self, st: "statistics.TeamStatistic"):
        """team -> value for one statistic: a running sum, or its compute function."""
        if st.key in self._stat_sums:
            return self._stat_sums[st.key].__getitem__
        if st.unit_value is not None:  # registered after this model was made: summed when asked
            return lambda team: float(sum(st.unit_value(self.units, u) for u in self.members[team]))
        return partial(st.compute, self)

    def record(self) -> PlanRecord:
        """The plan as it is now (for saving a copy)."""
        from dataclasses import replace

        return replace(self.plan, assignments=dict(self.assignment), fields=list(self.fields),
                       teams=[Team(**t.__dict__) for t in self.plan.teams])

    # ------------------------------------------------------------------ edits
    def apply(self, changes: dict[str, int | None], persist: bool = True) -> dict[str, int | None]:
        """Set unit -> team (None: unassigned); return the previous teams of the units changed."""
        before: dict[str, int | None] = {}
        for unit, new in changes.items():
            old = self.assignment.get(unit)
            if old == new:
                continue
            before[unit] = old
            if old is not None:
                self._leave(unit, old)
            if new is not None:
                self._join(unit, new)
        if before:
            if persist and self.project is not None and self.plan.plan_id is not None:
                self._dirty.update({u: self.assignment.get(u) for u in before})
                if not self._batching:
                    self.flush()
            self.changed.emit(set(before))
        return before

    def _join(self, unit: str, team: int) -> None:
        self.assignment[unit] = team
        self.members[team].add(unit)
        sums = self._sums[team]
        for f in self.fields:
            sums[f] += self.units.values[f][unit]
        self._area[team] += self.units.area[unit]
        for key, per_unit in self._additive:
            self._stat_sums[key][team] += per_unit[unit]
        shared = sum(length for v, length in self.units.rook[unit].items() if self.assignment.get(v) == team)
        self._perim[team] += self.units.perimeter[unit] - 2 * shared
        self._pieces[team] = None

    def _leave(self, unit: str, team: int) -> None:
        shared = sum(length for v, length in self.units.rook[unit].items() if self.assignment.get(v) == team)
        self._perim[team] -= self.units.perimeter[unit] - 2 * shared
        del self.assignment[unit]
        self.members[team].discard(unit)
        sums = self._sums[team]
        for f in self.fields:
            sums[f] -= self.units.values[f][unit]
        self._area[team] -= self.units.area[unit]
        for key, per_unit in self._additive:
            self._stat_sums[key][team] -= per_unit[unit]
        self._pieces[team] = None

    def set_team(self, team: Team, persist: bool = True) -> Team:
        """Replace a team's name/colour/lock; return the old one."""
        for i, t in enumerate(self.plan.teams):
            if t.team == team.team:
                self.plan.teams[i] = team
                if persist and self.project is not None and self.plan.plan_id is not None:
                    self.plan.version = store.write_team(self.project, self.plan.plan_id, team,
                                                         expected_version=self.plan.version)
                self.teams_changed.emit()
                return t
        raise KeyError(team.team)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Collect writes (a drag stroke) and save them in one transaction at the end."""
        self._batching += 1
        try:
            yield
        finally:
            self._batching -= 1
            if not self._batching:
                self.flush()

    def flush(self) -> None:
        if self._dirty and self.project is not None and self.plan.plan_id is not None:
            dirty, self._dirty = self._dirty, {}
            self.plan.version = store.write_assignments(self.project, self.plan.plan_id, dirty,
                                                        expected_version=self.plan.version)


def count_pieces(members: set[str], neighbours) -> int:
    seen: set[str] = set()
    pieces = 0
    for start in members:
        if start in seen:
            continue
        pieces += 1
        seen.add(start)
        stack = [start]
        while stack:
            u = stack.pop()
            for v in neighbours(u):
                if v in members and v not in seen:
                    seen.add(v)
                    stack.append(v)
    return pieces


def open_plan(project: "Project", name: str, units: Units | None = None,
              fields: list[str] | None = None) -> PlanModel:
    from assetmap.territories.units import load_units

    plan = store.load_plan(project, name)
    units = units or load_units(project, plan.areas_layer)
    return PlanModel(units, plan, project, fields)
