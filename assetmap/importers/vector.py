"""Vector files GDAL reads: GeoJSON, Shapefile (also zipped), GeoPackage, FlatGeobuf, KML."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.importers.report import ImportReport

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

_IN_ZIP = (".shp", ".gpkg", ".geojson", ".json", ".fgb", ".kml")


def gdal_path(path: Path) -> str:
    """The path GDAL should open; zipped data sets are read in place through /vsizip/."""
    if path.suffix.lower() != ".zip":
        return str(path)
    if not zipfile.is_zipfile(path):
        raise UserError(f"{path} is not a readable zip archive (it may be damaged or incomplete).",
                        "Download or copy it again, or unzip it and import the .shp inside.")
    from assetmap.importers.archive import check_members

    try:
        with zipfile.ZipFile(path) as zf:
            # Sizes first: testzip (and GDAL) would otherwise unpack a zip bomb in full.
            check_members(path, [i for i in zf.infolist() if not i.filename.startswith("__MACOSX")])
            bad = zf.testzip()
            members = [m for m in zf.namelist() if not m.startswith("__MACOSX")]
    except (zipfile.BadZipFile, OSError) as exc:
        raise UserError(f"{path} is a damaged zip archive ({exc}).",
                        "Download or copy it again, or unzip it and import the file inside.") from exc
    if bad is not None:
        raise UserError(f"{path} is damaged: '{bad}' inside it does not unpack.",
                        "Download or copy it again.")
    data = [m for m in members if m.lower().endswith(_IN_ZIP)]
    if not data:
        raise UserError(f"{path} holds no map data (no .shp, .gpkg, .geojson, .fgb or .kml inside).",
                        "Check that you chose the right zip file.")
    if len(data) > 1:
        raise UserError(f"{path} holds several data files: {', '.join(data)}.",
                        "Unzip it and import the one you want.")
    return f"/vsizip/{path}/{data[0]}"


def list_source_layers(path: Path) -> list[str]:
    import pyogrio

    try:
        return [str(name) for name, _ in pyogrio.list_layers(gdal_path(path))]
    except Exception as exc:  # pyogrio raises DataSourceError and friends
        raise _unreadable(path, exc) from exc


def _unreadable(path: Path, exc: Exception) -> UserError:
    return UserError(
        f"{path} could not be read as map data ({str(exc).strip().splitlines()[0]}).",
        "Supported: GeoJSON, Shapefile (.shp with its .dbf/.shx/.prj, or zipped), GeoPackage, "
        "FlatGeobuf, KML, and CSV with coordinate columns.",
    )


def read_vector(path: Path, *, layer: str | None = None, src_crs: str | None = None,
                encoding: str | None = None, report: ImportReport,
                areas_lonlat_bounds=None) -> "gpd.GeoDataFrame":
    import pyogrio

    if path.stat().st_size == 0:
        raise UserError(f"{path} is empty.", "Choose the file that holds the data, or export it again.")
    if path.suffix.lower() == ".shp":
        for needed in (".shx", ".dbf"):
            if not path.with_suffix(needed).exists() and not path.with_suffix(needed.upper()).exists():
                raise UserError(f"{path} is missing its companion file {path.with_suffix(needed).name}.",
                                "A shapefile is several files: copy the .shp, .shx, .dbf and .prj together "
                                "(or zip them and import the zip).")
    source = gdal_path(path)
    layers = list_source_layers(path)
    if not layers:
        raise UserError(f"{path} holds no layers.", "Check that you chose the right file.")
    if layer is None:
        if len(layers) > 1:
            raise UserError(f"{path} holds {len(layers)} layers: {', '.join(layers)}.",
                            "Choose one with --layer NAME.")
        layer = layers[0]
    elif layer not in layers:
        raise UserError(f"{path} has no layer '{layer}'.", f"Its layers: {', '.join(layers)}.")
    kwargs = {"encoding": encoding} if encoding else {}
    try:
        gdf = pyogrio.read_dataframe(source, layer=layer, **kwargs)
    except Exception as exc:
        raise _unreadable(path, exc) from exc
    report.read = len(gdf)
    if "geometry" not in gdf or not hasattr(gdf, "crs"):
        raise UserError(f"{path} (layer '{layer}') has no geometry column.",
                        "For a table with coordinate columns, save it as CSV and import that.")
    if src_crs is not None:
        if gdf.crs is not None:
            report.notes.append(f"The file says {gdf.crs.to_string()}; using {src_crs} as you asked.")
        gdf = gdf.set_crs(src_crs, allow_override=True)
    elif gdf.crs is None:
        hint = ("A shapefile keeps its coordinate system in a .prj file; copy it with the .shp, "
                if path.suffix.lower() in (".shp", ".zip") else "")
        raise UserError(
            f"{path} does not say which coordinate system its coordinates are in.",
            hint + "or name it with --src-crs, " + _crs_example(gdf, areas_lonlat_bounds),
        )
    return gdf


def _crs_example(gdf: "gpd.GeoDataFrame", areas_lonlat_bounds) -> str:
    """An example --src-crs that fits the numbers: lon/lat only when they can be degrees."""
    from assetmap.importers.crs_check import describe_numbers, suggest_crs

    if len(gdf) == 0 or gdf.geometry.isna().all():
        return "for example --src-crs EPSG:4326 (longitude/latitude)."
    minx, miny, maxx, maxy = (float(v) for v in gdf.total_bounds)
    if -180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90:
        return "for example --src-crs EPSG:4326 (longitude/latitude)."
    found = suggest_crs((minx, miny, maxx, maxy), areas_lonlat_bounds) if areas_lonlat_bounds else []
    if found:
        return (f"for example --src-crs {found[0][0]} ({found[0][1]}), which puts it on the project's areas. "
                + describe_numbers(minx, miny, maxx, maxy))
    return ("for example the State Plane zone of your city (--src-crs ESRI:102696 is Missouri East, US feet) "
            "or its UTM zone (--src-crs EPSG:26915 is UTM 15N). " + describe_numbers(minx, miny, maxx, maxy))
