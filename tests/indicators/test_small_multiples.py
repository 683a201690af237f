"""Small multiples of the dashboard, without Qt (assetmap.indicators.small_multiples): one tile
per indicator or per period, drawn with the report's choropleth; withheld units are hatched,
never a number. Checked on what the matplotlib figure holds, not on pixels."""

from __future__ import annotations

import math
import re

import pytest

from assetmap.indicators import compute
from assetmap.indicators import small_multiples as sm
from assetmap.indicators.model import indicators_or_defaults
from assetmap.indicators.report_draw import class_colours

DV = "dv_rate"


def _paths(units, mask) -> int:
    """The masked units with a shape: geopandas draws each (multi)polygon as one path."""
    return int((~units[mask].geometry.is_empty).sum())


def test_one_tile_per_indicator_with_title_period_and_trend(demo_full):
    inds = indicators_or_defaults(demo_full)
    df = compute(demo_full, inds)
    tiles = sm.by_indicator(demo_full, df, inds, "2019-Q3")
    assert [t.key for t in tiles] == [i.id for i in inds] and len(tiles) >= 5
    assert [t.title for t in tiles] == [i.name for i in inds]
    for t in tiles:
        assert t.period == ("2019-Q3" if t.indicator.period == "by_period" else "current")
        png, drawn = sm.render_png(t)
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        units = t.section.units
        sup = units["suppressed"].to_numpy(bool)
        # Every withheld unit, and only those, is drawn white with the hatching.
        assert drawn.hatched_parts == _paths(units, sup)
        assert set(drawn.hatched_colours) <= {"#ffffff"}
        assert ("1–10 reports: suppressed" in drawn.legend) == bool(sup.any())
        assert units.loc[sup, "value"].isna().all()
        # The trend: one point per published city-wide period of a by-period indicator.
        if t.indicator.period == "by_period":
            city = df[(df.indicator == t.key) & (df.unit_id == "ALL") & ~df.period.isin(["all", "current"])]
            assert drawn.trend_points == int((~city.suppressed).sum()) == 11
            assert "City-wide trend" in drawn.texts
    dv = next(t for t in tiles if t.key == DV)
    assert dv.section.n_suppressed >= 3
    city = df[(df.indicator == DV) & (df.period == "2019-Q3") & (df.unit_id == "ALL")].iloc[0]
    assert f"{city.value:.2f}" in dv.subtitle and "2019-Q3" in dv.subtitle


def test_one_tile_per_period_shares_the_class_breaks(demo):
    inds = indicators_or_defaults(demo)
    ind = next(i for i in inds if i.id == DV)
    df = compute(demo, inds)
    tiles = sm.by_period(demo, df, ind)
    dated = sorted({p for p in df[df.indicator == DV].period} - {"all"})
    assert [t.key for t in tiles] == dated and [t.title for t in tiles] == dated
    assert all(t.breaks == tiles[0].breaks and t.low == tiles[0].low for t in tiles)
    published = df[(df.indicator == DV) & df.period.isin(dated) & (df.unit_id != "ALL") & ~df.suppressed]
    assert tiles[0].breaks[-1] == pytest.approx(published.value.max())
    legends = set()
    for t in tiles[:4]:
        _png, drawn = sm.render_png(t)
        units = t.section.units
        assert drawn.hatched_parts == _paths(units, units["suppressed"].to_numpy(bool)) > 0
        legends.add(tuple(x for x in drawn.legend if x[0].isdigit() or x.startswith(">")))
        assert drawn.trend_points == 0  # the row of maps is the trend
    assert len(legends) == 1  # the same classes on every map
    assert len(class_colours(ind.direction, len(tiles[0].breaks))) == len(tiles[0].breaks)


def test_a_withheld_city_total_reads_suppressed(demo):
    inds = indicators_or_defaults(demo)
    df = compute(demo, inds)
    city = (df.indicator == DV) & (df.period == "2019-Q3") & (df.unit_id == "ALL")
    df.loc[city, ["suppressed", "value", "numerator"]] = [True, math.nan, math.nan]
    tile = sm.by_indicator(demo, df, [i for i in inds if i.id == DV], "2019-Q3")[0]
    assert "suppressed (1–10 reports)" in tile.subtitle
    assert not re.search(r"\d", tile.subtitle.replace("2019-Q3", "").replace("1–10", ""))
    _png, drawn = sm.render_png(tile)
    assert drawn.trend_points == 10  # the withheld period is a gap, never a zero


def test_tile_period_falls_back_for_snapshots_and_missing_periods(demo_full):
    inds = indicators_or_defaults(demo_full)
    df = compute(demo_full, inds)
    dv = next(i for i in inds if i.id == DV)
    snap = next(i for i in inds if i.period == "current")
    assert sm.tile_period(df, dv, "2018-Q2") == "2018-Q2"
    assert sm.tile_period(df, dv, "all") == "all"
    assert sm.tile_period(df, dv, "1999-Q1") == "2019-Q3"
    assert sm.tile_period(df, snap, "2018-Q2") == "current"
    assert sm.periods_of(df, snap) == ["current"]


def test_render_all_reports_progress_and_cancels(demo):
    from assetmap.errors import Cancelled
    from assetmap.tasks import TaskContext

    inds = indicators_or_defaults(demo)
    df = compute(demo, inds)
    tiles = sm.by_indicator(demo, df, inds, "2019-Q3")
    seen = []
    out = sm.render_all(tiles, ctx=TaskContext(on_progress=lambda f, m: seen.append(f)))
    assert len(out) == len(tiles) and seen[-1] == 1.0
    ctx = TaskContext()
    ctx.cancel()
    with pytest.raises(Cancelled):
        sm.render_all(tiles, ctx=ctx)
