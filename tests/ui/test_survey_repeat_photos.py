"""A photo for each household member, chosen in the entry form's repeat section: saved with that
member, still that member's after another is removed, and shown again when the entry is edited."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from assetmap.survey.store import SurveyStore
from tests.survey.storage_forms import point_in
from tests.survey.test_repeat_photos import photo, photo_form
from tests.ui.test_survey_household import choose, fill_member, open_panel, type_into

pytestmark = pytest.mark.gui


def test_member_photos_from_the_entry_form(qtbot, map_project, tmp_path, monkeypatch):
    store = SurveyStore(map_project, device_id="office")
    store.install_form(photo_form(tmp_path))
    panel = open_panel(qtbot, map_project.path, "Ann")
    entry = panel.entry
    choose(entry.rows["nhd"].editor.combo, "tower_grove")
    choose(entry.rows["block"].editor.combo, "tg2")
    type_into(qtbot, entry.rows["head_name"].editor.edit, "Ana Ruiz")
    entry.set_point("location", *point_in(map_project, 17))
    members = entry.repeat_sections["members"]
    for _ in range(3):
        qtbot.mouseClick(members.add_button, Qt.MouseButton.LeftButton)
    files = [photo(tmp_path, f"phone{i}", b"\x89PNG member " + str(i).encode()) for i in range(3)]
    for inst, (name, age), path in zip(members.instances, [("Ana", 34), ("Tia", 60), ("Leo", 9)], files):
        fill_member(qtbot, inst, name, age)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, p=path, **k: (str(p), ""))
        qtbot.mouseClick(inst.rows["member_photo"].editor.button, Qt.MouseButton.LeftButton)
        assert inst.rows["member_photo"].editor.name.text() == "door.png"
    qtbot.mouseClick(members.instances[1].remove, Qt.MouseButton.LeftButton)  # Tia is not a member
    qtbot.wait(100)
    panel.grab().save(str(tmp_path / "household_member_photos.png"))
    uuid = panel.save()
    assert uuid, entry.problems()
    saved = store.get(uuid).answers["members"]
    assert [(m["member_name"], m["member_photo"]) for m in saved] == [("Ana", "door.png"), ("Leo", "2-door.png")]
    assert store.media(uuid, "members/member_photo/door.png")[2] == b"\x89PNG member 0"
    assert store.media(uuid, "members/member_photo/2-door.png")[2] == b"\x89PNG member 2"  # Leo's, not Tia's

    panel.edit(uuid)  # the stored photos are named again; saving unchanged keeps them
    names = [i.rows["member_photo"].editor.name.text() for i in panel.entry.repeat_sections["members"].instances]
    assert names == ["door.png", "2-door.png"]
    assert panel.save() == uuid
    assert store.media(uuid, "members/member_photo/2-door.png")[2] == b"\x89PNG member 2"
