"""Writes inside ``Project.edit()``: every layer and table change of one edit on the project's
one open SQLite transaction. GDAL cannot join that transaction, so a layer it writes is staged in
a private GeoPackage beside the project and copied in (``write_layer``); a point layer of text
columns is written by SQL directly (``write_points``, ``gpkg_points``)."""

from __future__ import annotations

import functools
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from assetmap.errors import UserError
from assetmap.layers.info import LayerInfo, effective_sensitivity, validate_layer_name
from assetmap.project import gpkg
from assetmap.project.files import _private_copy_path
from assetmap.project.store import _levels, _upsert_info, at_floor, geometry_type_of, utc_now

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from assetmap.project.store import Project


class ProjectEdit:
    """Writes made inside ``Project.edit()``, all on one open transaction."""

    def __init__(self, project: Project, con: sqlite3.Connection):
        self.project = project
        self.con = con
        self._stages: list[tuple[str, Path]] = []

    def layer_exists(self, name: str) -> bool:
        return self.con.execute(
            "SELECT 1 FROM gpkg_contents WHERE lower(table_name)=lower(?) "
            "UNION SELECT 1 FROM assetmap_layers WHERE name=?", (name, name)
        ).fetchone() is not None

    def write_layer(self, gdf: "gpd.GeoDataFrame", info: LayerInfo, replace: bool = False,
                    keep_fids: bool = False, arrow: bool = False) -> LayerInfo:
        """``keep_fids``: the features keep the fids of ``gdf``'s (integer) index. ``arrow``: GDAL
        takes the frame as one Arrow table, not column by column (faster; for frames whose
        columns Arrow converts as they are, such as text and numbers)."""
        import pyogrio

        validate_layer_name(info.name)
        if keep_fids:  # GDAL takes the fids from a column named like the FID column
            gdf = gdf.copy()
            gdf.insert(0, "fid", gdf.index.astype("int64"))
            gdf = gdf.reset_index(drop=True)
        self._make_room(info, replace)
        self._describe(info, int(len(gdf)), geometry_type_of(gdf))
        kwargs: dict[str, Any] = {}
        if len(gdf) == 0:
            kwargs["geometry_type"] = info.geometry_type or "Unknown"
        stage = self._new_stage()
        with _stage_unsynced():
            pyogrio.write_dataframe(
                gdf, stage, layer=info.name, driver="GPKG", promote_to_multi=None,
                layer_options={"DESCRIPTION": info.display_name, "FID": "fid"}, use_arrow=arrow, **kwargs,
            )
        alias = f"stage{len(self._stages)}"
        # ATTACH works inside a transaction (DETACH only after it ends: see _cleanup).
        self.con.execute(f"ATTACH DATABASE ? AS {alias}", (str(stage),))
        self._stages.append((alias, stage))
        gpkg.copy_feature_table(self.con, alias, info.name)
        return self._register(info, replace)

    def write_points(self, info: LayerInfo, columns: dict[str, list], x, y, crs: str = "EPSG:4326",
                     replace: bool = False) -> LayerInfo:
        """A layer of points with text columns (values str or None), x and y in ``crs`` (NaN: no
        position), as ``write_layer`` of ``points.points_frame(columns, x, y, crs)`` in the
        project's CRS writes it. Written by SQL in this transaction (``gpkg_points``) when the
        project knows its CRS; through GDAL otherwise (a CRS it has not seen yet, no placed point,
        column names GDAL would have to change)."""
        import numpy as np

        from assetmap.project import gpkg_points
        from assetmap.project.points import points_frame, to_crs

        validate_layer_name(info.name)
        x, y = to_crs(np.asarray(x, dtype=float), np.asarray(y, dtype=float), crs, self.project.crs)
        srs = gpkg_points.srs_id(self.con, self.project.crs)
        placed = ~(np.isnan(x) | np.isnan(y))
        if srs is None or not placed.any() or not np.isfinite(x[placed]).all() or not np.isfinite(y[placed]).all() \
                or not gpkg_points.plain_names(columns):
            return self.write_layer(points_frame(columns, x, y, self.project.crs), info, replace=replace, arrow=True)
        self._make_room(info, replace)
        self._describe(info, len(x), "Point")
        gpkg_points.write_point_table(self.con, info.name, info.display_name, columns, x, y, srs)
        return self._register(info, replace)

    def _make_room(self, info: LayerInfo, replace: bool) -> None:
        """Remove the layer ``info`` names when ``replace`` allows it; refuse otherwise."""
        if self.layer_exists(info.name):
            if not replace:
                raise UserError(
                    f"{self.project.path} already has a layer named '{info.name}'.",
                    "Give the new layer another name (--name), or remove the old one first.",
                )
            self.remove_layer(info.name)

    def _describe(self, info: LayerInfo, count: int, geometry_type: str) -> None:
        info.feature_count = count
        info.geometry_type = geometry_type
        info.imported_at = info.imported_at or utc_now()
        info.sensitivity = effective_sensitivity(info, _levels(self.con).get, self.project.lineage_key)

    def _register(self, info: LayerInfo, replace: bool) -> LayerInfo:
        if info.sort_order <= 0 and not replace:
            # New layers go on top, the way QGIS adds them.
            self.con.execute("UPDATE assetmap_layers SET sort_order = sort_order + 1")
            info.sort_order = 0
        _upsert_info(self.con, info)
        return info

    def write_layer_chunks(self, frames, info: LayerInfo, replace: bool = False) -> LayerInfo:
        """``write_layer`` for a layer given as an iterable of GeoDataFrames with the same
        columns (a large file read in chunks): GDAL appends each to the staging file, so only
        one chunk is in memory at a time. Nothing is written when no chunk has rows."""
        import pyogrio

        validate_layer_name(info.name)
        if self.layer_exists(info.name) and not replace:
            raise UserError(
                f"{self.project.path} already has a layer named '{info.name}'.",
                "Give the new layer another name (--name), or remove the old one first.",
            )
        stage, n, types = None, 0, []
        for gdf in frames:
            if len(gdf) == 0:
                continue
            if stage is None:
                stage = self._new_stage()
                alias = f"stage{len(self._stages)}"
                self._stages.append((alias, stage))  # removed by _cleanup even if a later chunk fails
            with _stage_unsynced():
                pyogrio.write_dataframe(
                    gdf, stage, layer=info.name, driver="GPKG", promote_to_multi=None, append=n > 0,
                    layer_options={"DESCRIPTION": info.display_name, "FID": "fid"} if n == 0 else None,
                )
            n += len(gdf)
            types.append(geometry_type_of(gdf))
        if stage is None:
            return info
        if self.layer_exists(info.name):
            self.remove_layer(info.name)
        info.feature_count = n
        info.geometry_type = _merged_geometry_type(types)
        info.imported_at = info.imported_at or utc_now()
        info.sensitivity = effective_sensitivity(info, _levels(self.con).get, self.project.lineage_key)
        self.con.execute(f"ATTACH DATABASE ? AS {alias}", (str(stage),))
        gpkg.copy_feature_table(self.con, alias, info.name)
        if info.sort_order <= 0 and not replace:
            self.con.execute("UPDATE assetmap_layers SET sort_order = sort_order + 1")
            info.sort_order = 0
        _upsert_info(self.con, info)
        return info

    def _new_stage(self) -> Path:
        """An empty GeoPackage beside the project that already knows the project's CRSs,
        so GDAL gives each CRS the same srs_id it has in the project."""
        stage = _private_copy_path(self.project.path, len(self._stages))
        if stage.exists():
            stage.unlink()
        gpkg.create_empty(stage)
        rows = self.con.execute("SELECT * FROM gpkg_spatial_ref_sys").fetchall()
        with sqlite3.connect(stage) as dst:
            dst.executemany("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
                            [r[:6] for r in rows])
        return stage

    def _cleanup(self) -> None:
        for alias, stage in self._stages:
            try:
                self.con.execute(f"DETACH DATABASE {alias}")
            except sqlite3.Error:
                pass
            if stage.exists():
                stage.unlink()
        self._stages.clear()

    def update_layer_info(self, info: LayerInfo) -> None:
        info.sensitivity = at_floor(info, _levels(self.con))
        _upsert_info(self.con, info)

    def remove_layer(self, name: str) -> None:
        gpkg.drop_feature_table(self.con, name)
        self.con.execute("DELETE FROM assetmap_layers WHERE name=?", (name,))

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO assetmap_project (key, value) VALUES (?, ?)", (key, str(value)))

    @contextmanager
    def sql(self):
        """The edit's own connection, for role-specific tables (same transaction)."""
        yield self.con


