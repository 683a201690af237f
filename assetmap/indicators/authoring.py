"""Making a new indicator from scratch, without Qt: which layers and fields fit each method,
and one checked ``Indicator`` from what a user chose, or a ``UserError`` naming the first
thing that is wrong and what to choose instead. Nothing here writes to the project: the
dialog adds the result to its list and OK saves the list through ``SetIndicators``.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

from assetmap.errors import UserError
from assetmap.indicators.model import DIRECTIONS, METHODS, MILE_M, Indicator

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project

_NUMERIC = re.compile(r"^(u?int|float|double|real|integer|numeric|decimal|smallint|bigint)", re.I)


def unit_layers(project: "Project") -> list[str]:
    """Areas layers with an id field: what an indicator can be measured by."""
    from assetmap.layers.roles import LayerRole

    return [i.name for i in project.layers_by_role(LayerRole.AREAS) if (i.extra or {}).get("id_field")]


def _is_point(info) -> bool:
    return (info.geometry_type or "").upper().endswith("POINT")


def numerator_layers(project: "Project", method: str, unit_layer: str | None) -> list[str]:
    """The layers a ``method`` can count from, for indicators on ``unit_layer``."""
    from assetmap.layers.roles import LayerRole

    out = []
    for info in project.layers():
        reports = (info.extra or {}).get("reports") or {}
        if method == "report_rate":
            ok = info.role == LayerRole.AGGREGATE and reports.get("units") == unit_layer
        elif method == "feature_count":
            ok = _is_point(info) and info.role not in (LayerRole.AGGREGATE, LayerRole.HOTSPOTS)
        elif method == "hub_access":
            ok = info.role == LayerRole.HUBS
        elif method == "survey_coverage":
            ok = _is_point(info) and (info.role == LayerRole.SURVEY or info.name.startswith("survey_"))
        else:
            ok = False
        if ok:
            out.append(info.name)
    return out


def layer_fields(project: "Project", layer: str) -> dict[str, bool]:
    """{field: is numeric} of a layer, from its schema on either backend."""
    return {f: bool(_NUMERIC.match(t)) for f, t in project.layer_field_types(layer).items()}


def services(project: "Project") -> dict[str, str]:
    """code -> label of the hub service categories (built-in and the project's own)."""
    from assetmap.hubs.taxonomy import categories

    return {code: row.get("label") or code for code, row in categories(project).items()}


def unique_id(name: str, taken: set[str]) -> str:
    """A short id from the name ('Libraries per 1,000' -> 'libraries_per_1_000'), not in ``taken``."""
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:40] or "indicator"
    if not base[0].isalpha():
        base = f"i_{base}"[:40]
    ident, n = base, 2
    while ident in taken:
        ident = f"{base}_{n}"
        n += 1
    return ident


