"""HSDS 3 import and export with the official example package and broken copies of it."""

from __future__ import annotations

import csv
import json
import zipfile

import pytest

from assetmap.errors import UserError
from assetmap.hubs import directory, schema
from assetmap.hubs.hsds_export import export_hsds
from assetmap.hubs.hsds_import import import_hsds
from tests.conftest import run_cli


def _rows(path):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _set(path, line, field, value):
    rows = _rows(path)
    rows[line - 2][field] = value
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


def test_example_round_trip_table_by_table(project, hsds_dir, tmp_path):
    report = import_hsds(project, hsds_dir, unplaced=True)
    # The example's latitude 100 is a placeholder: reported, not placed.
    assert report.rows["locations"] == 1 and len(report.unplaced) == 1
    assert "line 2" in report.unplaced[0] and "latitude '100'" in report.unplaced[0]
    assert "contacts" in report.ignored_tables
    # the shared example's datapackage.json is a dangling link's text, not JSON
    assert any("datapackage.json is not valid JSON" in n for n in report.notes)
    assert project.layer("hubs").feature_count == 1
    assert project.read_layer("hubs").geometry.isna().all()
    out = tmp_path / "out"
    export_hsds(project, out)
    for table in schema.TABLES:
        original, exported = _rows(hsds_dir / f"{table}.csv"), _rows(out / f"{table}.csv")
        assert list(exported[0]) == list(original[0]), table       # same columns, same order
        assert len(exported) == len(original), table
        for a, b in zip(original, exported):
            if table == "locations":
                # the placeholders are out of range: exported blank rather than as a wrong place
                assert not -90 <= float(a["latitude"]) <= 90
                assert (b["latitude"], b["longitude"]) == ("", "")
                a = {k: v for k, v in a.items() if k not in ("latitude", "longitude")}
                b = {k: v for k, v in b.items() if k not in ("latitude", "longitude")}
            # the example's links to rows it does not have are left empty, so the export
            # validates against the HSDS 3 schema (tests/hubs/test_hsds_schema.py)
            for t, col, _ in schema.EXPORT_CHECKED_LINKS:
                if t == table and a.get(col) and b[col] == "":
                    a = {**a, col: ""}
            assert a == b, table
    package = json.loads((out / "datapackage.json").read_text())
    assert {r["path"] for r in package["resources"]} == {f"{t}.csv" for t in schema.TABLES}
    names = {r["name"]: [f["name"] for f in r["schema"]["fields"]] for r in package["resources"]}
    assert names["services"] == list(_rows(hsds_dir / "services.csv")[0])


def test_real_coordinates_round_trip_from_zip(project, hsds_copy, tmp_path):
    _set(hsds_copy / "locations.csv", 2, "latitude", "38.6105")
    _set(hsds_copy / "locations.csv", 2, "longitude", "-90.2497")
    z = tmp_path / "pkg.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for f in hsds_copy.glob("*.csv"):
            zf.write(f, f"export/{f.name}")
    report = import_hsds(project, z)
    assert report.unplaced == []
    g = project.read_layer("hubs").geometry.iloc[0]
    assert (g.x, g.y) == (-90.2497, 38.6105)
    export_hsds(project, tmp_path / "a")
    loc = _rows(tmp_path / "a" / "locations.csv")[0]
    assert (float(loc["latitude"]), float(loc["longitude"])) == (38.6105, -90.2497)
    # re-importing our export into a fresh project and exporting again changes nothing
    from assetmap.project import Project

    p2 = Project.create(tmp_path / "p2.gpkg")
    import_hsds(p2, tmp_path / "a")
    export_hsds(p2, tmp_path / "b")
    for t in schema.TABLES:
        assert (tmp_path / "a" / f"{t}.csv").read_bytes() == (tmp_path / "b" / f"{t}.csv").read_bytes(), t


def test_rows_without_coordinates_are_reported(project, hsds_copy):
    _set(hsds_copy / "locations.csv", 2, "latitude", "")
    _set(hsds_copy / "locations.csv", 2, "longitude", "")
    report = import_hsds(project, hsds_copy)
    assert report.unplaced == ["locations.csv line 2 (MyCity Civic Center): no latitude/longitude"]


@pytest.mark.parametrize("breakage, expected", [
    (lambda d: _set(d / "locations.csv", 2, "latitude", "100"),
     "locations.csv line 2, field latitude: latitude '100'"),
    (lambda d: (_set(d / "locations.csv", 2, "latitude", "38.6"), _set(d / "locations.csv", 2, "longitude", "-190.5")),
     "locations.csv line 2, field longitude"),
    (lambda d: _set(d / "services.csv", 2, "organization_id", "no-such-org"),
     "services.csv line 2, field organization_id: 'no-such-org' is not the id of any row of organizations.csv"),
    (lambda d: _set(d / "service_at_location.csv", 2, "location_id", "elsewhere"),
     "service_at_location.csv line 2, field location_id: 'elsewhere'"),
    (lambda d: _set(d / "organizations.csv", 2, "name", ""),
     "organizations.csv line 2, field name: empty (required)"),
    (lambda d: (d / "services.csv").write_text(
        (d / "services.csv").read_text().replace("id,organization_id,", "ident,organization_id,", 1)),
     "services.csv: missing required column(s) id"),
    (lambda d: (d / "locations.csv").unlink(), "has no locations.csv"),
    (lambda d: (d / "phones.csv").write_bytes((d / "phones.csv").read_bytes() + b"x,,,,,,Caf\xe9 line,,,\n"),
     "phones.csv is not UTF-8"),
    (lambda d: (d / "organizations.csv").write_text((d / "organizations.csv").read_text()
                                                    + (d / "organizations.csv").read_text().splitlines()[1] + "\n"),
     "organizations.csv line 3, field id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610' is used twice"),
])
def test_bad_packages_are_reported_and_change_nothing(project, hsds_copy, breakage, expected):
    from assetmap.commands import CommandStack
    from assetmap.hubs import commands

    CommandStack().push(commands.add_hub(project, "Existing hub", -90.2, 38.6))
    before = project.path.read_bytes()
    breakage(hsds_copy)
    with pytest.raises(UserError) as err:
        import_hsds(project, hsds_copy, unplaced=False)
    assert expected in err.value.message
    assert project.path.read_bytes() == before
    assert directory.load(project)["locations"]["name"].tolist() == ["Existing hub"]


