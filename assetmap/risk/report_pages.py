"""A page per risk analysis in the partnership report PDF: its map and legend (the same classes
and colours as the map window), the method in plain words, and what the map can and cannot tell
you. One page for each layer made by assetmap.risk (clusters, smoothed rates, risk terrain)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

KINDS = ("lisa", "bivariate_lisa", "rates", "terrain")


@dataclass
class RiskPage:
    title: str
    frame: Any          # the layer's features (public ones only)
    spec: dict          # the map window's spec: colours, classes, legend, note
    method: str
    can: str
    cannot: str


def _method(meta: dict, spec: dict) -> tuple[str, str, str]:
    kind = meta.get("kind")
    if kind in ("lisa", "bivariate_lisa"):
        what = ("Where an area's value and its neighbours' values are both high (hot spot) or both low (cold spot), "
                "or unlike each other (outlier), more than chance would make them. "
                if kind == "lisa" else
                f"Where an area's {meta.get('x_name')} goes with its neighbours' {meta.get('y_name')}: high with high, "
                "low with low, or the opposite, more than chance would make it. ")
        method = what + "Method: " + (spec.get("legendNote") or "") + "."
        can = ("Where a pattern of high (or low) values is unlikely to be chance, given the neighbours chosen: "
               "places to look at first.")
        cannot = ("Why the pattern is there, or anything about a single family. Another choice of neighbours can "
                  "change the map; among many areas tested some 'significant' ones are false alarms"
                  + (" (the false discovery rate control used here lowers that)." if meta.get("fdr") else ".")
                  + " Withheld counts entered at the middle of their range.")
        return method, can, cannot
    if kind == "rates":
        method = (f"Rate per 1,000 of {meta.get('count')} per {meta.get('population')}, smoothed by empirical Bayes "
                  + ("towards the neighbours' rate" if meta.get("smooth") == "spatial-eb" else "towards the overall "
                     f"rate ({meta.get('global_rate_per_1000', 0):.2f} per 1,000)")
                  + ": the fewer people in an area, the more its rate is pulled in. Each area also has its excess "
                    "risk (observed ÷ expected) with an exact 95 % interval.")
        can = "Compare areas without the smallest populations dominating the map by chance."
        cannot = ("A smoothed rate is steadier, not truer: a real extreme in a small area can be hidden. The excess "
                  "risk interval says how sure each area's figure is.")
        return method, can, cannot
    table = meta.get("table") or []
    factors = "; ".join(f"{r['variable']}: ×{r['rrv']:.2f} (95 % {r['rrv_low']:.2f}–{r['rrv_high']:.2f})"
                        for r in table)
    v = meta.get("validation")
    check = (f" Checked on a later period: the top {100 * v['model_share']:.0f} % of cells held "
             f"{100 * v['model_hits'] / max(v['total'], 1):.0f} % of its reports (PAI {v['pai_model']:.2f}); last "
             f"period's hot spots, on as many cells, held {100 * v['kde_hits'] / max(v['total'], 1):.0f} % "
             f"(PAI {v['pai_kde']:.2f}).") if v and v.get("pai_model") is not None else ""
    method = ("Risk terrain model: reports counted per " f"{meta.get('cell_m', 0):g} m cell (never stored) are related "
              f"to public places by a {meta.get('family')} regression that keeps the factors that raise the risk. "
              f"Relative risk of each factor: {factors}. The surface multiplies those of the factors present in a "
              "cell and is built from the public layers only." + check)
    can = "Where places like those that go with reports are, so prevention can work on the places and what is there."
    cannot = ("It is correlation, not cause, and says nothing about any family or person. It only knows the "
              "factors it was given.")
    return method, can, cannot


def risk_pages(project) -> list[RiskPage]:
    from assetmap.mapview.layers import LayerCache
    from assetmap.privacy import public_features

    cache = LayerCache(project)
    out = []
    for info in project.layers():
        meta = (info.extra or {}).get("risk") or {}
        if meta.get("kind") not in KINDS:
            continue
        spec = cache.spec(info)
        frame = public_features(cache.frame(info.name))
        method, can, cannot = _method(meta, spec)
        out.append(RiskPage(info.display_name or info.name, frame, spec, method, can, cannot))
    return out


def _colours(frame, spec):
    import numpy as np
    import pandas as pd

    field = spec.get("field")
    if spec.get("kind") == "categorized":
        cats = spec.get("categories") or {}
        return [cats.get(str(v), spec.get("other", "#ffffff")) for v in frame[field]]
    values = pd.to_numeric(frame[field], errors="coerce").to_numpy(dtype=float)
    breaks, colors = spec.get("breaks") or [], spec.get("colors") or []
    idx = np.searchsorted(np.asarray(breaks, float), values, side="left").clip(0, max(len(breaks) - 1, 0))
    return [colors[i] if np.isfinite(v) and colors else "#d9d9d9" for i, v in zip(idx, values)]


def draw_page(page: RiskPage, paper_size, footer) -> "Figure":
    from matplotlib.patches import Patch

    from assetmap.indicators.report_draw import HATCH, HATCH_EDGE, OUTLINE, new_figure, north_arrow, scale_bar

    fig = new_figure(paper_size)
    fig.text(0.06, 0.96, textwrap.fill(page.title, 62), fontsize=14, fontweight="bold", va="top")
    ax = fig.add_axes((0.04, 0.42, 0.62, 0.48))
    frame = page.frame.to_crs(page.frame.estimate_utm_crs()) if page.frame.crs is not None else page.frame
    colours = _colours(frame, page.spec)
    lines = page.spec.get("weight", 0.6) > 0
    frame.plot(ax=ax, color=colours, edgecolor=OUTLINE if lines else "none", linewidth=0.3 if lines else 0)
    if "suppressed" in frame.columns:
        sup = frame["suppressed"].fillna(False).astype(bool).to_numpy()
        if sup.any():
            frame[sup].plot(ax=ax, facecolor="white", edgecolor=HATCH_EDGE, hatch=HATCH, linewidth=0.35)
    ax.set_aspect("equal")
    ax.set_axis_off()
    scale_bar(ax)
    north_arrow(ax)
    handles = [Patch(facecolor=e["color"] if e.get("fill") != "hatch" else "white", edgecolor=OUTLINE,
                     hatch=HATCH if e.get("fill") == "hatch" else None, linewidth=0.4,
                     label=textwrap.fill(e["label"], 34)) for e in page.spec.get("legend") or []]
    label = page.spec.get("fieldLabel")
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.67, 0.9), fontsize=7.5, frameon=False,
               title=textwrap.fill(label, 34) if label else None, title_fontsize=8, alignment="left")
    y = 0.38
    for head, body in (("What this map shows and how it was made", page.method),
                       ("What it can tell you", page.can), ("What it cannot tell you", page.cannot)):
        fig.text(0.06, y, head, fontsize=10, fontweight="bold", va="top")
        text = textwrap.fill(body, 118)
        fig.text(0.06, y - 0.02, text, fontsize=8, va="top", color="#222222")
        y -= 0.02 + 0.0135 * (text.count("\n") + 1) + 0.022
    footer(fig)
    return fig
