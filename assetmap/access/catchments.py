"""Catchments (reach around hubs) and coverage of areas, in metres on a local UTM grid.

Distances are never taken in degrees: hubs and areas are projected to the
UTM zone that ``estimate_utm_crs`` picks for the areas (or the hubs).

Confidential hubs: catchment *layers* (drawn, exported) are made from public
hubs only — a ring would show where a shelter is. Per-area coverage uses public
hubs only too: the covered shares of neighbouring areas would trace the same
ring. Confidential hubs count only in the whole-study-area summary
(``coverage_summary`` of a table made with ``include_confidential=True``), the
aggregate use the rules allow. Nearest-hub names and distances use public hubs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd
    import pandas as pd

    from assetmap.hubs.directory import Directory
    from assetmap.project import Project
    from assetmap.tasks import TaskContext

QUAD_SEGS = 32  # buffer circle smoothness: 128 segments per ring, < 0.03 % area error
_UNITS = {"m": 1.0, "km": 1000.0, "mi": 1609.344, "ft": 0.3048, "yd": 0.9144}
_DIST_RE = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*([a-z]*)\s*$")


def parse_distance(text: str) -> float:
    """'1mi', '800m', '0.5 km', '2640ft' -> metres."""
    m = _DIST_RE.match(str(text).lower())
    unit = (m.group(2) or "m") if m else ""
    unit = {"mile": "mi", "miles": "mi", "metre": "m", "meter": "m", "metres": "m", "meters": "m",
            "feet": "ft", "foot": "ft"}.get(unit, unit)
    if not m or unit not in _UNITS or float(m.group(1)) <= 0:
        raise UserError(f"'{text}' is not a distance.",
                        "Write a number and a unit: 800m, 1.5km, 1mi, 2640ft.")
    return float(m.group(1)) * _UNITS[unit]


def format_distance(metres: float) -> str:
    if metres != metres:  # NaN
        return "-"
    miles = metres / 1609.344
    return f"{miles:.2f} mi ({metres / 1000:.2f} km)"


def hub_points(d: "Directory", *, include_confidential: bool = False) -> "gpd.GeoDataFrame":
    """Placed hubs (WGS 84) with their categories: a row per hub, ``categories`` a set."""
    import geopandas as gpd

    from assetmap.hubs.directory import hubs_frame
    from assetmap.hubs.privacy import public_directory

    src = d if include_confidential else public_directory(d)
    gdf = hubs_frame(src, "EPSG:4326")
    cats = src.hub_categories(public_only=not include_confidential)
    gdf["category_set"] = [cats.get(h, set()) for h in gdf["id"]]
    gdf = gdf[gdf.geometry.notna()]
    return gpd.GeoDataFrame(gdf[["id", "name", "confidential", "category_set", "phone", "hours",
                                 "address", "organization", "geometry"]], crs="EPSG:4326")


def local_crs(*frames: "gpd.GeoDataFrame"):
    for f in frames:
        if f is not None and len(f) and f.geometry.notna().any():
            crs = f.to_crs("EPSG:4326").estimate_utm_crs()
            if crs is not None:
                return crs
    raise UserError("There is nothing placed on the map to measure from.",
                    "Add hubs with a position first (`assetmap hubs add` or `assetmap hubs import`).")


def catchment_layer(d: "Directory", distances: list[float], *, by: str = "hub",
                    categories: list[str] | None = None, crs_out: str = "EPSG:4326") -> "gpd.GeoDataFrame":
    """Reach discs around public hubs, per hub or merged per service category."""
    import geopandas as gpd

    hubs = hub_points(d)
    if hubs.empty:
        raise UserError("No public hub has a position, so there is no catchment to draw.",
                        "Add hubs with a position first (`assetmap hubs add` or `assetmap hubs import`).")
    utm = local_crs(hubs)
    pts = hubs.to_crs(utm)
    rows = []
    for dist in sorted(distances, reverse=True):  # largest first: smaller rings draw on top
        if by == "hub":
            for _, h in pts.iterrows():
                rows.append({"hub_id": h["id"], "name": h["name"], "category": ";".join(sorted(h["category_set"])),
                             "distance_m": dist, "geometry": h.geometry.buffer(dist, quad_segs=QUAD_SEGS)})
        elif by == "category":
            wanted = categories or sorted(set().union(*pts["category_set"]))
            for cat in wanted:
                sel = pts[pts["category_set"].map(lambda s: cat in s).astype(bool)]
                if sel.empty:
                    continue
                rows.append({"hub_id": "", "name": f"{cat} within {dist:g} m", "category": cat, "distance_m": dist,
                             "geometry": sel.geometry.buffer(dist, quad_segs=QUAD_SEGS).union_all()})
        else:
            raise UserError(f"Catchments can be drawn per 'hub' or per 'category', not '{by}'.")
    out = gpd.GeoDataFrame(rows, geometry="geometry", crs=utm)
    return out.to_crs(crs_out)


def areas_layer(project: "Project", name: str | None = None):
    """(GeoDataFrame, id field, name field, population field or None) of an areas layer."""
    from assetmap.layers import LayerRole

    if name is None:
        found = project.layers_by_role(LayerRole.AREAS)
        if not found:
            raise UserError(f"{project.path} has no areas layer.",
                            "Import neighbourhoods with `assetmap import P.gpkg FILE --role areas`.")
        info = found[0]
    else:
        info = project.layer(name)
    gdf = project.read_layer(info.name)
    if gdf.geometry.isna().all() or not gdf.geom_type.isin(["Polygon", "MultiPolygon"]).any():
        raise UserError(f"Layer '{info.name}' has no polygons to measure coverage in.",
                        "Choose an areas layer (neighbourhoods, tracts).")
    id_field = info.extra.get("id_field") or gdf.columns[0]
    name_field = info.extra.get("name_field") or id_field
    pop = info.extra.get("population_field") or ("population" if "population" in gdf.columns else None)
    return gdf, id_field, name_field, pop


def coverage(areas: "gpd.GeoDataFrame", d: "Directory", distance: float, *, id_field: str, name_field: str,
             population_field: str | None = None, categories: list[str] | None = None,
             include_confidential: bool = False, ctx: "TaskContext | None" = None) -> "pd.DataFrame":
    """Per area: share of its area (and population) within ``distance`` of each category,
    and the nearest public hub with its distance from the area's centroid.

    ``include_confidential`` is for whole-area summaries only: never show or
    export that table per area.

    Population within reach assumes people are spread evenly inside each area
    (areal weighting): the best we can say without finer data.
    """
    import numpy as np
    import pandas as pd

    from assetmap.tasks import ensure

    ctx = ensure(ctx)
    utm = local_crs(areas)
    zones = areas.to_crs(utm)
    all_hubs = hub_points(d, include_confidential=include_confidential).to_crs(utm)
    public = hub_points(d).to_crs(utm)
    wanted = categories or sorted(set().union(set(), *all_hubs["category_set"]))
    out = pd.DataFrame({"area_id": areas[id_field].to_numpy(), "area_name": areas[name_field].to_numpy()})
    area_m2 = zones.geometry.area.to_numpy()
    pop = pd.to_numeric(areas[population_field], errors="coerce").to_numpy() if population_field else None
    if pop is not None:
        out["population"] = pop
    for i, cat in enumerate(wanted):
        ctx.progress(0.1 + 0.7 * i / max(1, len(wanted)), f"Coverage of {cat}")
        sel = all_hubs[all_hubs["category_set"].map(lambda s: cat in s).astype(bool)]
        if sel.empty:
            share = [0.0] * len(zones)
        else:
            reach = sel.geometry.buffer(distance, quad_segs=QUAD_SEGS).union_all()
            # An area wholly inside reach can measure a hair over 1 (floating point): it is 1.
            share = np.minimum(zones.geometry.intersection(reach).area.to_numpy() / area_m2, 1.0)
        out[f"area_share_{cat}"] = share
        if pop is not None:
            out[f"pop_covered_{cat}"] = pop * share
    ctx.progress(0.85, "Nearest hubs")
    cents = zones.geometry.centroid
    if len(public):
        dist = [public.geometry.distance(c) for c in cents]
        j = [int(s.to_numpy().argmin()) for s in dist]
        out["nearest_hub"] = [public["name"].iloc[k] for k in j]
        out["nearest_distance_m"] = [float(s.iloc[k]) for s, k in zip(dist, j)]
    else:
        out["nearest_hub"] = ""
        out["nearest_distance_m"] = float("nan")
    return out


def coverage_summary(table: "pd.DataFrame", areas_m2: "pd.Series | None" = None) -> dict[str, dict]:
    """Whole-study-area shares per category (population-weighted when known)."""
    out = {}
    for col in table.columns:
        if not col.startswith("area_share_"):
            continue
        cat = col[len("area_share_"):]
        row = {}
        if f"pop_covered_{cat}" in table.columns and table["population"].sum() > 0:
            row["population_share"] = float(table[f"pop_covered_{cat}"].sum() / table["population"].sum())
        row["mean_area_share"] = float(table[col].mean())
        out[cat] = row
    return out


def write_catchments(project: "Project", gdf: "gpd.GeoDataFrame", name: str = "catchments",
                     replace: bool = True) -> None:
    from assetmap.layers import LayerInfo, LayerRole

    info = LayerInfo(name=name, role=LayerRole.CATCHMENTS, display_name="Hub catchments",
                     extra={"distances_m": sorted(set(gdf["distance_m"].tolist()))})
    with project.edit() as tx:
        tx.write_layer(gdf.to_crs(project.crs), info, replace=replace and tx.layer_exists(name))


def write_coverage_layer(project: "Project", areas: "gpd.GeoDataFrame", table: "pd.DataFrame", name: str,
                         within_m: float) -> None:
    """Per-area coverage (public hubs only) as a layer for the map and exports."""
    import geopandas as gpd

    from assetmap.layers import LayerInfo, LayerRole

    gdf = gpd.GeoDataFrame(table.reset_index(drop=True), geometry=areas.geometry.to_numpy(), crs=areas.crs)
    info = LayerInfo(name=name, role=LayerRole.OTHER, display_name=f"Coverage within {within_m:.0f} m",
                     extra={"kind": "coverage", "within_m": within_m})
    with project.edit() as tx:
        tx.write_layer(gdf.to_crs(project.crs), info, replace=tx.layer_exists(name))
