"""A repeat in the entry form: one framed block of questions per instance, Add and Remove.

The core decides everything (``validation.evaluate`` keys an instance's relevance and issues
``repeat[n]/question``); this widget shows instances, reads their answers and places messages.
With a ``repeat_count`` the number of instances follows the form, and Add/Remove are hidden.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from assetmap.survey.form import Form, Group, QType
from assetmap.ui.survey.editors import SelectMultipleEditor


class RepeatInstance(QFrame):
    remove_requested = Signal(object)

    def __init__(self, section: "RepeatSection", parent=None):
        super().__init__(parent)
        from assetmap.ui.survey.entry_form import QuestionRow

        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel()
        top.addWidget(self.heading, 1)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        top.addWidget(self.remove)
        lay.addLayout(top)
        self.rows = {}
        for q in section.questions:
            row = QuestionRow(q, section.language)
            row.editor.changed.connect(lambda row=row: section.edited_row(row))
            if hasattr(row.editor, "pick_requested"):  # a location per instance, picked on the map
                row.editor.pick_requested.connect(lambda _q, row=row: section.pick_requested.emit(row.editor))
            lay.addWidget(row)
            self.rows[q.name] = row

    def answers(self) -> tuple[dict, dict[str, str]]:
        out, errors = {}, {}
        for name, row in self.rows.items():
            if not row.question.type.takes_input:
                continue
            try:
                value = row.editor.value()
            except ValueError as exc:
                errors[name] = str(exc)
                continue
            if value is not None:
                out[name] = value
            if isinstance(row.editor, SelectMultipleEditor) and row.editor.other_value():
                out[f"{name}_other"] = row.editor.other_value()
        return out, errors

    def set_answers(self, answers: dict) -> None:
        for name, row in self.rows.items():
            if isinstance(row.editor, SelectMultipleEditor):
                row.editor.set_value(answers.get(name), answers.get(f"{name}_other"))
            elif row.question.type.takes_input:
                row.editor.set_value(answers.get(name))
            row.touched = False


class RepeatSection(QGroupBox):
    """All instances of one repeat; ``changed`` after an edit, an Add or a Remove."""

    changed = Signal()
    pick_requested = Signal(object)  # the GeopointEditor of an instance that wants a map click

    def __init__(self, form: Form, repeat: Group, language: str | None, parent=None):
        super().__init__(parent)
        self.form, self.repeat, self.language = form, repeat, language
        self.questions = [q for q in form.questions_in(repeat) if q.type is not QType.CALCULATE]
        self.instances: list[RepeatInstance] = []
        self._loading = False
        lay = QVBoxLayout(self)
        self.list = QVBoxLayout()
        lay.addLayout(self.list)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.add_instance())  # not the "checked" flag as answers
        lay.addWidget(self.add_button)
        self.add_button.setVisible(not repeat.repeat_count)
        self.set_language(language)

    def set_language(self, language: str | None) -> None:
        self.language = language
        label = self.repeat.label(language)
        self.setTitle(label)
        self.add_button.setText(self.tr("Add: %1").replace("%1", label))
        self.add_button.setAccessibleName(self.tr("Add an entry to %1").replace("%1", label))
        for inst in self.instances:
            for row in inst.rows.values():
                row.set_language(language)
        self._number()

    def _number(self) -> None:
        label = self.repeat.label(self.language)
        for i, inst in enumerate(self.instances, start=1):
            inst.heading.setText(f"{label} {i}")
            inst.remove.setAccessibleName(self.tr("Remove %1").replace("%1", f"{label} {i}"))
            inst.remove.setVisible(not self.repeat.repeat_count)

    def add_instance(self, answers: dict | None = None, emit: bool = True) -> RepeatInstance:
        from assetmap.survey.validation import with_defaults

        inst = RepeatInstance(self)
        inst.remove_requested.connect(self.remove_instance)
        self.instances.append(inst)
        self.list.addWidget(inst)
        inst.show()  # not left to the layout's delayed show: the form refreshes right after
        if answers is None:
            answers = with_defaults(self.form, repeat=self.repeat)
        if answers:
            inst.set_answers(answers)
        self._number()
        if emit:
            self.changed.emit()
            first = next((r for r in inst.rows.values() if r.question.type.takes_input), None)
            if first is not None:
                first.editor.focus_widget().setFocus()
        return inst

    def remove_instance(self, inst: RepeatInstance, emit: bool = True) -> None:
        self.instances.remove(inst)
        self.list.removeWidget(inst)
        inst.hide()
        inst.deleteLater()
        self._number()
        if emit:
            self.changed.emit()

    def edited_row(self, row) -> None:
        if self._loading:
            return
        if row.question.type in (QType.SELECT_ONE, QType.SELECT_MULTIPLE, QType.DATE, QType.GEOPOINT):
            row.touched = True
        self.changed.emit()

    def answers(self) -> tuple[list[dict], dict[str, str]]:
        out, errors = [], {}
        for i, inst in enumerate(self.instances, start=1):
            values, errs = inst.answers()
            out.append(values)
            errors.update({f"{self.repeat.name}[{i}]/{k}": v for k, v in errs.items()})
        return out, errors

    def set_instances(self, instances: list[dict]) -> None:
        self._loading = True
        try:
            for inst in list(self.instances):
                self.remove_instance(inst, emit=False)
            for answers in instances or []:
                self.add_instance(answers, emit=False)
        finally:
            self._loading = False

    def apply(self, state, messages: dict[str, str], show_all: bool, kinds: dict[str, str]) -> None:
        """Show what the core decided: how many instances (repeat_count), which rows, which messages."""
        if self.repeat.repeat_count:
            want = len(state.values.get(self.repeat.name, []))
            self._loading = True
            try:
                while len(self.instances) < want:
                    self.add_instance(emit=False)
                while len(self.instances) > want:
                    self.remove_instance(self.instances[-1], emit=False)
            finally:
                self._loading = False
        for i, inst in enumerate(self.instances, start=1):
            prefix = f"{self.repeat.name}[{i}]/"
            kept = state.values.get(self.repeat.name) or []
            instance_values = kept[i - 1] if i <= len(kept) else {}
            for name, row in inst.rows.items():
                key = prefix + name
                relevant = state.relevance.get(key, True)
                row.setVisible(relevant)
                if row.question.choice_filter and hasattr(row.editor, "set_offered"):
                    row.editor.set_offered(row.question.choices_for({**state.values, **instance_values}))
                show = relevant and (show_all or row.touched or (key in messages and kinds.get(key) != "required"))
                row.show_message(messages.get(key) if show else None)

    def message_rows(self) -> dict[str, QWidget]:
        return {f"{self.repeat.name}[{i}]/{name}": row for i, inst in enumerate(self.instances, start=1)
                for name, row in inst.rows.items()}
