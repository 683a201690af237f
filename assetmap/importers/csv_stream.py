"""A CSV of points imported chunk by chunk, so memory stays bounded whatever the file's size.

Each chunk (``csv_points.CHUNK_ROWS`` rows) is read, checked, reprojected and appended to the
staging GeoPackage before the next is read; the layer still lands in one transaction
(``ProjectEdit.write_layer_chunks``), so a bad row late in the file, Cancel or a crash leave
the project as it was. Counts and warnings add up over the chunks in one report.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.importers.report import ImportReport
from assetmap.layers.info import LayerInfo
from assetmap.layers.roles import LayerRole
from assetmap.tasks import TaskContext

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project


def import_csv(project: "Project", path: Path, role: LayerRole, info: LayerInfo, report: ImportReport, *,
               x: str | None, y: str | None, src_crs: str | None, encoding: str | None, swap_xy: bool,
               replace: bool, allow_case_records: bool = False, ctx: TaskContext) -> ImportReport:
    from assetmap.importers import _check_role_geometry, _rename_fid_columns, areas_lonlat_bounds
    from assetmap.importers.case_records import check_case_columns, find_case_columns
    from assetmap.importers.csv_points import iter_csv_points
    from assetmap.importers.geometry_checks import (clean_geometries, far_outside_counts, reproject,
                                                    warn_far_outside)
    from assetmap.project.store import normalise_crs

    if src_crs is not None:
        src_crs = normalise_crs(src_crs)
    bounds = areas_lonlat_bounds(project) if role != LayerRole.AREAS else None
    far = [0, 0]
    case_columns: dict[str, str] = {}
    size = max(path.stat().st_size, 1)

    def frames():
        for gdf in iter_csv_points(path, x_col=x, y_col=y, src_crs=src_crs, encoding=encoding,
                                   swap_xy=swap_xy, report=report):
            ctx.check()
            gdf = clean_geometries(gdf, report)
            if len(gdf) == 0:
                continue
            _check_role_geometry(gdf, role, path)
            gdf = _rename_fid_columns(gdf, report)
            if role != LayerRole.AREAS:  # every chunk: case records may start late in a file
                if not allow_case_records:
                    check_case_columns(gdf, path, role.value)  # refuses before anything is committed
                else:
                    case_columns.update(find_case_columns(gdf))
            n_out, n_sw = far_outside_counts(gdf, bounds)
            far[0] += n_out
            far[1] += n_sw
            gdf = reproject(gdf, project.crs, report)
            report.imported += len(gdf)
            # rows read so far against the file's size is rough, but never runs backwards
            ctx.progress(min(0.9, 0.05 + 0.85 * report.read * 60 / size), f"Imported {report.imported:,} rows")
            yield gdf

    ctx.progress(0.05, f"Reading {path.name}")
    with project.edit() as tx:
        tx.write_layer_chunks(frames(), info, replace=replace)
        if report.imported == 0:
            raise UserError(f"{path}: none of its {report.read} rows has a usable location.",
                            "; ".join(report.lines()[1:]) or "Check the coordinate columns.")
        report.notes[:] = list(dict.fromkeys(report.notes))
        warn_far_outside(report, far[0], far[1], report.imported)
        info.extra["import_report"] = report.to_dict()
        if case_columns:  # the user said these are not case records: keep it known
            from assetmap.project.store import utc_now

            info.extra["case_records_acknowledged"] = {"columns": case_columns, "at": utc_now()}
        tx.update_layer_info(info)
        ctx.check()  # Cancel here still leaves the project untouched
    ctx.progress(1.0, "Done")
    return report
