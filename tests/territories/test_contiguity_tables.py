"""The local contiguity answers are shared between units whose rings have the same shape, and
a shared answer is still the unit's own (checked against a full search of the team)."""

from __future__ import annotations

import random

from tests.territories.test_balance_scale import _grid_units, _pieces, _ragged_partition


def _rings(units):
    from assetmap.territories.contiguity import Rings

    idx = units.index
    nset = [{idx[v] for v in units.rook[u]} for u in units.ids]
    return Rings(nset, [[idx[v] for v in units.rook[u]] + [idx[v] for v in units.corner[u]] for u in units.ids])


def test_a_grid_has_few_ring_shapes_and_their_units_share_one_table():
    units = _grid_units(30, 30)
    rings = _rings(units)
    tables = {id(t) for t in rings._local}
    assert len(tables) <= 90                      # a few orders of neighbours, not 900 tables
    u = 31
    v = next(x for x in range(900) if x != u and rings._local[x] is rings._local[u])
    team = [0] * 900
    assert rings.stays_whole_without(u, team, 900)
    assert len(rings._local[v]) == 1             # v's table knows the pattern u was asked about


def test_shared_answers_match_a_full_search_on_ragged_teams():
    units = _grid_units(30, 30)
    rings = _rings(units)
    for seed in range(3):
        rng = random.Random(seed)
        team = _ragged_partition(30, 6, rng)
        size = [team.count(t) for t in range(6)]
        members = {t: [units.ids[x] for x in range(900) if team[x] == t] for t in range(6)}
        pieces = {t: _pieces(units, m) for t, m in members.items()}
        for u in rng.sample(range(900), 300):
            t = team[u]
            truth = _pieces(units, [m for m in members[t] if m != units.ids[u]]) <= pieces[t]
            assert truth or not rings.stays_whole_without(u, team, size[t]), (seed, u)
