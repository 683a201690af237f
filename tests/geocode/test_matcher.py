"""The matcher on small hand-made locators, each placement checked against a direct computation."""

import numpy as np
import pandas as pd
import pytest
import shapely

from assetmap.geocode.known_numbers import _OTHER_SIDE_WEIGHT
from assetmap.geocode.matcher import Matcher

M_PER_DEG = 110_950.0


def _main_street():
    # MAIN ST runs east along lat 38.6: even numbers on the south side, odd on the north side.
    rows = []
    for n in list(range(100, 200, 20)) + list(range(300, 400, 20)):
        rows.append(("MAIN ST", n, -90 + n * 1e-5, 38.6))
    for n in range(101, 200, 20):
        rows.append(("MAIN ST", n, -90 + n * 1e-5, 38.6002))
    rows += [("N 9TH ST", n, -90.1, 38.6 + n * 1e-5) for n in (100, 500, 900)]
    rows += [("S 9TH ST", n, -90.1, 38.5 - n * 1e-5) for n in (1000, 1500, 2000)]
    rows.append(("MAIN ST & N 9TH ST", 0, -90.05, 38.65))
    return pd.DataFrame(rows, columns=["street", "number", "lon", "lat"])


@pytest.fixture()
def m():
    return Matcher(_main_street())


def test_exact_interpolated_same_parity_and_types(m):
    r = m.match_parts(["120", "150", "151", "130"], ["Main Street", "MAIN ST", "main st", "MAIN ST"])
    assert r.match_type.tolist() == ["exact", "interpolated", "interpolated", "interpolated"]
    assert r.score[0] == 100 and (r.score[1:] < 100).all() and (r.score[1:] >= 85).all()
    assert r.lon[0] == pytest.approx(-90 + 120e-5) and r.lat[0] == pytest.approx(38.6)
    # 150 lies between 140 and 160 (even side): the midpoint. The odd side (141-161) is mixed in
    # along the street only: the point stays on its own side.
    assert r.lon[1] == pytest.approx(-90 + 150e-5) and r.lat[1] == pytest.approx(38.6)
    # 151 is odd: between 141 and 161 on the north side, not between the even neighbours.
    assert r.lon[2] == pytest.approx(-90 + 151e-5) and r.lat[2] == pytest.approx(38.6002)


def test_beyond_known_numbers_nearest_then_street_level(m):
    r = m.match_parts(["390", "250", "5000"], ["MAIN ST"] * 3)
    # 390: nothing above 380 on the even side -> the street's line continued past 380 (it is straight
    # and numbered 1e-5 degrees apart, so 390 is at -90 + 390e-5).
    assert r.match_type[0] == "nearest" and r.lon[0] == pytest.approx(-90 + 390e-5)
    # 250 is bracketed by 180 and 300 (a wide gap): interpolated with a lower score.
    assert r.match_type[1] == "interpolated" and r.score[1] < 90
    assert r.lon[1] == pytest.approx(-90 + 250e-5)
    # 5000: no known number within reach: street level, flagged and scored low.
    assert r.match_type[2] == "street" and r.score[2] < 60
    assert r.lon[2] == pytest.approx(-90 + 380e-5)


def test_unmatched_rows(m):
    r = m.match_parts(["12", "", "120", None], ["ELM ST", "MAIN ST", "", "MAIN ST"])
    assert r.match_type.tolist() == ["unmatched", "street", "unmatched", "street"]
    r = m.match_addresses(["PO Box 4, St Louis MO", "", None])
    assert r.match_type.tolist() == ["unmatched"] * 3 and (r.score == 0).all() and np.isnan(r.lon).all()
    assert r.low_score_rows().tolist() == [0, 1, 2]


def test_typo_missing_direction_and_wrong_suffix(m):
    r = m.match_parts(["120", "120", "1500", "500"], ["MIAN ST", "Main Ave", "9th St", "9th Street"])
    assert r.match_type.tolist() == ["exact"] * 4
    assert r.score[0] < 100 and r.score[1] < 100
    # The house number decides between N 9TH ST and S 9TH ST.
    assert r.lat[2] == pytest.approx(38.5 - 1500e-5)
    assert r.lat[3] == pytest.approx(38.6 + 500e-5)


def test_one_line_addresses_as_typed(m):
    r = m.match_addresses(["120 Main Street, Apt 3, St. Louis, MO 63110", "120 MAIN ST", "120 main st #2"])
    assert r.match_type.tolist() == ["exact"] * 3
    assert np.allclose(r.lon, -90 + 120e-5)


