"""GDAL's own GeoPackage validator (validate_gpkg.py) on a project after several commands.

The validator is GDAL's, taken at test time from the Debian package python3-gdal (installed by
`scripts/install-system-deps test`) and run with Debian's Python, which has those bindings; it
is not copied into this repository.

Two allowances, both said where they apply:
- Debian 12's validator (GDAL 3.6) predates the R-tree triggers `update6`/`update7` that newer
  GDAL writes instead of `update1`/`update3` (GeoPackage 1.4 allows both), so it reports those
  as missing; they are ignored only where the newer triggers are there.
- Requirement 119 (attribute tables with an INTEGER primary key) is not met yet: assetmap's
  metadata tables have TEXT keys. That test is marked as an expected failure until the
  migration lands (issue 19).
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_cli

CANDIDATES = [Path("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"),
              Path("/usr/share/doc/python3-gdal/examples/validate_gpkg.py")]


def _validator() -> Path:
    try:
        listed = subprocess.run(["dpkg", "-L", "python3-gdal"], capture_output=True, text=True).stdout.split()
    except FileNotFoundError:
        listed = []
    for p in [Path(x) for x in listed if x.endswith("/validate_gpkg.py")] + CANDIDATES:
        if p.is_file():
            return p
    pytest.skip("GDAL's validate_gpkg.py not found (Debian package python3-gdal)")


def problems(path: Path) -> list[str]:
    r = subprocess.run(["/usr/bin/python3", str(_validator()), "-k", str(path)], capture_output=True,
                       text=True, timeout=300)
    lines = [l.strip() for l in (r.stdout + r.stderr).splitlines() if l.strip().startswith("Req ")]
    with sqlite3.connect(path) as con:
        triggers = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    out = []
    for line in lines:
        m = re.match(r"Req 75: (rtree_\w+)_update([13]) trigger missing", line)
        if m and {f"{m[1]}_update6", f"{m[1]}_update7"} <= triggers:
            continue  # the newer trigger pair, unknown to GDAL 3.6's validator
        out.append(line)
    return out


@pytest.fixture(scope="module")
def busy_project(tmp_path_factory):
    from assetmap.demo import bundled_demo

    tmp = tmp_path_factory.mktemp("gpkg")
    p = tmp / "p.gpkg"
    shutil.copyfile(bundled_demo(), p)
    csv = tmp / "assets.csv"
    csv.write_text("name,lat,lon\nSchool,38.6,-90.2\nClinic,38.62,-90.25\n")
    for argv in (["import", p, csv, "--role", "assets"], ["survey", "install", p, "--builtin"],
                 ["hubs", "add", p, "Hub", "--lon", "-90.25", "--lat", "38.61", "--service", "parenting"]):
        r = run_cli(*argv)
        assert r.returncode == 0, r.stderr
    pack = tmp / "ann.gpkg"
    r = run_cli("survey", "pack", p, pack, "--surveyor", "Ann", "--areas", "5,6")
    assert r.returncode == 0, r.stderr
    return p, pack


def test_project_and_field_package_meet_the_standard_except_req_119(busy_project):
    for path in busy_project:
        assert [l for l in problems(path) if not l.startswith("Req 119")] == [], path


@pytest.mark.xfail(strict=True, reason="issue 19: assetmap_* attribute tables still have TEXT primary keys")
def test_attribute_tables_have_integer_primary_keys_req_119(busy_project):
    for path in busy_project:
        assert problems(path) == [], path
