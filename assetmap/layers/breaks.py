"""Class breaks kept with a graduated style, so opening a project needs no mapclassify.

mapclassify (the class-break library) imports scikit-learn, scipy.stats and matplotlib:
seconds at start-up, for breaks that are the same as last time. A style remembers the
breaks it was given together with ``breaks_for``, a digest of the values, scheme and class
count they were computed from; when the layer's values are still those, the breaks are
reused as they are, otherwise they are computed again (mapclassify loads then).
"""

from __future__ import annotations

import hashlib
import math
import struct
from typing import Sequence


def breaks_key(values: Sequence[float], scheme: str, k: int) -> str:
    """Digest of the finite values (in any order), the scheme and the class count."""
    finite = sorted(v for v in (float(x) for x in values if x is not None) if math.isfinite(v))
    h = hashlib.sha256(f"{scheme}:{int(k)}:{len(finite)}:".encode())
    h.update(struct.pack(f"<{len(finite)}d", *finite))
    return h.hexdigest()[:32]


def graduated_breaks(style, values: Sequence[float]) -> list[float]:
    """The breaks for ``values``: the style's own when they were computed from these values,
    else from mapclassify (and the style remembers what they are for)."""
    if style.scheme == "manual":
        from assetmap.mapview.classify import classify

        return classify(values, style.scheme, style.k, style.breaks)
    key = breaks_key(values, style.scheme, style.k)
    if style.breaks and style.breaks_for == key:
        return [float(b) for b in style.breaks]
    from assetmap.mapview.classify import classify

    breaks = classify(values, style.scheme, style.k)
    style.breaks_for = key
    return breaks
