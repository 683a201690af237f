"""Natural breaks at any size: mapclassify's own Fisher-Jenks on small data, a bounded
deterministic sample refined on all values above that, checked against an exact optimum."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from assetmap.mapview import classify
from assetmap.mapview.classify import FISHER_JENKS_SAMPLE, class_index, natural_breaks_sampled


def _exact(values, k):
    """Least within-class sum of squares over all contiguous k-partitions of the sorted values
    (dynamic programming on prefix sums, vectorised over the split point; independent of mapclassify)."""
    x = np.sort(np.asarray(values, dtype=float))
    n = len(x)
    c1, c2 = np.concatenate([[0], np.cumsum(x)]), np.concatenate([[0], np.cumsum(x * x)])
    cost = np.full((k + 1, n + 1), np.inf)
    cost[0, 0] = 0
    for c in range(1, k + 1):
        for j in range(c, n + 1):
            i = np.arange(c - 1, j)
            s = c1[j] - c1[i]
            cost[c, j] = np.min(cost[c - 1, i] + (c2[j] - c2[i]) - s * s / (j - i))
    return cost[k, n]


def _sse(values, breaks):
    v = np.asarray(values, dtype=float)
    idx = np.array([class_index(x, breaks) for x in v])
    return sum(((v[idx == c] - v[idx == c].mean()) ** 2).sum() for c in np.unique(idx))


def _mapclassify_bins(values, k):
    import mapclassify

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sorted({float(b) for b in mapclassify.FisherJenks(np.asarray(values, dtype=float), k=k).bins})


DISTRIBUTIONS = {
    "lognormal": lambda r, n: r.lognormal(size=n),
    "normal": lambda r, n: r.normal(size=n),
    "pareto": lambda r, n: r.pareto(2.0, size=n),
    "mixture": lambda r, n: np.concatenate([r.normal(0, 1, n * 3 // 4), r.normal(10, 2, n // 5),
                                            r.normal(40, 5, n - n * 3 // 4 - n // 5)]),
}


@pytest.mark.parametrize("n", [40, 250, FISHER_JENKS_SAMPLE])
def test_small_data_gets_mapclassify_breaks(n):
    rng = np.random.default_rng(n)
    for make in DISTRIBUTIONS.values():
        vals = make(rng, n)
        assert classify(vals, "natural_breaks", 5) == _mapclassify_bins(vals, 5)


@pytest.mark.parametrize("name", sorted(DISTRIBUTIONS))
def test_large_data_is_classified_from_a_bounded_sample_close_to_the_optimum(name, monkeypatch):
    import mapclassify

    seen = []
    real = mapclassify.FisherJenks

    def spy(y, k=5):
        seen.append(len(y))
        return real(y, k=k)

    monkeypatch.setattr(mapclassify, "FisherJenks", spy)
    vals = DISTRIBUTIONS[name](np.random.default_rng(7), 3000)
    breaks = classify(vals, "natural_breaks", 5)
    assert seen and max(seen) <= FISHER_JENKS_SAMPLE  # never the quadratic run on all 3,000
    assert len(breaks) == 5 and breaks == sorted(breaks) and breaks[-1] == vals.max()
    assert set(breaks) <= set(vals.tolist())  # upper bounds are values, as mapclassify gives
    # Within 6 % of the least possible within-class sum of squares (mapclassify's own random
    # FisherJenksSampled is 3 % to 155 % off on these).
    assert _sse(vals, breaks) <= 1.06 * _exact(vals, 5)


def test_sampled_breaks_are_the_same_whatever_the_order():
    rng = np.random.default_rng(3)
    vals = rng.lognormal(size=20_000)
    first = classify(vals, "natural_breaks", 5)
    assert classify(rng.permutation(vals), "natural_breaks", 5) == first
    assert classify(list(vals) + [None, float("nan")], "natural_breaks", 5) == first


def test_few_distinct_values_in_many_give_fewer_classes():
    vals = np.repeat([1.0, 2.0, 7.0], 2000)
    assert classify(vals, "natural_breaks", 5) == [1.0, 2.0, 7.0]
    assert natural_breaks_sampled(np.repeat([4.0], 900), 5) == [4.0]


def test_graduated_style_on_16k_cells_uses_the_sampled_breaks():
    import pandas as pd

    from assetmap.layers.style import Style
    from assetmap.mapview import leaflet_style

    rel = np.random.default_rng(11).lognormal(size=16_000)
    frame = pd.DataFrame({"rel_risk": rel})
    spec = leaflet_style(Style(kind="graduated", field="rel_risk", scheme="natural_breaks", k=5), frame)
    assert spec["breaks"] == classify(rel, "natural_breaks", 5)
