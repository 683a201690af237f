"""The survey store (assetmap.survey) on a shared project: its tables, completed for PostgreSQL.

The store and merge code run unchanged through ``sqlcompat.PgCon`` (see there). What is
survey-specific: the survey tables are created in PostgreSQL's types when missing; when
published from a GeoPackage, the history and conflict ``id`` keys get identity defaults,
conflicts get their UNIQUE (uuid, package_id) for the merge's upsert, and each form's layer
gets a default ``fid`` and a unique index on ``uuid``, so no response is ever stored twice,
even by two merges at once.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

from assetmap.postgis.sqlcompat import PgCon, read, write

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.postgis.project import PostgisProject

# Unique constraints the GeoPackage schema declares beyond the primary key.
UNIQUE = {"assetmap_survey_conflicts": ("uuid", "package_id")}


def ensure_survey_tables(con: PgCon, tables: dict) -> None:
    """The survey tables in the project schema, created or completed (idempotent)."""
    for table, (_description, ddl) in tables.items():
        if not con.has_table(table):
            con.create_table(ddl)
        elif "AUTOINCREMENT" in ddl:
            con.ensure_identity(table, "id")
        if table in UNIQUE:
            con.ensure_unique(table, UNIQUE[table])
    if con.has_table("assetmap_survey_forms"):
        for (layer,) in con.execute("SELECT layer FROM assetmap_survey_forms").fetchall():
            if con.has_table(layer):
                con.ensure_identity(layer, "fid")
                con.ensure_unique(layer, ("uuid",))


def reading(project: "PostgisProject"):
    return read(project)


@contextmanager
def transaction(project: "PostgisProject", tables: dict) -> Iterator[PgCon]:
    """One PostgreSQL transaction with the survey tables ready: all of it commits, or none."""
    with write(project, lambda con: ensure_survey_tables(con, tables)) as con:
        yield con
