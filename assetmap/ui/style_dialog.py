"""Style editor for one layer: single colour, graduated (numeric field, classification,
classes, ramp, manual breaks) or categorized (text field); point size and symbol."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QColorDialog, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFormLayout, QLineEdit, QPushButton, QSpinBox)

from assetmap.errors import UserError
from assetmap.layers.style import COLOUR_BLIND_SAFE, RAMP_NAMES, SCHEMES, SYMBOLS, Style

KIND_LABELS = {"single": "Single colour", "graduated": "Graduated (numbers)", "categorized": "Categorized (text)"}
SCHEME_LABELS = {"quantiles": "Quantiles", "natural_breaks": "Natural breaks (Fisher-Jenks)",
                 "equal_interval": "Equal interval", "manual": "Manual"}


class StyleDialog(QDialog):
    def __init__(self, style: Style, numeric_fields: list[str], text_fields: list[str], title: str = "",
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"Style — {title}" if title else "Style")
        self.setAccessibleName("Style editor")
        self.numeric_fields, self.text_fields = numeric_fields, text_fields
        form = QFormLayout(self)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Style kind")
        for k, label in KIND_LABELS.items():
            self.kind.addItem(label, k)
        self.field = QComboBox()
        self.field.setAccessibleName("Field")
        self.scheme = QComboBox()
        self.scheme.setAccessibleName("Classification")
        for k in SCHEMES:
            self.scheme.addItem(SCHEME_LABELS[k], k)
        self.k = QSpinBox()
        self.k.setRange(2, 9)
        self.k.setAccessibleName("Number of classes")
        self.ramp = QComboBox()
        self.ramp.setAccessibleName("Colour ramp")
        for name in RAMP_NAMES:  # already colour-blind-safe first
            self.ramp.addItem(name + ("" if name in COLOUR_BLIND_SAFE else "  (not colour-blind safe)"), name)
        self.breaks = QLineEdit()
        self.breaks.setAccessibleName("Manual class breaks")
        self.breaks.setPlaceholderText("e.g. 2000, 5000, 10000")
        self.color = QPushButton()
        self.color.setAccessibleName("Fill colour")
        self.color.clicked.connect(self._pick_color)
        self.size = QDoubleSpinBox()
        self.size.setRange(1, 30)
        self.size.setAccessibleName("Point size")
        self.symbol = QComboBox()
        self.symbol.setAccessibleName("Point symbol")
        self.symbol.addItems(list(SYMBOLS))
        self.opacity = QDoubleSpinBox()
        self.opacity.setRange(0, 1)
        self.opacity.setSingleStep(0.1)
        self.opacity.setAccessibleName("Fill opacity")
        form.addRow("Kind", self.kind)
        form.addRow("Field", self.field)
        form.addRow("Classification", self.scheme)
        form.addRow("Classes", self.k)
        form.addRow("Colour ramp", self.ramp)
        form.addRow("Manual breaks", self.breaks)
        form.addRow("Colour", self.color)
        form.addRow("Fill opacity", self.opacity)
        form.addRow("Point size", self.size)
        form.addRow("Point symbol", self.symbol)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.scheme.currentIndexChanged.connect(self._enable)
        self.set_style(style)

    def set_style(self, s: Style) -> None:
        self._color = s.color
        self.kind.setCurrentIndex(list(KIND_LABELS).index(s.kind))
        self._kind_changed()
        if s.field:
            self.field.setCurrentText(s.field)
        self.scheme.setCurrentIndex(list(SCHEMES).index(s.scheme))
        self.k.setValue(s.k)
        self.ramp.setCurrentIndex(RAMP_NAMES.index(s.ramp))
        self.breaks.setText(", ".join(f"{b:g}" for b in s.breaks) if s.scheme == "manual" else "")
        self.size.setValue(s.point_size)
        self.symbol.setCurrentText(s.symbol)
        self.opacity.setValue(s.fill_opacity)
        self._base = s
        self._show_color()

    def _show_color(self) -> None:
        self.color.setText(self._color)
        self.color.setStyleSheet(f"background:{self._color}")

    def _pick_color(self) -> None:
        c = QColorDialog.getColor(QColor(self._color), self, "Fill colour")
        if c.isValid():
            self._color = c.name()
            self._show_color()

    def _kind_changed(self, *_):
        kind = self.kind.currentData()
        current = self.field.currentText()
        self.field.clear()
        self.field.addItems(self.numeric_fields if kind == "graduated" else
                            self.text_fields + self.numeric_fields if kind == "categorized" else [])
        if current:
            self.field.setCurrentText(current)
        self._enable()

    def _enable(self, *_):
        kind = self.kind.currentData()
        grad = kind == "graduated"
        self.field.setEnabled(kind != "single")
        for w in (self.scheme, self.k):
            w.setEnabled(grad)
        self.ramp.setEnabled(kind != "single")
        self.breaks.setEnabled(grad and self.scheme.currentData() == "manual")
        self.color.setEnabled(kind == "single")

    def style(self) -> Style:
        s = Style.from_dict(self._base.to_dict())
        s.kind = self.kind.currentData()
        s.field = self.field.currentText() if s.kind != "single" else ""
        s.scheme = self.scheme.currentData()
        s.k = self.k.value()
        s.ramp = self.ramp.currentData()
        s.color = self._color
        s.point_size = self.size.value()
        s.symbol = self.symbol.currentText()
        s.fill_opacity = self.opacity.value()
        s.breaks = []
        if s.kind == "graduated" and s.scheme == "manual":
            try:
                s.breaks = [float(x) for x in self.breaks.text().replace(";", ",").split(",") if x.strip()]
            except ValueError:
                raise UserError("Manual breaks must be numbers separated by commas.",
                                "For example: 2000, 5000, 10000.") from None
        if s.kind == "categorized":
            s.categories = {}
        return s.validate()
