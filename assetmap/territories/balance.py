"""Suggest a balanced plan: seeded region growing, then a simulated-annealing
flip search over boundary units that never breaks contiguity.

This is the two-phase scheme of the Automatic Zoning Procedure (Openshaw 1977;
Openshaw & Rao 1995, as in spopt's ``AZP`` with its simulated-annealing
variant) adapted to an equal-workload target:

1. *Seeds and growth.* ``k`` seeds are spread by farthest-point sampling
   from a random first unit (the seed of the run). Regions then grow one
   adjacent unit at a time, always the region with the smallest workload
   taking the unassigned neighbour closest to its seed, so every region is
   contiguous by construction. ``--from PLAN`` starts instead from that plan's
   largest piece of each team.
2. *Local search.* A random boundary unit moves to a neighbouring team when the
   team it leaves stays in one piece (a search from the unit's same-team
   neighbours). The move is kept if it lowers the objective, or with the
   annealing probability ``exp(-delta / temperature)``. The objective is, per
   team with relative deviation ``d`` from its target: ``1000 * max(0, |d| -
   0.8 * tolerance)^2 + d^2 + 0.1 * (1 - Polsby-Popper)``: first get inside
   the tolerance (with a margin), then be compact and even. The temperature
   falls linearly to zero over ``max(20000, 60 * units)`` proposals and the
   best plan seen is kept.
3. Restarts from new seeds until a plan is inside the tolerance or the
   restarts are spent; the best plan found is returned with a plain statement
   of why the tolerance could not be met when it was not.

Locked teams keep their units; the other teams share what is left evenly.
Everything random comes from ``random.Random(seed)``, so a seed gives the same
plan every time.
"""

from __future__ import annotations

import heapq
import math
import random
import time
from dataclasses import dataclass, field

from assetmap.errors import UserError
from assetmap.tasks import TaskContext, ensure
from assetmap.territories.contiguity import Rings
from assetmap.territories.units import Units

COMPACTNESS_WEIGHT = 0.1
AIM = 0.8
PENALTY = 1000.0
# Units a non-local contiguity search may visit before the move is given up.


@dataclass
class BalanceResult:
    assignment: dict[str, int]
    targets: dict[int, float]
    deviation_pct: dict[int, float]      # against each free team's target
    worst_deviation_pct: float
    within_tolerance: bool
    message: str
    restarts: int = 0
    iterations: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


