"""Help › About: version, licences and data attributions."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout

from assetmap import __version__
from assetmap.resources import resource

# Third-party pieces that ship inside the app, with their licences.
COMPONENTS = [
    ("Qt 6 / PySide6", "LGPL-3.0"),
    ("Leaflet 1.9.4", "BSD-2-Clause"),
    ("GDAL (via pyogrio)", "MIT"),
    ("PROJ (via pyproj)", "MIT"),
    ("GEOS (via shapely)", "LGPL-2.1"),
    ("GeoPandas, pandas, NumPy", "BSD-3-Clause"),
    ("PySAL: esda, libpysal, mapclassify", "BSD-3-Clause"),
    ("H3", "Apache-2.0"),
    ("pyxform", "BSD-2-Clause"),
    ("psycopg", "LGPL-3.0"),
]


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("assetmap-32.png", "assetmap-64.png", "assetmap.png"):
        path = resource("icons", name)
        if path.exists():
            icon.addFile(str(path))
    return icon


def attribution_text() -> str:
    path = resource("demo", "ATTRIBUTION.md")
    return path.read_text(encoding="utf-8") if path.exists() else ""


class AboutDialog(QDialog):
    def __init__(self, parent=None, project_attribution: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About assetmap"))
        self.setAccessibleName(self.tr("About assetmap"))
        logo = QLabel()
        logo.setPixmap(QPixmap(str(resource("icons", "assetmap-64.png"))))
        logo.setAccessibleName(self.tr("assetmap logo"))
        title = QLabel(f"<h2>assetmap {html.escape(__version__)}</h2>"
                       + self.tr("Community asset and risk mapping for partnerships that protect children."))
        title.setWordWrap(True)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head = QHBoxLayout()
        head.addWidget(logo)
        head.addWidget(title, 1)
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Licences and data sources"))
        self.details.setOpenLinks(False)  # offline app: no link leaves it
        self.details.setHtml(self._details_html(project_attribution))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(560, 460)

    def _details_html(self, project_attribution: str | None) -> str:
        rows = "".join(f"<tr><td>{html.escape(n)}</td><td>{html.escape(lic)}</td></tr>" for n, lic in COMPONENTS)
        parts = [
            f"<h3>{self.tr('Licence')}</h3><p>"
            + self.tr("assetmap is free software under the MIT licence.") + "</p>",
            f"<h3>{self.tr('Included software')}</h3><table cellpadding='2'>{rows}</table>",
        ]
        if project_attribution:
            parts.append(f"<h3>{self.tr('Data in this project')}</h3><p>{html.escape(project_attribution)}</p>")
        demo = attribution_text()
        if demo:
            parts.append(f"<h3>{self.tr('Demo data')}</h3><pre style='white-space:pre-wrap'>{html.escape(demo)}</pre>")
        return "".join(parts)
