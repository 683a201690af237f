"""A field package comes back from a laptop outside the office: treat it as hostile input.

Before a merge writes anything, ``check_package`` refuses a package holding what ``pack``
never makes: a form id, layer or question name that is not a plain identifier (quotes,
SQL), a table that is neither a GeoPackage/R-tree table, an assetmap table nor a layer the
package lists, a view, or a trigger other than GDAL's spatial-index ones. The project is
not touched (issue 17, case 6: a form id holding quotes and SQL added a form and a layer
to the project and then crashed, at every merge).
"""

from __future__ import annotations

import json
import re
import sqlite3

from assetmap.errors import UserError
from assetmap.layers.info import validate_layer_name
from assetmap.survey import schema as S

FORM_ID_RE = re.compile(r"^[a-z][a-z0-9_]{0,40}$")
FIELD_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
GPKG_TABLES = {"gpkg_contents", "gpkg_extensions", "gpkg_geometry_columns", "gpkg_spatial_ref_sys",
               "gpkg_tile_matrix", "gpkg_tile_matrix_set", "gpkg_ogr_contents", "gpkg_metadata",
               "gpkg_metadata_reference", "gpkg_data_columns", "gpkg_data_column_constraints",
               "sqlite_sequence", "sqlite_stat1", "sqlite_stat4"}
ASSETMAP_TABLES = {"assetmap_project", "assetmap_layers", S.FORMS, S.HISTORY, S.MEDIA, S.PACKAGE, S.PACK_BASE,
                   S.MERGES, S.CONFLICTS, S.CONFLICT_MEDIA, S.IMPORTS}
_RTREE_TRIGGER = re.compile(r"^rtree_(?P<table>[a-z][a-z0-9_]*)_(?P<geom>[a-z][a-z0-9_]*)_"
                            r"(insert|delete|update[1-7]?)$")


def _refuse(path, what: str) -> None:
    raise UserError(f"{path} is not a field package assetmap made: {what}. Nothing was merged.",
                    "Ask the volunteer for the package made by `assetmap survey pack`, or make a new one.")


def check_package(path) -> None:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        _refuse(path, f"it can't be read ({exc})")
    try:
        objects = con.execute("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master").fetchall()
        names = {n for t, n, _, _ in objects if t == "table"}
        layers = [r[0] for r in con.execute("SELECT name FROM assetmap_layers")] \
            if "assetmap_layers" in names else []
        forms = con.execute(f"SELECT form_id, layer, json FROM {S.FORMS}").fetchall() \
            if S.FORMS in names else []
    except sqlite3.Error as exc:
        _refuse(path, f"its tables can't be read ({exc})")
    finally:
        con.close()
    for layer in layers:
        try:
            validate_layer_name(layer)
        except UserError:
            _refuse(path, f"a layer is named {layer!r}")
    children: set[str] = set()  # the repeats' child tables (repeat_store), named by the forms
    for form_id, layer, definition in forms:
        if not isinstance(form_id, str) or not FORM_ID_RE.match(form_id):
            _refuse(path, f"a form id is {form_id!r}")
        if layer != S.layer_name(form_id):
            _refuse(path, f"form {form_id!r} points at the layer {layer!r}")
        children |= _check_form(path, form_id, definition)
    layer_set = set(layers)
    for kind, name, table, sql in objects:
        if kind == "view":
            _refuse(path, f"it holds a view {name!r}")
        if kind == "table" and not (name in GPKG_TABLES or name in ASSETMAP_TABLES or name in layer_set
                                    or name in children
                                    or _is_rtree_table(name, layer_set)):
            _refuse(path, f"it holds an unexpected table {name!r}")
        if kind == "trigger":
            m = _RTREE_TRIGGER.match(name)
            if not m or table not in layer_set or m.group("table") != table or \
                    re.search(r"\bassetmap_|\bsqlite_master\b|\bgpkg_", sql, re.IGNORECASE) or \
                    set(re.findall(r"\brtree_[A-Za-z0-9_]+", sql)) - {name, f"rtree_{table}_{m.group('geom')}"}:
                _refuse(path, f"it holds an unexpected trigger {name!r}")


def _is_rtree_table(name: str, layers: set[str]) -> bool:
    base = re.sub(r"_(node|parent|rowid)$", "", name)
    return base.startswith("rtree_") and any(base.startswith(f"rtree_{layer}_") for layer in layers)


def _check_form(path, form_id: str, definition) -> set[str]:
    """Refuses a form with names that are not plain identifiers; its repeats' child tables."""
    from assetmap.survey import repeat_store
    from assetmap.survey.form import form_from_dict

    try:
        form = form_from_dict(json.loads(definition))
    except Exception:  # noqa: BLE001 - whatever a crafted definition breaks, it is refused the same way
        _refuse(path, f"form {form_id!r} can't be read")
    if form.form_id != form_id:
        _refuse(path, f"form {form_id!r} says it is {form.form_id!r}")
    for q in form.input_questions():
        if not FIELD_RE.match(q.name or ""):
            _refuse(path, f"form {form_id!r} has a question named {q.name!r}")
    tables = set()
    for r in form.repeats():
        for q in form.questions_in(r):
            if not FIELD_RE.match(q.name or ""):
                _refuse(path, f"form {form_id!r} has a question named {q.name!r}")
        tables.add(repeat_store.table_name(form_id, r.name))
    return tables
