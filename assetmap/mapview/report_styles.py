"""Map specs of the layers made from sensitive reports: an aggregate layer shown one period at a
time (class breaks fixed over every period), hot spots with the conventional Gi* bins, and the
bivariate overlay with its 3x3 legend and correlation. Qt-free; the page, the PNG/PDF export and
the HTML export all draw from these specs.

An aggregate layer stores one row per unit *and* period (plus ``all``, the unit's total). The
page keeps every row and shows the rows of one period (``spec["period"]``), so a period change
is a restyle, never a new page or new data. Breaks are computed over the published values of all
periods together so that a colour means the same number in every period; the ``all`` totals
live on another scale and get breaks of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assetmap.errors import UserError
from assetmap.layers import LayerInfo
from assetmap.layers.roles import LayerRole
from assetmap.mapview.words import word

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

ALL = "all"
PERIOD_FIELD = "period"
ALL_LABEL = "All periods (total)"

# Getis-Ord Gi* bins as hot-spot maps usually show them: red hot, blue cold, grey not significant.
HOTSPOT_COLORS = {3: "#B2182B", 2: "#EF8A62", 1: "#FDDBC7", 0: "#D9D9D9", -1: "#D1E5F0",
                  -2: "#67A9CF", -3: "#2166AC"}
HOTSPOT_LABELS = {3: "Hot spot, 99 % confidence", 2: "Hot spot, 95 % confidence",
                  1: "Hot spot, 90 % confidence", 0: "Not significant",
                  -1: "Cold spot, 90 % confidence", -2: "Cold spot, 95 % confidence",
                  -3: "Cold spot, 99 % confidence"}
HOT_IN_BOTH_COLOR = "#B2182B"


# ---------------------------------------------------------------- periods
def reports_meta(info: LayerInfo) -> dict[str, Any]:
    return (info.extra or {}).get("reports") or {}


def layer_periods(info: LayerInfo) -> list[str]:
    """The periods of an aggregate layer in time order, without 'all'; [] when it has none."""
    if info.role != LayerRole.AGGREGATE:
        return []
    return [str(p) for p in reports_meta(info).get("periods") or []]


def period_steps(info: LayerInfo) -> list[str]:
    """What the time slider offers for the layer: its periods, then 'all'."""
    periods = layer_periods(info)
    return periods + [ALL] if periods else []


def current_period(info: LayerInfo) -> str | None:
    """The period the layer shows: the one chosen (kept in its style), else 'all'."""
    steps = period_steps(info)
    if not steps:
        return None
    chosen = str((info.style or {}).get("period") or ALL)
    return chosen if chosen in steps else ALL


def period_label(period: str | None) -> str:
    return word(ALL_LABEL) if period == ALL else str(period or "")


def period_rows(frame: "pd.DataFrame", period: str) -> "pd.DataFrame":
    """The rows of one period."""
    return frame.loc[frame[PERIOD_FIELD].astype(str) == str(period)]


def break_rows(frame: "pd.DataFrame", period: str) -> "pd.DataFrame":
    """The rows whose values set the class breaks for ``period``: every period's rows together
    (so the classes mean the same in each), or the totals for 'all'."""
    is_all = frame[PERIOD_FIELD].astype(str) == ALL
    return frame.loc[is_all] if period == ALL else frame.loc[~is_all]


def visible_rows(info: LayerInfo, frame: "pd.DataFrame") -> "pd.DataFrame":
    """The features drawn for a layer (a static export draws only these)."""
    period = current_period(info)
    if period is None or PERIOD_FIELD not in frame.columns:
        return frame
    return period_rows(frame, period)


def _name_field(project, info: LayerInfo, frame: "pd.DataFrame") -> str | None:
    meta = reports_meta(info)
    units = meta.get("units")
    if project is not None and units and project.has_layer(units):
        name = (project.layer(units).extra or {}).get("name_field")
        if name and name in frame.columns:
            return name
    return None


def aggregate_spec(info: LayerInfo, frame: "pd.DataFrame", project=None,
                   period: str | None = None) -> dict[str, Any]:
    """The choropleth of an aggregate layer showing ``period`` (default: the chosen one), with
    what the identify popup needs (``aggregate``)."""
    from assetmap.mapview.layers import layer_style
    from assetmap.mapview.leaflet_style import leaflet_style

    style = layer_style(info, list(frame.columns))
    steps = period_steps(info)
    meta = reports_meta(info)
    rate = "rate_per_1000" if "rate_per_1000" in frame.columns else None
    popup = {"unitField": meta.get("unit_field"), "nameField": _name_field(project, info, frame),
             "periods": layer_periods(info), "countField": meta.get("value_field") or "count",
             # A density surface shows its value as stored (2 significant digits), not as a whole count.
             "countLabel": meta.get("value_label") or word("Reports"), "asStored": bool(meta.get("value_field")),
             "rateField": rate,
             "suppressedLabel": style.suppressed_label or f"1–{meta.get('threshold', 10)}"}
    if not steps or PERIOD_FIELD not in frame.columns:
        spec = leaflet_style(style, frame)
        spec["aggregate"] = {**popup, "periods": []}
        return _zero_class(_first_class(spec, frame, meta), meta)
    period = str(period) if period is not None else current_period(info)
    if period not in steps:
        raise UserError(f"'{info.name}' has no period '{period}'.", f"Its periods: {', '.join(steps)}.")
    rows = break_rows(frame, period)
    spec = leaflet_style(style, rows)
    spec.update({"period": period, "periodField": PERIOD_FIELD, "periodLabel": period_label(period),
                 "aggregate": popup})
    return _zero_class(_first_class(spec, rows, meta), meta)


def _first_class(spec: dict[str, Any], rows: "pd.DataFrame", meta: dict[str, Any]) -> dict[str, Any]:
    """The lowest class named by the published values it holds ("0, 11 – 12"), never "≤ 12" or
    "0 – 12", which would read as overlapping the withheld 1–10 class."""
    import pandas as pd

    from assetmap.mapview.leaflet_style import _fmt

    field, breaks, legend = spec.get("field"), spec.get("breaks"), spec.get("legend")
    if spec.get("kind") != "graduated" or not breaks or not legend or field not in rows.columns:
        return spec
    values = pd.to_numeric(rows[field], errors="coerce").dropna()
    values = values[values <= breaks[0]]
    if values.empty:
        return spec
    zero = bool((values == 0).any())
    positive = values[values > 0]
    parts = ["0"] if zero else []
    if not positive.empty:
        lo = float(positive.min())
        parts.append(_fmt(lo) if lo == breaks[0] else f"{_fmt(lo)} – {_fmt(breaks[0])}")
    legend[0]["label"] = ", ".join(parts)
    return spec


def _zero_class(spec: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    """A density surface's cells with no report within reach are exactly 0: say so, not '≤ 0'."""
    if meta.get("smooth") and spec.get("field") == "rate_smoothed":
        from assetmap.mapview.risk_styles import rate_field_label, smoothed_aggregate_note

        spec["fieldLabel"] = rate_field_label(meta["smooth"])
        spec["legendNote"] = smoothed_aggregate_note(meta)
    if meta.get("measure") == "density" and spec.get("breaks") and spec["breaks"][0] == 0:
        spec["legend"][0]["label"] = word("0 (no report within reach)")
    return spec


