"""Read an Open Referral HSDS 3 tabular data package (folder or zip of CSVs).

Checks first, writes once: every problem is collected with its file, line and
field, and the project is only written (one ``Project.edit()``) when there are
none. Locations without coordinates are imported unplaced and reported;
coordinates that are not a longitude/latitude are an error unless the user
asks to import those locations unplaced too (``unplaced=True``) — the official
example's 100/101 are placeholders that must not become a point on the map.
"""

from __future__ import annotations

import functools
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.hubs import schema
from assetmap.hubs.directory import Directory, parse_coordinate, parse_coordinates

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from assetmap.project import Project
    from assetmap.tasks import TaskContext

MAX_LISTED = 25


@dataclass
class HsdsImportReport:
    source: str
    rows: dict[str, int] = field(default_factory=dict)
    unplaced: list[str] = field(default_factory=list)      # "locations.csv line 2: ... (reason)"
    ignored_tables: list[str] = field(default_factory=list)
    ignored_columns: dict[str, list[str]] = field(default_factory=dict)
    uncategorised_services: int = 0
    unmatched_terms: list[str] = field(default_factory=list)   # most used first
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return dict(self.__dict__)

    def lines(self) -> list[str]:
        out = [f"Imported from {self.source}: " + ", ".join(f"{n} {t}" for t, n in self.rows.items() if n)]
        placed = self.rows.get("locations", 0) - len(self.unplaced)
        out.append(f"{placed} hubs placed on the map, {len(self.unplaced)} without a position"
                   + (":" if self.unplaced else "."))
        out += [f"  {u}" for u in self.unplaced[:MAX_LISTED]]
        if len(self.unplaced) > MAX_LISTED:
            out.append(f"  ... and {len(self.unplaced) - MAX_LISTED} more")
        if self.uncategorised_services:
            out.append(f"{self.uncategorised_services} services have no assetmap category "
                       "(their taxonomy terms match none of `assetmap hubs categories`); "
                       "they do not count in coverage.")
            if self.unmatched_terms:
                out.append("  Their most used terms: " + "; ".join(self.unmatched_terms[:8])
                           + ". Map them with `assetmap hubs categorize P.gpkg --match TERM --as CATEGORY`.")
        if self.ignored_tables:
            out.append("Tables not imported (assetmap does not model them): " + ", ".join(self.ignored_tables))
        for t, cols in self.ignored_columns.items():
            out.append(f"Columns of {t}.csv not kept: " + ", ".join(cols))
        out += self.notes
        return out


