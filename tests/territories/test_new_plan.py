"""Territories start in the app: the New plan dialog, and Suggest balanced plan… with no plan yet."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from assetmap.territories import store


@pytest.fixture()
def panel(qtbot, stl_project):
    from assetmap.ui.territories_panel import TerritoriesPanel

    assert store.plan_names(stl_project) == []
    w = TerritoriesPanel(stl_project)
    qtbot.addWidget(w)
    w.show()
    return w


def _ok(dlg):
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_new_plan_dialog_makes_a_plan_undoably(panel, qtbot, stl_project, tmp_path):
    from assetmap.ui.territories_new import NewPlanDialog

    assert "New plan…" in panel.help.hint.text() and panel.help.hint.isVisible()  # the empty panel says how
    dlg = NewPlanDialog(stl_project, panel)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.areas.currentData() == "neighborhoods"
    fields = [dlg.by.itemData(i) for i in range(dlg.by.count())]
    assert "population" in fields and "NHD_NUM" not in fields  # numeric fields, not the id
    assert dlg.by.currentData() == "population"
    dlg.teams.setValue(4)
    assert dlg.team_names.toPlainText().splitlines() == ["Team 1", "Team 2", "Team 3", "Team 4"]
    dlg.team_names.setPlainText("North\nSouth\nnorth")
    _ok(dlg)
    assert dlg.problem.isVisible() and "share a name" in dlg.problem.text() and not dlg.result()
    dlg.team_names.setPlainText("North\nSouth\nEast\nWest")
    dlg.name.setText("Spring")
    dlg.grab().save(str(tmp_path / "new_plan.png"))
    _ok(dlg)
    assert dlg.result() and dlg.chosen.name == "Spring"
    assert panel.new_plan(record=dlg.chosen)
    assert panel.plan_combo.currentText() == "Spring"
    plan = store.load_plan(stl_project, "Spring")
    assert [t.name for t in plan.teams] == ["North", "South", "East", "West"] and plan.fields == ["population"]
    assert [panel.team_combo.itemText(i) for i in range(panel.team_combo.count())] == ["North", "South", "East", "West"]
    panel.stack.undo()
    panel.reload_plans()
    assert store.plan_names(stl_project) == []


def test_suggest_balanced_with_no_plan_starts_with_new_plan(panel, qtbot, stl_project, monkeypatch):
    from assetmap.ui import territories_balance, territories_new

    def new_exec(dlg):
        dlg.teams.setValue(6)
        _ok(dlg)
        return dlg.result()

    chosen = {}

    def balance_exec(dlg):
        chosen.update(dlg.kwargs())
        return 1

    monkeypatch.setattr(territories_new.NewPlanDialog, "exec", new_exec)
    monkeypatch.setattr(territories_balance.BalanceDialog, "exec", balance_exec)
    panel.balance_button.click()
    worker = panel.worker
    with qtbot.waitSignal(worker.done, timeout=60000):
        pass
    assert chosen["k"] == 6 and chosen["by"] == "population" and chosen["from_plan"] is None
    assert set(store.plan_names(stl_project)) == {"Plan", "Plan balanced"}
    assert panel.plan_combo.currentText() == "Plan balanced"
    assert panel.table_model.rowCount() == 6
    assert "within ±5%" in panel.status.text()


def test_cancel_in_new_plan_means_no_balance(panel, monkeypatch, stl_project):
    from assetmap.ui import territories_new

    monkeypatch.setattr(territories_new.NewPlanDialog, "exec", lambda dlg: 0)
    assert panel.suggest_balanced() is None
    assert store.plan_names(stl_project) == []
