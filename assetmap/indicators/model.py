"""Indicator definitions: what the partnership agreed to measure, stored in the project.

An indicator is ``numerator / denominator * per`` for each unit of an areas layer, by period
when the numerator has periods. Where the numerator comes from is the ``method``:

- ``report_rate``: the ``count`` of an aggregate layer made by ``assetmap reports`` (suppressed
  counts stay suppressed, so do the rates made from them);
- ``feature_count``: public features of a point layer inside each unit, optionally only those
  whose ``filter_field`` equals ``filter_value`` (assets by type);
- ``hub_access``: residents within ``params.within_m`` of a public hub offering
  ``params.service`` (reuses ``assetmap.access.catchments.coverage``);
- ``survey_coverage``: 1 when a unit has at least one survey response, over 1 per unit, so the
  city row is the share of units visited.

Definitions live as one JSON list under the project meta key ``indicators``; saving is one
SQLite transaction, and ``SetIndicators`` makes a save undoable.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any

from assetmap.commands import Command
from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project

META_KEY = "indicators"
METHODS = ("report_rate", "feature_count", "hub_access", "survey_coverage")
DIRECTIONS = ("higher_is_better", "higher_is_worse")
PERIODS = ("by_period", "current")  # the numerator layer's periods, or one snapshot
CURRENT = "current"                 # the period label of a snapshot indicator
CITY = "ALL"                        # unit_id of the city-wide rows
MILE_M = 1609.344
_ID_RE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
_CHILD_FIELD_RE = re.compile(r"child|under_?18|0_?17|youth_pop|pop_?u18", re.I)
_TYPE_FIELDS = ("type", "asset_type", "category", "kind")
MAX_ASSET_TYPES = 8


@dataclass
class Indicator:
    id: str
    name: str
    unit_layer: str
    numerator_layer: str
    method: str = "report_rate"
    numerator_field: str | None = None   # report_rate: 'count'; feature_count: a field to sum, or None to count
    filter_field: str | None = None
    filter_value: str | None = None
    denominator_field: str | None = None  # on the unit layer; None: the value is the numerator itself
    per: float = 1000.0
    period: str = "by_period"
    direction: str = "higher_is_worse"
    target: float | None = None
    source: str = ""
    unit_label: str = ""                  # how values read: "per 1,000 residents", "%"
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Indicator":
        known = {f.name for f in fields(cls)}
        try:
            ind = cls(**{k: v for k, v in data.items() if k in known})
        except TypeError as exc:
            raise UserError(f"An indicator definition is incomplete ({exc}).",
                            "Recreate the defaults with `assetmap indicators defaults P.gpkg`.") from exc
        return ind.checked()

    def checked(self) -> "Indicator":
        """Self, after checking the parts that don't need the project."""
        if not _ID_RE.match(self.id or ""):
            raise UserError(f"'{self.id}' can't be used as an indicator id.",
                            "Use lower-case letters, digits and underscores, starting with a letter.")
        if self.method not in METHODS:
            raise UserError(f"Indicator '{self.id}': unknown method '{self.method}'.",
                            f"Use one of: {', '.join(METHODS)}.")
        if self.direction not in DIRECTIONS:
            raise UserError(f"Indicator '{self.id}': direction must be one of {', '.join(DIRECTIONS)}.")
        if self.period not in PERIODS:
            raise UserError(f"Indicator '{self.id}': period must be one of {', '.join(PERIODS)}.")
        if not (self.per and float(self.per) > 0):
            raise UserError(f"Indicator '{self.id}': 'per' must be a positive number (e.g. 1000).")
        if self.target is not None:
            self.target = float(self.target)
        return self


def load_indicators(project: "Project") -> list[Indicator]:
    """The stored definitions ([] when none were saved yet)."""
    text = project.meta(META_KEY)
    if not text:
        return []
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"The indicator definitions stored in {project.path} are damaged.",
                        "Store fresh defaults with `assetmap indicators defaults P.gpkg`.") from exc
    return [Indicator.from_dict(d) for d in data]


def save_indicators(project: "Project", indicators: list[Indicator]) -> None:
    """Replace the stored definitions (one SQLite transaction)."""
    seen: set[str] = set()
    for ind in indicators:
        ind.checked()
        if ind.id in seen:
            raise UserError(f"Two indicators share the id '{ind.id}'.", "Give each indicator its own id.")
        seen.add(ind.id)
    project.set_meta(META_KEY, json.dumps([i.to_dict() for i in indicators], ensure_ascii=False))


def indicators_or_defaults(project: "Project") -> list[Indicator]:
    return load_indicators(project) or default_indicators(project)


def select(indicators: list[Indicator], ids: list[str] | None) -> list[Indicator]:
    """The indicators named by ``ids`` (in that order), or all of them."""
    if not ids:
        return list(indicators)
    by_id = {i.id: i for i in indicators}
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise UserError(f"No indicator named {', '.join(repr(m) for m in missing)}.",
                        f"Indicators: {', '.join(by_id) or '(none)'}.")
    return [by_id[i] for i in ids]


class SetIndicators(Command):
    """Replace the project's indicator definitions; undo puts the previous ones back."""

    def __init__(self, project: "Project", after: list[Indicator], text: str = "Edit indicators"):
        self.project = project
        self.before = load_indicators(project)
        self.after = [Indicator.from_dict(i.to_dict()) for i in after]
        self.text = text

    def do(self) -> None:
        save_indicators(self.project, self.after)

    def undo(self) -> None:
        save_indicators(self.project, self.before)

    def events(self, undone: bool) -> list:
        from assetmap.session import IndicatorsChanged

        return [IndicatorsChanged()]


