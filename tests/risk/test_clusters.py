"""LISA and bivariate LISA classes equal esda's, with every weights choice; withheld counts imputed."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from assetmap.cli import main


def _esda_weights(gdf, kind):
    from libpysal.weights import KNN, DistanceBand, Queen, Rook

    if kind == "queen":
        w = Queen.from_dataframe(gdf, use_index=False)
    elif kind == "rook":
        w = Rook.from_dataframe(gdf, use_index=False)
    else:
        utm = gdf.to_crs(gdf.estimate_utm_crs())
        pts = utm.geometry.representative_point()
        xy = np.column_stack([pts.x, pts.y])
        w = KNN(xy, k=5) if kind == "knn:5" else DistanceBand(xy, threshold=60000, binary=True)
    w.transform = "r"
    return w


def _classes(m, alpha):
    return np.where(np.asarray(m.p_sim) <= alpha, m.q, 0)


@pytest.mark.parametrize("weights", ["queen", "rook", "knn:5", "distance:60000"])
def test_lisa_equals_esda_on_sids(sids, weights):
    import esda

    assert main(["clusters", str(sids.path), "counties", "--field", "SIDR79", "--weights", weights,
                 "--permutations", "999", "--seed", "7"]) == 0
    out = sids.read_layer("counties_lisa")
    m = esda.Moran_Local(out["value"].to_numpy(float), _esda_weights(out, weights), permutations=999, seed=7)
    np.testing.assert_allclose(out["lisa_i"], m.Is, rtol=1e-10)
    np.testing.assert_allclose(out["lisa_p"], m.p_sim)
    assert (out["lisa_q"].to_numpy() == m.q).all()
    assert (out["lisa_cluster"].to_numpy() == _classes(m, 0.05)).all()
    # An independent check of the local statistic: z_i × (row-standardised lag of z), over m2.
    x = out["value"].to_numpy(float)
    z = x - x.mean()
    w = _esda_weights(out, weights)
    lag = np.array([sum(wt * z[j] for j, wt in w[i].items()) for i in range(len(z))])
    np.testing.assert_allclose(out["lisa_i"], (len(z) - 1) * z * lag / (z ** 2).sum(), rtol=1e-10)
    meta = sids.layer("counties_lisa").extra["risk"]
    assert meta["weights"] == weights and meta["seed"] == 7 and meta["permutations"] == 999


def test_bivariate_lisa_and_fdr_equal_esda(sids):
    import esda

    assert main(["clusters", str(sids.path), "counties", "--field", "NWR79", "--with", "SIDR79", "--fdr",
                 "--seed", "3"]) == 0
    out = sids.read_layer("counties_bilisa")
    w = _esda_weights(out, "queen")
    m = esda.Moran_Local_BV(out["NWR79"].to_numpy(float) if "NWR79" in out else out["value"].to_numpy(float),
                            out["value_with"].to_numpy(float), w, permutations=999, seed=3)
    np.testing.assert_allclose(out["lisa_i"], m.Is, rtol=1e-10)
    cut = esda.fdr(m.p_sim, 0.05)
    assert (out["lisa_cluster"].to_numpy() == _classes(m, cut)).all()
    meta = sids.layer("counties_bilisa").extra["risk"]
    assert meta["fdr"] and meta["cut"] == pytest.approx(cut)
    assert meta["labels"]["1"] == "High NWR79, next to high SIDR79"


def test_seed_makes_it_repeatable(sids):
    args = ["clusters", str(sids.path), "counties", "--field", "SIDR74", "--seed", "11"]
    assert main(args) == 0 and main(args + ["--name", "again"]) == 0
    a, b = sids.read_layer("counties_lisa"), sids.read_layer("again")
    np.testing.assert_array_equal(a["lisa_p"], b["lisa_p"])


def test_bad_choices_are_user_errors(sids, capsys):
    before = sids.path.read_bytes()
    for extra in (["--weights", "hexagonal"], ["--weights", "knn:0"], ["--permutations", "10"],
                  ["--field", "NAME"], ["--with", "NOPE"]):
        args = ["clusters", str(sids.path), "counties", "--field", "SIDR74"] + extra
        if extra[0] == "--field":
            args = ["clusters", str(sids.path), "counties"] + extra
        assert main(args) == 2, extra
    assert "Traceback" not in capsys.readouterr().err
    assert sids.path.read_bytes() == before


def test_clusters_on_reports_impute_withheld_and_reveal_nothing(stl_project, dv_csv, tmp_path):
    """DV counts per neighbourhood: withheld units enter at 5.5 and are flagged; the layer is the
    same whatever a withheld count truly was."""
    import esda

    from assetmap.project import Project

    def run(project, csv):
        assert main(["reports", str(project.path), str(csv), "--kind", "dv", "--areas", "neighborhoods",
                     "--replace"]) == 0
        assert main(["clusters", str(project.path), "dv_by_neighborhoods", "--field", "count", "--replace"]) == 0
        return project.read_layer("dv_by_neighborhoods_lisa"), project.read_layer("dv_by_neighborhoods")

    lisa, agg = run(stl_project, dv_csv)
    hidden = agg["suppressed"].astype(bool).to_numpy()
    assert (lisa["imputed"].to_numpy() == hidden).all() and hidden.any()
    # Office only, like Gi*: never copied into a volunteer's field package.
    from assetmap.privacy import FIELD, may_leave

    assert not may_leave(stl_project.layer("dv_by_neighborhoods_lisa"), FIELD)
    x = np.where(hidden, 5.5, agg["count"].astype("Float64").to_numpy(dtype=float, na_value=np.nan))
    m = esda.Moran_Local(x, _esda_weights(agg, "queen"), permutations=999, seed=12345)
    np.testing.assert_allclose(lisa["lisa_i"], m.Is, rtol=1e-10)
    assert (lisa["lisa_cluster"].to_numpy() == _classes(m, 0.05)).all()
    # One report fewer in a withheld neighbourhood (its count stays in 1–10): same published layer.
    df = pd.read_csv(dv_csv, low_memory=False)
    counts = df["neighborhood"].value_counts()
    target = next(int(n) for n in agg.loc[hidden, "NHD_NUM"] if 2 <= counts.get(int(n), 0) <= 10)
    fewer = tmp_path / "fewer.csv"
    df.drop(index=df.index[df["neighborhood"] == target][:1]).to_csv(fewer, index=False)
    other = tmp_path / "other.gpkg"
    other.write_bytes(stl_project.path.read_bytes())
    lisa_b, agg_b = run(Project.open(other), fewer)
    assert (agg_b["suppressed"] == agg["suppressed"]).all()
    cols = [c for c in lisa.columns if c != "geometry"]
    pd.testing.assert_frame_equal(lisa[cols], lisa_b[cols])
