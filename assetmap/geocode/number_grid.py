"""Where a house number lies along its street, read from the same numbers on parallel streets.

US cities number their blocks on a grid: the 4100 block of an east-west street lies beside the
4100 blocks of its parallel neighbours, each hundred starting at the same cross street. Between
two known numbers of a street several blocks apart, a linear interpolation assumes every block
has the same length; the same numbers known on nearby parallel streets say where the blocks
really are. Only streets running the same way with their numbers rising the same way count (a
north-south street's numbers are on the grid's other axis), and only where several agree.

Beyond a street's known numbers, the same grid says where the street goes: from the street's known
point nearest the row's number, each parallel street near it leads from about that number to about
the row's, and where they agree, the row's street goes the same way as far (``beyond``).
"""

from __future__ import annotations

from assetmap.geocode.known_numbers import plausible_length

# Chosen on 2018 geocoded from 2017 (2019 held out); see docs/geocoding.md.
_SPAN = 150           # a known point's direction and pace: from its street's numbers this far either side,
_MIN_SPAN = 40        # ... which must be at least this many numbers apart
_NUMBERS = 50         # a parallel street's numbers this close to the row's count,
_BESIDE_M = 300.0     # ... on points at most this far from the line between the row's two known numbers,
_SAME_WAY = 0.95      # ... on streets running the same way (cosine of the angle between them),
_AGREE_M = 40.0       # ... where they agree (median absolute deviation along the street)
_MIN_POINTS = 2       # ... and are at least this many
_CHUNK = 2_000_000    # candidate pairs per numpy pass (memory)
_CELL_M = 500.0       # points are found by square cells of this side, then by number
# Beyond the known numbers (chosen on 2018 geocoded from 2017, 2019 held out):
_BEYOND_NEAR_M = 1000.0   # other streets' points this close to the street's known point,
_BEYOND_NUMBERS = 100     # ... with numbers this close to its number, and to the row's on their street,
_BEYOND_ABREAST_M = 300.0  # ... abreast of it (at most this far ahead or behind along the lead),
_BEYOND_AGREE_M = 50.0    # ... whose leads agree within this (plus a tenth of the distance led)
_BEYOND_MIN_LEADS = 1     # ... at least this many (one lead beat the street's own line continued)