# ---------------------------------------------------------------- hot spots
def _is_default_hotspots(info: LayerInfo) -> bool:
    return info.role == LayerRole.HOTSPOTS and not (info.style or {}).get("kind")


def hotspot_spec(info: LayerInfo, frame: "pd.DataFrame") -> dict[str, Any]:
    """Categorized Gi* bins (or 'hot in both'), all seven bins always in the legend."""
    base = {"kind": "categorized", "color": "#D9D9D9", "stroke": "#666666", "weight": 0.6,
            "fillOpacity": 0.85, "radius": 5, "symbol": "circle", "symbols": {}, "other": "#FFFFFF"}
    meta = (info.extra or {}).get("hotspots") or {}
    if "gi_bin" in frame.columns:
        cats = {str(k): v for k, v in HOTSPOT_COLORS.items()}
        legend = [{"label": word(HOTSPOT_LABELS[k]), "color": HOTSPOT_COLORS[k], "symbol": "square"}
                  for k in (3, 2, 1, 0, -1, -2, -3)]
        note = "Getis-Ord Gi*" + (word(", FDR-controlled") if meta.get("fdr") else "")
        if meta.get("period"):
            note += f"; {period_label(meta['period'])}"
        return {**base, "field": "gi_bin", "categories": cats, "legend": legend, "legendNote": note}
    if "hot_in_both" in frame.columns:
        # Booleans reach the page as true/false and pandas as True/False or 1/0.
        cats = {k: HOT_IN_BOTH_COLOR for k in ("true", "True", "1")}
        cats.update({k: HOTSPOT_COLORS[0] for k in ("false", "False", "0")})
        legend = [{"label": word("Hot in both (90 % or more)"), "color": HOT_IN_BOTH_COLOR, "symbol": "square"},
                  {"label": word("Not hot in both"), "color": HOTSPOT_COLORS[0], "symbol": "square"}]
        return {**base, "field": "hot_in_both", "categories": cats, "legend": legend}
    from assetmap.layers.style import Style
    from assetmap.mapview.leaflet_style import leaflet_style

    return leaflet_style(Style.default_for(info.role), frame)


