"""The headless CLI as scripts use it: exit codes, messages, JSON; on a GeoPackage and on PostGIS."""

import json

import pandas as pd
import pyogrio
import pytest

from tests.conftest import run_cli


def test_new_import_layers_export(tmp_path, stl, backend):
    p = backend.fresh(tmp_path / "city.gpkg")
    r = run_cli("new", p, "--crs", "EPSG:26915")
    assert r.returncode == 0, r.stderr
    r = run_cli("import", p, stl / "neighborhoods_stateplane" / "BND_Nhd88_cw.shp", "--role", "areas",
                "--name", "neighborhoods")
    assert r.returncode == 0, r.stderr
    assert "Imported 88 of 88" in r.stdout and "ESRI:102696" in r.stdout
    csv = tmp_path / "assets.csv"
    csv.write_text("name,type,latitude,longitude\nSt. Cecilia,church,38.585,-90.255\n"
                   "Head Start,early_childhood,38.65,-90.24\nnowhere,park,NA,NA\n")
    r = run_cli("import", p, csv, "--role", "assets", "--json")
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep["imported"] == 2 and rep["skipped"] == {"no coordinates (empty or NA)": 1}
    r = run_cli("layers", p, "--json")
    rows = json.loads(r.stdout)
    assert [(x["name"], x["role"], x["feature_count"], x["crs"]) for x in rows] == [
        ("assets", "assets", 2, "EPSG:26915"), ("neighborhoods", "areas", 88, "EPSG:26915")]
    assert [x["geometry_type"] for x in rows] == ["Point", "MultiPolygon"]
    for ext in ("gpkg", "geojson", "csv", "shp", "fgb"):
        out = tmp_path / f"out.{ext}"
        r = run_cli("export", p, "assets", out)
        assert r.returncode == 0, r.stderr
        assert out.exists()
        if ext == "csv":
            df = pd.read_csv(out)
            assert set(df["name"]) == {"St. Cecilia", "Head Start"}
            assert df["latitude"].between(38.5, 38.8).all()
        else:
            gdf = pyogrio.read_dataframe(out)
            assert len(gdf) == 2
    r = run_cli("export", p, "assets", tmp_path / "out.csv")
    assert r.returncode == 2 and "already exists" in r.stderr and "--overwrite" in r.stderr
    r = run_cli("import", p, csv, "--role", "assets")
    assert r.returncode == 2 and "already has a layer named 'assets'" in r.stderr


def test_export_never_includes_confidential_features(tmp_path, stl, backend):
    p = backend.fresh(tmp_path / "c.gpkg")
    assert run_cli("new", p).returncode == 0
    csv = tmp_path / "hubs.csv"
    csv.write_text("name,confidential,lat,lon\nSchool,no,38.6,-90.2\nShelter,yes,38.61,-90.21\n")
    assert run_cli("import", p, csv, "--role", "hubs").returncode == 0
    for ext in ("geojson", "csv", "gpkg"):
        out = tmp_path / f"h.{ext}"
        assert run_cli("export", p, "hubs", out).returncode == 0
        text = out.read_bytes()
        assert b"Shelter" not in text and b"-90.21" not in text


@pytest.mark.parametrize("args, fragment", [
    (["layers", "{missing}"], {"gpkg": "does not exist", "postgis": "has no assetmap project"}),
    (["import", "{p}", "nofile.csv", "--role", "assets"], "does not exist"),
    (["import", "{p}", "{stl}/neighborhoods.geojson", "--role", "bogus"], "Unknown layer role"),
    (["export", "{p}", "nolayer", "out.geojson"], "has no layer named 'nolayer'"),
    (["new", "{p}"], "already"),
])
def test_user_errors_exit_2_without_traceback(tmp_path, stl, backend, args, fragment):
    p = backend.fresh(tmp_path / "p.gpkg")
    assert run_cli("new", p).returncode == 0
    missing = backend.fresh(tmp_path / "missing.gpkg")
    before = backend.state(p)
    r = run_cli(*[a.format(p=p, stl=stl, missing=missing) for a in args], cwd=tmp_path)
    assert r.returncode == 2
    assert (fragment if isinstance(fragment, str) else fragment[backend.kind]) in r.stderr
    assert "Traceback" not in r.stderr
    assert backend.state(p) == before


def test_usage_errors_exit_2():
    r = run_cli("import")
    assert r.returncode == 2 and "the following arguments are required" in r.stderr


def test_help_and_version():
    r = run_cli("--version")
    assert r.returncode == 0 and "assetmap" in r.stdout
    r = run_cli("--help")
    for cmd in ("new", "import", "layers", "export", "open", "demo"):
        assert cmd in r.stdout


def test_the_command_table_is_what_each_module_registers():
    """``COMMANDS_BY_MODULE`` says which module adds which command (a command line builds only its
    command's parsers): it must be exactly what each module's ``register`` adds."""
    import importlib

    from assetmap.cli import COMMANDS_BY_MODULE, _Parser

    for module, commands in COMMANDS_BY_MODULE.items():
        sub = _Parser(prog="assetmap").add_subparsers(dest="command", parser_class=_Parser)
        importlib.import_module(module).register(sub)
        assert tuple(sorted(sub.choices)) == tuple(sorted(commands)), module


@pytest.mark.parametrize("argv", [
    ["demo", "--screenshot", "x.png"], ["open", "p.gpkg", "--full"], ["survey", "merge", "p.gpkg", "a.gpkg"],
    ["layers", "p.gpkg"], ["locator", "list", "p.gpkg"], ["survey", "import", "p.gpkg", "export.csv"],
])
def test_a_named_command_parses_as_with_the_whole_parser(argv):
    from assetmap.cli import _named_command, build_parser

    assert _named_command(argv) == argv[0]
    whole, only = build_parser().parse_args(argv), build_parser(argv[0]).parse_args(argv)
    assert {k: v for k, v in vars(whole).items() if k != "func"} == {k: v for k, v in vars(only).items() if k != "func"}
    assert whole.func.__qualname__ == only.func.__qualname__


def test_only_the_named_commands_modules_are_built():
    from assetmap.cli import _named_command, build_parser

    sub = next(a for a in build_parser("demo")._actions if a.dest == "command")
    assert sorted(sub.choices) == ["demo", "open"]
    for argv in ([], ["--version"], ["nosuch"], ["-h"]):
        assert _named_command(argv) is None   # the whole parser answers (help, the list of commands)


def test_command_help_and_unknown_commands_still_answer():
    r = run_cli("demo", "--help")
    assert r.returncode == 0 and "--screenshot" in r.stdout
    r = run_cli("nosuch")
    assert r.returncode == 2 and "invalid choice: 'nosuch'" in r.stderr and "demo" in r.stderr
