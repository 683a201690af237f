"""The Layers dock: tick to show, drag to reorder, opacity slider, and buttons for style,
attribute table, zoom, rename and remove. It only reports what the user did (signals);
the main window turns that into undoable commands and calls ``set_layers`` to refresh."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDockWidget, QHBoxLayout, QListWidget,
                               QListWidgetItem, QPushButton, QSlider, QVBoxLayout, QWidget)

from assetmap.layers import LayerInfo
from assetmap.ui import sensitivity_icons
from assetmap.ui.accessible import BuddyLabel, add_dock_help

NAME_ROLE = Qt.ItemDataRole.UserRole
SENSITIVITY_ROLE = Qt.ItemDataRole.UserRole + 1


class _LayerList(QListWidget):
    dropped = Signal()

    def dropEvent(self, event):  # noqa: N802 (Qt API)
        super().dropEvent(event)
        self.dropped.emit()


class LayersPanel(QDockWidget):
    visibility_toggled = Signal(str, bool)
    order_changed = Signal(list)            # names, top first
    opacity_changed = Signal(str, float)
    style_requested = Signal(str)
    table_requested = Signal(str)
    zoom_requested = Signal(str)
    rename_requested = Signal(str)
    remove_requested = Signal(str)
    current_changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(self.tr("Layers"), parent)
        self.setObjectName("LayersDock")
        self.setAccessibleName(self.tr("Layers panel"))
        self._updating = False
        w = QWidget()
        w.setAccessibleName(self.tr("Layers panel"))
        lay = QVBoxLayout(w)
        self.help = add_dock_help(
            self, lay,
            self.tr("Everything drawn on the map is a layer: neighbourhood boundaries, community assets, "
                    "resource hubs, report counts.\n\n"
                    "Tick a layer to show it, untick to hide it. Layers higher in the list are drawn on top: "
                    "drag a layer up or down to change that. Choose a layer, then use the buttons to change "
                    "its colours (Style), see its rows (Table), zoom to it, rename or remove it. "
                    "Every change can be undone with Edit › Undo."),
            self.tr("No layers yet: use File › Import layer… or drop a file on the map."))
        self.list = _LayerList()
        self.list.setAccessibleName(self.tr("Layer list"))
        self.list.setAccessibleDescription(self.tr("Tick to show a layer; drag to change the drawing order"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.itemChanged.connect(self._item_changed)
        self.list.dropped.connect(self._emit_order)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemDoubleClicked.connect(lambda it: self.style_requested.emit(it.data(NAME_ROLE)))
        lay.addWidget(self.list)
        row = QHBoxLayout()
        label = BuddyLabel(self.tr("&Opacity"))
        row.addWidget(label)
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setAccessibleName(self.tr("Layer opacity"))
        label.setBuddy(self.opacity)
        self.opacity.valueChanged.connect(self._opacity_moved)
        row.addWidget(self.opacity)
        lay.addLayout(row)
        buttons = QHBoxLayout()
        self.buttons = {}
        for key, text, name, tip, sig in [
            ("style", self.tr("Style…"), self.tr("Style layer"), self.tr("Change the layer's colours and symbols"),
             self.style_requested),
            ("table", self.tr("Table"), self.tr("Table of layer"), self.tr("Show the layer's rows (attribute table)"),
             self.table_requested),
            ("zoom", self.tr("Zoom to"), self.tr("Zoom to layer"), self.tr("Show the whole layer on the map"),
             self.zoom_requested),
            ("rename", self.tr("Rename…"), self.tr("Rename layer"), self.tr("Change the name shown for the layer"),
             self.rename_requested),
            ("remove", self.tr("Remove…"), self.tr("Remove layer"), self.tr("Remove the layer from the project"),
             self.remove_requested)]:
            b = QPushButton(text)
            b.setAccessibleName(name)
            b.setToolTip(tip)
            b.clicked.connect(lambda *_, s=sig: self._emit_current(s))
            buttons.addWidget(b)
            self.buttons[key] = b
        lay.addLayout(buttons)
        self.setWidget(w)
        self._opacities: dict[str, float] = {}

    # ------------------------------------------------------------ view
    def set_layers(self, infos: list[LayerInfo]) -> None:
        """Show the layers (top first), keeping the current selection."""
        current = self.current_name()
        self._updating = True
        self.list.clear()
        from collections import Counter

        # Two layers never look the same: a shared name (from an older project) gets its table name.
        seen = Counter(i.display_name.casefold() for i in infos)
        for info in infos:
            shown = info.display_name if seen[info.display_name.casefold()] == 1 else f"{info.display_name} ({info.name})"
            item = QListWidgetItem(shown)
            item.setData(NAME_ROLE, info.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
            item.setCheckState(Qt.CheckState.Checked if info.visible else Qt.CheckState.Unchecked)
            level = info.sensitivity or "public"
            item.setIcon(sensitivity_icons.icon(level))
            item.setData(SENSITIVITY_ROLE, level)
            item.setToolTip(self.tr("{0} · {1} · {2} features").format(info.name, info.role.value,
                                                                        info.feature_count)
                            + "\n" + sensitivity_icons.tooltip(level))
            self.list.addItem(item)
            self._opacities[info.name] = info.opacity
        self._updating = False
        self.help.set_empty(not infos)
        names = self.names()
        if current in names:
            self.select(current)
        elif names:
            self.select(names[0])
        self._sync_slider()

    def names(self) -> list[str]:
        return [self.list.item(i).data(NAME_ROLE) for i in range(self.list.count())]

    def item(self, name: str) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            if self.list.item(i).data(NAME_ROLE) == name:
                return self.list.item(i)
        return None

    def current_name(self) -> str | None:
        it = self.list.currentItem()
        return it.data(NAME_ROLE) if it else None

    def select(self, name: str) -> None:
        it = self.item(name)
        if it is not None:
            self.list.setCurrentItem(it)

    # ------------------------------------------------------------ user actions
    def _emit_current(self, sig) -> None:
        name = self.current_name()
        if name:
            sig.emit(name)

    def _item_changed(self, item: QListWidgetItem) -> None:
        if not self._updating:
            self.visibility_toggled.emit(item.data(NAME_ROLE), item.checkState() == Qt.CheckState.Checked)

    def _emit_order(self) -> None:
        self.order_changed.emit(self.names())

    def move(self, name: str, row: int) -> None:
        """Move a layer to ``row`` as a drag would (keyboard users and tests)."""
        it = self.item(name)
        if it is None:
            return
        self._updating = True
        self.list.takeItem(self.list.row(it))
        self.list.insertItem(row, it)
        self._updating = False
        self.list.setCurrentItem(it)
        self._emit_order()

    def _current_changed(self, *_):
        self._sync_slider()
        name = self.current_name()
        if name:
            self.current_changed.emit(name)

    def _sync_slider(self) -> None:
        name = self.current_name()
        self.opacity.blockSignals(True)
        self.opacity.setValue(round(100 * self._opacities.get(name, 1.0)) if name else 100)
        self.opacity.setEnabled(bool(name))
        self.opacity.blockSignals(False)

    def _opacity_moved(self, value: int) -> None:
        name = self.current_name()
        if name:
            self._opacities[name] = value / 100.0
            self.opacity_changed.emit(name, value / 100.0)
