"""Privacy rules every export and drawing path goes through.

- Features flagged ``confidential`` (DV shelters and similar) are never drawn
  or exported: ``public_features`` removes them.
- Raw report records never reach a project; see ``assetmap.reports``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

CONFIDENTIAL_FIELD = "confidential"


def _truthy(series):
    import pandas as pd

    text = series.astype("string").str.strip().str.lower()
    return text.isin(["1", "true", "yes", "y", "t"]).fillna(False) & pd.notna(series)


def public_features(gdf: "gpd.GeoDataFrame") -> "gpd.GeoDataFrame":
    """The features that may be shown or exported."""
    if CONFIDENTIAL_FIELD not in gdf.columns:
        return gdf
    return gdf.loc[~_truthy(gdf[CONFIDENTIAL_FIELD]).to_numpy()]
