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
  intersection  "A / B": a known intersection point, else where the two streets come closest,
                else where one street's line meets the other (a road without addresses is
                where its known intersections are);
  street        street-level fallback, only where it means something: the known number closest
                to the row's when it is within 100 of it (any parity), or, with or without a
                number, a point of a street whose known points all lie within 600 m (an
                intersection with one street unknown too); on a long street any point would be
                arbitrary, so the row is left unmatched;
  unmatched     no street, no number we can use, a PO box, or an empty cell.
Each row gets longitude/latitude (WGS 84), a match type and a score (0-100).
``known_numbers`` places a number along its street (and gives the street-level point),
``intersections`` places "A & B"; ``Matcher`` resolves the streets and runs the stages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assetmap.geocode.known_numbers import M_PER_DEG_LAT
from assetmap.geocode.normalize import is_intersection, parse_addresses

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

    from assetmap.tasks import TaskContext

MATCH_TYPES = ("exact", "interpolated", "range", "nearest", "intersection", "street", "unmatched")
LOW_SCORE = 60            # below this a match is listed for checking (street-level is always below)


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

        from assetmap.geocode.intersections import Intersections
        from assetmap.geocode.known_numbers import KnownNumbers
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
        kx = M_PER_DEG_LAT * np.cos(np.radians(mid_lat))   # metres per degree of longitude
        intersections = {s: (x, y) for s, x, y in zip(street[inter], lon[inter], lat[inter])
                         if np.isfinite(x) and np.isfinite(y)}
        # Named places (number 0, no " & "): a name that is also a numbered street is that street.
        place = ~inter & (number == 0) & np.isfinite(lon) & np.isfinite(lat)
        self._places = {s: (x, y) for s, x, y in zip(street[place], lon[place], lat[place]) if s not in pos}
        self._numbers = KnownNumbers(sid, num, plon, plat, len(keys), kx, intersections, pos, self._ranges)
        self._intersections = Intersections(intersections, pos, self.streets, self._numbers, kx, self._ranges)

    @property
    def size(self) -> int:
        return (self._numbers.size + self._intersections.size + len(self._places)
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
        self._place_numbers(out, rows, sid[rows], numbers[rows], sscore[rows], ctx.check)
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

    def _place_numbers(self, out: Matches, rows, sid, num, sscore, check=None) -> None:
        import numpy as np

        if len(rows) == 0:
            return
        par = num % 2
        lon, lat, typ, sc = self._numbers.place(sid, par, num, check)
        if self._ranges is not None:
            # An address range beats anything short of an exact point or a close interpolation.
            weak = ~np.isin(typ, ["exact"]) & ~((typ == "interpolated") & (sc >= 90))
            if weak.any():
                rlon, rlat, ok = self._ranges.locate(sid[weak], num[weak])
                idx = np.flatnonzero(weak)[ok]
                lon[idx], lat[idx], typ[idx], sc[idx] = rlon[ok], rlat[ok], "range", 90
        none = typ == "unmatched"
        if none.any():
            slon, slat, ok = self._numbers.closest_any_parity(sid[none], num[none])
            idx = np.flatnonzero(none)[ok]
            lon[idx], lat[idx], typ[idx], sc[idx] = slon[ok], slat[ok], "street", 40
        self._set(out, rows, lon, lat, typ, sc * sscore // 100)

    def _street_level(self, out: Matches, rows, sid, num, sscore) -> None:
        import numpy as np

        if len(rows) == 0:
            return
        lon, lat, ok = self._numbers.closest_any_parity(sid, np.maximum(num, 0))
        typ = np.where(ok, "street", "unmatched").astype(object)
        self._set(out, rows, lon, lat, typ, np.where(ok, 40, 0) * sscore // 100)

    def _place_intersections(self, out: Matches, rows, keys) -> None:
        """Each distinct "A & B" is placed once, then copied to its rows."""
        import pandas as pd

        if len(rows) == 0:
            return
        codes, uniques = pd.factorize(pd.Series(keys[rows], dtype="object"))
        placed = [self._intersections.place(key) for key in uniques]
        for u, hit in enumerate(placed):
            if hit is not None:
                at = rows[codes == u]
                (x, y), typ, score = hit
                out.lon[at], out.lat[at], out.match_type[at], out.score[at] = x, y, typ, score

    @staticmethod
    def _set(out: Matches, rows, lon, lat, typ, score) -> None:
        out.lon[rows], out.lat[rows], out.match_type[rows], out.score[rows] = lon, lat, typ, score
        unmatched = out.match_type[rows] == "unmatched"
        out.score[rows[unmatched]] = 0
        out.lon[rows[unmatched]] = out.lat[rows[unmatched]] = float("nan")