class _State:
    """A partition as integer arrays, with per-team sums for O(degree) moves."""

    def __init__(self, n_teams, w, area, perim, nbrs, target, tol, rings=None):
        self.w, self.area, self.perim, self.nbrs = w, area, perim, nbrs
        # Each unit's ring (its rook and corner neighbours): the local contiguity test looks there.
        nset = [{v for v, _ in nb} for nb in nbrs]
        self.rings = rings or Rings(nset, [list(s) for s in nset])
        self.target, self.tol = target, tol
        # Aim a little inside the tolerance, so that compactness never buys a team
        # a place right on its edge.
        self.aim = tol * AIM
        self.team = [-1] * len(w)
        self.tw = [0.0] * n_teams
        self.ta = [0.0] * n_teams
        self.tp = [0.0] * n_teams
        self.size = [0] * n_teams
        # Each team's term of the objective as it stands: a proposal then costs two terms, not four.
        self.tc = [self.cost_team(t, 0.0, 0.0, 0.0) for t in range(n_teams)]

    def shared(self, u, t):
        team, total = self.team, 0.0
        for v, length in self.nbrs[u]:
            if team[v] == t:
                total += length
        return total

    def put(self, u, t):
        old = self.team[u]
        if old >= 0:
            self.tp[old] -= self.perim[u] - 2 * self.shared(u, old)
            self.tw[old] -= self.w[u]
            self.ta[old] -= self.area[u]
            self.size[old] -= 1
            self.tc[old] = self.cost_team(old, self.tw[old], self.ta[old], self.tp[old])
        self.team[u] = t
        if t >= 0:
            self.tp[t] += self.perim[u] - 2 * self.shared(u, t)
            self.tw[t] += self.w[u]
            self.ta[t] += self.area[u]
            self.size[t] += 1
            self.tc[t] = self.cost_team(t, self.tw[t], self.ta[t], self.tp[t])

    def move(self, u, a, b, sa, sb):
        """``put(u, b)`` with u's shared boundary with teams a (its own) and b already known."""
        wu, au, pu = self.w[u], self.area[u], self.perim[u]
        self.tp[a] -= pu - 2 * sa
        self.tw[a] -= wu
        self.ta[a] -= au
        self.size[a] -= 1
        self.team[u] = b
        self.tp[b] += pu - 2 * sb
        self.tw[b] += wu
        self.ta[b] += au
        self.size[b] += 1
        self.tc[a] = self.cost_team(a, self.tw[a], self.ta[a], self.tp[a])
        self.tc[b] = self.cost_team(b, self.tw[b], self.ta[b], self.tp[b])

    def cost_team(self, t, w, a, p):
        tgt = self.target[t]
        if tgt is None:   # locked: not part of the objective
            return 0.0
        d = (w - tgt) / tgt if tgt else 0.0
        excess = abs(d) - self.aim
        if not excess > 0.0:
            excess = 0.0
        pp = 4 * math.pi * a / (p * p) if p > 0 else 0.0
        return PENALTY * excess * excess + d * d + COMPACTNESS_WEIGHT * (1 - pp)

    def cost(self):
        return sum(self.cost_team(t, self.tw[t], self.ta[t], self.tp[t]) for t in range(len(self.tw)))

    def move_delta(self, u, b):
        a = self.team[u]
        return self.delta(u, a, b, self.shared(u, a), self.shared(u, b))

    def delta(self, u, a, b, sa, sb):
        before = self.tc[a] + self.tc[b]
        after = self.cost_team(a, self.tw[a] - self.w[u], self.ta[a] - self.area[u],
                               self.tp[a] - self.perim[u] + 2 * sa) + \
            self.cost_team(b, self.tw[b] + self.w[u], self.ta[b] + self.area[u],
                           self.tp[b] + self.perim[u] - 2 * sb)
        return after - before

    def stays_connected_without(self, u):
        """Does team(u) stay in one piece without u? Never answers yes wrongly (contiguity.py)."""
        return self.rings.stays_whole_without(u, self.team, self.size[self.team[u]])

    def worst(self):
        return max((abs(self.tw[t] - tg) / tg * 100 if tg else 0.0)
                   for t, tg in enumerate(self.target) if tg is not None)