def test_intersections_known_and_unknown(m):
    r = m.match_parts(["0", "", "0"], ["N 9TH ST / MAIN ST", "Main St & North 9th Street", "MAIN ST / ELM ST"])
    assert r.match_type[0] == "intersection" and r.score[0] == 95
    assert (r.lon[0], r.lat[0]) == pytest.approx((-90.05, 38.65))
    assert r.match_type[1] == "intersection"
    assert r.match_type[2] == "street"   # ELM ST is unknown: only Main St is placed


def test_crossing_streets_without_a_known_intersection():
    # An east-west and a north-south street crossing at (-90.0, 38.6), no intersection row.
    rows = [("EW ST", n, -90.01 + n * 1e-5, 38.6) for n in range(100, 2000, 100)]
    rows += [("NS AVE", n, -90.0, 38.59 + n * 1e-5) for n in range(100, 2000, 100)]
    r = Matcher(pd.DataFrame(rows, columns=["street", "number", "lon", "lat"])).match_parts(["0"], ["EW ST / NS AVE"])
    assert r.match_type[0] == "intersection"
    d = np.hypot((r.lon[0] + 90.0) * M_PER_DEG * np.cos(np.radians(38.6)), (r.lat[0] - 38.6) * M_PER_DEG)
    assert d < 60


def _tiger():
    # One segment digitised west -> east; left (north) side odd 101-199, right (south) side even 100-198.
    return pd.DataFrame({"street": ["OAK ST"], "lfrom": [101], "lto": [199], "rfrom": [100], "rto": [198],
                         "parity_l": ["O"], "parity_r": ["E"], "zip_l": [""], "zip_r": [""],
                         "geometry": [shapely.LineString([(-90.0, 38.6), (-89.99, 38.6)])]})


def test_range_interpolation_offset_to_the_side():
    r = Matcher(ranges=_tiger()).match_parts(["150", "151", "250"], ["Oak Street", "OAK ST", "OAK ST"])
    assert r.match_type.tolist() == ["range", "range", "street"]
    # 150 is (150-100)/(198-100) along the segment, 10 m to the right (south).
    assert r.lon[0] == pytest.approx(-90.0 + 0.01 * 50 / 98, abs=1e-7)
    assert (r.lat[0] - 38.6) * M_PER_DEG == pytest.approx(-10.0, abs=0.2)
    assert r.lon[1] == pytest.approx(-90.0 + 0.01 * 50 / 98, abs=1e-7)
    assert (r.lat[1] - 38.6) * M_PER_DEG == pytest.approx(10.0, abs=0.2)


def test_points_and_ranges_together_prefer_exact_points():
    pts = pd.DataFrame({"street": ["OAK ST"], "number": [150], "lon": [-89.5], "lat": [38.0]})
    r = Matcher(pts, _tiger()).match_parts(["150", "152"], ["OAK ST", "OAK ST"])
    assert r.match_type.tolist() == ["exact", "range"]
    assert r.lon[0] == -89.5


def test_hundred_thousand_rows_vectorised(m):
    rng = np.random.default_rng(1)
    n = rng.integers(100, 400, 100_000)
    r = m.match(n, np.full(100_000, "MAIN ST", dtype=object))
    assert r.matched.all()
    # Every exact match is the reference point itself.
    ex = r.match_type == "exact"
    assert np.allclose(r.lon[ex], -90 + n[ex] * 1e-5)


def test_other_side_mixed_in_by_how_tightly_it_brackets():
    # Odd side: 101 and 199 only (a gap of 98); even side: 140 and 160 (a gap of 20), 30 m south
    # and shifted east by 10e-5, as real reference points disagree. 151 moves along the street by
    # the even side's share (its weight _OTHER_SIDE_WEIGHT per number of gap) and stays on the odd side.
    rows = [("OAK ST", 101, -90 + 101e-5, 38.6003), ("OAK ST", 199, -90 + 199e-5, 38.6003),
            ("OAK ST", 140, -90 + 150e-5, 38.6), ("OAK ST", 160, -90 + 170e-5, 38.6)]
    m = Matcher(pd.DataFrame(rows, columns=["street", "number", "lon", "lat"]))
    r = m.match_parts(["151"], ["OAK ST"])
    a_lon, a_lat = -90 + 151e-5, 38.6003                   # odd side, t = 50/98
    b_lon, b_lat = -90 + 150e-5 + 0.55 * 20e-5, 38.6       # even side, t = 11/20
    ws, wo = 1 / 98, _OTHER_SIDE_WEIGHT / 20
    f = wo / (ws + wo)
    assert r.match_type[0] == "interpolated"
    assert r.lon[0] == pytest.approx(a_lon + f * (b_lon - a_lon), abs=1e-10)
    assert r.lat[0] == pytest.approx(a_lat)


