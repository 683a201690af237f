"""Render resources/icons/assetmap.svg to the PNG/ICO sizes installers need (run once; committed)."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"

app = QGuiApplication(sys.argv)
renderer = QSvgRenderer(str(ICONS / "assetmap.svg"))
for size in (256, 64, 32):
    img = QImage(size, size, QImage.Format_ARGB32)
    img.fill(Qt.transparent)
    painter = QPainter(img)
    renderer.render(painter)
    painter.end()
    name = "assetmap.png" if size == 256 else f"assetmap-{size}.png"
    img.save(str(ICONS / name))
    if size == 256:
        img.save(str(ICONS / "assetmap.ico"))
print("icons written")
