"""Survey mode: the volunteer's window, its limits, Spanish, and a survey filled by keyboard alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDockWidget, QGroupBox, QLabel, QLineEdit,
                               QWidget)

import tests.ui.pyside_bool  # noqa: F401  (see the module)
from assetmap.survey import builtin_form
from assetmap.survey.store import SurveyStore

pytestmark = pytest.mark.gui


@pytest.fixture()
def package(demo_copy, tmp_path, isolated_home):
    from assetmap.survey.pack import make_package

    SurveyStore(demo_copy, device_id="office").install_form(builtin_form())
    return make_package(demo_copy, tmp_path / "rosa.gpkg", surveyor="Rosa", areas=["17", "39"]).path


def open_window(qtbot, package):
    from assetmap.ui.survey.survey_mode import SurveyModeWindow

    w = SurveyModeWindow()
    qtbot.addWidget(w)
    w.resize(1200, 850)
    w.show()
    assert w.open_package(package)
    from tests.ui.conftest import wait_drawn

    wait_drawn(w, qtbot)
    return w


def test_survey_mode_shows_only_the_volunteers_world(qtbot, package, demo_copy):
    from assetmap.ui.app import make_window

    w = open_window(qtbot, package)
    assert w.panel.surveyor.text() == "Rosa"  # the package says whose it is
    assert set(w.layers_on_map()) == {"neighborhoods", "survey_community_assets"}
    state = w.canvas.state()
    on_page = {layer["name"] for layer in state["layers"]}
    assert not any("dv_" in n or "maltreatment" in n for n in on_page), on_page
    assert [a.text() for a in w.menuBar().actions()] == ["&File", "&Edit", "&Help"]
    assert not w.findChildren(QDockWidget)
    texts = " ".join(a.text() for m in w.menuBar().actions() for a in m.menu().actions())
    for planner_tool in ("Import", "Style", "Territor", "Report", "Remove", "Export"):
        assert planner_tool not in texts
    # A field package opens in survey mode by default; the planner's project does not.
    auto = make_window(package)
    qtbot.addWidget(auto)
    assert type(auto).__name__ == "SurveyModeWindow"
    full = make_window(demo_copy.path)
    qtbot.addWidget(full)
    assert type(full).__name__ == "MainWindow"


def _tab_to(qtbot, target: QWidget, limit: int = 80) -> None:
    """Press Tab until ``target`` has the focus (only key presses, like a keyboard user)."""
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.accessibleName()!r}")


def test_whole_survey_by_keyboard_alone(qtbot, package):
    from assetmap.project import Project

    w = open_window(qtbot, package)
    w.activateWindow()
    rows = w.panel.entry.rows
    qtbot.waitUntil(lambda: QApplication.focusWidget() is rows["asset_type"].editor.combo, timeout=5000)
    focus = QApplication.focusWidget
    qtbot.keyClick(focus(), Qt.Key.Key_Down)            # first kind of asset
    _tab_to(qtbot, rows["asset_name"].editor.edit)
    qtbot.keyClicks(focus(), "Iglesia San Juan")
    _tab_to(qtbot, rows["services"].editor.boxes["food_pantry"])
    qtbot.keyClick(focus(), Qt.Key.Key_Space)           # tick "food pantry"
    _tab_to(qtbot, rows["willing_to_partner"].editor.combo)
    qtbot.keyClick(focus(), Qt.Key.Key_Down)
    _tab_to(qtbot, rows["location"].editor.lat)
    qtbot.keyClicks(focus(), "38.6105")
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focus(), "-90.2203")
    qtbot.keyClick(focus(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    responses = SurveyStore(Project.open(package)).responses("community_assets")
    assert len(responses) == 1, w.panel.status.text()
    a = responses[0].answers
    assert a["asset_name"] == "Iglesia San Juan" and a["services"] == ["food_pantry"]
    assert a["asset_type"] == "faith" and a["location"] == pytest.approx((38.6105, -90.2203))
    # Ready for the next door, focus back on the first question.
    assert focus() is rows["asset_type"].editor.combo
    # Undo by keyboard.
    qtbot.keyClick(focus(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert SurveyStore(Project.open(package)).responses("community_assets") == []


def _english_sources() -> dict[str, str]:
    import xml.etree.ElementTree as ET

    from assetmap.ui.i18n import ts_file

    out = {}
    for msg in ET.parse(ts_file("es")).getroot().iter("message"):
        src = msg.find("source").text or ""
        tr = msg.find("translation")
        spanish = tr.text or " ".join(n.text or "" for n in tr)
        if spanish and spanish != src:
            out[src.replace("&", "")] = spanish
    return out


def _visible_texts(window) -> list[str]:
    texts = [window.windowTitle()]
    for m in window.menuBar().actions():
        texts.append(m.text())
        texts += [a.text() for a in m.menu().actions() if a.text()]
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window):
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QComboBox) and w.accessibleName() not in ("Idioma del formulario",):
            texts += [w.itemText(i) for i in range(w.count())]
        texts.append(w.accessibleName())
        texts.append(w.toolTip())
    return [t.replace("&", "").strip() for t in texts if t and t.strip()]


def test_survey_mode_in_spanish_has_no_english_left(qtbot, package, tmp_path):
    from assetmap.ui import i18n

    app = QApplication.instance()
    assert i18n.install(app, "es") == "es"
    try:
        w = open_window(qtbot, package)
        english = _english_sources()
        texts = _visible_texts(w)
        left = [t for t in texts if t in english]
        assert not left, left
        # The form follows the interface language: its own Spanish labels and messages.
        rows = w.panel.entry.rows
        assert w.panel.entry.language == "Español (es)"
        assert rows["asset_name"].label.text().startswith("Nombre")
        assert w.panel.save_button.text() == "&Guardar y siguiente"
        w.grab().save("/tmp/survey_es.png")
        w.panel.save()
        problems = w.panel.entry.problems()
        assert problems and all(not any(word in m for word in (" the ", "required", "Write")) for m in problems.values())
        # Common English words anywhere in the window's texts mean a string escaped translation.
        words = {"the", "your", "save", "open", "entries", "choose", "name", "map", "pick", "photo"}
        leaked = [t for t in _visible_texts(w) if words & set(t.lower().replace(".", " ").split())]
        assert not [t for t in leaked if t != "Map"], leaked
        w.grab().save(str(tmp_path / "survey_es.png"))
    finally:
        i18n.install(app, "en")


def test_every_interactive_widget_of_survey_mode_has_an_accessible_name(qtbot, package):
    from assetmap.ui.accessible import missing_accessible_names

    w = open_window(qtbot, package)
    # The individual's group and the "other" services field are shown too, so their widgets are checked.
    rows = w.panel.entry.rows
    rows["asset_type"].editor.combo.setCurrentIndex(rows["asset_type"].editor.combo.findData("individual"))
    rows["services"].editor.boxes["other"].setChecked(True)
    assert rows["skills"].isVisible() and rows["services_other"].isVisible()
    assert not missing_accessible_names(w)
