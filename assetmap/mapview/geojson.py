"""Layer features as compact GeoJSON text for the map.

Display only: coordinates go to WGS 84, are simplified to about a pixel at the zoom
the layer is first shown at, and rounded to 6 decimals (~10 cm), which can halve the
text the page has to parse. Confidential features never leave here.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING

from assetmap.privacy import public_features

if TYPE_CHECKING:
    import geopandas as gpd

PRECISION = 6


def _json_value(v):
    if v is None:
        return None
    if isinstance(v, float):
        return None if math.isnan(v) or math.isinf(v) else v
    if hasattr(v, "item"):  # numpy scalars
        return _json_value(v.item())
    if isinstance(v, (int, str, bool)):
        return v
    if hasattr(v, "isoformat"):
        return v.isoformat()
    try:
        import pandas as pd

        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return str(v)


def display_frame(gdf: "gpd.GeoDataFrame", simplify: float | None = None) -> "gpd.GeoDataFrame":
    """Public features in WGS 84, simplified (``simplify`` in degrees; None = automatic)."""
    import shapely

    gdf = public_features(gdf)
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    geoms = gdf.geometry.values
    if simplify is None:
        # About 1/2000 of the layer's extent: below a pixel on a full-screen view of it.
        x0, y0, x1, y1 = gdf.total_bounds if len(gdf) else (0, 0, 0, 0)
        simplify = max(x1 - x0, y1 - y0) / 2000.0
    if simplify > 0 and len(gdf) and gdf.geom_type.iloc[0] not in ("Point", "MultiPoint"):
        geoms = shapely.simplify(geoms, simplify, preserve_topology=True)
    geoms = shapely.set_precision(geoms, 10 ** -PRECISION, mode="pointwise")
    gdf = gdf.copy()
    gdf.geometry = geoms
    return gdf


def layer_geojson(gdf: "gpd.GeoDataFrame", simplify: float | None = None,
                  properties: list[str] | None = None) -> str:
    """A FeatureCollection as text; feature ``id`` is the layer's feature id (the index)."""
    import shapely

    gdf = display_frame(gdf, simplify)
    cols = [c for c in gdf.columns if c != gdf.geometry.name]
    if properties is not None:
        cols = [c for c in cols if c in properties]
    geoms = shapely.to_geojson(gdf.geometry.values)
    records = gdf[cols].to_dict("records") if cols else [{}] * len(gdf)
    parts = []
    for fid, rec, geom in zip(gdf.index, records, geoms):
        props = json.dumps({k: _json_value(v) for k, v in rec.items()}, ensure_ascii=False,
                           separators=(",", ":"))
        parts.append(f'{{"type":"Feature","id":{int(fid)},"properties":{props},"geometry":{geom}}}')
    return '{"type":"FeatureCollection","features":[' + ",".join(parts) + "]}"


def bounds_wgs84(gdf: "gpd.GeoDataFrame") -> list[list[float]] | None:
    """[[south, west], [north, east]] as Leaflet wants it, or None for an empty layer."""
    gdf = public_features(gdf)
    if not len(gdf):
        return None
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    x0, y0, x1, y1 = (float(v) for v in gdf.total_bounds)
    return [[y0, x0], [y1, x1]]
