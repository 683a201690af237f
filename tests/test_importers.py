"""Import of every supported format, and every kind of bad input named in the foundation issue."""

import json
import shutil
import zipfile

import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

from assetmap.errors import UserError
from assetmap.importers import import_file
from assetmap.project import Project


def _areas_m2(project, layer):
    gdf = project.read_layer(layer).set_index("NHD_NUM").sort_index()
    return gdf.to_crs("EPSG:26915").area


@pytest.mark.parametrize("crs", ["EPSG:4326", "EPSG:26915"])
def test_both_neighbourhood_files_give_the_same_88_polygons(tmp_path, stl, crs):
    p = Project.create(tmp_path / "p.gpkg", crs=crs)
    r1 = import_file(p, stl / "neighborhoods.geojson", "areas", name="geojson")
    r2 = import_file(p, stl / "neighborhoods_stateplane" / "BND_Nhd88_cw.shp", "areas", name="stateplane")
    assert r1.imported == r2.imported == 88
    assert r2.source_crs == "ESRI:102696"
    a, b = _areas_m2(p, "geojson"), _areas_m2(p, "stateplane")
    assert list(a.index) == list(b.index)
    assert np.max(np.abs(a / b - 1)) < 0.001
    assert p.layer("stateplane").extra["id_field"] == "NHD_NUM"
    assert p.layer("stateplane").extra["name_field"] == "NHD_NAME"
    # the project opens with plain GDAL and lists every layer, in the project CRS
    names = [n for n, _ in pyogrio.list_layers(p.path)]
    assert {"geojson", "stateplane"} <= set(names)
    info = pyogrio.read_info(p.path, layer="stateplane")
    assert info["features"] == 88
    from pyproj import CRS

    assert CRS.from_user_input(info["crs"]).equals(CRS.from_user_input(crs))


def test_zipped_shapefile(tmp_path, stl, project):
    z = tmp_path / "nbh.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for f in (stl / "neighborhoods_stateplane").iterdir():
            zf.write(f, f"BND/{f.name}")
    r = import_file(project, z, "areas")
    assert r.imported == 88 and r.layer == "nbh"


def test_geopackage_layer_choice_and_flatgeobuf_and_kml(tmp_path, stl, project):
    gdf = pyogrio.read_dataframe(stl / "neighborhoods.geojson")
    partner = tmp_path / "partner.gpkg"
    pyogrio.write_dataframe(gdf.iloc[:10], partner, layer="north")
    pyogrio.write_dataframe(gdf.iloc[10:30], partner, layer="south")
    with pytest.raises(UserError) as err:
        import_file(project, partner, "areas")
    assert "north" in err.value.message and "--layer" in err.value.hint
    assert import_file(project, partner, "areas", layer="south").imported == 20
    assert project.has_layer("south")
    fgb = tmp_path / "n.fgb"
    pyogrio.write_dataframe(gdf, fgb)
    assert import_file(project, fgb, "areas", name="fgb").imported == 88
    kml = tmp_path / "n.kml"
    pyogrio.write_dataframe(gdf[["NHD_NAME", "geometry"]].iloc[:5], kml, driver="KML")
    assert import_file(project, kml, "other", name="kml").imported == 5


def test_csv_with_na_coordinates_and_padded_text(areas_project, stl):
    r = import_file(areas_project, stl / "slmpd_part1_2017.csv", "other", name="incidents",
                    allow_case_records=True)  # a big real CSV; its case columns are acknowledged
    raw = pd.read_csv(stl / "slmpd_part1_2017.csv", low_memory=False)
    n_na = int((raw["x"].astype(str) == "nan").sum() + raw["x"].isna().sum())
    assert r.read == len(raw) == 25903
    assert r.skipped["no coordinates (empty or NA)"] == 152
    assert r.imported == 25903 - 152
    gdf = areas_project.read_layer("incidents")
    # never (0, 0): every point lies in St. Louis
    assert gdf.geometry.x.between(-90.4, -90.1).all() and gdf.geometry.y.between(38.5, 38.8).all()
    assert not gdf["description"].str.endswith(" ").any()
    assert n_na >= 0


def test_csv_latlon_detection_and_swapped_rows(tmp_path, areas_project):
    csv = tmp_path / "assets.csv"
    csv.write_text("Name,Latitude,Longitude\nChurch,38.63,-90.24\nClub,38.60,-90.26\n"
                   "Swapped,-90.21,38.62\nEmpty,,\nText,abc,-90.2\n")
    r = import_file(areas_project, csv, "assets")
    assert r.imported == 2
    assert r.skipped["no coordinates (empty or NA)"] == 1
    assert r.skipped["coordinates that are not numbers"] == 1
    assert r.skipped["latitude/longitude out of range"] == 1
    assert any("swapped" in w for w in r.warnings)


def test_whole_file_swapped_is_reported_and_swap_xy_fixes_it(tmp_path, areas_project):
    csv = tmp_path / "swapped.csv"
    csv.write_text("name,lat,lon\nA,-90.24,38.63\nB,-90.26,38.60\n")
    e = _bad(areas_project, csv)
    assert "none of its 2 rows" in e.message and "--swap-xy" in e.hint
    far = tmp_path / "far.csv"
    far.write_text("name,lat,lon\nA,38.63,90.24\nB,38.60,-90.26\n")  # a sign lost in A
    r = import_file(areas_project, far, "assets")
    assert r.imported == 2
    assert any("1 of 2 features lie far outside" in w for w in r.warnings)
    r2 = import_file(areas_project, csv, "assets", name="fixed", swap_xy=True)
    assert r2.warnings == []
    assert areas_project.read_layer("fixed").geometry.x.between(-90.3, -90.2).all()


