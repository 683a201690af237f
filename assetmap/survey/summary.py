"""What the survey found, per area, and responses out to CSV / GeoPackage / GeoJSON.

Only live (not deleted) responses count. Confidential responses (DV services and the like)
are left out of everything tied to a place, the per-area table and every export
(``privacy.public_features``); they count only in the per-surveyor totals.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.survey import schema as S

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from assetmap.project import Project
    from assetmap.tasks import TaskContext

NO_TYPE = "(no type)"


@dataclass
class AreaRow:
    area_id: str
    name: str
    entries: int = 0
    by_type: dict[str, int] = field(default_factory=dict)


@dataclass
class SurveySummary:
    form_id: str
    areas_layer: str
    areas: list[AreaRow] = field(default_factory=list)
    by_type: dict[str, int] = field(default_factory=dict)       # public, located in an area
    by_surveyor: dict[str, int] = field(default_factory=dict)   # every live entry
    entries: int = 0
    confidential: int = 0
    no_location: int = 0
    outside: int = 0

    @property
    def total_areas(self) -> int:
        return len(self.areas)

    @property
    def covered(self) -> int:
        return sum(1 for a in self.areas if a.entries)

    def text(self) -> str:
        lines = [f"Survey '{self.form_id}': {self.entries} entries; areas covered {self.covered} of "
                 f"{self.total_areas} ({self.areas_layer})."]
        if self.confidential or self.no_location or self.outside:
            lines.append(f"Not placed in an area: {self.confidential} confidential, {self.no_location} without a "
                         f"location, {self.outside} outside every area.")
        lines.append("By surveyor: " + ", ".join(f"{k} {v}" for k, v in sorted(self.by_surveyor.items())))
        lines.append("By type: " + ", ".join(f"{k} {v}" for k, v in sorted(self.by_type.items())))
        types = sorted(self.by_type)
        lines.append("\t".join(["area", "name", "entries", *types]))
        for a in self.areas:
            if a.entries:
                lines.append("\t".join([a.area_id, a.name, str(a.entries), *(str(a.by_type.get(t, 0)) for t in types)]))
        return "\n".join(lines)


def _form_id(project: "Project", form_id: str | None) -> str:
    from assetmap.survey.store import SurveyStore

    forms = SurveyStore(project).forms()
    if form_id:
        SurveyStore(project).form(form_id)
        return form_id
    if len(forms) == 1:
        return forms[0].form_id
    if not forms:
        raise UserError(f"{project.path} has no survey form yet.",
                        "Install one: assetmap survey install PROJECT.gpkg --builtin")
    raise UserError(f"{project.path} has several survey forms: {', '.join(f.form_id for f in forms)}.",
                    "Choose one with --form ID.")


def live_responses(project: "Project", form_id: str) -> "gpd.GeoDataFrame":
    """The form's layer without deleted rows, in the project CRS."""
    gdf = project.read_layer(S.layer_name(form_id))
    return gdf[gdf["deleted"].fillna(0).astype(int) == 0]


def survey_summary(project: "Project", form_id: str | None = None, areas_layer: str | None = None) -> SurveySummary:
    import geopandas as gpd

    from assetmap.layers import LayerRole
    from assetmap.privacy import public_features

    form_id = _form_id(project, form_id)
    if areas_layer is None:
        layers = project.layers_by_role(LayerRole.AREAS)
        if not layers:
            raise UserError(f"{project.path} has no areas layer to summarise by.",
                            "Import neighbourhoods or blocks with --role areas, or name a layer with --areas.")
        areas_layer = layers[0].name
    info = project.layer(areas_layer)
    areas = project.read_layer(areas_layer)
    id_field = info.extra.get("id_field") if info.extra.get("id_field") in areas.columns else None
    name_field = info.extra.get("name_field") if info.extra.get("name_field") in areas.columns else None
    from assetmap.survey.pack import id_text

    ids = id_text(areas[id_field]) if id_field else areas.index.astype(str).to_series(index=areas.index)
    names = areas[name_field].astype(str) if name_field else ids

    layer_info = project.layer(S.layer_name(form_id))
    type_col = layer_info.extra.get("label_field") or layer_info.extra.get("type_field")
    gdf = live_responses(project, form_id)
    summary = SurveySummary(form_id, areas_layer, entries=len(gdf))
    summary.by_surveyor = {str(k): int(v) for k, v in gdf["surveyor"].value_counts().items()}
    public = public_features(gdf)
    summary.confidential = len(gdf) - len(public)
    located = public[public.geometry.notna() & ~public.geometry.is_empty]
    summary.no_location = len(public) - len(located)
    types = (located[type_col].fillna(NO_TYPE).astype(str) if type_col in located.columns
             else located.index.to_series().map(lambda _: NO_TYPE))
    pts = gpd.GeoDataFrame({"type": types.to_numpy()}, geometry=located.geometry.to_numpy(), crs=located.crs)
    zones = gpd.GeoDataFrame({"area": ids.to_numpy()}, geometry=areas.geometry.to_numpy(), crs=areas.crs)
    if pts.crs != zones.crs and len(pts):
        pts = pts.to_crs(zones.crs)
    joined = gpd.sjoin(pts, zones, predicate="intersects", how="left")
    joined = joined[~joined.index.duplicated(keep="first")]  # a point on a shared border counts once
    summary.outside = int(joined["area"].isna().sum())
    inside = joined[joined["area"].notna()]
    counts = inside.groupby(["area", "type"]).size()
    for area_id, name in zip(ids, names):
        row = AreaRow(area_id, name)
        if area_id in counts.index.get_level_values(0):
            row.by_type = {str(t): int(n) for t, n in counts.loc[area_id].items()}
            row.entries = sum(row.by_type.values())
        summary.areas.append(row)
    summary.by_type = {str(t): int(n) for t, n in inside["type"].value_counts().items()}
    return summary


