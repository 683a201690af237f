"""Intersections the two streets' known points do not bring close: one street's line meets the other.

Hand-made grids in local metres (x east, y north) around (-90.2, 38.6); each placement is checked
against the crossing computed directly, and each rule is shown to matter.
"""

import numpy as np
import pandas as pd
import pytest

from assetmap.geocode import intersections
from assetmap.geocode.matcher import Matcher

LON0, LAT0 = -90.2, 38.6
M_PER_DEG = 110_950.0
KX = M_PER_DEG * np.cos(np.radians(LAT0))


def _lonlat(x, y):
    return LON0 + x / KX, LAT0 + y / M_PER_DEG


def _row(street, number, x, y):
    return (street, number, *_lonlat(x, y))


def _metres_from(r, i, x, y):
    return float(np.hypot((r.lon[i] - LON0) * KX - x, (r.lat[i] - LAT0) * M_PER_DEG - y))


def _east_west(street="EW ST", y=0.0):
    """An east-west street from x=0 to x=2000 m, numbers 100-2000 (even south, odd north)."""
    rows = [_row(street, n, n, y - 10) for n in range(100, 2001, 100)]
    rows += [_row(street, n + 1, n, y + 10) for n in range(100, 2001, 100)]
    return rows


def _matcher(rows):
    return Matcher(pd.DataFrame(rows, columns=["street", "number", "lon", "lat"]))


def test_a_road_without_addresses_is_where_its_known_intersections_are():
    # I 64 EASTBOUND runs east along y=0: the reference knows it only by where it crosses A, B,
    # C and D STs (x = 0, 300, 1200, 1500). E ST runs north from y=250 at x=700, with addresses.
    rows = [_row(f"{s} ST & I 64 EASTBOUND", 0, x, 0.0) for s, x in zip("ABCD", (0, 300, 1200, 1500))]
    rows += [_row("E ST", n, 700, 150 + n) for n in range(100, 900, 50)]
    r = _matcher(rows).match_parts(["0", "0"], ["I 64 EASTBOUND / E ST", "E ST & I-64 Eastbound"])
    assert r.match_type.tolist() == ["intersection", "intersection"]
    for i in (0, 1):
        assert _metres_from(r, i, 700, 0) < 5
    assert r.score[0] == 50                 # E ST's nearest point is 250 m off: listed for checking


def test_a_cross_street_known_by_one_point_far_from_the_street():
    # NS AVE is known by one address 180 m north of EW ST at x=900: it crosses there.
    m = _matcher(_east_west() + [_row("NS AVE", 4021, 900, 180)])
    r = m.match_parts(["0"], ["EW ST / NS AVE"])
    assert r.match_type[0] == "intersection" and r.score[0] == 60
    assert _metres_from(r, 0, 900, 0) < 5
    # 500 m off: placed the same way, scored lower.
    m = _matcher(_east_west() + [_row("NS AVE", 4021, 900, 500)])
    r = m.match_parts(["0"], ["EW ST / NS AVE"])
    assert r.match_type[0] == "intersection" and r.score[0] == 50
    assert _metres_from(r, 0, 900, 0) < 5


def test_too_far_from_the_street_to_say_where_it_crosses():
    far = intersections._FOOT_M + 100
    m = _matcher(_east_west() + [_row("NS AVE", 4021, 900, far)])
    r = m.match_parts(["0"], ["EW ST / NS AVE"])
    assert r.match_type[0] != "intersection"


def test_no_line_through_points_that_do_not_lie_along_one():
    # BLOCK PL's known points fill a 200 m square: no direction to cross; QUIET LN is one point.
    rows = [_row("BLOCK PL", 100 + 2 * i, x, y) for i, (x, y) in
            enumerate((x, y) for x in (0, 100, 200) for y in (0, 100, 200))]
    rows.append(_row("QUIET LN", 50, 300, 500))
    r = _matcher(rows).match_parts(["0"], ["BLOCK PL / QUIET LN"])
    assert r.match_type[0] != "intersection"


def test_two_roads_known_only_by_intersections_that_do_not_meet():
    # I 64 along y=0 and I 70 along y=3000, each known by two crossings; nothing has addresses.
    rows = [_row("A ST & I 64", 0, 0, 0), _row("B ST & I 64", 0, 500, 0),
            _row("A ST & I 70", 0, 0, 3000), _row("B ST & I 70", 0, 500, 3000)]
    r = _matcher(rows).match_parts(["0"], ["I 64 / I 70"])
    assert r.match_type[0] == "unmatched" and np.isnan(r.lon[0])


def test_the_foot_only_where_the_streets_do_not_come_close(monkeypatch):
    # Where the closest known points are near each other, the closest approach places it (80),
    # as before; the foot is not asked.
    rows = _east_west() + [_row("NS AVE", n, 900, 40 + n / 10) for n in range(100, 1000, 100)]
    asked = []
    real = intersections.Intersections._foot
    monkeypatch.setattr(intersections.Intersections, "_foot", lambda self, a, b: asked.append(1) or real(self, a, b))
    r = _matcher(rows).match_parts(["0"], ["EW ST / NS AVE"])
    assert r.match_type[0] == "intersection" and r.score[0] == 80 and not asked
    assert r.lon[0] == pytest.approx(_lonlat(900, 25)[0], abs=30 / KX)
