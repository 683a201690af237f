from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SHARED

HSDS = SHARED / "hsds3"


@pytest.fixture(scope="session")
def hsds_dir() -> Path:
    if not HSDS.exists():
        pytest.fail(f"HSDS example not found at {HSDS}")
    return HSDS


@pytest.fixture()
def hsds_copy(tmp_path, hsds_dir) -> Path:
    """A writable copy of the example package, to break or fix in a test."""
    out = tmp_path / "hsds"
    out.mkdir()
    for f in hsds_dir.glob("*.csv"):
        shutil.copyfile(f, out / f.name)
    return out
