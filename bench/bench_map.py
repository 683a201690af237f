"""Map canvas speed on a 10,000-polygon layer (the St. Louis neighbourhoods cut by a fine
grid): first display and a visibility toggle, updated in place in the page, against the
naive way of rebuilding and reloading the whole folium page each time.

Both sides run in the same offscreen QWebEngineView set-up and count until the page has
drawn (ours: the page's "drawn" report; folium: loadFinished plus two animation frames).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from run import SHARED, Case

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

N_TARGET = 10_000
_state: dict = {}


def grid_layer():
    """About 10,000 polygons: neighbourhoods intersected with a fine square grid."""
    if "grid" in _state:
        return _state["grid"]
    import geopandas as gpd
    import numpy as np
    import shapely

    nb = gpd.read_file(SHARED / "stl" / "neighborhoods.geojson").to_crs(4326)[["NHD_NAME", "geometry"]]
    x0, y0, x1, y1 = nb.total_bounds
    n = 130
    xs, ys = np.linspace(x0, x1, n + 1), np.linspace(y0, y1, n + 1)
    cells = [shapely.box(xs[i], ys[j], xs[i + 1], ys[j + 1]) for i in range(n) for j in range(n)]
    grid = gpd.GeoDataFrame(geometry=cells, crs=4326)
    pieces = gpd.overlay(nb, grid, how="intersection", keep_geom_type=True)
    pieces = pieces.iloc[:N_TARGET].reset_index(drop=True)
    pieces["value"] = np.arange(len(pieces)) % 97
    pieces.index = pieces.index + 1
    _state["grid"] = pieces
    return pieces


def _app():
    from assetmap.ui.app import ensure_qt_app

    return ensure_qt_app(gui=False)


def _wait(cond, timeout_s=120.0):
    from PySide6.QtCore import QEventLoop, QTimer

    if cond():
        return
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: cond() and loop.quit())
    timer.start()
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    timer.stop()
    if not cond():
        raise TimeoutError("map did not finish")


def _canvas():
    if "canvas" not in _state:
        _app()
        from assetmap.ui.map_canvas import MapCanvas

        c = MapCanvas()
        c.resize(1000, 700)
        c.show()
        _wait(lambda: c.is_ready)
        _state["canvas"] = c
    return _state["canvas"]


def _drawn(canvas) -> None:
    done = []
    canvas.when_drawn(lambda: done.append(1))
    _wait(lambda: bool(done))


def _ours_show() -> None:
    from assetmap.layers.style import Style
    from assetmap.mapview import layer_geojson, leaflet_style

    c = _canvas()
    g = grid_layer()
    spec = leaflet_style(Style(kind="graduated", field="value", scheme="quantiles"), g)
    c.set_layer_geojson("grid", layer_geojson(g, simplify=0), spec, "Grid")
    c.zoom_to("grid")
    _drawn(c)


def _folium_page(path: Path, with_layer: bool) -> None:
    import folium

    g = grid_layer()
    from assetmap.resources import resource

    m = folium.Map(location=[38.63, -90.24], zoom_start=11, tiles=None, prefer_canvas=True)
    # Offline like ours: Leaflet from the same local files, no CDN plugins.
    m.default_js = [("leaflet", (resource("leaflet") / "leaflet.js").as_uri())]
    m.default_css = [("leaflet_css", (resource("leaflet") / "leaflet.css").as_uri())]
    if with_layer:
        folium.GeoJson(g, style_function=lambda f: {"fillColor": "#2c7fb8", "color": "#333", "weight": 1}).add_to(m)
    m.save(str(path))


def _folium_show(with_layer: bool = True) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView

    _app()
    if "view" not in _state:
        v = QWebEngineView()
        v.resize(1000, 700)
        v.show()
        _state["view"] = v
        _state["tmp"] = Path(tempfile.mkdtemp(prefix="assetmap-bench-map-"))
    v = _state["view"]
    page = _state["tmp"] / "folium.html"
    _folium_page(page, with_layer)
    loaded = []
    v.loadFinished.connect(lambda ok: loaded.append(ok))
    v.load(QUrl.fromLocalFile(str(page)))
    _wait(lambda: bool(loaded))
    v.loadFinished.disconnect()
    frames = []
    v.page().runJavaScript("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(1))))",
                           0, frames.append)
    _wait(lambda: bool(frames))


def first_display() -> Case:
    def setup() -> None:
        grid_layer()
        c = _canvas()
        c.remove_layer("grid")
        _drawn(c)

    return Case(ours=_ours_show, baseline=_folium_show, setup=setup, teardown=_teardown,
                notes={"polygons": N_TARGET})


def toggle() -> Case:
    def setup() -> None:
        c = _canvas()
        if "grid_loaded" not in _state:
            _ours_show()
            _state["grid_loaded"] = True

    # One measure = hide then show again (best of N would otherwise pick the cheap "hidden" half).
    def ours() -> None:
        c = _canvas()
        for on in (False, True):
            c.set_visible("grid", on)
            _drawn(c)

    def baseline() -> None:
        for on in (False, True):
            _folium_show(with_layer=on)

    return Case(ours=ours, baseline=baseline, setup=setup, teardown=_teardown, notes={"polygons": N_TARGET, "measure": "hide + show"})


def _teardown() -> None:
    tmp = _state.get("tmp")
    if tmp is not None:
        shutil.rmtree(tmp, ignore_errors=True)
        _state.pop("tmp")
        _state.pop("view").deleteLater()


BENCHMARKS = {"map_first_display": first_display, "map_toggle": toggle}
