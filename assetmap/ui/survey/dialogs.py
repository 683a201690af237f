"""Dialogs of the survey lead: field packages, merge results and conflicts, summary."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from assetmap.layers import LayerRole


def area_choices(project) -> list[tuple[str, str]]:
    """(id, name) of the first areas layer's features, sorted by name."""
    areas = project.layers_by_role(LayerRole.AREAS)
    if not areas:
        return []
    info = areas[0]
    extra = info.extra or {}
    id_field, name_field = extra.get("id_field"), extra.get("name_field")
    gdf = project.read_layer(info.name)
    if not id_field or id_field not in gdf:
        return []
    names = gdf[name_field] if name_field in gdf else gdf[id_field]
    from assetmap.survey.pack import id_text

    return sorted(zip(id_text(gdf[id_field]), (str(n) for n in names)), key=lambda p: p[1])


class PackDialog(QDialog):
    """Who the package is for, which blocks, and where to write it."""

    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Make a field package"))
        form = QFormLayout(self)
        intro = QLabel(self.tr("A field package is a small project file for one volunteer: the form, their "
                               "neighbourhoods and the base map. Give it to them on a USB stick or by e-mail; "
                               "merge it back when they are done."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.surveyor = QLineEdit()
        self.surveyor.setAccessibleName(self.tr("Volunteer's name"))
        form.addRow(self.tr("&Volunteer's name:"), self.surveyor)
        self.areas = QListWidget()
        self.areas.setAccessibleName(self.tr("Neighbourhoods for this volunteer"))
        self.areas.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for area_id, name in area_choices(project):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, area_id)
            self.areas.addItem(item)
        form.addRow(self.tr("&Neighbourhoods (none chosen = all):"), self.areas)
        from assetmap.ui.survey.reference_layer import ReferenceChooser

        self.reference = ReferenceChooser(project, self)
        form.addRow(self.tr("S&treets to show:"), self.reference)
        row = QHBoxLayout()
        self.out = QLineEdit()
        self.out.setAccessibleName(self.tr("Package file"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        from assetmap.ui.accessible import BuddyLabel

        save_as = BuddyLabel(self.tr("&Save as:"))  # a row of widgets: the label needs its buddy set
        save_as.setBuddy(self.out)
        form.addRow(save_as, row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        form.addRow(self.message)
        form.addRow(self.buttons)

    def _browse(self):
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the field package"),
                                              f"{self.surveyor.text().strip() or 'volunteer'}.gpkg",
                                              self.tr("Field package (*.gpkg)"))
        if path:
            self.out.setText(path if path.endswith(".gpkg") else path + ".gpkg")

    def _accept(self):
        if not self.surveyor.text().strip():
            self.message.setText(self.tr("Type the volunteer's name: it goes with every entry they make."))
            return
        if not self.out.text().strip():
            self.message.setText(self.tr("Choose where to save the package."))
            return
        self.accept()

    def values(self) -> dict:
        ids = [i.data(Qt.ItemDataRole.UserRole) for i in self.areas.selectedItems()]
        return {"surveyor": self.surveyor.text().strip(), "out": self.out.text().strip(), "areas": ids or None}


class ConflictsDialog(QDialog):
    """One row per differing answer; the lead keeps the project's or the package's version."""

    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("Merge conflicts"))
        self.resize(760, 420)
        lay = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Conflicting answers"))
        self.table.setHorizontalHeaderLabels([self.tr("Entry"), self.tr("Question"), self.tr("In the project"),
                                              self.tr("In the package"), self.tr("Package by")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.keep_project = QPushButton(self.tr("Keep the &project's version"))
        self.keep_package = QPushButton(self.tr("Keep the p&ackage's version"))
        self.keep_project.clicked.connect(lambda: self.resolve("project"))
        self.keep_package.clicked.connect(lambda: self.resolve("package"))
        row.addWidget(self.keep_project)
        row.addWidget(self.keep_package)
        row.addStretch(1)
        close = QPushButton(self.tr("&Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        lay.addLayout(row)
        self.reload()

    def reload(self) -> None:
        from assetmap.survey.merge import pending_conflicts

        self.conflicts = pending_conflicts(self.project)
        self.table.setRowCount(0)
        for c in self.conflicts:
            name = c.project.get("asset_name") or c.package.get("asset_name") or c.uuid[:8]
            for f in c.fields:
                r = self.table.rowCount()
                self.table.insertRow(r)
                if f == "deleted":
                    ours = self.tr("deleted") if c.project_deleted else self.tr("kept")
                    theirs = self.tr("deleted") if c.package_deleted else self.tr("kept")
                else:
                    ours, theirs = c.project.get(f), c.package.get(f)
                for col, text in enumerate([str(name), f, _show(ours), _show(theirs), c.package_surveyor]):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, c.id)
                    self.table.setItem(r, col, item)
        n = len(self.conflicts)
        self.intro.setText(self.tr("Nothing has been overwritten. Choose which version to keep for each entry.")
                           if n else self.tr("No conflicts are waiting."))
        for b in (self.keep_project, self.keep_package):
            b.setEnabled(bool(n))
        if n:
            # Through the selection model: the view's selectRow follows the keyboard modifiers, and
            # with Ctrl held it toggled the row off, leaving Keep… with nothing to act on.
            self.table.selectionModel().setCurrentIndex(
                self.table.model().index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def resolve(self, keep: str) -> None:
        from assetmap.survey.merge import resolve_conflict

        items = self.table.selectedItems()
        row = items[0].row() if items else self.table.currentRow()
        if row < 0 or self.table.item(row, 0) is None:
            return
        cid = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        conflict = next(c for c in self.conflicts if c.id == cid)
        resolve_conflict(self.project, conflict, keep=keep)
        self.reload()


def _show(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


class TextReportDialog(QDialog):
    """A plain report (merge, import, summary) the lead can read and copy."""

    def __init__(self, title: str, text: str, parent=None, extra_button: QPushButton | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 420)
        lay = QVBoxLayout(self)
        self.text = QPlainTextEdit(text)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(title)
        lay.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if extra_button is not None:
            buttons.addButton(extra_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)