def balance(units: Units, k: int, by: str, tolerance: float = 0.05, *, seed: int = 0,
            locked: dict[str, int] | None = None, start: dict[str, int] | None = None,
            queen: bool = False, restarts: int = 20, iterations: int | None = None,
            ctx: TaskContext | None = None) -> BalanceResult:
    """Assign every unit to one of ``k`` teams (0..k-1); ``locked`` units keep their team."""
    ctx = ensure(ctx)
    t0 = time.perf_counter()
    locked = dict(locked or {})
    if k < 1:
        raise UserError(f"Balancing needs at least one team (got {k}).", "Use --teams 2 or more.")
    if not 0 <= tolerance < 1:
        raise UserError(f"--tolerance {tolerance} must be a fraction between 0 and 1.", "For ±5 % give 0.05.")
    values = units.field_values(by)
    ids = units.ids
    idx = units.index
    n = len(ids)
    w = [max(0.0, values[u]) for u in ids]
    if any(values[u] < 0 for u in ids):
        raise UserError(f"Field '{by}' has negative values; a workload can't be negative.",
                        "Choose another --by field, or fix the values.")
    nbrs = [[(idx[v], length) for v, length in units.rook[u].items()] for u in ids]
    if queen:
        for i, u in enumerate(ids):
            nbrs[i] += [(idx[v], 0.0) for v in units.corner[u]]
    rings = Rings([{v for v, _ in nb} for nb in nbrs],
                  [[idx[v] for v in units.rook[u]] + [idx[v] for v in units.corner[u]] for u in ids])
    locked_teams = sorted(set(locked.values()))
    free_teams = [t for t in range(k) if t not in locked_teams]
    if not free_teams:
        raise UserError("Every team is locked: there is nothing to balance.", "Unlock at least one team.")
    free = [i for i, u in enumerate(ids) if u not in locked]
    if len(free) < len(free_teams):
        raise UserError(f"{len(free_teams)} teams to fill but only {len(free)} units are free.",
                        "Use fewer teams, or lock fewer teams.")
    remaining = sum(w[i] for i in free)
    if remaining <= 0:
        raise UserError(f"Field '{by}' is zero on every unit to balance.", "Choose another --by field.")
    share = remaining / len(free_teams)
    target: list[float | None] = [None] * k
    for t in free_teams:
        target[t] = share
    area = [units.area[u] for u in ids]
    perim = [units.perimeter[u] for u in ids]
    cx, cy = _centroids(units)

    why = _why_impossible(units, free, w, share, tolerance, by, nbrs, locked, ids)
    n_iter = iterations or max(20000, 60 * n)
    rng = random.Random(seed)
    best = None
    best_key = None
    tries = 0
    for attempt in range(max(1, restarts)):
        tries = attempt + 1
        st = _State(k, w, area, perim, nbrs, target, tolerance, rings)
        for u, t in locked.items():
            st.put(idx[u], t)
        _grow(st, rng, free, free_teams, cx, cy, idx, start if attempt == 0 else None)
        _anneal(st, rng, free, n_iter, ctx, (attempt, restarts))
        key = (st.worst(), st.cost())
        if best_key is None or key < best_key:
            best, best_key = st, key
        if best_key[0] <= tolerance * 100:
            break
    assert best is not None
    worst = best.worst()
    ok = worst <= tolerance * 100 + 1e-9
    dev = {t: (best.tw[t] - share) / share * 100 for t in free_teams}
    if ok:
        message = f"All {len(free_teams)} free teams within ±{tolerance:.0%} of {share:,.0f} {by} (worst {worst:.1f} %)."
    else:
        message = (f"No plan within ±{tolerance:.0%} was found; the closest has a team {worst:.1f} % from the "
                   f"ideal {share:,.0f} {by}. " + (why or f"None found after {tries} tries with different seeds; "
                                                   "try a larger --tolerance or another --seed."))
    return BalanceResult(
        assignment={ids[i]: best.team[i] for i in range(n) if best.team[i] >= 0},
        targets={t: share for t in free_teams}, deviation_pct=dev, worst_deviation_pct=worst,
        within_tolerance=ok, message=message, restarts=tries, iterations=tries * n_iter,
        seconds=time.perf_counter() - t0)


def _centroids(units: Units):
    import shapely

    if units.projected_crs is not None and units.crs is not None and units.projected_crs != units.crs:
        import geopandas as gpd

        pts = gpd.GeoSeries(units.geoms, crs=units.crs).to_crs(units.projected_crs).centroid
    else:
        pts = shapely.centroid(units.geoms)
    return list(shapely.get_x(pts)), list(shapely.get_y(pts))


def _why_impossible(units, free, w, share, tol, by, nbrs, locked, ids) -> str:
    heavy = [i for i in free if w[i] > share * (1 + tol)]
    if heavy:
        i = max(heavy, key=lambda j: w[j])
        name = units.names.get(ids[i], "")
        return (f"Unit {ids[i]}{' (' + name + ')' if name else ''} alone has {w[i]:,.0f} {by}, more than a "
                f"team's share plus the tolerance ({share * (1 + tol):,.0f}).")
    free_set = set(free)
    comps = 0
    seen: set[int] = set()
    for s in free:
        if s in seen:
            continue
        comps += 1
        seen.add(s)
        stack = [s]
        while stack:
            x = stack.pop()
            for v, _ in nbrs[x]:
                if v in free_set and v not in seen:
                    seen.add(v)
                    stack.append(v)
    if comps > 1:
        return (f"The units to balance form {comps} separate groups (islands, or cut off by locked teams), "
                "so some territory can't be in one piece.")
    return ""


