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


def _oracle_shares(oracle, reach):
    shares = {num: poly.intersection(reach).area / poly.area for num, (poly, _) in oracle.items()}
    pop_share = sum(pop * shares[n] for n, (_, pop) in oracle.items()) / sum(p for _, p in oracle.values())
    return shares, pop_share


def test_coverage_matches_independent_computation(demo_with_hubs, stl):
    areas, id_field, name_field, pop_field = areas_layer(demo_with_hubs)
    assert pop_field == "population"
    d = directory.load(demo_with_hubs)
    kw = dict(id_field=id_field, name_field=name_field, population_field=pop_field)
    cov = coverage(areas, d, MILE, **kw).set_index("area_id")
    oracle = _oracle_areas(stl)
    assert set(cov.index) == set(oracle)
    public = {"parenting": ["Saint Louis University", "Tower Grove Park"],
              "health": ["Tower Grove Park", "Gateway Arch", "Fairground Park"]}
    assert sorted(c for c in cov.columns if c.startswith("area_share_")) == ["area_share_health",
                                                                            "area_share_parenting"]
    for cat, names in public.items():
        shares, pop_share = _oracle_shares(oracle, _reach(names, MILE))
        for num, share in shares.items():
            assert cov.loc[num, f"area_share_{cat}"] == pytest.approx(share, abs=1e-6), (cat, num)
        # demo population is the 2017 estimate rounded to whole people
        assert coverage_summary(cov.reset_index())[cat]["population_share"] == pytest.approx(pop_share, rel=1e-3)
    assert 0 < cov["area_share_parenting"].mean() < 1
    # the whole-city summary may count the confidential shelter at Carondelet Park
    full = coverage_summary(coverage(areas, d, MILE, include_confidential=True, **kw))
    _, pop_share = _oracle_shares(oracle, _reach(public["parenting"] + ["Carondelet Park"], MILE))
    assert full["parenting"]["population_share"] == pytest.approx(pop_share, rel=1e-3)
    assert full["parenting"]["population_share"] > coverage_summary(cov.reset_index())["parenting"]["population_share"]
    assert "dv_advocacy" in full
    # nearest public hub from each centroid: never the confidential shelter
    pts = {n: transform(TO_UTM, Point(*PLACES[n])) for n in
           ("Saint Louis University", "Tower Grove Park", "Gateway Arch", "Fairground Park")}
    for num, (poly, _) in oracle.items():
        c = poly.centroid
        best = min(pts, key=lambda n: c.distance(pts[n]))
        assert cov.loc[num, "nearest_hub"] == best
        assert cov.loc[num, "nearest_distance_m"] == pytest.approx(c.distance(pts[best]), rel=1e-6)


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


def test_cli_catchments_and_coverage(demo_with_hubs, tmp_path, backend):
    t = backend.target(demo_with_hubs)
    r = run_cli("catchments", t, "--within", "1mi", "--by", "category", "--service", "parenting")
    assert r.returncode == 0, r.stderr
    info = backend.open(t).layer("catchments")
    assert info.role.value == "catchments" and info.feature_count == 1
    r = run_cli("coverage", t, "--within", "1mi", "--json", "--out", tmp_path / "c.csv",
                "--layer", "coverage_1mi")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert len(data["areas"]) == 88 and set(data["summary"]) == {"parenting", "health"}
    assert set(data["summary_with_confidential"]) == {"parenting", "health", "dv_advocacy"}
    assert not any("dv_advocacy" in k for k in data["areas"][0])
    assert (tmp_path / "c.csv").exists()
    layer = backend.open(t).read_layer("coverage_1mi")
    assert len(layer) == 88 and "area_share_dv_advocacy" not in layer.columns
    by_id = {a["area_id"]: a["area_share_parenting"] for a in data["areas"]}
    assert all(by_id[i] == pytest.approx(v) for i, v in zip(layer["area_id"], layer["area_share_parenting"]))
    r = run_cli("catchments", t, "--within", "one mile")
    assert r.returncode == 2 and "not a distance" in r.stderr
