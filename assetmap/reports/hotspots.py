"""Getis-Ord Gi* hot spots on an aggregate layer, and "hot in both" for two of them.

Leak-free by construction: Gi* is computed from the *stored* aggregate layer, never from
report rows, so it can only use what is already published. A suppressed unit has no
count there; it enters the statistic with the midpoint of the suppressed range
((1 + threshold) / 2, e.g. 5.5 for 1–10), flagged ``imputed``. Its real value never
enters any z-score, so no z-score (its own or a neighbour's) can be inverted to recover it.

Bins follow the usual hot-spot convention on two-sided normal p-values of the z-scores:
±3 = 99 %, ±2 = 95 %, ±1 = 90 % confidence, 0 = not significant. With ``fdr`` the
Benjamini–Hochberg threshold (esda.fdr) replaces each confidence level's alpha.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.layers.info import LayerInfo, validate_layer_name
from assetmap.layers.roles import LayerRole

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project

LEVELS = ((3, 0.01), (2, 0.05), (1, 0.10))
LABELS = {3: "Hot spot, 99 % confidence", 2: "Hot spot, 95 % confidence", 1: "Hot spot, 90 % confidence",
          0: "Not significant", -1: "Cold spot, 90 % confidence", -2: "Cold spot, 95 % confidence",
          -3: "Cold spot, 99 % confidence"}
COLORS = {3: "#B2182B", 2: "#EF8A62", 1: "#FDDBC7", 0: "#F7F7F7", -1: "#D1E5F0", -2: "#67A9CF",
          -3: "#2166AC"}


def aggregate_frame(project: "Project", layer: str, period: str | None = None):
    """One row per unit of an aggregate layer (a period's rows, or its 'all' rows)."""
    info = project.layer(layer)
    meta = (info.extra or {}).get("reports")
    if info.role != LayerRole.AGGREGATE or not meta:
        raise UserError(f"'{layer}' is not an aggregate layer made by `assetmap reports`.",
                        "Choose a layer such as dv_by_neighborhoods.")
    if meta.get("measure") == "density":
        raise UserError(f"'{layer}' is a kernel density surface, not counts per unit.",
                        "Hot spots and overlays need counts: choose a layer counted per area or hexagon.")
    gdf = project.read_layer(layer)
    if "period" in gdf.columns:
        want = period or "all"
        if want not in set(gdf["period"]):
            raise UserError(f"'{layer}' has no period '{want}'.",
                            f"Its periods: {', '.join(meta.get('periods') or [])}, all.")
        gdf = gdf.loc[gdf["period"] == want]
    elif period is not None:
        raise UserError(f"'{layer}' has no periods.", "Leave out --period.")
    return gdf.reset_index(drop=True), meta


def bins_from_p(z, p, fdr: bool):
    import esda
    import numpy as np

    out = np.zeros(len(z), dtype=int)
    for level, alpha in reversed(LEVELS):  # 90 % first, then overwrite with stronger levels
        cut = esda.fdr(p, alpha) if fdr else alpha
        sig = p <= cut
        out[sig] = np.sign(z[sig]).astype(int) * level
    return out


def gi_star(gdf, values, *, fdr: bool = False):
    """(z, two-sided p, bin) of Gi* with Queen contiguity (binary weights, self included)."""
    import warnings

    import esda
    import numpy as np
    from libpysal.weights import Queen
    from scipy import stats

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # islands are fine: Gi* includes the unit itself
        w = Queen.from_dataframe(gdf, use_index=False)
        g = esda.G_Local(np.asarray(values, float), w, transform="B", star=True, permutations=0)
    z = np.asarray(g.Zs, float)
    p = 2 * (1 - stats.norm.cdf(np.abs(z)))
    return z, p, bins_from_p(z, p, fdr)


def default_name(layer: str) -> str:
    return f"{layer}_hotspots"[:63]


def hotspots(project: "Project", layer: str, *, period: str | None = None, fdr: bool = False,
             name: str | None = None, replace: bool = False) -> LayerInfo:
    """Write a ``hotspots`` layer of Gi* bins for one aggregate layer (and period)."""
    import numpy as np

    gdf, meta = aggregate_frame(project, layer, period)
    if len(gdf) < 3:
        raise UserError(f"'{layer}' has {len(gdf)} units: too few for hot spots.", "Use more units.")
    threshold = int(meta["threshold"])
    imputed = gdf["suppressed"].astype(bool).to_numpy()
    values = gdf["count"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    values = np.where(imputed, (1 + threshold) / 2, values)
    z, p, b = gi_star(gdf, values, fdr=fdr)
    unit = meta["unit_field"]
    out = gdf[[unit, "geometry"]].copy()
    out["imputed"] = imputed
    out["gi_z"] = z
    out["gi_p"] = p
    out["gi_bin"] = b
    out["gi_label"] = [LABELS[int(v)] for v in b]
    table = validate_layer_name(name or default_name(layer))
    if project.has_layer(table) and not replace:
        raise UserError(f"{project.path} already has a layer named '{table}'.", "Use --name or --replace.")
    info = LayerInfo(name=table, role=LayerRole.HOTSPOTS, display_name=f"Hot spots of {project.layer(layer).display_name}",
                     source=layer, style={"field": "gi_bin", "colors": {str(k): v for k, v in COLORS.items()},
                                          "labels": {str(k): v for k, v in LABELS.items()}},
                     extra={"hotspots": {"layer": layer, "period": period or ("all" if meta.get("periods") else None),
                                         "fdr": fdr, "unit_field": unit, "weights": "queen",
                                         "suppressed_as": (1 + threshold) / 2,
                                         "hot": int((b > 0).sum()), "cold": int((b < 0).sum())}})
    with project.edit() as tx:
        return tx.write_layer(out, info, replace=replace)


def hot_in_both(project: "Project", hot_a: str, hot_b: str, *, name: str | None = None,
                replace: bool = False) -> LayerInfo:
    """A ``hotspots`` layer marking units that are hot (>= 90 %) in both hot-spot layers."""
    a, b = project.read_layer(hot_a), project.read_layer(hot_b)
    unit_a = project.layer(hot_a).extra.get("hotspots", {}).get("unit_field")
    unit_b = project.layer(hot_b).extra.get("hotspots", {}).get("unit_field")
    if not unit_a or unit_a != unit_b:
        raise UserError(f"'{hot_a}' and '{hot_b}' are not hot-spot layers on the same units.",
                        "Make both with `assetmap hotspots` from aggregates over the same areas.")
    merged = a[[unit_a, "gi_bin", "geometry"]].merge(
        b[[unit_a, "gi_bin"]], on=unit_a, suffixes=("_a", "_b"))
    if len(merged) != len(a) or len(merged) != len(b):
        raise UserError(f"'{hot_a}' and '{hot_b}' do not cover the same units.", "Use the same areas for both.")
    merged["hot_in_both"] = (merged["gi_bin_a"] > 0) & (merged["gi_bin_b"] > 0)
    table = validate_layer_name(name or "hot_in_both")
    if project.has_layer(table) and not replace:
        raise UserError(f"{project.path} already has a layer named '{table}'.", "Use --name or --replace.")
    info = LayerInfo(name=table, role=LayerRole.HOTSPOTS, display_name=(f"Hot in both {project.layer(hot_a).display_name} and "
                                   f"{project.layer(hot_b).display_name}"),
                     source=f"{hot_a},{hot_b}", style={"field": "hot_in_both", "colors": {"true": "#B2182B"}},
                     extra={"hotspots": {"layers": [hot_a, hot_b], "unit_field": unit_a}})
    with project.edit() as tx:
        return tx.write_layer(merged, info, replace=replace)
