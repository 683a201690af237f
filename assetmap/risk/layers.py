"""Shared by the risk analyses that read a layer of units: read it, pick numeric fields, learn
which values are withheld, and write the result as a new layer (one ``Project.edit()``).

A layer made by ``assetmap reports`` has withheld counts (NULL, ``suppressed`` true): those enter
every statistic at the midpoint of the withheld range and are flagged ``imputed``, exactly as
Gi* does (assetmap.reports.hotspots); the true counts are not in the project, so nothing computed
here can reveal them. A public table (say a health department's counts and births) must be
complete: a missing value is an error, not a silent zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assetmap.errors import UserError
from assetmap.layers.roles import LayerRole

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd
    import numpy as np

    from assetmap.project import Project


@dataclass
class Units:
    gdf: "gpd.GeoDataFrame"      # one row per unit (an aggregate's chosen period)
    key: str | None              # the unit id field, if known
    withheld: "np.ndarray"       # bool per unit
    threshold: int | None        # N of 1–N for aggregates
    is_aggregate: bool
    period: str | None


def read_units(project: "Project", layer: str, period: str | None = None) -> Units:
    import numpy as np

    if not project.has_layer(layer):
        raise UserError(f"{project.path} has no layer '{layer}'.",
                        f"Its layers: {', '.join(project.layer_names())}.")
    info = project.layer(layer)
    meta = (info.extra or {}).get("reports")
    if info.role == LayerRole.AGGREGATE and meta:
        from assetmap.reports.hotspots import aggregate_frame

        gdf, meta = aggregate_frame(project, layer, period)
        withheld = gdf["suppressed"].fillna(False).astype(bool).to_numpy()
        used = period or ("all" if meta.get("periods") else None)
        return Units(gdf, meta.get("unit_field"), withheld, int(meta.get("threshold", 10)), True, used)
    if period is not None:
        raise UserError(f"'{layer}' has no periods.", "Leave out --period.")
    gdf = project.read_layer(layer)
    if not len(gdf) or not gdf.geom_type.isin(["Polygon", "MultiPolygon"]).all():
        raise UserError(f"'{layer}' is not a layer of areas (polygons).",
                        "Rates and clusters are computed per area: choose a polygon layer.")
    key = (info.extra or {}).get("id_field")
    return Units(gdf.reset_index(drop=True), key if key in gdf.columns else None,
                 np.zeros(len(gdf), bool), None, False, None)


def numeric_field(units: Units, field: str, *, what: str = "field", imputed: bool = True):
    """The field as floats; withheld units at the midpoint (or NaN when ``imputed`` is False)."""
    import numpy as np
    import pandas as pd

    gdf = units.gdf
    if field not in gdf.columns or field == gdf.geometry.name:
        cols = ", ".join(c for c in gdf.columns if c != gdf.geometry.name)
        raise UserError(f"The layer has no {what} '{field}'.", f"Its fields: {cols}.")
    values = pd.to_numeric(gdf[field], errors="coerce").astype(float).to_numpy()
    hidden = units.withheld
    if units.is_aggregate and field in ("count",):
        values = np.where(hidden, (1 + units.threshold) / 2 if imputed else np.nan, values)
    elif units.is_aggregate and hidden.any():
        # A withheld unit's rate is NULL and its population is not in the layer: nothing to impute.
        raise UserError(f"'{field}' is not published for withheld units, so it can't be imputed.",
                        "Use the field count for a layer with withheld units.")
    bad = ~np.isfinite(values) & ~hidden
    if bad.any():
        raise UserError(f"{int(bad.sum())} unit(s) have no number in '{field}'.",
                        "Fill them in, or choose a complete field: a missing value is not a zero.")
    return values


def write_result(project: "Project", gdf, info, *, replace: bool):
    if project.has_layer(info.name) and not replace:
        raise UserError(f"{project.path} already has a layer named '{info.name}'.",
                        "Give another name with --name, or add --replace.")
    with project.edit() as tx:
        return tx.write_layer(gdf, info, replace=replace)


def keep_columns(units: Units, *extra: str) -> list[str]:
    out = [c for c in (units.key,) if c]
    name_like = [c for c in units.gdf.columns if c.lower().endswith("name") and c not in out][:1]
    return out + name_like + [c for c in extra if c not in out]


def meta_common(units: Units, layer: str) -> dict[str, Any]:
    return {"layer": layer, "period": units.period, "unit_field": units.key,
            "imputed_as": (1 + units.threshold) / 2 if units.is_aggregate else None,
            "withheld_units": int(units.withheld.sum())}
