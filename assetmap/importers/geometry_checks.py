"""Geometry clean-up shared by every importer: empty, invalid, far away."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assetmap.importers.report import ImportReport

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

_POLYGONAL = {"Polygon", "MultiPolygon"}


def clean_geometries(gdf: "gpd.GeoDataFrame", report: ImportReport) -> "gpd.GeoDataFrame":
    import shapely

    geom = gdf.geometry
    empty = geom.isna() | geom.is_empty
    report.skip("no geometry", int(empty.sum()))
    gdf = gdf.loc[~empty].copy()
    if len(gdf) == 0:
        return gdf
    values = shapely.force_2d(gdf.geometry.values)
    # NaN/Infinity crash GEOS's repair, and a degree beyond ±180/±90 is no place on Earth:
    # such features are skipped and counted, like a CSV row whose coordinates say NA.
    nonfinite, out_of_range = _impossible_coordinates(values, gdf.crs)
    report.skip("coordinates that are not finite numbers (NaN or Infinity)", int(nonfinite.sum()))
    report.skip("latitude/longitude out of range", int(out_of_range.sum()))
    if nonfinite.any() or out_of_range.any():
        keep = ~(nonfinite | out_of_range)
        gdf, values = gdf.loc[keep].copy(), values[keep]
        if len(gdf) == 0:
            return gdf
    invalid = ~shapely.is_valid(values)
    if invalid.any():
        kinds = set(shapely.get_type_id(values[~invalid]).tolist()) if (~invalid).any() else set()
        repaired = shapely.make_valid(values[invalid])
        if kinds <= {3, 6}:  # polygon layers stay polygons after repair
            repaired = _keep_polygonal(repaired)
        values[invalid] = repaired
        report.repaired += int(invalid.sum())
    gdf = gdf.set_geometry(values, crs=gdf.crs)
    emptied = gdf.geometry.is_empty | gdf.geometry.isna()
    if emptied.any():
        report.skip("geometry that collapsed when repaired", int(emptied.sum()))
        gdf = gdf.loc[~emptied]
    return gdf


def _impossible_coordinates(values, crs):
    """Masks of geometries with a NaN/Infinity coordinate, and (in a geographic CRS) of those
    beyond ±180° longitude or ±90° latitude."""
    import numpy as np
    import shapely

    coords, index = shapely.get_coordinates(values, return_index=True)
    n = len(values)
    bad_xy = ~np.isfinite(coords).all(axis=1)
    nonfinite = np.bincount(index[bad_xy], minlength=n) > 0
    out = np.zeros(n, dtype=bool)
    if crs is not None and getattr(crs, "is_geographic", False):
        with np.errstate(invalid="ignore"):
            far = (np.abs(coords[:, 0]) > 180) | (np.abs(coords[:, 1]) > 90)
        out = (np.bincount(index[far & ~bad_xy], minlength=n) > 0) & ~nonfinite
    return nonfinite, out


def _keep_polygonal(geoms):
    import shapely

    out = []
    for g in geoms:
        if g.geom_type in _POLYGONAL:
            out.append(g)
            continue
        parts = [p for p in shapely.get_parts(g) if p.geom_type in _POLYGONAL]
        out.append(shapely.union_all(parts) if parts else shapely.Polygon())
    return out


def reproject(gdf: "gpd.GeoDataFrame", target_crs: str, report: ImportReport) -> "gpd.GeoDataFrame":
    from pyproj import CRS

    target = CRS.from_user_input(target_crs)
    report.source_crs = _crs_label(gdf.crs)
    report.target_crs = _crs_label(target)
    if gdf.crs is not None and CRS.from_user_input(gdf.crs).equals(target):
        return gdf
    out = gdf.to_crs(target)
    bad = ~out.geometry.is_valid | out.geometry.is_empty
    if len(out) and bad.all():
        from assetmap.errors import UserError

        raise UserError(
            f"{report.source}: no feature could be transformed from {report.source_crs} to {report.target_crs}.",
            "The file's coordinate system is probably wrong; name the right one with --src-crs.",
        )
    return out


def _crs_label(crs) -> str:
    if crs is None:
        return ""
    auth = crs.to_authority(min_confidence=70)
    return f"{auth[0]}:{auth[1]}" if auth else crs.name


def report_far_outside(gdf: "gpd.GeoDataFrame", areas_lonlat_bounds, report: ImportReport) -> None:
    """Warn about features far outside the project's areas (and ones that fit when x/y are swapped)."""
    warn_far_outside(report, *far_outside_counts(gdf, areas_lonlat_bounds), len(gdf))


def warn_far_outside(report: ImportReport, n_out: int, n_swapped: int, total: int) -> None:
    if not n_out:
        return
    report.warnings.append(
        f"{n_out} of {total} features lie far outside the project's areas; check their coordinates."
    )
    if n_swapped:
        report.warnings.append(
            f"{n_swapped} of those would fall inside the areas if latitude and longitude "
            "were swapped: check the columns, or import again with --swap-xy."
        )


def far_outside_counts(gdf: "gpd.GeoDataFrame", areas_lonlat_bounds) -> tuple[int, int]:
    """(features far outside the project's areas, those of them that fit when x/y are swapped).

    Works in longitude/latitude, before reprojection: a swapped point sits near a
    pole, where a projected CRS would turn it into meaningless numbers.
    """
    import numpy as np
    import shapely

    if areas_lonlat_bounds is None or len(gdf) == 0 or gdf.crs is None:
        return 0, 0
    minx, miny, maxx, maxy = areas_lonlat_bounds
    pad = max(maxx - minx, maxy - miny) * 0.5
    box = (minx - pad, miny - pad, maxx + pad, maxy + pad)
    reps = gdf.geometry.representative_point()
    if not gdf.crs.is_geographic:
        reps = reps.to_crs("EPSG:4326")
    xs, ys = shapely.get_x(reps.values), shapely.get_y(reps.values)
    outside = (xs < box[0]) | (xs > box[2]) | (ys < box[1]) | (ys > box[3])
    n_out = int(outside.sum())
    if not n_out or not gdf.crs.is_geographic:
        return n_out, 0
    sw = outside & (ys >= box[0]) & (ys <= box[2]) & (xs >= box[1]) & (xs <= box[3])
    return n_out, int(np.sum(sw))
