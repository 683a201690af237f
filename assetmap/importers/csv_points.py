"""CSV files with coordinate columns (assets lists, incident exports, survey exports).

Missing coordinates (``NA``, empty, text) are skipped and counted, never turned
into (0, 0). Latitude/longitude that look swapped are detected, not guessed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.importers.report import ImportReport

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd
    import pandas as pd

# Ordered by preference: a column called "latitude" wins over one called "y".
LAT_NAMES = ("latitude", "lat", "y", "lat_dd", "ycoord", "y_coord", "point_y", "ylat")
LON_NAMES = ("longitude", "lon", "lng", "long", "x", "lon_dd", "xcoord", "x_coord", "point_x", "xlong")
NA_VALUES = ["", "NA", "N/A", "na", "n/a", "NaN", "nan", "NULL", "null", "None", "-"]


def _norm(col: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", col.strip().lower()).strip("_")


def detect_coordinate_columns(columns: list[str]) -> tuple[str | None, str | None]:
    """Return (x/lon column, y/lat column) by name, or None where not found."""
    normed = {_norm(c): c for c in columns}

    def find(names: tuple[str, ...]) -> str | None:
        for name in names:
            if name in normed:
                return normed[name]
        for name in names[:2]:  # Kobo/ODK: "_location_latitude", "gps_longitude"
            for n, original in normed.items():
                if n.endswith("_" + name):
                    return original
        return None

    return find(LON_NAMES), find(LAT_NAMES)


CHUNK_ROWS = 100_000  # rows held at once when a large CSV is imported in chunks


def _csv_kwargs(encoding: str | None) -> dict:
    return dict(encoding=encoding or "utf-8-sig", na_values=NA_VALUES, keep_default_na=False,
                skipinitialspace=True)


def _translate_errors(path: Path, encoding: str | None, frames):
    """Iterate a pandas reader, turning its errors into UserErrors that name the file."""
    import pandas as pd

    try:
        yield from frames
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{path} is not {('UTF-8' if encoding is None else encoding)} text "
            f"(unexpected byte 0x{exc.object[exc.start]:02x} at position {exc.start}).",
            "Save it as 'CSV UTF-8' in your spreadsheet program, or name its encoding "
            "with --encoding (for example --encoding cp1252 for Excel on Windows).",
        ) from exc
    except LookupError as exc:
        raise UserError(f"Unknown text encoding '{encoding}'.", "Try utf-8 or cp1252.") from exc
    except pd.errors.EmptyDataError as exc:
        raise UserError(f"{path} has no rows or columns.", "Check that it is the right file.") from exc
    except pd.errors.ParserError as exc:
        raise UserError(f"{path} is not a readable CSV table ({str(exc).strip()}).",
                        "Check that it is a comma-separated file with one header row.") from exc


def _tidy(df: "pd.DataFrame", path: Path) -> "pd.DataFrame":
    if df.shape[1] < 2:
        raise UserError(f"{path} does not look like a CSV table (found {df.shape[1]} column).",
                        "Use a comma-separated file with a header row.")
    # Exports from records systems pad text with blanks; trailing blanks break matching.
    for col in df.columns:
        if df[col].dtype == object or str(df[col].dtype).startswith("str"):
            df[col] = df[col].str.strip() if hasattr(df[col], "str") else df[col]
    df.columns = [str(c).strip() for c in df.columns]
    return df


def read_text_table(path: Path, encoding: str | None = None) -> "pd.DataFrame":
    import pandas as pd

    if path.stat().st_size == 0:
        raise UserError(f"{path} is empty.", "Choose the file that holds the data, or export it again.")
    def whole():  # a generator, so that the read's errors are raised inside _translate_errors
        yield pd.read_csv(path, low_memory=False, **_csv_kwargs(encoding))

    (df,) = list(_translate_errors(path, encoding, whole()))
    return _tidy(df, path)


def iter_text_table(path: Path, encoding: str | None = None, chunk_rows: int | None = None):
    """The table in chunks of ``chunk_rows`` rows, so memory stays bounded for any file size.

    A file of one chunk reads exactly as ``read_text_table``. For a longer one, pandas would
    guess each chunk's column types on its own (a column of numbers in one chunk, of text in
    the next), so a first pass reads the types over the whole file (as a single read would
    infer them) and the second pass reads the chunks with those types.
    """
    import pandas as pd

    if path.stat().st_size == 0:
        raise UserError(f"{path} is empty.", "Choose the file that holds the data, or export it again.")

    def chunks(dtype=None):
        def raw():  # a generator, so that opening the file (its header) fails inside _translate_errors
            with pd.read_csv(path, chunksize=chunk_rows or CHUNK_ROWS, dtype=dtype, **_csv_kwargs(encoding)) as reader:
                yield from reader

        yield from _translate_errors(path, encoding, raw())

    first_pass = chunks()
    first = next(first_pass, None)
    if first is None:
        raise UserError(f"{path} has no rows or columns.", "Check that it is the right file.")
    second = next(first_pass, None)
    if second is None:
        yield _tidy(first, path)
        return
    kinds = {c: {str(t)} for c, t in first.dtypes.items()}
    del first
    for df in (second, *first_pass):
        for c, t in df.dtypes.items():
            kinds.setdefault(c, set()).add(str(t))
        del df
    dtype = {c: _merged_dtype(k) for c, k in kinds.items()}
    for df in chunks(dtype):
        yield _tidy(df, path)


def _merged_dtype(kinds: set[str]) -> str:
    """The type one read of the whole column would have given."""
    if len(kinds) == 1:
        return next(iter(kinds))
    if kinds <= {"int64", "float64"}:
        return "float64"  # integers with a gap somewhere: pandas reads them as floats too
    return "object"


def coordinates_from_table(df: "pd.DataFrame", source: str, x_col: str | None, y_col: str | None,
                           report: ImportReport):
    """Numeric x and y arrays plus a mask of rows with usable coordinates."""
    import numpy as np
    import pandas as pd

    auto_x, auto_y = detect_coordinate_columns(list(df.columns))
    x_col = x_col or auto_x
    y_col = y_col or auto_y
    cols = ", ".join(map(str, df.columns[:12])) + (" …" if len(df.columns) > 12 else "")
    if x_col is None or y_col is None:
        raise UserError(
            f"{source}: no coordinate columns found (looked for latitude/lat/y and longitude/lon/lng/x).",
            f"Name them with --x COLUMN --y COLUMN. Columns in the file: {cols}.",
        )
    for col in (x_col, y_col):
        if col not in df.columns:
            raise UserError(f"{source} has no column '{col}'.", f"Columns in the file: {cols}.")
    x_raw, y_raw = df[x_col], df[y_col]
    x = pd.to_numeric(x_raw, errors="coerce").to_numpy(dtype=float)
    y = pd.to_numeric(y_raw, errors="coerce").to_numpy(dtype=float)
    missing = x_raw.isna().to_numpy() | y_raw.isna().to_numpy()
    unparsable = ~missing & (np.isnan(x) | np.isnan(y))
    report.skip("no coordinates (empty or NA)", int(missing.sum()))
    report.skip("coordinates that are not numbers", int(unparsable.sum()))
    ok = ~(missing | unparsable)
    return x, y, ok, x_col, y_col


def looks_geographic(x, y) -> bool:
    import numpy as np

    if len(x) == 0:
        return True
    return bool(np.all(np.abs(x) <= 180) and np.all(np.abs(y) <= 180))


def read_csv_points(path: Path, *, x_col: str | None = None, y_col: str | None = None,
                    src_crs: str | None = None, encoding: str | None = None, swap_xy: bool = False,
                    report: ImportReport) -> "gpd.GeoDataFrame":
    """The whole file as one GeoDataFrame (``iter_csv_points`` keeps memory bounded)."""
    import pandas as pd

    frames = list(iter_csv_points(path, x_col=x_col, y_col=y_col, src_crs=src_crs, encoding=encoding,
                                  swap_xy=swap_xy, report=report))
    return frames[0] if len(frames) == 1 else pd.concat(frames)


def iter_csv_points(path: Path, *, x_col: str | None = None, y_col: str | None = None,
                    src_crs: str | None = None, encoding: str | None = None, swap_xy: bool = False,
                    report: ImportReport, chunk_rows: int | None = None):
    """The file's points chunk by chunk; counts, notes and warnings add up in ``report``."""
    for df in iter_text_table(path, encoding, chunk_rows):
        yield _points(df, path, x_col, y_col, src_crs, swap_xy, report)
    if report.swappable_rows:
        report.warnings.append(
            f"{report.swappable_rows} rows have a latitude beyond ±90 that would be valid if "
            "latitude and longitude were swapped; check those rows (or use --swap-xy if the "
            "whole file is swapped).")