def _two_towns():
    # MAIN ST numbered 100-300 in two towns (ZIPs 63110 and 62201, 20 km apart); GRAND BLVD runs
    # on from 63110 (100-900) into 63118 (1000-1900): one street whose numbers go on.
    rows = [("MAIN ST", n, "63110", -90.0 + n * 1e-5, 38.6) for n in range(100, 320, 20)]
    rows += [("MAIN ST", n, "62201", -89.8 + n * 1e-5, 38.5) for n in range(100, 320, 20)]
    rows += [("GRAND BLVD", n, "63110", -90.1, 38.6 + n * 1e-5) for n in range(100, 1000, 100)]
    rows += [("GRAND BLVD", n, "63118", -90.1, 38.6 + n * 1e-5) for n in range(1100, 2000, 100)]
    return pd.DataFrame(rows, columns=["street", "number", "zip", "lon", "lat"])


def test_zip_chooses_between_namesake_streets_in_two_places():
    m = Matcher(_two_towns())
    r = m.match_addresses(["150 Main St, Belleville, IL 62201", "150 Main St, St. Louis, MO 63110",
                           "150 Main St", "160 Main St 62201"])
    assert r.match_type.tolist() == ["interpolated", "interpolated", "interpolated", "exact"]
    assert (r.lon[0], r.lat[0]) == (pytest.approx(-89.8 + 150e-5), pytest.approx(38.5))
    assert (r.lon[1], r.lat[1]) == (pytest.approx(-90.0 + 150e-5), pytest.approx(38.6))
    # No ZIP: one of the two, but less sure than with one (the number fits both places).
    assert r.score[2] < r.score[1]
    assert (r.lon[3], r.lat[3]) == (pytest.approx(-89.8 + 160e-5), pytest.approx(38.5))
    # The same through a ZIP column next to number and street.
    r = m.match_parts(["150", "150"], ["MAIN ST", "MAIN ST"], zips=["62201-1234", 63110])
    assert r.lat.tolist() == [pytest.approx(38.5), pytest.approx(38.6)]


def test_street_crossing_zips_stays_one_street():
    m = Matcher(_two_towns())
    # 1000 lies between 900 (63110) and 1100 (63118): interpolated across the ZIP line, whatever
    # ZIP is typed, not pushed to the end of one ZIP's part.
    r = m.match_addresses(["1000 Grand Blvd", "1000 Grand Blvd, St. Louis MO 63118"])
    assert r.match_type.tolist() == ["interpolated", "interpolated"]
    assert r.lat.tolist() == [pytest.approx(38.6 + 1000e-5)] * 2


def _elm_avenue():
    # ELM AVE runs east; its blocks are of unequal length: the 1300 block is five times as long as
    # the others. Address points are known in the 1200 and 1500 blocks only (evens on the south
    # side, odds 22 m north); the cross streets at 1300, 1400 and 1500 are known intersections.
    def at(n):   # position along the street, in 1e-5 degrees of longitude
        return float(np.interp(n, [1200, 1300, 1400, 1500, 1600], [0, 100, 600, 700, 800]))

    rows = []
    for n in (1210, 1220, 1280, 1290, 1510, 1520, 1580, 1590):
        rows += [("ELM AVE", n, -90 + at(n) * 1e-5, 38.6), ("ELM AVE", n + 1, -90 + at(n + 1) * 1e-5, 38.6002)]
    for cross, n in (("A ST", 1300), ("B ST", 1400), ("C ST", 1500)):
        rows.append((f"ELM AVE & {cross}", 0, -90 + at(n) * 1e-5, 38.6001))
    return pd.DataFrame(rows, columns=["street", "number", "lon", "lat"]), at


