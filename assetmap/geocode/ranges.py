"""Address ranges on street centrelines (the TIGER/Line address range layout): a number is placed
along the segment whose range on the side of its parity holds it, at the fraction it sits in the
range, and set off the centreline to that side (left/right as the line is digitised).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

_NUM_BITS = 21
SIDE_OFFSET_M = 10.0
_M_PER_DEG_LAT = 110_950.0
_LOOK_BACK = 6          # overlapping ranges of one street checked per number


def _parity_of(code, a, b):
    """'O', 'E' or 'B' from a TIGER parity code, else from the range's end numbers."""
    code = str(code or "").strip().upper()[:1]
    if code in ("O", "E"):
        return code
    if code in ("B", "M"):
        return "B"
    if a % 2 == b % 2:
        return "O" if a % 2 else "E"
    return "B"


class RangeIndex:
    def __init__(self, ranges: "pd.DataFrame"):
        """ranges: street, lfrom, lto, rfrom, rto, parity_l, parity_r, geometry (lines in lon/lat)."""
        import numpy as np
        import pandas as pd

        self.geoms = np.asarray(ranges["geometry"].to_numpy(), dtype=object)
        self.street = ranges["street"].astype(str).to_numpy(dtype=object)
        recs = []
        for side, f, t, par, sign in (("L", "lfrom", "lto", "parity_l", 1.0), ("R", "rfrom", "rto", "parity_r", -1.0)):
            a = pd.to_numeric(ranges[f], errors="coerce").to_numpy(dtype=float)
            b = pd.to_numeric(ranges[t], errors="coerce").to_numpy(dtype=float)
            pcol = ranges[par].to_numpy(dtype=object) if par in ranges else np.full(len(ranges), "")
            for i in np.flatnonzero(np.isfinite(a) & np.isfinite(b) & (self.street != "")):
                recs.append((i, int(a[i]), int(b[i]), _parity_of(pcol[i], int(a[i]), int(b[i])), sign))
        self._recs = recs
        self.street_keys = sorted(set(self.street[[r[0] for r in recs]].tolist())) if recs else []
        self.size = len(ranges)
        mid = [g.centroid.y for g in self.geoms[:1000] if g is not None and not g.is_empty]
        self._kx = _M_PER_DEG_LAT * np.cos(np.radians(float(np.median(mid)) if mid else 0.0))

    def bind(self, pos: dict[str, int], lo, hi) -> None:
        """Take the matcher's street ids; widen each street's known number span by its ranges."""
        import numpy as np

        seg = np.array([r[0] for r in self._recs], dtype=np.int64)
        a = np.array([r[1] for r in self._recs], dtype=np.int64)
        b = np.array([r[2] for r in self._recs], dtype=np.int64)
        sid = np.array([pos[s] for s in self.street[seg]], dtype=np.int64)
        low, high = np.minimum(a, b), np.maximum(a, b)
        np.minimum.at(lo, sid, low)
        np.maximum.at(hi, sid, high)
        order = np.lexsort((low, sid))
        self._sid, self._seg, self._from, self._to = sid[order], seg[order], a[order], b[order]
        self._lo, self._hi = low[order], high[order]
        self._parity = np.array([r[3] for r in self._recs], dtype=object)[order]
        self._sign = np.array([r[4] for r in self._recs], dtype=float)[order]
        self._key = (self._sid << _NUM_BITS) | self._lo
        self._first_seg = {}
        for s, g in zip(self._sid[::-1], self._seg[::-1]):
            self._first_seg[int(s)] = int(g)
        self._lines: dict[int, object] = {}

    def locate(self, sid, num):
        """(lon, lat, ok) of each number on its street's ranges."""
        import numpy as np
        import shapely

        m = len(sid)
        lon, lat = np.full(m, np.nan), np.full(m, np.nan)
        ok = np.zeros(m, dtype=bool)
        if m == 0 or len(self._key) == 0:
            return lon, lat, ok
        j = np.searchsorted(self._key, (sid << _NUM_BITS) | num, side="right") - 1
        pick = np.full(m, -1, dtype=np.int64)
        want = np.where(num % 2 == 1, "O", "E")
        for back in range(_LOOK_BACK):
            k = j - back
            valid = (k >= 0) & (pick < 0)
            k = np.clip(k, 0, len(self._key) - 1)
            fits = valid & (self._sid[k] == sid) & (self._lo[k] <= num) & (self._hi[k] >= num)
            fits &= (self._parity[k] == want) | (self._parity[k] == "B")
            pick = np.where(fits, k, pick)
        ok = pick >= 0
        k = pick[ok]
        if not len(k):
            return lon, lat, ok
        a, b = self._from[k], self._to[k]
        t = np.where(a != b, (num[ok] - a) / np.where(a != b, b - a, 1), 0.5)
        geoms = self.geoms[self._seg[k]]
        p = shapely.line_interpolate_point(geoms, t, normalized=True)
        p0 = shapely.line_interpolate_point(geoms, np.clip(t - 0.02, 0, 1), normalized=True)
        p1 = shapely.line_interpolate_point(geoms, np.clip(t + 0.02, 0, 1), normalized=True)
        x, y = shapely.get_x(p), shapely.get_y(p)
        dx = (shapely.get_x(p1) - shapely.get_x(p0)) * self._kx
        dy = (shapely.get_y(p1) - shapely.get_y(p0)) * _M_PER_DEG_LAT
        norm = np.hypot(dx, dy)
        norm = np.where(norm > 0, norm, 1.0)
        # Left of the direction of travel is (-dy, dx).
        off = SIDE_OFFSET_M * self._sign[k] / norm
        lon[ok] = x + (-dy * off) / self._kx
        lat[ok] = y + (dx * off) / _M_PER_DEG_LAT
        return lon, lat, ok

    def _line(self, s: int):
        import shapely

        line = self._lines.get(s)
        if line is None and s in self._first_seg:
            segs = self.geoms[self._seg[self._sid == s]]
            line = self._lines[s] = shapely.line_merge(shapely.union_all(segs))
        return line

    def street_point(self, sid):
        """A point on each street (the middle of its first segment): the street-level fallback."""
        import numpy as np

        m = len(sid)
        lon, lat = np.full(m, np.nan), np.full(m, np.nan)
        ok = np.zeros(m, dtype=bool)
        for i, s in enumerate(np.asarray(sid).tolist()):
            g = self._first_seg.get(int(s))
            if g is not None:
                c = self.geoms[g].interpolate(0.5, normalized=True)
                lon[i], lat[i], ok[i] = c.x, c.y, True
        return lon, lat, ok

    def crossing(self, ida: list[int], idb: list[int]):
        """Where two streets' centrelines meet (the first crossing), or None."""
        for sa in ida:
            la = self._line(sa)
            for sb in idb:
                lb = self._line(sb)
                if la is None or lb is None:
                    continue
                x = la.intersection(lb)
                if not x.is_empty:
                    c = x.representative_point() if x.geom_type != "Point" else x
                    return (0.0, (c.x, c.y))
        return None
