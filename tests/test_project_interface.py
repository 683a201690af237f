"""The project interface on a GeoPackage (no server needed): the dialect methods stores call, and the
registry the CLI and the window open projects through."""

from __future__ import annotations

import sqlite3
import sys
import types

import pytest

from assetmap.errors import UserError
from assetmap.project import Project, gpkg
from assetmap.project import backends as B
from assetmap.project.dialect import GpkgConnection
from assetmap.project.interface import AnyProject, StoreConnection, is_numeric_type


@pytest.fixture
def project(tmp_path):
    return Project.create(tmp_path / "p.gpkg")


def test_a_geopackage_project_is_the_interface_and_its_connections_speak_the_dialect(project):
    assert isinstance(project, AnyProject)
    with project.sql_read() as con:
        assert isinstance(con, GpkgConnection) and isinstance(con, StoreConnection)
        assert isinstance(con, sqlite3.Connection)  # pandas and sqlite3.Row keep working
    with project.edit() as tx, tx.sql() as con:
        assert isinstance(con, StoreConnection)
    assert project.recent_entry == project.path and project.server is None
    assert project.stored_in(project.path) and not project.stored_in(project.path.with_name("other.gpkg"))


def test_dialect_methods_on_a_geopackage(project):
    with project.sql_write() as con:
        con.create_table("CREATE TABLE assetmap_test_t (k TEXT PRIMARY KEY, v TEXT, UNIQUE (v))", "a test")
        con.execute(con.replace_sql("assetmap_test_t", 2), ("a", "1"))
        con.execute(con.replace_sql("assetmap_test_t", 2), ("a", "2"))  # replaced, not added
        con.add_column("assetmap_test_t", "n", "float")
        indexes = con.execute("SELECT count(*) FROM sqlite_master WHERE type='index'").fetchone()[0]
        con.ensure_unique("assetmap_test_t", ("v",))   # the declared UNIQUE counts: nothing added
        assert con.execute("SELECT count(*) FROM sqlite_master WHERE type='index'").fetchone()[0] == indexes
        con.ensure_unique("assetmap_test_t", ("n",))   # a new one is made
        assert con.has_table("assetmap_test_t_n")
        con.ensure_identity("assetmap_test_t", "k")    # SQLite's rowid does this job: nothing to do
    with project.sql_read() as con:
        assert con.columns("assetmap_test_t") == ["k", "v", "n"]
        assert con.read_table("assetmap_test_t").values.tolist() == [["a", "2", None]]
        # Registered like every assetmap_* attribute table: QGIS lists it.
        assert con.execute("SELECT description FROM gpkg_contents WHERE table_name='assetmap_test_t'"
                           ).fetchone()[0] == "a test"
    assert con.point(1.0, 2.0, 4326) == gpkg.point_blob(1.0, 2.0, 4326)


def test_a_busy_project_is_a_user_error_and_a_failed_write_rolls_back(project):
    with project.sql_write() as con:
        con.create_table("CREATE TABLE assetmap_test_u (k TEXT)")
    with pytest.raises(RuntimeError):
        with project.sql_write() as con:
            con.execute("INSERT INTO assetmap_test_u VALUES ('x')")
            raise RuntimeError("midway")
    with project.sql_read() as con:
        assert con.execute("SELECT count(*) FROM assetmap_test_u").fetchone()[0] == 0
    blocker = sqlite3.connect(project.path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        import assetmap.project.gpkg as g

        real = g.connect

        def fast(path, readonly=False):  # don't wait SQLite's 30 s for the lock
            cm = real(path, readonly)
            con = cm.__enter__()
            con.execute("PRAGMA busy_timeout = 50")

            class _CM:
                def __enter__(self):
                    return con

                def __exit__(self, *exc):
                    return cm.__exit__(*exc)
            return _CM()

        g.connect = fast
        try:
            with pytest.raises(UserError, match="busy"):
                with project.sql_write():
                    pass
        finally:
            g.connect = real
    finally:
        blocker.rollback()
        blocker.close()


def test_numeric_types_of_both_backends():
    assert all(map(is_numeric_type, ("int64", "float64", "int32", "bigint", "double precision", "integer",
                                     "numeric", "real", "smallint")))
    assert not any(map(is_numeric_type, ("object", "text", "bool", "boolean", "datetime64[ms]", "date")))


def test_the_registry_opens_by_path_and_takes_new_backends(tmp_path, project, monkeypatch):
    assert type(B.open_any(project.path)) is Project and type(B.open_any(str(project.path))) is Project
    assert B.backend_for("postgresql://u@h/db").name == "postgis"
    with pytest.raises(UserError, match="does not work on a shared"):  # refused before any connection
        B.open_project("postgres://nobody@192.0.2.1:1/x", gpkg_only="survey pack")
    assert B.open_project(project.path, gpkg_only="survey pack").path == project.path

    class MemoryProject:
        @classmethod
        def open(cls, target):
            p = cls()
            p.target = target
            return p

    module = types.ModuleType("assetmap_test_memory_backend")
    module.MemoryProject = MemoryProject
    monkeypatch.setitem(sys.modules, module.__name__, module)
    saved = B.backends()
    try:
        B.register_backend(B.Backend("memory", lambda t: str(t).startswith("memory://"),
                                     f"{module.__name__}:MemoryProject"), first=True)
        assert isinstance(B.open_any("memory://x"), MemoryProject)
        assert type(B.open_any(project.path)) is Project  # the others still answer
    finally:
        B._BACKENDS[:] = saved


@pytest.mark.parametrize("n", [0, 1, 63, 64, 65, 200])
def test_insert_rows_is_one_insert_per_row(n):
    from assetmap.project.dialect import insert_rows

    con = sqlite3.connect(":memory:")
    wide = [f"c{j}" for j in range(120)]   # 120 values a row: fewer rows a statement (999 at most)
    for name, cols in (("t", ["a", "b", "c"]), ("w", wide)):
        con.execute(f"CREATE TABLE {name}_many (k INTEGER PRIMARY KEY, {', '.join(c + ' TEXT' for c in cols)}, lit TEXT)")
        con.execute(f"CREATE TABLE {name}_rows (k INTEGER PRIMARY KEY, {', '.join(c + ' TEXT' for c in cols)}, lit TEXT)")
        values = [[f"{c}{i}" if i % 5 else None for i in range(n)] for c in cols]
        con.executemany(f"INSERT INTO {name}_many ({', '.join(cols)}, lit) VALUES ({', '.join('?' for _ in cols)}, 'x''y')",
                        zip(*values))
        insert_rows(con, f"INSERT INTO {name}_rows ({', '.join(cols)}, lit)",
                    "(" + ", ".join("?" for _ in cols) + ", 'x''y')", values)
        every = "SELECT * FROM {} ORDER BY k"
        assert con.execute(every.format(f"{name}_rows")).fetchall() == con.execute(every.format(f"{name}_many")).fetchall()
        assert con.execute(f"SELECT count(*) FROM {name}_rows").fetchone()[0] == n
