"""Territories: balancing (St. Louis 88 -> 6 teams, a 2,000-unit grid -> 12 teams)
and paint-stroke latency on a 1,000-unit layer; a 10,000-unit grid -> 20 teams.

- balance_*: ours is the full balancer (region growing + annealed flip search);
  the baseline is region growing alone (no local search). Notes give the worst
  deviation from the ideal workload each reaches, which is what matters.
- paint_stroke_1000: ours is one 10-unit drag stroke through ``PaintSession``
  (in-memory model, incremental statistics, one SQLite transaction) followed by
  reading every team's statistics; the baseline applies the same change and
  recomputes every statistic from scratch with geopandas (dissolve per team),
  as a naive implementation would on each stroke.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

from run import Case, note_true, ours_under

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo" / "st_louis_demo.gpkg"


def grid_frame(nx: int, ny: int, seed: int = 1):
    import geopandas as gpd
    import shapely

    rng = random.Random(seed)
    geoms = [shapely.box(i * 500, j * 500, (i + 1) * 500, (j + 1) * 500) for j in range(ny) for i in range(nx)]
    return gpd.GeoDataFrame({"uid": range(nx * ny), "work": [rng.randint(0, 100) for _ in geoms]},
                            geometry=geoms, crs="EPSG:26915")


def _stl_units():
    from assetmap.project import Project
    from assetmap.territories.units import load_units

    return load_units(Project.open(DEMO), "neighborhoods")


def _balance_case(units, k, field) -> Case:
    from assetmap.territories import balance as B

    def grow_only():
        return B.balance(units, k, field, 0.05, seed=1, restarts=1, iterations=1)

    def ours():
        return B.balance(units, k, field, 0.05, seed=1)

    full, naive = ours(), grow_only()
    return Case(ours=ours, baseline=grow_only, notes={
        "units": len(units), "teams": k,
        "ours_worst_dev_pct": round(full.worst_deviation_pct, 2),
        "ours_within_5pct": full.within_tolerance,
        "ours_contiguous": _contiguous(units, full.assignment),
        "baseline_worst_dev_pct": round(naive.worst_deviation_pct, 2)})


def _contiguous(units, assignment: dict) -> bool:
    """Every team in one piece, by the union of its units' shapes (independent of the balancer's
    own contiguity bookkeeping; cells touching only at a corner make two pieces)."""
    import shapely

    by_team: dict = {}
    for u, t in assignment.items():
        by_team.setdefault(t, []).append(units.geoms[units.index[u]])
    return all(shapely.union_all(g).geom_type == "Polygon" for g in by_team.values())


def balance_stl() -> Case:
    return _balance_case(_stl_units(), 6, "population")


def balance_grid() -> Case:
    from assetmap.territories.units import from_frame

    case = _balance_case(from_frame(grid_frame(50, 40), "grid", "uid"), 12, "work")
    case.targets = [ours_under(1.0), note_true("ours_within_5pct"), note_true("ours_contiguous")]
    return case


def balance_grid_10k() -> Case:
    """Issue 20's scale: 10,000 units, 20 teams; target under 10 s, within ±5 %, contiguous."""
    from assetmap.territories.units import from_frame

    case = _balance_case(from_frame(grid_frame(100, 100), "grid", "uid"), 20, "work")
    case.notes["target_s"] = 10.0
    case.targets = [ours_under(10.0), note_true("ours_within_5pct"), note_true("ours_contiguous")]
    return case


def paint_stroke() -> Case:
    import math

    import shapely

    from assetmap.layers.info import LayerInfo
    from assetmap.layers.roles import LayerRole
    from assetmap.project import Project
    from assetmap.territories import store
    from assetmap.territories.commands import PaintSession
    from assetmap.territories.model import open_plan

    tmp = Path(tempfile.mkdtemp(prefix="assetmap-bench-"))
    project = Project.create(tmp / "p.gpkg", crs="EPSG:26915")
    frame = grid_frame(40, 25)
    project.write_layer(frame, LayerInfo("grid", LayerRole.AREAS, "grid", extra={"id_field": "uid"}))
    rng = random.Random(3)
    initial = {str(u): rng.randrange(8) for u in range(len(frame))}
    store.save_plan(project, store.PlanRecord("P", "grid", store.default_teams(8), initial, fields=["work"]))
    model = open_plan(project, "P")
    session = PaintSession(model)
    strokes = [[str(40 * r + c) for c in range(10)] for r in range(25)]   # a drag along each row
    state = {"i": 0}

    def ours():
        state["i"] += 1
        session.team = state["i"] % 8
        session.begin()
        for u in strokes[state["i"] % 25]:
            session.add(u)
        session.end()
        return model.stats()

    assign = dict(initial)

    def baseline():
        state["i"] += 1
        for u in strokes[state["i"] % 25]:
            assign[u] = state["i"] % 8
        gdf = frame.copy()
        gdf["team"] = gdf.uid.astype(str).map(assign)
        out = {}
        for team, part in gdf.groupby("team"):
            union = shapely.union_all(part.geometry.values)
            out[team] = (part.work.sum(), len(getattr(union, "geoms", [union])),
                         4 * math.pi * union.area / union.length ** 2)
        return out

    return Case(ours=ours, baseline=baseline, teardown=lambda: shutil.rmtree(tmp),
                notes={"units": len(frame), "stroke_units": 10, "budget_s": 0.1})


BENCHMARKS = {
    "territories_balance_stl_6": balance_stl,
    "territories_balance_grid_2000_12": balance_grid,
    "territories_paint_stroke_1000": paint_stroke,
    "territories_balance_grid_10000_20": balance_grid_10k,
}
