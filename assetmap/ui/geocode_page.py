"""The Geocode step of the reports wizard: locate reports by coordinates or by address.

With "by address", the user picks a locator stored in the project, the address column(s) and
optionally a ZIP column (chooses between streets of the same name in two ZIPs), and may check
the match summary first (geocoded in memory on a worker, with Cancel; only the counts per match
type, line numbers and the chosen column names are shown). Nothing is written by this page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWizardPage

from assetmap.ui.address_fields import AddressFields


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
        self.form = AddressFields()
        f = self.form
        self.locator, self.address, self.number, self.street = f.locator, f.address, f.number, f.street
        self.zip = f.zip
        self.check, self.summary = f.check, f.summary
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
        self.form.changed.connect(self.completeChanged)

    def available(self) -> bool:
        from assetmap.geocode.locators import list_locators

        return bool(list_locators(self.project))

    def initializePage(self) -> None:  # noqa: N802 - Qt name
        self.form.fill(self.project, self._columns())
        self.by_address.setEnabled(self.locator.count() > 0)
        if self.locator.count() == 0:
            self.by_address.setText(self.tr("By address (add a locator first: no locator in this project)"))
            self.by_xy.setChecked(True)
        self._mode_changed()

    def _mode_changed(self, *_args) -> None:
        self.form.setEnabled(self.by_address.isChecked())
        self.summary.clear()
        self.completeChanged.emit()

    def columns_spec(self):
        """The chosen ``AddressColumns`` (raises UserError when incomplete)."""
        return self.form.columns_spec()

    def geocoder(self):
        """A ``ReportGeocoder`` for ``read_reports``, or None when located by coordinates."""
        if not self.by_address.isChecked():
            return None
        from assetmap.geocode.columns import ReportGeocoder

        return ReportGeocoder.for_project(self.project, self.locator.currentData(), self.columns_spec())

    def isComplete(self) -> bool:  # noqa: N802 - Qt name
        return not self.by_address.isChecked() or self.form.complete()

    def preview(self, ctx=None) -> list[str]:
        """Match summary of the file, in memory: counts and line numbers only."""
        from assetmap.reports.source import read_reports

        g = self.geocoder()
        read_reports(Path(self._file_path()), project_crs="EPSG:4326", geocode=g)
        return g.lines()[:-1]

    def _check(self) -> None:
        from assetmap.errors import UserError
        from assetmap.ui.workers import run_task

        try:
            cols = self.columns_spec()
        except UserError:
            cols = None                         # the check itself says what is missing
        self.summary.setText(self.tr("Checking…"))
        run_task(self, self.tr("Checking the addresses"), self.preview,
                 on_done=lambda lines: self.form.show_summary(lines, cols))
