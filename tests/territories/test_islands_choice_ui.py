"""Suggest balanced plan… says which areas touch no other and lets the team lead choose."""

from __future__ import annotations

import pytest

from assetmap.territories import store
from tests.territories.test_islands import _with_island


@pytest.fixture()
def panel(qtbot, stl_project):
    from assetmap.ui.territories_panel import TerritoriesPanel

    w = TerritoriesPanel(stl_project)
    qtbot.addWidget(w)
    w.show()
    return w


def _dialog(panel, qtbot):
    from assetmap.ui.territories_balance import BalanceDialog

    dlg = BalanceDialog(panel.model, store.plan_names(panel.project), panel)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_islands_are_named_and_left_unassigned_when_chosen(panel, qtbot, stl_project, tmp_path):
    _with_island(stl_project)
    assert panel.new_plan(record=store.PlanRecord("Spring", "areas2", store.default_teams(6),
                                                  fields=["population"]))
    dlg = _dialog(panel, qtbot)
    assert dlg.islands_note is not None and dlg.islands_note.isVisible()
    assert dlg.islands_note.text() == "One area touches no other: Island."
    assert dlg.islands.isVisible() and dlg.islands.currentData() == "attach"  # the default, said
    dlg.islands.setCurrentIndex(dlg.islands.findData("leave"))
    dlg.grab().save(str(tmp_path / "balance_islands.png"))
    kwargs = dlg.kwargs()
    assert kwargs["islands"] == "leave"
    worker = panel.suggest_balanced(kwargs=kwargs)
    with qtbot.waitSignal(worker.done, timeout=60000):
        pass
    plan = store.load_plan(stl_project, kwargs["name"])
    assert "999" not in plan.assignments and len(plan.assignments) == 88
    assert panel.plan_combo.currentText() == kwargs["name"]


def test_attach_is_the_default_and_gives_the_island_a_neighbours_team(panel, qtbot, stl_project):
    _with_island(stl_project)
    assert panel.new_plan(record=store.PlanRecord("Spring", "areas2", store.default_teams(6),
                                                  fields=["population"]))
    kwargs = _dialog(panel, qtbot).kwargs()
    worker = panel.suggest_balanced(kwargs=kwargs)
    with qtbot.waitSignal(worker.done, timeout=60000):
        pass
    plan = store.load_plan(stl_project, kwargs["name"])
    team = plan.assignments["999"]
    assert sum(1 for t in plan.assignments.values() if t == team) > 1


def test_no_islands_no_question(panel, qtbot, stl_project):
    assert panel.new_plan(record=store.PlanRecord("Spring", "neighborhoods", store.default_teams(6),
                                                  fields=["population"]))
    dlg = _dialog(panel, qtbot)
    assert dlg.islands_note is None and not dlg.islands.isVisible()
    assert dlg.kwargs()["islands"] == "attach"
