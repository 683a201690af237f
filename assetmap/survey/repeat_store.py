"""A repeat's instances as child rows beside the response (GeoPackage and PostGIS alike).

The response's ``answers`` JSON keeps every instance exactly (``{"members": [{...}, ...]}``), so
history, merge and conflict checks take repeats with their parent. So that QGIS, SQL and
reports see one row per instance, each repeat also gets an attribute table
``survey_<form>__<repeat>`` (``parent_uuid``, ``position`` 1-based, one column per question,
``answers``), rewritten inside the same transaction as every write of the parent.
A repeat with its own location and a typed address (``assetmap.geocode.survey``) also has
``geocode_match`` and ``geocode_score``: set by the save that placed the instance, and kept on
later rewrites for an instance whose answers did not change.
"""

from __future__ import annotations

import json
import re
from typing import Any

from assetmap.survey import schema as S
from assetmap.survey.form import Form, Group, QType


def table_name(form_id: str, repeat: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", repeat.lower()).strip("_") or "repeat"
    return f"{S.layer_name(form_id)[:40]}__{slug}"[:63]


def geocodes(form: Form, repeat: Group) -> bool:
    """Whether the repeat's rows keep the match of an address placed by a locator."""
    from assetmap.geocode.survey import repeat_address_questions

    return any(r.name == repeat.name for r, _aq, _gq in repeat_address_questions(form))


def columns(form: Form, repeat: Group) -> dict[str, str]:
    """Question name -> column in the repeat's table."""
    from assetmap.geocode.survey import GEOCODE_COLUMNS

    taken = {"fid", "parent_uuid", "position", "answers"}
    if geocodes(form, repeat):
        taken |= set(GEOCODE_COLUMNS)
    out = {}
    for q in form.questions_in(repeat):
        if q.type is QType.NOTE:
            continue
        col = re.sub(r"[^a-z0-9_]+", "_", q.name.lower()).strip("_") or "q"
        if col in taken or not col[0].isalpha():
            col = f"q_{col}"
        base, n = col, 2
        while col in taken:
            col, n = f"{base}_{n}", n + 1
        taken.add(col)
        out[q.name] = col
    return out


def ensure(con, form: Form, geocode_columns: bool = True) -> None:
    """Create the child tables of ``form``'s repeats, adding columns for new questions.

    ``geocode_columns``: also add the geocode columns to a table made before them (installing a
    form does; a save does not, so that a team lead's save on PostGIS never needs an ALTER: the
    rows are then written without them)."""
    for r in form.repeats():
        table = table_name(form.form_id, r.name)
        cols = columns(form, r)
        if not con.has_table(table):
            defs = ", ".join([f'"{c}" {_sql_type(form, n)}' for n, c in cols.items()]
                             + [f'"{c}" {t}' for c, t in _geo_columns(form, r).items()])
            ddl = (f'CREATE TABLE "{table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, parent_uuid TEXT NOT NULL, '
                   f'position INTEGER NOT NULL, {defs + ", " if defs else ""}answers TEXT NOT NULL)')
            con.create_table(ddl, f"{form.title or form.form_id}: {r.name} (one row per repeat instance, "
                                  "by parent_uuid)")
            con.execute(f'CREATE INDEX IF NOT EXISTS "{table}_parent" ON "{table}" (parent_uuid, position)')
            _backfill(con, form, r, table)
        else:
            have = set(con.columns(table))
            for n, c in cols.items():
                if c not in have:
                    con.execute(f'ALTER TABLE "{table}" ADD COLUMN "{c}" {_sql_type(form, n)}')
            for c, t in (_geo_columns(form, r) if geocode_columns else {}).items():
                if c not in have:
                    con.execute(f'ALTER TABLE "{table}" ADD COLUMN "{c}" {t}')


def _geo_columns(form: Form, r: Group) -> dict[str, str]:
    from assetmap.geocode.survey import GEOCODE_COLUMNS

    return {c: {"int": "INTEGER"}.get(k, "TEXT") for c, k in GEOCODE_COLUMNS.items()} if geocodes(form, r) else {}


def child_tables(con) -> list[str]:
    """The child tables of every installed form's repeats that exist (sqlite3 or ``PgCon``):
    what ``assetmap publish`` copies beside the layers, and what a team lead may rewrite."""
    from assetmap.survey.form import form_from_dict

    if not con.has_table(S.FORMS):
        return []
    out = []
    for (text,) in con.execute(f"SELECT json FROM {S.FORMS} ORDER BY form_id").fetchall():
        form = form_from_dict(json.loads(text))
        out += [t for r in form.repeats() if con.has_table(t := table_name(form.form_id, r.name))]
    return out


def complete_on_postgis(con) -> None:
    """A published child table (copied column by column) gets what its SQLite DDL gave it: a default
    ``fid`` and the index by parent. Made by the owner (publish, init-roles): a team lead may not ALTER."""
    for table in child_tables(con):
        con.ensure_identity(table, "fid")
        if not con.has_table(f"{table}_parent"):  # IF NOT EXISTS alone still needs the owner
            con.execute(f'CREATE INDEX "{table}_parent" ON "{table}" (parent_uuid, position)')


def _backfill(con, form: Form, repeat: Group, table: str) -> None:
    """A child table made after responses exist (a project published to PostGIS, whose copy
    takes layers and assetmap tables only): its rows from the responses' answers."""
    layer = S.layer_name(form.form_id)
    if not con.has_table(layer):
        return
    for uuid, text in con.execute(f'SELECT uuid, answers FROM "{layer}"').fetchall():
        answers = S.load_answers(form, text)
        if answers.get(repeat.name):
            _write_one(con, form, repeat, table, uuid, answers)


def _write_one(con, form: Form, r: Group, table: str, uuid: str, answers: dict[str, Any],
               geocoded: list | None = None, kept: dict | None = None, with_geo: bool = True) -> None:
    """``geocoded``: the instances' geocode columns, as this save placed them; ``kept``: the
    stored ones by instance answers (JSON), for instances this write did not place."""
    cols = columns(form, r)
    geo = list(_geo_columns(form, r)) if with_geo else []
    names = ["parent_uuid", "position", *cols.values(), "answers", *geo]
    quoted = ", ".join(f'"{c}"' for c in names)
    for i, inst in enumerate(answers.get(r.name) or [], start=1):
        text = S.dump_answers(inst)
        values = [uuid, i, *(S.flat_value(form.question(n), _plain(inst.get(n))) for n in cols), text]
        if geo:
            g = geocoded[i - 1] if geocoded is not None and i <= len(geocoded) else (kept or {}).get(text) or {}
            values += [g.get(c) for c in geo]
        con.execute(f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join("?" * len(names))})', values)