def test_cli_import_export(tmp_path, hsds_dir, backend):
    p = backend.fresh(tmp_path / "p.gpkg")
    assert run_cli("new", p).returncode == 0
    before = backend.state(p)
    r = run_cli("hubs", "import", p, hsds_dir)
    assert r.returncode == 2 and "locations.csv line 2, field latitude" in r.stderr and "--unplaced" in r.stderr
    assert backend.state(p) == before
    r = run_cli("hubs", "import", p, hsds_dir, "--unplaced", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["rows"]["services"] == 1
    r = run_cli("hubs", "export", p, tmp_path / "out")
    assert r.returncode == 0, r.stderr
    assert _rows(tmp_path / "out" / "services.csv") == _rows(hsds_dir / "services.csv")
    r = run_cli("hubs", "export", p, tmp_path / "out")
    assert r.returncode == 2 and "--overwrite" in r.stderr


def test_categories_travel_through_hsds(project, tmp_path):
    from assetmap.commands import CommandStack
    from assetmap.hubs import commands
    from assetmap.hubs.directory import ServiceSpec
    from assetmap.project import Project

    CommandStack().push(commands.add_hub(project, "FRC", -90.25, 38.62, services=[
        ServiceSpec("Parent cafe", "parenting"), ServiceSpec("Recovery group", "substance_use")]))
    export_hsds(project, tmp_path / "out")
    terms = {r["id"]: r["code"] for r in _rows(tmp_path / "out" / "taxonomy_terms.csv")}
    svc = {r["id"]: r["name"] for r in _rows(tmp_path / "out" / "services.csv")}
    linked = {svc[a["link_id"]]: terms[a["taxonomy_term_id"]] for a in _rows(tmp_path / "out" / "attributes.csv")}
    assert linked == {"Parent cafe": "parenting", "Recovery group": "substance_use"}
    fresh = Project.create(tmp_path / "fresh.gpkg")
    import_hsds(fresh, tmp_path / "out")
    d = directory.load(fresh)
    assert dict(zip(d["services"]["name"], d["services"]["category"])) == {
        "Parent cafe": "parenting", "Recovery group": "substance_use"}


def test_term_matched_by_name_sets_category(project, hsds_copy):
    _set(hsds_copy / "taxonomy_terms.csv", 2, "name", "Mental health")
    _set(hsds_copy / "attributes.csv", 2, "link_id", "ac148810-d857-441c-9679-408f346de14b")
    report = import_hsds(project, hsds_copy, unplaced=True)
    assert report.uncategorised_services == 0
    assert directory.load(project)["services"]["category"].tolist() == ["mental_health"]


def test_cancel_leaves_project_unchanged(project, hsds_dir):
    from assetmap.errors import Cancelled
    from assetmap.tasks import TaskContext

    before = project.path.read_bytes()
    ctx = TaskContext()
    ctx._on_progress = lambda f, msg: ctx.cancel() if msg == "Saving" else None  # mid-edit
    with pytest.raises(Cancelled):
        import_hsds(project, hsds_dir, unplaced=True, ctx=ctx)
    assert project.path.read_bytes() == before
    assert [p.name for p in project.path.parent.iterdir() if "assetmap-tx" in p.name] == []


def test_unmatched_terms_reported_then_categorized(tmp_path, hsds_copy, backend):
    _set(hsds_copy / "taxonomy_terms.csv", 2, "name", "Parenting Skills Classes")
    _set(hsds_copy / "taxonomy_terms.csv", 2, "code", "PH-6100.6500")
    _set(hsds_copy / "attributes.csv", 2, "link_id", "ac148810-d857-441c-9679-408f346de14b")
    p = backend.fresh(tmp_path / "p.gpkg")
    assert run_cli("new", p).returncode == 0
    r = run_cli("hubs", "import", p, hsds_copy, "--unplaced")
    assert r.returncode == 0, r.stderr
    assert "Parenting Skills Classes" in r.stdout and "hubs categorize" in r.stdout
    r = run_cli("hubs", "categorize", p, "--match", "ph-6100", "--as", "parenting")
    assert r.returncode == 0 and r.stdout.startswith("1 service(s)")
    assert directory.load(backend.open(p))["services"]["category"].tolist() == ["parenting"]
