"""A number placed along its street from the street's known numbers, all rows at once on arrays.

The known numbers are the locator's address points and block corners (``blocks``). A number is
exact at its own point; interpolated between the nearest known numbers of the same parity (the
other side's when they bracket it much more closely), never between two further apart than a
street's pace allows (where they are several blocks apart, at the position the same numbers on
parallel streets give: ``number_grid``); nearest beyond them, the street's line continued where
its pace there is plausible. ``closest_any_parity`` is the street-level point.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from assetmap.geocode.ranges import RangeIndex

M_PER_DEG_LAT = 110_950.0
_NUM_BITS = 21            # house numbers < 2,097,152
_NEAR_NUMBERS = 1000      # beyond a street's known numbers, extrapolate this far at most
_EXTRAPOLATE_SPAN = 300  # the street's direction and pace from its last known number and one this far in
_EXTRAPOLATE_MAX = 1.0    # ... continued at most that distance again (chosen on 2017 -> 2018)
_OTHER_SIDE_WEIGHT = 0.5  # chosen on 2018 geocoded from 2017 (0.3 before block corners); 2019 held out
_BLOCK_CORNERS = True
_CORNER_GAP = 200        # block corners are used where known numbers are further apart
_GRID_GAP = 200          # ... and the same numbers on parallel streets (chosen on 2017 -> 2018)
_GRID_BEYOND = 20        # beyond the known numbers, the parallel streets lead this far out and more
# Sanity of a placement from known points (St. Louis blocks: about 100 numbers per 100-200 m).
_PACE_BASE_M = 200.0      # two known numbers this far apart are plausible whatever their gap,
_PACE_M = 5.0             # ... and this many metres per number more (chosen on 2017 -> 2018)
_STREET_NEAR_NUMBERS = 100  # street level: at a known number at most this far from the row's (any side);
_STREET_EXTENT_M = 600.0  # ... without a number, on a street whose known points all lie this close
_STREET_MIN_POINTS = 1    # ... and are at least this many (2 or 3: fewer matched, no better on 2017 -> 2018)


def plausible_length(metres, gap):
    """Whether two points of one street this far apart can be ``gap`` numbers apart (else they
    are on two pieces of one name, or two streets under one key)."""
    import numpy as np

    return metres <= _PACE_BASE_M + _PACE_M * np.minimum(np.abs(gap), 1 << 20)


def _key(sid, parity, num):
    return (sid << (_NUM_BITS + 1)) | (parity << _NUM_BITS) | num


class KnownNumbers:
    """Built once from the address points by street id; ``place`` is then vectorised."""

    def __init__(self, sid, num, lon, lat, n_streets: int, kx: float, intersections: dict,
                 pos: dict[str, int], ranges: "RangeIndex | None" = None):
        """``kx``: metres per degree of longitude; ``intersections`` ("A & B" -> (lon, lat)) and
        ``pos`` (street key -> id) give the block corners; ``ranges``, a street's point where none
        of its numbers is known."""
        import numpy as np

        self._kx = kx
        self._ranges = ranges
        self._n_streets = n_streets
        # Address points sorted by (street, parity, number): one searchsorted finds neighbours.
        k = _key(sid, num % 2, num)
        order = np.argsort(k, kind="stable")
        k, plon, plat = k[order], lon[order], lat[order]
        uniq, first = np.unique(k, return_index=True)   # duplicates: the first (locators are deduplicated)
        rkey, rlon, rlat = uniq, plon[first], plat[first]
        # Same street, any parity: for the street-level fallback.
        k2 = ((rkey >> (_NUM_BITS + 1)) << _NUM_BITS) | (rkey & ((1 << _NUM_BITS) - 1))
        order2 = np.argsort(k2, kind="stable")
        self._akey, self._alon, self._alat = k2[order2], rlon[order2], rlat[order2]
        # Each street's extent: the diagonal of its known points' bounding box, in metres.
        asid = self._akey >> _NUM_BITS
        ax, ay = self._alon * kx, self._alat * M_PER_DEG_LAT
        lo_x, lo_y = np.full(n_streets, np.inf), np.full(n_streets, np.inf)
        hi_x, hi_y = np.full(n_streets, -np.inf), np.full(n_streets, -np.inf)
        np.minimum.at(lo_x, asid, ax)
        np.minimum.at(lo_y, asid, ay)
        np.maximum.at(hi_x, asid, ax)
        np.maximum.at(hi_y, asid, ay)
        with np.errstate(invalid="ignore"):
            ext = np.hypot(hi_x - lo_x, hi_y - lo_y)
        self._extent = np.where(np.isfinite(ext), ext, np.inf)
        self._npoints = np.bincount(asid, minlength=n_streets)
        # Block corners from the known intersections: reference points at the hundreds, both sides.
        cs, cn, cx, cy = self._corners(intersections, pos, rkey, rlon, rlat)
        if len(cs):
            # The same corner on both sides of the street.
            cs, cn, cx, cy = (np.concatenate([v, v]) for v in (cs, cn, cx, cy))
            ck = _key(cs, np.repeat([0, 1], len(cs) // 2), cn)
            allk = np.concatenate([rkey, ck])
            alo = np.concatenate([rlon, cx])
            ala = np.concatenate([rlat, cy])
            virt = np.concatenate([np.zeros(len(rkey), bool), np.ones(len(ck), bool)])
            order = np.argsort(allk, kind="stable")       # a real point wins over a corner
            uniq, first = np.unique(allk[order], return_index=True)
            first = order[first]
            self._merged = (uniq, alo[first], ala[first], virt[first])
        else:
            self._merged = None
        self._real = (rkey, rlon, rlat, np.zeros(len(rkey), bool))
        self._street_points = None
        self._grid = None   # number_grid.NumberGrid, made when first needed

    def _corners(self, intersections, pos, rkey, rlon, rlat):
        """Block corners (street id, number, lon, lat) from the known intersections."""
        import numpy as np

        from assetmap.geocode.blocks import block_corners

        if not _BLOCK_CORNERS or not intersections or not len(rkey):
            e = np.zeros(0, np.int64)
            return e, e, np.zeros(0), np.zeros(0)
        at = [(pos.get(name, -1), x * self._kx, y * M_PER_DEG_LAT)
              for key, (x, y) in intersections.items() for name in key.split(" & ", 1)]
        at_sid = np.array([a[0] for a in at], dtype=np.int64)
        at_x = np.array([a[1] for a in at], dtype=float)
        at_y = np.array([a[2] for a in at], dtype=float)
        psid, pnum = rkey >> (_NUM_BITS + 1), rkey & ((1 << _NUM_BITS) - 1)
        px, py = rlon * self._kx, rlat * M_PER_DEG_LAT
        cs, cn, cx, cy = block_corners(at_sid, at_x, at_y, psid, pnum, px, py)
        return cs, cn, cx / self._kx, cy / M_PER_DEG_LAT

    @property
    def size(self) -> int:
        return len(self._real[0])

    def place(self, sid, par, num, check=None):
        """Exact / interpolated / nearest on address points of the same parity (or the other):
        (lon, lat, match type, score) per row, "unmatched" where none fits. ``check`` (a task's
        cancel check) is called during the longer steps."""
        import numpy as np

        m = len(sid)
        lon, lat = np.full(m, np.nan), np.full(m, np.nan)
        typ = np.full(m, "unmatched", dtype=object)
        sc = np.zeros(m, dtype=np.int64)
        if self.size == 0:
            return lon, lat, typ, sc
        same = self._neighbours_blocks(sid, par, num)
        other = self._neighbours_blocks(sid, 1 - par, num)
        # Two known numbers whose points lie implausibly far apart for their gap (a key holding two
        # streets, BROADWAY for N and S BROADWAY; a street in two pieces) bracket nothing.
        for nb in (same, other):
            far = nb["both"] & ~self._plausible(nb["lon_lo"], nb["lat_lo"], nb["lon_hi"], nb["lat_hi"],
                                                nb["gap"])
            nb["both"] = nb["both"] & ~far
            nb["gap"] = np.where(far, 1 << 30, nb["gap"])
            nb["far"] = far
        exact = same["exact"]
        lon[exact], lat[exact] = same["lon_lo"][exact], same["lat_lo"][exact]
        typ[exact], sc[exact] = "exact", 100
        corner = exact & same["virt_lo"]
        typ[corner], sc[corner] = "interpolated", 95
        # Interpolate on the side whose known numbers bracket the address more tightly.
        use_other = ~same["both"] | (other["both"] & (same["gap"] > 4 * other["gap"]))
        use_other &= other["both"]
        for sel, nb in ((~exact & same["both"] & ~use_other, same), (~exact & use_other, other)):
            lon[sel], lat[sel] = self._interpolate(nb, num, sel)
            gap = nb["gap"][sel]
            typ[sel] = "interpolated"
            sc[sel] = np.where(gap <= 100, 95, np.where(gap <= 400, 85, 70))
        # Reference points are noisy (a parcel's centroid, a geocode a little off) and numbers do
        # not advance evenly along a street: where both sides bracket the number, the other side's
        # position along the street is mixed in, by how tightly it brackets (its points are across
        # the street, so it is trusted _OTHER_SIDE_WEIGHT as much for the same gap).
        both = ~exact & same["both"] & other["both"]
        if both.any():
            (alon, alat), (blon, blat) = (self._interpolate(nb, num, both) for nb in (same, other))
            ws = 1.0 / same["gap"][both]
            wo = _OTHER_SIDE_WEIGHT / other["gap"][both]
            f = wo / (ws + wo)
            dx, dy = f * (blon - alon) * self._kx, f * (blat - alat) * M_PER_DEG_LAT
            # Only along the street (the line between the same side's neighbours): the point stays
            # on its own side, which decides its area where a boundary runs down the street.
            ux = (same["lon_hi"][both] - same["lon_lo"][both]) * self._kx
            uy = (same["lat_hi"][both] - same["lat_lo"][both]) * M_PER_DEG_LAT
            n = np.hypot(ux, uy)
            ok = n > 0
            ux, uy = np.where(ok, ux / np.where(ok, n, 1), 0), np.where(ok, uy / np.where(ok, n, 1), 0)
            along = dx * ux + dy * uy
            dx, dy = along * ux, along * uy
            lon[both], lat[both] = alon + dx / self._kx, alat + dy / M_PER_DEG_LAT
        self._along_the_grid(sid, num, typ, corner, use_other, same, other, lon, lat, check)
        # Beyond the street's known numbers (same parity): continue the street's line from the end.
        one = ~exact & (typ == "unmatched") & (same["has_lo"] | same["has_hi"])
        d_lo = np.where(same["has_lo"], num - same["n_lo"], 1 << 30)
        d_hi = np.where(same["has_hi"], same["n_hi"] - num, 1 << 30)
        take_lo = d_lo <= d_hi
        near = one & (np.minimum(d_lo, d_hi) <= _NEAR_NUMBERS)
        lon[near] = np.where(take_lo, same["lon_lo"], same["lon_hi"])[near]
        lat[near] = np.where(take_lo, same["lat_lo"], same["lat_hi"])[near]
        typ[near] = "nearest"
        dn = np.minimum(d_lo, d_hi)[near]
        sc[near] = np.where(dn <= 20, 80, np.where(dn <= 400, 65, 50))   # > 400 out: listed for checking
        if near.any():
            idx = np.flatnonzero(near)
            # Between two far-apart known numbers: continue the line of the nearer one's side.
            elon, elat, eok = self._extrapolate(sid[idx], num[idx],
                                                np.where(same["far"][idx], take_lo[idx].astype(int), -1))
            idx = idx[eok]
            lon[idx], lat[idx] = elon[eok], elat[eok]
        self._beyond_on_the_grid(sid, num, typ, sc, lon, lat, check)
        return lon, lat, typ, sc

    def _beyond_on_the_grid(self, sid, num, typ, sc, lon, lat, check=None) -> None:
        """Beyond the street's known numbers (more than _GRID_BEYOND from the nearest), or where
        nothing placed the row: where the parallel streets near the street's nearest known number
        lead (``number_grid``). Such a row is ``nearest``."""
        import numpy as np

        from assetmap.geocode.number_grid import nearest_number

        rows = np.flatnonzero(((typ == "nearest") | (typ == "unmatched")) & (num > 0))
        if len(rows) == 0:
            return
        anchor = nearest_number(self._akey, sid[rows], num[rows], _NUM_BITS)
        dn = np.abs(num[rows] - (self._akey[anchor] & ((1 << _NUM_BITS) - 1)))
        keep = (anchor >= 0) & (dn > _GRID_BEYOND)
        rows, anchor, dn = rows[keep], anchor[keep], dn[keep]
        if len(rows) == 0:
            return
        x, y = self._number_grid().beyond(sid[rows], num[rows], anchor, check)
        ok = np.isfinite(x)
        rows, dn = rows[ok], dn[ok]
        lon[rows], lat[rows] = x[ok] / self._kx, y[ok] / M_PER_DEG_LAT
        new = typ[rows] == "unmatched"
        typ[rows] = "nearest"
        sc[rows[new]] = np.where(dn[new] <= 400, 65, 50)

    def _number_grid(self):
        if self._grid is None:
            from assetmap.geocode.number_grid import NumberGrid

            self._grid = NumberGrid(self._akey, self._alon * self._kx, self._alat * M_PER_DEG_LAT, _NUM_BITS)
        return self._grid

    def _along_the_grid(self, sid, num, typ, corner, use_other, same, other, lon, lat, check=None) -> None:
        """Between known numbers more than _GRID_GAP apart, move each interpolated point along the
        line between them to where the same numbers on parallel streets put it, or else to where
        they lead from the nearest known number (``number_grid``); across, it stays where it was:
        on its own side of the street."""
        import numpy as np

        gap = np.where(use_other, other["gap"], same["gap"])
        rows = np.flatnonzero((typ == "interpolated") & ~corner & (gap > _GRID_GAP) & (gap < 1 << 30))
        if len(rows) == 0:
            return
        grid = self._number_grid()
        ends = [np.where(use_other[rows], other[k][rows], same[k][rows]) for k in ("lon_lo", "lat_lo",
                                                                                 "lon_hi", "lat_hi")]
        x0, y0, x1, y1 = (v * k for v, k in zip(ends, (self._kx, M_PER_DEG_LAT) * 2))
        t = grid.along(sid[rows], num[rows], x0, y0, x1, y1, check)
        # No parallel street beside the whole stretch: where they lead from the nearest known number.
        lead = np.flatnonzero(~np.isfinite(t))
        if len(lead):
            from assetmap.geocode.number_grid import nearest_number

            anchor = nearest_number(self._akey, sid[rows[lead]], num[rows[lead]], _NUM_BITS)
            bx, by = grid.beyond(sid[rows[lead]], num[rows[lead]], anchor, check)
            cx, cy = x1[lead] - x0[lead], y1[lead] - y0[lead]
            with np.errstate(invalid="ignore", divide="ignore"):   # two known numbers at one point
                tb = ((bx - x0[lead]) * cx + (by - y0[lead]) * cy) / (cx * cx + cy * cy)
            inside = np.isfinite(tb) & (tb >= 0.0) & (tb <= 1.0)
            t[lead[inside]] = tb[inside]
        ok = np.isfinite(t)
        rows, t, x0, y0, x1, y1 = rows[ok], t[ok], x0[ok], y0[ok], x1[ok], y1[ok]
        cx, cy = x1 - x0, y1 - y0
        now = ((lon[rows] * self._kx - x0) * cx + (lat[rows] * M_PER_DEG_LAT - y0) * cy) / (cx * cx + cy * cy)
        lon[rows] += (t - now) * cx / self._kx
        lat[rows] += (t - now) * cy / M_PER_DEG_LAT

    def _plausible(self, lon_a, lat_a, lon_b, lat_b, gap):
        """Whether two known points are close enough for the gap between their numbers."""
        import numpy as np

        return plausible_length(np.hypot((lon_b - lon_a) * self._kx, (lat_b - lat_a) * M_PER_DEG_LAT), gap)

    @staticmethod
    def _interpolate(nb, num, sel):
        import numpy as np

        t = (num[sel] - nb["n_lo"][sel]) / np.maximum(nb["n_hi"][sel] - nb["n_lo"][sel], 1)
        return (nb["lon_lo"][sel] + t * (nb["lon_hi"][sel] - nb["lon_lo"][sel]),
                nb["lat_lo"][sel] + t * (nb["lat_hi"][sel] - nb["lat_lo"][sel]))

    def _extrapolate(self, sid, num, from_below=None):
        """Beyond a street's known numbers: continue the line of its last known ones.
        ``from_below`` (1/0 per row, -1: by where the street's known numbers are) continues from
        the known number below the row's (1) or above it (0)."""
        import numpy as np

        k = (sid << _NUM_BITS) | num
        i = np.searchsorted(self._akey, k)
        n = len(self._akey)
        mask = (1 << _NUM_BITS) - 1
        above = (i > 0) & ((self._akey[np.clip(i - 1, 0, n - 1)] >> _NUM_BITS) == sid)
        if from_below is not None:
            above = np.where(from_below >= 0, from_below == 1, above)
        # e: the known end nearest the number; f: the first known number at least SPAN further in
        # (else the street's other end). Neighbouring numbers are often across the street or a
        # few metres apart, too close to give the street's direction and pace.
        e = np.clip(np.where(above, i - 1, i), 0, n - 1)
        ke = self._akey[e]
        fa = np.searchsorted(self._akey, ke - _EXTRAPOLATE_SPAN, side="right") - 1
        fb = np.searchsorted(self._akey, ke + _EXTRAPOLATE_SPAN, side="left")
        first = np.searchsorted(self._akey, sid << _NUM_BITS)
        last = np.searchsorted(self._akey, (sid + 1) << _NUM_BITS) - 1
        fa = np.where((fa >= 0) & ((self._akey[np.clip(fa, 0, n - 1)] >> _NUM_BITS) == sid), fa, first)
        fb = np.where((fb < n) & ((self._akey[np.clip(fb, 0, n - 1)] >> _NUM_BITS) == sid), fb, last)
        f = np.clip(np.where(above, fa, fb), 0, n - 1)
        ok = ((self._akey[e] >> _NUM_BITS) == sid) & ((self._akey[f] >> _NUM_BITS) == sid) & (e != f)
        ne, nf = self._akey[e] & mask, self._akey[f] & mask
        ok &= ne != nf
        t = (num - ne) / np.where(ne != nf, ne - nf, 1)
        t = np.clip(t, 0, _EXTRAPOLATE_MAX)
        # A pace implausible for the numbers (the two points on different pieces of the street)
        # gives no direction.
        ok &= self._plausible(self._alon[f], self._alat[f], self._alon[e], self._alat[e], np.abs(ne - nf))
        lon = self._alon[e] + t * (self._alon[e] - self._alon[f])
        lat = self._alat[e] + t * (self._alat[e] - self._alat[f])
        return lon, lat, ok

    def _neighbours_blocks(self, sid, par, num):
        """Neighbours among the address points; where they are far apart (or on one side only),
        among the address points and the block corners."""
        import numpy as np

        real = self._neighbours(sid, par, num)
        if self._merged is None:
            return real
        merged = self._neighbours(sid, par, num, self._merged)
        use = ~real["exact"] & (real["gap"] > _CORNER_GAP)
        return {k: np.where(use, merged[k], v) for k, v in real.items()}

    def _neighbours(self, sid, par, num, arrays=None):
        import numpy as np

        pkey, plon, plat, pvirt = arrays if arrays is not None else self._real
        k = _key(sid, par, num)
        g = k >> _NUM_BITS
        i = np.searchsorted(pkey, k)
        n = len(pkey)
        lo_i = np.clip(i - 1, 0, n - 1)
        hi_i = np.clip(i, 0, n - 1)
        exact = (i < n) & (pkey[hi_i] == k)
        lo_i = np.where(exact, hi_i, lo_i)
        has_lo = exact | ((i > 0) & ((pkey[lo_i] >> _NUM_BITS) == g))
        has_hi = (i < n) & ((pkey[hi_i] >> _NUM_BITS) == g)
        mask = (1 << _NUM_BITS) - 1
        n_lo, n_hi = pkey[lo_i] & mask, pkey[hi_i] & mask
        both = has_lo & has_hi & ~exact
        return {"exact": exact, "has_lo": has_lo, "has_hi": has_hi & ~exact, "both": both,
                "n_lo": n_lo, "n_hi": n_hi, "gap": np.where(both, n_hi - n_lo, 1 << 30),
                "virt_lo": pvirt[lo_i],
                "lon_lo": plon[lo_i], "lat_lo": plat[lo_i],
                "lon_hi": plon[hi_i], "lat_hi": plat[hi_i]}

    def closest_any_parity(self, sid, num):
        """The known number on the street closest to ``num`` (either side): (lon, lat, ok)."""
        import numpy as np

        m = len(sid)
        if len(self._akey) == 0:
            if self._ranges is not None:
                return self._ranges.street_point(sid)
            return np.full(m, np.nan), np.full(m, np.nan), np.zeros(m, bool)
        from assetmap.geocode.number_grid import nearest_number

        j = nearest_number(self._akey, sid, num, _NUM_BITS)
        known = j >= 0
        j = np.where(known, j, 0)
        gap = np.abs(num - (self._akey[j] & ((1 << _NUM_BITS) - 1)))
        # Only where it means something: a known number close to the row's; without a number, a
        # street whose known points all lie close together. Elsewhere the point is arbitrary.
        s = np.clip(sid, 0, len(self._extent) - 1)
        compact = (self._extent[s] <= _STREET_EXTENT_M) & (self._npoints[s] >= _STREET_MIN_POINTS)
        ok = known & (compact | ((num > 0) & (gap <= _STREET_NEAR_NUMBERS)))
        lon, lat = self._alon[j], self._alat[j]
        if self._ranges is not None and not known.all():
            rlon, rlat, rok = self._ranges.street_point(sid[~known])
            idx = np.flatnonzero(~known)
            lon, lat = lon.copy(), lat.copy()
            lon[idx[rok]], lat[idx[rok]] = rlon[rok], rlat[rok]
            ok = ok.copy()
            ok[idx[rok]] = True
        return lon, lat, ok

    def points_of(self, s: int) -> "tuple[np.ndarray, np.ndarray]":
        """A street's known points (lon, lat), in number order."""
        import numpy as np

        if self._street_points is None:
            self._street_points = np.searchsorted(self._akey >> _NUM_BITS, np.arange(self._n_streets + 1))
        a, b = self._street_points[s], self._street_points[s + 1]
        return self._alon[a:b], self._alat[a:b]
