import psycopg


def test_server_runs_postgis_on_loopback(pg_server):
    with psycopg.connect(pg_server.url()) as con:
        version = con.execute("SELECT postgis_lib_version()").fetchone()[0]
        listen = con.execute("SHOW listen_addresses").fetchone()[0]
        area = con.execute("SELECT ST_Area(ST_MakeEnvelope(0, 0, 2, 3, 4326))").fetchone()[0]
    assert version.startswith("3.")
    assert listen == "127.0.0.1"
    assert area == 6.0
