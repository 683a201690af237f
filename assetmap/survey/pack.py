"""Field packages: a small assetmap project a volunteer takes out, offline.

A package is itself a project ``.gpkg`` (it opens in assetmap and in QGIS) holding the
form(s), the volunteer's areas, the project's other public base layers, the responses
already inside those areas, and ``assetmap_survey_package`` metadata. The revision of
every copied response is kept in ``assetmap_survey_pack_base``: it is the merge base
that tells "changed out in the field" from "changed back at the office".

Never in a package: any layer that is not public (``privacy.may_leave(info, FIELD)``: aggregates,
hot spots and anything made from them are internal by lineage), raw survey layers, confidential
features or confidential responses (``privacy.public_features``).
``merge_package`` (in ``merge.py``) brings a package back.
"""

from __future__ import annotations

import json
import os
import uuid as uuidlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from assetmap.errors import UserError
from assetmap.project import gpkg
from assetmap.project.store import utc_now
from assetmap.survey import schema as S

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project
    from assetmap.tasks import TaskContext

# Raw imported surveys stay in the office whatever their sensitivity; everything else goes by
# the layer's sensitivity (privacy.may_leave).
PRIVATE_ROLES = {"survey"}


@dataclass
class PackResult:
    path: Path
    package_id: str
    surveyor: str
    layers: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    responses: int = 0
    areas: list[str] = field(default_factory=list)

    def text(self) -> str:
        where = f"{len(self.areas)} area(s): {', '.join(self.areas)}" if self.areas else "all areas"
        return (f"Field package {self.path} for {self.surveyor} ({where}): forms {', '.join(self.forms)}; "
                f"layers {', '.join(self.layers)}; {self.responses} existing response(s).")


def project_id(project: "Project") -> str:
    """The project's stable id (made on first use), so a package knows where it came from."""
    pid = project.meta("project_id")
    if not pid:
        pid = str(uuidlib.uuid4())
        project.set_meta("project_id", pid)
    return pid


def package_meta(project: "Project") -> dict[str, str]:
    """The package metadata of ``project``; empty when it is not a field package."""
    with project.sql_read() as con:  # a shared project (PostGIS) is never a package
        if not S.has_table(con, S.PACKAGE):
            return {}
        return dict(con.execute(f"SELECT key, value FROM {S.PACKAGE}").fetchall())


def make_package(project: "Project", out: str | os.PathLike, *, surveyor: str, form_id: str | None = None,
                 areas: Iterable[str] | None = None, overwrite: bool = False,
                 ctx: "TaskContext | None" = None) -> PackResult:
    from assetmap.project import Project
    from assetmap.survey.store import SurveyStore
    from assetmap.tasks import ensure

    ctx = ensure(ctx)
    out = Path(out)
    if not surveyor or not surveyor.strip():
        raise UserError("A field package is made for one surveyor; the name is empty.", "Give --surveyor NAME.")
    if out.suffix.lower() != ".gpkg":
        raise UserError(f"{out}: a field package must end in .gpkg.", f"Try {out.with_suffix('.gpkg')}.")
    if out.exists() and not overwrite:
        raise UserError(f"{out} already exists.", "Choose another name, or remove the old package first.")
    if project.stored_in(out):
        raise UserError("The package can't replace the project itself.", "Choose another file name.")
    store = SurveyStore(project)
    forms = [store.form(form_id)] if form_id else store.forms()
    if not forms:
        raise UserError(f"{project.path} has no survey form to pack.",
                        "Install one first: assetmap survey install PROJECT.gpkg --builtin")
    pid = project_id(project)
    ctx.progress(0.05, "Choosing areas")
    area_info, area_gdf, area_ids = _areas(project, areas)

    tmp = out.with_name(f".{out.stem}.partial-{os.getpid()}.gpkg")
    if tmp.exists():
        tmp.unlink()
    result = PackResult(out, str(uuidlib.uuid4()), surveyor.strip(), forms=[f.form_id for f in forms],
                        areas=area_ids)
    try:
        pkg = Project.create(tmp, crs=project.crs, title=f"{project.title}: field package for {result.surveyor}")
        ctx.progress(0.15, "Copying base layers")
        from assetmap.privacy import FIELD, check_may_leave, may_leave, public_features

        with pkg.edit() as tx:
            if area_info is not None:
                check_may_leave(area_info, FIELD)
                info = _copy_info(area_info)
                info.extra = dict(area_info.extra, package_areas=area_ids)
                tx.write_layer(public_features(area_gdf), info)
                result.layers.append(info.name)
                if areas:  # every outline and name, so survey mode can say which area a stray point is in
                    from assetmap.survey.whereabouts import context_areas

                    ctx_gdf, ctx_info = context_areas(project, area_info)
                    tx.write_layer(ctx_gdf, ctx_info)
            for info in project.layers():
                if info.role.value in PRIVATE_ROLES or info.extra.get("survey_form") or \
                        not may_leave(info, FIELD) or (area_info is not None and info.name == area_info.name):
                    continue
                ctx.check()
                tx.write_layer(public_features(project.read_layer(info.name)), _copy_info(info))
                result.layers.append(info.name)
        pstore = SurveyStore(pkg, device_id=store.device_id)
        for form in forms:
            result.layers.append(pstore.install_form(form))
        ctx.progress(0.6, "Copying responses")
        result.responses = _copy_responses(project, store, pkg, pstore, forms, area_gdf if areas else None)
        meta = {"package_id": result.package_id, "source_project_id": pid, "source_title": project.title,
                "source_path": str(project.path), "surveyor": result.surveyor, "created_at": utc_now(),
                "forms": json.dumps(result.forms), "areas_layer": area_info.name if area_info else "",
                "areas": json.dumps(area_ids)}
        with gpkg.transaction(pkg.path) as con:
            S.ensure_tables(con, S.PACK_SCHEMA)
            con.executemany(f"INSERT OR REPLACE INTO {S.PACKAGE} (key, value) VALUES (?, ?)", meta.items())
            con.execute("INSERT OR REPLACE INTO assetmap_project (key, value) VALUES ('survey_package', ?)", (result.package_id,))
        ctx.check()
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    ctx.progress(1.0, "Done")
    return result


