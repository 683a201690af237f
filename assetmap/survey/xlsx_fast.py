"""A fast reader of an XLSForm .xlsx into the sheet dictionary pyxform builds a form from.

pyxform reads .xlsx through openpyxl, which builds an object per cell: a choice list of
100,000 rows took most of a minute to install. This reads the same sheets with expat (the
workbook's shared strings, its date styles and each XLSForm sheet's cells) and hands pyxform
the dictionary its own ``xlsx_to_dict`` would have made, cleaned by pyxform's own helpers
(headers, empty-row runs, value to text). Anything this reader does not expect (an odd
workbook layout, a missing part) makes ``read_xlsform`` return None, and the caller falls back
to pyxform's reader; tests compare both on every example form.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from xml.parsers import expat

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_COL = re.compile(r"([A-Z]+)")


class _Cell:
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


def _col_index(ref: str) -> int:
    letters = _COL.match(ref).group(1)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _parser():
    return expat.ParserCreate(namespace_separator="|")


def _shared_strings(data: bytes) -> list[str]:
    out: list[str] = []
    parts: list[str] = []
    state = {"in_t": False, "in_rph": 0}

    def start(name, attrs):
        tag = name.rsplit("|", 1)[-1]
        if tag == "si":
            parts.clear()
        elif tag == "rPh":
            state["in_rph"] += 1
        elif tag == "t" and not state["in_rph"]:
            state["in_t"] = True

    def end(name):
        tag = name.rsplit("|", 1)[-1]
        if tag == "si":
            out.append("".join(parts))
        elif tag == "rPh":
            state["in_rph"] -= 1
        elif tag == "t":
            state["in_t"] = False

    def text(data):
        if state["in_t"]:
            parts.append(data)

    p = _parser()
    p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, text
    p.buffer_text = True
    p.Parse(data, True)
    return out


def _date_styles(data: bytes | None) -> tuple[set[int], set[int]]:
    """Indexes of cell formats that show dates (and those that show durations)."""
    import xml.etree.ElementTree as ET

    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

    if data is None:
        return set(), set()
    root = ET.fromstring(data)
    codes = dict(BUILTIN_FORMATS)
    for fmt in root.iter(f"{{{_MAIN}}}numFmt"):
        codes[int(fmt.get("numFmtId"))] = fmt.get("formatCode") or ""
    dates, durations = set(), set()
    xfs = root.find(f"{{{_MAIN}}}cellXfs")
    for i, xf in enumerate(xfs if xfs is not None else []):
        code = codes.get(int(xf.get("numFmtId", 0)), "")
        if code and is_date_format(code):
            dates.add(i)
            if is_timedelta_format(code):
                durations.add(i)
    return dates, durations


def _sheet_rows(data: bytes, strings: list[str], dates: set[int], durations: set[int], epoch) -> list[list]:
    """Every row from row 1 (missing rows empty), each cell at its column (missing ones None)."""
    from openpyxl.utils.datetime import from_excel

    rows: dict[int, list] = {}
    cur = {"row": 0, "col": 0, "t": "n", "s": 0, "v": None, "in_v": False, "in_is_t": False, "parts": []}

    def start(name, attrs):
        tag = name.rsplit("|", 1)[-1]
        if tag == "row":
            cur["row"] = int(attrs.get("r") or cur["row"] + 1)
            cur["col"] = 0
            rows.setdefault(cur["row"], [])
        elif tag == "c":
            ref = attrs.get("r")
            cur["col"] = _col_index(ref) if ref else cur["col"] + 1
            cur["t"], cur["s"], cur["v"] = attrs.get("t", "n"), int(attrs.get("s") or 0), None
            cur["parts"] = []
        elif tag == "v":
            cur["in_v"], cur["parts"] = True, []
        elif tag == "t" and cur["t"] == "inlineStr":
            cur["in_is_t"] = True

    def end(name):
        tag = name.rsplit("|", 1)[-1]
        if tag == "v":
            cur["in_v"], cur["v"] = False, "".join(cur["parts"])
        elif tag == "t" and cur["in_is_t"]:
            cur["in_is_t"] = False
        elif tag == "c":
            t, v = cur["t"], cur["v"]
            if t == "inlineStr":
                value = "".join(cur["parts"])
            elif not v:
                value = None
            elif t == "s":
                value = strings[int(v)]
            elif t == "b":
                value = bool(int(v))
            elif t in ("str", "e"):
                value = v
            else:  # a number, perhaps a date
                value = float(v) if any(ch in v for ch in ".eE") else int(v)
                if cur["s"] in dates:
                    value = from_excel(value, epoch, timedelta=cur["s"] in durations)
            row = rows[cur["row"]]
            row.extend([None] * (cur["col"] - len(row)))
            row[cur["col"] - 1] = value

    def text(data):
        if cur["in_v"] or cur["in_is_t"]:
            cur["parts"].append(data)

    p = _parser()
    p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, text
    p.buffer_text = True
    p.Parse(data, True)
    last = max(rows, default=0)
    return [rows.get(r, []) for r in range(1, last + 1)]


def _sheet_paths(zf: zipfile.ZipFile) -> tuple[list[tuple[str, str]], bool]:
    """[(sheet name, part path)] in workbook order, and whether dates count from 1904."""
    import xml.etree.ElementTree as ET

    wb = ET.fromstring(zf.read("xl/workbook.xml"))
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{{{_PKG_REL}}}Relationship")}
    out = []
    for sheet in wb.iter(f"{{{_MAIN}}}sheet"):
        target = targets[sheet.get(f"{{{_REL}}}id")]
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        out.append((sheet.get("name"), path))
    pr = wb.find(f"{{{_MAIN}}}workbookPr")
    return out, pr is not None and pr.get("date1904") in ("1", "true")


def read_xlsform(path: Path) -> dict | None:
    """The sheets pyxform's ``xlsx_to_dict`` would give, or None to let pyxform read the file."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900
    from pyxform import constants
    from pyxform.xls2json_backends import (_list_to_dict_list, get_excel_column_headers, get_excel_rows,
                                           is_empty, xlsx_value_to_str)

    def clean(cell, row_n, key):
        value = cell.value
        if isinstance(value, str):
            value = value.strip()
        return None if is_empty(value) else xlsx_value_to_str(value)

    try:
        with zipfile.ZipFile(path) as zf:
            sheets, mac = _sheet_paths(zf)
            names = set(zf.namelist())
            strings = _shared_strings(zf.read("xl/sharedStrings.xml")) if "xl/sharedStrings.xml" in names else []
            dates, durations = _date_styles(zf.read("xl/styles.xml") if "xl/styles.xml" in names else None)
            epoch = CALENDAR_MAC_1904 if mac else CALENDAR_WINDOWS_1900
            book: dict = {"sheet_names": []}
            for name, part in sheets:
                book["sheet_names"].append(name)
                key = name.lower()
                if key not in constants.SUPPORTED_SHEET_NAMES:
                    if len(sheets) != 1:
                        continue
                    key = constants.SURVEY
                rows = _sheet_rows(zf.read(part), strings, dates, durations, epoch)
                headers = get_excel_column_headers(first_row=rows[0] if rows else [])
                width = len(headers)
                data = get_excel_rows(headers=headers, rows=([_Cell(v) for v in r[:width]] for r in rows[1:]),
                                      cell_func=clean)
                book[key] = data
                book[f"{key}_header"] = _list_to_dict_list([h for h in headers if h is not None])
    except (KeyError, ValueError, IndexError, TypeError, AttributeError, zipfile.BadZipFile, expat.ExpatError):
        return None  # pyxform's own reader decides (and words any error)
    return book
