"""Where a house number lies along its street, read from the same numbers on parallel streets.

US cities number their blocks on a grid: the 4100 block of an east-west street lies beside the
4100 blocks of its parallel neighbours, each hundred starting at the same cross street. Between
two known numbers of a street several blocks apart, a linear interpolation assumes every block
has the same length; the same numbers known on nearby parallel streets say where the blocks
really are. Only streets running the same way with their numbers rising the same way count (a
north-south street's numbers are on the grid's other axis), and only where several agree.
"""

from __future__ import annotations

# Chosen on 2018 geocoded from 2017 (2019 held out); see docs/geocoding.md.
_SPAN = 150           # a known point's direction and pace: from its street's numbers this far either side,
_MIN_SPAN = 40        # ... which must be at least this many numbers apart
_NUMBERS = 50         # a parallel street's numbers this close to the row's count,
_BESIDE_M = 300.0     # ... on points at most this far from the line between the row's two known numbers,
_SAME_WAY = 0.95      # ... on streets running the same way (cosine of the angle between them),
_AGREE_M = 40.0       # ... where they agree (median absolute deviation along the street)
_MIN_POINTS = 2       # ... and are at least this many
_CHUNK = 2_000_000    # candidate pairs per numpy pass (memory)


class NumberGrid:
    """Built from the known address points (``akey``: street id << ``num_bits`` | number, sorted;
    ``x``, ``y`` in metres); ``along`` is then vectorised."""

    def __init__(self, akey, x, y, num_bits: int):
        import numpy as np

        n = len(akey)
        sid = akey >> num_bits
        num = akey & ((1 << num_bits) - 1)
        # Each point's direction of rising numbers and metres per number, from its street's points
        # _SPAN numbers either side: its nearest neighbours are often across the street.
        first = np.searchsorted(akey, sid << num_bits)
        last = np.searchsorted(akey, (sid + 1) << num_bits) - 1
        lo = np.maximum(np.searchsorted(akey, akey - _SPAN), first)
        hi = np.minimum(np.searchsorted(akey, akey + _SPAN, side="right") - 1, last)
        lo, hi = np.clip(lo, 0, max(n - 1, 0)), np.clip(hi, 0, max(n - 1, 0))
        dx, dy = x[hi] - x[lo], y[hi] - y[lo]
        dn = (num[hi] - num[lo]).astype(float)
        length = np.hypot(dx, dy)
        ok = (dn >= _MIN_SPAN) & (length > 30.0)
        keep = np.flatnonzero(ok)[np.argsort(num[ok], kind="stable")]
        self._num, self._sid = num[keep], sid[keep]
        self._x, self._y = x[keep], y[keep]
        self._ux, self._uy = dx[keep] / length[keep], dy[keep] / length[keep]
        self._pace = length[keep] / dn[keep]

    def along(self, sid, num, x0, y0, x1, y1):
        """For each row (street ``sid``, number ``num``, between its street's known numbers at
        (x0, y0) and (x1, y1), the lower first; metres): the fraction of the way from the first
        to the second where the parallel streets put it (NaN where they do not agree)."""
        import numpy as np

        m = len(sid)
        t = np.full(m, np.nan)
        if m == 0 or len(self._num) == 0:
            return t
        start = np.searchsorted(self._num, num - _NUMBERS)
        counts = np.searchsorted(self._num, num + _NUMBERS, side="right") - start
        cum = np.cumsum(counts)
        a = 0
        while a < m:
            done = int(cum[a - 1]) if a else 0
            b = min(m, max(a + 1, int(np.searchsorted(cum, done + _CHUNK, side="right"))))
            rows = np.arange(a, b)
            self._along_rows(rows, start[rows], counts[rows], sid, num, x0, y0, x1, y1, t)
            a = b
        return t

    def _along_rows(self, rows, start, counts, sid, num, x0, y0, x1, y1, out) -> None:
        import numpy as np

        total = int(counts.sum())
        if total == 0:
            return
        row = np.repeat(rows, counts)
        c = np.repeat(start - (np.cumsum(counts) - counts), counts) + np.arange(total)
        cx, cy = x1[row] - x0[row], y1[row] - y0[row]
        chord = np.hypot(cx, cy)
        with np.errstate(invalid="ignore", divide="ignore"):
            vx, vy = cx / chord, cy / chord
            px, py = self._x[c] - x0[row], self._y[c] - y0[row]
            tc = (px * vx + py * vy) / chord
            beside = np.abs(py * vx - px * vy)
            same_way = self._ux[c] * vx + self._uy[c] * vy
            # The parallel street's number is not the row's: step by that street's own pace.
            at = tc + (num[row] - self._num[c]) * self._pace[c] / chord
        good = ((self._sid[c] != sid[row]) & (chord > 50.0) & (beside <= _BESIDE_M) & (tc > -0.05)
                & (tc < 1.05) & (same_way >= _SAME_WAY) & np.isfinite(at))
        if not good.any():
            return
        row, at, chord = row[good], at[good], chord[good]
        groups, med, n = _group_median(row, at)
        g = np.searchsorted(groups, row)
        _, mad, _ = _group_median(row, np.abs(at - med[g]))
        chord_g = np.zeros(len(groups))
        chord_g[g] = chord
        ok = (n >= _MIN_POINTS) & (mad * chord_g <= _AGREE_M) & (med >= 0.0) & (med <= 1.0)
        out[groups[ok]] = med[ok]


def _group_median(group, values):
    """The distinct groups (sorted), the median of ``values`` in each, and their sizes."""
    import numpy as np

    order = np.lexsort((values, group))
    g, v = group[order], values[order]
    groups, first, n = np.unique(g, return_index=True, return_counts=True)
    return groups, (v[first + (n - 1) // 2] + v[first + n // 2]) / 2.0, n
