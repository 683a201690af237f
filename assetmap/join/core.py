"""Join a table's columns onto a layer by a key, with a report of what met what.

``plan_join`` works in memory and changes nothing; ``join_table`` writes the joined layer
in one ``Project.edit()`` (all of it lands, or nothing does). Rules:

- keys compare after :func:`assetmap.join.table.normalise_key`;
- a key used by several table rows is ambiguous: none of those rows is joined, and the key
  is reported (a layer row with that key gets no values rather than a guessed one);
- table columns are typed as numbers when every value is a number or a missing-value mark;
- a table column whose name the layer already has is left out when its values are the same
  on every matched row (e.g. the neighbourhood name), else added under a free name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assetmap.errors import UserError
from assetmap.join.table import column_type, normalise_key, read_table, to_number
from assetmap.project.store import utc_now
from assetmap.tasks import TaskContext, ensure

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd
    import pandas as pd

    from assetmap.project import Project

_LIST_MAX = 50  # keys listed per kind in the report (the counts are always complete)
_RESERVED = {"fid", "geometry", "geom"}


@dataclass
class JoinReport:
    layer: str
    table: str
    layer_key: str
    table_key: str
    layer_rows: int = 0
    table_rows: int = 0
    matched: int = 0                                               # layer rows that got values
    layer_unmatched: list[str] = field(default_factory=list)       # layer keys with no table row
    table_unmatched: list[str] = field(default_factory=list)       # table keys with no layer row
    duplicate_table_keys: dict[str, int] = field(default_factory=dict)  # key -> rows (not joined)
    duplicate_layer_keys: dict[str, int] = field(default_factory=dict)  # key -> layer rows (each joined)
    blank_layer_keys: int = 0
    blank_table_keys: int = 0
    columns: dict[str, str] = field(default_factory=dict)          # added column -> integer|real|text
    renamed: dict[str, str] = field(default_factory=dict)          # table column -> name in the layer
    skipped_same: list[str] = field(default_factory=list)          # already in the layer, same values

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        out = [f"Joined {self.table} to '{self.layer}' on {self.layer_key} = {self.table_key}: "
               f"{self.matched} of {self.layer_rows} layer rows matched "
               f"({self.table_rows} table rows)."]
        if self.columns:
            typed = ", ".join(f"{c} ({t})" for c, t in self.columns.items())
            out.append(f"Columns added: {typed}.")
        for col, new in self.renamed.items():
            out.append(f"'{col}' is already in the layer with other values; added as '{new}'.")
        if self.skipped_same:
            out.append(f"Already in the layer with the same values, not added again: {', '.join(self.skipped_same)}.")
        out += _listed("Layer rows with no match in the table", self.layer_unmatched)
        out += _listed("Table rows with no match in the layer", self.table_unmatched)
        if self.duplicate_table_keys:
            keys = ", ".join(f"{k} ({n} rows)" for k, n in list(self.duplicate_table_keys.items())[:_LIST_MAX])
            out.append(f"Keys used by several table rows (not joined, fix the table): {keys}.")
        if self.duplicate_layer_keys:
            keys = ", ".join(f"{k} ({n} rows)" for k, n in list(self.duplicate_layer_keys.items())[:_LIST_MAX])
            out.append(f"Keys shared by several layer rows (each got the table's values): {keys}.")
        if self.blank_layer_keys:
            out.append(f"{self.blank_layer_keys} layer rows have no key.")
        if self.blank_table_keys:
            out.append(f"{self.blank_table_keys} table rows have no key.")
        return out


def _listed(title: str, keys: list[str]) -> list[str]:
    if not keys:
        return []
    more = f" and {len(keys) - _LIST_MAX} more" if len(keys) > _LIST_MAX else ""
    return [f"{title} ({len(keys)}): {', '.join(keys[:_LIST_MAX])}{more}."]


def parse_on(on: str) -> tuple[str, str]:
    """'KEY' or 'KEY=TABLEKEY' -> (layer field, table column)."""
    left, sep, right = (on or "").partition("=")
    left, right = left.strip(), right.strip()
    if not left or (sep and not right):
        raise UserError(f"--on '{on}' does not name the key.",
                        "Write --on FIELD when both sides call it the same, or --on LAYERFIELD=TABLECOLUMN.")
    return left, right or left


def _find_column(columns, name: str, where: str, path_hint: str) -> str:
    if name in columns:
        return name
    folded = [c for c in columns if str(c).casefold() == name.casefold()]
    if len(folded) == 1:
        return folded[0]
    shown = ", ".join(str(c) for c in columns if c not in ("geometry",))
    raise UserError(f"{where} has no column '{name}'.", f"Its columns: {shown}. {path_hint}".strip())


@dataclass
class JoinPlan:
    """The joined layer, ready to write, and its report."""

    gdf: "gpd.GeoDataFrame"
    report: JoinReport
    new_columns: list[str]


def plan_join(layer_gdf: "gpd.GeoDataFrame", table: "pd.DataFrame", layer_key: str, table_key: str, *,
              layer_name: str = "layer", table_name: str = "table", columns: list[str] | None = None,
              prefix: str = "") -> JoinPlan:
    import pandas as pd

    layer_key = _find_column(list(layer_gdf.columns), layer_key, f"Layer '{layer_name}'",
                             "Name the layer's key first in --on LAYERFIELD=TABLECOLUMN.")
    table_key = _find_column(list(table.columns), table_key, table_name,
                             "Name the table's key after '=' in --on LAYERFIELD=TABLECOLUMN.")
    report = JoinReport(layer=layer_name, table=table_name, layer_key=layer_key, table_key=table_key,
                        layer_rows=len(layer_gdf), table_rows=len(table))
    tkeys = [normalise_key(v) for v in table[table_key]]
    lkeys = [normalise_key(v) for v in layer_gdf[layer_key]]
    report.blank_table_keys = sum(k is None for k in tkeys)
    report.blank_layer_keys = sum(k is None for k in lkeys)
    tcount = Counter(k for k in tkeys if k is not None)
    lcount = Counter(k for k in lkeys if k is not None)
    shown_t = {}
    for raw, k in zip(table[table_key], tkeys):
        if k is not None:
            shown_t.setdefault(k, _shown(raw))
    shown_l = {}
    for raw, k in zip(layer_gdf[layer_key], lkeys):
        if k is not None:
            shown_l.setdefault(k, _shown(raw))
    report.duplicate_table_keys = {shown_t[k]: n for k, n in sorted(tcount.items(), key=_key_order) if n > 1}
    report.duplicate_layer_keys = {shown_l[k]: n for k, n in sorted(lcount.items(), key=_key_order) if n > 1}
    row_of = {k: i for i, k in enumerate(tkeys) if k is not None and tcount[k] == 1}
    report.layer_unmatched = [shown_l[k] for k in sorted(lcount, key=_sort_key) if k not in tcount]
    report.table_unmatched = [shown_t[k] for k in sorted(tcount, key=_sort_key) if k not in lcount]
    take = [row_of.get(k) if k is not None else None for k in lkeys]
    report.matched = sum(t is not None for t in take)
    if report.matched == 0:
        lx = ", ".join(list(shown_l.values())[:5]) or "(all blank)"
        tx = ", ".join(list(shown_t.values())[:5]) or "(all blank)"
        raise UserError(
            f"No row of {table_name} matches a row of '{layer_name}' on {layer_key} = {table_key}; nothing was joined.",
            f"The layer's keys look like {lx}; the table's look like {tx}. "
            "Choose the columns that hold the same codes with --on LAYERFIELD=TABLECOLUMN.")
    wanted = [c for c in table.columns if c != table_key]
    if columns:
        wanted = [_find_column(list(table.columns), c, table_name, "") for c in columns]
    out = layer_gdf.copy()
    existing = {str(c).casefold() for c in out.columns} | _RESERVED
    new_columns: list[str] = []
    for col in wanted:
        raw = [table[col].iat[t] if t is not None else None for t in take]
        kind = column_type(table[col].tolist())
        if kind == "text":
            values = pd.Series([None if v is None else _text(v) for v in raw], index=out.index, dtype=object)
        else:
            nums = [None if v is None else to_number(v) for v in raw]
            values = pd.Series([float("nan") if v is None else v for v in nums], index=out.index, dtype=float)
            if kind == "integer":
                values = values.round().astype("Int64")
        name = f"{prefix}{col}" if prefix else str(col)
        if name.casefold() in existing:
            if not prefix and col in out.columns and _same(out[col], values, take):
                report.skipped_same.append(str(col))
                continue
            base, n = name, 2
            while f"{base}_{n}".casefold() in existing:
                n += 1
            name = f"{base}_{n}"
            report.renamed[str(col)] = name
        existing.add(name.casefold())
        out[name] = values
        report.columns[name] = kind
        new_columns.append(name)
    if not new_columns:
        raise UserError(f"{table_name} adds nothing to '{layer_name}': its columns are already there with the same values.",
                        "Nothing was changed.")
    return JoinPlan(gdf=out, report=report, new_columns=new_columns)


def _shown(raw: Any) -> str:
    """A key as the user typed it; a whole number stored as a float (GeoJSON ids) without '.0'."""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).strip()


def _text(v: Any) -> str | None:
    if isinstance(v, float) and v != v:
        return None
    return str(v).strip()


def _same(current, values, take) -> bool:
    for a, b, t in zip(current, values, take):
        if t is None:
            continue
        if normalise_key(a) != normalise_key(b):
            return False
    return True


def _sort_key(k: str):
    return (0, int(k), "") if k.lstrip("-").isdigit() else (1, 0, k)


def _key_order(item):
    return _sort_key(item[0])


def join_table(project: "Project", layer: str, table_path: str | Path, on: str, *, sheet: str | None = None,
               columns: list[str] | None = None, prefix: str = "", encoding: str | None = None,
               ctx: TaskContext | None = None) -> JoinReport:
    """Join ``table_path`` onto ``layer`` and write it in one transaction. Raises UserError."""
    ctx = ensure(ctx)
    path = Path(table_path)
    info = project.layer(layer)
    layer_key, table_key = parse_on(on)
    ctx.progress(0.05, f"Reading {path.name}")
    table = read_table(path, sheet=sheet, encoding=encoding)
    ctx.check()
    ctx.progress(0.3, f"Reading layer {info.display_name}")
    gdf = project.read_layer(layer)
    plan = plan_join(gdf, table, layer_key, table_key, layer_name=layer, table_name=path.name,
                     columns=columns, prefix=prefix)
    ctx.check()
    ctx.progress(0.6, "Writing to the project")
    write_joined(project, info, plan, source_name=path.name)
    ctx.progress(1.0, "Done")
    return plan.report


def write_joined(project: "Project", info, plan: JoinPlan, *, source_name: str) -> None:
    """Replace the layer's features by the joined ones, keeping its feature ids and settings."""
    extra = dict(info.extra)
    joins = list(extra.get("joins", []))
    # The source by its name, never its local path: this ends up in maps' sources lines.
    joins.append({"table": source_name, "layer_key": plan.report.layer_key, "table_key": plan.report.table_key,
                  "columns": plan.new_columns, "matched": plan.report.matched, "joined_at": utc_now()})
    extra["joins"] = joins
    info.extra = extra
    replace_features(project, info, plan.gdf)


def replace_features(project: "Project", info, gdf: "gpd.GeoDataFrame") -> None:
    """Write ``gdf`` (indexed by fid) over the layer ``info.name``, keeping fids, in one edit."""
    with project.edit() as tx:
        tx.write_layer(gdf, info, replace=True, keep_fids=True)
