"""Low-level GeoPackage helpers on plain sqlite3 (no GDAL needed for metadata)."""

from __future__ import annotations

import functools
import sqlite3
from contextlib import contextmanager
from pathlib import Path

GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
GPKG_USER_VERSION = 10400         # GeoPackage 1.4

_CORE_SQL = """
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326,
   'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
   'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
"""


def create_empty(path: Path) -> None:
    """A new, empty GeoPackage at ``path``. Every ``Project.edit()`` stages its write in one, so
    it is made once (one transaction, not a sync per table) and then copied: 1 ms, not 80."""
    path = Path(path)
    if path.exists() and path.stat().st_size:
        raise FileExistsError(f"{path} already exists")
    with open(path, "wb") as fh:
        fh.write(_empty_gpkg())


@functools.lru_cache(maxsize=1)
def _empty_gpkg() -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="assetmap-empty-") as tmp:
        template = Path(tmp) / "empty.gpkg"
        con = sqlite3.connect(template)
        try:
            con.execute(f"PRAGMA application_id = {GPKG_APPLICATION_ID}")
            con.execute(f"PRAGMA user_version = {GPKG_USER_VERSION}")
            con.executescript("BEGIN;\n" + _CORE_SQL + "\nCOMMIT;")
        finally:
            con.close()
        return template.read_bytes()


def is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


@contextmanager
def connect(path: Path, readonly: bool = False):
    uri = f"{Path(path).absolute().as_uri()}?mode={'ro' if readonly else 'rw'}"
    from assetmap.project.dialect import GpkgConnection

    con = sqlite3.connect(uri, uri=True, timeout=30, factory=GpkgConnection)
    register_functions(con)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def transaction(path: Path):
    """One SQLite transaction: all of it is committed, or none of it."""
    with connect(path) as con:
        con.execute("BEGIN IMMEDIATE")
        try:
            upgrade(con)
            yield con
        except BaseException:
            con.rollback()
            raise
        con.commit()


def register_attributes_table(con: sqlite3.Connection, table: str, description: str) -> None:
    con.execute(
        "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) "
        "VALUES (?, 'attributes', ?, ?)",
        (table, table, description),
    )


# ---------------------------------------------------------------------------------------------
# GeoPackage Requirement 119: an attribute table has an INTEGER PRIMARY KEY. assetmap's tables
# were first keyed by text (a setting's key, a layer's name, a form's id); files made then are
# rebuilt on their first write, the text key kept as a NOT NULL UNIQUE constraint so that
# INSERT OR REPLACE still replaces the row with the same text key.

from assetmap.project.dialect import KEY_COLUMN  # noqa: E402  ("fid", as GDAL names one too)


def tables_without_integer_key(con: sqlite3.Connection) -> list[str]:
    """assetmap's registered attribute tables whose primary key is not one INTEGER column."""
    if not _has_table(con, "gpkg_contents"):
        return []
    out = []
    for (table,) in con.execute(
            "SELECT table_name FROM gpkg_contents WHERE data_type='attributes' "
            "AND table_name LIKE 'assetmap\\_%' ESCAPE '\\' ORDER BY table_name").fetchall():
        info = con.execute(f'PRAGMA table_info("{table}")').fetchall()
        pk = [r for r in info if r[5]]
        if info and not (len(pk) == 1 and pk[0][2].upper() == "INTEGER"):
            out.append(table)
    return out


def _has_table(con: sqlite3.Connection, name: str) -> bool:
    return con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone() is not None


# Project format 2: attribute tables with INTEGER keys. An assetmap of format 1 refuses a file of
# format 2 with "made by a newer version" instead of failing on its first positional INSERT.
INTEGER_KEYS_FORMAT = 2


def upgrade(con: sqlite3.Connection) -> list[str]:
    """Give every assetmap attribute table an INTEGER PRIMARY KEY; runs inside the caller's
    write transaction (so the rebuild lands with the first change, or not at all) and does
    nothing on a file that needs nothing. Returns the tables rebuilt."""
    project = _has_table(con, "assetmap_project")
    if project:
        row = con.execute("SELECT value FROM assetmap_project WHERE key='schema_version'").fetchone()
        if row and str(row[0]).isdigit() and int(row[0]) >= INTEGER_KEYS_FORMAT:
            return []  # every write would otherwise read each table's layout again
    tables = tables_without_integer_key(con)
    for table in tables:
        _add_integer_key(con, table)
    if project:  # files written with integer keys but labelled format 1 (the demos) too
        con.execute("UPDATE assetmap_project SET value=? WHERE key='schema_version' AND CAST(value AS INTEGER) < ?",
                    (str(INTEGER_KEYS_FORMAT), INTEGER_KEYS_FORMAT))
    return tables


