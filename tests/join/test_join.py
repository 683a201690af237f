"""Join a table to a layer: the real St. Louis population CSV onto the real neighbourhoods."""

from __future__ import annotations

import sqlite3

import pandas as pd
import pytest

from assetmap.errors import UserError
from assetmap.join import join_table, normalise_key, parse_on, read_table
from tests.conftest import run_cli


@pytest.mark.parametrize("a,b", [
    (43, "43"), ("43", 43.0), ("043", "43"), (" 43 ", "43"), ("43.0", 43),
    ("Franz  Park", "franz park"), ("1400000US29510101100", "29510101100"),
    ("1400000us29510101100", 29510101100), ("0500000US29510", "29510"), ("01001", 1001),
])
def test_keys_that_mean_the_same_compare_equal(a, b):
    assert normalise_key(a) == normalise_key(b) is not None


@pytest.mark.parametrize("a,b", [("43", "430"), ("43.5", "43"), ("A1", "A01"), ("2951010110", "29510101100")])
def test_different_keys_stay_different(a, b):
    assert normalise_key(a) != normalise_key(b)


@pytest.mark.parametrize("blank", [None, "", "   ", float("nan")])
def test_blank_keys_are_none(blank):
    assert normalise_key(blank) is None


def test_parse_on():
    assert parse_on("NHD_NUM") == ("NHD_NUM", "NHD_NUM")
    assert parse_on("GEOID = GEO_ID") == ("GEOID", "GEO_ID")
    with pytest.raises(UserError):
        parse_on("GEOID=")


@pytest.fixture()
def stateplane_project(tmp_path, stl):
    from assetmap.importers import import_file
    from assetmap.project import Project

    project = Project.create(tmp_path / "city.gpkg", crs="EPSG:4326")
    import_file(project, stl / "neighborhoods_stateplane" / "BND_Nhd88_cw.shp", "areas", name="neighborhoods")
    return project


def _column_types(project, layer):
    with sqlite3.connect(project.path) as con:
        return {r[1]: r[2] for r in con.execute(f"PRAGMA table_info({layer})")}


def test_real_population_joins_onto_real_neighbourhoods(stateplane_project, stl):
    project = stateplane_project
    before = project.read_layer("neighborhoods")
    r = run_cli("join", project.path, "neighborhoods", stl / "population_by_neighborhood.csv", "--on", "NHD_NUM",
                "--json")
    assert r.returncode == 0, r.stderr
    import json

    report = json.loads(r.stdout)
    assert report["matched"] == 79 and report["layer_rows"] == 88 and report["table_rows"] == 79
    # The nine parks / non-residential areas (80-88) have no population row.
    assert report["layer_unmatched"] == [str(n) for n in range(80, 89)]
    assert report["table_unmatched"] == [] and report["duplicate_table_keys"] == {}
    assert report["skipped_same"] == ["NHD_NAME"]  # same names: not added twice
    assert report["columns"]["pop17"] == "real" and report["columns"]["pop17_m"] == "real"

    after = project.read_layer("neighborhoods")
    assert list(after.index) == list(before.index)  # feature ids kept
    assert after.geometry.geom_equals(before.geometry).all()
    types = _column_types(project, "neighborhoods")
    assert types["pop17"] == "REAL" and types["pop17_m"] == "REAL"  # numbers, not text; MOE kept
    # Independent: pandas merge of the same files.
    pop = pd.read_csv(stl / "population_by_neighborhood.csv")
    expected = before.merge(pop[["NHD_NUM", "pop17"]], on="NHD_NUM", how="left")
    got = after.set_index("NHD_NUM")["pop17"].sort_index()
    want = expected.set_index("NHD_NUM")["pop17"].sort_index()
    pd.testing.assert_series_equal(got, want, check_names=False)
    info = project.layer("neighborhoods")
    assert info.extra["joins"][0]["table"] == "population_by_neighborhood.csv"  # a name, never a path
    assert "/" not in str(info.extra["joins"])
    assert info.role.value == "areas" and info.extra["id_field"]  # layer settings kept


