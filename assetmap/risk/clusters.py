"""Local clusters: local Moran's I (LISA) and bivariate LISA, computed by esda.

Classes follow GeoDa: a unit significant at ``alpha`` (conditional-permutation pseudo p-value,
optionally Benjamini–Hochberg controlled with ``esda.fdr``) is high-high, low-low, high-low or
low-high by the quadrant of its Moran scatter plot (its own standardised value against the
spatial lag of its neighbours'); every other unit is "not significant". The local statistic, its
pseudo p-value and the quadrant are kept as columns so a reader can check a class.

Withheld counts of a report aggregate enter at the midpoint of the withheld range (see
assetmap.risk.layers), so no class or statistic depends on a true withheld count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.layers.info import LayerInfo, validate_layer_name
from assetmap.layers.roles import LayerRole

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from assetmap.project import Project

ALPHA = 0.05
# esda's quadrants: 1 HH, 2 LH, 3 LL, 4 HL; 0 = not significant.
CLUSTER_COLORS = {1: "#D7191C", 2: "#ABD9E9", 3: "#2C7BB6", 4: "#FDAE61", 0: "#E6E6E6"}
CLUSTER_CODES = {1: "HH", 2: "LH", 3: "LL", 4: "HL", 0: "ns"}


def cluster_labels(x_name: str | None = None, y_name: str | None = None) -> dict[int, str]:
    """What each class means (the layer's lisa_label column; the map's legend says the same)."""
    if x_name is None:
        return {1: "Hot spot: high, next to high", 2: "Outlier: low, next to high",
                3: "Cold spot: low, next to low", 4: "Outlier: high, next to low", 0: "Not significant"}
    return {1: f"High {x_name}, next to high {y_name}", 2: f"Low {x_name}, next to high {y_name}",
            3: f"Low {x_name}, next to low {y_name}", 4: f"High {x_name}, next to low {y_name}",
            0: "Not significant"}


def short_name(project, layer: str, field: str) -> str:
    """How the legend names a variable: "DV" for a report aggregate's count, else the field."""
    meta = (project.layer(layer).extra or {}).get("reports") or {}
    if meta.get("kind") and field in ("count", "rate_per_1000"):
        kind = {"dv": "DV", "maltreatment": "maltreatment"}.get(meta["kind"], meta["kind"])
        return kind if field == "count" else f"{kind} rate"
    return field


@dataclass
class Lisa:
    i: "np.ndarray"          # local Moran's I
    p: "np.ndarray"          # pseudo p-value (conditional permutation)
    q: "np.ndarray"          # quadrant 1..4
    cluster: "np.ndarray"    # quadrant where significant, else 0
    cut: float               # the p-value threshold used (alpha, or the FDR one)


def lisa(values, w, *, other=None, permutations: int = 999, seed: int | None = 12345, fdr: bool = False,
         alpha: float = ALPHA) -> Lisa:
    """Local Moran's I of ``values`` (bivariate: ``values`` against the neighbours' ``other``)."""
    import esda
    import numpy as np

    if permutations < 99:
        raise UserError("At least 99 permutations are needed for a pseudo p-value.",
                        "Use --permutations 999 (the usual choice).")
    x = np.asarray(values, float)
    if np.nanstd(x) == 0 or (other is not None and np.nanstd(np.asarray(other, float)) == 0):
        raise UserError("Every unit has the same value: there is no cluster to find.", "Choose another field.")
    # esda's own defaults otherwise (its two code paths differ in the last bits of p, which can move a
    # unit across alpha).
    if other is None:
        m = esda.Moran_Local(x, w, transformation="r", permutations=permutations, seed=seed)
    else:
        m = esda.Moran_Local_BV(x, np.asarray(other, float), w, transformation="r",
                                permutations=permutations, seed=seed)
    p = np.asarray(m.p_sim, float)
    cut = float(esda.fdr(p, alpha)) if fdr else alpha
    q = np.asarray(m.q, int)
    return Lisa(np.asarray(m.Is, float), p, q, np.where(p <= cut, q, 0), cut)


