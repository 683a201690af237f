"""Gi* against a hand-written formula, FDR against scipy, no leak of suppressed values, bivariate."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from assetmap.reports import aggregate_reports
from assetmap.reports.bivariate import bivariate, palette
from assetmap.reports.hotspots import hot_in_both, hotspots
from tests.reports.conftest import oracle_counts


@pytest.fixture()
def two_layers(rproject, incidents):
    for kind, word in (("dv", "DOMESTIC"), ("maltreatment", "CHILD")):
        aggregate_reports(rproject, incidents, kind, areas="neighborhoods", filter_col="description",
                          filter_contains=word)
    return rproject


def _gi_star_oracle(gdf, x):
    """Getis-Ord Gi* z by the textbook formula; neighbours = polygons that intersect (Queen)."""
    import geopandas as gpd

    pairs = gpd.sjoin(gdf[["geometry"]], gdf[["geometry"]], predicate="intersects")
    w = np.zeros((len(gdf), len(gdf)))
    w[pairs.index.to_numpy(), pairs["index_right"].to_numpy()] = 1  # includes self
    n = len(x)
    xbar = x.mean()
    s = np.sqrt((x ** 2).mean() - xbar ** 2)
    wsum = w.sum(axis=1)
    num = w @ x - xbar * wsum
    den = s * np.sqrt((n * (w ** 2).sum(axis=1) - wsum ** 2) / (n - 1))
    return num / den


def test_gi_star_matches_formula_and_bins(two_layers):
    info = hotspots(two_layers, "dv_by_neighborhoods")
    assert info.role.value == "hotspots"
    hot = two_layers.read_layer(info.name).reset_index(drop=True)
    agg = two_layers.read_layer("dv_by_neighborhoods").reset_index(drop=True)
    assert (hot["NHD_NUM"].to_numpy() == agg["NHD_NUM"].to_numpy()).all()
    x = agg["count"].astype("Float64").fillna(5.5).to_numpy(dtype=float)
    z = _gi_star_oracle(agg, x)
    assert np.allclose(hot["gi_z"], z, atol=1e-6)
    expect = np.select([z >= 2.5758, z >= 1.95996, z >= 1.64485, z <= -2.5758, z <= -1.95996, z <= -1.64485],
                       [3, 2, 1, -3, -2, -1], 0)
    assert (hot["gi_bin"].to_numpy() == expect).all()
    assert (hot["gi_bin"] > 0).sum() >= 3
    assert hot.loc[hot.imputed, "NHD_NUM"].tolist() == agg.loc[agg.suppressed, "NHD_NUM"].tolist()


def test_fdr_matches_scipy_benjamini_hochberg(two_layers):
    from scipy import stats

    hotspots(two_layers, "maltreatment_by_neighborhoods", name="plain")
    hotspots(two_layers, "maltreatment_by_neighborhoods", fdr=True, name="fdr")
    plain, fdr = two_layers.read_layer("plain"), two_layers.read_layer("fdr")
    adjusted = stats.false_discovery_control(plain["gi_p"].to_numpy(), method="bh")
    for level, alpha in ((1, 0.10), (2, 0.05), (3, 0.01)):
        assert ((fdr["gi_bin"].abs() >= level).to_numpy() == (adjusted <= alpha)).all()
    assert (fdr["gi_bin"].abs() <= plain["gi_bin"].abs()).all()


def test_hidden_value_does_not_change_hot_spots(rproject, incidents, tmp_path):
    """Remove one report from a unit whose count is suppressed: the hot-spot layer is identical."""
    df = pd.read_csv(incidents, dtype=str, keep_default_na=False)
    dom = df[df["description"].str.contains("DOMESTIC")]
    areas = rproject.read_layer("neighborhoods")
    counts, *_ = oracle_counts(incidents, "DOMESTIC", areas)
    unit = next(u for u, n in sorted(counts.items()) if 2 <= n <= 10)
    # drop one located row of that unit (the incident file's own neighbourhood column agrees with sjoin here)
    import geopandas as gpd

    located = dom[dom["x"] != "NA"]
    pts = gpd.GeoDataFrame(located, geometry=gpd.points_from_xy(located.x.astype(float), located.y.astype(float)),
                           crs="EPSG:4326")
    poly = areas.loc[areas.NHD_NUM == unit, "geometry"].iloc[0]
    victim = pts.index[pts.within(poly)][0]
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    dom.to_csv(a, index=False)
    dom.drop(index=victim).to_csv(b, index=False)
    for f, name in ((a, "with_row"), (b, "without_row")):
        aggregate_reports(rproject, f, "dv", areas="neighborhoods", name=name)
        hotspots(rproject, name)
    ha, hb = rproject.read_layer("with_row_hotspots"), rproject.read_layer("without_row_hotspots")
    la, lb = rproject.read_layer("with_row"), rproject.read_layer("without_row")
    assert la.loc[la.NHD_NUM == unit, "suppressed"].all()
    assert la["count"].fillna(-1).equals(lb["count"].fillna(-1))
    pd.testing.assert_frame_equal(ha.drop(columns="geometry"), hb.drop(columns="geometry"))


def test_hot_in_both(two_layers):
    hotspots(two_layers, "dv_by_neighborhoods")
    hotspots(two_layers, "maltreatment_by_neighborhoods")
    hot_in_both(two_layers, "dv_by_neighborhoods_hotspots", "maltreatment_by_neighborhoods_hotspots")
    a = two_layers.read_layer("dv_by_neighborhoods_hotspots").set_index("NHD_NUM")["gi_bin"]
    b = two_layers.read_layer("maltreatment_by_neighborhoods_hotspots").set_index("NHD_NUM")["gi_bin"]
    both = two_layers.read_layer("hot_in_both").set_index("NHD_NUM")["hot_in_both"]
    expected = {u for u in a.index if a[u] > 0 and b[u] > 0}
    assert set(both[both].index) == expected and expected


def test_bivariate_classes_correlation_and_legend(two_layers, incidents):
    b = bivariate(two_layers, "dv_by_neighborhoods", "maltreatment_by_neighborhoods")
    areas = two_layers.read_layer("neighborhoods")
    dv, *_ = oracle_counts(incidents, "DOMESTIC", areas)
    ch, *_ = oracle_counts(incidents, "CHILD", areas)
    dva = two_layers.read_layer("dv_by_neighborhoods").set_index("NHD_NUM")
    cha = two_layers.read_layer("maltreatment_by_neighborhoods").set_index("NHD_NUM")
    known = [u for u in b.units if not dva.loc[u, "suppressed"] and not cha.loc[u, "suppressed"]]
    assert b.n == len(known) >= 10
    x = pd.Series([dv.get(int(u), 0) for u in known], dtype=float)
    y = pd.Series([ch.get(int(u), 0) for u in known], dtype=float)
    assert b.pearson == pytest.approx(x.corr(y))
    assert b.spearman == pytest.approx(x.corr(y, method="spearman"))
    cls = dict(zip(b.units, zip(b.class_a, b.class_b, b.colors)))
    for u in b.units:
        if u not in known:
            assert cls[u][0] is None and cls[u][2] == "#BDBDBD"
    # classes are ordered by value, and each tertile holds about a third
    va = {u: dv.get(int(u), 0) for u in known}
    for u in known:
        for v in known:
            if va[u] < va[v]:
                assert cls[u][0] <= cls[v][0]
    assert len(b.legend) == 9 and sum(item["units"] for item in b.legend) == b.n
    pal = [c for row in palette() for c in row]
    assert len(set(pal)) == 9 and {cls[u][2] for u in known} <= set(pal)

    def lum(c):
        return sum(int(c[i:i + 2], 16) for i in (1, 3, 5))

    assert lum(palette()[0][0]) == max(map(lum, pal)) and lum(palette()[2][2]) == min(map(lum, pal))
