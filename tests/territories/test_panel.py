"""The Territories dock through its real widgets (pytest-qt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from assetmap.territories import store


@pytest.fixture()
def panel(qtbot, stl_project):
    from assetmap.ui.territories_panel import TerritoriesPanel

    store.save_plan(stl_project, store.PlanRecord("Mine", "neighborhoods", store.default_teams(3),
                                                  fields=["population"]))
    w = TerritoriesPanel(stl_project)
    qtbot.addWidget(w)
    w.show()
    return w


def select_units(panel, ids):
    panel.unit_list.clearSelection()
    for row in range(panel.unit_list.count()):
        item = panel.unit_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in ids:
            panel.unit_list.setCurrentItem(item, QItemSelectionModel.SelectionFlag.Select)


def cell(panel, row, header):
    m = panel.table_model
    col = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())].index(header)
    return m.data(m.index(row, col))


def test_paint_undo_redo_and_lock_through_widgets(panel, qtbot, stl_frame, stl_project):
    pop = dict(zip(stl_frame.NHD_NUM.astype(str), stl_frame.population.fillna(0)))
    panel.team_combo.setCurrentIndex(1)
    select_units(panel, {"1", "2", "3"})
    with qtbot.waitSignal(panel.assignments_changed):
        qtbot.mouseClick(panel.assign_button, Qt.MouseButton.LeftButton)
    assert cell(panel, 1, "Units") == 3
    assert cell(panel, 1, "population") == f"{pop['1'] + pop['2'] + pop['3']:,.0f}"
    assert store.load_plan(stl_project, "Mine").assignments == {"1": 1, "2": 1, "3": 1}
    assert panel.unit_colours()["2"] == store.DEFAULT_COLOURS[1]

    # the map would drive the same session with unit ids
    panel.session.click("4")
    assert cell(panel, 1, "Units") == 4
    assert panel.undo_button.isEnabled() and not panel.redo_button.isEnabled()
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert cell(panel, 1, "Units") == 3
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert cell(panel, 1, "Units") == 0 and not panel.undo_button.isEnabled()
    qtbot.mouseClick(panel.redo_button, Qt.MouseButton.LeftButton)
    assert cell(panel, 1, "Units") == 3
    assert store.load_plan(stl_project, "Mine").assignments == {"1": 1, "2": 1, "3": 1}

    # lock team 2, then try to repaint its units onto team 3
    qtbot.mouseClick(panel.lock_box, Qt.MouseButton.LeftButton)
    assert "🔒" in cell(panel, 1, "Team")
    panel.team_combo.setCurrentIndex(2)
    select_units(panel, {"1", "5"})
    qtbot.mouseClick(panel.assign_button, Qt.MouseButton.LeftButton)
    assert store.load_plan(stl_project, "Mine").assignments == {"1": 1, "2": 1, "3": 1, "5": 2}
    assert panel.unassigned_label.text().startswith(f"Unassigned: {88 - 4}")


def test_suggest_balanced_plan_from_the_panel(panel, qtbot, stl_project):
    from assetmap.ui.territories_balance import BalanceDialog

    kwargs = BalanceDialog(panel.model, store.plan_names(stl_project)).kwargs()
    kwargs.update(k=6, by="population", name="Suggested")
    worker = panel.suggest_balanced(kwargs=kwargs)
    with qtbot.waitSignal(worker.done, timeout=60000):
        pass
    assert panel.plan_combo.currentText() == "Suggested"
    m = panel.table_model
    assert m.rowCount() == 6
    devs = [float(cell(panel, r, "population ± %")) for r in range(6)]
    assert max(abs(d) for d in devs) <= 5.0
    assert all(cell(panel, r, "Pieces") == 1 for r in range(6))
    assert "within ±5%" in panel.status.text()


def test_cancelled_balance_saves_nothing(panel, qtbot, stl_project):
    from assetmap.ui.territories_balance import BalanceDialog

    kwargs = BalanceDialog(panel.model, store.plan_names(stl_project)).kwargs()
    kwargs.update(name="Never")
    worker = panel.suggest_balanced(kwargs=kwargs)
    worker.ctx.cancel()                       # what the progress dialog's Cancel button does
    with qtbot.waitSignal(panel.balance_failed, timeout=60000):
        pass
    assert "Never" not in store.plan_names(stl_project)
    assert "cancelled" in panel.status.text()


def test_duplicate_rename_delete_plans_with_undo(panel, qtbot, stl_project):
    panel.session.click("7")
    assert panel.duplicate_plan(name="Copy")
    assert panel.plan_combo.currentText() == "Copy"
    assert store.load_plan(stl_project, "Copy").assignments == {"7": 0}
    assert panel.rename_plan(name="Renamed")
    assert store.plan_names(stl_project) == ["Mine", "Renamed"]
    assert not panel.rename_plan(name="Mine")            # taken: refused, said in the panel
    assert "already has a territory plan" in panel.status.text()
    assert panel.delete_plan()
    assert store.plan_names(stl_project) == ["Mine"]
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)   # the plan comes back
    assert store.plan_names(stl_project) == ["Mine", "Renamed"]
    assert [panel.plan_combo.itemText(i) for i in range(panel.plan_combo.count())] == ["Mine", "Renamed"]


def test_compare_dialog_side_by_side(panel, qtbot, stl_project):
    panel.session.team = 0
    panel.session.click("1")
    panel.duplicate_plan(name="Other")
    panel.session.team = 2
    panel.session.click("1")                 # now painting "Other"
    panel.session.click("2")
    dlg = panel.compare_plans(show=False)
    qtbot.addWidget(dlg)
    dlg.a.setCurrentText("Mine")
    dlg.b.setCurrentText("Other")
    assert sorted(dlg.differing_units()) == ["1", "2"]
    headers = [dlg.table.horizontalHeaderItem(c).text() for c in range(dlg.table.columnCount())]
    col_a, col_b = headers.index("units (Mine)"), headers.index("units (Other)")
    assert [dlg.table.item(r, col_a).text() for r in range(3)] == ["1", "0", "0"]
    assert [dlg.table.item(r, col_b).text() for r in range(3)] == ["0", "0", "2"]
    assert dlg.diff_label.text() == "2 unit(s) differ"