def test_report_lists_by_key_in_text(stateplane_project, stl):
    r = run_cli("join", stateplane_project.path, "neighborhoods", stl / "population_by_neighborhood.csv",
                "--on", "nhd_num")  # field names are found whatever their case
    assert r.returncode == 0, r.stderr
    assert "79 of 88 layer rows matched" in r.stdout
    assert "Layer rows with no match in the table (9): 80, 81, 82, 83, 84, 85, 86, 87, 88." in r.stdout


def test_xlsx_with_text_keys_and_leading_zeros(stateplane_project, stl, tmp_path):
    pop = pd.read_csv(stl / "population_by_neighborhood.csv", dtype=str)
    pop["code"] = pop["NHD_NUM"].str.zfill(3)  # "043": a spreadsheet's text codes
    book = tmp_path / "pop.xlsx"
    pop[["code", "pop17", "pop17_m"]].to_excel(book, sheet_name="Estimates", index=False)
    report = join_table(stateplane_project, "neighborhoods", book, "NHD_NUM=code", sheet="Estimates")
    assert report.matched == 79
    assert set(report.columns) == {"pop17", "pop17_m"}
    assert _column_types(stateplane_project, "neighborhoods")["pop17"] == "REAL"


def test_dbf_table(stateplane_project, stl, tmp_path):
    import geopandas as gpd
    import pyogrio

    pop = pd.read_csv(stl / "population_by_neighborhood.csv")[["NHD_NUM", "pop10"]]
    pop["NHD_NUM"] = pop["NHD_NUM"].astype(str)
    dbf = tmp_path / "pop.dbf"
    pyogrio.write_dataframe(pd.DataFrame(pop), dbf, driver="ESRI Shapefile")
    assert dbf.exists()
    report = join_table(stateplane_project, "neighborhoods", dbf, "NHD_NUM")
    assert report.matched == 79 and report.columns == {"pop10": "real"}
    del gpd


def test_census_geoids_with_prefix_and_moe_columns(project, tmp_path):
    import geopandas as gpd
    import shapely

    from assetmap.layers import LayerInfo, LayerRole

    tracts = gpd.GeoDataFrame({"GEOID": ["29510101100", "29510101200", "29510101300"]},
                              geometry=[shapely.box(i, 0, i + 1, 1) for i in range(3)], crs="EPSG:4326")
    project.write_layer(tracts, LayerInfo("tracts", LayerRole.AREAS, "Tracts"))
    csv = tmp_path / "acs.csv"
    csv.write_text("GEO_ID,NAME,B01003_001E,B01003_001M\n"
                   "1400000US29510101100,Census Tract 1011,2868,\"(X)\"\n"
                   "1400000US29510101200,Census Tract 1012,\"1,904\",311\n"
                   "1400000US29510999999,Census Tract 9999,10,5\n", encoding="utf-8")
    report = join_table(project, "tracts", csv, "GEOID=GEO_ID")
    assert report.matched == 2
    assert report.layer_unmatched == ["29510101300"] and report.table_unmatched == ["1400000US29510999999"]
    assert report.columns == {"NAME": "text", "B01003_001E": "integer", "B01003_001M": "integer"}
    got = project.read_layer("tracts").set_index("GEOID")
    assert got.loc["29510101200", "B01003_001E"] == 1904  # thousands separator read
    assert pd.isna(got.loc["29510101100", "B01003_001M"])  # "(X)" is missing, not text
    assert pd.isna(got.loc["29510101300", "B01003_001E"])


def test_duplicate_keys_are_reported_and_not_guessed(project, tmp_path):
    import geopandas as gpd
    import shapely

    from assetmap.layers import LayerInfo, LayerRole

    areas = gpd.GeoDataFrame({"code": ["1", "2", "3", "3"]},
                             geometry=[shapely.box(i, 0, i + 1, 1) for i in range(4)], crs="EPSG:4326")
    project.write_layer(areas, LayerInfo("areas", LayerRole.OTHER, "Areas"))
    csv = tmp_path / "t.csv"
    csv.write_text("code,value\n1,10\n2,20\n02,21\n3,30\n,99\n", encoding="utf-8")
    report = join_table(project, "areas", csv, "code")
    assert report.duplicate_table_keys == {"2": 2}  # "2" and "02" are the same key
    assert report.duplicate_layer_keys == {"3": 2}
    assert report.blank_table_keys == 1
    assert report.matched == 3  # 1, and both rows with 3; not 2
    values = project.read_layer("areas")["value"].tolist()
    assert values[0] == 10 and pd.isna(values[1]) and values[2] == values[3] == 30
    assert any("several table rows" in line and "2 (2 rows)" in line for line in report.lines())


