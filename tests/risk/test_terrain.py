"""Risk terrain on the St. Louis police incidents: CHILD rows of 2017 as the outcome, other 2017
categories as public risk factors, validated on the CHILD rows of 2018."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from assetmap.cli import main
from tests.risk.conftest import STL, _need

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

FACTORS = ("AGG.ASSAULT", "ROBBERY", "ARSON")
CELL = 250.0


@pytest.fixture(scope="module")
def _terrain_template(_stl_template, tmp_path_factory):
    import shutil

    from stl_terrain_data import add_factor_layers, child_csv

    from assetmap.project import Project

    d = tmp_path_factory.mktemp("risk_terrain")
    path = d / "t.gpkg"
    shutil.copyfile(_stl_template, path)
    names = add_factor_layers(Project.open(path), _need(STL / "slmpd_part1_2017.csv"), d, FACTORS)
    train = child_csv(STL / "slmpd_part1_2017.csv", d / "child2017.csv")
    test = child_csv(_need(STL / "slmpd_part1_2018.csv"), d / "child2018.csv")
    return path, names, train, test


@pytest.fixture()
def terrain_project(_terrain_template, tmp_path):
    import shutil

    from assetmap.project import Project

    path, names, train, test = _terrain_template
    dst = tmp_path / "t.gpkg"
    shutil.copyfile(path, dst)
    return Project.open(dst), names, train, test


def _run(project, names, train, test, *extra):
    return main(["risk-terrain", str(project.path), "--areas", "neighborhoods", "--factors", ",".join(names),
                 "--train", str(train), "--test", str(test), "--cell", str(CELL), *extra])


def _points(csv):
    import geopandas as gpd
    import pandas as pd

    df = pd.read_csv(csv, low_memory=False)
    df = df[pd.to_numeric(df["x"], errors="coerce").notna()]
    return gpd.GeoDataFrame(geometry=gpd.points_from_xy(df.x.astype(float), df.y.astype(float)), crs="EPSG:4326")


def test_model_surface_and_pai_check_out_independently(terrain_project, capsys):
    import geopandas as gpd
    import statsmodels.api as sm

    project, names, train, test = terrain_project
    assert _run(project, names, train, test) == 0
    out = capsys.readouterr().out
    assert "RRV" in out and "PAI" in out and "last period's KDE hot spots" in out
    info = project.layer("risk_terrain")
    meta = info.extra["risk"]
    surface = project.read_layer("risk_terrain")
    # Nothing of the outcome per cell is stored: the id, the relative risk and the top flag only.
    assert set(surface.columns) == {"cell_id", "rel_risk", "high_risk", "geometry"}
    from assetmap.privacy import FIELD, may_leave

    assert not may_leave(info, FIELD)  # office only: never in a field package
    assert meta["table"] and all(r["rrv"] > 1 for r in meta["table"])
    # Independent: factor presence by geopandas distances, training counts by a spatial join,
    # statsmodels refitted on the selected variables gives the same coefficients.
    utm = surface.to_crs(surface.estimate_utm_crs()).reset_index(drop=True)
    centres = utm.geometry.centroid
    X = []
    for r in meta["table"]:
        assert r["kind"] == "proximity" or r["kind"] == "density"
        pts = project.read_layer(r["factor"]).to_crs(utm.crs)
        if r["kind"] == "proximity":
            near = gpd.sjoin_nearest(gpd.GeoDataFrame(geometry=centres), pts[["geometry"]], distance_col="d")
            d = near.groupby(level=0)["d"].min().reindex(range(len(utm))).to_numpy()
            X.append(d <= r["bandwidth_m"] + 1e-6)
        else:
            pytest.skip("density chosen: checked by the proximity path only")
    X = np.column_stack(X).astype(float)
    joined = gpd.sjoin(_points(train).to_crs(utm.crs), utm[["geometry"]], predicate="within")
    y = np.bincount(joined["index_right"].to_numpy(), minlength=len(utm))
    fam = meta["family"]
    model = (sm.NegativeBinomial(y, sm.add_constant(X)).fit(disp=0, maxiter=200) if fam == "negative binomial"
             else sm.GLM(y, sm.add_constant(X), family=sm.families.Poisson()).fit())
    coef = np.asarray(model.params)[1:1 + X.shape[1]]
    np.testing.assert_allclose(np.exp(coef), [r["rrv"] for r in meta["table"]], rtol=1e-3)
    np.testing.assert_allclose(surface["rel_risk"], np.round(np.exp(X @ coef), 3), atol=2e-3)
    # PAI of the stored top cells, counted again with a spatial join of the 2018 reports.
    t = gpd.sjoin(_points(test).to_crs(utm.crs), utm[["high_risk", "geometry"]], predicate="within")
    hits, total = int(t["high_risk"].sum()), len(t)
    share = float(surface["high_risk"].mean())
    v = meta["validation"]
    assert v["total"] == total and v["model_hits"] == hits
    assert v["pai_model"] == pytest.approx((hits / total) / share)
    assert v["kde_share"] == pytest.approx(share, abs=0.01) and v["pai_kde"] > 0


def test_confidential_factor_features_change_nothing(terrain_project, capsys):
    """A shelter flagged confidential in a factor layer is never a risk factor: same surface."""
    import pandas as pd

    from assetmap.layers.info import LayerInfo
    from assetmap.layers.roles import LayerRole

    project, names, train, test = terrain_project
    assert _run(project, names, train, test) == 0
    before = project.read_layer("risk_terrain")
    # Put a confidential point in a cell far from every factor, in the first factor layer.
    layer = names[0]
    gdf = project.read_layer(layer)
    gdf["confidential"] = False
    low = before.loc[before["rel_risk"].idxmin()].geometry.centroid
    extra = gdf.iloc[[0]].copy()
    extra["geometry"] = [low] * 1
    extra["confidential"] = True
    both = pd.concat([gdf, extra.to_crs(gdf.crs)], ignore_index=True)
    info = project.layer(layer)
    with project.edit() as tx:
        tx.write_layer(both, LayerInfo(name=layer, role=LayerRole.OTHER, display_name=info.display_name),
                       replace=True)
    assert _run(project, names, train, test, "--replace") == 0
    after = project.read_layer("risk_terrain")
    np.testing.assert_array_equal(before["rel_risk"], after["rel_risk"])


def test_bad_input_is_a_user_error(terrain_project, capsys, tmp_path):
    project, names, train, test = terrain_project
    before = project.path.read_bytes()
    assert main(["reports", str(project.path), str(train), "--kind", "maltreatment", "--areas",
                 "neighborhoods"]) == 0
    with_agg = project.path.read_bytes()
    for args in (["--factors", "maltreatment_by_neighborhoods"], ["--factors", "nope"],
                 ["--outcome", "description"], ["--cell", "5"], ["--bandwidths", "a,b"]):
        argv = ["risk-terrain", str(project.path), "--areas", "neighborhoods", "--factors", ",".join(names),
                "--train", str(train), "--cell", str(CELL)]
        i = argv.index(args[0]) if args[0] in argv else None
        if i is not None:
            argv[i + 1] = args[1]
        else:
            argv += args
        assert main(argv) == 2, args
    tiny = tmp_path / "tiny.csv"
    import pandas as pd

    pd.read_csv(train, low_memory=False).head(5).to_csv(tiny, index=False)
    assert main(["risk-terrain", str(project.path), "--areas", "neighborhoods", "--factors", ",".join(names),
                 "--train", str(tiny)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "can't be a risk factor" in err and "at least 30" in err
    assert project.path.read_bytes() == with_agg != before


def test_terrain_legend_names_factors_and_both_pais(terrain_project):
    from assetmap.mapview.layers import LayerCache

    project, names, train, test = terrain_project
    assert _run(project, names, train, test) == 0
    info = project.layer("risk_terrain")
    v = info.extra["risk"]["validation"]
    spec = LayerCache(project).spec(info)
    assert spec["field"] == "rel_risk" and spec["fieldLabel"].startswith("times the risk")
    top = float(project.read_layer("risk_terrain")["rel_risk"].max())
    assert spec["breaks"][:2] == [1.0, 2.0] and spec["breaks"][-1] == pytest.approx(top)
    assert spec["legend"][0]["label"] == "≤ 1"  # the cells with none of the factors
    assert "built from public layers only" in spec["legendNote"]
    assert f"PAI {v['pai_model']:.2f} (model) vs {v['pai_kde']:.2f} (last period's hot spots)" in spec["legendNote"]
    for row in info.extra["risk"]["table"]:
        assert f"{row['factor']} (×{row['rrv']:.1f})" in spec["legendNote"]


def test_small_validation_counts_are_not_stored():
    from assetmap.risk.terrain import Validation

    v = Validation(0.1, 0.12, 4, 0.12, 3, 40, 500.0)
    s = v.stored()
    assert s["model_hits"] == "1–10" and s["kde_hits"] == "1–10" and s["total"] == 40
    assert s["pai_model"] is None and s["pai_kde"] is None
    big = Validation(0.1, 0.12, 20, 0.12, 15, 40, 500.0).stored()
    assert big["model_hits"] == 20 and big["pai_model"] == (20 / 40) / 0.12


def test_closed_form_single_factor_poisson_equals_statsmodels():
    import statsmodels.api as sm

    from assetmap.risk.terrain_model import binary_poisson

    rng = np.random.default_rng(5)
    x = rng.random(2000) < 0.3
    y = rng.poisson(np.where(x, 0.4, 0.1))
    res = sm.GLM(y, sm.add_constant(x.astype(float)), family=sm.families.Poisson()).fit()
    llf, coef = binary_poisson(y, x)
    assert llf == pytest.approx(res.llf, rel=1e-10) and coef == pytest.approx(res.params[1], rel=1e-8)