@contextmanager
def _stage_unsynced() -> Iterator[None]:
    """GDAL's writes on this thread skip fsync (``OGR_SQLITE_SYNCHRONOUS=OFF``, a thread-local
    GDAL option: other threads' GDAL writes keep theirs). Only for the private staging file: it
    is copied into the project inside the project's own transaction, whose COMMIT is what is
    synced; a stage cut short by a crash is a leftover removed at the next open. GDAL synced the
    stage 20 times per layer (4 ms on a quiet disk, 20-50 ms when other programs write to it).
    Without a GDAL library to call (another build of pyogrio), GDAL syncs as before."""
    set_option = _gdal_thread_option()
    if set_option is None:
        yield
        return
    set_option(b"OGR_SQLITE_SYNCHRONOUS", b"OFF")
    try:
        yield
    finally:
        set_option(b"OGR_SQLITE_SYNCHRONOUS", None)


@functools.lru_cache(maxsize=1)
def _gdal_thread_option():
    """GDAL's ``CPLSetThreadLocalConfigOption`` from the library pyogrio loaded, or None."""
    import ctypes
    import glob

    try:
        import pyogrio

        # The wheel's own GDAL (already loaded by pyogrio: CDLL gives the same library).
        libs = sorted(glob.glob(os.path.join(os.path.dirname(pyogrio.__file__) + ".libs", "libgdal*")))
        if not libs:
            return None
        fn = ctypes.CDLL(libs[0]).CPLSetThreadLocalConfigOption
    except (ImportError, OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    fn.restype = None
    return fn


def _merged_geometry_type(types: list[str]) -> str:
    kinds = set(types) - {""}
    if len(kinds) <= 1:
        return kinds.pop() if kinds else ""
    for single, multi in (("Point", "MultiPoint"), ("LineString", "MultiLineString"), ("Polygon", "MultiPolygon")):
        if kinds <= {single, multi}:
            return multi
    return "GeometryCollection"
