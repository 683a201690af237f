"""The resource directory of a project: hubs (HSDS locations) and their services.

``Directory`` is an in-memory copy of the HSDS tables (text values, as in the
files); ``load``/``save`` move it in and out of the project GeoPackage in one
``Project.edit()``. Hand edits (add, edit, move, delete a hub; add a service)
are methods here and are wrapped as undoable commands in ``hubs.commands``.
"""

from __future__ import annotations

import functools
import math
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.hubs import schema
from assetmap.hubs.schema import CONFIDENTIAL, HUBS_LAYER

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    from assetmap.project import Project
    from assetmap.tasks import TaskContext

TRUE_TEXT = {"1", "true", "yes", "y", "t"}


def is_true(value) -> bool:
    return str(value).strip().lower() in TRUE_TEXT


def new_id() -> str:
    return str(uuid.uuid4())


def parse_coordinate(text, low: float, high: float) -> float | None:
    """A finite number within [low, high], or None."""
    try:
        value = float(str(text).strip())
    except ValueError:
        return None
    if not math.isfinite(value) or not low <= value <= high:
        return None
    return value


def parse_coordinates(texts, low: float, high: float):
    """``parse_coordinate`` of each text, as a float array with NaN for None. A column of
    numbers is converted in one cast (numpy converts a str with Python's own ``float``)."""
    import numpy as np
    import pandas as pd

    values = np.asarray(texts, dtype=object)
    if pd.api.types.infer_dtype(values, skipna=False) in ("string", "empty"):
        try:
            out = values.astype(float)
        except ValueError:   # some text is not a number: one at a time, below
            pass
        else:
            with np.errstate(invalid="ignore"):
                out[~(np.isfinite(out) & (out >= low) & (out <= high))] = math.nan
            return out
    return np.array([math.nan if (v := parse_coordinate(t, low, high)) is None else v for t in values],
                    dtype=float).reshape(len(values))


def format_coordinate(value: float) -> str:
    return repr(round(float(value), 9))


def _is_normal(df: "pd.DataFrame", cols) -> bool:
    """Exactly the stored columns, a 0..n-1 index, and nothing but str values."""
    import pandas as pd

    if list(df.columns) != list(cols) or not isinstance(df.index, pd.RangeIndex) or df.index.start != 0 \
            or df.index.step != 1:
        return False
    if not all(dtype == object for dtype in df.dtypes):
        return False
    # One look at every value (a 2-D object array: no copy of the strings), not a Series per column.
    return pd.api.types.infer_dtype(df.to_numpy().ravel(), skipna=False) in ("string", "empty")


@functools.lru_cache(maxsize=1)
def _empty_tables() -> dict[str, "pd.DataFrame"]:
    """One empty frame per table (object columns), made once: ``Directory.empty`` copies them."""
    import numpy as np
    import pandas as pd

    return {t: pd.DataFrame(np.empty((0, len(cols)), dtype=object), columns=list(cols))
            for t in schema.TABLES for cols in (schema.stored_columns(t),)}


def _empty_table(table: str) -> "pd.DataFrame":
    return _empty_tables()[table].copy()


def _pandas_text(df: "pd.DataFrame") -> "pd.DataFrame":
    """Every value as text, '' for missing (pandas' own conversion, for any values)."""
    return df.astype(object).where(df.notna(), "").astype(str).astype(object)


def _as_text(df: "pd.DataFrame", cols) -> "pd.DataFrame":
    """``df`` with exactly the columns ``cols``, a 0..n-1 index, every value a ``str`` ('' for
    missing), as ``_pandas_text`` of the reindexed frame makes it. A column of text and missing
    values (what SQLite's TEXT columns read as) is converted in Python, ≈10x faster than pandas'
    four passes; a column holding anything else (numbers, bytes…) goes through pandas."""
    import numpy as np
    import pandas as pd

    cols = list(cols)
    if df.columns.has_duplicates:   # pandas' reindex says what is wrong
        return _pandas_text(df.reindex(columns=cols).reset_index(drop=True))
    n = len(df)
    out = np.full((n, len(cols)), "", dtype=object)   # one block: a frame of many columns is made at once
    for j, c in enumerate(cols):
        if c not in df.columns:
            continue
        text = [v if isinstance(v, str) else "" if v is None or v is pd.NA or (isinstance(v, float) and v != v)
                else None for v in df[c].tolist()]
        if any(v is None for v in text):   # not only text and missing
            text = _pandas_text(df[[c]].reset_index(drop=True))[c].tolist()
        out[:, j] = text
    return pd.DataFrame(out, columns=cols, index=pd.RangeIndex(n), dtype=object)


