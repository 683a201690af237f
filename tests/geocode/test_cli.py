"""assetmap locator add|list|remove and assetmap geocode, through the CLI."""

import hashlib
import json

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from assetmap.cli import main


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def addresses_csv(tmp_path):
    rows = [(n, "Main Street", -90 + n * 1e-5, 38.6 + (n % 2) * 2e-4) for n in range(100, 200, 10)]
    rows += [(n, "N Grand Blvd", -90.2, 38.6 + n * 1e-5) for n in range(1000, 1100, 20)]
    p = tmp_path / "addresses.csv"
    pd.DataFrame(rows, columns=["house", "street", "lon", "lat"]).to_csv(p, index=False)
    return p


def test_locator_add_list_geocode_remove(project, addresses_csv, tmp_path, capsys):
    p = str(project.path)
    assert main(["locator", "add", p, "city", str(addresses_csv), "--number", "house", "--street", "street"]) == 0
    assert "15 reference addresses" in capsys.readouterr().out
    assert main(["locator", "list", p, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(i["name"], i["kind"], i["features"]) for i in listed] == [("city", "points", 15)]
    # Stored: keys, numbers, ZIP and position only (fid: the row number GeoPackage asks for).
    stored = pd.read_sql_query("SELECT * FROM assetmap_locator_city",
                               __import__("sqlite3").connect(project.path))
    assert list(stored.columns) == ["fid", "street", "number", "zip", "lon", "lat"]
    assert set(stored["street"]) == {"MAIN ST", "N GRAND BLVD"}

    src = tmp_path / "directory.csv"
    pd.DataFrame({"name": ["Clinic", "Library", "Nowhere"], "zip": ["06101", "63110", "63110"],
                  "address": ["120 Main St, St. Louis, MO 63110", "1030 North Grand Boulevard", "5 Elm St"]}
                 ).to_csv(src, index=False)
    out = tmp_path / "out.csv"
    assert main(["geocode", p, str(src), str(out), "--locator", "city", "--address", "address"]) == 0
    text = capsys.readouterr().out
    assert "Geocoded 2 of 3 rows" in text and "lines of the file): 4." in text
    res = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(res.columns) == ["name", "zip", "address", "lon", "lat", "match_type", "score"]
    assert res["zip"].tolist() == ["06101", "63110", "63110"]          # the input's text is kept as is
    assert res["match_type"].tolist() == ["exact", "interpolated", "unmatched"]
    assert float(res["lon"][0]) == pytest.approx(-90 + 120e-5)
    assert float(res["lat"][1]) == pytest.approx(38.6 + 1030e-5)
    assert res["lon"][2] == "" and res["score"][2] == "0"

    assert main(["locator", "remove", p, "city"]) == 0
    assert main(["locator", "list", p]) == 0
    assert "No locators" in capsys.readouterr().out
    con = __import__("sqlite3").connect(project.path)
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE name='assetmap_locator_city'").fetchone()[0] == 0


def test_tiger_ranges_locator(project, tmp_path, capsys):
    lines = gpd.GeoDataFrame({"FULLNAME": ["Oak St", "Oak St"], "LFROMHN": ["101", "201"], "LTOHN": ["199", "299"],
                              "RFROMHN": ["100", "200"], "RTOHN": ["198", "298"], "PARITYL": ["O", "O"],
                              "PARITYR": ["E", "E"], "ZIPL": ["63110", "63110"], "ZIPR": ["63110", "63110"]},
                             geometry=[shapely.LineString([(-90.0, 38.6), (-89.99, 38.6)]),
                                       shapely.LineString([(-89.99, 38.6), (-89.98, 38.6)])], crs="EPSG:4326")
    src = tmp_path / "addrfeat.gpkg"
    lines.to_file(src)
    p = str(project.path)
    assert main(["locator", "add", p, "tiger", str(src)]) == 0
    assert "2 reference street segments" in capsys.readouterr().out
    from assetmap.geocode.locators import load_matcher

    r = load_matcher(project, "tiger").match_addresses(["250 Oak Street", "151 OAK ST"])
    assert r.match_type.tolist() == ["range", "range"]
    assert r.lon[0] == pytest.approx(-89.99 + 0.01 * 50 / 98, abs=1e-7)
    # Other schemas: map the columns.
    other = lines.rename(columns={"LFROMHN": "L_F_ADD", "LTOHN": "L_T_ADD", "RFROMHN": "R_F_ADD", "RTOHN": "R_T_ADD",
                                  "FULLNAME": "ST_NAME"})
    src2 = tmp_path / "centrelines.gpkg"
    other.to_file(src2)
    before = _sha(project.path)
    assert main(["locator", "add", p, "city", str(src2)]) == 2
    err = capsys.readouterr().err
    assert "missing" in err and "--fields" in err
    assert _sha(project.path) == before
    assert main(["locator", "add", p, "city", str(src2), "--street", "ST_NAME", "--fields",
                 "LFROMHN=L_F_ADD,LTOHN=L_T_ADD,RFROMHN=R_F_ADD,RTOHN=R_T_ADD"]) == 0


def test_bad_input_leaves_project_unchanged(project, addresses_csv, police_years, tmp_path, capsys):
    p = str(project.path)
    assert main(["locator", "add", p, "city", str(addresses_csv), "--number", "house", "--street", "street"]) == 0
    before = _sha(project.path)
    cases = [
        ["locator", "add", p, "city", str(addresses_csv), "--number", "house", "--street", "street"],  # exists
        ["locator", "add", p, "Bad Name", str(addresses_csv), "--address", "street"],
        ["locator", "add", p, "x", str(addresses_csv), "--number", "nope", "--street", "street"],
        ["locator", "add", p, "x", str(addresses_csv)],
        ["locator", "add", p, "x", str(police_years[2019]), "--number", "ileads_address", "--street",
         "ileads_street"],                                                  # case records
        ["locator", "remove", p, "nope"],
        ["geocode", p, str(addresses_csv), str(tmp_path / "o.csv"), "--locator", "nope", "--address", "street"],
        ["geocode", p, str(addresses_csv), str(tmp_path / "o.csv"), "--locator", "city"],
        ["geocode", p, str(addresses_csv), str(tmp_path / "o.csv"), "--locator", "city", "--address", "zzz"],
        ["geocode", p, str(addresses_csv), str(addresses_csv), "--locator", "city", "--address", "street"],
    ]
    for argv in cases:
        capsys.readouterr()
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.startswith("assetmap: error:") and "Traceback" not in err
    assert _sha(project.path) == before
    assert not (tmp_path / "o.csv").exists()


def test_geocode_refuses_case_records_and_points_to_reports(project, addresses_csv, police_years, tmp_path, capsys):
    p = str(project.path)
    main(["locator", "add", p, "city", str(addresses_csv), "--number", "house", "--street", "street"])
    capsys.readouterr()
    out = tmp_path / "o.csv"
    assert main(["geocode", p, str(police_years[2019]), str(out), "--locator", "city", "--number", "ileads_address",
                 "--street", "ileads_street"]) == 2
    err = capsys.readouterr().err
    assert "case or incident records" in err and "assetmap reports" in err
    assert not out.exists()


def test_locator_on_both_backends(project, addresses_csv, tmp_path, capsys, backend):
    t = backend.target(project)
    assert main(["locator", "add", t, "city", str(addresses_csv), "--number", "house", "--street", "street"]) == 0
    assert main(["locator", "add", t, "city2", str(addresses_csv), "--address", "street", "--number", "house"]) == 2
    assert main(["locator", "list", t, "--json"]) == 0
    capsys.readouterr()
    src = tmp_path / "d.csv"
    pd.DataFrame({"address": ["120 Main St"]}).to_csv(src, index=False)
    assert main(["geocode", t, str(src), str(tmp_path / "o.csv"), "--locator", "city", "--address", "address"]) == 0
    assert pd.read_csv(tmp_path / "o.csv")["match_type"].tolist() == ["exact"]
    assert main(["locator", "add", t, "city", str(addresses_csv), "--number", "house", "--street", "street",
                 "--replace"]) == 0
    assert main(["locator", "remove", t, "city"]) == 0
    capsys.readouterr()
    assert main(["locator", "list", t]) == 0
    assert "No locators" in capsys.readouterr().out


def test_parcels_become_address_points(project, tmp_path, capsys):
    # Parcel polygons with a one-line address: each is reduced to a point inside it.
    parcels = gpd.GeoDataFrame({"SITEADDR": ["100 Elm Street", "102 ELM ST", "", "PO Box 9"]},
                               geometry=[shapely.box(-90.001, 38.6, -90.0, 38.601), shapely.box(-89.999, 38.6, -89.998, 38.601),
                                         shapely.box(-89.99, 38.6, -89.989, 38.601), shapely.box(-89.98, 38.6, -89.979, 38.601)],
                               crs="EPSG:4326").to_crs("EPSG:26915")   # projected: reprojected to lon/lat
    src = tmp_path / "parcels.gpkg"
    parcels.to_file(src)
    assert main(["locator", "add", str(project.path), "parcels", str(src), "--address", "SITEADDR"]) == 0
    out = capsys.readouterr().out
    assert "2 reference addresses from 4 rows" in out and "skipped 2: no street" in out
    from assetmap.geocode.locators import load_table

    t = load_table(project, "parcels")
    assert t["street"].tolist() == ["ELM ST", "ELM ST"] and t["number"].tolist() == [100, 102]
    assert t["lon"][0] == pytest.approx(-90.0005, abs=1e-6) and t["lat"][0] == pytest.approx(38.6005, abs=1e-6)


def test_zip_column_of_locator_and_typed_zip_tell_two_towns_apart(project, tmp_path, capsys):
    # A county address list: MAIN ST 100-300 in two towns; the same numbers, 20 km apart.
    rows = [(n, "Main St", z, x0 + n * 1e-5, y0) for z, x0, y0 in (("63110", -90.0, 38.6), ("62201", -89.8, 38.5))
            for n in range(100, 320, 20)]
    src = tmp_path / "county.csv"
    pd.DataFrame(rows, columns=["house", "street", "zip", "lon", "lat"]).to_csv(src, index=False)
    p = str(project.path)
    assert main(["locator", "add", p, "county", str(src), "--number", "house", "--street", "street",
                 "--zip", "zip"]) == 0
    assert "22 reference addresses" in capsys.readouterr().out       # not 11 medians of two towns
    q = tmp_path / "q.csv"
    pd.DataFrame({"address": ["160 Main Street, Belleville IL 62201", "160 Main St, St. Louis, MO 63110"]}
                 ).to_csv(q, index=False)
    out = tmp_path / "out.csv"
    assert main(["geocode", p, str(q), str(out), "--locator", "county", "--address", "address"]) == 0
    res = pd.read_csv(out)
    assert res["match_type"].tolist() == ["exact", "exact"]
    assert res["lat"].tolist() == [pytest.approx(38.5), pytest.approx(38.6)]
    assert res["lon"].tolist() == [pytest.approx(-89.8 + 160e-5), pytest.approx(-90.0 + 160e-5)]


def test_named_park_polygons_become_places(project, tmp_path, capsys):
    # A layer of named areas (parks) added with --address NAME: a place per polygon, at a point
    # inside it; "Tower Grove Park, St. Louis, MO" is then placed there, a numbered address is not.
    parks = gpd.GeoDataFrame({"NAME": ["Tower Grove Park", "O'Fallon Park"]},
                             geometry=[shapely.box(-90.26, 38.60, -90.25, 38.61),
                                       shapely.box(-90.22, 38.68, -90.21, 38.69)], crs="EPSG:4326")
    src = tmp_path / "parks.gpkg"
    parks.to_file(src)
    assert main(["locator", "add", str(project.path), "parks", str(src), "--address", "NAME"]) == 0
    assert "2 reference addresses from 2 rows" in capsys.readouterr().out
    rows = tmp_path / "visits.csv"
    pd.DataFrame({"where": ["Tower Grove Park, St. Louis, MO 63110", "OFALLON PARK", "12 Elm St"]}).to_csv(
        rows, index=False)
    out = tmp_path / "placed.csv"
    assert main(["geocode", str(project.path), str(rows), str(out), "--locator", "parks", "--address", "where"]) == 0
    got = pd.read_csv(out)
    assert got["match_type"].tolist() == ["exact", "exact", "unmatched"]
    for i, box in enumerate(parks.geometry):
        assert box.contains(shapely.Point(got["lon"][i], got["lat"][i]))
