"""Map specs of the risk layers (assetmap.risk): LISA cluster maps, smoothed rates and the risk
terrain surface, with legends that say in plain words what a colour means, which neighbours were
used and how withheld counts entered. Qt-free, like report_styles; the page and the PNG/PDF
export draw from the same spec."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assetmap.layers import LayerInfo
from assetmap.mapview.words import word

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# Legend order: the two kinds of cluster, the two kinds of outlier, then the rest.
CLUSTER_ORDER = (1, 3, 4, 2, 0)


def risk_meta(info: LayerInfo) -> dict[str, Any]:
    return (info.extra or {}).get("risk") or {}


def cluster_label(code: int, x_name: str | None = None, y_name: str | None = None) -> str:
    """Short enough for a printed legend; the note under the title says what "next to" means."""
    if code == 0:
        return word("Not significant")
    if x_name is None:
        return {1: word("Hot spot: high, next to high"), 2: word("Outlier: low, next to high"),
                3: word("Cold spot: low, next to low"), 4: word("Outlier: high, next to low")}[code]
    return {1: word("High {0}, next to high {1}"), 2: word("Low {0}, next to high {1}"),
            3: word("Low {0}, next to low {1}"), 4: word("High {0}, next to low {1}")}[code].format(x_name, y_name)


def weights_words(code: str | None) -> str:
    code = code or "queen"
    if code == "queen":
        return word("neighbours: areas sharing an edge or a corner (queen)")
    if code == "rook":
        return word("neighbours: areas sharing an edge (rook)")
    kind, _, arg = code.partition(":")
    if kind == "knn":
        return word("neighbours: the {0} nearest areas (k-nearest)").format(arg)
    return word("neighbours: areas whose centres are within {0} m (distance band)").format(f"{float(arg):,.0f}")


def imputed_words(meta: dict[str, Any]) -> str:
    n = int(meta.get("withheld_units") or 0)
    if not n or meta.get("imputed_as") is None:
        return ""
    top = int(meta["imputed_as"] * 2 - 1)
    return word("{0} areas with 1–{1} reports (withheld) entered as {2}").format(n, top, f"{meta['imputed_as']:g}")


def lisa_spec(info: LayerInfo, frame: "pd.DataFrame") -> dict[str, Any]:
    from assetmap.risk.clusters import CLUSTER_COLORS

    meta = risk_meta(info)
    bivariate = meta.get("kind") == "bivariate_lisa"
    x_name, y_name = (meta.get("x_name"), meta.get("y_name")) if bivariate else (None, None)
    # Local Moran's I of "DV reports", or of a field named as stored
    counts = meta.get("counts") or {}
    codes = {1: "HH", 2: "LH", 3: "LL", 4: "HL", 0: "ns"}
    legend = [{"label": "{0} ({1})".format(cluster_label(k, x_name, y_name), counts.get(codes[k], 0)),
               "color": CLUSTER_COLORS[k], "symbol": "square"} for k in CLUSTER_ORDER]
    method = (word("Bivariate local Moran's I: {0} against the neighbours' {1}").format(x_name, y_name)
              if bivariate else word("Local Moran's I of {0}").format(meta.get("x_name") or meta.get("field", "")))
    test = word("{0} permutations (seed {1}), significant at p ≤ {2}").format(
        meta.get("permutations", 999), meta.get("seed"), f"{meta.get('alpha', 0.05):g}")
    if meta.get("fdr"):
        test += word(", FDR-controlled")
    notes = [method, weights_words(meta.get("weights")), test, imputed_words(meta)]
    return {"kind": "categorized", "field": "lisa_cluster", "fieldLabel": "",
            "categories": {str(k): v for k, v in CLUSTER_COLORS.items()}, "symbols": {},
            "color": CLUSTER_COLORS[0], "other": "#FFFFFF", "stroke": "#555555", "weight": 0.6,
            "fillOpacity": 0.85, "radius": 5, "symbol": "square", "legend": legend,
            "legendNote": "; ".join(n for n in notes if n)}


def rate_field_label(smooth: str | None) -> str:
    return {"eb": word("smoothed rate per 1,000 (empirical Bayes)"),
            "spatial-eb": word("smoothed rate per 1,000 (spatial empirical Bayes)")}.get(
        smooth or "", word("rate per 1,000"))


def rates_note(smooth: str | None, global_rate: float | None) -> str:
    if smooth == "eb" and global_rate is not None:
        return word("Areas with few residents are pulled towards the overall rate ({0} per 1,000)").format(
            f"{global_rate:.2f}")
    if smooth == "spatial-eb":
        return word("Areas with few residents are pulled towards their neighbours' rate")
    return ""


def smoothed_aggregate_note(meta: dict[str, Any]) -> str:
    """Under a report layer's smoothed rates: what smoothing does and how withheld counts entered."""
    first = rates_note(meta.get("smooth"), None) or word("Areas with few residents are pulled towards the overall rate")
    top = meta.get("threshold", 10)
    return first + "; " + word("withheld counts (1–{0}) entered as {1}; nothing is shown for them").format(
        top, f"{meta.get('smooth_imputed_as', (1 + top) / 2):g}")


