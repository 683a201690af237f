"""How a layer is drawn: single colour, graduated by a numeric field, or categorized by a
text field. Stored as JSON in ``LayerInfo.style``; the map view turns it into Leaflet
styles (``assetmap.mapview.leaflet_style``) and the legend follows it.

Colours come from ColorBrewer ramps; the ones ColorBrewer marks colour-blind safe are
listed first so that the default choice is always a safe one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field as _field
from typing import Any

from assetmap.errors import UserError
from assetmap.layers.roles import LayerRole, POINT_ROLES

KINDS = ("single", "graduated", "categorized")
SCHEMES = {  # name shown → mapclassify class
    "quantiles": "Quantiles",
    "natural_breaks": "FisherJenks",
    "equal_interval": "EqualInterval",
    "manual": "UserDefined",
}
SYMBOLS = ("circle", "square", "triangle", "diamond")

# Okabe-Ito: eight colours distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]

# (name, kind, colour-blind safe) in the order offered to users: safe ones first.
RAMPS: list[tuple[str, str, bool]] = [
    ("YlGnBu", "sequential", True), ("Blues", "sequential", True), ("YlOrRd", "sequential", True),
    ("PuBu", "sequential", True), ("Greens", "sequential", True), ("Oranges", "sequential", True),
    ("Purples", "sequential", True), ("YlOrBr", "sequential", True), ("RdPu", "sequential", True),
    ("RdBu", "diverging", True), ("PuOr", "diverging", True), ("BrBG", "diverging", True),
    ("PiYG", "diverging", True), ("PRGn", "diverging", True), ("RdYlBu", "diverging", True),
    ("OkabeIto", "qualitative", True), ("Dark2", "qualitative", True), ("Set2", "qualitative", True),
    ("Paired", "qualitative", True),
    ("RdYlGn", "diverging", False), ("Spectral", "diverging", False), ("Set1", "qualitative", False),
    ("Set3", "qualitative", False), ("Accent", "qualitative", False),
]
RAMP_NAMES = [r[0] for r in RAMPS]
COLOUR_BLIND_SAFE = {r[0] for r in RAMPS if r[2]}


_SCHEMES: dict = {}


def _brewer_defined(name: str, n: int) -> list[str] | None:
    """A ColorBrewer scheme as defined (what branca's color_brewer returns then), read from
    branca's own table without importing branca (it imports jinja2: a quarter second at start-up)."""
    if not _SCHEMES:
        import importlib.util
        import json
        from pathlib import Path

        spec = importlib.util.find_spec("branca")
        try:
            _SCHEMES.update(json.loads((Path(spec.origin).parent / "_schemes.json").read_text()))
        except (AttributeError, TypeError, OSError, ValueError):
            _SCHEMES["?"] = None  # not there: branca decides
    colors = _SCHEMES.get(f"{name}_{n:02d}")
    return list(colors) if colors else None


def ramp_colors(name: str, n: int) -> list[str]:
    """``n`` colours of a ramp, light to dark for sequential ones."""
    if name not in RAMP_NAMES:
        raise UserError(f"Unknown colour ramp '{name}'.", f"Use one of: {', '.join(RAMP_NAMES)}.")
    n = max(1, int(n))
    if name == "OkabeIto":
        return [OKABE_ITO[i % len(OKABE_ITO)] for i in range(n)]
    # ColorBrewer defines 3..9 (or 12) classes; branca interpolates the rest.
    colors = _brewer_defined(name, max(3, n))
    if colors is None:
        from branca.utilities import color_brewer

        colors = color_brewer(name, max(3, n))
    if n < 3:
        colors = [colors[0], colors[-1]][:n] if n == 2 else [colors[len(colors) // 2]]
    return [c.lower() if c.startswith("#") else c for c in colors[:n]]


@dataclass
class Style:
    kind: str = "single"
    color: str = "#0072B2"          # single: fill colour; points too
    stroke: str = "#333333"
    weight: float = 1.0
    fill_opacity: float = 0.7
    field: str = ""                 # graduated / categorized
    scheme: str = "natural_breaks"  # graduated: key of SCHEMES
    k: int = 5
    ramp: str = "YlGnBu"
    breaks: list[float] = _field(default_factory=list)      # upper bounds; computed or manual
    categories: dict[str, str] = _field(default_factory=dict)  # categorized: value → colour
    other_color: str = "#bbbbbb"
    point_size: float = 6.0
    symbol: str = "circle"
    symbols: dict[str, str] = _field(default_factory=dict)    # categorized points: value → symbol
    # Aggregates of sensitive reports: suppressed units (count NULL) are drawn with this fill and
    # labelled with this text, never as zero.
    suppressed_label: str = ""
    suppressed_fill: str = ""
    # Digest of the values, scheme and k that ``breaks`` were computed from (layers/breaks.py):
    # while it matches, the breaks are reused and start-up needs no mapclassify.
    breaks_for: str = ""

    def validate(self) -> "Style":
        if self.kind not in KINDS:
            raise UserError(f"Unknown style kind '{self.kind}'.", f"Use one of: {', '.join(KINDS)}.")
        if self.kind != "single" and not self.field:
            raise UserError(f"A {self.kind} style needs a field.", "Choose the field to colour by.")
        if self.scheme not in SCHEMES:
            raise UserError(f"Unknown classification '{self.scheme}'.", f"Use one of: {', '.join(SCHEMES)}.")
        if self.symbol not in SYMBOLS:
            raise UserError(f"Unknown point symbol '{self.symbol}'.", f"Use one of: {', '.join(SYMBOLS)}.")
        if self.kind == "graduated" and self.scheme == "manual":
            b = [float(x) for x in self.breaks]
            if not b or any(x >= y for x, y in zip(b, b[1:])):
                raise UserError("Manual class breaks must be increasing numbers.",
                                "Enter them from smallest to largest, e.g. 1000, 5000, 10000.")
        ramp_colors(self.ramp, 1)
        return self

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Style":
        d = dict(d or {})
        known = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    @classmethod
    def default_for(cls, role: LayerRole) -> "Style":
        s = cls(color=role.default_color)
        if role in POINT_ROLES:
            s.fill_opacity = 0.9
        elif role == LayerRole.AREAS:
            s.fill_opacity = 0.5
        return s


AGGREGATE_RAMP = "YlOrRd"  # sequential, colour-blind safe


def default_for_aggregate(fields: list[str]) -> Style:
    """Choropleth for an aggregate layer: rate when the layer has one, else count.

    Breaks are left to the map view, which classifies only the non-NULL (unsuppressed) values.
    """
    field = "rate_per_1000" if "rate_per_1000" in fields else "count"
    s = Style(kind="graduated", field=field, scheme="natural_breaks", k=5, ramp=AGGREGATE_RAMP,
              fill_opacity=0.8, suppressed_label="1\u201310", suppressed_fill="hatch")
    return s.validate()
