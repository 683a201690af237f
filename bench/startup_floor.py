"""The start-up floor: a bare QWebEngineView showing a Leaflet page with what ``assetmap demo``
shows (the mission demo's visible layers: neighbourhoods, DV-call rates over all periods in five
classes, survey assets and hubs as points; same local Leaflet), grabbed to a PNG once drawn, then
exit. No project model, no window, no panels, no legend: what any app drawing this map must do.

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

BREAKS = (5.43, 10.83, 15.65, 23.62, 41.39)
COLORS = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
DEMO = ROOT / "resources" / "demo" / "st_louis_mission.gpkg"

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{css}"><script src="{js}"></script>
<style>html,body,#map{{margin:0;height:100%}}</style></head><body><div id="map"></div><script>
const data = {data};
const map = L.map('map', {{preferCanvas: true, zoomControl: true}});
const layer = L.geoJSON(data, {{style: f => ({{fillColor: f.properties.c, color: '#555555', weight: 1,
  fillOpacity: 0.8}}), pointToLayer: (f, ll) => L.circleMarker(ll, {{radius: 6}})}}).addTo(map);
map.fitBounds(layer.getBounds());
requestAnimationFrame(() => requestAnimationFrame(() => {{ document.title = 'drawn'; }}));
</script></body></html>"""


def main(out: str) -> int:
    import pyogrio
    from PySide6.QtCore import QCoreApplication, QEvent, QTimer, QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    areas = pyogrio.read_dataframe(DEMO, layer="neighborhoods", columns=[])
    dv = pyogrio.read_dataframe(DEMO, layer="dv_by_neighborhoods_quarterly", columns=["NHD_NUM", "rate_per_1000"],
                                read_geometry=False)
    rate = dv.groupby("NHD_NUM")["rate_per_1000"].mean()   # all periods, one figure per unit
    polys = pyogrio.read_dataframe(DEMO, layer="dv_by_neighborhoods_quarterly", columns=["NHD_NUM"],
                                   where="period = '2017-Q1'")

    def colour(v):
        if v is None or v != v:
            return "#bbbbbb"
        return next((c for b, c in zip(BREAKS, COLORS) if v <= b), COLORS[-1])

    areas["c"] = "#ffffff"
    polys["c"] = [colour(rate.get(k)) for k in polys["NHD_NUM"]]
    points = [pyogrio.read_dataframe(DEMO, layer=name, columns=[]) for name in ("survey_community_assets", "hubs")]
    for gdf, c in zip(points, ("#009E73", "#D55E00")):
        gdf["c"] = c
    import pandas as pd

    gdf = pd.concat([areas, polys, *points], ignore_index=True).set_geometry("geometry")
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
