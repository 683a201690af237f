"""The map canvas: the offline Leaflet page in a QWebEngineView, driven from Python.

The page is loaded once from a file; layers are then added and changed in place with
``runJavaScript`` calls to ``window.assetmap`` (resources/js/assetmap_map.js). The page
talks back through a QWebChannel ``bridge`` object (clicks, cursor, "finished drawing").
Calls made before the page is ready are queued, so callers never wait for it.
"""

from __future__ import annotations

import json
import logging
import tempfile
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from assetmap.mapview.page import write_app_page

log = logging.getLogger(__name__)


class Bridge(QObject):
    """The object the page sees as ``bridge``; each slot re-emits a Qt signal."""

    sig_ready = Signal()
    sig_drawn = Signal(int)
    sig_feature = Signal(str, int, bool)
    sig_map_click = Signal(float, float)
    sig_cursor = Signal(float, float, float)
    sig_view = Signal(float)
    sig_stroke_begin = Signal()
    sig_stroke_end = Signal()
    sig_enter = Signal(str, int)
    sig_polygon = Signal(str)
    sig_escape = Signal()

    @Slot()
    def escapePressed(self) -> None:  # noqa: N802 (JS name)
        self.sig_escape.emit()

    @Slot()
    def strokeBegin(self) -> None:  # noqa: N802 (JS name)
        self.sig_stroke_begin.emit()

    @Slot()
    def strokeEnd(self) -> None:  # noqa: N802
        self.sig_stroke_end.emit()

    @Slot(str)
    def polygonDrawn(self, coords: str) -> None:  # noqa: N802
        self.sig_polygon.emit(coords)

    @Slot(str, int)
    def featureEntered(self, layer: str, fid: int) -> None:  # noqa: N802
        self.sig_enter.emit(layer, fid)

    @Slot()
    def ready(self) -> None:
        self.sig_ready.emit()

    @Slot(int)
    def drawn(self, token: int) -> None:
        self.sig_drawn.emit(int(token))

    @Slot(str, int, bool)
    def featureClicked(self, layer: str, fid: int, add: bool) -> None:  # noqa: N802 (JS name)
        self.sig_feature.emit(layer, int(fid), bool(add))

    @Slot(float, float)
    def mapClicked(self, lat: float, lng: float) -> None:  # noqa: N802
        self.sig_map_click.emit(lat, lng)

    @Slot(float, float, float)
    def mouseMoved(self, lat: float, lng: float, scale: float) -> None:  # noqa: N802
        self.sig_cursor.emit(lat, lng, scale)

    @Slot(float)
    def viewChanged(self, scale: float) -> None:  # noqa: N802
        self.sig_view.emit(scale)


