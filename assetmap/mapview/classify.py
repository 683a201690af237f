"""Class breaks for graduated styles, by mapclassify."""

from __future__ import annotations

from typing import Sequence

from assetmap.errors import UserError
from assetmap.layers.style import SCHEMES

# Natural breaks above this many values run mapclassify's Fisher-Jenks on this many evenly spaced
# order statistics, then refine on all values. mapclassify without numba is quadratic in pure
# Python: 16,000 risk-terrain cells took over 13 minutes; 500 values take about 0.3 s.
FISHER_JENKS_SAMPLE = 500


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
    if scheme == "natural_breaks" and arr.size > FISHER_JENKS_SAMPLE:
        return natural_breaks_sampled(arr, k)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        classifier = getattr(mapclassify, SCHEMES[scheme])(arr, k=k)
    bins = [float(b) for b in classifier.bins]
    # Quantiles of skewed data can repeat a bound; a repeated bound is an empty class.
    return sorted(set(bins))


def natural_breaks_sampled(arr, k: int, size: int = FISHER_JENKS_SAMPLE) -> list[float]:
    """Fisher-Jenks breaks of many values from a bounded sample, the same for the same values.

    The sample is ``size`` evenly spaced order statistics (min and max included), not a random
    draw like mapclassify's ``FisherJenksSampled``: it is deterministic, so the window and every
    export show the same classes, and it follows the distribution more closely. The sample's
    breaks are then refined on all values by one-dimensional k-means (class bounds halfway
    between class means), which never raises the within-class sum of squares; heavy tails that
    a sample under-represents are mostly recovered that way.
    """
    import warnings

    import numpy as np

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import mapclassify

        ys = np.sort(np.asarray(arr, dtype=float))
        sample = ys[np.unique(np.linspace(0, ys.size - 1, size).round().astype(np.int64))]
        k = max(1, min(k, len(np.unique(sample))))
        bins = np.unique(np.asarray(mapclassify.FisherJenks(sample, k=k).bins, dtype=float))
    bins[-1] = ys[-1]
    return [float(b) for b in _refine(ys, bins)]


def _refine(ys, bins, rounds: int = 50):
    """Lloyd's iterations on sorted ``ys`` from ``bins`` (upper bounds, the last is the maximum)."""
    import numpy as np

    for _ in range(rounds):
        idx = np.minimum(np.searchsorted(bins, ys, side="left"), len(bins) - 1)
        counts = np.bincount(idx, minlength=len(bins))
        sums = np.bincount(idx, weights=ys, minlength=len(bins))
        means = sums[counts > 0] / counts[counts > 0]
        cut = np.searchsorted(ys, (means[:-1] + means[1:]) / 2, side="right")
        new = np.unique(np.append(ys[np.maximum(cut - 1, 0)], ys[-1]))
        if np.array_equal(new, bins):
            break
        bins = new
    return bins


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