def _note_once(items: list[str], text: str) -> None:
    if text not in items:
        items.append(text)


def _points(df, path: Path, x_col, y_col, src_crs, swap_xy, report: ImportReport) -> "gpd.GeoDataFrame":
    import geopandas as gpd
    import numpy as np

    report.read += len(df)
    x, y, ok, x_col, y_col = coordinates_from_table(df, str(path), x_col, y_col, report)
    if swap_xy:
        x, y = y, x
        _note_once(report.notes, f"Used '{y_col}' as x/longitude and '{x_col}' as y/latitude (--swap-xy).")
    named_latlon = _norm(y_col) not in ("y", "ycoord", "y_coord", "point_y")
    if src_crs is None:
        if not looks_geographic(x[ok], y[ok]):
            # No coordinate value in the message: this reader also sees sensitive files.
            raise UserError(
                f"{path}: the coordinates in '{x_col}'/'{y_col}' are not longitude/latitude, "
                "and the file does not say which coordinate system they are in.",
                "Name it with --src-crs, for example --src-crs EPSG:26915 (UTM 15N) or "
                "--src-crs ESRI:102696 (Missouri East State Plane, feet).",
            )
        src_crs = "EPSG:4326"
        if not named_latlon:
            _note_once(report.notes,
                       f"'{x_col}'/'{y_col}' read as longitude/latitude (WGS 84) because every value is in "
                       "degree range; pass --src-crs if they are something else.")
    geographic = src_crs == "EPSG:4326" or _is_geographic(src_crs)
    if geographic:
        bad_lat = ok & ((np.abs(y) > 90) | (np.abs(x) > 180))
        swappable = bad_lat & (np.abs(x) <= 90) & (np.abs(y) <= 180)
        report.swappable_rows += int(swappable.sum())
        report.skip("latitude/longitude out of range", int(bad_lat.sum()))
        ok &= ~bad_lat
    keep = df.loc[ok].copy()
    gdf = gpd.GeoDataFrame(keep, geometry=gpd.points_from_xy(x[ok], y[ok]), crs=src_crs)
    # The coordinate columns become the geometry; keeping them would duplicate it.
    return gdf.drop(columns=[c for c in {x_col, y_col} if c in gdf.columns])


def _is_geographic(crs: str) -> bool:
    from pyproj import CRS

    return CRS.from_user_input(crs).is_geographic
