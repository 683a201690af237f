"""Incremental statistics against a from-scratch geopandas computation."""

from __future__ import annotations

import random

import pytest

from assetmap.territories.commands import PaintSession


def oracle(frame, assignment):
    """Workload, pieces (rook) and Polsby-Popper from dissolved geometry, in UTM."""
    import math

    import shapely

    gdf = frame.to_crs(frame.estimate_utm_crs())
    gdf["team"] = gdf.NHD_NUM.astype(str).map(assignment)
    out = {}
    for team, part in gdf.dropna(subset=["team"]).groupby("team"):
        union = shapely.union_all(shapely.make_valid(part.geometry.values))
        polys = [g for g in getattr(union, "geoms", [union]) if g.area > 1.0]
        out[int(team)] = {
            "population": part.population.fillna(0).sum(),
            "units": len(part),
            "pieces": len(polys),
            "pp": 4 * math.pi * union.area / union.length ** 2,
        }
    return out


def test_incremental_stats_match_dissolved_geometry(plan_model, stl_frame):
    rng = random.Random(7)
    ids = [str(n) for n in stl_frame.NHD_NUM]
    session = PaintSession(plan_model)
    for _ in range(60):                          # strokes, erasures and undos in a random order
        session.team = rng.randrange(6)
        session.erasing = rng.random() < 0.1
        session.begin()
        session.add(*rng.sample(ids, rng.randint(1, 6)))
        session.end()
        if rng.random() < 0.2:
            session.undo()
    stats = plan_model.stats()
    want = oracle(stl_frame, plan_model.assignment)
    total = stl_frame.population.fillna(0).sum()
    for t in stats.teams:
        if t.units == 0:
            assert t.team not in want
            continue
        w = want[t.team]
        assert t.units == w["units"]
        assert t.workload["population"] == pytest.approx(w["population"])
        assert t.deviation_pct["population"] == pytest.approx((w["population"] - total / 6) / (total / 6) * 100)
        assert t.pieces == w["pieces"]
        assert t.polsby_popper == pytest.approx(w["pp"], rel=0.02)
    assert set(stats.unassigned) == set(ids) - set(plan_model.assignment)


def test_corner_touch_does_not_connect_unless_queen(plan_model, stl_units):
    a = next(u for u in stl_units.ids if stl_units.corner[u] - set(stl_units.rook[u]))
    b = sorted(stl_units.corner[a])[0]
    session = PaintSession(plan_model, team=0)
    session.begin(); session.add(a, b); session.end()
    assert plan_model.stats().teams[0].pieces == 2
    plan_model.set_queen(True)
    assert plan_model.stats().teams[0].pieces == 1
