"""SQLite-dialect store code on a shared project: the few SQL differences, in one place.

The survey and territory stores are written once, in SQLite's dialect with ``?``
placeholders, against a connection from ``read(project)`` / ``write(project)``. For a
GeoPackage that is a plain sqlite3 connection (``assetmap.project.gpkg``); for PostGIS it is a
``PgCon``: the same ``execute``/``executemany``/``row_factory`` surface over psycopg,
placeholders translated, plus the operations that really differ (table existence,
``INSERT OR REPLACE``, point geometries, identity keys, unique indexes), the same methods as the
GeoPackage's ``assetmap.project.dialect.GpkgConnection``. Store code never asks which one it has.
So the rules (merge idempotence, conflicts, plan versions) are one piece of code for both backends.

Tables published from a GeoPackage arrive without SQLite's implicit rowid keys and without
UNIQUE constraints (publish copies primary keys only); ``ensure_identity`` and
``ensure_unique`` add them once, inside the caller's transaction.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator

from assetmap.errors import UserError
from assetmap.project.dialect import KEY_COLUMN, data_columns

# The keys INSERT OR REPLACE replaces on: each table's text key (its primary key before the
# INTEGER one GeoPackage asks for, a UNIQUE constraint since).
REPLACE_KEYS = {
    "assetmap_survey_forms": ("form_id",),
    "assetmap_survey_media": ("uuid", "field"),
    "assetmap_survey_conflict_media": ("package_id", "uuid", "field"),
    "assetmap_survey_merges": ("package_id", "uuid"),
    "assetmap_survey_package": ("key",),
    "assetmap_survey_pack_base": ("uuid",),
    "assetmap_territory_teams": ("plan_id", "team"),
    "assetmap_territory_assignments": ("plan_id", "unit_id"),
    "assetmap_hub_categories": ("code",),
}


def qmark_to_pyformat(sql: str) -> str:
    """``?`` placeholders → ``%s`` (and a literal ``%`` → ``%%``), outside quoted text."""
    out, quote = [], None
    for ch in sql:
        if quote:
            out.append("%%" if ch == "%" else ch)
            if ch == quote:
                quote = None
        elif ch in ("'", '"'):
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
    return "".join(out)


class Row(tuple):
    """Like ``sqlite3.Row``: by position or by column name."""

    names: tuple[str, ...] = ()

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names.index(key))
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self.names)


def _row_factory(cursor):
    names = tuple(c.name for c in cursor.description or ())
    cls = type("Row", (Row,), {"names": names})
    return lambda values: cls(values)


class PgCon:
    """A psycopg connection speaking the sqlite3 subset the stores use, plus
    ``assetmap.project.interface.StoreConnection`` (what ``dialect.GpkgConnection`` has too)."""

    is_postgis = True
    concurrent_editors = True  # many people save to one database: plan versions are checked

    def __init__(self, con, project):
        self.con = con
        self.project = project
        self._geom: dict[str, tuple[str, int]] = {}

    @property
    def row_factory(self):
        return self.con.row_factory

    @row_factory.setter
    def row_factory(self, factory) -> None:
        # sqlite3.Row (or anything) asked for: rows by name and position.
        from psycopg.rows import tuple_row

        self.con.row_factory = tuple_row if factory is None else _row_factory

    def execute(self, sql: str, params: Iterable[Any] = ()):
        return self.con.execute(qmark_to_pyformat(sql), list(params))

    def executemany(self, sql: str, rows: Iterable[Iterable[Any]]):
        cur = self.con.cursor()
        rows = [list(r) for r in rows]
        if rows:
            cur.executemany(qmark_to_pyformat(sql), rows)
        return cur

    # ------------------------------------------------------------------ what differs
    def has_table(self, name: str) -> bool:
        return self.con.execute("SELECT to_regclass(%s)", (f'"{name}"',)).fetchone()[0] is not None

    def columns(self, table: str) -> list[str]:
        return [r[0] for r in self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = %s ORDER BY ordinal_position", (table,))]

    def replace_sql(self, table: str, n: int) -> str:
        """``INSERT OR REPLACE INTO table VALUES (?, …)`` as an upsert on the table's key."""
        keys = REPLACE_KEYS.get(table)
        if keys is None:
            raise ValueError(f"no key known for {table}")
        cols = data_columns(self.columns(table))[:n]
        rest = [c for c in cols if c not in keys]
        sets = ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in rest)
        action = f"DO UPDATE SET {sets}" if rest else "DO NOTHING"
        key_list = ", ".join(f'"{k}"' for k in keys)
        names = ", ".join(f'"{c}"' for c in cols)
        return f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * n)}) ON CONFLICT ({key_list}) {action}'

    def geometry(self, layer: str) -> tuple[str, int]:
        """(geometry column, SRID) of a layer."""
        if layer not in self._geom:
            row = self.con.execute("SELECT geometry_column, srid FROM assetmap_pg_layers WHERE name=%s",
                                   (layer,)).fetchone()
            if row is None:
                raise UserError(f"Layer '{layer}' of {self.project.path} has no geometry record.",
                                "Publish the project again with --replace.")
            self._geom[layer] = (row[0], int(row[1]))
        return self._geom[layer]

    @staticmethod
    def point(x: float, y: float, srid: int) -> str:
        """A point the geometry column takes as is (hex EWKB: exact coordinates, SRID included)."""
        import shapely

        return shapely.to_wkb(shapely.set_srid(shapely.Point(x, y), srid), hex=True, include_srid=True)

    def create_table(self, ddl: str, description: str | None = None) -> None:
        """A table's SQLite DDL in PostgreSQL's types (``description``: GeoPackage only)."""
        # SQLite numbers an INTEGER PRIMARY KEY itself, AUTOINCREMENT or not: an identity does here.
        ddl = re.sub(r"INTEGER PRIMARY KEY(\s+AUTOINCREMENT)?", "bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
                     ddl)
        ddl = re.sub(r"\bINTEGER\b", "bigint", ddl)
        ddl = re.sub(r"\bBLOB\b", "bytea", ddl)
        self.con.execute(ddl)

    def register_table(self, table: str, description: str) -> None:
        """Nothing: PostGIS has no list like ``gpkg_contents``."""

    def unregister_table(self, table: str) -> None:
        """Nothing (see ``register_table``)."""

    def add_column(self, table: str, column: str, kind: str) -> None:
        sql_type = {"int": "bigint", "float": "double precision", "blob": "bytea"}.get(kind, "text")
        self.con.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {sql_type}')

    def read_table(self, table: str):
        """A whole attribute table as a DataFrame, rows in the order they were written."""
        import pandas as pd

        # Tables like these are rewritten whole (never updated in place): physical order is write order.
        cur = self.con.execute(f'SELECT * FROM "{table}" ORDER BY ctid')
        df = pd.DataFrame(cur.fetchall(), columns=[c.name for c in cur.description])
        return df.drop(columns=[c for c in df.columns if c == KEY_COLUMN])

    def note_extent(self, layer: str, x: float, y: float) -> None:
        """Nothing: PostGIS computes extents from the table."""

    def reset_extent(self, layer: str) -> None:
        """Nothing (see ``note_extent``)."""

    def ensure_identity(self, table: str, column: str) -> None:
        """Give a published integer key a default (SQLite's rowid did that job), continuing after max."""
        # pg_catalog, not information_schema: the latter hides a column's default from a role that
        # does not own the table, and a team lead merging would then try (and fail) to add one.
        row = self.con.execute(
            "SELECT pg_get_expr(d.adbin, d.adrelid), a.attidentity FROM pg_attribute a LEFT JOIN pg_attrdef d "
            "ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid = to_regclass(%s) AND a.attname = %s",
            (f'"{table}"', column)).fetchone()
        if row is None or row[0] is not None or row[1] not in ("", None):
            return
        self.con.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" ADD GENERATED BY DEFAULT AS IDENTITY')
        self.con.execute(f"SELECT setval(pg_get_serial_sequence(%s, %s), coalesce(max(\"{column}\"), 0) + 1, false) "
                         f'FROM "{table}"', (f'"{table}"', column))

    def ensure_unique(self, table: str, columns: tuple[str, ...]) -> None:
        name = f"{table}_{'_'.join(columns)}_key"[:63]
        if self.con.execute("SELECT to_regclass(%s)", (f'"{name}"',)).fetchone()[0] is None:
            cols = ", ".join(f'"{c}"' for c in columns)
            self.con.execute(f'CREATE UNIQUE INDEX "{name}" ON "{table}" ({cols})')