@dataclass
class ServiceSpec:
    """A service as a user enters it for a hub."""

    name: str
    category: str = ""
    description: str = ""
    eligibility: str = ""
    confidential: bool = False
    organization_id: str = ""


@dataclass
class Directory:
    tables: dict[str, "pd.DataFrame"] = field(default_factory=dict)
    # The project's taxonomy (built-in + its own categories); empty = built-in only.
    categories: dict[str, dict] = field(default_factory=dict)

    # ------------------------------------------------------------------ construction
    @classmethod
    def empty(cls) -> "Directory":
        return cls({t: _empty_table(t) for t in schema.TABLES})

    def copy(self) -> "Directory":
        return Directory({t: df.copy() for t, df in self.tables.items()}, dict(self.categories))

    def normalised(self) -> "Directory":
        """Every table with exactly its stored columns, text values, '' for missing."""
        out = {}
        for t in schema.TABLES:
            df = self.tables.get(t)
            cols = schema.stored_columns(t)
            if df is None:
                out[t] = _empty_table(t)
                continue
            if _is_normal(df, cols):
                # Already text in the stored columns (the usual case: imports, loads and
                # saves normalise the same tables in turn): copying is enough.
                out[t] = df.copy()
                continue
            out[t] = _as_text(df, cols)
        return Directory(out, dict(self.categories))

    def __getitem__(self, table: str) -> "pd.DataFrame":
        return self.tables[table]

    # ------------------------------------------------------------------ queries
    def hub_ids(self) -> list[str]:
        return self.tables["locations"]["id"].tolist()

    def hub(self, hub_id: str) -> dict:
        loc = self.tables["locations"]
        rows = loc[loc["id"] == hub_id]
        if rows.empty:
            raise UserError(f"There is no hub with id {hub_id}.", "List hubs with `assetmap hubs list`.")
        return rows.iloc[0].to_dict()

    def services_at(self, hub_id: str, public_only: bool = False) -> "pd.DataFrame":
        sal = self.tables["service_at_location"]
        ids = set(sal.loc[sal["location_id"] == hub_id, "service_id"])
        svc = self.tables["services"]
        out = svc[svc["id"].isin(ids)]
        if public_only:
            out = out[~out[CONFIDENTIAL].map(is_true).astype(bool)]
        return out

    def hub_categories(self, public_only: bool = False) -> dict[str, set[str]]:
        """hub id -> service categories offered there."""
        svc = self.tables["services"]
        if public_only:
            svc = svc[~svc[CONFIDENTIAL].map(is_true).astype(bool)]
        cat = dict(zip(svc["id"], svc["category"]))
        out: dict[str, set[str]] = {h: set() for h in self.hub_ids()}
        for sid, lid in zip(self.tables["service_at_location"]["service_id"],
                            self.tables["service_at_location"]["location_id"]):
            if cat.get(sid) and lid in out:
                out[lid].add(cat[sid])
        return out

    # ------------------------------------------------------------------ edits
    def _append(self, table: str, row: dict) -> None:
        import pandas as pd

        cols = schema.stored_columns(table)
        full = {c: str(row.get(c, "") if row.get(c) is not None else "") for c in cols}
        self.tables[table] = pd.concat([self.tables[table], pd.DataFrame([full], dtype=object)],
                                       ignore_index=True)

    def add_organization(self, name: str, **fields) -> str:
        org = self.tables["organizations"]
        same = org[org["name"].str.casefold() == name.strip().casefold()]
        if not same.empty:
            return same.iloc[0]["id"]
        oid = fields.pop("id", None) or new_id()
        self._append("organizations", {"id": oid, "name": name.strip(), **fields})
        return oid

    def add_hub(self, name: str, lon: float | None, lat: float | None, *, organization: str = "",
                services: list[ServiceSpec] | tuple = (), phone: str = "", url: str = "",
                description: str = "", address: str = "", city: str = "", hours: str = "",
                opens_at: str = "", closes_at: str = "", byday: str = "", eligibility: str = "",
                confidential: bool = False, hub_id: str | None = None, state_province: str = "",
                postal_code: str = "", country: str = "") -> str:
        if not name.strip():
            raise UserError("A hub needs a name.", "Type the name people know it by.")
        hub_id = hub_id or new_id()
        # HSDS requires an organisation's description: say what we know, that it runs this hub.
        org_id = self.add_organization(organization, description=f"Runs the resource hub {name.strip()}.") \
            if organization.strip() else ""
        self._append("locations", {
            "id": hub_id, "location_type": "physical", "name": name.strip(), "organization_id": org_id,
            "description": description, "url": url, CONFIDENTIAL: "1" if confidential else "0",
        })
        self.move_hub(hub_id, lon, lat)
        if address or city:
            from assetmap.hubs.address import complete_address

            self._append("addresses", {"id": new_id(), "location_id": hub_id, "address_type": "physical",
                                       **complete_address(address, city, state_province, postal_code, country)})
        if phone:
            self._append("phones", {"id": new_id(), "location_id": hub_id, "number": phone, "type": "voice"})
        if hours or opens_at or closes_at:
            self._append("schedules", {"id": new_id(), "location_id": hub_id, "description": hours,
                                       "opens_at": opens_at, "closes_at": closes_at, "byday": byday,
                                       "freq": "WEEKLY" if byday else ""})
        for spec in services:
            if eligibility and not spec.eligibility:
                spec.eligibility = eligibility
            if not spec.organization_id:
                spec.organization_id = org_id
            self.add_service(hub_id, spec)
        return hub_id

    def add_service(self, hub_id: str, spec: ServiceSpec) -> str:
        from assetmap.hubs.taxonomy import resolve_category

        self.hub(hub_id)
        category = resolve_category(spec.category, cats=self.categories or None) if spec.category else ""
        sid = new_id()
        org_id = spec.organization_id or self.hub(hub_id).get("organization_id", "")
        if not org_id:
            # HSDS requires every service to belong to an organisation: the hub itself stands in.
            hub_name = self.hub(hub_id)["name"]
            org_id = self.add_organization(hub_name, description=f"The resource hub {hub_name}.")
        self._append("services", {
            "id": sid, "organization_id": org_id, "name": spec.name.strip(), "description": spec.description,
            "status": "active", "eligibility_description": spec.eligibility, "category": category,
            CONFIDENTIAL: "1" if spec.confidential else "0",
        })
        self._append("service_at_location", {"id": new_id(), "service_id": sid, "location_id": hub_id})
        return sid

    def categorize(self, text: str, category: str, *, overwrite: bool = False) -> int:
        """Give ``category`` to services whose name or HSDS taxonomy term contains ``text``.

        For directories whose terms (211/AIRS codes, local names) match none of ours.
        Services that already have a category keep it unless ``overwrite``.
        """
        from assetmap.hubs.taxonomy import resolve_category

        needle = text.strip().casefold()
        if not needle:
            raise UserError("Say what to match: part of a service name or taxonomy term.",
                            'For example: --match "parenting skills"')
        code = resolve_category(category, cats=self.categories or None)
        svc = self.tables["services"]
        terms = self.tables["taxonomy_terms"]
        term_text = {i: f"{c} {n}".casefold() for i, c, n in zip(terms["id"], terms["code"], terms["name"])}
        by_term = {link for link, term in zip(self.tables["attributes"]["link_id"],
                                              self.tables["attributes"]["taxonomy_term_id"])
                   if needle in term_text.get(term, "")}
        hit = (svc["name"].str.casefold().str.contains(needle, regex=False)
               | svc["alternate_name"].str.casefold().str.contains(needle, regex=False)
               | svc["id"].isin(by_term))
        if not overwrite:
            hit &= svc["category"] == ""
        svc.loc[hit, "category"] = code
        return int(hit.sum())

    def update_hub(self, hub_id: str, **fields) -> None:
        self.hub(hub_id)
        loc = self.tables["locations"]
        mask = loc["id"] == hub_id
        for key, value in fields.items():
            if key == "name" and not str(value).strip():
                raise UserError("A hub needs a name.", "Type the name people know it by.")
            if key == CONFIDENTIAL:
                value = "1" if is_true(value) or value is True else "0"
            if key not in loc.columns or key in ("id", "latitude", "longitude"):
                raise UserError(f"A hub has no editable field '{key}'.",
                                "Editable: " + ", ".join(c for c in loc.columns if c not in ("id",)))
            loc.loc[mask, key] = str(value)

    def move_hub(self, hub_id: str, lon: float | None, lat: float | None) -> None:
        loc = self.tables["locations"]
        mask = loc["id"] == hub_id
        if lon is None or lat is None:
            loc.loc[mask, ["latitude", "longitude"]] = ""
            return
        if parse_coordinate(lat, -90, 90) is None or parse_coordinate(lon, -180, 180) is None:
            raise UserError(f"({lon}, {lat}) is not a longitude/latitude position.",
                            "Longitude is between -180 and 180, latitude between -90 and 90.")
        loc.loc[mask, "latitude"] = format_coordinate(lat)
        loc.loc[mask, "longitude"] = format_coordinate(lon)

    def delete_hub(self, hub_id: str) -> None:
        self.hub(hub_id)
        t = self.tables
        sal = t["service_at_location"]
        here = set(sal.loc[sal["location_id"] == hub_id, "service_id"])
        t["service_at_location"] = sal = sal[sal["location_id"] != hub_id].reset_index(drop=True)
        orphans = here - set(sal["service_id"])
        t["locations"] = t["locations"][t["locations"]["id"] != hub_id].reset_index(drop=True)
        t["services"] = t["services"][~t["services"]["id"].isin(orphans)].reset_index(drop=True)
        for name in ("addresses", "phones", "schedules"):
            df = t[name]
            drop = df["location_id"] == hub_id
            if "service_id" in df.columns:
                drop |= df["service_id"].isin(orphans)
            t[name] = df[~drop].reset_index(drop=True)
        att = t["attributes"]
        t["attributes"] = att[~att["link_id"].isin(orphans | {hub_id})].reset_index(drop=True)


