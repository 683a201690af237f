"""Geocode the address columns of a table in memory, and the plain ``geocode`` of a public file.

``AddressColumns`` names where the address is (one column, or house number + street);
``locate`` gives a ``Matches`` per row. Messages about a file name rows by number only, never
an address: the same code serves report files (through ``assetmap.reports``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from assetmap.geocode.matcher import Matcher, Matches
    from assetmap.tasks import TaskContext

_SHOW_ROWS = 10
OUT_COLUMNS = ("lon", "lat", "match_type", "score")


@dataclass
class AddressColumns:
    address: str | None = None
    number: str | None = None
    street: str | None = None
    zip: str | None = None        # a ZIP column: chooses between streets of the same name in two places

    def __post_init__(self):
        if self.address is not None and (self.number is not None or self.street is not None):
            raise UserError("--address is the whole address in one column; --number/--street are two columns.",
                            "Give --address COL, or --number COL --street COL.")
        if self.address is None and (self.number is None or self.street is None):
            raise UserError("Say which columns hold the address.",
                            "Give --address COL (one-line addresses), or --number COL --street COL.")

    @property
    def names(self) -> list[str]:
        return [c for c in (self.address, self.number, self.street, self.zip) if c is not None]

    def check(self, columns, source) -> None:
        cols = [str(c) for c in columns]
        for c in self.names:
            if c not in cols:
                shown = ", ".join(cols[:14]) + (" …" if len(cols) > 14 else "")
                what = " (the ZIP column)" if c == self.zip and c not in (self.address, self.number,
                                                                            self.street) else ""
                raise UserError(f"{source} has no column '{c}'{what}.", f"Columns in the file: {shown}.")

    def locate(self, df: "pd.DataFrame", matcher: "Matcher", ctx: "TaskContext | None" = None) -> "Matches":
        zips = df[self.zip].to_numpy(dtype=object) if self.zip is not None else None
        if self.address is not None:
            return matcher.match_addresses(df[self.address].to_numpy(dtype=object), ctx, zips=zips)
        return matcher.match_parts(df[self.number].to_numpy(dtype=object),
                                   df[self.street].to_numpy(dtype=object), ctx, zips=zips)


def row_list(positions, first_line: int = 2) -> str:
    """File line numbers (the header is line 1) of row positions, the first ten."""
    shown = ", ".join(str(int(r) + first_line) for r in positions[:_SHOW_ROWS])
    return shown + (f" and {len(positions) - _SHOW_ROWS} more" if len(positions) > _SHOW_ROWS else "")


def _types(counts: dict[str, int]) -> str:
    shown = [f"{k} {v}" for k, v in counts.items() if v and k != "unmatched"]
    return (": " + ", ".join(shown)) if shown else ""


def summary_lines(m: "Matches", what: str = "rows") -> list[str]:
    from assetmap.geocode.matcher import LOW_SCORE

    counts = m.counts()
    n = len(m.score)
    matched = n - counts["unmatched"]
    out = [f"Geocoded {matched} of {n} {what} ({100.0 * matched / max(n, 1):.1f} %)" + _types(counts) + "."]
    low = m.low_score_rows()
    if len(low):
        out.append(f"Unmatched or scored below {LOW_SCORE} (check these lines of the file): {row_list(low)}.")
    return out


@dataclass
class GeocodeFileResult:
    out: Path
    matches: "Matches"

    def lines(self) -> list[str]:
        return [f"Wrote {self.out} with columns {', '.join(OUT_COLUMNS)}."] + summary_lines(self.matches)


def geocode_file(project, src, out, *, locator: str, columns: AddressColumns, encoding: str | None = None,
                 replace: bool = False, ctx: "TaskContext | None" = None) -> GeocodeFileResult:
    """Add lon, lat, match_type and score to a public CSV; refuses tables that look like case records."""
    from assetmap.geocode.case_records import refuse_case_records
    from assetmap.geocode.locators import load_matcher
    from assetmap.tasks import ensure

    ctx = ensure(ctx)
    src, out = Path(src), Path(out)
    if not src.is_file():
        raise UserError(f"{src} does not exist." if not src.exists() else f"{src} is not a file.",
                        "Check the file name and folder.")
    if src.suffix.lower() not in (".csv", ".txt"):
        raise UserError(f"{src} is not a CSV file.", "Save the table as CSV (one row per address).")
    if out.resolve() == src.resolve():
        raise UserError("The output would overwrite the input.", "Write to another file name.")
    if out.exists() and not replace:
        raise UserError(f"{out} already exists.", "Choose another name, or pass --replace.")
    if not out.parent.is_dir():
        raise UserError(f"The folder of {out} does not exist.", "Create it first, or write elsewhere.")
    ctx.progress(0.02, f"Reading {src.name}")
    df = _read_text(src, encoding)
    refuse_case_records(df.columns, src)
    columns.check(df.columns, src)
    clash = [c for c in OUT_COLUMNS if c in df.columns]
    if clash:
        raise UserError(f"{src} already has columns {', '.join(clash)}.",
                        "Rename or drop them first (the geocoder adds lon, lat, match_type and score).")
    matcher = load_matcher(project, locator)
    ctx.check()
    m = columns.locate(df, matcher, ctx)
    df["lon"] = m.lon.round(7)
    df["lat"] = m.lat.round(7)
    df["match_type"] = m.match_type
    df["score"] = m.score
    ctx.check()
    tmp = out.with_name(f".{out.name}.part")
    df.to_csv(tmp, index=False)
    os.replace(tmp, out)
    return GeocodeFileResult(out=out, matches=m)


def _read_text(path: Path, encoding: str | None) -> "pd.DataFrame":
    """Every cell as the text it was (ZIPs keep leading zeros, numbers their format)."""
    import pandas as pd

    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=encoding or "utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path} is not {encoding or 'UTF-8'} text.",
                        "Save it as 'CSV UTF-8', or name its encoding with --encoding.") from exc
    except LookupError as exc:
        raise UserError(f"Unknown text encoding '{encoding}'.", "Try utf-8 or cp1252.") from exc
    except pd.errors.EmptyDataError as exc:
        raise UserError(f"{path} has no rows or columns.", "Check that it is the right file.") from exc
    except (pd.errors.ParserError, ValueError) as exc:
        raise UserError(f"{path} is not a readable CSV table.",
                        "Check that it is a comma-separated file with one header row.") from exc
    df.columns = [str(c).strip() for c in df.columns]
    return df


@dataclass
class ReportGeocoder:
    """Locates report rows by address inside ``reports.source.read_reports``, in memory.

    Keeps only what may be shown: the number of rows of each match type and the file line
    numbers of rows not placed or scored low (never an address, position or score of a row)."""

    columns: AddressColumns
    matcher: "Matcher"
    counts: dict[str, int] | None = None
    check_lines: list[int] | None = None

    @classmethod
    def for_project(cls, project, locator: str, columns: AddressColumns) -> "ReportGeocoder":
        from assetmap.geocode.locators import load_matcher

        return cls(columns=columns, matcher=load_matcher(project, locator))

    def locate_rows(self, df: "pd.DataFrame", rows):
        """Longitude and latitude arrays of the rows of ``df`` (NaN where not placed)."""
        import numpy as np

        m = self.columns.locate(df, self.matcher)
        self.counts = m.counts()
        self.check_lines = [int(r) + 2 for r in np.asarray(rows)[m.low_score_rows()]]
        return m.lon, m.lat

    def lines(self) -> list[str]:
        from assetmap.geocode.matcher import LOW_SCORE

        if self.counts is None:
            return []
        n = sum(self.counts.values())
        placed = n - self.counts["unmatched"]
        out = [f"Geocoded {placed} of {n} reports by address in memory ({100.0 * placed / max(n, 1):.1f} %)"
               + _types(self.counts) + "."]
        if self.check_lines:
            shown = ", ".join(map(str, self.check_lines[:_SHOW_ROWS]))
            more = len(self.check_lines) - _SHOW_ROWS
            out.append(f"Not placed, or placed only roughly (scored below {LOW_SCORE}: street level, far beyond "
                       f"the street's known numbers): lines {shown}"
                       + (f" and {more} more" if more > 0 else "") + " of the file.")
        out.append("No address, position or match of a report was stored.")
        return out


def report_geocoder(project, args) -> "ReportGeocoder | None":
    """The ``reports`` command's --locator/--address/--number/--street, checked; None without them."""
    zip_col = getattr(args, "zip", None)
    given = [f for f, v in (("--address", args.address), ("--number", args.number), ("--street", args.street),
                            ("--zip", zip_col)) if v is not None]
    if args.locator is None:
        if given:
            raise UserError(f"{', '.join(given)} need --locator NAME (the reference addresses to place them with).",
                            "List the project's locators with: assetmap locator list PROJECT. Nothing was stored.")
        return None
    if not [g for g in given if g != "--zip"]:
        raise UserError("--locator places reports by their address: say which columns hold it.",
                        "Add --address COL, or --number COL --street COL. Nothing was stored.")
    columns = AddressColumns(address=args.address, number=args.number, street=args.street, zip=zip_col)
    return ReportGeocoder.for_project(project, args.locator, columns)
