"""The Geocode step of File › Import layer: a CSV with addresses and no coordinates, in a project
that has a locator, is placed offline before it is imported. The user picks the locator and the
address column(s), may check the match rate first (in memory, on a worker, with Cancel), then
imports; the layer keeps each point's match type and score. Nothing is written before Import.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from assetmap.ui.address_fields import AddressFields


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
        self.fields = AddressFields()
        cols = header_columns(self.path)
        self.fields.fill(self.project, cols, guess_columns(cols))
        f = self.fields
        self.locator, self.address, self.number, self.street = f.locator, f.address, f.number, f.street
        self.zip = f.zip
        self.check, self.summary = f.check, f.summary
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setAccessibleName(self.tr("Import the placed addresses"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        self.check.clicked.connect(self._check)
        self.fields.changed.connect(self._changed)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.fields)
        lay.addWidget(self.buttons)
        self.resize(520, 380)
        self._changed()

    def columns_spec(self):
        return self.fields.columns_spec()

    def _complete(self) -> bool:
        return self.fields.complete()

    def _changed(self) -> None:
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
                             on_done=lambda lines: self.fields.show_summary(lines, cols))
        return self.task

    def _import(self):
        from assetmap.geocode.layer_import import import_addresses
        from assetmap.ui.layer_tasks import run_layer_task

        w = self.window_
        project, path, role = self.project, self.path, self.role
        locator, cols = self.locator.currentData(), self.columns_spec()

        def done(result) -> None:   # the pushed AddLayers draws the new layer (and Ctrl+Z takes it away)
            w.statusBar().showMessage(result.lines()[0], 8000)
            self.fields.show_summary(result.lines(), cols)
            self.accept()

        self.import_button.setEnabled(False)
        self.task = run_layer_task(w, self.tr("Import"), lambda ctx: import_addresses(
            project, path, role, locator=locator, columns=cols, ctx=ctx), on_done=done,
            text=self.tr("import {0} by address").format(path.name))
        # Failed or cancelled: the dialog stays, to choose other columns or cancel.
        self.task.finished.connect(lambda ok: ok or self.import_button.setEnabled(self._complete()))
        return self.task