def test_csv_named_columns_and_projected_xy_need_crs(tmp_path, areas_project):
    csv = tmp_path / "sp.csv"
    csv.write_text("site,easting,northing\nA,893000,1020000\n")
    with pytest.raises(UserError) as err:
        import_file(areas_project, csv, "assets")
    assert "no coordinate columns" in err.value.message and "--x" in err.value.hint
    with pytest.raises(UserError) as err:
        import_file(areas_project, csv, "assets", x="easting", y="northing")
    assert "--src-crs" in err.value.hint
    r = import_file(areas_project, csv, "assets", x="easting", y="northing", src_crs="ESRI:102696")
    assert r.imported == 1 and r.source_crs == "ESRI:102696"


def test_invalid_geometries_are_repaired_and_counted(tmp_path, project):
    bowtie = shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)])
    ok = shapely.box(2, 2, 3, 3)
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": 1, "name": "bow"}, "geometry": shapely.geometry.mapping(bowtie)},
        {"type": "Feature", "properties": {"id": 2, "name": "ok"}, "geometry": shapely.geometry.mapping(ok)},
        {"type": "Feature", "properties": {"id": 3, "name": "none"}, "geometry": None},
    ]}
    f = tmp_path / "bad.geojson"
    f.write_text(json.dumps(fc))
    r = import_file(project, f, "areas")
    assert r.repaired == 1 and r.skipped["no geometry"] == 1 and r.imported == 2
    gdf = project.read_layer("bad")
    assert gdf.geometry.is_valid.all()
    assert set(gdf.geometry.geom_type) <= {"Polygon", "MultiPolygon"}


# ---------------------------------------------------------------- bad input: message + untouched file
def _bad(project, path, *, role="assets", **kw):
    before = project.path.read_bytes()
    with pytest.raises(UserError) as err:
        import_file(project, path, role, **kw)
    assert project.path.read_bytes() == before, "the project file changed"
    return err.value


def test_empty_file(tmp_path, areas_project):
    for name in ("empty.csv", "empty.geojson"):
        f = tmp_path / name
        f.write_bytes(b"")
        e = _bad(areas_project, f)
        assert "is empty" in e.message and name in e.message


def test_not_a_geo_file(tmp_path, areas_project):
    f = tmp_path / "photo.geojson"
    f.write_bytes(bytes(range(256)) * 8)
    e = _bad(areas_project, f)
    assert "could not be read as map data" in e.message and "photo.geojson" in e.message
    doc = tmp_path / "report.docx"
    doc.write_text("x")
    assert "can't be imported" in _bad(areas_project, doc).message


def test_corrupt_zip(tmp_path, areas_project, stl):
    z = tmp_path / "nbh.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for f in (stl / "neighborhoods_stateplane").iterdir():
            zf.write(f, f.name)
    data = z.read_bytes()
    (tmp_path / "cut.zip").write_bytes(data[: len(data) // 2])
    e = _bad(areas_project, tmp_path / "cut.zip", role="areas")
    assert "zip" in e.message and "cut.zip" in e.message


def test_wrong_encoding(tmp_path, areas_project):
    f = tmp_path / "latin.csv"
    f.write_bytes("name,lat,lon\nIglesia San José,38.6,-90.2\n".encode("utf-16"))
    e = _bad(areas_project, f)
    assert "not UTF-8" in e.message and "--encoding" in e.hint
    g = tmp_path / "cp.csv"
    g.write_bytes("name,lat,lon\nIglesia San José,38.6,-90.2\n".encode("cp1252"))
    _bad(areas_project, g)
    r = import_file(areas_project, g, "assets", encoding="cp1252")
    assert areas_project.read_layer(r.layer)["name"].iloc[0] == "Iglesia San José"


def test_unknown_column(tmp_path, areas_project):
    f = tmp_path / "a.csv"
    f.write_text("name,lat,lon\nA,38.6,-90.2\n")
    e = _bad(areas_project, f, x="longitude_wgs84", y="lat")
    assert "no column 'longitude_wgs84'" in e.message and "lon" in e.hint


def test_duplicate_layer_name(areas_project, stl):
    e = _bad(areas_project, stl / "neighborhoods.geojson", role="areas", name="neighborhoods")
    assert "already has a layer named 'neighborhoods'" in e.message and "--name" in e.hint


def test_file_without_crs(tmp_path, areas_project, stl):
    d = tmp_path / "noprj"
    d.mkdir()
    for f in (stl / "neighborhoods_stateplane").iterdir():
        if f.suffix != ".prj":
            shutil.copy(f, d / f.name)
    e = _bad(areas_project, d / "BND_Nhd88_cw.shp", role="areas")
    assert "coordinate system" in e.message and "--src-crs" in e.hint and ".prj" in e.hint
    r = import_file(areas_project, d / "BND_Nhd88_cw.shp", "areas", src_crs="ESRI:102696")
    assert r.imported == 88


def test_points_as_areas_and_missing_file(tmp_path, areas_project):
    f = tmp_path / "pts.csv"
    f.write_text("name,lat,lon\nA,38.6,-90.2\n")
    assert "must be polygons" in _bad(areas_project, f, role="areas").message
    assert "does not exist" in _bad(areas_project, tmp_path / "nope.csv").message
    assert "Unknown layer role" in _bad(areas_project, f, role="churches").message
