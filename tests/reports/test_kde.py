"""Kernel density surface of reports: right values, withheld where thin, never the points."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from assetmap.errors import UserError
from assetmap.reports.kde import density_reports

DV = dict(filter_col="description", filter_contains="DOMESTIC")
UTM = "EPSG:32615"  # St. Louis: what the grid is laid out in for a lon/lat project


def _points_in_areas(incidents, rproject):
    """Independent: pandas + geopandas sjoin, the 2017 DOMESTIC rows inside the neighbourhoods, in UTM."""
    import geopandas as gpd

    df = pd.read_csv(incidents, low_memory=False)
    df = df[df["description"].astype(str).str.contains("DOMESTIC", regex=False)].dropna(subset=["x", "y"])
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(df.x, df.y), crs="EPSG:4326")
    areas = rproject.read_layer("neighborhoods")[["geometry"]]
    inside = gpd.sjoin(pts, areas, predicate="intersects")
    pts = pts.loc[~pts.index.duplicated()].loc[inside.index.unique()].to_crs(UTM)
    return np.c_[pts.geometry.x, pts.geometry.y]


def _centres(cell_ids, size):
    rc = cell_ids.str.extract(r"r(-?\d+)c(-?\d+)").astype(int)
    return np.c_[(rc[1].to_numpy() + 0.5) * size, (rc[0].to_numpy() + 0.5) * size]


def _brute(centres, pts, kernel, h):
    from scipy.spatial.distance import cdist
    from scipy.stats import multivariate_normal

    d = cdist(centres, pts)
    if kernel == "quartic":
        k = np.where(d < h, 3 / (np.pi * h * h) * (1 - (d / h) ** 2) ** 2, 0.0)
        return k.sum(axis=1) * 1e6, (d < h).sum(axis=1)
    # Gaussian from scipy's own normal pdf, cut at 3 sigma as the surface is.
    pdf = multivariate_normal(mean=[0, 0], cov=np.eye(2) * h * h)
    k = np.zeros_like(d)
    for i, c in enumerate(centres):
        k[i] = pdf.pdf(pts - c)
    return np.where(d <= 3 * h, k, 0).sum(axis=1) * 1e6, (d <= 3 * h).sum(axis=1), k.sum(axis=1) * 1e6


def _sig2(v):
    return np.array([float(f"{x:.2g}") for x in v])


def test_quartic_density_matches_brute_force_and_thin_cells_are_withheld(rproject, incidents):
    r = density_reports(rproject, incidents, "dv", areas="neighborhoods", bandwidth_m=500, **DV)
    assert r.layer == "dv_by_kde500m" and r.cell_m == 250 and r.kernel == "quartic"
    layer = rproject.read_layer(r.layer)
    assert set(layer.columns) == {"cell_id", "density", "suppressed", "geometry"}
    assert layer["cell_id"].is_unique and len(layer) == r.cells > 1000
    pts = _points_in_areas(incidents, rproject)
    assert len(pts) == r.in_units
    want, support = _brute(_centres(layer["cell_id"], 250), pts, "quartic", 500)
    withheld = layer["suppressed"].to_numpy(bool)
    # Every cell with 1..10 reports within the bandwidth is withheld (NULL); no other here.
    thin = (support >= 1) & (support <= 10)
    assert thin.sum() > 100 and (withheld == thin).all()
    assert layer.loc[withheld, "density"].isna().all()
    shown = layer.loc[~withheld, "density"].to_numpy(float)
    assert np.isfinite(shown).all() and (shown[support[~withheld] == 0] == 0).all()
    assert (shown > 0).sum() > 100
    # Same numbers as the independent sum, rounded to 2 significant digits.
    np.testing.assert_allclose(shown, _sig2(want[~withheld]), rtol=1e-12)
    assert (shown == _sig2(shown)).all()
    # The surface integrates to the reports it is made of (cells cover the areas, edges lose a little).
    total = np.nansum(want) * 0.25 ** 2
    assert 0.85 * r.in_units < total <= r.in_units * 1.0001


def test_gaussian_density_matches_scipy_normal_pdf(rproject, incidents):
    r = density_reports(rproject, incidents, "dv", areas="neighborhoods", bandwidth_m=400, kernel="gaussian",
                        cell_m=400, name="dv_gauss", **DV)
    layer = rproject.read_layer("dv_gauss")
    pts = _points_in_areas(incidents, rproject)
    want, support, untruncated = _brute(_centres(layer["cell_id"], 400), pts, "gaussian", 400)
    withheld = layer["suppressed"].to_numpy(bool)
    assert (withheld == ((support >= 1) & (support <= 10))).all()
    shown = layer.loc[~withheld, "density"].to_numpy(float)
    np.testing.assert_allclose(shown, _sig2(want[~withheld]), rtol=1e-12)
    # The cut at 3 sigma changes no cell by more than ~1 % of the peak.
    assert np.abs(untruncated - want).max() < 0.012 * want.max()
    assert r.bandwidth_m == 400 and rproject.layer("dv_gauss").extra["reports"]["kernel"] == "gaussian"


def test_periods_withheld_values_cannot_be_recovered_from_all(rproject, incidents):
    r = density_reports(rproject, incidents, "dv", areas="neighborhoods", bandwidth_m=1500,
                        date_col="date_occur", period="quarter", **DV)
    layer = rproject.read_layer(r.layer)
    assert r.periods == ["2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4"] and r.layer == "dv_by_kde1500m"
    assert set(layer["period"]) == set(r.periods) | {"all"}
    per_cell = layer.groupby("cell_id")["suppressed"].sum()
    # 'all' = sum of the quarters: a cell never has exactly one withheld value among its five.
    assert (per_cell != 1).all() and (per_cell >= 2).any() and (per_cell == 0).any()
    # Unwithheld rows add up (within rounding) to the 'all' row.
    wide = layer.pivot(index="cell_id", columns="period", values="density")
    ok = wide.notna().all(axis=1) & (wide["all"] > 0)
    assert ok.sum() > 20 and r.complementary > 0
    summed = wide.loc[ok, r.periods].sum(axis=1)
    np.testing.assert_allclose(summed, wide.loc[ok, "all"], rtol=0.1)


def test_small_bandwidth_refused_and_nothing_stored(rproject, incidents):
    before = rproject.path.read_bytes()
    with pytest.raises(UserError) as e:
        density_reports(rproject, incidents, "dv", areas="neighborhoods", bandwidth_m=299, **DV)
    assert "single report" in str(e.value) and "300 m or more" in e.value.hint
    assert rproject.path.read_bytes() == before
    with pytest.raises(UserError):
        density_reports(rproject, incidents, "dv", areas="neighborhoods", bandwidth_m=500, cell_m=5, **DV)
    with pytest.raises(UserError):
        density_reports(rproject, incidents, "dv", areas="neighborhoods", kernel="box", **DV)
    assert rproject.path.read_bytes() == before


def test_cli_kde_refusals_and_json(rproject, incidents, capsys, backend):
    import json

    from assetmap.cli import main

    t = backend.target(rproject)
    before = backend.state(t)
    base = ["reports", t, str(incidents), "--kind", "dv", "--areas", "neighborhoods",
            "--filter-col", "description", "--filter-contains", "DOMESTIC"]
    assert main(base + ["--kde", "100"]) == 2
    err = capsys.readouterr().err
    assert "too small" in err and "300 m" in err
    assert main(base + ["--kde", "--hex", "8"]) == 2
    assert "--hex does not apply" in capsys.readouterr().err
    assert main(base + ["--kde-cell", "200"]) == 2
    assert "Add --kde" in capsys.readouterr().err
    assert backend.state(t) == before
    assert main(base + ["--kde", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["layer"] == "dv_by_kde500m" and out["bandwidth_m"] == 500 and out["withheld"] > 0
    assert backend.open(t).layer_names() == ["dv_by_kde500m", "neighborhoods"]


def test_density_layer_refused_by_hotspots(rproject, incidents):
    from assetmap.reports.hotspots import hotspots

    density_reports(rproject, incidents, "dv", areas="neighborhoods", **DV)
    with pytest.raises(UserError, match="kernel density"):
        hotspots(rproject, "dv_by_kde500m")


def test_density_map_spec_graduated_with_hatched_withheld_legend(rproject, incidents):
    from assetmap.layers.style import COLOUR_BLIND_SAFE
    from assetmap.mapview.layers import LayerCache

    density_reports(rproject, incidents, "dv", areas="neighborhoods", **DV)
    info = rproject.layer("dv_by_kde500m")
    spec = LayerCache(rproject).spec(info)
    assert spec["kind"] == "graduated" and spec["field"] == "density"
    assert info.style["ramp"] in COLOUR_BLIND_SAFE
    assert len(spec["breaks"]) >= 3 and spec["suppressedFill"] == "hatch"
    assert spec["legend"][-1]["fill"] == "hatch" and "withheld" in spec["legend"][-1]["label"]
    assert spec["aggregate"]["countField"] == "density" and spec["aggregate"]["asStored"]
    assert spec["aggregate"]["countLabel"] == "Reports per km²"


def test_no_input_coordinate_on_disk_after_density(rproject, incidents, tmp_path, monkeypatch, capsys, backend):
    import tempfile
    import time

    from assetmap.cli import main
    from tests.reports.test_privacy import _needles, _scan

    t = backend.target(rproject)
    started = time.time()
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmpdir))
    monkeypatch.setattr(tempfile, "tempdir", str(tmpdir))
    base = ["reports", t, str(incidents), "--kind", "dv", "--areas", "neighborhoods",
            "--filter-col", "description", "--filter-contains", "DOMESTIC"]
    assert main(base + ["--kde"]) == 0
    assert main(base + ["--kde", "1500", "--kde-kernel", "gaussian", "--date-col", "date_occur",
                        "--period", "quarter"]) == 0
    out = capsys.readouterr()
    project = backend.open(t)
    assert project.has_layer("dv_by_kde500m") and project.has_layer("dv_by_kde1500m")
    text, packed = _needles(incidents, "DOMESTIC")
    assert len(text) > 500 and len(packed) > 500
    files = [p for p in rproject.path.parent.rglob("*") if p.is_file()]
    files += [p for p in tmpdir.rglob("*") if p.is_file()] + backend.server_files(since=started)
    assert rproject.path in files
    assert _scan(files, text | packed) == []
    assert [n for n in text if n in (out.out + out.err).encode()] == []
    meta = repr([i.to_dict() for i in project.layers()]).encode()
    assert [n for n in text if n in meta] == []


def test_all_25k_rows_fast_and_exact_on_sampled_cells(rproject, incidents):
    import time

    import geopandas as gpd

    from assetmap.reports.kde import Grid, density_grid, make_grid

    df = pd.read_csv(incidents, low_memory=False).dropna(subset=["x", "y"])
    pts = gpd.GeoSeries(gpd.points_from_xy(df.x, df.y), crs="EPSG:4326").to_crs(UTM)
    x, y = pts.x.to_numpy(), pts.y.to_numpy()
    assert len(x) > 25_000
    area = rproject.read_layer("neighborhoods").to_crs(UTM).union_all()
    grid = make_grid(area, 250)
    t = time.perf_counter()
    dens, support = density_grid(x, y, np.zeros(len(x), int), 1, grid, "quartic", 500)
    assert time.perf_counter() - t < 1.0  # vectorised: ~20 ms here
    pick = np.random.default_rng(3).choice(len(grid.rows), 40, replace=False)
    sub = Grid(grid.size, grid.rows[pick], grid.cols[pick], grid.row0, grid.col0, grid.n_rows, grid.n_cols)
    want, n = _brute(np.c_[sub.centres()], np.c_[x, y], "quartic", 500)
    np.testing.assert_allclose(dens[pick, 0], want, rtol=1e-9, atol=1e-9)
    assert (support[pick, 0] == n).all()
