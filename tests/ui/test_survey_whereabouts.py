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