def _grow(st: _State, rng, free, free_teams, cx, cy, idx, start) -> None:
    seeds: dict[int, int] = {}
    if start:
        _seed_from_plan(st, start, free, free_teams, idx, seeds)
    pool = [i for i in free if st.team[i] < 0]
    # Squared distance of each pool unit to its nearest seed so far, updated per new seed
    # (farthest-point sampling in O(k n), not O(k² n)).
    near = {i: min(((cx[i] - cx[j]) ** 2 + (cy[i] - cy[j]) ** 2 for j in seeds.values()), default=math.inf)
            for i in pool} if seeds else {}
    for t in free_teams:
        if t in seeds or not pool:
            continue
        if not seeds:
            s = rng.choice(pool)
        else:   # farthest point from the seeds so far: spreads the regions over the map
            s = max(pool, key=near.__getitem__)
        seeds[t] = s
        st.put(s, t)
        pool = [i for i in pool if i != s]
        x, y = cx[s], cy[s]
        for i in pool:
            d = (cx[i] - x) ** 2 + (cy[i] - y) ** 2
            if not near.get(i, math.inf) <= d:
                near[i] = d
    # Per team, a heap of (distance² to its seed, unit) over the unassigned units next to it:
    # the nearest one is popped, stale entries (taken meanwhile) skipped.
    frontier: dict[int, list] = {t: [] for t in free_teams}

    def push(t, u):
        s = seeds[t]
        for v, _ in st.nbrs[u]:
            if st.team[v] < 0:
                heapq.heappush(frontier[t], ((cx[v] - cx[s]) ** 2 + (cy[v] - cy[s]) ** 2, v))

    for u, t in enumerate(st.team):
        if t in frontier:
            push(t, u)
    active = set(free_teams)
    while active:
        t = min(active, key=lambda x: (st.tw[x], x))
        heap = frontier[t]
        while heap and st.team[heap[0][1]] >= 0:
            heapq.heappop(heap)
        if not heap:
            active.discard(t)
            continue
        u = heapq.heappop(heap)[1]
        st.put(u, t)
        push(t, u)
    # Units no region could reach (an island): give them to a neighbour's team or the nearest seed.
    for i in free:
        if st.team[i] < 0:
            near = [st.team[v] for v, _ in st.nbrs[i] if st.team[v] in free_teams]
            t = near[0] if near else min(free_teams, key=lambda x: (cx[i] - cx[seeds[x]]) ** 2 + (cy[i] - cy[seeds[x]]) ** 2)
            st.put(i, t)


def _seed_from_plan(st, start, free, free_teams, idx, seeds) -> None:
    """Keep the largest connected piece of each free team of the starting plan."""
    free_set = set(free)
    for t in free_teams:
        members = {idx[u] for u, team in start.items() if team == t and u in idx and idx[u] in free_set}
        best: list[int] = []
        seen: set[int] = set()
        for s in sorted(members):
            if s in seen:
                continue
            comp, stack = [s], [s]
            seen.add(s)
            while stack:
                x = stack.pop()
                for v, _ in st.nbrs[x]:
                    if v in members and v not in seen:
                        seen.add(v)
                        comp.append(v)
                        stack.append(v)
            if len(comp) > len(best):
                best = comp
        for u in best:
            st.put(u, t)
        if best:
            seeds[t] = min(best)


def _anneal(st: _State, rng, free, n_iter, ctx, attempt) -> None:
    movable = [tg is not None for tg in st.target]
    is_free = [False] * len(st.team)
    for i in free:
        is_free[i] = True
    cost = st.cost()
    best_cost = cost
    # Moves since the best plan seen (unit, team it left): undone at the end, instead of
    # copying the whole assignment at every improvement.
    since_best: list[tuple[int, int]] = []
    temp0 = 1e-3
    report = max(1, n_iter // 50)
    team, nbrs, size = st.team, st.nbrs, st.size
    n_free = len(free)
    randrange, random_, exp = rng.randrange, rng.random, math.exp
    for it in range(n_iter):
        if it % report == 0:
            a, total = attempt
            ctx.progress(it / n_iter, f"Balancing: try {a + 1} of at most {total}, worst {st.worst():.1f} %")
        u = free[randrange(n_free)]
        a = team[u]
        others = []
        sa = 0.0
        for v, length in nbrs[u]:
            tv = team[v]
            if tv == a:
                sa += length
            elif tv >= 0 and movable[tv] and is_free[v]:
                others.append(tv)
        if not others:
            continue
        b = others[randrange(len(others))]
        if size[a] <= 1:
            continue
        sb = 0.0
        for v, length in nbrs[u]:
            if team[v] == b:
                sb += length
        delta = st.delta(u, a, b, sa, sb)
        temp = temp0 * (1 - it / n_iter) + 1e-9
        if delta < 0 or random_() < exp(-delta / temp):
            if not st.stays_connected_without(u):
                continue
            st.move(u, a, b, sa, sb)
            since_best.append((u, a))
            cost += delta
            if cost < best_cost - 1e-12:
                best_cost = cost
                since_best.clear()
    for u, t in reversed(since_best):
        st.put(u, t)
