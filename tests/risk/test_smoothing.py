"""Smoothed rates equal esda's (and an independent formula), on NC SIDS and on St. Louis."""

from __future__ import annotations

import numpy as np
import pytest

from assetmap.cli import main


def marshall_eb(e, b):
    """Global empirical Bayes (Marshall 1991), written out independently of esda."""
    e, b = np.asarray(e, float), np.asarray(b, float)
    r = e.sum() / b.sum()
    rates = e / b
    s2 = (b * (rates - r) ** 2).sum() / b.sum() - r / b.mean()
    w = s2 / (s2 + r / b)
    return w * rates + (1 - w) * r


def test_eb_equals_esda_and_marshall_on_sids(sids_gdf):
    from esda.smoothing import Empirical_Bayes, Excess_Risk

    from assetmap.risk.smoothing import smoothed_rates

    for e, b in (("SID74", "BIR74"), ("SID79", "BIR79")):
        r = smoothed_rates(sids_gdf[e], sids_gdf[b], smooth="eb")
        np.testing.assert_allclose(r.smoothed, Empirical_Bayes(sids_gdf[e], sids_gdf[b]).r.ravel() * 1000, rtol=1e-12)
        np.testing.assert_allclose(r.smoothed, marshall_eb(sids_gdf[e], sids_gdf[b]) * 1000, rtol=1e-10)
        np.testing.assert_allclose(r.raw, sids_gdf[e] / sids_gdf[b] * 1000, rtol=1e-12)
        np.testing.assert_allclose(r.excess_risk, Excess_Risk(sids_gdf[e], sids_gdf[b]).r.ravel(), rtol=1e-12)
        # Shrinkage: the smoothed rates spread less than the raw ones.
        assert np.std(r.smoothed) < np.std(r.raw)


def test_spatial_eb_equals_esda_on_sids(sids_gdf):
    from esda.smoothing import Spatial_Empirical_Bayes
    from libpysal.weights import Queen

    from assetmap.risk.smoothing import smoothed_rates

    w = Queen.from_dataframe(sids_gdf, use_index=False)
    w.id_order = list(range(len(sids_gdf)))
    expected = Spatial_Empirical_Bayes(sids_gdf.SID74.to_numpy(), sids_gdf.BIR74.to_numpy(), w).r.ravel() * 1000
    r = smoothed_rates(sids_gdf.SID74, sids_gdf.BIR74, smooth="spatial-eb", gdf=sids_gdf)
    np.testing.assert_allclose(r.smoothed, expected, rtol=1e-12)


def test_exact_poisson_interval():
    """Garwood's interval from gamma quantiles (an independent route) and the known table values."""
    from scipy import stats

    from assetmap.risk.smoothing import poisson_interval

    o = np.array([0, 1, 5, 20, 100])
    e = np.array([2.0, 1.0, 5.0, 10.0, 80.0])
    low, high = poisson_interval(o, e)
    np.testing.assert_allclose(low[1:], stats.gamma.ppf(0.025, o[1:]) / e[1:], rtol=1e-10)
    np.testing.assert_allclose(high, stats.gamma.ppf(0.975, o + 1) / e, rtol=1e-10)
    assert low[0] == 0
    # Published exact limits for 5 observed: 1.6235 – 11.6683 (e.g. Ulm 1990).
    assert low[2] * 5 == pytest.approx(1.6235, abs=1e-4) and high[2] * 5 == pytest.approx(11.6683, abs=1e-4)


def test_rates_cli_on_sids_writes_esda_values(sids, capsys):
    from esda.smoothing import Empirical_Bayes, Spatial_Empirical_Bayes
    from libpysal.weights import Queen

    assert main(["rates", str(sids.path), "counties", "--count", "SID74", "--population", "BIR74"]) == 0
    assert "counties_rates" in capsys.readouterr().out
    out = sids.read_layer("counties_rates")
    np.testing.assert_allclose(out["rate_smoothed"], Empirical_Bayes(out.SID74, out.BIR74).r.ravel() * 1000,
                               rtol=1e-12)
    info = sids.layer("counties_rates")
    assert info.extra["risk"]["smooth"] == "eb" and info.style["field"] == "rate_smoothed"
    assert main(["rates", str(sids.path), "counties", "--count", "SID74", "--population", "BIR74",
                 "--smooth", "spatial-eb", "--name", "seb"]) == 0
    seb = sids.read_layer("seb")
    w = Queen.from_dataframe(seb, use_index=False)
    w.id_order = list(range(len(seb)))
    np.testing.assert_allclose(seb["rate_smoothed"],
                               Spatial_Empirical_Bayes(seb.SID74.to_numpy(), seb.BIR74.to_numpy(), w).r.ravel()
                               * 1000, rtol=1e-12)
    expected = seb.BIR74 * seb.SID74.sum() / seb.BIR74.sum()
    np.testing.assert_allclose(seb["expected"], expected, rtol=1e-12)
    assert ((seb.er_low <= seb.excess_risk) & (seb.excess_risk <= seb.er_high)).all()


def test_rates_bad_input_is_a_user_error_and_leaves_project(sids, capsys):
    before = sids.path.read_bytes()
    assert main(["rates", str(sids.path), "counties", "--count", "NOPE", "--population", "BIR74"]) == 2
    assert main(["rates", str(sids.path), "counties", "--count", "NAME", "--population", "BIR74"]) == 2
    assert main(["rates", str(sids.path), "missing", "--count", "SID74", "--population", "BIR74"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "no count field 'NOPE'" in err
    assert sids.path.read_bytes() == before


def test_spatial_eb_where_a_neighbourhood_has_no_report():
    """esda divides 0 by 0 there (NaN); the smoothed rate is the neighbourhood's rate, 0, and the
    other units keep esda's values."""
    import geopandas as gpd
    from esda.smoothing import Spatial_Empirical_Bayes
    from libpysal.weights import Rook
    from shapely.geometry import box

    from assetmap.risk.smoothing import smoothed_rates

    cells = gpd.GeoDataFrame(geometry=[box(i, j, i + 1, j + 1) for j in range(4) for i in range(4)])
    e = np.array([0, 0, 0, 3, 0, 0, 0, 5, 0, 0, 2, 9, 1, 4, 6, 8], float)
    b = np.full(16, 100.0)
    w = Rook.from_dataframe(cells, use_index=False)
    w.id_order = list(range(16))
    with np.errstate(all="ignore"):
        ref = Spatial_Empirical_Bayes(e, b, w).r.ravel() * 1000
    assert np.isnan(ref).any()
    r = smoothed_rates(e, b, smooth="spatial-eb", weights=w)
    assert np.isfinite(r.smoothed).all()
    np.testing.assert_allclose(r.smoothed[np.isnan(ref)], 0.0)
    np.testing.assert_allclose(r.smoothed[~np.isnan(ref)], ref[~np.isnan(ref)], rtol=1e-12)
