"""A confidential hub (a DV shelter) can't be located through any command (issue 17, case 3:
a one-rectangle areas layer, a 25 m radius and bisection found it to about 26 m)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from assetmap.cli import main
from assetmap.project import Project

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "st_louis_demo.gpkg"
PUBLIC = {"Saint Louis University": (-90.2340, 38.6365), "Tower Grove Park": (-90.2590, 38.6070)}
SHELTERS = {"Shelter A": (-90.2620, 38.5620), "Shelter B": (-90.2180, 38.6640), "Shelter C": (-90.2950, 38.6480)}


def _project(tmp_path, shelters):
    from assetmap.commands import CommandStack
    from assetmap.hubs import commands
    from assetmap.hubs.directory import ServiceSpec

    path = tmp_path / "demo.gpkg"
    shutil.copy(DEMO, path)
    p = Project.open(path)
    stack = CommandStack()
    for name, (lon, lat) in PUBLIC.items():
        stack.push(commands.add_hub(p, name, lon, lat, services=[ServiceSpec("Parenting", "parenting")]))
    for name, (lon, lat) in shelters.items():
        stack.push(commands.add_hub(p, name, lon, lat, confidential=True,
                                    services=[ServiceSpec("Parenting", "parenting")]))
    return p


def _coverage(p, *args) -> dict:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["coverage", str(p.path), "--json", *map(str, args)]) == 0
    return json.loads(out.getvalue())["summary_with_confidential"]["parenting"]


def _rectangle_layer(p, tmp_path, lon, lat, half):
    import geopandas as gpd
    from shapely.geometry import box

    f = tmp_path / "rect.geojson"
    gpd.GeoDataFrame({"id": [1], "name": ["probe"]}, geometry=[box(lon - half, lat - half, lon + half, lat + half)],
                     crs="EPSG:4326").to_file(f, driver="GeoJSON")
    assert main(["import", str(p.path), str(f), "--role", "areas", "--name", "probe", "--id-field", "id",
                 "--name-field", "name", "--replace"]) == 0


def test_the_issue_attack_learns_nothing(tmp_path):
    """One shelter: the figure never exists; crafted areas and a 25 m radius change nothing."""
    p = _project(tmp_path, {"Shelter A": SHELTERS["Shelter A"]})
    lon, lat = SHELTERS["Shelter A"]
    seen = set()
    for half in (0.02, 0.01, 0.005, 0.0025, 0.001):  # bisection-style shrinking probes around the truth
        _rectangle_layer(p, tmp_path, lon + half / 3, lat - half / 3, half)
        for radius in ("25m", "100m", "1mi"):
            seen.add(json.dumps(_coverage(p, "--within", radius, "--areas", "probe"), sort_keys=True))
    assert {json.loads(s)["withheld"] for s in seen} == {"fewer than 3 confidential sites", "a reach under 800 m"}


def test_with_several_shelters_the_figure_ignores_crafted_areas_and_tiny_radii(tmp_path):
    p = _project(tmp_path, SHELTERS)
    lon, lat = SHELTERS["Shelter A"]
    city = _coverage(p, "--within", "1mi")
    assert "withheld" not in city and round(city["population_share"] / 0.05, 6).is_integer()
    _rectangle_layer(p, tmp_path, lon, lat, 0.003)
    assert _coverage(p, "--within", "1mi", "--areas", "probe") == city  # registered areas, not the probe
    assert "withheld" in _coverage(p, "--within", "25m")
    assert "withheld" in _coverage(p, "--within", "799m")


def _pop_share(units, pops, discs) -> float:
    from shapely import union_all

    reach = union_all(discs)
    shares = np.array([u.intersection(reach).area / u.area for u in units])
    return float(np.nansum(pops * np.minimum(shares, 1)) / np.nansum(pops))  # pandas skips missing people


def test_adversarial_search_cannot_place_a_shelter_within_its_neighbourhood(tmp_path):
    """The attacker knows every other hub exactly and asks for every radius from the floor up; the
    positions consistent with all the answers still reach beyond the shelter's neighbourhood."""
    import geopandas as gpd
    from pyproj import Transformer
    from shapely.geometry import Point

    from assetmap.access.confidential import RADIUS_FLOOR_M, ROUND_TO

    p = _project(tmp_path, SHELTERS)
    radii = [RADIUS_FLOOR_M + 150 * k for k in range(14)]  # 800 m .. 2,750 m: many calls
    answers = [_coverage(p, "--within", f"{r}m")["population_share"] for r in radii]

    areas = p.read_layer("neighborhoods")
    utm = areas.estimate_utm_crs()
    zones = areas.to_crs(utm)
    units = list(zones.geometry)
    pops = areas["population"].astype(float).to_numpy()
    to_utm = Transformer.from_crs("EPSG:4326", utm, always_xy=True)
    known = [Point(*to_utm.transform(*ll)) for name, ll in {**PUBLIC, **SHELTERS}.items() if name != "Shelter A"]
    truth = Point(*to_utm.transform(*SHELTERS["Shelter A"]))

    def answers_if(pos):
        return [round(round(_pop_share(units, pops, [q.buffer(r, quad_segs=32) for q in known + [pos]]) / ROUND_TO)
                      * ROUND_TO, 4) for r in radii]

    assert answers_if(truth) == answers  # the simulation is the app's figure
    home = zones[zones.contains(truth)].geometry.iloc[0]
    step = 400.0
    candidates = [Point(truth.x + dx, truth.y + dy) for dx in np.arange(-2400, 2401, step)
                  for dy in np.arange(-2400, 2401, step)]
    candidates = [c for c in candidates if zones.geometry.union_all().contains(c)]
    consistent = [c for c in candidates if answers_if(c) == answers]
    assert truth in consistent or any(c.distance(truth) < 1 for c in consistent)
    outside = [c for c in consistent if not home.contains(c)]
    assert outside, "the answers pin the shelter inside its neighbourhood"
    spread = gpd.GeoSeries(consistent).union_all().convex_hull.buffer(step / 2).area
    assert spread >= home.area
