from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.shared_data import SHARED  # noqa: E402
STL = SHARED / "stl"
INCIDENTS_2017 = STL / "slmpd_part1_2017.csv"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"shared data not found at {path}")
    return path


@pytest.fixture(scope="session")
def _stl_template(tmp_path_factory):
    """A project with the 88 St. Louis neighbourhoods (id NHD_NUM) and their 2017 population."""
    import geopandas as gpd
    import pandas as pd

    from assetmap.importers import import_file
    from assetmap.project import Project

    d = tmp_path_factory.mktemp("risk_stl")
    nh = gpd.read_file(_need(STL / "neighborhoods.geojson"))
    pop = pd.read_csv(STL / "population_by_neighborhood.csv")[["NHD_NUM", "pop17"]]
    nh = nh.merge(pop, on="NHD_NUM", how="left")
    src = d / "neighborhoods_pop.geojson"
    nh.to_file(src, driver="GeoJSON")
    project = Project.create(d / "template.gpkg", crs="EPSG:4326")
    import_file(project, src, "areas", name="neighborhoods", id_field="NHD_NUM", name_field="NHD_NAME")
    return project.path


@pytest.fixture()
def stl_project(_stl_template, tmp_path):
    from assetmap.project import Project

    dst = tmp_path / "stl.gpkg"
    shutil.copyfile(_stl_template, dst)
    return Project.open(dst)


@pytest.fixture(scope="session")
def dv_csv(tmp_path_factory) -> Path:
    """The 2017 incidents whose description contains DOMESTIC (the stand-in for DV reports)."""
    import pandas as pd

    df = pd.read_csv(_need(INCIDENTS_2017), low_memory=False)
    df = df[df["description"].astype(str).str.contains("DOMESTIC", case=False, regex=False)]
    out = tmp_path_factory.mktemp("risk_dv") / "dv2017.csv"
    df.to_csv(out, index=False)
    return out


@pytest.fixture(scope="session")
def sids_gdf():
    """NC SIDS (libpysal's sids2, shipped with it): 100 counties, SIDS deaths and births 1974/1979."""
    import geopandas as gpd
    from libpysal.examples import get_path

    gdf = gpd.read_file(get_path("sids2.shp"))
    return gdf.set_crs("EPSG:4269", allow_override=True)


@pytest.fixture(scope="session")
def _sids_template(tmp_path_factory, sids_gdf):
    from assetmap.importers import import_file
    from assetmap.project import Project

    d = tmp_path_factory.mktemp("risk_sids")
    src = d / "sids.geojson"
    sids_gdf.to_file(src, driver="GeoJSON")
    project = Project.create(d / "template.gpkg", crs="EPSG:4326")
    import_file(project, src, "areas", name="counties", id_field="FIPSNO", name_field="NAME")
    return project.path


@pytest.fixture()
def sids(_sids_template, tmp_path):
    from assetmap.project import Project

    dst = tmp_path / "sids.gpkg"
    shutil.copyfile(_sids_template, dst)
    return Project.open(dst)
