"""Class breaks for graduated styles, by mapclassify."""

from __future__ import annotations

from typing import Sequence

from assetmap.errors import UserError
from assetmap.layers.style import SCHEMES


def classify(values: Sequence[float], scheme: str, k: int = 5,
             breaks: Sequence[float] | None = None) -> list[float]:
    """Upper bounds of the classes (the last one is the maximum) for ``values``.

    Missing values are ignored; fewer distinct values than ``k`` give fewer classes
    rather than empty ones.
    """
    import warnings

    import numpy as np

    with warnings.catch_warnings():  # "Numba not installed": the pure-Python path is fast enough here
        warnings.simplefilter("ignore")
        import mapclassify

    if scheme not in SCHEMES:
        raise UserError(f"Unknown classification '{scheme}'.", f"Use one of: {', '.join(SCHEMES)}.")
    arr = np.asarray([v for v in values if v is not None], dtype=float)
    arr = arr[np.isfinite(arr)]
    if arr.size == 0:
        raise UserError("The field has no numbers to classify.", "Choose a numeric field with values.")
    if scheme == "manual":
        if not breaks:
            raise UserError("Manual classification needs class breaks.", "Enter increasing numbers.")
        bins = sorted(float(b) for b in breaks)
        if bins[-1] < arr.max():
            bins.append(float(arr.max()))
        return bins
    k = max(1, min(int(k), len(np.unique(arr))))
    if k == 1:
        return [float(arr.max())]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        classifier = getattr(mapclassify, SCHEMES[scheme])(arr, k=k)
    bins = [float(b) for b in classifier.bins]
    # Quantiles of skewed data can repeat a bound; a repeated bound is an empty class.
    return sorted(set(bins))


def class_index(value: float | None, bins: Sequence[float]) -> int:
    """Index of the class holding ``value`` (-1 for missing), as the page computes it."""
    if value is None:
        return -1
    try:
        v = float(value)
    except (TypeError, ValueError):
        return -1
    if v != v:
        return -1
    for i, b in enumerate(bins):
        if v <= b:
            return i
    return len(bins) - 1
