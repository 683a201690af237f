"""Project store: a GeoPackage with assetmap's metadata tables.

Layout
------
- every layer is a standard GPKG feature table (GDAL/QGIS read it as is);
- ``assetmap_project`` (key/value): schema version, project CRS, title;
- ``assetmap_layers``: role, display name, order, visibility, opacity, style
  and provenance of each layer.

Atomicity
---------
Metadata edits are single SQLite transactions. Layer writes go through GDAL,
which cannot join our transaction, so GDAL writes each layer to a private
staging GeoPackage and the rows are copied into the project inside one SQLite
transaction with the metadata (``Project.edit()``). A failure, a Cancel or a
killed process leaves the project as it was (a killed process's journal is
rolled back the next time the file is opened); a leftover staging file is
removed then too. Other writers (survey saves, territory strokes) are plain
SQLite transactions on the same file, so SQLite's locking orders them all.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from assetmap import __version__
from assetmap.errors import UserError
from assetmap.layers import sensitivity as sens
from assetmap.layers.info import LayerInfo, effective_sensitivity, split_extra, stored_extra, validate_layer_name
from assetmap.layers.roles import LayerRole
from assetmap.project import gpkg
from assetmap.project.dialect import GpkgConnection
from assetmap.project.files import _durable_replace, _private_copy_path, _recover_hot_journal, pid_alive

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

SCHEMA_VERSION = 2  # 2: INTEGER keys in every attribute table (gpkg.INTEGER_KEYS_FORMAT)
from assetmap.project.files import _TX_MARK  # noqa: E402  (kept importable from here)

_META_SQL = """
CREATE TABLE IF NOT EXISTS assetmap_project (
  fid INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS assetmap_layers (
  fid INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  display_name TEXT NOT NULL,
  geometry_type TEXT NOT NULL DEFAULT '',
  feature_count INTEGER NOT NULL DEFAULT 0,
  sort_order INTEGER NOT NULL DEFAULT 0,
  visible INTEGER NOT NULL DEFAULT 1,
  opacity REAL NOT NULL DEFAULT 1.0,
  style TEXT NOT NULL DEFAULT '{}',
  source TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL DEFAULT '',
  extra TEXT NOT NULL DEFAULT '{}'
);
"""
_LAYER_COLUMNS = (
    "name", "role", "display_name", "geometry_type", "feature_count", "sort_order",
    "visible", "opacity", "style", "source", "imported_at", "extra",
)


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def normalise_crs(crs: Any) -> str:
    """A CRS as the shortest faithful text: 'EPSG:3857', 'ESRI:102696' or WKT."""
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    try:
        parsed = CRS.from_user_input(crs)
    except CRSError as exc:
        raise UserError(
            f"'{crs}' is not a coordinate reference system assetmap knows.",
            "Give an EPSG code such as EPSG:4326 (longitude/latitude) or EPSG:26915 (UTM 15N).",
        ) from exc
    auth = parsed.to_authority(min_confidence=90)
    return f"{auth[0]}:{auth[1]}" if auth else parsed.to_wkt()


def _row_to_info(row: sqlite3.Row) -> LayerInfo:
    try:
        role = LayerRole(row["role"])
    except ValueError:
        role = LayerRole.OTHER
    extra, level = split_extra(json.loads(row["extra"] or "{}"))
    return LayerInfo(
        name=row["name"],
        role=role,
        display_name=row["display_name"],
        geometry_type=row["geometry_type"],
        feature_count=row["feature_count"],
        sort_order=row["sort_order"],
        visible=bool(row["visible"]),
        opacity=float(row["opacity"]),
        style=json.loads(row["style"] or "{}"),
        source=row["source"],
        imported_at=row["imported_at"],
        extra=extra,
        sensitivity=level,
    )


def _live_count(con: sqlite3.Connection, info: LayerInfo) -> LayerInfo:
    """The feature count from the table, not the stored figure: QGIS, survey saves and other
    programs add rows without touching assetmap_layers."""
    try:
        info.feature_count = con.execute(f'SELECT count(*) FROM "{info.name}"').fetchall()[0][0]
    except sqlite3.Error:
        pass  # a layer table another program dropped: keep the stored figure
    return info


def _info_values(info: LayerInfo) -> tuple:
    return (
        info.name, info.role.value, info.display_name, info.geometry_type, int(info.feature_count),
        int(info.sort_order), int(info.visible), float(info.opacity), json.dumps(info.style),
        info.source, info.imported_at, json.dumps(stored_extra(info)),
    )


def _upsert_info(con: sqlite3.Connection, info: LayerInfo) -> None:
    cols = ", ".join(_LAYER_COLUMNS)
    marks = ", ".join("?" for _ in _LAYER_COLUMNS)
    con.execute(f"INSERT OR REPLACE INTO assetmap_layers ({cols}) VALUES ({marks})", _info_values(info))


class Project:
    """An open project file. Writes open their own connection; metadata reads (``layer``,
    ``layers``, ``has_layer``…) share one read-only connection per thread (``_metadata_read``)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._readers = threading.local()

    @contextmanager
    def _metadata_read(self) -> Iterator[GpkgConnection]:
        """A read-only connection kept for this thread's metadata reads.

        A new connection parses the GeoPackage's schema again before its first statement (about
        1 ms for a project of many layers, triggers and R-trees), and the window asks for a
        layer's metadata dozens of times while a project opens. Kept, it holds no lock between
        reads (autocommit, each statement read to its end: a writer's COMMIT never waits for it),
        sees every committed change at its next statement, and is opened again when the file
        under this name is another one (``Project.create(..., overwrite=True)`` replaces it)."""
        try:
            st = os.stat(self.path)
        except OSError:
            with gpkg.connect(self.path, readonly=True) as con:   # gone: the usual error
                yield con
            return
        key = (st.st_dev, st.st_ino)
        local = self._readers
        con = getattr(local, "con", None)
        if con is None or local.key != key:
            if con is not None:
                con.close()
            local.con = None
            uri = f"{self.path.absolute().as_uri()}?mode=ro"
            con = sqlite3.connect(uri, uri=True, timeout=30, factory=GpkgConnection, isolation_level=None)
            gpkg.register_functions(con)
            local.con, local.key = con, key
        yield con

    # ------------------------------------------------------------------ open/create
    @classmethod
    def create(cls, path: str | os.PathLike, crs: Any = "EPSG:4326", title: str | None = None,
               overwrite: bool = False) -> "Project":
        path = Path(path)
        if path.suffix.lower() != ".gpkg":
            raise UserError(f"{path}: a project file must end in .gpkg.", f"Try {path.with_suffix('.gpkg')}.")
        if path.exists() and not overwrite:
            raise UserError(f"{path} already exists.", "Choose another file name, or open it instead.")
        if not path.parent.exists():
            raise UserError(f"The folder {path.parent} does not exist.", "Create it first, or choose another place.")
        crs_text = normalise_crs(crs)
        tmp = _private_copy_path(path)
        try:
            if tmp.exists():
                tmp.unlink()
            gpkg.create_empty(tmp)
            # The file is private until the rename below, so no transaction is needed.
            with gpkg.connect(tmp) as con:
                con.executescript(_META_SQL)
                gpkg.register_attributes_table(con, "assetmap_project", "assetmap project settings")
                gpkg.register_attributes_table(con, "assetmap_layers", "assetmap layer metadata and styles")
                meta = {
                    "schema_version": str(SCHEMA_VERSION),
                    "crs": crs_text,
                    "title": title or path.stem.replace("_", " "),
                    "created_at": utc_now(),
                    "created_by": f"assetmap {__version__}",
                }
                con.executemany("INSERT INTO assetmap_project (key, value) VALUES (?, ?)", meta.items())
                con.commit()
            _durable_replace(tmp, path)
        except PermissionError as exc:
            raise UserError(f"Can't write {path}: permission denied.",
                            "Choose a folder you can write to, such as your Documents.") from exc
        finally:
            if tmp.exists():
                tmp.unlink()
        return cls(path)

    @classmethod
    def open(cls, path: str | os.PathLike) -> "Project":
        path = Path(path)
        if not path.exists():
            raise UserError(f"{path} does not exist.", "Check the path, or create a project with `assetmap new`.")
        if path.is_dir():
            raise UserError(f"{path} is a folder, not a project file.", "Give the .gpkg file inside it.")
        if not gpkg.is_sqlite(path):
            raise UserError(f"{path} is not a GeoPackage project file.",
                            "Open a .gpkg file made by assetmap, or create one with `assetmap new`.")
        project = cls(path)
        _recover_hot_journal(path)
        try:
            with gpkg.connect(path, readonly=True) as con:
                has_meta = con.execute(
                    "SELECT count(*) FROM sqlite_master WHERE name IN ('assetmap_project','assetmap_layers')"
                ).fetchone()[0]
                if has_meta < 2:
                    raise UserError(
                        f"{path} is a GeoPackage but not an assetmap project.",
                        f"Create a project and import its layers: assetmap import PROJECT.gpkg {path} --role ROLE",
                    )
                row = con.execute("SELECT value FROM assetmap_project WHERE key='schema_version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise UserError(f"{path} is damaged or not a GeoPackage ({exc}).",
                            "Restore it from a backup, or open another project.") from exc
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise UserError(
                f"{path} was made by a newer version of assetmap (project format {version}; "
                f"this is assetmap {__version__}, format {SCHEMA_VERSION}).",
                "Update assetmap to open it. The file was not changed.",
            )
        project._remove_stale_copies()
        return project

    def _remove_stale_copies(self) -> None:
        prefix = f".{self.path.name}{_TX_MARK}"
        for leftover in self.path.parent.glob(prefix + "*"):
            pid = leftover.name[len(prefix):].removesuffix(".gpkg").split("-")[0]
            if pid.isdigit() and pid_alive(int(pid)):
                continue
            try:
                leftover.unlink()
            except OSError:
                pass

    # ------------------------------------------------------------------ metadata
    def meta(self, key: str, default: str | None = None) -> str | None:
        with self._metadata_read() as con:
            rows = con.execute("SELECT value FROM assetmap_project WHERE key=?", (key,)).fetchall()
        return rows[0][0] if rows else default

    def all_meta(self) -> dict[str, str]:
        with gpkg.connect(self.path, readonly=True) as con:
            return dict(con.execute("SELECT key, value FROM assetmap_project").fetchall())

    def set_meta(self, key: str, value: str) -> None:
        self._check_writable()
        with gpkg.transaction(self.path) as con:
            con.execute("INSERT OR REPLACE INTO assetmap_project (key, value) VALUES (?, ?)", (key, str(value)))

    @property
    def crs(self) -> str:
        return self.meta("crs", "EPSG:4326")

    @property
    def title(self) -> str:
        return self.meta("title", self.path.stem)

    def layers(self) -> list[LayerInfo]:
        with self._metadata_read() as con:
            return [_live_count(con, info) for info in _layers(con)]

    @property
    def lineage_key(self) -> str:
        """Which project a read came from, for lineage (``layers.sensitivity``)."""
        return str(self.path.resolve())

    def layer_names(self) -> list[str]:
        with self._metadata_read() as con:
            return [r[0] for r in con.execute("SELECT name FROM assetmap_layers ORDER BY sort_order, name").fetchall()]

    def has_layer(self, name: str) -> bool:
        with self._metadata_read() as con:
            return bool(con.execute("SELECT 1 FROM assetmap_layers WHERE name=?", (name,)).fetchall())

    def layer(self, name: str) -> LayerInfo:
        # All rows: a layer's sensitivity follows what it was made from; only its own is counted.
        with self._metadata_read() as con:
            infos = _layers(con)
            for info in infos:
                if info.name == name:
                    return _live_count(con, info)
        names = ", ".join(i.name for i in infos) or "(none yet)"
        raise UserError(f"{self.path} has no layer named '{name}'.", f"Layers in this project: {names}.")

    def layers_by_role(self, role: LayerRole) -> list[LayerInfo]:
        return [info for info in self.layers() if info.role == role]

    def update_layer_info(self, info: LayerInfo) -> None:
        """Save metadata (style, order, visibility, name shown) of an existing layer."""
        self._check_writable()
        with gpkg.transaction(self.path) as con:
            if con.execute("SELECT 1 FROM assetmap_layers WHERE name=?", (info.name,)).fetchone() is None:
                raise UserError(f"{self.path} has no layer named '{info.name}'.")
            info.sensitivity = at_floor(info, _levels(con))
            _upsert_info(con, info)

    def set_layer_order(self, names: list[str]) -> None:
        self._check_writable()
        with gpkg.transaction(self.path) as con:
            for i, name in enumerate(names):
                con.execute("UPDATE assetmap_layers SET sort_order=? WHERE name=?", (i, name))

    def remove_layer(self, name: str) -> None:
        self.layer(name)  # raises a clear error when missing
        self._check_writable()
        with gpkg.transaction(self.path) as con:
            gpkg.drop_feature_table(con, name)
            con.execute("DELETE FROM assetmap_layers WHERE name=?", (name,))

    # ------------------------------------------------------------------ features
    def read_layer(self, name: str, columns: list[str] | None = None, **kwargs: Any) -> "gpd.GeoDataFrame":
        import pyogrio

        info = self.layer(name)
        sens.record_read(self.lineage_key, name, info.sensitivity)
        # GDAL's Arrow stream: the same frame (types, fids, nulls), 10-35 % faster at any size
        # (bench/README.md, "Layer reads"); pyarrow is loaded with pandas already.
        kwargs.setdefault("use_arrow", True)
        return pyogrio.read_dataframe(self.path, layer=name, columns=columns, fid_as_index=True, **kwargs)

    def layer_bounds(self, name: str) -> tuple[float, float, float, float] | None:
        """(minx, miny, maxx, maxy) of a layer in the project CRS; None when it is empty."""
        import pyogrio

        self.layer(name)
        bounds = pyogrio.read_info(self.path, layer=name).get("total_bounds")
        return None if bounds is None else tuple(float(v) for v in bounds)

    def layer_fields(self, name: str) -> list[str]:
        """A layer's attribute columns in order."""
        return list(self.layer_field_types(name))

    def layer_field_types(self, name: str) -> dict[str, str]:
        """{attribute column: its type} in order (GDAL's dtype names: int64, float64, object…)."""
        import pyogrio

        self.layer(name)
        info = pyogrio.read_info(self.path, layer=name)
        return {str(f): str(t) for f, t in zip(info["fields"], info["dtypes"])}

    def write_layer(self, gdf: "gpd.GeoDataFrame", info: LayerInfo, replace: bool = False) -> LayerInfo:
        """Add (or with ``replace`` overwrite) one layer atomically."""
        with self.edit() as tx:
            return tx.write_layer(gdf, info, replace=replace)

    @contextmanager
    def edit(self) -> Iterator["ProjectEdit"]:
        """One SQLite transaction for several writes: they land together, or none does.

        GDAL cannot join our transaction, so each layer is first written by GDAL to a
        private staging GeoPackage and then copied into the project inside the
        transaction. A failure, Cancel or killed process rolls the project back to
        exactly what it was (SQLite's journal restores the original pages).
        """
        self._check_writable()
        try:
            con = sqlite3.connect(self.path, timeout=30, isolation_level=None, factory=GpkgConnection)
        except sqlite3.OperationalError as exc:
            raise UserError(f"Can't open {self.path} for writing ({exc}).",
                            "Close other programs using it and try again.") from exc
        gpkg.register_functions(con)
        from assetmap.project.edit import ProjectEdit

        edit = ProjectEdit(self, con)
        try:
            try:
                con.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise UserError(f"{self.path} is busy: another program is writing to it.",
                                "Wait until it has finished (or close it) and try again.") from exc
            try:
                gpkg.upgrade(con)
                yield edit
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
        finally:
            edit._cleanup()
            con.close()

    # ------------------------------------------------------------------ interface.AnyProject
    @property
    def target(self) -> Path:
        return self.path

    @property
    def recent_entry(self) -> Path | None:
        return self.path

    server: str | None = None  # a file on this computer

    def stored_in(self, path: str | os.PathLike) -> bool:
        return Path(path).resolve() == self.path.resolve()

    def sql_read(self):
        """A read-only connection in the GeoPackage's dialect (``dialect.GpkgConnection``)."""
        return gpkg.connect(self.path, readonly=True)

    @contextmanager
    def sql_write(self, prepare=None) -> Iterator[GpkgConnection]:
        """One durable SQLite transaction for store tables: committed (and synced) when the block
        ends, rolled back if it raises. ``prepare`` runs first, inside it."""
        self._check_writable()
        with gpkg.connect(self.path) as con:
            con.execute("PRAGMA synchronous=FULL")
            try:
                con.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise UserError(f"{self.path} is busy: another program is writing to it.",
                                "Wait a moment and save again; nothing was lost.") from exc
            try:
                gpkg.upgrade(con)
                if prepare is not None:
                    prepare(con)
                yield con
            except BaseException:
                con.rollback()
                raise
            con.commit()

    def assign_points(self, layer, id_field, ids, x, y, located, ctx=None):
        return None  # the caller assigns in memory, next to the file (assetmap.reports.assign)

    def _check_writable(self) -> None:
        if not os.access(self.path, os.W_OK) or not os.access(self.path.parent, os.W_OK):
            raise UserError(
                f"Can't write {self.path}: the file or its folder is read-only.",
                "Copy the project to a folder you can write to and open the copy.",
            )


def _layers(con: sqlite3.Connection) -> list[LayerInfo]:
    con.row_factory = sqlite3.Row
    try:
        rows = con.execute("SELECT * FROM assetmap_layers ORDER BY sort_order, name").fetchall()
    finally:
        con.row_factory = None
    return sens.resolve(_row_to_info(r) for r in rows)


def _levels(con: sqlite3.Connection) -> dict[str, str]:
    return {i.name: i.sensitivity for i in _layers(con)}


def at_floor(info: LayerInfo, levels: dict[str, str]) -> str:
    """A metadata save keeps a layer at least as sensitive as what it was made from (a stale copy
    of its info can't lower it); ``privacy.set_sensitivity`` is where a user changes it."""
    return sens.highest(info.sensitivity, sens.floor(info.role, info.extra,
                                                     lambda n: None if n == info.name else levels.get(n)))


def geometry_type_of(gdf: "gpd.GeoDataFrame") -> str:
    if len(gdf) == 0 or gdf.geometry.isna().all():
        return ""
    types = set(gdf.geometry.dropna().geom_type.unique())
    if types <= {"Point"}:
        return "Point"
    if types <= {"Point", "MultiPoint"}:
        return "MultiPoint"
    if types <= {"LineString"}:
        return "LineString"
    if types <= {"LineString", "MultiLineString"}:
        return "MultiLineString"
    if types <= {"Polygon"}:
        return "Polygon"
    if types <= {"Polygon", "MultiPolygon"}:
        return "MultiPolygon"
    return "GeometryCollection"

