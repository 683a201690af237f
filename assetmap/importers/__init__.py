"""Importers: any supported file into a project layer, with a report.

file -> read (vector.py / csv_points.py) -> clean geometries -> check against the
project's areas -> reproject -> one atomic project write.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.importers.crs_check import check_geographic_range
from assetmap.importers.report import ImportReport
from assetmap.layers.info import LayerInfo, slugify_layer_name, validate_layer_name
from assetmap.layers.roles import LayerRole
from assetmap.tasks import TaskContext, ensure

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from assetmap.project import Project

__all__ = ["ImportReport", "import_file", "read_source", "SUPPORTED"]


def __getattr__(name: str):
    # Derived from the readers registry each time, so a reader registered later is included.
    if name == "SUPPORTED":
        from assetmap.importers.readers import supported_text

        return supported_text()
    if name == "TABLE_SUFFIXES":
        from assetmap.importers.readers import readers

        return {s for r in readers() if r.table for s in r.suffixes}
    raise AttributeError(name)


def read_source(path: str | Path, *, layer: str | None = None, x: str | None = None,
                y: str | None = None, src_crs: str | None = None, encoding: str | None = None,
                swap_xy: bool = False, report: ImportReport | None = None, areas_lonlat_bounds=None):
    """Read a file into a GeoDataFrame in its own CRS. Raises UserError on bad input."""
    from assetmap.importers.readers import ReadOptions, reader_for, supported_text
    from assetmap.project.store import normalise_crs

    path = Path(path)
    report = report or ImportReport(source=str(path))
    if not path.exists():
        raise UserError(f"{path} does not exist.", "Check the file name and folder.")
    if path.is_dir():
        raise UserError(f"{path} is a folder.", f"Choose a file inside it ({supported_text()}).")
    if src_crs is not None:
        src_crs = normalise_crs(src_crs)
    reader = reader_for(path)
    if reader is None:
        raise UserError(f"{path}: files ending in '{path.suffix or '(nothing)'}' can't be imported.",
                        f"Supported: {supported_text()}.")
    options = ReadOptions(layer=layer, x=x, y=y, src_crs=src_crs, encoding=encoding, swap_xy=swap_xy,
                          areas_lonlat_bounds=areas_lonlat_bounds)
    return reader.read(path, options, report), report


def areas_lonlat_bounds(project: "Project"):
    """Bounds of the project's areas in longitude/latitude, or None without areas."""
    from pyproj import Transformer

    bounds = None
    for info in project.layers_by_role(LayerRole.AREAS):
        b = project.layer_bounds(info.name)
        if b is None:
            continue
        bounds = b if bounds is None else (min(bounds[0], b[0]), min(bounds[1], b[1]),
                                           max(bounds[2], b[2]), max(bounds[3], b[3]))
    if bounds is None:
        return None
    tr = Transformer.from_crs(project.crs, "EPSG:4326", always_xy=True)
    return tr.transform_bounds(*bounds)


