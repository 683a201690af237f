"""Helpers that keep the main window usable with a screen reader, a keyboard, or no GIS
background: contextual help on each dock, names for toolbar buttons, and the check the
accessibility test (and anyone adding a widget) runs over a window."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox,
                               QDockWidget, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox,
                               QPlainTextEdit, QScrollBar, QTextEdit, QToolBar, QToolButton, QWidget)


class DockHelp(QWidget):
    """The top row of a dock: a one-line hint (shown while the dock has nothing in it) and a
    ``?`` button that explains, in plain words, what the dock is for and what to do."""

    def __init__(self, dock: QDockWidget, what: str, hint: str = "") -> None:
        super().__init__()
        self.dock = dock
        self.what = what
        dock.setWhatsThis(what)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(QCoreApplication.translate("DockHelp", "Hint"))
        self.hint.setVisible(bool(hint))
        row.addWidget(self.hint, 1)
        self.button = QToolButton()
        self.button.setText("?")
        title = dock.windowTitle()
        self.button.setToolTip(QCoreApplication.translate("DockHelp", "What is this panel for?"))
        self.button.setAccessibleName(QCoreApplication.translate("DockHelp", "Help about the {0} panel").format(title))
        self.button.clicked.connect(self.show_help)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        self.box: QMessageBox | None = None

    def set_empty(self, empty: bool) -> None:
        self.hint.setVisible(empty and bool(self.hint.text()))

    def show_help(self) -> QMessageBox:
        # open(), not exec(): a test (or the map) must not be blocked by the help
        self.box = QMessageBox(QMessageBox.Icon.Information, self.dock.windowTitle(), self.what,
                               QMessageBox.StandardButton.Close, self.dock)
        self.box.setAccessibleName(QCoreApplication.translate("DockHelp", "Help"))
        self.box.open()
        return self.box


def add_dock_help(dock: QDockWidget, layout, what: str, hint: str = "") -> DockHelp:
    """Put a ``DockHelp`` row in ``layout`` (call it before adding the dock's other widgets,
    so the row is first on screen and first in the tab order)."""
    help_row = DockHelp(dock, what, hint)
    layout.addWidget(help_row)
    return help_row


def action_name(text: str) -> str:
    """A menu text as a screen reader should say it: no mnemonic '&', no trailing '…'."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".").strip()


def name_toolbar_buttons(toolbar: QToolBar) -> None:
    """Toolbar buttons take their action's (translated) text as accessible name."""
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if isinstance(button, QToolButton) and action.text():
            button.setAccessibleName(action_name(action.text()))
            action.changed.connect(lambda b=button, a=action: b.setAccessibleName(action_name(a.text())))


INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractSlider, QAbstractItemView,
               QTextEdit, QPlainTextEdit)


def _is_qt_part(w: QWidget) -> bool:
    """Pieces Qt builds inside other widgets (scroll bars, headers, the spin box's line edit,
    dock title buttons): Qt names them itself or they are read through their owner."""
    return (isinstance(w, (QScrollBar, QHeaderView)) or w.objectName().startswith("qt_")
            or isinstance(w.parent(), (QAbstractSpinBox, QComboBox)))


def missing_accessible_names(root: QWidget) -> list[str]:
    """Visible interactive widgets under ``root`` with no accessible name, described for a test."""
    try:
        from PySide6.QtWebEngineWidgets import QWebEngineView
        kinds = (*INTERACTIVE, QWebEngineView)
    except ImportError:  # pragma: no cover - web engine is part of the app's requirements
        kinds = INTERACTIVE
    bad = []
    for w in root.findChildren(QWidget):
        if isinstance(w, kinds) and w.isVisible() and not _is_qt_part(w) and not w.accessibleName().strip():
            text = w.text() if hasattr(w, "text") and callable(w.text) else ""
            owner = w.parentWidget()
            while owner is not None and not isinstance(owner, QDockWidget) and owner is not root:
                owner = owner.parentWidget()
            where = owner.windowTitle() if isinstance(owner, QDockWidget) else type(w.window()).__name__
            bad.append(f"{type(w).__name__} {text!r} in {where}")
    return bad


def name_buttons(box) -> None:
    """A dialog button box's standard buttons (OK, Cancel…) named by their translated text."""
    for b in box.buttons():
        b.setAccessibleName(action_name(b.text()))


class BuddyLabel(QLabel):
    """A form label with an Alt+letter shortcut to its field. Qt draws the underlined letter apart
    from its neighbours, so a kerned pair split there ("Te", "To") is wider than Qt measures it,
    and a label given exactly its size hint loses its last letter (at every text size)."""

    def _drawn_width(self) -> int:
        text, fm = self.text(), QFontMetricsF(self.font())
        i = text.find("&")
        if i < 0 or i + 1 >= len(text):
            return math.ceil(fm.horizontalAdvance(text))
        parts = (text[:i], text[i + 1], text[i + 2:].replace("&", ""))
        return math.ceil(sum(fm.horizontalAdvance(p) for p in parts)) + 1

    def _grown(self, size: QSize) -> QSize:
        m = self.contentsMargins()
        need = self._drawn_width() + m.left() + m.right() + 2 * self.margin()
        return QSize(max(size.width(), need), size.height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self._grown(super().sizeHint())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self._grown(super().minimumSizeHint())


def buddy_label(text: str, buddy: QWidget) -> BuddyLabel:
    label = BuddyLabel(text)
    label.setBuddy(buddy)
    return label
