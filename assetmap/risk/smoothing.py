"""Rates that don't shout about tiny populations: raw, empirical Bayes (global and spatial) and
the excess-risk ratio (observed / expected) with an exact Poisson 95 % interval.

The estimators are esda's (``esda.smoothing``); this module only chooses the inputs, scales the
rates per 1,000 and decides what is published.

**Withheld units.** A unit whose count is withheld (1–N) has nothing published: no rate, no
smoothed rate, no expected count, no excess risk, no interval. And no published figure of any
other unit may depend on its true count, or the count could be worked back (a global mean, a
neighbourhood mean and the published populations are enough to invert an EB rate). So every
figure is computed with each withheld count *imputed* at the midpoint of the withheld range
((1 + N) / 2, 5.5 for 1–10), as Gi* does; the true counts never enter. The layer says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

SMOOTHINGS = ("eb", "spatial-eb")
PER = 1000.0
COLUMNS = ("rate_raw", "rate_smoothed", "expected", "excess_risk", "er_low", "er_high")
SMOOTH_LABELS = {"eb": "empirical Bayes (global)", "spatial-eb": "spatial empirical Bayes"}


@dataclass
class Rates:
    """Per unit, in the order given. Rates are per 1,000; NaN where nothing is published."""

    raw: "np.ndarray"
    smoothed: "np.ndarray"
    expected: "np.ndarray"
    excess_risk: "np.ndarray"
    er_low: "np.ndarray"
    er_high: "np.ndarray"
    global_rate: float       # per 1,000, over the inputs (withheld counts imputed)

    def columns(self) -> dict[str, "np.ndarray"]:
        return dict(zip(COLUMNS, (self.raw, self.smoothed, self.expected, self.excess_risk,
                                  self.er_low, self.er_high)))


def check_smooth(smooth: str | None) -> str | None:
    if smooth is not None and smooth not in SMOOTHINGS:
        raise UserError(f"Unknown smoothing '{smooth}'.", "Use eb (global empirical Bayes) or spatial-eb.")
    return smooth


def poisson_interval(observed, expected, level: float = 0.95):
    """Exact (Garwood) interval of observed/expected for a Poisson count: chi-square quantiles."""
    import numpy as np
    from scipy import stats

    o = np.asarray(observed, float)
    e = np.asarray(expected, float)
    a = (1 - level) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        low = np.where(o > 0, stats.chi2.ppf(a, 2 * o) / 2, 0.0) / e
        high = stats.chi2.ppf(1 - a, 2 * o + 2) / 2 / e
    return low, high


def smoothed_rates(counts, population, *, smooth: str | None = "eb", withheld=None, threshold: int = 10,
                   gdf=None, weights=None) -> Rates:
    """Rates of ``counts`` per ``population`` for units in order.

    ``withheld`` (bool per unit) marks counts that are not published: their value in ``counts`` is
    ignored, replaced by the midpoint (1 + threshold) / 2, and their own outputs are NaN.
    ``spatial-eb`` needs ``weights`` (libpysal, ids 0..n-1) or ``gdf`` (queen contiguity).
    Units with no population (0 or missing) get NaN and are left out of the global figures."""
    import numpy as np
    from esda.smoothing import Empirical_Bayes, Excess_Risk, Spatial_Empirical_Bayes

    smooth = check_smooth(smooth)
    e = np.asarray(counts, float).copy()
    b = np.asarray(population, float)
    n = len(e)
    hidden = np.zeros(n, bool) if withheld is None else np.asarray(withheld, bool)
    e[hidden] = (1 + threshold) / 2
    ok = np.isfinite(b) & (b > 0) & (hidden | np.isfinite(e))
    if ok.sum() < 2:
        raise UserError("Fewer than two units have a count and a population.",
                        "Check the count and population fields.")
    if (e[ok & ~hidden] < 0).any():
        raise UserError("Some counts are negative.", "Counts must be 0 or more.")
    nan = np.full(n, np.nan)
    raw, smoothed, expected, er, low, high = (nan.copy() for _ in range(6))
    eo, bo = e[ok], b[ok]
    raw[ok] = eo / bo * PER
    if smooth == "eb":
        smoothed[ok] = Empirical_Bayes(eo, bo).r.ravel() * PER
    elif smooth == "spatial-eb":
        if weights is None:
            if gdf is None:
                raise ValueError("spatial-eb needs weights or a GeoDataFrame")
            from assetmap.risk.weights import build_weights

            weights = build_weights(gdf.iloc[np.flatnonzero(ok)], "queen", transform="b", allow_islands=True)
        elif not ok.all():
            # Units without people (parks) are no one's neighbour for a rate.
            from libpysal.weights import w_subset

            weights = w_subset(weights, [weights.id_order[i] for i in np.flatnonzero(ok)], silence_warnings=True)
        import warnings

        from esda.smoothing import Spatial_Rate

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # 0/0 where a neighbourhood has no report
            seb = Spatial_Empirical_Bayes(eo, bo, weights).r.ravel()
        # esda gives NaN where the neighbourhood's rate and variance are both 0: the smoothed rate is
        # then that neighbourhood rate, 0.
        local = Spatial_Rate(eo, bo, weights).r.ravel()
        smoothed[ok] = np.where(np.isfinite(seb), seb, local) * PER
    er[ok] = Excess_Risk(eo, bo).r.ravel()
    rate = eo.sum() / bo.sum()
    expected[ok] = bo * rate
    low[ok], high[ok] = poisson_interval(eo, expected[ok])
    for a in (raw, smoothed, expected, er, low, high):
        a[hidden] = np.nan
    if smooth is None:
        smoothed[:] = np.nan
    return Rates(raw, smoothed, expected, er, low, high, float(rate * PER))
