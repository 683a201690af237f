"""Reading a table to join (CSV, XLSX, DBF) and the rules that make keys meet.

Everything is read as text first: a code like ``043`` or ``29510101100`` must not be
turned into a float before we decide whether it is a key or a number. Columns are
typed afterwards (:func:`type_columns`), keys are compared through :func:`normalise_key`.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

TABLE_SUFFIXES = {".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".dbf"}
SUPPORTED_TABLES = "CSV (.csv, .tsv, .txt), Excel (.xlsx) and dBASE (.dbf)"

# What statistical offices write for "no value" in a numeric column (Census: "(X)", "*****", "-").
MISSING_TOKENS = {"", "na", "n/a", "nan", "null", "none", "-", "--", "(x)", "*", "**", "***", "*****", "."}

# US Census GEO_ID: summary level (3 digits) + "0000US" + the GEOID, e.g. 1400000US29510101100.
_GEOID_PREFIX = re.compile(r"^\d{3}[0-9a-z]{4}us(?=[0-9a-z])")
_INTEGER = re.compile(r"^[+-]?\d+(?:\.0*)?$")
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$")


def normalise_key(value: Any) -> str | None:
    """The form two keys are compared in; None for a blank key.

    Text vs number (43, 43.0, "43"), leading zeros ("043"), surrounding blanks, case and
    a Census GEO_ID prefix ("1400000US29510101100" = "29510101100") all compare equal.
    """
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            return str(int(value))
    text = " ".join(str(value).split()).casefold()
    if not text:
        return None
    text = _GEOID_PREFIX.sub("", text)
    if _INTEGER.match(text):
        digits = text.split(".")[0]
        sign = "-" if digits.startswith("-") else ""
        digits = digits.lstrip("+-").lstrip("0") or "0"
        return sign + digits if digits != "0" else "0"
    return text


def read_table(path: str | Path, *, sheet: str | None = None, encoding: str | None = None,
               nrows: int | None = None) -> "pd.DataFrame":
    """The table as text columns (DBF keeps the types its header declares); ``nrows`` reads only
    the first rows (a dialog listing the columns)."""
    import pandas as pd

    path = Path(path)
    if not path.exists():
        raise UserError(f"{path} does not exist.", "Check the file name and folder.")
    if path.is_dir():
        raise UserError(f"{path} is a folder.", f"Choose a table file inside it: {SUPPORTED_TABLES}.")
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise UserError(f"{path}: files ending in '{path.suffix or '(nothing)'}' can't be joined as a table.",
                        f"Supported: {SUPPORTED_TABLES}. Save the table as CSV from your spreadsheet.")
    if path.stat().st_size == 0:
        raise UserError(f"{path} is empty.", "Choose the file that holds the table, or export it again.")
    if suffix == ".dbf":
        import pyogrio

        try:
            df = pyogrio.read_dataframe(path, read_geometry=False, encoding=encoding, max_features=nrows)
        except Exception as exc:
            raise _unreadable(path, exc) from exc
        return pd.DataFrame(df)
    if suffix in (".xlsx", ".xlsm"):
        try:
            with pd.ExcelFile(path, engine="openpyxl") as book:
                names = book.sheet_names
                if sheet is None:
                    sheet = names[0]
                elif sheet not in names:
                    raise UserError(f"{path} has no sheet '{sheet}'.", f"Its sheets: {', '.join(names)}.")
                df = pd.read_excel(book, sheet_name=sheet, dtype=str, keep_default_na=False, nrows=nrows)
        except UserError:
            raise
        except Exception as exc:
            raise _unreadable(path, exc) from exc
        return _tidy_header(df, path)
    last: Exception | None = None
    for enc in ([encoding] if encoding else ["utf-8-sig", "cp1252"]):
        try:
            sep = "\t" if suffix == ".tsv" else _separator(path, enc)
            df = pd.read_csv(path, dtype=str, keep_default_na=False, sep=sep, encoding=enc, nrows=nrows)
            return _tidy_header(df, path)
        except UnicodeDecodeError as exc:
            last = exc
        except Exception as exc:
            raise _unreadable(path, exc) from exc
    raise UserError(f"{path} is not in a text encoding assetmap recognises ({last}).",
                    "Name it with --encoding, for example --encoding latin-1.")


def sheet_names(path: str | Path) -> list[str]:
    """The sheets of an Excel workbook, in the workbook's order (for a dialog to offer)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except Exception as exc:
        raise _unreadable(Path(path), exc) from exc
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def _separator(path: Path, encoding: str) -> str:
    """Comma, semicolon (European spreadsheets), tab or bar: the one the header line uses most."""
    with open(path, encoding=encoding, newline="") as fh:
        header = fh.readline()
    counts = {sep: header.count(sep) for sep in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _tidy_header(df: "pd.DataFrame", path: Path) -> "pd.DataFrame":
    df.columns = [str(c).strip() for c in df.columns]
    if len(df.columns) < 2:
        raise UserError(f"{path} has {len(df.columns)} column; a table to join needs a key and at least one value.",
                        "Check the separator (comma, semicolon or tab) and that the first row holds the column names.")
    return df


def _unreadable(path: Path, exc: Exception) -> UserError:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return UserError(f"{path} could not be read as a table ({first}).",
                     f"Supported: {SUPPORTED_TABLES}.")


def is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value.strip().casefold() in MISSING_TOKENS


def column_type(values) -> str:
    """'integer', 'real' or 'text' for a column of values read as text.

    A column of codes with leading zeros (``043``) stays text: numbers would lose the zeros.
    """
    seen = False
    kind = "integer"
    for v in values:
        if not isinstance(v, str):
            if is_missing(v):
                continue
            if isinstance(v, bool):
                return "text"
            if isinstance(v, int):
                seen = True
                continue
            if isinstance(v, float):
                seen = True
                kind = "real"
                continue
            return "text"
        if is_missing(v):
            continue
        t = v.strip().replace(",", "") if _thousands(v.strip()) else v.strip()
        if not _NUMBER.match(t.casefold()):
            return "text"
        digits = t.lstrip("+-")
        if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
            return "text"
        seen = True
        if not re.fullmatch(r"[+-]?\d+", t):
            kind = "real"
    return kind if seen else "text"


def _thousands(text: str) -> bool:
    return bool(re.fullmatch(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", text))


def to_number(value: Any) -> float | None:
    if is_missing(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip()
    if _thousands(text):
        text = text.replace(",", "")
    return float(text)
