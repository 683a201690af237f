"""Positions for directory locations that come with a street address but no coordinates
(common in 211 exports): each HSDS location without latitude/longitude is geocoded from its
``addresses`` row (the physical one first), and the match type is kept in ``geocode_match``.
A directory is public, so its geocoded positions may be stored like any typed ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.geocode.matcher import Matcher
    from assetmap.hubs.directory import Directory

MATCH_COLUMN = "geocode_match"


def one_line(row) -> str:
    street = " ".join(str(row.get(c, "") or "").strip() for c in ("address_1",)).strip()
    tail = ", ".join(p for p in (str(row.get("city", "") or "").strip(),
                                 " ".join(str(row.get(c, "") or "").strip() for c in ("state_province", "postal_code")).strip())
                     if p)
    return f"{street}, {tail}" if street and tail else street


def place_locations(d: "Directory", matcher: "Matcher") -> dict:
    """Fill latitude/longitude of unplaced locations from their addresses (in place).

    Returns {"placed": [location row positions], "types": {match type: n}, "tried": n}."""
    import numpy as np

    loc = d.tables["locations"]
    addr = d.tables["addresses"]
    lat = loc["latitude"].fillna("").astype(str).str.strip()
    lon = loc["longitude"].fillna("").astype(str).str.strip()
    missing = np.flatnonzero(((lat == "") & (lon == "")).to_numpy())
    if MATCH_COLUMN not in loc.columns:
        loc[MATCH_COLUMN] = ""
    if not len(missing) or addr.empty:
        return {"placed": [], "types": {}, "tried": 0}
    # The physical address of each location, else its first one.
    order = addr.assign(_rank=(addr["address_type"].fillna("").str.lower() != "physical").astype(int))
    order = order.sort_values("_rank", kind="stable").drop_duplicates("location_id")
    by_loc = {r["location_id"]: one_line(r) for r in order.to_dict("records")}
    rows = [i for i in missing if by_loc.get(loc["id"].iat[i], "")]
    if not rows:
        return {"placed": [], "types": {}, "tried": 0}
    m = matcher.match_addresses(np.array([by_loc[loc["id"].iat[i]] for i in rows], dtype=object))
    placed = []
    lat_col, lon_col, typ_col = (loc.columns.get_loc(c) for c in ("latitude", "longitude", MATCH_COLUMN))
    for k, i in enumerate(rows):
        if m.match_type[k] == "unmatched":
            continue
        loc.iat[i, lat_col] = f"{m.lat[k]:.6f}"
        loc.iat[i, lon_col] = f"{m.lon[k]:.6f}"
        loc.iat[i, typ_col] = str(m.match_type[k])
        placed.append(i)
    types = {k: v for k, v in m.counts().items() if v}
    return {"placed": placed, "types": types, "tried": len(rows)}
