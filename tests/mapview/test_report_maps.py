"""Map specs of report layers (Qt-free), on real St. Louis DOMESTIC / CHILD incidents:
one period at a time with breaks fixed over all periods, hot-spot bins, the bivariate overlay."""

from __future__ import annotations

import pytest

from assetmap.commands import CommandStack
from assetmap.mapview.layers import LayerCache
from assetmap.mapview.periods import SetPeriod, period_layers, slider_steps
from assetmap.mapview.report_styles import (ALL, HOTSPOT_COLORS, current_period, period_steps,
                                            visible_rows)
from assetmap.reports import aggregate_reports
from tests.reports.conftest import INCIDENTS, _template, rproject  # noqa: F401 (fixtures)


@pytest.fixture()
def quarters(rproject):
    if not INCIDENTS.exists():
        pytest.fail(f"shared data not found at {INCIDENTS}")
    for kind, word in (("dv", "DOMESTIC"), ("maltreatment", "CHILD")):
        aggregate_reports(rproject, INCIDENTS, kind, areas="neighborhoods", filter_col="description",
                          filter_contains=word, date_col="date_occur", period="quarter",
                          population_field="pop17")
    return rproject


def test_period_spec_shows_one_period_with_breaks_over_all_periods(quarters):
    from assetmap.mapview.classify import classify
    from assetmap.mapview.report_styles import aggregate_spec

    info = quarters.layer("dv_by_neighborhoods")
    assert period_steps(info) == ["2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4", ALL]
    assert current_period(info) == ALL  # nothing chosen yet: the totals
    frame = LayerCache(quarters).frame(info.name)
    q1 = aggregate_spec(info, frame, quarters, period="2017-Q1")
    q3 = aggregate_spec(info, frame, quarters, period="2017-Q3")
    total = aggregate_spec(info, frame, quarters, period=ALL)
    assert q1["period"] == "2017-Q1" and q1["periodField"] == "period" and q3["period"] == "2017-Q3"
    # Comparable periods: the same breaks, from every period's published rates together.
    assert q1["breaks"] == q3["breaks"]
    per = frame.loc[frame.period != ALL, "rate_per_1000"].dropna()
    assert q1["breaks"] == classify(per.tolist(), "natural_breaks", 5)
    assert q1["breaks"][-1] == pytest.approx(per.max())
    # The totals are on their own scale.
    assert total["breaks"][-1] == pytest.approx(frame.loc[frame.period == ALL, "rate_per_1000"].max())
    assert total["breaks"] != q1["breaks"]
    # What the popup needs; the suppressed label, never a number for withheld units.
    agg = q1["aggregate"]
    assert agg["unitField"] == "NHD_NUM" and agg["nameField"] == "NHD_NAME"
    assert agg["periods"] == ["2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4"]
    assert agg["rateField"] == "rate_per_1000" and agg["suppressedLabel"] == "1–10"
    assert "1–10" in [e["label"] for e in q1["legend"]]


def test_set_period_is_undoable_and_drives_spec_and_export_rows(quarters):
    cache = LayerCache(quarters)
    names = period_layers(quarters)
    assert set(names) == {"dv_by_neighborhoods", "maltreatment_by_neighborhoods"}
    assert slider_steps(quarters, names) == ["2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4", ALL]
    from assetmap.session import LayerChanged

    stack, seen = CommandStack(), []
    stack.hub.subscribe(LayerChanged, lambda e: seen.append(((e.name,), "info")))
    stack.push(SetPeriod(quarters, names, "2017-Q2"))
    stack.push(SetPeriod(quarters, names, "2017-Q3"), merge=True)  # a drag: one undo step
    info = quarters.layer("dv_by_neighborhoods")
    assert current_period(info) == "2017-Q3"
    assert cache.spec(info)["period"] == "2017-Q3"
    rows = visible_rows(info, cache.frame(info.name))
    assert len(rows) == 88 and set(rows.period) == {"2017-Q3"}
    assert seen and seen[0][1] == "info"
    stack.undo()
    assert current_period(quarters.layer("dv_by_neighborhoods")) == ALL
    assert current_period(quarters.layer("maltreatment_by_neighborhoods")) == ALL
    stack.redo()
    assert current_period(quarters.layer("maltreatment_by_neighborhoods")) == "2017-Q3"


def test_set_period_rejects_unknown_period(quarters):
    from assetmap.errors import UserError

    with pytest.raises(UserError, match="2016-Q1"):
        SetPeriod(quarters, ["dv_by_neighborhoods"], "2016-Q1")


def test_hotspot_layer_gets_conventional_bins(quarters):
    from assetmap.reports.hotspots import hot_in_both, hotspots

    a = hotspots(quarters, "dv_by_neighborhoods", period="2017-Q3")
    b = hotspots(quarters, "maltreatment_by_neighborhoods", period="2017-Q3")
    cache = LayerCache(quarters)
    spec = cache.spec(quarters.layer(a.name))
    assert spec["kind"] == "categorized" and spec["field"] == "gi_bin"
    labels = [e["label"] for e in spec["legend"]]
    assert labels == ["Hot spot, 99 % confidence", "Hot spot, 95 % confidence", "Hot spot, 90 % confidence",
                      "Not significant", "Cold spot, 90 % confidence", "Cold spot, 95 % confidence",
                      "Cold spot, 99 % confidence"]
    assert spec["categories"]["3"] == HOTSPOT_COLORS[3] and spec["categories"]["0"] == "#D9D9D9"
    assert "2017-Q3" in spec["legendNote"]
    # Every unit's bin has a colour (the export computes colours the same way).
    frame = cache.frame(a.name)
    assert all(str(v) in spec["categories"] for v in frame["gi_bin"])
    both = hot_in_both(quarters, a.name, b.name)
    spec2 = cache.spec(quarters.layer(both.name))
    assert spec2["field"] == "hot_in_both"
    vals = cache.frame(both.name)["hot_in_both"]
    assert {spec2["categories"][str(v)] for v in vals if v} <= {"#B2182B"}