class _Page(QWebEnginePage):
    """Keeps the page's console errors: a broken script shows up in logs and tests."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.console: list[str] = []

    def javaScriptConsoleMessage(self, level, message, line, source):  # noqa: N802 (Qt API)
        text = f"{source}:{line}: {message}"
        self.console.append(text)
        log.debug("map page: %s", text)


def _decode(text: Any) -> Any:
    if not isinstance(text, str) or text == "undefined":
        return None
    return json.loads(text)


def _local_files(mime) -> list[Path]:
    """The local files a drag carries (none for text, links or web URLs: those the page may have)."""
    if mime is None or not mime.hasUrls():
        return []
    urls = mime.urls()
    return [Path(u.toLocalFile()) for u in urls] if urls and all(u.isLocalFile() for u in urls) else []


def _forget_data(prefix: str) -> Callable[..., None]:
    def forget(*_args) -> None:
        from assetmap.ui import layer_scheme

        if layer_scheme.available():
            layer_scheme.handler().drop(prefix)
    return forget


def js(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class MapCanvas(QWebEngineView):
    """Python API of the map; see docs/map.md."""

    ready = Signal()
    drawn = Signal(int)
    feature_clicked = Signal(str, int, bool)   # layer, feature id, ctrl held
    map_clicked = Signal(float, float)         # lon, lat
    cursor_moved = Signal(float, float, float)  # lon, lat, scale denominator
    scale_changed = Signal(float)
    stroke_started = Signal()                  # paint mode: mouse button down on a feature
    stroke_ended = Signal()                    # paint mode: mouse button up
    feature_entered = Signal(str, int)         # paint mode: a feature entered during a stroke
    polygon_drawn = Signal(list)               # free polygon: [(lon, lat), ...]
    files_dropped = Signal(list)               # local files dropped on the map: [Path, ...]
    escape_pressed = Signal()                  # Esc with the keyboard focus in the page
    # The map tools (ui/map_tools.py): the signals above say what happened on the page; only the
    # active tool acts on it. A feature clicked with Identify active:
    feature_identified = Signal(str, int, bool)  # layer, feature id, ctrl held
    map_tool_changed = Signal(object)            # the new active MapTool

    # Drag and drop of files. The web view's own child widget takes drops (Chromium would try to
    # open the file in the page), and the map is most of the window: a file dropped there must
    # reach the window's import like one dropped anywhere else. The child is looked for when the
    # view is made, shown and loads a page (Chromium may make a new one then), not on every
    # ChildAdded: wrapping the children being constructed cost 50-80 ms of the start.
    def _filter_children(self) -> None:
        for child in self.findChildren(QWidget):
            child.installEventFilter(self)

    def eventFilter(self, obj, ev) -> bool:  # noqa: N802 (Qt API)
        kind = ev.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            paths = _local_files(ev.mimeData())
            if paths:
                ev.acceptProposedAction()
                if kind == QEvent.Type.Drop:
                    self.files_dropped.emit(paths)
                return True
        return super().eventFilter(obj, ev)

    def _on_screen(self, page_scale: float) -> float:
        """The page computes 1:N for a CSS pixel at 96 dpi; large text zooms the page, so a CSS
        pixel covers ``zoomFactor`` screen pixels and the map on screen is that much larger."""
        return page_scale / (self.zoomFactor() or 1.0)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Map"))
        self.setAccessibleDescription(self.tr("Map of the project's layers"))
        self._ready = False
        self._loaded = self._started = False   # the page loaded; the map on it made (_start)
        self._queue: list[tuple[str, Callable | None]] = []
        self._waiters: list[tuple[int, Callable[[], None]]] = []
        self._last_drawn = 0
        self._data_ids: dict[str, int] = {}
        # Layers not yet fetched when the canvas goes are dropped with it (the prefix, not self:
        # the slot must not keep the canvas alive).
        self.destroyed.connect(_forget_data(f"c{id(self)}l"))
        self.setPage(_Page(self))
        self._bridge = Bridge(self)
        self._channel = QWebChannel(self)
        self._channel.registerObject("bridge", self._bridge)
        self.page().setWebChannel(self._channel)
        from assetmap.ui.appearance import web_zoom

        self.setZoomFactor(web_zoom())  # the legend and popups follow the large-text setting
        s = self.settings()
        s.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        s.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        self.loadStarted.connect(self._page_load_started)
        self.loadFinished.connect(self._page_loaded)
        b = self._bridge
        b.sig_ready.connect(self._on_ready)
        b.sig_drawn.connect(self._on_drawn)
        b.sig_feature.connect(self.feature_clicked)
        b.sig_map_click.connect(lambda lat, lng: self.map_clicked.emit(lng, lat))
        b.sig_cursor.connect(lambda lat, lng, sc: self.cursor_moved.emit(lng, lat, self._on_screen(sc)))
        b.sig_view.connect(lambda sc: self.scale_changed.emit(self._on_screen(sc)))
        b.sig_stroke_begin.connect(self.stroke_started)
        b.sig_stroke_end.connect(self.stroke_ended)
        b.sig_enter.connect(self.feature_entered)
        b.sig_polygon.connect(lambda text: self.polygon_drawn.emit([tuple(p) for p in json.loads(text)]))
        b.sig_escape.connect(self.escape_pressed)
        from assetmap.ui.map_tools import MapTools

        self._tools = MapTools(self)
        self._tools.changed.connect(self.map_tool_changed)
        self._filter_children()
        self._dir = tempfile.TemporaryDirectory(prefix="assetmap-map-")
        # A file URL, not setHtml: setHtml is limited to 2 MB and gives the page no file access.
        # With the amlayer:// scheme, the same page from there, so it may fetch layers from it.
        self.page_path = write_app_page(Path(self._dir.name))
        from assetmap.ui import basemap, layer_scheme

        # The offline basemap's mbtiles:// handler is installed before the page loads: installed
        # after it, the page's tile requests never reach it (a basemap set once the page is
        # ready, as the window now does when it opens a project, stayed blank).
        basemap.handler(self.page().profile())
        if layer_scheme.available():
            html = self.page_path.read_bytes()
            self.load(QUrl(layer_scheme.handler(self.page().profile()).put_page(html)))
        else:
            self.load(QUrl.fromLocalFile(str(self.page_path)))

    # ------------------------------------------------------------ plumbing
    @property
    def is_ready(self) -> bool:
        return self._ready

    # The page loads as soon as the view is made, while the window is still being built and
    # hidden (the project's layers are read meanwhile: ui/page_wait.py); the map on it is made
    # once the view is shown, at the size it is shown at (assetmapStartAt in assetmap_map.js).
    def _page_load_started(self) -> None:
        self._loaded = self._started = self._ready = False

    def _page_loaded(self, ok: bool) -> None:
        self._loaded = bool(ok)
        self._filter_children()
        self._start()

    def showEvent(self, ev) -> None:  # noqa: N802 (Qt API)
        super().showEvent(ev)
        self._filter_children()
        self._start()

    def _start(self) -> None:
        if self._started or not self._loaded or not self.isVisible():
            return
        self._started = True
        z = self.zoomFactor() or 1.0
        self.page().runJavaScript(f"assetmapStartAt({self.width() / z:.2f}, {self.height() / z:.2f})")

    def _on_ready(self) -> None:
        from assetmap.ui.map_words import page_words

        self._ready = True
        words = page_words()
        if words:  # before any layer: the first legend already reads in the user's language
            self._run(f"window.assetmap.setWords({js(words)})", None)
        queue, self._queue = self._queue, []
        for code, cb in queue:
            self._run(code, cb)
        self.ready.emit()

    def _on_drawn(self, token: int) -> None:
        self._last_drawn = max(self._last_drawn, token)
        due = [fn for t, fn in self._waiters if t <= self._last_drawn]
        self._waiters = [(t, fn) for t, fn in self._waiters if t > self._last_drawn]
        self.drawn.emit(token)
        for fn in due:
            # Later, from the event loop: fn may itself wait on the page (evaluate).
            QTimer.singleShot(0, fn)

    def _run(self, code: str, callback: Callable | None) -> None:
        if callback is None:
            self.page().runJavaScript(code)
        else:
            # Only strings come back: PySide6 6.12 over-releases None when a callback gets a
            # null/boolean result, which crashes the process after a few thousand calls.
            wrapped = f"String(JSON.stringify((function(){{return ({code});}})()))"
            self.page().runJavaScript(wrapped, 0, lambda text: callback(_decode(text)))

    def run_js(self, code: str, callback: Callable[[Any], None] | None = None) -> None:
        """Run JavaScript in the page (queued until the page is ready)."""
        if self._ready:
            self._run(code, callback)
        else:
            self._queue.append((code, callback))

    def evaluate(self, code: str, timeout_ms: int = 10000) -> Any:
        """Run JavaScript and wait for its result (tests, exports; not for the UI's hot paths)."""
        loop = QEventLoop()
        box: dict[str, Any] = {}

        def done(value: Any) -> None:
            box["v"] = value
            loop.quit()

        self.run_js(code, done)
        QTimer.singleShot(timeout_ms, loop.quit)
        if "v" not in box:
            loop.exec()
        if "v" not in box:
            raise TimeoutError(f"the map page did not answer: {code[:60]}")
        return box["v"]

    def when_drawn(self, fn: Callable[[], None]) -> None:
        """Call ``fn`` once everything asked of the page so far is on screen."""
        def got(token: Any) -> None:
            t = int(token or 0)
            if t <= self._last_drawn:
                QTimer.singleShot(0, fn)
            else:
                self._waiters.append((t, fn))

        self.run_js("assetmap.redraw()", got)

    # ------------------------------------------------------------ map tools
    def set_map_tool(self, tool) -> None:
        """Make ``tool`` (a ``map_tools.MapTool``) the one that acts on clicks; None: Identify.
        The tool before ends (its ``ended`` signal)."""
        self._tools.set(tool)

    def map_tool(self):
        return self._tools.active

    def end_map_tool(self, tool) -> None:
        """Back to Identify if ``tool`` is still the active one."""
        self._tools.end(tool)

    # ------------------------------------------------------------ map API
    def set_layer_frame(self, name: str, frame, style: dict, title: str | None = None,
                        visible: bool = True, opacity: float = 1.0) -> None:
        """Add or replace a layer from its features (a GeoDataFrame; public ones only are sent).
        Polygon layers go to the page as binary buffers (``mapview.flat``, ``amlayer://``),
        others as GeoJSON."""
        from assetmap.mapview.flat import flat_layer
        from assetmap.ui import layer_scheme

        flat = flat_layer(frame) if layer_scheme.available() else None
        if flat is None:
            from assetmap.mapview.geojson import layer_geojson

            self.set_layer_geojson(name, layer_geojson(frame), style, title, visible, opacity)
            return
        h = layer_scheme.handler(self.page().profile())
        prefix = self._data_prefix(name)
        h.drop(prefix)
        meta = dict(flat.meta, geometry=h.put(flat.geometry, b"application/octet-stream", prefix),
                    attributes=h.put(flat.attributes, b"application/json", prefix))
        opts = {"visible": bool(visible), "opacity": float(opacity)}
        self.run_js(f"assetmap.setLayerData({js(name)},{js(title or name)},{js(meta)},{js(style)},{js(opts)})")

    def _data_prefix(self, name: str) -> str:
        """The handler's keys for this canvas's layer ``name`` (URL-safe whatever the name)."""
        n = self._data_ids.setdefault(name, len(self._data_ids) + 1)
        return f"c{id(self)}l{n}-"

    def _drop_data(self, name: str) -> None:
        from assetmap.ui import layer_scheme

        if name in self._data_ids and layer_scheme.available():
            layer_scheme.handler(self.page().profile()).drop(self._data_prefix(name))

    def set_layer_geojson(self, name: str, geojson: str, style: dict, title: str | None = None,
                          visible: bool = True, opacity: float = 1.0) -> None:
        """Add or replace a layer. ``geojson``: text from ``mapview.layer_geojson``;
        ``style``: a spec from ``mapview.leaflet_style``."""
        self._drop_data(name)
        opts = {"visible": bool(visible), "opacity": float(opacity)}
        self.run_js(f"assetmap.setLayer({js(name)},{js(title or name)},{geojson},{js(style)},{js(opts)})")

    def set_style(self, name: str, style: dict, title: str | None = None) -> None:
        self.run_js(f"assetmap.setStyle({js(name)},{js(title or '')},{js(style)})")

    def set_visible(self, name: str, visible: bool) -> None:
        self.run_js(f"assetmap.setVisible({js(name)},{js(bool(visible))})")

    def set_opacity(self, name: str, opacity: float) -> None:
        self.run_js(f"assetmap.setOpacity({js(name)},{js(float(opacity))})")

    def set_order(self, names: list[str]) -> None:
        """Top layer first."""
        self.run_js(f"assetmap.setOrder({js(list(names))})")

    def remove_layer(self, name: str) -> None:
        self._drop_data(name)
        self.run_js(f"assetmap.removeLayer({js(name)})")

    def highlight(self, name: str, ids) -> None:
        self.run_js(f"assetmap.highlight({js(name)},{js([int(i) for i in ids])})")

    def zoom_to(self, name: str, ids=None) -> None:
        self.run_js(f"assetmap.zoomTo({js(name)},{js([int(i) for i in ids] if ids else None)})")

    def zoom_all(self) -> None:
        self.run_js("assetmap.zoomAll()")

    def zoom_in(self) -> None:
        self.run_js("assetmap.zoomBy(1)")

    def zoom_out(self) -> None:
        self.run_js("assetmap.zoomBy(-1)")

    def set_basemap(self, url: str | None, attribution: str = "") -> None:
        """XYZ tiles under the layers (online users only); None removes them."""
        self.run_js(f"assetmap.setBasemap({js(url or '')},{js(attribution)})")

    def start_polygon(self) -> None:
        """Let the user draw a polygon: clicks add corners, a double-click ends (polygon_drawn)."""
        self.run_js("assetmap.startPolygon()")

    def cancel_polygon(self) -> None:
        """Give up the polygon being drawn (Esc); nothing is sent."""
        self.run_js("assetmap.cancelPolygon()")

    def set_paint_mode(self, on: bool) -> None:
        """Dragging paints (feature_entered between stroke(True) and stroke(False)), not pans."""
        self.run_js(f"assetmap.setPaintMode({js(bool(on))})")

    def set_title(self, text: str) -> None:
        self.run_js(f"assetmap.setTitle({js(text)})")

    def state(self) -> dict:
        """The page's own view of its layers (order, visibility, opacity, highlight, legend)."""
        return self.evaluate("assetmap.state()")
