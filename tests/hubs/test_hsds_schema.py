"""HSDS 3 exports validate against the specification's own data package (frictionless), for an
imported directory and for hubs added by hand; imports warn about links to missing rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SHARED, run_cli

SCHEMA = SHARED / "hsds3-schema" / "datapackage.json"


def schema_errors(out: Path) -> list[str]:
    """frictionless errors of the exported CSVs against the official HSDS 3 descriptor (the
    tables the export holds; HSDS tables are optional, so links to absent tables are not checked)."""
    from frictionless import Package

    d = json.loads(SCHEMA.read_text())
    present = [r for r in d["resources"] if (out / Path(r["path"]).name).exists()]
    names = {r["name"] for r in present}
    for r in present:
        r["path"] = Path(r["path"]).name
        r["schema"]["foreignKeys"] = [fk for fk in r["schema"].get("foreignKeys", [])
                                      if fk["reference"]["resource"] in names | {""}]
    d["resources"] = present
    report = Package(d, basepath=str(out)).validate()
    return [f"{t.name}: {e.type}: {e.message}" for t in report.tasks for e in t.errors]


def _csv(out: Path, name: str):
    import pandas as pd

    return pd.read_csv(out / name, dtype=str, keep_default_na=False)


def test_import_warns_about_dangling_links(demo_copy):
    r = run_cli("hubs", "import", demo_copy.path, SHARED / "hsds3", "--unplaced")
    assert r.returncode == 0, r.stderr
    assert ("Warning: 1 row(s) of locations.csv name a organization_id that no row of organizations.csv has "
            "(first: line 2, '985e4a42-bd9f-4edc-911d-0243a4640aca')") in r.stdout
    assert "Warning: 1 row(s) of taxonomy_terms.csv name a taxonomy_id" in r.stdout


def test_imported_and_hand_made_hubs_export_valid_hsds(demo_copy, tmp_path):
    p = demo_copy.path
    assert run_cli("hubs", "import", p, SHARED / "hsds3", "--unplaced").returncode == 0
    r = run_cli("hubs", "add", p, "Shaw Family Hub", "--lon", "-90.25", "--lat", "38.61",
                "--organization", "Shaw Neighbours", "--service", "parenting", "--phone", "314-555-0100",
                "--address", "4200 Labadie Ave, St. Louis, MO 63115", "--hours", "Mon-Fri 9-5")
    assert r.returncode == 0, r.stderr
    r = run_cli("hubs", "add", p, "Corner Pantry", "--lon", "-90.21", "--lat", "38.63", "--service", "food",
                "--address", "12 Market St", "--city", "St. Louis", "--state", "MO", "--postal-code", "63101")
    assert r.returncode == 0, r.stderr
    r = run_cli("hubs", "add", p, "Street Only", "--lon", "-90.22", "--lat", "38.62", "--address", "1 Elm St")
    assert r.returncode == 0, r.stderr
    out = tmp_path / "hsds"
    r = run_cli("hubs", "export", p, out)
    assert r.returncode == 0, r.stderr
    assert schema_errors(out) == []
    assert "1 address(es) left out" in r.stdout and "locations row(s) named a organization_id" in r.stdout
    org = _csv(out, "organizations.csv").set_index("name")
    assert org.at["Shaw Neighbours", "description"] == "Runs the resource hub Shaw Family Hub."
    assert org.at["Corner Pantry", "description"] == "The resource hub Corner Pantry."
    adr = _csv(out, "addresses.csv").set_index("address_1")
    assert adr.loc["4200 Labadie Ave", ["city", "state_province", "postal_code", "country"]].tolist() == [
        "St. Louis", "MO", "63115", "US"]
    assert adr.loc["12 Market St", ["city", "state_province", "postal_code", "country"]].tolist() == [
        "St. Louis", "MO", "63101", "US"]
    assert "1 Elm St" not in adr.index


def test_the_old_export_failed_the_schema(tmp_path):
    """The check itself can fail: an organisation without a description and a one-line address."""
    out = tmp_path / "bad"
    out.mkdir()
    (out / "organizations.csv").write_text("id,name,description\no1,Org,\n")
    (out / "addresses.csv").write_text(
        "id,location_id,address_1,city,state_province,postal_code,country,address_type\n"
        "a1,,\"4200 Labadie Ave, St. Louis, MO 63115\",,,,,physical\n")
    errors = schema_errors(out)
    assert any("organization" in e and "description" in e for e in errors)
    assert any(e.startswith("address") and '"city"' in e for e in errors), errors


@pytest.mark.parametrize("line, parts", [
    ("4200 Labadie Ave, St. Louis, MO 63115", ("4200 Labadie Ave", "St. Louis", "MO", "63115", "US")),
    ("9 Oak Rd, Springfield, il 62701-1234, USA", ("9 Oak Rd", "Springfield", "IL", "62701-1234", "US")),
    ("Calle Mayor 5, Madrid", ("Calle Mayor 5, Madrid", "", "", "", "")),
])
def test_one_line_addresses_split(line, parts):
    from assetmap.hubs.address import complete_address

    got = complete_address(line)
    assert tuple(got[c] for c in ("address_1", "city", "state_province", "postal_code", "country")) == parts