def test_block_corners_from_intersections():
    pts, at = _elm_avenue()
    m = Matcher(pts)
    r = m.match_parts(["1350", "1450", "1250"], ["ELM AVE"] * 3)
    # 1350 lies between 1290 and 1510, a gap of 220: the cross streets bracketing it are the
    # corners 1300 and 1400 (their hundreds told by ELM AVE's own numbers on either side), so it is
    # placed half-way along the long 1300 block, not along the chord of the gap (at(1350) = 350).
    assert r.match_type[0] == "interpolated"
    assert r.lon[0] == pytest.approx(-90 + at(1350) * 1e-5, abs=1e-9)
    assert r.lon[1] == pytest.approx(-90 + at(1450) * 1e-5, abs=1e-9)
    # Between known numbers 1220 and 1280 (a gap of 60) the corners are not used.
    assert r.lon[2] == pytest.approx(-90 + at(1250) * 1e-5, abs=1e-9)
    # The corner is a reference point but not an address: 1300 itself is interpolated.
    r = m.match_parts(["1300"], ["ELM AVE"])
    assert r.match_type[0] == "interpolated" and r.score[0] < 100
    assert m.size == len(pts)


def test_block_corner_needs_the_streets_own_numbers_on_both_sides():
    from assetmap.geocode.blocks import block_corners

    # Points of street 0 numbered 1210-1290 west of x=100 and 1510-1590 east of it, 8 m apart.
    num = np.array([1210, 1250, 1290, 1510, 1550, 1590])
    x = np.array([10.0, 50, 90, 110, 150, 190])
    sid, y = np.zeros(6, np.int64), np.zeros(6)
    at = lambda *xs: (np.zeros(len(xs), np.int64), np.array(xs, float), np.zeros(len(xs)))  # noqa: E731
    # A crossing between 1290 and 1510 with three hundreds in between: the nearest to the position.
    cs, cn, cx, cy = block_corners(*at(100.0), sid, num, x, y)
    assert cn.tolist() == [1400]
    # A crossing beyond the street's known numbers tells no hundred.
    cs, cn, cx, cy = block_corners(*at(400.0), sid, num, x, y)
    assert len(cn) == 0


def test_short_street_name_may_mean_the_fuller_one():
    rows = [("CHIPPEWA", 3004, -90.3, 38.59), ("CHIPPEWA", 3100, -90.299, 38.59)]
    rows += [("CHIPPEWA ST", n, -90.3 + (n - 3000) * 1e-5, 38.591) for n in range(2000, 7001, 100)]
    m = Matcher(pd.DataFrame(rows, columns=["street", "number", "lon", "lat"]))
    r = m.match_parts(["6400", "3004"], ["CHIPPEWA", "CHIPPEWA"])
    # 6400 is far beyond CHIPPEWA's two points but known on CHIPPEWA ST; 3004 stays on CHIPPEWA.
    assert r.match_type.tolist() == ["exact", "exact"]
    assert r.lon[0] == pytest.approx(-90.3 + 3400e-5, abs=1e-9) and r.lat[1] == pytest.approx(38.59)


def test_beyond_the_known_numbers_paced_by_a_known_number_far_in():
    # Numbers 100-400 every 20, the last three close together but zigzagging across the street:
    # the direction and pace beyond 400 come from a known number 300 further in, not from them.
    rows = [("PINE ST", n, -90 + n * 1e-5, 38.6) for n in range(100, 400, 20)]
    rows += [("PINE ST", 396, -90 + 396e-5, 38.6003), ("PINE ST", 398, -90 + 398e-5, 38.5997),
             ("PINE ST", 400, -90 + 400e-5, 38.6)]
    r = Matcher(pd.DataFrame(rows, columns=["street", "number", "lon", "lat"])).match_parts(["600"], ["PINE ST"])
    assert r.match_type[0] == "nearest"
    assert r.lon[0] == pytest.approx(-90 + 600e-5, abs=1e-9) and r.lat[0] == pytest.approx(38.6)


def _frame(rows):
    return pd.DataFrame(rows, columns=["street", "number", "lon", "lat"])


