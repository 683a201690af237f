"""Matplotlib drawing for the partnership report: choropleth with legend, scale bar and north
arrow, the city-wide trend, the ranked tables. Headless (Agg); no pyplot, so no global state.

Colours: ColorBrewer sequential ramps (YlOrRd where higher is worse, YlGnBu where higher is
better), which stay ordered for the common colour-vision deficiencies and in greyscale print.
Suppressed units are white with dark hatching, never a ramp colour, so they can't read as 0.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from assetmap.indicators.report_model import Section, fmt_change, fmt_value, period_title

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

RAMPS = {"higher_is_worse": "YlOrRd", "higher_is_better": "YlGnBu"}
HATCH = "////"
HATCH_EDGE = "#404040"
NO_VALUE = "#d9d9d9"
OUTLINE = "#606060"
K = 5


RC = {"pdf.fonttype": 42, "font.family": "DejaVu Sans", "hatch.linewidth": 0.6}


def matplotlib():
    """matplotlib, imported only when a report is drawn. No backend is switched and no global
    setting changed (the app may use matplotlib too): figures get their own Agg canvas
    (``new_figure``) and the report's settings apply inside ``rc_context(RC)``."""
    import matplotlib as mpl

    return mpl


def new_figure(figsize):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize)
    FigureCanvasAgg(fig)
    return fig


def class_breaks(values) -> list[float]:
    """Upper bounds of up to K natural-breaks classes of the published values."""
    import numpy as np

    from assetmap.mapview.classify import classify

    arr = np.asarray(values, dtype=float)
    arr = arr[np.isfinite(arr)]
    if arr.size == 0:
        return []
    return classify(arr, "natural_breaks", k=K)


def class_colours(direction: str, n: int) -> list[str]:
    mpl = matplotlib()
    cmap = mpl.colormaps[RAMPS.get(direction, "YlOrRd")]
    if n <= 1:
        return [mpl.colors.to_hex(cmap(0.12))]
    return [mpl.colors.to_hex(cmap(0.12 + 0.8 * i / (n - 1))) for i in range(n)]


def draw_map(ax: "Axes", section: Section, *, breaks: list[float] | None = None, low: float | None = None,
             furniture: bool = True) -> list:
    """The choropleth; returns legend handles (classes, withheld, no value).

    ``breaks`` (and the lowest value ``low``) shared by several maps make them comparable (small
    multiples of one indicator over periods); ``furniture=False`` leaves out the scale bar and
    north arrow, which a thumbnail has no room for."""
    import numpy as np
    from matplotlib.patches import Patch

    units = section.units
    ind = section.indicator
    values = units["value"].to_numpy(dtype=float)
    breaks = class_breaks(values) if breaks is None else list(breaks)
    colours = class_colours(ind.direction, len(breaks))
    handles = []
    known = np.isfinite(values)
    if breaks:
        if known.any():  # shared breaks: a period may have every unit withheld
            idx = np.searchsorted(np.asarray(breaks), values[known], side="left").clip(0, len(breaks) - 1)
            fill = np.array(colours, dtype=object)[idx]
            units[known].plot(ax=ax, color=list(fill), edgecolor=OUTLINE, linewidth=0.35)
        low = float(np.nanmin(values)) if low is None else float(low)
        for i, (b, c) in enumerate(zip(breaks, colours)):
            lo = low if i == 0 else breaks[i - 1]
            if i == 0:
                label = fmt_value(b, ind) if lo == b else f"{fmt_value(lo, ind)} \u2013 {fmt_value(b, ind)}"
            else:  # classes hold values above the previous bound, up to their own
                label = f"> {fmt_value(lo, ind)} \u2013 {fmt_value(b, ind)}"
            handles.append(Patch(facecolor=c, edgecolor=OUTLINE, linewidth=0.4, label=label))
    sup = units["suppressed"].to_numpy(bool)
    if sup.any():
        units[sup].plot(ax=ax, facecolor="white", edgecolor=HATCH_EDGE, hatch=HATCH, linewidth=0.35)
        t = section.threshold or 10
        handles.append(Patch(facecolor="white", edgecolor=HATCH_EDGE, hatch=HATCH, linewidth=0.4,
                             label=f"1\u2013{t} reports: suppressed"))
    none = ~known & ~sup
    if none.any():
        units[none].plot(ax=ax, facecolor=NO_VALUE, edgecolor=OUTLINE, linewidth=0.35)
        handles.append(Patch(facecolor=NO_VALUE, edgecolor=OUTLINE, linewidth=0.4,
                             label="no value (no residents)"))
    ax.set_aspect("equal")
    ax.set_axis_off()
    minx, miny, maxx, maxy = units.total_bounds
    padx, pady = (maxx - minx) * 0.03, (maxy - miny) * 0.03
    ax.set_xlim(minx - padx, maxx + padx)
    ax.set_ylim(miny - pady, maxy + pady)
    if furniture:
        scale_bar(ax)
        north_arrow(ax)
    return handles


def _nice(length: float) -> float:
    exp = math.floor(math.log10(length))
    for m in (5, 2, 1):
        if m * 10 ** exp <= length:
            return m * 10 ** exp
    return 10 ** exp


