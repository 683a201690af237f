"""H3 hexagons covering the areas, as polygons in the project CRS.

Every hexagon that touches the areas is a unit (whole hexagons, not clipped), so zero
counts are shown inside the study area and the grid is finite. Points are then counted
with the same polygon test and border rule as areas (order: H3 cell id), which keeps the
counts exact and the two unit kinds comparable.
"""

from __future__ import annotations

from assetmap.errors import UserError

MIN_RES, MAX_RES = 5, 10


def hex_units(areas_gdf, res: int):
    """(GeoDataFrame with an ``h3`` id per hexagon, sorted by id; the id field name)."""
    import geopandas as gpd
    import h3
    import shapely

    if not MIN_RES <= int(res) <= MAX_RES:
        raise UserError(f"--hex {res} is outside the supported resolutions {MIN_RES}–{MAX_RES}.",
                        "Resolution 8 (about 0.7 km² per hexagon) suits a city; 7 is coarser, 9 finer.")
    lonlat = areas_gdf.to_crs("EPSG:4326")
    area = shapely.union_all(lonlat.geometry.to_numpy())
    cells = set(h3.geo_to_cells(area.__geo_interface__, int(res)))
    # Cells whose centre lies outside but whose edge overlaps the areas: one ring around.
    ring = set()
    for c in cells:
        ring.update(h3.grid_disk(c, 1))
    if not cells:  # areas smaller than one hexagon
        c = area.representative_point()
        ring = set(h3.grid_disk(h3.latlng_to_cell(c.y, c.x, int(res)), 1))
    cells = sorted(cells | ring)
    polys = [shapely.Polygon([(lng, lat) for lat, lng in h3.cell_to_boundary(c)]) for c in cells]
    gdf = gpd.GeoDataFrame({"h3": cells}, geometry=polys, crs="EPSG:4326")
    gdf = gdf.loc[gdf.intersects(area)].reset_index(drop=True)
    if len(gdf) > 200_000:
        raise UserError(f"--hex {res} makes {len(gdf)} hexagons over these areas.", "Choose a coarser resolution.")
    return gdf.to_crs(areas_gdf.crs), "h3"


def grid_units(areas_gdf, size_m: float):
    """Own hexagon grid: pointy-top hexagons of ``size_m`` metres across the flats, laid out in
    the project CRS when it is projected in metres, else in the local UTM zone (then brought
    back to the project CRS); the hexagons touching the areas, ids ``r<row>c<col>``."""
    import geopandas as gpd
    import numpy as np
    import shapely

    size_m = float(size_m)
    if not 50 <= size_m <= 50_000:
        raise UserError(f"--hex-size {size_m:g} is outside 50–50,000 metres.",
                        "About 500 m suits a city's blocks; 1,000–2,000 m its districts.")
    crs = areas_gdf.crs
    metric = crs is not None and crs.is_projected and crs.axis_info[0].unit_name in ("metre", "meter")
    work = areas_gdf if metric else areas_gdf.to_crs(areas_gdf.estimate_utm_crs())
    area = shapely.union_all(work.geometry.to_numpy())
    minx, miny, maxx, maxy = area.bounds
    r = size_m / np.sqrt(3)                 # centre-to-corner
    dx, dy = size_m, 1.5 * r
    rows = np.arange(int(np.floor(miny / dy)) - 1, int(np.ceil(maxy / dy)) + 2)
    cols = np.arange(int(np.floor(minx / dx)) - 1, int(np.ceil(maxx / dx)) + 2)
    if len(rows) * len(cols) > 400_000:
        raise UserError(f"--hex-size {size_m:g} makes too many hexagons over these areas.",
                        "Choose a larger size.")
    angles = np.deg2rad(np.arange(6) * 60 + 30)
    ids, polys = [], []
    for row in rows:
        for col in cols:
            cx = col * dx + (dx / 2 if row % 2 else 0.0)
            cy = row * dy
            polys.append(shapely.Polygon(np.c_[cx + r * np.cos(angles), cy + r * np.sin(angles)]))
            ids.append(f"r{row}c{col}")
    gdf = gpd.GeoDataFrame({"hex_id": ids}, geometry=polys, crs=work.crs)
    gdf = gdf.loc[gdf.intersects(area)].sort_values("hex_id").reset_index(drop=True)
    return (gdf if metric else gdf.to_crs(crs)), "hex_id"
