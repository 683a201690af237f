"""Report aggregation inside PostGIS, under the same privacy rules as assetmap.reports.

The report file is read into memory (assetmap.reports.source), its located rows
are copied into a TEMPORARY table created ``ON COMMIT DROP`` in the same
transaction, counted per area with a spatial join in SQL, and only the
suppressed aggregate layer is written. The temporary table lives in the
session's pg_temp schema, is invisible to every other session, and is dropped
by the COMMIT (or the ROLLBACK): no raw row is ever committed, and a killed
client or server leaves nothing behind (temporary tables are not WAL-logged and
are removed at restart).

A border point goes to the area with the smallest id, as in assetmap.reports.assign.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.layers.info import LayerInfo, validate_layer_name
from assetmap.layers.roles import LayerRole
from assetmap.postgis.connect import connect
from assetmap.tasks import TaskContext, ensure

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.postgis.project import PostgisProject

RAW = "assetmap_raw_reports"

_COUNT_SQL = """
WITH assigned AS (
  SELECT DISTINCT ON (r.rid) r.rid, r.period, a.{id} AS unit
  FROM pg_temp.{raw} r
  JOIN {areas} a ON ST_Intersects(a.{geom}, ST_SetSRID(ST_MakePoint(r.x, r.y), {srid}))
  ORDER BY r.rid, a.{id}
)
SELECT unit, period, count(*) FROM assigned GROUP BY unit, period
"""


def aggregate_reports_db(project: "PostgisProject", path, kind: str, *, areas: str,
                         x: str | None = None, y: str | None = None, src_crs: str | None = None,
                         date_col: str | None = None, period: str | None = None,
                         min_count: int | None = None, name: str | None = None,
                         filter_col: str | None = None, filter_contains: str | None = None,
                         population_field: str | None = None, skip_bad_dates: bool = False,
                         encoding: str | None = None, replace: bool = False, smooth: str | None = None,
                         geocode=None, ctx: TaskContext | None = None):
    """Like ``assetmap.reports.aggregate_reports`` (area units), counting in the database."""
    import numpy as np
    import pandas as pd
    from psycopg import sql

    from assetmap.postgis.publish import copy_layer
    from assetmap.reports.aggregate import (DEFAULT_THRESHOLD, KIND_NAMES, KINDS, AggregateResult, _small,
                                            areas_units, breakdown_warnings, build_layer, check_smoothing,
                                            smoothing_meta)
    from assetmap.reports.source import read_reports
    from assetmap.reports.suppress import check_threshold, suppress

    ctx = ensure(ctx)
    path = Path(path)
    if kind not in KINDS:
        raise UserError(f"Unknown report kind '{kind}'.", f"Use one of: {', '.join(KINDS)}.")
    from assetmap.reports.policy import threshold_for

    threshold = check_threshold(threshold_for(project, min_count))  # the project's one policy
    if not path.is_file():
        raise UserError(f"{path} does not exist.", "Check the file name and folder.")
    check_smoothing(smooth, population_field)
    table_name = validate_layer_name(name or f"{kind}_by_{areas}")
    if project.has_layer(table_name) and not replace:
        raise UserError(f"{project.path} already has a layer named '{table_name}'.",
                        "Give the new layer another name with --name, or remove the old one first.")
    areas_gdf, id_field, name_field = areas_units(project, areas, population_field)
    rows = read_reports(path, project_crs=project.crs, x=x, y=y, src_crs=src_crs, date_col=date_col,
                        period=period, filter_col=filter_col, filter_contains=filter_contains,
                        skip_bad_dates=skip_bad_dates, encoding=encoding,
                        areas_bounds=tuple(areas_gdf.total_bounds), geocode=geocode)
    ids = areas_gdf[id_field].tolist()
    unit_index = {v: i for i, v in enumerate(ids)}
    codes = sorted(rows.period_labels) if rows.period_code is not None else [0]
    periods = [rows.period_labels[c] for c in codes] if rows.period_code is not None else []
    col_of = {c: j for j, c in enumerate(codes)}
    table = np.zeros((len(ids), len(codes)), dtype=np.int64)
    con = connect(project.url)
    try:
        with con.transaction(), con.cursor() as cur:
            geom_col, srid = cur.execute("SELECT geometry_column, srid FROM assetmap_pg_layers WHERE name=%s",
                                         (areas,)).fetchone()
            ctx.progress(0.3, "Counting reports per area in the database")
            cur.execute(sql.SQL("CREATE TEMPORARY TABLE {} (rid integer, x float8, y float8, period integer) "
                                "ON COMMIT DROP").format(sql.Identifier(RAW)))
            located = np.flatnonzero(rows.located)
            pcode = rows.period_code if rows.period_code is not None else np.zeros(len(rows.x), np.int64)
            with cur.copy(sql.SQL("COPY pg_temp.{} FROM STDIN").format(sql.Identifier(RAW))) as cp:
                for i in located:
                    cp.write_row((int(i), float(rows.x[i]), float(rows.y[i]), int(pcode[i])))
            counted = cur.execute(sql.SQL(_COUNT_SQL).format(
                id=sql.Identifier(id_field), raw=sql.Identifier(RAW), areas=sql.Identifier(areas),
                geom=sql.Identifier(geom_col), srid=sql.Literal(int(srid)))).fetchall()
            in_units = 0
            for unit, code, n in counted:
                in_units += n
                if code >= 0 and code in col_of:  # rows without a date stay out of the periods
                    table[unit_index[unit], col_of[code]] += n
            outside = len(located) - in_units
            sup = suppress(table, threshold)
            population = (pd.to_numeric(areas_gdf[population_field], errors="coerce").to_numpy(dtype=float)
                          if population_field else None)
            result = AggregateResult(
                layer=table_name, kind=kind, units=len(ids), periods=periods, selected=rows.selected,
                read=rows.read, in_units=in_units, outside=outside, no_coordinates=rows.no_coordinates,
                bad_dates=rows.bad_dates, threshold=threshold, suppressed_cells=sup.primary,
                complementary=sup.complementary)
            del rows, located, pcode  # the last references to report locations in this process
            gdf = build_layer(areas_gdf, id_field, name_field, table, periods, sup, population, smooth, threshold)
            gdf.index = pd.RangeIndex(1, len(gdf) + 1, name="fid")
            totals = table.sum(axis=0)
            result.stored = {"reports": {
                "kind": kind, "units": areas, "unit_field": id_field, "period": period, "periods": periods,
                "threshold": threshold, "population_field": population_field,
                "total": None if sup.grand_total else int(table.sum()),
                "period_totals": ({p: (None if sup.period_totals[j] else int(totals[j]))
                                   for j, p in enumerate(periods)} if periods else {}),
                "outside": _small(outside, threshold),
                "no_coordinates": _small(result.no_coordinates, threshold),
                "no_date": _small(result.bad_dates, threshold),
                "computed_in": "postgis",
                **smoothing_meta(smooth, threshold),
            }}
            result.warnings += breakdown_warnings(project, table_name, kind, areas)
            ctx.check()
            _write_aggregate(cur, gdf, table_name, int(srid), replace, LayerInfo(
                name=table_name, role=LayerRole.AGGREGATE,
                display_name=f"{KIND_NAMES[kind]} by {areas}" + (f" and {period}" if period else ""),
                source=path.name, extra=result.stored,
                style={"field": ("rate_smoothed" if smooth else "rate_per_1000") if population is not None
                       else "count",
                       "suppressed_label": f"1–{threshold}", "suppressed_fill": "hatch"}), copy_layer)
        # COMMIT happened here: the temporary table went with it.
    finally:
        con.close()
    ctx.progress(1.0, "Done")
    return result


def _write_aggregate(cur, gdf, table_name: str, srid: int, replace: bool, info: LayerInfo, copy_layer) -> None:
    import json

    from psycopg import sql

    from assetmap.postgis.publish import _geometry_type
    from assetmap.project.store import utc_now

    if replace:
        cur.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(sql.Identifier(table_name)))
        cur.execute("DELETE FROM assetmap_layers WHERE name=%s", (table_name,))
        cur.execute("DELETE FROM assetmap_pg_layers WHERE name=%s", (table_name,))
    geom_col = copy_layer(cur, table_name, gdf, srid)
    cur.execute("INSERT INTO assetmap_pg_layers VALUES (%s, %s, %s, %s)",
                (table_name, geom_col, srid, str(gdf.crs.to_string()) if gdf.crs else f"EPSG:{srid}"))
    cur.execute("UPDATE assetmap_layers SET sort_order = sort_order + 1")
    cur.execute(
        "INSERT INTO assetmap_layers (name, role, display_name, geometry_type, feature_count, sort_order, visible, "
        "opacity, style, source, imported_at, extra) VALUES (%s, %s, %s, %s, %s, 0, 1, 1.0, %s, %s, %s, %s)",
        (info.name, info.role.value, info.display_name, _geometry_type(gdf), len(gdf), json.dumps(info.style),
         info.source, utc_now(), json.dumps(dict(info.extra, sensitivity="internal"))))
    from assetmap.postgis.roles import grant_new_layer

    grant_new_layer(cur, table_name, "internal")


def aggregate_reports_any(project, path, kind: str, *, hex_res: int | None = None, hex_size: float | None = None,
                          **kw):
    """``aggregate_reports_db`` for area counts on a shared project, else ``assetmap.reports.aggregate_reports``.

    Hexagons are not a table on the server, so on a shared project they are counted in this process
    exactly as for a GeoPackage (raw rows only in memory) and only the aggregate layer is written."""
    if hasattr(project, "url") and hex_res is None and hex_size is None:
        return aggregate_reports_db(project, path, kind, **kw)
    from assetmap.reports import aggregate_reports

    return aggregate_reports(project, path, kind, hex_res=hex_res, hex_size=hex_size, **kw)
