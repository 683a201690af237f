"""While painting territories, a click assigns the unit and opens no identify popup over the map;
with painting off, the same click identifies again."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli


@pytest.fixture()
def window(qtbot, isolated_home, demo_copy):
    r = run_cli("territories", "new", demo_copy.path, "--plan", "Mine", "--areas", "neighborhoods",
                "--teams", "3", "--by", "population")
    assert r.returncode == 0, r.stderr
    from tests.ui.conftest import open_main_window

    return open_main_window(qtbot, demo_copy.path, (1100, 750))


def _popups(w):
    return w.canvas.evaluate("document.querySelectorAll('.leaflet-popup').length")


def test_no_identify_popup_while_painting(window, qtbot):
    w = window
    panel = w.features.territories
    qtbot.waitUntil(lambda: panel.session is not None)
    w.actions_by_name["paint territories"].setChecked(True)
    panel.team_combo.setCurrentIndex(1)
    frame = w.cache.frame("neighborhoods")
    fid = int(frame.index[frame["NHD_NUM"] == 38][0])
    uid = w.features.unit_id("neighborhoods", fid)
    assert w.canvas.evaluate(f"assetmap.clickFeature('neighborhoods', {fid})") is True
    qtbot.waitUntil(lambda: panel.model.assignment.get(uid) == 1, timeout=5000)
    qtbot.wait(200)
    assert _popups(w) == 0
    w.actions_by_name["paint territories"].setChecked(False)
    qtbot.waitUntil(lambda: w.canvas.state()["paint"] is False, timeout=5000)
    assert w.canvas.evaluate(f"assetmap.clickFeature('neighborhoods', {fid})") is True
    qtbot.waitUntil(lambda: _popups(w) == 1, timeout=5000)


def test_undoing_an_assignment_redraws_the_map_through_the_session_event(window, qtbot, monkeypatch):
    """Paint, polygon, Assign and their undo/redo are commands whose events (TerritoryAssignmentsChanged)
    the map redraw hears on the window's session; the panel's own Qt signal is not needed for it."""
    from assetmap.session import TerritoryAssignmentsChanged, TerritoryPlanEdited, TerritoryTeamsChanged

    w = window
    panel = w.features.territories
    qtbot.waitUntil(lambda: panel.session is not None)
    heard, styles = [], []
    w.session.subscribe(TerritoryPlanEdited, heard.append)
    monkeypatch.setattr(w.canvas, "set_style", lambda name, style, title=None: styles.append((name, style)))
    panel.blockSignals(True)   # assignments_changed never reaches anyone: only the event can redraw
    frame = w.cache.frame("neighborhoods")
    fid = int(frame.index[frame["NHD_NUM"] == 38][0])
    uid = w.features.unit_id("neighborhoods", fid)
    field = panel.model.units.id_field
    key = str(frame.at[fid, field] if field else fid)
    colour = {t.team: t.colour for t in panel.model.teams}
    first = panel.model.assignment.get(uid)
    other = next(t.team for t in panel.model.teams if t.team != first)
    panel.session.team = other
    assert panel.session.click(uid) == 1
    plan_id = panel.model.plan.plan_id
    assert heard == [TerritoryAssignmentsChanged(plan_id, frozenset({uid}))]
    assert styles and styles[-1][0] == "neighborhoods" and styles[-1][1]["categories"][key] == colour[other]
    heard.clear()
    styles.clear()
    w.actions_by_name["undo"].trigger()
    assert heard == [TerritoryAssignmentsChanged(plan_id, frozenset({uid}))]
    assert panel.model.assignment.get(uid) == first
    assert styles and styles[-1][1]["categories"].get(key) == colour.get(first)
    styles.clear()
    w.actions_by_name["redo"].trigger()
    assert styles and styles[-1][1]["categories"][key] == colour[other]
    styles.clear()
    panel.session.lock(other)   # a team's lock, name or colour: a TerritoryTeamsChanged, redrawn too
    assert isinstance(heard[-1], TerritoryTeamsChanged) and styles
    panel.blockSignals(False)
