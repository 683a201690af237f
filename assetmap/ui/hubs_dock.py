"""The Hubs dock: list, add, edit, move and delete resource hubs; every change is an
undoable command on the window's CommandStack (the dock never implements undo).

The map view wires itself in two ways (main_window owns that): it calls
``place_pending(lon, lat)`` when the user clicks the map after "Add" or "Move",
and it listens to ``hubs_changed`` to redraw. Confidential hubs are listed for
their editor with a lock and no position, and are never handed to the map.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDockWidget, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from assetmap.commands import CommandStack
from assetmap.errors import UserError
from assetmap.hubs import commands, directory
from assetmap.hubs.directory import ServiceSpec, is_true
from assetmap.hubs.taxonomy import categories
from assetmap.ui.accessible import add_dock_help, buddy_label, name_buttons


class HubForm(QDialog):
    """Name, organisation, one service category, phone, hours, eligibility, confidential."""

    def __init__(self, parent=None, cats: dict | None = None, values: dict | None = None, with_service=True):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resource hub"))
        self.setAccessibleName(self.tr("Resource hub"))
        values = values or {}
        form = QFormLayout(self)
        self.name = QLineEdit(values.get("name", ""))
        self.organization = QLineEdit(values.get("organization", ""))
        self.phone = QLineEdit(values.get("phone", ""))
        # HSDS 3 needs an address in parts (street, city, state, postal code) to export it.
        self.address = QLineEdit(values.get("address", ""))
        self.address.setPlaceholderText(self.tr("4200 Labadie Ave"))
        self.city = QLineEdit(values.get("city", ""))
        self.state = QLineEdit(values.get("state_province", ""))
        self.state.setPlaceholderText(self.tr("MO"))
        self.postal_code = QLineEdit(values.get("postal_code", ""))
        self.hours = QLineEdit(values.get("hours", ""))
        self.hours.setPlaceholderText(self.tr("Mon-Fri 9am-5pm"))
        self.eligibility = QLineEdit(values.get("eligibility", ""))
        self.confidential = QCheckBox(self.tr("&Confidential (never drawn or exported, e.g. a DV shelter)"))
        self.confidential.setAccessibleName(self.tr("Confidential"))
        self.confidential.setChecked(bool(values.get("confidential")))
        self.category = QComboBox()
        rows = [(self.tr("&Name"), self.tr("Name"), self.name),
                (self.tr("&Organisation"), self.tr("Organisation"), self.organization)]
        if with_service:
            self.category.addItem(self.tr("(no service yet)"), "")
            for code, row in (cats or categories()).items():
                self.category.addItem(row["label"], code)
            rows.append((self.tr("&Service offered"), self.tr("Service offered"), self.category))
        if with_service:  # a new hub: where it is (editing keeps name and confidentiality only)
            rows += [(self.tr("Street &address"), self.tr("Street address"), self.address),
                     (self.tr("Cit&y"), self.tr("City"), self.city),
                     (self.tr("S&tate"), self.tr("State"), self.state),
                     (self.tr("Postal code (&ZIP)"), self.tr("Postal code"), self.postal_code)]
        rows += [(self.tr("&Phone"), self.tr("Phone"), self.phone), (self.tr("H&ours"), self.tr("Hours"), self.hours),
                 (self.tr("&Eligibility"), self.tr("Eligibility"), self.eligibility)]
        for text, name, widget in rows:
            label = buddy_label(text, widget)
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        form.addRow(self.confidential)
        # the category combo is made before the fields it sits between on screen
        for a, b in zip([w for _, _, w in rows], [w for _, _, w in rows][1:] + [self.confidential]):
            QWidget.setTabOrder(a, b)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class HubsDock(QDockWidget):
    hubs_changed = Signal()
    pick_requested = Signal(str)   # "add" or "move": the map should ask for a click
    pick_cancelled = Signal()      # the checked Add… or Move pressed again: the map gives up its pick
    error = Signal(str)

    def __init__(self, project, stack: CommandStack, parent=None, load: bool = True):
        """``load=False``: the directory is read when the dock is first shown or ``ensure_loaded``
        (the window's docks, hidden at start-up: the first map is drawn without reading it)."""
        super().__init__(self.tr("Resource hubs"), parent)
        self.setObjectName("HubsDock")
        self.setAccessibleName(self.tr("Resource hubs panel"))
        self.project = project
        self.stack = stack
        self._pending: tuple[str, object] | None = None
        body = QWidget()
        body.setAccessibleName(self.tr("Resource hubs panel"))
        layout = QVBoxLayout(body)
        self.help = add_dock_help(
            self, layout,
            self.tr("Resource hubs are places that help families: food pantries, clinics, family centres, "
                    "after-school programmes.\n\n"
                    "Press Add…, fill in the hub's name and service, then click the map where it is. "
                    "Choose a hub in the list to edit, move (then click its new place) or delete it. "
                    "Tick Confidential for places that must stay secret, such as a DV shelter: they are "
                    "never drawn or exported."),
            self.tr("No hubs yet: press Add… to put the first one on the map."))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Resource hubs"))
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Hubs status"))
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.move_button = QPushButton(self.tr("Move"))
        self.delete_button = QPushButton(self.tr("Delete"))
        for b, name in ((self.add_button, self.tr("Add a hub")), (self.edit_button, self.tr("Edit the chosen hub")),
                        (self.move_button, self.tr("Move the chosen hub")),
                        (self.delete_button, self.tr("Delete the chosen hub"))):
            b.setAccessibleName(name)
            b.setToolTip(name)
            buttons.addWidget(b)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.setWidget(body)
        for b in (self.add_button, self.move_button):  # checked while their map pick waits for a click
            b.setCheckable(True)
        self.add_button.clicked.connect(self.start_add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.move_button.clicked.connect(self.start_move)
        self.delete_button.clicked.connect(self.delete_selected)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        from assetmap.session import HubsChanged
        from assetmap.ui.session_qt import subscribe

        subscribe(stack.hub, self, HubsChanged, lambda _event: self.refresh())
        self.form_factory = HubForm   # tests replace it to answer the dialog
        self._loaded = False
        if load:
            self.refresh()

    # ------------------------------------------------------------------ list
    def ensure_loaded(self) -> None:
        """The list as the directory has it, read now unless it has been read before."""
        if not self._loaded:
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.ensure_loaded()
        super().showEvent(event)

    def refresh(self) -> None:
        d = directory.load(self.project)
        self._loaded = True
        current = self.selected_id()
        self.list.clear()
        cats = d.hub_categories(public_only=True)
        for _, hub in d["locations"].iterrows():
            secret = is_true(hub["confidential"])
            label = ("🔒 " if secret else "") + hub["name"]
            if not secret and not hub["latitude"]:
                label += "  " + self.tr("(no position)")
            if cats.get(hub["id"]):
                label += "  —  " + ", ".join(sorted(cats[hub["id"]]))
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, hub["id"])
            self.list.addItem(item)
            if hub["id"] == current:
                self.list.setCurrentItem(item)
        self.help.set_empty(self.list.count() == 0)
        self._update_buttons()
        self.hubs_changed.emit()

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        for b in (self.edit_button, self.move_button, self.delete_button):
            b.setEnabled(has)

    def _push(self, make) -> bool:
        try:
            self.stack.push(make())
        except UserError as exc:
            self.status.setText(str(exc))
            self.error.emit(str(exc))
            return False
        self.status.setText("")
        return True

    # ------------------------------------------------------------------ actions
    def _show_pending(self) -> None:
        """Add… or Move is checked while its click is awaited, and only then."""
        kind = self._pending[0] if self._pending is not None else None
        self.add_button.setChecked(kind == "add")
        self.move_button.setChecked(kind == "move")

    def _give_up(self, kind: str) -> bool:
        """The checked button pressed again: the pick ends (as Esc would)."""
        if self._pending is None or self._pending[0] != kind:
            return False
        self.pick_cancelled.emit()
        self.cancel_pending()   # nothing listening (the dock on its own): it ends here
        return True

    def start_add(self) -> None:
        if self._give_up("add"):
            return
        self._show_pending()   # not checked while the form is open
        form = self.form_factory(self, categories(self.project))
        if form.exec() != QDialog.DialogCode.Accepted:
            self._show_pending()
            return
        self._await("add", form, self.tr("Click the map where the hub is."))

    def start_move(self) -> None:
        if self._give_up("move"):
            return
        if self.selected_id():
            self._await("move", self.selected_id(), self.tr("Click the hub's new place on the map."))
        self._show_pending()

    def _await(self, kind: str, what, text: str) -> None:
        self.pick_requested.emit(kind)   # first: a pick already waiting ends (and is cancelled)
        self._pending = (kind, what)
        self.status.setText(text)
        self._show_pending()

    def place_pending(self, lon: float, lat: float) -> bool:
        """The map's click after Add or Move (WGS 84)."""
        if self._pending is None:
            return False
        kind, what = self._pending
        self._pending = None
        self._show_pending()
        if kind == "move":
            return self._push(lambda: commands.move_hub(self.project, what, lon, lat))
        form = what
        code = form.category.currentData() if form.category.count() else ""
        secret = form.confidential.isChecked()
        services = [ServiceSpec(form.category.currentText(), code, confidential=secret)] if code else []
        return self._push(lambda: commands.add_hub(
            self.project, form.name.text(), lon, lat, organization=form.organization.text(), services=services,
            phone=form.phone.text(), hours=form.hours.text(), eligibility=form.eligibility.text(),
            address=form.address.text(), city=form.city.text(), state_province=form.state.text(),
            postal_code=form.postal_code.text(), confidential=secret))

    def cancel_pending(self) -> None:
        """The map's place-a-hub tool ended before a click (another tool, Esc): nothing is placed."""
        if self._pending is not None:
            self._pending = None
            self.status.setText(self.tr("Not placed: press Add… or Move again to place it."))
        self._show_pending()

    def edit_selected(self) -> None:
        hub_id = self.selected_id()
        if not hub_id:
            return
        hub = directory.load(self.project).hub(hub_id)
        form = self.form_factory(self, None, {"name": hub["name"], "confidential": is_true(hub["confidential"])},
                                 with_service=False)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        self._push(lambda: commands.edit_hub(self.project, hub_id, name=form.name.text(),
                                             confidential=form.confidential.isChecked()))

    def delete_selected(self) -> None:
        hub_id = self.selected_id()
        if hub_id:
            self._push(lambda: commands.delete_hub(self.project, hub_id))
