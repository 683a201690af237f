"""Small multiples for the indicators dashboard, without Qt: a grid of small choropleths, one
per indicator for a period (each with the city-wide trend under it) or one per period for an
indicator (sharing one set of class breaks, so the maps compare over time).

Each tile is a report ``Section`` built from ``compute``'s table (no recomputation), drawn by
``report_draw.draw_map``: withheld units are hatched and read "1–10 reports: suppressed",
never a number, exactly as on the report's pages. ``render_png`` gives PNG bytes (Agg; safe on
a worker thread, no pyplot figure) and a ``Drawn`` record of what the figure holds, so tests
can check the drawing's data rather than its pixels.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assetmap.indicators.compute import ALL_PERIODS, indicator_periods, period_sort_key, previous_period
from assetmap.indicators.model import CITY, CURRENT, Indicator
from assetmap.indicators.report_model import Section, period_title
from assetmap.tasks import TaskContext, ensure

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from assetmap.project import Project

BY_INDICATOR = "indicator"   # one tile per indicator, for one period
BY_PERIOD = "period"         # one tile per period, for one indicator
TILE_PX = (340, 280)


@dataclass
class Tile:
    key: str                       # the indicator id (by indicator) or the period (by period)
    title: str
    section: Section
    breaks: list[float] | None = None   # shared over the tiles of one indicator (by period)
    low: float | None = None
    trend: bool = True

    @property
    def indicator(self) -> Indicator:
        return self.section.indicator

    @property
    def period(self) -> str:
        return self.section.period

    @property
    def subtitle(self) -> str:
        """The city-wide figure; a withheld total reads "suppressed (1–10 reports)"."""
        from assetmap.indicators.report_draw import city_line

        return city_line(self.section)


@dataclass
class Drawn:
    """What one rendered tile holds, read back from the matplotlib figure."""
    hatched_parts: int = 0                  # unit shapes (paths) drawn white with the withheld hatching
    hatched_colours: list[str] = field(default_factory=list)
    legend: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)   # every text in the figure, legend included
    trend_points: int = 0


# ---------------------------------------------------------------------------- tiles
def tile_period(df: "pd.DataFrame", ind: Indicator, period: str | None) -> str | None:
    """The period an indicator's tile shows for ``period``: a snapshot shows 'current'; a
    by-period indicator without that period shows its latest one."""
    own = indicator_periods(df, ind.id)
    if not own:
        return None
    if period in own:
        return period
    if ind.period != "by_period" or CURRENT in own:
        return CURRENT if CURRENT in own else own[-1]
    dated = [p for p in own if p not in (ALL_PERIODS, CURRENT)]
    return dated[-1] if dated else own[-1]


def section_for(project: "Project", df: "pd.DataFrame", ind: Indicator, period: str,
                cache: dict | None = None) -> Section:
    """A report Section of ``ind`` at ``period`` from the table (no tables of top/bottom units)."""
    from assetmap.indicators.report_model import _threshold, _units

    cache = {} if cache is None else cache
    sub = df[df["indicator"] == ind.id]
    rows = sub[sub["period"] == period]
    units = rows[rows["unit_id"] != CITY]
    city = rows[rows["unit_id"] == CITY]
    prev = previous_period(df, ind.id, period)
    city_prev = math.nan
    if prev is not None:
        c = sub[(sub["period"] == prev) & (sub["unit_id"] == CITY)]
        if len(c) and not bool(c["suppressed"].iloc[0]):
            city_prev = float(c["value"].iloc[0])
    city_sup = bool(city["suppressed"].iloc[0]) if len(city) else True
    city_value = math.nan if city_sup else float(city["value"].iloc[0])
    trend = sub[(sub["unit_id"] == CITY) & ~sub["period"].isin([ALL_PERIODS, CURRENT])]
    trend = trend[["period", "value", "suppressed"]].sort_values("period", key=lambda s: s.map(period_sort_key))
    empty = units.iloc[0:0]
    return Section(
        indicator=ind, period=period, previous=prev, units=_units(project, ind, units, cache),
        city_value=city_value, city_numerator=math.nan if city_sup else float(city["numerator"].iloc[0]),
        city_suppressed=city_sup, city_previous=city_prev, top=empty, bottom=empty,
        trend=trend.reset_index(drop=True), threshold=_threshold(project, ind),
        n_suppressed=int(units["suppressed"].astype(bool).sum()),
        n_no_value=int((~units["suppressed"].astype(bool) & units["value"].isna()).sum()))


def by_indicator(project: "Project", df: "pd.DataFrame", indicators: list[Indicator], period: str | None,
                 cache: dict | None = None) -> list[Tile]:
    """One tile per indicator at ``period`` (see ``tile_period``), each with the city trend."""
    cache = {} if cache is None else cache
    tiles = []
    for ind in indicators:
        p = tile_period(df, ind, period)
        if p is None:
            continue
        tiles.append(Tile(key=ind.id, title=ind.name, section=section_for(project, df, ind, p, cache)))
    return tiles


def periods_of(df: "pd.DataFrame", ind: Indicator) -> list[str]:
    """The periods shown one per tile: the dated ones (the total over all periods is on another
    scale), else the snapshot or the total."""
    own = indicator_periods(df, ind.id)
    return [p for p in own if p not in (ALL_PERIODS, CURRENT)] or own


def by_period(project: "Project", df: "pd.DataFrame", ind: Indicator, cache: dict | None = None) -> list[Tile]:
    """One tile per period of ``ind``, all with the same class breaks (published values only)."""
    import numpy as np

    from assetmap.indicators.report_draw import class_breaks

    cache = {} if cache is None else cache
    periods = periods_of(df, ind)
    sub = df[(df["indicator"] == ind.id) & df["period"].isin(periods) & (df["unit_id"] != CITY)]
    published = sub.loc[~sub["suppressed"].astype(bool), "value"].to_numpy(dtype=float)
    published = published[np.isfinite(published)]
    breaks = class_breaks(published) if published.size else []
    low = float(published.min()) if published.size else None
    return [Tile(key=p, title=period_title(p), section=section_for(project, df, ind, p, cache),
                 breaks=breaks, low=low, trend=False) for p in periods]


# ---------------------------------------------------------------------------- drawing
def draw_sparkline(ax, section: Section) -> int:
    """The city-wide value over the dated periods, small: a withheld period is a gap, the tile's
    period a ring, the target dashed. Returns the number of points drawn."""
    import numpy as np

    from assetmap.indicators.report_model import fmt_value

    trend = section.trend
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=6, length=2, pad=1)
    if trend.empty:
        ax.set_axis_off()
        ax.text(0.0, 0.5, "one snapshot: no trend", fontsize=6.5, color="#555555", va="center",
                transform=ax.transAxes)
        return 0
    x = np.arange(len(trend))
    y = np.where(trend["suppressed"].to_numpy(bool), np.nan, trend["value"].to_numpy(dtype=float))
    ax.plot(x, y, color="#0072B2", lw=1.2, marker="o", markersize=1.8)
    periods = list(trend["period"])
    if section.period in periods:
        i = periods.index(section.period)
        if np.isfinite(y[i]):
            ax.plot([x[i]], [y[i]], marker="o", markersize=5, markerfacecolor="none",
                    markeredgecolor="#D55E00", markeredgewidth=1.2, lw=0)
    if section.indicator.target is not None:
        ax.axhline(section.indicator.target, color="#009E73", lw=0.8, ls="--")
    ax.set_xticks([x[0], x[-1]] if len(x) > 1 else [x[0]])
    ax.set_xticklabels([periods[0], periods[-1]] if len(x) > 1 else [periods[0]])
    for label, ha in zip(ax.get_xticklabels(), ("left", "right")):
        label.set_horizontalalignment(ha)  # the end labels stay inside the tile
    ax.set_xlim(-0.4, max(len(x) - 1, 1) + 0.4)
    finite = y[np.isfinite(y)]
    target = section.indicator.target
    seen = ([float(finite.max())] if finite.size else []) + ([float(target)] if target is not None else [])
    top = max(seen) if seen else 1.0
    ax.set_ylim(0, top * 1.15 if top > 0 else 1.0)
    ax.set_yticks([0, top])
    ax.set_yticklabels(["0", fmt_value(top, section.indicator)])
    ax.set_title("City-wide trend", fontsize=6.5, loc="left", pad=2, color="#333333")
    return int(np.isfinite(y).sum())


def draw_tile(fig: "Figure", tile: Tile) -> Drawn:
    """Map and legend (and the trend, by indicator) on ``fig``; returns what was drawn."""
    from assetmap.indicators.report_draw import HATCH, draw_map

    drawn = Drawn()
    map_box = (0.01, 0.28, 0.48, 0.71) if tile.trend else (0.01, 0.02, 0.48, 0.96)
    ax = fig.add_axes(map_box)
    handles = draw_map(ax, tile.section, breaks=tile.breaks, low=tile.low, furniture=False)
    if handles:
        ind = tile.indicator
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.49, 0.99), fontsize=6.2, frameon=False,
                   title=ind.unit_label or "value", title_fontsize=6.5, alignment="left", handlelength=1.4,
                   handleheight=1.0, borderaxespad=0.2, labelspacing=0.35)
        drawn.legend = [h.get_label() for h in handles]
    if tile.trend:
        drawn.trend_points = draw_sparkline(fig.add_axes((0.16, 0.08, 0.78, 0.14)), tile.section)
    for coll in ax.collections:
        if coll.get_hatch() == HATCH:
            drawn.hatched_parts += len(coll.get_paths())
            drawn.hatched_colours += sorted({_hex(c) for c in coll.get_facecolor()})
    drawn.texts = [t.get_text() for t in fig.findobj(lambda o: hasattr(o, "get_text") and hasattr(o, "get_fontsize"))
                   if t.get_text()]
    return drawn


def _hex(rgba) -> str:
    from matplotlib.colors import to_hex

    return to_hex(rgba)


def render_png(tile: Tile, size: tuple[int, int] = TILE_PX, dpi: float = 100.0) -> tuple[bytes, Drawn]:
    """The tile as PNG bytes of ``size`` pixels, and what it holds."""
    from assetmap.indicators.report_draw import RC, matplotlib, new_figure

    fig = new_figure((size[0] / dpi, size[1] / dpi))
    fig.set_dpi(dpi)
    with matplotlib().rc_context(RC):
        drawn = draw_tile(fig, tile)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None}, facecolor="white")
    return buf.getvalue(), drawn


def render_all(tiles: list[Tile], size: tuple[int, int] = TILE_PX, dpi: float = 100.0,
               ctx: TaskContext | None = None) -> list[tuple[bytes, Drawn]]:
    """Every tile rendered, with progress and Cancel between tiles."""
    ctx = ensure(ctx)
    out = []
    for n, tile in enumerate(tiles):
        ctx.progress(n / max(len(tiles), 1), f"Drawing {tile.title}")
        out.append(render_png(tile, size, dpi))
    ctx.progress(1.0, "Done")
    return out
