"""Gap analysis: need (a numeric field of an areas/aggregate layer) against access
(distance from each area's centroid to the nearest public hub offering a category).

An area is a gap ("high need, low access") when its need is at or above the
median need and no hub offering the category is within reach: within the
``within`` distance when given, else farther than the median distance. Areas
are ranked gaps first, then by need (highest first), then by distance
(farthest first), so the table reads as a to-do list for the meeting.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd
    import pandas as pd

    from assetmap.hubs.directory import Directory
    from assetmap.project import Project


def parse_need(text: str) -> tuple[str, str]:
    layer, sep, field = text.partition(":")
    if not sep or not layer or not field:
        raise UserError(f"--need '{text}' should be LAYER:FIELD.", "For example: --need neighborhoods:population")
    return layer, field


def need_values(gdf: "gpd.GeoDataFrame", layer: str, field: str) -> "pd.Series":
    import pandas as pd

    numeric = [c for c in gdf.columns if c != gdf.geometry.name and pd.api.types.is_numeric_dtype(gdf[c])]
    if field not in gdf.columns:
        raise UserError(f"Layer '{layer}' has no field '{field}'.",
                        "Numeric fields there: " + (", ".join(numeric) or "(none)") + ".")
    values = pd.to_numeric(gdf[field], errors="coerce")
    if values.notna().sum() == 0:
        raise UserError(f"Field '{field}' of layer '{layer}' holds no numbers.",
                        "Numeric fields there: " + (", ".join(numeric) or "(none)") + ".")
    return values


def gap_table(areas: "gpd.GeoDataFrame", need: "pd.Series", d: "Directory", category: str, *,
              id_field: str, name_field: str, within: float | None = None) -> "gpd.GeoDataFrame":
    import geopandas as gpd
    import numpy as np

    from assetmap.access.catchments import hub_points, local_crs

    utm = local_crs(areas)
    zones = areas.to_crs(utm)
    hubs = hub_points(d)
    hubs = hubs[hubs["category_set"].map(lambda s: category in s).astype(bool)].to_crs(utm)
    cents = zones.geometry.centroid
    if len(hubs):
        dist = np.array([hubs.geometry.distance(c).to_numpy() for c in cents])
        k = dist.argmin(axis=1)
        nearest = hubs["name"].to_numpy()[k]
        distance = dist[np.arange(len(k)), k]
    else:
        nearest = np.array([""] * len(zones), dtype=object)
        distance = np.full(len(zones), np.inf)
    need_arr = need.to_numpy(dtype=float)
    need_cut = float(np.nanmedian(need_arr))
    finite = distance[np.isfinite(distance)]
    access_cut = within if within is not None else (float(np.median(finite)) if len(finite) else 0.0)
    high_need = np.nan_to_num(need_arr, nan=-np.inf) >= need_cut
    low_access = distance > access_cut
    table = gpd.GeoDataFrame({
        "area_id": areas[id_field].to_numpy(),
        "area_name": areas[name_field].to_numpy(),
        "need": need_arr,
        "nearest_hub": nearest,
        "distance_m": np.where(np.isfinite(distance), distance, np.nan),
        "high_need": high_need,
        "low_access": low_access,
        "gap": high_need & low_access,
    }, geometry=areas.geometry.to_numpy(), crs=areas.crs)
    order = np.lexsort((-np.nan_to_num(distance, posinf=1e30), -np.nan_to_num(need_arr, nan=-np.inf),
                        ~table["gap"].to_numpy()))
    table = table.iloc[order].reset_index(drop=True)
    table.insert(0, "rank", np.arange(1, len(table) + 1))
    table.attrs.update(need_cut=need_cut, access_cut_m=access_cut, category=category)
    return table


def write_csv(frame: "pd.DataFrame", out: str | os.PathLike) -> Path:
    """A table as CSV, replaced in one step (never half-written)."""
    path = Path(out)
    tmp = path.with_name(f".{path.name}.part")
    frame.to_csv(tmp, index=False)
    os.replace(tmp, path)
    return path


def report_units(project: "Project", layer: str, gdf: "gpd.GeoDataFrame", id_field: str, name_field: str):
    """A report layer counted by period has a row per unit and period: the need of a unit is its
    row for all periods together, and its id and name are those of the units it was counted on."""
    meta = (project.layer(layer).extra or {}).get("reports") or {}
    if "period" in gdf.columns and meta.get("periods"):
        gdf = gdf[gdf["period"].astype(str) == "all"]
    if meta.get("unit_field") in gdf.columns:
        id_field = meta["unit_field"]
    units = meta.get("units")
    if units and project.has_layer(units):
        names = (project.layer(units).extra or {}).get("name_field")
        if names in gdf.columns:
            name_field = names
    return gdf, id_field, name_field


def run_access(project: "Project", need: str, category: str, within: float | None = None,
               write_layer: bool = True) -> "gpd.GeoDataFrame":
    from assetmap.access.catchments import areas_layer
    from assetmap.hubs import directory
    from assetmap.hubs.taxonomy import categories, resolve_category
    from assetmap.layers import LayerInfo, LayerRole

    layer, field = parse_need(need)
    code = resolve_category(category, cats=categories(project))
    gdf, id_field, name_field, _ = areas_layer(project, layer)
    gdf, id_field, name_field = report_units(project, layer, gdf, id_field, name_field)
    values = need_values(gdf, layer, field)
    table = gap_table(gdf, values, directory.load(project), code, id_field=id_field, name_field=name_field,
                      within=within)
    if write_layer:
        gaps = table[table["gap"]].drop(columns=["high_need", "low_access", "gap"])
        gaps = gaps.rename(columns={"need": field})
        name = f"access_gaps_{code}"[:63]
        info = LayerInfo(name=name, role=LayerRole.OTHER,
                         display_name=f"High need ({field}), no {code} within reach",
                         extra={"kind": "access_gaps", "need": need, "service": code,
                                "within_m": within, "need_cut": table.attrs["need_cut"],
                                "access_cut_m": table.attrs["access_cut_m"]})
        with project.edit() as tx:
            tx.write_layer(gaps.to_crs(project.crs), info, replace=tx.layer_exists(name))
        table.attrs["layer"] = name
    return table
