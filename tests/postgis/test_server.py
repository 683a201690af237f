import psycopg


def test_server_runs_postgis_on_loopback(pg_server):
    with psycopg.connect(pg_server.url()) as con:
        version = con.execute("SELECT postgis_lib_version()").fetchone()[0]
        listen = con.execute("SHOW listen_addresses").fetchone()[0]
        area = con.execute("SELECT ST_Area(ST_MakeEnvelope(0, 0, 2, 3, 4326))").fetchone()[0]
    assert version.startswith("3.")
    assert listen == "127.0.0.1"
    assert area == 6.0


def test_missing_binaries_name_the_install_command(tmp_path, monkeypatch):
    import pytest

    from assetmap.postgis import localserver

    monkeypatch.setenv("ASSETMAP_PG_BIN", str(tmp_path))
    monkeypatch.setattr(localserver, "_BIN_DIRS", ())
    with pytest.raises(localserver.ServerError, match="bash scripts/install-system-deps"):
        localserver.find_bin_dir()


def test_kill_and_restart_keep_committed_rows(durable_pg_server):
    url = durable_pg_server.url()
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE k (n int)")
        con.execute("INSERT INTO k SELECT generate_series(1, 100)")
    old = durable_pg_server.postmaster_pid()
    durable_pg_server.kill()
    durable_pg_server.start()
    assert durable_pg_server.postmaster_pid() != old
    with psycopg.connect(url) as con:
        assert con.execute("SELECT count(*) FROM k").fetchone()[0] == 100


def test_cleanup_stale_stops_only_servers_whose_owner_is_gone():
    import shutil
    import subprocess
    import tempfile
    import time
    from pathlib import Path

    from assetmap.postgis.localserver import LocalServer, cleanup_stale
    from assetmap.project.files import pid_alive

    tmp_path = Path(tempfile.mkdtemp(prefix="assetmap-stale-"))  # reachable by the postgres user
    tmp_path.chmod(0o755)
    (tmp_path / "assetmap-pg-a").mkdir(mode=0o755)
    (tmp_path / "assetmap-pg-b").mkdir(mode=0o755)
    orphan = LocalServer(tmp_path / "assetmap-pg-a" / "pg").init()
    kept = LocalServer(tmp_path / "assetmap-pg-b" / "pg").init()
    try:
        dead = subprocess.Popen(["true"])
        dead.wait()
        (orphan.root / "owner.pid").write_text(str(dead.pid))  # as if its pytest had been killed
        pm = orphan.postmaster_pid()
        assert cleanup_stale(tmp_path) == 1
        time.sleep(0.2)
        assert not pid_alive(pm) and not orphan.root.exists()
        with psycopg.connect(kept.url()) as con:
            assert con.execute("SELECT 1").fetchone() == (1,)
    finally:
        orphan.stop()
        kept.stop()
        shutil.rmtree(tmp_path, ignore_errors=True)


def test_without_a_server_tests_skip_locally_and_fail_in_ci(tmp_path):
    """No PostgreSQL binaries: a laptop skips the PostGIS tests, CI (CI set) fails them."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "no_pg.py").write_text(
        "from assetmap.postgis import localserver\nlocalserver._BIN_DIRS = ()\n")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{root}", "ASSETMAP_PG_BIN": str(tmp_path)}
    env.pop("CI", None)
    cmd = [sys.executable, "-m", "pytest", "-p", "no_pg", "-q", "-p", "no:cacheprovider",
           "tests/postgis/test_server.py::test_server_runs_postgis_on_loopback",
           "tests/territories/test_cli.py::test_team_rename_colour_lock"]  # a CLI test on both backends
    local = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    assert local.returncode == 0 and "1 passed, 2 skipped" in local.stdout, local.stdout[-800:]
    ci = subprocess.run(cmd, cwd=root, env={**env, "CI": "true"}, capture_output=True, text=True)
    assert ci.returncode != 0 and "install-system-deps" in ci.stdout, ci.stdout[-800:]