def default_name(layer: str, *, bivariate: bool = False) -> str:
    """The cluster layer's name when none is given (what a re-run with replace overwrites)."""
    return f"{layer}_{'bilisa' if bivariate else 'lisa'}"[:63]


def clusters_layer(project: "Project", layer: str, *, field: str, with_field: str | None = None,
                   with_layer: str | None = None, weights: str = "queen", permutations: int = 999,
                   seed: int | None = 12345, fdr: bool = False, period: str | None = None,
                   name: str | None = None):
    """(features, LayerInfo) of the LISA cluster layer; nothing written."""
    import geopandas as gpd
    import numpy as np

    from assetmap.risk.layers import keep_columns, meta_common, numeric_field, read_units
    from assetmap.risk.weights import build_weights, parse_weights

    choice = parse_weights(weights)
    units = read_units(project, layer, period)
    if len(units.gdf) < 5:
        raise UserError(f"'{layer}' has {len(units.gdf)} units: too few for local clusters.", "Use more units.")
    x = numeric_field(units, field)
    other, imputed = None, units.withheld.copy()
    if with_layer is None and with_field is not None:
        other = numeric_field(units, with_field)
    elif with_layer is not None:
        other_units = read_units(project, with_layer, period)
        if not units.key or units.key != other_units.key:
            raise UserError(f"'{layer}' and '{with_layer}' are not on the same units.",
                            "Use two layers counted on the same areas.")
        order = other_units.gdf[units.key].reset_index(drop=True)
        pos = {v: i for i, v in enumerate(order)}
        idx = np.array([pos.get(v, -1) for v in units.gdf[units.key]])
        if (idx < 0).any() or len(order) != len(idx):
            raise UserError(f"'{layer}' and '{with_layer}' do not cover the same units.", "Use the same areas.")
        other = numeric_field(other_units, with_field or field)[idx]
        imputed |= other_units.withheld[idx]
    w = build_weights(units.gdf, choice)
    res = lisa(x, w, other=other, permutations=permutations, seed=seed, fdr=fdr)
    x_name = short_name(project, layer, field)
    y_name = None if other is None else short_name(project, with_layer or layer, with_field or field)
    labels = cluster_labels(x_name if other is not None else None, y_name)
    bivariate = other is not None
    out = units.gdf[keep_columns(units)].copy()
    out["value"] = x
    if other is not None:
        out["value_with"] = other
    out["imputed"] = imputed
    out["lisa_i"] = res.i
    out["lisa_p"] = res.p
    out["lisa_q"] = res.q
    out["lisa_cluster"] = res.cluster
    out["lisa_label"] = [labels[int(c)] for c in res.cluster]
    gdf = gpd.GeoDataFrame(out, geometry=units.gdf.geometry.to_numpy(), crs=units.gdf.crs)
    table = validate_layer_name(name or default_name(layer, bivariate=bivariate))
    meta = {**meta_common(units, layer), "kind": "bivariate_lisa" if bivariate else "lisa", "field": field,
            "with_field": with_field, "with_layer": with_layer, "weights": choice.code,
            "weights_label": choice.label, "permutations": permutations, "seed": seed, "fdr": fdr,
            "alpha": ALPHA, "cut": res.cut, "labels": {str(k): v for k, v in labels.items()},
            "x_name": x_name, "y_name": y_name,
            "counts": {CLUSTER_CODES[k]: int((res.cluster == k).sum()) for k in CLUSTER_CODES},
            "withheld_units": int(imputed.sum())}
    title = (f"Local clusters of {x_name}" if not bivariate else f"Clusters: {x_name} × neighbours' {y_name}")
    if units.is_aggregate:
        title += " reports"
    info = LayerInfo(name=table, role=LayerRole.HOTSPOTS, display_name=title, source=layer,
                     style={"kind": "categorized", "field": "lisa_cluster",
                            "categories": {str(k): v for k, v in CLUSTER_COLORS.items()}},
                     extra={"risk": meta})
    return gdf, info


def write_clusters(project: "Project", layer: str, *, replace: bool = False, **kw) -> LayerInfo:
    from assetmap.risk.layers import write_result

    gdf, info = clusters_layer(project, layer, **kw)
    return write_result(project, gdf, info, replace=replace)