# Kept for callers of the old module-level API: each connection now carries its dialect.
def has_table(con, name: str) -> bool:
    return con.has_table(name)


def register_table(con, table: str, description: str) -> None:
    con.register_table(table, description)


def read_table(con, table: str):
    return con.read_table(table)


def replace_sql(con, table: str, n: int) -> str:
    return con.replace_sql(table, n)


@contextmanager
def _pg_reading(project) -> Iterator[PgCon]:
    from assetmap.postgis.connect import connect

    from psycopg import errors

    con = connect(project.url, schema=project.schema, autocommit=True)
    try:
        yield PgCon(con, project)
    except errors.InsufficientPrivilege as exc:  # a role that may not read this table (roles.py)
        raise refused(project, con, exc, verb="reading") from exc
    finally:
        con.close()


@contextmanager
def _pg_transaction(project, prepare: Callable[[PgCon], None] | None = None) -> Iterator[PgCon]:
    from assetmap.postgis.connect import connect

    from psycopg import errors

    con = connect(project.url, schema=project.schema)
    try:
        with con.transaction():
            pg = PgCon(con, project)
            if prepare is not None:
                prepare(pg)
            yield pg
    except errors.InsufficientPrivilege as exc:  # roles.py: the database, not the app, decides
        raise refused(project, con, exc) from exc
    finally:
        con.close()


def refused(project, con, exc, hint: str | None = None, verb: str = "this change to") -> UserError:
    """A change (or read) the server's roles refused, as a message that says who may make it."""
    from assetmap.errors import NotPermitted

    user, reason = con.info.user, exc.diag.message_primary
    return NotPermitted(f"The server refused {verb} {project.path} for user '{user}': {reason}.",
                        hint or "Nothing was saved. Ask the project's administrator for a role that may make it "
                        "(team_lead edits plans and merges field packages; planner makes report layers; "
                        "surveyors submit survey responses).", who=user, reason=reason)


def read(project):
    """``project.sql_read()`` (kept for older callers)."""
    return project.sql_read()


def write(project, prepare: Callable[[PgCon], None] | None = None):
    """``project.sql_write(prepare)`` (kept for older callers)."""
    return project.sql_write(prepare)
