"""The locator and address-column choice that placing by address needs (the reports wizard's
Geocode page, File › Import by address): a locator of the project, a one-line address column or
a house number and street column, a Check button and the match summary it shows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from assetmap.errors import UserError
from assetmap.ui.accessible import buddy_label


class AddressFields(QWidget):
    """``changed`` fires when any choice changes (the summary is then cleared)."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.locator = QComboBox()
        self.address, self.number, self.street = QComboBox(), QComboBox(), QComboBox()
        self.check = QPushButton(self.tr("C&heck the addresses"))
        self.check.setAccessibleName(self.tr("Check the addresses (nothing is stored)"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("geocode_summary")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        for text, name, widget in ((self.tr("&Locator"), self.tr("Locator"), self.locator),
                                   (self.tr("One-line a&ddress column"), self.tr("Address column"), self.address),
                                   (self.tr("or house &number column"), self.tr("House number column"), self.number),
                                   (self.tr("and &street column"), self.tr("Street column"), self.street)):
            widget.setAccessibleName(name)
            form.addRow(buddy_label(text, widget), widget)
        lay.addLayout(form)
        lay.addWidget(self.check)
        lay.addWidget(self.summary)
        for combo in (self.locator, self.address, self.number, self.street):
            combo.currentIndexChanged.connect(self._changed)

    def fill(self, project, columns: list[str], guess: dict[str, str | None] | None = None) -> None:
        """The project's locators and the file's columns (each column combo starts at ``guess``)."""
        from assetmap.geocode.locators import list_locators

        self.locator.clear()
        for info in list_locators(project):
            self.locator.addItem(f"{info.name} ({info.kind}, {info.features})", info.name)
        for combo, key in ((self.address, "address"), (self.number, "number"), (self.street, "street")):
            combo.clear()
            combo.addItem(self.tr("(none)"), None)
            for c in columns:
                combo.addItem(c, c)
            if guess and guess.get(key):
                combo.setCurrentIndex(combo.findData(guess[key]))

    def columns_spec(self):
        """The chosen ``AddressColumns`` (raises UserError when incomplete)."""
        from assetmap.geocode.columns import AddressColumns

        return AddressColumns(address=self.address.currentData(), number=self.number.currentData(),
                              street=self.street.currentData())

    def complete(self) -> bool:
        try:
            self.columns_spec()
        except UserError:
            return False
        return self.locator.count() > 0

    def _changed(self, *_args) -> None:
        self.summary.clear()
        self.changed.emit()
