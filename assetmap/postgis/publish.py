"""``assetmap publish``: copy a GeoPackage project into a PostGIS schema, in one transaction.

Every layer becomes a PostGIS table (``fid`` primary key, a typed geometry column
with the layer's SRID, a GiST index); ``assetmap_project``, ``assetmap_layers``
and every other ``assetmap_*`` table are copied column by column with their
types mapped. ``assetmap_pg_layers`` records where each layer's geometry is and
its exact CRS, so the project reads back as it was. Nothing is visible to other
sessions until the final COMMIT; any failure leaves the server as it was.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assetmap.errors import UserError
from assetmap.postgis.connect import check_identifier, connect, redact, require_postgis, schema_of
from assetmap.postgis.types import pg_type_for_dtype, pg_type_for_sqlite, python_value

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.tasks import TaskContext

PG_LAYERS_SQL = """
CREATE TABLE assetmap_pg_layers (
  name text PRIMARY KEY,
  geometry_column text NOT NULL,
  srid integer NOT NULL,
  crs text NOT NULL
)"""


def resolve_srid(cur, crs) -> int:
    """The spatial_ref_sys SRID of a CRS, adding a row (900001+) for one PostGIS does not know."""
    from pyproj import CRS

    crs = CRS.from_user_input(crs)
    auth = crs.to_authority(min_confidence=90)
    if auth:
        row = cur.execute("SELECT srid FROM public.spatial_ref_sys WHERE upper(auth_name)=%s AND auth_srid=%s",
                          (auth[0].upper(), int(auth[1]))).fetchone()
        if row:
            return int(row[0])
    wkt = crs.to_wkt()
    row = cur.execute("SELECT srid FROM public.spatial_ref_sys WHERE auth_name='assetmap' AND srtext=%s",
                      (wkt,)).fetchone()
    if row:
        return int(row[0])
    srid = cur.execute("SELECT coalesce(max(srid), 900000) + 1 FROM public.spatial_ref_sys "
                       "WHERE srid BETWEEN 900001 AND 998999").fetchone()[0]
    cur.execute("INSERT INTO public.spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text) "
                "VALUES (%s, 'assetmap', %s, %s, %s)", (srid, srid, wkt, crs.to_proj4() or ""))
    return int(srid)


def _geometry_type(gdf) -> str:
    import shapely

    geoms = gdf.geometry.values
    kinds = {g.geom_type for g in geoms if g is not None and not g.is_empty}
    z = bool(len(geoms)) and bool(shapely.has_z(geoms[~shapely.is_missing(geoms)]).any())
    base = kinds.pop() if len(kinds) == 1 else "Geometry"
    return base + ("Z" if z and base != "Geometry" else "")


def copy_layer(cur, name: str, gdf, srid: int) -> str:
    """Create and fill one layer table; returns its geometry column name."""
    import shapely
    from psycopg import sql

    attrs = [c for c in gdf.columns if c != gdf.geometry.name]
    geom_col = "geom" if "geom" not in attrs else "geom_1"
    cols = [sql.SQL("fid bigint PRIMARY KEY")]
    cols += [sql.SQL("{} {}").format(sql.Identifier(c), sql.SQL(pg_type_for_dtype(gdf[c].dtype))) for c in attrs]
    cols.append(sql.SQL("{} geometry({}, {})").format(
        sql.Identifier(geom_col), sql.SQL(_geometry_type(gdf)), sql.Literal(srid)))
    table = sql.Identifier(name)
    cur.execute(sql.SQL("CREATE TABLE {} ({})").format(table, sql.SQL(", ").join(cols)))
    geoms = shapely.set_srid(gdf.geometry.values.copy(), srid) if len(gdf) else []
    ewkb = shapely.to_wkb(geoms, hex=True, include_srid=True) if len(gdf) else []
    names = sql.SQL(", ").join(sql.Identifier(c) for c in ["fid", *attrs, geom_col])
    fids = gdf.index.to_numpy()
    columns = [gdf[c].tolist() for c in attrs]
    with cur.copy(sql.SQL("COPY {} ({}) FROM STDIN").format(table, names)) as cp:
        for i in range(len(gdf)):
            cp.write_row([int(fids[i]), *(python_value(col[i]) for col in columns), ewkb[i]])
    cur.execute(sql.SQL("CREATE INDEX {} ON {} USING GIST ({})").format(
        sql.Identifier(f"{name}_{geom_col}_gist"[:63]), table, sql.Identifier(geom_col)))
    return geom_col


def copy_attribute_table(cur, src: sqlite3.Connection, table: str) -> int:
    """Copy one assetmap_* SQLite table generically (columns, primary key, rows)."""
    from psycopg import sql

    info = src.execute(f'PRAGMA table_info("{table}")').fetchall()
    pk = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5] > 0]
    types = [pg_type_for_sqlite(r[2]) for r in info]
    defs = [sql.SQL("{} {}{}").format(sql.Identifier(r[1]), sql.SQL(t), sql.SQL(" NOT NULL" if r[3] else ""))
            for r, t in zip(info, types)]
    if pk:
        defs.append(sql.SQL("PRIMARY KEY ({})").format(sql.SQL(", ").join(map(sql.Identifier, pk))))
    cur.execute(sql.SQL("CREATE TABLE {} ({})").format(sql.Identifier(table), sql.SQL(", ").join(defs)))
    names = sql.SQL(", ").join(sql.Identifier(r[1]) for r in info)
    n = 0
    with cur.copy(sql.SQL("COPY {} ({}) FROM STDIN").format(sql.Identifier(table), names)) as cp:
        for row in src.execute(f'SELECT * FROM "{table}"'):
            cp.write_row([_cast(v, t, table, c[1]) for v, t, c in zip(row, types, info)])
            n += 1
    _complete_keys(cur, src, table, info, pk)
    return n


def _complete_keys(cur, src: sqlite3.Connection, table: str, info: list, pk: list[str]) -> None:
    """What SQLite gave the table beyond its primary key: a number for new rows of an INTEGER key
    (SQLite's rowid), and its UNIQUE constraints, which INSERT OR REPLACE upserts depend on (an
    attribute table's text key is one since GeoPackage's INTEGER key took the primary key's place)."""
    from assetmap.postgis.sqlcompat import PgCon

    pg = PgCon(cur, None)
    if len(pk) == 1 and next(r[2] for r in info if r[1] == pk[0]).upper() == "INTEGER":
        pg.ensure_identity(table, pk[0])
    for _seq, index, unique, origin, *_ in src.execute(f'PRAGMA index_list("{table}")').fetchall():
        if unique and origin == "u":
            pg.ensure_unique(table, tuple(r[2] for r in src.execute(f'PRAGMA index_info("{index}")')))


def _cast(v: Any, pg_type: str, table: str, column: str) -> Any:
    if v is None:
        return None
    try:
        if pg_type == "bigint":
            return int(v)
        if pg_type == "double precision":
            return float(v)
        if pg_type == "boolean":
            return bool(int(v))
        if pg_type == "bytea":
            return bytes(v)
    except (TypeError, ValueError) as exc:
        raise UserError(f"{table}.{column} holds {v!r}, which is not a {pg_type}.",
                        "Fix that value in the project (or re-save it with assetmap) and publish again.") from exc
    return str(v)


def publish(project_path: str | Path, url: str, *, replace: bool = False,
            ctx: "TaskContext | None" = None) -> dict[str, Any]:
    """Copy the project at ``project_path`` into the schema named by ``url``."""
    from psycopg import sql

    from assetmap.project import Project
    from assetmap.project import gpkg

    project = Project.open(project_path)
    schema = check_identifier(schema_of(url), "schema name")
    layers = project.layers()
    summary: dict[str, Any] = {"schema": schema, "layers": {}, "tables": {}}
    con = connect(url, schema=schema)
    try:
        with con.transaction(), con.cursor() as cur:
            require_postgis(cur, url)
            exists = cur.execute("SELECT 1 FROM information_schema.tables WHERE table_schema=%s "
                                 "AND table_name='assetmap_project'", (schema,)).fetchone()
            if exists and not replace:
                raise UserError(f"{redact(url)} already holds a project in schema '{schema}'.",
                                "Add --replace to overwrite it, or publish to another schema "
                                "(?options=-csearch_path%3DNAME in the URL).")
            cur.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
            cur.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
            cur.execute(PG_LAYERS_SQL)
            total = max(len(layers), 1) + 1
            for i, info in enumerate(layers):
                if ctx is not None:
                    ctx.progress(i / total, f"Publishing layer {info.name}")
                gdf = project.read_layer(info.name)
                crs = gdf.crs if gdf.crs is not None else project.crs
                srid = resolve_srid(cur, crs)
                geom_col = copy_layer(cur, info.name, gdf, srid)
                from pyproj import CRS

                c = CRS.from_user_input(crs)
                auth = c.to_authority(min_confidence=90)
                cur.execute("INSERT INTO assetmap_pg_layers VALUES (%s, %s, %s, %s)",
                            (info.name, geom_col, srid, f"{auth[0]}:{auth[1]}" if auth else c.to_wkt()))
                summary["layers"][info.name] = len(gdf)
            if ctx is not None:
                ctx.progress((total - 1) / total, "Publishing project tables")
            with gpkg.connect(project.path, readonly=True) as src:
                tables = [r[0] for r in src.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'assetmap\\_%' ESCAPE '\\' "
                    "ORDER BY name")]
                from assetmap.survey import repeat_store

                children = repeat_store.child_tables(src)  # one row per repeat instance (members, ...)
                for table in tables + children:
                    summary["tables"][table] = copy_attribute_table(cur, src, table)
                if children:
                    from assetmap.postgis.sqlcompat import PgCon

                    repeat_store.complete_on_postgis(PgCon(cur, None))
            cur.execute("INSERT INTO assetmap_project (key, value) VALUES ('published_from', %s) "
                        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (str(project.path.name),))
    finally:
        con.close()
    return summary
