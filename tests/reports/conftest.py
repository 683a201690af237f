from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.shared_data import STL  # noqa: E402
INCIDENTS = STL / "slmpd_part1_2017.csv"


@pytest.fixture(scope="session")
def _template(tmp_path_factory):
    """A project with the 88 neighbourhoods (id NHD_NUM) and their 2017 population."""
    import geopandas as gpd
    import pandas as pd

    from assetmap.importers import import_file
    from assetmap.project import Project

    d = tmp_path_factory.mktemp("reports_template")
    nh = gpd.read_file(STL / "neighborhoods.geojson")
    pop = pd.read_csv(STL / "population_by_neighborhood.csv")[["NHD_NUM", "pop17"]]
    nh = nh.merge(pop, on="NHD_NUM", how="left")
    src = d / "neighborhoods_pop.geojson"
    nh.to_file(src, driver="GeoJSON")
    project = Project.create(d / "template.gpkg", crs="EPSG:4326")
    import_file(project, src, "areas", name="neighborhoods", id_field="NHD_NUM", name_field="NHD_NAME")
    return project.path


@pytest.fixture()
def rproject(_template, tmp_path):
    from assetmap.project import Project

    dst = tmp_path / "proj" / "reports.gpkg"
    dst.parent.mkdir()
    shutil.copyfile(_template, dst)
    return Project.open(dst)


@pytest.fixture(scope="session")
def incidents() -> Path:
    if not INCIDENTS.exists():
        pytest.fail(f"shared data not found at {INCIDENTS}")
    return INCIDENTS


def oracle_counts(path: Path, contains: str, areas):
    """Independent count: pandas + geopandas sjoin (intersects), smallest id wins a border point."""
    import geopandas as gpd
    import pandas as pd

    df = pd.read_csv(path, low_memory=False)
    df = df[df["description"].astype(str).str.contains(contains, case=False, regex=False)]
    total = len(df)
    located = df.dropna(subset=["x", "y"])
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(located.x, located.y), crs="EPSG:4326",
                           index=range(len(located)))
    joined = gpd.sjoin(pts, areas[["NHD_NUM", "geometry"]].to_crs("EPSG:4326"), predicate="intersects")
    first = joined.groupby(level=0)["NHD_NUM"].min()
    counts = first.value_counts()
    return {int(k): int(v) for k, v in counts.items()}, total, total - len(located), len(located) - len(first)
