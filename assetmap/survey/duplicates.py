"""Possible duplicates after a merge: the same asset entered twice by two volunteers.

Two live responses of one form are possible duplicates when they have the same type, the
same name once case, spaces and punctuation are dropped, and lie within ``DUPLICATE_METRES``.
Linear in the number of responses: rows are bucketed by that key first (read from the flat
columns, so answers are parsed only for rows whose key an added response has), then by a
grid of ``DUPLICATE_METRES`` cells, and only the 3×3 cells around each added response are
compared.
"""

from __future__ import annotations

import math
from typing import Any

from assetmap.survey import schema as S

DUPLICATE_METRES = 50.0
_EARTH_M = 6371000.0


def name_key(name: Any) -> str:
    return "".join(filter(str.isalnum, str(name if name is not None else "").casefold()))


def metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance of two (lat, lon) points (equirectangular, exact enough at 50 m)."""
    (la1, lo1), (la2, lo2) = a, b
    x = math.radians(lo2 - lo1) * math.cos(math.radians((la1 + la2) / 2))
    return _EARTH_M * math.hypot(x, math.radians(la2 - la1))


def possible_duplicates(store, form, uuids: set[str]) -> list[tuple[str, str]]:
    """Pairs (one of ``uuids``, another live response) of the same type and name, close together.

    For each added response (in the store's order) the first such response in that order."""
    from assetmap.survey.form import QType

    if not uuids:
        return []
    tq = S.type_question(form)
    nq = next((q for q in form.input_questions() if q.type is QType.TEXT and "name" in q.name.lower()), None)
    gq = S.geopoint_question(form)
    if gq is None:
        return []
    cmap = S.column_map(form)
    cols = [f'"{cmap[q.name]}"' if q else "NULL" for q in (tq, nq)]
    with store._read() as con:
        rows = con.execute(f'SELECT uuid, {cols[0]}, {cols[1]}, answers FROM "{S.layer_name(form.form_id)}" '
                           "WHERE deleted=0 ORDER BY created_at, fid").fetchall()

    def key(kind, name):
        return (None if kind is None else str(kind), name_key(name))

    wanted = {key(r[1], r[2]) for r in rows if r[0] in uuids}
    # (order, uuid, key, (lat, lon)) of the live, located rows sharing a key with an added one.
    live = []
    for i, (uuid, kind, name, answers) in enumerate(rows):
        k = key(kind, name)
        if k not in wanted:
            continue
        point = S.load_answers(form, answers).get(gq.name)
        if point:
            live.append((i, uuid, k, (float(point[0]), float(point[1]))))
    if not live:
        return []
    # East-west cells sized at the largest |latitude| present: a degree of longitude is
    # shortest there, so two points within DUPLICATE_METRES are never more than one cell apart.
    cos_ref = max(1e-6, min(math.cos(math.radians(p[0])) for *_, p in live))
    cell = DUPLICATE_METRES / _EARTH_M

    def cell_of(p):
        return math.floor(math.radians(p[0]) / cell), math.floor(math.radians(p[1]) * cos_ref / cell)

    grid: dict[tuple, list] = {}
    for item in live:
        cy, cx = cell_of(item[3])
        grid.setdefault((item[2], cy, cx), []).append(item)
    out = []
    for _, new, k, p in (item for item in live if item[1] in uuids):
        cy, cx = cell_of(p)
        near = [item for dy in (-1, 0, 1) for dx in (-1, 0, 1) for item in grid.get((k, cy + dy, cx + dx), ())]
        for _, old, _, q in sorted(near):
            if old != new and metres(p, q) <= DUPLICATE_METRES and (old not in uuids or old < new):
                out.append((new, old))
                break
    return out
