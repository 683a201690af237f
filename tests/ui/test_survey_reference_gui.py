"""Issue 21: the coordinator chooses the volunteers' street layer in the app (Survey › Streets for
volunteers…, and in the field-package dialog); it is undoable, only public line layers are
offered, and the package opens in survey mode with the streets drawn."""

from __future__ import annotations

import pytest

import tests.ui.pyside_bool  # noqa: F401  (see the module)
from assetmap.survey import builtin_form
from assetmap.survey.store import SurveyStore
from tests.survey.storage_forms import point_in
from tests.ui.conftest import open_main_window

pytestmark = pytest.mark.gui


@pytest.fixture()
def window(qtbot, isolated_home, demo_copy):
    import geopandas as gpd
    from shapely.geometry import LineString

    from assetmap.layers import LayerInfo, LayerRole

    (lat1, lon1), (lat2, lon2) = point_in(demo_copy, 17), point_in(demo_copy, 39)
    line = [LineString([(lon1, lat1), (lon2, lat2)])]
    with demo_copy.edit() as tx:
        tx.write_layer(gpd.GeoDataFrame({"street": ["S Grand Blvd"]}, geometry=line, crs="EPSG:4326"),
                       LayerInfo("streets", LayerRole.OTHER, "Streets"))
        # Lines that must not go to volunteers (made in the office from sensitive work):
        tx.write_layer(gpd.GeoDataFrame({"route": ["night patrol"]}, geometry=line, crs="EPSG:4326"),
                       LayerInfo("patrol_routes", LayerRole.OTHER, "Patrol routes", sensitivity="internal"))
    SurveyStore(demo_copy, device_id="office").install_form(builtin_form())
    return open_main_window(qtbot, demo_copy.path, (1200, 800))


def _marked(project):
    return [i.name for i in project.layers() if i.extra.get("reference")]


def test_streets_for_volunteers_from_the_survey_menu_is_undoable(window, qtbot, tmp_path):
    w = window
    dlg = w.survey.choose_reference()
    qtbot.addWidget(dlg)
    chooser = dlg.chooser
    offered = [chooser.itemData(i) for i in range(chooser.count())]
    assert offered == [None, "streets"]  # no polygons, nothing internal
    assert chooser.currentData() is None
    chooser.setCurrentIndex(chooser.findData("streets"))
    dlg.grab().save(str(tmp_path / "streets_for_volunteers.png"))
    dlg.accept()
    assert _marked(w.project) == ["streets"]
    assert "Streets" in w.statusBar().currentMessage()
    w.actions_by_name["undo"].trigger()
    assert _marked(w.project) == []
    w.actions_by_name["redo"].trigger()
    assert _marked(w.project) == ["streets"]
    # Opened again, the dialog starts on the layer marked now; "no street layer" unmarks it.
    again = w.survey.choose_reference()
    qtbot.addWidget(again)
    assert again.chooser.currentData() == "streets"
    again.chooser.setCurrentIndex(0)
    again.accept()
    assert _marked(w.project) == []


def test_an_internal_line_layer_is_refused_in_the_core_too(window):
    from assetmap.errors import UserError
    from assetmap.survey.whereabouts import mark_reference, set_references

    with pytest.raises(UserError, match="internal"):
        mark_reference(window.project, "patrol_routes")
    with pytest.raises(UserError, match="internal"):
        set_references(window.project, ["streets", "patrol_routes"])
    assert _marked(window.project) == []  # refused before anything changed


def test_the_package_dialog_marks_the_streets_and_survey_mode_draws_them(window, qtbot, tmp_path, monkeypatch):
    from assetmap.ui.survey import dialogs
    from tests.ui.test_survey_mode import open_window

    w = window
    out = tmp_path / "rosa.gpkg"
    seen = {}

    def fill(dlg):
        seen["offered"] = [dlg.reference.itemData(i) for i in range(dlg.reference.count())]
        dlg.surveyor.setText("Rosa")
        dlg.out.setText(str(out))
        for i in range(dlg.areas.count()):
            item = dlg.areas.item(i)
            item.setSelected(item.data(256) in ("17", "39"))
        dlg.reference.setCurrentIndex(dlg.reference.findData("streets"))
        dlg.resize(560, dlg.sizeHint().height())
        dlg.grab().save(str(tmp_path / "pack_dialog_streets.png"))
        return 1

    monkeypatch.setattr(dialogs.PackDialog, "exec", fill)
    w.survey.make_package()
    qtbot.waitUntil(out.exists, timeout=30000)
    assert seen["offered"] == [None, "streets"]
    assert _marked(w.project) == ["streets"]
    from assetmap.project import Project

    pkg = Project.open(out)
    assert _marked(pkg) == ["streets"] and "patrol_routes" not in pkg.layer_names()
    mode = open_window(qtbot, out)
    assert "streets" in mode.layers_on_map()
    mode.grab().save(str(tmp_path / "survey_mode_streets.png"))
