"""One project interface (issue 16): both backends satisfy ``AnyProject``, open through one registry,
speak one SQL dialect to the stores, and aggregate reports through one core function."""

from __future__ import annotations

import shutil
from pathlib import Path

import psycopg
import pytest

from assetmap.project import Project
from assetmap.project.backends import backend_for, create_project, open_any, open_project
from assetmap.project.interface import AnyProject, ProjectEditor, StoreConnection, is_numeric_type

from tests.shared_data import STL  # noqa: E402
DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "st_louis_demo.gpkg"


def _demo(tmp_path) -> Path:
    path = tmp_path / "demo.gpkg"
    shutil.copy(DEMO, path)
    return path


def test_both_backends_are_one_interface(backend, tmp_path):
    project = open_any(backend.target(_demo(tmp_path)))
    assert isinstance(project, AnyProject)
    with project.edit() as tx:
        assert isinstance(tx, ProjectEditor)
        with tx.sql() as con:
            assert isinstance(con, StoreConnection)
    with project.sql_read() as con:
        assert isinstance(con, StoreConnection)
        assert con.has_table("assetmap_layers") and not con.has_table("no_such_table")
    # What the window keeps and shows: a file is remembered; a URL (it may hold a password) is not.
    assert (project.recent_entry is None) == backend.is_postgis == bool(project.server)
    assert open_any(project.target).layer_names() == project.layer_names()


def test_store_sql_runs_the_same_on_both_backends(backend, tmp_path, monkeypatch):
    """An upsert, an added column, a registered table and a point, written once in SQLite's dialect."""
    project = open_any(backend.target(_demo(tmp_path)))
    ddl = "CREATE TABLE IF NOT EXISTS assetmap_test_kv (k TEXT PRIMARY KEY, v TEXT NOT NULL)"
    from assetmap.postgis import sqlcompat

    monkeypatch.setitem(sqlcompat.REPLACE_KEYS, "assetmap_test_kv", ("k",))  # PostgreSQL's upsert needs the key
    with project.sql_write() as con:
        con.create_table(ddl, "a test table")
        con.execute(con.replace_sql("assetmap_test_kv", 2), ("a", "1"))
        con.execute(con.replace_sql("assetmap_test_kv", 2), ("a", "2"))
        con.add_column("assetmap_test_kv", "n", "int")
        con.execute("UPDATE assetmap_test_kv SET n = ? WHERE k = ?", (7, "a"))
        geom_col, srid = con.geometry("neighborhoods")
        assert srid > 0 and geom_col
        assert con.point(1.0, 2.0, srid) is not None
    with project.sql_read() as con:
        frame = con.read_table("assetmap_test_kv")
        assert con.columns("assetmap_test_kv") == ["k", "v", "n"]
    assert frame.values.tolist() == [["a", "2", 7]]


def test_layer_field_types_agree_between_backends(tmp_path, pg_url):
    from assetmap.postgis.publish import publish

    path = _demo(tmp_path)
    publish(path, pg_url)
    here, there = Project.open(path), open_any(pg_url)
    assert here.layer_fields("neighborhoods") == there.layer_fields("neighborhoods")
    numeric = {f for f, t in here.layer_field_types("neighborhoods").items() if is_numeric_type(t)}
    assert numeric == {f for f, t in there.layer_field_types("neighborhoods").items() if is_numeric_type(t)}
    assert "NHD_NAME" not in numeric and numeric  # names are text, counts are numbers


def test_the_registry_picks_the_backend_and_refuses_early(tmp_path, pg_url):
    from assetmap.errors import UserError
    from assetmap.postgis.project import PostgisProject

    assert backend_for(str(tmp_path / "a.gpkg")).name == "geopackage"
    assert backend_for(pg_url).name == "postgis"
    made = create_project(pg_url, crs="EPSG:26915", title="Shared")
    assert isinstance(made, PostgisProject) and made.crs == "EPSG:26915"
    assert isinstance(create_project(tmp_path / "b.gpkg"), Project)
    with pytest.raises(UserError, match="does not work on a shared"):
        open_project("postgresql://nobody@192.0.2.1:1/x", gpkg_only="survey thing")  # before connecting


def test_reports_aggregate_through_one_function_that_joins_in_the_database(tmp_path, pg_url):
    """The window's wizard and `assetmap reports` both call ``reports.aggregate_reports``; on a shared
    project it places the points in SQL (no raw row kept) and counts as the GeoPackage path does."""
    from assetmap.postgis.aggregate import RAW
    from assetmap.postgis.publish import publish
    from assetmap.reports import aggregate_reports

    path = _demo(tmp_path)
    publish(path, pg_url)
    kw = dict(areas="neighborhoods", filter_col="description", filter_contains="DOMESTIC",
              date_col="date_occur", period="year", name="dv_test")
    ours = aggregate_reports(open_any(pg_url), STL / "slmpd_part1_2017.csv", "dv", **kw)
    theirs = aggregate_reports(Project.open(path), STL / "slmpd_part1_2017.csv", "dv", **kw)
    assert (ours.in_units, ours.outside, ours.suppressed_cells, ours.complementary) == (
        theirs.in_units, theirs.outside, theirs.suppressed_cells, theirs.complementary)
    assert ours.in_units > 100
    assert open_any(pg_url).layer("dv_test").extra["reports"]["computed_in"] == "postgis"
    assert "computed_in" not in Project.open(path).layer("dv_test").extra["reports"]
    with psycopg.connect(pg_url) as con:
        assert con.execute("SELECT count(*) FROM pg_class WHERE relname=%s", (RAW,)).fetchone()[0] == 0


def test_the_cli_and_the_wizard_call_the_same_function():
    import ast
    import inspect

    from assetmap.cli import reports_cmds

    src = Path(reports_cmds.__file__).read_text() + (
        Path(reports_cmds.__file__).parents[1] / "ui" / "reports_wizard.py").read_text()
    imported = [n for n in ast.walk(ast.parse(src)) if isinstance(n, ast.ImportFrom)
                and any(a.name.startswith("aggregate_reports") for a in n.names)]
    assert {(n.module, a.name) for n in imported for a in n.names} == {("assetmap.reports", "aggregate_reports")}
    assert "postgis" not in inspect.getsource(reports_cmds.cmd_reports)
