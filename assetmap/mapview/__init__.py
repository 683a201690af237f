"""What the map shows, without Qt: the offline Leaflet page, layer GeoJSON for display,
styles turned into Leaflet options, legends and mapclassify classification.

The Qt map canvas (``assetmap.ui.map_canvas``) and the exporters use this package; the
page and every exported HTML hold no network address.
"""

from assetmap.mapview.classify import classify
from assetmap.mapview.geojson import layer_geojson
from assetmap.mapview.leaflet_style import leaflet_style, legend_entries
from assetmap.mapview.page import standalone_html, write_app_page

__all__ = ["classify", "layer_geojson", "leaflet_style", "legend_entries", "standalone_html",
           "write_app_page"]