def _add_integer_key(con: sqlite3.Connection, table: str) -> None:
    info = con.execute(f'PRAGMA table_info("{table}")').fetchall()
    names = [r[1] for r in info]
    pk = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]]
    key = KEY_COLUMN
    n = 1
    while key in names:
        key, n = f"{KEY_COLUMN}_{n}", n + 1

    def q(name: str) -> str:
        return '"' + name.replace('"', '""') + '"'

    defs = [f"{q(key)} INTEGER PRIMARY KEY"]
    for _cid, name, kind, notnull, default, in_pk in info:
        d = f"{q(name)} {kind}".rstrip()
        if notnull or in_pk:
            d += " NOT NULL"
        if default is not None:
            d += f" DEFAULT ({default})"
        defs.append(d)
    uniques = [tuple(pk)] if pk else []
    rebuilt_indexes = []
    for _seq, index, _unique, origin, *_ in con.execute(f'PRAGMA index_list("{table}")').fetchall():
        cols = tuple(r[2] for r in con.execute(f'PRAGMA index_info("{index}")').fetchall())
        if origin == "u" and cols not in uniques:
            uniques.append(cols)
        elif origin == "c":
            rebuilt_indexes.append(index)
    defs += [f"UNIQUE ({', '.join(map(q, cols))})" for cols in uniques]
    fks: dict[int, list] = {}
    for fk_id, _seq, parent, frm, to, on_update, on_delete, _match in con.execute(
            f'PRAGMA foreign_key_list("{table}")').fetchall():
        fks.setdefault(fk_id, [parent, [], [], on_update, on_delete])
        fks[fk_id][1].append(frm)
        fks[fk_id][2].append(to)
    for parent, frm, to, on_update, on_delete in fks.values():
        ref = f"REFERENCES {q(parent)}" + (f"({', '.join(map(q, to))})" if all(to) else "")
        actions = "".join(f" ON {verb} {what}" for verb, what in (("UPDATE", on_update), ("DELETE", on_delete))
                          if what and what != "NO ACTION")
        defs.append(f"FOREIGN KEY ({', '.join(map(q, frm))}) {ref}{actions}")
    # Dropping the table drops its own indexes and triggers: made again on the rebuilt one.
    later = [sql for kind, name, sql in con.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name=? AND type IN ('index', 'trigger') "
        "AND sql IS NOT NULL", (table,)).fetchall() if kind == "trigger" or name in rebuilt_indexes]
    new = f"{table}__assetmap_rebuild"
    con.execute(f"DROP TABLE IF EXISTS {q(new)}")
    con.execute(f"CREATE TABLE {q(new)} ({', '.join(defs)})")
    cols = ", ".join(map(q, names))
    # The old rowid becomes the key: rows keep their order and any number a user noted down.
    con.execute(f"INSERT INTO {q(new)} ({q(key)}, {cols}) SELECT rowid, {cols} FROM {q(table)}")
    con.execute(f"DROP TABLE {q(table)}")
    con.execute(f"ALTER TABLE {q(new)} RENAME TO {q(table)}")
    for sql in later:
        con.execute(sql)


def drop_feature_table(con: sqlite3.Connection, table: str) -> None:
    """Remove a feature table with its spatial index and registrations."""
    rows = con.execute(
        "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)
    ).fetchall()
    for (geom_col,) in rows:
        rtree = f"rtree_{table}_{geom_col}"
        triggers = con.execute(
            "SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE ?", (rtree + "%",)
        ).fetchall()
        for (trig,) in triggers:
            con.execute(f'DROP TRIGGER IF EXISTS "{trig}"')
        con.execute(f'DROP TABLE IF EXISTS "{rtree}"')
    if _has_table(con, "gpkg_extensions"):
        con.execute("DELETE FROM gpkg_extensions WHERE lower(table_name) = lower(?)", (table,))
    if _has_table(con, "gpkg_ogr_contents"):
        con.execute("DELETE FROM gpkg_ogr_contents WHERE lower(table_name) = lower(?)", (table,))
    con.execute("DELETE FROM gpkg_geometry_columns WHERE table_name = ?", (table,))
    con.execute("DELETE FROM gpkg_contents WHERE table_name = ?", (table,))
    con.execute(f'DROP TABLE IF EXISTS "{table}"')


# ---------------------------------------------------------------------------------------------
# SQL functions GDAL's spatial-index triggers call. Plain sqlite3 connections lack them, so an
# INSERT into a feature table from Python would fail with "no such function: ST_IsEmpty".

# (blob, envelope) of the last call, one tuple so threads never see half of it: GDAL's R-tree
# triggers ask 5-7 times about each row they index.
_last_envelope: tuple = (None, None)


def _blob_envelope(blob):
    """(minx, maxx, miny, maxy, empty) of a GeoPackage geometry blob, or None."""
    global _last_envelope
    last = _last_envelope
    if blob is not None and blob == last[0]:
        return last[1]
    env = _blob_envelope_uncached(blob)
    _last_envelope = (blob, env)
    return env


