"""Small-count suppression, primary and complementary.

The published table is the unit x period counts *with their margins*: the total of each
unit over all periods, the total of each period over all units, and the grand total
(what a reader could add up from another export, or from a layer made without periods).
Each margin is a cell too, and every row and column of this extended table is one linear
equation "cells add up to the margin".

- Primary: cells (and margins) with 1 <= count <= threshold are suppressed. Zero is shown:
  "no report" discloses nobody.
- Complementary: a line with exactly one suppressed cell would give that cell away by
  subtraction, so a second cell of the line is suppressed (the smallest non-zero count,
  inner cells before margins). Then, seen as a graph (rows and columns are nodes,
  suppressed cells are edges), a suppressed cell that is a *bridge* can still be solved
  from the equations of one side; each bridge gets a partner cell that closes a cycle
  through it. When no line has a single suppressed cell and no suppressed cell is a
  bridge, every suppressed cell lies on a cycle, and adding +1/-1 around the cycle keeps
  every published total: no suppressed value can be recovered exactly.

Without periods the table is one column plus its grand total: the line rule is enough.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

DEFAULT_THRESHOLD = 10
MIN_THRESHOLD = 5


@dataclass
class Suppression:
    cells: "np.ndarray"          # bool (units, periods)
    unit_totals: "np.ndarray"    # bool (units,)
    period_totals: "np.ndarray"  # bool (periods,)
    grand_total: bool
    primary: int                 # cells suppressed for being small
    complementary: int           # cells suppressed to protect them


def check_threshold(threshold: int) -> int:
    if int(threshold) < MIN_THRESHOLD:
        raise UserError(f"--min-count {threshold} is too low: small counts identify people.",
                        f"Use {MIN_THRESHOLD} or more (the default, {DEFAULT_THRESHOLD}, suppresses 1–10).")
    return int(threshold)


def extended_table(counts: "np.ndarray") -> "np.ndarray":
    """Counts (units, periods) with unit totals as the last column and period totals as the last row."""
    import numpy as np

    u, p = counts.shape
    ext = np.zeros((u + 1, p + 1), dtype=np.int64)
    ext[:u, :p] = counts
    ext[:u, p] = counts.sum(axis=1)
    ext[u, :p] = counts.sum(axis=0)
    ext[u, p] = counts.sum()
    return ext


def _pick(values, candidates, is_margin):
    """The complement: smallest non-zero inner count first; zeros and margins last."""
    import numpy as np

    keys = [(bool(is_margin[i]), values[i] == 0, int(values[i]), int(i)) for i in np.flatnonzero(candidates)]
    return min(keys)[3] if keys else None


def _line_rule(ext, sup, margin) -> bool:
    import numpy as np

    changed = False
    for axis in (0, 1):
        n_lines = ext.shape[1 - axis]
        for k in range(n_lines):
            line = (slice(None), k) if axis == 0 else (k, slice(None))
            s = sup[line]
            if s.sum() == 1:
                i = _pick(ext[line], ~s, margin[line])
                if i is None:
                    continue
                idx = (i, k) if axis == 0 else (k, i)
                sup[idx] = True
                changed = True
    return changed


def _bridges(edges: list[tuple[int, int]], n_nodes: int) -> list[int]:
    """Indices of bridge edges (iterative Tarjan; the graph may have parallel paths)."""
    adj: list[list[tuple[int, int]]] = [[] for _ in range(n_nodes)]
    for e, (a, b) in enumerate(edges):
        adj[a].append((b, e))
        adj[b].append((a, e))
    disc = [-1] * n_nodes
    low = [0] * n_nodes
    out: list[int] = []
    t = 0
    for root in range(n_nodes):
        if disc[root] >= 0 or not adj[root]:
            continue
        disc[root] = low[root] = t
        t += 1
        stack = [(root, -1, iter(adj[root]))]
        while stack:
            node, via, it = stack[-1]
            for nxt, e in it:
                if e == via:
                    continue
                if disc[nxt] < 0:
                    disc[nxt] = low[nxt] = t
                    t += 1
                    stack.append((nxt, e, iter(adj[nxt])))
                    break
                low[node] = min(low[node], disc[nxt])
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > disc[parent]:
                        out.append(via)
    return out


def _component(edges, n_nodes, start, skip) -> set[int]:
    adj: list[list[int]] = [[] for _ in range(n_nodes)]
    for e, (a, b) in enumerate(edges):
        if e != skip:
            adj[a].append(b)
            adj[b].append(a)
    seen, todo = {start}, [start]
    while todo:
        for nxt in adj[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _bridge_rule(ext, sup, margin) -> bool:
    import numpy as np

    rows, cols = ext.shape
    cells = [tuple(c) for c in np.argwhere(sup)]
    edges = [(int(r), rows + int(c)) for r, c in cells]
    bridges = _bridges(edges, rows + cols)
    if not bridges:
        return False
    e = bridges[0]
    r, c = edges[e]
    side_r = _component(edges, rows + cols, r, e)
    side_c = _component(edges, rows + cols, c, e)
    rows_c = [n for n in side_c if n < rows]
    cols_r = [n - rows for n in side_r if n >= rows]
    best = None
    for rr in rows_c:
        for cc in cols_r:
            if sup[rr, cc]:
                continue
            key = (bool(margin[rr, cc]), ext[rr, cc] == 0, int(ext[rr, cc]), rr, cc)
            best = key if best is None or key < best else best
    if best is None:
        # A cycle can't be closed across the bridge: fall back to suppressing the whole line.
        if sup[r, :].all():
            return False
        sup[r, :] = True
        return True
    sup[best[3], best[4]] = True
    return True


def suppress(counts: "np.ndarray", threshold: int = DEFAULT_THRESHOLD) -> Suppression:
    """Which cells and margins of a (units, periods) count table are withheld."""
    import numpy as np

    threshold = check_threshold(threshold)
    counts = np.asarray(counts, dtype=np.int64)
    u, p = counts.shape
    if p == 1:
        col = np.append(counts[:, 0], counts.sum())
        sup = (col >= 1) & (col <= threshold)
        primary = int(sup.sum())
        if sup.sum() == 1:
            margin = np.zeros(len(col), bool)
            margin[-1] = True
            i = _pick(col, ~sup, margin)
            if i is not None:
                sup[i] = True
        return Suppression(cells=sup[:u, None].copy(), unit_totals=sup[:u].copy(),
                           period_totals=sup[u:].copy(), grand_total=bool(sup[u]),
                           primary=primary, complementary=int(sup.sum()) - primary)
    ext = extended_table(counts)
    sup = (ext >= 1) & (ext <= threshold)
    primary = int(sup.sum())
    margin = np.zeros(ext.shape, bool)
    margin[u, :] = True
    margin[:, p] = True
    while _line_rule(ext, sup, margin) or _bridge_rule(ext, sup, margin):
        pass
    return Suppression(cells=sup[:u, :p].copy(), unit_totals=sup[:u, p].copy(),
                       period_totals=sup[u, :p].copy(), grand_total=bool(sup[u, p]),
                       primary=primary, complementary=int(sup.sum()) - primary)


def resuppress(counts: "np.ndarray", withheld: "np.ndarray", unit_totals: "np.ndarray",
               unit_withheld: "np.ndarray", period_totals: "np.ndarray", period_withheld: "np.ndarray",
               grand_total: int, grand_withheld: bool, threshold: int) -> Suppression:
    """Suppression at a higher threshold of a table already published: only the published values
    are known (withheld ones stay withheld whatever they were). Published cells and margins of
    1..threshold are withheld now, then the same complementary rules run as in ``suppress``."""
    import numpy as np

    counts = np.asarray(counts, dtype=np.int64)
    u, p = counts.shape
    ext = np.zeros((u + 1, p + 1), dtype=np.int64)
    ext[:u, :p] = counts
    ext[:u, p] = unit_totals
    ext[u, :p] = period_totals
    ext[u, p] = grand_total
    old = np.zeros(ext.shape, bool)
    old[:u, :p] = withheld
    old[:u, p] = unit_withheld
    old[u, :p] = period_withheld
    old[u, p] = grand_withheld
    ext[old] = 0  # unknown; never a candidate (already withheld)
    sup = old | ((ext >= 1) & (ext <= threshold))
    primary = int(sup.sum())
    margin = np.zeros(ext.shape, bool)
    margin[u, :] = True
    margin[:, p] = True
    if p == 1:  # one column: the unit totals repeat the cells; the line rule on the column
        col, scol = ext[:, 0], sup[:, 0]
        if scol.sum() == 1:
            i = _pick(col, ~scol, np.arange(u + 1) == u)
            if i is not None:
                scol[i] = True
        sup[:, 1] = scol
        sup[u, 1] = scol[u]
    else:
        while _line_rule(ext, sup, margin) or _bridge_rule(ext, sup, margin):
            pass
    return Suppression(cells=sup[:u, :p].copy(), unit_totals=sup[:u, p].copy(), period_totals=sup[u, :p].copy(),
                       grand_total=bool(sup[u, p]), primary=primary, complementary=int(sup.sum()) - primary)