def test_bivariate_layer_classes_legend_and_hatching(quarters):
    from assetmap.reports.bivariate import bivariate, palette
    from assetmap.reports.bivariate_layer import write_bivariate

    info = write_bivariate(quarters, "dv_by_neighborhoods", "maltreatment_by_neighborhoods")
    assert info.name == "dv_x_maltreatment_by_neighborhoods"
    ref = bivariate(quarters, "dv_by_neighborhoods", "maltreatment_by_neighborhoods")
    assert ref.n > 10 and ref.pearson is not None
    cache = LayerCache(quarters)
    info = quarters.layer(info.name)
    frame = cache.frame(info.name)
    spec = cache.spec(info)
    pal = palette()
    by_unit = {u: (None if c != c else c) for u, c in zip(frame["NHD_NUM"], frame["bi_class"])}
    for u, ca, cb in zip(ref.units, ref.class_a, ref.class_b):
        assert by_unit[u] == (None if ca is None else f"{ca}-{cb}")
        if ca is not None:
            assert spec["categories"][by_unit[u]] == pal[ca][cb]
    # Withheld in either layer: no class, flagged suppressed (hatched), never a value of its own.
    sup = frame[frame.suppressed]
    assert len(sup) and sup["bi_class"].isna().all()
    assert spec["suppressedLabel"] == "1–10" and spec["legend"][0]["fill"] == "hatch"
    leg = spec["bivariate"]
    assert leg["rows"][0][2] == pal[2][2] and leg["rows"][2][0] == pal[0][0]  # top-right high/high
    assert leg["x"] == quarters.layer("dv_by_neighborhoods").display_name
    assert f"n = {ref.n}" in leg["stats"] and f"{ref.pearson:.2f}" in leg["stats"]
    assert f"{ref.spearman:.2f}" in leg["stats"] and leg["period"] == "All periods (total)"


def test_bivariate_add_layer_command_undo(quarters):
    from assetmap.errors import UserError
    from assetmap.layer_commands import AddLayer
    from assetmap.reports.bivariate_layer import bivariate_layer

    gdf, info = bivariate_layer(quarters, "dv_by_neighborhoods", "maltreatment_by_neighborhoods")
    stack = CommandStack()
    stack.push(AddLayer(quarters, gdf, info))
    assert quarters.layer(info.name).extra["bivariate"]["period"] == ALL
    with pytest.raises(UserError):
        AddLayer(quarters, gdf, info)
    stack.undo()
    assert not quarters.has_layer(info.name)
    stack.redo()
    assert quarters.read_layer(info.name)["bi_class"].notna().sum() == info.extra["bivariate"]["n"]
    with pytest.raises(UserError, match="two different"):
        bivariate_layer(quarters, "dv_by_neighborhoods", "dv_by_neighborhoods")


def test_cli_bivariate_writes_drawable_layer(quarters, capsys, backend):
    """On a GeoPackage and on the same project published to PostGIS."""
    from assetmap.cli import main

    target = backend.target(quarters)
    assert main(["bivariate", target, "dv_by_neighborhoods", "maltreatment_by_neighborhoods",
                 "--layer"]) == 0
    out = capsys.readouterr().out
    shared = backend.open(target)
    assert "Wrote map layer 'dv_x_maltreatment_by_neighborhoods'" in out
    info = shared.layer("dv_x_maltreatment_by_neighborhoods")
    assert LayerCache(shared).spec(info)["bivariate"]["stats"].startswith("Pearson r = ")
    assert main(["bivariate", target, "dv_by_neighborhoods", "maltreatment_by_neighborhoods",
                 "--layer", "overlay", "--period", "2017-Q2"]) == 0
    assert shared.layer("overlay").extra["bivariate"]["period"] == "2017-Q2"
    # Same name again without --replace: a clear error, nothing changed.
    assert main(["bivariate", target, "dv_by_neighborhoods", "maltreatment_by_neighborhoods",
                 "--layer", "overlay"]) == 2
    assert "already has a layer named 'overlay'" in capsys.readouterr().err
    assert shared.layer("overlay").extra["bivariate"]["period"] == "2017-Q2"


def test_aggregate_without_periods_gets_popup_block_but_no_period(rproject):
    from assetmap.mapview.report_styles import special_spec

    aggregate_reports(rproject, INCIDENTS, "dv", areas="neighborhoods", filter_col="description",
                      filter_contains="DOMESTIC")
    info = rproject.layer("dv_by_neighborhoods")
    spec = special_spec(info, LayerCache(rproject).frame(info.name), rproject)
    assert "periodField" not in spec and spec["kind"] == "graduated"
    assert spec["aggregate"]["periods"] == [] and spec["aggregate"]["unitField"] == "NHD_NUM"
    assert spec["suppressedLabel"] == "1–10"
