"""Spatial weights from a polygon layer, named the way the legend says them.

``queen`` and ``rook`` are contiguity (shared corner or shared edge); ``knn:K`` the K nearest unit
centres; ``distance:METRES`` every unit whose centre lies within METRES. Distances are measured in
the local UTM zone (or the layer's own CRS when it is already in metres), never in degrees.
"""

from __future__ import annotations

from dataclasses import dataclass

from assetmap.errors import UserError

HINT = "Use queen, rook, knn:K (e.g. knn:6) or distance:METRES (e.g. distance:1500)."


@dataclass(frozen=True)
class WeightsChoice:
    kind: str            # queen | rook | knn | distance
    k: int | None = None
    metres: float | None = None

    @property
    def code(self) -> str:
        if self.kind == "knn":
            return f"knn:{self.k}"
        if self.kind == "distance":
            return f"distance:{self.metres:g}"
        return self.kind

    @property
    def label(self) -> str:
        """What the legend says about the neighbours."""
        if self.kind == "queen":
            return "neighbours: areas sharing an edge or a corner (queen)"
        if self.kind == "rook":
            return "neighbours: areas sharing an edge (rook)"
        if self.kind == "knn":
            return f"neighbours: the {self.k} nearest areas (k-nearest)"
        return f"neighbours: areas whose centres are within {self.metres:,.0f} m (distance band)"


def parse_weights(text: str | None) -> WeightsChoice:
    text = (text or "queen").strip().lower()
    if text in ("queen", "rook"):
        return WeightsChoice(text)
    kind, _, arg = text.partition(":")
    try:
        if kind == "knn":
            k = int(arg)
            if k < 1:
                raise ValueError
            return WeightsChoice("knn", k=k)
        if kind in ("distance", "band"):
            m = float(arg)
            if not m > 0:
                raise ValueError
            return WeightsChoice("distance", metres=m)
    except ValueError:
        pass
    raise UserError(f"Unknown weights '{text}'.", HINT)


def metric_centroids(gdf):
    """Unit centres as an (n, 2) array in metres."""
    import numpy as np

    if gdf.crs is None:
        raise UserError("The layer has no coordinate system, so distances can't be measured.",
                        "Import it again with its CRS, or use queen or rook weights.")
    g = gdf if gdf.crs.is_projected and gdf.crs.axis_info[0].unit_name in ("metre", "meter") \
        else gdf.to_crs(gdf.estimate_utm_crs())
    c = g.geometry.representative_point()
    return np.column_stack([c.x.to_numpy(), c.y.to_numpy()])


def build_weights(gdf, choice: WeightsChoice | str, *, transform: str = "r", allow_islands: bool = False):
    """libpysal weights over the rows of ``gdf`` in order (ids 0..n-1), row-standardised by default.

    Raises a UserError when a unit would have no neighbour, since its local statistic would be
    meaningless (and silently 0)."""
    import warnings

    from libpysal.weights import KNN, DistanceBand, Queen, Rook

    if isinstance(choice, str):
        choice = parse_weights(choice)
    n = len(gdf)
    if choice.kind == "knn" and choice.k >= n:
        raise UserError(f"knn:{choice.k} needs more than {choice.k} units; the layer has {n}.", HINT)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # islands are reported below, in words
        if choice.kind == "queen":
            w = Queen.from_dataframe(gdf, use_index=False)
        elif choice.kind == "rook":
            w = Rook.from_dataframe(gdf, use_index=False)
        elif choice.kind == "knn":
            w = KNN(metric_centroids(gdf), k=choice.k)
        else:
            w = DistanceBand(metric_centroids(gdf), threshold=choice.metres, binary=True, silence_warnings=True)
    w.id_order = list(range(n))
    if w.islands and not allow_islands:
        raise UserError(f"{len(w.islands)} unit(s) have no neighbour with {choice.code} weights.",
                        "Choose knn:K, or a wider distance band, so every unit has neighbours.")
    w.transform = transform
    return w
