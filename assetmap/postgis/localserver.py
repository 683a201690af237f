"""A throw-away PostgreSQL + PostGIS server in a private folder, for tests and trials.

It listens on 127.0.0.1 only (and a unix socket inside its folder), trusts local
connections, and is removed by ``stop()``. PostgreSQL refuses to run as root, so
when we are root the folder is given to the ``postgres`` system user (created by
the Debian package) and the server runs as that user through ``runuser``.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from assetmap.project.files import pid_alive

INSTALL_HINT = "Install PostgreSQL and PostGIS with: bash scripts/install-system-deps"
_BIN_DIRS = ("/usr/lib/postgresql/15/bin",)


class ServerError(RuntimeError):
    pass


def find_bin_dir() -> Path:
    """The folder holding initdb and postgres, or a ServerError naming the install command."""
    candidates = [os.environ["ASSETMAP_PG_BIN"]] if os.environ.get("ASSETMAP_PG_BIN") else []
    candidates += list(_BIN_DIRS)
    for d in candidates:
        p = Path(d)
        if (p / "initdb").exists() and (p / "postgres").exists():
            share = subprocess.run([str(p / "pg_config"), "--sharedir"], capture_output=True, text=True)
            control = Path(share.stdout.strip()) / "extension" / "postgis.control"
            if not control.exists():
                raise ServerError(f"PostgreSQL is installed in {p} but PostGIS is not ({control} is missing). "
                                  + INSTALL_HINT)
            return p
    raise ServerError(f"PostgreSQL server binaries not found (looked in {', '.join(candidates)}). "
                      + INSTALL_HINT)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalServer:
    def __init__(self, root: Path, fsync: bool = False, dbname: str = "assetmap"):
        self.root = Path(root)
        self.data = self.root / "data"
        self.fsync = fsync
        self.dbname = dbname
        self.bin = find_bin_dir()
        self.port = free_port()
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            self._as_user = ["runuser", "-u", "postgres", "--"]
        self.log = self.root / "server.log"

    # ------------------------------------------------------------------ urls
    def url(self, user: str = "postgres", dbname: str | None = None) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname or self.dbname}"

    # ------------------------------------------------------------------ lifecycle
    def _run(self, *args: str) -> None:
        res = subprocess.run(self._as_user + list(args), capture_output=True, text=True)
        if res.returncode != 0:
            raise ServerError(f"{' '.join(args)} failed:\n{res.stdout}\n{res.stderr}")

    def init(self) -> "LocalServer":
        self.root.mkdir(parents=True, exist_ok=True)
        if self._as_user:
            shutil.chown(self.root, "postgres", "postgres")
            os.chmod(self.root, 0o700)
        (self.root / "owner.pid").write_text(str(os.getpid()))
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions")
        self.start()
        import psycopg

        with psycopg.connect(self.url(dbname="postgres"), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{self.dbname}"')
        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        return self

    def start(self, timeout: float = 30.0) -> None:
        fs = "on" if self.fsync else "off"
        cmd = self._as_user + [
            str(self.bin / "postgres"), "-D", str(self.data), "-p", str(self.port),
            "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={self.root}",
            "-c", f"fsync={fs}", "-c", f"synchronous_commit={fs}", "-c", f"full_page_writes={fs}",
            "-c", "max_connections=60", "-c", "shared_buffers=32MB",
        ]
        deadline = time.monotonic() + timeout
        while True:
            with open(self.log, "ab") as log:
                self._proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
            if self._wait_ready(deadline):
                return
            # A postmaster killed a moment ago may leave backends holding its shared
            # memory for a little while; postgres refuses to start until they are gone.
            if time.monotonic() > deadline:
                raise ServerError(f"PostgreSQL did not start; see {self.log}:\n{self.log.read_text()[-2000:]}")
            time.sleep(0.2)

    def _wait_ready(self, deadline: float) -> bool:
        import psycopg

        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                return False
            try:
                with psycopg.connect(self.url(dbname="postgres"), connect_timeout=2):
                    return True
            except psycopg.OperationalError:
                time.sleep(0.05)
        return False

    def postmaster_pid(self) -> int:
        return int((self.data / "postmaster.pid").read_text().splitlines()[0])

    def kill(self) -> None:
        """SIGKILL the postmaster, as a power cut or OOM killer would."""
        os.kill(self.postmaster_pid(), signal.SIGKILL)
        self._proc.wait()

    def stop(self) -> None:
        if getattr(self, "_proc", None) is not None and self._proc.poll() is None:
            try:
                os.kill(self.postmaster_pid(), signal.SIGINT)  # fast shutdown
            except (OSError, ValueError):
                pass
            try:
                self._proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._proc.kill()
        shutil.rmtree(self.root, ignore_errors=True)


def cleanup_stale(parent: Path, pattern: str = "assetmap-pg-*/pg") -> int:
    """Stop and remove servers left by a test run that was killed (its owner process is gone).

    Servers whose owner still runs (another engineer's test session) are left alone.
    """
    removed = 0
    for root in Path(parent).glob(pattern):
        try:
            owner = int((root / "owner.pid").read_text())
        except (OSError, ValueError):
            continue
        if pid_alive(owner):
            continue
        try:
            pm = int((root / "data" / "postmaster.pid").read_text().splitlines()[0])
            if pid_alive(pm):
                os.kill(pm, signal.SIGINT)
                deadline = time.monotonic() + 10
                while pid_alive(pm) and time.monotonic() < deadline:
                    time.sleep(0.1)
        except (OSError, ValueError, IndexError):
            pass
        shutil.rmtree(root.parent, ignore_errors=True)
        removed += 1
    return removed
