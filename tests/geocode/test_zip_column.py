"""--zip COL on the commands that take addresses: a ZIP column chooses between namesake streets."""

import hashlib

import pandas as pd
import pytest

from assetmap.cli import main
from tests.survey.storage_forms import point_in


def _county(project, tmp_path, capsys, places):
    """A locator 'county' with MAIN ST numbered 100-300 twice: ZIP 63110 and ZIP 63118, each
    starting at its (lat, lon) in ``places``."""
    rows = [(n, "Main St", z, lon + n * 1e-6, lat) for z, (lat, lon) in zip(("63110", "63118"), places)
            for n in range(100, 320, 20)]
    src = tmp_path / "county.csv"
    pd.DataFrame(rows, columns=["house", "street", "zip", "lon", "lat"]).to_csv(src, index=False)
    assert main(["locator", "add", str(project.path), "county", str(src), "--number", "house", "--street",
                 "street", "--zip", "zip"]) == 0
    capsys.readouterr()


def test_geocode_zip_column_chooses_the_town(project, tmp_path, capsys):
    places = [(38.6, -90.0), (38.5, -89.8)]
    _county(project, tmp_path, capsys, places)
    p = str(project.path)
    src = tmp_path / "directory.csv"
    pd.DataFrame({"name": ["A", "B", "C", "D"], "house": ["160", "160", "160", "160"],
                  "street": ["Main Street", "main st", "Main St", "Main St 63118"],
                  "address": ["160 Main St", "160 Main St", "160 Main St", "160 Main St, St. Louis MO 63118"],
                  "postal": ["63118", "63110-0042", "", ""]}).to_csv(src, index=False)
    for cols in (["--number", "house", "--street", "street"], ["--address", "address"]):
        out = tmp_path / "out.csv"
        assert main(["geocode", p, str(src), str(out), "--locator", "county", *cols, "--zip", "postal",
                     "--replace"]) == 0, cols
        res = pd.read_csv(out, dtype={"postal": str}, keep_default_na=False)
        assert res["match_type"].tolist() == ["exact"] * 4
        # row A: the ZIP column says 63118; B: 63110; C: no ZIP anywhere (one of the two, less
        # sure); D: the ZIP typed in the address is used where the column is blank.
        assert res["lat"][0] == pytest.approx(38.5) and res["lat"][1] == pytest.approx(38.6)
        assert res["lat"][3] == pytest.approx(38.5)
        assert res["score"][2] < res["score"][0] == res["score"][1] == 100
        assert res["postal"].tolist() == ["63118", "63110-0042", "", ""]     # the input is kept as it was
    # Without --zip the same file cannot tell rows A and B apart.
    out = tmp_path / "nozip.csv"
    assert main(["geocode", p, str(src), str(out), "--locator", "county", "--number", "house", "--street",
                 "street"]) == 0
    res = pd.read_csv(out)
    assert res["lat"][0] == pytest.approx(res["lat"][1])


