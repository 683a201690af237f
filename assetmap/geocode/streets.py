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


class StreetIndex:
    def __init__(self, keys, lo, hi):
        """keys: the locator's distinct street keys; lo/hi: their lowest and highest known number."""
        import numpy as np

        self.keys = list(keys)
        self.sorted_keys = sorted(self.keys)
        self.pos = {k: i for i, k in enumerate(self.keys)}
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
        if key in self.pos:
            return [self.pos[key]], EXACT
        pre, name, suffix, post = split_key(key)
        found = self._same_name(name, pre, suffix, post)
        if found:
            return found, VARIANT
        if len(key) >= MIN_PREFIX:
            i = bisect_left(self.sorted_keys, key)
            pref = []
            while i < len(self.sorted_keys) and self.sorted_keys[i].startswith(key) and len(pref) < 8:
                pref.append(self.pos[self.sorted_keys[i]])
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
        # A wrong suffix is a common slip (Grand Ave for Grand Blvd); a direction is kept if it fits.
        same_dir = [i for i in ids if (not pre or p[i][0] == pre) and (not post or p[i][3] == post)]
        return same_dir or list(ids)

    def resolve(self, keys, numbers):
        """A street id (-1: none) and a street score per row, choosing by number among candidates."""
        import numpy as np
        import pandas as pd

        codes, uniques = pd.factorize(pd.Series(keys, dtype="object"), use_na_sentinel=True)
        numbers = np.asarray(numbers, dtype=np.int64)
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
                sid[rows] = cand[np.argmin(gap, axis=1)]
                # Less sure when no candidate covers the number.
                score[rows] = np.where(gap.min(axis=1) == 0, sc, sc * 9 // 10)
        single = sid_u[codes] >= 0          # codes == -1 picks the last slot: -1
        sid[single] = sid_u[codes[single]]
        score[single] = score_u[codes[single]]
        return sid, score
