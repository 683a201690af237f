"""``assetmap rates``: raw, smoothed and excess-risk rates of a layer holding counts and
populations (a public table from a health department, say), written as a new layer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.layers.info import LayerInfo, validate_layer_name
from assetmap.layers.roles import LayerRole

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project


def default_name(layer: str) -> str:
    """The rates layer's name when none is given (what a re-run with replace overwrites)."""
    return f"{layer}_rates"[:63]


def rates_layer(project: "Project", layer: str, *, count: str, population: str, smooth: str | None = "eb",
                name: str | None = None, period: str | None = None):
    """(features, LayerInfo) of the rates layer; nothing written."""
    import numpy as np

    from assetmap.risk.layers import keep_columns, meta_common, numeric_field, read_units
    from assetmap.risk.smoothing import SMOOTH_LABELS, check_smooth, smoothed_rates

    smooth = check_smooth(smooth)
    units = read_units(project, layer, period)
    if units.is_aggregate:
        raise UserError(f"'{layer}' is an aggregate of reports: it holds no population.",
                        "Smooth report rates when counting them: assetmap reports … --population-field FIELD "
                        "--smooth eb|spatial-eb.")
    e = numeric_field(units, count, what="count field")
    b = numeric_field(units, population, what="population field")
    if (b <= 0).any():
        raise UserError(f"{int((b <= 0).sum())} unit(s) have no population (0 or less) in '{population}'.",
                        "A rate needs people: leave those units out of the layer, or fix the population.")
    r = smoothed_rates(e, b, smooth=smooth, gdf=units.gdf)
    out = units.gdf[keep_columns(units, count, population)].copy()
    for col, values in r.columns().items():
        if col == "rate_smoothed" and smooth is None:
            continue
        out[col] = values
    out["geometry"] = units.gdf.geometry.to_numpy()
    import geopandas as gpd

    gdf = gpd.GeoDataFrame(out, geometry="geometry", crs=units.gdf.crs)
    table = validate_layer_name(name or default_name(layer))
    field = "rate_smoothed" if smooth else "rate_raw"
    meta = {**meta_common(units, layer), "kind": "rates", "count": count, "population": population,
            "smooth": smooth, "global_rate_per_1000": r.global_rate, "field": field,
            "n": int(np.isfinite(r.raw).sum())}
    label = SMOOTH_LABELS.get(smooth, "raw")
    info = LayerInfo(name=table, role=LayerRole.OTHER, display_name=f"Rate per 1,000 of {layer} ({label})",
                     source=layer, style={"kind": "graduated", "field": field, "scheme": "quantiles", "k": 5,
                                          "ramp": "YlOrRd", "fill_opacity": 0.8},
                     extra={"risk": meta})
    return gdf, info


def write_rates(project: "Project", layer: str, *, replace: bool = False, **kw) -> LayerInfo:
    from assetmap.risk.layers import write_result

    gdf, info = rates_layer(project, layer, **kw)
    return write_result(project, gdf, info, replace=replace)
