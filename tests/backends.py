"""Where a test's project lives: a GeoPackage file, or a schema on the test's PostGIS server.

The CLI tests take the ``backend`` fixture (tests/conftest.py), parametrised ``gpkg`` and
``postgis``, and run the same body on both:

    t = backend.target(project)         # the .gpkg path, or: published to a fresh schema → its URL
    r = run_cli("layers", t, "--json")  # commands take either
    backend.open(t).read_layer(...)     # read results back from where they were written

``postgis`` starts one throw-away server per test session (``pg_server``) and gives every test
its own schemas, so tests never see each other's tables. Without PostgreSQL + PostGIS the
``postgis`` cases skip, except in CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

BACKENDS = ["gpkg", "postgis"]


def _server(fsync: bool):
    from assetmap.postgis.localserver import LocalServer, ServerError, cleanup_stale

    cleanup_stale(Path(tempfile.gettempdir()))  # servers of an earlier run that was killed
    root = Path(tempfile.mkdtemp(prefix="assetmap-pg-"))
    root.chmod(0o755)  # the server may run as the postgres user and must reach its folder
    try:
        return LocalServer(root / "pg", fsync=fsync).init()
    except ServerError as exc:
        shutil.rmtree(root, ignore_errors=True)
        # In CI the server must run; on a laptop without PostgreSQL the rest of the suite still runs.
        if os.environ.get("CI"):
            pytest.fail(str(exc), pytrace=False)
        pytest.skip(f"no PostgreSQL + PostGIS server: {exc}")


@pytest.fixture(scope="session")
def pg_server():
    server = _server(fsync=False)
    yield server
    server.stop()
    shutil.rmtree(server.root.parent, ignore_errors=True)


@pytest.fixture
def durable_pg_server():
    """Its own server with fsync on: the kill/restart test must not be fooled by lost writes."""
    server = _server(fsync=True)
    yield server
    server.stop()
    shutil.rmtree(server.root.parent, ignore_errors=True)


def schema_name(nodeid: str, n: int = 0) -> str:
    """A valid, unique schema name for a test (and its n-th project): readable prefix + hash,
    since parametrised ids hold quotes, brackets and spaces and may be longer than 63 bytes."""
    name = nodeid.rsplit("::", 1)[-1].lower()
    readable = re.sub(r"[^a-z0-9_]+", "_", name)[:40].strip("_")
    digest = hashlib.sha1(f"{nodeid}#{n}".encode()).hexdigest()[:8]
    return f"t_{readable}_{digest}"


def fresh_url(server, nodeid: str, n: int = 0) -> str:
    """The URL of an empty schema (dropped if an earlier run left it)."""
    import psycopg

    schema = schema_name(nodeid, n)
    with psycopg.connect(server.url(), autocommit=True) as con:
        con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    return server.url() + f"?options=-csearch_path%3D{schema}"


@pytest.fixture
def pg_url(pg_server, request):
    """A URL on a fresh schema per test, so tests never see each other's tables."""
    return fresh_url(pg_server, request.node.nodeid)


class Backend:
    """What a parametrised test needs to put its project on one backend and look at it there."""

    def __init__(self, kind: str, request):
        self.kind = kind
        self._request = request
        self._schemas = 0

    def __repr__(self) -> str:
        return f"Backend({self.kind})"

    @property
    def is_postgis(self) -> bool:
        return self.kind == "postgis"

    def _url(self) -> str:
        server = self._request.getfixturevalue("pg_server")
        self._schemas += 1
        return fresh_url(server, self._request.node.nodeid, self._schemas)

    def fresh(self, path) -> str:
        """Where `assetmap new` makes a project: the path, or the URL of a new, empty schema."""
        return self._url() if self.is_postgis else str(path)

    def target(self, project) -> str:
        """A prepared GeoPackage project (a ``Project`` or its path) where commands will use it:
        itself, or a fresh schema it was just published to (each call a new schema)."""
        path = getattr(project, "path", project)
        if not self.is_postgis:
            return str(path)
        from assetmap.postgis.publish import publish

        url = self._url()
        publish(path, url)
        return url

    @staticmethod
    def open(target):
        """The project at a target, read back from where commands wrote it."""
        from assetmap.postgis import open_any

        return open_any(target)

    def sql(self, target):
        """One write transaction in SQLite's dialect on either backend (``sqlcompat.write``)."""
        from assetmap.postgis import sqlcompat

        return sqlcompat.write(self.open(target))

    def server_files(self, since: float = 0.0) -> list[Path]:
        """The PostGIS server's files written since a time (data, WAL, its log); nothing for a
        GeoPackage. Privacy tests search them too: where a raw row sent to the server would land."""
        if not self.is_postgis:
            return []
        server = self._request.getfixturevalue("pg_server")
        out = [server.log]
        for p in server.data.rglob("*"):
            try:
                if p.is_file() and p.stat().st_mtime >= since - 1:
                    out.append(p)
            except OSError:  # removed meanwhile (a temporary file of the server)
                pass
        return out

    def state(self, target):
        """Everything the project holds, to check a refused command left it as it was: the file's
        bytes, or every row of every table of the schema."""
        if not self.is_postgis:
            return Path(target).read_bytes()
        return _schema_rows(target)


def _schema_rows(url: str) -> dict[str, list[str]]:
    from assetmap.postgis.connect import connect, schema_of

    schema = schema_of(url)
    out: dict[str, list[str]] = {}
    with connect(url, autocommit=True) as con:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema=%s ORDER BY table_name",
            (schema,))]
        for table in tables:
            out[table] = sorted(repr(row) for row in con.execute(f'SELECT * FROM "{schema}"."{table}"'))
    return out


@pytest.fixture(params=BACKENDS)
def backend(request) -> Backend:
    """Run the test on a GeoPackage project and on the same project published to PostGIS."""
    if request.param == "postgis":
        request.getfixturevalue("pg_server")  # skip (or fail in CI) before the test body starts
    return Backend(request.param, request)
