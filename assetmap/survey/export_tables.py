"""The rows of a submissions export as text cells: a CSV (``;``, ``,`` or tab separated) or
KoboToolbox's Excel export, whose first sheet holds the submissions and each repeat its own sheet
(named after the repeat, cut to Excel's 31 characters)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from assetmap.errors import UserError

EXCEL = (".xlsx", ".xlsm")


class _Rows:
    """csv.reader whose own errors (a cell over csv's 128 KB limit, a NUL byte) become a
    UserError naming the line: no survey answer is that long, so the file is refused."""

    def __init__(self, reader, path: Path):
        self.reader, self.path = reader, path

    def __iter__(self):
        return self

    def __next__(self):
        try:
            return next(self.reader)
        except csv.Error as exc:
            line = self.reader.line_num
            too_long = "field larger than field limit" in str(exc)
            raise UserError(
                f"{self.path.name} line {line}: " + (
                    f"a cell is longer than {csv.field_size_limit() // 1024} KB, far more than any answer"
                    if too_long else f"not readable as CSV ({exc})") + ".",
                "Check that this is the CSV export of the form's submissions (not a file with "
                "photos or other data pasted into a cell), and export it again.") from exc


def read_table(path: Path, encoding: str | None = None, sheet: str | None = None) -> list[list[str]] | None:
    """Header row then data rows; for Excel, the first sheet or the one named ``sheet`` (None when
    the workbook has no such sheet). Raises UserError for a missing or unreadable file."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path} does not exist.", "Check the file name and folder.")
    if path.suffix.lower() in EXCEL:
        return _excel(path, sheet)
    try:
        text = path.read_text(encoding=encoding or "utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path} is not UTF-8 text.",
                        "Export the data again as CSV from KoboToolbox/ODK, or name its encoding.") from exc
    if not text.strip():
        return []
    first_line = text.splitlines()[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    return list(_Rows(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), path))


def _excel(path: Path, sheet: str | None) -> list[list[str]] | None:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise UserError(f"{path.name} could not be read as an Excel workbook ({type(exc).__name__}).",
                        "Export the submissions again from KoboToolbox (XLS) or as CSV.") from exc
    try:
        if sheet is None:
            ws = wb.worksheets[0]
        else:
            ws = next((w for w in wb.worksheets if w.title == sheet[:31]), None)
            if ws is None:
                return None
        return [[_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def sheet_names(path: Path) -> list[str]:
    """The workbook's sheet titles, in order (the submissions first in a Kobo export)."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True)
    except Exception:  # noqa: BLE001 - read_table has already said what is wrong with the file
        return []
    try:
        return [w.title for w in wb.worksheets]
    finally:
        wb.close()


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value)
