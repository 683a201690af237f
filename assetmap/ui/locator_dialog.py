"""File › Add address locator…: `assetmap locator add` from the app.

The user picks public reference data (an address list or parcels with a house number and a
street, or street centrelines with address ranges), names the locator and its columns; it is
built and stored on a worker (progress, Cancel), and the result is reported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QPushButton, QWidget,
)

from assetmap.errors import UserError
from assetmap.ui.accessible import buddy_label, name_buttons


def source_columns(path: Path) -> list[str]:
    """Column names of a CSV or vector file (reads no row)."""
    if path.suffix.lower() in (".csv", ".txt"):
        from assetmap.reports.source import csv_columns

        return csv_columns(path)
    import pyogrio

    from assetmap.importers.vector import gdal_path

    try:
        return [str(f) for f in pyogrio.read_info(gdal_path(path))["fields"]]
    except Exception as exc:  # noqa: BLE001 - any GDAL failure is "can't read this file" to the user
        raise UserError(f"Can't read the columns of {path.name}.", "Choose a CSV, GeoPackage, shapefile or zip.") from exc


class LocatorDialog(QDialog):
    def __init__(self, project, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("Add address locator"))
        self.setAccessibleName(self.tr("Add address locator"))
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Reference file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setAccessibleName(self.tr("Browse for the reference file"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(browse)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. city_addresses"))
        self.number, self.street, self.address = QComboBox(), QComboBox(), QComboBox()
        self.public = QCheckBox(self.tr("This file is published open data (allow incident-like columns)"))
        self.public.setAccessibleName(self.tr("The file is published open data"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        note = QLabel(self.tr("Public reference data only: an address list, parcels, or street centrelines with "
                              "address ranges (TIGER/Line). Only street, number, ZIP and position are kept."))
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(buddy_label(self.tr("&File"), self.path), row)
        for text, name, widget in ((self.tr("&Name"), self.tr("Locator name"), self.name),
                                   (self.tr("House n&umber column"), self.tr("House number column"), self.number),
                                   (self.tr("&Street column"), self.tr("Street column"), self.street),
                                   (self.tr("or one-line &address column"), self.tr("Address column"), self.address)):
            widget.setAccessibleName(name)
            form.addRow(buddy_label(text, widget), widget)
        form.addRow(self.public)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        name_buttons(buttons)
        form.addRow(buttons)
        self.path.textChanged.connect(self._load_columns)
        self.chosen: dict | None = None

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Reference file"), "",
                                              self.tr("Address lists and street lines") +
                                              " (*.csv *.gpkg *.shp *.zip *.geojson *.fgb)")
        if path:
            self.path.setText(path)

    def _load_columns(self) -> None:
        none = self.tr("(none)")
        for combo in (self.number, self.street, self.address):
            combo.clear()
            combo.addItem(none, None)
        self.problem.clear()
        path = Path(self.path.text().strip())
        if not path.is_file():
            return
        try:
            cols = source_columns(path)
        except UserError as exc:
            self.problem.setText(str(exc))
            return
        for combo in (self.number, self.street, self.address):
            for c in cols:
                combo.addItem(c, c)
        if not self.name.text():
            self.name.setText("".join(ch if ch.isalnum() else "_" for ch in path.stem.lower())[:40])

    def options(self) -> dict:
        return {"name": self.name.text().strip(), "source": self.path.text().strip(),
                "number": self.number.currentData(), "street": self.street.currentData(),
                "address": self.address.currentData(), "public_source": self.public.isChecked()}

    def _accept(self) -> None:
        from assetmap.geocode.locators import check_name

        o = self.options()
        try:
            check_name(o["name"])
            if not Path(o["source"]).is_file():
                raise UserError(self.tr("Choose the reference file."))
        except UserError as exc:
            self.problem.setText(str(exc))
            return
        self.chosen = o
        self.accept()


def add_locator_dialog(w, options: dict | None = None):
    """Ask (unless ``options`` are given), then build and store the locator on a worker."""
    from assetmap.ui.workers import run_task

    if w.project is None:
        return None
    if options is None:
        dlg = LocatorDialog(w.project, w)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        options = dlg.chosen
    project = w.project
    title = QCoreApplication.translate("LocatorDialog", "Add address locator")

    def work(ctx):
        from assetmap.geocode.locators import add_locator

        o = dict(options)
        return add_locator(project, o.pop("name"), o.pop("source"), ctx=ctx, **o)

    def done(result) -> None:
        w.locator_report = "\n".join(result.lines())
        box = QMessageBox(QMessageBox.Icon.Information, title, w.locator_report, QMessageBox.StandardButton.Ok, w)
        box.open()
        w.locator_report_box = box

    return run_task(w, title, work, on_done=done)
