"""Edit › Settings…: language, text size, high contrast and the optional basemap.

Text size and contrast apply at once (and at every start); the language applies when assetmap
restarts, because widgets already built keep the text they were made with."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout)

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

        self.basemap = QLineEdit(str(st.value("basemap/xyz_url") or ""))
        self.basemap.setAccessibleName(self.tr("Background map address"))
        self.basemap.setPlaceholderText("https://tile.example.org/{z}/{x}/{y}.png")
        self.basemap.setToolTip(self.tr("Optional. Map tiles from the internet drawn under your layers; "
                                        "leave empty to work fully offline."))
        map_label = buddy_label(self.tr("&Background map (XYZ tiles)"), self.basemap)
        form.addRow(map_label, self.basemap)
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
        self.setTabOrder(self.contrast, self.basemap)
        self.setTabOrder(self.basemap, self.attribution)

    def save(self) -> None:
        """Store what the dialog shows, apply text size, contrast and basemap now, and close."""
        from assetmap.ui import i18n
        from assetmap.ui.window_actions import settings

        i18n.set_language_setting(self.language.currentData())
        scale, contrast = self.text_size.currentData(), self.contrast.isChecked()
        appearance.save(scale, contrast)
        appearance.apply(scale=scale, contrast=contrast)
        st = settings()
        url, credit = self.basemap.text().strip(), self.attribution.text().strip()
        st.setValue("basemap/xyz_url", url)
        st.setValue("basemap/attribution", credit)
        st.sync()
        window = self.parent()
        if window is not None and getattr(window, "project", None) is not None and hasattr(window, "canvas"):
            window.canvas.set_basemap(url or None, credit)
        self.accept()


def open_settings(window) -> SettingsDialog:
    dlg = SettingsDialog(window)
    dlg.open()
    return dlg
