"""The locator and address-column choice that placing by address needs (the reports wizard's
Geocode page, File › Import by address): a locator of the project, a one-line address column or
a house number and street column, an optional ZIP column (as ``--zip COL`` on the command line:
it chooses between streets of the same name in two ZIPs), a Check button and the match summary
it shows."""

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
        self.zip = QComboBox()
        self.zip.setToolTip(self.tr("Chooses between streets of the same name in two ZIPs; where it is blank, "
                                    "a ZIP typed at the end of the address still counts."))
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
                                   (self.tr("and &street column"), self.tr("Street column"), self.street),
                                   (self.tr("&ZIP code column (optional)"), self.tr("ZIP code column"), self.zip)):
            widget.setAccessibleName(name)
            form.addRow(buddy_label(text, widget), widget)
        lay.addLayout(form)
        lay.addWidget(self.check)
        lay.addWidget(self.summary)
        for combo in (self.locator, self.address, self.number, self.street, self.zip):
            combo.currentIndexChanged.connect(self._changed)

    def fill(self, project, columns: list[str], guess: dict[str, str | None] | None = None) -> None:
        """The project's locators and the file's columns (each column combo starts at ``guess``).
        The ZIP column starts at "No ZIP column", or at a column whose name says ZIP (zip, zipcode,
        postal_code, …) when there is one that is not an address column."""
        from assetmap.geocode.layer_import import zip_column_guess
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
        self.zip.clear()
        self.zip.addItem(self.tr("No ZIP column"), None)
        for c in columns:
            self.zip.addItem(c, c)
        taken = set((guess or {}).values())
        zguess = zip_column_guess([c for c in columns if c not in taken])
        if zguess is not None:
            self.zip.setCurrentIndex(self.zip.findData(zguess))

    def columns_spec(self):
        """The chosen ``AddressColumns`` (raises UserError when incomplete)."""
        from assetmap.geocode.columns import AddressColumns

        return AddressColumns(address=self.address.currentData(), number=self.number.currentData(),
                              street=self.street.currentData(), zip=self.zip.currentData())

    def columns_line(self, c=None) -> str:
        """The columns of ``c`` (an ``AddressColumns``; the chosen ones by default) in one line of
        the match summary: names of columns only."""
        c = c if c is not None else self.columns_spec()
        where = (self.tr("address '{0}'").format(c.address) if c.address is not None
                 else self.tr("house number '{0}', street '{1}'").format(c.number, c.street))
        zip_ = self.tr("ZIP '{0}'").format(c.zip) if c.zip is not None else self.tr("no ZIP column")
        return self.tr("Columns: {0}; {1}.").format(where, zip_)

    def show_summary(self, lines: list[str], columns=None) -> None:
        """The match summary, then the columns it was made with (``columns``, an ``AddressColumns``:
        those of the check or import, which the user may have changed since it started)."""
        self.summary.setText("\n".join([*lines, self.columns_line(columns)]))

    def complete(self) -> bool:
        try:
            self.columns_spec()
        except UserError:
            return False
        return self.locator.count() > 0

    def _changed(self, *_args) -> None:
        self.summary.clear()
        self.changed.emit()