def test_street_level_only_where_it_means_something():
    # LONG AVE: numbers 100-3000 over about 2.5 km; SHORT CT: four points within 40 m.
    rows = [("LONG AVE", n, -90 + n * 1e-5, 38.6) for n in range(100, 3001, 100)]
    rows += [("SHORT CT", n, -90.2 + n * 1e-6, 38.7) for n in (10, 12, 14, 16)]
    m = Matcher(_frame(rows))
    r = m.match_parts(["", "9000", "3020", "", "0"],
                      ["LONG AVE", "LONG AVE", "LONG AVE", "SHORT CT", "LONG AVE / ELM ST"])
    # No number on a long street, a number far from any known one, an intersection whose other
    # street is unknown: any point of the street would be arbitrary, kilometres off.
    assert r.match_type[0] == "unmatched" and np.isnan(r.lon[0]) and r.score[0] == 0
    assert r.match_type[1] == "unmatched" and np.isnan(r.lon[1])
    assert r.match_type[4] == "unmatched" and np.isnan(r.lon[4])
    # A number close to a known one (the even side's 3000 would be 'nearest'; 3020 is 20 past it).
    assert r.match_type[2] in ("nearest", "street") and r.lon[2] == pytest.approx(-90 + 3020e-5, abs=5e-5)
    # A short street without a number: its known points are all close together.
    assert r.match_type[3] == "street" and r.lat[3] == pytest.approx(38.7)
    r = m.match_parts(["0"], ["SHORT CT / ELM ST"])
    assert r.match_type[0] == "street"


def test_street_level_at_a_known_number_close_to_the_row():
    # Even numbers only, 100-3000 over 2.5 km: an odd number has no same-side neighbour.
    rows = [("LONG AVE", n, -90 + n * 1e-5, 38.6) for n in range(100, 3001, 100)]
    r = Matcher(_frame(rows)).match_parts(["3051", "3251", "1501"], ["LONG AVE"] * 3)
    # 3051: 51 from the known 3000, whose point stands for it (street level, scored low).
    assert r.match_type[0] == "street" and r.lon[0] == pytest.approx(-90 + 3000e-5) and r.score[0] < 60
    # 3251: 251 from any known number on a long street: not placed.
    assert r.match_type[1] == "unmatched" and np.isnan(r.lon[1])
    # 1501: the even side brackets it (1500, 1600): interpolated there as before.
    assert r.match_type[2] == "interpolated"


def test_park_is_not_a_street_with_another_suffix():
    rows = [("OFALLON ST", n, -90.2 + n * 1e-6, 38.65) for n in (100, 102, 104)]
    m = Matcher(_frame(rows))
    r = m.match_parts(["0", "0", "102"], ["OFALLON PARK", "OFALLON AVE", "OFALLON PARK"])
    assert r.match_type.tolist() == ["unmatched", "street", "unmatched"]


def test_no_interpolation_between_far_apart_halves_of_a_key():
    # BROADWAY (no direction) holds both halves: 4000-4600 going south from (-90.2, 38.6), and
    # 4700-5300 going north from a point 10 km away. 4650 lies between 4600 and 4700 by number.
    step = 150 / M_PER_DEG   # 150 m per 100 numbers
    rows = [("BROADWAY", n, -90.2, 38.6 - (n - 4000) / 100 * step) for n in range(4000, 4601, 100)]
    rows += [("BROADWAY", n, -90.2, 38.7 + (n - 4700) / 100 * step) for n in range(4700, 5301, 100)]
    r = Matcher(_frame(rows)).match_parts(["4650", "4300"], ["BROADWAY", "BROADWAY"])
    # Not on the chord 5 km from either half: continued 50 numbers from the nearer known one.
    assert r.match_type[0] == "nearest"
    d_south = abs(r.lat[0] - (38.6 - 6 * step)) * M_PER_DEG
    assert d_south < 100
    assert r.match_type[1] == "exact"


def test_no_extrapolation_along_an_implausible_pace():
    # PINE ST 100-400 on a line, and 700 known 5 km away (another piece of the street): beyond
    # 700 there is no direction to continue in, so 900 stays at 700's point.
    rows = [("PINE ST", n, -90 + n * 1e-5, 38.6) for n in range(100, 401, 20)]
    rows.append(("PINE ST", 700, -90 + 400e-5 + 5000 / (M_PER_DEG * np.cos(np.radians(38.6))), 38.6))
    m = Matcher(_frame(rows))
    r = m.match_parts(["900"], ["PINE ST"])
    assert r.match_type[0] == "nearest"
    assert (r.lon[0], r.lat[0]) == pytest.approx((rows[-1][2], 38.6))


def _points(rows):
    """Locator rows as ``locators.point_rows`` stores them from (number, street, lon, lat) rows."""
    from assetmap.geocode.locators import point_rows
    from assetmap.geocode.normalize import house_numbers, street_keys

    keys, zips = street_keys(np.array([r[1] for r in rows], dtype=object))
    return point_rows(house_numbers(pd.Series([r[0] for r in rows], dtype=object)), keys, zips,
                      np.array([r[2] for r in rows]), np.array([r[3] for r in rows]))


