"""Read a report file into memory-only arrays: coordinates in the project CRS and periods.

Only the columns needed (coordinates, date, filter) are read, and nothing here writes
anywhere. Error messages name files, columns, row numbers and counts, never a value of
a record: a coordinate or a date of a report is itself sensitive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

PERIODS = ("year", "quarter", "month")
# Tried in order; the one parsing most rows wins, the rest get a second chance with the others.
_DATE_FORMATS = ("ISO8601", "%m/%d/%Y %H:%M", "%m/%d/%Y", "%m/%d/%Y %H:%M:%S", "%d.%m.%Y", "%Y%m%d")
_SHOW_ROWS = 10


@dataclass
class ReportRows:
    """Report locations as arrays (never written): x/y in the project CRS."""

    x: "np.ndarray"
    y: "np.ndarray"
    located: "np.ndarray"                 # bool: usable coordinates
    period_code: "np.ndarray | None"      # int ordinal per row (-1: no usable date)
    period_labels: dict[int, str] = field(default_factory=dict)
    read: int = 0                         # rows in the file
    selected: int = 0                     # rows kept by the filter
    no_coordinates: int = 0
    bad_dates: int = 0
    x_col: str = ""
    y_col: str = ""
    source_crs: str = ""


def _row_list(rows) -> str:
    # CSV line numbers: the header is line 1.
    shown = ", ".join(str(int(r) + 2) for r in rows[:_SHOW_ROWS])
    return shown + (f" and {len(rows) - _SHOW_ROWS} more" if len(rows) > _SHOW_ROWS else "")


def _read_columns(path: Path, encoding: str | None, wanted: list[str], numeric: list[str]):
    import pandas as pd

    from assetmap.importers.csv_points import NA_VALUES

    # Coordinates are parsed as numbers by the C reader (fast); a column holding text falls
    # back to strings and is converted in read_reports, so bad values become "no coordinates".
    text_cols = {c: str for c in wanted if c not in numeric}
    try:
        return pd.read_csv(path, encoding=encoding or "utf-8-sig", na_values=NA_VALUES,
                           keep_default_na=False, usecols=lambda c: str(c).strip() in wanted,
                           dtype=text_cols, engine="c")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path} is not {encoding or 'UTF-8'} text.",
                        "Save it as 'CSV UTF-8', or name its encoding with --encoding.") from exc
    except (pd.errors.ParserError, ValueError) as exc:
        # The parser's message can quote a line of the file: keep it out.
        raise UserError(f"{path} is not a readable CSV table.",
                        "Check that it is a comma-separated file with one header row.") from exc


def _few_values(path: Path, read_opts, column: str, null_values) -> bool:
    """Whether the column holds few distinct values (at most one in 10 rows of the file's first
    block): then it is read as a dictionary and the filter tests each value once."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    try:
        with pacsv.open_csv(path, read_options=read_opts, convert_options=pacsv.ConvertOptions(
                include_columns=[column], null_values=null_values, strings_can_be_null=True,
                column_types={column: pa.string()})) as reader:
            batch = reader.read_next_batch()
    except (pa.ArrowException, ValueError, UnicodeError, LookupError, StopIteration):
        return False
    return batch.num_rows >= 1000 and pc.count_distinct(batch.column(0)).as_py() * 10 <= batch.num_rows


