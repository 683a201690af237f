"""Import a public table of addresses (a directory, an asset list) as a point layer, placed offline
with a locator: the generic importer's path for a CSV that has an address column and no
coordinates. The rows' match type and score are kept as attributes so that a user can find the
ones placed only at street level; unmatched rows are left out and counted.

Case-record tables are refused as in ``assetmap geocode`` (their addresses would be stored): they
go through ``assetmap reports``, which only counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.geocode.columns import AddressColumns
    from assetmap.geocode.matcher import Matches
    from assetmap.importers.report import ImportReport
    from assetmap.tasks import TaskContext

TABLE_SUFFIXES = (".csv", ".txt")


def needs_geocoding(path: str | Path, encoding: str | None = None) -> bool:
    """True for a CSV whose header names no longitude/latitude columns (only the header is read)."""
    import csv

    from assetmap.importers.csv_points import detect_coordinate_columns

    path = Path(path)
    if path.suffix.lower() not in TABLE_SUFFIXES or not path.is_file():
        return False
    try:
        with open(path, newline="", encoding=encoding or "utf-8-sig") as f:
            header = next(csv.reader(f), [])
    except (OSError, UnicodeDecodeError, csv.Error):
        return False            # the importer itself will say what is wrong with it
    x, y = detect_coordinate_columns([h.strip() for h in header])
    return bool(header) and (x is None or y is None)


def header_columns(path: str | Path, encoding: str | None = None) -> list[str]:
    """The column names of a CSV (its header row only)."""
    import csv

    path = Path(path)
    try:
        with open(path, newline="", encoding=encoding or "utf-8-sig") as f:
            return [h.strip() for h in next(csv.reader(f), [])]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise UserError(f"{path} is not a readable CSV table.",
                        "Save it as 'CSV UTF-8' with one header row.") from exc


def guess_columns(columns: list[str]) -> dict[str, str | None]:
    """A first guess of the address / number / street columns, by name (the user can change it)."""
    import re

    def norm(c: str) -> str:
        return re.sub(r"[^a-z0-9]+", "_", c.lower()).strip("_")

    by = {norm(c): c for c in columns}
    pick = lambda names: next((by[n] for n in names if n in by), None)  # noqa: E731
    number = pick(("house_number", "housenumber", "number", "house", "house_no", "addr_housenumber"))
    street = pick(("street", "street_name", "streetname", "addr_street"))
    address = None if number and street else pick(
        ("address", "full_address", "street_address", "address_1", "address1", "addr", "location_address"))
    return {"address": address, "number": number if not address else None, "street": street if not address else None}


_ZIP_NAMES = ("zip", "zipcode", "zip_code", "zip5", "postal", "postal_code", "postalcode", "postcode", "post_code")


def zip_column_guess(columns: list[str]) -> str | None:
    """A column whose name says ZIP code, or None (the last part of a Kobo group path counts:
    address/zip). Shared by the app's choices of a ZIP column; the user can change it."""
    import re

    for c in columns:
        if re.sub(r"[^a-z0-9]+", "_", c.rsplit("/", 1)[-1].lower()).strip("_") in _ZIP_NAMES:
            return c
    return None


@dataclass
class AddressImportResult:
    report: "ImportReport"
    matches: "Matches"
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return self.notes


def preview(project, path, *, locator: str, columns: "AddressColumns", encoding: str | None = None,
            ctx: "TaskContext | None" = None) -> list[str]:
    """The match summary of the file, computed in memory; nothing is written."""
    from assetmap.geocode.case_records import refuse_case_records
    from assetmap.geocode.columns import _read_text, summary_lines
    from assetmap.geocode.locators import load_matcher

    path = Path(path)
    df = _read_text(path, encoding)
    refuse_case_records(df.columns, path)
    columns.check(df.columns, path)
    m = columns.locate(df, load_matcher(project, locator), ctx)
    return summary_lines(m)


def import_addresses(project, path, role, *, locator: str, columns: "AddressColumns", name: str | None = None,
                     encoding: str | None = None, ctx: "TaskContext | None" = None) -> AddressImportResult:
    """Geocode ``path`` and import it as a point layer (``match_type`` and ``score`` kept)."""
    import tempfile

    from assetmap.geocode.columns import geocode_file, summary_lines
    from assetmap.importers import import_file
    from assetmap.tasks import ensure

    ctx = ensure(ctx)
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="assetmap-geocode-") as tmp:
        # Named as the source so that the layer gets the name it would have had with coordinates.
        located = Path(tmp) / (path.stem + ".csv")
        r = geocode_file(project, path, located, locator=locator, columns=columns, encoding=encoding, ctx=ctx)
        if not r.matches.matched.any():
            raise UserError(f"None of the {len(r.matches.score)} addresses of {path.name} was found with "
                            f"locator '{locator}'. Nothing was imported.",
                            "Check the address column(s), and that the locator covers this area.")
        try:
            report = import_file(project, located, role, name=name, x="lon", y="lat", src_crs="EPSG:4326",
                                 ctx=ctx)
        except UserError as exc:
            # Messages name the file: the user's, not the temporary copy.
            raise UserError(str(exc.message).replace(str(located), str(path)),
                            exc.hint and str(exc.hint).replace(str(located), str(path))) from exc
    info = project.layer(report.layer)
    info.source = str(path.resolve())
    project.update_layer_info(info)

    placed = int(r.matches.matched.sum())
    notes = [f"Imported {placed} of {len(r.matches.score)} rows of {path.name} as '{info.display_name}', "
             f"placed with locator '{locator}' (match_type and score kept on each point)."]
    notes += summary_lines(r.matches)
    return AddressImportResult(report=report, matches=r.matches, notes=notes)
