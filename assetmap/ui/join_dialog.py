"""Layer › Join table…: add a table's columns (population, census estimates) to a layer.

The dialog chooses the layer, the table file and the two keys; Join reads and matches on a
worker (progress, Cancel), then pushes the undoable ``JoinTable`` and shows the report in the
dialog: matched rows, rows with no match on either side, duplicate keys, by key.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout,
                               QWidget)

from assetmap.errors import UserError

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")


class JoinDialog(QDialog):
    def __init__(self, window, layer: str | None = None):
        super().__init__(window)
        self.window_ = window
        self.project = window.project
        self.task = None
        self.report = None
        self.setWindowTitle(self.tr("Join a table to a layer"))
        self.setAccessibleName(self.tr("Join a table to a layer"))
        self.setMinimumWidth(560)
        form = QFormLayout()
        self.layer = QComboBox()
        self.layer.setAccessibleName(self.tr("Layer"))
        for info in self.project.layers():
            if info.role.value not in ("aggregate",):
                self.layer.addItem(info.display_name, info.name)
        if layer is not None and self.layer.findData(layer) >= 0:
            self.layer.setCurrentIndex(self.layer.findData(layer))
        form.addRow(self.tr("&Layer:"), self.layer)
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Table file"))
        self.path.setPlaceholderText(self.tr("CSV, Excel (.xlsx) or dBASE (.dbf)"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Choose the table file"))
        browse.clicked.connect(self._browse)
        h.addWidget(self.path, 1)
        h.addWidget(browse)
        form.addRow(self.tr("&Table:"), row)
        # A census table is often a multi-sheet workbook or a Latin-1 CSV: say which, when it is one.
        self.sheet = QComboBox()
        self.sheet.setAccessibleName(self.tr("Sheet of the workbook"))
        form.addRow(self.tr("&Sheet:"), self.sheet)
        self.encoding = QComboBox()
        self.encoding.setAccessibleName(self.tr("Text encoding of the table"))
        # Python codecs; None tries UTF-8, then Windows-1252, as `assetmap join` does.
        for label, code in ((self.tr("Automatic (UTF-8, else Windows-1252)"), None), ("UTF-8", "utf-8-sig"),
                            (self.tr("Latin-1 (ISO-8859-1)"), "latin-1"),
                            (self.tr("Windows-1252 (Western European)"), "cp1252"), ("UTF-16", "utf-16"),
                            ("Mac Roman", "mac_roman")):
            self.encoding.addItem(label, code)
        form.addRow(self.tr("E&ncoding:"), self.encoding)
        self.form = form
        self._show_table_options("")
        self.layer_key = QComboBox()
        self.layer_key.setAccessibleName(self.tr("Key field of the layer"))
        form.addRow(self.tr("Layer &key:"), self.layer_key)
        self.table_key = QComboBox()
        self.table_key.setEditable(True)
        self.table_key.setAccessibleName(self.tr("Key column of the table"))
        form.addRow(self.tr("Table k&ey:"), self.table_key)
        self.result_box = QPlainTextEdit()
        self.result_box.setReadOnly(True)
        self.result_box.setAccessibleName(self.tr("Join report"))
        self.result_box.setPlaceholderText(self.tr(
            "Keys are matched whatever their case, leading zeros or blanks, and with or without a "
            "census prefix such as 1400000US. The report of what matched appears here."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.join_button = self.buttons.addButton(self.tr("&Join"), QDialogButtonBox.ButtonRole.ActionRole)
        self.join_button.setAccessibleName(self.tr("Join the table"))
        self.join_button.clicked.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.problem)
        lay.addWidget(self.result_box, 1)
        lay.addWidget(self.buttons)
        self.layer.currentIndexChanged.connect(self._fill_layer_keys)
        self.path.editingFinished.connect(self._table_chosen)
        self.sheet.currentIndexChanged.connect(self._fill_table_keys)
        self.encoding.currentIndexChanged.connect(self._fill_table_keys)
        self._fill_layer_keys()

    # ------------------------------------------------------------------ choices
    def _fill_layer_keys(self) -> None:
        self.layer_key.clear()
        name = self.layer.currentData()
        if not name:
            return
        fields = self.project.layer_fields(name)  # from the layer's schema, on either backend
        self.layer_key.addItems(fields)
        id_field = self.project.layer(name).extra.get("id_field")
        if id_field in fields:
            self.layer_key.setCurrentText(id_field)
        self._match_keys()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Table to join"), "",
                                              self.tr("Tables (*.csv *.tsv *.txt *.xlsx *.dbf)"))
        if path:
            self.set_table(path)

    def set_table(self, path: str | Path) -> None:
        self.path.setText(str(path))
        self._table_chosen()

    def _show_table_options(self, suffix: str) -> None:
        self.form.setRowVisible(self.sheet, suffix in EXCEL_SUFFIXES)
        self.form.setRowVisible(self.encoding, suffix in TEXT_SUFFIXES)

    def _table_chosen(self) -> None:
        """A new file: offer its sheets (a workbook) or encodings (a text table), then its columns."""
        from assetmap.join.table import sheet_names

        text = self.path.text().strip()
        suffix = Path(text).suffix.lower() if text else ""
        self._show_table_options(suffix)
        self.sheet.blockSignals(True)
        self.sheet.clear()
        if suffix in EXCEL_SUFFIXES and Path(text).is_file():
            try:
                self.sheet.addItems(sheet_names(text))
            except UserError as exc:
                self.sheet.blockSignals(False)
                self._say(exc.message)
                return
        self.sheet.blockSignals(False)
        self._fill_table_keys()

    def table_options(self) -> dict:
        """The sheet and encoding chosen, as ``read_table`` takes them (None: its default)."""
        suffix = Path(self.path.text().strip()).suffix.lower()
        return {"sheet": (self.sheet.currentText() or None) if suffix in EXCEL_SUFFIXES else None,
                "encoding": self.encoding.currentData() if suffix in TEXT_SUFFIXES else None}

    def _fill_table_keys(self) -> None:
        from assetmap.join import read_table

        self.table_key.clear()
        text = self.path.text().strip()
        if not text:
            return
        try:
            # the header only: no wait
            columns = list(read_table(Path(text), nrows=5, **self.table_options()).columns)
        except UserError as exc:
            self._say(exc.message)
            return
        self._say("")
        self.table_key.addItems([str(c) for c in columns])
        self._match_keys()

    def _match_keys(self) -> None:
        """Preselect the table column named like the layer's key."""
        key = self.layer_key.currentText().casefold()
        for i in range(self.table_key.count()):
            if self.table_key.itemText(i).casefold() == key:
                self.table_key.setCurrentIndex(i)
                return

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # ------------------------------------------------------------------ the join
    def run(self):
        """Read and match on a worker; on success push the undoable join and show the report."""
        from assetmap.join import plan_join, read_table
        from assetmap.join.command import JoinTable
        from assetmap.ui.workers import run_task

        layer = self.layer.currentData()
        path = Path(self.path.text().strip())
        lkey, tkey = self.layer_key.currentText(), self.table_key.currentText().strip()
        if not layer or not self.path.text().strip() or not lkey or not tkey:
            self._say(self.tr("Choose the layer, the table file and the key on each side."))
            return None
        self._say("")
        project = self.project
        options = self.table_options()

        def work(ctx):
            ctx.progress(0.1, self.tr("Reading {0}").format(path.name))
            table = read_table(path, **options)
            ctx.progress(0.4, self.tr("Matching keys"))
            gdf = project.read_layer(layer)
            plan = plan_join(gdf, table, lkey, tkey, layer_name=layer, table_name=path.name)
            ctx.check()
            return plan

        def done(plan):
            w = self.window_
            w.stack.push(JoinTable(project, plan, path.name, w.session.stash))
            self.report = plan.report
            self.result_box.setPlainText("\n".join(plan.report.lines()))
            w.statusBar().showMessage(self.tr("Joined {0}: {1} of {2} rows matched").format(
                path.name, plan.report.matched, plan.report.layer_rows), 8000)

        self.task = run_task(self, self.tr("Join table"), work, on_done=done)
        return self.task


def open_join_dialog(window) -> JoinDialog | None:
    if window.project is None:
        from PySide6.QtCore import QCoreApplication

        tr = QCoreApplication.translate
        QMessageBox.information(window, tr("JoinDialog", "Join table"),
                                tr("JoinDialog", "Open or create a project first, then join a table to one of "
                                                 "its layers."))
        return None
    dlg = JoinDialog(window, window.layers_panel.current_name())
    dlg.show()
    return dlg
