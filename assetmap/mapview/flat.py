"""A polygon layer as flat binary arrays for the map page (resources/js/assetmap_flat.js).

GeoJSON text costs seconds to write and parse at 100,000 polygons; these arrays cost a
fraction of that and a sixth of the bytes. Geometry and attributes travel apart, so a new
style never resends geometry (the page restyles from the attributes it keeps).

Geometry buffer, little-endian, all 4-byte items::

    int32  ids[n]            feature id (the layer's fid)
    int32  parts[n + 1]      feature -> polygon offsets
    int32  rings[nPoly + 1]  polygon -> ring offsets
    int32  verts[nRing + 1]  ring -> vertex offsets (rings closed, as stored)
    float32 xy[2 * nVert]    lon, lat minus ``origin`` (float32 near the origin keeps ~1 mm)

Attributes: JSON ``{"columns": [...], "values": [[column 0 values], ...]}``.
Only public features are in either (``privacy.public_features``, as for GeoJSON).
No simplification here: the page thins vertices per zoom to half a pixel.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assetmap.mapview.geojson import _json_value
from assetmap.privacy import public_features

if TYPE_CHECKING:
    import geopandas as gpd

POLYGONAL = ("Polygon", "MultiPolygon")
_INT32 = 2**31 - 1


@dataclass
class FlatLayer:
    meta: dict[str, Any]      # n, nPoly, nRing, nVert, origin, bounds
    geometry: bytes
    attributes: bytes


def _column(values) -> list:
    import numpy as np
    import pandas as pd

    if pd.api.types.is_bool_dtype(values.dtype) or pd.api.types.is_integer_dtype(values.dtype):
        return values.astype(object).tolist() if not values.isna().any() else \
            [None if pd.isna(v) else _json_value(v) for v in values]
    if pd.api.types.is_float_dtype(values.dtype):
        arr = values.to_numpy(dtype="float64", na_value=np.nan)
        out = arr.astype(object)
        out[~np.isfinite(arr)] = None  # NaN and inf: JSON has neither
        return out.tolist()
    plain = (str, int, bool, type(None))  # as they are; floats (NaN, inf) and the rest converted
    return [v if type(v) in plain else _json_value(v) for v in values.tolist()]


def attributes_json(frame, columns: list[str]) -> bytes:
    values = [_column(frame[c]) for c in columns]
    return json.dumps({"columns": [str(c) for c in columns], "values": values}, ensure_ascii=False,
                      separators=(",", ":"), allow_nan=False).encode("utf-8")


def flat_layer(gdf: "gpd.GeoDataFrame", properties: list[str] | None = None) -> FlatLayer | None:
    """The layer's public features as flat arrays, or None when it is not all (Multi)Polygons
    (points and lines keep the GeoJSON path) or its ids do not fit 32 bits."""
    import numpy as np
    import shapely

    gdf = public_features(gdf)
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    if not len(gdf) or not set(gdf.geom_type.unique()) <= set(POLYGONAL):
        return None
    index = np.asarray(gdf.index)
    if index.dtype.kind not in "iu" or index.min() < -_INT32 or index.max() > _INT32:
        return None
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    # Polygons mixed with MultiPolygons come out as MultiPolygons.
    kind, coords, offsets = shapely.to_ragged_array(gdf.geometry.values, include_z=False)
    n = len(gdf)
    if kind == shapely.GeometryType.POLYGON:
        verts, rings = offsets
        parts = np.arange(n + 1, dtype=np.int64)
    else:
        verts, rings, parts = offsets
    x0, y0 = (float(v) for v in coords.min(axis=0))
    x1, y1 = (float(v) for v in coords.max(axis=0))
    xy = (coords - (x0, y0)).astype("<f4")
    geometry = b"".join(np.asarray(a, dtype="<i4").tobytes() for a in (index, parts, rings, verts)) + xy.tobytes()
    cols = [c for c in gdf.columns if c != gdf.geometry.name]
    if properties is not None:
        cols = [c for c in cols if c in properties]
    meta = {"n": n, "nPoly": int(len(rings) - 1), "nRing": int(len(verts) - 1), "nVert": int(len(coords)),
            "origin": [x0, y0], "bounds": [[y0, x0], [y1, x1]]}
    return FlatLayer(meta=meta, geometry=geometry, attributes=attributes_json(gdf, cols))


def decode(meta: dict[str, Any], geometry: bytes) -> dict[str, Any]:
    """The arrays back from the bytes (tests and tools; the page has its own reader)."""
    import numpy as np

    n, npoly, nring, nvert = meta["n"], meta["nPoly"], meta["nRing"], meta["nVert"]
    out, off = {}, 0
    for name, count in (("ids", n), ("parts", n + 1), ("rings", npoly + 1), ("verts", nring + 1)):
        out[name] = np.frombuffer(geometry, dtype="<i4", count=count, offset=off)
        off += 4 * count
    xy = np.frombuffer(geometry, dtype="<f4", count=2 * nvert, offset=off).reshape(-1, 2).astype("float64")
    out["xy"] = xy + meta["origin"]
    if off + 8 * nvert != len(geometry) or not math.isfinite(float(xy.sum())):
        raise ValueError("geometry buffer does not match its description")
    return out
