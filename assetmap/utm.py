"""The local UTM zone of a layer, as ``GeoDataFrame.estimate_utm_crs()`` gives it, without its
database scan where the answer is plain.

geopandas asks PROJ's database for every WGS 84 UTM zone whose area of use holds the centre of
the layer's bounds (≈65 ms a call, paid when a territory plan opens at start-up). In a geographic
CRS, a centre strictly inside one zone's band (6° of longitude; 0° to 84° N, or 80° S to 0°) has
exactly that zone as the answer; anything else (a projected CRS, a centre on a zone's edge, on the
equator, near a pole, another datum) is left to geopandas, so the answer is always the same.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

EDGE = 1e-9   # degrees: a centre this close to a zone's edge is left to geopandas


def utm_epsg(lon: float, lat: float) -> int | None:
    """The EPSG code of the one WGS 84 UTM zone whose area of use holds (lon, lat), or None when
    it is not plainly one zone (an edge, the equator, beyond 84° N or 80° S)."""
    if not (math.isfinite(lon) and math.isfinite(lat)) or not -180 < lon < 180:
        return None
    if EDGE < lat < 84 - EDGE:
        base = 32600
    elif -80 + EDGE < lat < -EDGE:
        base = 32700
    else:
        return None
    offset = (lon + 180) / 6
    if abs(offset - round(offset)) * 6 < EDGE:   # on the meridian between two zones
        return None
    return base + int(offset) + 1


def estimate_utm_crs(gdf: "gpd.GeoDataFrame | gpd.GeoSeries", datum_name: str = "WGS 84"):
    """``gdf.estimate_utm_crs(datum_name)``, with the same answer, cheaply where it is plain."""
    crs = gdf.crs
    if crs is not None and crs.is_geographic and datum_name == "WGS 84" and len(gdf):
        import numpy as np
        from pyproj import CRS

        # geopandas' own centre for a geographic CRS: the middle of the total bounds
        minx, miny, maxx, maxy = gdf.total_bounds
        code = utm_epsg(float(np.mean([minx, maxx])), float(np.mean([miny, maxy])))
        if code is not None:
            return CRS.from_epsg(code)
    return gdf.estimate_utm_crs(datum_name)
