"""File › Export map…: the dialog sets page size, orientation, DPI, title and layers, the export
runs on the worker, and the written PNG has size × DPI pixels (the PDF the page size)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

import tests.ui.pyside_bool  # noqa: F401  (see the module)

pytestmark = pytest.mark.gui


@pytest.fixture()
def window(qtbot, isolated_home, map_project):
    from assetmap.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    assert w.open_project(map_project.path)
    return w


@pytest.fixture()
def calls(monkeypatch):
    """What the worker asked the sheet renderer for (the real renderer still runs)."""
    from assetmap.ui import map_export

    real, seen = map_export.export_image, []

    def spy(project, out, layers=None, title=None, width_in=11.0, height_in=8.5, dpi=150, ctx=None):
        seen.append({"layers": layers, "title": title, "w": width_in, "h": height_in, "dpi": dpi})
        return real(project, out, layers, title, width_in, height_in, dpi, ctx=ctx)

    monkeypatch.setattr(map_export, "export_image", spy)
    return seen


def _open_dialog(window, qtbot):
    from assetmap.ui.export_dialog import ExportMapDialog

    window.actions_by_name["export map"].trigger()
    dlg = next(d for d in window.findChildren(ExportMapDialog) if d.isVisible())
    qtbot.addWidget(dlg)
    return dlg


def _tick(dlg, name, on):
    for i in range(dlg.layers.count()):
        item = dlg.layers.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == name:
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def _export(dlg, qtbot):
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible(), dlg.error and dlg.error.text()
    with qtbot.waitSignal(dlg.task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [True], dlg.task.error


def test_a4_landscape_png_at_100_dpi(window, qtbot, calls, tmp_path):
    from assetmap.ui.accessible import missing_accessible_names

    dlg = _open_dialog(window, qtbot)
    assert not missing_accessible_names(dlg), missing_accessible_names(dlg)
    for label in dlg.findChildren(QLabel):
        if "&" in label.text():
            assert label.buddy() is not None, label.text()
    # the visible layers are ticked to start with, the project's title is the title
    assert dlg.checked_layers() == [i.name for i in window.project.layers() if i.visible]
    assert dlg.title.text() == window.project.title
    out = tmp_path / "meeting.png"
    dlg.path.setText(str(out))
    assert dlg.format.currentData() == "png"   # the file name chooses the format
    dlg.page.setCurrentIndex(dlg.page.findData("A4"))
    dlg.orientation.setCurrentIndex(dlg.orientation.findData(True))
    dlg.dpi.setValue(100)
    dlg.title.setText("Thursday partnership meeting")
    _tick(dlg, "sites", False)
    assert "1169 × 827 pixels" in dlg.size_note.text()
    _export(dlg, qtbot)
    img = QImage(str(out))
    # A4 landscape is 297 × 210 mm: × 100 dpi
    assert (img.width(), img.height()) == (round(297 / 25.4 * 100), round(210 / 25.4 * 100)) == (1169, 827)
    assert round(img.dotsPerMeterX() * 0.0254) == 100
    assert calls == [{"layers": ["neighborhoods"], "title": "Thursday partnership meeting",
                      "w": pytest.approx(297 / 25.4), "h": pytest.approx(210 / 25.4), "dpi": 100}]
    assert "meeting.png" in window.statusBar().currentMessage()


def test_custom_size_in_pixels_and_portrait_pdf(window, qtbot, calls, tmp_path):
    dlg = _open_dialog(window, qtbot)
    dlg.path.setText(str(tmp_path / "custom"))
    dlg.format.setCurrentIndex(dlg.format.findData("png"))
    assert not dlg.width.isEnabled()
    dlg.page.setCurrentIndex(dlg.page.findData("custom"))
    assert dlg.width.isEnabled() and not dlg.orientation.isEnabled()
    dlg.unit.setCurrentIndex(dlg.unit.findData("px"))
    dlg.width.setValue(800)
    dlg.height.setValue(600)
    dlg.dpi.setValue(200)
    _export(dlg, qtbot)
    img = QImage(str(tmp_path / "custom.png"))
    assert (img.width(), img.height()) == (800, 600)

    dlg = _open_dialog(window, qtbot)
    out = tmp_path / "sheet.pdf"
    dlg.path.setText(str(out))
    dlg.page.setCurrentIndex(dlg.page.findData("A4"))
    dlg.orientation.setCurrentIndex(dlg.orientation.findData(False))
    dlg.dpi.setValue(72)
    _export(dlg, qtbot)
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", out.read_bytes())
    assert box and float(box[1]) == pytest.approx(595.3, abs=1) and float(box[2]) == pytest.approx(841.9, abs=1)
    assert calls[-1]["dpi"] == 72 and calls[-1]["w"] < calls[-1]["h"]


def test_bad_choices_are_named_and_nothing_is_written(window, qtbot, tmp_path):
    dlg = _open_dialog(window, qtbot)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and "No file" in dlg.error.text()
    dlg.error.close()
    out = tmp_path / "m.png"
    dlg.path.setText(str(out))
    for i in range(dlg.layers.count()):
        dlg.layers.item(i).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and "No layer" in dlg.error.text() and dlg.error.informativeText()
    dlg.error.close()
    _tick(dlg, "neighborhoods", True)
    dlg.page.setCurrentIndex(dlg.page.findData("custom"))
    dlg.unit.setCurrentIndex(dlg.unit.findData("px"))
    dlg.width.setValue(10)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and "too small or too large" in dlg.error.text()
    dlg.error.close()
    dlg.path.setText(str(tmp_path / "no-such-folder" / "m.png"))
    dlg.page.setCurrentIndex(dlg.page.findData("Letter"))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and "does not exist" in dlg.error.text()
    dlg.error.close()
    dlg.reject()
    assert not out.exists() and list(tmp_path.glob("*.png")) == []


def test_html_export_from_the_dialog_is_offline(window, qtbot, tmp_path):
    dlg = _open_dialog(window, qtbot)
    out = tmp_path / "map.html"
    dlg.path.setText(str(out))
    assert dlg.format.currentData() == "html" and not dlg.dpi.isEnabled() and not dlg.page.isEnabled()
    _export(dlg, qtbot)
    html = out.read_text()
    assert not re.search(r"https?://", html) and "Neighbourhoods" in html
