"""The Layers panel's sign of how far a layer may travel: no sign for public layers (a blank of the
same size, so every row has the same height and the names line up), an amber padlock for internal
ones (office only), a red crossed padlock for confidential ones."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

COLOURS = {"internal": "#B35C00", "confidential": "#B2182B"}  # dark enough on white and in high contrast
_CACHE: dict[str, QIcon] = {}


def icon(level: str) -> QIcon:
    if level not in COLOURS and level != "public":
        return QIcon()
    if level not in _CACHE:
        pm = QPixmap(32, 32)
        pm.fill(Qt.GlobalColor.transparent)
        if level == "public":
            _CACHE[level] = QIcon(pm)
            return _CACHE[level]
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(COLOURS[level])
        p.setPen(QPen(colour, 3.5))
        p.drawArc(QRectF(9, 3, 14, 16), 0, 180 * 16)      # the shackle
        p.drawLine(9, 11, 9, 15)
        p.drawLine(23, 11, 23, 15)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(QRectF(5, 14, 22, 16), 3, 3)     # the body
        if level == "confidential":
            p.setPen(QPen(QColor("white"), 3))
            p.drawLine(11, 18, 21, 27)
            p.drawLine(21, 18, 11, 27)
        p.end()
        _CACHE[level] = QIcon(pm)
    return _CACHE[level]


def tooltip(level: str) -> str:
    tr = QCoreApplication.translate
    return {
        "public": tr("Sensitivity", "Public: may go into field packages, exports and every map."),
        "internal": tr("Sensitivity", "Internal: office only (made from sensitive reports). Never in a "
                                      "field package or a volunteer's view."),
        "confidential": tr("Sensitivity", "Confidential: never drawn, exported or packaged."),
    }.get(level, "")
