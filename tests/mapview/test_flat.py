"""Polygon layers as flat binary arrays (assetmap/mapview/flat.py), checked against shapely."""

from __future__ import annotations

import json
import math

import geopandas as gpd
import numpy as np
import pytest
import shapely

from assetmap.mapview.flat import decode, flat_layer


def _rings_of(geom) -> list[np.ndarray]:
    """Every ring of a (Multi)Polygon, exterior before its holes, as shapely gives them."""
    out = []
    for poly in getattr(geom, "geoms", [geom]):
        out.append(np.asarray(poly.exterior.coords))
        out += [np.asarray(r.coords) for r in poly.interiors]
    return out


def _rings_from_arrays(a, i) -> list[np.ndarray]:
    out = []
    for p in range(a["parts"][i], a["parts"][i + 1]):
        for r in range(a["rings"][p], a["rings"][p + 1]):
            out.append(a["xy"][a["verts"][r]:a["verts"][r + 1]])
    return out


@pytest.fixture()
def mixed():
    """A polygon with a hole, a two-part multipolygon, a plain square; ids not 0..n-1."""
    holed = shapely.box(-90.30, 38.60, -90.20, 38.70).difference(shapely.box(-90.27, 38.63, -90.23, 38.67))
    multi = shapely.MultiPolygon([shapely.box(-90.19, 38.60, -90.18, 38.61), shapely.box(-90.17, 38.60, -90.16, 38.61)])
    square = shapely.box(-90.15, 38.60, -90.14, 38.61)
    g = gpd.GeoDataFrame({"name": ["holed", "multi", "square"], "value": [1.5, np.nan, np.inf],
                          "count": np.array([3, 4, 5], dtype="int64")},
                         geometry=[holed, multi, square], crs=4326, index=[7, 42, 1000])
    return g


def test_arrays_give_back_every_ring_of_every_feature(mixed):
    flat = flat_layer(mixed)
    a = decode(flat.meta, flat.geometry)
    assert a["ids"].tolist() == [7, 42, 1000]
    assert flat.meta["n"] == 3 and flat.meta["nPoly"] == 4 and flat.meta["nRing"] == 5
    for i, geom in enumerate(mixed.geometry):
        want, got = _rings_of(geom), _rings_from_arrays(a, i)
        assert len(got) == len(want)
        for w, g in zip(want, got):
            assert np.allclose(w, g, atol=1e-6)  # float32 relative to the layer's corner: well under 1 m


def test_real_neighbourhoods_round_trip(stl):
    g = gpd.read_file(stl / "neighborhoods.geojson").to_crs(4326)
    g.index = g.index + 1
    flat = flat_layer(g)
    a = decode(flat.meta, flat.geometry)
    assert a["ids"].tolist() == g.index.tolist()
    assert flat.meta["nVert"] == len(shapely.get_coordinates(g.geometry.values))
    for i, geom in enumerate(g.geometry):
        want, got = _rings_of(geom), _rings_from_arrays(a, i)
        assert [len(r) for r in got] == [len(r) for r in want]
        assert all(np.allclose(w, r, atol=1e-6) for w, r in zip(want, got))
    x0, y0, x1, y1 = g.total_bounds
    assert flat.meta["bounds"] == [[pytest.approx(y0), pytest.approx(x0)], [pytest.approx(y1), pytest.approx(x1)]]
    # far smaller than the GeoJSON the page was sent before
    from assetmap.mapview.geojson import layer_geojson

    assert len(flat.geometry) + len(flat.attributes) < len(layer_geojson(g, simplify=0).encode())


def test_projected_layer_is_sent_in_wgs84(stl):
    sp = gpd.read_file(stl / "neighborhoods_stateplane" / "BND_Nhd88_cw.shp")
    assert sp.crs.to_epsg() != 4326
    flat = flat_layer(sp)
    a = decode(flat.meta, flat.geometry)
    want = shapely.get_coordinates(sp.to_crs(4326).geometry.values)
    assert np.allclose(a["xy"], want, atol=1e-6)


def test_attributes_travel_apart_as_json_columns(mixed):
    flat = flat_layer(mixed)
    attrs = json.loads(flat.attributes)
    assert attrs["columns"] == ["name", "value", "count"]
    cols = dict(zip(attrs["columns"], attrs["values"]))
    assert cols["name"] == ["holed", "multi", "square"]
    assert cols["value"] == [1.5, None, None]  # NaN and inf are not numbers in JSON: null
    assert cols["count"] == [3, 4, 5]
    assert b"geometry" not in flat.attributes