# ---------------------------------------------------------------- bivariate
def bivariate_spec(info: LayerInfo, frame: "pd.DataFrame") -> dict[str, Any]:
    """Categories 'i-j' (class of A, class of B) in the 3x3 palette; a 2-D legend with the
    correlation; units withheld in either layer hatched ('suppressed')."""
    meta = (info.extra or {}).get("bivariate") or {}
    pal = meta.get("palette")
    if not pal:
        from assetmap.reports.bivariate import palette

        pal = palette()
    cats = {f"{i}-{j}": pal[i][j] for i in range(3) for j in range(3)}
    label = meta.get("suppressed_label") or "1–10"
    legend = [{"label": word("{0} in either layer (withheld)").format(label), "color": "#BDBDBD", "symbol": "square",
               "fill": "hatch"}]
    if "bi_class" in frame.columns and "suppressed" in frame.columns:
        missing = frame["bi_class"].isna() & ~frame["suppressed"].fillna(False).astype(bool)
        if missing.any():
            legend.append({"label": word("no data"), "color": "#FFFFFF", "symbol": "square"})
    return {"kind": "categorized", "field": "bi_class", "categories": cats, "symbols": {},
            "color": "#BDBDBD", "other": "#FFFFFF", "stroke": "#555555", "weight": 0.6,
            "fillOpacity": 0.9, "radius": 5, "symbol": "square", "suppressedLabel": label,
            "suppressedFill": "hatch", "legend": legend, "bivariate": bivariate_legend(meta, pal)}


def _r(v) -> str:
    return "n/a" if v is None else f"{v:.2f}"


def bivariate_legend(meta: dict[str, Any], pal: list[list[str]] | None = None) -> dict[str, Any]:
    """The 2-D legend: ``rows`` top (high B) to bottom, each left (low A) to right; axis names;
    the correlation line."""
    if pal is None:
        from assetmap.reports.bivariate import palette

        pal = palette()
    rows = [[pal[i][j] for i in range(3)] for j in (2, 1, 0)]
    return {"rows": rows, "x": meta.get("title_a") or meta.get("layer_a") or "A",
            "y": meta.get("title_b") or meta.get("layer_b") or "B",
            "stats": f"Pearson r = {_r(meta.get('pearson'))}, Spearman ρ = {_r(meta.get('spearman'))}, "
                     f"n = {meta.get('n', 0)}",
            "period": period_label(meta.get("period")) if meta.get("period") else ""}


def is_bivariate(info: LayerInfo) -> bool:
    return (info.style or {}).get("kind") == "bivariate"


# ---------------------------------------------------------------- dispatch
def special_spec(info: LayerInfo, frame: "pd.DataFrame", project=None) -> dict[str, Any] | None:
    """The spec of a report-made layer, or None for any other layer (drawn as styled)."""
    if (info.extra or {}).get("risk"):
        from assetmap.mapview.risk_styles import risk_spec

        return risk_spec(info, frame)
    if is_bivariate(info):
        return bivariate_spec(info, frame)
    if _is_default_hotspots(info):
        return hotspot_spec(info, frame)
    if info.role == LayerRole.AGGREGATE and reports_meta(info).get("unit_field"):
        # Whatever the style: one period drawn at a time, and the aggregate popup.
        return aggregate_spec(info, frame, project)
    return None


def remember_breaks(project, name: str) -> bool:
    """Keep with a new report layer's style the class breaks of what the map first shows (and the
    digest of the values they are for, layers/breaks.py), so opening the project later draws it
    without loading mapclassify (seconds with scikit-learn, scipy and matplotlib). Called by the
    commands that make report layers, right after they wrote it; True when breaks were stored."""
    from assetmap.mapview.layers import layer_style
    from assetmap.mapview.leaflet_style import resolve

    info = project.layer(name)
    frame = project.read_layer(name)
    style = layer_style(info, list(frame.columns))
    if style.kind != "graduated" or style.scheme == "manual":
        return False
    period = current_period(info)
    rows = break_rows(frame, period) if period is not None and PERIOD_FIELD in frame.columns else frame
    try:
        resolved = resolve(style, rows)
    except UserError:  # nothing to classify (every unit withheld): the map says so when drawn
        return False
    info.style = {**(info.style or {}), "breaks": [float(b) for b in resolved.breaks],
                  "breaks_for": resolved.breaks_for}
    project.update_layer_info(info)
    return True
