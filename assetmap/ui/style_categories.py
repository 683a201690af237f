"""The category table of the style editor: one row per value of the field, with its fill colour
and its point symbol (circle, square, triangle, diamond), as the map and the printed legend show
them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QColorDialog, QComboBox, QHeaderView, QPushButton, QTableWidget,
                               QTableWidgetItem)

from assetmap.layers.style import SYMBOLS

SYMBOL_LABELS = {"circle": QT_TRANSLATE_NOOP("CategoryTable", "Circle"),
                 "square": QT_TRANSLATE_NOOP("CategoryTable", "Square"),
                 "triangle": QT_TRANSLATE_NOOP("CategoryTable", "Triangle"),
                 "diamond": QT_TRANSLATE_NOOP("CategoryTable", "Diamond")}


def fill_symbol_combo(combo: QComboBox, tr) -> None:
    """Translated names shown, the stored name (``Style.symbol``) as item data."""
    for name in SYMBOLS:
        combo.addItem(tr(SYMBOL_LABELS[name]), name)


class CategoryTable(QTableWidget):
    VALUE, COLOUR, SYMBOL = range(3)

    def __init__(self, parent=None):
        super().__init__(0, 3, parent)
        self.setAccessibleName(self.tr("Categories"))
        self.setAccessibleDescription(self.tr("Each value of the field with its colour and point symbol"))
        self.setHorizontalHeaderLabels([self.tr("Value"), self.tr("Colour"), self.tr("Symbol")])
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        head = self.horizontalHeader()
        head.setSectionResizeMode(self.VALUE, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(self.COLOUR, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(self.SYMBOL, QHeaderView.ResizeMode.ResizeToContents)
        self.setTabKeyNavigation(False)  # Tab moves through the row's buttons, not the cells
        self._colors: dict[str, str] = {}

    def set_rows(self, colors: dict[str, str], symbols: dict[str, str]) -> None:
        """One row per value, in the order given (the legend's order)."""
        self.setRowCount(0)
        self._colors = dict(colors)
        for row, (value, color) in enumerate(colors.items()):
            self.insertRow(row)
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            self.setItem(row, self.VALUE, item)
            button = QPushButton()
            button.setAccessibleName(self.tr("Colour for {0}").format(value))
            button.clicked.connect(lambda *_, v=value: self.pick_color(v))
            self.setCellWidget(row, self.COLOUR, button)
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Symbol for {0}").format(value))
            fill_symbol_combo(combo, self.tr)
            combo.setCurrentIndex(max(0, combo.findData(symbols.get(value, "circle"))))
            self.setCellWidget(row, self.SYMBOL, combo)
            self._show(value)
        self.resizeRowsToContents()
        # Show up to 8 rows without scrolling; the dialog grows to fit them.
        rows = min(self.rowCount(), 8)
        height = (self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
                  + sum(self.rowHeight(r) for r in range(rows)))
        self.setMinimumHeight(height if rows else 0)
        self.setMaximumHeight(height if 0 < self.rowCount() <= 8 else 16777215)
        width = sum(max(self.sizeHintForColumn(c), self.horizontalHeader().sectionSizeHint(c)) for c in range(3))
        self.setMinimumWidth(min(width + 2 * self.frameWidth() + 20, 560) if rows else 0)

    def values(self) -> list[str]:
        return list(self._colors)

    def _row(self, value: str) -> int:
        return self.values().index(value)

    def _show(self, value: str) -> None:
        button = self.cellWidget(self._row(value), self.COLOUR)
        color = self._colors[value]
        button.setText(color)
        # Black or white text, whichever reads on the swatch.
        ink = "#000000" if QColor(color).lightnessF() > 0.5 else "#ffffff"
        button.setStyleSheet(f"background:{color}; color:{ink}")

    def color_button(self, value: str) -> QPushButton:
        return self.cellWidget(self._row(value), self.COLOUR)

    def symbol_combo(self, value: str) -> QComboBox:
        return self.cellWidget(self._row(value), self.SYMBOL)

    def pick_color(self, value: str) -> None:
        c = QColorDialog.getColor(QColor(self._colors[value]), self, self.tr("Colour for {0}").format(value))
        if c.isValid():
            self.set_color(value, c.name())

    def set_color(self, value: str, color: str) -> None:
        self._colors[value] = color
        self._show(value)

    def colors(self) -> dict[str, str]:
        return dict(self._colors)

    def symbols(self) -> dict[str, str]:
        return {v: self.symbol_combo(v).currentData() for v in self.values()}

    def follow_layer_symbol(self, old: str, new: str) -> None:
        """Rows still showing the layer's symbol take its new one; rows the user changed keep theirs."""
        for v in self.values():
            combo = self.symbol_combo(v)
            if combo.currentData() == old:
                combo.setCurrentIndex(combo.findData(new))
