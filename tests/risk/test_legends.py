"""The legends a planner reads: classes in words with their counts, the neighbours used, the test,
how withheld counts entered; smoothed rates named as such."""

from __future__ import annotations

from assetmap.cli import main


def test_lisa_legend_says_classes_weights_and_test(sids):
    from assetmap.mapview.layers import LayerCache

    assert main(["clusters", str(sids.path), "counties", "--field", "SIDR79", "--weights", "knn:6", "--fdr"]) == 0
    spec = LayerCache(sids).spec(sids.layer("counties_lisa"))
    meta = sids.layer("counties_lisa").extra["risk"]
    labels = [e["label"] for e in spec["legend"]]
    assert labels[0] == f"Hot spot: high, next to high ({meta['counts']['HH']})"
    assert labels[-1] == f"Not significant ({meta['counts']['ns']})"
    assert sum(meta["counts"].values()) == 100
    assert "the 6 nearest areas (k-nearest)" in spec["legendNote"]
    assert "999 permutations (seed 12345)" in spec["legendNote"] and "FDR" in spec["legendNote"]
    assert spec["fieldLabel"] == "" and spec["field"] == "lisa_cluster"
    assert spec["categories"]["1"] == "#D7191C"


def test_report_lisa_legend_states_the_imputation(stl_project, dv_csv):
    from assetmap.mapview.layers import LayerCache

    p = str(stl_project.path)
    assert main(["reports", p, str(dv_csv), "--kind", "dv", "--areas", "neighborhoods", "--population-field",
                 "pop17", "--smooth", "eb"]) == 0
    assert main(["clusters", p, "dv_by_neighborhoods", "--field", "count", "--weights", "rook"]) == 0
    cache = LayerCache(stl_project)
    spec = cache.spec(stl_project.layer("dv_by_neighborhoods_lisa"))
    n = int(stl_project.read_layer("dv_by_neighborhoods")["suppressed"].sum())
    assert f"{n} areas with 1–10 reports (withheld) entered as 5.5" in spec["legendNote"]
    assert "sharing an edge (rook)" in spec["legendNote"] and "Local Moran's I of DV" in spec["legendNote"]
    agg = cache.spec(stl_project.layer("dv_by_neighborhoods"))
    assert agg["field"] == "rate_smoothed"
    assert agg["fieldLabel"] == "smoothed rate per 1,000 (empirical Bayes)"
    assert "entered as 5.5" in agg["legendNote"]
    assert any(e.get("fill") == "hatch" for e in agg["legend"])


def test_rates_legend_names_the_smoothing(sids):
    from assetmap.mapview.layers import LayerCache

    assert main(["rates", str(sids.path), "counties", "--count", "SID74", "--population", "BIR74"]) == 0
    spec = LayerCache(sids).spec(sids.layer("counties_rates"))
    assert spec["fieldLabel"] == "smoothed rate per 1,000 (empirical Bayes)"
    assert "pulled towards the overall rate (2.02 per 1,000)" in spec["legendNote"]
    assert len(spec["breaks"]) == 5
