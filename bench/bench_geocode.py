"""Offline geocoding on real St. Louis police incidents (issue 22).

A locator is built from the 2017 + 2018 incidents' addresses and the police's own coordinates
(address points); the 2019 incidents are geocoded and compared with the police coordinates:
match rate, match types, distance median / 90th percentile / share within 100 m. The same
addresses are then written the way intake workers type them (one line, mixed case, suffixes and
directions spelled out or abbreviated, "Apt 3", ", St. Louis, MO 631xx", one-letter typos in
about one street in ten) and geocoded again. The naive baseline is the issue's 40-line
exact-then-linear geocoder (exact (street, number) lookup, else linear interpolation between the
nearest known numbers of the same street text). Speed: 100,000 typed addresses, ours vs naive.

    python bench/run.py geocode_police_2019 geocode_100k
    python bench/run.py geocode_police_dev      # the development split: 2017 -> 2018

Last measured (2026-12-06), within 100 m of the police point, of all 18,197 rows:
  before the along-the-street mix   95.28 % as filed, 95.1 % typed (p90 63 m)
  after                             95.47 % as filed, 95.3 % typed (p90 58 m); CHILD units 97.7 %
  block corners, paced extension    95.89 % as filed, 95.71 % typed (p90 57 m); units 87.5/100/97.7 %
  street level only where it means something, plausible pace, a park is not a street
                                    95.92 % as filed, 95.74 % typed (p90 56 m); units 88.6/100/97.7 %;
                                    matched 99.65 -> 99.25 % as filed, 99.53 -> 99.11 % typed
  named places (parks, landmarks: no number) kept in the locator
                                    96.02 % as filed, 95.82 % typed; matched 99.34 / 99.20 %; units 88.6/100/97.7 %
  a crossing found by its other carriageway (I 64 EASTBOUND / WESTBOUND)
                                    96.05 % as filed, 95.86 % typed; matched 99.38 / 99.24 %
  the hundred-block grid: a long gap's position along the street from parallel streets' same numbers
                                    96.26 % as filed, 96.07 % typed (p90 55 m); units 90.9/100/97.7 %
  ... and beyond a street's known numbers, where the parallel streets lead
                                    96.49 % as filed, 96.30 % typed (p90 54 m); matched 99.43 / 99.29 %
  ... and along long gaps with no parallel street beside them
                                    96.49 % as filed, 96.30 % typed; units 89.8/100/97.7 %
  ... one parallel street's lead is enough beyond the known numbers
                                    96.51 % as filed, 96.31 % typed; matched 99.44 / 99.30 %
  an intersection where one street's line meets the other (roads without addresses too)
                                    96.53 % as filed, 96.35 % typed; matched 99.49 / 99.35 %
  naive exact-then-linear           92.3 % / 28.1 %
("units": neighbourhood counts within 5 % or 2 of the police's, all / DOMESTIC / CHILD; their
ceiling with this locator, every placed row exactly at the police's point, is 96.6 / 100 / 100 %:
the rows it cannot place, on streets absent from 2017-2018, cost 3 of the 88 on their own.)
Changes are chosen on the development split geocode_police_dev (2018 geocoded from a 2017
locator: 90.67 % -> 90.92 % with the mix, -> 91.88 % with block corners and the rest, -> 91.87 %
with the last step, units 75.0/96.6/95.5 -> 77.3/96.6/96.6 %, matched 99.31 -> 98.51 %; 92.10 ->
92.51 % with the hundred-block grid, 93.28 % with its leads beyond the known numbers, 93.50 % with
them along long gaps with no parallel street beside, 93.68 % with one lead enough, 93.74 % with
intersections where one street's line meets the other); 2019 held out,
measured once after each round.
geocode_100k: 1.6-1.7 s ours (1.4 s before the grid) vs 0.11 s naive (98.6 % vs 29 % matched; 99.1 % before the last step).
"""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

from run import HERE, SHARED, Case, Target, note_at_least, ours_under

