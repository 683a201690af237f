"""Where a number lies along its street, from the same numbers on parallel streets: a small
hand-made grid city whose blocks are of unequal lengths, checked against where each hundred is."""

import numpy as np
import pandas as pd
import pytest

from assetmap.geocode.matcher import Matcher
from assetmap.geocode.number_grid import NumberGrid

# Cross streets (where each hundred starts), metres east of the west end: blocks of unequal length.
HUNDREDS = np.array([4000, 4100, 4200, 4300, 4400, 4500, 4600])
CROSS_X = np.array([0.0, 80.0, 260.0, 330.0, 520.0, 600.0, 790.0])
M_PER_DEG_LAT = 110_950.0
KX = M_PER_DEG_LAT * np.cos(np.radians(38.6))


def _x_of(number):
    return np.interp(number, HUNDREDS, CROSS_X)


def _grid_points(streets=(1, 2, 3), numbers=range(4000, 4601, 25)):
    """(street id, number, x, y): parallel east-west streets 150 m apart, numbers rising east."""
    return [(s, n, _x_of(n), 150.0 * s) for s in streets for n in numbers]


def _grid(points):
    pts = sorted(points)
    sid = np.array([p[0] for p in pts], dtype=np.int64)
    num = np.array([p[1] for p in pts], dtype=np.int64)
    akey = (sid << 21) | num
    return NumberGrid(akey, np.array([p[2] for p in pts]), np.array([p[3] for p in pts]), 21)


def _along(grid, number, street=0):
    # The row's street 0 knows only 4000 (x = 0) and 4600 (x = 790), along y = 0.
    t = grid.along(np.array([street]), np.array([number]), np.array([0.0]), np.array([0.0]),
                   np.array([790.0]), np.array([0.0]))
    return t[0]


def _linear(number):
    return (number - 4000) / 600 * 790.0


def test_parallel_streets_put_a_number_at_its_block():
    grid = _grid(_grid_points())
    for number in (4100, 4250, 4300, 4480, 4550):
        # Linear between 4000 and 4600 puts 4300 at 395 m; the blocks put it at 330 m. The
        # parallel streets' numbers near 4300 are stepped to 4300 at their street's pace over
        # three blocks, so a corner comes out within a few tens of metres, not exactly.
        err = abs(_along(grid, number) * 790.0 - _x_of(number))
        assert err <= 20.0 and err < 0.5 * abs(_linear(number) - _x_of(number))
    assert _along(grid, 4250) * 790.0 == pytest.approx(_x_of(4250), abs=1.0)   # mid-block: exact


def test_streets_on_the_other_axis_of_the_grid_do_not_count():
    # A north-south street crossing the stretch, its own 4300s at x = 700 (numbers rising north).
    across = [(9, n, 700.0, (n - 4000) * 1.5 - 300.0) for n in range(4200, 4401, 20)]
    only_across = _grid(across + [(9, 3000, 700.0, -1800.0)])
    assert np.isnan(_along(only_across, 4300))
    with_parallels = _grid(_grid_points() + across)
    assert _along(with_parallels, 4300) == _along(_grid(_grid_points()), 4300)


def test_numbers_rising_the_other_way_do_not_count():
    # A parallel street numbered westward (another numbering): its 4300 and 4302 agree with each
    # other, at 460 m, and say nothing of ours; its 4200 and 4400 give its direction.
    westward = [(5, n, 790.0 - _x_of(n), 150.0) for n in (4200, 4300, 4302, 4400)]
    assert np.isnan(_along(_grid(westward), 4300))
    eastward = [(5, n, _x_of(n), 150.0) for n in (4200, 4300, 4302, 4400)]
    assert _along(_grid(eastward), 4300) * 790.0 == pytest.approx(330.0, abs=2.0)


def test_parallel_streets_that_disagree_say_nothing():
    # One parallel street has its 4300 at 330 m, another at 700 m: no agreement, no placement.
    far_off = [(2, n, min(790.0, _x_of(n) + 370.0 * (n >= 4250)), 300.0) for n in range(4000, 4601, 25)]
    assert np.isnan(_along(_grid(_grid_points(streets=(1,)) + far_off), 4300))


def test_far_streets_and_the_rows_own_street_do_not_count():
    far = _grid(_grid_points(streets=(5, 6)))        # 750 and 900 m away: beyond _BESIDE_M
    assert np.isnan(_along(far, 4300))
    own = _grid(_grid_points(streets=(0,)))          # the row's own street is what is being placed
    assert np.isnan(_along(own, 4300))


LON0, LAT0 = -90.25, 38.6


def _main_street(parallels_at):
    """A matcher knowing MAIN ST's 4000 and 4600 only (790 m apart, along LAT0) and two parallel
    streets' numbers every 25, ``parallels_at`` times 150 m north, their blocks at CROSS_X."""
    rows = [("MAIN ST", 4000, LON0, LAT0), ("MAIN ST", 4600, LON0 + 790.0 / KX, LAT0)]
    for name, s in zip(("OAK ST", "ELM ST"), parallels_at):
        rows += [(name, n, LON0 + _x_of(n) / KX, LAT0 + 150.0 * s / M_PER_DEG_LAT)
                 for n in range(4000, 4601, 25)]
    return Matcher(pd.DataFrame(rows, columns=["street", "number", "lon", "lat"]))


