"""Work that makes layers is undone with Edit › Undo like a style change: a file import, an Open
Referral import, catchments (and a re-run over them), coverage, access gaps, report aggregation,
risk layers. Undo leaves the project as before (layer list, row counts, features), redo brings the
layers back, and the map and layers panel follow."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.conftest import SHARED
from tests.ui.conftest import open_main_window, wait_drawn

PLACES = {"Saint Louis University": (-90.2340, 38.6365), "Tower Grove Park": (-90.2590, 38.6070),
          "Fairground Park": (-90.2180, 38.6640)}


@pytest.fixture()
def window(qtbot, isolated_home, demo_copy):
    from assetmap.commands import CommandStack
    from assetmap.hubs import commands
    from assetmap.hubs.directory import ServiceSpec

    stack = CommandStack()
    for i, (name, (lon, lat)) in enumerate(PLACES.items()):
        stack.push(commands.add_hub(demo_copy, name, lon, lat, services=[ServiceSpec("s", "parenting")],
                                    confidential=i == 2))
    return open_main_window(qtbot, demo_copy.path, (1000, 700))


def _wait(qtbot, w, task):
    with qtbot.waitSignal(task.finished, timeout=240000) as sig:
        pass
    assert sig.args == [True], getattr(task, "error", None)
    wait_drawn(w, qtbot)


def state(project):
    return [(n, project.layer(n).feature_count, len(project.read_layer(n))) for n in project.layer_names()]


def drawn(w):
    return sorted(lyr["name"] for lyr in w.canvas.state()["layers"])


def undo(w, qtbot):
    w.actions_by_name["undo"].trigger()
    wait_drawn(w, qtbot)


def redo(w, qtbot):
    w.actions_by_name["redo"].trigger()
    wait_drawn(w, qtbot)


def check_undo_redo(w, qtbot, before, new: list[str]):
    after = state(w.project)
    assert all(n in w.project.layer_names() for n in new) and all(n in drawn(w) for n in new)
    undo(w, qtbot)
    assert state(w.project) == before
    assert not any(n in w.layers_panel.names() or n in drawn(w) for n in new)
    redo(w, qtbot)
    assert state(w.project) == after and all(n in w.layers_panel.names() and n in drawn(w) for n in new)


def test_file_import_is_undone(window, qtbot, tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point

    from assetmap.ui.window_actions import import_files

    w = window
    src = tmp_path / "schools.geojson"
    gpd.GeoDataFrame({"name": ["a", "b"]}, geometry=[Point(-90.25, 38.63), Point(-90.22, 38.60)],
                     crs="EPSG:4326").to_file(src, driver="GeoJSON")
    before = state(w.project)
    _wait(qtbot, w, import_files(w, [src], role="assets"))
    new = [n for n in w.project.layer_names() if n not in dict(((n, 0) for n, *_ in before))]
    assert len(new) == 1 and w.stack.undo_text.startswith("import schools.geojson")
    check_undo_redo(w, qtbot, before, new)


def test_catchments_and_a_rerun_over_them_are_undone(window, qtbot):
    from assetmap.ui.hubs_menu import catchments_dialog

    w = window
    before = state(w.project)
    chosen = {"distances": [804.672], "by": "hub", "categories": None, "name": "catchments"}
    _wait(qtbot, w, catchments_dialog(w, chosen))
    check_undo_redo(w, qtbot, before, ["catchments"])
    one_ring = w.project.read_layer("catchments")
    _wait(qtbot, w, catchments_dialog(w, dict(chosen, distances=[804.672, 1609.344])))   # replaces it
    assert len(w.project.read_layer("catchments")) == 2 * len(one_ring)
    undo(w, qtbot)   # the first run's rings come back, features and all
    again = w.project.read_layer("catchments")
    assert list(again.index) == list(one_ring.index)
    assert list(again.geometry.to_wkb()) == list(one_ring.geometry.to_wkb())
    assert len(w.cache.frame("catchments")) == len(one_ring)   # what the map reads, too
    redo(w, qtbot)
    assert len(w.project.read_layer("catchments")) == 2 * len(one_ring)


def test_coverage_and_access_gaps_are_undone(window, qtbot):
    from assetmap.ui.hubs_menu import access_dialog, coverage_dialog

    w = window
    before = state(w.project)
    _wait(qtbot, w, coverage_dialog(w, within="1mi"))
    check_undo_redo(w, qtbot, before, ["coverage"])
    undo(w, qtbot)
    before = state(w.project)
    _wait(qtbot, w, access_dialog(w, {"need": "neighborhoods:population", "service": "parenting",
                                      "within": 1609.344}))
    new = [n for n in w.project.layer_names() if n.startswith("access_gaps_")]
    assert new
    check_undo_redo(w, qtbot, before, new)


def test_open_referral_import_is_undone(window, qtbot, monkeypatch):
    from assetmap.ui.hubs_menu import import_hsds_dialog

    w = window
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    before = state(w.project)
    listed = w.features.hubs.list.count()
    first = import_hsds_dialog(w, str(SHARED / "hsds3"))
    with qtbot.waitSignal(first.finished, timeout=60000):
        pass
    _wait(qtbot, w, w.hubs_retry)
    assert w.features.hubs.list.count() > listed
    undo(w, qtbot)
    assert state(w.project) == before and w.features.hubs.list.count() == listed
    redo(w, qtbot)
    assert w.features.hubs.list.count() > listed


def test_report_aggregation_is_undone(window, qtbot, monkeypatch):
    import dataclasses

    import assetmap.ui.reports_wizard as rw

    w = window

    def fake_wizard(parent, project, on_done=None):   # the wizard itself is tested in tests/reports
        info = project.layer("neighborhoods")
        gdf = w.cache.frame("neighborhoods")[["geometry"]].copy()
        project.write_layer(gdf, dataclasses.replace(info, name="report_counts", display_name="Report counts"))
        on_done(None)

    monkeypatch.setattr(rw, "open_reports_wizard", fake_wizard)
    before = state(w.project)
    w.actions_by_name["import reports"].trigger()
    wait_drawn(w, qtbot)
    check_undo_redo(w, qtbot, before, ["report_counts"])


def test_risk_clusters_layer_is_undone(window, qtbot):
    from assetmap.ui.risk_menu import clusters_dialog

    w = window
    aggregates = [i.name for i in w.project.layers() if i.name.startswith(("dv_", "maltreatment_"))]
    dv = next(n for n in aggregates if n.startswith("dv_"))
    before = state(w.project)
    _wait(qtbot, w, clusters_dialog(w, {"layer": dv, "field": "count", "weights": "queen", "permutations": 99, "name": "dv_clusters"}))
    check_undo_redo(w, qtbot, before, ["dv_clusters"])


def test_survey_form_install_is_undone(window, qtbot, monkeypatch):
    import assetmap.survey.xlsform as xlsform
    from assetmap.survey import builtin_form
    from assetmap.survey.form import form_from_dict, form_to_dict
    from assetmap.survey.store import SurveyStore

    w = window
    before = state(w.project)
    w.actions_by_name["survey install"].trigger()
    layer = SurveyStore(w.project).layer("community_assets")
    assert w.stack.undo_text.startswith("install survey form") and w.survey.dock is not None
    check_undo_redo(w, qtbot, before, [layer])
    assert w.survey.dock is not None and w.project.layer(layer).geometry_type == "Point"
    undo(w, qtbot)
    assert SurveyStore(w.project).forms() == [] and w.survey.dock is None
    redo(w, qtbot)
    assert w.survey.dock.panel.form_id == "community_assets"
    # A newer version of the installed form adds a column: the layer is replaced, undo restores it.
    d = form_to_dict(builtin_form())
    d["questions"].append(dict(next(q for q in d["questions"] if q["type"] == "text"), name="extra_note"))
    d["version"] = "9"
    monkeypatch.setattr(xlsform, "load_form", lambda path: form_from_dict(d))
    columns = list(w.project.read_layer(layer).columns)
    w.survey.install_xlsform("newer.xlsx")
    assert "extra_note" in w.project.read_layer(layer).columns
    assert "extra_note" in w.survey.dock.panel.entry.rows
    w.survey.dock.show()
    undo(w, qtbot)
    assert list(w.project.read_layer(layer).columns) == columns
    assert SurveyStore(w.project).form("community_assets").version != "9"
    assert "extra_note" not in w.survey.dock.panel.entry.rows and w.survey.dock.isVisible()
    redo(w, qtbot)
    assert "extra_note" in w.project.read_layer(layer).columns and "extra_note" in w.survey.dock.panel.entry.rows


def test_risk_rerun_replacing_the_default_named_layer_is_undone(window, qtbot, monkeypatch):
    from assetmap.ui.risk_menu import ClustersDialog, clusters_dialog

    w = window
    dv = next(i.name for i in w.project.layers() if i.name.startswith("dv_"))
    first = {"layer": dv, "field": "count", "weights": "queen", "permutations": 99, "seed": 1}
    _wait(qtbot, w, clusters_dialog(w, first))   # no name: the default one
    name = f"{dv}_lisa"
    one = w.project.read_layer(name)
    before = state(w.project)
    # The dialog offers the default name, which is taken: the user accepts replacing it.
    asked = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    dlg = ClustersDialog(w.project, w)
    qtbot.addWidget(dlg)
    dlg.layer.setCurrentIndex(dlg.layer.findData(dv))
    dlg.weights.setCurrentIndex(dlg.weights.findData("rook"))
    assert dlg.name.text() == name
    dlg._check()
    assert asked and name in asked[0] and dlg.chosen["replace"] is True and dlg.chosen["name"] == name
    _wait(qtbot, w, clusters_dialog(w, dlg.chosen))
    assert w.project.layer(name).extra["risk"]["weights"] == "rook"
    undo(w, qtbot)   # the first result comes back, features and metadata
    assert state(w.project) == before and w.project.layer(name).extra["risk"]["weights"] == "queen"
    again = w.project.read_layer(name)
    assert list(again["lisa_p"]) == list(one["lisa_p"]) and list(again.index) == list(one.index)
    redo(w, qtbot)
    assert w.project.layer(name).extra["risk"]["weights"] == "rook"
    # Replacing through the default name without a name given is undone too (the known gap).
    _wait(qtbot, w, clusters_dialog(w, dict(first, weights="knn:4", replace=True)))
    assert w.project.layer(name).extra["risk"]["weights"].startswith("knn")
    undo(w, qtbot)
    assert w.project.layer(name).extra["risk"]["weights"] == "rook"


def test_hot_spots_from_the_risk_menu_match_the_cli_and_are_undone(window, qtbot, tmp_path):
    """Risk › Hot spots (Gi*)…: the dialog's layer is the one `assetmap hotspots` writes (same
    bins, computed on a copy of the project), drawn with its legend, and undone with Ctrl+Z."""
    import shutil

    from PySide6.QtWidgets import QDialogButtonBox

    from assetmap.project import Project
    from assetmap.reports.hotspots import hotspots
    from assetmap.ui.risk_menu import HotSpotsDialog, hotspots_dialog

    w = window
    dv = next(i.name for i in w.project.layers() if i.name.startswith("dv_"))
    copy = tmp_path / "copy.gpkg"
    shutil.copyfile(w.project.path, copy)
    expected = Project.open(copy).read_layer(hotspots(Project.open(copy), dv, fdr=True).name)
    dlg = HotSpotsDialog(w.project, w)
    qtbot.addWidget(dlg)
    dlg.layer.setCurrentIndex(dlg.layer.findData(dv))
    assert dlg.period.itemData(0) is None and dlg.period.count() > 1  # all periods first, then each one
    dlg.fdr.setChecked(True)
    dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dlg.chosen == {"layer": dv, "period": None, "fdr": True, "name": f"{dv}_hotspots"}
    before = state(w.project)
    _wait(qtbot, w, hotspots_dialog(w, dlg.chosen))
    got = w.project.read_layer(f"{dv}_hotspots")
    assert list(got["gi_bin"]) == list(expected["gi_bin"]) and list(got["imputed"]) == list(expected["imputed"])
    assert "confidence" in w.canvas.state()["legend"]
    assert "hot and" in w.statusBar().currentMessage()
    check_undo_redo(w, qtbot, before, [f"{dv}_hotspots"])
