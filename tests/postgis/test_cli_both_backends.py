"""The CLI on both backends: what the feature CLI tests don't cover, and direct comparisons.

The feature CLI tests (tests/test_cli.py, tests/hubs, tests/territories, tests/indicators,
tests/survey, tests/reports/test_cli.py) take the ``backend`` fixture (tests/backends.py) and
run once on a GeoPackage and once on its PostGIS copy. Here: a report-to-map walk through
(reports, hexagons, hot spots, bivariate, map), `hubs add`, `new` on a URL, and the tests that
run a command on both backends and compare the two outputs.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from assetmap.cli import main
from assetmap.postgis import open_any
from assetmap.postgis.publish import publish

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "st_louis_demo.gpkg"
from tests.shared_data import STL  # noqa: E402
INCIDENTS = STL / "slmpd_part1_2017.csv"


@pytest.fixture
def cli(capsys):
    def run(*args):
        capsys.readouterr()
        code = main([str(a) for a in args])
        out = capsys.readouterr()
        return SimpleNamespace(returncode=code, stdout=out.out, stderr=out.err)
    return run


def _demo(tmp_path) -> Path:
    path = tmp_path / "demo.gpkg"
    shutil.copy(DEMO, path)
    return path


def test_new_shared_project_from_the_command_line(pg_url, cli, tmp_path):
    r = cli("new", pg_url, "--crs", "EPSG:26915", "--title", "Partnership")
    assert r.returncode == 0, r.stderr
    assert "Created the shared project postgresql://" in r.stdout
    project = open_any(pg_url)
    assert (project.crs, project.title, project.layer_names()) == ("EPSG:26915", "Partnership", [])
    assert not list(Path.cwd().glob("postgresql*")) and not list(tmp_path.iterdir())  # no stray files
    r = cli("import", pg_url, STL / "neighborhoods.geojson", "--role", "areas", "--id-field", "NHD_NUM")
    assert r.returncode == 0, r.stderr
    assert open_any(pg_url).layer("neighborhoods").feature_count == 88
    r = cli("new", pg_url)
    # An existing shared project is never overwritten; the hint names no option `new` lacks.
    assert r.returncode == 2 and "already holds a project" in r.stderr and "--replace" not in r.stderr


def test_layers_and_export_agree_between_backends(tmp_path, pg_url, cli):
    path = _demo(tmp_path)
    publish(path, pg_url)
    out = {}
    for kind, target in (("gpkg", str(path)), ("postgis", pg_url)):
        layers = json.loads(cli("layers", target, "--json").stdout)
        dst = tmp_path / f"{kind}.geojson"
        assert cli("export", target, "neighborhoods", dst).returncode == 0
        out[kind] = (layers, gpd.read_file(dst))
    assert out["postgis"][0] == out["gpkg"][0]
    a, b = out["gpkg"][1], out["postgis"][1]
    assert len(a) == len(b) == 88
    assert a.drop(columns="geometry").equals(b.drop(columns="geometry"))
    assert shapely.equals_exact(a.geometry.values, b.geometry.values, tolerance=1e-9).all()


REPORT_ARGS = ("--kind", "dv", "--areas", "neighborhoods", "--filter-col", "description",
               "--filter-contains", "DOMESTIC", "--date-col", "date_occur", "--period", "quarter", "--json")


def test_reports_aggregate_hotspots_and_map(backend, cli, tmp_path):
    t = backend.target(_demo(tmp_path))
    r = cli("reports", t, INCIDENTS, *REPORT_ARGS)
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    assert res["layer"] == "dv_by_neighborhoods" and res["units"] == 88 and res["in_units"] > 500
    assert res["suppressed"] > 0  # small counts withheld on both backends
    info = open_any(t).layer("dv_by_neighborhoods")
    assert info.role.value == "aggregate"
    assert info.extra["reports"].get("computed_in") == ("postgis" if backend.is_postgis else None)
    r = cli("reports", t, INCIDENTS, *REPORT_ARGS)
    assert r.returncode == 2 and "already has a layer" in r.stderr
    r = cli("hotspots", t, "dv_by_neighborhoods_quarterly", "--period", "2018-Q4")
    assert r.returncode == 0, r.stderr
    assert "Wrote hot-spot layer" in r.stdout
    r = cli("bivariate", t, "dv_by_neighborhoods_quarterly", "maltreatment_by_neighborhoods_quarterly",
            "--period", "2018-Q4", "--json", "--layer")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["n"] == 24  # units known (not withheld) in both, on either backend
    name = r.stderr.split("Wrote map layer '")[1].split("'")[0]
    assert open_any(t).layer(name).feature_count == 88
    assert cli("map", t, tmp_path / "map.html").returncode == 0
    assert "dv_by_neighborhoods" in (tmp_path / "map.html").read_text() or (tmp_path / "map.html").stat().st_size
    r = cli("reports", t, INCIDENTS, "--kind", "dv", "--areas", "neighborhoods", "--hex", "8", "--name", "h",
            "--filter-col", "description", "--filter-contains", "DOMESTIC", "--json")
    assert r.returncode == 0, r.stderr
    # Same H3 cells and counts on both backends (counted in memory for hexagons).
    assert {k: json.loads(r.stdout)[k] for k in ("units", "in_units", "suppressed")} == {
        "units": 266, "in_units": 833, "suppressed": 152}
    assert open_any(t).layer("h").feature_count == 266


def test_report_counts_are_the_same_on_both_backends(tmp_path, pg_url, cli):
    path = _demo(tmp_path)
    publish(path, pg_url)
    got = {}
    for kind, target in (("gpkg", str(path)), ("postgis", pg_url)):
        got[kind] = json.loads(cli("reports", target, INCIDENTS, *REPORT_ARGS).stdout)
        layer = open_any(target).read_layer("dv_by_neighborhoods")
        got[kind + "_layer"] = sorted(
            (int(u), p, None if pd.isna(c) else int(c), bool(s))
            for u, p, c, s in layer[["NHD_NUM", "period", "count", "suppressed"]].astype(object).itertuples(index=False))
    assert got["gpkg"] == got["postgis"]
    assert got["gpkg_layer"] == got["postgis_layer"]
    # The kernel density surface too (same cells, same withheld ones).
    kde = {}
    for kind, target in (("gpkg", str(path)), ("postgis", pg_url)):
        r = cli("reports", target, INCIDENTS, "--kind", "dv", "--areas", "neighborhoods", "--filter-col",
                "description", "--filter-contains", "DOMESTIC", "--kde", "--name", "dv_kde", "--json")
        assert r.returncode == 0, r.stderr
        kde[kind] = json.loads(r.stdout)
        kde[kind + "_layer"] = open_any(target).read_layer("dv_kde").drop(columns="geometry").sort_index()
    assert kde["gpkg"] == kde["postgis"] and kde["gpkg"]["cells"] > 100
    pd.testing.assert_frame_equal(kde["gpkg_layer"], kde["postgis_layer"], check_dtype=False)


def test_hubs_added_from_the_command_line(backend, cli, tmp_path):
    """`hubs add` and `hubs categories` (the rest of the hub CLI: tests/hubs, on both backends)."""
    import csv

    t = backend.target(_demo(tmp_path))
    r = cli("hubs", "add", t, "Family Center", "--lon", "-90.23", "--lat", "38.63", "--service", "parenting",
            "--phone", "314-555-0100")
    assert r.returncode == 0, r.stderr
    assert cli("hubs", "add", t, "Safe House", "--lon", "-90.21", "--lat", "38.61", "--service", "dv_advocacy",
               "--confidential").returncode == 0
    listed = cli("hubs", "list", t, "--json")
    assert listed.returncode == 0 and "Family Center" in listed.stdout and "Safe House" not in listed.stdout
    r = cli("hubs", "categories", t, "--add", "Diaper bank")
    assert r.returncode == 0, r.stderr
    assert "diaper_bank" in cli("hubs", "categories", t).stdout
    out = tmp_path / "hsds_out"
    assert cli("hubs", "export", t, out).returncode == 0
    with open(out / "services.csv", newline="", encoding="utf-8-sig") as fh:
        assert len(list(csv.DictReader(fh))) == 1  # Family Center's; the shelter's stays out
    locations = (out / "locations.csv").read_text()
    assert "Family Center" in locations and "Safe House" not in locations
    r = cli("find", t, "--at=-90.23,38.631", "--service", "parenting", "--json")
    assert [x["name"] for x in json.loads(r.stdout)["resources"]][:1] == ["Family Center"]


def test_indicator_values_are_the_same_on_both_backends(tmp_path, pg_url, cli):
    path = _demo(tmp_path)
    publish(path, pg_url)
    frames = []
    for target in (str(path), pg_url):
        out = tmp_path / f"{len(frames)}.csv"
        assert cli("indicators", "compute", target, out).returncode == 0
        frames.append(pd.read_csv(out))
    pd.testing.assert_frame_equal(frames[0], frames[1])
