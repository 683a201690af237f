"""The start-up floor: a bare QWebEngineView showing a Leaflet page with the demo's
neighbourhoods (same data, same five classes, same local Leaflet), grabbed to a PNG once
drawn, then exit. No project, no window, no panels: what any app drawing this map must do.

    python bench/startup_floor.py OUT.png
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

BREAKS = (2911.8, 4568.7, 6612.4, 8913.8, 12143.4)
COLORS = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{css}"><script src="{js}"></script>
<style>html,body,#map{{margin:0;height:100%}}</style></head><body><div id="map"></div><script>
const data = {data};
const map = L.map('map', {{preferCanvas: true, zoomControl: true}});
const layer = L.geoJSON(data, {{style: f => ({{fillColor: f.properties.c, color: '#555555', weight: 1,
  fillOpacity: 0.8}})}}).addTo(map);
map.fitBounds(layer.getBounds());
requestAnimationFrame(() => requestAnimationFrame(() => {{ document.title = 'drawn'; }}));
</script></body></html>"""


def main(out: str) -> int:
    import pyogrio
    from PySide6.QtCore import QCoreApplication, QEvent, QTimer, QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    gdf = pyogrio.read_dataframe(ROOT / "resources" / "demo" / "st_louis_demo.gpkg", layer="neighborhoods",
                                 columns=["pop_per_sqmi"])

    def colour(v):
        if v is None or v != v:
            return "#bbbbbb"
        return next((c for b, c in zip(BREAKS, COLORS) if v <= b), COLORS[-1])

    gdf["c"] = [colour(v) for v in gdf["pop_per_sqmi"]]
    leaflet = ROOT / "resources" / "leaflet"
    html = PAGE.format(css=(leaflet / "leaflet.css").as_uri(), js=(leaflet / "leaflet.js").as_uri(),
                       data=json.dumps(json.loads(gdf[["c", "geometry"]].to_json())))
    app = QApplication(sys.argv[:1])
    view = QWebEngineView()
    view.resize(1280, 800)
    view.show()
    state = {"last": None}

    def poll():
        if view.title() != "drawn":
            QTimer.singleShot(10, poll)
            return
        img = view.grab().toImage()   # as ours: grab until two grabs agree
        if state["last"] is not None and img == state["last"]:
            img.save(out)
            app.quit()
            return
        state["last"] = img
        QTimer.singleShot(100, poll)

    view.setHtml(html, QUrl.fromLocalFile(str(leaflet) + "/"))
    poll()
    app.exec()
    view.page().deleteLater()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
