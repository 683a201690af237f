"""Style editor for one layer: single colour, graduated (numeric field, classification,
classes, ramp, manual breaks) or categorized (text field, with a colour and a point symbol per
category); point size and symbol."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QColorDialog, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFormLayout, QLineEdit, QPushButton, QSpinBox)

from assetmap.errors import UserError
from assetmap.layers.style import COLOUR_BLIND_SAFE, RAMP_NAMES, SCHEMES, SYMBOLS, Style
from assetmap.ui.accessible import buddy_label, name_buttons
from assetmap.ui.style_categories import CategoryTable, fill_symbol_combo

KIND_LABELS = {"single": QT_TRANSLATE_NOOP("StyleDialog", "Single colour"),
               "graduated": QT_TRANSLATE_NOOP("StyleDialog", "Graduated (numbers)"),
               "categorized": QT_TRANSLATE_NOOP("StyleDialog", "Categorized (text)")}
SCHEME_LABELS = {"quantiles": QT_TRANSLATE_NOOP("StyleDialog", "Quantiles"),
                 "natural_breaks": QT_TRANSLATE_NOOP("StyleDialog", "Natural breaks (Fisher-Jenks)"),
                 "equal_interval": QT_TRANSLATE_NOOP("StyleDialog", "Equal interval"),
                 "manual": QT_TRANSLATE_NOOP("StyleDialog", "Manual")}


class StyleDialog(QDialog):
    def __init__(self, style: Style, numeric_fields: list[str], text_fields: list[str], title: str = "",
                 parent=None, frame=None):
        """``frame``: the layer's features, to list the categories of a field (none: colours and
        symbols per category are worked out when the style is applied)."""
        super().__init__(parent)
        self._frame = frame
        self._cat_field: str | None = None
        self.setWindowTitle(self.tr("Style — {0}").format(title) if title else self.tr("Style"))
        self.setAccessibleName(self.tr("Style editor"))
        self.numeric_fields, self.text_fields = numeric_fields, text_fields
        form = QFormLayout(self)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Style kind"))
        for k, label in KIND_LABELS.items():
            self.kind.addItem(self.tr(label), k)
        self.field = QComboBox()
        self.field.setAccessibleName(self.tr("Field"))
        self.scheme = QComboBox()
        self.scheme.setAccessibleName(self.tr("Classification"))
        for k in SCHEMES:
            self.scheme.addItem(self.tr(SCHEME_LABELS[k]), k)
        self.k = QSpinBox()
        self.k.setRange(2, 9)
        self.k.setAccessibleName(self.tr("Number of classes"))
        self.ramp = QComboBox()
        self.ramp.setAccessibleName(self.tr("Colour ramp"))
        for name in RAMP_NAMES:  # already colour-blind-safe first
            self.ramp.addItem(name + ("" if name in COLOUR_BLIND_SAFE else "  " + self.tr("(not colour-blind safe)")),
                              name)
        self.breaks = QLineEdit()
        self.breaks.setAccessibleName(self.tr("Manual class breaks"))
        self.breaks.setPlaceholderText(self.tr("e.g. 2000, 5000, 10000"))
        self.color = QPushButton()
        self.color.setAccessibleName(self.tr("Fill colour"))
        self.color.clicked.connect(self._pick_color)
        self.size = QDoubleSpinBox()
        self.size.setRange(1, 30)
        self.size.setAccessibleName(self.tr("Point size"))
        self.symbol = QComboBox()
        self.symbol.setAccessibleName(self.tr("Point symbol"))
        fill_symbol_combo(self.symbol, self.tr)
        self._symbol_shown = SYMBOLS[0]
        self.categories = CategoryTable()
        self.opacity = QDoubleSpinBox()
        self.opacity.setRange(0, 1)
        self.opacity.setSingleStep(0.1)
        self.opacity.setAccessibleName(self.tr("Fill opacity"))
        for text, widget in ((self.tr("&Kind"), self.kind), (self.tr("&Field"), self.field),
                             (self.tr("Cl&assification"), self.scheme), (self.tr("Cla&sses"), self.k),
                             (self.tr("Colour &ramp"), self.ramp), (self.tr("&Manual breaks"), self.breaks),
                             (self.tr("&Colour"), self.color), (self.tr("Fill &opacity"), self.opacity),
                             (self.tr("&Point size"), self.size), (self.tr("Point s&ymbol"), self.symbol),
                             (self.tr("Categor&ies"), self.categories)):
            label = buddy_label(text, widget)
            form.addRow(label, widget)
        # opacity is made after size and symbol but shown above them
        self.setTabOrder(self.color, self.opacity)
        self.setTabOrder(self.opacity, self.size)
        self.setTabOrder(self.size, self.symbol)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.scheme.currentIndexChanged.connect(self._enable)
        self.field.currentIndexChanged.connect(self._refresh_categories)
        self.symbol.currentIndexChanged.connect(self._symbol_changed)
        self._form = form
        self.set_style(style)

    def set_style(self, s: Style) -> None:
        self._base = s
        self._cat_field = None
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
        self.symbol.setCurrentIndex(self.symbol.findData(s.symbol))
        self.opacity.setValue(s.fill_opacity)
        self._show_color()
        self._refresh_categories()

    def _show_color(self) -> None:
        self.color.setText(self._color)
        self.color.setStyleSheet(f"background:{self._color}")

    def _pick_color(self) -> None:
        c = QColorDialog.getColor(QColor(self._color), self, self.tr("Fill colour"))
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
        shown = kind == "categorized" and self.categories.rowCount() > 0
        self._form.setRowVisible(self.categories, shown)
        self.adjustSize()

    def _symbol_changed(self, *_):
        new = self.symbol.currentData()
        self.categories.follow_layer_symbol(self._symbol_shown, new)
        self._symbol_shown = new

    def _refresh_categories(self, *_):
        """List the field's categories (public features only: a confidential feature's value is
        never shown), keeping the colours and symbols already chosen for them."""
        kind, field = self.kind.currentData(), self.field.currentText()
        if kind != "categorized" or self._frame is None or field not in self._frame.columns:
            self.categories.set_rows({}, {})
            self._cat_field = None
        elif field != self._cat_field:
            from assetmap.mapview.leaflet_style import resolve
            from assetmap.privacy import public_features

            same = self._base.kind == "categorized" and self._base.field == field
            base_colors = dict(self._base.categories) if same else {}
            base_symbols = dict(self._base.symbols) if same else {}
            probe = Style(kind="categorized", field=field, ramp=self.ramp.currentData(), categories=base_colors)
            try:
                colors = resolve(probe, public_features(self._frame)).categories
            except UserError:
                colors = {}
            layer_symbol = self.symbol.currentData()
            self.categories.set_rows(colors, {v: base_symbols.get(v, layer_symbol) for v in colors})
            self._cat_field = field
        if hasattr(self, "_form"):
            self._enable()

    def style(self) -> Style:
        s = Style.from_dict(self._base.to_dict())
        s.kind = self.kind.currentData()
        s.field = self.field.currentText() if s.kind != "single" else ""
        s.scheme = self.scheme.currentData()
        s.k = self.k.value()
        s.ramp = self.ramp.currentData()
        s.color = self._color
        s.point_size = self.size.value()
        s.symbol = self.symbol.currentData()
        s.fill_opacity = self.opacity.value()
        s.breaks = []
        if s.kind == "graduated" and s.scheme == "manual":
            try:
                s.breaks = [float(x) for x in self.breaks.text().replace(";", ",").split(",") if x.strip()]
            except ValueError:
                raise UserError(self.tr("Manual breaks must be numbers separated by commas."),
                                self.tr("For example: 2000, 5000, 10000.")) from None
        if s.kind == "categorized":
            # The table's colours and symbols; without a table they are worked out from the data.
            s.categories = self.categories.colors()
            s.symbols = {v: sym for v, sym in self.categories.symbols().items() if sym != s.symbol}
        return s.validate()
