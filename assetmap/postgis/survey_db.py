"""The survey store (assetmap.survey) on a shared project: nothing of its own any more.

The store, its form install and the merge run unchanged through ``sqlcompat.PgCon``, whose
dialect methods (``create_table``, ``ensure_identity``, ``ensure_unique``) let
``assetmap.survey.schema.ensure_tables`` create the survey tables in PostgreSQL's types or complete
copies published from a GeoPackage (identity ``id``/``fid`` defaults, UNIQUE (uuid, package_id)
on conflicts, a unique ``uuid`` per form layer), so no response is ever stored twice, even by two
merges at once. ``roles.py`` calls this as the owner, before people in roles (who may not ALTER)
merge.
"""

from __future__ import annotations

from assetmap.postgis.sqlcompat import PgCon


def ensure_survey_tables(con: PgCon, tables: dict) -> None:
    """The survey tables in the project schema, created or completed (idempotent)."""
    from assetmap.survey.schema import ensure_tables

    ensure_tables(con, tables)
    if con.has_table("assetmap_survey_forms"):
        from assetmap.survey.repeat_store import complete_on_postgis

        complete_on_postgis(con)
