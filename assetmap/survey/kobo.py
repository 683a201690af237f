"""Import KoboToolbox / ODK CSV exports into a project's survey layer.

Rows are coerced to the form's types and validated with the same rules as the
entry form; a row that breaks them is reported (row number, question, reason)
and skipped, the rest are saved with their original submission UUID, so
importing the same export twice adds nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import Cancelled, UserError
from assetmap.survey.form import Form, QType, Question
from assetmap.survey.import_base import SourceVersion
from assetmap.survey.kobo_columns import RawRow, read_rows

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project
    from assetmap.tasks import TaskContext



@dataclass
class RowProblem:
    row_number: int
    question: str | None
    message: str

    def text(self) -> str:
        where = f", question '{self.question}'" if self.question else ""
        return f"row {self.row_number}{where}: {self.message}"


@dataclass
class KoboImportReport:
    source: str
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    stale: list[RowProblem] = field(default_factory=list)  # older than the project's copy: not applied
    conflicts: list[RowProblem] = field(default_factory=list)  # changed in both places: not applied
    unused_columns: list[str] = field(default_factory=list)
    geocoded: dict[int, str] = field(default_factory=dict)   # row number -> match type
    repeat_problems: list[str] = field(default_factory=list)  # repeat files' rows that match no response
    # row number -> the repeat instances placed from their address (AddressPlacement, ``where``)
    repeats_geocoded: dict[int, list] = field(default_factory=dict)

    @property
    def rejected_rows(self) -> int:
        return len({p.row_number for p in self.problems})

    def text(self) -> str:
        lines = [f"{self.source}: {self.rows} rows; {self.added} added, {self.updated} updated, "
                 f"{self.unchanged} unchanged, {self.rejected_rows} rejected"
                 + (f", {len(self.stale)} stale" if self.stale else "")
                 + (f", {len(self.conflicts)} in conflict" if self.conflicts else "") + "."]
        lines += [f"  {p.text()}" for p in self.problems]
        lines += [f"  stale: {p.text()}" for p in self.stale]
        lines += [f"  conflict: {p.text()}" for p in self.conflicts]
        lines += [f"  {p}" for p in self.repeat_problems]
        if self.unused_columns:
            lines.append("  columns not in the form (ignored): " + ", ".join(self.unused_columns))
        if self.geocoded:
            placed = sum(1 for t in self.geocoded.values() if t != "unmatched")
            lines.append(f"  located from their address: {placed} of {len(self.geocoded)} rows without a location"
                         + "".join(f"; row {n}: not found" for n, t in self.geocoded.items() if t == "unmatched"))
        if self.repeats_geocoded:
            every = [(n, p) for n, ps in self.repeats_geocoded.items() for p in ps]
            placed = sum(1 for _n, p in every if p.placed)
            lines.append(f"  repeat entries located from their address: {placed} of {len(every)} without a location"
                         + "".join(f"; row {n} {p.where}: not found" for n, p in every if not p.placed))
        return "\n".join(lines)


def _geopoint_text(raw: str) -> str:
    """ "lat lon alt acc" or "lat,lon" -> "lat lon" (altitude and accuracy are not kept).
    "nan nan 0 0" or "inf 1" is refused: a location must be two finite numbers."""
    import math

    parts = [p for p in re.split(r"[\s,;]+", raw.strip()) if p]
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except (IndexError, ValueError):
        raise ValueError(f"'{raw}' is not a location (expected 'latitude longitude').") from None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValueError(f"'{raw}' is not a location: latitude and longitude must be numbers.")
    return f"{parts[0]} {parts[1]}"


def _codes(q: Question, raw: str) -> str:
    """Choice codes from codes or (for exports 'with labels') from labels in any language."""
    by_label = {}
    for c in q.choices:
        for label in c.labels.values():
            by_label.setdefault(label.strip().lower(), c.name)
    if q.type is QType.SELECT_ONE:
        if q.choice(raw) is None and raw.strip().lower() in by_label:
            return by_label[raw.strip().lower()]
        return raw
    tokens = raw.split()
    if all(q.choice(t) or (q.or_other and t == "other") for t in tokens):
        return raw
    # labels can contain spaces: match whole labels separated by spaces greedily
    out, rest = [], raw.strip().lower()
    for label in sorted(by_label, key=len, reverse=True):
        if label and label in rest:
            out.append(by_label[label])
            rest = rest.replace(label, " ")
    return " ".join(out + rest.split())


def row_answers(form: Form, row: RawRow) -> tuple[dict, list[RowProblem]]:
    from assetmap.survey.validation import coerce

    answers: dict = {}
    problems: list[RowProblem] = []
    _coerce_into(form, row.values, answers, problems, row.row_number, "")
    for rname, instances in row.repeats.items():
        answers[rname] = []
        for i, inst in enumerate(instances, start=1):
            out: dict = {}
            _coerce_into(form, inst, out, problems, row.row_number, f"{rname}[{i}]/")
            answers[rname].append(out)
    return answers, problems


def _coerce_into(form: Form, values: dict[str, str], answers: dict, problems: list, row_number: int,
                 prefix: str) -> None:
    from assetmap.survey.validation import coerce

    for name, raw in values.items():
        if name.endswith("_other") and not form.has_question(name):
            answers[name] = raw
            continue
        q = form.question(name)
        if raw == "" or q.type in (QType.NOTE, QType.CALCULATE):
            continue  # calculations are recomputed from the answers, not trusted from the export
        try:
            if q.type is QType.GEOPOINT:
                raw = _geopoint_text(raw)
            elif q.type in (QType.SELECT_ONE, QType.SELECT_MULTIPLE):
                raw = _codes(q, raw)
            answers[name] = coerce(q, raw)
        except ValueError as exc:
            problems.append(RowProblem(row_number, prefix + name, str(exc)))


def import_export(project: "Project", path, form_id: str, *, surveyor: str | None = None,
                  language: str | None = None, ctx: "TaskContext | None" = None,
                  encoding: str | None = None, locator: str | None = None,
                  address_column: str | None = None, zip_column: str | None = None) -> KoboImportReport:
    """``locator`` + ``address_column``: rows without a location get one from their address
    (``zip_column``: a ZIP column choosing between streets of the same name in two places)."""
    from assetmap.survey.store import SurveyStore
    from assetmap.survey.validation import evaluate

    path = Path(path)
    store = SurveyStore(project)
    form = store.form(form_id)
    if path.suffix.lower() == ".zip":  # ODK Central's "all data" download: the CSVs inside
        import tempfile

        from assetmap.survey.repeat_files import unpack_zip

        with tempfile.TemporaryDirectory(prefix="assetmap-import-") as tmp:
            main = unpack_zip(path, form, Path(tmp))
            report = import_export(project, main, form_id, surveyor=surveyor, language=language, ctx=ctx,
                                   encoding=encoding, locator=locator, address_column=address_column,
                                   zip_column=zip_column)
        report.source = path.name
        return report
    cmap, rows = read_rows(path, form, encoding)
    report = KoboImportReport(path.name, rows=len(rows), unused_columns=cmap.unused)
    if form.repeats():
        from assetmap.survey.repeat_files import attach

        index_of = {row.index: row.uuid for row in rows if row.index and row.uuid}
        report.repeat_problems = attach(path, form, rows, index_of, encoding)
    from assetmap.survey.repeat_files import unread_files

    report.repeat_problems += unread_files(path, form)
    duplicates = _duplicate_uuids(rows)
    geocoded: dict[int, str] = {}
    inner: dict[int, tuple[list, dict]] = {}
    if locator is not None or address_column is not None or zip_column is not None:
        from assetmap.geocode.locators import load_matcher
        from assetmap.geocode.survey import fill_locations, fill_repeat_locations, repeat_address_questions

        if locator is not None and address_column is None and zip_column is None:
            # Only the addresses inside repeats (the form marks them); ``import_command`` makes the
            # form's own address question the default column.
            if not repeat_address_questions(form):
                raise UserError("--locator and --address-column go together.",
                                "Give both: the locator and the column holding the typed address.")
        elif locator is None or address_column is None:
            if zip_column is not None:
                raise UserError("--zip is the ZIP column of addresses placed with --locator and --address-column.",
                                "Give --locator NAME --address-column COL too, or leave --zip out.")
            raise UserError("--locator and --address-column go together.",
                            "Give both: the locator and the column holding the typed address.")
        matcher = load_matcher(project, locator)
        if address_column is not None:
            geocoded = fill_locations(path, form, rows, matcher, address_column, encoding, zip_column=zip_column)
        inner = fill_repeat_locations(form, rows, matcher)
        report.geocoded = geocoded
        report.repeats_geocoded = {n: p for n, (p, _cols) in inner.items()}
    for i, row in enumerate(rows):
        if ctx is not None:
            if ctx.cancelled:
                raise Cancelled()
            ctx.progress(i / max(len(rows), 1), f"Row {row.row_number}")
        if row.uuid in duplicates:
            others = ", ".join(str(n) for n in duplicates[row.uuid] if n != row.row_number)
            report.problems.append(RowProblem(
                row.row_number, None, f"the submission id {row.uuid} is also on row {others} of this file; "
                "none of them is imported (which one is right cannot be told)"))
            continue
        answers, problems = row_answers(form, row)
        if not problems:
            state = evaluate(form, answers)
            problems = [RowProblem(row.row_number, issue.question, issue.message)
                        for issue in state.issues]
        if problems:
            report.problems.extend(problems)
            continue
        version = SourceVersion(row.edited_at or row.submitted_at, row.revision)
        uuid = row.uuid or _stable_uuid(path, row)
        placed = [f"location from the address: {geocoded[row.row_number]}"] if geocoded.get(
            row.row_number, "unmatched") != "unmatched" else []
        placed += [f"{p.where}: location from the address: {p.match_type}"
                   for p in inner.get(row.row_number, ([], {}))[0] if p.placed]
        outcome = store.save_imported(form_id, state.values, uuid=uuid,
                                      surveyor=row.surveyor or surveyor or "import",
                                      submitted_at=row.submitted_at, version=version,
                                      source=path.name + (f" ({'; '.join(placed)})" if placed else ""),
                                      repeat_geocodes=inner.get(row.row_number, ([], None))[1])
        if outcome == "stale":
            report.stale.append(RowProblem(row.row_number, None, f"{uuid} is older than the project's copy, "
                                           "which was edited since; not applied"))
        elif outcome == "conflict":
            report.conflicts.append(RowProblem(row.row_number, None, f"{uuid} changed in the export and was "
                                               "edited in the project too; not applied (compare and edit it by hand)"))
        else:
            setattr(report, outcome, getattr(report, outcome) + 1)
    return report


def _duplicate_uuids(rows: list[RawRow]) -> dict[str, list[int]]:
    seen: dict[str, list[int]] = {}
    for row in rows:
        if row.uuid:
            seen.setdefault(row.uuid, []).append(row.row_number)
    return {u: ns for u, ns in seen.items() if len(ns) > 1}


def _stable_uuid(path: Path, row: RawRow) -> str:
    """Exports without a submission id: the same row gets the same UUID on every import."""
    import json
    import uuid

    key = json.dumps([path.name, row.row_number, row.submitted_at, sorted(row.values.items())])
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "assetmap-import:" + key))


def load_form_for(path: str | None, project: "Project") -> str:
    """The form id to import into: the given XLSForm (installed if new) or the project's only form."""
    from assetmap.survey.store import SurveyStore

    store = SurveyStore(project)
    if path:
        from assetmap.survey.xlsform import load_form

        form = load_form(path)
        if form.form_id not in {f.form_id for f in store.forms()}:
            store.install_form(form)
        return form.form_id
    forms = store.forms()
    if len(forms) == 1:
        return forms[0].form_id
    if not forms:
        raise UserError("This project has no survey form yet.",
                        "Give the XLSForm the export came from with --form FORM.xlsx.")
    raise UserError("This project has several survey forms: "
                    + ", ".join(f.form_id for f in forms) + ".",
                    "Name the one the export came from with --form FORM.xlsx.")
