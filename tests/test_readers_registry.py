"""The readers registry: one place that lists file formats; everything else derives from it.

A toy format registered here (".pts": one "lon lat name" per line, WGS 84) must be read by
``read_source``, imported by ``import_file`` and named in the CLI's help and error hints,
without any other list being edited. The import dialog's filter is checked in
tests/ui/test_readers_dialog.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from assetmap.importers import readers


def read_pts(path: Path, options, report):
    import geopandas as gpd
    from shapely.geometry import Point

    rows = [line.split(maxsplit=2) for line in path.read_text().splitlines() if line.strip()]
    report.read = len(rows)
    return gpd.GeoDataFrame({"name": [r[2] for r in rows]},
                            geometry=[Point(float(r[0]), float(r[1])) for r in rows], crs="EPSG:4326")


@pytest.fixture()
def toy_format():
    reader = readers.register(readers.Reader("pts", "Toy points", (".pts",), read_pts))
    yield reader
    readers.unregister("pts")


@pytest.fixture()
def pts_file(tmp_path):
    path = tmp_path / "toy_sites.pts"
    path.write_text("-90.25 38.63 Library\n-90.20 38.60 Clinic\n")
    return path


def test_builtin_formats_as_before():
    assert readers.supported_text() == "GeoJSON, Shapefile (.shp or zipped), GeoPackage, FlatGeobuf, KML, CSV"
    for suffix in (".geojson", ".json", ".shp", ".zip", ".gpkg", ".fgb", ".kml", ".kmz", ".gml", ".sqlite"):
        assert readers.reader_for(Path("a" + suffix)).table is False, suffix
    for suffix in (".csv", ".TXT", ".tsv"):
        assert readers.reader_for(Path("a" + suffix)).table is True, suffix
    assert readers.reader_for(Path("a.xyz")) is None
    assert set(readers.patterns(boundaries=True).split()) == {
        "*.shp", "*.zip", "*.geojson", "*.json", "*.gpkg", "*.fgb", "*.kml"}


def test_a_suffix_belongs_to_one_reader():
    with pytest.raises(ValueError, match="already belong"):
        readers.register(readers.Reader("other-csv", "Other CSV", (".csv",), read_pts))
    assert readers.reader_for(Path("a.csv")).key == "csv"


def test_registered_reader_is_read_and_imported(toy_format, pts_file, project):
    from assetmap.importers import SUPPORTED, import_file, read_source

    gdf, report = read_source(pts_file)
    assert list(gdf["name"]) == ["Library", "Clinic"] and report.read == 2
    assert "Toy points" in SUPPORTED
    report = import_file(project, pts_file, "assets")
    assert report.imported == 2
    layer = project.read_layer("toy_sites")
    assert sorted(layer["name"]) == ["Clinic", "Library"]
    assert layer.geometry.x.round(2).tolist() == [-90.25, -90.2]


def test_unregistered_format_is_refused_with_the_registry_list(tmp_path, pts_file):
    from assetmap.errors import UserError
    from assetmap.importers import read_source

    with pytest.raises(UserError) as err:
        read_source(pts_file)
    assert "can't be imported" in str(err.value) and "Toy points" not in err.value.hint
    unknown = tmp_path / "x.unknown"
    unknown.write_text("1")
    readers.register(readers.Reader("pts", "Toy points", (".pts",), read_pts))
    try:
        with pytest.raises(UserError) as err:
            read_source(unknown)
        assert "Toy points" in err.value.hint
    finally:
        readers.unregister("pts")


def test_cli_help_and_import_use_the_registry(toy_format, pts_file, tmp_path, capsys):
    from assetmap.cli import main

    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "Toy points" in capsys.readouterr().out
    target = tmp_path / "p.gpkg"
    assert main(["new", str(target)]) == 0
    assert main(["import", str(target), str(pts_file), "--role", "assets"]) == 0
    from assetmap.project import Project

    assert Project.open(target).layer("toy_sites").feature_count == 2
