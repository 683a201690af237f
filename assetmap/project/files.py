"""The project file's care on disk: hot-journal recovery, private staging names, durable renames."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from assetmap.project import gpkg

_TX_MARK = ".assetmap-stage-"


def _recover_hot_journal(path: Path) -> None:
    """A process killed mid-write leaves a journal; a read-write open rolls it back.

    Read-only connections can't do that, so do it first."""
    if not path.with_name(path.name + "-journal").exists() or not os.access(path, os.W_OK):
        return
    try:
        with gpkg.connect(path) as con:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        pass


def _private_copy_path(path: Path, n: int = 0) -> Path:
    # Keeps the .gpkg suffix: GDAL warns about GeoPackages named otherwise.
    return path.with_name(f".{path.name}{_TX_MARK}{os.getpid()}-{n}.gpkg")


def _durable_replace(tmp: Path, target: Path) -> None:
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    try:
        dir_fd = os.open(target.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs (one of another user counts as running)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
