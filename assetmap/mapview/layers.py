"""A project's layers as the map needs them: features read once and kept, turned into
display GeoJSON and Leaflet style specs on demand (Qt-free; the canvas and exports share it)."""

from __future__ import annotations

from typing import Any, TYPE_CHECKING

from assetmap.layers import LayerInfo
from assetmap.layers.roles import LayerRole
from assetmap.layers.style import Style, default_for_aggregate
from assetmap.mapview.geojson import bounds_wgs84, layer_geojson
from assetmap.mapview.leaflet_style import leaflet_style

if TYPE_CHECKING:
    import geopandas as gpd


def layer_style(info: LayerInfo, fields: list[str] | None = None) -> Style:
    if (info.style or {}).get("kind") == "bivariate":
        # What the style editor starts from: the 3x3 classes as categories.
        from assetmap.mapview.report_styles import bivariate_spec

        spec = bivariate_spec(info, _no_rows())
        return Style(kind="categorized", field="bi_class", categories=spec["categories"],
                     other_color=spec["other"], fill_opacity=spec["fillOpacity"])
    if info.role == LayerRole.AGGREGATE and (info.style or {}).get("kind") is None:
        # The importer stores only hints (field, suppression label); the default is a choropleth.
        base = default_for_aggregate(list(fields or []) + [(info.style or {}).get("field", "count")])
        return Style.from_dict({**base.to_dict(), **(info.style or {})})
    return Style.from_dict(info.style) if info.style else Style.default_for(info.role)


def _no_rows():
    import pandas as pd

    return pd.DataFrame({"bi_class": [], "suppressed": []})


class LayerCache:
    def __init__(self, project, audience: str = "office"):
        self.project = project
        self.audience = audience  # privacy.OFFICE (the window), SHARE (exports) or FIELD (survey mode)
        self._frames: dict[str, "gpd.GeoDataFrame"] = {}

    def frame(self, name: str) -> "gpd.GeoDataFrame":
        """All features of the layer (the attribute table uses them too); none at all for a layer
        that may not be shown to this audience (a confidential layer, or an internal one in the field)."""
        from assetmap.privacy import may_leave

        if name not in self._frames:
            frame = self.project.read_layer(name)
            if not may_leave(self.project.layer(name), self.audience):
                frame = frame.iloc[:0]
            self._frames[name] = frame
        return self._frames[name]

    def prefetch(self, names) -> None:
        """Read these layers now (on a worker thread while the map page loads, at start-up)."""
        for name in names:
            self.frame(name)

    def forget(self, name: str) -> None:
        self._frames.pop(name, None)

    def invalidate(self, event) -> None:
        """Drop what a session event (assetmap.session) made stale: a layer's features when they
        changed, were removed or (re)added; its metadata may change what this audience sees."""
        from assetmap.session import DATA, METADATA, LayerChanged

        if not isinstance(event, LayerChanged) or event.what & {DATA, METADATA}:
            self.forget(event.name)

    def spec(self, info: LayerInfo) -> dict[str, Any]:
        from assetmap.mapview.report_styles import special_spec

        from assetmap.privacy import may_leave

        frame = self.frame(info.name)
        if not may_leave(info, self.audience):  # nothing is drawn: no classes to make from its values
            return leaflet_style(Style.default_for(info.role), frame)
        spec = special_spec(info, frame, self.project)
        if spec is not None:
            return spec
        return leaflet_style(layer_style(info, list(frame.columns)), frame)

    def geojson(self, name: str) -> str:
        return layer_geojson(self.frame(name))

    def bounds(self, names: list[str] | None = None) -> list[list[float]] | None:
        out = None
        for n in names if names is not None else self.project.layer_names():
            b = bounds_wgs84(self.frame(n))
            if b is None:
                continue
            if out is None:
                out = b
            else:
                out = [[min(out[0][0], b[0][0]), min(out[0][1], b[0][1])],
                       [max(out[1][0], b[1][0]), max(out[1][1], b[1][1])]]
        return out

    def off_earth(self, name: str) -> list[list[float]] | None:
        """The layer's lon/lat extent when it is no place on Earth (beyond ±180°/±90°, NaN,
        Infinity: written by another program, or stored in a wrong coordinate system), else None."""
        import math

        b = self.bounds([name])
        if b is None:
            return None
        (s, w), (n, e) = b
        if all(math.isfinite(v) for v in (s, w, n, e)) and -90 <= s <= n <= 90 and -180 <= w <= e <= 180:
            return None
        return b

    def drawable_bounds(self, names: list[str]) -> list[list[float]] | None:
        """``bounds`` for a printed or exported map, refusing layers whose extent is no place on
        Earth instead of failing half-way through the drawing."""
        from assetmap.errors import UserError

        for name in names:
            b = self.off_earth(name)
            if b is not None:
                (s, w), (n, e) = b
                raise UserError(
                    f"Layer '{name}' reaches beyond the Earth's coordinates (its extent is "
                    f"{w:.4g}, {s:.4g} to {e:.4g}, {n:.4g} in longitude/latitude), so it can't be drawn on a map.",
                    "Its coordinates or its coordinate system are wrong: import the source file again "
                    "(with --src-crs if needed), or leave the layer out with --layers.")
        return self.bounds(names)
