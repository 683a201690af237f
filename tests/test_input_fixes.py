"""Small input fixes of issue 19: negative coordinates after an option, a source 'fid' column,
partly broken coordinates skipped and counted (the all-broken files are in test_hostile_inputs)."""

from __future__ import annotations

import json

import pyogrio

from assetmap.cli import join_negative_values
from tests.conftest import run_cli


def test_negative_coordinate_pair_after_an_option_is_its_value():
    assert join_negative_values(["find", "p.gpkg", "--at", "-90.24,38.61", "--service", "food"]) == [
        "find", "p.gpkg", "--at=-90.24,38.61", "--service", "food"]
    # one number, an option, a value already joined or after "--" are left for argparse as they were
    for argv in (["--at", "-90.24"], ["--at", "--json"], ["--at=-90.2,38.6"], ["--", "-90.2,38.6"]):
        assert join_negative_values(argv) == argv


def test_find_at_negative_longitude_in_the_usual_spelling(demo_copy):
    r = run_cli("find", demo_copy.path, "--at", "-90.24,38.61", "--service", "parenting", "--json")
    assert r.returncode == 0, r.stderr
    assert "resources" in json.loads(r.stdout)


def test_geojson_fid_property_is_kept_under_another_name(project, tmp_path):
    from assetmap.importers import import_file

    src = tmp_path / "qgis_export.geojson"
    src.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"fid": "abc", "name": "a"},
         "geometry": {"type": "Point", "coordinates": [-90.2, 38.6]}},
        {"type": "Feature", "properties": {"fid": "abc", "name": "b"},
         "geometry": {"type": "Point", "coordinates": [-90.21, 38.61]}}]}))
    report = import_file(project, src, "assets")
    assert any("'source_fid'" in n for n in report.notes)
    gdf = pyogrio.read_dataframe(project.path, layer=report.layer, fid_as_index=True)
    assert list(gdf["source_fid"]) == ["abc", "abc"] and list(gdf.index) == [1, 2]


def test_broken_coordinates_are_skipped_and_counted(project, tmp_path):
    from assetmap.importers import import_file

    src = tmp_path / "some_broken.geojson"
    feats = [[float("nan"), 38.6], [-90.2, float("inf")], [-90.2, 138.6], [-90.2, 38.6]]
    src.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"n": i}, "geometry": {"type": "Point", "coordinates": xy}}
        for i, xy in enumerate(feats)]}))
    report = import_file(project, src, "assets")
    assert report.imported == 1
    assert report.skipped == {"coordinates that are not finite numbers (NaN or Infinity)": 2,
                              "latitude/longitude out of range": 1}
    assert list(project.read_layer(report.layer)["n"]) == [3]


def test_layer_counts_come_from_the_table_after_another_program_adds_rows(tmp_path, stl, backend):
    """QGIS (here: plain SQL, as any other program would) adds rows behind assetmap's back."""
    p = backend.fresh(tmp_path / "c.gpkg")
    assert run_cli("new", p).returncode == 0
    csv = tmp_path / "assets.csv"
    csv.write_text("name,lat,lon\nA,38.6,-90.2\nB,38.61,-90.21\n")
    assert run_cli("import", p, csv, "--role", "assets").returncode == 0
    with backend.sql(p) as con:
        con.execute("INSERT INTO assets (fid, name) VALUES (100, 'C')")
        con.execute("INSERT INTO assets (fid, name) VALUES (101, 'D')")
    r = run_cli("layers", p, "--json")
    assert r.returncode == 0, r.stderr
    assert [x["feature_count"] for x in json.loads(r.stdout)] == [4]
    assert backend.open(p).layer("assets").feature_count == 4
