"""The survey entry form: every question of a form as a row, groups as sections.

Skip logic and messages are live: every edit re-evaluates the whole form in the
core (``validation.evaluate``), which decides what is relevant and what is
wrong; this widget only shows it. "Required" messages wait until a field was
left or Save was pressed, so a volunteer is not greeted by a wall of red.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QFrame, QGroupBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout,
                               QWidget)

from assetmap.survey.form import Form, Question, QType
from assetmap.ui.survey.editors import GeopointEditor, QuestionEditor, SelectMultipleEditor, editor_for
from assetmap.ui.survey.repeat_section import RepeatSection

ERROR_STYLE = "color: #b00020; font-weight: 600;"
HINT_STYLE = "color: palette(mid);"


class QuestionRow(QWidget):
    """Label (with * when required), hint, editor and the inline message."""

    def __init__(self, question: Question, language: str | None, parent=None):
        super().__init__(parent)
        self.question = question
        self.touched = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.label.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.label.setFont(font)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.editor: QuestionEditor = editor_for(question, language, self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        lay.addWidget(self.label)
        lay.addWidget(self.hint)
        lay.addWidget(self.editor)
        lay.addWidget(self.message)
        if question.type is not QType.NOTE:
            self.label.setBuddy(self.editor.focus_widget())
        self.set_language(language)

    def set_language(self, language: str | None) -> None:
        q = self.question
        text = q.label(language)
        if q.required:
            text += " *"
        self.label.setText(text)
        hint = q.hint(language)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.editor.set_language(language)
        self.editor.set_accessible(q.label(language) + (" " + self.tr("(required)") if q.required else ""), hint)

    def show_message(self, text: str | None) -> None:
        self.message.setText(text or "")
        self.message.setVisible(bool(text))
        self.editor.focus_widget().setAccessibleDescription(text or self.question.hint(self.editor.language))


class SurveyEntryForm(QWidget):
    """Fill one response. ``answers()`` gives what would be saved; ``check()`` shows every problem."""

    edited = Signal()
    pick_requested = Signal(str)

    def __init__(self, form: Form, language: str | None = None, parent=None):
        super().__init__(parent)
        self.form = form
        self.language = language if language in form.languages else (form.default_language or
                                                                      (form.languages[0] if form.languages else None))
        self.rows: dict[str, QuestionRow] = {}
        self.group_boxes: dict[str, QGroupBox] = {}
        self.repeat_sections: dict[str, RepeatSection] = {}
        self.parse_errors: dict[str, str] = {}
        self.state = None
        self._showing_all = False
        self._loading = False
        self._refreshing = False
        # The name of the form's address question when the project has a locator: with that
        # address typed, an empty location is not missing (it is placed from the address on save).
        self.location_from_address: str | None = None
        # The same inside repeats: repeat name -> (address question, location question) of the
        # repeats with their own location and typed address (placed instance by instance).
        self.repeat_locations_from_address: dict[str, tuple[str, str]] = {}

        # Volunteers read this at arm's length on a laptop: a notch larger than the rest.
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setWeight(QFont.Weight.Bold)
        self.title.setFont(font)
        top.addWidget(self.title, 1)
        self.language_box = QComboBox()
        self.language_box.setAccessibleName(self.tr("Form language"))
        for lang in form.languages:
            self.language_box.addItem(lang, lang)
        self.language_box.setVisible(len(form.languages) > 1)
        self.language_box.setCurrentIndex(max(self.language_box.findData(self.language), 0))
        self.language_box.currentIndexChanged.connect(
            lambda _: self.set_language(self.language_box.currentData()))
        top.addWidget(self.language_box)
        outer.addLayout(top)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self._build(body)
        self.body_layout.addStretch(1)
        self.scroll.setWidget(body)
        outer.addWidget(self.scroll, 1)
        self.set_language(self.language)
        self.refresh()

    # -- building --------------------------------------------------------------------------------
    def _container_for(self, group_path: str | None, body: QWidget) -> QVBoxLayout:
        if not group_path:
            return self.body_layout
        if group_path not in self.group_boxes:
            group = self.form.groups[group_path]
            parent_layout = self._container_for(group.parent, body)
            box = QGroupBox()
            box.setLayout(QVBoxLayout())
            parent_layout.addWidget(box)
            self.group_boxes[group_path] = box
        return self.group_boxes[group_path].layout()

    def _build(self, body: QWidget) -> None:
        for q in self.form.questions:
            repeat = self.form.repeat_of(q)
            if repeat is not None:
                if repeat.name not in self.repeat_sections:
                    section = RepeatSection(self.form, repeat, self.language)
                    section.changed.connect(self._edited)
                    section.pick_requested.connect(self._instance_pick)
                    self._container_for(repeat.parent, body).addWidget(section)
                    self.repeat_sections[repeat.name] = section
                continue
            if q.type is QType.CALCULATE:
                continue
            row = QuestionRow(q, self.language)
            row.editor.changed.connect(self._edited)
            row.editor.finished.connect(lambda row=row: self._finished(row))
            if isinstance(row.editor, GeopointEditor):
                row.editor.pick_requested.connect(self.pick_requested)
            self._container_for(q.group, body).addWidget(row)
            self.rows[q.name] = row
        self.reset_defaults()

    def set_language(self, language: str | None) -> None:
        self.language = language
        # XLSForm titles have no translations: in another language than the form's own, a
        # translated generic title beats an English one.
        same = language in (None, self.form.default_language) or len(self.form.languages) < 2
        self.title.setText(self.form.title if same else self.tr("Survey form"))
        for row in self.rows.values():
            row.set_language(language)
        for path, box in self.group_boxes.items():
            box.setTitle(self.form.groups[path].label(language))
        for section in self.repeat_sections.values():
            section.set_language(language)
        if self.state is not None:
            self.refresh()

    # -- values ----------------------------------------------------------------------------------
    def answers(self) -> dict:
        """Typed answers of every input; unreadable ones are left out and kept in ``parse_errors``."""
        answers, self.parse_errors = {}, {}
        for name, row in self.rows.items():
            if not row.question.type.takes_input:
                continue
            try:
                value = row.editor.value()
            except ValueError as exc:
                self.parse_errors[name] = str(exc)
                continue
            if value is not None:
                answers[name] = value
            if isinstance(row.editor, SelectMultipleEditor) and row.editor.other_value():
                answers[f"{name}_other"] = row.editor.other_value()
        for name, section in self.repeat_sections.items():
            instances, errors = section.answers()
            self.parse_errors.update(errors)
            if instances:
                answers[name] = instances
        return answers

    def set_answers(self, answers: dict) -> None:
        self._loading = True
        try:
            self._set_answers(answers)
        finally:
            self._loading = False
        self._showing_all = False
        self.refresh()

    def _set_answers(self, answers: dict) -> None:
        for name, row in self.rows.items():
            editor = row.editor
            if isinstance(editor, SelectMultipleEditor):
                editor.set_value(answers.get(name), answers.get(f"{name}_other"))
            elif row.question.type.takes_input:
                editor.set_value(answers.get(name))
            row.touched = False
        for name, section in self.repeat_sections.items():
            section.set_instances(answers.get(name) or [])

    def reset_defaults(self) -> None:
        from assetmap.survey.validation import with_defaults

        self.set_answers(with_defaults(self.form))

    def _instance_pick(self, editor) -> None:
        self._pick_editor = editor  # the map's next click goes to this instance's location
        self.pick_requested.emit(editor.question.name)

    def set_point(self, question: str, lat: float, lon: float) -> None:
        if question not in self.rows:  # a location inside a repeat instance
            editor = getattr(self, "_pick_editor", None)
            if editor is not None and editor.question.name == question:
                editor.set_point(lat, lon)
            return
        editor = self.rows[question].editor
        if isinstance(editor, GeopointEditor):
            editor.set_point(lat, lon)

    def set_areas(self, areas: list[tuple[str, float, float]]) -> None:
        for row in self.rows.values():
            if isinstance(row.editor, GeopointEditor):
                row.editor.set_areas(areas)

    # -- live evaluation -------------------------------------------------------------------------
    def _finished(self, row: QuestionRow) -> None:
        """The volunteer left a typed field: now say if it is missing or wrong."""
        try:
            if row.touched or self._loading or not self.isVisible():
                return
            row.touched = True
            self.refresh()
        except RuntimeError:  # focus leaving a field while the window is being destroyed
            pass

    def _edited(self) -> None:
        if self._loading:
            return
        sender_row = next((r for r in self.rows.values() if r.editor is self.sender()), None)
        if sender_row is not None and sender_row.question.type in (QType.SELECT_ONE, QType.SELECT_MULTIPLE,
                                                                   QType.DATE, QType.GEOPOINT, QType.PHOTO):
            sender_row.touched = True  # a choice is a finished answer; text waits until focus leaves
        self.refresh()
        self.edited.emit()

    def refresh(self):
        # Hiding a focused row moves the focus, whose FocusOut asks for another refresh.
        if self._refreshing:
            return self.state
        self._refreshing = True
        try:
            return self._refresh()
        finally:
            self._refreshing = False

    def _refresh(self):
        from assetmap.survey.validation import evaluate

        answers = self.answers()
        self.state = self._waived(evaluate(self.form, answers, language=self.language), answers)
        filtered = [r for r in self.rows.values() if r.question.choice_filter and hasattr(r.editor, "set_offered")]
        for _ in range(len(filtered)):  # a cleared answer can narrow the next list of a cascade
            cleared = [r.editor.set_offered(r.question.choices_for(self.state.values)) for r in filtered]
            if not any(cleared):
                break
            answers = self.answers()
            self.state = self._waived(evaluate(self.form, answers, language=self.language), answers)
        messages: dict[str, str] = {}
        for issue in self.state.issues:
            messages.setdefault(issue.question, issue.message)
        messages.update(self.parse_errors)
        for name, row in self.rows.items():
            relevant = self.state.relevant(name)
            row.setVisible(relevant)
            show = relevant and (self._showing_all or row.touched or name in self.parse_errors
                                 or (name in messages and messages_kind(self.state, name) != "required"))
            row.show_message(messages.get(name) if show else None)
        for path, box in self.group_boxes.items():
            box.setVisible(self.state.relevant(path))
        kinds = {i.question: i.kind for i in self.state.issues}
        for section in self.repeat_sections.values():
            section.setVisible(self.state.relevance.get(section.repeat.path, True))
            section.apply(self.state, messages, self._showing_all, kinds)
        return self.state

    def _waived(self, state, answers: dict):
        """Without the 'required' of the location when the typed address will place it."""
        name = self.location_from_address
        if name and str(answers.get(name) or "").strip():
            from assetmap.survey.schema import geopoint_question

            gq = geopoint_question(self.form)
            if gq is not None:
                state.issues = [i for i in state.issues if not (i.question == gq.name and i.kind == "required")]
        waived = {f"{rname}[{n}]/{gname}"
                  for rname, (aname, gname) in self.repeat_locations_from_address.items()
                  for n, inst in enumerate(answers.get(rname) or [], start=1)
                  if isinstance(inst, dict) and str(inst.get(aname) or "").strip()}
        if waived:
            state.issues = [i for i in state.issues if not (i.question in waived and i.kind == "required")]
        return state

    def _all_rows(self) -> dict[str, QWidget]:
        rows = dict(self.rows)
        for section in self.repeat_sections.values():
            rows.update(section.message_rows())
        return rows

    def check(self) -> bool:
        """Show every problem; focus the first one. True when the response can be saved."""
        self._showing_all = True
        state = self.refresh()
        rows = self._all_rows()
        problems = [name for name in rows if rows[name].message.isVisible()]
        if problems:
            row = rows[problems[0]]
            self.scroll.ensureWidgetVisible(row)
            row.editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        return state.ok and not self.parse_errors

    def values_to_save(self) -> dict:
        """What Save stores: relevant answers with calculations, as the core computed them."""
        return dict(self.state.values)

    def problems(self) -> dict[str, str]:
        return {name: row.message.text() for name, row in self._all_rows().items() if row.message.isVisible()}


def messages_kind(state, name: str) -> str:
    return next((i.kind for i in state.issues if i.question == name), "")
