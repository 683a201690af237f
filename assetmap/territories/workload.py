"""Workload fields made from point layers: how many hubs and assets lie in each unit.

For every layer with role ``hubs`` or ``assets`` a field ``<layer>_count`` is
added to the units, so that ``--by hubs_count`` balances or measures it like
any numeric field. Only public features count (``public_features``): a
confidential site must not be revealed by a territory's figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assetmap.layers.roles import LayerRole
from assetmap.territories.units import Units

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project

POINT_ROLES = (LayerRole.HUBS, LayerRole.ASSETS)


def add_point_counts(units: Units, project: "Project") -> list[str]:
    """Add ``<layer>_count`` fields; return their names."""
    import geopandas as gpd
    import numpy as np
    import shapely

    from assetmap.privacy import public_features

    added = []
    polys = gpd.GeoSeries(units.geoms, crs=units.crs)
    tree = shapely.STRtree(np.asarray(polys.values, dtype=object))
    for role in POINT_ROLES:
        for info in project.layers_by_role(role):
            name = f"{info.name}_count"
            if name in units.values:
                continue
            pts = public_features(project.read_layer(info.name))
            counts = dict.fromkeys(units.ids, 0.0)
            if not pts.empty and pts.crs is not None:
                geoms = shapely.point_on_surface(pts.to_crs(units.crs).geometry.values)
                pi, ui = tree.query(geoms, predicate="within")
                # A point exactly on a shared boundary is in neither (within); one unit per point.
                seen = set()
                for p, u in zip(pi.tolist(), ui.tolist()):
                    if p not in seen:
                        seen.add(p)
                        counts[units.ids[u]] += 1.0
            units.values[name] = counts
            added.append(name)
    return added