def scale_bar(ax: "Axes") -> None:
    """A bar about a quarter of the map wide, in miles and kilometres (map units are metres)."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    miles = _nice((x1 - x0) * 0.25 / 1609.344)
    length = miles * 1609.344
    x, y = x0 + (x1 - x0) * 0.04, y0 + (y1 - y0) * 0.035
    h = (y1 - y0) * 0.008
    ax.fill([x, x + length / 2, x + length / 2, x], [y, y, y + h, y + h], color="black", lw=0)
    ax.fill([x + length / 2, x + length, x + length, x + length / 2], [y, y, y + h, y + h],
            facecolor="white", edgecolor="black", lw=0.6)
    ax.plot([x, x + length, x + length, x, x], [y, y, y + h, y + h, y], color="black", lw=0.6)
    ax.text(x, y + h * 2.2, "0", fontsize=6.5, ha="center", va="bottom")
    ax.text(x + length, y + h * 2.2, f"{miles:g} mi ({length / 1000:.1f} km)", fontsize=6.5, ha="left",
            va="bottom")


def north_arrow(ax: "Axes") -> None:
    ax.annotate("N", xy=(0.94, 0.97), xytext=(0.94, 0.86), xycoords="axes fraction",
                textcoords="axes fraction", ha="center", va="top", fontsize=9, fontweight="bold",
                arrowprops={"facecolor": "black", "edgecolor": "black", "width": 2.5, "headwidth": 8,
                            "headlength": 8})


def draw_trend(ax: "Axes", section: Section) -> None:
    """City-wide value per period, the report period marked, the target as a dashed line."""
    import numpy as np

    ind = section.indicator
    trend = section.trend
    ax.tick_params(labelsize=7)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if trend.empty:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "One snapshot (no periods): no trend to draw.", ha="center", va="center",
                fontsize=8, transform=ax.transAxes, color="#444444")
        return
    x = np.arange(len(trend))
    y = np.where(trend["suppressed"].to_numpy(bool), np.nan, trend["value"].to_numpy(dtype=float))
    ax.plot(x, y, color="#0072B2", marker="o", markersize=3, lw=1.4, label="City-wide")
    if section.period in list(trend["period"]):
        i = list(trend["period"]).index(section.period)
        ax.plot([x[i]], [y[i]], marker="o", markersize=7, markerfacecolor="none", markeredgecolor="#D55E00",
                markeredgewidth=1.5, lw=0, label=f"{section.period}")
    if ind.target is not None:
        ax.axhline(ind.target, color="#009E73", lw=1, ls="--", label=f"target {fmt_value(ind.target, ind)}")
    step = max(1, math.ceil(len(trend) / 8))
    ax.set_xticks(x[::step])
    ax.set_xticklabels(list(trend["period"])[::step], rotation=40, ha="right")
    ax.set_ylim(bottom=0)
    ax.set_ylabel(ind.unit_label or "value", fontsize=7)
    ax.set_title("City-wide trend", fontsize=8.5, loc="left")
    ax.legend(fontsize=6.5, frameon=False, loc="lower left")
    ax.grid(axis="y", color="#dddddd", lw=0.5)


def table_rows(section: Section, which: str) -> list[list[str]]:
    """[rank, unit, value, change] rows of the highest or lowest published units."""
    frame = section.top if which == "top" else section.bottom
    ind = section.indicator
    return [[f"{int(r['rank'])}", str(r["unit_name"]), fmt_value(float(r["value"]), ind),
             fmt_change(float(r["change"]), ind)] for _, r in frame.iterrows()]


def draw_table(ax: "Axes", section: Section) -> None:
    """Highest and lowest units as two small tables, drawn as text (searchable in the PDF)."""
    ax.set_axis_off()
    ind = section.indicator
    since = f", change since {section.previous}" if section.previous else ""
    y = 1.0
    line = 0.052
    blocks = [("Highest", "top"), ("Lowest", "bottom")]
    for head, which in blocks:
        rows = table_rows(section, which)
        ax.text(0.0, y, head, fontsize=8.5, fontweight="bold", va="top", transform=ax.transAxes)
        ax.text(1.0, y, since.lstrip(", "), fontsize=7, va="top", ha="right", color="#555555",
                transform=ax.transAxes)
        y -= line
        for cx, text, ha in ((0.0, "#", "left"), (0.08, "area", "left"), (0.74, "value", "right"),
                             (1.0, "change", "right")):
            ax.text(cx, y, text, fontsize=6.5, color="#555555", ha=ha, va="top", transform=ax.transAxes)
        y -= line * 0.9
        if not rows:
            ax.text(0.08, y, "no published values", fontsize=7, va="top", style="italic",
                    transform=ax.transAxes)
            y -= line
        for r in rows:
            name = r[1] if len(r[1]) <= 26 else r[1][:25] + "\u2026"
            for cx, text, ha in ((0.0, r[0], "left"), (0.08, name, "left"), (0.74, r[2], "right"),
                                 (1.0, r[3], "right")):
                ax.text(cx, y, text, fontsize=7, ha=ha, va="top", transform=ax.transAxes)
            y -= line
        y -= line * 0.6
    if section.n_suppressed:
        t = section.threshold or 10
        ax.text(0.0, y, f"{section.n_suppressed} areas suppressed (1\u2013{t} reports): not ranked.",
                fontsize=6.5, va="top", color="#444444", transform=ax.transAxes)
        y -= line
    if section.n_no_value:
        ax.text(0.0, y, f"{section.n_no_value} areas without a value (no residents): not ranked.",
                fontsize=6.5, va="top", color="#444444", transform=ax.transAxes)


def city_line(section: Section) -> str:
    ind = section.indicator
    if section.city_suppressed:
        t = section.threshold or 10
        return f"City-wide, {period_title(section.period)}: suppressed (1\u2013{t} reports)"
    text = f"City-wide, {period_title(section.period)}: {fmt_value(section.city_value, ind)}"
    if ind.unit_label and not ind.unit_label.startswith("%"):
        text += f" {ind.unit_label}"
    if section.previous and not math.isnan(section.city_previous):
        text += f" ({fmt_change(section.city_change, ind)} since {section.previous})"
    return text
