"""Risk terrain, part 1: the grid of cells and the risk factors operationalised on it.

Cells are squares laid out in the project CRS when it is in metres, else in the local UTM zone
(the grid of assetmap.reports.kde). Each public factor layer becomes binary candidate variables,
as RTMDx operationalises them: *proximity* (the cell centre is within B metres of a feature) and,
for point layers, *density* (the number of features within B metres is high: at least its mean
plus two standard deviations over the cells), at each bandwidth B.

Only ``assetmap.privacy.public_features`` of a factor layer are used: a confidential place (a
shelter) is never a risk factor, so the surface can't point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from assetmap.project import Project

DEFAULT_CELL_M = 150.0
DEFAULT_BANDWIDTHS = (150.0, 300.0, 600.0)


@dataclass
class Terrain:
    grid: object                 # assetmap.reports.kde.Grid
    work_crs: object
    cx: "np.ndarray"             # cell centres in work_crs
    cy: "np.ndarray"
    names: list[str] = field(default_factory=list)      # candidate variable names
    factor_of: list[str] = field(default_factory=list)  # the factor layer of each candidate
    kind_of: list[str] = field(default_factory=list)    # proximity | density
    band_of: list[float] = field(default_factory=list)
    columns: list["np.ndarray"] = field(default_factory=list)  # bool per cell

    @property
    def n_cells(self) -> int:
        return len(self.cx)

    def matrix(self, idx: list[int]):
        import numpy as np

        return np.column_stack([self.columns[i] for i in idx]).astype(float) if idx else np.zeros((self.n_cells, 0))


def make_terrain(project: "Project", areas: str, cell_m: float = DEFAULT_CELL_M) -> Terrain:
    import shapely

    from assetmap.reports.aggregate import areas_units
    from assetmap.reports.kde import _work_crs, make_grid

    if not 50 <= cell_m <= 2000:
        raise UserError(f"Cells of {cell_m:g} m are out of range.", "Use --cell between 50 and 2000 metres.")
    gdf, _, _ = areas_units(project, areas)
    work = _work_crs(gdf)
    area = shapely.union_all(gdf.to_crs(work).geometry.to_numpy())
    grid = make_grid(area, cell_m)
    cx, cy = grid.centres()
    return Terrain(grid, work, cx, cy)


def _factor_points(project: "Project", layer: str, work_crs):
    """(x, y) of the factor's public features in metres, or the geometries for lines/polygons."""
    import numpy as np

    from assetmap.privacy import public_features

    if not project.has_layer(layer):
        raise UserError(f"{project.path} has no layer '{layer}'.",
                        f"Its layers: {', '.join(project.layer_names())}.")
    from assetmap.layers.roles import LayerRole

    info = project.layer(layer)
    if info.role in (LayerRole.AGGREGATE, LayerRole.HOTSPOTS):
        raise UserError(f"'{layer}' is made from sensitive reports: it can't be a risk factor.",
                        "Risk factors are public layers (places, incidents, facilities).")
    gdf = public_features(project.read_layer(layer))
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty].to_crs(work_crs)
    if not len(gdf):
        raise UserError(f"'{layer}' has no public features to use as a risk factor.", "Choose another layer.")
    if gdf.geom_type.isin(["Point"]).all():
        return np.column_stack([gdf.geometry.x.to_numpy(), gdf.geometry.y.to_numpy()]), None
    return None, gdf.geometry.to_numpy()


def add_factor(terrain: Terrain, project: "Project", layer: str, bandwidths=DEFAULT_BANDWIDTHS) -> None:
    import numpy as np
    import shapely
    from scipy.spatial import cKDTree

    xy, geoms = _factor_points(project, layer, terrain.work_crs)
    centres = np.column_stack([terrain.cx, terrain.cy])
    if xy is not None:
        tree = cKDTree(xy)
        dist, _ = tree.query(centres, k=1)
    else:
        shape = shapely.union_all(geoms)
        dist = shapely.distance(shapely.points(centres), shape)
    for b in bandwidths:
        terrain.names.append(f"{layer}: within {b:g} m")
        terrain.factor_of.append(layer)
        terrain.kind_of.append("proximity")
        terrain.band_of.append(float(b))
        terrain.columns.append(dist <= b)
        if xy is not None:
            n = tree.query_ball_point(centres, r=b, return_length=True).astype(float)
            cut = n.mean() + 2 * n.std()
            terrain.names.append(f"{layer}: high density within {b:g} m")
            terrain.factor_of.append(layer)
            terrain.kind_of.append("density")
            terrain.band_of.append(float(b))
            terrain.columns.append((n >= cut) & (n > 0))


def count_in_cells(terrain: Terrain, x, y) -> "np.ndarray":
    """Points (in the work CRS) per kept cell; points outside the grid are left out."""
    import numpy as np

    g = terrain.grid
    ok = np.isfinite(x) & np.isfinite(y)
    col = np.floor(x[ok] / g.size).astype(np.int64) - g.col0
    row = np.floor(y[ok] / g.size).astype(np.int64) - g.row0
    inside = (col >= 0) & (col < g.n_cols) & (row >= 0) & (row < g.n_rows)
    full = np.bincount(row[inside] * g.n_cols + col[inside], minlength=g.n_rows * g.n_cols)
    return full[g.flat()]
