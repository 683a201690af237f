"""A new indicator from scratch (assetmap.indicators.authoring): the layers each kind can count,
a checked definition that computes as expected, and a clear UserError for each bad choice,
with nothing stored."""

from __future__ import annotations

import pytest

from assetmap.errors import UserError
from assetmap.indicators import authoring, compute
from assetmap.indicators.model import MILE_M, load_indicators

from .conftest import ASSET_AT, ASSET_CONFIDENTIAL, ASSET_TYPES, DV_LAYER, MAL_LAYER, SURVEY_AT

UNITS = "neighborhoods"


def test_layers_each_kind_can_count(demo_full):
    p = demo_full
    assert authoring.unit_layers(p) == [UNITS]
    assert set(authoring.numerator_layers(p, "report_rate", UNITS)) == {DV_LAYER, MAL_LAYER}
    assert authoring.numerator_layers(p, "report_rate", "elsewhere") == []
    assert {"assets", "hubs", "survey_visits"} <= set(authoring.numerator_layers(p, "feature_count", UNITS))
    assert DV_LAYER not in authoring.numerator_layers(p, "feature_count", UNITS)
    assert authoring.numerator_layers(p, "hub_access", UNITS) == ["hubs"]
    assert authoring.numerator_layers(p, "survey_coverage", UNITS) == ["survey_visits"]
    fields = authoring.layer_fields(p, UNITS)
    assert fields["population"] is True and fields["NHD_NAME"] is False
    assert "parenting" in authoring.services(p)


def test_a_new_report_rate_computes_like_the_default_rescaled(demo):
    ind = authoring.new_indicator(demo, name="DV calls per 100 residents", method="report_rate",
                                  unit_layer=UNITS, numerator_layer=DV_LAYER, denominator_field="population",
                                  per=100, target="0.05", taken={"dv_rate"})
    assert ind.id == "dv_calls_per_100_residents" and ind.period == "by_period"
    assert ind.numerator_field == "count" and ind.target == 0.05 and ind.unit_label == "per 100 population"
    assert ind.source.startswith("Domestic")
    df = compute(demo)
    mine = compute(demo, [ind]).set_index(["unit_id", "period"])
    dv = df[df.indicator == "dv_rate"].set_index(["unit_id", "period"]).reindex(mine.index)
    assert (mine.suppressed == dv.suppressed).all()  # suppression carries into the new indicator
    pub = ~mine.suppressed & mine.value.notna()
    assert mine[pub].value.to_numpy() == pytest.approx(dv[pub].value.to_numpy() / 10)
    assert mine[mine.suppressed].value.isna().all()


def test_a_new_count_of_assets_of_one_type(demo_full):
    p = demo_full
    ind = authoring.new_indicator(p, name="Faith assets", method="feature_count", unit_layer=UNITS,
                                  numerator_layer="assets", filter_field="type", filter_value=" faith ",
                                  direction="higher_is_better")
    assert ind.filter_value == "faith" and ind.denominator_field is None and ind.unit_label == "features"
    df = compute(p, [ind])
    units = p.read_layer(UNITS).sort_values("NHD_NUM").reset_index(drop=True)
    expect: dict[str, int] = {}
    for at, kind, conf in zip(ASSET_AT, ASSET_TYPES, ASSET_CONFIDENTIAL):
        if kind == "faith" and not conf:
            key = str(int(units.NHD_NUM.iloc[at]))
            expect[key] = expect.get(key, 0) + 1
    got = df[(df.unit_id != "ALL") & (df.value > 0)].set_index("unit_id").value.to_dict()
    assert got == expect
    assert df[df.unit_id == "ALL"].value.iloc[0] == sum(expect.values())


def test_a_new_access_share_and_survey_coverage(demo_full):
    p = demo_full
    acc = authoring.new_indicator(p, name="Near a health clinic", method="hub_access", unit_layer=UNITS,
                                  numerator_layer="hubs", denominator_field="population", per=100,
                                  service="health", within_m=2 * MILE_M, direction="higher_is_better")
    assert acc.params == {"service": "health", "within_m": pytest.approx(2 * MILE_M)}
    assert acc.unit_label == "% of residents"
    df = compute(p, [acc])
    city = df[df.unit_id == "ALL"].iloc[0]
    assert 0 < city.value < 100 and not city.suppressed
    cov = authoring.new_indicator(p, name="Visited", method="survey_coverage", unit_layer=UNITS,
                                  numerator_layer="survey_visits", denominator_field="population", per=100)
    assert cov.denominator_field is None
    visited = compute(p, [cov])
    assert (visited[visited.unit_id != "ALL"].value > 0).sum() == len(set(SURVEY_AT))


@pytest.mark.parametrize("change, words", [
    ({"name": "  "}, "no name"),
    ({"method": "guess"}, "unknown kind"),
    ({"unit_layer": DV_LAYER}, "not an areas layer"),
    ({"numerator_layer": UNITS}, "not an aggregate report layer"),
    ({"numerator_field": "rate_per_1000"}, "'count' field"),
    ({"denominator_field": "NHD_NAME"}, "not numeric"),
    ({"denominator_field": "children"}, "no field 'children'"),
    ({"per": 0}, "'per' must be a positive number"),
    ({"target": "soon"}, "target 'soon' is not a number"),
    ({"direction": "up"}, "direction must be"),
    ({"method": "feature_count", "numerator_layer": "assets", "filter_field": "type"}, "give both"),
    ({"method": "feature_count", "numerator_layer": "assets", "numerator_field": "type"}, "no numeric field"),
    ({"method": "feature_count", "numerator_layer": "assets", "filter_field": "colour", "filter_value": "red"},
     "no field 'colour'"),
    ({"method": "hub_access", "numerator_layer": "hubs", "service": "juggling"}, "choose the service"),
    ({"method": "hub_access", "numerator_layer": "hubs", "service": "health", "denominator_field": None},
     "needs a population field"),
    ({"method": "hub_access", "numerator_layer": "hubs", "service": "health", "within_m": 0}, "more than 0"),
])
def test_bad_choices_are_named_and_nothing_is_stored(demo_full, change, words):
    kw = dict(name="Test", method="report_rate", unit_layer=UNITS, numerator_layer=DV_LAYER,
              denominator_field="population")
    kw.update(change)
    with pytest.raises(UserError) as err:
        authoring.new_indicator(demo_full, **kw)
    assert words in str(err.value)
    assert load_indicators(demo_full) == []


def test_unique_ids():
    assert authoring.unique_id("Libraries per 1,000", set()) == "libraries_per_1_000"
    assert authoring.unique_id("DV rate", {"dv_rate"}) == "dv_rate_2"
    assert authoring.unique_id("2024 visits", set()) == "i_2024_visits"
    assert authoring.unique_id("!!!", set()) == "indicator"
