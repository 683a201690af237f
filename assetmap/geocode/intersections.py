"""An intersection "A & B" placed: at a known intersection point (or the median of its other
carriageway's), else where the two streets come closest (their known points, their lines of known
numbers continued, their address ranges), else where one street's line meets the other street
(``_foot``: a cross street known by one point far from the first, or a road without addresses
known by its intersections, like I 64 EASTBOUND), else at the one street found (street level).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assetmap.geocode.known_numbers import M_PER_DEG_LAT

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.geocode.known_numbers import KnownNumbers
    from assetmap.geocode.ranges import RangeIndex
    from assetmap.geocode.streets import StreetIndex

_EXTEND_M = 1000.0        # street lines extended past their last known numbers, for crossings (300 before)
_INTERSECTION_NEAR_M = 150.0
# Where the streets do not come that close (chosen on 2018 geocoded from 2017, 2019 held out):
_FOOT_M = 800.0           # the other street's nearest point at most this far from the line,
_LOCAL_M = 400.0          # ... the line fitted to the street's points this close to where it passes,
_FOOT_SURE_M = 200.0      # ... and scored 60 (else 50: listed for checking) within this

_BOUND_RE = re.compile(r"\b(?:EASTBOUND|WESTBOUND|NORTHBOUND|SOUTHBOUND)\b")


def _without_bound(key: str) -> str:
    """An intersection key without the carriageway words of its streets."""
    return " & ".join(sorted(" ".join(_BOUND_RE.sub(" ", side).split()) for side in key.split(" & ")))


class Intersections:
    """Built once from the locator's intersection points; ``place`` then takes one key."""

    def __init__(self, known: dict[str, tuple[float, float]], pos: dict[str, int], streets: "StreetIndex",
                 numbers: "KnownNumbers", kx: float, ranges: "RangeIndex | None" = None):
        """``known``: "A & B" -> (lon, lat); ``pos``: street key -> id; ``kx``: metres per degree
        of longitude."""
        import numpy as np

        self._known = known
        self._streets = streets
        self._numbers = numbers
        self._kx = kx
        self._ranges = ranges
        # The same crossing of a divided road's other carriageway ("I 64 EASTBOUND & S BOYLE AVE"
        # known, "I 64 WESTBOUND & S BOYLE AVE" asked): the median of the known ones.
        loose: dict[str, list[tuple[float, float]]] = {}
        for key, xy in known.items():
            loose.setdefault(_without_bound(key), []).append(xy)
        self._loose = {k: (float(np.median([p[0] for p in v])), float(np.median([p[1] for p in v])))
                       for k, v in loose.items()}
        # A road without addresses (I 64 EASTBOUND) is where its known intersections are.
        by_name: dict[str, list[tuple[float, float]]] = {}
        for key, xy in known.items():
            for name in key.split(" & ", 1):
                by_name.setdefault(name, []).append(xy)
        self._by_name = {name: (np.array([p[0] for p in v]) * kx, np.array([p[1] for p in v]) * M_PER_DEG_LAT)
                         for name, v in by_name.items() if name not in pos}
        self._pairs: dict[tuple[int, int], tuple[float, float]] = {}
        for s, (x, y) in known.items():
            a, b = s.split(" & ", 1)
            if a in pos and b in pos:
                self._pairs[tuple(sorted((pos[a], pos[b])))] = (x, y)

    @property
    def size(self) -> int:
        return len(self._known)

    def place(self, key: str):
        """((lon, lat), match type, score) of an intersection key, or None."""
        import numpy as np

        hit = self._known.get(key)
        if hit is not None:
            return hit, "intersection", 95
        hit = self._loose.get(_without_bound(key))
        if hit is not None:
            return hit, "intersection", 85
        a, b = key.split(" & ", 1)
        ida, sca = self._streets.candidates(a)
        idb, scb = self._streets.candidates(b)
        if not ida and not idb and (a not in self._by_name or b not in self._by_name):
            return None
        sure = min(sca, scb) if ida and idb else 0
        pair = next((self._pairs[p] for p in ((min(x, y), max(x, y)) for x in ida for y in idb)
                     if p in self._pairs), None)
        if pair is not None:
            return pair, "intersection", 90 * sure // 100
        near = self._closest_approach(ida, idb) if ida and idb else None
        if near is not None:
            return near, "intersection", 80 * sure // 100
        foot = self._foot(self._street_xy(a, ida), self._street_xy(b, idb))
        if foot is not None:
            (x, y), off = foot
            sure = min(sca if ida else 100, scb if idb else 100)
            score = (60 if off <= _FOOT_SURE_M else 50) * sure // 100
            return (x / self._kx, y / M_PER_DEG_LAT), "intersection", score
        # One street only: where it is (flagged street-level).
        ids = ida or idb
        if not ids:
            return None
        lon, lat, ok = self._numbers.closest_any_parity(np.asarray(ids[:1], dtype=np.int64),
                                                        np.zeros(1, np.int64))
        return ((lon[0], lat[0]), "street", 30 * max(sca, scb) // 100) if ok[0] else None

    def _closest_approach(self, ida: list[int], idb: list[int]):
        """Midpoint of the closest pair of known points on two streets, if they come near."""
        import numpy as np

        best = None
        for sa in ida[:3]:
            xa, ya = self._numbers.points_of(sa)
            for sb in idb[:3]:
                xb, yb = self._numbers.points_of(sb)
                if len(xa) == 0 or len(xb) == 0 or len(xa) * len(xb) > 4_000_000:
                    continue
                kx = M_PER_DEG_LAT * np.cos(np.radians(ya.mean()))
                d = np.hypot((xa[:, None] - xb[None, :]) * kx, (ya[:, None] - yb[None, :]) * M_PER_DEG_LAT)
                i, j = np.unravel_index(np.argmin(d), d.shape)
                if d[i, j] <= _INTERSECTION_NEAR_M and (best is None or d[i, j] < best[0]):
                    best = (d[i, j], ((xa[i] + xb[j]) / 2, (ya[i] + yb[j]) / 2))
        if best is None:
            best = self._line_crossing(ida[:3], idb[:3])
        if best is None and self._ranges is not None:
            best = self._ranges.crossing(ida[:3], idb[:3])
        return None if best is None else best[1]

    def _street_xy(self, name: str, ids: list[int]):
        """A street's points in local metres: its known numbers', else its known intersections'."""
        import numpy as np

        if ids:
            x, y = self._numbers.points_of(ids[0])
            return x * self._kx, y * M_PER_DEG_LAT
        return self._by_name.get(name, (np.zeros(0), np.zeros(0)))

    def _foot(self, a, b):
        """Where one street's line meets the other: the foot, on the line fitted to the first
        street's points near where it passes the second, of the second's nearest point (in a grid
        a cross street meets at right angles; crossing the second's own line was no better).
        ((x, y), distance from the second street's point), the nearer of the two ways round, or
        None."""
        import numpy as np

        (ax, ay), (bx, by) = a, b
        if len(ax) == 0 or len(bx) == 0 or len(ax) * len(bx) > 4_000_000:
            return None
        # The two streets' closest points: the same pair whichever street gives the line.
        d = np.hypot(ax[:, None] - bx[None, :], ay[:, None] - by[None, :])
        i, j = np.unravel_index(np.argmin(d), d.shape)
        if d[i, j] > _FOOT_M:
            return None
        best = None
        for (lx, ly, li), (px, py) in (((ax, ay, i), (bx[j], by[j])), ((bx, by, j), (ax[i], ay[i]))):
            line = _fit_line(lx, ly, lx[li], ly[li])
            if line is None:
                continue
            c, u = line
            p = np.array([px, py])
            at = c + np.dot(p - c, u) * u
            off = float(np.hypot(*(p - at)))
            if off <= _FOOT_M and (best is None or off < best[1]):
                best = ((float(at[0]), float(at[1])), off)
        return best

    def _street_line(self, s: int):
        """A street's known points in number order, as a line in local metres (or None)."""
        import numpy as np
        import shapely

        x, y = self._numbers.points_of(s)
        if len(x) < 2:
            return None
        xy = np.column_stack([x * self._kx, y * M_PER_DEG_LAT])
        if _EXTEND_M > 0 and len(xy) >= 2:
            # Streets go on past their last known numbers: extend both ends along their direction.
            k = min(3, len(xy) - 1)
            ends = []
            for a, b in ((xy[0], xy[k]), (xy[-1], xy[-1 - k])):
                v = a - b
                n = np.hypot(*v)
                ends.append(a + v / n * _EXTEND_M if n > 0 else a)
            xy = np.vstack([ends[0], xy, ends[1]])
        return shapely.linestrings(xy)

    def _line_crossing(self, ida: list[int], idb: list[int]):
        """Where the two streets' lines cross, or the middle of the gap between them when one
        street's known numbers stop short of the other (a gap up to 300 m); each line is continued
        _EXTEND_M past its last known numbers."""
        import shapely

        best = None
        for sa in ida:
            la = self._street_line(sa)
            for sb in idb:
                lb = self._street_line(sb) if la is not None else None
                if lb is None:
                    continue
                gap = shapely.shortest_line(la, lb)
                d = gap.length
                if d <= 2 * _INTERSECTION_NEAR_M and (best is None or d < best[0]):
                    c = gap.interpolate(0.5, normalized=True)
                    best = (d, (c.x / self._kx, c.y / M_PER_DEG_LAT))
        return best


def _fit_line(x, y, cx, cy):
    """The line (a point, a unit direction) through the points within _LOCAL_M of (cx, cy), or
    None where they are too few or do not lie along a line."""
    import numpy as np

    near = np.hypot(x - cx, y - cy) <= _LOCAL_M
    if near.sum() < 2:
        return None
    xy = np.column_stack([x[near], y[near]])
    c = xy.mean(axis=0)
    _, sv, vt = np.linalg.svd(xy - c, full_matrices=False)
    if sv[0] < 3 * max(sv[1], 1e-9):
        return None
    return c, vt[0]