STL = next((p for p in (SHARED / "stl", HERE.parents[2] / "shared" / "data" / "stl") if p.exists()),
           SHARED / "stl")
ROWS_SPEED = 100_000
_SPELL = {"AVE": "Avenue", "ST": "Street", "BLVD": "Boulevard", "DR": "Drive", "PL": "Place", "CT": "Court",
          "RD": "Road", "LN": "Lane", "TER": "Terrace", "PKWY": "Parkway", "PLZ": "Plaza"}
_DIRS = {"N": "North", "S": "South", "E": "East", "W": "West"}


def _load(year: int):
    import pandas as pd

    return pd.read_csv(STL / f"slmpd_part1_{year}.csv", dtype=str, keep_default_na=False)


def _reference(years=(2017, 2018)):
    """The incidents the locator is made from (with police coordinates)."""
    import pandas as pd

    ref = pd.concat([_load(y) for y in years], ignore_index=True)
    ref = ref[(ref["x"] != "NA") & (ref["y"] != "NA")]
    return ref.reset_index(drop=True)


def _build_ours(ref):
    from assetmap.geocode.locators import point_rows
    from assetmap.geocode.matcher import Matcher
    from assetmap.geocode.normalize import house_numbers, street_keys

    keys, zips = street_keys(ref["ileads_street"].to_numpy(dtype=object))
    rows = point_rows(house_numbers(ref["ileads_address"]), keys, zips, ref["x"].astype(float).to_numpy(),
                      ref["y"].astype(float).to_numpy())
    return Matcher(rows)


# ---------------------------------------------------------------- the naive 40-line geocoder
def naive_build(numbers, streets, xs, ys):
    exact, by_street = {}, {}
    for n, s, x, y in zip(numbers, streets, xs, ys):
        s = s.strip().upper()
        if not n.isdigit():
            continue
        exact[(s, int(n))] = (x, y)
    for (s, n), xy in exact.items():
        by_street.setdefault(s, []).append((n, xy))
    for s in by_street:
        by_street[s].sort()
    return exact, by_street


def naive_geocode(tables, numbers, streets):
    exact, by_street = tables
    out = []
    for n, s in zip(numbers, streets):
        s = str(s).strip().upper()
        n = int(n) if str(n).isdigit() else None
        if n is None:
            out.append(None)
            continue
        hit = exact.get((s, n))
        if hit is not None:
            out.append(hit)
            continue
        known = by_street.get(s)
        if not known:
            out.append(None)
            continue
        nums = [k for k, _ in known]
        i = bisect_left(nums, n)
        if 0 < i < len(known):
            (n0, (x0, y0)), (n1, (x1, y1)) = known[i - 1], known[i]
            t = (n - n0) / (n1 - n0)
            out.append((x0 + t * (x1 - x0), y0 + t * (y1 - y0)))
        else:
            out.append(known[0][1] if i == 0 else known[-1][1])
    return out


def _split_typed(typed: list[str]):
    """The naive geocoder needs number and street: split the typed line at the first space/comma."""
    nums, streets = [], []
    for t in typed:
        head, _, rest = t.partition(" ")
        nums.append(head)
        streets.append(rest.split(",")[0])
    return nums, streets