def test_named_places_from_unnumbered_reference_rows():
    park = (-90.2193, 38.6807)
    rows = [("0", "OFALLON PARK", *park)] * 3 + [("", "@OFALLON PARK : XY(9012", *park)]
    # A street written without a number, at points all along it: no place can be told.
    rows += [("0", "S GRAND BLVD", -90.24, 38.60), ("0", "S GRAND BLVD", -90.24, 38.62),
             ("0", "S GRAND BLVD", -90.24, 38.64)]
    # An unnumbered MAIN ST row next to MAIN ST's numbered points: MAIN ST is a street, not a place.
    rows += [(str(n), "MAIN ST", -90 + n * 1e-5, 38.6) for n in (100, 120, 140)]
    rows += [("0", "MAIN ST", -90.5, 38.9)] * 2
    pts = _points(rows)
    assert sorted(pts["street"][pts["number"] == 0]) == ["MAIN ST", "OFALLON PARK"]
    m = Matcher(pts)
    r = m.match_parts(["0", "", "0", "0", "0"],
                      ["OFALLON PARK", "@OFALLON PARK : XY(90", "S GRAND BLVD", "MAIN ST", "KIENER PLAZA"])
    assert r.match_type[:2].tolist() == ["exact", "exact"] and (r.score[:2] == 95).all()
    assert (r.lon[0], r.lat[0]) == pytest.approx(park) and (r.lon[1], r.lat[1]) == pytest.approx(park)
    assert r.match_type[2] == "unmatched"                 # scattered: dropped when the locator was built
    # MAIN ST without a number: the street-level rule of a street (its points lie within 600 m),
    # never the unnumbered rows' point 40 km away.
    assert r.match_type[3] == "street" and r.lon[3] == pytest.approx(-90 + 100e-5)
    assert r.match_type[4] == "unmatched"
    typed = m.match_addresses(["Ofallon Park, St. Louis, MO 63107", "ofallon park"])
    assert typed.match_type.tolist() == ["exact", "exact"]
    assert (typed.lon[0], typed.lat[0]) == pytest.approx(park)


def test_place_kept_when_most_of_its_points_agree():
    from assetmap.geocode.locators import PLACE_AGREE

    at = (-90.29, 38.64)
    n_near = 9
    rows = [("0", "ART HILL", *at)] * n_near + [("0", "ART HILL", -90.20, 38.70)]   # one stray point
    assert n_near / (n_near + 1) >= PLACE_AGREE
    r = Matcher(_points(rows)).match_parts(["0"], ["ART HILL"])
    assert r.match_type[0] == "exact"
    # The median is the place's point; the stray one does not pull it away.
    assert (r.lon[0], r.lat[0]) == pytest.approx(at)
    rows = [("0", "ART HILL", *at)] * 2 + [("0", "ART HILL", -90.20, 38.70)] * 2
    assert Matcher(_points(rows)).match_parts(["0"], ["ART HILL"]).match_type[0] == "unmatched"


def test_intersection_with_the_other_carriageway_of_a_divided_road():
    # Known: where S BOYLE AVE crosses I 64's westbound carriageway, and I 64 written without one.
    rows = [("I 64 WESTBOUND & S BOYLE AVE", 0, -90.2533, 38.6313), ("I 64 & S BOYLE AVE", 0, -90.2531, 38.6313)]
    rows += [("S BOYLE AVE", n, -90.2533, 38.6300 + n * 1e-6) for n in (100, 120, 140)]
    m = Matcher(_frame(rows))
    r = m.match_parts(["0", "0", "0", "0"], ["S BOYLE AVE / I 64 EASTBOUND", "I 64 WESTBOUND / S BOYLE AVE",
                                             "I 64 / S Boyle Ave", "I 70 EASTBOUND / S BOYLE AVE"])
    assert r.match_type[:3].tolist() == ["intersection"] * 3
    assert r.score[:3].tolist() == [85, 95, 95]                          # a known key: 95; the other carriageway: 85
    assert (r.lon[0], r.lat[0]) == pytest.approx((-90.2532, 38.6313), abs=1e-9)   # the median of the two
    assert (r.lon[1], r.lon[2]) == pytest.approx((-90.2533, -90.2531), abs=1e-9)
    assert r.score[3] < 85                                              # another road: not that crossing
