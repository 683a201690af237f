"""assetmap.utm.estimate_utm_crs gives geopandas' own estimate_utm_crs answer (its shortcut skips
PROJ's database only where the zone is plain; edges, the equator and the poles go to geopandas)."""

from __future__ import annotations

import random

import pytest


def _frame(points, crs="EPSG:4326"):
    import geopandas as gpd
    import shapely

    return gpd.GeoDataFrame(geometry=[shapely.Point(x, y) for x, y in points], crs=crs)


POINTS = [
    (-90.25, 38.63), (-90.0, 38.6), (-96.0, 10.0), (0.0, 0.0), (10.0, 60.0), (5.0, 60.0), (20.0, 83.9),
    (-70.0, -79.9), (179.99, 0.5), (-179.99, 5.0), (-180.0, 5.0), (180.0, 5.0), (3.0, -0.0000000001),
    (-84.000000000001, 40.0), (12.0, 1e-12), (100.0, -45.0), (-45.0, -10.0), (174.8, -41.3), (-0.5, 51.5),
]


@pytest.mark.parametrize("lon,lat", POINTS + [(round(random.Random(i).uniform(-180, 180), 4),
                                                 round(random.Random(-i).uniform(-79.9, 83.9), 4))
                                                for i in range(1, 13)])
def test_same_zone_as_geopandas(lon, lat):
    from assetmap.utm import estimate_utm_crs

    gdf = _frame([(lon, lat)])
    assert estimate_utm_crs(gdf) == gdf.estimate_utm_crs()


def test_extents_and_other_crs_as_geopandas():
    from assetmap.utm import estimate_utm_crs, utm_epsg

    stl = _frame([(-90.32, 38.53), (-90.17, 38.77)])             # St. Louis's extent: zone 15N
    assert utm_epsg(-90.245, 38.65) == 32615 and estimate_utm_crs(stl).to_epsg() == 32615
    assert estimate_utm_crs(stl) == stl.estimate_utm_crs()
    across = _frame([(-91.0, 38.0), (-89.0, 39.0)])              # centre on the 90° W meridian
    assert utm_epsg(-90.0, 38.5) is None and estimate_utm_crs(across) == across.estimate_utm_crs()
    projected = stl.to_crs("EPSG:3857")                          # projected: geopandas' own path
    assert estimate_utm_crs(projected) == projected.estimate_utm_crs()
    nad83 = stl.set_crs("EPSG:4269", allow_override=True)         # another geographic CRS: as geopandas
    assert estimate_utm_crs(nad83) == nad83.estimate_utm_crs()
    for lat in (84.5, -80.5):                                    # beyond UTM: geopandas' error
        with pytest.raises(RuntimeError):
            estimate_utm_crs(_frame([(10.0, lat)]))
