"""The Geocode step of File › Import layer: a CSV with addresses and no coordinates, in a project
that has a locator, is placed offline before it is imported. The user picks the locator and the
address column(s), may check the match rate first (in memory, on a worker, with Cancel), then
imports; the layer keeps each point's match type and score. Nothing is written before Import.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout,
)

from assetmap.errors import UserError
from assetmap.ui.accessible import buddy_label


def take_address_tables(w, paths: list[Path], role: str) -> list[Path]:
    """Open the Geocode step for each CSV that has no coordinates while the project has a locator;
    return the other paths, which the ordinary import takes."""
    from assetmap.geocode.layer_import import needs_geocoding
    from assetmap.geocode.locators import list_locators

    if w.project is None or not any(needs_geocoding(p) for p in paths) or not list_locators(w.project):
        return list(paths)
    rest = []
    w.address_import_dialogs = []
    for p in paths:
        if needs_geocoding(p):
            dlg = AddressImportDialog(w, p, role)
            w.address_import_dialogs.append(dlg)
            dlg.open()          # not exec(): the window stays live and tests drive the dialog
        else:
            rest.append(p)
    return rest


class AddressImportDialog(QDialog):
    def __init__(self, window, path: Path, role: str):
        from assetmap.geocode.layer_import import guess_columns, header_columns
        from assetmap.geocode.locators import list_locators

        super().__init__(window)
        self.window_ = window
        self.project = window.project
        self.path = Path(path)
        self.role = role
        self.task = None
        self.setWindowTitle(self.tr("Import {0}: place by address").format(self.path.name))
        intro = QLabel(self.tr("{0} has no longitude/latitude columns. Its addresses can be placed on this "
                               "computer with a locator of the project (nothing is sent anywhere).")
                       .format(self.path.name))
        intro.setWordWrap(True)
        self.locator = QComboBox()
        for info in list_locators(self.project):
            self.locator.addItem(f"{info.name} ({info.kind}, {info.features})", info.name)
        self.address, self.number, self.street = QComboBox(), QComboBox(), QComboBox()
        cols = header_columns(self.path)
        guess = guess_columns(cols)
        for combo, key in ((self.address, "address"), (self.number, "number"), (self.street, "street")):
            combo.addItem(self.tr("(none)"), None)
            for c in cols:
                combo.addItem(c, c)
            if guess[key]:
                combo.setCurrentIndex(combo.findData(guess[key]))
        form = QFormLayout()
        for text, name, widget in ((self.tr("&Locator"), self.tr("Locator"), self.locator),
                                   (self.tr("One-line a&ddress column"), self.tr("Address column"), self.address),
                                   (self.tr("or house &number column"), self.tr("House number column"), self.number),
                                   (self.tr("and &street column"), self.tr("Street column"), self.street)):
            widget.setAccessibleName(name)
            form.addRow(buddy_label(text, widget), widget)
        self.check = QPushButton(self.tr("C&heck the addresses"))
        self.check.setAccessibleName(self.tr("Check the addresses (nothing is stored)"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("geocode_summary")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setAccessibleName(self.tr("Import the placed addresses"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        self.check.clicked.connect(self._check)
        for combo in (self.locator, self.address, self.number, self.street):
            combo.currentIndexChanged.connect(self._changed)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.check)
        lay.addWidget(self.summary)
        lay.addWidget(self.buttons)
        self.resize(520, 320)
        self._changed()

    def columns_spec(self):
        from assetmap.geocode.columns import AddressColumns

        return AddressColumns(address=self.address.currentData(), number=self.number.currentData(),
                              street=self.street.currentData())

    def _complete(self) -> bool:
        try:
            self.columns_spec()
        except UserError:
            return False
        return self.locator.count() > 0

    def _changed(self, *_args) -> None:
        self.summary.clear()
        ok = self._complete()
        self.check.setEnabled(ok)
        self.import_button.setEnabled(ok)

    def _check(self):
        from assetmap.geocode.layer_import import preview
        from assetmap.ui.workers import run_task

        project, path, locator, cols = self.project, self.path, self.locator.currentData(), self.columns_spec()
        self.summary.setText(self.tr("Checking…"))
        self.task = run_task(self, self.tr("Checking the addresses"),
                             lambda ctx: preview(project, path, locator=locator, columns=cols, ctx=ctx),
                             on_done=lambda lines: self.summary.setText("\n".join(lines)))
        return self.task

    def _import(self):
        from assetmap.geocode.layer_import import import_addresses
        from assetmap.ui.layer_tasks import run_layer_task

        w = self.window_
        project, path, role = self.project, self.path, self.role
        locator, cols = self.locator.currentData(), self.columns_spec()

        def done(result) -> None:   # the pushed AddLayers draws the new layer (and Ctrl+Z takes it away)
            w.statusBar().showMessage(result.lines()[0], 8000)
            self.summary.setText("\n".join(result.lines()))
            self.accept()

        self.import_button.setEnabled(False)
        self.task = run_layer_task(w, self.tr("Import"), lambda ctx: import_addresses(
            project, path, role, locator=locator, columns=cols, ctx=ctx), on_done=done,
            text=self.tr("import {0} by address").format(path.name))
        # Failed or cancelled: the dialog stays, to choose other columns or cancel.
        self.task.finished.connect(lambda ok: ok or self.import_button.setEnabled(self._complete()))
        return self.task
