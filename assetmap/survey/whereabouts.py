"""Where a volunteer's location falls: in their own areas, or in which other one.

A field package holds the volunteer's areas (the areas layer, ``extra.package_areas``) and,
for context, every area's outline and name (``package_context_areas``: public boundaries,
no other data). Survey mode warns — never blocks — when a location is outside the own
areas, naming the area it falls in, so a wrong click is noticed at the door.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project

CONTEXT_LAYER = "package_all_areas"


@dataclass
class Where:
    inside: bool  # in one of the volunteer's areas (or the package limits nothing)
    area: str | None = None  # the area the point falls in, when outside the own ones
    own: list[str] = field(default_factory=list)  # the names of the volunteer's areas


def context_areas(project: "Project", area_info):
    """(GeoDataFrame, LayerInfo) of every area's id, name and outline, for a package."""
    from assetmap.layers import LayerInfo, LayerRole

    gdf = project.read_layer(area_info.name)
    keep = [c for c in (area_info.extra.get("id_field"), area_info.extra.get("name_field")) if c in gdf.columns]
    info = LayerInfo(CONTEXT_LAYER, LayerRole.OTHER, "All areas (context)", visible=False,
                     source=f"outlines of {area_info.name}",
                     extra={"package_context_areas": True, "id_field": area_info.extra.get("id_field"),
                            "name_field": area_info.extra.get("name_field")})
    return gdf[keep + [gdf.geometry.name]], info


class Whereabouts:
    """Answers ``where(lat, lon)`` for one package (or project); loads the outlines once."""

    def __init__(self, project: "Project"):
        from assetmap.layers import LayerRole

        self.own = self.context = None
        self.own_names: list[str] = []
        for info in project.layers():
            if info.role is LayerRole.AREAS and "package_areas" in info.extra and self.own is None:
                self.own = self._load(project, info)
                self.own_names = [n for n in self.own["_name"] if n]
            elif info.extra.get("package_context_areas"):
                self.context = self._load(project, info)

    @staticmethod
    def _load(project, info):
        gdf = project.read_layer(info.name)
        gdf = gdf.to_crs("EPSG:4326") if gdf.crs is not None else gdf
        name = info.extra.get("name_field")
        ident = info.extra.get("id_field")
        col = name if name in gdf.columns else ident if ident in gdf.columns else None
        gdf["_name"] = gdf[col].astype(str) if col else ""
        return gdf

    def where(self, lat: float, lon: float) -> Where:
        from shapely.geometry import Point

        pt = Point(lon, lat)
        if self.own is None or not len(self.own) or self.own.geometry.intersects(pt).any():
            return Where(True, own=self.own_names)
        area = None
        if self.context is not None:
            hits = self.context[self.context.geometry.intersects(pt)]
            if len(hits):
                area = str(hits["_name"].iloc[0])
        return Where(False, area, self.own_names)


def _is_lines(info) -> bool:
    return "line" in (info.geometry_type or "").lower()


def _check(project: "Project", layer: str):
    """The layer's info, if it can be a volunteers' reference: lines, and allowed to go to the field."""
    from assetmap.errors import UserError
    from assetmap.privacy import FIELD, check_may_leave

    if layer not in project.layer_names():
        raise UserError(f"The project has no layer '{layer}'.", "Choose one of the project's line layers.")
    info = project.layer(layer)
    if not _is_lines(info):
        raise UserError(f"'{layer}' is a {info.geometry_type or 'non-spatial'} layer, not lines.",
                        "Choose a line layer such as streets; it is drawn under the volunteer's areas.")
    check_may_leave(info, FIELD)  # a package would leave it out: say so now, not at the door
    return info


def mark_reference(project: "Project", layer: str, on: bool = True):
    """Mark (or unmark) a line layer as a reference survey mode draws (streets)."""
    info = _check(project, layer) if on else project.layer(layer)
    info.extra = {**info.extra, "reference": bool(on)}
    project.update_layer_info(info)
    return info


def reference_candidates(project: "Project") -> list:
    """The line layers a coordinator may show volunteers (public ones: packages carry no other)."""
    from assetmap.privacy import FIELD, may_leave

    return [info for info in project.layers() if _is_lines(info) and may_leave(info, FIELD)]


def marked_references(project: "Project") -> list[str]:
    return [info.name for info in project.layers() if info.extra.get("reference")]


def set_references(project: "Project", layers: list[str]) -> None:
    """Exactly ``layers`` marked as references (the app offers one street layer; undo restores any set).
    A layer that can't be one is refused before anything changes."""
    for name in layers:
        _check(project, name)
    for name in marked_references(project):
        if name not in layers:
            mark_reference(project, name, False)
    for name in layers:
        if not project.layer(name).extra.get("reference"):
            mark_reference(project, name, True)
