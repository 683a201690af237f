"""The one list of file formats assetmap imports (compare glue's ``data_factory``).

A reader registers itself with its suffixes, a label, whether it is a table that needs
coordinate columns, and a read function. Everything that names formats derives from this
registry: ``read_source`` and ``import_file`` choose the reader here, the import and
boundary file dialogs' filters, the welcome page's text, the CLI's help and the "Supported:"
hints of error messages. Adding a format is one ``register(Reader(...))`` (see
CONTRIBUTING.md, "Add a file format").

The read functions import their libraries inside, so this module stays cheap at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from assetmap.importers.report import ImportReport


@dataclass(frozen=True)
class ReadOptions:
    """What the user said about the file (CLI flags / dialog choices)."""
    layer: str | None = None
    x: str | None = None
    y: str | None = None
    src_crs: str | None = None          # already normalised
    encoding: str | None = None
    swap_xy: bool = False
    areas_lonlat_bounds: tuple | None = None   # for a CRS suggestion when the file has none


# read(path, options, report) -> GeoDataFrame in the file's own CRS; bad input raises UserError.
ReadFunction = Callable[[Path, ReadOptions, "ImportReport"], "gpd.GeoDataFrame"]


@dataclass(frozen=True)
class Reader:
    key: str                        # unique, e.g. "geojson"
    label: str                      # what users read in lists, e.g. "GeoJSON"
    suffixes: tuple[str, ...]       # lower case with the dot: (".geojson", ".json")
    read: ReadFunction
    table: bool = False             # rows with coordinate columns (--x/--y apply)
    boundaries: bool = False        # may hold neighbourhood boundaries (welcome page's file filter)
    listed: bool = True             # named in labels and file-dialog filters (False: accepted quietly)
    # Optional whole-import path for formats that must not be loaded at once (CSV streams in
    # chunks): stream(project, path, role, info, report, **flags) -> ImportReport.
    stream: Optional[Callable] = None


_READERS: dict[str, Reader] = {}


def register(reader: Reader) -> Reader:
    """Add (or replace, by key) a reader. Its suffixes must not be claimed by another reader."""
    suffixes = tuple(s.lower() if s.startswith(".") else "." + s.lower() for s in reader.suffixes)
    if not suffixes:
        raise ValueError(f"reader {reader.key!r} has no suffixes")
    for other in _READERS.values():
        if other.key != reader.key and set(suffixes) & set(other.suffixes):
            raise ValueError(f"reader {reader.key!r}: {sorted(set(suffixes) & set(other.suffixes))} "
                             f"already belong to {other.key!r}")
    if suffixes != reader.suffixes:
        from dataclasses import replace

        reader = replace(reader, suffixes=suffixes)
    _READERS[reader.key] = reader
    return reader


def unregister(key: str) -> None:
    _READERS.pop(key, None)


def readers() -> list[Reader]:
    """In registration order (the built-in formats first)."""
    return list(_READERS.values())


def reader_for(path: str | Path) -> Reader | None:
    suffix = Path(path).suffix.lower()
    for r in _READERS.values():
        if suffix in r.suffixes:
            return r
    return None


def supported_text() -> str:
    """'GeoJSON, Shapefile (.shp or zipped), …, CSV' for hints and help."""
    return ", ".join(r.label for r in _READERS.values() if r.listed)


def patterns(*, boundaries: bool = False) -> str:
    """'*.geojson *.json …' for a file dialog's filter (only boundary formats if asked)."""
    return " ".join(f"*{s}" for r in _READERS.values() if r.listed and (r.boundaries or not boundaries)
                    for s in r.suffixes)


def boundary_labels() -> str:
    """Short names of the formats boundaries come in, for the welcome page."""
    return ", ".join(r.label.split(" (")[0] for r in _READERS.values() if r.listed and r.boundaries)


# ------------------------------------------------------------------ the built-in formats
def _read_vector(path: Path, o: ReadOptions, report: "ImportReport"):
    from assetmap.errors import UserError
    from assetmap.importers.vector import read_vector

    if o.x or o.y:
        raise UserError("--x/--y are for CSV files.", f"{path.name} already has geometries.")
    return read_vector(path, layer=o.layer, src_crs=o.src_crs, encoding=o.encoding, report=report,
                       areas_lonlat_bounds=o.areas_lonlat_bounds)


def _read_csv(path: Path, o: ReadOptions, report: "ImportReport"):
    from assetmap.importers.csv_points import read_csv_points

    return read_csv_points(path, x_col=o.x, y_col=o.y, src_crs=o.src_crs, encoding=o.encoding,
                           swap_xy=o.swap_xy, report=report)


def _stream_csv(*args, **kwargs):
    from assetmap.importers.csv_stream import import_csv

    return import_csv(*args, **kwargs)


for _r in (
    Reader("geojson", "GeoJSON", (".geojson", ".json"), _read_vector, boundaries=True),
    Reader("shapefile", "Shapefile (.shp or zipped)", (".shp", ".zip"), _read_vector, boundaries=True),
    Reader("gpkg", "GeoPackage", (".gpkg",), _read_vector, boundaries=True),
    Reader("fgb", "FlatGeobuf", (".fgb",), _read_vector, boundaries=True),
    Reader("kml", "KML", (".kml",), _read_vector, boundaries=True),
    # GDAL reads these too; accepted as before but not advertised.
    Reader("gdal-other", "KMZ, GML, SpatiaLite", (".kmz", ".gml", ".sqlite"), _read_vector, listed=False),
    Reader("csv", "CSV", (".csv", ".txt", ".tsv"), _read_csv, table=True, stream=_stream_csv),
):
    register(_r)
del _r
