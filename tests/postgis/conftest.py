"""Fixtures of the postgis tests. The server itself (`pg_server`, `pg_url`, `durable_pg_server`) is
shared with the CLI tests on both backends: tests/backends.py, imported by tests/conftest.py."""

from __future__ import annotations


import pytest

from tests.shared_data import STL  # noqa: E402


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
