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
