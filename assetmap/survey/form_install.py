"""A form installed in a project: its row in the forms table and its layer (columns, style, metadata).

The layer is made once through ``Project.edit()`` so its metadata and style are right; installing
a newer version of the form adds columns for new questions and keeps the responses.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.project.store import utc_now
from assetmap.survey import schema as S
from assetmap.survey.form import Form, form_to_dict

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project


def install(project: "Project", tx, form: Form, layer: str) -> None:
    """The form's layer and row, in ``tx`` and in its backend's dialect."""
    import geopandas as gpd
    from shapely.geometry import Point

    from assetmap.layers import LayerInfo, LayerRole

    with tx.sql() as con:
        S.ensure_tables(con)
        row = con.execute(f"SELECT layer FROM {S.FORMS} WHERE form_id=?", (form.form_id,)).fetchone()
        if row is None and tx.layer_exists(layer):
            raise UserError(f"{project.path} already has a layer named '{layer}' that is not a survey.",
                            "Rename or remove that layer, then install the form again.")
        columns = layer_columns(form)
        if row is None:
            dummy = {c: [{"int": 0, "float": 0.0}.get(kind, "x")] for c, kind in columns.items()}
            gdf = gpd.GeoDataFrame(dummy, geometry=[Point(0, 0)], crs=project.crs)
            info = LayerInfo(layer, LayerRole.ASSETS, form.title or form.form_id, source=f"survey form {form.form_id}",
                             style=_style(form), extra=_extra(form))
            info = tx.write_layer(gdf, info)
            # GDAL can't make an empty table of a known geometry type: write one row, drop it.
            con.execute(f'DELETE FROM "{layer}"')
            con.reset_extent(layer)
            con.ensure_identity(layer, "fid")
            con.ensure_unique(layer, ("uuid",))
            info.feature_count, info.geometry_type = 0, "Point"
            tx.update_layer_info(info)
        else:
            have = set(con.columns(layer))
            for col, kind in columns.items():
                if col not in have:
                    con.add_column(layer, col, kind)
            info = project.layer(layer)
            info.style, info.extra = _style(form), _extra(form)
            info.display_name = form.title or info.display_name
            tx.update_layer_info(info)
        if form.repeats():  # one attribute table per repeat, visible at once in QGIS
            from assetmap.survey import repeat_store

            repeat_store.ensure(con, form)
        con.execute(con.replace_sql(S.FORMS, 6),
                    (form.form_id, form.version or "", form.title or "", layer,
                     json.dumps(form_to_dict(form)), utc_now()))


def layer_columns(form: Form) -> dict[str, str]:
    """Column -> kind ("str", "int", "float") of the form's layer."""
    cols = {"uuid": "str", "surveyor": "str", "device_id": "str", "created_at": "str",
            "modified_at": "str", "revision": "int", "deleted": "int", "confidential": "int",
            "answers": "str"}
    for name, col in S.column_map(form).items():
        cols.setdefault(col, S.column_kind(form.question(name)))
    if S.label_column(form):
        cols[S.label_column(form)] = "str"
    from assetmap.geocode.survey import GEOCODE_COLUMNS, address_question

    if address_question(form) is not None:
        for col, kind in GEOCODE_COLUMNS.items():
            cols.setdefault(col, kind)
    return cols


def _style(form: Form) -> dict:
    from assetmap.layers.style import OKABE_ITO, SYMBOLS, Style
    from assetmap.layers.roles import LayerRole

    tq = S.type_question(form)
    style = Style.default_for(LayerRole.ASSETS)
    if tq is None or not tq.choices:
        return style.to_dict()
    style.kind, style.field = "categorized", S.label_column(form)
    # Past every colour-and-symbol pair the legend tells nothing apart (a list of thousands of
    # places took seconds to style): the rest share the "other" colour.
    for i, choice in enumerate(tq.choices[:len(OKABE_ITO) * len(SYMBOLS)]):
        label = choice.label(form.default_language)
        style.categories[label] = OKABE_ITO[i % len(OKABE_ITO)]
        # Past eight types the colours repeat, so the symbol tells them apart.
        style.symbols[label] = SYMBOLS[(i // len(OKABE_ITO)) % len(SYMBOLS)]
    return style.validate().to_dict()


def _extra(form: Form) -> dict:
    tq = S.type_question(form)
    return {"survey_form": form.form_id,
            "type_field": S.column_map(form)[tq.name] if tq else None,
            "label_field": S.label_column(form)}
