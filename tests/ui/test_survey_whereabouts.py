"""Survey mode tells a volunteer when a location is outside their areas, naming the area it is in
(a warning, not a block); the package carries every area's outline and name for that."""

from __future__ import annotations

import pytest

from assetmap.survey import builtin_form
from assetmap.survey.store import SurveyStore
from tests.survey.storage_forms import point_in
from tests.ui.test_survey_mode import open_window

pytestmark = pytest.mark.gui


@pytest.fixture()
def package(demo_copy, tmp_path, isolated_home):
    from assetmap.survey.pack import make_package

    SurveyStore(demo_copy, device_id="office").install_form(builtin_form())
    return make_package(demo_copy, tmp_path / "rosa.gpkg", surveyor="Rosa", areas=["17", "39"]).path


def names(project, *nums):
    areas = project.read_layer("neighborhoods")
    return [str(areas.loc[areas["NHD_NUM"] == n, "NHD_NAME"].iloc[0]) for n in nums]


def test_core_names_the_area_a_stray_point_is_in(package, demo_copy):
    from assetmap.project import Project
    from assetmap.survey.whereabouts import Whereabouts

    wb = Whereabouts(Project.open(package))
    own17, own39, other50 = names(demo_copy, 17, 39, 50)
    assert sorted(wb.own_names) == sorted([own17, own39])
    assert wb.where(*point_in(demo_copy, 17)).inside
    far = wb.where(*point_in(demo_copy, 50))
    assert not far.inside and far.area == other50
    nowhere = wb.where(0.0, 0.0)
    assert not nowhere.inside and nowhere.area is None


def test_survey_mode_warns_naming_the_area_and_still_saves(qtbot, package, demo_copy):
    w = open_window(qtbot, package)
    own17, own39, other50 = names(demo_copy, 17, 39, 50)
    entry = w.panel.entry
    entry.rows["asset_type"].editor.combo.setCurrentIndex(entry.rows["asset_type"].editor.combo.findData("park_place"))
    entry.rows["asset_name"].editor.edit.setText("Corner garden")
    entry.rows["date_visited"].editor.set_value("2026-05-02")
    entry.rows["willing_to_partner"].editor.combo.setCurrentIndex(
        entry.rows["willing_to_partner"].editor.combo.findData("yes"))
    lat, lon = point_in(demo_copy, 17)
    w._start_pick("location")
    w._map_clicked(lon, lat)
    assert w.where_warning == ""
    lat, lon = point_in(demo_copy, 50)
    w._start_pick("location")
    w._map_clicked(lon, lat)
    assert other50 in w.where_warning and own17 in w.where_warning and own39 in w.where_warning
    assert w.statusBar().currentMessage() == w.where_warning
    assert w.panel.status.text() == w.where_warning
    w.grab().save(str(package.with_name("survey_mode_outside.png")))
    uuid = w.panel.save()  # a warning, not a block
    assert uuid, w.panel.entry.problems()


def test_areas_are_named_and_a_marked_street_layer_is_drawn(qtbot, demo_copy, tmp_path, isolated_home):
    import geopandas as gpd
    from shapely.geometry import LineString

    from assetmap.errors import UserError
    from assetmap.layers import LayerInfo, LayerRole
    from assetmap.survey.pack import make_package
    from assetmap.survey.whereabouts import mark_reference
    from tests.conftest import run_cli

    (lat1, lon1), (lat2, lon2) = point_in(demo_copy, 17), point_in(demo_copy, 39)
    streets = gpd.GeoDataFrame({"street": ["S Grand Blvd"]}, geometry=[LineString([(lon1, lat1), (lon2, lat2)])],
                               crs="EPSG:4326").to_crs(demo_copy.crs)
    with demo_copy.edit() as tx:
        tx.write_layer(streets, LayerInfo("streets", LayerRole.OTHER, "Streets"))
    with pytest.raises(UserError):
        mark_reference(demo_copy, "neighborhoods")  # polygons, not streets
    r = run_cli("survey", "reference", str(demo_copy.path), "streets")
    assert r.returncode == 0, r.stderr
    SurveyStore(demo_copy, device_id="office").install_form(builtin_form())
    pkg = make_package(demo_copy, tmp_path / "rosa.gpkg", surveyor="Rosa", areas=["17", "39"]).path
    w = open_window(qtbot, pkg)
    assert "streets" in w.layers_on_map()
    assert "package_all_areas" not in w.layers_on_map()  # context outlines are not drawn
    labels = w.canvas.evaluate("Array.from(document.querySelectorAll('.am-label')).map(e => e.textContent)")
    assert sorted(labels) == sorted(names(demo_copy, 17, 39))
    w.grab().save(str(tmp_path / "survey_mode_named_areas.png"))
