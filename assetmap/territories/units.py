"""The units a plan assigns: an ``areas`` layer with ids, workloads and adjacency.

Computed once per layer and kept in memory so that a paint stroke costs only
dictionary updates. Geometry work (projection, areas, perimeters, shared
boundaries) happens here and nowhere on the paint path.

Unit ids are strings: the value of the layer's id field (``LayerInfo.extra
['id_field']``, else the feature id) formatted with :func:`unit_key`, so that a
map click reporting ``12`` or ``"12"`` finds the same unit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from assetmap.project import Project

# Shared boundary shorter than this (metres, in the projected CRS) is a corner touch.
MIN_SHARED_M = 1e-6


def unit_key(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


@dataclass
class Units:
    layer: str
    ids: list[str]                          # unit ids in layer order
    geoms: list[Any]                        # shapely geometries in the project CRS
    area: dict[str, float]                  # m² in the projected CRS
    perimeter: dict[str, float]             # m in the projected CRS
    rook: dict[str, dict[str, float]]       # neighbour -> shared boundary length (m)
    corner: dict[str, set[str]]             # neighbours touching only at a point
    values: dict[str, dict[str, float]]     # numeric field -> unit -> value (NaN -> 0)
    names: dict[str, str] = field(default_factory=dict)
    crs: Any = None
    projected_crs: Any = None
    id_field: str | None = None

    def __post_init__(self) -> None:
        self.index = {u: i for i, u in enumerate(self.ids)}

    def __len__(self) -> int:
        return len(self.ids)

    def key(self, value: Any) -> str:
        k = unit_key(value)
        if k not in self.index:
            raise UserError(f"Layer '{self.layer}' has no unit with id '{k}'.",
                            f"Ids come from the field '{self.id_field or 'fid'}'.")
        return k

    def neighbours(self, unit: str, queen: bool = False) -> Iterable[str]:
        if queen:
            return list(self.rook[unit]) + list(self.corner[unit])
        return self.rook[unit].keys()

    def numeric_fields(self) -> list[str]:
        return list(self.values)

    def field_values(self, name: str) -> dict[str, float]:
        if name not in self.values:
            have = ", ".join(self.values) or "(none)"
            raise UserError(f"Layer '{self.layer}' has no numeric field '{name}'.",
                            f"Numeric fields: {have}.")
        return self.values[name]


def from_frame(gdf: "gpd.GeoDataFrame", layer: str, id_field: str | None = None,
               name_field: str | None = None) -> Units:
    import numpy as np
    import pandas as pd
    import shapely

    if len(gdf) == 0:
        raise UserError(f"Layer '{layer}' has no areas.", "Import an areas layer with polygons first.")
    if id_field and id_field in gdf.columns:
        raw = list(gdf[id_field])
    else:
        id_field = None
        raw = list(gdf.index)
    ids = [unit_key(v) for v in raw]
    if len(set(ids)) != len(ids):
        dup = pd.Series(ids)[pd.Series(ids).duplicated()].iloc[0]
        raise UserError(f"Layer '{layer}': the id '{dup}' in field '{id_field}' is used twice.",
                        "Re-import the areas layer with a unique --id-field.")
    geoms = list(gdf.geometry.values)
    if gdf.crs is not None and gdf.crs.is_geographic:
        from assetmap.utm import estimate_utm_crs

        projected = estimate_utm_crs(gdf)   # geopandas' answer, without its 65 ms database scan
        proj = gdf.geometry.to_crs(projected).values
    else:
        projected = gdf.crs
        proj = gdf.geometry.values
    proj = np.asarray(shapely.make_valid(np.asarray(proj, dtype=object)))
    areas = shapely.area(proj)
    perims = shapely.length(shapely.boundary(proj))
    rook: dict[str, dict[str, float]] = {u: {} for u in ids}
    corner: dict[str, set[str]] = {u: set() for u in ids}
    tree = shapely.STRtree(proj)
    left, right = tree.query(proj, predicate="intersects")
    keep = left < right
    left, right = left[keep], right[keep]
    bounds = shapely.boundary(proj)
    shared = shapely.length(shapely.intersection(bounds[left], bounds[right]))
    for i, j, length in zip(left.tolist(), right.tolist(), shared.tolist()):
        a, b = ids[i], ids[j]
        if length > MIN_SHARED_M:
            rook[a][b] = rook[b][a] = float(length)
        else:
            corner[a].add(b)
            corner[b].add(a)
    values: dict[str, dict[str, float]] = {}
    for col in gdf.columns:
        if col == gdf.geometry.name or col == id_field:
            continue
        if pd.api.types.is_numeric_dtype(gdf[col]) and not pd.api.types.is_bool_dtype(gdf[col]):
            vals = pd.to_numeric(gdf[col], errors="coerce").fillna(0.0).astype(float).tolist()
            values[col] = dict(zip(ids, vals))
    names = {}
    if name_field and name_field in gdf.columns:
        names = {u: str(v) for u, v in zip(ids, gdf[name_field])}
    return Units(layer=layer, ids=ids, geoms=geoms, area=dict(zip(ids, map(float, areas))),
                 perimeter=dict(zip(ids, map(float, perims))), rook=rook, corner=corner,
                 values=values, names=names, crs=gdf.crs, projected_crs=projected, id_field=id_field)


def load_units(project: "Project", layer: str, point_counts: bool = True) -> Units:
    """The areas layer as units; with ``point_counts``, plus ``<layer>_count`` fields for
    the project's hubs and assets layers (see ``workload``)."""
    info = project.layer(layer)
    gdf = project.read_layer(layer)
    units = from_frame(gdf, layer, info.extra.get("id_field"), info.extra.get("name_field"))
    if point_counts:
        from assetmap.territories.workload import add_point_counts

        add_point_counts(units, project)
    return units


def polsby_popper(area: float, perimeter: float) -> float:
    return 4 * math.pi * area / (perimeter ** 2) if perimeter > 0 else 0.0