def export_responses(project: "Project", out: str | os.PathLike, *, form_id: str | None = None,
                     labels: bool = False, overwrite: bool = False, ctx: "TaskContext | None" = None) -> int:
    """Write live, public responses to .csv (with latitude/longitude), .gpkg or .geojson."""
    import pandas as pd
    import pyogrio

    from assetmap.exporters.vector import _move_dataset
    from assetmap.privacy import public_features
    from assetmap.survey.store import SurveyStore
    from assetmap.tasks import ensure

    ctx = ensure(ctx)
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".gpkg", ".geojson"):
        raise UserError(f"Can't export survey responses to '{out.suffix or out.name}'.", "Use .csv, .gpkg or .geojson.")
    if out.exists() and not overwrite:
        raise UserError(f"{out} already exists.", "Choose another name, or pass --overwrite.")
    if not out.parent.exists() or not os.access(out.parent, os.W_OK):
        raise UserError(f"Can't write to the folder {out.parent}.", "Choose a folder you can write to.")
    form_id = _form_id(project, form_id)
    form = SurveyStore(project).form(form_id)
    if suffix == ".csv":
        from assetmap.survey.repeat_files import check_free

        check_free(form, out, overwrite)
    ctx.progress(0.1, "Reading responses")
    gdf = public_features(live_responses(project, form_id)).reset_index(drop=True)
    # Repeats go to their own files, only for the responses exported (live and public).
    parents = [(u, S.load_answers(form, a)) for u, a in zip(gdf["uuid"], gdf["answers"])] if form.repeats() else []
    gdf = gdf.drop(columns=[c for c in ("answers", "deleted", "confidential") if c in gdf.columns])
    for name, col in S.column_map(form).items():
        if S.column_kind(form.question(name)) == "int" and col in gdf.columns:
            gdf[col] = gdf[col].astype("Int64")  # 80, not 80.0 when a column has blanks
    if labels:
        for name, col in S.column_map(form).items():
            q = form.question(name)
            if q.choices and col in gdf.columns:
                gdf[col] = gdf[col].map(lambda v, q=q: _labels(q, v, form.default_language))
    ctx.progress(0.5, f"Writing {out.name}")
    tmp = out.with_name(f".{out.stem}.part{out.suffix}")
    if suffix == ".csv":
        wgs = gdf.to_crs("EPSG:4326") if gdf.crs is not None else gdf
        located = wgs.geometry.notna() & ~wgs.geometry.is_empty
        frame = pd.DataFrame(wgs.drop(columns=wgs.geometry.name))
        frame["latitude"] = wgs.geometry.y.where(located).round(7)
        frame["longitude"] = wgs.geometry.x.where(located).round(7)
        frame.to_csv(tmp, index=False)
        if form.repeats():
            from assetmap.survey.repeat_files import write_repeats

            write_repeats(form, parents, out)
    else:
        if suffix == ".geojson":
            gdf = gdf.to_crs("EPSG:4326")
        pyogrio.write_dataframe(gdf, tmp, layer=out.stem, driver="GPKG" if suffix == ".gpkg" else "GeoJSON",
                                geometry_type="Point")
    if out.exists():
        out.unlink()
    _move_dataset(tmp, out)
    return len(gdf)


def _labels(q, value, language):
    if value is None or (isinstance(value, float) and value != value):
        return value
    codes = str(value).split() if q.type.value == "select_multiple" else [str(value)]
    return "; ".join((q.choice(c).label(language) if q.choice(c) else c) for c in codes)
