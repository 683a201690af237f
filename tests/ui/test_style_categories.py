"""Symbol and colour per category in the style editor, driven through Layer › Style… on the real
window; the page's own features, its legend and the printed sheet are checked, and Undo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialogButtonBox

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
    drawn = []
    w.canvas.when_drawn(lambda: drawn.append(1))
    qtbot.waitUntil(lambda: bool(drawn), timeout=20000)
    return w


def _ids(w, kind):
    f = w.cache.frame("sites")
    return [int(i) for i in f.index[(f["kind"] == kind) & (f["confidential"] == 0)]]


def _sym(w, fid):
    return w.canvas.evaluate(f'assetmap.featureSymbol("sites", {fid})')


def test_symbol_and_colour_per_category(window, qtbot, monkeypatch, tmp_path):
    from assetmap.ui import style_categories
    from assetmap.ui.style_dialog import StyleDialog

    monkeypatch.setattr(style_categories.QColorDialog, "getColor", lambda *a, **k: QColor("#ff00ff"))
    seen = {}

    def drive():
        dlg = next(d for d in QApplication.topLevelWidgets() if isinstance(d, StyleDialog) and d.isVisible())
        qtbot.addWidget(dlg)
        dlg.kind.setCurrentIndex(dlg.kind.findData("categorized"))
        dlg.field.setCurrentText("kind")
        table = dlg.categories
        seen["values"] = table.values()
        seen["visible"] = table.isVisible()
        qtbot.mouseClick(table.color_button("school"), Qt.MouseButton.LeftButton)
        table.symbol_combo("school").setCurrentIndex(table.symbol_combo("school").findData("square"))
        table.symbol_combo("clinic").setCurrentIndex(table.symbol_combo("clinic").findData("triangle"))
        dlg.size.setValue(10)
        from assetmap.ui.accessible import missing_accessible_names

        seen["unnamed"] = missing_accessible_names(dlg)
        shot = Path(os.environ.get("ASSETMAP_SHOT_DIR", str(tmp_path))) / "style_categories.png"
        dlg.grab().save(str(shot))
        dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, drive)
    window.edit_style("sites")   # Layer › Style… (returns when the dialog is closed)
    # the confidential shelter's category is never offered
    assert seen["values"] == ["clinic", "faith", "school"] and seen["visible"]
    assert not seen["unnamed"], seen["unnamed"]
    school, clinic, faith = _ids(window, "school"), _ids(window, "clinic"), _ids(window, "faith")
    qtbot.waitUntil(lambda: _sym(window, school[0]) == "square", timeout=10000)
    assert [_sym(window, i) for i in school] == ["square"] * len(school)
    assert [_sym(window, i) for i in clinic] == ["triangle"] * len(clinic)
    assert [_sym(window, i) for i in faith] == ["circle"]
    assert window.canvas.evaluate(f'assetmap.featureFill("sites", {school[0]})') == "#ff00ff"
    assert window.canvas.evaluate(f'assetmap.featureRadius("sites", {faith[0]})') == 10
    # the legend shows the symbols and colours too, without the withheld category
    legend = window.canvas.evaluate(
        "Array.prototype.map.call(document.querySelectorAll('.am-legend-item'), function (e) {"
        " var i = e.querySelector('i'); return [e.innerText.trim(), i.className, i.style.backgroundColor]; })")
    by_label = {label: (cls, bg) for label, cls, bg in legend}
    assert "am-square" in by_label["school"][0] and by_label["school"][1] == "rgb(255, 0, 255)"
    assert "am-triangle" in by_label["clinic"][0] and "am-circle" in by_label["faith"][0]
    assert "shelter" not in window.canvas.state()["legend"]
    # saved in the project, one undo step
    saved = window.project.layer("sites").style
    assert saved["symbols"] == {"school": "square", "clinic": "triangle"}
    assert saved["categories"]["school"] == "#ff00ff" and saved["point_size"] == 10
    window.stack.undo()
    qtbot.waitUntil(lambda: _sym(window, school[0]) == "circle", timeout=10000)
    assert window.project.layer("sites").style.get("kind", "single") == "single"
    window.stack.redo()
    qtbot.waitUntil(lambda: _sym(window, school[0]) == "square", timeout=10000)


def test_dialog_keeps_saved_choices_and_follows_layer_symbol(window, qtbot):
    from assetmap.layers.style import Style
    from assetmap.ui.style_dialog import StyleDialog

    style = Style(kind="categorized", field="kind", categories={"school": "#123456"}, symbols={"faith": "diamond"})
    dlg = StyleDialog(style, [], ["kind", "name"], "Sites", window, frame=window.cache.frame("sites"))
    qtbot.addWidget(dlg)
    t = dlg.categories
    assert t.colors()["school"] == "#123456"
    assert t.symbol_combo("faith").currentData() == "diamond"
    assert t.symbol_combo("school").currentData() == "circle"
    # a new layer symbol moves the rows that had the old one, not the ones the user chose
    dlg.symbol.setCurrentIndex(dlg.symbol.findData("triangle"))
    assert t.symbols() == {"clinic": "triangle", "faith": "diamond", "school": "triangle"}
    out = dlg.style()
    assert out.symbol == "triangle" and out.symbols == {"faith": "diamond"}
    # a different field lists its own values; single colour hides the table
    dlg.field.setCurrentText("name")
    assert t.values() == [f"site {i}" for i in range(5)]
    dlg.kind.setCurrentIndex(dlg.kind.findData("single"))
    assert t.rowCount() == 0 and dlg.style().symbols == {"faith": "diamond"}


def test_printed_sheet_draws_category_symbols(window, qtbot):
    """The PNG/PDF export draws the same symbols as the page (shapes differ in their pixels)."""
    from assetmap.layers.style import Style
    from assetmap.ui.map_export import feature_symbols, symbol_path

    window.set_layer_style("sites", Style(kind="categorized", field="kind", symbols={"school": "square"}))
    spec = window.cache.spec(window.project.layer("sites"))
    frame = window.cache.frame("sites")
    got = dict(zip(frame["kind"], feature_symbols(frame, spec)))
    assert got["school"] == "square" and got["clinic"] == "circle"
    areas = {s: symbol_path(0, 0, 10, s).boundingRect() for s in ("circle", "square", "triangle", "diamond")}
    assert areas["square"].height() == 20 and areas["diamond"].height() == pytest.approx(26)