# ---------------------------------------------------------------------- storage
def column_lists(df: "pd.DataFrame") -> dict[str, list]:
    """Every column of a frame as a list, in one conversion (a normal table is one block of
    objects: a column at a time costs a Series each)."""
    return dict(zip(df.columns, df.to_numpy(dtype=object).T.tolist()))


def _summary(d: Directory, loc: dict[str, list] | None = None) -> dict[str, list]:
    """Popup columns per hub (lists of text, in the order of the locations), from public
    services only (a confidential service never shows). ``loc``: the locations' columns
    (``column_lists``), when the caller has them."""
    # Plain dictionaries over the columns: a per-hub groupby cost more than the rest of an import.
    loc = loc if loc is not None else column_lists(d["locations"])
    org_name = dict(zip(d["organizations"]["id"], d["organizations"]["name"]))
    svc = column_lists(d["services"])
    flags = svc[CONFIDENTIAL]
    secret = {v: is_true(v) for v in set(flags)}   # a few distinct texts ("0", "1") for thousands of rows
    public = {i: (name, cat, org) for i, name, cat, org, flag in
              zip(svc["id"], svc["name"], svc["category"], svc["organization_id"], flags)
              if not secret[flag]}
    secret_ids = set(svc["id"]) - set(public)
    here: dict[str, list] = {}
    sal = d["service_at_location"]
    for sid, lid in zip(sal["service_id"].tolist(), sal["location_id"].tolist()):
        offered = public.get(sid)
        if offered is not None:
            here.setdefault(lid, []).append(offered)
    phone: dict[str, str] = {}
    ph = d["phones"]
    for lid, sid, number in zip(ph["location_id"], ph["service_id"], ph["number"]):
        if lid != "" and sid not in secret_ids:
            phone.setdefault(lid, number)
    hours: dict[str, list] = {}
    sch = d["schedules"]
    for lid, sid, desc, byday, opens, closes in zip(sch["location_id"], sch["service_id"], sch["description"],
                                                    sch["byday"], sch["opens_at"], sch["closes_at"]):
        if lid != "" and sid not in secret_ids:
            hours.setdefault(lid, []).append(desc or f"{byday} {opens}-{closes}".strip(" -"))
    address: dict[str, str] = {}
    adr = d["addresses"]
    for lid, a1, city in zip(adr["location_id"], adr["address_1"], adr["city"]):
        address.setdefault(lid, ", ".join(x for x in (a1, city) if x))
    columns: dict[str, list] = {c: [] for c in schema.SUMMARY_COLUMNS}
    organization, categories, services = columns["organization"], columns["categories"], columns["services"]
    for hid, own_org in zip(loc["id"], loc["organization_id"]):
        # the hub's own organisation, else the first named one of the services offered there
        org = org_name.get(own_org, "")
        offered = here.get(hid)
        if offered is None:
            organization.append(org)
            categories.append("")
            services.append("")
            continue
        if len(offered) == 1:   # the usual hub: what the general case below gives, without its sets
            name, cat, other = offered[0]
            organization.append(org or org_name.get(other, ""))
            categories.append(cat)
            services.append(name)
            continue
        if not org:
            for _, _, other in offered:
                org = org_name.get(other, "")
                if org:
                    break
        organization.append(org)
        categories.append(";".join(sorted({c for _, c, _ in offered if c})))
        services.append("; ".join([name for name, _, _ in offered]))
    ids = loc["id"]
    columns["phone"] = [phone.get(h, "") for h in ids]
    columns["hours"] = ["; ".join(hours[h]) if h in hours else "" for h in ids]
    columns["address"] = [address.get(h, "") for h in ids]
    return columns


