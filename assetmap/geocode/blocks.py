"""Block corners: the hundred at which a cross street meets a street, from known intersections.

A known intersection "A & B" is a point on street A. The known address points of A on either side
of it (along A) bracket the hundred at which B crosses A: numbers 2512 and 2623 on either side
give the block boundary 2600. That corner is then a reference point of A numbered 2600, on each
side of the street, and an address between known numbers several blocks apart is placed within
its own block, between the cross streets that bound it, rather than along the chord of the gap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

_NEAR_M = 250.0        # address points of A this close to the corner tell its hundred
_NEAR_K = 12           # ... at most this many, nearest first
_STEP = 100            # numbers of a block
_MAX_OFF = 60.0        # a line's segment this far from the corner at most


def block_corners(at_sid, at_x, at_y, sid, num, x, y):
    """Corners (street id, number, x, y) in local metres from points (at_x, at_y) where a cross
    street meets street ``at_sid`` (known intersections) and the address points (sid, num, x, y)
    of the streets.

    The hundred is that bracketed by the street's own numbers on either side of the point: the
    nearby points when there are some on both sides (exactly one hundred between them, no point
    on the wrong side); else the segment of the street's line of known points (in number order)
    passing closest to it, among those whose two numbers have a hundred between them: when as many
    cross streets meet that segment as it has hundreds, they take them in order along it (blocks
    of unequal length), otherwise each takes the hundred nearest its position along the segment.
    """
    import numpy as np

    order = np.lexsort((num, sid))
    sid_s, num_s, x_s, y_s = sid[order], num[order], x[order], y[order]
    starts = np.searchsorted(sid_s, np.arange(int(sid.max(initial=-1)) + 2))
    out: dict[tuple[int, int], tuple[float, float]] = {}
    on_segment: dict[tuple[int, int], list] = {}
    for s, cx, cy in zip(at_sid.tolist(), at_x.tolist(), at_y.tolist()):
        if s < 0 or s + 1 >= len(starts):
            continue
        a, b = starts[s], starts[s + 1]
        if b - a < 2:
            continue
        px, py, pn = x_s[a:b] - cx, y_s[a:b] - cy, num_s[a:b]
        d = np.hypot(px, py)
        near = np.argsort(d)[:_NEAR_K]
        near = near[d[near] <= _NEAR_M]
        h = _corner_number(px[near], py[near], pn[near]) if len(near) >= 2 else None
        if h is not None:
            out.setdefault((s, h), (cx, cy))
            continue
        seg = _segment(px, py, pn)
        if seg is not None:
            j, t, lo, hi = seg
            on_segment.setdefault((s, j), []).append((t, lo, hi, cx, cy))
    for (s, _), found in on_segment.items():
        found.sort()
        _, lo, hi, _, _ = found[0]
        hundreds = list(range((lo // _STEP + 1) * _STEP, hi + 1, _STEP))
        if len(found) == len(hundreds):
            for h, (_, _, _, cx, cy) in zip(hundreds, found):
                out.setdefault((s, h), (cx, cy))
        else:
            for t, _, _, cx, cy in found:
                h = int(round((lo + t * (hi - lo)) / _STEP)) * _STEP
                if lo < h <= hi:
                    out.setdefault((s, h), (cx, cy))
    keys = list(out)
    return (np.array([k[0] for k in keys], dtype=np.int64), np.array([k[1] for k in keys], dtype=np.int64),
            np.array([out[k][0] for k in keys], dtype=float), np.array([out[k][1] for k in keys], dtype=float))


def _corner_number(dx, dy, n):
    """The hundred crossed at the origin, from points (dx, dy) around it numbered n, or None."""
    import numpy as np

    if np.ptp(n) == 0:
        return None
    # The street's direction here: the principal axis of the points, pointing up the numbers.
    xy = np.column_stack([dx, dy])
    c = xy - xy.mean(axis=0)
    _, _, vt = np.linalg.svd(c, full_matrices=False)
    u = vt[0]
    s = xy @ u
    if np.ptp(s) == 0:
        return None
    if np.dot(s - s.mean(), n - n.mean()) < 0:
        s = -s
    before, after = n[s < 0], n[s > 0]
    if len(before) == 0 or len(after) == 0:
        return None
    lo, hi = before.max(), after.min()
    if lo >= hi:
        return None
    first = (lo // _STEP + 1) * _STEP
    if first > hi or first + _STEP <= hi:
        return None   # no hundred, or several, between the two sides
    return int(first)



def _segment(x, y, n):
    """(index, position along it 0-1, low number, high number) of the segment of the line of
    points (x, y) sorted by number ``n`` that passes closest to the origin, among segments whose
    two numbers have a hundred between them; None if none passes within _MAX_OFF."""
    import numpy as np

    ax, ay, bx, by = x[:-1], y[:-1], x[1:], y[1:]
    lo, hi = n[:-1], n[1:]
    vx, vy = bx - ax, by - ay
    L2 = vx * vx + vy * vy
    t = np.where(L2 > 0, -(ax * vx + ay * vy) / np.where(L2 > 0, L2, 1), 0.0)
    off = np.hypot(ax + np.clip(t, 0, 1) * vx, ay + np.clip(t, 0, 1) * vy)
    ok = (hi // _STEP > lo // _STEP) & (hi > lo) & (t > 0) & (t < 1) & (off <= _MAX_OFF)
    if not ok.any():
        return None
    j = int(np.flatnonzero(ok)[np.argmin(off[ok])])
    return j, float(t[j]), int(lo[j]), int(hi[j])
