"""Catchments and coverage against an independent shapely/pyproj computation on real neighbourhoods."""

from __future__ import annotations

import csv
import json
import math

import pytest
from pyproj import Transformer
from shapely.geometry import Point, shape
import shapely
from shapely.ops import unary_union

from assetmap.access.catchments import (areas_layer, catchment_layer, coverage, coverage_summary,
                                        parse_distance)
from assetmap.errors import UserError
from assetmap.hubs import directory
from tests.conftest import run_cli
from tests.hubs.conftest import PLACES

MILE = 1609.344
# St. Louis (-90.2) lies in UTM zone 15N.
_T = Transformer.from_crs("EPSG:4326", "EPSG:32615", always_xy=True)


def transform(_, geom):
    return shapely.transform(geom, _T.transform, interleaved=False)


TO_UTM = None


def _oracle_areas(stl):
    """NHD_NUM -> (UTM polygon, 2017 population) straight from the shared files."""
    fc = json.loads((stl / "neighborhoods.geojson").read_text())
    pops = {}
    with open(stl / "population_by_neighborhood.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            pops[int(row["NHD_NUM"])] = float(row["pop17"])
    return {int(f["properties"]["NHD_NUM"]): (transform(TO_UTM, shape(f["geometry"])),
                                               pops.get(int(f["properties"]["NHD_NUM"]), 0.0))
            for f in fc["features"]}


def _reach(names, dist):
    return unary_union([transform(TO_UTM, Point(*PLACES[n])).buffer(dist, quad_segs=32) for n in names])


@pytest.mark.parametrize("text, metres", [("1mi", MILE), ("800m", 800), ("0.5 km", 500), ("2640ft", 804.672),
                                          ("1 mile", MILE), ("300", 300)])
def test_parse_distance(text, metres):
    assert parse_distance(text) == pytest.approx(metres)


@pytest.mark.parametrize("text", ["", "mi", "1 parsec", "-1mi", "0m"])
def test_parse_distance_rejects(text):
    with pytest.raises(UserError):
        parse_distance(text)


def test_coverage_matches_independent_computation(demo_with_hubs, stl):
    areas, id_field, name_field, pop_field = areas_layer(demo_with_hubs)
    assert pop_field == "population"
    cov = coverage(areas, directory.load(demo_with_hubs), MILE, id_field=id_field, name_field=name_field,
                   population_field=pop_field).set_index("area_id")
    oracle = _oracle_areas(stl)
    assert set(cov.index) == set(oracle)
    # parenting counts the confidential shelter (aggregate use); health does not have it
    reach = {"parenting": _reach(["Saint Louis University", "Tower Grove Park", "Carondelet Park"], MILE),
             "health": _reach(["Tower Grove Park", "Gateway Arch", "Fairground Park"], MILE)}
    for cat, r in reach.items():
        covered = total = 0.0
        for num, (poly, pop) in oracle.items():
            share = poly.intersection(r).area / poly.area
            assert cov.loc[num, f"area_share_{cat}"] == pytest.approx(share, abs=1e-6), (cat, num)
            covered += pop * share
            total += pop
        summary = coverage_summary(cov.reset_index())
        # demo population is the 2017 estimate rounded to whole people
        assert summary[cat]["population_share"] == pytest.approx(covered / total, rel=1e-3)
    assert 0 < cov["area_share_parenting"].mean() < 1
    # nearest public hub from each centroid: never the confidential shelter
    public = {n: transform(TO_UTM, Point(*PLACES[n])) for n in
              ("Saint Louis University", "Tower Grove Park", "Gateway Arch", "Fairground Park")}
    for num, (poly, _) in oracle.items():
        c = poly.centroid
        best = min(public, key=lambda n: c.distance(public[n]))
        assert cov.loc[num, "nearest_hub"] == best
        assert cov.loc[num, "nearest_distance_m"] == pytest.approx(c.distance(public[best]), rel=1e-6)


def test_catchment_layer_in_metres_public_only(demo_with_hubs):
    d = directory.load(demo_with_hubs)
    per_hub = catchment_layer(d, [MILE, 800], by="hub")
    assert len(per_hub) == 8 and "Carondelet Shelter" not in set(per_hub["name"])
    ring = per_hub[(per_hub["name"] == "Gateway Arch") & (per_hub["distance_m"] == MILE)].geometry.iloc[0]
    utm = transform(TO_UTM, ring)
    n = 128
    assert utm.area == pytest.approx(0.5 * n * MILE ** 2 * math.sin(2 * math.pi / n), rel=1e-4)
    per_cat = catchment_layer(d, [MILE], by="category")
    got = per_cat.set_index("category").geometry
    assert set(got.index) == {"parenting", "health"}
    # union of the public parenting hubs only: the shelter's disc is not part of it
    expected = _reach(["Saint Louis University", "Tower Grove Park"], MILE)
    assert transform(TO_UTM, got["parenting"]).symmetric_difference(expected).area < 1e-4 * expected.area
    assert not got["parenting"].contains(Point(*PLACES["Carondelet Park"]))


def test_cli_catchments_and_coverage(demo_with_hubs, tmp_path):
    r = run_cli("catchments", demo_with_hubs.path, "--within", "1mi", "--by", "category", "--service", "parenting")
    assert r.returncode == 0, r.stderr
    info = demo_with_hubs.layer("catchments")
    assert info.role.value == "catchments" and info.feature_count == 1
    r = run_cli("coverage", demo_with_hubs.path, "--within", "1mi", "--json", "--out", tmp_path / "c.csv")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert len(data["areas"]) == 88 and set(data["summary"]) == {"parenting", "health", "dv_advocacy"}
    assert (tmp_path / "c.csv").exists()
    r = run_cli("catchments", demo_with_hubs.path, "--within", "one mile")
    assert r.returncode == 2 and "not a distance" in r.stderr