def hubs_columns(d: Directory) -> "tuple[dict[str, list], np.ndarray, np.ndarray]":
    """The hubs layer as columns: the locations' own, then the popup summaries (lists of text), and
    each hub's longitude and latitude (NaN where it has no usable position)."""
    columns = column_lists(d["locations"])
    columns.update(_summary(d, columns))
    return (columns, parse_coordinates(columns["longitude"], -180, 180),
            parse_coordinates(columns["latitude"], -90, 90))


def hubs_frame(d: Directory, crs: str) -> "gpd.GeoDataFrame":
    """The hubs layer: one point per located hub (None where it has no usable position)."""
    from assetmap.project.points import points_frame, to_crs

    columns, lon, lat = hubs_columns(d)
    return points_frame(columns, *to_crs(lon, lat, "EPSG:4326", crs), crs)


def load(project: "Project") -> Directory:
    """The project's directory (empty when it has no hubs yet)."""
    import pandas as pd

    from assetmap.hubs.taxonomy import categories

    d = Directory({}, categories(project))   # normalised() below makes the tables it lacks, empty
    if not project.has_layer(HUBS_LAYER):
        return d.normalised()
    gdf = project.read_layer(HUBS_LAYER)
    geo = gdf.to_crs("EPSG:4326") if project.crs != "EPSG:4326" else gdf
    loc = _as_text(pd.DataFrame(gdf.drop(columns=gdf.geometry.name)), schema.stored_columns("locations"))
    # The geometry is the truth (a hub may have been moved in QGIS): refresh lat/lon from it.
    for i, g in enumerate(geo.geometry.to_numpy()):
        if g is None or g.is_empty:
            continue
        old_x = parse_coordinate(loc.at[i, "longitude"], -180, 180)
        old_y = parse_coordinate(loc.at[i, "latitude"], -90, 90)
        if old_x is None or old_y is None or abs(old_x - g.x) > 1e-9 or abs(old_y - g.y) > 1e-9:
            loc.at[i, "longitude"], loc.at[i, "latitude"] = format_coordinate(g.x), format_coordinate(g.y)
    d.tables["locations"] = loc
    with project.sql_read() as con:  # a GeoPackage, or a shared project on PostGIS
        for t in schema.TABLES:
            if t == "locations":
                continue
            name = schema.table_name(t)
            if not con.has_table(name):
                continue
            d.tables[t] = con.read_table(name)
    return d.normalised()


