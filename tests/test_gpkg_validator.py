"""GDAL's own GeoPackage validator (validate_gpkg.py) on a project after several commands.

The validator is GDAL's, taken at test time from the Debian package python3-gdal (installed by
`scripts/install-system-deps test`) and run with Debian's Python, which has those bindings; it
is not copied into this repository.

One allowance, said where it applies: Debian 12's validator (GDAL 3.6) predates the R-tree
triggers `update6`/`update7` that newer GDAL writes instead of `update1`/`update3` (GeoPackage 1.4
allows both), so it reports those as missing; they are ignored only where the newer triggers are
there.
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


def test_project_and_field_package_meet_the_standard(busy_project):
    for path in busy_project:
        assert problems(path) == [], path


def test_attribute_tables_have_integer_primary_keys_req_119(busy_project):
    for path in busy_project:
        assert [l for l in problems(path) if l.startswith("Req 119")] == [], path


# The tables as assetmap made them before issue 19: text (or no) primary keys.
OLD_DDL = {
    "assetmap_project": "(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "assetmap_layers": "(name TEXT PRIMARY KEY, role TEXT NOT NULL, display_name TEXT NOT NULL, "
                       "geometry_type TEXT NOT NULL DEFAULT '', feature_count INTEGER NOT NULL DEFAULT 0, "
                       "sort_order INTEGER NOT NULL DEFAULT 0, visible INTEGER NOT NULL DEFAULT 1, "
                       "opacity REAL NOT NULL DEFAULT 1.0, style TEXT NOT NULL DEFAULT '{}', "
                       "source TEXT NOT NULL DEFAULT '', imported_at TEXT NOT NULL DEFAULT '', "
                       "extra TEXT NOT NULL DEFAULT '{}')",
    "assetmap_survey_forms": "(form_id TEXT PRIMARY KEY, version TEXT NOT NULL DEFAULT '', "
                             "title TEXT NOT NULL DEFAULT '', layer TEXT NOT NULL, json TEXT NOT NULL, "
                             "installed_at TEXT NOT NULL)",
    "assetmap_survey_media": "(uuid TEXT NOT NULL, field TEXT NOT NULL, filename TEXT NOT NULL, "
                             "mime TEXT NOT NULL DEFAULT '', data BLOB NOT NULL, PRIMARY KEY (uuid, field))",
    "assetmap_survey_merges": "(package_id TEXT NOT NULL, uuid TEXT NOT NULL, package_revision INTEGER NOT NULL, "
                              "project_revision INTEGER NOT NULL, merged_at TEXT NOT NULL, "
                              "PRIMARY KEY (package_id, uuid))",
    "assetmap_survey_conflict_media": "(package_id TEXT NOT NULL, uuid TEXT NOT NULL, field TEXT NOT NULL, "
                                      "filename TEXT NOT NULL, mime TEXT NOT NULL DEFAULT '', data BLOB NOT NULL, "
                                      "PRIMARY KEY (package_id, uuid, field))",
    "assetmap_survey_imports": "(uuid TEXT PRIMARY KEY, form_id TEXT NOT NULL, source TEXT NOT NULL DEFAULT '', "
                               "source_time TEXT, source_revision INTEGER, project_revision INTEGER NOT NULL, "
                               "imported_at TEXT NOT NULL)",
    "assetmap_survey_package": "(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "assetmap_survey_pack_base": "(uuid TEXT PRIMARY KEY, form_id TEXT NOT NULL, revision INTEGER NOT NULL)",
    "assetmap_hub_categories": "(code TEXT PRIMARY KEY, label TEXT NOT NULL, description TEXT NOT NULL DEFAULT '')",
}


def _make_old(path: Path) -> None:
    """Rewrite a project's attribute tables as the previous format had them (same rows)."""
    con = sqlite3.connect(path)
    with con:
        registered = [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents WHERE data_type='attributes'")]
        for table in registered:
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")') if r[1] != "fid"]
            if table in OLD_DDL:
                ddl = OLD_DDL[table]
            elif table.startswith(("assetmap_hsds_", "assetmap_locator_")):
                ddl = "(" + ", ".join(f'"{c}" TEXT' for c in cols) + ")"  # no key at all
            else:
                continue
            names = ", ".join(f'"{c}"' for c in cols)
            con.execute(f'CREATE TABLE "{table}_old" {ddl}')
            con.execute(f'INSERT INTO "{table}_old" ({names}) SELECT {names} FROM "{table}" ORDER BY rowid')
            con.execute(f'DROP TABLE "{table}"')
            con.execute(f'ALTER TABLE "{table}_old" RENAME TO "{table}"')
        con.execute("UPDATE assetmap_project SET value='1' WHERE key='schema_version'")  # and its number
    con.close()


def _contents(path: Path) -> dict[str, list]:
    """Every registered attribute table's rows (without the integer key), in stored order."""
    con = sqlite3.connect(path)
    out = {}
    for (table,) in con.execute("SELECT table_name FROM gpkg_contents WHERE data_type='attributes'").fetchall():
        cols = ", ".join(f'"{r[1]}"' for r in con.execute(f'PRAGMA table_info("{table}")') if r[1] != "fid")
        out[table] = con.execute(f'SELECT {cols} FROM "{table}" ORDER BY rowid').fetchall()
    con.close()
    return out


def test_old_project_and_package_open_and_are_upgraded_on_first_write(busy_project, tmp_path):
    from assetmap.hubs.directory import load
    from assetmap.project import Project, gpkg
    from assetmap.survey.pack import package_meta
    from assetmap.survey.store import SurveyStore

    for src in busy_project:
        old = tmp_path / src.name
        shutil.copyfile(src, old)
        _make_old(old)
        assert any(l.startswith("Req 119") for l in problems(old))
        rows, stamp = _contents(old), old.read_bytes()

        project = Project.open(old)  # reading an old file: works, and writes nothing
        meta, layers = project.all_meta(), [i.name for i in project.layers()]
        assert meta["schema_version"] == "1" and layers
        assert [f.form_id for f in SurveyStore(project).forms()]
        assert len(load(project)["organizations"]) == len(rows.get("assetmap_hsds_organizations", []))
        is_package = "assetmap_survey_package" in rows
        assert bool(package_meta(project)) == is_package
        assert old.read_bytes() == stamp

        project.set_meta("upgraded", "yes")  # the first write rebuilds the tables
        project.set_meta("upgraded", "twice")  # INSERT OR REPLACE still replaces by the text key
        assert problems(old) == [], old
        after = _contents(old)
        # ... and says so in the format number, so an assetmap of format 1 refuses it cleanly
        old_meta = [(k, "2" if k == "schema_version" else v) for k, v in rows.pop("assetmap_project")]
        assert after.pop("assetmap_project") == old_meta + [("upgraded", "twice")]
        assert after == rows
        assert project.all_meta() == {**meta, "schema_version": "2", "upgraded": "twice"}
        assert [i.name for i in project.layers()] == layers
        with gpkg.transaction(old) as con:  # nothing left to do the second time
            assert gpkg.upgrade(con) == []
