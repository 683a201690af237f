"""Which units a free-hand polygon takes.

Two rules, both in the project CRS:

- ``"mostly"`` (default): a unit is taken when more than half of its area lies
  inside the polygon. A sloppy outline that clips a neighbour's edge does not
  grab it, and a unit cut in two by the outline goes to whichever side holds
  most of it.
- ``"point"``: a unit is taken when its representative point (a point
  guaranteed to lie inside it, ``shapely.point_on_surface``) is inside.
"""

from __future__ import annotations

from typing import Any

from assetmap.errors import UserError
from assetmap.territories.units import Units

RULES = ("mostly", "point")


def units_in_polygon(units: Units, polygon: Any, rule: str = "mostly") -> list[str]:
    import numpy as np
    import shapely

    if rule not in RULES:
        raise UserError(f"Unknown selection rule '{rule}'.", f"Use one of: {', '.join(RULES)}.")
    if polygon is None or polygon.is_empty or polygon.area == 0:
        return []
    polygon = shapely.make_valid(polygon)
    geoms = np.asarray(units.geoms, dtype=object)
    tree = getattr(units, "_tree", None)
    if tree is None:
        tree = units._tree = shapely.STRtree(geoms)
    candidates = np.sort(tree.query(polygon, predicate="intersects"))
    if len(candidates) == 0:
        return []
    cand = geoms[candidates]
    if rule == "point":
        hit = shapely.contains(polygon, shapely.point_on_surface(cand))
    else:
        inside = shapely.area(shapely.intersection(cand, polygon))
        hit = inside > 0.5 * shapely.area(cand)
    return [units.ids[i] for i in candidates[hit]]
