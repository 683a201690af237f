"""A wrong coordinate system is refused before anything is written: the real State Plane
shapefile with its .prj removed, imported as longitude/latitude."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import run_cli


@pytest.fixture()
def no_prj(tmp_path, stl):
    folder = tmp_path / "noprj"
    folder.mkdir()
    for ext in ("shp", "shx", "dbf"):
        shutil.copyfile(stl / "neighborhoods_stateplane" / f"BND_Nhd88_cw.{ext}", folder / f"BND_Nhd88_cw.{ext}")
    return folder / "BND_Nhd88_cw.shp"


def test_feet_said_to_be_degrees_are_refused_with_the_crs_that_fits_the_areas(areas_project, no_prj):
    before = areas_project.path.read_bytes()
    r = run_cli("import", areas_project.path, no_prj, "--role", "areas", "--name", "nb2", "--src-crs", "EPSG:4326")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "871,512, 982,994 to 912,851, 1,070,957" in r.stderr  # what the numbers are
    assert "look like feet or metres in a projected system" in r.stderr
    assert ".prj" in r.stderr
    assert "--src-crs ESRI:102696" in r.stderr  # found from pyproj's database near the areas
    assert areas_project.path.read_bytes() == before


def test_the_suggested_crs_lands_the_file_on_the_areas(areas_project, no_prj):
    r = run_cli("import", areas_project.path, no_prj, "--role", "areas", "--name", "nb2", "--src-crs", "ESRI:102696")
    assert r.returncode == 0, r.stderr
    a = areas_project.layer_bounds("neighborhoods")
    b = areas_project.layer_bounds("nb2")
    assert a == pytest.approx(b, abs=1e-3)  # independent: the WGS84 GeoJSON of the same polygons


def test_without_areas_the_message_points_to_state_plane(project, no_prj):
    before = project.path.read_bytes()
    r = run_cli("import", project.path, no_prj, "--role", "areas", "--src-crs", "EPSG:4326")
    assert r.returncode == 2
    assert "State Plane zone of your city" in r.stderr and "look like feet or metres" in r.stderr
    assert project.path.read_bytes() == before


def test_a_missing_prj_does_not_suggest_degrees_for_feet(areas_project, no_prj):
    r = run_cli("import", areas_project.path, no_prj, "--role", "areas", "--name", "nb2")
    assert r.returncode == 2
    assert "does not say which coordinate system" in r.stderr
    assert "EPSG:4326" not in r.stderr
    assert "--src-crs ESRI:102696" in r.stderr and "look like feet or metres" in r.stderr


def test_lonlat_within_range_is_still_accepted(project, stl):
    r = run_cli("import", project.path, stl / "neighborhoods.geojson", "--role", "areas")
    assert r.returncode == 0, r.stderr


def test_describe_numbers():
    from assetmap.importers.crs_check import describe_numbers

    assert "feet or metres" in describe_numbers(871512, 982994, 912850, 1070956)
    assert "Web Mercator" in describe_numbers(-10e6, 4.6e6, -10.04e6, 4.7e6)


def test_shown_layer_names_are_unique(project, stl):
    import geopandas as gpd

    from assetmap.importers import import_file
    from assetmap.layers import LayerInfo, LayerRole

    project.write_layer(gpd.read_file(stl / "neighborhoods.geojson"), LayerInfo("first", LayerRole.AREAS, "Neighborhoods"))
    import_file(project, stl / "neighborhoods.geojson", "areas", name="neighborhoods")  # shown as "Neighborhoods"
    names = [project.layer(n).display_name for n in ("first", "neighborhoods")]
    assert names == ["Neighborhoods", "Neighborhoods (2)"]
    import_file(project, stl / "neighborhoods.geojson", "areas", name="neighborhoods", replace=True)
    assert project.layer("neighborhoods").display_name == "Neighborhoods (2)"  # itself is not a clash


@pytest.mark.parametrize("suffix", ["pdf", "png", "html"])
def test_a_layer_stored_in_a_wrong_crs_by_an_older_version_still_exports(areas_project, no_prj, tmp_path, suffix):
    import pyogrio

    from assetmap.layers import LayerInfo, LayerRole

    project = areas_project

    bad = pyogrio.read_dataframe(no_prj).set_crs("EPSG:4326", allow_override=True)  # "degrees" near 1,000,000
    project.write_layer(bad, LayerInfo("bad", LayerRole.AREAS, "Bad"))
    out = tmp_path / f"map.{suffix}"
    r = run_cli("map", project.path, out)
    assert r.returncode == 0, r.stderr
    assert out.stat().st_size > 0
    # The other layers are drawn; the broken one is left out and the user is told which.
    assert "layer 'Bad' left out of the map" in r.stderr
    named = run_cli("map", project.path, tmp_path / f"named.{suffix}", "--layers", "bad")
    assert named.returncode == 2 and "reaches beyond the Earth" in named.stderr
