"""Report file -> counts per unit (and period) -> suppressed aggregate layer, in one edit.

The raw rows live only in memory inside ``aggregate_reports``; what is written is the
unit polygons with ``count`` (NULL when suppressed), ``suppressed``, ``period`` and
``rate_per_1000``, plus a summary of totals that obeys the same suppression.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assetmap.errors import UserError
from assetmap.layers.info import LayerInfo, validate_layer_name
from assetmap.layers.roles import LayerRole
from assetmap.reports.suppress import DEFAULT_THRESHOLD, check_threshold, suppress
from assetmap.tasks import TaskContext, ensure

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from assetmap.project import Project

KINDS = ("maltreatment", "dv")
KIND_NAMES = {"maltreatment": "Maltreatment reports", "dv": "Domestic-violence reports"}
ALL_PERIODS = "all"


@dataclass
class AggregateResult:
    """What happened, for the user. Exact counts: shown, never stored as such."""

    layer: str
    kind: str
    units: int
    periods: list[str]
    selected: int          # rows kept by the filter
    read: int              # rows in the file
    in_units: int
    outside: int
    no_coordinates: int
    bad_dates: int
    threshold: int
    suppressed_cells: int
    complementary: int
    stored: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"Counted {self.selected} of {self.read} rows as '{self.kind}' reports into layer "
               f"'{self.layer}' ({self.units} units"
               + (f", {len(self.periods)} periods" if self.periods else "") + ").",
               f"In a unit: {self.in_units}; outside all units: {self.outside}; "
               f"without usable coordinates: {self.no_coordinates}."]
        if self.bad_dates:
            out.append(f"Without a readable date (left out of the periods): {self.bad_dates}.")
        out.append(f"Suppressed {self.suppressed_cells} cells with counts 1–{self.threshold} and "
                   f"{self.complementary} more so that none can be worked out from totals.")
        out.append("No report row or coordinate was stored.")
        out.extend(f"Warning: {w}" for w in self.warnings)
        return out


def _small(n: int, threshold: int):
    """A count as stored in a summary: exact, or the text '1–N' when small."""
    return f"1–{threshold}" if 1 <= n <= threshold else int(n)


def check_smoothing(smooth: str | None, population_field: str | None) -> None:
    from assetmap.risk.smoothing import check_smooth

    if check_smooth(smooth) and population_field is None:
        raise UserError("Smoothed rates need a population.",
                        "Add --population-field FIELD (a field of the areas), or drop --smooth.")


def smoothing_meta(smooth: str | None, threshold: int) -> dict[str, Any]:
    """What the layer says about its smoothed columns (empty without smoothing)."""
    if not smooth:
        return {}
    return {"smooth": smooth, "smooth_imputed_as": (1 + threshold) / 2}


def areas_units(project: "Project", areas: str, population_field: str | None = None):
    """The areas layer sorted by id (the border rule's order), its id and name fields."""
    info = project.layer(areas)
    id_field = (info.extra or {}).get("id_field")
    if not id_field:
        raise UserError(f"The areas layer '{areas}' has no id field, so reports can't be counted per area.",
                        f"Import it again naming its id: assetmap import {project.path} FILE --role areas "
                        "--id-field FIELD --replace. Nothing was stored.")
    gdf = project.read_layer(areas)
    if not gdf.geom_type.isin(["Polygon", "MultiPolygon"]).all():
        raise UserError(f"'{areas}' is not a polygon layer.", "Choose a layer of areas (neighbourhoods, tracts).")
    if id_field not in gdf.columns:
        raise UserError(f"The areas layer '{areas}' lost its id field '{id_field}'.", "Import it again.")
    if population_field is not None and population_field not in gdf.columns:
        cols = ", ".join(c for c in gdf.columns if c != gdf.geometry.name)
        raise UserError(f"The areas layer '{areas}' has no field '{population_field}'.",
                        f"Its fields: {cols}.")
    gdf = gdf.sort_values(id_field, kind="stable").reset_index(drop=True)
    return gdf, id_field, (info.extra or {}).get("name_field")


def count_table(units, period_code, located, n_units: int, labels: dict[int, str]):
    """(units, periods) counts; rows outside, without coordinates or without a date are left out."""
    import numpy as np

    inside = located & (units >= 0)
    if period_code is None:
        return np.bincount(units[inside], minlength=n_units).reshape(n_units, 1), []
    codes = sorted(labels)
    dated = inside & (period_code >= 0)
    col = np.searchsorted(codes, period_code[dated])
    flat = units[dated] * len(codes) + col
    table = np.bincount(flat, minlength=n_units * len(codes)).reshape(n_units, len(codes))
    return table, [labels[c] for c in codes]


def build_layer(units_gdf, id_field: str, name_field: str | None, table, periods: list[str], sup,
                population=None, smooth: str | None = None, threshold: int = DEFAULT_THRESHOLD
                ) -> "gpd.GeoDataFrame":
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    weights = None
    if smooth == "spatial-eb":
        from assetmap.risk.weights import build_weights

        weights = build_weights(units_gdf, "queen", transform="b", allow_islands=True)

    keep = [c for c in (id_field, name_field) if c]
    frames = []
    columns = [(periods[j] if periods else None, table[:, j], sup.cells[:, j]) for j in range(table.shape[1])]
    if periods:
        columns.append((ALL_PERIODS, table.sum(axis=1), sup.unit_totals))
    for label, counts, suppressed in columns:
        df = pd.DataFrame({c: units_gdf[c].to_numpy() for c in keep})
        if label is not None:
            df["period"] = label
        df["count"] = pd.array(np.where(suppressed, 0, counts), dtype="Int64")
        df.loc[suppressed, "count"] = pd.NA
        df["suppressed"] = np.asarray(suppressed, bool)
        if population is not None:
            with np.errstate(divide="ignore", invalid="ignore"):
                rate = counts * 1000.0 / population
            rate = np.where(suppressed | ~np.isfinite(rate) | (population <= 0), np.nan, rate)
            df["rate_per_1000"] = rate
            if smooth is not None:
                # Withheld counts enter imputed (see assetmap.risk.smoothing): nothing published
                # depends on a true withheld count.
                from assetmap.risk.smoothing import smoothed_rates

                r = smoothed_rates(counts, population, smooth=smooth, withheld=suppressed,
                                   threshold=threshold, weights=weights)
                for col, values in r.columns().items():
                    if col != "rate_raw":
                        df[col] = values
        df["geometry"] = units_gdf.geometry.to_numpy()
        frames.append(df)
    out = pd.concat(frames, ignore_index=True)
    return gpd.GeoDataFrame(out, geometry="geometry", crs=units_gdf.crs)


def breakdown_warnings(project, table_name: str, kind: str, units_key: str) -> list[str]:
    """Other aggregate layers of the same kind on the same units (either backend)."""
    out = []
    for other in project.layers_by_role(LayerRole.AGGREGATE):
        meta = (other.extra or {}).get("reports") or {}
        if other.name != table_name and meta.get("kind") == kind and meta.get("units") == units_key:
            # Each layer is protected on its own; two breakdowns of the same reports are not
            # protected against each other (their withheld cells may differ).
            out.append(f"'{other.name}' already holds {kind} counts on the same units. Keep one breakdown per "
                       "file when sharing the project: two can together reveal withheld counts.")
    return out


def aggregate_reports(project: "Project", path, kind: str, *, areas: str, hex_res: int | None = None,
                      hex_size: float | None = None,
                      x: str | None = None, y: str | None = None, src_crs: str | None = None,
                      date_col: str | None = None, period: str | None = None,
                      min_count: int | None = None, name: str | None = None,
                      filter_col: str | None = None, filter_contains: str | None = None,
                      population_field: str | None = None, skip_bad_dates: bool = False,
                      encoding: str | None = None, replace: bool = False, smooth: str | None = None,
                      geocode=None, ctx: TaskContext | None = None) -> AggregateResult:
    """Aggregate a report file into a new layer. The project is untouched unless it all succeeds."""
    from assetmap.reports.assign import assign_units
    from assetmap.reports.source import read_reports

    ctx = ensure(ctx)
    path = Path(path)
    if kind not in KINDS:
        raise UserError(f"Unknown report kind '{kind}'.", f"Use one of: {', '.join(KINDS)}.")
    from assetmap.reports.policy import threshold_for

    threshold = check_threshold(threshold_for(project, min_count))  # the project's one policy
    if not path.is_file():
        raise UserError(f"{path} does not exist." if not path.exists() else f"{path} is not a file.",
                        "Check the file name and folder.")
    if hex_res is not None and hex_size is not None:
        raise UserError("--hex and --hex-size are two kinds of hexagons.", "Choose one.")
    if hex_size is not None and population_field is not None:
        raise UserError("--population-field needs area units: hexagons have no population.",
                        "Drop --hex-size, or drop --population-field.")
    if hex_res is not None and population_field is not None:
        raise UserError("--population-field needs area units: hexagons have no population.",
                        "Drop --hex, or drop --population-field.")
    check_smoothing(smooth, population_field)
    units_key = (f"hex{hex_res}" if hex_res is not None else
                 f"hex{hex_size:g}m".replace(".", "_") if hex_size is not None else areas)
    table_name = validate_layer_name(name or f"{kind}_by_{units_key}")
    if project.has_layer(table_name) and not replace:
        raise UserError(f"{project.path} already has a layer named '{table_name}'.",
                        "Give the new layer another name with --name, or remove the old one first.")
    ctx.progress(0.02, "Reading the areas")
    areas_gdf, id_field, name_field = areas_units(project, areas, population_field)
    ctx.progress(0.1, f"Reading {path.name}")
    rows = read_reports(path, project_crs=project.crs, x=x, y=y, src_crs=src_crs, date_col=date_col,
                        period=period, filter_col=filter_col, filter_contains=filter_contains,
                        skip_bad_dates=skip_bad_dates, encoding=encoding,
                        areas_bounds=tuple(areas_gdf.total_bounds), geocode=geocode)
    if hex_res is not None or hex_size is not None:
        from assetmap.reports.hexgrid import grid_units, hex_units

        units_gdf, unit_field = (hex_units(areas_gdf, hex_res) if hex_res is not None
                                 else grid_units(areas_gdf, hex_size))
        label_field = None
        population = None
    else:
        units_gdf, unit_field, label_field = areas_gdf, id_field, name_field
        population = None
        if population_field is not None:
            import pandas as pd

            population = pd.to_numeric(areas_gdf[population_field], errors="coerce").to_numpy(dtype=float)
    ctx.progress(0.3, "Counting reports per unit")
    # Area units are a layer the backend may join where it lives (a database: in SQL, the rows in
    # a temporary table its COMMIT drops); hexagons exist only here, so they are assigned here.
    placed = None if units_gdf is not areas_gdf else project.assign_points(
        areas, id_field, units_gdf[id_field].tolist(), rows.x, rows.y, rows.located, ctx)
    units, computed_in = placed if placed is not None else (
        assign_units(rows.x, rows.y, units_gdf.geometry.to_numpy(), ctx), None)
    table, periods = count_table(units, period_code=rows.period_code, located=rows.located,
                                 n_units=len(units_gdf), labels=rows.period_labels)
    sup = suppress(table, threshold)
    in_units = int((rows.located & (units >= 0)).sum())
    outside = int((rows.located & (units < 0)).sum())
    result = AggregateResult(
        layer=table_name, kind=kind, units=len(units_gdf), periods=periods, selected=rows.selected,
        read=rows.read, in_units=in_units, outside=outside, no_coordinates=rows.no_coordinates,
        bad_dates=rows.bad_dates, threshold=threshold, suppressed_cells=sup.primary,
        complementary=sup.complementary)
    del rows, units  # the last reference to the report locations
    ctx.progress(0.85, "Writing the aggregate layer")
    gdf = build_layer(units_gdf, unit_field, label_field, table, periods, sup, population, smooth, threshold)
    totals = table.sum(axis=0)
    grand = int(table.sum())
    stored = {
        "reports": {
            "kind": kind, "units": units_key, "hex_size_m": hex_size,
            "unit_field": unit_field, "period": period, "periods": periods,
            "threshold": threshold, "population_field": population_field,
            "total": None if sup.grand_total else grand,
            "period_totals": ({p: (None if sup.period_totals[j] else int(totals[j]))
                               for j, p in enumerate(periods)} if periods else {}),
            # Counts outside the table, suppressed like cells (they are not part of its equations).
            "outside": _small(outside, threshold),
            "no_coordinates": _small(result.no_coordinates, threshold),
            "no_date": _small(result.bad_dates, threshold),
            **smoothing_meta(smooth, threshold),
            **({"computed_in": computed_in} if computed_in else {}),
        }
    }
    result.stored = stored
    result.warnings += breakdown_warnings(project, table_name, kind, units_key)
    info = LayerInfo(name=table_name, role=LayerRole.AGGREGATE,
                     display_name=f"{KIND_NAMES[kind]} by {areas if units_key == areas else 'hexagon'}"
                     + (f" and {period}" if period else ""),
                     source=path.name, extra=stored,
                     style={"field": ("rate_smoothed" if smooth else "rate_per_1000") if population is not None
                            else "count",
                            "suppressed_label": f"1–{threshold}", "suppressed_fill": "hatch"})
    ctx.check()
    with project.edit() as tx:
        tx.write_layer(gdf, info, replace=replace)
    ctx.progress(1.0, "Done")
    return result
