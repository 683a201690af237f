"""Report points placed in areas inside PostGIS, for ``assetmap.reports.aggregate_reports``.

There is one aggregation, ``assetmap.reports.aggregate.aggregate_reports``, for both backends
and for the CLI and the window alike. It reads the report file into memory
(assetmap.reports.source) and asks the project to ``assign_points``; a ``PostgisProject``
answers here: the located points (coordinates only: no id, date or description) are copied
into a TEMPORARY table created ``ON COMMIT DROP``, joined to the areas in SQL, and each
point's area comes back. The temporary table lives in the session's pg_temp schema, is
invisible to every other session, and is dropped by the COMMIT (or the ROLLBACK): no raw row
is ever committed, and a killed client or server leaves nothing behind (temporary tables are
not WAL-logged and are removed at restart). Counting, suppression and the layer write are
the core's, the same as for a GeoPackage.

A border point goes to the area with the smallest id, as in assetmap.reports.assign.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assetmap.postgis.connect import connect
from assetmap.tasks import TaskContext

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.postgis.project import PostgisProject

RAW = "assetmap_raw_reports"

_ASSIGN_SQL = """
SELECT DISTINCT ON (r.rid) r.rid, a.{id}
FROM pg_temp.{raw} r
JOIN {areas} a ON ST_Intersects(a.{geom}, ST_SetSRID(ST_MakePoint(r.x, r.y), {srid}))
ORDER BY r.rid, a.{id}
"""


def assign_in_database(project: "PostgisProject", areas: str, id_field: str, ids: list, x, y, located,
                       ctx: TaskContext | None = None):
    """Index into ``ids`` of the area of each located point (-1: none), by a spatial join in SQL."""
    import numpy as np
    from psycopg import sql

    unit_index = {v: i for i, v in enumerate(ids)}
    units = np.full(len(x), -1, dtype=np.int64)
    con = connect(project.url, schema=project.schema)
    try:
        with con.transaction(), con.cursor() as cur:
            geom_col, srid = cur.execute("SELECT geometry_column, srid FROM assetmap_pg_layers WHERE name=%s",
                                         (areas,)).fetchone()
            if ctx is not None:
                ctx.progress(0.3, "Counting reports per area in the database")
            cur.execute(sql.SQL("CREATE TEMPORARY TABLE {} (rid integer, x float8, y float8) "
                                "ON COMMIT DROP").format(sql.Identifier(RAW)))
            with cur.copy(sql.SQL("COPY pg_temp.{} FROM STDIN").format(sql.Identifier(RAW))) as cp:
                for i in np.flatnonzero(located):
                    cp.write_row((int(i), float(x[i]), float(y[i])))
            for rid, unit in cur.execute(sql.SQL(_ASSIGN_SQL).format(
                    id=sql.Identifier(id_field), raw=sql.Identifier(RAW), areas=sql.Identifier(areas),
                    geom=sql.Identifier(geom_col), srid=sql.Literal(int(srid)))):
                units[rid] = unit_index.get(unit, -1)
        # COMMIT happened here: the temporary table went with it.
    finally:
        con.close()
    return units


def aggregate_reports_db(project: "PostgisProject", path, kind: str, **kw):
    """``assetmap.reports.aggregate_reports`` (kept for older callers: it counts in the database
    on a shared project by itself)."""
    from assetmap.reports import aggregate_reports

    return aggregate_reports(project, path, kind, **kw)


def aggregate_reports_any(project, path, kind: str, **kw):
    """``assetmap.reports.aggregate_reports`` (kept for older callers)."""
    from assetmap.reports import aggregate_reports

    return aggregate_reports(project, path, kind, **kw)
