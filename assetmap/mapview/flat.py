"""A polygon layer as flat binary arrays for the map page (resources/js/assetmap_flat.js).

GeoJSON text costs seconds to write and parse at 100,000 polygons; these arrays cost a
fraction of that and a sixth of the bytes. Geometry and attributes travel apart, so a new
style never resends geometry (the page restyles from the attributes it keeps).

Geometry buffer, little-endian::

    int32  ids[n]            feature id (the layer's fid)
    int32  parts[n + 1]      feature -> polygon offsets
    int32  rings[nPoly + 1]  polygon -> ring offsets
    int32  verts[nRing + 1]  ring -> vertex offsets (rings closed, as stored)
    float32 xy[2 * nVert]    unit Web Mercator (0..1 across the world, as Leaflet projects) minus
                             ``mercOrigin``: float32 near the layer keeps ~1 mm; numpy projects
                             faster than the page would
    uint8  rev[nRing]        1: draw the ring backwards, so shells turn one way and holes the
                             other (one "nonzero" fill then fills overlapping features)

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

_INT32 = 2**31 - 1


@dataclass
class FlatLayer:
    meta: dict[str, Any]      # n, nPoly, nRing, nVert, mercOrigin, bounds (lon/lat)
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
    geoms = np.asarray(gdf.geometry.values)
    drawable = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    if not drawable.all():
        gdf, geoms = gdf[drawable], geoms[drawable]
    kinds = set(np.unique(shapely.get_type_id(geoms)).tolist())
    if not len(gdf) or not kinds <= {shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON}:
        return None
    index = np.asarray(gdf.index)
    if index.dtype.kind not in "iu" or index.min() < -_INT32 or index.max() > _INT32:
        return None
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
        geoms = np.asarray(gdf.geometry.values)
    n = len(gdf)
    coords, verts, rings, parts = ragged_polygons(geoms)
    x0, y0, x1, y1 = (float(v) for v in shapely.total_bounds(geoms))
    u, v = mercator(coords)
    u0, v0 = float(u.min()), float(v.min())
    xy = np.empty((len(coords), 2), dtype="<f4")
    xy[:, 0] = u - u0
    xy[:, 1] = v - v0
    rev = _backwards(u, v, rings, verts)
    geometry = b"".join(np.asarray(a, dtype="<i4").tobytes() for a in (index, parts, rings, verts)) \
        + xy.tobytes() + rev.tobytes()
    cols = [c for c in gdf.columns if c != gdf.geometry.name]
    if properties is not None:
        cols = [c for c in cols if c in properties]
    meta = {"n": n, "nPoly": int(len(rings) - 1), "nRing": int(len(verts) - 1), "nVert": int(len(coords)),
            "mercOrigin": [u0, v0], "bounds": [[y0, x0], [y1, x1]]}
    return FlatLayer(meta=meta, geometry=geometry, attributes=attributes_json(gdf, cols))


def ragged_polygons(geoms):
    """(coords (nVert, 2), verts, rings, parts) of (Multi)Polygons, the offsets of
    ``shapely.to_ragged_array`` with every feature as a MultiPolygon. That function makes a
    shapely object per ring (two thirds of its time); here only MultiPolygons are split into
    parts and only polygons with holes into rings: the rest is counted."""
    import numpy as np
    import shapely

    multi = shapely.get_type_id(geoms) == shapely.GeometryType.MULTIPOLYGON
    if multi.any():
        parts = np.zeros(len(geoms) + 1, dtype=np.int64)
        np.cumsum(shapely.get_num_geometries(geoms), out=parts[1:])
        polys = shapely.get_parts(geoms)
    else:
        parts = np.arange(len(geoms) + 1, dtype=np.int64)
        polys = geoms
    holes = shapely.get_num_interior_rings(polys)
    rings = np.zeros(len(polys) + 1, dtype=np.int64)
    np.cumsum(holes + 1, out=rings[1:])
    counts = np.empty(int(rings[-1]), dtype=np.int64)
    plain = holes == 0
    counts[rings[:-1][plain]] = shapely.get_num_coordinates(polys[plain])
    if not plain.all():
        with_holes = np.flatnonzero(~plain)
        # the rings of these polygons, in order, sit at rings[p] .. rings[p + 1] - 1
        starts, sizes = rings[with_holes], holes[with_holes] + 1
        at = np.repeat(starts - np.cumsum(sizes) + sizes, sizes) + np.arange(int(sizes.sum()))
        counts[at] = shapely.get_num_coordinates(shapely.get_rings(polys[with_holes]))
    verts = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=verts[1:])
    return shapely.get_coordinates(polys), verts, rings, parts


MAX_LAT = 85.0511287798


def mercator(lonlat):
    """(u, v) unit Web Mercator of an (n, 2) lon/lat array."""
    import numpy as np

    lat = np.radians(np.clip(lonlat[:, 1], -MAX_LAT, MAX_LAT))
    return lonlat[:, 0] / 360.0 + 0.5, 0.5 - np.log(np.tan(np.pi / 4 + lat / 2)) / (2 * np.pi)


def _backwards(u, v, rings, verts):
    """Per ring: 1 when it must be drawn backwards for shells and holes to turn opposite ways."""
    import numpy as np

    cross = u[:-1] * v[1:] - u[1:] * v[:-1]  # shoelace terms; the one joining two rings is dropped
    ends = np.asarray(verts[1:-1]) - 1
    cross[ends] = 0.0
    starts = np.asarray(verts[:-1])
    area = np.add.reduceat(np.append(cross, 0.0), starts)
    shell = np.zeros(len(starts), dtype=bool)
    shell[np.asarray(rings[:-1])] = True
    return ((area > 0) != shell).astype(np.uint8)


def decode(meta: dict[str, Any], geometry: bytes) -> dict[str, Any]:
    """The arrays back from the bytes (tests and tools; the page has its own reader)."""
    import numpy as np

    n, npoly, nring, nvert = meta["n"], meta["nPoly"], meta["nRing"], meta["nVert"]
    out, off = {}, 0
    for name, count in (("ids", n), ("parts", n + 1), ("rings", npoly + 1), ("verts", nring + 1)):
        out[name] = np.frombuffer(geometry, dtype="<i4", count=count, offset=off)
        off += 4 * count
    uv = np.frombuffer(geometry, dtype="<f4", count=2 * nvert, offset=off).reshape(-1, 2).astype("float64")
    uv = uv + meta["mercOrigin"]
    lat = np.degrees(2 * np.arctan(np.exp((0.5 - uv[:, 1]) * 2 * np.pi)) - np.pi / 2)
    out["xy"] = np.column_stack([(uv[:, 0] - 0.5) * 360.0, lat])
    out["rev"] = np.frombuffer(geometry, dtype="u1", count=nring, offset=off + 8 * nvert)
    if off + 8 * nvert + nring != len(geometry) or not math.isfinite(float(uv.sum())):
        raise ValueError("geometry buffer does not match its description")
    return out
