"""Risk menu in the real main window: its dialogs check their options, run on a worker, and the
layers they write are drawn with their legends."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from tests.ui.conftest import open_main_window, wait_drawn

ROOT = Path(__file__).resolve().parents[2]
from tests.shared_data import SHARED  # noqa: E402
SHOTS = os.environ.get("ASSETMAP_SHOTS")  # a folder to save screenshots in, when looking at them


def _ok(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def _wait(qtbot, w, task, ok=True):
    with qtbot.waitSignal(task.finished, timeout=240000) as sig:
        pass
    assert sig.args == [ok], getattr(task, "error", None)
    if ok:
        wait_drawn(w, qtbot)


def _shot(widget, name):
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture()
def demo_window(qtbot, isolated_home, demo_copy):
    return open_main_window(qtbot, demo_copy.path, (1280, 820))


def test_menu_entries(demo_window):
    menu = next(a.menu() for a in demo_window.menuBar().actions()
                if a.menu() and a.menu().objectName() == "RiskMenu")
    assert [a.text() for a in menu.actions()] == ["&Smoothed rates…", "&Local clusters (LISA)…", "&Risk terrain…",
                                                  "&Hot spots (Gi*)…"]


def test_bivariate_clusters_from_the_dialog(demo_window, qtbot):
    from assetmap.ui.risk_menu import ClustersDialog, clusters_dialog

    w = demo_window
    dlg = ClustersDialog(w.project, w)
    qtbot.addWidget(dlg)
    layers = [dlg.layer.itemData(i) for i in range(dlg.layer.count())]
    dv = next(n for n in layers if n.startswith("dv_"))
    mal = next(n for n in layers if n.startswith("maltreatment_"))
    dlg.layer.setCurrentIndex(layers.index(dv))
    assert dlg.field.currentText() == "count"
    dlg.other.setCurrentIndex(dlg.other.findData(mal))
    dlg.weights.setCurrentIndex(dlg.weights.findData("knn"))
    dlg.k.setValue(5)
    dlg.name.setText("neighborhoods")  # taken: said in the dialog, which stays open
    dlg.show()
    _ok(dlg)
    assert dlg.problem.isVisible() and dlg.chosen is None and dlg.result() != QDialog.DialogCode.Accepted
    dlg.name.setText("dv_x_mal_clusters")
    _shot(dlg, "risk_clusters_dialog")
    _ok(dlg)
    assert dlg.chosen["weights"] == "knn:5" and dlg.chosen["with_layer"] == mal
    _wait(qtbot, w, clusters_dialog(w, dlg.chosen))
    layers = {lyr["name"]: lyr for lyr in w.canvas.state()["layers"]}
    assert layers["dv_x_mal_clusters"]["count"] == 88
    legend = w.canvas.state()["legend"]
    assert "next to high maltreatment" in legend and "the 5 nearest areas" in legend
    _shot(w, "risk_clusters_window")


def test_smoothed_rates_from_the_dialog(qtbot, isolated_home, tmp_path, monkeypatch):
    import geopandas as gpd
    from libpysal.examples import get_path

    from assetmap.importers import import_file
    from assetmap.project import Project
    from assetmap.ui.risk_menu import RatesDialog, rates_dialog

    src = tmp_path / "sids.geojson"
    gpd.read_file(get_path("sids2.shp")).set_crs("EPSG:4269").to_file(src, driver="GeoJSON")
    project = Project.create(tmp_path / "sids.gpkg", crs="EPSG:4326")
    import_file(project, src, "areas", name="counties", id_field="FIPSNO", name_field="NAME")
    w = open_main_window(qtbot, project.path, (1280, 820))
    dlg = RatesDialog(w.project, w)
    qtbot.addWidget(dlg)
    dlg.count.setCurrentText("SID79")
    dlg.population.setCurrentText("BIR79")
    dlg.smooth.setCurrentIndex(dlg.smooth.findData("spatial-eb"))
    _shot(dlg, "risk_rates_dialog")
    _ok(dlg)
    assert dlg.chosen == {"layer": "counties", "count": "SID79", "population": "BIR79", "smooth": "spatial-eb",
                          "name": "counties_rates"}
    _wait(qtbot, w, rates_dialog(w, dlg.chosen))
    assert "smoothed rate per 1,000 (spatial empirical Bayes)" in w.canvas.state()["legend"]
    _shot(w, "risk_rates_window")
    _undo_redo(qtbot, w, "counties_rates")
    # The style editor offers the new figures as fields to colour by.
    from assetmap.ui import style_dialog

    offered = {}

    def capture(dlg):
        offered["fields"] = [dlg.field.itemText(i) for i in range(dlg.field.count())]
        return 0

    monkeypatch.setattr(style_dialog.StyleDialog, "exec", capture)
    w.edit_style("counties_rates")
    assert {"rate_raw", "rate_smoothed", "excess_risk", "er_low", "er_high"} <= set(offered["fields"])


def test_risk_terrain_from_the_dialog_and_cancel(qtbot, isolated_home, tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from stl_terrain_data import add_factor_layers, child_csv

    from assetmap.importers import import_file
    from assetmap.project import Project
    from assetmap.ui.risk_menu import TerrainDialog, terrain_dialog

    stl = SHARED / "stl"
    if not stl.exists():
        pytest.fail(f"shared data not found at {stl}")
    project = Project.create(tmp_path / "t.gpkg", crs="EPSG:4326")
    import_file(project, stl / "neighborhoods.geojson", "areas", name="neighborhoods", id_field="NHD_NUM",
                name_field="NHD_NAME")
    names = add_factor_layers(project, stl / "slmpd_part1_2017.csv", tmp_path, ("AGG.ASSAULT", "ROBBERY"))
    train = child_csv(stl / "slmpd_part1_2017.csv", tmp_path / "c17.csv")
    test = child_csv(stl / "slmpd_part1_2018.csv", tmp_path / "c18.csv")
    w = open_main_window(qtbot, project.path, (1280, 820))
    dlg = TerrainDialog(w.project, w)
    qtbot.addWidget(dlg)
    _ok(dlg)  # no factor ticked
    assert "Tick at least one risk factor" in dlg.problem.text()
    for i in range(dlg.factors.count()):
        dlg.factors.item(i).setCheckState(dlg.factors.item(i).checkState().Checked)
    dlg.train.edit.setText(str(train))
    dlg.test.edit.setText(str(test))
    dlg.cell.setValue(400)
    _shot(dlg, "risk_terrain_dialog")
    _ok(dlg)
    assert sorted(dlg.chosen["factors"]) == sorted(names) and dlg.chosen["cell_m"] == 400
    # Cancel: nothing is written.
    before = project.path.read_bytes()
    task = terrain_dialog(w, dlg.chosen)
    task.ctx.cancel()
    _wait(qtbot, w, task, ok=False)
    assert "risk_terrain" not in w.project.layer_names() and project.path.read_bytes() == before
    _wait(qtbot, w, terrain_dialog(w, dlg.chosen))
    assert "risk_terrain" in w.project.layer_names()
    assert "PAI" in w.terrain_box.informativeText() and "RRV" in w.terrain_box.informativeText()
    assert "built from public layers only" in w.canvas.state()["legend"]
    _shot(w, "risk_terrain_window")
    _shot(w.terrain_box, "risk_terrain_box")
    w.terrain_box.close()
    _undo_redo(qtbot, w, "risk_terrain")


def _undo_redo(qtbot, w, name):
    """Edit › Undo takes the new layer away (project, panel, map); Redo brings the same rows back."""
    rows = len(w.project.read_layer(name))
    w.actions_by_name["undo"].trigger()
    wait_drawn(w, qtbot)
    assert name not in w.project.layer_names() and name not in w.layers_panel.names()
    assert name not in [lyr["name"] for lyr in w.canvas.state()["layers"]]
    w.actions_by_name["redo"].trigger()
    wait_drawn(w, qtbot)
    assert len(w.project.read_layer(name)) == rows and name in w.layers_panel.names()


def test_the_risk_dialogs_speak_spanish(qtbot, qapp, isolated_home, demo_copy):
    from assetmap.ui import i18n
    from assetmap.ui.risk_menu import ClustersDialog

    assert i18n.install(qapp, "es") == "es"
    try:
        w = open_main_window(qtbot, demo_copy.path, (1280, 820))
        menu = next(a.menu() for a in w.menuBar().actions() if a.menu() and a.menu().objectName() == "RiskMenu")
        assert menu.title() == "R&iesgo"
        assert [a.text() for a in menu.actions()][2] == "&Terreno de riesgo…"
        dlg = ClustersDialog(w.project, w)
        qtbot.addWidget(dlg)
        assert dlg.windowTitle() == "Agrupamientos locales"
        assert dlg.weights.itemText(0) == "áreas que comparten un lado o una esquina (reina)"
        _shot(dlg, "risk_clusters_dialog_es")
    finally:
        i18n.install(qapp, "en")


def test_every_control_of_the_risk_dialogs_has_a_name(qtbot, demo_window):
    from assetmap.ui.accessible import missing_accessible_names
    from assetmap.ui.risk_menu import ClustersDialog, HotSpotsDialog, RatesDialog, TerrainDialog

    for cls in (RatesDialog, ClustersDialog, TerrainDialog, HotSpotsDialog):
        dlg = cls(demo_window.project, demo_window)
        qtbot.addWidget(dlg)
        dlg.show()
        assert missing_accessible_names(dlg) == [], cls.__name__
        dlg.close()
