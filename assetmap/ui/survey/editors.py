"""One input widget per question type of a survey form.

Editors hold what the volunteer typed; turning text into a typed answer
(``value``) goes through the core's ``coerce`` so the entry form, the Kobo
import and the validation agree on what an integer or a location is.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from assetmap.survey.form import Question, QType


class QuestionEditor(QWidget):
    """Base: ``changed`` fires on every edit; ``value()`` raises ValueError for unreadable input."""

    changed = Signal()
    finished = Signal()  # the user left a typed field (focus out or Return)

    def __init__(self, question: Question, language: str | None, parent=None):
        super().__init__(parent)
        self.question = question
        self.language = language

    def value(self):
        raise NotImplementedError

    def set_value(self, value) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        return self

    def set_language(self, language: str | None) -> None:
        self.language = language

    def set_accessible(self, name: str, description: str = "") -> None:
        w = self.focus_widget()
        w.setAccessibleName(name)
        w.setAccessibleDescription(description)


def _coerce(question: Question, text: str):
    from assetmap.survey.validation import coerce

    text = text.strip()
    return None if text == "" else coerce(question, text)


class TextEditor(QuestionEditor):
    def __init__(self, question, language, parent=None):
        super().__init__(question, language, parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        multiline = (question.appearance or "").startswith("multiline")
        self.edit = QPlainTextEdit() if multiline else QLineEdit()
        if multiline:
            self.edit.setTabChangesFocus(True)
            self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 12)
            self.edit.textChanged.connect(self.changed)
        else:
            self.edit.textEdited.connect(self.changed)
            self.edit.editingFinished.connect(self.finished)
        if question.type is QType.INTEGER:
            self.edit.setPlaceholderText(self.tr("a whole number"))
        elif question.type is QType.DECIMAL:
            self.edit.setPlaceholderText(self.tr("a number"))
        lay.addWidget(self.edit)

    def _text(self) -> str:
        return self.edit.toPlainText() if isinstance(self.edit, QPlainTextEdit) else self.edit.text()

    def value(self):
        return _coerce(self.question, self._text())

    def set_value(self, value) -> None:
        text = "" if value is None else str(value)
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.setPlainText(text)
        else:
            self.edit.setText(text)

    def focus_widget(self):
        return self.edit


class DateEditor(QuestionEditor):
    def __init__(self, question, language, parent=None):
        super().__init__(question, language, parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.edit.textEdited.connect(self.changed)
        self.edit.editingFinished.connect(self.finished)
        self.today = QPushButton(self.tr("Today"))
        self.today.setAccessibleName(self.tr("Set the date to today"))
        self.today.clicked.connect(self._set_today)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.today)

    def _set_today(self):
        self.edit.setText(date.today().isoformat())
        self.changed.emit()

    def value(self):
        return _coerce(self.question, self.edit.text())

    def set_value(self, value) -> None:
        self.edit.setText("" if value is None else str(value))

    def focus_widget(self):
        return self.edit


class SelectOneEditor(QuestionEditor):
    def __init__(self, question, language, parent=None):
        super().__init__(question, language, parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox()
        self.combo.currentIndexChanged.connect(self.changed)
        lay.addWidget(self.combo)
        self.offered: list | None = None  # choices a choice_filter leaves; None: all of them
        self._fill()

    def _fill(self):
        current = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("— choose —"), None)
        seen = set()
        for c in self.question.choices if self.offered is None else self.offered:
            if c.name not in seen:  # a name listed once per parent (king in two counties)
                seen.add(c.name)
                self.combo.addItem(c.label(self.language), c.name)
        idx = self.combo.findData(current)
        self.combo.setCurrentIndex(max(idx, 0))
        self.combo.blockSignals(False)

    def set_offered(self, choices: list) -> bool:
        """Narrow the list to ``choices`` (a choice_filter's result); True when the answer
        given is no longer offered and was cleared."""
        if self.offered is not None and [c.name for c in choices] == [c.name for c in self.offered]:
            return False
        before = self.combo.currentData()
        self.offered = list(choices)
        self._fill()
        return before is not None and self.combo.currentData() != before

    def set_language(self, language):
        super().set_language(language)
        self._fill()

    def value(self):
        return self.combo.currentData()

    def set_value(self, value) -> None:
        idx = self.combo.findData(value)
        if idx < 0 and value is not None and self.offered is not None:
            # A saved answer loaded before the list is narrowed for it: offer every choice again;
            # the form's next refresh narrows the list around it.
            self.offered = None
            self._fill()
            idx = self.combo.findData(value)
        self.combo.setCurrentIndex(max(idx, 0))

    def focus_widget(self):
        return self.combo


class SelectMultipleEditor(QuestionEditor):
    """A check box per choice; with ``or_other``, an "Other" box that enables a text field."""

    def __init__(self, question, language, parent=None):
        super().__init__(question, language, parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        choices = [(c.name, c) for c in question.choices]
        columns = 2 if len(choices) > 4 else 1
        for i, (name, choice) in enumerate(choices):
            box = QCheckBox(choice.label(language))
            box.toggled.connect(self.changed)
            self.boxes[name] = box
            grid.addWidget(box, i // columns, i % columns)
        self.other_text: QLineEdit | None = None
        if question.or_other and "other" not in self.boxes:
            row = (len(choices) + columns - 1) // columns
            box = QCheckBox(self.tr("Other"))
            self.other_text = QLineEdit()
            self.other_text.setPlaceholderText(self.tr("say what"))
            self.other_text.setAccessibleName(self.tr("Other, please specify"))
            self.other_text.setEnabled(False)
            box.toggled.connect(self.other_text.setEnabled)
            box.toggled.connect(self.changed)
            self.other_text.textEdited.connect(self.changed)
            self.boxes["other"] = box
            grid.addWidget(box, row, 0)
            grid.addWidget(self.other_text, row, 1)

    def set_language(self, language):
        super().set_language(language)
        for c in self.question.choices:
            if c.name in self.boxes:
                self.boxes[c.name].setText(c.label(language))

    def set_offered(self, choices: list) -> bool:
        """Show only ``choices`` (a choice_filter's result); True when a ticked box was hidden
        and cleared."""
        names = {c.name for c in choices} | {"other"}
        cleared = False
        for name, box in self.boxes.items():
            shown = name in names
            if not shown and box.isChecked():
                box.blockSignals(True)
                box.setChecked(False)
                box.blockSignals(False)
                cleared = True
            box.setVisible(shown)
        return cleared

    def value(self):
        picked = [name for name, box in self.boxes.items() if box.isChecked()]
        return picked or None

    def other_value(self) -> str | None:
        if self.other_text is not None and self.boxes["other"].isChecked():
            return self.other_text.text().strip() or None
        return None

    def set_value(self, value, other: str | None = None) -> None:
        chosen = set(value or [])
        for name, box in self.boxes.items():
            box.setChecked(name in chosen)
        if self.other_text is not None:
            self.other_text.setText(other or "")

    def focus_widget(self):
        return next(iter(self.boxes.values())) if self.boxes else self

    def set_accessible(self, name: str, description: str = "") -> None:
        for box in self.boxes.values():
            box.setAccessibleName(f"{name}: {box.text()}")
            box.setAccessibleDescription(description)


class GeopointEditor(QuestionEditor):
    """Latitude and longitude typed, picked on the map, or taken from a chosen area."""

    pick_requested = Signal(str)  # question name

    def __init__(self, question, language, parent=None):
        super().__init__(question, language, parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.lat = QLineEdit()
        self.lat.setPlaceholderText(self.tr("latitude, e.g. 38.627"))
        self.lat.setAccessibleName(self.tr("Latitude"))
        self.lon = QLineEdit()
        self.lon.setPlaceholderText(self.tr("longitude, e.g. -90.199"))
        self.lon.setAccessibleName(self.tr("Longitude"))
        for e in (self.lat, self.lon):
            e.textEdited.connect(self.changed)
            row.addWidget(e)
        self.lon.editingFinished.connect(self.finished)
        self.pick = QPushButton(self.tr("Pick on map"))
        self.pick.setAccessibleName(self.tr("Pick the location on the map"))
        self.pick.clicked.connect(lambda: self.pick_requested.emit(self.question.name))
        row.addWidget(self.pick)
        lay.addLayout(row)
        self.area = QComboBox()
        self.area.setAccessibleName(self.tr("Or choose the neighbourhood"))
        self.area.addItem(self.tr("— or choose the neighbourhood —"), None)
        self.area.activated.connect(self._area_chosen)
        self.area.hide()
        lay.addWidget(self.area)

    def set_areas(self, areas: list[tuple[str, float, float]]) -> None:
        """(name, lat, lon) of a point inside each area, for volunteers who can't read coordinates."""
        self.area.clear()
        self.area.addItem(self.tr("— or choose the neighbourhood —"), None)
        for name, lat, lon in areas:
            self.area.addItem(name, (lat, lon))
        self.area.setVisible(bool(areas))

    def _area_chosen(self, index: int) -> None:
        point = self.area.itemData(index)
        if point:
            self.set_value(point)
            self.changed.emit()

    def set_point(self, lat: float, lon: float) -> None:
        self.set_value((lat, lon))
        self.changed.emit()

    def value(self):
        lat, lon = self.lat.text().strip(), self.lon.text().strip()
        if not lat and not lon:
            return None
        if not lat or not lon:
            raise ValueError(self.tr("Give both latitude and longitude, or pick the place on the map."))
        return _coerce(self.question, f"{lat} {lon}")

    def set_value(self, value) -> None:
        if value:
            self.lat.setText(f"{float(value[0]):.6f}")
            self.lon.setText(f"{float(value[1]):.6f}")
        else:
            self.lat.clear()
            self.lon.clear()

    def focus_widget(self):
        return self.lat

    def set_accessible(self, name: str, description: str = "") -> None:
        self.lat.setAccessibleName(f"{name}: " + self.tr("latitude"))
        self.lon.setAccessibleName(f"{name}: " + self.tr("longitude"))
        self.lat.setAccessibleDescription(description)


class PhotoEditor(QuestionEditor):
    """A photo from a file; the answer is the file's path until saved into the project."""

    def __init__(self, question, language, parent=None):
        super().__init__(question, language, parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.button = QPushButton(self.tr("Choose photo…"))
        self.button.clicked.connect(self._choose)
        self.clear_button = QPushButton(self.tr("Remove"))
        self.clear_button.setAccessibleName(self.tr("Remove the photo"))
        self.clear_button.clicked.connect(lambda: (self.set_value(None), self.changed.emit()))
        self.name = QLabel(self.tr("no photo"))
        lay.addWidget(self.button)
        lay.addWidget(self.clear_button)
        lay.addWidget(self.name, 1)
        self._path: str | None = None

    def _choose(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a photo"), "",
                                              self.tr("Images (*.jpg *.jpeg *.png *.heic *.webp)"))
        if path:
            self.set_value(path)
            self.changed.emit()

    def value(self):
        return self._path

    def set_value(self, value) -> None:
        self._path = value or None
        self.name.setText(Path(value).name if value else self.tr("no photo"))

    def focus_widget(self):
        return self.button


class NoteEditor(QuestionEditor):
    def __init__(self, question, language, parent=None):
        super().__init__(question, language, parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def value(self):
        return None

    def set_value(self, value) -> None:
        pass


EDITORS = {
    QType.TEXT: TextEditor,
    QType.INTEGER: TextEditor,
    QType.DECIMAL: TextEditor,
    QType.DATE: DateEditor,
    QType.SELECT_ONE: SelectOneEditor,
    QType.SELECT_MULTIPLE: SelectMultipleEditor,
    QType.GEOPOINT: GeopointEditor,
    QType.PHOTO: PhotoEditor,
    QType.NOTE: NoteEditor,
}


def editor_for(question: Question, language: str | None, parent=None) -> QuestionEditor:
    return EDITORS[question.type](question, language, parent)