# ---------------------------------------------------------------- intake-worker typing
def typed_addresses(numbers, streets, seed: int = 22) -> list[str]:
    import numpy as np

    rng = np.random.default_rng(seed)
    out = []
    letters = "ABCDEFGHIJKLMNOPRSTUVWY"
    for n, s in zip(numbers, streets):
        words = s.split()
        if rng.random() < 0.5 and words and words[-1] in _SPELL:
            words[-1] = _SPELL[words[-1]]
        if rng.random() < 0.5 and len(words) > 1 and words[0] in _DIRS:
            words[0] = _DIRS[words[0]]
        if rng.random() < 0.1:   # one-letter typo in the longest word of the name
            j = max(range(len(words)), key=lambda k: len(words[k]) if words[k] not in _SPELL.values() else 0)
            w = words[j]
            if len(w) >= 5 and w.isalpha():
                k = int(rng.integers(1, len(w) - 1))
                kind = rng.integers(3)
                w = (w[:k] + letters[rng.integers(len(letters))] + w[k + 1:] if kind == 0 else
                     w[:k] + w[k + 1:] if kind == 1 else w[:k - 1] + w[k] + w[k - 1] + w[k + 1:])
                words[j] = w
        street = " ".join(words).replace(" / ", rng.choice([" & ", " and ", " / "]))
        case = rng.integers(3)
        street = street.title() if case == 0 else street.lower() if case == 1 else street
        line = (f"{n} {street}" if n not in ("", "0") else street)
        if rng.random() < 0.3 and "/" not in s:
            line += rng.choice([" Apt 3", ", Apt 2B", " #4", " Unit 1"])
        if rng.random() < 0.5:
            line += rng.choice([", St. Louis, MO", ", Saint Louis, MO 63110", ", St Louis MO 63118"])
        out.append(line)
    return out


# ---------------------------------------------------------------- quality
def _distances(lon, lat, x, y):
    import numpy as np

    k = 111_320 * np.cos(np.radians(38.63))
    return np.hypot((lon - x) * k, (lat - y) * 110_950)


def quality(lon, lat, x, y, types=None) -> dict:
    import numpy as np

    matched = np.isfinite(lon)
    d = _distances(lon, lat, x, y)[matched]
    out = {"rows": int(len(lon)), "matched_pct": round(100 * matched.mean(), 2),
           "median_m": round(float(np.median(d)), 1), "p90_m": round(float(np.percentile(d, 90)), 1),
           "within_100m_pct_of_matched": round(100 * float((d <= 100).mean()), 2),
           "within_100m_pct_of_all": round(100 * float((d <= 100).sum()) / len(lon), 2)}
    if types is not None:
        kinds, n = np.unique(types.astype(str), return_counts=True)
        out["types"] = dict(zip(kinds.tolist(), n.tolist()))
    return out


def _evaluation_rows(year: int = 2019):
    q = _load(year)
    q = q[(q["x"] != "NA") & (q["y"] != "NA")].reset_index(drop=True)
    return q


def police_case(ref_years=(2017, 2018), year: int = 2019, targets: bool = True) -> Case:
    import numpy as np

    ref = _reference(ref_years)
    q = _evaluation_rows(year)
    x, y = q["x"].astype(float).to_numpy(), q["y"].astype(float).to_numpy()
    nums, streets = q["ileads_address"].tolist(), q["ileads_street"].tolist()
    typed = typed_addresses(nums, streets)
    state = {}

    def ours():
        m = _build_ours(ref)
        state["as_filed"] = m.match_parts(np.asarray(nums, dtype=object), np.asarray(streets, dtype=object))
        state["typed"] = m.match_addresses(np.asarray(typed, dtype=object))

    def baseline():
        t = naive_build(ref["ileads_address"], ref["ileads_street"], ref["x"].astype(float), ref["y"].astype(float))
        state["naive"] = naive_geocode(t, nums, streets)
        tn, ts = _split_typed(typed)
        state["naive_typed"] = naive_geocode(t, tn, ts)

    ours()
    baseline()
    notes = {}
    for label in ("as_filed", "typed"):
        r = state[label]
        notes[f"ours_{label}"] = quality(r.lon, r.lat, x, y, r.match_type)
    for label in ("naive", "naive_typed"):
        pts = state[label]
        lon = np.array([p[0] if p else np.nan for p in pts])
        lat = np.array([p[1] if p else np.nan for p in pts])
        notes[label] = quality(lon, lat, x, y)
    notes["units_within_5pct_or_2"] = _unit_agreement(q, x, y, state["as_filed"])

    def typed_holds(figure: str) -> Target:
        return Target(f"ours_typed.{figure} within 2 points of as filed",
                      lambda r: r["ours_typed"][figure] >= r["ours_as_filed"][figure] - 2)

    return Case(ours=ours, baseline=baseline, notes=notes, targets=[
        note_at_least("ours_as_filed.matched_pct", 99, " %"),
        note_at_least("ours_as_filed.within_100m_pct_of_all", 97, " %"),
        note_at_least("units_within_5pct_or_2.all", 95, " %"),
        typed_holds("matched_pct"), typed_holds("within_100m_pct_of_all")] if targets else [])


