"""What the dashboard dock shows, without Qt (assetmap.indicators.dashboard): the map layer, the
ranked rows and the trend carry a withheld value as text or a gap, never as a number."""

from __future__ import annotations

import json
import re

import pytest

from assetmap.indicators import compute, dashboard
from assetmap.indicators.model import indicators_or_defaults

DV = "dv_rate"


@pytest.fixture()
def table(demo):
    return compute(demo)


def test_map_frame_keeps_fids_and_hides_withheld_values(demo, table):
    from assetmap.mapview.geojson import layer_geojson

    ind = next(i for i in indicators_or_defaults(demo) if i.id == DV)
    units, id_field = dashboard.unit_layer_frame(demo, ind)
    frame = dashboard.map_frame(units, id_field, table, DV, "2018-Q3")
    assert frame.index.equals(units.index)  # a click on the map names the unit layer's fid
    exp = table[(table.indicator == DV) & (table.period == "2018-Q3") & (table.unit_id != "ALL")]
    exp = exp.set_index("unit_id")
    for fid, rec in frame.iterrows():
        e = exp.loc[rec.unit_id]
        assert bool(rec.suppressed) == bool(e.suppressed)
        if e.suppressed:
            assert rec.value != rec.value and rec.shown == "1–10 (withheld)"
        elif e.value == e.value:
            assert rec.value == pytest.approx(e.value)
    text = layer_geojson(frame)
    for f in json.loads(text)["features"]:
        if f["properties"]["suppressed"]:
            assert f["properties"]["value"] is None
    spec = dashboard.map_spec(ind, frame)
    assert spec["kind"] == "graduated" and spec["suppressedFill"] == "hatch"
    assert spec["colors"][0].lower() == "#ffffb2"  # YlOrRd: higher is worse
    labels = [e["label"] for e in spec["legend"]]
    assert "1–10 reports: suppressed" in labels and "no residents" in labels
    ind.direction = "higher_is_better"
    assert dashboard.map_spec(ind, frame)["colors"][-1].lower() != spec["colors"][-1].lower()


def test_table_rows_rank_published_values_and_show_withheld_as_text(table):
    rows = dashboard.table_rows(table, DV, "2019-Q3")
    ranked = [r for r in rows if r.rank]
    assert [int(r.rank) for r in ranked] == list(range(1, len(ranked) + 1))
    assert [r.sort_value for r in ranked] == sorted((r.sort_value for r in ranked), reverse=True)
    withheld = [r for r in rows if r.suppressed]
    assert withheld and all(r.value == "1–10 (withheld)" and r.change == "withheld" and not r.rank
                            for r in withheld)
    # No digits other than the "1–10" label in a withheld row.
    assert all(not re.search(r"\d", (r.value + r.change).replace("1–10", "")) for r in withheld)
    # A published value whose previous quarter was withheld: its change is withheld too.
    ch = table[(table.indicator == DV) & (table.period == "2019-Q2")].set_index("unit_id")
    for r in rows:
        if not r.suppressed and r.unit_id in ch.index and ch.loc[r.unit_id].suppressed:
            assert r.change == "withheld"
    by_change = dashboard.table_rows(table, DV, "2019-Q3", by="change")
    moved = [r.sort_value for r in by_change if r.rank]
    assert moved == sorted(moved, reverse=True)


def test_trend_has_gaps_for_withheld_periods(table):
    sub = table[(table.indicator == DV)]
    uid = "16"
    tr = dashboard.trend(table, DV, uid)
    assert tr.periods == sorted(set(sub.period) - {"all"})
    for p, v, s in zip(tr.periods, tr.unit, tr.unit_suppressed):
        rec = sub[(sub.unit_id == uid) & (sub.period == p)].iloc[0]
        assert s == bool(rec.suppressed)
        assert (v is None) if rec.suppressed else v == pytest.approx(rec.value)
    city = sub[sub.unit_id == "ALL"].set_index("period")
    assert tr.city == pytest.approx([city.loc[p].value for p in tr.periods])
    assert dashboard.default_period(table, DV) == "2019-Q3"


def test_value_and_change_text():
    assert dashboard.value_text(float("nan"), False) == "no residents"
    assert dashboard.value_text(3.0, True) == "1–10 (withheld)"
    assert dashboard.value_text(1234.5, False) == "1,234" or dashboard.value_text(1234.5, False) == "1,235"
    assert dashboard.change_text(0.25, False) == "+0.25"
    assert dashboard.change_text(-12.34, False) == "-12.3"
    assert dashboard.change_text(1.0, True) == "withheld"