def import_file(project: "Project", path: str | Path, role: LayerRole | str, *, name: str | None = None,
                layer: str | None = None, x: str | None = None, y: str | None = None,
                src_crs: str | None = None, encoding: str | None = None, swap_xy: bool = False,
                id_field: str | None = None, name_field: str | None = None, replace: bool = False,
                allow_case_records: bool = False, sensitivity: str | None = None,
                ctx: TaskContext | None = None) -> ImportReport:
    """Import one file as a new layer. The project is unchanged unless it all succeeds."""
    from assetmap.importers.geometry_checks import clean_geometries, report_far_outside, reproject
    from assetmap.importers.fields import detect_area_fields
    from assetmap.importers.readers import reader_for

    ctx = ensure(ctx)
    path = Path(path)
    role = LayerRole.parse(role) if isinstance(role, str) else role
    if role == LayerRole.AGGREGATE:
        raise UserError("Report records are not imported as a plain layer: they must be aggregated.",
                        "Use `assetmap reports` (or Import > Sensitive reports in the app).")
    table = validate_layer_name(name) if name else slugify_layer_name(
        path.stem if path.suffix.lower() != ".zip" or not layer else layer)
    if name is None and layer:
        table = slugify_layer_name(layer)
    if project.has_layer(table) and not replace:
        raise UserError(f"{project.path} already has a layer named '{table}'.",
                        "Give the new layer another name with --name, or remove the old one first.")
    report = ImportReport(source=str(path), layer=table, role=role.value)
    reader = reader_for(path)
    if reader is not None and reader.stream is not None and path.is_file():
        taken = {i.display_name.casefold() for i in project.layers() if i.name != table}
        info = LayerInfo(name=table, role=role,
                         display_name=unique_display_name(_display_name(path, layer, name), taken),
                         source=str(path.resolve()), extra={"import_report": None})
        if sensitivity:
            from assetmap.layers.sensitivity import parse

            info.sensitivity = parse(sensitivity)
        return reader.stream(project, path, role, info, report, x=x, y=y, src_crs=src_crs, encoding=encoding,
                             swap_xy=swap_xy, replace=replace, allow_case_records=allow_case_records, ctx=ctx)
    ctx.progress(0.05, f"Reading {path.name}")
    areas_ll = areas_lonlat_bounds(project)
    gdf, report = read_source(path, layer=layer, x=x, y=y, src_crs=src_crs, encoding=encoding,
                              swap_xy=swap_xy, report=report, areas_lonlat_bounds=areas_ll)
    check_geographic_range(gdf, str(path), crs_given=src_crs is not None, areas_lonlat_bounds=areas_ll)
    ctx.progress(0.4, "Checking geometries")
    gdf = clean_geometries(gdf, report)
    if len(gdf) == 0:
        raise UserError(f"{path}: none of its {report.read} rows has a usable location.",
                        "; ".join(report.lines()[1:]) or "Check the coordinate columns.")
    _check_role_geometry(gdf, role, path)
    _check_one_geometry_kind(gdf, path)
    gdf = _rename_fid_columns(gdf, report)
    from assetmap.importers.case_records import check_case_columns, find_case_columns

    case_columns = find_case_columns(gdf) if role != LayerRole.AREAS else {}
    if case_columns and not allow_case_records:
        check_case_columns(gdf, path, role.value)
    if role != LayerRole.AREAS:
        report_far_outside(gdf, areas_lonlat_bounds(project), report)
    ctx.progress(0.55, "Reprojecting")
    gdf = reproject(gdf, project.crs, report)
    extra: dict = {"import_report": None}
    if role == LayerRole.AREAS:
        extra.update(detect_area_fields(gdf, id_field=id_field, name_field=name_field, report=report))
    report.imported = len(gdf)
    extra["import_report"] = report.to_dict()
    if case_columns:  # the user said these are not case records (or took the responsibility): keep it known
        from assetmap.project.store import utc_now

        extra["case_records_acknowledged"] = {"columns": case_columns, "at": utc_now()}
    taken = {i.display_name.casefold() for i in project.layers() if i.name != table}
    info = LayerInfo(name=table, role=role, display_name=unique_display_name(_display_name(path, layer, name), taken),
                     source=str(path.resolve()), extra=extra)
    if sensitivity:
        from assetmap.layers.sensitivity import parse

        info.sensitivity = parse(sensitivity)
    ctx.progress(0.7, "Writing to the project")
    with project.edit() as tx:
        tx.write_layer(gdf, info, replace=replace)
        ctx.check()  # Cancel here still leaves the project untouched
    ctx.progress(1.0, "Done")
    return report


def _display_name(path: Path, layer: str | None, name: str | None = None) -> str:
    # The name the user gave (--name neighborhoods) reads better in a legend than a file's
    # stem such as "BND_Nhd88_cw".
    if name:
        text = name.replace("_", " ").strip()
        return text[:1].upper() + text[1:] if text else path.name
    base = layer if layer else path.stem
    return base.replace("_", " ").strip() or path.name


def unique_display_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``…: two layers must not look the same in the panel."""
    candidate, n = name, 2
    while candidate.casefold() in taken:
        candidate = f"{name} ({n})"
        n += 1
    return candidate


def _check_role_geometry(gdf: "gpd.GeoDataFrame", role: LayerRole, path: Path) -> None:
    types = set(gdf.geometry.geom_type.unique())
    if role in (LayerRole.AREAS, LayerRole.TERRITORIES) and not types <= {"Polygon", "MultiPolygon"}:
        raise UserError(f"{path}: '{role.value}' layers must be polygons, but it holds {', '.join(sorted(types))}.",
                        "Import it with another role (for example --role other).")


_KINDS = {"Point": "points", "MultiPoint": "points", "LineString": "lines", "MultiLineString": "lines",
          "LinearRing": "lines", "Polygon": "polygons", "MultiPolygon": "polygons"}


def _check_one_geometry_kind(gdf: "gpd.GeoDataFrame", path: Path) -> None:
    """A layer holds one kind of geometry; a mix would silently become a GeometryCollection
    layer that styles, exports and QGIS handle badly."""
    counts = gdf.geometry.geom_type.map(lambda t: _KINDS.get(t, "geometry collections")).value_counts()
    if len(counts) > 1 or "geometry collections" in counts.index:
        mix = ", ".join(f"{n:,} {kind}" for kind, n in counts.items())
        raise UserError(
            f"{path} mixes kinds of geometry ({mix}); a layer holds one kind.",
            "Save each kind as its own file and import them one by one (in QGIS: Vector › Data "
            "Management Tools › Split Vector Layer, or ogr2ogr -where \"OGR_GEOMETRY='POINT'\").")


def _rename_fid_columns(gdf: "gpd.GeoDataFrame", report: ImportReport) -> "gpd.GeoDataFrame":
    """The GeoPackage keeps its own feature id in 'fid'; a source column of that name (QGIS
    exports write one) is kept under another name rather than clash with it."""
    taken = {str(c).lower() for c in gdf.columns}
    renames = {}
    for col in gdf.columns:
        if str(col).lower() == "fid" and col != gdf.geometry.name:
            new, n = "source_fid", 1
            while new in taken:
                n += 1
                new = f"source_fid_{n}"
            taken.add(new)
            renames[col] = new
            report.notes.append(f"The file's '{col}' column is kept as '{new}' "
                                "('fid' is the GeoPackage's own feature id).")
    return gdf.rename(columns=renames) if renames else gdf