def test_no_match_is_refused_and_the_project_is_unchanged(stateplane_project, stl, tmp_path):
    csv = tmp_path / "names.csv"
    csv.write_text("NHD_NUM,x\nnot a number,1\nanother,2\n", encoding="utf-8")
    before = stateplane_project.path.read_bytes()
    r = run_cli("join", stateplane_project.path, "neighborhoods", csv, "--on", "NHD_NUM")
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and "No row of names.csv matches" in r.stderr
    assert "look like" in r.stderr
    assert stateplane_project.path.read_bytes() == before


@pytest.mark.parametrize("args,message", [
    (["--on", "NOPE"], "has no column 'NOPE'"),
    (["--on", "NHD_NUM=NOPE"], "has no column 'NOPE'"),
])
def test_bad_keys_are_user_errors(stateplane_project, stl, args, message):
    before = stateplane_project.path.read_bytes()
    r = run_cli("join", stateplane_project.path, "neighborhoods", stl / "population_by_neighborhood.csv", *args)
    assert r.returncode == 2 and message in r.stderr and "Traceback" not in r.stderr
    assert stateplane_project.path.read_bytes() == before


def test_unsupported_and_broken_tables(tmp_path):
    (tmp_path / "t.pdf").write_bytes(b"%PDF")
    with pytest.raises(UserError, match="can't be joined"):
        read_table(tmp_path / "t.pdf")
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(UserError, match="could not be read"):
        read_table(tmp_path / "bad.xlsx")
    (tmp_path / "one.csv").write_text("a\n1\n")
    with pytest.raises(UserError, match="needs a key"):
        read_table(tmp_path / "one.csv")


def test_clashing_column_with_other_values_gets_a_free_name(project, tmp_path):
    import geopandas as gpd
    import shapely

    from assetmap.layers import LayerInfo, LayerRole

    areas = gpd.GeoDataFrame({"code": ["1", "2"], "name": ["North", "South"]},
                             geometry=[shapely.box(i, 0, i + 1, 1) for i in range(2)], crs="EPSG:4326")
    project.write_layer(areas, LayerInfo("areas", LayerRole.OTHER, "Areas"))
    csv = tmp_path / "t.csv"
    csv.write_text("code,name\n1,Nord\n2,Sud\n", encoding="utf-8")
    report = join_table(project, "areas", csv, "code")
    assert report.renamed == {"name": "name_2"}
    got = project.read_layer("areas")
    assert got["name"].tolist() == ["North", "South"] and got["name_2"].tolist() == ["Nord", "Sud"]


def test_join_on_both_backends(stateplane_project, stl, backend):
    target = backend.target(stateplane_project)
    before = backend.open(target).read_layer("neighborhoods")
    r = run_cli("join", target, "neighborhoods", stl / "population_by_neighborhood.csv", "--on", "NHD_NUM")
    assert r.returncode == 0, r.stderr
    after = backend.open(target).read_layer("neighborhoods")
    assert list(after.index) == list(before.index)
    assert after["pop17"].notna().sum() == 79
    assert backend.open(target).layer("neighborhoods").extra["joins"][0]["table"] == "population_by_neighborhood.csv"


def test_margins_of_error_reach_the_identify_popup(stateplane_project, stl):
    """The map page's identify popup lists a feature's properties: the joined estimate and its MOE."""
    import json

    from assetmap.mapview.layers import LayerCache

    join_table(stateplane_project, "neighborhoods", stl / "population_by_neighborhood.csv", "NHD_NUM")
    features = json.loads(LayerCache(stateplane_project).geojson("neighborhoods"))["features"]
    props = next(f["properties"] for f in features if f["properties"]["NHD_NUM"] == 43)
    assert props["pop17"] == pytest.approx(1320.06, abs=0.01) and props["pop17_m"] > 0