def police_dev_case() -> Case:
    """The development split: a locator from 2017 alone geocoding 2018. Changes are chosen here;
    2019 (geocode_police_2019) is measured after, not tuned on."""
    return police_case((2017,), 2018, targets=False)


def _unit_agreement(q, x, y, r) -> dict:
    """Share of the 88 neighbourhoods whose count by address is within 5 % or 2 of the count by the
    police's coordinates: all 2019 incidents, and the DOMESTIC and CHILD ones; and, as
    ``*_if_placed_exactly``, the same share were every placed row exactly at the police's point
    (what the rows the locator cannot place cost on their own)."""
    import geopandas as gpd
    import numpy as np

    from assetmap.reports.assign import assign_units

    geoms = gpd.read_file(STL / "neighborhoods.geojson").geometry.to_numpy()
    truth_u = assign_units(x, y, geoms, None)
    got_u = assign_units(r.lon, r.lat, geoms, None)
    out = {}
    for label, keep in (("all", np.ones(len(q), bool)),
                        ("DOMESTIC", q["description"].str.contains("DOMESTIC").to_numpy()),
                        ("CHILD", q["description"].str.contains("CHILD").to_numpy())):
        t = np.bincount(truth_u[keep & (truth_u >= 0)], minlength=len(geoms))
        g = np.bincount(got_u[keep & (got_u >= 0)], minlength=len(geoms))
        out[label] = round(100 * float((np.abs(g - t) <= np.maximum(0.05 * t, 2)).mean()), 1)
        # The ceiling for this locator: every row it places put exactly at the police's point, the
        # rows it cannot place (streets and places absent from the reference years) left out.
        best_u = np.where(np.isfinite(r.lon), truth_u, -1)
        b = np.bincount(best_u[keep & (best_u >= 0)], minlength=len(geoms))
        out[f"{label}_if_placed_exactly"] = round(100 * float((np.abs(b - t) <= np.maximum(0.05 * t, 2)).mean()), 1)
    return out


def speed_case() -> Case:
    import numpy as np

    ref = _reference()
    q = _load(2019)
    rng = np.random.default_rng(100)
    pick = rng.integers(0, len(q), ROWS_SPEED)
    nums = q["ileads_address"].to_numpy(dtype=object)[pick]
    streets = q["ileads_street"].to_numpy(dtype=object)[pick]
    typed = np.asarray(typed_addresses(nums.tolist(), streets.tolist(), seed=7), dtype=object)
    tn, ts = _split_typed(typed.tolist())
    m = _build_ours(ref)
    t = naive_build(ref["ileads_address"], ref["ileads_street"], ref["x"].astype(float), ref["y"].astype(float))

    def ours():
        from assetmap.geocode.normalize import _needs_parser, _ordinals, _street_key, tables

        # Repeats would find every cache (street keys, resolutions) warm: start each run cold.
        m.streets._cache.clear()
        for cached in (tables, _ordinals, _street_key, _needs_parser):
            cached.cache_clear()
        return m.match_addresses(typed)

    def baseline():
        return naive_geocode(t, tn, ts)

    r = ours()
    return Case(ours=ours, baseline=baseline,
                notes={"addresses": ROWS_SPEED, "distinct": int(len(set(typed.tolist()))),
                       "matched_pct": round(100 * float(r.matched.mean()), 2)},
                targets=[ours_under(10.0)])


BENCHMARKS = {"geocode_police_2019": police_case, "geocode_police_dev": police_dev_case,
              "geocode_100k": speed_case}