def _copy_info(info):
    from dataclasses import replace

    return replace(info, style=dict(info.style), extra=dict(info.extra), feature_count=0, sort_order=info.sort_order + 1)


def _areas(project: "Project", areas: Iterable[str] | None):
    from assetmap.layers import LayerRole

    wanted = [str(a).strip() for a in (areas or []) if str(a).strip()]
    layers = project.layers_by_role(LayerRole.AREAS)
    if not layers:
        if wanted:
            raise UserError(f"{project.path} has no areas layer to choose {', '.join(wanted)} from.",
                            "Import neighbourhoods or blocks with --role areas first.")
        return None, None, []
    info = layers[0]
    gdf = project.read_layer(info.name)
    if not wanted:
        return info, gdf, []
    id_field = info.extra.get("id_field")
    if not id_field or id_field not in gdf.columns:
        raise UserError(f"The areas layer '{info.name}' has no id field to choose areas by.",
                        "Re-import it with --id-field FIELD.")
    ids = id_text(gdf[id_field])
    missing = [a for a in wanted if a not in set(ids)]
    if missing:
        raise UserError(f"The areas layer '{info.name}' has no {id_field} {', '.join(missing)}.",
                        f"Use values of {id_field}, e.g. {', '.join(ids.head(3))}.")
    return info, gdf[ids.isin(wanted).to_numpy()], wanted


def id_text(series):
    """Area ids as the text a user types: 5, not 5.0 (GeoJSON numbers often arrive as floats)."""
    import pandas as pd

    if pd.api.types.is_float_dtype(series) and series.dropna().apply(float.is_integer).all():
        series = series.astype("Int64")
    return series.astype(str).str.strip()


def _copy_responses(project, store, pkg, pstore, forms, area_gdf) -> int:
    """Copy the live, public responses (inside the areas, when areas were chosen) as they are."""
    from assetmap.privacy import public_features
    from assetmap.survey.response_write import insert_copies

    n = 0
    with gpkg.transaction(pkg.path) as con:
        S.ensure_tables(con)
        S.ensure_tables(con, S.PACK_SCHEMA)
        for form in forms:
            gdf = public_features(project.read_layer(S.layer_name(form.form_id), columns=["uuid", "deleted", "confidential"]))
            gdf = gdf[gdf["deleted"].fillna(0).astype(int) == 0]
            if area_gdf is not None:
                inside = gdf.geometry.notna() & gdf.geometry.intersects(area_gdf.geometry.union_all())
                gdf = gdf[inside.to_numpy()]
            keep = set(gdf["uuid"])
            copies = [resp for resp in store.responses(form.form_id) if resp.uuid in keep]
            insert_copies(con, pstore, form, copies)
            con.executemany(f"INSERT OR REPLACE INTO {S.PACK_BASE} (uuid, form_id, revision) VALUES (?, ?, ?)",
                            [(resp.uuid, form.form_id, resp.revision) for resp in copies])
            n += len(copies)
        if n:
            _copy_history_and_media(project, con)
    return n


def _copy_history_and_media(project, con) -> None:
    """The packed responses' history and photos, read from the project (GeoPackage or PostGIS)."""
    uuids = [r[0] for r in con.execute(f"SELECT uuid FROM {S.PACK_BASE} ORDER BY uuid")]
    with project.sql_read() as src:
        for table, cols, order in ((S.HISTORY, "uuid, form_id, revision, action, surveyor, device_id, at, changes, "
                                    "note", "id"), (S.MEDIA, "uuid, field, filename, mime, data", "uuid, field")):
            if not S.has_table(src, table):
                continue
            for i in range(0, len(uuids), 500):  # under SQLite's limit on parameters
                chunk = uuids[i:i + 500]
                rows = src.execute(f"SELECT {cols} FROM {table} WHERE uuid IN ({', '.join('?' * len(chunk))}) "
                                   f"ORDER BY {order}", chunk).fetchall()
                marks = ", ".join("?" * len(cols.split(",")))
                con.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})",
                                [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in rows])


from assetmap.survey.merge import MergeReport, merge_package, pending_conflicts, resolve_conflict  # noqa: E402

__all__ = ["PackResult", "make_package", "package_meta", "project_id", "MergeReport", "merge_package",
           "pending_conflicts", "resolve_conflict"]
