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
    street meets street ``at_sid`` (known intersections, crossings) and the address points
    (sid, num, x, y) of the streets.

    The hundred is that bracketed by the street's own numbers on either side of the point: the
    nearby points when there are some on both sides (no point on the wrong side), else the segment
    of the street's line of known points passing closest to it (the nearest hundred there).
    """
    import numpy as np

    order = np.argsort(sid, kind="stable")
    sid_s, num_s, x_s, y_s = sid[order], num[order], x[order], y[order]
    starts = np.searchsorted(sid_s, np.arange(int(sid.max(initial=-1)) + 2))
    out_sid, out_num, out_x, out_y = [], [], [], []
    for s, cx, cy in zip(at_sid.tolist(), at_x.tolist(), at_y.tolist()):
        if s < 0 or s + 1 >= len(starts):
            continue
        a, b = starts[s], starts[s + 1]
        if b - a < 2:
            continue
        px, py, pn = x_s[a:b], y_s[a:b], num_s[a:b]
        d = np.hypot(px - cx, py - cy)
        near = np.argsort(d)[:_NEAR_K]
        near = near[d[near] <= _NEAR_M]
        h = _corner_number(px[near] - cx, py[near] - cy, pn[near]) if len(near) >= 2 else None
        if h is None:
            h = _corner_on_line(px - cx, py - cy, pn)
        if h is not None:
            out_sid.append(s)
            out_num.append(h)
            out_x.append(cx)
            out_y.append(cy)
    return (np.asarray(out_sid, dtype=np.int64), np.asarray(out_num, dtype=np.int64),
            np.asarray(out_x, dtype=float), np.asarray(out_y, dtype=float))


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


def _corner_on_line(dx, dy, n):
    """The hundred crossed at the origin, from the street's line of known points (in number order):
    on the segment passing closest to the origin, the hundred nearest the number there."""
    import numpy as np

    order = np.argsort(n, kind="stable")
    x, y, n = dx[order], dy[order], n[order]
    ax, ay, bx, by = x[:-1], y[:-1], x[1:], y[1:]
    vx, vy = bx - ax, by - ay
    L2 = vx * vx + vy * vy
    t = np.where(L2 > 0, -(ax * vx + ay * vy) / np.where(L2 > 0, L2, 1), 0.0)
    tc = np.clip(t, 0, 1)
    off = np.hypot(ax + tc * vx, ay + tc * vy)
    j = int(np.argmin(off))
    if off[j] > _MAX_OFF or not (0 < t[j] < 1):
        return None
    lo, hi = n[j], n[j + 1]
    if hi <= lo:
        return None
    est = lo + t[j] * (hi - lo)
    h = int(round(est / _STEP)) * _STEP
    return h if lo < h <= hi else None

