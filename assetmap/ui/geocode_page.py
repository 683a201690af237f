"""The Geocode step of the reports wizard: locate reports by coordinates or by address.

With "by address", the user picks a locator stored in the project and the address column(s),
and may check the match summary first (geocoded in memory on a worker, with Cancel; only the
counts per match type and line numbers are shown). Nothing is written by this page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QFormLayout, QLabel, QPushButton, QRadioButton, QVBoxLayout, QWidget, QWizardPage,
)

from assetmap.errors import UserError
from assetmap.ui.accessible import buddy_label


class GeocodePage(QWizardPage):
    def __init__(self, project, file_path: Callable[[], str], columns: Callable[[], list[str]]):
        super().__init__()
        self.project = project
        self._file_path = file_path
        self._columns = columns
        self.setTitle(self.tr("Where the reports are"))
        self.by_xy = QRadioButton(self.tr("By &coordinates (the longitude / latitude columns)"))
        self.by_address = QRadioButton(self.tr("By &address, placed offline with a locator"))
        self.by_xy.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_xy)
        group.addButton(self.by_address)
        self.locator = QComboBox()
        self.address, self.number, self.street = QComboBox(), QComboBox(), QComboBox()
        self.check = QPushButton(self.tr("C&heck the addresses"))
        self.check.setAccessibleName(self.tr("Check the addresses (nothing is stored)"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("geocode_summary")
        self.form = QWidget()
        form = QFormLayout(self.form)
        for text, name, widget in ((self.tr("&Locator"), self.tr("Locator"), self.locator),
                                   (self.tr("One-line a&ddress column"), self.tr("Address column"), self.address),
                                   (self.tr("or house &number column"), self.tr("House number column"), self.number),
                                   (self.tr("and &street column"), self.tr("Street column"), self.street)):
            widget.setAccessibleName(name)
            form.addRow(buddy_label(text, widget), widget)
        form.addRow(self.check)
        form.addRow(self.summary)
        lay = QVBoxLayout(self)
        note = QLabel(self.tr("Addresses are matched on this computer; no address, position or match of a "
                              "report is stored, only the counts."))
        note.setWordWrap(True)
        lay.addWidget(self.by_xy)
        lay.addWidget(self.by_address)
        lay.addWidget(note)
        lay.addWidget(self.form)
        lay.addStretch(1)
        self.by_address.toggled.connect(self._mode_changed)
        self.check.clicked.connect(self._check)
        for combo in (self.locator, self.address, self.number, self.street):
            combo.currentIndexChanged.connect(self._changed)

    def available(self) -> bool:
        from assetmap.geocode.locators import list_locators

        return bool(list_locators(self.project))

    def initializePage(self) -> None:  # noqa: N802 - Qt name
        from assetmap.geocode.locators import list_locators

        self.locator.clear()
        for info in list_locators(self.project):
            self.locator.addItem(f"{info.name} ({info.kind}, {info.features})", info.name)
        cols = self._columns()
        none = self.tr("(none)")
        for combo in (self.address, self.number, self.street):
            combo.clear()
            combo.addItem(none, None)
            for c in cols:
                combo.addItem(c, c)
        self.by_address.setEnabled(self.locator.count() > 0)
        if self.locator.count() == 0:
            self.by_address.setText(self.tr("By address (add a locator first: no locator in this project)"))
            self.by_xy.setChecked(True)
        self._mode_changed()

    def _mode_changed(self, *_args) -> None:
        self.form.setEnabled(self.by_address.isChecked())
        self._changed()

    def _changed(self, *_args) -> None:
        self.summary.clear()
        self.completeChanged.emit()

    def columns_spec(self):
        """The chosen ``AddressColumns`` (raises UserError when incomplete)."""
        from assetmap.geocode.columns import AddressColumns

        return AddressColumns(address=self.address.currentData(), number=self.number.currentData(),
                              street=self.street.currentData())

    def geocoder(self):
        """A ``ReportGeocoder`` for ``read_reports``, or None when located by coordinates."""
        if not self.by_address.isChecked():
            return None
        from assetmap.geocode.columns import ReportGeocoder

        return ReportGeocoder.for_project(self.project, self.locator.currentData(), self.columns_spec())

    def isComplete(self) -> bool:  # noqa: N802 - Qt name
        if not self.by_address.isChecked():
            return True
        try:
            self.columns_spec()
        except UserError:
            return False
        return self.locator.count() > 0

    def preview(self, ctx=None) -> list[str]:
        """Match summary of the file, in memory: counts and line numbers only."""
        from assetmap.reports.source import read_reports

        g = self.geocoder()
        read_reports(Path(self._file_path()), project_crs="EPSG:4326", geocode=g)
        return g.lines()[:-1]

    def _check(self) -> None:
        from assetmap.ui.workers import run_task

        self.summary.setText(self.tr("Checking…"))
        run_task(self, self.tr("Checking the addresses"), self.preview,
                 on_done=lambda lines: self.summary.setText("\n".join(lines)))
