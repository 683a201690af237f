"""A point layer given as columns and coordinates (``ProjectEditor.write_points``), on any backend."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd
    import numpy as np


def points_frame(columns: dict[str, list], x: "np.ndarray", y: "np.ndarray", crs: str) -> "gpd.GeoDataFrame":
    """The layer as a GeoDataFrame: ``columns`` in order, a point per row, None where x or y is NaN."""
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    import shapely

    coords = np.column_stack([np.asarray(x, dtype=float), np.asarray(y, dtype=float)]).reshape(-1, 2)
    geoms = shapely.points(coords)
    geoms[np.isnan(coords).any(axis=1)] = None
    frame = pd.DataFrame({c: np.asarray(v, dtype=object) for c, v in columns.items()},
                         index=pd.RangeIndex(len(coords)), dtype=object)
    return gpd.GeoDataFrame(frame, geometry=geoms, crs=crs)


def to_crs(x: "np.ndarray", y: "np.ndarray", src: str, dst: str) -> "tuple[np.ndarray, np.ndarray]":
    """x, y from ``src`` to ``dst`` (NaN stays NaN) with the transformer geopandas' ``to_crs`` uses
    (on the placed points only, as it does), so the coordinates are the ones it gives."""
    import numpy as np

    if src == dst:
        return x, y
    placed = ~(np.isnan(x) | np.isnan(y))
    tx, ty = np.full(len(x), np.nan), np.full(len(y), np.nan)
    tx[placed], ty[placed] = _transformer(src, dst).transform(x[placed], y[placed])
    return tx, ty


@functools.lru_cache(maxsize=8)
def _transformer(src: str, dst: str):
    from pyproj import Transformer

    return Transformer.from_crs(src, dst, always_xy=True)
