"""assetmap reports: the command's contract and its bad-input messages (nothing stored);
on a GeoPackage project and on a shared (PostGIS) one, where the counting runs in SQL."""

from __future__ import annotations

import pytest

from assetmap.cli import main


def _run(*args):
    return main(["reports", *map(str, args)])


def test_cli_writes_named_layer_with_periods(rproject, incidents, capsys, backend):
    t = backend.target(rproject)
    assert main(["suppression", str(t), "12"]) == 0  # the project's one threshold (no --min-count)
    assert _run(t, incidents, "--kind", "dv", "--areas", "neighborhoods", "--x", "x", "--y", "y",
                "--date-col", "date_occur", "--period", "year", "--name", "dv_years",
                "--filter-col", "description", "--filter-contains", "domestic") == 0
    out = capsys.readouterr().out
    assert "dv_years" in out and "No report row or coordinate was stored" in out
    layer = backend.open(t).read_layer("dv_years")
    assert {"count", "suppressed", "period"} <= set(layer.columns)
    assert backend.open(t).layer("dv_years").extra["reports"]["threshold"] == 12


@pytest.fixture()
def bad(rproject, capsys, backend):
    """Run `reports` on the project (on this backend); it must exit 2 and leave the project as it was."""
    target = None

    def run(*args):
        nonlocal target
        target = target or backend.target(rproject)
        before = backend.state(target)
        assert _run(target, *args) == 2
        err = capsys.readouterr().err
        assert backend.state(target) == before
        return err
    return run


def test_no_coordinate_columns(tmp_path, bad):
    f = tmp_path / "nocoords.csv"
    f.write_text("date,category\n2017-01-02,neglect\n2017-02-03,abuse\n")
    err = bad(f, "--kind", "maltreatment", "--areas", "neighborhoods")
    assert "no coordinate columns" in err and "--x COLUMN --y COLUMN" in err and "date, category" in err


def test_unparseable_dates_rows_and_count(tmp_path, bad):
    f = tmp_path / "dates.csv"
    f.write_text("latitude,longitude,date\n" + "38.63,-90.25,2017-01-05\n" * 3 + "38.63,-90.25,31/31/2017\n")
    err = bad(f, "--kind", "dv", "--areas", "neighborhoods", "--date-col", "date",
               "--period", "quarter")
    assert "1 of 4 rows" in err and "rows 5" in err and "--skip-bad-dates" in err
    assert "31/31" not in err


def test_coordinates_in_another_crs_than_declared(incidents, bad):
    err = bad(incidents, "--kind", "dv", "--areas", "neighborhoods",
               "--src-crs", "ESRI:102696")
    assert "another coordinate system" in err and "--src-crs" in err


def test_projected_values_declared_as_lonlat(tmp_path, bad):
    f = tmp_path / "feet.csv"
    f.write_text("x,y\n893000.5,1020000.5\n894000.5,1021000.5\n")
    err = bad(f, "--kind", "dv", "--areas", "neighborhoods", "--src-crs", "EPSG:4326")
    assert "degree range" in err
    err = bad(f, "--kind", "dv", "--areas", "neighborhoods")
    assert "not longitude/latitude" in err and "893000" not in err


def test_areas_without_ids(rproject, tmp_path, incidents, bad):
    import geopandas as gpd

    from assetmap.importers import import_file
    from tests.reports.conftest import STL

    g = gpd.read_file(STL / "neighborhoods.geojson")[["geometry"]]
    g["shade"] = 1
    src = tmp_path / "noid.geojson"
    g.to_file(src, driver="GeoJSON")
    import_file(rproject, src, "areas", name="blobs")
    assert not rproject.layer("blobs").extra.get("id_field")
    err = bad(incidents, "--kind", "dv", "--areas", "blobs")
    assert "has no id field" in err and "--id-field" in err


@pytest.mark.parametrize("args,needle", [
    (["--period", "year"], "--date-col and --period"),
    (["--population-field", "nope"], "no field 'nope'"),
    (["--hex", "14"], "resolutions"),
])
def test_other_bad_options(incidents, bad, args, needle):
    err = bad(incidents, "--kind", "dv", "--areas", "neighborhoods", *args)
    assert needle in err


def test_cli_hotspots_both_and_bivariate(rproject, incidents, capsys, backend):
    import json

    t = backend.target(rproject)
    for kind, word in (("dv", "DOMESTIC"), ("maltreatment", "CHILD")):
        assert _run(t, incidents, "--kind", kind, "--areas", "neighborhoods",
                    "--filter-col", "description", "--filter-contains", word) == 0
    assert main(["hotspots", t, "dv_by_neighborhoods", "--both",
                 "maltreatment_by_neighborhoods"]) == 0
    out = capsys.readouterr().out
    assert "units hot in both" in out
    assert {"dv_by_neighborhoods_hotspots", "maltreatment_by_neighborhoods_hotspots",
            "hot_in_both_dv_by_neighborhoods"} <= set(backend.open(t).layer_names())
    assert main(["bivariate", t, "dv_by_neighborhoods", "maltreatment_by_neighborhoods",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["legend"]) == 9 and len(data["units"]) == 88 and -1 <= data["pearson"] <= 1
    assert main(["hotspots", t, "neighborhoods"]) == 2
    assert "not an aggregate layer" in capsys.readouterr().err


def test_bad_date_rows_are_file_lines_after_a_filter(tmp_path, bad):
    f = tmp_path / "filtered.csv"
    f.write_text("lat,lon,kind,date\n38.63,-90.25,other,garbage\n38.63,-90.25,DV,2017-01-01\n"
                 "38.63,-90.25,other,2017-01-01\n38.63,-90.25,DV,13/45/2017\n")
    err = bad(f, "--kind", "dv", "--areas", "neighborhoods", "--date-col", "date",
               "--period", "year", "--filter-col", "kind", "--filter-contains", "dv")
    assert "1 of 2 rows" in err and "rows 5." in err


def test_second_breakdown_of_the_same_reports_warns_on_either_backend(rproject, incidents, capsys, backend):
    t = backend.target(rproject)
    base = [t, incidents, "--kind", "dv", "--areas", "neighborhoods", "--filter-col", "description",
            "--filter-contains", "DOMESTIC"]
    assert _run(*base) == 0
    assert "Warning" not in capsys.readouterr().out
    assert _run(*base, "--name", "dv_years", "--date-col", "date_occur", "--period", "year") == 0
    out = capsys.readouterr().out
    assert "Warning: 'dv_by_neighborhoods' already holds dv counts on the same units" in out
