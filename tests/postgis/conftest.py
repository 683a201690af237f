"""A real PostgreSQL + PostGIS server for the postgis tests, started once per session."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest


def _server(fsync: bool):
    from assetmap.postgis.localserver import LocalServer, ServerError, cleanup_stale

    cleanup_stale(Path(tempfile.gettempdir()))  # servers of an earlier run that was killed
    root = Path(tempfile.mkdtemp(prefix="assetmap-pg-"))
    root.chmod(0o755)  # the server may run as the postgres user and must reach its folder
    try:
        return LocalServer(root / "pg", fsync=fsync).init()
    except ServerError as exc:
        shutil.rmtree(root, ignore_errors=True)
        # In CI the server must run; on a laptop without PostgreSQL the rest of the suite still runs.
        if os.environ.get("CI"):
            pytest.fail(str(exc), pytrace=False)
        pytest.skip(f"no PostgreSQL + PostGIS server: {exc}")


@pytest.fixture(scope="session")
def pg_server():
    server = _server(fsync=False)
    yield server
    server.stop()
    shutil.rmtree(server.root.parent, ignore_errors=True)


@pytest.fixture
def durable_pg_server():
    """Its own server with fsync on: the kill/restart test must not be fooled by lost writes."""
    server = _server(fsync=True)
    yield server
    server.stop()
    shutil.rmtree(server.root.parent, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server, request):
    """A URL on a fresh schema per test, so tests never see each other's tables."""
    import psycopg

    schema = "t_" + request.node.name.lower().translate({ord(c): "_" for c in "[]-. /"})[:50]
    with psycopg.connect(pg_server.url(), autocommit=True) as con:
        con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    return pg_server.url() + f"?options=-csearch_path%3D{schema}"


STL = Path(__file__).resolve().parents[3] / "shared" / "data" / "stl"


@pytest.fixture(scope="session")
def areas_gpkg(tmp_path_factory):
    """A project with the 88 neighbourhoods (id NHD_NUM, name NHD_NAME) and their 2017 population."""
    import geopandas as gpd
    import pandas as pd

    from assetmap.importers import import_file
    from assetmap.project import Project

    if not STL.exists():
        pytest.fail(f"shared data not found at {STL}")
    d = tmp_path_factory.mktemp("pg_areas")
    nh = gpd.read_file(STL / "neighborhoods.geojson")
    pop = pd.read_csv(STL / "population_by_neighborhood.csv")[["NHD_NUM", "pop17"]]
    src = d / "neighborhoods_pop.geojson"
    nh.merge(pop, on="NHD_NUM", how="left").to_file(src, driver="GeoJSON")
    project = Project.create(d / "areas.gpkg", crs="EPSG:4326")
    import_file(project, src, "areas", name="neighborhoods", id_field="NHD_NUM", name_field="NHD_NAME")
    return project.path
