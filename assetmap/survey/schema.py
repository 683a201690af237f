"""Where survey data lives in a project GeoPackage, and how answers become columns.

Attribute tables (registered in ``gpkg_contents`` like every ``assetmap_*`` table):

- ``assetmap_survey_forms``: each installed form as JSON (``form_to_dict``) and its layer;
- ``assetmap_survey_history``: one row per revision of a response (who, when, what changed);
- ``assetmap_survey_media``: photo bytes, so a field package carries them;
- ``assetmap_survey_package``: key/value metadata, only in a field package;
- ``assetmap_survey_pack_base``: the revision of each response copied into a package (merge base);
- ``assetmap_survey_merges``: per package and response, the package revision last merged and the
  project revision it became, so a re-merge knows what it has already taken;
- ``assetmap_survey_conflicts``: conflicts found by a merge, kept until resolved;
- ``assetmap_survey_imports``: per response, the export version an import last took (``import_base.py``).

Responses themselves are one GPKG point feature table per form (``survey_<form_id>``), fixed
columns first, then one flattened column per input question; ``answers`` keeps the exact values.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from assetmap.survey.form import Form, QType, Question

FORMS = "assetmap_survey_forms"
HISTORY = "assetmap_survey_history"
MEDIA = "assetmap_survey_media"
PACKAGE = "assetmap_survey_package"
PACK_BASE = "assetmap_survey_pack_base"
MERGES = "assetmap_survey_merges"
CONFLICTS = "assetmap_survey_conflicts"
CONFLICT_MEDIA = "assetmap_survey_conflict_media"
IMPORTS = "assetmap_survey_imports"

_SCHEMA = {
    FORMS: ("assetmap survey forms", """
        CREATE TABLE IF NOT EXISTS assetmap_survey_forms (
          fid INTEGER PRIMARY KEY, form_id TEXT NOT NULL UNIQUE, version TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
          layer TEXT NOT NULL, json TEXT NOT NULL, installed_at TEXT NOT NULL)"""),
    HISTORY: ("assetmap survey response history", """
        CREATE TABLE IF NOT EXISTS assetmap_survey_history (
          id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL, form_id TEXT NOT NULL,
          revision INTEGER NOT NULL, action TEXT NOT NULL, surveyor TEXT NOT NULL DEFAULT '',
          device_id TEXT NOT NULL DEFAULT '', at TEXT NOT NULL, changes TEXT NOT NULL DEFAULT '{}',
          note TEXT NOT NULL DEFAULT '')"""),
    MEDIA: ("assetmap survey photos", """
        CREATE TABLE IF NOT EXISTS assetmap_survey_media (
          fid INTEGER PRIMARY KEY,
          uuid TEXT NOT NULL, field TEXT NOT NULL, filename TEXT NOT NULL, mime TEXT NOT NULL DEFAULT '',
          data BLOB NOT NULL, UNIQUE (uuid, field))"""),
    MERGES: ("assetmap survey packages merged", """
        CREATE TABLE IF NOT EXISTS assetmap_survey_merges (
          fid INTEGER PRIMARY KEY,
          package_id TEXT NOT NULL, uuid TEXT NOT NULL, package_revision INTEGER NOT NULL,
          project_revision INTEGER NOT NULL, merged_at TEXT NOT NULL, UNIQUE (package_id, uuid))"""),
    CONFLICTS: ("assetmap survey merge conflicts", """
        CREATE TABLE IF NOT EXISTS assetmap_survey_conflicts (
          id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL, form_id TEXT NOT NULL,
          package_id TEXT NOT NULL, package_surveyor TEXT NOT NULL DEFAULT '',
          package_revision INTEGER NOT NULL, project_revision INTEGER NOT NULL,
          fields TEXT NOT NULL, project_answers TEXT NOT NULL, package_answers TEXT NOT NULL,
          project_deleted INTEGER NOT NULL, package_deleted INTEGER NOT NULL,
          detected_at TEXT NOT NULL, resolved_at TEXT, resolution TEXT,
          UNIQUE (uuid, package_id))"""),
    # A conflicting package's photos wait here until the conflict is settled: copying them into
    # the media table at once would replace the project's photo before anyone chose.
    CONFLICT_MEDIA: ("assetmap survey photos of pending merge conflicts", """
        CREATE TABLE IF NOT EXISTS assetmap_survey_conflict_media (
          fid INTEGER PRIMARY KEY,
          package_id TEXT NOT NULL, uuid TEXT NOT NULL, field TEXT NOT NULL, filename TEXT NOT NULL,
          mime TEXT NOT NULL DEFAULT '', data BLOB NOT NULL, UNIQUE (package_id, uuid, field))"""),
    # Per response, the version of it an export import last took (the export's edit or submission
    # time and revision) and the project revision that became: an older export is then stale, and
    # one changed after a local edit is a conflict, never applied over the edit.
    IMPORTS: ("assetmap survey responses imported from exports", """
        CREATE TABLE IF NOT EXISTS assetmap_survey_imports (
          fid INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, form_id TEXT NOT NULL, source TEXT NOT NULL DEFAULT '',
          source_time TEXT, source_revision INTEGER, project_revision INTEGER NOT NULL,
          imported_at TEXT NOT NULL)"""),
}
_INDEXES = "CREATE INDEX IF NOT EXISTS assetmap_survey_history_uuid ON assetmap_survey_history (uuid, id)"

PACK_SCHEMA = {
    PACKAGE: ("assetmap field package", """
        CREATE TABLE IF NOT EXISTS assetmap_survey_package (
          fid INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, value TEXT NOT NULL)"""),
    PACK_BASE: ("assetmap field package merge base", """
        CREATE TABLE IF NOT EXISTS assetmap_survey_pack_base (
          fid INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, form_id TEXT NOT NULL, revision INTEGER NOT NULL)"""),
}

# Columns every survey layer has, in order, before the per-question ones.
FIXED_COLUMNS = ("uuid", "surveyor", "device_id", "created_at", "modified_at", "revision", "deleted",
                 "confidential", "answers")
CONFIDENTIAL_QUESTION = "confidential"


# Unique constraints beyond the primary key, declared again for copies that lost them (a project
# published to PostGIS keeps primary keys only).
UNIQUE = {CONFLICTS: ("uuid", "package_id")}


def has_table(con: sqlite3.Connection, name: str) -> bool:
    return con.has_table(name)


def replace_sql(con, table: str, n: int) -> str:
    """INSERT OR REPLACE, in the connection's dialect."""
    return con.replace_sql(table, n)