def _read_arrow(data: bytes) -> "TextColumns | None":
    """A CSV table read by pyarrow into text columns (header -> list of str), or None when the
    file needs pandas' reader, which then gives the columns or the message: bad bytes, a ragged
    row, a header pandas renames (a repeated or empty name), one column (pandas skips a line of
    blanks there), anything pyarrow refuses. Where both read a file they give the same values
    (tests/hubs/test_hsds_fast_paths.py)."""
    import csv

    try:
        import pyarrow as pa
        import pyarrow.csv as pacsv
    except ImportError:  # pragma: no cover - pyarrow is a dependency; pandas alone still works
        return None
    try:
        first = data.split(b"\n", 1)[0]
        header = next(csv.reader([first.removesuffix(b"\r").decode("utf-8-sig")]), [])
    except (UnicodeDecodeError, csv.Error):
        return None
    if len(header) < 2 or len(set(header)) != len(header) or any(h.strip() == "" for h in header):
        return None
    try:
        table = pacsv.read_csv(
            io.BytesIO(data), read_options=pacsv.ReadOptions(use_threads=False),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(column_types={h: pa.string() for h in header},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowException, ValueError, UnicodeError):
        return None
    if table.column_names != header or any(t != pa.string() for t in table.schema.types):
        return None
    # numpy's object array of str, then a list: faster than Arrow's own to_pylist
    return TextColumns({h: table.column(i).to_numpy(zero_copy_only=False).tolist() for i, h in enumerate(header)})


class TextColumns(dict):
    """A table's columns known to hold str values only (pyarrow's read): the checks need not look."""


def _read_tables(path: Path, fast: bool = True) -> tuple[dict[str, dict[str, list]], list[str], list[str]]:
    """table name -> its columns (header -> list of values, in file order), the other CSV names,
    and notes on datapackage.json. ``fast``: pyarrow reads what it can (``_read_arrow``); pandas
    reads the rest (its values are text too, but for pandas' NaN where a short row ends early)."""
    import json

    def read(data: bytes, name: str) -> dict[str, list]:
        if fast:
            columns = _read_arrow(data)
            if columns is not None:
                return columns
        import pandas as pd

        try:
            df = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
            return {c: df[c].tolist() for c in df.columns}
        except UnicodeDecodeError as exc:
            raise UserError(f"{name} is not UTF-8 text ({exc.reason} at byte {exc.start}).",
                            "HSDS files are UTF-8: re-save the file as CSV UTF-8.") from exc
        except pd.errors.ParserError as exc:
            raise UserError(f"{name} is not a readable CSV file ({exc}).",
                            "Open it in a spreadsheet, check the quoting and save it as CSV again.") from exc
        except pd.errors.EmptyDataError:
            raise UserError(f"{name} is empty: it has no header row.",
                            "Give the CSV its header row (see the HSDS 3 table layout).") from None

    files: dict[str, bytes] = {}
    descriptor: bytes | None = None
    if not path.exists():
        raise UserError(f"{path} does not exist.", "Give the folder or the .zip of the HSDS package.")
    if path.is_dir():
        for f in sorted(path.glob("*.csv")):
            files[f.name] = f.read_bytes()
        if (path / "datapackage.json").is_file():
            descriptor = (path / "datapackage.json").read_bytes()
    elif zipfile.is_zipfile(path):
        from assetmap.importers.archive import check_members

        with zipfile.ZipFile(path) as zf:
            wanted = []
            for info in zf.infolist():
                name = Path(info.filename).name
                if (name.lower().endswith(".csv") and not info.is_dir() and not name.startswith(".")) \
                        or name == "datapackage.json":
                    wanted.append(info)
            check_members(path, wanted)  # before anything is unpacked: a zip bomb stops here
            for info in wanted:
                name = Path(info.filename).name
                if name == "datapackage.json":
                    descriptor = zf.read(info)
                else:
                    files[name] = zf.read(info)
    else:
        raise UserError(f"{path} is neither a folder nor a zip file.",
                        "Give the folder holding organizations.csv, services.csv, locations.csv..., or its zip.")
    tables, other = {}, []
    for name, data in files.items():
        stem = name[:-4].lower()
        if stem in schema.COLUMNS:
            tables[stem] = read(data, name)
        else:
            other.append(stem)
    notes = []
    if descriptor is not None:
        # We read tables by their HSDS names and columns by their headers; the descriptor is
        # only checked so that a broken one is not silently taken for a good one.
        try:
            json.loads(descriptor)
        except (ValueError, UnicodeDecodeError):
            notes.append("datapackage.json is not valid JSON; ignored (tables and columns were "
                         "read from the CSV files and their headers).")
    return tables, other, notes


def read_package(path: str | Path, *, unplaced: bool = False, categories: dict | None = None,
                 known: Directory | None = None) -> tuple[Directory, HsdsImportReport]:
    """Parse and check a package; raises UserError listing every problem. ``known``: the
    project's directory as ``directory.load`` gives it (normal), whose ids references may name."""
    import numpy as np

    from assetmap.hubs import taxonomy

    path = Path(path)
    tables, other, notes = _read_tables(path)
    report = HsdsImportReport(source=str(path), ignored_tables=sorted(other), notes=notes)
    if "locations" not in tables:
        raise UserError(f"{path} has no locations.csv.",
                        "An HSDS package needs locations.csv (with organizations.csv and services.csv) "
                        "at the top of the folder or zip.")
    problems: list[str] = []
    for t, cols in tables.items():
        missing = [c for c in schema.REQUIRED[t] if c not in cols]
        if missing:
            problems.append(f"{t}.csv: missing required column(s) {', '.join(missing)}")
        extra = [c for c in cols if c not in schema.COLUMNS[t]]
        if extra:
            report.ignored_columns[t] = extra
    if problems:
        raise _problems(path, problems)

    def line(i: int) -> int:
        return i + 2  # header is line 1

    # Plain lists throughout (row i is line i + 2): row-by-row pandas access was most of an import's time.
    for t, cols in tables.items():
        for c in schema.REQUIRED[t]:
            for i in _blank_rows(cols[c]):
                problems.append(f"{t}.csv line {line(i)}, field {c}: empty (required)")
        ids = cols["id"]
        for i in _repeated_rows(ids, isinstance(cols, TextColumns) or _all_text(ids)):
            problems.append(f"{t}.csv line {line(i)}, field id: '{ids[i]}' is used twice")

    base = known if known is not None else Directory.empty()   # only read
    id_sets: dict[str, set[str]] = {}

    def ids(t: str) -> set[str]:
        if t not in id_sets:
            own = set(tables[t]["id"]) if t in tables else set()
            id_sets[t] = own | set(base[t]["id"])
        return id_sets[t]

    def check_ref(t: str, col: str, target: str, optional: bool = False) -> None:
        if t not in tables or col not in tables[t]:
            return
        valid = ids(target)
        if valid.issuperset(tables[t][col]):   # the usual package: every reference found, in one pass in C
            return
        for i, v in enumerate(tables[t][col]):
            if v == "" and optional:
                continue
            if v not in valid:
                problems.append(f"{t}.csv line {line(i)}, field {col}: '{v}' is not the id of any "
                                f"row of {target}.csv")

    check_ref("services", "organization_id", "organizations")
    check_ref("service_at_location", "service_id", "services")
    check_ref("service_at_location", "location_id", "locations")
    check_ref("addresses", "location_id", "locations")
    for t, col, target in schema.OPTIONAL_LINKS:
        if t not in tables or col not in tables[t]:
            continue
        valid = ids(target)
        dangling = [(i, v) for i, v in enumerate(tables[t][col]) if v != "" and v not in valid]
        if dangling:
            i, v = dangling[0]
            report.notes.append(
                f"Warning: {len(dangling)} row(s) of {t}.csv name a {col} that no row of {target}.csv "
                f"has (first: line {line(i)}, '{v}'). Imported as they are"
                + ("; an HSDS export leaves these links empty." if (t, col, target) in schema.EXPORT_CHECKED_LINKS
                   else "."))

    loc = tables["locations"]
    n_loc = _row_count(loc)

    def column(c):
        return loc[c] if c in loc else [""] * n_loc

    lats, lons = column("latitude"), column("longitude")
    names = column("name") if "name" in loc else column("id")
    cleared = []
    # Rows where both parse are fine: only the others are looked at one by one.
    placed = ~(np.isnan(parse_coordinates(lats, -90, 90)) | np.isnan(parse_coordinates(lons, -180, 180)))
    for i in np.flatnonzero(~placed).tolist():
        lat, lon, name = lats[i].strip(), lons[i].strip(), names[i]
        if not lat and not lon:
            label = f"locations.csv line {line(i)} ({name})"
            report.unplaced.append(f"{label}: no latitude/longitude")
            continue
        bad = [f for f, v, lo, hi in (("latitude", lat, -90, 90), ("longitude", lon, -180, 180))
               if parse_coordinate(v, lo, hi) is None]
        if not bad:
            continue
        label = f"locations.csv line {line(i)} ({name})"
        text = ", ".join(f"{f} '{lat if f == 'latitude' else lon}'" for f in bad)
        if unplaced:
            report.unplaced.append(f"{label}: {text} out of range, imported without a position")
            cleared.append(i)
        else:
            problems.append(f"locations.csv line {line(i)}, field {bad[0]}: {text} is not a "
                            "latitude (-90..90) / longitude (-180..180)")
    if problems:
        raise _problems(path, problems, coords=any("latitude (-90" in p for p in problems))
    for c in ("latitude", "longitude"):
        if c in loc:
            for i in cleared:
                loc[c][i] = ""

    for t, cols in tables.items():
        report.rows[t] = _row_count(cols)
    text = {t: _text_columns(cols, schema.stored_columns(t)) for t, cols in tables.items()}
    text["locations"]["confidential"] = ["0"] * n_loc

    def own(t: str, c: str) -> list:
        return text[t][c] if t in text else []

    cats = categories if categories is not None else taxonomy.categories()
    terms = {**dict(zip(base["taxonomy_terms"]["id"], zip(base["taxonomy_terms"]["code"], base["taxonomy_terms"]["name"]))),
             **dict(zip(own("taxonomy_terms", "id"), zip(own("taxonomy_terms", "code"), own("taxonomy_terms", "name"))))}
    match = taxonomy.matcher(cats)
    found_for: dict[str, str] = {}   # term id -> category: the same few terms name thousands of services
    by_service: dict[str, str] = {}
    links, term_ids = own("attributes", "link_id"), own("attributes", "taxonomy_term_id")
    for link, term in zip(links, term_ids):
        found = found_for.get(term)
        if found is None:
            code, name = terms.get(term, ("", ""))
            found = found_for[term] = match(code) or match(name)
        if found and link not in by_service:
            by_service[link] = found
    service_ids = own("services", "id")
    category = [by_service.get(s, "") for s in service_ids]
    if "services" in text:
        text["services"]["category"] = category
        text["services"]["confidential"] = ["0"] * len(service_ids)
    report.uncategorised_services = category.count("")
    from collections import Counter

    open_ids = {s for s, c in zip(service_ids, category) if c == ""}
    used = Counter(terms.get(term, ("", ""))[1] or terms.get(term, ("", ""))[0]
                   for link, term in zip(links, term_ids) if link in open_ids)
    report.unmatched_terms = [t for t, _ in used.most_common() if t]
    empty = Directory.empty()
    d = Directory({t: _frame(text[t], schema.stored_columns(t)) if t in text else empty.tables[t]
                   for t in schema.TABLES})
    return d, report


def _row_count(columns: dict[str, list]) -> int:
    return len(next(iter(columns.values()))) if columns else 0


def _blank_rows(values: list) -> list[int]:
    """Rows whose value is empty or blanks (pandas' NaN of a short row is not text: not counted)."""
    try:
        # ''/blank values are rare: ``in`` and map() look at every value without a Python loop.
        if "" not in values and not any(map(str.isspace, values)):
            return []
    except TypeError:   # a value that is not text: look at each
        pass
    return [i for i, v in enumerate(values) if isinstance(v, str) and not v.strip()]


def _repeated_rows(ids: list, text: bool) -> list[int]:
    """Rows whose non-empty id an earlier row has (pandas' ``duplicated``; NaN equals NaN there).
    ``text``: every id is a str."""
    if text:
        if len(set(ids)) == len(ids):
            return []
        seen: set = set()
        out = []
        for i, v in enumerate(ids):
            if v in seen and v != "":
                out.append(i)
            seen.add(v)
        return out
    import numpy as np
    import pandas as pd

    s = pd.Series(ids, dtype=object)
    return np.flatnonzero((s.duplicated() & (s != "")).to_numpy()).tolist()


def _all_text(values: list) -> bool:
    return set(map(type, values)) <= {str}


def _text_columns(columns: dict[str, list], cols) -> dict[str, list]:
    """The stored columns of a table read from a file: lists of str ('' for a column the file
    lacks or a value it left out), as ``Directory.normalised`` makes them."""
    import pandas as pd

    n = _row_count(columns)
    out = {}
    for c in cols:
        if c not in columns:
            out[c] = [""] * n
            continue
        values = columns[c]
        if not isinstance(columns, TextColumns) and not _all_text(values):
            values = ["" if pd.isna(v) else str(v) for v in values]
        out[c] = values
    return out


def _frame(columns: dict, cols) -> "pd.DataFrame":
    import numpy as np
    import pandas as pd

    # One 2-D block filled a column at a time: the frame owns (and may edit) its values, and
    # pandas has no per-column arrays to consolidate.
    n = _row_count(columns)
    block = np.empty((n, len(cols)), dtype=object)
    for j, c in enumerate(cols):
        block[:, j] = columns[c]
    return pd.DataFrame(block, columns=_column_index(tuple(cols)), index=pd.RangeIndex(n), dtype=object)


@functools.lru_cache(maxsize=None)
def _column_index(cols: tuple[str, ...]) -> "pd.Index":
    """The column labels of a table, made once: an Index is immutable (frames share it), and
    making one from names costs more than filling a small table."""
    import pandas as pd

    return pd.Index(cols)


class CoordinateProblems(UserError):
    """Rows whose coordinates are impossible: importing with ``unplaced=True`` keeps them without a
    position (the GUI asks the user; the CLI's flag is --unplaced)."""


def _problems(path: Path, problems: list[str], coords: bool = False) -> UserError:
    shown = problems[:MAX_LISTED]
    more = f"\n  ... and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
    hint = "Fix these rows in the files and import again; the project was not changed."
    if coords:
        hint += (" To import locations with impossible coordinates without a position, "
                 "pass --unplaced.")
    kind = CoordinateProblems if coords else UserError
    return kind(f"{path}: {len(problems)} problem(s) in the HSDS package:\n  " + "\n  ".join(shown) + more, hint)


def merge(base: Directory, new: Directory, normal: bool = False) -> Directory:
    """Rows of ``new`` added to ``base``; a row with an id already there replaces it. ``normal``:
    both are normal already (what ``directory.load`` and ``read_package`` give) and the caller
    hands their frames over, so they are not checked and copied again."""
    import pandas as pd

    if normal:
        out = Directory(dict(base.tables), dict(base.categories))
    else:
        out = base.normalised()
        new = new.normalised()
    for t in schema.TABLES:
        if len(out[t]) == 0 or len(new[t]) == 0:   # what concat would give, without its copies
            if len(new[t]):
                out.tables[t] = new[t]
            continue
        keep = out[t][~out[t]["id"].isin(set(new[t]["id"]))]
        out.tables[t] = pd.concat([keep, new[t]], ignore_index=True)
    return out


def import_hsds(project: "Project", path: str | Path, *, unplaced: bool = False, locator: str | None = None,
                ctx: "TaskContext | None" = None) -> HsdsImportReport:
    """``locator``: place locations without coordinates from their addresses (assetmap.geocode)."""
    from assetmap.hubs import directory
    from assetmap.tasks import ensure

    ctx = ensure(ctx)
    ctx.progress(0.05, "Reading the HSDS package")
    current = directory.load(project)
    new, report = read_package(path, unplaced=unplaced, categories=current.categories, known=current)
    if locator is not None:
        _geocode(project, new, report, locator)
    ctx.progress(0.3, "Writing hubs")
    # load() and read_package() give normal directories, and a geocoded location keeps its text
    # values: neither is normalised again on the way to the file (each pass looks at every value).
    merged = merge(current, new, normal=True)
    merged.categories = current.categories
    directory.save(project, merged, ctx=ctx, source=str(path), normal=True)
    return report


def _geocode(project: "Project", d: Directory, report: HsdsImportReport, locator: str) -> None:
    from assetmap.geocode.hsds import place_locations
    from assetmap.geocode.locators import load_matcher

    done = place_locations(d, load_matcher(project, locator))
    lines = {f"locations.csv line {i + 2} (" for i in done["placed"]}
    report.unplaced = [u for u in report.unplaced if not any(u.startswith(p) for p in lines)]
    if done["tried"]:
        report.notes.append(f"Placed {len(done['placed'])} of {done['tried']} locations without coordinates "
                            f"from their address (locator '{locator}': "
                            + ", ".join(f"{k} {v}" for k, v in done["types"].items()) + ").")
