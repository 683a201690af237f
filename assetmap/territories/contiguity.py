"""Does a team stay in one piece when one unit leaves it? Asked at every accepted move of
the balancer, so it must cost about the unit's degree, not the team's size.

``Rings`` answers locally first: the unit's same-team neighbours are still linked through
same-team units of the unit's own ring (its rook and corner neighbours), which is the case
for almost every boundary unit. Only when they are not does a bounded search run, from every
locally linked group at once: a group that runs out of units proves the split (usually a
small piece hanging on the unit), the groups meeting proves the team whole (a loop around a
hole), and a search past the budget counts as a split, so the move is simply not made.
The answer is never "whole" for a team that would split.
"""

from __future__ import annotations

# Units a non-local search may reach before the move is given up.
SEARCH_BUDGET = 24


class Rings:
    """Per unit: its ring, which ring members are its contiguity neighbours, and which
    pairs of ring members are contiguity neighbours of each other (worked out once)."""

    def __init__(self, nset: list[set[int]], ring: list[list[int]]):
        self.nset = nset
        self.ring = ring
        self.nbr_pos = [[i for i, v in enumerate(r) if v in nset[u]] for u, r in enumerate(ring)]
        self.edges = [[(i, j) for i in range(len(r)) for j in range(i + 1, len(r)) if r[j] in nset[r[i]]]
                      for r in ring]
        n = len(nset)
        # The local answer depends only on the ring's shape (its size, which members are
        # neighbours of the unit and of each other) and on the pattern: units of the same shape
        # share one table (on a grid or a regular street plan, most units do), so a pattern
        # worked out for one unit is known for all of them.
        tables: dict[tuple, dict] = {}
        self._local: list[dict] = [tables.setdefault((len(r), tuple(p), tuple(e)), {})
                                   for r, p, e in zip(ring, self.nbr_pos, self.edges)]
        self._stamp, self._stamps, self._owner = 0, [0] * n, [0] * n

    def stays_whole_without(self, u: int, team: list[int], size_of_team: int) -> bool:
        t = team[u]
        ring = self.ring[u]
        mask, bit = 0, 1
        for v in ring:
            if team[v] == t:
                mask |= bit
            bit <<= 1
        # The local answer depends only on which ring members are in the team: worked out
        # once per unit and pattern (the annealer asks about the same units again and again).
        local = self._local[u].get(mask)
        if local is None:
            local = self._local[u][mask] = self._local_groups(u, mask)
        if local is True:
            return True
        if not local:   # no same-team neighbour: u is a piece of its own
            return size_of_team == 1
        return self._searches_meet([[ring[i] for i in g] for g in local], u, t, team)

    def _local_groups(self, u: int, mask: int):
        """True when u's same-team neighbours are linked through same-team ring members; else
        the groups (ring positions) they fall in: [] for none, one group for a single one."""
        ring = self.ring[u]
        same = [i for i in self.nbr_pos[u] if mask >> i & 1]
        if len(same) == 1:
            return True
        if not same:
            return []
        parent = list(range(len(ring)))

        def root(i):
            while parent[i] != i:
                i = parent[i]
            return i

        for i, j in self.edges[u]:
            if mask >> i & 1 and mask >> j & 1:
                i, j = root(i), root(j)
                if i != j:
                    parent[j] = i
        roots = {root(i) for i in same}
        if len(roots) == 1:
            return True
        groups: dict[int, list[int]] = {r: [] for r in roots}
        for i in range(len(ring)):
            if mask >> i & 1 and root(i) in groups:
                groups[root(i)].append(i)
        return list(groups.values())

    def _searches_meet(self, groups: list[list[int]], u: int, t: int, team: list[int]) -> bool:
        """Breadth-first searches within team ``t`` (without ``u``) from every group at once,
        one level per group in turn; True when they all join."""
        nbrs = self.nset
        self._stamp += 1
        stamp, stamps, owner = self._stamp, self._stamps, self._owner
        parent = list(range(len(groups)))

        def root(g):
            while parent[g] != g:
                parent[g] = parent[parent[g]]
                g = parent[g]
            return g

        stamps[u], owner[u] = stamp, -1
        queues = []
        for g, members in enumerate(groups):
            for x in members:
                stamps[x], owner[x] = stamp, g
            queues.append(list(members))
        live, visited = len(groups), 0
        while True:
            for g in range(len(groups)):
                if parent[g] != g or not queues[g]:
                    continue
                frontier, queue = queues[g], []
                queues[g] = queue
                for x in frontier:
                    for v in nbrs[x]:
                        if team[v] != t:
                            continue
                        if stamps[v] != stamp:
                            stamps[v], owner[v] = stamp, g
                            queue.append(v)
                            visited += 1
                            continue
                        h = owner[v]
                        if h != g and h >= 0 and root(h) != g:
                            h = root(h)
                            parent[h] = g
                            queue += queues[h]
                            queues[h] = []
                            live -= 1
                            if live == 1:
                                return True
                if not queue or visited > SEARCH_BUDGET:
                    return False
