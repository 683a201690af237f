"""One active map tool at a time, as QGIS's ``QgsMapCanvas.setMapTool`` and napari's ``layer.mode``.

The canvas owns the tool (``MapCanvas.set_map_tool``): every click, paint stroke and drawn polygon
the page reports goes to the active tool and to no other, so arming the Hubs dock's "click the map"
and the survey's "Pick on map" can no longer make one click place a hub and set the survey point.
Choosing a tool ends the one before (its ``ended`` signal unchecks its button or action); Esc and a
one-shot tool's done work return to Identify. The page is told the tool's mode, so popups, drag,
polygon drawing and the cursor follow it there too (``assetmap.setTool`` in assetmap_map.js).
"""

from __future__ import annotations

import json
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel

# What the page does with the mouse under each mode (assetmap_map.js ``setTool``).
PAGE_MODES = ("identify", "pick", "paint", "polygon")


class MapTool(QObject):
    """What the map does with the mouse while this tool is active.

    The handlers are plain callables, so a dock makes its tool in a few lines instead of a class.
    ``once``: the tool's work is one click (pick) or one polygon; after it the canvas returns to
    Identify. ``ended`` is emitted whenever the tool stops being active, for whatever reason.
    """

    ended = Signal()

    def __init__(self, key: str, label: str, hint: str = "", *, mode: str = "pick",
                 cursor: Qt.CursorShape = Qt.CursorShape.CrossCursor, once: bool = False,
                 on_map_click: Callable[[float, float], None] | None = None,
                 on_feature_click: Callable[[str, int, bool], None] | None = None,
                 on_stroke: Callable[[bool], None] | None = None,
                 on_feature_enter: Callable[[str, int], None] | None = None,
                 on_polygon: Callable[[list], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        if mode not in PAGE_MODES:
            raise ValueError(f"unknown map tool mode {mode!r}")
        self.key, self.label, self.hint, self.mode, self.cursor, self.once = key, label, hint, mode, cursor, once
        self.on_map_click, self.on_feature_click = on_map_click, on_feature_click
        self.on_stroke, self.on_feature_enter, self.on_polygon = on_stroke, on_feature_enter, on_polygon
        self.completed = False  # a ``once`` tool that ended because its work was done (not Esc, not replaced)

    def __repr__(self) -> str:
        return f"MapTool({self.key!r}, mode={self.mode!r})"


class MapTools(QObject):
    """The canvas's one owner of clicks: holds the active tool and routes the page's events to it.

    The canvas's own signals (``map_clicked``, ``feature_clicked``, …) still tell every listener
    what happened on the page; acting on a click is the active tool's alone.
    """

    changed = Signal(object)   # the new active tool

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.identify = MapTool("identify", self.tr("Identify"), self.tr("click a feature to see its attributes"),
                                mode="identify", cursor=Qt.CursorShape.ArrowCursor,
                                on_feature_click=lambda layer, fid, add: canvas.feature_identified.emit(layer, fid, add),
                                parent=self)
        self.active = self.identify
        self._stroking = False  # a paint stroke began and has not ended (button still down)
        canvas.map_clicked.connect(self._map_clicked)
        canvas.feature_clicked.connect(self._feature_clicked)
        canvas.stroke_started.connect(lambda: self._stroke(True))
        canvas.stroke_ended.connect(lambda: self._stroke(False))
        canvas.feature_entered.connect(lambda layer, fid: self._call("on_feature_enter", layer, fid))
        canvas.polygon_drawn.connect(self._polygon_drawn)
        canvas.escape_pressed.connect(lambda: self.set(None))

    def set(self, tool: MapTool | None) -> None:
        """Make ``tool`` the active one (None: Identify); the one before ends."""
        tool = tool or self.identify
        old = self.active
        if tool is old:
            return
        if self._stroking:  # Esc or another tool mid-stroke: the stroke ends with its own tool
            self._stroke(False)
        self.active = tool
        tool.completed = False
        self.canvas.run_js(f"assetmap.setTool({json.dumps(tool.mode)})")
        if tool is self.identify:
            self.canvas.unsetCursor()
        else:
            self.canvas.setCursor(tool.cursor)
        old.ended.emit()
        self.changed.emit(tool)

    def end(self, tool: MapTool) -> None:
        """Return to Identify if ``tool`` is still the active one (a dock giving up its own tool)."""
        if self.active is tool:
            self.set(None)

    def _complete(self, tool: MapTool) -> None:
        tool.completed = True  # before it ends: its ``ended`` handlers read it; activation resets it
        self.set(None)

    # ------------------------------------------------------------ routing
    def _call(self, handler: str, *args) -> None:
        fn = getattr(self.active, handler)
        if fn is not None:
            fn(*args)

    def _stroke(self, down: bool) -> None:
        if down == self._stroking:
            return
        self._stroking = down
        self._call("on_stroke", down)

    def _map_clicked(self, lon: float, lat: float) -> None:
        tool = self.active
        if tool.mode == "polygon":  # the page takes the corners itself
            return
        if tool.on_map_click is not None:
            if tool.once:  # ended before it acts: what it does may arm another tool
                self._complete(tool)
            tool.on_map_click(lon, lat)

    def _feature_clicked(self, layer: str, fid: int, add: bool) -> None:
        self._call("on_feature_click", layer, fid, add)

    def _polygon_drawn(self, lonlat: list) -> None:
        tool = self.active
        if tool.mode != "polygon":
            return
        if tool.once:
            self._complete(tool)
        if tool.on_polygon is not None:
            tool.on_polygon(lonlat)


class ToolStatus(QObject):
    """The window's side of the tools: a permanent status-bar label naming the active tool, Esc
    (only while a tool other than Identify is active, so Esc keeps its meaning elsewhere), and
    View › Identify (checked while Identify is the map's tool; choosing it ends the others, as in
    QGIS). ``group`` holds Identify and the menu actions of the other tools (Paint territories,
    Draw a polygon): one is checked at a time. It is ExclusiveOptional so that a tool's own action
    pressed again still gives it up (Ctrl+T twice); Identify is then checked again by the change."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.w = window
        self.label = QLabel("")
        self.label.setObjectName("MapToolStatus")
        self.label.setAccessibleName(self.tr("Active map tool"))
        window.statusBar().addPermanentWidget(self.label)
        self.esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self.esc.setEnabled(False)
        self.esc.activated.connect(lambda: window.canvas.set_map_tool(None))
        self.identify_action = QAction(self.tr("&Identify"), window)
        self.identify_action.setCheckable(True)
        self.identify_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.identify_action.setToolTip(self.tr("Click a feature on the map to see its attributes"))
        self.identify_action.setStatusTip(self.identify_action.toolTip())
        self.identify_action.triggered.connect(self._identify_triggered)
        self.group = QActionGroup(self)
        self.group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.group.addAction(self.identify_action)
        window.canvas.map_tool_changed.connect(self._show)
        self._show(window.canvas.map_tool())

    def _identify_triggered(self) -> None:
        self.w.canvas.set_map_tool(None)
        self.identify_action.setChecked(True)   # chosen again while checked: it stays the tool

    def _show(self, tool: MapTool) -> None:
        identify = tool.mode == "identify"
        self.identify_action.setChecked(identify)
        self.esc.setEnabled(not identify)
        text = self.tr("Tool: %1").replace("%1", tool.label)
        if not identify:
            text += "  " + self.tr("(Esc: back to Identify)")
        self.label.setText(text)  # short: the instruction itself is the status bar's message
        self.label.setToolTip(f"{text}\n{tool.hint}" if tool.hint else text)