class NumberGrid:
    """Built from the known address points (``akey``: street id << ``num_bits`` | number, sorted;
    ``x``, ``y`` in metres); ``along`` and ``beyond`` are then vectorised."""

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
        keep = np.flatnonzero(ok)
        self._num, self._sid = num[keep], sid[keep]
        self._x, self._y = x[keep], y[keep]
        self._ux, self._uy = dx[keep] / length[keep], dy[keep] / length[keep]
        self._pace = length[keep] / dn[keep]
        self._cells = _Cells(self._x, self._y, self._num)
        # Every known point, for ``beyond``.
        self._all = (akey, num, x, y, num_bits)
        self._all_cells = _Cells(x, y, num)

    def along(self, sid, num, x0, y0, x1, y1, check=None):
        """For each row (street ``sid``, number ``num``, between its street's known numbers at
        (x0, y0) and (x1, y1), the lower first; metres): the fraction of the way from the first
        to the second where the parallel streets put it (NaN where they do not agree). ``check``
        is called between chunks (a task's cancel check)."""
        import numpy as np

        m = len(sid)
        t = np.full(m, np.nan)
        if m == 0 or len(self._num) == 0:
            return t
        pad = _BESIDE_M + 0.05 * np.hypot(x1 - x0, y1 - y0)   # what the filters below let through
        box = (np.minimum(x0, x1) - pad, np.maximum(x0, x1) + pad, np.minimum(y0, y1) - pad,
               np.maximum(y0, y1) + pad)
        for row, c in self._cells.pairs(box, num - _NUMBERS, num + _NUMBERS, check):
            self._along_pairs(row, c, sid, num, x0, y0, x1, y1, t)
        return t

    def _along_pairs(self, row, c, sid, num, x0, y0, x1, y1, out) -> None:
        import numpy as np

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


    def beyond(self, sid, num, anchor, check=None):
        """For each row (street ``sid``, number ``num``; ``anchor``: the index, among the known
        points, of its street's point whose number is nearest): where the parallel streets near
        that point lead, in metres (x, y; NaN where none leads there or they disagree)."""
        import numpy as np

        akey, anum, ax, ay, bits = self._all
        m = len(sid)
        x, y = np.full(m, np.nan), np.full(m, np.nan)
        if m == 0 or len(akey) == 0:
            return x, y
        n_at, r = anum[anchor], _BEYOND_NEAR_M
        box = (ax[anchor] - r, ax[anchor] + r, ay[anchor] - r, ay[anchor] + r)
        for row, c in self._all_cells.pairs(box, n_at - _BEYOND_NUMBERS, n_at + _BEYOND_NUMBERS, check):
            self._beyond_pairs(row, c, sid, num, anchor, x, y)
        return x, y

    def _beyond_pairs(self, row, c, sid, num, anchor, out_x, out_y) -> None:
        import numpy as np

        akey, anum, ax, ay, bits = self._all
        p = anchor[row]
        cs = akey[c] >> bits
        near = (cs != sid[row]) & (np.hypot(ax[c] - ax[p], ay[c] - ay[p]) <= _BEYOND_NEAR_M)
        row, c, cs, p = row[near], c[near], cs[near], p[near]
        if len(row) == 0:
            return
        # One point per parallel street: its number nearest the anchor's.
        order = np.lexsort((anum[c], np.abs(anum[c] - anum[p]), cs, row))   # a tie: the lower number
        row, c, cs, p = row[order], c[order], cs[order], p[order]
        first = np.ones(len(row), bool)
        first[1:] = (row[1:] != row[:-1]) | (cs[1:] != cs[:-1])
        row, c, cs, p = row[first], c[first], cs[first], p[first]
        # ... and that street's known number nearest the row's.
        q = nearest_number(akey, cs, num[row], bits)
        dn = num[row] - anum[p]
        dq = anum[q] - anum[c]
        good = ((q >= 0) & (np.abs(anum[q] - num[row]) <= _BEYOND_NUMBERS) & (dq != 0)
                & (np.sign(dq) == np.sign(dn)))
        row, c, p, q, dn, dq = row[good], c[good], p[good], q[good], dn[good], dq[good]
        if len(row) == 0:
            return
        # A parallel street numbered the same way has its number near the anchor's abreast of
        # the anchor, not along the way it leads (a street numbered the other way has it there).
        lx, ly = ax[q] - ax[c], ay[q] - ay[c]
        lead = np.hypot(lx, ly)
        with np.errstate(invalid="ignore", divide="ignore"):
            ahead = np.abs((ax[c] - ax[p]) * lx + (ay[c] - ay[p]) * ly) / lead
        abreast = (lead > 0) & (ahead <= _BEYOND_ABREAST_M)
        row, c, p, q, dn, dq = row[abreast], c[abreast], p[abreast], q[abreast], dn[abreast], dq[abreast]
        lead = lead[abreast]
        if len(row) == 0:
            return
        # ... at a pace a street can have (the matcher's own sanity rule: 200 m + 5 m per number),
        # or its two points are on two pieces of it, and the lead would be scaled into nonsense.
        paced = plausible_length(lead, dq)
        row, p, q, c, dn, dq = row[paced], p[paced], q[paced], c[paced], dn[paced], dq[paced]
        if len(row) == 0:
            return
        f = dn / dq
        ex, ey = ax[p] + (ax[q] - ax[c]) * f, ay[p] + (ay[q] - ay[c]) * f
        groups, mx, n = _group_median(row, ex)
        _, my, _ = _group_median(row, ey)
        g = np.searchsorted(groups, row)
        _, spread, _ = _group_median(row, np.hypot(ex - mx[g], ey - my[g]))
        at = anchor[groups]
        led = np.hypot(mx - ax[at], my - ay[at])
        ok = (n >= _BEYOND_MIN_LEADS) & (spread <= _BEYOND_AGREE_M + 0.1 * led)
        out_x[groups[ok]], out_y[groups[ok]] = mx[ok], my[ok]


