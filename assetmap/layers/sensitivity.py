"""How far a layer may travel: public, internal (office only) or confidential (never shown).

Sensitivity belongs to the layer, not to its features, so a new kind of derived layer
cannot leak by forgetting a rule. It is the highest of

- the floor of its role (aggregates of sensitive reports and hot spots are internal);
- the sensitivity of every layer it was made from (its lineage), whether the maker names
  them (``extra["derived_from"]``, the bivariate/hot-spot/gap metadata) or not: every
  layer read inside a ``track()`` scope (each CLI command, each GUI task) raises the
  floor of every layer made or written in that scope;
- what a user set (raising is always allowed; lowering below the floor is refused).

Row-level confidentiality (a DV shelter in the public hubs layer) stays with
``assetmap.privacy.public_features``; the two rules apply together.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from enum import Enum
from typing import Callable, Iterable, Iterator

PUBLIC, INTERNAL, CONFIDENTIAL = "public", "internal", "confidential"
LEVELS = (PUBLIC, INTERNAL, CONFIDENTIAL)
_RANK = {v: i for i, v in enumerate(LEVELS)}

DESCRIPTIONS = {
    PUBLIC: "public: may go into field packages, exports and every map",
    INTERNAL: "internal: office only (made from sensitive reports); never in a field package "
              "or a surveyor's view",
    CONFIDENTIAL: "confidential: never drawn, exported or packaged",
}


class Sensitivity(str, Enum):
    PUBLIC = PUBLIC
    INTERNAL = INTERNAL
    CONFIDENTIAL = CONFIDENTIAL


def parse(text: str) -> str:
    value = str(text or "").strip().lower()
    if value not in _RANK:
        from assetmap.errors import UserError

        raise UserError(f"Unknown sensitivity '{text}'.", f"Use one of: {', '.join(LEVELS)}.")
    return value


def highest(*levels: str | None) -> str:
    known = [lv for lv in levels if lv in _RANK]
    return max(known, key=_RANK.__getitem__) if known else PUBLIC


def at_least(level: str, floor: str) -> bool:
    return _RANK.get(level, 0) >= _RANK.get(floor, 0)


def role_floor(role) -> str:
    value = getattr(role, "value", role)
    return INTERNAL if value in ("aggregate", "hotspots") else PUBLIC


# ---------------------------------------------------------------------------- lineage scope
# (project key, layer name, sensitivity) of every layer read in the current scope.
_READS: ContextVar[list | None] = ContextVar("assetmap_lineage_reads", default=None)


@contextmanager
def track() -> Iterator[list]:
    """Everything read inside raises the floor of every layer made inside. Nested scopes
    report their reads to the outer one too (a GUI task inside a command, a command inside a test)."""
    outer = _READS.get()
    reads: list = []
    token = _READS.set(reads)
    try:
        yield reads
    finally:
        _READS.reset(token)
        if outer is not None:
            outer.extend(reads)


def record_read(project_key: str, name: str, level: str) -> None:
    reads = _READS.get()
    if reads is not None:
        reads.append((project_key, name, level))


def scope_floor() -> str:
    reads = _READS.get() or []
    return highest(*(lv for _, _, lv in reads))


def scope_sources(project_key: str) -> list[str]:
    """Layers of that project read in this scope that are not public (a public layer read on the
    way, such as the areas for a far-outside check, is not recorded as a source)."""
    reads = _READS.get() or []
    return sorted({name for key, name, lv in reads if key == project_key and lv != PUBLIC})


# ---------------------------------------------------------------------------- lineage names
def lineage_names(extra: dict) -> list[str]:
    """Layers a layer says it was made from (its own record, or what older makers stored)."""
    extra = extra or {}
    names: set[str] = set(extra.get("derived_from") or [])
    bi = extra.get("bivariate") or {}
    names.update(n for n in (bi.get("layer_a"), bi.get("layer_b")) if n)
    hot = extra.get("hotspots") or {}
    if hot.get("layer"):
        names.add(hot["layer"])
    names.update(hot.get("layers") or [])
    need = extra.get("need")
    if isinstance(need, str) and ":" in need:
        names.add(need.split(":", 1)[0])
    return sorted(n for n in names if isinstance(n, str))


def floor(role, extra: dict, lookup: Callable[[str], str | None]) -> str:
    """The lowest sensitivity a layer may have: its role's, and that of what it was made from."""
    extra = extra or {}
    levels = [role_floor(role)]
    if extra.get("reports"):  # any layer counted from report files
        levels.append(INTERNAL)
    levels += [lookup(n) for n in lineage_names(extra)]
    return highest(*levels)


def resolve(infos: Iterable) -> list:
    """Fill the sensitivity of layers stored before it existed (derived from role and lineage,
    following chains), and never let one sit below its lineage floor."""
    infos = list(infos)
    by_name = {i.name: i for i in infos}
    done: dict[str, str] = {}

    def level(name: str, seen: frozenset = frozenset()) -> str | None:
        if name in done:
            return done[name]
        info = by_name.get(name)
        if info is None or name in seen:
            return None
        own = info.sensitivity if info.sensitivity in _RANK else PUBLIC
        value = highest(own, floor(info.role, info.extra, lambda n: level(n, seen | {name})))
        done[name] = value
        return value

    for info in infos:
        info.sensitivity = level(info.name)
    return infos


def describe(level: str) -> str:
    return DESCRIPTIONS.get(level, DESCRIPTIONS[PUBLIC])
