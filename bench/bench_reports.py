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

from run import SHARED, Case, ratio_at_least

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


ROWS_10M = 10_000_000
DV_SHARE = 0.2  # rows whose description holds DOMESTIC: the rows the filter keeps
NA = ["", "NA", "N/A", "na", "n/a", "NaN", "nan", "NULL", "null", "None", "-"]


def _make_input_10m(tmp: Path) -> Path:
    """A police-like export, generated in a few seconds (resampling 10 M rows through pandas
    would take minutes): real incident locations jittered by tens of metres, random minutes in
    2017–2019 written as the police export writes them, real descriptions plus domestic ones,
    and the export's other kinds of columns so the reader has the same bytes to get through."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    real = pd.concat([pd.read_csv(STL / f"slmpd_part1_{y}.csv", dtype=str, keep_default_na=False,
                                  usecols=["description", "ileads_street", "x", "y"])
                      for y in (2017, 2018, 2019)], ignore_index=True)
    rx, ry = pd.to_numeric(real.x, errors="coerce"), pd.to_numeric(real.y, errors="coerce")
    ok = rx.between(-90.33, -90.16) & ry.between(38.53, 38.78)
    rx, ry = rx[ok].to_numpy(), ry[ok].to_numpy()
    rng = np.random.default_rng(2017)
    n = ROWS_10M
    pick = rng.integers(0, len(rx), n)
    x = rx[pick] + rng.normal(0, 0.0004, n)
    y = ry[pick] + rng.normal(0, 0.0003, n)
    no_xy = rng.random(n) < 0.01
    start = np.datetime64("2017-01-01T00:00", "s").astype("int64")
    minutes = rng.integers(0, 3 * 365 * 24 * 60, n)
    when = pa.array(start + minutes * 60, type=pa.timestamp("s"))
    descs = np.array(sorted(set(real.description.str.strip())) + [
        "ASSLT-AGGRAV-OTH-WPN-3RD-ADULT-DOMESTIC", "ASSLT-AGGRAV-FIREARM-3RD-ADULT-DOMESTIC",
        "ASSAULT 4TH DEGREE-ADULT-DOMESTIC", "ASSLT-AGGRV-KNIFE/CUT-1ST-ADULT-DOMESTIC"], dtype=object)
    n_dv = 4
    dv = rng.random(n) < DV_SHARE
    d_idx = np.where(dv, len(descs) - n_dv + rng.integers(0, n_dv, n), rng.integers(0, len(descs) - n_dv, n))
    d_idx = np.where(~dv & pd.Series(descs[d_idx]).str.contains("DOMESTIC").to_numpy(), 0, d_idx)
    streets = np.array(sorted(set(real.ileads_street)), dtype=object)
    table = pa.table({
        "cs_year": pa.array(2017 + minutes // (365 * 24 * 60)),
        "complaint": pc.binary_join_element_wise(
            pa.array(rng.integers(17, 20, n).astype(str)), pa.array(rng.integers(0, 99999, n).astype(str)), "-"),
        "date_occur": pc.strftime(when, format="%m/%d/%Y %H:%M"),
        "crime": pa.array(rng.integers(10000, 99999, n)),
        "description": pa.array(descs).take(pa.array(d_idx)),
        "ileads_address": pa.array(rng.integers(100, 9999, n)),
        "ileads_street": pa.array(streets).take(pa.array(rng.integers(0, len(streets), n))),
        "neighborhood": pa.array(rng.integers(1, 89, n)),
        "x": pa.array(x, mask=no_xy),
        "y": pa.array(y, mask=no_xy),
    })
    out = tmp / "reports_10m.csv"
    pacsv.write_csv(table, out)
    return out


def _floor_assign(xs, ys, geoms):
    """Unit index per point (first covering unit, -1 outside), the least work we know: a grid
    whose cells no unit boundary comes near take the unit of one of their points; only the
    points of cells the boundaries cross, and one point per other occupied cell, are tested
    against the polygons (bounding box, then prepared polygon)."""
    import numpy as np
    import shapely

    minx, miny, maxx, maxy = shapely.total_bounds(geoms)
    cell = np.sqrt((maxx - minx) * (maxy - miny) / max(len(xs) / 2, 4096))  # about 2 points a cell
    x0, y0 = minx - cell, miny - cell
    nx, ny = int((maxx - x0) / cell) + 2, int((maxy - y0) / cell) + 2
    step = cell / 4
    v = shapely.get_coordinates(shapely.segmentize(shapely.boundary(geoms), step))
    border = np.zeros(nx * ny, bool)
    for dx in (-step, step):
        for dy in (-step, step):
            border[((v[:, 1] + dy - y0) // cell).astype(np.int64) * nx
                   + ((v[:, 0] + dx - x0) // cell).astype(np.int64)] = True
    out = np.full(len(xs), -1, np.int64)
    ix, iy = np.floor((xs - x0) / cell), np.floor((ys - y0) / cell)
    inside = (ix >= 0) & (ix < nx) & (iy >= 0) & (iy < ny)  # NaN is not
    idx = np.flatnonzero(inside)
    c = iy[idx].astype(np.int64) * nx + ix[idx].astype(np.int64)
    on_border = border[c]
    rep = np.full(nx * ny, -1, np.int64)
    rep[c[~on_border]] = idx[~on_border]
    reps = np.flatnonzero(rep >= 0)
    test = np.concatenate([idx[on_border], rep[reps]])
    # Building a Point per tested report for an STRtree query took 3× longer than this loop.
    tx, ty = xs[test], ys[test]
    first = np.full(len(test), -1, np.int64)
    for i, (geom, (gx0, gy0, gx1, gy1)) in enumerate(zip(geoms, shapely.bounds(geoms))):
        cand = np.flatnonzero((first < 0) & (tx >= gx0) & (tx <= gx1) & (ty >= gy0) & (ty <= gy1))
        shapely.prepare(geom)
        first[cand[shapely.intersects_xy(geom, tx[cand], ty[cand])]] = i
    out[test] = first
    cell_unit = np.full(nx * ny, -1, np.int64)
    cell_unit[reps] = first[on_border.sum():]
    out[idx[~on_border]] = cell_unit[c[~on_border]]
    return out


def _case_10m() -> Case:
    tmp = Path(tempfile.mkdtemp(prefix="assetmap-bench-reports10m-"))
    try:
        csv = _make_input_10m(tmp)
        template = tmp / "template.gpkg"

        from assetmap.importers import import_file
        from assetmap.project import Project
        from assetmap.reports.aggregate import areas_units

        import_file(Project.create(template, crs=CRS), STL / "neighborhoods.geojson", "areas", name="neighborhoods")
        areas, _, _ = areas_units(Project.open(template), "neighborhoods")
    except BaseException:
        shutil.rmtree(tmp)
        raise
    geoms = areas.geometry.to_numpy()

    def setup() -> None:
        shutil.copyfile(template, tmp / "ours.gpkg")

    def ours() -> None:
        from assetmap.reports import aggregate_reports

        aggregate_reports(Project.open(tmp / "ours.gpkg"), csv, "dv", areas="neighborhoods",
                          filter_col="description", filter_contains="DOMESTIC",
                          date_col="date_occur", period="quarter")

    def floor():
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.csv as pacsv
        from pyproj import Transformer

        t = pacsv.read_csv(csv, convert_options=pacsv.ConvertOptions(
            include_columns=["x", "y", "date_occur", "description"], null_values=NA,
            strings_can_be_null=True,
            column_types={"x": pa.float64(), "y": pa.float64(), "date_occur": pa.string(),
                          "description": pa.string()}))
        t = t.filter(pc.fill_null(pc.match_substring(t["description"], "DOMESTIC", ignore_case=True), False))
        when = pc.strptime(t["date_occur"], format="%m/%d/%Y %H:%M", unit="s", error_is_null=True)
        quarter = pc.add(pc.multiply(pc.year(when), 4), pc.subtract(pc.quarter(when), 1))
        quarter = pc.fill_null(quarter, -1).to_numpy()
        xs = t["x"].to_numpy().astype(float, copy=True)
        ys = t["y"].to_numpy().astype(float, copy=True)
        Transformer.from_crs("EPSG:4326", CRS, always_xy=True).transform(xs, ys, inplace=True)
        unit = _floor_assign(xs, ys, geoms)
        ok = (unit >= 0) & (quarter >= 0)
        codes, col = np.unique(quarter[ok], return_inverse=True)
        return np.bincount(unit[ok] * len(codes) + col, minlength=len(geoms) * len(codes)).reshape(len(geoms), -1)

    return Case(ours=ours, baseline=floor, setup=setup, teardown=lambda: shutil.rmtree(tmp),
                notes={"rows": ROWS_10M, "units": "neighborhoods", "baseline": "floor",
                       "target": round(1 / 1.2, 3)}, targets=[ratio_at_least(round(1 / 1.2, 3))])


BENCHMARKS = {
    "reports_1m_neighborhoods": lambda: _case(None),
    "reports_1m_hex8": lambda: _case(8),
    "reports_10m_neighborhoods": _case_10m,
}
