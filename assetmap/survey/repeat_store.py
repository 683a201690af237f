"""A repeat's instances as child rows beside the response (GeoPackage and PostGIS alike).

The response's ``answers`` JSON keeps every instance exactly (``{"members": [{...}, ...]}``), so
history, merge and conflict checks take repeats with their parent. So that QGIS, SQL and
reports see one row per instance, each repeat also gets an attribute table
``survey_<form>__<repeat>`` (``parent_uuid``, ``position`` 1-based, one column per question,
``answers``), rewritten inside the same transaction as every write of the parent.
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


def columns(form: Form, repeat: Group) -> dict[str, str]:
    """Question name -> column in the repeat's table."""
    taken = {"fid", "parent_uuid", "position", "answers"}
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


def ensure(con, form: Form) -> None:
    """Create the child tables of ``form``'s repeats, adding columns for new questions."""
    for r in form.repeats():
        table = table_name(form.form_id, r.name)
        cols = columns(form, r)
        if not con.has_table(table):
            defs = ", ".join(f'"{c}" {_sql_type(form, n)}' for n, c in cols.items())
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


def _write_one(con, form: Form, r: Group, table: str, uuid: str, answers: dict[str, Any]) -> None:
    cols = columns(form, r)
    names = ["parent_uuid", "position", *cols.values(), "answers"]
    quoted = ", ".join(f'"{c}"' for c in names)
    for i, inst in enumerate(answers.get(r.name) or [], start=1):
        values = [uuid, i, *(S.flat_value(form.question(n), _plain(inst.get(n))) for n in cols),
                  S.dump_answers(inst)]
        con.execute(f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join("?" * len(names))})', values)


def _sql_type(form: Form, name: str) -> str:
    return {"int": "INTEGER", "float": "REAL"}.get(S.column_kind(form.question(name)), "TEXT")


def write(con, form: Form, uuid: str, answers: dict[str, Any]) -> None:
    """Replace the child rows of response ``uuid`` by the instances in ``answers``."""
    write_many(con, form, [(uuid, answers)])


def write_many(con, form: Form, responses: list[tuple[str, dict[str, Any]]]) -> None:
    """``write`` for many responses (uuid, answers): the tables checked once."""
    if not form.repeats() or not responses:
        return
    ensure(con, form)
    for r in form.repeats():
        table = table_name(form.form_id, r.name)
        for uuid, answers in responses:
            con.execute(f'DELETE FROM "{table}" WHERE parent_uuid=?', (uuid,))
            _write_one(con, form, r, table, uuid, answers)


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
