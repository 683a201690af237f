"""One million report rows, CSV to counts per St. Louis neighbourhood and per H3 hexagon.

The rows are the real 2017-2019 police incidents resampled (with replacement) to a million,
every column kept, so the reader does the same work as on a real export. Ours is the whole
`aggregate_reports` (read, reproject to the project's UTM CRS, count, suppress, write the
layer); the baseline is the naive geopandas way: read_csv -> points_from_xy -> to_crs ->
sjoin -> groupby. Peak memory (tracemalloc) is reported for both.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from run import SHARED, Case

ROWS = 1_000_000
STL = SHARED / "stl"
CRS = "EPSG:26915"


def _make_input(tmp: Path) -> Path:
    import numpy as np
    import pandas as pd

    frames = [pd.read_csv(STL / f"slmpd_part1_{y}.csv", dtype=str, keep_default_na=False) for y in (2017, 2018, 2019)]
    df = pd.concat(frames, ignore_index=True)
    rng = np.random.default_rng(2017)
    big = df.iloc[rng.integers(0, len(df), ROWS)]
    out = tmp / "reports_1m.csv"
    big.to_csv(out, index=False)
    return out


def _case(hex_res: int | None) -> Case:
    tmp = Path(tempfile.mkdtemp(prefix="assetmap-bench-reports-"))
    csv = _make_input(tmp)
    template = tmp / "template.gpkg"

    from assetmap.importers import import_file
    from assetmap.project import Project

    import_file(Project.create(template, crs=CRS), STL / "neighborhoods.geojson", "areas", name="neighborhoods")
    units = {}

    def setup() -> None:
        shutil.copyfile(template, tmp / "ours.gpkg")
        if "gdf" not in units:
            from assetmap.reports.aggregate import areas_units
            from assetmap.reports.hexgrid import hex_units

            areas, _, _ = areas_units(Project.open(template), "neighborhoods")
            units["gdf"] = hex_units(areas, hex_res)[0] if hex_res else areas
            units["id"] = "h3" if hex_res else "NHD_NUM"

    def ours() -> None:
        from assetmap.reports import aggregate_reports

        aggregate_reports(Project.open(tmp / "ours.gpkg"), csv, "dv", areas="neighborhoods", hex_res=hex_res)

    def baseline():
        import geopandas as gpd
        import pandas as pd

        df = pd.read_csv(csv, low_memory=False)
        pts = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df.x, df.y), crs="EPSG:4326").to_crs(CRS)
        joined = gpd.sjoin(pts, units["gdf"][[units["id"], "geometry"]], predicate="within")
        return joined.groupby(units["id"]).size()

    return Case(ours=ours, baseline=baseline, setup=setup, teardown=lambda: shutil.rmtree(tmp),
                notes={"rows": ROWS, "units": "neighborhoods" if hex_res is None else f"h3 res {hex_res}"},
                measure_memory=True)


BENCHMARKS = {
    "reports_1m_neighborhoods": lambda: _case(None),
    "reports_1m_hex8": lambda: _case(8),
}
