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
