"""Kernel density surface of report points, computed in memory, stored as a withheld-where-thin
grid of square cells (never the points).

The surface is evaluated at the centres of a regular square grid laid out in the project CRS
when it is in metres, else in the local UTM zone. Each point adds its kernel to the cells
within the kernel's reach: one vectorised pass per *cell offset* of the kernel's footprint
(a few dozen), never a Python loop over points, so 25,000 reports take milliseconds and a
million well under a few seconds.

Privacy. A narrow kernel draws a bump around each report, so the bandwidth has a floor
(``MIN_BANDWIDTH_M``). A cell's value is published only when the reports within the kernel's
reach of its centre (its *support*: every report that adds to it) are 0 or more than the
threshold; a support of 1..N withholds the cell (NULL, ``suppressed``), like a small count.
With periods, the ``all`` row of a cell is the sum of its period rows, so the supports get
the same complementary suppression as counts (``suppress``): no withheld value can be worked
out from the others. Published densities are rounded to 2 significant digits. The Gaussian
kernel is cut at 3 sigma (its reach), so a cell with no support is exactly 0, never a faint
echo of a single report further away.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assetmap.errors import UserError
from assetmap.tasks import TaskContext, ensure

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from assetmap.project import Project

KERNELS = ("quartic", "gaussian")
MIN_BANDWIDTH_M = 300.0
MAX_BANDWIDTH_M = 20_000.0
DEFAULT_BANDWIDTH_M = 500.0
GAUSS_REACH = 3.0          # sigmas
MAX_CELLS = 200_000
MAX_OFFSETS = 4_000        # cells in a kernel's footprint (bandwidth / cell size bounded)


@dataclass
class DensityResult:
    """What happened, for the user (exact numbers shown, not stored)."""

    layer: str
    kind: str
    kernel: str
    bandwidth_m: float
    cell_m: float
    cells: int
    periods: list[str]
    read: int
    selected: int
    in_units: int
    outside: int
    no_coordinates: int
    bad_dates: int
    threshold: int
    withheld: int
    complementary: int
    stored: dict[str, Any] = field(default_factory=dict)

    def lines(self) -> list[str]:
        return [
            f"Kernel density ({self.kernel}, bandwidth {self.bandwidth_m:g} m) of {self.selected} of "
            f"{self.read} rows as '{self.kind}' reports into layer '{self.layer}' ({self.cells} cells of "
            f"{self.cell_m:g} m" + (f", {len(self.periods)} periods" if self.periods else "") + ").",
            f"In the areas: {self.in_units}; outside all areas (left out): {self.outside}; "
            f"without usable coordinates: {self.no_coordinates}."
            + (f" Without a readable date: {self.bad_dates}." if self.bad_dates else ""),
            f"Withheld {self.withheld} cell values with 1–{self.threshold} reports within reach and "
            f"{self.complementary} more so that none can be worked out from the totals.",
            "No report row or coordinate was stored.",
        ]


def check_bandwidth(bandwidth_m: float) -> float:
    bw = float(bandwidth_m)
    if not bw == bw or bw < MIN_BANDWIDTH_M:
        raise UserError(
            f"A kernel bandwidth of {bandwidth_m:g} m is too small: a narrow kernel puts a bump on "
            "each single report, so the surface would show where individual reports are.",
            f"Use {MIN_BANDWIDTH_M:g} m or more (500–1,000 m suits a city). Nothing was stored.")
    if bw > MAX_BANDWIDTH_M:
        raise UserError(f"A kernel bandwidth of {bw:g} m is larger than {MAX_BANDWIDTH_M:g} m.",
                        "Use 500–2,000 m for a city, or count per area instead.")
    return bw


def reach(kernel: str, bandwidth_m: float) -> float:
    """Distance beyond which a report adds nothing to a cell (the support radius)."""
    return bandwidth_m * (GAUSS_REACH if kernel == "gaussian" else 1.0)


def kernel_weights(kernel: str, d2: "np.ndarray", bandwidth_m: float) -> "np.ndarray":
    """Kernel value per km² (each report integrates to 1 report) at squared distances ``d2`` (m²)."""
    import numpy as np

    h2 = bandwidth_m * bandwidth_m
    if kernel == "quartic":
        # Biweight, radius h: 3 / (pi h²) (1 - d²/h²)², as CrimeStat and ArcGIS use it.
        u = 1.0 - d2 / h2
        return np.where(u > 0, 3.0 / (np.pi * h2) * u * u, 0.0) * 1e6
    if kernel == "gaussian":
        w = np.exp(-0.5 * d2 / h2) / (2.0 * np.pi * h2)
        return np.where(d2 <= (GAUSS_REACH * GAUSS_REACH) * h2, w, 0.0) * 1e6
    raise UserError(f"Unknown kernel '{kernel}'.", f"Use one of: {', '.join(KERNELS)}.")


@dataclass
class Grid:
    """Square cells of ``size`` m; cell (row, col) has its centre at ((col+.5)·size, (row+.5)·size)."""

    size: float
    rows: "np.ndarray"     # absolute row index of each kept cell
    cols: "np.ndarray"
    row0: int
    col0: int
    n_rows: int
    n_cols: int

    def centres(self):
        return (self.cols + 0.5) * self.size, (self.rows + 0.5) * self.size

    def flat(self) -> "np.ndarray":
        return (self.rows - self.row0) * self.n_cols + (self.cols - self.col0)


def make_grid(area, size: float) -> Grid:
    """The cells of the grid (aligned on multiples of ``size``) that touch ``area``."""
    import numpy as np
    import shapely

    minx, miny, maxx, maxy = area.bounds
    col0, row0 = int(np.floor(minx / size)), int(np.floor(miny / size))
    n_cols, n_rows = int(np.floor(maxx / size)) - col0 + 1, int(np.floor(maxy / size)) - row0 + 1
    if n_cols * n_rows > MAX_CELLS:
        raise UserError(f"A {size:g} m grid makes {n_cols * n_rows} cells over these areas.",
                        "Choose larger cells (--kde-cell) or a larger bandwidth.")
    rr, cc = np.meshgrid(np.arange(n_rows) + row0, np.arange(n_cols) + col0, indexing="ij")
    rr, cc = rr.ravel(), cc.ravel()
    boxes = shapely.box(cc * size, rr * size, (cc + 1) * size, (rr + 1) * size)
    shapely.prepare(area)
    keep = shapely.intersects(area, boxes)
    return Grid(size, rr[keep], cc[keep], row0, col0, n_rows, n_cols)


def density_grid(x, y, group, n_groups: int, grid: Grid, kernel: str, bandwidth_m: float):
    """(density per km², support count), each (cells, groups), at the kept cells' centres.

    ``group`` (int per point, -1 to leave a point out) is the period column. Loops over the
    kernel footprint's cell offsets only; each offset is one vectorised pass over the points.
    """
    import numpy as np

    ok = (group >= 0) & np.isfinite(x) & np.isfinite(y)
    x, y, group = x[ok], y[ok], group[ok].astype(np.int64)
    s = grid.size
    r = reach(kernel, bandwidth_m)
    k = int(np.ceil(r / s)) + 1
    if (2 * k + 1) ** 2 > MAX_OFFSETS:
        raise UserError(f"Cells of {s:g} m are too small for a {bandwidth_m:g} m kernel.",
                        "Use cells of at least a twentieth of the bandwidth (--kde-cell).")
    n_full = grid.n_rows * grid.n_cols
    dens = np.zeros(n_full * n_groups)
    support = np.zeros(n_full * n_groups, dtype=np.int64)
    pc, pr = np.floor(x / s).astype(np.int64), np.floor(y / s).astype(np.int64)
    r2 = r * r
    for dr in range(-k, k + 1):
        for dc in range(-k, k + 1):
            # Nearest possible distance from a point to this offset's cell centre rules it out early.
            if (max(abs(dr) - 1, 0) * s) ** 2 + (max(abs(dc) - 1, 0) * s) ** 2 > r2:
                continue
            row, col = pr + dr, pc + dc
            d2 = ((col + 0.5) * s - x) ** 2 + ((row + 0.5) * s - y) ** 2
            lr, lc = row - grid.row0, col - grid.col0
            hit = (d2 <= r2) & (lr >= 0) & (lr < grid.n_rows) & (lc >= 0) & (lc < grid.n_cols)
            if not hit.any():
                continue
            idx = ((lr[hit] * grid.n_cols + lc[hit]) * n_groups + group[hit])
            dens += np.bincount(idx, weights=kernel_weights(kernel, d2[hit], bandwidth_m),
                                minlength=len(dens))
            support += np.bincount(idx, minlength=len(support))
    flat = grid.flat()
    return (dens.reshape(n_full, n_groups)[flat], support.reshape(n_full, n_groups)[flat])


def round_sig(values: "np.ndarray", digits: int = 2) -> "np.ndarray":
    """Values rounded to ``digits`` significant digits (as the shortest decimal, so 0.12 is 0.12)."""
    import numpy as np

    return np.array([float(f"{v:.{digits}g}") if np.isfinite(v) else np.nan for v in values], dtype=float)


def _work_crs(areas_gdf):
    crs = areas_gdf.crs
    metric = crs is not None and crs.is_projected and crs.axis_info[0].unit_name in ("metre", "meter")
    return crs if metric else areas_gdf.estimate_utm_crs()


def build_density_layer(grid: Grid, work_crs, project_crs, dens, sup_cells, sup_all, periods):
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    import shapely

    s = grid.size
    polys = shapely.box(grid.cols * s, grid.rows * s, (grid.cols + 1) * s, (grid.rows + 1) * s)
    ids = np.char.add(np.char.add("r", grid.rows.astype(str)), np.char.add("c", grid.cols.astype(str)))
    columns = [(periods[j] if periods else None, dens[:, j], sup_cells[:, j]) for j in range(dens.shape[1])]
    if periods:
        columns.append(("all", dens.sum(axis=1), sup_all))
    frames = []
    for label, values, withheld in columns:
        df = pd.DataFrame({"cell_id": ids})
        if label is not None:
            df["period"] = label
        df["density"] = np.where(withheld, np.nan, round_sig(values))
        df["suppressed"] = np.asarray(withheld, bool)
        df["geometry"] = polys
        frames.append(df)
    gdf = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs=work_crs)
    return gdf.to_crs(project_crs)


def density_reports(project: "Project", path, kind: str, *, areas: str,
                    bandwidth_m: float = DEFAULT_BANDWIDTH_M, kernel: str = "quartic",
                    cell_m: float | None = None, x: str | None = None, y: str | None = None,
                    src_crs: str | None = None, date_col: str | None = None, period: str | None = None,
                    min_count: int | None = None, name: str | None = None, filter_col: str | None = None,
                    filter_contains: str | None = None, skip_bad_dates: bool = False,
                    encoding: str | None = None, replace: bool = False,
                    geocode=None, ctx: TaskContext | None = None) -> DensityResult:
    """A kernel density layer of the reports inside ``areas``. The project is untouched unless it
    all succeeds; the points live only in this function's memory."""
    import numpy as np
    import pyproj
    import shapely

    from assetmap.layers.info import LayerInfo, validate_layer_name
    from assetmap.layers.roles import LayerRole
    from assetmap.reports.aggregate import KIND_NAMES, KINDS, _small, areas_units
    from assetmap.reports.assign import assign_units
    from assetmap.reports.source import read_reports
    from assetmap.reports.suppress import check_threshold, suppress

    ctx = ensure(ctx)
    path = Path(path)
    if kind not in KINDS:
        raise UserError(f"Unknown report kind '{kind}'.", f"Use one of: {', '.join(KINDS)}.")
    if kernel not in KERNELS:
        raise UserError(f"Unknown kernel '{kernel}'.", f"Use one of: {', '.join(KERNELS)}.")
    bw = check_bandwidth(bandwidth_m)
    cell = float(cell_m) if cell_m is not None else bw / 2
    if not cell == cell or not 25 <= cell <= bw * 2:
        raise UserError(f"--kde-cell {cell:g} m doesn't suit a {bw:g} m bandwidth.",
                        f"Use 25 m up to twice the bandwidth ({bw * 2:g} m); the default is half of it.")
    from assetmap.reports.policy import threshold_for

    threshold = check_threshold(threshold_for(project, min_count))  # the project's one policy
    if not path.is_file():
        raise UserError(f"{path} does not exist." if not path.exists() else f"{path} is not a file.",
                        "Check the file name and folder.")
    units_key = f"kde{bw:g}m".replace(".", "_")
    table_name = validate_layer_name(name or f"{kind}_by_{units_key}")
    if project.has_layer(table_name) and not replace:
        raise UserError(f"{project.path} already has a layer named '{table_name}'.",
                        "Give the new layer another name with --name, or remove the old one first.")
    ctx.progress(0.02, "Reading the areas")
    areas_gdf, _, _ = areas_units(project, areas)
    work_crs = _work_crs(areas_gdf)
    work = areas_gdf.to_crs(work_crs)
    grid = make_grid(shapely.union_all(work.geometry.to_numpy()), cell)
    ctx.progress(0.1, f"Reading {path.name}")
    rows = read_reports(path, project_crs=project.crs, x=x, y=y, src_crs=src_crs, date_col=date_col,
                        period=period, filter_col=filter_col, filter_contains=filter_contains,
                        skip_bad_dates=skip_bad_dates, encoding=encoding,
                        areas_bounds=tuple(areas_gdf.total_bounds), geocode=geocode)
    ctx.progress(0.3, "Finding the reports inside the areas")
    unit = assign_units(rows.x, rows.y, areas_gdf.geometry.to_numpy(), ctx)
    inside = rows.located & (unit >= 0)
    if rows.period_code is not None:
        codes = sorted(rows.period_labels)
        group = np.where(inside & (rows.period_code >= 0), np.searchsorted(codes, rows.period_code), -1)
        periods = [rows.period_labels[c] for c in codes]
    else:
        group, periods = np.where(inside, 0, -1), []
    px, py = rows.x, rows.y
    if pyproj.CRS.from_user_input(project.crs) != pyproj.CRS.from_user_input(work_crs):
        tr = pyproj.Transformer.from_crs(project.crs, work_crs, always_xy=True)
        px, py = tr.transform(px, py)
    ctx.check()
    ctx.progress(0.6, "Computing the density surface")
    dens, support = density_grid(np.asarray(px, float), np.asarray(py, float), group,
                                 max(1, len(periods)), grid, kernel, bw)
    result = DensityResult(
        layer=table_name, kind=kind, kernel=kernel, bandwidth_m=bw, cell_m=cell, cells=len(grid.rows),
        periods=periods, read=rows.read, selected=rows.selected, in_units=int(inside.sum()),
        outside=int((rows.located & (unit < 0)).sum()), no_coordinates=rows.no_coordinates,
        bad_dates=rows.bad_dates, threshold=threshold, withheld=0, complementary=0)
    del rows, unit, px, py, group  # the last references to the report locations
    # Supports add up over periods like counts do, and so do the densities: the same
    # complementary suppression keeps a withheld period from being the 'all' minus the rest.
    sup = suppress(support, threshold)
    result.withheld, result.complementary = sup.primary, sup.complementary
    ctx.progress(0.85, "Writing the density layer")
    gdf = build_density_layer(grid, work_crs, areas_gdf.crs, dens, sup.cells, sup.unit_totals, periods)
    stored = {"reports": {
        "kind": kind, "units": units_key, "unit_field": "cell_id", "measure": "density",
        "value_field": "density", "value_label": "Reports per km²", "kernel": kernel,
        "bandwidth_m": bw, "cell_m": cell, "period": period, "periods": periods,
        "threshold": threshold, "areas": areas,
        "outside": _small(result.outside, threshold),
        "no_coordinates": _small(result.no_coordinates, threshold),
        "no_date": _small(result.bad_dates, threshold)}}
    result.stored = stored
    info = LayerInfo(
        name=table_name, role=LayerRole.AGGREGATE,
        display_name=f"{KIND_NAMES[kind]} per km² (kernel density, {bw:g} m)"
        + (f" by {period}" if period else ""),
        source=path.name, extra=stored,
        style={"kind": "graduated", "field": "density", "scheme": "quantiles", "k": 6, "ramp": "YlOrRd",
               "fill_opacity": 0.8, "stroke": "#b0b0b0", "weight": 0.2,
               "suppressed_label": f"withheld: 1–{threshold} reports within {reach(kernel, bw):g} m",
               "suppressed_fill": "hatch"})
    ctx.check()
    with project.edit() as tx:
        tx.write_layer(gdf, info, replace=replace)
    ctx.progress(1.0, "Done")
    return result
