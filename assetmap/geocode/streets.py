"""Which locator street a typed street means: exact key, then the same name with a direction or
suffix missing or wrong, then a truncated name (extracts cut streets at 30 characters), then a
typo (rapidfuzz). Where several streets fit (N 9TH ST and S 9TH ST for "9th St"), the house
number decides: the street whose known numbers cover it.

Each distinct key is resolved once; rows then pick among its candidates by number, vectorised.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from assetmap.geocode.normalize import split_key

# Scores (0-100) of how sure we are of the street, multiplied into the match score.
EXACT, VARIANT, TRUNCATED = 100, 95, 90
TYPO_1, TYPO_2 = 88, 75
MIN_FUZZY_NAME = 4       # shorter names have too many neighbours one letter away
LONG_NAME = 9            # names this long may carry two typos
MIN_PREFIX = 6
_WIDEN_EXACT = True
PLACE_SUFFIXES = {"PARK"}   # a name with this suffix is a place: never another suffix's street


def street_zones(keys, numbers, zips):
    """Per reference address, the ZIP that tells its street from a namesake elsewhere, else "".

    A street named in two ZIPs is one street when its numbers go on from one ZIP to the next (a
    long avenue crossing ZIP lines); it is two places when the ZIPs' number spans overlap (MAIN ST
    100-300 in two towns of a county): then each ZIP's part is a street of its own, and a typed
    ZIP (or the house number) chooses between them.
    """
    import numpy as np
    import pandas as pd

    keys = np.asarray(keys, dtype=object)
    zips = np.asarray(zips, dtype=object)
    out = np.full(len(keys), "", dtype=object)
    if not len(keys):
        return out
    df = pd.DataFrame({"key": keys, "zip": zips, "n": np.asarray(numbers, dtype=np.int64)})
    df = df[df["zip"] != ""]
    spans = df.groupby(["key", "zip"])["n"].agg(["min", "max"]).reset_index()
    split = set()
    for key, g in spans.groupby("key"):
        if len(g) < 2:
            continue
        g = g.sort_values("min")
        # Sorted by their lowest number, spans overlap where one starts before the last ended.
        if (g["min"].to_numpy()[1:] <= np.maximum.accumulate(g["max"].to_numpy())[:-1]).any():
            split.add(key)
    if split:
        sel = np.array([k in split for k in keys], dtype=bool)
        out[sel] = zips[sel]
    return out


class StreetIndex:
    def __init__(self, keys, lo, hi, zones=None):
        """keys: the locator's street keys (a key twice when it names streets in two ZIPs, told
        apart by ``zones``); lo/hi: their lowest and highest known number."""
        import numpy as np

        self.keys = list(keys)
        self.zones = list(zones) if zones is not None else [""] * len(self.keys)
        self.sorted_keys = sorted(set(self.keys))
        self.ids_of: dict[str, list[int]] = defaultdict(list)
        for i, k in enumerate(self.keys):
            self.ids_of[k].append(i)
        self.pos = {k: ids[0] for k, ids in self.ids_of.items()}
        self.parts = [split_key(k) for k in self.keys]
        self.by_name: dict[str, list[int]] = defaultdict(list)
        for i, (_, name, _, _) in enumerate(self.parts):
            self.by_name[name].append(i)
        self.names = list(self.by_name)
        self.lo = np.asarray(lo, dtype=np.int64)
        self.hi = np.asarray(hi, dtype=np.int64)
        self._cache: dict[str, tuple[list[int], int]] = {}

    def candidates(self, key: str) -> tuple[list[int], int]:
        """Street ids that ``key`` may mean, and how sure (0 when none)."""
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = self._candidates(key)
        return hit

    def _candidates(self, key: str) -> tuple[list[int], int]:
        if not key:
            return [], 0
        pre, name, suffix, post = split_key(key)
        if key in self.pos:
            ids = list(self.ids_of[key])
            if _WIDEN_EXACT and not (pre and suffix):
                # A key with its direction or suffix left out ("CHIPPEWA") may be a short form of a
                # fuller one ("CHIPPEWA ST"): the house number chooses, the exact key first.
                ids += [i for i in self._same_name(name, pre, suffix, post) if i not in ids]
            return ids, EXACT
        found = self._same_name(name, pre, suffix, post)
        if found:
            return found, VARIANT
        if len(key) >= MIN_PREFIX:
            i = bisect_left(self.sorted_keys, key)
            pref = []
            while i < len(self.sorted_keys) and self.sorted_keys[i].startswith(key) and len(pref) < 8:
                pref += self.ids_of[self.sorted_keys[i]]
                i += 1
            if pref:
                return pref, TRUNCATED
        if len(name) >= MIN_FUZZY_NAME and self.names:
            from rapidfuzz import process
            from rapidfuzz.distance import OSA

            # Typos: one edit (a transposition counts as one) in a short name, two in a long one.
            edits = 1 if len(name) < LONG_NAME else 2
            best: list[int] = []
            best_d = None
            for cand, d, _ in process.extract(name, self.names, scorer=OSA.distance, score_cutoff=edits,
                                              limit=4):
                if best_d is not None and d > best_d:
                    break
                ids = self._same_name(cand, pre, suffix, post)
                if ids:
                    best += ids
                    best_d = d
            if best:
                return best, TYPO_1 if best_d <= 1 else TYPO_2
        return [], 0

    def _same_name(self, name: str, pre: str, suffix: str, post: str) -> list[int]:
        ids = self.by_name.get(name)
        if not ids:
            return []
        p = self.parts
        strict = [i for i in ids if (not pre or p[i][0] == pre) and (not suffix or p[i][2] == suffix)
                  and (not post or p[i][3] == post)]
        if strict:
            return strict
        if suffix in PLACE_SUFFIXES:
            # "OFALLON PARK" is the park, not a slip for OFALLON ST.
            return []
        # A wrong suffix is a common slip (Grand Ave for Grand Blvd); a direction is kept if it fits.
        same_dir = [i for i in ids if (not pre or p[i][0] == pre) and (not post or p[i][3] == post)]
        return same_dir or list(ids)

    def resolve(self, keys, numbers, zips=None):
        """A street id (-1: none) and a street score per row, choosing among candidates by the
        row's ZIP (where the candidates are namesakes in different ZIPs), then by number."""
        import numpy as np
        import pandas as pd

        codes, uniques = pd.factorize(pd.Series(keys, dtype="object"), use_na_sentinel=True)
        numbers = np.asarray(numbers, dtype=np.int64)
        zips = (np.asarray(zips, dtype=object) if zips is not None
                else np.full(len(codes), "", dtype=object))
        zones = np.asarray(self.zones, dtype=object)
        sid = np.full(len(codes), -1, dtype=np.int64)
        score = np.zeros(len(codes), dtype=np.int64)
        sid_u = np.full(len(uniques) + 1, -1, dtype=np.int64)    # last: rows without a key
        score_u = np.zeros(len(uniques) + 1, dtype=np.int64)
        for u, key in enumerate(uniques):
            ids, sc = self.candidates(key)
            if len(ids) == 1:
                sid_u[u], score_u[u] = ids[0], sc
            elif ids:
                rows = np.flatnonzero(codes == u)
                cand = np.asarray(ids, dtype=np.int64)
                n = numbers[rows][:, None]
                # Distance from the number to each candidate's known range (0 inside it).
                gap = (np.maximum(self.lo[cand][None, :] - n, 0) + np.maximum(n - self.hi[cand][None, :], 0))
                cz = zones[cand][None, :]
                z = zips[rows][:, None]
                # A ZIP that names one of the places decides before the number does.
                other_place = (cz != "") & (z != "") & (cz != z) & (cz == z).any(axis=1, keepdims=True)
                cost = gap + np.where(other_place, 1 << 40, 0)
                sid[rows] = cand[np.argmin(cost, axis=1)]
                # Less sure when no candidate covers the number, or when namesakes in two places
                # both do and no ZIP tells them apart.
                covering = (cost == 0) & (cz != "")
                twice = covering.sum(axis=1) > 1
                score[rows] = np.where(twice, sc * 3 // 4, np.where(cost.min(axis=1) == 0, sc, sc * 9 // 10))
        single = sid_u[codes] >= 0          # codes == -1 picks the last slot: -1
        sid[single] = sid_u[codes[single]]
        score[single] = score_u[codes[single]]
        return sid, score