class _Cells:
    """Points found by square cells, then by number within a cell: ``pairs`` gives, for rows each
    with a box and a number range, the (row, point) pairs in chunks of about _CHUNK."""

    def __init__(self, x, y, num):
        import numpy as np

        self._n = len(x)
        if self._n == 0:
            return
        cx, cy = np.floor(x / _CELL_M).astype(np.int64), np.floor(y / _CELL_M).astype(np.int64)
        self._x0, self._y0 = int(cx.min()), int(cy.min())
        self._nx, self._ny = int(cx.max()) - self._x0 + 1, int(cy.max()) - self._y0 + 1
        self._span = int(num.max()) + 2
        key = ((cx - self._x0) * self._ny + (cy - self._y0)) * self._span + num
        self._order = np.argsort(key, kind="stable")
        self._key = key[self._order]

    def pairs(self, box, num_lo, num_hi, check=None):
        import numpy as np

        if self._n == 0 or len(num_lo) == 0:
            return
        xmin, xmax, ymin, ymax = box
        # Each row's cells (clipped to the indexed ones); a row whose box misses them all has none.
        c0 = np.clip(np.floor(xmin / _CELL_M).astype(np.int64) - self._x0, 0, self._nx)
        c1 = np.clip(np.floor(xmax / _CELL_M).astype(np.int64) - self._x0 + 1, 0, self._nx)
        r0 = np.clip(np.floor(ymin / _CELL_M).astype(np.int64) - self._y0, 0, self._ny)
        r1 = np.clip(np.floor(ymax / _CELL_M).astype(np.int64) - self._y0 + 1, 0, self._ny)
        wide, high = c1 - c0, r1 - r0
        cells = np.maximum(wide, 0) * np.maximum(high, 0)
        row = np.repeat(np.arange(len(num_lo)), cells)
        k = np.arange(len(row)) - np.repeat(np.cumsum(cells) - cells, cells)
        cell = (c0[row] + k // high[row]) * self._ny + (r0[row] + k % high[row])
        lo = np.clip(num_lo[row], 0, self._span - 1)
        hi = np.clip(num_hi[row], -1, self._span - 1)
        start = np.searchsorted(self._key, cell * self._span + lo)
        counts = np.maximum(np.searchsorted(self._key, cell * self._span + hi, side="right") - start, 0)
        # Chunks of whole rows (a row's median needs all its points at once).
        per_row = np.bincount(row, weights=counts, minlength=len(num_lo)).astype(np.int64)
        cum = np.cumsum(per_row)
        a, m = 0, len(num_lo)
        while a < m:
            if check is not None:
                check()
            done = int(cum[a - 1]) if a else 0
            b = min(m, max(a + 1, int(np.searchsorted(cum, done + _CHUNK, side="right"))))
            e0, e1 = np.searchsorted(row, a), np.searchsorted(row, b)
            n = counts[e0:e1]
            total = int(n.sum())
            if total:
                pos = np.repeat(start[e0:e1] - (np.cumsum(n) - n), n) + np.arange(total)
                yield np.repeat(row[e0:e1], n), self._order[pos]
            a = b


def nearest_number(akey, street, num, bits):
    """Index of the known point of ``street`` whose number is nearest ``num`` (-1: none)."""
    import numpy as np

    n = len(akey)
    i = np.searchsorted(akey, (street << bits) | num)
    lo, hi = np.clip(i - 1, 0, n - 1), np.clip(i, 0, n - 1)
    mask = (1 << bits) - 1
    ok_lo = (i > 0) & ((akey[lo] >> bits) == street)
    ok_hi = (i < n) & ((akey[hi] >> bits) == street)
    d_lo = np.where(ok_lo, num - (akey[lo] & mask), 1 << 40)
    d_hi = np.where(ok_hi, (akey[hi] & mask) - num, 1 << 40)
    return np.where(ok_lo | ok_hi, np.where(d_lo <= d_hi, lo, hi), -1)


def _group_median(group, values):
    """The distinct groups (sorted), the median of ``values`` in each, and their sizes."""
    import numpy as np

    order = np.lexsort((values, group))
    g, v = group[order], values[order]
    groups, first, n = np.unique(g, return_index=True, return_counts=True)
    return groups, (v[first + (n - 1) // 2] + v[first + n // 2]) / 2.0, n
