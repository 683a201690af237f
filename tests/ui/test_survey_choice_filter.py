"""A cascading select in the entry form: the list narrows as the volunteer answers."""

from __future__ import annotations

import pytest

from tests.survey.test_choice_filter import cascade_form

pytestmark = pytest.mark.gui


def names(combo):
    return [combo.itemData(i) for i in range(1, combo.count())]


def test_block_list_narrows_with_the_neighbourhood(qtbot):
    from assetmap.ui.survey.entry_form import SurveyEntryForm

    entry = SurveyEntryForm(cascade_form())
    qtbot.addWidget(entry)
    entry.show()
    nhd, block = entry.rows["nhd"].editor.combo, entry.rows["block"].editor.combo
    sub = entry.rows["sub"].editor
    assert names(block) == []
    nhd.setCurrentIndex(nhd.findData("tower_grove"))
    assert names(block) == ["tg1", "tg2"]
    block.setCurrentIndex(block.findData("tg2"))
    assert entry.answers()["block"] == "tg2"
    # Another neighbourhood: its blocks only, and the block chosen before is cleared.
    nhd.setCurrentIndex(nhd.findData("soulard"))
    assert names(block) == ["so1"]
    assert "block" not in entry.answers()
    block.setCurrentIndex(block.findData("so1"))
    assert entry.refresh().ok

    kind = entry.rows["kind"].editor.combo
    kind.setCurrentIndex(kind.findData("faith"))
    assert [n for n, b in sub.boxes.items() if not b.isHidden()] == ["church", "mosque", "food"]
    sub.boxes["church"].setChecked(True)
    kind.setCurrentIndex(kind.findData("school"))
    assert [n for n, b in sub.boxes.items() if not b.isHidden()] == ["elementary", "food"]
    assert "sub" not in entry.answers()


def test_repeat_instance_defaults_and_location_picked_on_the_map(qtbot):
    from assetmap.survey.form import Form, Group, QType, Question
    from assetmap.ui.survey.entry_form import SurveyEntryForm

    form = Form("sites", "Sites", questions=[
        Question("name", QType.TEXT),
        Question("prog", QType.TEXT, group="programmes", default="Reading club"),
        Question("where", QType.GEOPOINT, group="programmes"),
    ], groups={"programmes": Group("programmes", "programmes", {"": "Programme"}, repeat=True, repeat_count=None)})
    entry = SurveyEntryForm(form)
    qtbot.addWidget(entry)
    entry.show()
    picks = []
    entry.pick_requested.connect(picks.append)
    section = entry.repeat_sections["programmes"]
    section.add_button.click()
    section.add_button.click()
    inst = section.instances[1]
    assert inst.rows["prog"].editor.value() == "Reading club"  # the default, per new instance
    inst.rows["where"].editor.pick.click()
    assert picks == ["where"]
    entry.set_point("where", 38.6, -90.2)
    assert entry.answers()["programmes"] == [{"prog": "Reading club"},
                                             {"prog": "Reading club", "where": (38.6, -90.2)}]
