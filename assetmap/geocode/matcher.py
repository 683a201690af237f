"""Place addresses with a project's locators, all rows at once on arrays.

For each row: the street is resolved (``streets``), then, in order,
  exact         the address point itself (a place's own point for a name with no number, such
                as "OFALLON PARK", where it is no numbered street of the locator);
  interpolated  between the nearest known numbers of the same parity on the street (the other
                side's numbers when they bracket it much more closely; block corners from known
                intersections where the known numbers are far apart, ``blocks``); never between
                two known numbers further apart than a street's pace allows (200 m + 5 m per
                number: a key holding two streets, a street in pieces);
  range         along an address-range segment, offset to the correct side (``ranges``);
  nearest       the closest known number of the same parity beyond the street's known ones (or
                the nearer of two implausibly far apart), the street's line continued where
                its pace there is plausible;
  intersection  "A / B": a known intersection point, else where the two streets come closest;
  street        street-level fallback, only where it means something: the known number closest
                to the row's when it is within 100 of it (any parity), or, with or without a
                number, a point of a street whose known points all lie within 600 m (an
                intersection with one street unknown too); on a long street any point would be
                arbitrary, so the row is left unmatched;
  unmatched     no street, no number we can use, a PO box, or an empty cell.
Each row gets longitude/latitude (WGS 84), a match type and a score (0-100).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assetmap.geocode.normalize import is_intersection, parse_addresses

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

    from assetmap.tasks import TaskContext

MATCH_TYPES = ("exact", "interpolated", "range", "nearest", "intersection", "street", "unmatched")
LOW_SCORE = 60            # below this a match is listed for checking (street-level is always below)
_NEAR_NUMBERS = 1000      # beyond a street's known numbers, extrapolate this far at most
_EXTRAPOLATE_SPAN = 300  # the street's direction and pace from its last known number and one this far in
_EXTRAPOLATE_MAX = 1.0    # ... continued at most that distance again (chosen on 2017 -> 2018)
_EXTEND_M = 1000.0        # street lines extended past their last known numbers, for crossings (300 before)
_NUM_BITS = 21            # house numbers < 2,097,152
_INTERSECTION_NEAR_M = 150.0
_OTHER_SIDE_WEIGHT = 0.5  # chosen on 2018 geocoded from 2017 (0.3 before block corners); 2019 held out
_M_PER_DEG_LAT = 110_950.0
_BLOCK_CORNERS = True
_CORNER_GAP = 200        # block corners are used where known numbers are further apart
# Sanity of a placement from known points (St. Louis blocks: about 100 numbers per 100-200 m).
_PACE_BASE_M = 200.0      # two known numbers this far apart are plausible whatever their gap,
_PACE_M = 5.0             # ... and this many metres per number more (chosen on 2017 -> 2018)
_STREET_NEAR_NUMBERS = 100  # street level: at a known number at most this far from the row's (any side);
_STREET_EXTENT_M = 600.0  # ... without a number, on a street whose known points all lie this close
_STREET_MIN_POINTS = 1    # ... and are at least this many (2 or 3: fewer matched, no better on 2017 -> 2018)


_BOUND_RE = re.compile(r"\b(?:EASTBOUND|WESTBOUND|NORTHBOUND|SOUTHBOUND)\b")


def _without_bound(key: str) -> str:
    """An intersection key without the carriageway words of its streets."""
    return " & ".join(sorted(" ".join(_BOUND_RE.sub(" ", side).split()) for side in key.split(" & ")))


def pd_zip5(values):
    """The five-digit ZIP of each cell ("63110-1234", 63110, " 63110 " -> "63110"; else "")."""
    import pandas as pd

    z = pd.Series(values, dtype="object").astype("string").str.extract(r"^\s*(\d{5})", expand=False)
    return z.fillna("").astype(object).to_numpy()


@dataclass
class Matches:
    lon: "np.ndarray"
    lat: "np.ndarray"
    match_type: "np.ndarray"   # object array of MATCH_TYPES
    score: "np.ndarray"        # int, 0 for unmatched

    @property
    def matched(self) -> "np.ndarray":
        return self.match_type != "unmatched"

    def counts(self) -> dict[str, int]:
        import numpy as np

        kinds, n = np.unique(self.match_type.astype(str), return_counts=True)
        have = dict(zip(kinds.tolist(), n.tolist()))
        return {k: int(have.get(k, 0)) for k in MATCH_TYPES}

    def low_score_rows(self) -> "np.ndarray":
        """Positions of rows that are unmatched or scored below LOW_SCORE."""
        import numpy as np

        return np.flatnonzero(self.score < LOW_SCORE)


class Matcher:
    """Built once from locator tables (see ``locators.load``); ``match`` is then vectorised."""

    def __init__(self, points: "pd.DataFrame | None" = None, ranges: "pd.DataFrame | None" = None):
        import numpy as np
        import pandas as pd

        from assetmap.geocode.streets import StreetIndex, street_zones

        pts = points if points is not None else pd.DataFrame(
            {"street": [], "number": [], "lon": [], "lat": []})
        pts = pts[pts["street"].astype(str) != ""]
        number = pd.to_numeric(pts["number"], errors="coerce").fillna(0).astype(np.int64).to_numpy()
        street = pts["street"].astype(str).to_numpy(dtype=object)
        lon = pts["lon"].to_numpy(dtype=float)
        lat = pts["lat"].to_numpy(dtype=float)
        inter = np.array([is_intersection(s) for s in street], dtype=bool)
        addr = ~inter & (number > 0) & np.isfinite(lon) & np.isfinite(lat)
        self._ranges = None
        range_keys: list[str] = []
        if ranges is not None and len(ranges):
            from assetmap.geocode.ranges import RangeIndex

            self._ranges = RangeIndex(ranges)
            range_keys = self._ranges.street_keys
        zips = (pts["zip"].fillna("").astype(str).str.strip().str[:5].to_numpy(dtype=object)
                if "zip" in pts else np.full(len(pts), "", dtype=object))
        zone = street_zones(street[addr], number[addr], zips[addr])
        streets = sorted(set(zip(street[addr].tolist(), zone.tolist())) | {(k, "") for k in range_keys})
        keys = [k for k, _ in streets]
        zones = [z for _, z in streets]
        pos2 = {kz: i for i, kz in enumerate(streets)}
        pos: dict[str, int] = {}
        for i, k in enumerate(keys):
            pos.setdefault(k, i)
        sid = np.array([pos2[kz] for kz in zip(street[addr].tolist(), zone.tolist())], dtype=np.int64)
        num, plon, plat = number[addr], lon[addr], lat[addr]
        lo = np.full(len(keys), np.iinfo(np.int64).max // 4, dtype=np.int64)
        hi = np.full(len(keys), -1, dtype=np.int64)
        np.minimum.at(lo, sid, num)
        np.maximum.at(hi, sid, num)
        if self._ranges is not None:
            self._ranges.bind({k: pos2[(k, "")] for k in range_keys}, lo, hi)
        self.streets = StreetIndex(keys, lo, hi, zones)
        mid_lat = float(np.nanmedian(lat)) if len(lat) else 0.0
        self._kx = _M_PER_DEG_LAT * np.cos(np.radians(mid_lat))   # metres per degree of longitude
        self._intersections = {s: (x, y) for s, x, y in zip(street[inter], lon[inter], lat[inter])
                               if np.isfinite(x) and np.isfinite(y)}
        # Named places (number 0, no " & "): a name that is also a numbered street is that street.
        place = ~inter & (number == 0) & np.isfinite(lon) & np.isfinite(lat)
        self._places = {s: (x, y) for s, x, y in zip(street[place], lon[place], lat[place]) if s not in pos}
        # Address points sorted by (street, parity, number): one searchsorted finds neighbours.
        k = self._key(sid, num % 2, num)
        order = np.argsort(k, kind="stable")
        k, plon, plat = k[order], plon[order], plat[order]
        uniq, first = np.unique(k, return_index=True)   # duplicates: the first (locators are deduplicated)
        rkey, rlon, rlat = uniq, plon[first], plat[first]
        # Same street, any parity: for the street-level fallback.
        k2 = ((rkey >> (_NUM_BITS + 1)) << _NUM_BITS) | (rkey & ((1 << _NUM_BITS) - 1))
        order2 = np.argsort(k2, kind="stable")
        self._akey, self._alon, self._alat = k2[order2], rlon[order2], rlat[order2]
        # Each street's extent: the diagonal of its known points' bounding box, in metres.
        asid = self._akey >> _NUM_BITS
        ax, ay = self._alon * self._kx, self._alat * _M_PER_DEG_LAT
        lo_x, lo_y = np.full(len(keys), np.inf), np.full(len(keys), np.inf)
        hi_x, hi_y = np.full(len(keys), -np.inf), np.full(len(keys), -np.inf)
        np.minimum.at(lo_x, asid, ax)
        np.minimum.at(lo_y, asid, ay)
        np.maximum.at(hi_x, asid, ax)
        np.maximum.at(hi_y, asid, ay)
        with np.errstate(invalid="ignore"):
            ext = np.hypot(hi_x - lo_x, hi_y - lo_y)
        self._extent = np.where(np.isfinite(ext), ext, np.inf)
        self._npoints = np.bincount(asid, minlength=len(keys))
        # Block corners from the known intersections: reference points at the hundreds, both sides.
        cs, cn, cx, cy = self._corners(pos, rkey, rlon, rlat)
        if len(cs):
            # The same corner on both sides of the street.
            cs, cn, cx, cy = (np.concatenate([v, v]) for v in (cs, cn, cx, cy))
            ck = self._key(cs, np.repeat([0, 1], len(cs) // 2), cn)
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
        self._pkey, self._plon, self._plat = rkey, rlon, rlat
        self._real = (rkey, rlon, rlat, np.zeros(len(rkey), bool))
        self._psid = self._pkey >> (_NUM_BITS + 1)
        # The same crossing of a divided road's other carriageway ("I 64 EASTBOUND & S BOYLE AVE"
        # known, "I 64 WESTBOUND & S BOYLE AVE" asked): the median of the known ones.
        loose: dict[str, list[tuple[float, float]]] = {}
        for key, xy in self._intersections.items():
            loose.setdefault(_without_bound(key), []).append(xy)
        self._loose_intersections = {k: (float(np.median([p[0] for p in v])), float(np.median([p[1] for p in v])))
                                     for k, v in loose.items()}
        self._pairs: dict[tuple[int, int], tuple[float, float]] = {}
        for s, (x, y) in self._intersections.items():
            a, b = s.split(" & ", 1)
            if a in pos and b in pos:
                self._pairs[tuple(sorted((pos[a], pos[b])))] = (x, y)
        self._street_points = None

    def _corners(self, pos, rkey, rlon, rlat):
        """Block corners (street id, number, lon, lat) from the known intersections."""
        import numpy as np

        from assetmap.geocode.blocks import block_corners

        if not _BLOCK_CORNERS or not self._intersections or not len(rkey):
            e = np.zeros(0, np.int64)
            return e, e, np.zeros(0), np.zeros(0)
        at = [(pos.get(name, -1), x * self._kx, y * _M_PER_DEG_LAT)
              for key, (x, y) in self._intersections.items() for name in key.split(" & ", 1)]
        at_sid = np.array([a[0] for a in at], dtype=np.int64)
        at_x = np.array([a[1] for a in at], dtype=float)
        at_y = np.array([a[2] for a in at], dtype=float)
        psid, pnum = rkey >> (_NUM_BITS + 1), rkey & ((1 << _NUM_BITS) - 1)
        px, py = rlon * self._kx, rlat * _M_PER_DEG_LAT
        cs, cn, cx, cy = block_corners(at_sid, at_x, at_y, psid, pnum, px, py)
        return cs, cn, cx / self._kx, cy / _M_PER_DEG_LAT

    @staticmethod
    def _key(sid, parity, num):
        return (sid << (_NUM_BITS + 1)) | (parity << _NUM_BITS) | num

    @property
    def size(self) -> int:
        return (len(self._pkey) + len(self._intersections) + len(self._places)
                + (self._ranges.size if self._ranges else 0))

    # ------------------------------------------------------------------ entry points
    def match_addresses(self, values, ctx: "TaskContext | None" = None, zips=None) -> Matches:
        """``zips``: a ZIP column, if the file has one; where it is filled it wins over a ZIP typed
        at the end of the address."""
        import numpy as np

        numbers, keys, typed_zips = parse_addresses(values)
        if zips is not None:
            z = np.asarray(pd_zip5(zips), dtype=object)
            typed_zips = np.where(z != "", z, typed_zips)
        return self.match(numbers, keys, ctx, zips=typed_zips)

    def match_parts(self, numbers, streets, ctx: "TaskContext | None" = None, zips=None) -> Matches:
        """``zips``: a ZIP column, if the file has one (a ZIP typed in the street cell counts too)."""
        import numpy as np

        from assetmap.geocode.normalize import house_numbers, street_keys

        keys, typed_zips = street_keys(streets)
        if zips is not None:
            z = np.asarray(pd_zip5(zips), dtype=object)
            typed_zips = np.where(z != "", z, typed_zips)
        n = house_numbers(numbers)
        # A street cell holding "A / B" with no number is an intersection: number 0 marks it.
        n = np.where((n < 0) & np.array([is_intersection(k) for k in keys], dtype=bool), 0, n)
        return self.match(n, keys, ctx, zips=typed_zips)

    def match(self, numbers, keys, ctx: "TaskContext | None" = None, zips=None) -> Matches:
        """``zips`` (optional, one per row) choose between streets of the same name in two places."""
        import numpy as np

        from assetmap.tasks import ensure

        ctx = ensure(ctx)
        numbers = np.asarray(numbers, dtype=np.int64)
        keys = np.asarray(keys, dtype=object)
        n = len(keys)
        out = Matches(lon=np.full(n, np.nan), lat=np.full(n, np.nan),
                      match_type=np.full(n, "unmatched", dtype=object), score=np.zeros(n, dtype=np.int64))
        inter = np.array([is_intersection(k) for k in keys], dtype=bool) if n else np.zeros(0, bool)
        ctx.progress(0.05, "Finding the streets")
        plain = ~inter & (numbers != -2)           # -2: a PO box, which has no place
        plain &= ~self._place_names(out, np.flatnonzero(plain & (numbers <= 0)), keys)
        sid, sscore = self.streets.resolve(np.where(plain, keys, ""), numbers, zips)
        ctx.check()
        ctx.progress(0.5, "Placing the addresses")
        rows = np.flatnonzero(plain & (sid >= 0) & (numbers > 0))
        self._place_numbers(out, rows, sid[rows], numbers[rows], sscore[rows])
        # No house number (or 0): the street is all we know.
        rows0 = np.flatnonzero(plain & (sid >= 0) & (numbers <= 0))
        self._street_level(out, rows0, sid[rows0], np.zeros(len(rows0), np.int64), sscore[rows0])
        ctx.check()
        ctx.progress(0.8, "Placing the intersections")
        self._place_intersections(out, np.flatnonzero(inter), keys)
        ctx.progress(1.0, "Placed")
        return out

    # ------------------------------------------------------------------ stages
    def _place_names(self, out: Matches, rows, keys) -> "np.ndarray":
        """Rows without a number whose key is a known place: at its point. Returns a mask."""
        import numpy as np

        hit = np.zeros(len(keys), dtype=bool)
        if not self._places or len(rows) == 0:
            return hit
        for i in rows:
            at = self._places.get(keys[i])
            if at is not None:
                out.lon[i], out.lat[i] = at
                out.match_type[i], out.score[i] = "exact", 95
                hit[i] = True
        return hit

    def _place_numbers(self, out: Matches, rows, sid, num, sscore) -> None:
        import numpy as np

        if len(rows) == 0:
            return
        par = num % 2
        lon, lat, typ, sc = self._bracket(sid, par, num)
        if self._ranges is not None:
            # An address range beats anything short of an exact point or a close interpolation.
            weak = ~np.isin(typ, ["exact"]) & ~((typ == "interpolated") & (sc >= 90))
            if weak.any():
                rlon, rlat, ok = self._ranges.locate(sid[weak], num[weak])
                idx = np.flatnonzero(weak)[ok]
                lon[idx], lat[idx], typ[idx], sc[idx] = rlon[ok], rlat[ok], "range", 90
        none = typ == "unmatched"
        if none.any():
            slon, slat, ok = self._closest_any_parity(sid[none], num[none])
            idx = np.flatnonzero(none)[ok]
            lon[idx], lat[idx], typ[idx], sc[idx] = slon[ok], slat[ok], "street", 40
        self._set(out, rows, lon, lat, typ, sc * sscore // 100)

    def _bracket(self, sid, par, num):
        """Exact / interpolated / nearest on address points of the same parity (or the other)."""
        import numpy as np

        m = len(sid)
        lon, lat = np.full(m, np.nan), np.full(m, np.nan)
        typ = np.full(m, "unmatched", dtype=object)
        sc = np.zeros(m, dtype=np.int64)
        if len(self._pkey) == 0:
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
            dx, dy = f * (blon - alon) * self._kx, f * (blat - alat) * _M_PER_DEG_LAT
            # Only along the street (the line between the same side's neighbours): the point stays
            # on its own side, which decides its area where a boundary runs down the street.
            ux = (same["lon_hi"][both] - same["lon_lo"][both]) * self._kx
            uy = (same["lat_hi"][both] - same["lat_lo"][both]) * _M_PER_DEG_LAT
            n = np.hypot(ux, uy)
            ok = n > 0
            ux, uy = np.where(ok, ux / np.where(ok, n, 1), 0), np.where(ok, uy / np.where(ok, n, 1), 0)
            along = dx * ux + dy * uy
            dx, dy = along * ux, along * uy
            lon[both], lat[both] = alon + dx / self._kx, alat + dy / _M_PER_DEG_LAT
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
        return lon, lat, typ, sc

    def _plausible(self, lon_a, lat_a, lon_b, lat_b, gap):
        """Whether two known points are close enough for the gap between their numbers."""
        import numpy as np

        d = np.hypot((lon_b - lon_a) * self._kx, (lat_b - lat_a) * _M_PER_DEG_LAT)
        return d <= _PACE_BASE_M + _PACE_M * np.minimum(gap, 1 << 20)

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
        k = self._key(sid, par, num)
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

    def _closest_any_parity(self, sid, num):
        """The known number on the street closest to ``num`` (either side)."""
        import numpy as np

        m = len(sid)
        if len(self._akey) == 0:
            if self._ranges is not None:
                return self._ranges.street_point(sid)
            return np.full(m, np.nan), np.full(m, np.nan), np.zeros(m, bool)
        k = (sid << _NUM_BITS) | num
        i = np.searchsorted(self._akey, k)
        n = len(self._akey)
        lo_i, hi_i = np.clip(i - 1, 0, n - 1), np.clip(i, 0, n - 1)
        ok_lo = (i > 0) & ((self._akey[lo_i] >> _NUM_BITS) == sid)
        ok_hi = (i < n) & ((self._akey[hi_i] >> _NUM_BITS) == sid)
        mask = (1 << _NUM_BITS) - 1
        d_lo = np.where(ok_lo, num - (self._akey[lo_i] & mask), 1 << 40)
        d_hi = np.where(ok_hi, (self._akey[hi_i] & mask) - num, 1 << 40)
        j = np.where(d_lo <= d_hi, lo_i, hi_i)
        known = ok_lo | ok_hi
        # Only where it means something: a known number close to the row's; without a number, a
        # street whose known points all lie close together. Elsewhere the point is arbitrary.
        s = np.clip(sid, 0, len(self._extent) - 1)
        compact = (self._extent[s] <= _STREET_EXTENT_M) & (self._npoints[s] >= _STREET_MIN_POINTS)
        ok = known & (compact | ((num > 0) & (np.minimum(d_lo, d_hi) <= _STREET_NEAR_NUMBERS)))
        lon, lat = self._alon[j], self._alat[j]
        if self._ranges is not None and not known.all():
            rlon, rlat, rok = self._ranges.street_point(sid[~known])
            idx = np.flatnonzero(~known)
            lon, lat = lon.copy(), lat.copy()
            lon[idx[rok]], lat[idx[rok]] = rlon[rok], rlat[rok]
            ok = ok.copy()
            ok[idx[rok]] = True
        return lon, lat, ok

    def _street_level(self, out: Matches, rows, sid, num, sscore) -> None:
        import numpy as np

        if len(rows) == 0:
            return
        lon, lat, ok = self._closest_any_parity(sid, np.maximum(num, 0))
        typ = np.where(ok, "street", "unmatched").astype(object)
        self._set(out, rows, lon, lat, typ, np.where(ok, 40, 0) * sscore // 100)

    def _place_intersections(self, out: Matches, rows, keys) -> None:
        """Each distinct "A & B" is placed once, then copied to its rows."""
        import pandas as pd

        if len(rows) == 0:
            return
        codes, uniques = pd.factorize(pd.Series(keys[rows], dtype="object"))
        placed = [self._intersection(key) for key in uniques]
        for u, hit in enumerate(placed):
            if hit is not None:
                at = rows[codes == u]
                (x, y), typ, score = hit
                out.lon[at], out.lat[at], out.match_type[at], out.score[at] = x, y, typ, score

    def _intersection(self, key: str):
        """((lon, lat), match type, score) of an intersection key, or None."""
        import numpy as np

        hit = self._intersections.get(key)
        if hit is not None:
            return hit, "intersection", 95
        hit = self._loose_intersections.get(_without_bound(key))
        if hit is not None:
            return hit, "intersection", 85
        a, b = key.split(" & ", 1)
        ida, sca = self.streets.candidates(a)
        idb, scb = self.streets.candidates(b)
        if not ida and not idb:
            return None
        sure = min(sca, scb) if ida and idb else 0
        pair = next((self._pairs[p] for p in ((min(x, y), max(x, y)) for x in ida for y in idb)
                     if p in self._pairs), None)
        if pair is not None:
            return pair, "intersection", 90 * sure // 100
        near = self._closest_approach(ida, idb) if ida and idb else None
        if near is not None:
            return near, "intersection", 80 * sure // 100
        # One street only: where it is (flagged street-level).
        ids = ida or idb
        lon, lat, ok = self._closest_any_parity(np.asarray(ids[:1], dtype=np.int64), np.zeros(1, np.int64))
        return ((lon[0], lat[0]), "street", 30 * max(sca, scb) // 100) if ok[0] else None

    def _points_of(self, s: int):
        import numpy as np

        if self._street_points is None:
            starts = np.searchsorted(self._akey >> _NUM_BITS, np.arange(len(self.streets.keys) + 1))
            self._street_points = starts
        a, b = self._street_points[s], self._street_points[s + 1]
        return self._alon[a:b], self._alat[a:b]

    def _closest_approach(self, ida: list[int], idb: list[int]):
        """Midpoint of the closest pair of known points on two streets, if they come near."""
        import numpy as np

        best = None
        for sa in ida[:3]:
            xa, ya = self._points_of(sa)
            for sb in idb[:3]:
                xb, yb = self._points_of(sb)
                if len(xa) == 0 or len(xb) == 0 or len(xa) * len(xb) > 4_000_000:
                    continue
                kx = _M_PER_DEG_LAT * np.cos(np.radians(ya.mean()))
                d = np.hypot((xa[:, None] - xb[None, :]) * kx, (ya[:, None] - yb[None, :]) * _M_PER_DEG_LAT)
                i, j = np.unravel_index(np.argmin(d), d.shape)
                if d[i, j] <= _INTERSECTION_NEAR_M and (best is None or d[i, j] < best[0]):
                    best = (d[i, j], ((xa[i] + xb[j]) / 2, (ya[i] + yb[j]) / 2))
        if best is None:
            best = self._line_crossing(ida[:3], idb[:3])
        if best is None and self._ranges is not None:
            best = self._ranges.crossing(ida[:3], idb[:3])
        return None if best is None else best[1]

    def _street_line(self, s: int):
        """A street's known points in number order, as a line in local metres (or None)."""
        import numpy as np
        import shapely

        x, y = self._points_of(s)
        if len(x) < 2:
            return None
        xy = np.column_stack([x * self._kx, y * _M_PER_DEG_LAT])
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
                    best = (d, (c.x / self._kx, c.y / _M_PER_DEG_LAT))
        return best

    @staticmethod
    def _set(out: Matches, rows, lon, lat, typ, score) -> None:
        out.lon[rows], out.lat[rows], out.match_type[rows], out.score[rows] = lon, lat, typ, score
        unmatched = out.match_type[rows] == "unmatched"
        out.score[rows[unmatched]] = 0
        out.lon[rows[unmatched]] = out.lat[rows[unmatched]] = float("nan")
