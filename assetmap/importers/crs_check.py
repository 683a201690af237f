"""Are the coordinates plausible in the coordinate system they are said to be in?

A shapefile whose ``.prj`` went missing, imported "as EPSG:4326", stores State Plane feet as
"degrees" near 1,000,000: every map, scale bar and distance after that is nonsense. Such a
file is refused here, before anything is written, with what the numbers look like and, when
the project already has areas, the coordinate systems that put the file on them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

_TOLERANCE = 1e-6  # a polygon touching the antimeridian or a pole is still lon/lat
_MAX_SUGGESTIONS = 3


def check_geographic_range(gdf: "gpd.GeoDataFrame", source: str, *, crs_given: bool, areas_lonlat_bounds=None) -> None:
    """Refuse longitude/latitude outside ±180/±90 (UserError), suggesting a CRS when it can."""
    import numpy as np

    if gdf.crs is None or not gdf.crs.is_geographic or len(gdf) == 0:
        return
    minx, miny, maxx, maxy = (float(v) for v in gdf.total_bounds)
    if not all(np.isfinite([minx, miny, maxx, maxy])):
        return
    # pyproj axis order: geopandas keeps x = longitude for files; check both axes' ranges.
    if minx >= -180 - _TOLERANCE and maxx <= 180 + _TOLERANCE and miny >= -90 - _TOLERANCE and maxy <= 90 + _TOLERANCE:
        return
    said = _crs_name(gdf.crs)
    look = describe_numbers(minx, miny, maxx, maxy)
    where = ("you named it with --src-crs" if crs_given
             else "the file says so")
    message = (f"{source}: its coordinates run from {_num(minx)}, {_num(miny)} to {_num(maxx)}, {_num(maxy)}, "
               f"but {said} is longitude/latitude ({where}), which stays within ±180 and ±90. {look}")
    hints = []
    if source.lower().endswith((".shp", ".zip")):
        hints.append("A shapefile keeps its coordinate system in its .prj file: if it is missing, copy it "
                     "with the .shp (your city's GIS office can send it).")
    suggestions = suggest_crs((minx, miny, maxx, maxy), areas_lonlat_bounds) if areas_lonlat_bounds else []
    if suggestions:
        named = "; ".join(f"{code} ({name})" for code, name in suggestions)
        hints.append(f"These put the file on the project's existing areas: {named}. "
                     f"Import again with --src-crs {suggestions[0][0]}.")
    else:
        hints.append("Try the State Plane zone of your city (for example --src-crs ESRI:102696 for "
                     "Missouri East, US feet) or its UTM zone (for example --src-crs EPSG:26915 for UTM 15N).")
    hints.append("Nothing was imported.")
    raise UserError(message, " ".join(hints))


def describe_numbers(minx: float, miny: float, maxx: float, maxy: float) -> str:
    """What numbers this size usually are, in words a GIS office would recognise."""
    big = max(abs(minx), abs(maxx), abs(miny), abs(maxy))
    if big > 1e8:
        return ("Numbers this large are not coordinates of any usual system; the file may hold "
                "another unit or be damaged.")
    if big > 2e6:
        return ("These look like metres in a projected system (UTM or Web Mercator), not degrees; "
                "the coordinate system (.prj) is missing or wrong.")
    return ("These look like feet or metres in a projected system such as State Plane or UTM, not degrees; "
            "the coordinate system (.prj) is missing or wrong.")


def suggest_crs(bounds, areas_lonlat_bounds, limit: int = _MAX_SUGGESTIONS) -> list[tuple[str, str]]:
    """Projected CRSs (EPSG/ESRI, from pyproj's database, used near the areas) that put ``bounds``
    on the areas: [(code, name)], best first."""
    import numpy as np
    from pyproj import Transformer
    from pyproj.aoi import AreaOfInterest
    from pyproj.database import query_crs_info
    from pyproj.enums import PJType

    aw, as_, ae, an = areas_lonlat_bounds
    area = max((ae - aw) * (an - as_), 1e-12)
    infos = query_crs_info(pj_types=PJType.PROJECTED_CRS, contains=False,
                           area_of_interest=AreaOfInterest(aw, as_, ae, an))
    # Local systems only (State Plane, UTM, national grids): world-wide ones can't be told apart.
    infos = [i for i in infos if i.auth_name in ("EPSG", "ESRI") and not i.deprecated and i.area_of_use
             and (i.area_of_use.east - i.area_of_use.west) < 40]
    minx, miny, maxx, maxy = bounds
    xs = np.array([minx, maxx, minx, maxx, (minx + maxx) / 2])
    ys = np.array([miny, miny, maxy, maxy, (miny + maxy) / 2])
    scored = []
    for info in infos:
        code = f"{info.auth_name}:{info.code}"
        try:
            lon, lat = Transformer.from_crs(code, "EPSG:4326", always_xy=True).transform(xs, ys)
        except Exception:  # a CRS PROJ can't transform here (other body, missing grid)
            continue
        if not (np.all(np.isfinite(lon)) and np.all(np.isfinite(lat))):
            continue
        w, e, s, n = lon.min(), lon.max(), lat.min(), lat.max()
        inter = max(0.0, min(e, ae) - max(w, aw)) * max(0.0, min(n, an) - max(s, as_))
        union = (e - w) * (n - s) + area - inter
        score = inter / union if union > 0 else 0.0
        if score >= 0.5:
            scored.append((-score, info.auth_name != "EPSG", code, info.name))
    scored.sort()
    return [(code, name) for _, _, code, name in scored[:limit]]


def _crs_name(crs) -> str:
    auth = crs.to_authority(min_confidence=70)
    return f"{auth[0]}:{auth[1]} ({crs.name})" if auth else crs.name


def _num(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.4g}"
