"""The GeoPackage's SQL dialect: a ``sqlite3.Connection`` with the few operations that differ.

Feature stores (survey, territories, hubs, locators) write SQLite-dialect SQL once and run it on
either backend. Where PostgreSQL really differs (table existence, ``INSERT OR REPLACE``,
geometry values, identity keys, type names, attribute-table registration) they call a method of
the connection instead of asking which backend they have; ``assetmap.postgis.sqlcompat.PgCon`` has
the same methods. ``interface.StoreConnection`` lists them.

This class is only a ``sqlite3.Connection`` subclass, so pandas, ``sqlite3.Row`` and every plain
use keep working; ``gpkg.connect`` and ``Project.edit`` make their connections with it.
"""

from __future__ import annotations

import sqlite3

# The INTEGER PRIMARY KEY of assetmap's attribute tables (GeoPackage Requirement 119); a row
# number only, never data (``gpkg.upgrade`` adds it to files made before it existed).
KEY_COLUMN = "fid"

# SQLite's column types for the kinds stores ask for (PgCon maps the same kinds to PostgreSQL's).
_TYPES = {"int": "INTEGER", "float": "REAL", "str": "TEXT", "blob": "BLOB"}


class GpkgConnection(sqlite3.Connection):
    """A connection to a GeoPackage project speaking ``interface.StoreConnection``."""

    def has_table(self, name: str) -> bool:
        """A table (or index) of that name exists."""
        return self.execute("SELECT 1 FROM sqlite_master WHERE name=?", (name,)).fetchone() is not None

    def columns(self, table: str) -> list[str]:
        return [r[1] for r in self.execute(f'PRAGMA table_info("{table}")').fetchall()]

    def replace_sql(self, table: str, n: int) -> str:
        """``INSERT OR REPLACE`` of the table's first ``n`` data columns (an upsert on its text key)."""
        cols = ", ".join(f'"{c}"' for c in data_columns(self.columns(table))[:n])
        return f"INSERT OR REPLACE INTO {table} ({cols}) VALUES ({', '.join('?' * n)})"

    def create_table(self, ddl: str, description: str | None = None) -> None:
        """Run SQLite DDL; with ``description`` the table is listed in ``gpkg_contents`` (QGIS shows it)."""
        self.execute(ddl)
        if description is not None:
            name = _created_name(ddl)
            self.register_table(name, description)

    def register_table(self, table: str, description: str) -> None:
        from assetmap.project import gpkg

        gpkg.register_attributes_table(self, table, description)

    def unregister_table(self, table: str) -> None:
        self.execute("DELETE FROM gpkg_contents WHERE table_name = ?", (table,))

    def add_column(self, table: str, column: str, kind: str) -> None:
        self.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {_TYPES.get(kind, "TEXT")}')

    def read_table(self, table: str):
        """A whole attribute table as a DataFrame, rows in the order they were written."""
        import pandas as pd

        df = pd.read_sql_query(f'SELECT * FROM "{table}" ORDER BY rowid', self)
        return df.drop(columns=[c for c in df.columns if c == KEY_COLUMN])

    # SQLite's rowid gives an INTEGER PRIMARY KEY its default; PostgreSQL's published copies need one.
    def ensure_identity(self, table: str, column: str) -> None:
        return None

    def ensure_unique(self, table: str, columns: tuple[str, ...]) -> None:
        """A unique index on ``columns`` unless one exists (a declared UNIQUE constraint counts)."""
        for idx in self.execute(f'PRAGMA index_list("{table}")').fetchall():
            if idx[2] and tuple(r[2] for r in self.execute(f'PRAGMA index_info("{idx[1]}")')) == tuple(columns):
                return
        cols = ", ".join(f'"{c}"' for c in columns)
        self.execute(f'CREATE UNIQUE INDEX "{table}_{"_".join(columns)}" ON "{table}" ({cols})')

    # ------------------------------------------------------------------ geometries
    def geometry(self, layer: str) -> tuple[str, int]:
        """(geometry column, srs id) of a feature table."""
        row = self.execute("SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name=?",
                           (layer,)).fetchone()
        if row is None:
            from assetmap.errors import UserError

            raise UserError(f"'{layer}' is not a map layer of this project.", "Check the layer name.")
        return row[0], int(row[1])

    @staticmethod
    def point(x: float, y: float, srid: int) -> bytes:
        """A point as the geometry column stores it (GeoPackage binary)."""
        from assetmap.project import gpkg

        return gpkg.point_blob(x, y, srid)

    def note_extent(self, layer: str, x: float, y: float) -> None:
        """GDAL and QGIS take a layer's extent from ``gpkg_contents``: keep it covering (x, y)."""
        self.execute("UPDATE gpkg_contents SET min_x=min(coalesce(min_x, ?), ?), max_x=max(coalesce(max_x, ?), ?), "
                     "min_y=min(coalesce(min_y, ?), ?), max_y=max(coalesce(max_y, ?), ?) WHERE table_name=?",
                     (x, x, x, x, y, y, y, y, layer))

    def reset_extent(self, layer: str) -> None:
        self.execute("UPDATE gpkg_contents SET min_x=NULL, min_y=NULL, max_x=NULL, max_y=NULL "
                     "WHERE table_name=?", (layer,))

    # One person edits a project file at a time (SQLite's BEGIN IMMEDIATE orders its writers), so a
    # territory plan's version needs no check against other editors' saves; a shared database does.
    concurrent_editors = False


def insert_rows(con, head: str, row: str, columns: list, per_statement: int = 64) -> None:
    """``head VALUES row, row, ...`` for the rows of ``columns`` (equal-length sequences, one per
    ``?`` of ``row``, which may also hold literals), ``per_statement`` rows a statement: each
    statement costs SQLite and Python's sqlite3 a fixed amount, about a third of a short row's
    insert when run row by row. Plain SQL, so it runs on either backend's connection."""
    from itertools import chain

    n = len(columns[0]) if columns else 0
    width = len(columns)
    # at most 999 values a statement: the limit of SQLite builds before 3.32
    per_statement = max(1, min(per_statement, 999 // max(width, 1)))
    flat = list(chain.from_iterable(zip(*columns)))
    full, rest = divmod(n, per_statement)
    step = per_statement * width
    if full:
        con.executemany(f"{head} VALUES " + ", ".join([row] * per_statement),
                        (flat[i:i + step] for i in range(0, full * step, step)))
    if rest:
        con.execute(f"{head} VALUES " + ", ".join([row] * rest), flat[full * step:])


def data_columns(columns: list[str]) -> list[str]:
    """A table's columns without the INTEGER key GeoPackage asks of attribute tables: callers
    give values for the data, in the order the table had before that key existed."""
    return [c for c in columns if c != KEY_COLUMN]


def _created_name(ddl: str) -> str:
    import re

    m = re.search(r'CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([A-Za-z0-9_]+)"?', ddl, re.I)
    if m is None:
        raise ValueError(f"no table name in {ddl[:60]!r}")
    return m.group(1)
