"""`assetmap reports --smooth` on the St. Louis DOMESTIC incidents: equal to esda on the published
(imputed) counts, and no published figure lets a withheld count be worked back."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from assetmap.cli import main


def _reports(project, csv, *extra):
    return main(["reports", str(project.path), str(csv), "--kind", "dv", "--areas", "neighborhoods",
                 "--population-field", "pop17", *extra])


def _esda_on_published(layer, smooth, w=None):
    """esda on what the layer publishes: counts, withheld ones at 5.5 (the documented imputation)."""
    from esda.smoothing import Empirical_Bayes, Spatial_Empirical_Bayes

    e = layer["count"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    e = np.where(layer["suppressed"].astype(bool), 5.5, e)
    b = layer["pop17"].to_numpy(float) if "pop17" in layer else None
    return e, b, (Empirical_Bayes if smooth == "eb" else Spatial_Empirical_Bayes)


@pytest.mark.parametrize("smooth", ["eb", "spatial-eb"])
def test_smoothed_report_rates_equal_esda(stl_project, dv_csv, smooth):
    from esda.smoothing import Empirical_Bayes, Spatial_Empirical_Bayes
    from libpysal.weights import Queen

    assert _reports(stl_project, dv_csv, "--smooth", smooth) == 0
    layer = stl_project.read_layer("dv_by_neighborhoods")
    areas = stl_project.read_layer("neighborhoods").sort_values("NHD_NUM").reset_index(drop=True)
    assert (layer["NHD_NUM"].to_numpy() == areas["NHD_NUM"].to_numpy()).all()
    pop = areas["pop17"].to_numpy(float)
    hidden = layer["suppressed"].astype(bool).to_numpy()
    assert hidden.sum() >= 2  # real data: some neighbourhoods have 1–10 DV incidents
    e = np.where(hidden, 5.5, layer["count"].astype("Float64").to_numpy(dtype=float, na_value=np.nan))
    ok = pop > 0
    if smooth == "eb":
        expected = Empirical_Bayes(e[ok], pop[ok]).r.ravel() * 1000
    else:
        w = Queen.from_dataframe(areas.loc[ok], use_index=False)
        w.id_order = list(range(int(ok.sum())))
        expected = Spatial_Empirical_Bayes(e[ok], pop[ok], w).r.ravel() * 1000
    got = layer["rate_smoothed"].to_numpy(float)
    pub = ~hidden[ok]
    np.testing.assert_allclose(got[ok][pub], expected[pub], rtol=1e-12)
    # Nothing at all for withheld units or unpopulated ones.
    for col in ("rate_per_1000", "rate_smoothed", "expected", "excess_risk", "er_low", "er_high"):
        assert layer.loc[hidden | ~ok, col].isna().all(), col
    obs = layer["count"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)[ok][pub]
    np.testing.assert_allclose(layer["excess_risk"].to_numpy(float)[ok][pub],
                               obs / (pop[ok][pub] * e[ok].sum() / pop[ok].sum()), rtol=1e-12)
    info = stl_project.layer("dv_by_neighborhoods")
    assert info.style["field"] == "rate_smoothed"
    assert info.extra["reports"]["smooth"] == smooth and info.extra["reports"]["smooth_imputed_as"] == 5.5


def _with_fewer(dv_csv, tmp_path, nhd: int, drop: int):
    df = pd.read_csv(dv_csv, low_memory=False)
    rows = df.index[df["neighborhood"] == nhd][:drop]
    out = tmp_path / f"dv_minus_{nhd}_{drop}.csv"
    df.drop(index=rows).to_csv(out, index=False)
    return out


@pytest.mark.parametrize("smooth", ["eb", "spatial-eb"])
def test_withheld_count_cannot_be_worked_back(stl_project, dv_csv, tmp_path, smooth):
    """The attacker's view. (1) Inverting a unit's own published figures with its published population
    and the global rate gives nothing for a withheld unit; (2) the whole published layer is the same
    whatever the withheld count was (changed within 1–10, same suppression), so no combination of
    published figures, of any unit, can determine it."""
    from assetmap.project import Project

    assert _reports(stl_project, dv_csv, "--smooth", smooth) == 0
    a = stl_project.read_layer("dv_by_neighborhoods")
    hidden = a["suppressed"].astype(bool)
    pop = stl_project.read_layer("neighborhoods").set_index("NHD_NUM")["pop17"]
    # (1) inversion: count = excess_risk × expected, = rate × population / 1000, = smoothed inverted.
    for _, row in a.loc[hidden].iterrows():
        b = pop[row["NHD_NUM"]]
        for col in ("rate_per_1000", "rate_smoothed", "excess_risk", "expected", "er_low", "er_high"):
            assert pd.isna(row[col]), col
        assert np.isnan(row["rate_per_1000"] * b / 1000)
    # The global rate, worked back from any published unit's expected count and population, gives
    # only the imputed sum of the withheld counts (5.5 each), the same whatever they truly are.
    pub = a.loc[~hidden & a["expected"].notna()]
    rate = float((pub["expected"] / pub["NHD_NUM"].map(pop)).iloc[0])
    populated = pop[pop > 0]
    worked_back = rate * populated.sum() - pub["count"].astype(float).sum()
    n_hidden_populated = int(a.loc[hidden, "NHD_NUM"].map(pop).gt(0).sum())
    assert worked_back == pytest.approx(5.5 * n_hidden_populated, rel=1e-9)
    # (2) differential: a withheld neighbourhood with a count of 2–10 loses reports (stays in 1–10).
    true_counts = pd.read_csv(dv_csv, low_memory=False)["neighborhood"].value_counts()
    target = next(int(n) for n in a.loc[hidden, "NHD_NUM"] if 2 <= true_counts.get(int(n), 0) <= 10)
    other = tmp_path / "other.gpkg"
    other.write_bytes(stl_project.path.read_bytes())
    proj_b = Project.open(other)
    assert _reports(proj_b, _with_fewer(dv_csv, tmp_path, target, 1), "--smooth", smooth, "--replace") == 0
    b = proj_b.read_layer("dv_by_neighborhoods")
    assert (b["suppressed"] == a["suppressed"]).all()
    cols = [c for c in a.columns if c != "geometry"]
    pd.testing.assert_frame_equal(a[cols], b[cols])
    # …while the same change to a published count does change the published smoothed rates.
    pub = int(a.loc[~hidden & (a["count"] > 20), "NHD_NUM"].iloc[0])
    assert _reports(proj_b, _with_fewer(dv_csv, tmp_path, pub, 1), "--smooth", smooth, "--replace") == 0
    c = proj_b.read_layer("dv_by_neighborhoods")
    assert not np.allclose(c["rate_smoothed"].fillna(-1), a["rate_smoothed"].fillna(-1))


def test_smooth_needs_population(stl_project, dv_csv, capsys):
    before = stl_project.path.read_bytes()
    assert main(["reports", str(stl_project.path), str(dv_csv), "--kind", "dv", "--areas", "neighborhoods",
                 "--smooth", "eb"]) == 2
    assert "population" in capsys.readouterr().err
    assert stl_project.path.read_bytes() == before


def test_smooth_and_clusters_on_both_backends(stl_project, dv_csv, backend):
    """Counted in SQL on a shared project: the same smoothed rates and cluster layer as a GeoPackage."""
    from esda.smoothing import Empirical_Bayes

    t = backend.target(stl_project)
    assert main(["reports", str(t), str(dv_csv), "--kind", "dv", "--areas", "neighborhoods", "--population-field",
                 "pop17", "--smooth", "eb"]) == 0
    assert main(["clusters", str(t), "dv_by_neighborhoods", "--field", "count"]) == 0
    project = backend.open(t)
    layer = project.read_layer("dv_by_neighborhoods").sort_values("NHD_NUM").reset_index(drop=True)
    pop = stl_project.read_layer("neighborhoods").sort_values("NHD_NUM")["pop17"].to_numpy(float)
    hidden = layer["suppressed"].astype(bool).to_numpy()
    e = np.where(hidden, 5.5, layer["count"].astype("Float64").to_numpy(dtype=float, na_value=np.nan))
    ok = pop > 0
    expected = Empirical_Bayes(e[ok], pop[ok]).r.ravel() * 1000
    np.testing.assert_allclose(layer["rate_smoothed"].to_numpy(float)[ok][~hidden[ok]], expected[~hidden[ok]],
                               rtol=1e-12)
    assert layer.loc[hidden, "rate_smoothed"].isna().all()
    lisa = project.read_layer("dv_by_neighborhoods_lisa")
    assert len(lisa) == 88 and int(lisa["imputed"].sum()) == int(hidden.sum())