def rates_spec(info: LayerInfo, frame: "pd.DataFrame") -> dict[str, Any]:
    from assetmap.mapview.layers import layer_style
    from assetmap.mapview.leaflet_style import leaflet_style

    meta = risk_meta(info)
    spec = leaflet_style(layer_style(info, list(frame.columns)), frame)
    if spec.get("field") in ("rate_smoothed", "rate_raw"):
        smooth = meta.get("smooth") if spec["field"] == "rate_smoothed" else None
        spec["fieldLabel"] = rate_field_label(smooth)
        spec["legendNote"] = rates_note(smooth, meta.get("global_rate_per_1000"))
    return spec


def terrain_spec(info: LayerInfo, frame: "pd.DataFrame") -> dict[str, Any]:
    """The relative risk surface: classes of relative risk (1 = none of the model's factors
    present), the factors it is built from and how well it predicted the next period."""
    from assetmap.layers.style import Style
    from assetmap.mapview.leaflet_style import leaflet_style

    meta = risk_meta(info)
    # Fixed multiples a planner reads at a glance ("up to 2 times", "5 to 10 times"); natural breaks
    # over thousands of cells would also take mapclassify's pure-Python Fisher-Jenks minutes.
    import pandas as pd

    top = float(pd.to_numeric(frame["rel_risk"], errors="coerce").max()) if len(frame) else 1.0
    breaks = [b for b in (1.0, 2.0, 5.0, 10.0, 20.0, 50.0) if b < top] or [1.0]
    style = Style(kind="graduated", field="rel_risk", scheme="manual", breaks=breaks, k=len(breaks) + 1,
                  ramp="YlOrRd", fill_opacity=0.75, weight=0.0, stroke="#00000000")
    spec = leaflet_style(style, frame)
    spec["fieldLabel"] = word("times the risk where none of the factors is present")
    factors = ", ".join(f"{r['factor']} (×{r['rrv']:.1f})" for r in meta.get("table") or [])
    notes = [word("Relative risk from {0}; built from public layers only").format(factors or "—")]
    v = meta.get("validation")
    if v and v.get("pai_model") is not None:
        notes.append(word("top {0} % of cells (highest risk)").format(f"{100 * v['model_share']:.0f}") + ": " +
                     word("PAI {0} (model) vs {1} (last period's hot spots)").format(
                         f"{v['pai_model']:.2f}", f"{v['pai_kde']:.2f}"))
    spec["legendNote"] = "; ".join(notes)
    return spec


def risk_spec(info: LayerInfo, frame: "pd.DataFrame") -> dict[str, Any] | None:
    """The spec of a layer made by assetmap.risk, or None."""
    kind = risk_meta(info).get("kind")
    if kind in ("lisa", "bivariate_lisa") and (info.style or {}).get("field", "lisa_cluster") == "lisa_cluster":
        return lisa_spec(info, frame)
    if kind == "rates":
        return rates_spec(info, frame)
    if kind == "terrain" and (info.style or {}).get("field", "rel_risk") == "rel_risk":
        return terrain_spec(info, frame)
    return None
