"""The fast paths of report aggregation give exactly what the plain ones give: the grid in
``assign_units`` (points of cells no boundary comes near take one point's answer) against a
point-by-point test, and pyarrow's split of the commonest date formats against pandas."""

from __future__ import annotations

import re

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


def _odd_dates():
    """Dates as intake files hold them besides the plain ones: each the width of a zero-padded
    row where that is a trap for a reader of fixed positions."""
    days = ["02/29/2019", "02/29/2020", "02/29/1900", "02/29/2000", "02/30/2020", "02/31/2019", "04/31/2019",
            "06/31/2019", "09/31/2019", "11/31/2019", "12/31/2019", "01/31/2019", "13/01/2019", "00/10/2019",
            "10/00/2019", "10/32/2019", "01/01/1677", "12/31/1677", "01/01/1678", "12/31/2261", "01/01/2262",
            "04/11/2262", "01/01/0000", "12/31/9999", "01/02/19", "01/02/019", "01/02/20190", " 1/05/2019",
            "01/ 5/2019", "1/5/2019", "01/5/2019", "1/05/2019", "01-05-2019", "01/05/2019x", "٠١/05/2019",
            "０1/05/2019", "01/05/2O19", "", " ", "NaT", "nan", "not a date!"]
    times = ["", " 10:00", " 00:00", " 23:59", " 24:00", " 12:60", " 3:04", " 03:4", "  10:00", "\t10:00",
             "10:00", " 10:00 ", " 10:00x", " 10:0x", " 1:00 ", " 1 :00", " +1:00", " 10:00:00"]
    text = [d + t for d in days for t in times]
    # day-first, the same traps (including the month/day ones above read the other way round)
    text += [f"{d[3:5]}.{d[:2]}.{d[6:]}" + t for d in days if len(d) == 10 for t in ("", " 10:00")]
    text += ["29.02.2019", "29.02.2020", "31.04.2019", "00.01.2019", "01.13.2019", " 1.05.2019", "1.5.2019",
             "01.05.19", "01.05.2019.", "1.05.2019 ", "3.7.2019"]
    return text


@pytest.mark.parametrize("fmt", ["%m/%d/%Y %H:%M", "%m/%d/%Y", "%d.%m.%Y"])
@pytest.mark.parametrize("storage", ["pyarrow", "object", "chunked", "sliced"])
def test_fixed_width_dates_equal_pandas(fmt, storage, monkeypatch):
    """Rows written plainly (zero-padded or not) are read from their bytes, never by the regex split
    or pandas; every row, those included, gets exactly the date pandas gives it (NaT where pandas
    gives NaT)."""
    pa = pytest.importorskip("pyarrow")
    from assetmap.reports import source

    rng = np.random.default_rng(11)
    n = 30_000
    when = (np.datetime64("1678-01-01", "m") + rng.integers(0, (2262 - 1678) * 525_960, n)).astype(object)
    when = [w.strftime(fmt) for w in when]
    # a third written without the zeros (1/5/2019 3:04, as spreadsheets write them)
    when = [re.sub(r"(^|[/.: ])0(?=[0-9])", r"\1", w) if i % 3 == 0 else w for i, w in enumerate(when)]
    odd = _odd_dates()
    text = when + odd * 3 + [None] * 50
    order = rng.permutation(len(text))
    text = [text[i] for i in order]
    if storage == "object":
        s = pd.Series(text, dtype=object)
    else:
        arr = pa.array(text, type=pa.string() if storage == "pyarrow" else pa.large_string())
        if storage == "chunked":   # several chunks, one of them a slice that does not start at 0
            arr = pa.chunked_array([arr[:1000], arr[1000:5001], arr.slice(5001)])
        s = pd.Series(pd.arrays.ArrowStringArray(arr if storage == "chunked" else pa.chunked_array([arr])))
        if storage == "sliced":   # one array whose rows start past its buffers' first offset
            s = s.iloc[3:]
    s.index = np.arange(7, 7 + len(s))
    split_rows = []
    split_fields = source._split_fields

    def spy(t, f):
        split_rows.append(len(t))
        return split_fields(t, f)

    monkeypatch.setattr(source, "_split_fields", spy)
    fast = source._to_datetime(s, fmt)
    plain = pd.to_datetime(s, format=fmt, errors="coerce")
    assert list(fast.index) == list(s.index)
    assert fast.isna().equals(plain.isna())
    got = fast[plain.notna()].to_numpy(dtype="datetime64[s]")
    assert (got == plain[plain.notna()].to_numpy(dtype="datetime64[s]")).all()
    # the plain rows never reach the slower paths (only the odd ones, and the few plain rows of
    # years outside 1678-2261, which pandas reads)
    far = sum(not 1678 <= int(w[w.rindex("/" if "/" in fmt else ".") + 1:][:4]) <= 2261 for w in when)
    assert sum(split_rows) <= 3 * len(odd) + far
    assert plain.notna().sum() > n * 0.99


