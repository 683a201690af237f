"""Indicators on the demo match an independent computation; suppression carries into rates."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tests.indicators.conftest import (ASSET_AT, ASSET_CONFIDENTIAL, ASSET_TYPES, CARONDELET_PARK, DV_LAYER,
                                       MAL_LAYER, SLU, SURVEY_AT, TOWER_GROVE, copy_project)


def _population(project):
    import geopandas as gpd

    nh = gpd.read_file(project.path, layer="neighborhoods")
    return nh.set_index("NHD_NUM")["population"].astype(float).to_dict(), nh


def test_defaults_on_demo_name_their_denominator(demo):
    from assetmap.indicators import default_indicators

    inds = {i.id: i for i in default_indicators(demo)}
    assert set(inds) == {"maltreatment_rate", "dv_rate"}
    mal = inds["maltreatment_rate"]
    # No children-population field in the demo: the name says the rate is over all residents.
    assert "residents" in mal.name and "children" not in mal.name.split("(")[0]
    assert mal.numerator_layer == MAL_LAYER and mal.denominator_field == "population" and mal.per == 1000
    assert inds["dv_rate"].numerator_layer == DV_LAYER
    assert inds["dv_rate"].direction == "higher_is_worse"


def test_defaults_use_a_children_field_when_there_is_one(demo, tmp_path):
    from assetmap.indicators import default_indicators

    p = copy_project(demo, tmp_path)
    gdf = p.read_layer("neighborhoods")
    gdf["children"] = (gdf["population"].astype(float) * 0.2).round()
    info = p.layer("neighborhoods")
    p.write_layer(gdf, info, replace=True)
    mal = {i.id: i for i in default_indicators(p)}["maltreatment_rate"]
    assert mal.denominator_field == "children" and mal.name.endswith("per 1,000 children")


def test_report_rates_match_an_independent_count_from_the_police_files(demo, independent_counts):
    """Published counts equal a geopandas count of the raw rows; rates = count / population * 1000."""
    from assetmap.indicators import compute, default_indicators

    df = compute(demo, default_indicators(demo))
    pop, _ = _population(demo)
    for ind, word in (("dv_rate", "DOMESTIC"), ("maltreatment_rate", "CHILD")):
        counts = independent_counts[word]
        rows = df[(df["indicator"] == ind) & (df["unit_id"] != "ALL") & (df["period"] != "all")]
        published = rows[~rows["suppressed"]]
        assert len(published) > 300  # zeros and a few real counts per quarter
        nonzero = published[published["numerator"] > 0]
        assert len(nonzero) >= 2  # most non-zero quarterly counts are 1–10, hence withheld
        for r in nonzero.itertuples():
            expect = counts.get((int(r.unit_id), r.period), 0)
            assert r.numerator == expect, (ind, r.unit_name, r.period)
            assert r.value == pytest.approx(expect / pop[int(r.unit_id)] * 1000)
        for r in published[published["numerator"] == 0].head(50).itertuples():
            assert counts.get((int(r.unit_id), r.period), 0) == 0
        # City rows: every report counted in a unit in that quarter.
        city = df[(df["indicator"] == ind) & (df["unit_id"] == "ALL") & (df["period"] != "all")]
        total_pop = sum(v for v in pop.values() if v == v)
        for r in city.itertuples():
            expect = sum(v for (u, q), v in counts.items() if q == r.period)
            assert r.numerator == expect and not r.suppressed
            assert r.value == pytest.approx(expect / total_pop * 1000)


def test_all_periods_rates_for_a_few_neighbourhoods(demo, independent_counts):
    """Totals over 2017-Q1..2019-Q3 per neighbourhood, for five busy neighbourhoods by name."""
    from assetmap.indicators import compute, default_indicators

    df = compute(demo, default_indicators(demo), periods=["all"])
    pop, nh = _population(demo)
    names = nh.set_index("NHD_NAME")["NHD_NUM"].to_dict()
    counts = independent_counts["DOMESTIC"]
    for name in ("Old North St. Louis", "Carr Square", "Penrose", "Dutchtown", "Hyde Park"):
        num = names[name]
        row = df[(df["indicator"] == "dv_rate") & (df["unit_name"] == name)].iloc[0]
        expect = sum(v for (u, _), v in counts.items() if u == num)
        assert not row["suppressed"] and row["numerator"] == expect
        assert row["value"] == pytest.approx(expect / pop[num] * 1000)


def test_suppression_carries_into_every_rate(demo):
    import geopandas as gpd

    from assetmap.indicators import compute, default_indicators

    df = compute(demo, default_indicators(demo))
    for ind, layer in (("dv_rate", DV_LAYER), ("maltreatment_rate", MAL_LAYER)):
        agg = gpd.read_file(demo.path, layer=layer, ignore_geometry=True)
        withheld = agg[agg["suppressed"].astype(bool)]
        assert len(withheld) > 100
        rows = df[df["indicator"] == ind].set_index(["unit_id", "period"])
        for r in withheld.itertuples():
            got = rows.loc[(str(r.NHD_NUM), r.period)]
            assert bool(got["suppressed"]) and math.isnan(got["value"]) and math.isnan(got["numerator"])
        # ... and nothing else is suppressed.
        assert rows["suppressed"].sum() == len(withheld)


def test_city_row_uses_the_published_total_and_is_suppressed_with_it(demo, tmp_path):
    """A withheld period total makes the city row withheld: summing the published units
    instead would give a number that, with the other periods, narrows the hidden cells."""
    from assetmap.indicators import compute, default_indicators

    p = copy_project(demo, tmp_path)
    info = p.layer(DV_LAYER)
    info.extra["reports"]["period_totals"]["2018-Q2"] = None
    p.update_layer_info(info)
    df = compute(p, default_indicators(p))
    city = df[(df["indicator"] == "dv_rate") & (df["unit_id"] == "ALL")].set_index("period")
    assert city.loc["2018-Q2", "suppressed"] and math.isnan(city.loc["2018-Q2", "value"])
    assert math.isnan(city.loc["2018-Q2", "numerator"])
    assert city.loc["2018-Q3", "numerator"] == info.extra["reports"]["period_totals"]["2018-Q3"]
    # The published total is not the sum of what a reader can see.
    units = df[(df["indicator"] == "dv_rate") & (df["period"] == "2018-Q3") & (df["unit_id"] != "ALL")]
    assert units["suppressed"].any()
    assert units["numerator"].sum() < city.loc["2018-Q3", "numerator"]


def test_feature_counts_by_type_skip_confidential_assets(demo_full):
    from assetmap.indicators import compute, default_indicators

    inds = {i.id: i for i in default_indicators(demo_full)}
    # Types come from public assets only: the shelter's type is not even named.
    assert {"assets_faith_rate", "assets_youth_rate"} <= set(inds)
    assert not any("shelter" in i for i in inds)
    df = compute(demo_full, [inds["assets_faith_rate"], inds["assets_youth_rate"]])
    pop, nh = _population(demo_full)
    ids = sorted(nh["NHD_NUM"].astype(int))
    for t in ("faith", "youth"):
        expect = {}
        for at, typ, conf in zip(ASSET_AT, ASSET_TYPES, ASSET_CONFIDENTIAL):
            if typ == t and not conf:
                expect[ids[at]] = expect.get(ids[at], 0) + 1
        rows = df[(df["indicator"] == f"assets_{t}_rate") & (df["unit_id"] != "ALL")]
        got = {int(r.unit_id): r.numerator for r in rows.itertuples() if r.numerator}
        assert got == expect
        for u, n in expect.items():
            row = rows[rows["unit_id"] == str(u)].iloc[0]
            assert row["value"] == pytest.approx(n / pop[u] * 1000) and row["period"] == "current"
        city = df[(df["indicator"] == f"assets_{t}_rate") & (df["unit_id"] == "ALL")].iloc[0]
        assert city["numerator"] == sum(expect.values())


def test_survey_coverage_is_the_share_of_areas_visited(demo_full):
    from assetmap.indicators import compute, default_indicators

    ind = {i.id: i for i in default_indicators(demo_full)}["survey_coverage"]
    df = compute(demo_full, [ind])
    _, nh = _population(demo_full)
    ids = sorted(nh["NHD_NUM"].astype(int))
    visited = {str(ids[i]) for i in SURVEY_AT}
    units = df[df["unit_id"] != "ALL"]
    assert set(units.loc[units["value"] == 100, "unit_id"]) == visited
    assert (units.loc[~units["unit_id"].isin(visited), "value"] == 0).all()
    city = df[df["unit_id"] == "ALL"].iloc[0]
    assert city["value"] == pytest.approx(100 * len(visited) / len(ids))


def test_parenting_access_matches_an_independent_buffer_and_ignores_the_shelter(demo_full):
    """Share of residents within a mile of a public parenting hub: areal weighting done here
    with shapely in UTM 15N; the confidential shelter at Carondelet Park counts nowhere."""
    import geopandas as gpd
    from shapely.geometry import Point

    from assetmap.indicators import compute, default_indicators

    ind = {i.id: i for i in default_indicators(demo_full)}["parenting_access"]
    assert ind.params["service"] == "parenting"
    df = compute(demo_full, [ind])
    pop, nh = _population(demo_full)
    utm = nh.to_crs(32615)
    hubs = gpd.GeoSeries([Point(*SLU), Point(*TOWER_GROVE)], crs=4326).to_crs(32615)
    reach = hubs.buffer(1609.344, quad_segs=64).union_all()
    share = utm.geometry.intersection(reach).area / utm.geometry.area
    by_id = dict(zip(nh["NHD_NUM"].astype(int), share))
    rows = df[df["unit_id"] != "ALL"].set_index("unit_id")
    checked = 0
    for u, s in by_id.items():
        if pop[u] > 0:
            assert rows.loc[str(u), "value"] == pytest.approx(100 * s, abs=0.2)
            checked += s > 0
    assert checked >= 5
    shelter = gpd.GeoSeries([Point(*CARONDELET_PARK)], crs=4326).to_crs(32615).buffer(1609.344).iloc[0]
    near_shelter = [u for u, g in zip(nh["NHD_NUM"].astype(int), utm.geometry)
                    if g.intersects(shelter) and by_id[u] == 0 and pop[u] > 0]
    assert len(near_shelter) >= 3
    assert all(rows.loc[str(u), "value"] == 0 for u in near_shelter)
    covered = sum(pop[u] * s for u, s in by_id.items() if pop[u] == pop[u])
    total = sum(v for v in pop.values() if v == v)
    city = df[df["unit_id"] == "ALL"].iloc[0]
    assert city["value"] == pytest.approx(100 * covered / total, abs=0.1)


def test_change_since_and_ranked(demo):
    from assetmap.indicators import change_since, compute, default_indicators, ranked

    df = compute(demo, default_indicators(demo))
    ch = change_since(df, "2019Q2", to="2019-Q3")
    dv = ch[ch["indicator"] == "dv_rate"].set_index("unit_id")
    both = df[df["indicator"] == "dv_rate"].pivot(index="unit_id", columns="period", values="value")
    sup = df[df["indicator"] == "dv_rate"].pivot(index="unit_id", columns="period", values="suppressed")
    for u in both.index:
        if sup.loc[u, "2019-Q3"] or sup.loc[u, "2019-Q2"]:
            assert math.isnan(dv.loc[u, "change"]) and dv.loc[u, "suppressed"]
        elif not math.isnan(both.loc[u, "2019-Q3"] - both.loc[u, "2019-Q2"]):
            assert dv.loc[u, "change"] == pytest.approx(both.loc[u, "2019-Q3"] - both.loc[u, "2019-Q2"])
    r = ranked(df, "dv_rate", "all")
    vals = r["value"].to_numpy(dtype=float)
    known = vals[~np.isnan(vals)]
    assert (np.diff(known) <= 0).all() and np.isnan(vals[len(known):]).all()
    assert r["rank"].iloc[0] == 1 and "ALL" not in set(r["unit_id"])
    by_change = ranked(df, "dv_rate", "2019-Q3", by="change")
    c = by_change["change"].to_numpy(dtype=float)
    assert (np.diff(c[~np.isnan(c)]) <= 0).all()


def test_unknown_period_and_indicator_are_user_errors(demo):
    from assetmap.errors import UserError
    from assetmap.indicators import compute, default_indicators
    from assetmap.indicators.model import select

    with pytest.raises(UserError, match="2016-Q1"):
        compute(demo, default_indicators(demo), periods=["2016Q1"])
    with pytest.raises(UserError, match="nope"):
        select(default_indicators(demo), ["nope"])


def test_a_point_on_a_shared_border_counts_once_for_the_smallest_id(demo, tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point

    from assetmap.indicators import Indicator, compute
    from assetmap.layers import LayerInfo, LayerRole

    p = copy_project(demo, tmp_path)
    nh = p.read_layer("neighborhoods")
    by_id = dict(zip(nh["NHD_NUM"].astype(int), nh.geometry))
    import shapely

    def vertices(g):
        return {tuple(c) for c in shapely.get_coordinates(g)}

    # A vertex two neighbours share, ids of different digit counts (text order would pick 10 over 9).
    a, b, xy = next((i, j, sorted(vertices(by_id[i]) & vertices(by_id[j]))[0])
                    for i in sorted(by_id) if i < 10 for j in sorted(by_id)
                    if j >= 10 and str(j) < str(i) and vertices(by_id[i]) & vertices(by_id[j]))
    pt = Point(*xy)
    assert by_id[a].intersects(pt) and by_id[b].intersects(pt)
    p.write_layer(gpd.GeoDataFrame({"type": ["faith"]}, geometry=[Point(pt.x, pt.y)], crs=nh.crs),
                  LayerInfo("assets", LayerRole.ASSETS, "Assets"))
    ind = Indicator("a", "A", "neighborhoods", "assets", method="feature_count", period="current")
    df = compute(p, [ind])
    got = df[(df["unit_id"] != "ALL") & (df["numerator"] > 0)]
    assert list(got["unit_id"]) == [str(a)] and got["numerator"].iloc[0] == 1
    assert df.loc[df["unit_id"] == "ALL", "numerator"].iloc[0] == 1
