"""An attacker with a linear-program solver and everything a project publishes.

Unknowns are the true counts per (unit, period) of each report file, x >= 0. Every published
number is an equation: a published cell, a unit's all-periods total, a period total, the
grand total, a count published by a second breakdown of the same reports on the same units.
A withheld cell shown as "1–t" tells the attacker 1 <= x <= t only when it was withheld for
being small; a complementary one could be anything, so it is bounded only by x >= 0.
For each withheld cell the solver finds its smallest and largest possible value; a cell whose
range is a single value is *pinned* (recovered exactly).
"""

from __future__ import annotations

import numpy as np


class Attack:
    def __init__(self):
        self.index: dict = {}          # (file, unit, period) -> variable
        self.rows: list[dict] = []     # {var: coef}
        self.rhs: list[float] = []
        self.withheld: set = set()

    def var(self, key) -> int:
        return self.index.setdefault(key, len(self.index))

    def equation(self, keys_coefs: dict, value: float) -> None:
        self.rows.append({self.var(k): c for k, c in keys_coefs.items()})
        self.rhs.append(float(value))

    def add_layer(self, file_key: str, layer, extra, unit_field: str, years=(2017,)) -> None:
        """One aggregate layer: its cells and 'all' rows, and the totals in its metadata. Unknowns are
        the counts per unit and month (plus the undated ones), so breakdowns by year, quarter, month
        or none of the same reports are all tied to the same unknowns."""
        periods = extra.get("periods") or []
        units = sorted(set(layer[unit_field]))
        all_months = [f"{y}-{m:02d}" for y in years for m in range(1, 13)]

        def months(label):
            if label == "all":  # a layer without periods also counts the reports without a date
                return all_months + (["undated"] if not periods else [])
            if "-Q" in label:
                y, q = label.split("-Q")
                return [f"{y}-{m:02d}" for m in range(3 * int(q) - 2, 3 * int(q) + 1)]
            if "-" in label:
                return [label]
            return [f"{label}-{m:02d}" for m in range(1, 13)]

        def keys(unit, label):
            return {(file_key, unit, m): 1 for m in months(label)}

        for _, row in layer.iterrows():
            label = row["period"] if periods else "all"
            k = keys(row[unit_field], label)
            for key in k:
                self.var(key)
            if row["suppressed"]:
                self.withheld.add((file_key, extra.get("name", ""), row[unit_field], label, tuple(k)))
                continue
            self.equation(k, int(row["count"]))
        totals = extra.get("period_totals") or {}
        for p in periods:
            if totals.get(p) is not None:
                self.equation({kk: 1 for u in units for kk in keys(u, p)}, totals[p])
        if extra.get("total") is not None:
            self.equation({kk: 1 for u in units for kk in keys(u, "all")}, extra["total"])

    def bounds(self) -> dict:
        from scipy.optimize import linprog
        from scipy.sparse import lil_matrix

        n = len(self.index)
        a = lil_matrix((len(self.rows), n))
        for i, row in enumerate(self.rows):
            for j, c in row.items():
                a[i, j] = c
        a = a.tocsr()
        b = np.array(self.rhs)
        out = {}
        for key in sorted(self.withheld, key=str):
            c = np.zeros(n)
            for k in key[-1]:  # a withheld cell is the sum of its unknowns
                c[self.index[k]] = 1
            lo = linprog(c, A_eq=a, b_eq=b, bounds=(0, None), method="highs")
            hi = linprog(-c, A_eq=a, b_eq=b, bounds=(0, None), method="highs")
            assert lo.status == 0, lo.message  # the published numbers are consistent
            out[key[:-1]] = (lo.fun, -hi.fun if hi.status == 0 else float("inf"))
        return out

    def pinned(self) -> list:
        return [k for k, (lo, hi) in self.bounds().items() if hi - lo < 0.5]
