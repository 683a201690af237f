"""Attribute table dock: a model over the layer's features, sortable and filterable;
its selection and the map's highlight follow each other (the main window wires both)."""

from __future__ import annotations

from PySide6.QtCore import (QAbstractTableModel, QItemSelection, QItemSelectionModel, QModelIndex,
                            QSortFilterProxyModel, Qt, Signal)
from PySide6.QtWidgets import QDockWidget, QLineEdit, QTableView, QVBoxLayout, QWidget, QAbstractItemView

from assetmap.ui.accessible import add_dock_help

FID_ROLE = Qt.ItemDataRole.UserRole


class FeatureTableModel(QAbstractTableModel):
    def __init__(self, frame=None, parent=None):
        super().__init__(parent)
        self.set_frame(frame)

    def set_frame(self, frame) -> None:
        self.beginResetModel()
        if frame is None:
            self._cols, self._rows, self._fids, self._numeric = [], [], [], set()
        else:
            self._cols = [c for c in frame.columns if c != frame.geometry.name]
            self._fids = [int(i) for i in frame.index]
            self._rows = frame[self._cols].to_numpy(dtype=object).tolist()
            self._numeric = {i for i, c in enumerate(self._cols)
                             if str(frame[c].dtype).lower().startswith(("int", "float", "uint"))}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._cols)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._cols[section]
        return str(self._fids[section])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        v = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if v is None or (isinstance(v, float) and v != v):
                return ""
            return f"{v:,.2f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v)
        if role == Qt.ItemDataRole.EditRole:  # what sorting compares: numbers as numbers
            if v is None or (isinstance(v, float) and v != v):
                # Missing numbers sort as the smallest (not as "no value", which Qt puts first both ways).
                return float("-inf") if index.column() in self._numeric else ""
            return v.item() if hasattr(v, "item") else v
        if role == FID_ROLE:
            return self._fids[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(v, (int, float)):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_of(self, fid: int) -> int:
        try:
            return self._fids.index(int(fid))
        except ValueError:
            return -1


class AttributeTableDock(QDockWidget):
    selection_changed = Signal(str, list)   # layer, feature ids

    def __init__(self, parent=None):
        super().__init__(self.tr("Attribute table"), parent)
        self.setObjectName("AttributeTableDock")
        self.setAccessibleName(self.tr("Attribute table"))
        self.layer: str | None = None
        self._syncing = False
        w = QWidget()
        w.setAccessibleName(self.tr("Attribute table"))
        lay = QVBoxLayout(w)
        self.help = add_dock_help(
            self, lay,
            self.tr("The table lists every feature of one layer (one row each) with its information.\n\n"
                    "Type in the filter box to keep only rows containing that text. Click a column title to "
                    "sort by it. Select rows to highlight those features on the map; clicking a feature on "
                    "the map selects its row here."),
            self.tr("Choose a layer in the Layers panel and press Table to see its rows here."))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter rows…"))
        self.filter.setAccessibleName(self.tr("Filter rows"))
        self.filter.setClearButtonEnabled(True)
        lay.addWidget(self.filter)
        self.model = FeatureTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.EditRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Features"))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        lay.addWidget(self.view)
        self.setWidget(w)

    def show_layer(self, name: str, title: str, frame) -> None:
        self.layer = name
        self.setWindowTitle(self.tr("Attribute table — {0}").format(title))
        self.help.set_empty(False)
        self._syncing = True
        self.model.set_frame(frame)
        self._syncing = False
        self.view.resizeColumnsToContents()

    def selected_ids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows()
        return sorted({int(self.proxy.data(r, FID_ROLE)) for r in rows})

    def _selection_changed(self, *_):
        if not self._syncing and self.layer:
            self.selection_changed.emit(self.layer, self.selected_ids())

    def select_ids(self, ids: list[int]) -> None:
        """Select these features (from a map click) without echoing back to the map."""
        sel = QItemSelection()
        for fid in ids:
            row = self.model.row_of(fid)
            if row < 0:
                continue
            idx = self.proxy.mapFromSource(self.model.index(row, 0))
            if idx.isValid():
                sel.select(idx, idx)
        self._syncing = True
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.selectionModel().select(sel, flags)
        if ids and not sel.isEmpty():
            self.view.scrollTo(sel.indexes()[0])
        self._syncing = False
