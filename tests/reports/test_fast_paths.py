"""The fast paths of report aggregation give exactly what the plain ones give: the grid in
``assign_units`` (points of cells no boundary comes near take one point's answer) against a
point-by-point test, and pyarrow's split of the commonest date formats against pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.conftest import SHARED


@pytest.fixture(scope="module")
def units():
    import geopandas as gpd

    path = SHARED / "stl" / "neighborhoods.geojson"
    if not path.exists():
        pytest.fail(f"shared data not found at {path}")
    return gpd.read_file(path).to_crs(26915).geometry.to_numpy()


def _brute(x, y, geoms):
    """The first unit (in order) whose shape covers each point (shapely, one point at a time)."""
    import shapely

    out = np.full(len(x), -1)
    for j in range(len(x)):
        if not (np.isfinite(x[j]) and np.isfinite(y[j])):
            continue
        p = shapely.Point(x[j], y[j])
        out[j] = next((i for i, g in enumerate(geoms) if g.intersects(p)), -1)
    return out


def test_grid_assignment_equals_testing_every_point(units):
    import shapely

    from assetmap.reports.assign import _GRID_MIN_POINTS, assign_units

    rng = np.random.default_rng(7)
    minx, miny, maxx, maxy = shapely.total_bounds(units)
    n = _GRID_MIN_POINTS + 10_000   # above the size where the grid is used
    x = rng.uniform(minx - 500, maxx + 500, n)
    y = rng.uniform(miny - 500, maxy + 500, n)
    # every boundary vertex (shared borders: the first unit wins), clustered points and non-finite ones
    v = shapely.get_coordinates(shapely.boundary(units))
    x[: len(v)], y[: len(v)] = v[:, 0], v[:, 1]
    k = len(v)
    x[k:k + 5000] = rng.normal((minx + maxx) / 2, 300, 5000)
    y[k:k + 5000] = rng.normal((miny + maxy) / 2, 300, 5000)
    x[k + 5000:k + 5010] = np.nan
    y[k + 5010:k + 5020] = np.inf
    got = assign_units(x, y, units)
    sample = np.r_[np.arange(k + 5020), rng.choice(n, 5000, replace=False)]  # brute force is slow
    assert (got[sample] == _brute(x[sample], y[sample], units)).all()
    assert (got[k + 5000:k + 5020] == -1).all()


@pytest.mark.parametrize("fmt, make", [
    ("%m/%d/%Y %H:%M", lambda d, r: d.strftime("%m/%d/%Y %H:%M")),
    ("%m/%d/%Y", lambda d, r: d.strftime("%m/%d/%Y")),
    ("%d.%m.%Y", lambda d, r: d.strftime("%d.%m.%Y")),
])
def test_fast_dates_equal_pandas(fmt, make):
    pytest.importorskip("pyarrow")
    from assetmap.reports.source import _to_datetime

    rng = np.random.default_rng(3)
    days = pd.Timestamp("2016-01-01") + pd.to_timedelta(rng.integers(0, 3 * 365, 20_000), "D") \
        + pd.to_timedelta(rng.integers(0, 24 * 60, 20_000), "min")
    text = [make(d, rng) for d in days]
    # what intake files hold besides: impossible days, leap days, padding, junk, far years, blanks
    odd = ["02/29/2019 10:00", "02/29/2020 10:00", "13/01/2019 00:00", "04/31/2019 08:15", " 3/7/2019 1:05",
           "03/07/2019  01:05", "03/07/2019 01:05x", "", "not a date", "01/01/1600 00:00", "12/31/2262 23:59",
           "29.02.2019", "29.02.2020", "31.04.2019", "1/2/2019", "01/02/19"]
    s = pd.Series(text + odd + [None], dtype=object)
    s.index = np.arange(10, 10 + len(s))   # positions in the file, as read_reports keeps them
    fast = _to_datetime(s, fmt)
    plain = pd.to_datetime(s, format=fmt, errors="coerce")
    assert list(fast.index) == list(s.index)
    assert fast.isna().equals(plain.isna())
    assert (fast[plain.notna()].to_numpy(dtype="datetime64[s]") == plain[plain.notna()].to_numpy(dtype="datetime64[s]")).all()
