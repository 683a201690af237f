"""Reading KoboToolbox and ODK (Central, Briefcase) CSV exports into raw answers.

The two tools lay out the same submission differently, and each has options:

- group paths: Kobo ``grp/field`` (or no groups), ODK ``grp-field``;
- the submission id: Kobo ``_uuid`` and ``meta/instanceID``; ODK ``meta-instanceID``
  or ``KEY`` (``uuid:...``);
- geopoints: one column ``"lat lon alt acc"`` and/or split columns, Kobo
  ``_field_latitude``/``_longitude``, ODK ``field-Latitude``/``-Longitude``;
- select_multiple: space-separated codes, and/or one 0/1 (or True/False) column per
  choice, Kobo ``field/choice``; labels instead of codes when exported "with labels";
- ``or_other`` text in ``field_other``; Kobo's delimiter is often ``;``.

This module only finds the columns and turns each row into raw text per question;
``kobo.py`` coerces, validates and saves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from assetmap.errors import UserError
from assetmap.survey.form import Form, QType, Question

SEPARATORS = ("/", "-", ":", ".")
UUID_COLUMNS = ("_uuid", "meta/instanceID", "meta-instanceID", "instanceID", "KEY", "_URI", "uuid")
TIME_COLUMNS = ("_submission_time", "SubmissionDate", "end", "start", "today", "created_at")
# When the row was last changed, for ordering it against the project's copy (assetmap's own export).
EDIT_TIME_COLUMNS = ("modified_at",)
# assetmap's revision; ODK Central counts edits from 0 (its revision is Edits + 1).
REVISION_COLUMNS = {"revision": 0, "Edits": 1}
SURVEYOR_COLUMNS = ("_submitted_by", "SubmitterName", "username", "surveyor", "deviceid")
_TRUE = {"1", "true", "yes", "y", "x"}


@dataclass
class RawRow:
    row_number: int  # 1-based data row as a spreadsheet shows it (header is row 1)
    values: dict[str, str] = field(default_factory=dict)  # question name -> raw text
    uuid: str | None = None
    submitted_at: str | None = None
    surveyor: str | None = None
    edited_at: str | None = None
    revision: int | None = None
    index: str | None = None  # Kobo's _index, which its repeat sheets' _parent_index points to
    repeats: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # repeat -> instances (raw text)


@dataclass
class ColumnMap:
    question_columns: dict[str, str]  # question name -> column holding its value
    split_geopoints: dict[str, tuple[str, str]]  # question -> (lat column, lon column)
    choice_columns: dict[str, dict[str, str]]  # select_multiple question -> {choice: column}
    other_columns: dict[str, str]  # or_other question -> "..._other" text column
    uuid_column: str | None
    time_column: str | None
    surveyor_column: str | None
    unused: list[str]
    edit_time_column: str | None = None
    revision_column: str | None = None  # data columns no question claims (reported, not fatal)


def _last_segment(header: str) -> str:
    return re.split(r"[/\-:.]", header)[-1]


def _matches(header: str, name: str) -> bool:
    if header == name:
        return True
    return any(header.endswith(sep + name) for sep in SEPARATORS)


def _find(headers: list[str], name: str) -> str | None:
    exact = [h for h in headers if h == name]
    if exact:
        return exact[0]
    hits = [h for h in headers if _matches(h, name) and not h.startswith("_")]
    return min(hits, key=len) if hits else None


def _geopoint_parts(headers: list[str], name: str) -> dict[str, str]:
    """Split geopoint columns of question ``name``: {"latitude": header, "longitude": ..., ...}."""
    parts = {}
    for h in headers:
        base = h.lower().lstrip("_")
        for part in ("latitude", "longitude", "altitude", "precision", "accuracy"):
            for sep in ("_", "-"):
                if base.endswith(sep + part) and _matches(base[: -len(part) - 1], name.lower()):
                    parts[part] = h
    return parts


def _choice_columns(headers: list[str], q: Question) -> dict[str, str]:
    found = {}
    for c in q.choices:
        for sep in ("/", "-", "."):
            target = f"{q.name}{sep}{c.name}"
            hit = next((h for h in headers if h == target or any(h.endswith(s + target) for s in SEPARATORS)),
                       None)
            if hit:
                found[c.name] = hit
                break
    return found


def map_columns(headers: list[str], form: Form, questions: list[Question] | None = None) -> ColumnMap:
    """Which columns hold ``questions`` (default: those answered once per response; a repeat's
    questions are in its own file or sheet)."""
    from assetmap.survey import schema as S

    claimed: set[str] = set()
    question_columns, split, choices, others = {}, {}, {}, {}
    flat = S.column_map(form)
    questions = form.top_questions() if questions is None else questions
    geopoints = [q for q in questions if q.type is QType.GEOPOINT]
    for q in questions:
        if not q.type.takes_input and q.type is not QType.CALCULATE:
            continue
        col = _find(headers, q.name)
        if col is None and q.path:  # a question copied from a `begin loop`: loop/choice/name in the export
            col = next((c for sep in SEPARATORS if (c := _find(headers, q.path.replace("/", sep)))), None)
        if col is None and flat.get(q.name) in headers:  # assetmap's own export names columns so
            col = flat[q.name]
        if col:
            question_columns[q.name] = col
            claimed.add(col)
        if q.type is QType.GEOPOINT:
            parts = _geopoint_parts(headers, q.name)
            if "latitude" in parts and "longitude" in parts:
                split[q.name] = (parts["latitude"], parts["longitude"])
                claimed.update(parts.values())
            elif "latitude" in headers and "longitude" in headers and len(geopoints) == 1:
                split[q.name] = ("latitude", "longitude")  # assetmap's own export
                claimed.update(("latitude", "longitude"))
        if q.type is QType.SELECT_MULTIPLE:
            cols = _choice_columns(headers, q)
            if cols:
                choices[q.name] = cols
                claimed.update(cols.values())
        if q.or_other:
            other = _find(headers, f"{q.name}_other")
            if other:
                others[q.name] = other
                claimed.add(other)

    def first(names: tuple[str, ...]) -> str | None:
        lowered = {h.lower(): h for h in headers}
        return next((lowered[n.lower()] for n in names if n.lower() in lowered), None)

    uuid_col, time_col, who_col = first(UUID_COLUMNS), first(TIME_COLUMNS), first(SURVEYOR_COLUMNS)
    edit_col, rev_col = first(EDIT_TIME_COLUMNS), first(tuple(REVISION_COLUMNS))
    claimed.update(c for c in (uuid_col, time_col, who_col, edit_col, rev_col) if c)
    label = S.label_column(form)
    if label in headers:
        claimed.add(label)  # the type's label, written beside its code
    unused = [h for h in headers if h not in claimed and not h.startswith("_") and h not in KNOWN_META
              and _last_segment(h) not in KNOWN_META]
    return ColumnMap(question_columns, split, choices, others, uuid_col, time_col, who_col, unused,
                     edit_col, rev_col)


KNOWN_META = {"start", "end", "today", "deviceid", "username", "instanceID", "KEY", "SubmissionDate",
              "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status",
              "ReviewState", "DeviceID", "Edits", "FormVersion", "__version__", "instanceName", "audit",
              "device_id", "created_at", "modified_at", "revision"}


def read_rows(path: Path, form: Form, encoding: str | None = None) -> tuple[ColumnMap, list[RawRow]]:
    """Every data row as raw text per question; raises UserError for unreadable files."""
    from assetmap.survey.export_tables import read_table

    path = Path(path)
    table = read_table(path, encoding)
    if not table or not any(c.strip() for row in table for c in row):
        raise UserError(f"{path} is empty.", "Export the submissions again; the file has no rows.")
    reader = iter(table)
    headers = [h.strip() for h in next(reader)]
    cmap = map_columns(headers, form)
    if not cmap.question_columns and not cmap.split_geopoints:
        raise UserError(
            f"None of the columns of {path.name} match a question of the form '{form.title}'.",
            "Check that this export comes from the same form (or give its XLSForm with --form).")
    idx = {h: i for i, h in enumerate(headers)}
    rows = []
    for n, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        cells = cells + [""] * (len(headers) - len(cells))

        def cell(col: str | None) -> str:
            return cells[idx[col]].strip() if col else ""

        row = RawRow(n)
        for qname, col in cmap.question_columns.items():
            row.values[qname] = cell(col)
        for qname, (lat, lon) in cmap.split_geopoints.items():
            if not row.values.get(qname) and cell(lat) and cell(lon):
                row.values[qname] = f"{cell(lat)} {cell(lon)}"
        for qname, cols in cmap.choice_columns.items():
            if not row.values.get(qname):
                picked = [c for c, col in cols.items() if cell(col).lower() in _TRUE]
                row.values[qname] = " ".join(picked)
        for qname, col in cmap.other_columns.items():
            if cell(col):
                row.values[f"{qname}_other"] = cell(col)
        uid = cell(cmap.uuid_column)
        row.uuid = uid.removeprefix("uuid:") or None
        row.submitted_at = cell(cmap.time_column) or None
        row.surveyor = cell(cmap.surveyor_column) or None
        row.edited_at = cell(cmap.edit_time_column) or None
        row.index = cell("_index" if "_index" in idx else None) or None
        rev = cell(cmap.revision_column)
        if re.fullmatch(r"\d+(\.0*)?", rev):
            row.revision = int(float(rev)) + REVISION_COLUMNS.get(cmap.revision_column, 0)
        rows.append(row)
    return cmap, rows
