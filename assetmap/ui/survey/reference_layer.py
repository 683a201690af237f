"""Which street layer volunteers see in survey mode (and their field packages carry marked).

The app's face of ``assetmap survey reference``: Survey › Streets for volunteers…, and the same
choice in the field-package dialog. Only public line layers are offered (a package carries no
other); the change is undoable (``survey.commands.SetReferenceLayers``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel

from assetmap.errors import UserError


class ReferenceChooser(QComboBox):
    """"No streets" or one of the project's public line layers; starts on the one marked now."""

    def __init__(self, project, parent=None):
        super().__init__(parent)
        from assetmap.survey.whereabouts import marked_references, reference_candidates

        self.setAccessibleName(self.tr("Streets shown to volunteers"))
        self.addItem(self.tr("(no street layer)"), None)
        for info in reference_candidates(project):
            self.addItem(info.display_name or info.name, info.name)
        marked = [i for i in (self.findData(n) for n in marked_references(project)) if i >= 0]
        self.setCurrentIndex(marked[0] if marked else 0)
        self._start = self.currentIndex()  # several marked (by the CLI) stay so unless a choice is made

    def chosen(self) -> list[str]:
        name = self.currentData()
        return [name] if name else []

    def changed(self) -> bool:
        return self.currentIndex() != self._start


def apply_reference(window, chooser: ReferenceChooser) -> bool:
    """Push the choice on the window's undo stack if it changed; a refusal is shown, not raised."""
    from PySide6.QtWidgets import QMessageBox

    from assetmap.survey.commands import SetReferenceLayers

    if not chooser.changed():
        return True
    try:
        window.stack.push(SetReferenceLayers(window.project, chooser.chosen()))
    except UserError as exc:
        QMessageBox.warning(window, chooser.tr("Can't show this layer to volunteers"), str(exc))
        return False
    window.statusBar().showMessage(
        chooser.tr("Volunteers will see “%1” under their blocks.").replace("%1", chooser.currentText())
        if chooser.chosen() else chooser.tr("Volunteers will see no street layer."), 8000)
    return True


class ReferenceDialog(QDialog):
    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Streets for volunteers"))
        form = QFormLayout(self)
        intro = QLabel(self.tr("Volunteers see their own blocks in survey mode. A street layer drawn under them "
                               "helps them find the door they are at before they pick it on the map. Field "
                               "packages made from now on carry it."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.chooser = ReferenceChooser(project, self)
        if self.chooser.count() == 1:
            none = QLabel(self.tr("The project has no public line layer yet: import a street file "
                                  "(File › Import) first."))
            none.setWordWrap(True)
            form.addRow(none)
        from assetmap.ui.accessible import BuddyLabel

        label = BuddyLabel(self.tr("&Street layer:"))
        label.setBuddy(self.chooser)
        form.addRow(label, self.chooser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(460, self.sizeHint().height())