def test_confidential_features_are_not_in_either_buffer(mixed):
    mixed["confidential"] = [False, True, False]
    flat = flat_layer(mixed)
    a = decode(flat.meta, flat.geometry)
    assert a["ids"].tolist() == [7, 1000]
    assert b"multi" not in flat.attributes
    # none of the hidden feature's corners either
    hidden = shapely.get_coordinates(mixed.geometry.iloc[1])
    assert not any((np.abs(a["xy"] - p).max(axis=1) < 1e-7).any() for p in hidden)


def test_points_lines_and_huge_ids_keep_the_geojson_path(mixed):
    pts = gpd.GeoDataFrame(geometry=[shapely.Point(0, 0)], crs=4326)
    assert flat_layer(pts) is None
    lines = gpd.GeoDataFrame(geometry=[shapely.LineString([(0, 0), (1, 1)])], crs=4326)
    assert flat_layer(lines) is None
    big = mixed.copy()
    big.index = [1, 2, 2**40]
    assert flat_layer(big) is None
    assert flat_layer(mixed.iloc[:0]) is None


def test_decode_refuses_a_buffer_that_does_not_match(mixed):
    flat = flat_layer(mixed)
    with pytest.raises(ValueError):
        decode(flat.meta, flat.geometry + b"\0\0\0\0")
    assert not math.isnan(decode(flat.meta, flat.geometry)["xy"].sum())


def test_shells_and_holes_are_drawn_turning_opposite_ways(mixed):
    """The page fills with "nonzero": every shell must turn one way and every hole the other
    once the flagged rings are reversed, whatever way the file stored them."""
    geoms = mixed.geometry.values.copy()
    geoms[0] = shapely.orient_polygons(geoms[0], exterior_cw=True)  # its hole anticlockwise
    geoms[2] = shapely.orient_polygons(geoms[2], exterior_cw=False)
    mixed = mixed.set_geometry(gpd.GeoSeries(geoms, index=mixed.index, crs=mixed.crs))
    flat = flat_layer(mixed)
    a = decode(flat.meta, flat.geometry)
    turns = {}
    for p in range(len(a["rings"]) - 1):
        for r in range(a["rings"][p], a["rings"][p + 1]):
            ccw = bool(shapely.is_ccw(shapely.linearrings(a["xy"][a["verts"][r]:a["verts"][r + 1]])))
            turns.setdefault("shell" if r == a["rings"][p] else "hole", set()).add(ccw != bool(a["rev"][r]))
    assert len(turns["shell"]) == 1 and len(turns["hole"]) == 1 and turns["shell"] != turns["hole"]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_ragged_polygons_agree_with_shapely_to_ragged_array(seed):
    """The counted offsets (no per-ring objects) equal shapely's on polygons with and without
    holes, multipolygons whose parts have several holes, and all of them mixed."""
    from assetmap.mapview.flat import ragged_polygons

    rng = np.random.default_rng(seed)
    geoms = []
    for k in range(300):
        x, y = rng.uniform(0, 100, 2)
        shell = shapely.Point(x, y).buffer(rng.uniform(2, 5), quad_segs=int(rng.integers(1, 6)))
        cuts = [shapely.Point(x + dx, y + dy).buffer(0.4) for dx, dy in rng.uniform(-1.2, 1.2, (int(rng.integers(0, 4)), 2))]
        poly = shell.difference(shapely.union_all(cuts)) if cuts else shell
        if rng.random() < 0.3:
            other = shapely.box(x + 10, y + 10, x + 12, y + 12).difference(shapely.box(x + 10.5, y + 10.5, x + 11, y + 11))
            poly = shapely.MultiPolygon(list(getattr(poly, "geoms", [poly])) + [other])
        geoms.append(poly)
    geoms = np.asarray(geoms, dtype=object)
    assert (shapely.get_num_interior_rings(shapely.get_parts(geoms)) > 1).any()
    for subset in (geoms, geoms[shapely.get_type_id(geoms) == 3], geoms[shapely.get_num_interior_rings(geoms) == 0]):
        kind, coords, offsets = shapely.to_ragged_array(subset)
        if kind == shapely.GeometryType.POLYGON:
            offsets = (*offsets, np.arange(len(subset) + 1))
        got = ragged_polygons(subset)
        assert np.array_equal(got[0], coords)
        for mine, theirs in zip(got[1:], offsets):
            assert np.array_equal(mine, theirs)
