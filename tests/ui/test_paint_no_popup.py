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
