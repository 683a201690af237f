"""The Layers panel shows each layer's sensitivity: an icon and a tooltip (real widgets)."""

from __future__ import annotations

import shutil
from pathlib import Path

from assetmap.project import Project

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "st_louis_demo.gpkg"


def test_panel_marks_internal_and_confidential_layers(qtbot, tmp_path):
    from assetmap.privacy import set_sensitivity
    from assetmap.ui.layers_panel import SENSITIVITY_ROLE, LayersPanel

    path = tmp_path / "demo.gpkg"
    shutil.copy(DEMO, path)
    project = Project.open(path)
    internal = [i.name for i in project.layers() if i.role.value == "aggregate"]
    assert internal
    set_sensitivity(project, internal[0], "confidential")
    panel = LayersPanel()
    qtbot.addWidget(panel)
    panel.resize(340, 300)
    panel.set_layers(project.layers())
    panel.show()
    levels = {}
    for i in range(panel.list.count()):
        item = panel.list.item(i)
        name, level = item.data(0x0100), item.data(SENSITIVITY_ROLE)
        levels[name] = level
        image = item.icon().pixmap(32, 32).toImage()
        blank = all(image.pixelColor(x, y).alpha() == 0 for x in range(0, 32, 2) for y in range(0, 32, 2))
        assert not item.icon().isNull() and blank == (level == "public"), name
        assert level.capitalize() + ":" in item.toolTip(), item.toolTip()
    # A public layer's blank keeps its row as tall as a padlocked one, and its name in line.
    rects = [panel.list.visualItemRect(panel.list.item(i)) for i in range(panel.list.count())]
    assert len({r.height() for r in rects}) == 1, [r.height() for r in rects]
    assert levels["neighborhoods"] == "public"
    assert levels[internal[0]] == "confidential"
    assert all(levels[n] == "internal" for n in internal[1:])
    out = tmp_path / "layers_panel.png"
    panel.grab().save(str(out))
    assert out.stat().st_size > 0
