"""File › Export map…: where to, format, page size (A4, Letter… or custom mm/in/px), orientation,
resolution, title and which layers: the choices of ``assetmap map`` in one dialog."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSpinBox)

from assetmap.errors import UserError
from assetmap.ui.accessible import buddy_label, name_buttons

MM_PER_IN = 25.4
# name → (width, height) in mm, portrait
PAGES = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4), "Legal": (215.9, 355.6), "A3": (297.0, 420.0),
         "Tabloid": (279.4, 431.8)}
PAGE_LABELS = {"A4": QT_TRANSLATE_NOOP("ExportMapDialog", "A4 (210 × 297 mm)"),
               "Letter": QT_TRANSLATE_NOOP("ExportMapDialog", "Letter (8.5 × 11 in)"),
               "Legal": QT_TRANSLATE_NOOP("ExportMapDialog", "Legal (8.5 × 14 in)"),
               "A3": QT_TRANSLATE_NOOP("ExportMapDialog", "A3 (297 × 420 mm)"),
               "Tabloid": QT_TRANSLATE_NOOP("ExportMapDialog", "Tabloid (11 × 17 in)"),
               "custom": QT_TRANSLATE_NOOP("ExportMapDialog", "Custom size")}
FORMATS = {"pdf": QT_TRANSLATE_NOOP("ExportMapDialog", "PDF document"),
           "png": QT_TRANSLATE_NOOP("ExportMapDialog", "PNG image"),
           "html": QT_TRANSLATE_NOOP("ExportMapDialog", "Interactive web page (HTML, works offline)")}
UNITS = {"mm": QT_TRANSLATE_NOOP("ExportMapDialog", "millimetres"),
         "in": QT_TRANSLATE_NOOP("ExportMapDialog", "inches"),
         "px": QT_TRANSLATE_NOOP("ExportMapDialog", "pixels")}
# The limits of `assetmap map` (cli/map_cmds.py).
MIN_IN, MAX_IN, MIN_DPI, MAX_DPI = 0.5, 100.0, 36, 1200


@dataclass
class ExportOptions:
    out: Path
    layers: list[str]
    title: str
    width_in: float
    height_in: float
    dpi: int


def page_inches(page: str, landscape: bool, custom: tuple[float, float, str] = (0, 0, "mm"),
                dpi: int = 150) -> tuple[float, float]:
    """(width, height) in inches of a named page turned as asked, or of a custom size in mm, in or px."""
    if page == "custom":
        w, h, unit = custom
        per_in = {"mm": MM_PER_IN, "in": 1.0, "px": float(dpi)}[unit]
        return w / per_in, h / per_in
    w, h = (v / MM_PER_IN for v in PAGES[page])
    return (max(w, h), min(w, h)) if landscape else (w, h)


class ExportMapDialog(QDialog):
    def __init__(self, project, visible: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export map"))
        self.setAccessibleName(self.tr("Export map"))
        form = QFormLayout(self)
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("File to write"))
        self.path.setPlaceholderText(self.tr("e.g. partnership-map.pdf"))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.setAccessibleName(self.tr("Choose the file to write"))
        self.browse.clicked.connect(self.choose_path)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form.addRow(buddy_label(self.tr("&File"), self.path), row)
        self.format = self._combo(self.tr("Format"), FORMATS)
        form.addRow(buddy_label(self.tr("F&ormat"), self.format), self.format)
        self.page = self._combo(self.tr("Page size"), PAGE_LABELS)
        self.page.setCurrentIndex(self.page.findData("Letter"))
        form.addRow(buddy_label(self.tr("&Page size"), self.page), self.page)
        self.orientation = QComboBox()
        self.orientation.setAccessibleName(self.tr("Orientation"))
        self.orientation.addItem(self.tr("Landscape"), True)
        self.orientation.addItem(self.tr("Portrait"), False)
        form.addRow(buddy_label(self.tr("Orie&ntation"), self.orientation), self.orientation)
        self.width, self.height = QDoubleSpinBox(), QDoubleSpinBox()
        for spin, name in ((self.width, self.tr("Custom width")), (self.height, self.tr("Custom height"))):
            spin.setRange(1, 100000)
            spin.setDecimals(1)
            spin.setAccessibleName(name)
        self.width.setValue(279.4)
        self.height.setValue(215.9)
        self.unit = self._combo(self.tr("Unit of the custom size"), UNITS)
        size_row = QHBoxLayout()
        size_row.addWidget(self.width, 1)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height, 1)
        size_row.addWidget(self.unit)
        form.addRow(buddy_label(self.tr("Custom si&ze"), self.width), size_row)
        self.dpi = QSpinBox()
        self.dpi.setRange(MIN_DPI, MAX_DPI)
        self.dpi.setValue(150)
        self.dpi.setSuffix(" " + self.tr("dpi"))
        self.dpi.setAccessibleName(self.tr("Resolution in dots per inch"))
        form.addRow(buddy_label(self.tr("&Resolution"), self.dpi), self.dpi)
        self.size_note = QLabel()
        self.size_note.setAccessibleName(self.tr("Size of the result"))
        form.addRow("", self.size_note)
        self.title = QLineEdit(project.title)
        self.title.setAccessibleName(self.tr("Map title"))
        form.addRow(buddy_label(self.tr("&Title"), self.title), self.title)
        self.layers = QListWidget()
        self.layers.setAccessibleName(self.tr("Layers on the map"))
        self.layers.setToolTip(self.tr("Tick the layers to put on the map; the top one is drawn on top."))
        for info in project.layers():
            item = QListWidgetItem(info.display_name)
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if info.name in visible else Qt.CheckState.Unchecked)
            self.layers.addItem(item)
        self.layers.setMinimumWidth(min(640, self.layers.sizeHintForColumn(0) + 40))
        self.layers.setMaximumHeight(max(80, min(8, self.layers.count()) * self.layers.sizeHintForRow(0) + 8))
        form.addRow(buddy_label(self.tr("&Layers"), self.layers), self.layers)
        self.note = QLabel(self.tr("A background map (online tiles or an MBTiles file) is not part of the "
                                   "export: the exported map works without internet."))
        self.note.setWordWrap(True)
        form.addRow("", self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Export"))
        name_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.options: ExportOptions | None = None
        self.error = None
        for signal in (self.format.currentIndexChanged, self.page.currentIndexChanged,
                       self.orientation.currentIndexChanged, self.unit.currentIndexChanged,
                       self.width.valueChanged, self.height.valueChanged, self.dpi.valueChanged):
            signal.connect(self._update)
        self.format.currentIndexChanged.connect(self._format_to_path)
        self.path.textChanged.connect(self._path_to_format)
        self._update()

    def _combo(self, name: str, labels: dict[str, str]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        for key, text in labels.items():
            combo.addItem(self.tr(text), key)
        return combo

    # ------------------------------------------------------------ keeping the fields consistent
    def _format_to_path(self, *_):
        text = self.path.text().strip()
        if text:
            p = Path(text)
            wanted = "." + self.format.currentData()
            if p.suffix.lower() != wanted:
                self.path.setText(str(p.with_suffix(wanted)))

    def _path_to_format(self, text: str) -> None:
        i = self.format.findData(Path(text.strip()).suffix.lower().lstrip("."))
        if i >= 0 and i != self.format.currentIndex():
            self.format.setCurrentIndex(i)

    def inches(self) -> tuple[float, float]:
        return page_inches(self.page.currentData(), self.orientation.currentData(),
                           (self.width.value(), self.height.value(), self.unit.currentData()), self.dpi.value())

    def _update(self, *_):
        printed = self.format.currentData() != "html"
        custom = self.page.currentData() == "custom"
        for w in (self.page, self.dpi):
            w.setEnabled(printed)
        self.orientation.setEnabled(printed and not custom)
        for w in (self.width, self.height, self.unit):
            w.setEnabled(printed and custom)
        if not printed:
            self.size_note.setText(self.tr("A web page fits any screen: size and resolution don't apply."))
            return
        w_in, h_in = self.inches()
        dpi = self.dpi.value()
        self.size_note.setText(self.tr("{0} × {1} mm, {2} × {3} pixels").format(
            round(w_in * MM_PER_IN), round(h_in * MM_PER_IN), round(w_in * dpi), round(h_in * dpi)))

    def choose_path(self) -> None:
        filters = ["PDF (*.pdf)", self.tr("PNG image") + " (*.png)", self.tr("Web page") + " (*.html)"]
        current = filters[self.format.currentIndex()]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export map"), self.path.text(), ";;".join(filters),
                                              current)
        if path:
            self.path.setText(path)
            self._format_to_path()

    # ------------------------------------------------------------ result
    def checked_layers(self) -> list[str]:
        return [self.layers.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.layers.count())
                if self.layers.item(i).checkState() == Qt.CheckState.Checked]

    def read_options(self) -> ExportOptions:
        """What the dialog shows, checked as ``assetmap map`` checks it (UserError if not usable)."""
        text = self.path.text().strip()
        if not text:
            raise UserError(self.tr("No file is chosen to export to."),
                            self.tr("Type a file name or use Browse…."))
        out = Path(text).expanduser()
        if not out.suffix:
            out = out.with_suffix("." + self.format.currentData())
        if out.suffix.lower() not in (".pdf", ".png", ".html"):
            raise UserError(self.tr("Can't export a map as '{0}'.").format(out.suffix),
                            self.tr("Name the file .pdf, .png or .html."))
        if not out.parent.is_dir():
            raise UserError(self.tr("The folder {0} does not exist.").format(out.parent),
                            self.tr("Choose a folder that exists."))
        layers = self.checked_layers()
        if not layers:
            raise UserError(self.tr("No layer is ticked."), self.tr("Tick at least one layer to put on the map."))
        w_in, h_in = self.inches()
        if not (MIN_IN <= w_in <= MAX_IN and MIN_IN <= h_in <= MAX_IN):
            raise UserError(self.tr("The page is {0:.1f} × {1:.1f} inches: too small or too large.").format(w_in, h_in),
                            self.tr("Use a size between 13 mm and 2.5 m (0.5 to 100 inches) on each side."))
        return ExportOptions(out, layers, self.title.text().strip(), w_in, h_in, self.dpi.value())

    def accept(self) -> None:
        try:
            self.options = self.read_options()
        except UserError as exc:
            from assetmap.ui.workers import error_box

            self.error = error_box(self, exc.message, exc.hint, title=self.tr("Export map"))
            self.error.open()
            return
        super().accept()
