"""The bivariate overlay as a map layer: the 3x3 classes of ``bivariate`` per unit, with the
correlation in the layer's metadata, drawn with the ``bivariate`` style (2-D legend).

Made from the stored aggregates only: a unit withheld in either layer has no class and is
flagged ``suppressed`` (drawn hatched); its published value in the other layer is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.layers.info import LayerInfo, slugify_layer_name, validate_layer_name
from assetmap.layers.roles import LayerRole

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from assetmap.project import Project


def default_name(layer_a: str, layer_b: str, period: str | None = None) -> str:
    a, b = (n.split("_by_")[0] for n in (layer_a, layer_b))
    units = layer_a.split("_by_")[1] if "_by_" in layer_a else ""
    text = f"{a}_x_{b}" + (f"_by_{units}" if units else "") + (f"_{period}" if period and period != "all" else "")
    return slugify_layer_name(text)


def bivariate_layer(project: "Project", layer_a: str, layer_b: str, *, period: str | None = None,
                    name: str | None = None) -> tuple["gpd.GeoDataFrame", LayerInfo]:
    """The overlay layer's features and metadata (nothing written)."""
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    from assetmap.reports.bivariate import bivariate, palette
    from assetmap.reports.hotspots import aggregate_frame

    if layer_a == layer_b:
        raise UserError("Choose two different report layers to compare.",
                        "For example dv_by_neighborhoods and maltreatment_by_neighborhoods.")
    b = bivariate(project, layer_a, layer_b, period=period)
    fa, meta_a = aggregate_frame(project, layer_a, period)
    fb, meta_b = aggregate_frame(project, layer_b, period)
    unit = b.unit_field
    field = "rate_per_1000" if "rate_per_1000" in fa.columns and "rate_per_1000" in fb.columns else "count"
    out = pd.DataFrame({unit: b.units})
    areas = meta_a.get("units")
    name_field = (project.layer(areas).extra or {}).get("name_field") if areas and project.has_layer(areas) else None
    keep = [unit] + ([name_field] if name_field and name_field in fa.columns else [])
    out = out.merge(fa[keep + [field, "suppressed"]], on=unit, how="left")
    out = out.merge(fb[[unit, field, "suppressed"]], on=unit, how="left", suffixes=("_a", "_b"))
    out = out.rename(columns={f"{field}_a": "value_a", f"{field}_b": "value_b"})
    out["suppressed"] = out.pop("suppressed_a").fillna(False).astype(bool) | \
        out.pop("suppressed_b").fillna(False).astype(bool)
    out["class_a"] = pd.array(b.class_a, dtype="Int64")
    out["class_b"] = pd.array(b.class_b, dtype="Int64")
    out["bi_class"] = [None if i is None or j is None else f"{i}-{j}" for i, j in zip(b.class_a, b.class_b)]
    out["value_a"] = out["value_a"].astype("Float64").astype(float)
    out["value_b"] = out["value_b"].astype("Float64").astype(float)
    gdf = gpd.GeoDataFrame(out, geometry=np.asarray(b.geometry), crs=fa.crs)
    table = validate_layer_name(name or default_name(layer_a, layer_b, period))
    info_a, info_b = project.layer(layer_a), project.layer(layer_b)
    used = period or ("all" if meta_a.get("periods") else None)
    meta = {"layer_a": layer_a, "layer_b": layer_b, "title_a": info_a.display_name,
            "title_b": info_b.display_name, "period": used, "field": field, "unit_field": unit,
            "breaks_a": b.breaks_a, "breaks_b": b.breaks_b, "pearson": b.pearson, "spearman": b.spearman,
            "n": b.n, "palette": palette(),
            "suppressed_label": f"1–{max(int(meta_a.get('threshold', 10)), int(meta_b.get('threshold', 10)))}"}
    info = LayerInfo(name=table, role=LayerRole.OTHER,
                     display_name=f"{info_a.display_name} × {info_b.display_name}"
                     + (f", {used}" if used and used != "all" else ""),
                     source=f"{layer_a},{layer_b}", style={"kind": "bivariate", "field": "bi_class"},
                     extra={"bivariate": meta})
    return gdf, info


def write_bivariate(project: "Project", layer_a: str, layer_b: str, *, period: str | None = None,
                    name: str | None = None, replace: bool = False) -> LayerInfo:
    gdf, info = bivariate_layer(project, layer_a, layer_b, period=period, name=name)
    if project.has_layer(info.name) and not replace:
        raise UserError(f"{project.path} already has a layer named '{info.name}'.",
                        "Give another name, or replace it.")
    return project.write_layer(gdf, info, replace=replace)