# ---------------------------------------------------------------------------- defaults
def _unit_layer(project: "Project"):
    from assetmap.layers.roles import LayerRole

    for info in project.layers_by_role(LayerRole.AREAS):
        if (info.extra or {}).get("id_field"):
            return info
    return None


def _fields(project: "Project", layer: str) -> list[str]:
    return project.layer_fields(layer)


def _aggregate(project: "Project", kind: str, units: str):
    """The aggregate layer of ``kind`` on ``units``, by period first."""
    from assetmap.layers.roles import LayerRole

    found = []
    for info in project.layers_by_role(LayerRole.AGGREGATE):
        meta = (info.extra or {}).get("reports") or {}
        if meta.get("kind") == kind and meta.get("units") == units:
            found.append((not meta.get("periods"), info.sort_order, info.name, info))
    return min(found, key=lambda t: t[:3])[3] if found else None


def _asset_types(project: "Project", layer: str) -> tuple[str | None, list[str]]:
    from assetmap.privacy import public_features

    names = _fields(project, layer)
    declared = (project.layer(layer).extra or {}).get("type_field")  # survey layers name theirs
    type_field = declared if declared in names else next((f for f in _TYPE_FIELDS if f in names), None)
    if type_field is None:
        return None, []
    gdf = public_features(project.read_layer(layer))
    # Survey layers keep deleted responses without a geometry: they are not assets any more.
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    counts = gdf[type_field].dropna().astype(str).str.strip()
    counts = counts[counts != ""].value_counts()
    return type_field, sorted(counts.index[:MAX_ASSET_TYPES])


def _source(info) -> str:
    return f"{info.display_name}: {info.source}" if info.source else info.display_name


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(text).lower()).strip("_")[:40] or "other"


def default_indicators(project: "Project") -> list[Indicator]:
    """Sensible indicators for the layers present (nothing is stored)."""
    from assetmap.layers.roles import LayerRole

    units = _unit_layer(project)
    if units is None:
        raise UserError(f"{project.path} has no areas layer with an id field, so there is nothing to "
                        "measure indicators by.",
                        "Import neighbourhoods with `assetmap import P.gpkg FILE --role areas --id-field FIELD`.")
    unit_fields = _fields(project, units.name)
    pop = (units.extra or {}).get("population_field") or ("population" if "population" in unit_fields else None)
    children = next((f for f in unit_fields if _CHILD_FIELD_RE.search(f)), None)
    out: list[Indicator] = []

    mal = _aggregate(project, "maltreatment", units.name)
    if mal is not None:
        den, who = (children, "children") if children else (pop, "residents")
        name = "Maltreatment reports per 1,000 " + (
            "children" if children else "residents (no child-population field: all ages)")
        out.append(Indicator(
            id="maltreatment_rate", name=name if den else "Maltreatment reports (count)",
            unit_layer=units.name, numerator_layer=mal.name, numerator_field="count",
            denominator_field=den, unit_label=f"per 1,000 {who}" if den else "reports",
            source=_source(mal)))
    dv = _aggregate(project, "dv", units.name)
    if dv is not None:
        out.append(Indicator(
            id="dv_rate", name="DV calls per 1,000 residents" if pop else "DV calls (count)",
            unit_layer=units.name, numerator_layer=dv.name, numerator_field="count",
            denominator_field=pop, unit_label="per 1,000 residents" if pop else "calls",
            source=_source(dv)))
    for info in project.layers_by_role(LayerRole.ASSETS):
        type_field, types = _asset_types(project, info.name)
        base = dict(unit_layer=units.name, numerator_layer=info.name, method="feature_count",
                    denominator_field=pop, period="current", direction="higher_is_better",
                    unit_label="per 1,000 residents" if pop else "assets",
                    source=_source(info))
        prefix = "assets" if info.name == "assets" else f"assets_{_slug(info.name)}"
        if not types:
            out.append(Indicator(id=f"{prefix}_rate"[:63], name=f"{info.display_name} per 1,000 residents",
                                 **base))
        for t in types:
            out.append(Indicator(id=f"{prefix}_{_slug(t)}_rate"[:63],
                                 name=f"{info.display_name} per 1,000 residents: {t}",
                                 filter_field=type_field, filter_value=t, **base))
    hubs = [i for i in project.layers_by_role(LayerRole.HUBS)]
    if hubs and pop:
        out.append(Indicator(
            id="parenting_access", name="Residents within a mile of parenting support (%)",
            unit_layer=units.name, numerator_layer=hubs[0].name, method="hub_access",
            denominator_field=pop, per=100.0, period="current", direction="higher_is_better",
            unit_label="% of residents", params={"service": "parenting", "within_m": MILE_M},
            source="Resource hubs (public hubs only; people assumed evenly spread in each area)"))
    surveys = [i for i in project.layers() if i.role == LayerRole.SURVEY or i.name.startswith("survey_")]
    surveys = [i for i in surveys if i.geometry_type.upper().endswith("POINT") or not i.geometry_type]
    if surveys:
        s = surveys[0]
        out.append(Indicator(
            id="survey_coverage", name="Survey coverage (% of areas with a response)",
            unit_layer=units.name, numerator_layer=s.name, method="survey_coverage",
            denominator_field=None, per=100.0, period="current", direction="higher_is_better",
            unit_label="% of areas", source=s.display_name))
    return out
