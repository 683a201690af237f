"""The one list of per-team territory statistics (descriptors), read by the Territories panel,
``assetmap territories stats``/``compare``, the plan export and the printed team maps.

A statistic says what it is called, how it reads, and how ``PlanModel`` gets it:

- ``unit_value(units, unit_id)``: an additive statistic; the model keeps a running sum per team,
  updated on every unit move in O(1) (workload-like numbers: units, area, counts);
- ``compute(model, team)``: anything else, from the model's state when statistics are asked
  for (pieces, compactness).

The workload fields a plan is balanced on (``--by population``) are descriptors too, made per
plan rather than registered: ``workload_statistics(field)`` gives the field's sum and its
deviation from the ideal share. ``plan_statistics(where, fields)`` is the one ordered list every
reader iterates: the statistics marked ``before_workload``, each field's pair, then the rest.
Every descriptor reads its value from a team with ``of(team)``, and its CLI cell and map line with
``cli_cell(team)`` and ``map_entry(team)``. Adding a statistic is one
``register(TeamStatistic(...))`` (see CONTRIBUTING.md, "Add a territory statistic").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Optional

from assetmap.territories.units import polsby_popper

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.territories.model import PlanModel, TeamStats
    from assetmap.territories.units import Units

PANEL, CLI, EXPORT, COMPARE, MAPS = "panel", "cli", "export", "compare", "maps"
EVERYWHERE = frozenset({PANEL, CLI, EXPORT, COMPARE, MAPS})


@dataclass(frozen=True)
class TeamStatistic:
    key: str                          # column / JSON key, e.g. "pieces"
    label: str                        # panel header, e.g. "Pieces" (translated in the panel)
    fmt: str = "{:,.0f}"              # how one value reads in the panel and on maps
    cli: str = ""                     # CLI cell, e.g. "pieces {}"; default "<key> <fmt>"
    map_text: str = ""                # line on a printed team map, e.g. "{} units"; default "<label>: <fmt>"
    unit_value: Optional[Callable[["Units", str], float]] = None
    compute: Optional[Callable[["PlanModel", int], float]] = None
    digits: Optional[int] = None      # rounding in the export (compare rounds to min(digits, 3))
    before_workload: bool = False     # shown before the workload columns (units), else after them
    warn: Optional[Callable[[float], bool]] = None   # the panel colours such a value (more than one piece)
    empty: object = None              # compare's value for a team number one plan lacks
    shown: frozenset = EVERYWHERE     # where it appears

    def text(self, value) -> str:
        return self.fmt.format(value)

    def of(self, team: "TeamStats"):
        """This statistic's value for one team of a plan's statistics."""
        return team.value(self.key)

    def cli_cell(self, team: "TeamStats") -> str:
        return self.cli_text(self.of(team))

    def map_entry(self, team: "TeamStats") -> str:
        return self.map_line(self.of(team))

    def cli_text(self, value) -> str:
        return (self.cli or f"{self.key} {self.fmt}").format(value)

    def map_line(self, value) -> str:
        return (self.map_text or f"{self.label}: {self.fmt}").format(value)

    def rounded(self, value, compare: bool = False):
        if self.digits is None:
            return value
        return round(value, min(self.digits, 3) if compare else self.digits)


_STATISTICS: dict[str, TeamStatistic] = {}


def register(stat: TeamStatistic) -> TeamStatistic:
    """Add (or replace, by key) a statistic; it must say how it is computed."""
    if (stat.unit_value is None) == (stat.compute is None):
        raise ValueError(f"statistic {stat.key!r}: give exactly one of unit_value and compute")
    _STATISTICS[stat.key] = stat
    return stat


def unregister(key: str) -> None:
    _STATISTICS.pop(key, None)


def statistics(where: str | None = None) -> list[TeamStatistic]:
    """In registration order; only those shown in ``where`` if given."""
    return [s for s in _STATISTICS.values() if where is None or where in s.shown]


def additive() -> list[TeamStatistic]:
    return [s for s in _STATISTICS.values() if s.unit_value is not None]


def get(key: str) -> TeamStatistic:
    return _STATISTICS[key]


# ------------------------------------------------------------------ a plan's workload fields
def _no_compute(model, team):  # pragma: no cover - workload values come from TeamStats
    raise AssertionError("a workload statistic is read from the plan's statistics")


@dataclass(frozen=True)
class WorkloadStatistic(TeamStatistic):
    """One workload field of a plan: its sum per team. The CLI and the printed maps give the
    deviation in the same cell ("population 12,345 (+1.2 %)"); the panel, export and compare
    give it its own column (``DeviationStatistic``)."""
    field: str = ""

    def of(self, team: "TeamStats"):
        return team.workload[self.field]

    def cli_cell(self, team: "TeamStats") -> str:
        return f"{self.field} {self.of(team):>12,.0f} ({team.deviation_pct[self.field]:+6.1f} %)"

    def map_entry(self, team: "TeamStats") -> str:
        return (f"{self.field}: {self.of(team):,.0f} ({team.deviation_pct[self.field]:+.1f} % of the "
                f"ideal share)")


@dataclass(frozen=True)
class DeviationStatistic(TeamStatistic):
    """How far a team's workload field is from the ideal share, in per cent."""
    field: str = ""

    def of(self, team: "TeamStats"):
        return team.deviation_pct[self.field]


def workload_statistics(field: str) -> tuple[WorkloadStatistic, DeviationStatistic]:
    """The two descriptors of a workload field: its sum ("field") and deviation ("field ± %")."""
    return (WorkloadStatistic(field, field, "{:,.0f}", compute=_no_compute, empty=0.0, field=field),
            DeviationStatistic(f"{field}_deviation_pct", f"{field} ± %", "{:+.1f}", compute=_no_compute,
                               digits=2, empty=None, shown=frozenset({PANEL, EXPORT, COMPARE}), field=field))


def plan_statistics(where: str, fields, workload_last: bool = False) -> list[TeamStatistic]:
    """What ``where`` shows for a plan balanced on ``fields``, in order: the statistics marked
    ``before_workload``, each workload field (and its deviation), then the other statistics; with
    ``workload_last`` (the columns of an exported or compared plan) the workload fields come last."""
    shown = statistics(where)
    workload = [st for f in fields for st in workload_statistics(f) if where in st.shown]
    if workload_last:
        return shown + workload
    return ([st for st in shown if st.before_workload] + workload
            + [st for st in shown if not st.before_workload])


# ------------------------------------------------------------------ the built-in statistics
def _units(model: "PlanModel", team: int) -> int:
    return len(model.members[team])


def _pieces(model: "PlanModel", team: int) -> int:
    return model.pieces(team)


def _polsby_popper(model: "PlanModel", team: int) -> float:
    return polsby_popper(model._area[team], model._perim[team])


def _area_km2(model: "PlanModel", team: int) -> float:
    return model._area[team] / 1e6


for _s in (
    TeamStatistic("units", "Units", "{}", cli="units {:>4}", map_text="{} units", compute=_units,
                  before_workload=True, empty=0),
    TeamStatistic("pieces", "Pieces", "{}", cli="pieces {}", map_text="{} piece(s)", compute=_pieces,
                  warn=lambda v: v > 1, empty=0),
    TeamStatistic("polsby_popper", "Compactness", "{:.2f}", cli="Polsby-Popper {:.2f}",
                  map_text="compactness {:.2f}", compute=_polsby_popper, digits=4),
    # Kept in the JSON output as before; not a column anywhere.
    TeamStatistic("area_km2", "Area (km²)", "{:,.2f}", compute=_area_km2, shown=frozenset()),
):
    register(_s)
del _s
