"""publish: a GeoPackage project copied to PostGIS reads back the same, layer by layer."""

from __future__ import annotations

import json
import shutil
import sqlite3

import numpy as np
import psycopg
import pytest
import shapely

from assetmap.cli import main
from assetmap.errors import UserError
from assetmap.importers import import_file
from assetmap.postgis import open_any
from assetmap.postgis.connect import schema_of
from assetmap.postgis.project import PostgisProject
from assetmap.postgis.publish import publish
from assetmap.project import Project
from pathlib import Path

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "st_louis_demo.gpkg"


def assert_same_layer(gpkg_df, pg_df):
    assert len(pg_df) == len(gpkg_df)
    assert list(pg_df.index) == list(gpkg_df.index)
    assert list(pg_df.columns) == list(gpkg_df.columns)
    for col in gpkg_df.columns:
        if col == gpkg_df.geometry.name:
            continue
        a, b = gpkg_df[col].tolist(), pg_df[col].tolist()
        for x, y in zip(a, b):
            if isinstance(x, float) and np.isnan(x):
                assert y is None or np.isnan(y), col
            else:
                assert x == y, (col, x, y)
    # Same shapes vertex for vertex (1e-9), and the same CRS.
    assert shapely.equals_exact(gpkg_df.geometry.values, pg_df.geometry.values, tolerance=1e-9).all()
    assert pg_df.crs == gpkg_df.crs


def assert_same_project(gpkg: Project, pg: PostgisProject):
    assert pg.all_meta().items() >= gpkg.all_meta().items()
    assert pg.title == gpkg.title and pg.crs == gpkg.crs
    assert [i.to_dict() for i in pg.layers()] == [i.to_dict() for i in gpkg.layers()]
    for name in gpkg.layer_names():
        assert pg.has_layer(name)
        assert_same_layer(gpkg.read_layer(name), pg.read_layer(name))


def test_publish_demo_project(tmp_path, pg_url, capsys):
    path = tmp_path / "demo.gpkg"
    shutil.copy(DEMO, path)
    assert main(["publish", str(path), pg_url]) == 0
    assert "schema" in capsys.readouterr().out
    pg = open_any(pg_url)
    assert isinstance(pg, PostgisProject) and isinstance(open_any(str(path)), Project)
    assert_same_project(Project.open(path), pg)
    # Every layer has a GiST index and its geometry column the layer's SRID.
    schema = schema_of(pg_url)
    with psycopg.connect(pg_url) as con:
        gist = con.execute("SELECT count(*) FROM pg_indexes WHERE schemaname=%s AND tablename='neighborhoods' "
                           "AND indexdef ILIKE '%%USING gist%%'", (schema,)).fetchone()[0]
        srid = con.execute("SELECT srid, type FROM public.geometry_columns WHERE f_table_schema=%s "
                           "AND f_table_name='neighborhoods'", (schema,)).fetchone()
    assert gist == 1
    assert srid == (4326, "MULTIPOLYGON")


def test_publish_points_and_state_plane_and_other_tables(tmp_path, pg_url):
    path = tmp_path / "p.gpkg"
    Project.create(path, crs="ESRI:102696")
    project = Project.open(path)
    from tests.shared_data import STL as stl
    import_file(project, stl / "neighborhoods_stateplane" / "BND_Nhd88_cw.shp", "areas", name="nhd")
    # Points made from the real neighbourhoods: one per neighbourhood, with text and numbers.
    import geopandas as gpd

    nhd = gpd.read_file(stl / "neighborhoods.geojson")
    pts = nhd.geometry.representative_point()
    csv = tmp_path / "sites.csv"
    nhd.assign(lon=pts.x, lat=pts.y)[["NHD_NAME", "NHD_NUM", "lon", "lat"]].to_csv(csv, index=False)
    import_file(project, csv, "assets", name="locations", x="lon", y="lat", src_crs="EPSG:4326")
    # A feature's own table, as other features keep theirs (assetmap_territory_plans, ...).
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE assetmap_thing (id INTEGER PRIMARY KEY, label TEXT, score REAL, data BLOB)")
        con.execute("INSERT INTO assetmap_thing VALUES (1, 'a', 0.5, x'00ff'), (2, NULL, NULL, NULL)")
    publish(path, pg_url)
    pg = PostgisProject.open(pg_url)
    assert_same_project(project, pg)
    with psycopg.connect(pg_url) as con:
        rows = con.execute("SELECT id, label, score, data FROM assetmap_thing ORDER BY id").fetchall()
    assert rows == [(1, "a", 0.5, b"\x00\xff"), (2, None, None, None)]
    assert pg.read_layer("locations").geometry.geom_type.unique().tolist() == ["Point"]


def test_publish_twice_needs_replace_and_leaves_server_unchanged(tmp_path, pg_url):
    path = tmp_path / "demo.gpkg"
    shutil.copy(DEMO, path)
    publish(path, pg_url)
    Project.open(path).set_meta("title", "changed")
    with pytest.raises(UserError, match="--replace"):
        publish(path, pg_url)
    assert PostgisProject.open(pg_url).title != "changed"
    publish(path, pg_url, replace=True)
    assert PostgisProject.open(pg_url).title == "changed"


def test_cli_layers_equivalent_and_clear_errors(tmp_path, pg_url, capsys):
    path = tmp_path / "demo.gpkg"
    shutil.copy(DEMO, path)
    with pytest.raises(UserError, match="no assetmap project"):
        PostgisProject.open(pg_url)
    publish(path, pg_url)
    pg = open_any(pg_url)
    assert main(["layers", str(path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    ours = [{"name": i.name, "display_name": i.display_name, "role": i.role.value,
             "geometry_type": i.geometry_type, "feature_count": i.feature_count, "crs": pg.crs,
             "visible": i.visible, "sensitivity": i.sensitivity} for i in pg.layers()]
    assert ours == rows
    assert {r["name"]: r["feature_count"] for r in ours}["neighborhoods"] == len(pg.read_layer("neighborhoods"))
    from assetmap.postgis.localserver import free_port

    capsys.readouterr()
    assert main(["publish", str(path), f"postgresql://postgres@127.0.0.1:{free_port()}/assetmap"]) == 2
    assert "Can't connect" in capsys.readouterr().err
