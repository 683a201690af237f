"""Units that touch no other (an island, a detached park): attached to a neighbour, never a team.

The balancer grows contiguous territories, so a unit with no neighbour can only ever be a
territory of its own, which no team lead wants. Before balancing, each separate group of units
(all but the largest) is linked to the nearest unit outside it by a virtual boundary of length
0, so it joins that unit's team; the links are reported. The team lead may instead leave them
out of the balance (``ISLANDS_LEAVE``), unassigned, to give them to a team by hand: the rest is
balanced without them. ``balance.py`` itself is unchanged.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace

from assetmap.territories.units import Units


@dataclass
class IslandLink:
    unit: str        # the unit of the detached group nearest to the rest
    nearest: str     # the unit it is attached to
    group: list[str]  # every unit of the detached group


def components(units: Units, queen: bool = False) -> list[list[str]]:
    """Groups of units connected by shared boundaries, largest first."""
    seen: set[str] = set()
    out = []
    for start in units.ids:
        if start in seen:
            continue
        group, todo = [], [start]
        seen.add(start)
        while todo:
            u = todo.pop()
            group.append(u)
            for v in units.neighbours(u, queen):
                if v not in seen:
                    seen.add(v)
                    todo.append(v)
        out.append(group)
    out.sort(key=len, reverse=True)
    return out


ISLANDS_ATTACH = "attach"
ISLANDS_LEAVE = "leave"
ISLAND_CHOICES = (ISLANDS_ATTACH, ISLANDS_LEAVE)


def detached_groups(units: Units, queen: bool = False) -> list[list[str]]:
    """Every group of units cut off from the largest one (in layer order); [] when all connect."""
    index = units.index
    return [sorted(g, key=index.get) for g in components(units, queen)[1:]]


def without(units: Units, drop: set[str]) -> Units:
    """A copy of ``units`` with the ``drop`` units gone (and their boundaries with the rest)."""
    keep = [i for i, u in enumerate(units.ids) if u not in drop]
    ids = [units.ids[i] for i in keep]
    return replace(units, ids=ids, geoms=[units.geoms[i] for i in keep],
                   area={u: units.area[u] for u in ids}, perimeter={u: units.perimeter[u] for u in ids},
                   rook={u: {v: w for v, w in units.rook[u].items() if v not in drop} for u in ids},
                   corner={u: {v for v in units.corner[u] if v not in drop} for u in ids},
                   values={f: {u: vals[u] for u in ids if u in vals} for f, vals in units.values.items()},
                   names={u: n for u, n in units.names.items() if u not in drop})


def describe_left(groups: list[list[str]], units: Units) -> list[str]:
    def label(u: str) -> str:
        name = units.names.get(u)
        return f"{u} ({name})" if name else u

    out = []
    for group in groups:
        what = (f"unit {label(group[0])} touches no other unit" if len(group) == 1
                else f"units {', '.join(label(u) for u in group)} touch none of the others")
        out.append(f"{what[0].upper()}{what[1:]}: left unassigned, to give to a team by hand.")
    return out


def find_islands(units: Units, queen: bool = False) -> list[str]:
    """Units touching no other unit."""
    return [u for u in units.ids if not list(units.neighbours(u, queen))]


def link_islands(units: Units, queen: bool = False) -> tuple[Units, list[IslandLink]]:
    """A copy of ``units`` where every detached group touches its nearest unit outside it."""
    import numpy as np
    import shapely

    groups = components(units, queen)
    if len(groups) <= 1:
        return units, []
    linked = copy.copy(units)
    linked.rook = {u: dict(n) for u, n in units.rook.items()}
    geoms = np.asarray(units.geoms, dtype=object)
    index = units.index
    links = []
    main = set(groups[0])
    for group in groups[1:]:
        inside = set(group)
        others = [i for i, u in enumerate(units.ids) if u not in inside]
        best = None
        for u in group:
            d = shapely.distance(geoms[index[u]], geoms[others])
            j = int(np.argmin(d))
            # Prefer attaching to the main body, so chains of islands don't pair up among themselves.
            key = (units.ids[others[j]] not in main, float(d[j]))
            if best is None or key < best[0]:
                best = (key, u, units.ids[others[j]])
        _, u, v = best
        linked.rook[u][v] = linked.rook[v][u] = 0.0
        links.append(IslandLink(unit=u, nearest=v, group=sorted(group, key=index.get)))
        main |= inside
    return linked, links


def describe(links: list[IslandLink], units: Units) -> list[str]:
    def label(u: str) -> str:
        name = units.names.get(u)
        return f"{u} ({name})" if name else u

    out = []
    for link in links:
        what = (f"unit {label(link.unit)} touches no other unit" if len(link.group) == 1
                else f"units {', '.join(label(u) for u in link.group)} touch none of the others")
        out.append(f"{what[0].upper()}{what[1:]}: attached to the team of its nearest neighbour {label(link.nearest)}.")
    return out