def _contains(column, text: str):
    """``pc.match_substring(column, text, ignore_case=True)`` with nulls False, as numpy; for a
    dictionary column each distinct value is tested once (the same answers row by row)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    if not pa.types.is_dictionary(column.type):
        return pc.fill_null(pc.match_substring(column, text, ignore_case=True), False).to_numpy(
            zero_copy_only=False)
    if column.num_chunks == 0:
        return np.zeros(0, bool)
    # one dictionary for all chunks, so each value is tested once
    column = pa.table([column], names=["c"]).unify_dictionaries().column(0)
    hit = pc.fill_null(pc.match_substring(column.chunk(0).dictionary, text, ignore_case=True), False)
    indices = pa.chunked_array([c.indices for c in column.chunks], column.type.index_type)
    if indices.null_count:
        return pc.fill_null(pc.take(hit, indices), False).to_numpy(zero_copy_only=False)
    return hit.to_numpy(zero_copy_only=False)[indices.to_numpy()]


def _read_arrow(path: Path, encoding: str | None, wanted: list[str], numeric: list[str], filter_col,
                filter_contains, filter_only: bool = False):
    """The wanted columns read by pyarrow (several times faster than pandas' reader), filtered
    before they become a frame; (frame, rows in the file, kept rows' positions) or None when the
    file needs pandas' reader: pyarrow missing, a ragged row, bad bytes, an ambiguous header.
    Its messages quote the offending line, so none of them is kept. ``filter_only``: the filter
    column is needed for nothing else, so it is left out of the frame (and, when it holds few
    distinct values, read as a dictionary)."""
    try:
        import numpy as np
        import pandas as pd
        import pyarrow as pa
        import pyarrow.csv as pacsv
    except ImportError:  # pragma: no cover - pyarrow is a dependency; pandas alone still works
        return None

    from assetmap.importers.csv_points import NA_VALUES

    raw = [str(c) for c in pd.read_csv(path, nrows=0, encoding=encoding or "utf-8-sig").columns]
    names = {}
    for want in wanted:
        found = [c for c in raw if c.strip() == want]
        # pandas renames a repeated name "x.1": the file's own header is then not what we see.
        if len(found) != 1 or any(re.fullmatch(re.escape(found[0]) + r"\.\d+", c) for c in raw):
            return None
        names[want] = found[0]
    codec = (encoding or "utf-8").lower().replace("_", "-")
    read_opts = pacsv.ReadOptions(encoding="utf8" if codec in ("utf-8", "utf8", "utf-8-sig") else encoding)
    types = {c: pa.string() for c in wanted}
    if filter_col is not None and filter_only and _few_values(path, read_opts, names[filter_col], NA_VALUES):
        types[filter_col] = pa.dictionary(pa.int32(), pa.string())
    for numbers_as in (pa.float64(), pa.string()):  # text among the coordinates: parsed in read_reports
        try:
            table = pacsv.read_csv(path, read_options=read_opts, convert_options=pacsv.ConvertOptions(
                include_columns=[names[c] for c in wanted], null_values=NA_VALUES, strings_can_be_null=True,
                column_types={names[c]: numbers_as if c in numeric else types[c] for c in wanted}))
            break
        except (pa.ArrowException, ValueError, UnicodeError, LookupError):
            continue
    else:
        return None
    table = table.rename_columns(wanted)
    read = table.num_rows
    if filter_col is not None:
        keep = _contains(table[filter_col], filter_contains)
        rows = np.flatnonzero(keep)
        if filter_only:
            table = table.drop_columns([filter_col])
        if len(rows) < read:
            table = table.filter(pa.array(keep))
    else:
        rows = np.arange(read)
    return table.to_pandas(), read, rows


def _header(path: Path, encoding: str | None) -> list[str]:
    import pandas as pd

    if not path.exists():
        raise UserError(f"{path} does not exist.", "Check the file name and folder.")
    if path.is_dir() or path.suffix.lower() not in (".csv", ".txt", ".tsv"):
        raise UserError(f"{path} is not a CSV file.", "Export the reports as CSV (one row per report).")
    if path.stat().st_size == 0:
        raise UserError(f"{path} is empty.", "Choose the file that holds the reports.")
    try:
        cols = pd.read_csv(path, nrows=0, encoding=encoding or "utf-8-sig").columns
    except (UnicodeDecodeError, LookupError) as exc:
        raise UserError(f"{path}: can't read its header with encoding {encoding or 'UTF-8'}.",
                        "Name the encoding with --encoding (for example cp1252).") from exc
    except pd.errors.EmptyDataError as exc:
        raise UserError(f"{path} has no header row.", "Check that it is the right file.") from exc
    return [str(c).strip() for c in cols]


def _numbers(col):
    import pandas as pd

    if pd.api.types.is_numeric_dtype(col.dtype):
        return col.to_numpy(dtype=float, na_value=float("nan"))
    return pd.to_numeric(col.astype("string").str.strip(), errors="coerce").to_numpy(
        dtype=float, na_value=float("nan"))


def csv_columns(path, encoding: str | None = None) -> list[str]:
    """The header of a report file (for the wizard's column choices); reads no row."""
    return _header(Path(path), encoding)


# pandas' own patterns for these fields (pandas/_libs/tslibs/strptime.pyx): the rows they match in
# full are the rows pandas reads, and the fields give the same date; pandas reads the rest.
_FIELD = {"m": "(?P<m>1[0-2]|0[1-9]|[1-9])", "d": "(?P<d>3[01]|[12][0-9]|0[1-9]|[1-9]| [1-9])",
          "Y": "(?P<Y>[0-9]{4})", "H": "(?P<H>2[0-3]|[01][0-9]|[0-9])", "M": "(?P<M>[0-5][0-9]|[0-9])"}
_FAST_FORMATS = {"%m/%d/%Y %H:%M": "^{m}/{d}/{Y}\\s+{H}:{M}$", "%m/%d/%Y": "^{m}/{d}/{Y}$",
                 "%d.%m.%Y": "^{d}\\.{m}\\.{Y}$"}


# The same formats one byte a character, zero-padded or not: a row of exactly a layout's bytes, with
# its separators and digits elsewhere, is read from its bytes; pandas' patterns match it in full and
# give these fields (a field of one digit is 1-9, or 0-9 for hours and minutes, for both), so only
# the date itself (Feb 30, a 13th month, 24:00) is left to check.
_FIXED = {"%m/%d/%Y %H:%M": "mm/dd/YYYY HH:MM", "%m/%d/%Y": "mm/dd/YYYY", "%d.%m.%Y": "dd.mm.YYYY"}
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _layouts(layout: str) -> list[str]:
    """The zero-padded layout first, then each way of writing its fields but the year with one digit."""
    from itertools import product

    fields = [ch for ch in dict.fromkeys(layout) if ch.isalpha() and ch != "Y"]
    out = []
    for short in product((False, True), repeat=len(fields)):
        text = layout
        for ch, one in zip(fields, short):
            text = text.replace(ch * 2, ch) if one else text
        out.append(text)
    return out


def _fixed_width(arr, layout: str):
    """(read, seconds): which rows of a pyarrow string array are written exactly as ``layout`` or
    one of its unpadded forms with a real date in pandas' range, and their seconds since 1970
    (numpy, from the bytes). A row has one byte length and digits where separators are not, so it
    fits one form at most."""
    import numpy as np
    import pyarrow as pa

    n = len(arr)
    validity, offsets, data = arr.buffers()
    off = np.frombuffer(offsets, np.int64 if pa.types.is_large_string(arr.type) else np.int32)
    off = off[arr.offset: arr.offset + n + 1].astype(np.int64)
    lengths = np.diff(off)
    if arr.null_count:
        lengths[~arr.is_valid().to_numpy(zero_copy_only=False)] = -1
    read, seconds = np.zeros(n, bool), np.zeros(n, np.int64)
    if data is None:
        return read, seconds
    buf = np.frombuffer(data, np.uint8)
    left = np.bincount(np.clip(lengths, -1, 64) + 1, minlength=66)  # rows not read yet, by length
    for form in _layouts(layout):
        width = len(form)
        if not left[width + 1]:
            continue
        todo = (lengths == width) & ~read
        if todo.all():  # every row this wide: the rows lie end to end
            good, secs = _read_form(buf[off[0]: off[0] + n * width].reshape(n, width), form)
            read, seconds = good, np.where(good, secs, 0)
            left[width + 1] -= int(good.sum())
            continue
        rows = np.flatnonzero(todo)
        # the forms of one length differ in where their separators are: those first, byte by byte
        for i, ch in enumerate(form):
            if not ch.isalpha():
                rows = rows[buf[off[rows] + i] == ord(ch)]
        good, secs = _read_form(np.lib.stride_tricks.sliding_window_view(buf, width)[off[rows]], form)
        read[rows[good]] = True
        seconds[rows[good]] = secs[good]
        left[width + 1] -= int(good.sum())
    return read, seconds


def _read_form(mat, layout: str):
    """(good, seconds) of rows of bytes (a uint8 matrix, one row a row) written as ``layout``."""
    import numpy as np

    good = np.ones(len(mat), bool)
    value = {}
    for i, ch in enumerate(layout):  # column by column: numpy's reductions along a row are slower
        if ch.isalpha():
            digit = mat[:, i] - np.uint8(48)            # anything but 0-9 wraps to >= 10
            good &= digit < 10
            value[ch] = value.get(ch, 0) * 10 + digit.astype(np.int32)
        else:
            good &= mat[:, i] == ord(ch)
    year, month, day = value["Y"], value["m"], value["d"]
    hour, minute = value.get("H", 0), value.get("M", 0)
    # Years outside datetime64[ns] are left to pandas, as before.
    good &= (year >= 1678) & (year <= 2261) & (month >= 1) & (month <= 12) & (day >= 1)
    good &= (hour <= 23) & (minute <= 59)
    month = np.where(good, month, 1)
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    good &= day <= np.asarray(_MONTH_DAYS)[month - 1] + ((month == 2) & leap)
    # days from the civil date (H. Hinnant's algorithm; years here are positive)
    y = year - (month <= 2)
    era, yoe = y // 400, y % 400
    doy = (153 * np.where(month > 2, month - 3, month + 9) + 2) // 5 + day - 1
    days = era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468
    seconds = days.astype(np.int64) * 86400 + (hour * 3600 + minute * 60)
    return good, seconds


def _to_datetime(text, fmt: str):
    """``pd.to_datetime(text, format=fmt, errors="coerce")``; for the commonest formats the rows
    written plainly (zero-padded or not) are read from their bytes, the others split into fields
    by pyarrow (pandas' per-row strptime took 2 s a million rows), and pandas reads the rest."""
    import numpy as np
    import pandas as pd

    if fmt not in _FAST_FORMATS or len(text) < 10_000:
        return pd.to_datetime(text, format=fmt, errors="coerce")
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover
        return pd.to_datetime(text, format=fmt, errors="coerce")
    arr = pa.array(text.array)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        return _split_fields(text, fmt)
    read, seconds = _fixed_width(arr, _FIXED[fmt])
    out = pd.Series(np.where(read, seconds, np.iinfo(np.int64).min).view("datetime64[s]"), index=text.index)
    rest = ~read & text.notna().to_numpy()
    if rest.any():
        out[rest] = _split_fields(text[rest], fmt)
    return out


def _split_fields(text, fmt: str):
    """``pd.to_datetime(text, format=fmt, errors="coerce")`` for one of ``_FAST_FORMATS``: pyarrow
    splits the rows into fields with pandas' own patterns, pandas reads the rows they don't match."""
    import numpy as np
    import pandas as pd

    if len(text) < 10_000:
        return pd.to_datetime(text, format=fmt, errors="coerce")
    import pyarrow as pa
    import pyarrow.compute as pc

    parts = pc.extract_regex(pa.array(text.array), _FAST_FORMATS[fmt].format(**_FIELD))
    matched = parts.is_valid().to_numpy(zero_copy_only=False)

    def field(name, default):
        if name not in fmt:
            return np.full(len(text), default, np.int64)
        f = pc.utf8_trim_whitespace(pc.struct_field(parts, name))
        return pc.fill_null(pc.cast(f, pa.int64()), default).to_numpy(zero_copy_only=False)

    year, month, day = field("Y", 1970), field("m", 1), field("d", 1)
    months = ((year - 1970) * 12 + month - 1).astype("datetime64[M]")
    month_days = ((months + 1).astype("datetime64[D]") - months.astype("datetime64[D]")).astype(np.int64)
    # Years outside datetime64[ns] and impossible days are left to pandas (which rejects the latter).
    ok = matched & (day <= month_days) & (year >= 1678) & (year <= 2261)
    stamp = (months.astype("datetime64[D]") + (day - 1)).astype("datetime64[s]") + (
        (field("H", 0) * 60 + field("M", 0)) * 60).astype("timedelta64[s]")
    out = pd.Series(np.where(ok, stamp, np.datetime64("NaT", "s")), index=text.index)
    rest = ~ok & text.notna().to_numpy()
    if rest.any():
        out[rest] = pd.to_datetime(text[rest], format=fmt, errors="coerce")
    return out


def parse_dates(text, source: str, column: str, skip_bad: bool):
    """Datetimes of a text column; unparseable rows raise (row numbers, count) unless skipped."""
    import numpy as np
    import pandas as pd

    best = None
    given = text.notna()
    # Most files hold one format: the first that reads a sample of the rows is tried on all of
    # them first. When it reads every row with a date it is the format the loop below would pick
    # (each earlier one failed a row), and the other formats are not tried on millions of rows.
    sample = text.iloc[:: max(1, len(text) // 2000)]
    for fmt in _DATE_FORMATS:
        if pd.to_datetime(sample, format=fmt, errors="coerce").notna().sum() == sample.notna().sum():
            parsed = _to_datetime(text, fmt)
            if parsed.notna().sum() == given.sum():
                best = parsed
            break
    for fmt in _DATE_FORMATS if best is None else ():
        parsed = _to_datetime(text, fmt)
        if best is None or parsed.notna().sum() > best.notna().sum():
            best = parsed
        if best.notna().all():
            break
    for fmt in _DATE_FORMATS:
        missing = best.isna() & text.notna()
        if not missing.any():
            break
        best = best.fillna(_to_datetime(text.where(missing), fmt))
    bad = np.flatnonzero(best.isna().to_numpy())
    if len(bad) and not skip_bad:
        # text's index holds each row's position in the file (before any filter).
        raise UserError(
            f"{source}: {len(bad)} of {len(text)} rows have a date in '{column}' that can't be read "
            f"(empty or not a date): rows {_row_list(np.asarray(text.index)[bad])}.",
            "Fix those rows, or pass --skip-bad-dates to leave them out of the periods "
            "(they are counted and reported). Nothing was stored.",
        )
    return best, len(bad)


def period_codes(dates, period: str):
    """An integer ordinal per row (-1 for no date) and a label for each ordinal."""
    import numpy as np

    if period not in PERIODS:
        raise UserError(f"Unknown period '{period}'.", f"Use one of: {', '.join(PERIODS)}.")
    ok = dates.notna().to_numpy()
    if isinstance(dates.dtype, np.dtype) and dates.dtype.kind == "M":
        # naive datetimes: the fields from the month count (numpy), not pandas' field accessors
        months = np.where(ok, dates.to_numpy().astype("datetime64[M]").astype(np.int64), 0)
        year, month = months // 12 + 1970, months % 12 + 1
        quarter = (month - 1) // 3 + 1
    else:  # time-zone aware: the local fields
        year = dates.dt.year.fillna(0).astype("int64").to_numpy()
        quarter = dates.dt.quarter.fillna(1).astype("int64").to_numpy()
        month = dates.dt.month.fillna(1).astype("int64").to_numpy()
    code = year if period == "year" else year * 4 + quarter - 1 if period == "quarter" else year * 12 + month - 1
    code = np.where(ok, code, -1)
    labels = {}
    present = code[ok]
    counts = np.bincount(present - present.min()) if len(present) else np.zeros(0, np.int64)
    for c in np.flatnonzero(counts) + (present.min() if len(present) else 0):
        c = int(c)
        labels[c] = (str(c) if period == "year" else
                     f"{c // 4}-Q{c % 4 + 1}" if period == "quarter" else f"{c // 12}-{c % 12 + 1:02d}")
    return code, labels


def _crs_is_geographic(crs: str) -> bool:
    from pyproj import CRS

    return CRS.from_user_input(crs).is_geographic


def read_reports(path, *, project_crs: str, x: str | None = None, y: str | None = None,
                 src_crs: str | None = None, date_col: str | None = None, period: str | None = None,
                 filter_col: str | None = None, filter_contains: str | None = None,
                 skip_bad_dates: bool = False, encoding: str | None = None,
                 areas_bounds=None, geocode=None) -> ReportRows:
    """Read, filter, locate and date the reports. Raises UserError on bad input.

    ``geocode`` (an ``assetmap.geocode.columns.ReportGeocoder``) locates rows by their address
    columns instead of x/y, here in memory; only its match-type counts leave this function."""
    import numpy as np
    import pandas as pd

    from assetmap.importers.csv_points import detect_coordinate_columns
    from assetmap.project.store import normalise_crs

    path = Path(path)
    cols = _header(path, encoding)
    shown = ", ".join(cols[:14]) + (" …" if len(cols) > 14 else "")
    if geocode is not None:
        if x is not None or y is not None or src_crs is not None:
            raise UserError("Reports are located either by coordinates (--x/--y/--src-crs) or by address "
                            "(--locator with --address or --number/--street), not both.", "Choose one.")
        geocode.columns.check(cols, path)
        auto_x = auto_y = ""
    else:
        auto_x, auto_y = detect_coordinate_columns(cols)
    x, y = x or auto_x, y or auto_y
    if x is None or y is None:
        raise UserError(f"{path}: no coordinate columns found (looked for latitude/lat/y and "
                        "longitude/lon/lng/x).",
                        f"Name them with --x COLUMN --y COLUMN. Columns in the file: {shown}. "
                        "Nothing was stored.")
    if (period is None) != (date_col is None):
        raise UserError("--date-col and --period go together.",
                        "Give both (for example --date-col date_occur --period quarter), or neither.")
    if (filter_col is None) != (filter_contains is None):
        raise UserError("--filter-col and --filter-contains go together.",
                        "For example: --filter-col description --filter-contains DOMESTIC.")
    for col in (x, y, date_col, filter_col):
        if col and col not in cols:
            raise UserError(f"{path} has no column '{col}'.", f"Columns in the file: {shown}.")
    address_cols = geocode.columns.names if geocode is not None else []
    wanted = list(dict.fromkeys(c for c in (x, y, date_col, filter_col, *address_cols) if c))
    fast = _read_arrow(path, encoding, wanted, [x, y], filter_col, filter_contains,
                       filter_only=filter_col not in (x, y, date_col, *address_cols))
    if fast is not None:
        # Row numbers in messages must still point at the file's lines: rows are the kept rows' positions.
        df, n_read, rows = fast
    else:
        df = _read_columns(path, encoding, wanted, [x, y])
        df.columns = [str(c).strip() for c in df.columns]
        n_read = len(df)
        if filter_col is not None:
            keep = df[filter_col].str.contains(filter_contains, case=False, regex=False, na=False).to_numpy()
            df = df.loc[keep].reset_index(drop=True) if not keep.all() else df
            rows = np.flatnonzero(keep)
        else:
            rows = np.arange(len(df))
    out = ReportRows(x=np.empty(0), y=np.empty(0), located=np.empty(0, bool), period_code=None,
                     read=n_read, x_col=x, y_col=y)
    out.selected = len(df)
    if geocode is not None:
        xs, ys = geocode.locate_rows(df, rows)
        src_crs = "EPSG:4326"
    else:
        xs, ys = _numbers(df[x]), _numbers(df[y])
    located = np.isfinite(xs) & np.isfinite(ys)
    out.no_coordinates = int((~located).sum())
    if date_col is not None:
        text = df[date_col].str.strip()
        text.index = rows
        dates, out.bad_dates = parse_dates(text, str(path), date_col, skip_bad_dates)
        out.period_code, out.period_labels = period_codes(dates, period)
    del df

    geographic_values = bool(np.all(np.abs(xs[located]) <= 180) and np.all(np.abs(ys[located]) <= 90))
    if src_crs is None:
        if not geographic_values:
            raise UserError(
                f"{path}: the coordinates in '{x}'/'{y}' are not longitude/latitude and the file "
                "does not say which coordinate system they are in.",
                "Name it with --src-crs (for example ESRI:102696, Missouri East State Plane feet). "
                "Nothing was stored.")
        src_crs = "EPSG:4326"
    src_crs = normalise_crs(src_crs)
    out.source_crs = src_crs
    if _crs_is_geographic(src_crs) and not geographic_values:
        raise UserError(f"{path}: --src-crs {src_crs} is longitude/latitude, but the values in "
                        f"'{x}'/'{y}' are far outside degree range.",
                        "Give the coordinate system the file really uses with --src-crs. Nothing was stored.")
    if src_crs != normalise_crs(project_crs):
        from pyproj import Transformer

        tr = Transformer.from_crs(src_crs, project_crs, always_xy=True)
        # In place on our own copies (the frame's arrays may be read-only views).
        xs = xs if xs.flags.writeable and xs.flags.c_contiguous else np.array(xs, dtype=float)
        ys = ys if ys.flags.writeable and ys.flags.c_contiguous else np.array(ys, dtype=float)
        tr.transform(xs, ys, inplace=True)
        bad = located & ~(np.isfinite(xs) & np.isfinite(ys))
        located &= ~bad
        out.no_coordinates += int(bad.sum())
    if areas_bounds is not None and located.any():
        minx, miny, maxx, maxy = areas_bounds
        padx, pady = (maxx - minx) * 0.5, (maxy - miny) * 0.5
        near = ((xs >= minx - padx) & (xs <= maxx + padx) & (ys >= miny - pady) & (ys <= maxy + pady))
        if not (near & located).any():
            raise UserError(
                f"{path}: none of the {int(located.sum())} located reports lies anywhere near the "
                f"areas when '{x}'/'{y}' are read as {src_crs}.",
                "The coordinates are probably in another coordinate system (or x and y are "
                "swapped): give the right one with --src-crs, or check --x/--y. Nothing was stored.")
    out.x, out.y, out.located = xs, ys, located
    return out
