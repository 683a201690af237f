"""Import the three years of St. Louis police incidents (~68,000 rows) into a project."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from run import SHARED, Case

FILES = [SHARED / "stl" / f"slmpd_part1_{y}.csv" for y in (2017, 2018, 2019)]


def import_incidents() -> Case:
    tmp = Path(tempfile.mkdtemp(prefix="assetmap-bench-"))

    def setup() -> None:
        from assetmap.project import Project

        for p in tmp.iterdir():
            p.unlink()
        Project.create(tmp / "ours.gpkg")

    def ours() -> None:
        from assetmap.importers import import_file
        from assetmap.project import Project

        project = Project.open(tmp / "ours.gpkg")
        for f in FILES:
            import_file(project, f, "other", allow_case_records=True)  # case columns acknowledged

    def baseline() -> None:
        import geopandas as gpd
        import pandas as pd

        for f in FILES:
            df = pd.read_csv(f, low_memory=False).dropna(subset=["x", "y"])
            gdf = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df.x, df.y), crs="EPSG:4326")
            gdf.to_file(tmp / "naive.gpkg", layer=f.stem, driver="GPKG")

    return Case(ours=ours, baseline=baseline, setup=setup, teardown=lambda: shutil.rmtree(tmp),
                notes={"rows": 68552})


BENCHMARKS = {"import_incidents": import_incidents}
