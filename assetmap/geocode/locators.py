"""Locators stored in the project: reference addresses the matcher places addresses with.

Two kinds, each an attribute table ``assetmap_locator_<name>`` listed in ``assetmap_locators``:
  points  one row per distinct (street, number): an address list, parcel centroids, last year's
          geocoded records; street intersections ("A / B") are kept as number 0, and so are
          named places without a number (a park, a plaza: "OFALLON PARK") where the source's
          points for that name agree;
  ranges  street centreline segments with address ranges per side (TIGER/Line layout).
Only the normalised street key, number, ZIP and position are stored (longitude/latitude): no
other column of the source is kept. Everything is written in one transaction.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from assetmap.tasks import TaskContext

META_TABLE = "assetmap_locators"
KINDS = ("points", "ranges")
# The TIGER/Line address range feature layout (ADDRFEAT); other schemas map onto these.
TIGER_FIELDS = {"street": "FULLNAME", "lfrom": "LFROMHN", "lto": "LTOHN", "rfrom": "RFROMHN",
                "rto": "RTOHN", "parity_l": "PARITYL", "parity_r": "PARITYR", "zip_l": "ZIPL", "zip_r": "ZIPR"}
_REQUIRED_RANGE = ("street", "lfrom", "lto", "rfrom", "rto")
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_POINT_COLS = ("street", "number", "zip", "lon", "lat")
_RANGE_COLS = ("street", "lfrom", "lto", "rfrom", "rto", "parity_l", "parity_r", "zip_l", "zip_r", "wkb")


@dataclass
class LocatorInfo:
    name: str
    kind: str
    source: str
    created_at: str
    features: int
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass
class AddResult:
    info: LocatorInfo
    read: int
    skipped: dict[str, int]

    def lines(self) -> list[str]:
        out = [f"Locator '{self.info.name}' ({self.info.kind}): {self.info.features} reference "
               f"{'addresses' if self.info.kind == 'points' else 'street segments'} from {self.read} rows."]
        out += [f"  skipped {n}: {why}" for why, n in self.skipped.items() if n]
        return out


def table_name(name: str) -> str:
    return f"assetmap_locator_{name}"


def check_name(name: str) -> str:
    if not _NAME_RE.match(name or ""):
        raise UserError(f"'{name}' can't be used as a locator name.",
                        "Use lower-case letters, digits and underscores, starting with a letter "
                        "(for example: stl_addresses).")
    return name


# ---------------------------------------------------------------------- reading
def list_locators(project) -> list[LocatorInfo]:
    with project.sql_read() as con:
        if not con.has_table(META_TABLE):
            return []
        rows = con.execute(f"SELECT name, kind, source, created_at, features, settings FROM {META_TABLE} "
                           "ORDER BY name").fetchall()
    return [LocatorInfo(r[0], r[1], r[2], r[3], int(r[4]), json.loads(r[5] or "{}")) for r in rows]


def get_locator(project, name: str) -> LocatorInfo:
    found = {i.name: i for i in list_locators(project)}
    if name not in found:
        raise UserError(f"{project.path} has no locator named '{name}'.",
                        ("Locators in it: " + ", ".join(found) + "." if found else
                         "Add one first: assetmap locator add PROJECT NAME ADDRESSES.csv --number COL "
                         "--street COL (or --address COL)."))
    return found[name]


def load_table(project, name: str) -> "pd.DataFrame":
    with project.sql_read() as con:
        return con.read_table(table_name(name))


def load_matcher(project, names):
    """A ``Matcher`` over one or more locators (address points first, then ranges)."""
    import pandas as pd
    import shapely

    from assetmap.geocode.matcher import Matcher
    from assetmap.geocode.normalize import NORMALISER_VERSION

    if isinstance(names, str):
        names = [n.strip() for n in names.split(",") if n.strip()]
    points, ranges = [], []
    for name in names:
        info = get_locator(project, name)
        if info.settings.get("normaliser", NORMALISER_VERSION) > NORMALISER_VERSION:
            raise UserError(f"Locator '{name}' was made by a newer assetmap.", "Update assetmap.")
        df = load_table(project, name)
        if info.kind == "points":
            points.append(df)
        else:
            df["geometry"] = shapely.from_wkb(df.pop("wkb").to_numpy(), on_invalid="ignore")
            ranges.append(df)
    return Matcher(pd.concat(points, ignore_index=True) if points else None,
                   pd.concat(ranges, ignore_index=True) if ranges else None)


# ---------------------------------------------------------------------- building
def point_rows(numbers, keys, zips, lon, lat) -> "pd.DataFrame":
    """Distinct (street, number, ZIP) reference points; repeats at their median position.
    A name without a number is kept (number 0) as a place when at least PLACE_AGREE of its
    points lie within PLACE_NEAR_M of their median: police and 911 extracts place "OFALLON PARK"
    at one point; a street written without a number ("S GRAND BLVD") is scattered and dropped."""
    import numpy as np
    import pandas as pd

    from assetmap.geocode.normalize import is_intersection

    df = pd.DataFrame({"street": keys, "number": np.asarray(numbers, dtype=np.int64), "zip": zips,
                       "lon": np.asarray(lon, dtype=float), "lat": np.asarray(lat, dtype=float)})
    inter = np.array([is_intersection(k) for k in df["street"]], dtype=bool)
    unnumbered = df["number"].to_numpy() <= 0
    df.loc[inter | unnumbered, "number"] = 0
    keep = (df["street"] != "") & np.isfinite(df["lon"]) & np.isfinite(df["lat"])
    df = df[keep]
    if df.empty:
        return df.reset_index(drop=True)
    # The ZIP is part of an address: MAIN ST 150 in two towns is two places, not one median.
    df["zip"] = df["zip"].fillna("").astype(str)
    out = df.groupby(["street", "number", "zip"], as_index=False, sort=True).agg(
        lon=("lon", "median"), lat=("lat", "median"))
    place = (out["number"] == 0) & ~out["street"].map(is_intersection).astype(bool)
    if place.any():
        ok = pd.Series(True, index=out.index)
        ok[place] = _agreeing(df, out[place])
        out = out[ok]
    return out[list(_POINT_COLS)].reset_index(drop=True)


PLACE_NEAR_M = 100.0
PLACE_AGREE = 0.8


def _agreeing(points: "pd.DataFrame", places: "pd.DataFrame") -> "pd.Series":
    """Per place (index of ``places``): whether its source points agree on where it is."""
    import numpy as np

    sub = points[points["number"] == 0].merge(
        places.reset_index()[["index", "street", "zip", "lon", "lat"]], on=["street", "zip"],
        suffixes=("", "_median"))
    kx = 111_320.0 * np.cos(np.radians(sub["lat_median"].to_numpy()))
    d = np.hypot((sub["lon"] - sub["lon_median"]).to_numpy() * kx,
                 (sub["lat"] - sub["lat_median"]).to_numpy() * 110_950.0)
    near = (d <= PLACE_NEAR_M).astype(float)
    share = sub.assign(near=near).groupby("index")["near"].mean()
    return (share >= PLACE_AGREE).reindex(places.index, fill_value=False)


def _read(path: Path, layer, x, y, src_crs, encoding):
    from assetmap.importers import read_source

    gdf, _ = read_source(path, layer=layer, x=x, y=y, src_crs=src_crs, encoding=encoding)
    if gdf.crs is None:
        raise UserError(f"{path} does not say which coordinate system it is in.", "Name it with --src-crs.")
    return gdf.to_crs("EPSG:4326")


def _column(gdf, col: str | None, what: str, path: Path) -> str | None:
    if col is None:
        return None
    if col not in gdf.columns:
        shown = ", ".join(str(c) for c in gdf.columns if c != "geometry")
        raise UserError(f"{path} has no column '{col}' ({what}).", f"Columns in it: {shown}.")
    return col


def add_locator(project, name: str, source, *, number: str | None = None, street: str | None = None,
                address: str | None = None, zip_col: str | None = None, fields: dict[str, str] | None = None,
                layer: str | None = None, x: str | None = None, y: str | None = None,
                src_crs: str | None = None, encoding: str | None = None, public_source: bool = False,
                replace: bool = False, ctx: "TaskContext | None" = None) -> AddResult:
    """Build a locator from a file and store it. The project is untouched unless it all succeeds."""
    import numpy as np

    from assetmap.geocode.case_records import refuse_case_records
    from assetmap.geocode.normalize import NORMALISER_VERSION, house_numbers, parse_addresses, street_keys
    from assetmap.project.store import utc_now
    from assetmap.tasks import ensure

    ctx = ensure(ctx)
    check_name(name)
    path = Path(source)
    if not replace and name in {i.name for i in list_locators(project)}:
        raise UserError(f"{project.path} already has a locator named '{name}'.",
                        "Choose another name, or pass --replace to rebuild it.")
    if address is not None and (number is not None or street is not None):
        raise UserError("--address is the whole address in one column; --number/--street are two columns.",
                        "Give --address COL, or --number COL --street COL.")
    ctx.progress(0.05, f"Reading {path.name}")
    gdf = _read(path, layer, x, y, src_crs, encoding)
    if not public_source:
        refuse_case_records(gdf.columns, path, for_locator=True)
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    read = len(gdf)
    geom_types = set(gdf.geometry.geom_type.unique())
    kind = "ranges" if geom_types and geom_types <= {"LineString", "MultiLineString"} else "points"
    ctx.check()
    ctx.progress(0.3, "Normalising the addresses")
    if kind == "points":
        if address is None and (number is None or street is None):
            raise UserError(f"{path}: say which columns hold the address.",
                            "Give --number COL --street COL, or --address COL for one-line addresses.")
        for col, what in ((number, "house number"), (street, "street"), (address, "address"), (zip_col, "ZIP")):
            _column(gdf, col, what, path)
        if address is not None:
            nums, keys, zips = parse_addresses(gdf[address].to_numpy(dtype=object))
        else:
            keys, zips = street_keys(gdf[street].to_numpy(dtype=object))
            nums = house_numbers(gdf[number])
        if zip_col is not None:
            zips = gdf[zip_col].astype("string").str.extract(r"(\d{5})", expand=False).fillna("").to_numpy(object)
        pts = gdf.geometry.representative_point()
        rows = point_rows(nums, keys, zips, pts.x.to_numpy(), pts.y.to_numpy())
        inter = np.array([" & " in k for k in keys], dtype=bool)
        named = keys != ""
        places = np.isin(keys, rows["street"][rows["number"] == 0].to_numpy(dtype=object))
        skipped = {"no street": int((~named).sum()),
                   "no house number (not an intersection, nor a place its rows agree on)":
                       int((named & (nums <= 0) & ~inter & ~places).sum())}
        settings = {"number": number, "street": street, "address": address, "zip": zip_col}
    else:
        mapping = dict(TIGER_FIELDS)
        mapping.update(fields or {})
        if street is not None:
            mapping["street"] = street
        missing = [mapping[k] for k in _REQUIRED_RANGE if mapping[k] not in gdf.columns]
        if missing:
            raise UserError(f"{path}: street lines need address-range columns; missing "
                            f"{', '.join(missing)}.",
                            "Map your columns with --fields LFROMHN=L_F_ADD,LTOHN=L_T_ADD,... "
                            f"(defaults: the TIGER/Line names {', '.join(TIGER_FIELDS.values())}).")
        rows = _range_rows(gdf, mapping)
        skipped = {"no street name or no address range": read - len(rows)}
        settings = {"fields": mapping}
    if rows.empty:
        raise UserError(f"{path}: none of its {read} rows gave a usable reference address.",
                        "Check the columns given (house number, street) and that rows have positions. "
                        "Nothing was stored.")
    settings["normaliser"] = NORMALISER_VERSION
    info = LocatorInfo(name=name, kind=kind, source=path.name, created_at=utc_now(), features=len(rows),
                       settings=settings)
    ctx.check()
    ctx.progress(0.7, "Storing the locator")
    _store(project, info, rows, ctx)
    ctx.progress(1.0, "Done")
    return AddResult(info=info, read=read, skipped=skipped)


def _range_rows(gdf, mapping: dict[str, str]) -> "pd.DataFrame":
    import numpy as np
    import pandas as pd
    import shapely

    from assetmap.geocode.normalize import house_numbers, street_keys

    keys, _ = street_keys(gdf[mapping["street"]].to_numpy(dtype=object))
    out = pd.DataFrame({"street": keys})
    for k in ("lfrom", "lto", "rfrom", "rto"):
        v = house_numbers(gdf[mapping[k]])
        out[k] = np.where(v >= 0, v, np.nan)
    for k in ("parity_l", "parity_r", "zip_l", "zip_r"):
        col = mapping.get(k)
        out[k] = (gdf[col].astype("string").fillna("").to_numpy(dtype=object) if col in gdf.columns
                  else np.full(len(gdf), "", dtype=object))
    geoms = shapely.line_merge(gdf.geometry.to_numpy())
    out["wkb"] = shapely.to_wkb(geoms, hex=True)
    has_range = out[["lfrom", "lto"]].notna().all(axis=1) | out[["rfrom", "rto"]].notna().all(axis=1)
    keep = (out["street"] != "") & has_range.to_numpy() & (shapely.get_type_id(geoms) == 1)
    return out[keep].reset_index(drop=True)


def _store(project, info: LocatorInfo, rows: "pd.DataFrame", ctx) -> None:
    cols = _POINT_COLS if info.kind == "points" else _RANGE_COLS
    types = {"number": "INTEGER", "lon": "REAL", "lat": "REAL", "lfrom": "REAL", "lto": "REAL",
             "rfrom": "REAL", "rto": "REAL"}
    table = table_name(info.name)
    with project.sql_write() as con:
        if not con.has_table(META_TABLE):
            con.create_table(f"CREATE TABLE {META_TABLE} (fid INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
                             "kind TEXT NOT NULL, source TEXT, created_at TEXT, features INTEGER, settings TEXT)",
                             "assetmap address locators")
        con.execute(f"DELETE FROM {META_TABLE} WHERE name = ?", (info.name,))
        con.execute(f'DROP TABLE IF EXISTS "{table}"')
        con.create_table(f'CREATE TABLE "{table}" (fid INTEGER PRIMARY KEY, ' +
                         ", ".join(f'"{c}" {types.get(c, "TEXT")}' for c in cols) + ")")
        values = rows[list(cols)].astype(object).where(rows[list(cols)].notna(), None)
        names = ", ".join(f'"{c}"' for c in cols)
        con.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(cols))})',
                        values.itertuples(index=False, name=None))
        con.register_table(table, f"address locator {info.name} ({info.kind})")
        con.execute(f"INSERT INTO {META_TABLE} (name, kind, source, created_at, features, settings) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (info.name, info.kind, info.source, info.created_at, info.features, json.dumps(info.settings)))
        ctx.check()   # the last point where Cancel leaves the project as it was


def remove_locator(project, name: str) -> None:
    get_locator(project, name)
    table = table_name(name)
    with project.sql_write() as con:
        con.execute(f'DROP TABLE IF EXISTS "{table}"')
        con.execute(f"DELETE FROM {META_TABLE} WHERE name = ?", (name,))
        con.unregister_table(table)