def ensure_tables(con: sqlite3.Connection, tables: dict = _SCHEMA) -> None:
    """Create the tables, or complete copies that lost keys (idempotent); runs inside the
    caller's transaction, in the connection's dialect (``assetmap.project.interface``)."""
    for table, (description, ddl) in tables.items():
        if not con.has_table(table):
            con.create_table(ddl, description)
        elif "AUTOINCREMENT" in ddl:
            con.ensure_identity(table, "id")
        if table in UNIQUE:
            con.ensure_unique(table, UNIQUE[table])
    if tables is not _SCHEMA:
        return
    for (layer,) in con.execute(f"SELECT layer FROM {FORMS}").fetchall():
        if con.has_table(layer):  # no response is ever stored twice, even by two merges at once
            con.ensure_identity(layer, "fid")
            con.ensure_unique(layer, ("uuid",))
    # Asked first: only the table's owner may even run CREATE INDEX IF NOT EXISTS on a server.
    if not con.has_table("assetmap_survey_history_uuid"):
        con.execute(_INDEXES)


def layer_name(form_id: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", form_id.lower()).strip("_") or "form"
    return f"survey_{slug}"[:63]


def column_map(form: Form) -> dict[str, str]:
    """Question name -> flattened column, for answered and calculated questions
    (geopoints become the geometry, so have none)."""
    taken = set(FIXED_COLUMNS) | {"fid", "geom", "geometry"}
    out: dict[str, str] = {}
    for q in form.top_questions():  # a repeat's questions are columns of its own table
        if q.type in (QType.GEOPOINT, QType.NOTE):
            continue
        if q.name == CONFIDENTIAL_QUESTION:
            out[q.name] = "confidential"
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


def type_question(form: Form) -> Question | None:
    """The question that says what kind of asset an entry is: drives the style and summaries."""
    selects = [q for q in form.input_questions() if q.type is QType.SELECT_ONE]
    for q in selects:
        if "type" in q.name.lower() or "category" in q.name.lower():
            return q
    return selects[0] if selects else None


def label_column(form: Form) -> str | None:
    q = type_question(form)
    if q is None:
        return None
    return column_map(form)[q.name] + "_label"


def geopoint_question(form: Form) -> Question | None:
    return next((q for q in form.input_questions() if q.type is QType.GEOPOINT), None)


def column_kind(q: Question) -> str:
    return {QType.INTEGER: "int", QType.DECIMAL: "float"}.get(q.type, "str")


def truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "y", "t")
    return bool(value)


def flat_value(q: Question, value: Any) -> Any:
    if value is None:
        return None
    if q.name == CONFIDENTIAL_QUESTION:
        return int(truthy(value))
    if q.type is QType.SELECT_MULTIPLE:
        return " ".join(str(v) for v in value) if isinstance(value, (list, tuple)) else str(value)
    if q.type in (QType.INTEGER, QType.DECIMAL):
        return value
    return str(value)


def flat_row(form: Form, answers: dict[str, Any]) -> dict[str, Any]:
    """The per-question column values of ``answers`` (plus the type label column)."""
    return flattener(form)(answers)


def flattener(form: Form):
    """``flat_row`` for many responses of one form: the column map is worked out once."""
    cols = [(form.question(name), col) for name, col in column_map(form).items()]
    tq = type_question(form)
    label = label_column(form)

    def flat(answers: dict[str, Any]) -> dict[str, Any]:
        row = {col: flat_value(q, answers.get(q.name)) for q, col in cols}
        # Often a calculation (e.g. yes for DV services), so read the answer, whatever its question type.
        row["confidential"] = int(truthy(answers.get(CONFIDENTIAL_QUESTION) or 0))
        if tq is not None:
            code = answers.get(tq.name)
            choice = tq.choice(code) if code is not None else None
            row[label] = (choice.label(form.default_language) if choice else code)
        return row

    return flat


def dump_answers(answers: dict[str, Any]) -> str:
    """Exact, canonical JSON (sorted keys, unanswered questions left out): equal answers, equal text."""
    clean = {k: (list(v) if isinstance(v, tuple) else v) for k, v in answers.items() if v is not None}
    return json.dumps(clean, sort_keys=True, ensure_ascii=False)


def load_answers(form: Form | None, text: str) -> dict[str, Any]:
    answers = json.loads(text or "{}")
    if form is not None:
        for q in form.questions:
            if q.type is not QType.GEOPOINT:
                continue
            r = form.repeat_of(q)
            for holder in (answers.get(r.name) or [] if r else [answers]):
                if isinstance(holder, dict) and isinstance(holder.get(q.name), list):
                    holder[q.name] = tuple(holder[q.name])
    return answers
