"""The survey entry panel driven through its real widgets, as a volunteer would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from assetmap.survey import builtin_form
from assetmap.survey.store import SurveyStore

pytestmark = pytest.mark.gui


@pytest.fixture()
def survey_project(areas_project, isolated_home):
    store = SurveyStore(areas_project, device_id="test-device")
    store.install_form(builtin_form())
    return areas_project


@pytest.fixture()
def panel(qtbot, survey_project):
    from assetmap.ui.survey.panel import SurveyPanel

    p = SurveyPanel(survey_project, "community_assets", language="English (en)", surveyor="Rosa")
    qtbot.addWidget(p)
    p.resize(700, 1000)
    p.show()
    return p


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.clear() if hasattr(widget, "clear") else None
    qtbot.keyClicks(widget, text)


def choose(combo, name: str) -> None:
    idx = combo.findData(name)
    assert idx >= 0, name
    combo.setCurrentIndex(idx)


def rows(panel):
    return panel.entry.rows


def test_fill_builtin_form_with_mistakes_then_save(qtbot, panel, survey_project, tmp_path):
    r = rows(panel)
    # Nothing filled: Save refuses, and the required questions say so next to the field.
    assert panel.save() is None
    problems = panel.entry.problems()
    assert "asset_type" in problems and "asset_name" in problems and "location" in problems
    assert problems["asset_name"] == builtin_form().question("asset_name").required_messages["English (en)"]
    assert SurveyStore(survey_project).responses("community_assets") == []

    choose(r["asset_type"].editor.combo, "faith")
    type_into(qtbot, r["asset_name"].editor.edit, "St. Ann Church")
    # The group for individuals is skipped for an organisation.
    assert not panel.entry.group_boxes["individual"].isVisible()
    assert not r["skills"].isVisible()
    # A failed constraint: a phone number with letters.
    type_into(qtbot, r["phone"].editor.edit, "call me")
    r["phone"].editor.edit.clearFocus()
    panel.entry.refresh()
    assert panel.save() is None
    assert "phone" in panel.entry.problems()
    type_into(qtbot, r["phone"].editor.edit, "314 555 0100")
    r["services"].editor.boxes["food_pantry"].setChecked(True)
    r["services"].editor.boxes["other"].setChecked(True)
    assert r["services_other"].isVisible()
    type_into(qtbot, r["services_other"].editor.edit, "choir practice room")
    choose(r["willing_to_partner"].editor.combo, "yes")
    type_into(qtbot, r["people_per_week"].editor.edit, "-3")
    panel.entry.check()
    assert "people_per_week" in panel.entry.problems()
    type_into(qtbot, r["people_per_week"].editor.edit, "120")
    # Location by choosing the neighbourhood instead of typing coordinates.
    geo = r["location"].editor
    idx = geo.area.findText("Benton Park")
    assert idx > 0
    geo.area.setCurrentIndex(idx)
    geo.area.activated.emit(idx)
    assert geo.lat.text() and geo.lon.text()

    uuid = panel.save()
    assert uuid, panel.status.text()
    assert "Saved" in panel.status.text()
    saved = SurveyStore(survey_project).get(uuid)
    a = saved.answers
    assert a["asset_type"] == "faith" and a["asset_name"] == "St. Ann Church"
    assert a["phone"] == "314 555 0100" and a["people_per_week"] == 120
    assert a["services"] == ["food_pantry", "other"] and a["services_other"] == "choir practice room"
    assert "skills" not in a and "availability" not in a
    assert saved.surveyor == "Rosa"
    # The form is fresh again for the next door; the entry is in "My entries".
    assert r["asset_name"].editor.edit.text() == ""
    assert panel.entries.count() == 1


def test_individual_group_and_undo_edit_delete(qtbot, panel, survey_project):
    r = rows(panel)
    choose(r["asset_type"].editor.combo, "individual")
    assert panel.entry.group_boxes["individual"].isVisible()
    assert not r["hours"].isVisible()
    type_into(qtbot, r["asset_name"].editor.edit, "Grandma Jo")
    choose(r["willing_to_partner"].editor.combo, "maybe")
    geo = r["location"].editor
    type_into(qtbot, geo.lat, "38.6")
    type_into(qtbot, geo.lon, "-90.22")
    assert panel.save() is None  # skills are required for a person offering help
    assert "skills" in panel.entry.problems()
    first_skill = next(iter(r["skills"].editor.boxes.values()))
    first_skill.setChecked(True)
    uuid = panel.save()
    assert uuid
    store = SurveyStore(survey_project)

    panel.edit(uuid)
    assert r["asset_name"].editor.edit.text() == "Grandma Jo"
    type_into(qtbot, r["asset_name"].editor.edit, "Grandma Josephine")
    assert panel.save() == uuid
    assert store.get(uuid).answers["asset_name"] == "Grandma Josephine"
    assert [h.action for h in store.history(uuid)] == ["create", "edit"]

    panel.stack.undo()
    assert store.get(uuid).answers["asset_name"] == "Grandma Jo"
    assert panel.delete(uuid, confirm=False)
    assert store.responses("community_assets") == []
    panel.stack.undo()
    assert len(store.responses("community_assets")) == 1
    assert panel.entries.count() == 1


def test_save_needs_a_name_and_language_switch(qtbot, panel):
    panel.surveyor.clear()
    assert panel.save() is None
    assert "name" in panel.status.text()
    panel.entry.language_box.setCurrentIndex(panel.entry.language_box.findData("Español (es)"))
    assert panel.entry.rows["asset_name"].label.text().startswith("Nombre")
    panel.entry.check()
    assert any("obligatoria" in m.lower() or "requiere" in m.lower() for m in panel.entry.problems().values()), \
        panel.entry.problems()


def test_keyboard_only_save(qtbot, panel, survey_project):
    """Tab between fields and Ctrl+S to save: no mouse needed."""
    r = rows(panel)
    combo = r["asset_type"].editor.combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # first real choice
    assert combo.currentData() is not None
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Tab)
    assert panel.focusWidget() is r["asset_name"].editor.edit
    qtbot.keyClicks(panel.focusWidget(), "Corner store")
    p = r["willing_to_partner"].editor.combo
    p.setFocus()
    qtbot.keyClick(p, Qt.Key.Key_Down)
    r["location"].editor.lat.setFocus()
    qtbot.keyClicks(r["location"].editor.lat, "38.61")
    qtbot.keyClick(r["location"].editor.lat, Qt.Key.Key_Tab)
    qtbot.keyClicks(panel.focusWidget(), "-90.21")
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(SurveyStore(survey_project).responses("community_assets")) == 1, panel.status.text()