def test_matcher_moves_a_long_gap_interpolation_along_its_street_only():
    """Through the matcher: 4300 MAIN ST between known 4000 and 4600 (even side) lands by its
    block (330 m), not at the linear 395 m, and stays on its side of the street."""
    m = _main_street(parallels_at=(1, 2))
    r = m.match_parts(["4300", "4300"], ["MAIN ST", "OAK ST"])
    assert r.match_type[0] == "interpolated"
    assert (r.lon[0] - LON0) * KX == pytest.approx(_along(_grid(_grid_points(streets=(1, 2))), 4300) * 790.0,
                                                   abs=0.5)
    assert abs((r.lon[0] - LON0) * KX - 330.0) <= 20.0
    assert r.lat[0] == pytest.approx(LAT0)
    assert r.match_type[1] == "exact"


def test_many_rows_in_chunks_match_one_by_one(monkeypatch):
    import assetmap.geocode.number_grid as ng

    grid = _grid(_grid_points())
    numbers = np.arange(4010, 4600, 7)
    m = len(numbers)
    args = (np.zeros(m, np.int64), numbers, np.zeros(m), np.zeros(m), np.full(m, 790.0), np.zeros(m))
    whole = grid.along(*args)
    monkeypatch.setattr(ng, "_CHUNK", 50)             # a few rows per pass
    assert np.array_equal(grid.along(*args), whole, equal_nan=True)
    err = np.abs(whole * 790.0 - _x_of(numbers))
    assert err.max() <= 20.0 and err.mean() < 0.25 * np.abs(_linear(numbers) - _x_of(numbers)).mean()


# ---------------------------------------------------------------- beyond the known numbers
def _anchor(grid, street, number):
    akey = grid._all[0]
    return np.array([int(np.searchsorted(akey, (street << 21) | number))])


def _beyond(points, number, anchor_number=4000):
    """Street 0 knows only ``anchor_number`` at x = _x_of(it), y = 0."""
    grid = _grid(points + [(0, anchor_number, _x_of(anchor_number), 0.0)])
    x, y = grid.beyond(np.array([0]), np.array([number]), _anchor(grid, 0, anchor_number))
    return x[0], y[0]


def test_parallel_streets_lead_beyond_the_known_numbers_block_by_block():
    for number in (4100, 4300, 4450, 4600):
        x, y = _beyond(_grid_points(streets=(1, 2)), number)
        # The street's one known point, 4000 at x = 0: the parallel streets lead to the row's
        # block (4300 at 330 m, where the pace of the first block would say 800 m).
        assert x == pytest.approx(_x_of(number), abs=1.0) and y == pytest.approx(0.0, abs=1.0)
    x, _ = _beyond(_grid_points(streets=(1, 2)), 4050, anchor_number=4600)   # leading back west
    assert x == pytest.approx(_x_of(4050), abs=1.0)


def test_beyond_needs_parallel_streets_that_agree_near_the_street():
    x, _ = _beyond(_grid_points(streets=(1,)), 4300)                     # one street leads
    assert x == pytest.approx(_x_of(4300), abs=1.0)
    assert np.isnan(_beyond(_grid_points(streets=(7, 8)), 4300)[0])       # 1,050 m and more away
    drifting = [(2, n, _x_of(n) * 1.6, 300.0) for n in range(4000, 4601, 25)]   # leads 60 % further
    assert np.isnan(_beyond(_grid_points(streets=(1,)) + drifting, 4500)[0])
    # A third street that agrees with the first outvotes the drifting one.
    x, _ = _beyond(_grid_points(streets=(1, 3)) + drifting, 4500)
    assert x == pytest.approx(_x_of(4500), abs=1.0)


def test_beyond_ignores_streets_numbered_the_other_way():
    # Streets numbered westward have their 4600 at x = 0, 790 m behind the anchor's 4600 (x = 790)
    # along the way they lead: not abreast of it, so they lead nowhere for ours.
    westward = [(s, n, 790.0 - _x_of(n), 150.0 * s) for s in (1, 2) for n in range(4000, 4601, 25)]
    assert np.isnan(_beyond(westward, 4300, anchor_number=4600)[0])
    eastward = _beyond(_grid_points(streets=(1, 2)), 4300, anchor_number=4600)[0]
    assert eastward == pytest.approx(_x_of(4300), abs=1.0)


