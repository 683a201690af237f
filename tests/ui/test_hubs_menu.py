"""Hubs menu in the real main window: catchment rings and the access-gap analysis through their
dialogs, Open Referral import and export; what they write is drawn on the map."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

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
                                    confidential=i == 2))  # the third: a DV shelter, never drawn
    return open_main_window(qtbot, demo_copy.path, (1200, 800))


def _ok(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def _wait_task(qtbot, w, task):
    with qtbot.waitSignal(task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [True], getattr(task, "error", None)
    wait_drawn(w, qtbot)


def test_menu_has_the_hub_analyses(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and a.menu().objectName() == "HubsMenu")
    assert [a.text() for a in menu.actions()] == [
        "&Import Open Referral directory (HSDS)…", "&Export Open Referral directory (HSDS)…",
        "&Catchment rings…", "C&overage: who is within reach…", "&Access gaps: high need, no service near…"]


def test_catchment_rings_from_the_dialog(window, qtbot):
    from assetmap.ui.hubs_menu import CatchmentsDialog, catchments_dialog

    w = window
    dlg = CatchmentsDialog(w.project, w)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.distances.setText("near")  # not a distance: said in the dialog, which stays open
    _ok(dlg)
    assert dlg.problem.isVisible() and dlg.chosen is None and dlg.result() != QDialog.DialogCode.Accepted
    dlg.distances.clear()
    qtbot.keyClicks(dlg.distances, "0.5mi, 1 km")
    _ok(dlg)
    assert dlg.chosen["distances"] == pytest.approx([804.672, 1000.0]) and dlg.chosen["by"] == "hub"
    _wait_task(qtbot, w, catchments_dialog(w, dlg.chosen))
    layers = {lyr["name"]: lyr for lyr in w.canvas.state()["layers"]}
    assert layers["catchments"]["count"] == 2 * 2  # two public hubs, two rings each; the shelter has none
    assert "catchments" in [w.layers_panel.list.item(i).data(Qt.ItemDataRole.UserRole)
                            for i in range(w.layers_panel.list.count())]


def test_access_gaps_from_the_dialog(window, qtbot, tmp_path):
    from assetmap.ui.hubs_menu import AccessDialog, access_dialog

    w = window
    dlg = AccessDialog(w.project, w)
    qtbot.addWidget(dlg)
    layers = [dlg.layer.itemData(i) for i in range(dlg.layer.count())]
    assert "neighborhoods" in layers and any(n.startswith("dv_") for n in layers)
    dlg.layer.setCurrentIndex(next(i for i, n in enumerate(layers) if n.startswith("dv_")))
    assert dlg.field.currentText() == "rate_per_1000"  # a rate is the usual need measure
    dlg.service.setCurrentIndex(dlg.service.findData("parenting"))
    _ok(dlg)
    _wait_task(qtbot, w, access_dialog(w, dlg.chosen))
    table = w.gap_table
    assert table.isVisible() and table.table.rowCount() == len(table.plain) > 0
    gaps = int(table.plain["gap"].sum())
    assert gaps > 0 and table.table.item(0, 5).text() == "yes"  # gaps ranked first
    assert "access_gaps_parenting" in w.project.layer_names()
    assert {lyr["name"]: lyr for lyr in w.canvas.state()["layers"]}["access_gaps_parenting"]["count"] == gaps
    # The nearest hub is never the confidential shelter.
    assert "Fairground Park" not in set(table.plain["nearest_hub"])
    out = table.save_csv(str(tmp_path / "gaps.csv"))
    assert out.read_text().splitlines()[0].startswith("rank,")


def test_open_referral_import_and_export(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from assetmap.ui.hubs_menu import export_hsds_dialog, import_hsds_dialog

    w = window
    before = len(w.project.read_layer("hubs"))
    # The example package has a location at latitude 100: the first try stops and says so; the user
    # chooses to import the rest, that location without a position.
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    first = import_hsds_dialog(w, str(SHARED / "hsds3"))
    with qtbot.waitSignal(first.finished, timeout=60000) as sig:
        pass
    assert sig.args == [False] and len(w.project.read_layer("hubs")) == before  # nothing changed
    assert asked and "latitude '100'" in asked[0]
    _wait_task(qtbot, w, w.hubs_retry)
    assert len(w.project.read_layer("hubs")) > before
    assert "without a position" in w.hubs_report
    hubs = w.project.read_layer("hubs")
    drawn = {lyr["name"]: lyr for lyr in w.canvas.state()["layers"]}["hubs"]["count"]
    assert drawn == int((hubs.geometry.notna() & ~hubs["confidential"].astype(int).astype(bool)).sum())  # not the shelter
    out = tmp_path / "directory"
    _wait_task(qtbot, w, export_hsds_dialog(w, str(out)))
    assert (out / "datapackage.json").exists() and (out / "locations.csv").exists()
    assert "Fairground Park" not in (out / "locations.csv").read_text()


def test_dialogs_name_every_control(window, qtbot):
    from assetmap.ui.accessible import missing_accessible_names
    from assetmap.ui.hubs_menu import AccessDialog, CatchmentsDialog

    for cls in (CatchmentsDialog, AccessDialog):
        dlg = cls(window.project, window)
        qtbot.addWidget(dlg)
        dlg.show()
        assert missing_accessible_names(dlg) == [], cls.__name__
    from assetmap.ui.hubs_menu import GapTableDialog, access_dialog

    _wait_task(qtbot, window, access_dialog(window, {"need": "neighborhoods:population", "service": "parenting",
                                                     "within": 1609.344}))
    assert isinstance(window.gap_table, GapTableDialog)
    assert missing_accessible_names(window.gap_table) == []


def test_coverage_from_the_menu(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from assetmap.ui.hubs_menu import coverage_dialog

    answers = iter([("nearby", True), ("1mi", True)])  # not a distance first: asked again
    warned = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(answers)))
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a, **k: warned.append(a[2]))
    _wait_task(qtbot, window, coverage_dialog(window))
    assert warned and "nearby" in warned[0]
    assert "coverage" in window.project.layer_names()
    layer = window.project.read_layer("coverage")
    assert len(layer) == 88 and "area_share_parenting" in layer.columns
    assert (layer["area_share_parenting"] > 0).any() and (layer["area_share_parenting"] <= 1).all()
    assert window.coverage_text.startswith("Within 1mi of a public hub") and "parenting:" in window.coverage_text
