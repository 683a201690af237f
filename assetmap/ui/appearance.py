"""Appearance settings: large text and a high-contrast style, applied to the whole app.

Both live in the app's settings file (``ui/text_scale``, ``ui/high_contrast``) and are applied
at start by ``app.ensure_qt_app`` and again whenever the Settings dialog saves them. Text is
scaled from the font the app started with (kept on the app object), so applying twice does
not compound; layouts grow with it because no main-window widget has a fixed text size.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

SCALE_KEY = "ui/text_scale"
CONTRAST_KEY = "ui/high_contrast"
TEXT_SCALES = (1.0, 1.25, 1.5, 2.0)
_BASE_FONT = "assetmap_base_font"
_OURS = "assetmap_high_contrast"
_SCALE = "assetmap_text_scale"

BLACK, WHITE, YELLOW, CYAN = "#000000", "#ffffff", "#ffff00", "#00ffff"

# Thick yellow frames show where the keyboard is; everything else takes the palette.
HIGH_CONTRAST_CSS = f"""
QAbstractItemView, QLineEdit, QComboBox, QTextEdit, QPlainTextEdit {{ border: 1px solid {WHITE}; }}
QAbstractItemView:focus, QLineEdit:focus, QComboBox:focus, QTextEdit:focus, QPlainTextEdit:focus,
QAbstractSlider:focus {{ border: 3px solid {YELLOW}; }}
QCheckBox::indicator, QAbstractItemView::indicator {{
    width: 0.9em; height: 0.9em; border: 2px solid {WHITE}; background: {BLACK}; }}
QCheckBox::indicator:checked, QAbstractItemView::indicator:checked {{ background: {YELLOW}; }}
QAbstractButton {{ border: 2px solid {WHITE}; padding: 3px 8px; background: {BLACK}; color: {WHITE}; }}
QAbstractButton:focus, QAbstractButton:hover {{ border: 3px solid {YELLOW}; color: {YELLOW}; }}
QAbstractButton:checked {{ background: {YELLOW}; color: {BLACK}; }}
QAbstractButton:disabled {{ border: 2px dashed #9a9a9a; color: #9a9a9a; }}
QCheckBox, QRadioButton, QCheckBox:checked, QRadioButton:checked {{
    border: 3px solid {BLACK}; padding: 2px; background: {BLACK}; color: {WHITE}; }}
QCheckBox:focus, QRadioButton:focus, QCheckBox:hover {{ border: 3px solid {YELLOW}; color: {YELLOW}; }}
QToolTip {{ background: {BLACK}; color: {WHITE}; border: 2px solid {YELLOW}; }}
QMenu::item:selected, QMenuBar::item:selected {{ background: {YELLOW}; color: {BLACK}; }}
QDockWidget::title {{ background: #1a1a1a; padding: 4px; }}
"""


def _settings():
    from assetmap.ui.window_actions import settings

    return settings()


def text_scale() -> float:
    try:
        value = float(_settings().value(SCALE_KEY, 1.0))
    except (TypeError, ValueError):
        return 1.0
    return min(max(value, 0.75), 3.0)


def high_contrast() -> bool:
    return str(_settings().value(CONTRAST_KEY, "false")).lower() in ("true", "1", "yes")


def save(scale: float, contrast: bool) -> None:
    st = _settings()
    st.setValue(SCALE_KEY, float(scale))
    st.setValue(CONTRAST_KEY, bool(contrast))
    st.sync()


def high_contrast_palette() -> QPalette:
    p = QPalette()
    R = QPalette.ColorRole
    for role, colour in ((R.Window, BLACK), (R.WindowText, WHITE), (R.Base, BLACK), (R.AlternateBase, "#1a1a1a"),
                         (R.Text, WHITE), (R.Button, BLACK), (R.ButtonText, WHITE), (R.BrightText, YELLOW),
                         (R.Highlight, YELLOW), (R.HighlightedText, BLACK), (R.ToolTipBase, BLACK),
                         (R.ToolTipText, WHITE), (R.PlaceholderText, "#c8c8c8"), (R.Link, CYAN),
                         (R.LinkVisited, CYAN), (R.Light, WHITE), (R.Mid, "#808080"), (R.Dark, WHITE)):
        p.setColor(role, QColor(colour))
    grey = QColor("#9a9a9a")
    for role in (R.WindowText, R.Text, R.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, grey)
    return p


def apply(app: QApplication | None = None, scale: float | None = None, contrast: bool | None = None) -> None:
    """Apply the text size and contrast (default: the saved settings) to every widget."""
    app = app or QApplication.instance()
    if app is None:
        return
    scale = text_scale() if scale is None else scale
    contrast = high_contrast() if contrast is None else contrast
    base = app.property(_BASE_FONT)
    if not isinstance(base, QFont):
        base = QFont(app.font())
        app.setProperty(_BASE_FONT, base)
    font = QFont(base)
    if base.pointSizeF() > 0:
        # whole points: fractional sizes measure narrower than they draw and clip a label's last letter
        font.setPointSize(max(1, round(base.pointSizeF() * scale)))
    else:
        font.setPixelSize(round(base.pixelSize() * scale))
    app.setFont(font)
    app.setProperty(_SCALE, float(scale))
    try:
        from PySide6.QtWebEngineWidgets import QWebEngineView
    except ImportError:  # pragma: no cover - part of the app's requirements
        QWebEngineView = None
    for view in app.allWidgets() if QWebEngineView is not None else []:
        if isinstance(view, QWebEngineView):
            view.setZoomFactor(float(scale))
    if contrast:
        app.setPalette(high_contrast_palette())
        app.setStyleSheet(HIGH_CONTRAST_CSS)
        app.setProperty(_OURS, True)
    elif app.property(_OURS):
        app.setPalette(app.style().standardPalette())
        app.setStyleSheet("")
        app.setProperty(_OURS, False)


def web_zoom() -> float:
    """Zoom for web views (the map page), so its legend and popups grow with the text."""
    app = QApplication.instance()
    value = app.property(_SCALE) if app is not None else None
    return float(value) if isinstance(value, (int, float)) and value > 0 else 1.0


def scale_label(scale: float) -> str:
    names = {1.0: QCoreApplication.translate("Appearance", "Normal"),
             1.25: QCoreApplication.translate("Appearance", "Large"),
             1.5: QCoreApplication.translate("Appearance", "Larger"),
             2.0: QCoreApplication.translate("Appearance", "Largest")}
    return f"{names.get(scale, '')} ({scale:.0%})".strip()
