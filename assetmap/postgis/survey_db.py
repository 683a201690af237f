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
        from assetmap.survey.repeat_store import complete_on_postgis

        complete_on_postgis(con)


def reading(project: "PostgisProject"):
    return read(project)


@contextmanager
def transaction(project: "PostgisProject", tables: dict) -> Iterator[PgCon]:
    """One PostgreSQL transaction with the survey tables ready: all of it commits, or none."""
    with write(project, lambda con: ensure_survey_tables(con, tables)) as con:
        yield con


def install_form(project: "PostgisProject", form, layer: str, columns: dict[str, str], style: dict,
                 extra: dict) -> None:
    """``SurveyStore.install_form`` on a shared project: the form's point layer and its row, one transaction.

    The layer is made like any PostGIS layer (``PostgisEdit.write_layer``: typed columns, GiST index),
    from one typed sample row removed again, then given a default ``fid`` and a unique ``uuid``;
    installing a newer version adds the columns of new questions and keeps every response."""
    import json

    import geopandas as gpd
    from shapely.geometry import Point

    from assetmap.errors import UserError
    from assetmap.layers import LayerInfo, LayerRole
    from assetmap.postgis.edit import upsert_info
    from assetmap.project.store import utc_now
    from assetmap.survey import schema as S
    from assetmap.survey.form import form_to_dict

    with project.edit() as tx, tx.sql() as con:
        ensure_survey_tables(con, S._SCHEMA)
        row = con.execute(f"SELECT layer FROM {S.FORMS} WHERE form_id=?", (form.form_id,)).fetchone()
        if row is None and tx.layer_exists(layer):
            raise UserError(f"{project.path} already has a layer named '{layer}' that is not a survey.",
                            "Rename or remove that layer, then install the form again.")
        if row is None:
            sample = {c: [{"int": 0, "float": 0.0}.get(kind, "x")] for c, kind in columns.items()}
            gdf = gpd.GeoDataFrame(sample, geometry=[Point(0, 0)], crs=project.crs)
            info = tx.write_layer(gdf, LayerInfo(layer, LayerRole.ASSETS, form.title or form.form_id,
                                                 source=f"survey form {form.form_id}", style=style, extra=extra))
            con.execute(f'DELETE FROM "{layer}"')
            con.ensure_identity(layer, "fid")
            con.ensure_unique(layer, ("uuid",))
            info.feature_count, info.geometry_type = 0, "Point"
        else:
            have = set(con.columns(layer))
            for col, kind in columns.items():
                if col not in have:
                    sql_type = {"int": "bigint", "float": "double precision"}.get(kind, "text")
                    con.execute(f'ALTER TABLE "{layer}" ADD COLUMN "{col}" {sql_type}')
            info = project.layer(layer)
            info.style, info.extra = style, extra
            info.display_name = form.title or info.display_name
        upsert_info(tx.con, info)
        con.execute(con.replace_sql(S.FORMS, 6), (form.form_id, form.version or "", form.title or "", layer,
                                                   json.dumps(form_to_dict(form)), utc_now()))
