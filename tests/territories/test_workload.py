"""Hubs and assets inside each unit as workload fields (public features only)."""

from __future__ import annotations

import geopandas as gpd
import shapely

from assetmap.layers.info import LayerInfo
from assetmap.layers.roles import LayerRole
from assetmap.territories.units import load_units


def test_hub_counts_per_unit_from_public_points_only(stl_project, stl_frame, tmp_path):
    import random

    rng = random.Random(4)
    minx, miny, maxx, maxy = stl_frame.total_bounds
    pts = [shapely.Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy)) for _ in range(300)]
    confidential = [i % 10 == 0 for i in range(300)]
    hubs = gpd.GeoDataFrame({"name": [f"h{i}" for i in range(300)], "confidential": confidential},
                            geometry=pts, crs=4326)
    stl_project.write_layer(hubs, LayerInfo("hubs", LayerRole.HUBS, "Hubs"))
    units = load_units(stl_project, "neighborhoods")
    got = units.field_values("hubs_count")
    # Oracle: plain point-in-polygon over every neighbourhood.
    for nhd, geom in zip(stl_frame.NHD_NUM, stl_frame.geometry):
        want = sum(geom.contains(p) for p, c in zip(pts, confidential) if not c)
        assert got[str(nhd)] == want, nhd
    assert sum(got.values()) > 50
