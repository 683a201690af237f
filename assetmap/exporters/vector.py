"""Write one project layer to GeoPackage, GeoJSON, CSV, Shapefile or FlatGeobuf."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.privacy import SHARE, layer_features
from assetmap.tasks import TaskContext, ensure

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project

DRIVERS = {".gpkg": "GPKG", ".geojson": "GeoJSON", ".json": "GeoJSON", ".csv": "CSV",
           ".shp": "ESRI Shapefile", ".fgb": "FlatGeobuf"}


def export_layer(project: "Project", layer: str, out: str | Path, *, overwrite: bool = False,
                 ctx: TaskContext | None = None) -> int:
    """Export a layer; returns the number of features written."""
    import os

    import pyogrio

    ctx = ensure(ctx)
    out = Path(out)
    driver = DRIVERS.get(out.suffix.lower())
    if driver is None:
        raise UserError(f"Can't export to '{out.suffix or out.name}'.",
                        "Use one of: " + ", ".join(sorted(DRIVERS)) + ".")
    if out.exists() and not overwrite:
        raise UserError(f"{out} already exists.", "Choose another name, or pass --overwrite.")
    if not out.parent.exists() or not os.access(out.parent, os.W_OK):
        raise UserError(f"Can't write to the folder {out.parent}.", "Choose a folder you can write to.")
    ctx.progress(0.1, f"Reading {layer}")
    gdf = layer_features(project, layer, SHARE)  # refuses a confidential layer; drops confidential rows
    gdf = gdf.reset_index(drop=True)
    if driver in ("GeoJSON", "CSV"):
        gdf = gdf.to_crs("EPSG:4326")  # RFC 7946; and spreadsheets expect lon/lat
    kwargs = {}
    if driver == "CSV":
        if len(gdf) and (gdf.geometry.geom_type == "Point").all():
            gdf = gdf.assign(longitude=gdf.geometry.x.round(7), latitude=gdf.geometry.y.round(7))
            gdf = gdf.drop(columns=gdf.geometry.name)
            import pandas as pd

            ctx.progress(0.6, f"Writing {out.name}")
            tmp = out.with_name(out.name + ".part")
            pd.DataFrame(gdf).to_csv(tmp, index=False)
            os.replace(tmp, out)
            return len(gdf)
        kwargs["layer_options"] = {"GEOMETRY": "AS_WKT"}
    ctx.progress(0.6, f"Writing {out.name}")
    tmp = out.with_name(f".{out.stem}.part{out.suffix}")
    if out.exists():
        _remove_dataset(out)
    pyogrio.write_dataframe(gdf, tmp, layer=out.stem if driver != "CSV" else None, driver=driver, **kwargs)
    _move_dataset(tmp, out)
    return len(gdf)


def _siblings(path: Path) -> list[Path]:
    if path.suffix.lower() != ".shp":
        return [path]
    return [path.with_suffix(s) for s in (".shp", ".shx", ".dbf", ".prj", ".cpg") if path.with_suffix(s).exists()]


def _remove_dataset(path: Path) -> None:
    for p in _siblings(path):
        p.unlink()


def _move_dataset(tmp: Path, out: Path) -> None:
    import os

    for p in _siblings(tmp):
        os.replace(p, out.with_suffix(p.suffix))