def test_matcher_places_beyond_the_known_numbers_along_the_parallel_streets():
    """MAIN ST knows one address; its other numbers are placed where the parallel streets lead:
    within its known numbers' reach as ``nearest``, and far beyond (1,500 numbers, where only a
    point of the street was given before: ``street``) as ``nearest`` with a low score."""
    lon0, lat0 = -90.25, 38.6
    pace = 0.5                                             # metres per number on this side of town

    def east(n):
        return lon0 + (n - 2000) * pace / KX

    rows = [("MAIN ST", 2000, east(2000), lat0)]
    for name, s in (("OAK ST", 1), ("ELM ST", 2)):
        rows += [(name, n, east(n), lat0 + 150.0 * s / M_PER_DEG_LAT) for n in range(2000, 3601, 20)]
    m = Matcher(pd.DataFrame(rows, columns=["street", "number", "lon", "lat"]))
    r = m.match_parts(["2400", "3500"], ["MAIN ST", "MAIN ST"])
    assert r.match_type.tolist() == ["nearest", "nearest"]
    assert (r.lon - lon0) * KX == pytest.approx([200.0, 750.0], abs=1.0)
    assert r.lat == pytest.approx([lat0, lat0])
    assert r.score[1] < 60                                 # listed for checking


def test_long_gap_without_parallel_streets_beside_it_follows_their_lead():
    """The parallel streets are 450 and 600 m away: too far to be beside the stretch between
    MAIN ST's 4000 and 4600, near enough to lead from 4000 to 4300's block (330 m, not 395 m)."""
    m = _main_street(parallels_at=(3, 4))
    r = m.match_parts(["4300"], ["MAIN ST"])
    assert r.match_type[0] == "interpolated" and r.lat[0] == pytest.approx(LAT0)
    assert (r.lon[0] - LON0) * KX == pytest.approx(330.0, abs=1.0)


def test_cells_find_exactly_the_points_in_each_box_and_number_range(monkeypatch):
    """The cell index against a brute-force search, in chunks that never split a row."""
    import assetmap.geocode.number_grid as ng

    rng = np.random.default_rng(5)
    x, y = rng.uniform(-3000, 3000, 4000), rng.uniform(-2000, 2000, 4000)
    num = rng.integers(0, 5000, 4000)
    monkeypatch.setattr(ng, "_CHUNK", 300)
    cells = ng._Cells(x, y, num)
    m = 60
    cx, cy = rng.uniform(-3500, 3500, m), rng.uniform(-2500, 2500, m)
    half = rng.uniform(0, 1500, m)
    lo = rng.integers(-100, 5000, m)
    hi = lo + rng.integers(-10, 400, m)                  # some empty ranges
    box = (cx - half, cx + half, cy - half, cy + half)
    seen: dict[int, set] = {}
    for rows, pts in cells.pairs(box, lo, hi):
        for r in set(rows.tolist()):
            assert r not in seen                         # a row's points come in one chunk
        for r, p in zip(rows.tolist(), pts.tolist()):
            seen.setdefault(r, set()).add(p)
    for r in range(m):
        inside = ((x >= box[0][r]) & (x <= box[1][r]) & (y >= box[2][r]) & (y <= box[3][r])
                  & (num >= lo[r]) & (num <= hi[r]))
        # Cells are whole squares: they may bring points just outside the box, never miss one inside.
        got = seen.get(r, set())
        assert set(np.flatnonzero(inside).tolist()) <= got
        assert all(lo[r] <= num[p] <= hi[r] for p in got)
        assert all(abs(x[p] - cx[r]) <= half[r] + ng._CELL_M and abs(y[p] - cy[r]) <= half[r] + ng._CELL_M
                   for p in got)


def test_the_grid_checks_for_cancel_between_chunks(monkeypatch):
    """A task's Cancel is honoured inside the grid's work (a county-size locator can keep it busy
    for seconds), not only between the matcher's stages."""
    import assetmap.geocode.number_grid as ng
    from assetmap.tasks import Cancelled, TaskContext

    class Counting(TaskContext):
        calls = 0
        stop_at = None

        def check(self):
            self.calls += 1
            if self.stop_at is not None and self.calls >= self.stop_at:
                raise Cancelled()
            super().check()

    m = _main_street(parallels_at=(1, 2))
    monkeypatch.setattr(ng, "_CHUNK", 5)                  # several chunks for these few rows
    numbers = [str(n) for n in range(4010, 4590, 10)]
    plain, gridded = Counting(), Counting()
    m.match_parts(["4000"] * len(numbers), ["MAIN ST"] * len(numbers), ctx=plain)   # exact: no grid
    m.match_parts(numbers, ["MAIN ST"] * len(numbers), ctx=gridded)
    assert gridded.calls > plain.calls + 2
    # Cancelled at the first check inside the grid: the match stops there.
    stopping = Counting()
    stopping.stop_at = plain.calls - 2                     # the two checks after the grid not reached
    with pytest.raises(Cancelled):
        m.match_parts(numbers, ["MAIN ST"] * len(numbers), ctx=stopping)


def test_a_lead_between_two_pieces_of_a_street_is_not_scaled():
    """A parallel street's number near the anchor's (4000) and its number near the row's (4003)
    are 3 numbers but 2 km apart (two pieces of one name): scaled to the row's 6 numbers that
    would lead 4 km away. Such a lead is dropped; a sound one is used."""
    pieces = [(1, 4000, 0.0, 150.0), (1, 4003, 2000.0, 150.0), (1, 4200, 2100.0, 150.0)]
    assert np.isnan(_beyond(pieces, 4006)[0])
    x, _ = _beyond(pieces + _grid_points(streets=(2,)), 4300)
    assert x == pytest.approx(_x_of(4300), abs=1.0)
