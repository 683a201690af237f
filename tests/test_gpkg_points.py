"""``ProjectEdit.write_points``: a point layer written by SQL in the project's transaction
(``project.gpkg_points``) is the layer GDAL writes from the same frame, its R-tree bulk-loaded
into SQLite's own format, and it is as atomic as every other write of ``Project.edit()``."""

from __future__ import annotations

import math
import sqlite3

import numpy as np
import pandas as pd
import pytest

from assetmap.layers import LayerInfo, LayerRole
from assetmap.project import Project, gpkg_points
from assetmap.project.points import points_frame, to_crs

COLUMNS = {
    "id": ["a", "b", "c", "d", "e"],
    "name": ["Ñandú café", "", "x'y\"z", "  spaced  ", "last"],
    "empty": ["", "", "", "", ""],
    "none": [None, "n", None, None, ""],
}
LON = np.array([-90.25, math.nan, -90.2, 0.0, -90.3])
LAT = np.array([38.6, 38.7, math.nan, -0.0, 38.55])


def _info() -> LayerInfo:
    return LayerInfo(name="pts", role=LayerRole.HUBS, display_name="Some points")


def _snapshot(path) -> dict:
    """Everything about the layer that GDAL, QGIS and assetmap read."""
    out = {}
    with sqlite3.connect(path) as con:
        out["ddl"] = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                 "WHERE tbl_name LIKE '%pts%' ORDER BY name").fetchall()
        out["rows"] = con.execute('SELECT * FROM "pts" ORDER BY fid').fetchall()
        out["rtree"] = con.execute('SELECT * FROM "rtree_pts_geom" ORDER BY id').fetchall()
        out["rtreecheck"] = con.execute("SELECT rtreecheck('rtree_pts_geom')").fetchone()[0]
        out["contents"] = con.execute("SELECT table_name, data_type, identifier, description, min_x, min_y, "
                                      "max_x, max_y, srs_id FROM gpkg_contents WHERE table_name='pts'").fetchall()
        out["geometry"] = con.execute("SELECT * FROM gpkg_geometry_columns WHERE table_name='pts'").fetchall()
        out["extensions"] = con.execute("SELECT * FROM gpkg_extensions WHERE table_name='pts'").fetchall()
        out["sequence"] = con.execute("SELECT * FROM sqlite_sequence WHERE name='pts'").fetchall()
        out["meta"] = con.execute("SELECT role, display_name, geometry_type, feature_count FROM assetmap_layers "
                                  "WHERE name='pts'").fetchall()
    return out


@pytest.mark.parametrize("crs", ["EPSG:4326", "EPSG:26915"])
def test_write_points_is_the_gdal_write_of_the_same_frame(tmp_path, crs):
    direct = Project.create(tmp_path / "direct.gpkg", crs=crs)
    gdal = Project.create(tmp_path / "gdal.gpkg", crs=crs)
    x, y = to_crs(LON, LAT, "EPSG:4326", crs)
    frame = points_frame(COLUMNS, x, y, crs)
    for _ in range(2):   # a UTM project learns its CRS on the first write (through GDAL); the second is SQL
        with direct.edit() as tx:
            tx.write_points(_info(), COLUMNS, LON, LAT, crs="EPSG:4326", replace=True)
        with gdal.edit() as tx:
            tx.write_layer(frame, _info(), replace=True)
    with sqlite3.connect(direct.path) as con:   # the second write did take the SQL path
        assert gpkg_points.srs_id(con, crs) is not None
    a, b = _snapshot(direct.path), _snapshot(gdal.path)
    for key in a:
        assert a[key] == b[key], key
    assert a["rtreecheck"] == "ok" and len(a["rtree"]) == 3
    pd.testing.assert_frame_equal(direct.read_layer("pts"), gdal.read_layer("pts"))


def test_without_a_placed_point_gdal_writes_it(tmp_path):
    p = Project.create(tmp_path / "p.gpkg")
    nan = np.full(2, math.nan)
    with p.edit() as tx:
        tx.write_points(_info(), {"id": ["a", "b"]}, nan, nan)
    layer = p.read_layer("pts")
    assert layer["id"].tolist() == ["a", "b"] and layer.geometry.isna().all()


def test_points_are_indexed_and_edits_keep_the_index(tmp_path):
    p = Project.create(tmp_path / "p.gpkg")
    rng = np.random.default_rng(3)
    n = 3000
    lon, lat = rng.uniform(-90.3, -90.2, n), rng.uniform(38.5, 38.7, n)
    with p.edit() as tx:
        tx.write_points(_info(), {"id": [str(i) for i in range(n)]}, lon, lat)
    layer = p.read_layer("pts", bbox=(-90.26, 38.6, -90.24, 38.62))   # GDAL answers from the R-tree
    inside = (lon >= -90.26) & (lon <= -90.24) & (lat >= 38.6) & (lat <= 38.62)
    assert sorted(layer["id"].astype(int)) == np.flatnonzero(inside).tolist()
    from assetmap.project import gpkg

    with gpkg.connect(p.path) as con:   # GDAL's triggers keep the R-tree in step with edits
        con.execute('DELETE FROM "pts" WHERE fid % 3 = 0')
        con.execute('UPDATE "pts" SET geom = ? WHERE fid = 2', (gpkg.point_blob(-90.0, 38.0, 4326),))
        con.commit()
        assert con.execute("SELECT rtreecheck('rtree_pts_geom')").fetchone()[0] == "ok"
        assert con.execute('SELECT count(*) FROM "rtree_pts_geom"').fetchone()[0] == n - n // 3
        assert con.execute('SELECT minx < -89.99 AND maxx > -90.01 FROM "rtree_pts_geom" WHERE id = 2'
                           ).fetchone()[0] == 1