def _number(value: Any, what: str, name: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        v = float(str(value).replace(",", "").strip()) if isinstance(value, str) else float(value)
    except ValueError:
        raise UserError(f"New indicator '{name}': the {what} '{value}' is not a number.",
                        f"Type a number, or leave the {what} empty.") from None
    if not math.isfinite(v):
        raise UserError(f"New indicator '{name}': the {what} must be a finite number.")
    return v


def _default_label(method: str, per: float, denominator: str | None) -> str:
    if method == "survey_coverage":
        return "% of areas"
    if method == "hub_access":
        return "% of residents" if per == 100 else f"per {per:,g} residents"
    if not denominator:
        return "reports" if method == "report_rate" else "features"
    return f"per {per:,g} {denominator}"


def new_indicator(project: "Project", *, name: str, method: str, unit_layer: str, numerator_layer: str,
                  numerator_field: str | None = None, filter_field: str | None = None,
                  filter_value: str | None = None, denominator_field: str | None = None,
                  per: float = 1000.0, direction: str = "higher_is_worse", target: Any = None,
                  unit_label: str = "", source: str = "", service: str | None = None,
                  within_m: float = MILE_M, taken: set[str] | None = None) -> Indicator:
    """A checked new indicator, or UserError naming what to fix (nothing is stored)."""
    name = (name or "").strip()
    if not name:
        raise UserError("The new indicator has no name.", "Type the title the report should print.")
    if method not in METHODS:
        raise UserError(f"New indicator '{name}': unknown kind '{method}'.", f"Use one of: {', '.join(METHODS)}.")
    units = unit_layers(project)
    if unit_layer not in units:
        raise UserError(f"New indicator '{name}': '{unit_layer}' is not an areas layer with an id field.",
                        f"Choose the units from: {', '.join(units) or '(none: import neighbourhoods first)'}.")
    fitting = numerator_layers(project, method, unit_layer)
    if numerator_layer not in fitting:
        what = {"report_rate": f"an aggregate report layer made on '{unit_layer}'",
                "feature_count": "a point layer", "hub_access": "a hubs layer",
                "survey_coverage": "a survey layer"}[method]
        raise UserError(f"New indicator '{name}': '{numerator_layer or '(none)'}' is not {what}.",
                        f"Choose one of: {', '.join(fitting)}." if fitting else
                        "There is no such layer in the project yet: add one first.")
    num_fields = layer_fields(project, numerator_layer)
    numerator_field = (numerator_field or "").strip() or None
    filter_field = (filter_field or "").strip() or None
    filter_value = (filter_value or "").strip() or None
    params: dict[str, Any] = {}
    period = "current"
    if method == "report_rate":
        if numerator_field not in (None, "count"):
            raise UserError(f"New indicator '{name}': report indicators count the 'count' field (its "
                            f"suppression travels with it), not '{numerator_field}'.",
                            "Leave the numerator field empty.")
        numerator_field, filter_field, filter_value, period = "count", None, None, "by_period"
    elif method == "feature_count":
        if numerator_field is not None and not num_fields.get(numerator_field, False):
            raise UserError(f"New indicator '{name}': '{numerator_layer}' has no numeric field "
                            f"'{numerator_field}' to add up.",
                            "Leave the field empty to count the features, or choose a numeric field.")
        if filter_field is not None and filter_field not in num_fields:
            raise UserError(f"New indicator '{name}': '{numerator_layer}' has no field '{filter_field}'.",
                            f"Fields: {', '.join(num_fields) or '(none)'}.")
        if (filter_field is None) != (filter_value is None):
            raise UserError(f"New indicator '{name}': to count only some features, give both the field "
                            "and the value (e.g. type = library).", "Or leave both empty to count them all.")
    else:
        numerator_field, filter_field, filter_value = None, None, None
    if method == "hub_access":
        known = services(project)
        if not service or service not in known:
            raise UserError(f"New indicator '{name}': choose the service the hubs must offer.",
                            f"Services: {', '.join(sorted(known))}.")
        within = _number(within_m, "distance", name)
        if within is None or within <= 0:
            raise UserError(f"New indicator '{name}': the distance to a hub must be more than 0.")
        params = {"service": service, "within_m": within}
    den = (denominator_field or "").strip() or None
    if method == "survey_coverage":
        den = None
    elif den is not None:
        unit_fields = layer_fields(project, unit_layer)
        if den not in unit_fields:
            raise UserError(f"New indicator '{name}': '{unit_layer}' has no field '{den}' to divide by.",
                            f"Numeric fields: {', '.join(f for f, n in unit_fields.items() if n) or '(none)'}.")
        if not unit_fields[den]:
            raise UserError(f"New indicator '{name}': the denominator '{den}' of '{unit_layer}' is not numeric.",
                            "Choose a population or count field.")
    elif method == "hub_access":
        raise UserError(f"New indicator '{name}': access is a share of residents and needs a population field.",
                        f"Choose the population field of '{unit_layer}' as the denominator.")
    per_n = _number(per, "'per' scaling", name)
    if per_n is None or per_n <= 0:
        raise UserError(f"New indicator '{name}': 'per' must be a positive number (e.g. 1000 for per 1,000).")
    if direction not in DIRECTIONS:
        raise UserError(f"New indicator '{name}': direction must be one of {', '.join(DIRECTIONS)}.")
    info = project.layer(numerator_layer)
    ind = Indicator(
        id=unique_id(name, set(taken or ())), name=name, unit_layer=unit_layer, numerator_layer=numerator_layer,
        method=method, numerator_field=numerator_field, filter_field=filter_field, filter_value=filter_value,
        denominator_field=den, per=per_n, period=period, direction=direction,
        target=_number(target, "target", name),
        source=(source or "").strip() or (f"{info.display_name}: {info.source}" if info.source else info.display_name),
        unit_label=(unit_label or "").strip() or _default_label(method, per_n, den), params=params)
    return ind.checked()
