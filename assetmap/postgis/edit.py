"""Writes to a shared project: ``PostgisProject.edit()`` mirrors ``Project.edit()``.

One PostgreSQL transaction for several writes: they land together or none does
(a failure, Cancel or killed client rolls back; other users never see half an edit).
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

from assetmap.errors import UserError
from assetmap.layers import sensitivity as sens
from assetmap.layers.info import LayerInfo, effective_sensitivity, stored_extra, validate_layer_name

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from assetmap.postgis.project import PostgisProject

_COLS = ("name", "role", "display_name", "geometry_type", "feature_count", "sort_order", "visible",
         "opacity", "style", "source", "imported_at", "extra")


def _values(info: LayerInfo) -> tuple:
    return (info.name, info.role.value, info.display_name, info.geometry_type, int(info.feature_count),
            int(info.sort_order), int(info.visible), float(info.opacity), json.dumps(info.style),
            info.source, info.imported_at, json.dumps(stored_extra(info)))


def upsert_info(cur, info: LayerInfo) -> None:
    cols = ", ".join(_COLS)
    marks = ", ".join("%s" for _ in _COLS)
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in _COLS[1:])
    cur.execute(f"INSERT INTO assetmap_layers ({cols}) VALUES ({marks}) "
                f"ON CONFLICT (name) DO UPDATE SET {updates}", _values(info))


class PostgisEdit:
    def __init__(self, project: "PostgisProject", con):
        self.project = project
        self.con = con

    def layer_exists(self, name: str) -> bool:
        return self.con.execute(
            "SELECT 1 FROM assetmap_layers WHERE name=%s UNION "
            "SELECT 1 FROM information_schema.tables WHERE table_schema=%s AND table_name=%s",
            (name, self.project.schema, name)).fetchone() is not None

    def write_layer(self, gdf: "gpd.GeoDataFrame", info: LayerInfo, replace: bool = False,
                    keep_fids: bool = False, arrow: bool = False) -> LayerInfo:
        """``keep_fids``: the features keep the fids of ``gdf``'s (integer) index; without it, an
        index named ``fid`` is kept too (what ``read_layer`` gives). ``arrow`` (a hint for the
        GeoPackage's GDAL write) changes nothing here."""
        from assetmap.postgis.publish import copy_layer, resolve_srid

        if keep_fids:
            gdf = gdf.copy()
            gdf.index = gdf.index.astype("int64").rename("fid")
        from assetmap.project.store import geometry_type_of, utc_now

        validate_layer_name(info.name)
        if self.layer_exists(info.name):
            if not replace:
                raise UserError(f"{self.project.path} already has a layer named '{info.name}'.",
                                "Give the new layer another name (--name), or remove the old one first.")
            self.remove_layer(info.name)
        info.feature_count = int(len(gdf))
        info.geometry_type = geometry_type_of(gdf)
        info.imported_at = info.imported_at or utc_now()
        info.sensitivity = effective_sensitivity(info, self._levels().get, self.project.lineage_key)
        crs = gdf.crs if gdf.crs is not None else self.project.crs
        cur = self.con.cursor()
        srid = resolve_srid(cur, crs)
        if gdf.index.name != "fid" or not gdf.index.is_unique or gdf.index.dtype.kind not in "iu":
            gdf = gdf.reset_index(drop=True)
            gdf.index = gdf.index + 1  # GeoPackage fids start at 1
        geom_col = copy_layer(cur, info.name, gdf, srid)
        from pyproj import CRS

        c = CRS.from_user_input(crs)
        auth = c.to_authority(min_confidence=90)
        cur.execute("INSERT INTO assetmap_pg_layers VALUES (%s, %s, %s, %s)",
                    (info.name, geom_col, srid, f"{auth[0]}:{auth[1]}" if auth else c.to_wkt()))
        if info.sort_order <= 0 and not replace:
            cur.execute("UPDATE assetmap_layers SET sort_order = sort_order + 1")
            info.sort_order = 0
        upsert_info(cur, info)
        from assetmap.postgis.roles import grant_new_layer

        grant_new_layer(cur, info.name, info.sensitivity)
        return info

    def write_layer_chunks(self, frames, info: LayerInfo, replace: bool = False) -> LayerInfo:
        """``ProjectEdit.write_layer_chunks`` on the server: the chunks are joined and written
        with one COPY (the memory bound of chunked reading holds for GeoPackage projects only)."""
        import pandas as pd

        frames = [f for f in frames if len(f)]
        if not frames:
            return info
        return self.write_layer(frames[0] if len(frames) == 1 else pd.concat(frames), info, replace=replace)

    def write_points(self, info: LayerInfo, columns: dict[str, list], x, y, crs: str = "EPSG:4326",
                     replace: bool = False) -> LayerInfo:
        """``ProjectEdit.write_points`` on the server: the frame, reprojected to the project's CRS
        as the GeoPackage's write does, goes through ``write_layer``."""
        import numpy as np

        from assetmap.project.points import points_frame, to_crs

        x, y = to_crs(np.asarray(x, dtype=float), np.asarray(y, dtype=float), crs, self.project.crs)
        return self.write_layer(points_frame(columns, x, y, self.project.crs), info, replace=replace, arrow=True)

    def _levels(self) -> dict[str, str]:
        from psycopg.rows import dict_row

        from assetmap.postgis.project import _info

        rows = self.con.cursor(row_factory=dict_row).execute("SELECT * FROM assetmap_layers").fetchall()
        return {i.name: i.sensitivity for i in sens.resolve(_info(r) for r in rows)}

    def update_layer_info(self, info: LayerInfo) -> None:
        levels = self._levels()
        info.sensitivity = sens.highest(info.sensitivity, sens.floor(
            info.role, info.extra, lambda n: None if n == info.name else levels.get(n)))
        upsert_info(self.con.cursor(), info)

    def remove_layer(self, name: str) -> None:
        from psycopg import sql

        self.con.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(sql.Identifier(name)))
        self.con.execute("DELETE FROM assetmap_layers WHERE name=%s", (name,))
        self.con.execute("DELETE FROM assetmap_pg_layers WHERE name=%s", (name,))

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT INTO assetmap_project (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE "
                         "SET value = EXCLUDED.value", (key, str(value)))

    @contextmanager
    def sql(self):
        """The edit's own connection in the same transaction, taking the SQLite-dialect SQL that
        ``ProjectEdit.sql()`` callers write (``?`` placeholders; see sqlcompat.PgCon)."""
        from assetmap.postgis.sqlcompat import PgCon

        yield PgCon(self.con, self.project)


@contextmanager
def edit(project: "PostgisProject") -> Iterator[PostgisEdit]:
    from assetmap.postgis.connect import connect

    from psycopg import errors

    from assetmap.postgis.sqlcompat import refused

    con = connect(project.url, schema=project.schema)
    try:
        with con.transaction():
            yield PostgisEdit(project, con)
    except errors.InsufficientPrivilege as exc:  # roles.py: the database, not the app, decides
        raise refused(project, con, exc) from exc
    finally:
        con.close()