@pytest.mark.parametrize("n", [1, 50, 51, 52, 2601, 5000])
def test_bulk_loaded_rtree_is_the_one_sqlite_builds(n):
    rng = np.random.default_rng(n)
    x, y = rng.uniform(-180, 180, n), rng.uniform(-90, 90, n)
    x[: min(n, 4)] = [0.0, -0.0, 1e-40, 1e300][: min(n, 4)]   # rounding at zero, tiny and huge values
    ids = rng.permutation(n) * 7 + 1
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE bulk USING rtree(id, minx, maxx, miny, maxy)")
    con.execute("CREATE VIRTUAL TABLE one USING rtree(id, minx, maxx, miny, maxy)")
    gpkg_points.fill_rtree(con, "bulk", ids, x, y)
    con.executemany("INSERT INTO one VALUES (?, ?, ?, ?, ?)",
                    zip(ids.tolist(), x.tolist(), x.tolist(), y.tolist(), y.tolist()))
    assert con.execute("SELECT rtreecheck('bulk')").fetchone()[0] == "ok"
    every = "SELECT * FROM {} ORDER BY id"
    assert con.execute(every.format("bulk")).fetchall() == con.execute(every.format("one")).fetchall()
    box = "SELECT id FROM {} WHERE minx <= 10 AND maxx >= -40 AND miny <= 5 AND maxy >= -30 ORDER BY id"
    assert con.execute(box.format("bulk")).fetchall() == con.execute(box.format("one")).fetchall()


def test_rtreecheck_sees_a_broken_tree():
    """The check the tests above rely on does fail on a wrong box."""
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING rtree(id, minx, maxx, miny, maxy)")
    gpkg_points.fill_rtree(con, "t", np.arange(1, 201), np.linspace(0, 1, 200), np.linspace(0, 1, 200))
    root = bytearray(con.execute("SELECT data FROM t_node WHERE nodeno = 1").fetchone()[0])
    root[12:16] = np.array([5.0], dtype=">f4").tobytes()   # the first child's minx above its points
    con.execute("UPDATE t_node SET data = ? WHERE nodeno = 1", (bytes(root),))
    assert con.execute("SELECT rtreecheck('t')").fetchone()[0] != "ok"


def test_a_failed_edit_leaves_the_file_as_it_was(tmp_path):
    p = Project.create(tmp_path / "p.gpkg")
    with p.edit() as tx:
        tx.write_points(_info(), COLUMNS, LON, LAT)
    before = p.path.read_bytes()
    with pytest.raises(RuntimeError):
        with p.edit() as tx:
            tx.write_points(_info(), {"id": ["z"]}, np.array([1.0]), np.array([2.0]), replace=True)
            raise RuntimeError("cancelled")
    assert p.path.read_bytes() == before
    assert p.read_layer("pts")["id"].tolist() == COLUMNS["id"]


def test_gdal_validator_passes_on_a_point_layer_written_by_sql(tmp_path):
    from tests.test_gpkg_validator import problems

    p = Project.create(tmp_path / "p.gpkg")
    with p.edit() as tx:
        tx.write_points(_info(), COLUMNS, LON, LAT)
    assert problems(p.path) == []


def test_names_gdal_would_change_go_through_gdal(tmp_path):
    for names in (["a", "A"], ["fid", "b"], ["GEOM"], ['x"y'], [""]):
        assert not gpkg_points.plain_names(names), names
    assert gpkg_points.plain_names(["id", "name", "Ñandú"])
    p = Project.create(tmp_path / "p.gpkg")
    with p.edit() as tx:
        tx.write_points(_info(), {'x"y': ["v"]}, np.array([1.0]), np.array([2.0]))
    assert p.read_layer("pts")['x"y'].tolist() == ["v"]


def test_point_blobs_are_gpkg_point_blobs():
    from assetmap.project import gpkg

    x = np.array([1.5, math.nan, 38.5, -0.0, 0.0])
    y = np.array([2.0, 1.0, 0.0, 5.0, math.nan])   # 0.0 ends a blob in NUL bytes: kept
    assert gpkg_points.point_blobs(x, y, 26915) == [gpkg.point_blob(1.5, 2.0, 26915), None,
                                                   gpkg.point_blob(38.5, 0.0, 26915),
                                                   gpkg.point_blob(-0.0, 5.0, 26915), None]