def save(project: "Project", d: Directory, ctx: "TaskContext | None" = None, source: str = "",
         normal: bool = False) -> None:
    """Write the whole directory atomically: the hubs layer and every attribute table. ``normal``:
    the caller's directory is normal already (``Directory.normalised``), so it is not made again."""
    from assetmap.layers import LayerInfo, LayerRole
    from assetmap.project.dialect import insert_rows
    from assetmap.tasks import ensure

    ctx = ensure(ctx)
    if not normal:
        d = d.normalised()
    ctx.progress(0.1, "Placing hubs")
    columns, lon, lat = hubs_columns(d)
    old = project.layer(HUBS_LAYER) if project.has_layer(HUBS_LAYER) else None
    info = old or LayerInfo(name=HUBS_LAYER, role=LayerRole.HUBS, display_name="Resource hubs", source=source)
    ctx.progress(0.4, "Writing hubs")
    with project.edit() as tx:
        # Text columns and points only: the backend writes them without a GeoDataFrame.
        tx.write_points(info, columns, lon, lat, crs="EPSG:4326",
                        replace=old is not None or tx.layer_exists(HUBS_LAYER))
        with tx.sql() as con:
            for t in schema.TABLES:
                if t == "locations":
                    continue
                ctx.check()
                name = schema.table_name(t)
                cols = schema.stored_columns(t)
                con.execute(f'DROP TABLE IF EXISTS "{name}"')
                con.create_table(f'CREATE TABLE "{name}" (fid INTEGER PRIMARY KEY, ' +
                                 ", ".join(f'"{c}" TEXT NOT NULL DEFAULT \'\'' for c in cols) + ")")
                values = column_lists(d[t])
                # Only the columns with some text: the others' DEFAULT '' is the same value, and
                # most HSDS columns of a package are empty (each bound value costs).
                filled = [cols[0]] + [c for c in cols[1:] if any(values[c])]
                names = ", ".join(f'"{c}"' for c in filled)
                insert_rows(con, f'INSERT INTO "{name}" ({names})', "(" + ", ".join("?" for _ in filled) + ")",
                            [values[c] for c in filled])
                con.register_table(name, f"HSDS {t} of the resource directory")
        ctx.progress(0.95, "Saving")
        ctx.check()  # the last point where Cancel still leaves the project as it was