def test_bad_zip_column_is_one_error_and_nothing_written(project, tmp_path, capsys):
    _county(project, tmp_path, capsys, [(38.6, -90.0), (38.5, -89.8)])
    p = str(project.path)
    src = tmp_path / "d.csv"
    pd.DataFrame({"house": ["160"], "street": ["Main St"]}).to_csv(src, index=False)
    before = hashlib.sha256(project.path.read_bytes()).hexdigest()
    out = tmp_path / "o.csv"
    assert main(["geocode", p, str(src), str(out), "--locator", "county", "--number", "house", "--street", "street",
                 "--zip", "zipcode"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("assetmap: error:") and "Traceback" not in err
    assert err.count("no column 'zipcode' (the ZIP column)") == 1
    assert not out.exists()
    assert main(["geocode", p, str(src), str(out), "--locator", "county", "--zip", "house"]) == 2
    assert "Say which columns hold the address" in capsys.readouterr().err
    assert hashlib.sha256(project.path.read_bytes()).hexdigest() == before


def test_reports_zip_column_counts_in_the_right_neighbourhood(gproject, tmp_path, capsys):
    a, b = point_in(gproject, 17), point_in(gproject, 39)
    _county(gproject, tmp_path, capsys, [a, b])
    p = str(gproject.path)
    calls = tmp_path / "hotline.csv"
    pd.DataFrame({"case_id": range(50), "house": ["150"] * 50, "street": ["Main St"] * 50,
                  "zip": ["63110"] * 30 + ["63118"] * 20}).to_csv(calls, index=False)
    assert main(["reports", p, str(calls), "--kind", "dv", "--areas", "neighborhoods", "--locator", "county",
                 "--number", "house", "--street", "street", "--zip", "zip"]) == 0
    out = capsys.readouterr().out
    assert "Geocoded 50 of 50 reports" in out
    counts = gproject.read_layer("dv_by_neighborhoods").set_index("NHD_NUM")["count"]
    assert (counts[17], counts[39], counts.sum()) == (30, 20, 50)
    before = hashlib.sha256(gproject.path.read_bytes()).hexdigest()
    for extra in (["--zip", "nope"], []):
        argv = ["reports", p, str(calls), "--kind", "dv", "--areas", "neighborhoods", "--name", "x", *extra]
        if extra:
            argv += ["--locator", "county", "--number", "house", "--street", "street"]
        else:
            argv += ["--zip", "zip"]                       # a ZIP column without --locator
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.startswith("assetmap: error:") and "Traceback" not in err
    assert hashlib.sha256(gproject.path.read_bytes()).hexdigest() == before


def test_survey_import_zip_column_chooses_the_town(areas_project, tmp_path, capsys):
    """`survey import --zip COL`: two Kobo rows naming the same street, which exists in two ZIPs,
    are each placed on their ZIP's street; a bad --zip column stops the import before any write."""
    from assetmap.survey import builtin_form
    from assetmap.survey.store import SurveyStore
    from tests.survey.test_kobo_import import KOBO_HEADER, kobo_row, write_csv

    project = areas_project
    SurveyStore(project, device_id="office").install_form(builtin_form())
    a, b = point_in(project, 17), point_in(project, 39)
    _county(project, tmp_path, capsys, [a, b])
    p = str(project.path)
    rows = [kobo_row(asset_type="faith", asset_name="North", _uuid="z1", street_address="160 Main Street",
                     postal="63110"),
            kobo_row(asset_type="faith", asset_name="South", _uuid="z2", street_address="160 main st",
                     postal="63118-0042")]
    export = write_csv(tmp_path / "kobo.csv", KOBO_HEADER + ["street_address", "postal"], rows)
    before = hashlib.sha256(project.path.read_bytes()).hexdigest()
    for argv, words in ((["--locator", "county", "--address-column", "street_address", "--zip", "zipcode"],
                         "no column 'zipcode' (the ZIP column)"),
                        (["--zip", "postal"], "--zip is the ZIP column")):
        assert main(["survey", "import", p, str(export), *argv]) == 2
        err = capsys.readouterr().err
        assert err.startswith("assetmap: error:") and "Traceback" not in err and err.count(words) == 1, err
    assert hashlib.sha256(project.path.read_bytes()).hexdigest() == before

    assert main(["survey", "import", p, str(export), "--locator", "county", "--address-column", "street_address",
                 "--zip", "postal"]) == 0
    assert "located from their address: 2 of 2 rows" in capsys.readouterr().out
    store = SurveyStore(project)
    got = {r.uuid: r.answers["location"] for r in store.responses("community_assets")}
    assert got["z1"] == pytest.approx((a[0], a[1] + 160e-6))
    assert got["z2"] == pytest.approx((b[0], b[1] + 160e-6))
    assert "location from the address: exact" in store.history("z2")[-1].note
