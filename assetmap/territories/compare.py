"""Two plans side by side: per-team figures, and the units that differ.

Teams are matched by number (team 1 with team 1), since a balanced plan made
``--from`` another keeps its team numbers, names and colours.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.territories.model import PlanModel


@dataclass
class Comparison:
    plan_a: str
    plan_b: str
    rows: list[dict]                       # one per team number
    differences: list[dict]                # unit_id, name, team_a, team_b

    def to_dict(self) -> dict:
        return {"plan_a": self.plan_a, "plan_b": self.plan_b, "teams": self.rows,
                "differences": self.differences}


def compare_plans(a: "PlanModel", b: "PlanModel") -> Comparison:
    from assetmap.territories.statistics import COMPARE, plan_statistics

    sa, sb = a.stats(), b.stats()
    shown = plan_statistics(COMPARE, [f for f in sa.fields if f in sb.fields], workload_last=True)
    by_a = {t.team: t for t in sa.teams}
    by_b = {t.team: t for t in sb.teams}
    rows = []
    for team in sorted(set(by_a) | set(by_b)):
        row: dict = {"team_number": team + 1}
        for tag, t in (("a", by_a.get(team)), ("b", by_b.get(team))):
            row[f"name_{tag}"] = t.name if t else None
            for st in shown:
                row[f"{st.key}_{tag}"] = st.rounded(st.of(t), compare=True) if t else st.empty
        rows.append(row)

    def name(team, model):
        return model.team(team).name if team is not None else None

    diffs = [{"unit_id": u, "name": a.units.names.get(u, ""),
              "team_a": name(a.team_of(u), a), "team_b": name(b.team_of(u), b)}
             for u in a.units.ids if a.team_of(u) != b.team_of(u)]
    return Comparison(sa.plan, sb.plan, rows, diffs)


def differences_frame(a: "PlanModel", cmp: Comparison):
    """The differing units as a GeoDataFrame, for a map layer."""
    import geopandas as gpd

    from assetmap.privacy import public_features

    idx = a.units.index
    geoms = [a.units.geoms[idx[d["unit_id"]]] for d in cmp.differences]
    return public_features(gpd.GeoDataFrame(cmp.differences, geometry=geoms, crs=a.units.crs))
