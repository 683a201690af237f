"""Edit › Settings…: language, text size, high contrast and the optional basemap (online XYZ
tiles or an offline MBTiles file; see assetmap/ui/basemap.py).

Text size and contrast apply at once (and at every start); the language applies when assetmap
restarts, because widgets already built keep the text they were made with."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout)

from assetmap.ui import appearance
from assetmap.ui.accessible import buddy_label


class SettingsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        from assetmap.ui import i18n
        from assetmap.ui.window_actions import settings

        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        st = settings()
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.chosen_language())))
        lang_label = buddy_label(self.tr("&Language"), self.language)
        form.addRow(lang_label, self.language)
        note = QLabel(self.tr("A new language applies when assetmap restarts."))
        note.setWordWrap(True)
        form.addRow("", note)

        self.text_size = QComboBox()
        self.text_size.setAccessibleName(self.tr("Text size"))
        for scale in appearance.TEXT_SCALES:
            self.text_size.addItem(appearance.scale_label(scale), scale)
        current = appearance.text_scale()
        nearest = min(appearance.TEXT_SCALES, key=lambda s: abs(s - current))
        self.text_size.setCurrentIndex(self.text_size.findData(nearest))
        size_label = buddy_label(self.tr("&Text size"), self.text_size)
        form.addRow(size_label, self.text_size)

        self.contrast = QCheckBox(self.tr("&High contrast (white on black, yellow focus frame)"))
        self.contrast.setAccessibleName(self.tr("High contrast"))
        self.contrast.setChecked(appearance.high_contrast())
        form.addRow("", self.contrast)

        from assetmap.ui import basemap

        kind, url, mb_path, _credit = basemap.chosen(st)
        self.basemap_kind = QComboBox()
        self.basemap_kind.setAccessibleName(self.tr("Background map"))
        for key, text in (("none", self.tr("None (fully offline)")), ("xyz", self.tr("Map tiles from the internet")),
                          ("mbtiles", self.tr("Map file on this computer (MBTiles)"))):
            self.basemap_kind.addItem(text, key)
        self.basemap_kind.setCurrentIndex(self.basemap_kind.findData(kind))
        form.addRow(buddy_label(self.tr("Back&ground map"), self.basemap_kind), self.basemap_kind)

        self.basemap = QLineEdit(url)
        self.basemap.setAccessibleName(self.tr("Background map address"))
        self.basemap.setPlaceholderText("https://tile.example.org/{z}/{x}/{y}.png")
        self.basemap.setToolTip(self.tr("Optional. Map tiles from the internet drawn under your layers; "
                                        "leave empty to work fully offline."))
        map_label = buddy_label(self.tr("&Background map (XYZ tiles)"), self.basemap)
        form.addRow(map_label, self.basemap)
        self.mbtiles = QLineEdit(mb_path)
        self.mbtiles.setAccessibleName(self.tr("Background map file"))
        self.mbtiles.setPlaceholderText(self.tr("e.g. stlouis.mbtiles"))
        self.mbtiles.setToolTip(self.tr("Optional. A raster MBTiles file drawn under your layers without "
                                        "internet. Not included in exported HTML maps."))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.setAccessibleName(self.tr("Choose background map file"))
        self.browse.clicked.connect(self.choose_mbtiles)
        row = QHBoxLayout()
        row.addWidget(self.mbtiles, 1)
        row.addWidget(self.browse)
        form.addRow(buddy_label(self.tr("Background map &file (MBTiles)"), self.mbtiles), row)
        # Filling in an address or a file is choosing that kind of background map.
        self.basemap.textChanged.connect(lambda t: t.strip() and self._set_kind("xyz"))
        self.mbtiles.textChanged.connect(lambda t: t.strip() and self._set_kind("mbtiles"))
        self.attribution = QLineEdit(str(st.value("basemap/attribution") or ""))
        self.attribution.setAccessibleName(self.tr("Background map credit"))
        self.attribution.setPlaceholderText(self.tr("e.g. © OpenStreetMap contributors"))
        credit_label = buddy_label(self.tr("Background map &credit"), self.attribution)
        form.addRow(credit_label, self.attribution)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setAccessibleName(self.tr("Save settings"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.setTabOrder(self.language, self.text_size)
        self.setTabOrder(self.text_size, self.contrast)
        self.setTabOrder(self.contrast, self.basemap_kind)
        self.setTabOrder(self.basemap_kind, self.basemap)
        self.setTabOrder(self.basemap, self.mbtiles)
        self.setTabOrder(self.mbtiles, self.browse)
        self.setTabOrder(self.browse, self.attribution)

    def _set_kind(self, kind: str) -> None:
        self.basemap_kind.setCurrentIndex(self.basemap_kind.findData(kind))

    def choose_mbtiles(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Background map file"), self.mbtiles.text(),
                                              self.tr("MBTiles map files") + " (*.mbtiles);;"
                                              + self.tr("All files") + " (*)")
        if path:
            self.mbtiles.setText(path)

    def save(self) -> bool:
        """Store what the dialog shows, apply text size, contrast and basemap now, and close.
        A background map file that can't be used is named and nothing is saved."""
        from assetmap.errors import UserError
        from assetmap.ui import basemap, i18n
        from assetmap.ui.window_actions import settings

        kind, mb_path = self.basemap_kind.currentData(), self.mbtiles.text().strip()
        if kind == "mbtiles":
            try:
                if not mb_path:
                    raise UserError(self.tr("No background map file is chosen."),
                                    self.tr("Choose an .mbtiles file, or another kind of background map."))
                basemap.MBTiles(mb_path).close()
            except UserError as exc:
                from assetmap.ui.workers import error_box

                self.error = error_box(self, exc.message, exc.hint, title=self.tr("Settings"))
                self.error.open()
                return False
        i18n.set_language_setting(self.language.currentData())
        scale, contrast = self.text_size.currentData(), self.contrast.isChecked()
        appearance.save(scale, contrast)
        appearance.apply(scale=scale, contrast=contrast)
        st = settings()
        url, credit = self.basemap.text().strip(), self.attribution.text().strip()
        st.setValue(basemap.KIND_KEY, kind)
        st.setValue(basemap.XYZ_KEY, url)
        st.setValue(basemap.FILE_KEY, mb_path)
        st.setValue(basemap.CREDIT_KEY, credit)
        st.sync()
        window = self.parent()
        if window is not None and getattr(window, "project", None) is not None and hasattr(window, "canvas"):
            basemap.apply_basemap(window.canvas, st)
        self.accept()
        return True


def open_settings(window) -> SettingsDialog:
    dlg = SettingsDialog(window)
    dlg.open()
    return dlg
