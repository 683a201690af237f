"""Indicators › Edit indicators…: the partnership's definitions (name, numerator, denominator,
per-N, direction, target), added from the defaults or removed. OK saves them all through one
``SetIndicators`` command on the window's stack, so Edit › Undo puts the old ones back."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
)

from assetmap.errors import UserError
from assetmap.indicators.model import METHODS, Indicator
from assetmap.ui.accessible import name_buttons

NONE = ""


def checked_list(indicators: list[Indicator]) -> list[Indicator]:
    """Fresh, checked copies; raises UserError naming the first problem."""
    out, seen = [], set()
    for ind in indicators:
        c = Indicator.from_dict(ind.to_dict())
        if c.id in seen:
            raise UserError(f"Two indicators share the id '{c.id}'.", "Give each indicator its own id.")
        if not c.name.strip():
            raise UserError(f"Indicator '{c.id}' has no name.", "Type the title the report should print.")
        seen.add(c.id)
        out.append(c)
    return out


class IndicatorsDialog(QDialog):
    def __init__(self, project, indicators: list[Indicator], defaults: list[Indicator], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Indicators"))
        self.setAccessibleName(self.tr("Indicator definitions"))
        self.project = project
        self.items = [Indicator.from_dict(i.to_dict()) for i in indicators]
        self.defaults = defaults
        self._row = -1
        self._build()
        self._fill_list()
        if self.items:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    # ------------------------------------------------------------------ widgets
    def _combo(self, name: str, values, editable: bool = False) -> QComboBox:
        c = QComboBox()
        c.setAccessibleName(name)
        c.setEditable(editable)
        for v in values:
            c.addItem(v, v)
        return c

    def _build(self) -> None:
        layers = self.project.layer_names()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Indicators"))
        self.list.currentRowChanged.connect(self._show)
        self.add_button = QToolButton()
        self.add_button.setText(self.tr("Add from defaults"))
        self.add_button.setAccessibleName(self.tr("Add an indicator from the defaults"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_menu = QMenu(self.add_button)
        self.add_menu.aboutToShow.connect(self._defaults_menu)
        self.add_button.setMenu(self.add_menu)
        self.new_button = QPushButton(self.tr("New…"))
        self.new_button.setAccessibleName(self.tr("New indicator from scratch"))
        self.new_button.setToolTip(self.tr("Choose what to count, what to divide by, per how many, and the target"))
        self.new_button.clicked.connect(lambda *_: self.new_indicator())
        self.new_dialog = None     # the open New… dialog (tests drive it)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the indicator"))
        self.remove_button.clicked.connect(lambda *_: self.remove_current())
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        left.addLayout(row)

        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.ident = QLabel("")
        self.ident.setAccessibleName(self.tr("Indicator id"))
        self.unit_layer = self._combo(self.tr("Unit layer"), layers)
        self.method = QComboBox()
        self.method.setAccessibleName(self.tr("Method"))
        labels = {"report_rate": self.tr("Report counts (an aggregate layer)"),
                  "feature_count": self.tr("Count of public features in each unit"),
                  "hub_access": self.tr("Residents near a public hub"),
                  "survey_coverage": self.tr("Survey coverage (unit visited or not)")}
        for m in METHODS:
            self.method.addItem(labels.get(m, m), m)
        self.numerator_layer = self._combo(self.tr("Numerator layer"), layers)
        self.numerator_field = QLineEdit()
        self.numerator_field.setAccessibleName(self.tr("Numerator field"))
        self.numerator_field.setPlaceholderText(self.tr("count (report layers); empty: count features"))
        self.filter_field = QLineEdit()
        self.filter_field.setAccessibleName(self.tr("Filter field"))
        self.filter_value = QLineEdit()
        self.filter_value.setAccessibleName(self.tr("Filter value"))
        self.denominator = self._combo(self.tr("Denominator field"), [], editable=True)
        self.unit_layer.currentIndexChanged.connect(lambda _i: self._denominators())
        self.per = QDoubleSpinBox()
        self.per.setAccessibleName(self.tr("Per"))
        self.per.setRange(0.01, 1e9)
        self.per.setDecimals(2)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        for value, text in (("by_period", self.tr("By period (the numerator layer's periods)")),
                            ("current", self.tr("One snapshot (as the layers are now)"))):
            self.period.addItem(text, value)
        self.direction = QComboBox()
        self.direction.setAccessibleName(self.tr("Direction"))
        self.direction.addItem(self.tr("Higher is better"), "higher_is_better")
        self.direction.addItem(self.tr("Higher is worse"), "higher_is_worse")
        self.target = QLineEdit()
        self.target.setAccessibleName(self.tr("Target"))
        self.target.setPlaceholderText(self.tr("none"))
        self.unit_label = QLineEdit()
        self.unit_label.setAccessibleName(self.tr("Unit label"))
        self.source = QLineEdit()
        self.source.setAccessibleName(self.tr("Source"))
        form = QFormLayout()
        for label, w in ((self.tr("Name"), self.name), (self.tr("Id"), self.ident),
                         (self.tr("Units (areas layer)"), self.unit_layer), (self.tr("Method"), self.method),
                         (self.tr("Numerator layer"), self.numerator_layer),
                         (self.tr("Numerator field"), self.numerator_field),
                         (self.tr("Only where field"), self.filter_field), (self.tr("equals"), self.filter_value),
                         (self.tr("Denominator field"), self.denominator), (self.tr("Per"), self.per),
                         (self.tr("Periods"), self.period), (self.tr("Direction"), self.direction),
                         (self.tr("Target"), self.target), (self.tr("Values read as"), self.unit_label),
                         (self.tr("Source"), self.source)):
            form.addRow(label, w)
        self.form_widgets = [self.name, self.unit_layer, self.method, self.numerator_layer, self.numerator_field,
                             self.filter_field, self.filter_value, self.denominator, self.per, self.period,
                             self.direction, self.target, self.unit_label, self.source]
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(form, 3)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setAccessibleName(self.tr("Save or cancel"))
        name_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(body, 1)
        lay.addWidget(self.buttons)
        self.resize(760, 480)

    def _denominators(self, keep: str | None = None) -> None:

        layer = self.unit_layer.currentData()
        keep = self.denominator.currentText() if keep is None else keep
        self.denominator.blockSignals(True)
        self.denominator.clear()
        self.denominator.addItem(self.tr("(none: the value is the count)"), NONE)
        if layer:
            try:
                for f in self.project.layer_fields(layer):  # either backend (project.interface)
                    self.denominator.addItem(str(f), str(f))
            except Exception:  # noqa: BLE001 - an unreadable layer just offers no fields
                pass
        i = self.denominator.findData(keep)
        if i >= 0:
            self.denominator.setCurrentIndex(i)
        elif keep:
            self.denominator.setEditText(keep)
        self.denominator.blockSignals(False)

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for ind in self.items:
            self.list.addItem(ind.name or ind.id)
        self.list.blockSignals(False)

    # ------------------------------------------------------------------ editing
    def _show(self, row: int) -> None:
        self._store()
        self._row = row
        ok = 0 <= row < len(self.items)
        for w in self.form_widgets:
            w.setEnabled(ok)
        self.remove_button.setEnabled(ok)
        if not ok:
            return
        ind = self.items[row]

        def pick(combo, value):
            i = combo.findData(value)
            if i < 0 and value:
                combo.addItem(str(value), value)
                i = combo.findData(value)
            combo.setCurrentIndex(max(i, 0))

        self.name.setText(ind.name)
        self.ident.setText(ind.id)
        pick(self.unit_layer, ind.unit_layer)
        pick(self.method, ind.method)
        pick(self.numerator_layer, ind.numerator_layer)
        self.numerator_field.setText(ind.numerator_field or "")
        self.filter_field.setText(ind.filter_field or "")
        self.filter_value.setText(ind.filter_value or "")
        self._denominators(ind.denominator_field or NONE)
        self.per.setValue(float(ind.per))
        pick(self.period, ind.period)
        pick(self.direction, ind.direction)
        self.target.setText("" if ind.target is None else f"{ind.target:g}")
        self.unit_label.setText(ind.unit_label)
        self.source.setText(ind.source)

    def _store(self) -> None:
        """Put the form back into the indicator it shows."""
        if not (0 <= self._row < len(self.items)):
            return
        ind = self.items[self._row]
        ind.name = self.name.text().strip()
        ind.unit_layer = self.unit_layer.currentData() or ind.unit_layer
        ind.method = self.method.currentData()
        ind.numerator_layer = self.numerator_layer.currentData() or ind.numerator_layer
        ind.numerator_field = self.numerator_field.text().strip() or None
        ind.filter_field = self.filter_field.text().strip() or None
        ind.filter_value = self.filter_value.text().strip() or None
        den = self.denominator.currentData()
        text = self.denominator.currentText().strip()
        if den is None or self.denominator.itemText(self.denominator.currentIndex()) != text:
            den = text  # typed by hand
        ind.denominator_field = den or None
        ind.per = float(self.per.value())
        ind.period = self.period.currentData()
        ind.direction = self.direction.currentData()
        t = self.target.text().strip().replace(",", "")
        try:
            ind.target = float(t) if t else None
        except ValueError:
            ind.target = t  # reported by result() with the indicator's name
        ind.unit_label = self.unit_label.text().strip()
        ind.source = self.source.text().strip()
        item = self.list.item(self._row)
        if item is not None:
            item.setText(ind.name or ind.id)

    def _defaults_menu(self) -> None:
        self.add_menu.clear()
        have = {i.id for i in self.items}
        todo = [d for d in self.defaults if d.id not in have]
        if not todo:
            a = self.add_menu.addAction(self.tr("Every default indicator is in the list"))
            a.setEnabled(False)
        for d in todo:
            self.add_menu.addAction(d.name).triggered.connect(lambda *_, d=d: self.add_default(d.id))

    def add_default(self, indicator_id: str) -> None:
        self._store()
        d = next(d for d in self.defaults if d.id == indicator_id)
        if any(i.id == d.id for i in self.items):
            return
        self.items.append(Indicator.from_dict(d.to_dict()))
        self._row = -1
        self._fill_list()
        self.list.setCurrentRow(len(self.items) - 1)

    def new_indicator(self):
        """Open New…; an indicator it accepts joins the list (saved with the rest on OK)."""
        from assetmap.ui.indicators_new import NewIndicatorDialog

        self._store()
        dlg = NewIndicatorDialog(self.project, {i.id for i in self.items}, self)
        dlg.accepted.connect(lambda: self.add_new(dlg.indicator))
        self.new_dialog = dlg
        dlg.open()
        return dlg

    def add_new(self, ind: Indicator | None) -> None:
        if ind is None or any(i.id == ind.id for i in self.items):
            return
        self._store()
        self.items.append(ind)
        self._row = -1
        self._fill_list()
        self.list.setCurrentRow(len(self.items) - 1)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if not (0 <= row < len(self.items)):
            return
        self._row = -1  # don't store the form into the item being removed
        del self.items[row]
        self._fill_list()
        self.list.setCurrentRow(min(row, len(self.items) - 1))
        if not self.items:
            self._show(-1)

    def result_indicators(self) -> list[Indicator]:
        self._store()
        for ind in self.items:
            if isinstance(ind.target, str):
                raise UserError(f"Indicator '{ind.name}': the target '{ind.target}' is not a number.",
                                "Type a number, or leave it empty for no target.")
        return checked_list(self.items)

    def accept(self) -> None:
        try:
            self.result_indicators()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Indicators"), str(exc))
            return
        super().accept()
