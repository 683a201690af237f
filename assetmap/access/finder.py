"""Resource finder for family team meetings: the nearest hubs and assets for the
services a family needs, from a spot or a neighbourhood.

A family's location is as sensitive as a report: the spot lives only in memory
here. Nothing in this module writes a file, a log line or a project table, and
the results carry distances, never the spot. Confidential hubs and services are
never listed (``hubs.privacy.public_directory``; assets via ``public_features``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project

ASSET_CATEGORY_FIELDS = ("category", "categories", "type", "service", "services", "asset_type")


@dataclass
class Resource:
    category: str
    kind: str            # "hub" or "asset"
    name: str
    distance_m: float
    services: str = ""
    hours: str = ""
    phone: str = ""
    address: str = ""
    eligibility: str = ""


@dataclass
class FinderResult:
    origin_label: str                    # "the chosen spot" or the neighbourhood's name
    categories: list[str]
    labels: dict[str, str]
    resources: list[Resource] = field(default_factory=list)

    def for_category(self, cat: str) -> list[Resource]:
        return [r for r in self.resources if r.category == cat]


def _origin(project: "Project", spot, area: str | None):
    """(WGS 84 point, label). The spot is validated but never echoed back."""
    from shapely.geometry import Point

    from assetmap.access.catchments import areas_layer
    from assetmap.hubs.directory import parse_coordinate

    if (spot is None) == (area is None):
        raise UserError("Give either a spot or a neighbourhood to search from.",
                        "Use --at LON,LAT or --area NAME.")
    if spot is not None:
        lon, lat = spot
        if parse_coordinate(lon, -180, 180) is None or parse_coordinate(lat, -90, 90) is None:
            raise UserError("The spot is not a longitude/latitude position.",
                            "Longitude is between -180 and 180, latitude between -90 and 90 (--at LON,LAT).")
        return Point(float(lon), float(lat)), "the chosen spot"
    gdf, id_field, name_field, _ = areas_layer(project)
    key = str(area).strip().casefold()
    hit = gdf[(gdf[name_field].astype(str).str.casefold() == key) | (gdf[id_field].astype(str).str.casefold() == key)]
    if hit.empty:
        raise UserError(f"No neighbourhood is called '{area}'.",
                        f"Use a name or number from the '{name_field}' or '{id_field}' field of the areas layer.")
    geo = hit.to_crs("EPSG:4326").geometry.iloc[0]
    return geo.representative_point(), str(hit[name_field].iloc[0])


def _asset_rows(project: "Project", cats: dict[str, dict], wanted: list[str]):
    """(category, name, point WGS84, row) for public assets whose category field names a wanted category."""
    from assetmap.hubs.taxonomy import slug
    from assetmap.layers import LayerRole
    from assetmap.privacy import public_features

    out = []
    for info in project.layers_by_role(LayerRole.ASSETS):
        gdf = public_features(project.read_layer(info.name))
        gdf = gdf[gdf.geometry.notna()]
        if gdf.empty:
            continue
        gdf = gdf.to_crs("EPSG:4326")
        fields = [c for c in gdf.columns if c.lower() in ASSET_CATEGORY_FIELDS]
        name_field = next((c for c in gdf.columns if c.lower() in ("name", "asset_name", "title")), None)
        for _, row in gdf.iterrows():
            text = " ".join(str(row[f]) for f in fields)
            words = {slug(w) for w in text.replace(";", ",").split(",")} | {slug(text)}
            for cat in wanted:
                if cat in words or slug(cats[cat]["label"]) in words:
                    out.append((cat, str(row[name_field]) if name_field else info.display_name, row.geometry, row))
    return out


def find_resources(project: "Project", categories: list[str], *, spot=None, area: str | None = None,
                   per_category: int = 3) -> FinderResult:
    import geopandas as gpd

    from assetmap.access.catchments import hub_points
    from assetmap.hubs import directory
    from assetmap.hubs.privacy import public_directory
    from assetmap.hubs.taxonomy import categories as all_categories
    from assetmap.hubs.taxonomy import resolve_category

    cats = all_categories(project)
    wanted = list(dict.fromkeys(resolve_category(c, cats=cats) for c in categories))
    if not wanted:
        raise UserError("Choose at least one service the family needs.", "For example: --service parenting")
    origin, label = _origin(project, spot, area)
    utm = gpd.GeoSeries([origin], crs="EPSG:4326").estimate_utm_crs()
    here = gpd.GeoSeries([origin], crs="EPSG:4326").to_crs(utm).iloc[0]
    d = public_directory(directory.load(project))
    hubs = hub_points(d)
    result = FinderResult(label, wanted, {c: cats[c]["label"] for c in wanted})
    if len(hubs):
        hubs = hubs.assign(dist=hubs.to_crs(utm).distance(here).to_numpy())
    for cat in wanted:
        found: list[Resource] = []
        if len(hubs):
            sel = hubs[hubs["category_set"].map(lambda s: cat in s).astype(bool)]
            for _, h in sel.iterrows():
                svc = d.services_at(h["id"], public_only=True)
                svc = svc[svc["category"] == cat]
                found.append(Resource(cat, "hub", h["name"], float(h["dist"]), services="; ".join(svc["name"]),
                                      hours=h["hours"], phone=h["phone"], address=h["address"],
                                      eligibility="; ".join(e for e in svc["eligibility_description"] if e)))
        for a_cat, name, geom, row in _asset_rows(project, cats, [cat]):
            dist = float(gpd.GeoSeries([geom], crs="EPSG:4326").to_crs(utm).distance(here).iloc[0])
            found.append(Resource(a_cat, "asset", name, dist, hours=str(row.get("hours", "") or ""),
                                  phone=str(row.get("phone", "") or ""), address=str(row.get("address", "") or "")))
        found.sort(key=lambda r: r.distance_m)
        result.resources += found[:per_category]
    return result
