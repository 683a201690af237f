"""The CLI on both backends: each test runs once on a GeoPackage and once on its PostGIS copy.

``on(path)`` gives the target a command takes: the .gpkg itself, or (PostGIS case) the
``postgresql://`` URL of a fresh schema the GeoPackage was just published to. The same
assertions hold on both; a few tests also compare the two outputs directly. What still
needs a GeoPackage (hexagon counts) must say so clearly (exit 2, no traceback).
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
from assetmap.project import Project
from tests.survey.storage_forms import point_in

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "st_louis_demo.gpkg"
STL = Path(__file__).resolve().parents[3] / "shared" / "data" / "stl"
INCIDENTS = STL / "slmpd_part1_2017.csv"


@pytest.fixture(params=["gpkg", "postgis"])
def on(request):
    url = request.getfixturevalue("pg_url") if request.param == "postgis" else None

    def target(path) -> str:
        if url is None:
            return str(path)
        publish(path, url)
        return url

    target.kind = request.param
    return target


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


def test_new_import_layers_export(on, cli, tmp_path):
    p = tmp_path / "city.gpkg"
    assert cli("new", p, "--crs", "EPSG:26915").returncode == 0
    t = on(p)
    r = cli("import", t, STL / "neighborhoods_stateplane" / "BND_Nhd88_cw.shp", "--role", "areas",
            "--name", "neighborhoods")
    assert r.returncode == 0, r.stderr
    assert "Imported 88 of 88" in r.stdout
    csv = tmp_path / "assets.csv"
    csv.write_text("name,type,latitude,longitude\nSt. Cecilia,church,38.585,-90.255\n"
                   "Head Start,early_childhood,38.65,-90.24\nnowhere,park,NA,NA\n")
    r = cli("import", t, csv, "--role", "assets", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["imported"] == 2
    rows = json.loads(cli("layers", t, "--json").stdout)
    assert [(x["name"], x["role"], x["feature_count"], x["crs"], x["geometry_type"]) for x in rows] == [
        ("assets", "assets", 2, "EPSG:26915", "Point"), ("neighborhoods", "areas", 88, "EPSG:26915", "MultiPolygon")]
    out = tmp_path / "exported.csv"
    assert cli("export", t, "assets", out).returncode == 0
    df = pd.read_csv(out)
    assert set(df["name"]) == {"St. Cecilia", "Head Start"} and df["latitude"].between(38.5, 38.8).all()
    r = cli("export", t, "assets", out)
    assert r.returncode == 2 and "--overwrite" in r.stderr
    r = cli("import", t, csv, "--role", "assets")
    assert r.returncode == 2 and "already has a layer named 'assets'" in r.stderr


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


def test_reports_aggregate_hotspots_and_map(on, cli, tmp_path):
    t = on(_demo(tmp_path))
    r = cli("reports", t, INCIDENTS, *REPORT_ARGS)
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    assert res["layer"] == "dv_by_neighborhoods" and res["units"] == 88 and res["in_units"] > 500
    assert res["suppressed"] > 0  # small counts withheld on both backends
    info = open_any(t).layer("dv_by_neighborhoods")
    assert info.role.value == "aggregate"
    assert info.extra["reports"].get("computed_in") == ("postgis" if on.kind == "postgis" else None)
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


def _entry(name, loc, kind="faith"):
    return {"asset_type": kind, "asset_name": name, "willing_to_partner": "yes", "date_visited": "2026-05-01",
            "location": loc}


def test_survey_commands(on, cli, tmp_path):
    pytest.importorskip("assetmap.survey.xlsform")
    from assetmap.survey.store import SurveyStore

    p = _demo(tmp_path)
    assert cli("survey", "install", p, "--builtin").returncode == 0
    project = Project.open(p)
    loc5, loc6 = point_in(project, 5), point_in(project, 6)
    church = SurveyStore(project, device_id="office").save(
        "community_assets", _entry("Grace Church", loc5), surveyor="Lead").uuid
    for who in ("Ann", "Bob"):
        assert cli("survey", "pack", p, tmp_path / f"{who}.gpkg", "--surveyor", who, "--areas", "5,6").returncode == 0
    ann = SurveyStore(Project.open(tmp_path / "Ann.gpkg"), device_id="ann")
    bob = SurveyStore(Project.open(tmp_path / "Bob.gpkg"), device_id="bob")
    ann.save("community_assets", _entry("Barber shop", loc6, "business"), surveyor="Ann")
    ann.save("community_assets", _entry("Grace Church (food pantry)", loc5), uuid=church, surveyor="Ann")
    bob.save("community_assets", _entry("Grace Baptist Church", loc5), uuid=church, surveyor="Bob")
    t = on(p)

    forms = json.loads(cli("survey", "forms", t, "--json").stdout)
    assert [(f["form_id"], f["responses"]) for f in forms] == [("community_assets", 1)]
    r = cli("survey", "merge", t, tmp_path / "Ann.gpkg", tmp_path / "Bob.gpkg", "--json")
    assert r.returncode == 0, r.stderr
    first = json.loads(r.stdout)
    assert [(x["added"], x["updated"], x["unchanged"], x["conflicts"]) for x in first] == [(1, 1, 0, 0), (0, 0, 0, 1)]
    r = cli("survey", "merge", t, tmp_path / "Ann.gpkg", tmp_path / "Bob.gpkg")
    assert r.returncode == 0 and "0 added, 0 updated, 2 unchanged, 0 conflict" in r.stdout
    assert [c["uuid"] for c in json.loads(cli("survey", "conflicts", t, "--json").stdout)] == [church]
    assert cli("survey", "resolve", t, church, "--keep", "package").returncode == 0
    assert cli("survey", "conflicts", t).stdout.strip() == "No merge conflicts waiting."
    s = json.loads(cli("survey", "summary", t, "--json").stdout)
    assert s["covered"] == 2 and s["total_areas"] == 88 and s["by_surveyor"] == {"Lead": 1, "Ann": 1}
    out = tmp_path / "assets.csv"
    assert cli("survey", "export", t, out, "--labels").returncode == 0
    assert sorted(pd.read_csv(out)["asset_name"]) == ["Barber shop", "Grace Baptist Church"]
    from tests.survey.test_kobo_import import KOBO_HEADER, kobo_row, write_csv

    lat, lon = point_in(project, 17)
    kobo = write_csv(tmp_path / "kobo.csv", KOBO_HEADER, [
        kobo_row(asset_type="park_place", asset_name="Benton Park", location=f"{lat} {lon} 0 0", _uuid="p1"),
        kobo_row(asset_type="park_place", asset_name="", location=f"{lat} {lon} 0 0", _uuid="p2")])
    r = cli("survey", "import", t, kobo)
    assert r.returncode == 0, r.stderr
    assert "1 added" in r.stdout and "1 rejected" in r.stdout
    assert "1 added" not in cli("survey", "import", t, kobo).stdout  # importing again adds nothing
    # A package made from wherever the project lives, filled in and merged back there.
    r = cli("survey", "pack", t, tmp_path / "Cy.gpkg", "--surveyor", "Cy", "--areas", "5,6")
    assert r.returncode == 0, r.stderr
    assert "2 existing response" in r.stdout
    cy = SurveyStore(Project.open(tmp_path / "Cy.gpkg"), device_id="cy")
    assert {x.answers["asset_name"] for x in cy.responses("community_assets")} == {
        "Barber shop", "Grace Baptist Church"}
    assert [h.action for h in cy.history(church)][:1] == ["create"]  # history travels with the package
    cy.save("community_assets", _entry("Tool library", loc6, "business"), surveyor="Cy")
    r = cli("survey", "merge", t, tmp_path / "Cy.gpkg", "--json")
    assert r.returncode == 0, r.stderr
    assert [(x["added"], x["updated"], x["conflicts"]) for x in json.loads(r.stdout)] == [(1, 0, 0)]


def test_territories(on, cli, tmp_path):
    t = on(_demo(tmp_path))
    for args in [("new", t, "--plan", "Mine", "--areas", "neighborhoods", "--teams", "3", "--by", "population"),
                 ("assign", t, "--plan", "Mine", "--team", "2", "1", "2", "3"),
                 ("assign", t, "--plan", "Mine", "--team", "Team 3", "4", "5"),
                 ("assign", t, "--plan", "Mine", "--erase", "5"),
                 ("team", t, "--plan", "Mine", "--team", "1", "--name", "North", "--lock")]:
        r = cli("territories", *args)
        assert r.returncode == 0, (args, r.stderr)
    stats = json.loads(cli("territories", "stats", t, "--plan", "Mine", "--json").stdout)
    teams = {x["name"]: x for x in stats["teams"]}
    assert teams["Team 2"]["units"] == 3 and teams["Team 3"]["units"] == 1 and teams["North"]["units"] == 0
    assert len(stats["unassigned"]) == 84
    r = cli("territories", "balance", t, "--areas", "neighborhoods", "--teams", "3", "--by", "population",
            "--plan", "Balanced", "--seed", "1", "--json")
    assert r.returncode == 0, r.stderr
    r = cli("territories", "compare", t, "--plan", "Mine", "--other", "Balanced", "--json")
    assert r.returncode == 0, r.stderr
    listed = cli("territories", "list", t).stdout
    assert "Mine" in listed and "Balanced" in listed
    r = cli("territories", "export", t, "--plan", "Balanced", tmp_path / "plan.gpkg")
    assert r.returncode == 0, r.stderr
    import pyogrio

    assignments = pyogrio.read_dataframe(tmp_path / "plan.gpkg", layer="assignments")
    assert len(assignments) == 88
    # Mistakes are clear and change nothing, on both backends.
    before = cli("territories", "stats", t, "--plan", "Mine", "--json").stdout
    for args, msg in [(("assign", t, "--plan", "Mine", "--team", "2", "1", "9999"), "no unit with id '9999'"),
                      (("assign", t, "--plan", "Nope", "--team", "1", "1"), "no territory plan named 'Nope'"),
                      (("new", t, "--plan", "Mine", "--areas", "neighborhoods", "--teams", "3"),
                       "already has a territory plan")]:
        r = cli("territories", *args)
        assert r.returncode == 2 and msg in r.stderr, (args, r.stderr)
    assert cli("territories", "stats", t, "--plan", "Mine", "--json").stdout == before


def test_hubs(on, cli, tmp_path):
    import csv

    hsds = Path(__file__).resolve().parents[3] / "shared" / "data" / "hsds3"
    t = on(_demo(tmp_path))
    r = cli("hubs", "import", t, hsds, "--unplaced", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["rows"]["services"] == 1
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
        services = list(csv.DictReader(fh))
    with open(hsds / "services.csv", newline="", encoding="utf-8-sig") as fh:
        original = list(csv.DictReader(fh))
    assert original[0] in services and len(services) == 2  # the package's service + Family Center's
    assert "Safe House" not in (out / "locations.csv").read_text()
    r = cli("catchments", t, "--within", "1mi", "--by", "category", "--service", "parenting")
    assert r.returncode == 0, r.stderr
    assert open_any(t).layer("catchments").role.value
    r = cli("coverage", t, "--within", "1mi", "--json", "--service", "parenting")
    assert r.returncode == 0, r.stderr
    r = cli("find", t, "--at=-90.23,38.631", "--service", "parenting", "--json")
    assert r.returncode == 0, r.stderr
    assert [x["name"] for x in json.loads(r.stdout)["resources"]][:1] == ["Family Center"]
    r = cli("access", t, "--need", "neighborhoods:population", "--service", "parenting", "--within", "1.2km", "--json")
    assert r.returncode == 0, r.stderr
    assert open_any(t).has_layer("access_parenting") or any("access" in n for n in open_any(t).layer_names())


def test_indicators_and_partnership_report(on, cli, tmp_path):
    t = on(_demo(tmp_path))
    r = cli("indicators", "list", t)
    assert r.returncode == 0 and "No indicators stored yet" in r.stdout and "dv_rate" in r.stdout
    r = cli("indicators", "defaults", t)
    assert r.returncode == 0 and "maltreatment_rate, dv_rate" in r.stdout, r.stderr
    assert cli("indicators", "defaults", t).returncode == 2
    out = tmp_path / "ind.csv"
    r = cli("indicators", "compute", t, out, "--period", "2018Q4", "--period", "all", "--indicators", "dv_rate")
    assert r.returncode == 0, r.stderr
    df = pd.read_csv(out)
    assert set(df["period"]) == {"2018-Q4", "all"} and len(df) == 2 * 89
    r = cli("report", t, tmp_path / "r.html", "--format", "html")
    assert r.returncode == 0, r.stderr
    assert "neighbourhood" in (tmp_path / "r.html").read_text().lower()


def test_indicator_values_are_the_same_on_both_backends(tmp_path, pg_url, cli):
    path = _demo(tmp_path)
    publish(path, pg_url)
    frames = []
    for target in (str(path), pg_url):
        out = tmp_path / f"{len(frames)}.csv"
        assert cli("indicators", "compute", target, out).returncode == 0
        frames.append(pd.read_csv(out))
    pd.testing.assert_frame_equal(frames[0], frames[1])


def test_survey_install_and_entries(on, cli, tmp_path):
    pytest.importorskip("assetmap.survey.xlsform")
    from assetmap.survey.store import SurveyStore

    t = on(_demo(tmp_path))
    r = cli("survey", "install", t, "--builtin")
    assert r.returncode == 0, r.stderr
    assert "survey_community_assets" in r.stdout
    project = open_any(t)
    info = project.layer("survey_community_assets")
    assert (info.feature_count, info.geometry_type, info.role.value) == (0, "Point", "assets")
    store = SurveyStore(project, device_id="tablet")
    loc = point_in(project, 5)
    first = store.save("community_assets", _entry("Grace Church", loc), surveyor="Ann")
    store.save("community_assets", _entry("Grace Church (pantry)", loc), uuid=first.uuid, surveyor="Ann")
    store.save("community_assets", _entry("Barber shop", point_in(project, 6), "business"), surveyor="Bob")
    assert cli("survey", "install", t, "--builtin").returncode == 0  # again: responses kept
    forms = json.loads(cli("survey", "forms", t, "--json").stdout)
    assert [(f["form_id"], f["responses"]) for f in forms] == [("community_assets", 2)]
    s = json.loads(cli("survey", "summary", t, "--json").stdout)
    assert s["covered"] == 2 and s["by_surveyor"] == {"Ann": 1, "Bob": 1}
    assert [h.action for h in SurveyStore(open_any(t)).history(first.uuid)] == ["create", "edit"]
    layer = open_any(t).read_layer("survey_community_assets")
    assert len(layer) == 2 and layer.geometry.notna().all()
