"""The Hubs dock drives the same undoable commands (offscreen Qt)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets")


@pytest.fixture()
def dock(qtbot, project):
    from PySide6.QtWidgets import QDialog

    from assetmap.commands import CommandStack
    from assetmap.ui.hubs_dock import HubForm, HubsDock

    answers = {}

    class Answered(HubForm):
        def exec(self):
            self.name.setText(answers.get("name", self.name.text()))
            if "category" in answers:
                self.category.setCurrentIndex(self.category.findData(answers["category"]))
            self.confidential.setChecked(answers.get("confidential", self.confidential.isChecked()))
            return QDialog.DialogCode.Accepted

    stack = CommandStack()
    w = HubsDock(project, stack)
    w.form_factory = Answered
    w.answers = answers
    qtbot.addWidget(w)
    return w


def test_add_move_edit_delete_and_undo(dock, qtbot):
    from assetmap.hubs import directory

    dock.answers.update(name="Family Resource Centre", category="parenting")
    with qtbot.waitSignal(dock.pick_requested):
        dock.add_button.click()
    assert dock.place_pending(-90.25, 38.62)
    assert dock.list.count() == 1 and "parenting" in dock.list.item(0).text()
    dock.list.setCurrentRow(0)
    dock.move_button.click()
    assert dock.place_pending(-90.20, 38.66)
    hub = directory.load(dock.project).hub(dock.selected_id())
    assert (float(hub["longitude"]), float(hub["latitude"])) == (-90.2, 38.66)
    dock.answers.update(name="FRC North", confidential=True)
    dock.edit_button.click()
    assert dock.list.item(0).text().startswith("🔒 FRC North")
    dock.answers.update(name="   ")
    dock.edit_button.click()
    assert "needs a name" in dock.status.text() and dock.list.item(0).text().startswith("🔒 FRC North")
    dock.delete_button.click()
    assert dock.list.count() == 0
    dock.stack.undo()
    dock.stack.undo()
    assert dock.list.item(0).text().startswith("Family Resource Centre")  # edit undone: name and lock
    dock.stack.undo()
    dock.stack.undo()
    assert dock.list.count() == 0
    assert not dock.place_pending(-90.0, 38.0)   # nothing pending: a stray click does nothing


def test_add_hub_dialog_asks_for_city_state_and_postal_code(dock, qtbot, tmp_path):
    """A hub added in the window has an address HSDS 3 accepts (street, city, state, ZIP, country)."""
    from PySide6.QtWidgets import QDialog

    from assetmap.hubs import directory
    from assetmap.ui.hubs_dock import HubForm

    form = HubForm(dock, None)
    qtbot.addWidget(form)
    names = [w.accessibleName() for w in (form.address, form.city, form.state, form.postal_code)]
    assert names == ["Street address", "City", "State", "Postal code"]
    form.grab().save(str(tmp_path / "hub_form.png"))

    class Filled(HubForm):
        def exec(self):
            self.name.setText("Shaw Family Hub")
            self.organization.setText("Shaw Neighbours")
            self.address.setText("4200 Labadie Ave")
            self.city.setText("St. Louis")
            self.state.setText("MO")
            self.postal_code.setText("63115")
            return QDialog.DialogCode.Accepted

    dock.form_factory = Filled
    with qtbot.waitSignal(dock.pick_requested):
        dock.add_button.click()
    assert dock.place_pending(-90.25, 38.62)
    d = directory.load(dock.project)
    adr = d["addresses"].iloc[0]
    assert [adr[c] for c in ("address_1", "city", "state_province", "postal_code", "country")] == [
        "4200 Labadie Ave", "St. Louis", "MO", "63115", "US"]
    org = d["organizations"].iloc[0]
    assert org["description"] == "Runs the resource hub Shaw Family Hub."