def test_dictionary_filter_equals_string_filter(tmp_path):
    """A filter column of few distinct values is read as a dictionary and each value tested once:
    the same rows are kept as when every row's text is tested, nulls and case folding included."""
    pytest.importorskip("pyarrow")
    from assetmap.reports import source

    rng = np.random.default_rng(5)
    n = 20_000
    values = ["ASSAULT-DOMESTIC", "domestic", "Domestic violence", "DOMEſTIC", "NON-DOMESTIC", "dom estic",
              "ДOMESTIC", "THEFT", "NA", "", "null", "-", "  DOMESTIC  ", "DOMESTI", "x, \"DOMESTIC\""]
    desc = np.array(values, dtype=object)[rng.integers(0, len(values), n)]
    ids = [f"17-{i:06d}" for i in rng.permutation(n)]   # a column of as many values as rows
    df = pd.DataFrame({"x": rng.uniform(-90.3, -90.2, n), "y": rng.uniform(38.6, 38.7, n), "description": desc,
                       "complaint": ids, "date_occur": "01/02/2019 10:00"})
    path = tmp_path / "reports.csv"
    df.to_csv(path, index=False)
    wanted = ["x", "y", "date_occur", "description"]
    from assetmap.importers.csv_points import NA_VALUES

    opts = __import__("pyarrow.csv", fromlist=["ReadOptions"]).ReadOptions()
    assert source._few_values(path, opts, "description", NA_VALUES)
    assert not source._few_values(path, opts, "complaint", NA_VALUES)
    as_dict = source._read_arrow(path, None, wanted, ["x", "y"], "description", "DOMESTIC", filter_only=True)
    as_text = source._read_arrow(path, None, wanted, ["x", "y"], "description", "DOMESTIC", filter_only=False)
    assert as_dict[1] == as_text[1] == n
    assert np.array_equal(as_dict[2], as_text[2])
    assert 0 < len(as_dict[2]) < n
    assert "description" not in as_dict[0].columns
    pd.testing.assert_frame_equal(as_dict[0], as_text[0].drop(columns="description"))
    # the rows kept are the rows whose text holds it, ignoring case (nulls never)
    text = pd.read_csv(path, dtype=str, keep_default_na=False)["description"]
    expect = [i for i, t in enumerate(text) if t not in NA_VALUES and "domestic" in t.casefold().replace("ſ", "s")]
    assert list(as_text[2]) == expect
    # a filter column of many values stays text
    ids_dict = source._read_arrow(path, None, ["x", "y", "complaint"], ["x", "y"], "complaint", "17-00001",
                                  filter_only=True)
    assert list(ids_dict[2]) == [i for i, t in enumerate(ids) if "17-00001" in t]


@pytest.mark.parametrize("period", ["year", "quarter", "month"])
@pytest.mark.parametrize("tz", [None, "America/Chicago"])
def test_period_codes_equal_pandas_fields(period, tz):
    """Period codes from the month count equal those from pandas' year/quarter/month fields
    (dates before 1970 and missing ones included; aware dates keep their local fields)."""
    from assetmap.reports.source import period_codes

    rng = np.random.default_rng(2)
    seconds = rng.integers(0, 200 * 365 * 86400, 5000).astype("timedelta64[s]")
    dates = pd.Series(np.datetime64("1900-01-01", "s") + seconds)
    dates[rng.random(5000) < 0.05] = pd.NaT
    if tz:
        dates = dates.dt.tz_localize("UTC").dt.tz_convert(tz)
    code, labels = period_codes(dates, period)
    year = dates.dt.year.fillna(0).astype("int64").to_numpy()
    sub = {"year": 0, "quarter": dates.dt.quarter, "month": dates.dt.month}[period]
    per = {"year": 1, "quarter": 4, "month": 12}[period]
    expect = year * per + (0 if period == "year" else sub.fillna(1).astype("int64").to_numpy() - 1)
    expect = np.where(dates.notna().to_numpy(), expect, -1)
    assert (code == expect).all()
    assert sorted(labels) == sorted(set(expect[expect >= 0].tolist()))
