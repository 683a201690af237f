"""A repeat's instances in export files: one CSV per repeat beside the main one.

Written as ODK Central does (``<name>-<repeat>.csv`` with ``PARENT_KEY``, the response's id, and
``KEY``, ``<id>/<repeat>[n]``), and read back from ODK Central (``PARENT_KEY`` ↔ ``KEY``) or
KoboToolbox (``_submission__uuid`` ↔ ``_uuid``, or ``_parent_index`` ↔ ``_index``), so an export
with repeats imports again and so do the servers' own.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path
from typing import Any

from assetmap.errors import UserError
from assetmap.survey.export_tables import EXCEL
from assetmap.survey.form import Form, Group, QType

PARENT_COLUMNS = ("PARENT_KEY", "_submission__uuid", "_parent_index")


def repeat_path(main: Path, repeat: str) -> Path:
    return main.with_name(f"{main.stem}-{repeat}{main.suffix}")


def check_free(form: Form, out: Path, overwrite: bool) -> None:
    for r in form.repeats():
        p = repeat_path(out, r.name)
        if p.exists() and not overwrite:
            raise UserError(f"{p} already exists (the answers of the repeat '{r.name}').",
                            "Choose another name, or pass --overwrite.")


def write_repeats(form: Form, parents: list[tuple[str, dict[str, Any]]], out: Path) -> list[Path]:
    """One CSV per repeat of ``form``: a row per instance of each of ``parents`` ((uuid, answers))."""
    written = []
    for r in form.repeats():
        questions = [q for q in form.questions_in(r) if q.type is not QType.NOTE]
        path = repeat_path(out, r.name)
        tmp = path.with_name(f".{path.stem}.part{path.suffix}")
        with open(tmp, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow([q.name for q in questions] + ["PARENT_KEY", "KEY"])
            for uuid, answers in parents:
                for i, inst in enumerate(answers.get(r.name) or [], start=1):
                    w.writerow([_cell(inst.get(q.name)) for q in questions] + [uuid, f"{uuid}/{r.name}[{i}]"])
        os.replace(tmp, path)
        written.append(path)
    return written


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    return str(value)


def _find_file(main: Path, r: Group) -> Path | None:
    for name in (f"{main.stem}-{r.name}{main.suffix}", f"{r.name}{main.suffix}"):
        if (main.parent / name).is_file():
            return main.parent / name
    hits = sorted(main.parent.glob(f"*-{r.name}.csv"))
    return hits[0] if len(hits) == 1 else None


def attach(main: Path, form: Form, rows: list, index_of: dict[str, str], encoding: str | None = None) -> list[str]:
    """Read each repeat's file beside ``main`` into ``row.repeats[repeat]`` (raw text per question,
    instances in file order). ``index_of`` maps a main row's Kobo ``_index`` to its id. Returns the
    problems found (a child row whose parent is not in the export)."""
    from assetmap.survey.kobo_columns import map_columns

    problems = []
    by_uuid = {row.uuid: row for row in rows if row.uuid}
    from assetmap.survey.export_tables import read_table

    for r in form.repeats():
        if main.suffix.lower() in EXCEL:  # Kobo's workbook: a sheet per repeat
            path, table = main, read_table(main, sheet=r.name)
        else:
            path = _find_file(main, r)
            table = read_table(path, encoding) if path is not None else None
        if not table:
            continue
        reader = iter(table)
        headers = [h.strip() for h in next(reader)]
        cmap = map_columns(headers, form, form.questions_in(r))
        parent_col = next((c for c in PARENT_COLUMNS if c in headers), None)
        if parent_col is None:
            problems.append(f"{path.name}: no PARENT_KEY, _submission__uuid or _parent_index column to join "
                            "its rows to the responses; not read")
            continue
        idx = {h: i for i, h in enumerate(headers)}
        for n, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            cells = cells + [""] * (len(headers) - len(cells))
            key = cells[idx[parent_col]].strip()
            if parent_col == "_parent_index":
                key = index_of.get(key, "")
            key = re.sub(r"^uuid:", "", key.split("/")[0])
            row = by_uuid.get(key)
            if row is None:
                where = f"sheet {r.name}" if path == main else path.name
                problems.append(f"{where} row {n}: its parent {key or '(empty)'} is not in {main.name}")
                continue
            inst = {q: cells[idx[c]].strip() for q, c in cmap.question_columns.items()}
            for q, (lat, lon) in cmap.split_geopoints.items():
                if not inst.get(q) and cells[idx[lat]].strip():
                    inst[q] = f"{cells[idx[lat]].strip()} {cells[idx[lon]].strip()}"
            row.repeats.setdefault(r.name, []).append(inst)
    return problems


def unread_files(main: Path, form: Form) -> list[str]:
    """Repeat files (or Kobo sheets) beside the export that no repeat of ``form`` reads: named in
    the report, never dropped without a word. A repeat inside a repeat is one (left out at install)."""
    main = Path(main)
    known = {r.name for r in form.repeats()}
    why = "not read: the form has no repeat `{}` (a repeat inside a repeat is left out when the form is installed)"
    if main.suffix.lower() in EXCEL:
        from assetmap.survey.export_tables import sheet_names

        return [f"sheet {n}: " + why.format(n) for n in sheet_names(main)[1:]
                if n not in {k[:31] for k in known}]
    out = []
    for p in sorted(main.parent.glob(f"{main.stem}-*{main.suffix}")):
        name = p.stem[len(main.stem) + 1:]
        if name not in known:
            out.append(f"{p.name}: " + why.format(name))
    return out


def unpack_zip(path: Path, form: Form, into: Path) -> Path:
    """The CSVs of an ODK Central .zip export, written into ``into``; returns the main one (the
    CSV whose name is not ``…-<repeat>.csv``). Media and other files are not read."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            names = [n for n in z.namelist() if n.lower().endswith(".csv") and not n.endswith("/")]
            for n in names:
                (into / Path(n).name).write_bytes(z.read(n))
    except (zipfile.BadZipFile, OSError) as exc:
        raise UserError(f"{path.name} could not be read as a .zip export ({exc}).",
                        "Download the submissions again from ODK Central, or unzip it and import the CSV.") \
            from exc
    repeat_suffixes = tuple(f"-{r.name}.csv" for r in form.repeats())
    mains = sorted((Path(n).name for n in names if not Path(n).name.endswith(repeat_suffixes)), key=len)
    if not mains:
        raise UserError(f"{path.name} holds no submissions CSV.",
                        "Download the submissions as CSV (.zip) from ODK Central and import that file.")
    return into / mains[0]