def _sql_type(form: Form, name: str) -> str:
    return {"int": "INTEGER", "float": "REAL"}.get(S.column_kind(form.question(name)), "TEXT")


def write(con, form: Form, uuid: str, answers: dict[str, Any], geocoded: dict[str, list] | None = None) -> None:
    """Replace the child rows of response ``uuid`` by the instances in ``answers``.

    ``geocoded``: repeat name -> each instance's ``geocode_match``/``geocode_score``, when this
    write placed addresses (``assetmap.geocode.survey.place_repeats_on_save``); otherwise an
    instance whose answers are unchanged keeps the stored ones."""
    write_many(con, form, [(uuid, answers)], geocoded)


def write_many(con, form: Form, responses: list[tuple[str, dict[str, Any]]],
               geocoded: dict[str, list] | None = None) -> None:
    """``write`` for many responses (uuid, answers): the tables checked once."""
    if not form.repeats() or not responses:
        return
    ensure(con, form, geocode_columns=False)
    for r in form.repeats():
        table = table_name(form.form_id, r.name)
        geo = list(_geo_columns(form, r))
        if geo and not set(geo) <= set(con.columns(table)):
            geo = []                           # a table made before them, not reinstalled since
        for uuid, answers in responses:
            kept = stored_geocodes(con, table, uuid, geo) if geo else None
            con.execute(f'DELETE FROM "{table}" WHERE parent_uuid=?', (uuid,))
            _write_one(con, form, r, table, uuid, answers, (geocoded or {}).get(r.name), kept, bool(geo))


def stored_geocodes(con, table: str, uuid: str, geo: list[str] | None = None) -> dict[str, dict]:
    """The stored geocode columns of response ``uuid``'s instances, by instance answers (JSON)."""
    from assetmap.geocode.survey import GEOCODE_COLUMNS

    geo = geo or list(GEOCODE_COLUMNS)
    if not con.has_table(table) or not set(geo) <= set(con.columns(table)):
        return {}
    rows = con.execute(f'SELECT answers, {", ".join(f"{chr(34)}{c}{chr(34)}" for c in geo)} FROM "{table}" '
                       "WHERE parent_uuid=? ORDER BY position", (uuid,)).fetchall()
    return {row[0]: dict(zip(geo, row[1:])) for row in rows if any(v is not None for v in row[1:])}


def stored_instances(con, form: Form, uuid: str) -> dict[str, list[tuple[dict, Any, Any]]]:
    """repeat name -> [(instance answers, geocode_match, geocode_score)] of response ``uuid``, in
    order (what an edit is compared with, ``place_repeats_on_save``)."""
    from assetmap.geocode.survey import MATCH_COLUMN, SCORE_COLUMN

    out = {}
    for r in form.repeats():
        if not geocodes(form, r):
            continue
        table = table_name(form.form_id, r.name)
        if not con.has_table(table):
            continue
        have = set(con.columns(table))
        sel = ", ".join(f'"{c}"' if c in have else "NULL" for c in (MATCH_COLUMN, SCORE_COLUMN))
        rows = con.execute(f'SELECT answers, {sel} FROM "{table}" WHERE parent_uuid=? ORDER BY position',
                           (uuid,)).fetchall()
        out[r.name] = [(S.load_answers(form, json.dumps({r.name: [json.loads(a)]}))[r.name][0], m, s)
                       for a, m, s in rows]
    return out


def _plain(value):
    if isinstance(value, (tuple, list)) and len(value) >= 2 and all(isinstance(v, float) for v in value[:2]):
        return f"{value[0]} {value[1]}"  # a geopoint inside a repeat, as "lat lon" text
    return value


def read(con, form: Form, repeat: str) -> dict[str, list[dict]]:
    """parent uuid -> instances in order, from the child table (what QGIS would see)."""
    table = table_name(form.form_id, repeat)
    if not con.has_table(table):
        return {}
    out: dict[str, list[dict]] = {}
    for parent, text in con.execute(f'SELECT parent_uuid, answers FROM "{table}" ORDER BY parent_uuid, position'):
        out.setdefault(parent, []).append(json.loads(text))
    return out