def _blob_envelope_uncached(blob):
    import struct

    if blob is None or len(blob) < 8 or blob[:2] != b"GP":
        return None
    if len(blob) == 29 and blob[3] & 0x0E == 0 and blob[8] in (0, 1):
        # A 2D point with no envelope (what point_blob writes): read it without shapely.
        order = "<" if blob[8] == 1 else ">"
        kind, x, y = struct.unpack(order + "Idd", blob[9:29])
        if kind == 1:
            if x != x and y != y:  # POINT EMPTY is NaN, NaN
                return None, None, None, None, True
            return x, x, y, y, False
    flags = blob[3]
    empty = bool(flags & 0x10)
    env_kind = (flags >> 1) & 0x07
    order = "<" if flags & 0x01 else ">"
    env_len = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get(env_kind, 0)
    if env_kind and not empty:
        minx, maxx, miny, maxy = struct.unpack(order + "4d", blob[8:40])
        return minx, maxx, miny, maxy, False
    if empty:
        return None, None, None, None, True
    import shapely

    geom = shapely.from_wkb(bytes(blob[8 + env_len:]))
    if geom.is_empty:
        return None, None, None, None, True
    minx, miny, maxx, maxy = geom.bounds
    return minx, maxx, miny, maxy, False


def _env_part(i):
    def fn(blob):
        env = _blob_envelope(blob)
        return None if env is None else env[i]
    return fn


def register_functions(con: sqlite3.Connection) -> None:
    con.create_function("ST_MinX", 1, _env_part(0), deterministic=True)
    con.create_function("ST_MaxX", 1, _env_part(1), deterministic=True)
    con.create_function("ST_MinY", 1, _env_part(2), deterministic=True)
    con.create_function("ST_MaxY", 1, _env_part(3), deterministic=True)
    con.create_function("ST_IsEmpty", 1, lambda b: None if _blob_envelope(b) is None
                        else int(_blob_envelope(b)[4]), deterministic=True)


def point_blob(x: float, y: float, srs_id: int) -> bytes:
    """A GeoPackage geometry blob for a 2D point (little-endian, no envelope)."""
    import struct

    return b"GP\x00\x01" + struct.pack("<i", srs_id) + struct.pack("<bIdd", 1, 1, x, y)


# ---------------------------------------------------------------------------------------------
# Copying a feature table GDAL wrote into a staging GeoPackage into the project, inside the
# project's own transaction: the one way to make a GDAL write atomic with our metadata.

def copy_feature_table(con: sqlite3.Connection, src: str, table: str) -> None:
    """Copy ``table`` (rows, spatial index, triggers, registrations) from the attached
    database ``src`` into ``main`` of ``con``; runs inside the caller's transaction."""
    master = con.execute(
        f"SELECT type, name, sql FROM {src}.sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL", (table,)
    ).fetchall()
    con.execute(f"INSERT OR IGNORE INTO main.gpkg_spatial_ref_sys SELECT * FROM {src}.gpkg_spatial_ref_sys")
    for kind, _name, sql in master:
        if kind in ("table", "index"):
            con.execute(sql)  # unqualified DDL creates in main
    con.execute(f'INSERT INTO main."{table}" SELECT * FROM {src}."{table}"')
    geom_cols = con.execute(
        f"SELECT column_name FROM {src}.gpkg_geometry_columns WHERE table_name = ?", (table,)
    ).fetchall()
    for (geom_col,) in geom_cols:
        rtree = f"rtree_{table}_{geom_col}"
        row = con.execute(f"SELECT sql FROM {src}.sqlite_master WHERE name = ?", (rtree,)).fetchone()
        if row:
            con.execute(row[0])
            _copy_rtree(con, src, rtree)
    for kind, _name, sql in master:
        if kind == "trigger":
            con.execute(sql)
    for meta_table in ("gpkg_contents", "gpkg_geometry_columns", "gpkg_extensions", "gpkg_ogr_contents"):
        _copy_rows(con, src, meta_table, table)


def _copy_rtree(con: sqlite3.Connection, src: str, rtree: str) -> None:
    """Copy an R-tree by its shadow tables (node/rowid/parent), as GDAL itself bulk-loads them:
    ten times faster than re-inserting every box. Same module and dimensions on both sides."""
    shadows = ("node", "rowid", "parent")
    have = {r[0] for r in con.execute(
        f"SELECT name FROM {src}.sqlite_master WHERE name IN (?, ?, ?)",
        tuple(f"{rtree}_{s}" for s in shadows))}
    if len(have) == 3:
        for s in shadows:
            con.execute(f'DELETE FROM main."{rtree}_{s}"')
            con.execute(f'INSERT INTO main."{rtree}_{s}" SELECT * FROM {src}."{rtree}_{s}"')
    else:
        con.execute(f'INSERT INTO main."{rtree}" SELECT id, minx, maxx, miny, maxy FROM {src}."{rtree}"')


def _copy_rows(con: sqlite3.Connection, src: str, meta_table: str, table: str) -> None:
    ddl = con.execute(f"SELECT sql FROM {src}.sqlite_master WHERE name = ?", (meta_table,)).fetchone()
    if ddl is None:
        return
    if con.execute("SELECT 1 FROM main.sqlite_master WHERE name = ?", (meta_table,)).fetchone() is None:
        con.execute(ddl[0])
    con.execute(f'INSERT OR REPLACE INTO main."{meta_table}" '
                f'SELECT * FROM {src}."{meta_table}" WHERE lower(table_name) = lower(?)', (table,))
