"""The survey panel: fill a response, save it at once, see and fix my entries.

Every save, edit and delete goes through the core's survey commands on the
window's CommandStack (so Undo takes it back) and is committed to the project
file before the panel says "Saved".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from assetmap.commands import CommandStack
from assetmap.errors import UserError
from assetmap.survey.form import QType
from assetmap.ui.survey.entry_form import SurveyEntryForm

SURVEYOR_KEY = "survey/surveyor"


def _settings():
    from assetmap.ui.window_actions import settings

    return settings()


class SurveyPanel(QWidget):
    saved = Signal(str)            # uuid of a created or changed response
    responses_changed = Signal()   # anything in the survey layer changed (redraw the map)
    pick_requested = Signal(str)   # a geopoint question wants a map click

    def __init__(self, project, form_id: str, stack: CommandStack | None = None, language: str | None = None,
                 surveyor: str | None = None, parent=None):
        super().__init__(parent)
        from assetmap.survey.store import SurveyStore

        self.project = project
        self.store = SurveyStore(project)
        self.form_id = form_id
        self.form = self.store.form(form_id)
        self.stack = stack or CommandStack()
        self.editing: str | None = None  # uuid of the response in the form, None for a new one
        self.last_geocode = None         # what the last save did with the typed address
        self.last_repeat_geocode = []    # ... and with those inside repeats (AddressPlacement, ``where``)

        lay = QVBoxLayout(self)
        who = QHBoxLayout()
        who_label = QLabel(self.tr("&Your name:"))
        self.surveyor = QLineEdit(surveyor or _settings().value(SURVEYOR_KEY, "") or "")
        self.surveyor.setAccessibleName(self.tr("Your name"))
        self.surveyor.setPlaceholderText(self.tr("saved with every entry"))
        self.surveyor.editingFinished.connect(self._surveyor_changed)
        who_label.setBuddy(self.surveyor)
        who.addWidget(who_label)
        who.addWidget(self.surveyor, 1)
        lay.addLayout(who)

        split = QSplitter(Qt.Orientation.Vertical)
        self.entry = SurveyEntryForm(self.form, language)
        self.entry.pick_requested.connect(self.pick_requested)
        self.entry.edited.connect(lambda: self.status.setText(""))
        top = QWidget()
        top_lay = QVBoxLayout(top)
        top_lay.setContentsMargins(0, 0, 0, 0)
        top_lay.addWidget(self.entry, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save and next"))
        self.save_button.setToolTip(self.tr("Save this entry now (Ctrl+S) and start a new one"))
        self.save_button.setDefault(True)
        self.save_button.setAccessibleName(self.tr("Save and next"))
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("&New entry"))
        self.new_button.setToolTip(self.tr("Clear the form without saving"))
        self.new_button.setAccessibleName(self.tr("New entry"))
        self.new_button.clicked.connect(self.new_entry)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        top_lay.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Save status"))
        top_lay.addWidget(self.status)
        split.addWidget(top)

        bottom = QWidget()
        b_lay = QVBoxLayout(bottom)
        b_lay.setContentsMargins(0, 0, 0, 0)
        mine_label = QLabel(self.tr("&My entries"))
        self.entries = QListWidget()
        self.entries.setAccessibleName(self.tr("My entries"))
        mine_label.setBuddy(self.entries)
        self.entries.itemActivated.connect(lambda item: self.edit(item.data(Qt.ItemDataRole.UserRole)))
        b_lay.addWidget(mine_label)
        b_lay.addWidget(self.entries, 1)
        row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.edit_button.clicked.connect(lambda: self.edit(self._selected()))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.clicked.connect(lambda: self.delete(self._selected()))
        self.history_button = QPushButton(self.tr("&History"))
        self.history_button.clicked.connect(lambda: self.show_history(self._selected()))
        for b, name in ((self.edit_button, self.tr("Edit the chosen entry")),
                        (self.delete_button, self.tr("Delete the chosen entry")),
                        (self.history_button, self.tr("History of the chosen entry"))):
            b.setAccessibleName(name)
            row.addWidget(b)
        row.addStretch(1)
        b_lay.addLayout(row)
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history.hide()
        b_lay.addWidget(self.history)
        split.addWidget(bottom)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        lay.addWidget(split, 1)

        for keys in (QKeySequence.StandardKey.Save, "Ctrl+Return"):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(self.save)
        from assetmap.session import SurveyResponsesChanged
        from assetmap.ui.session_qt import subscribe

        subscribe(self.stack.hub, self, SurveyResponsesChanged, lambda _event: self.refresh_entries())
        self.refresh_entries()
        self._set_areas()

    # -- helpers ---------------------------------------------------------------------------------
    def _address_question(self) -> str | None:
        """The form's address question, when the project has a locator to place it with."""
        from assetmap.geocode.locators import list_locators
        from assetmap.geocode.survey import address_question

        q = address_question(self.form)
        if q is None:
            return None
        try:
            return q.name if list_locators(self.project) else None
        except Exception:  # noqa: BLE001 - a field package without the locator tables
            return None

    def _repeat_address_questions(self) -> dict[str, tuple[str, str]]:
        """repeat -> (address question, location question) of the repeats whose instances are placed
        from their typed address, when the project has a locator to place them with."""
        from assetmap.geocode.locators import list_locators
        from assetmap.geocode.survey import repeat_address_questions

        found = {r.name: (aq.name, gq.name) for r, aq, gq in repeat_address_questions(self.form)}
        if not found:
            return {}
        try:
            return found if list_locators(self.project) else {}
        except Exception:  # noqa: BLE001 - a field package without the locator tables
            return {}

    def _surveyor_changed(self) -> None:
        _settings().setValue(SURVEYOR_KEY, self.surveyor.text().strip())
        self.refresh_entries()

    def _selected(self) -> str | None:
        item = self.entries.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _set_areas(self) -> None:
        """Offer the project's areas as a way to give a location without coordinates."""
        from assetmap.layers import LayerRole

        areas = self.project.layers_by_role(LayerRole.AREAS)
        if not areas:
            return
        info = areas[0]
        name_field = (info.extra or {}).get("name_field")
        gdf = self.project.read_layer(info.name)
        if gdf.empty or not name_field or name_field not in gdf:
            return
        pts = gdf.to_crs("EPSG:4326").geometry.representative_point()
        choices = sorted((str(n), p.y, p.x) for n, p in zip(gdf[name_field], pts))
        self.entry.set_areas(choices)

    def _title(self, answers: dict) -> str:
        for q in self.form.questions:
            if q.type is QType.TEXT and answers.get(q.name):
                return str(answers[q.name])
        return self.tr("(no name)")

    def _type_label(self, answers: dict) -> str:
        q = next((q for q in self.form.questions if q.type is QType.SELECT_ONE), None)
        if q is None or not answers.get(q.name):
            return ""
        choice = q.choice(answers[q.name])
        return choice.label(self.entry.language) if choice else str(answers[q.name])

    # -- actions ---------------------------------------------------------------------------------
    def new_entry(self, keep_status: bool = False) -> None:
        """An empty form, scrolled to the top, the focus on the first question: the next door."""
        self.editing = None
        self.entry.reset_defaults()
        if not keep_status:
            self.status.setText("")
        self.entry.scroll.verticalScrollBar().setValue(0)
        first = next((r for r in self.entry.rows.values() if r.isVisible() and r.question.type.takes_input), None)
        if first is not None:
            first.editor.focus_widget().setFocus()

    def save(self) -> str | None:
        """Validate, then commit at once. Returns the response's uuid, or None if not saved."""
        from assetmap.survey import commands

        name = self.surveyor.text().strip()
        if not name:
            self.status.setText(self.tr("Please type your name at the top first: it is saved with every entry."))
            self.surveyor.setFocus()
            return None
        self.entry.location_from_address = self._address_question()
        self.entry.repeat_locations_from_address = self._repeat_address_questions()
        if not self.entry.check():
            problems = self.entry.problems()
            self.status.setText(self.tr("Not saved yet: %n question(s) need an answer or a fix.", "",
                                        len(problems)))
            return None
        answers = self.entry.values_to_save()
        media = {q.name: answers[q.name] for q in self.form.questions
                 if q.type is QType.PHOTO and self.form.repeat_of(q) is None and answers.get(q.name)
                 and Path(str(answers[q.name])).is_file()}
        for r in self.form.repeats():  # a photo per member: named by its instance, members[2]/photo
            photos = [q.name for q in self.form.questions_in(r) if q.type is QType.PHOTO]
            for i, inst in enumerate(answers.get(r.name) or [], start=1):
                media.update({f"{r.name}[{i}]/{q}": inst[q] for q in photos
                              if inst.get(q) and Path(str(inst[q])).is_file()})
        try:
            if self.editing:
                cmd = commands.EditResponse(self.store, self.editing, answers, surveyor=name, media=media)
            else:
                cmd = commands.SaveResponse(self.store, self.form_id, answers, surveyor=name, media=media)
            self.stack.push(cmd)
        except UserError as exc:
            self.status.setText(exc.message + (f" {exc.hint}" if exc.hint else ""))
            return None
        uuid = cmd.uuid
        when = QTime.currentTime().toString("HH:mm")
        placed = cmd.response.geocode if cmd.response is not None else None
        if placed is not None and placed.placed:
            text = (self.tr("Saved “%1” at %2, placed from its address (%3, score %4). Ready for the next entry.")
                    .replace("%3", placed.match_type).replace("%4", str(placed.score)))
        elif placed is not None:
            text = (self.tr("Saved “%1” at %2 without a location: the address “%3” was not found with the "
                            "project's locator. Edit the entry to place it on the map.")
                    .replace("%3", placed.address))
        else:
            text = self.tr("Saved “%1” at %2. Ready for the next entry.")
        text = text.replace("%1", self._title(answers)).replace("%2", when)
        inner = cmd.response.repeat_geocode if cmd.response is not None else []
        if inner:
            text += " " + self.tr("Repeated entries placed from their address: %1 of %2.").replace(
                "%1", str(sum(1 for p in inner if p.placed))).replace("%2", str(len(inner)))
            missed = [p for p in inner if not p.placed]
            if missed:
                text += " " + self.tr("Not found, saved without a location: %1.").replace(
                    "%1", ", ".join(f"{p.where} “{p.address}”" for p in missed))
        self.status.setText(text)
        self.last_geocode = placed
        self.last_repeat_geocode = inner
        self.saved.emit(uuid)
        self.responses_changed.emit()
        self.new_entry(keep_status=True)
        return uuid

    def edit(self, uuid: str | None) -> None:
        if not uuid:
            return
        resp = self.store.get(uuid)
        self.editing = uuid
        self.entry.set_answers(resp.answers)
        self.status.setText(self.tr("Editing “%1”. Save to keep the changes.").replace("%1", self._title(resp.answers)))

    def delete(self, uuid: str | None, confirm: bool = True) -> bool:
        from assetmap.survey import commands

        if not uuid:
            return False
        resp = self.store.get(uuid)
        if confirm:
            answer = QMessageBox.question(self, self.tr("Delete entry"),
                                          self.tr("Delete “%1”? You can undo this.").replace("%1", self._title(resp.answers)))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.stack.push(commands.DeleteResponse(self.store, uuid, surveyor=self.surveyor.text().strip() or "?"))
        if self.editing == uuid:
            self.new_entry()
        self.responses_changed.emit()
        return True

    def show_history(self, uuid: str | None) -> None:
        if not uuid:
            return
        lines = [h.text() for h in self.store.history(uuid)]
        self.history.setText("\n".join(lines))
        self.history.setVisible(True)

    def refresh_entries(self) -> None:
        current = self._selected()
        self.entries.clear()
        name = self.surveyor.text().strip()
        for resp in sorted(self.store.responses(self.form_id, surveyor=name or None),
                           key=lambda r: r.modified_at, reverse=True):
            kind = self._type_label(resp.answers)
            text = self._title(resp.answers) + (f" — {kind}" if kind else "") + f"  ({resp.modified_at[:16].replace('T', ' ')})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, resp.uuid)
            self.entries.addItem(item)
            if resp.uuid == current:
                self.entries.setCurrentItem(item)
        has = self.entries.count() > 0
        for b in (self.edit_button, self.delete_button, self.history_button):
            b.setEnabled(has)
