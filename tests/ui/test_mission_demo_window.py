"""`assetmap demo` as a newcomer sees it: the mission demo in the real window, read back from the
page (what the map actually draws), the confidential shelter never sent to it."""

from __future__ import annotations

from tests.ui.conftest import open_main_window


def test_the_demo_window_shows_the_mission_and_not_the_shelter(qtbot, isolated_home, tmp_path):
    from assetmap.cli.gui_cmds import _style_demo
    from assetmap.demo import demo_project_path
    from assetmap.ui.territories_panel import TerritoriesPanel

    path = demo_project_path(fresh=True)  # what `assetmap demo` opens, in the isolated home
    _style_demo(path)
    w = open_main_window(qtbot, path, (1440, 900))
    layers = {lyr["name"]: lyr for lyr in w.canvas.state()["layers"]}
    assert layers["hubs"]["count"] == 5  # six hubs in the project; the shelter is never sent to the page
    assert layers["survey_community_assets"]["count"] == 15
    assert layers["dv_by_neighborhoods_quarterly"]["visible"]
    assert not layers["maltreatment_by_neighborhoods_quarterly"]["visible"]
    legend = w.canvas.state()["legend"]
    for shown in ("Resource hubs", "Community assets (door-to-door survey)", "Domestic-violence calls (police)",
                  "Six teams"):
        assert shown in legend
    assert "Safe house" not in legend
    panel = w.features.territories  # handed out filled (hidden at start, it reads the plans when asked)
    assert w.findChildren(TerritoriesPanel) == [panel]
    assert panel.plan_combo.findText("Six teams") >= 0
    assert w.windowTitle().startswith("St. Louis child-welfare partnership (demo)")
    w.grab().save(str(tmp_path / "mission_demo.png"))
    assert not w.canvas.page().console, w.canvas.page().console
