"""Read an MBTiles file (a SQLite tile package) for the offline basemap.

Only raster tiles (PNG, JPEG, WebP) can be drawn under the layers; vector (pbf) packages are
refused with a UserError. The file is opened read-only and never changed. MBTiles stores rows
in TMS order (row 0 at the south), Leaflet asks in XYZ order (y 0 at the north): ``tile()``
flips the row. See https://github.com/mapbox/mbtiles-spec (1.3)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from assetmap.errors import UserError

RASTER_FORMATS = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"}
VECTOR_FORMATS = {"pbf", "mvt"}
# First bytes of a tile, for files whose metadata leaves out the format.
_MAGIC = ((b"\x89PNG", "png"), (b"\xff\xd8\xff", "jpg"), (b"RIFF", "webp"), (b"\x1f\x8b", "pbf"))


@dataclass(frozen=True)
class TilesetInfo:
    name: str
    format: str                      # png, jpg or webp
    minzoom: int
    maxzoom: int
    bounds: tuple[float, float, float, float] | None  # west, south, east, north (WGS 84)
    attribution: str

    @property
    def mime(self) -> str:
        return RASTER_FORMATS[self.format]


def _bad(path: Path, why: str) -> UserError:
    return UserError(f"{path.name} is not a usable MBTiles file: {why}.",
                     "Choose a raster MBTiles file (.mbtiles with PNG or JPEG tiles), "
                     "e.g. one exported from QGIS, TileMill or MOBAC.")


class MBTiles:
    """An open MBTiles file; ``tile(z, x, y)`` returns the tile's bytes or None."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if not self.path.is_file():
            raise UserError(f"The basemap file {self.path} does not exist.",
                            "Choose an .mbtiles file on this computer in Edit › Settings.")
        try:
            # Read-only: a basemap package may sit on a shared or write-protected drive.
            self._con = sqlite3.connect(f"file:{quote(str(self.path.resolve()))}?mode=ro", uri=True,
                                        check_same_thread=False)
            names = {r[0] for r in self._con.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")}
        except sqlite3.DatabaseError as exc:
            raise _bad(self.path, f"it is not a SQLite database ({exc})") from None
        if not {"tiles", "metadata"} <= names:
            self._con.close()
            raise _bad(self.path, "it has no 'tiles' and 'metadata' tables")
        try:
            self.info = self._read_info()
        except BaseException:
            self._con.close()
            raise

    def _read_info(self) -> TilesetInfo:
        meta = {str(k): str(v) for k, v in self._con.execute("SELECT name, value FROM metadata")
                if k is not None and v is not None}
        fmt = meta.get("format", "").strip().lower()
        if not fmt:
            row = self._con.execute("SELECT tile_data FROM tiles LIMIT 1").fetchone()
            head = bytes(row[0][:4]) if row and row[0] else b""
            fmt = next((f for magic, f in _MAGIC if head.startswith(magic)), "")
        if fmt in VECTOR_FORMATS:
            raise UserError(f"{self.path.name} holds vector tiles (pbf), which assetmap can't draw.",
                            "Use a raster MBTiles file (PNG or JPEG tiles), or render the vector tiles "
                            "to raster first (e.g. with QGIS › Generate XYZ tiles (MBTiles)).")
        if fmt not in RASTER_FORMATS:
            raise _bad(self.path, f"unknown tile format '{fmt or 'none'}'")
        fmt = "jpg" if fmt == "jpeg" else fmt
        lo, hi = self._con.execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
        if lo is None:
            raise _bad(self.path, "it holds no tiles")
        minzoom, maxzoom = _int(meta.get("minzoom"), lo), _int(meta.get("maxzoom"), hi)
        return TilesetInfo(name=meta.get("name") or self.path.stem, format=fmt, minzoom=minzoom,
                           maxzoom=max(minzoom, maxzoom), bounds=_bounds(meta.get("bounds")),
                           attribution=meta.get("attribution", ""))

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile at XYZ ``z/x/y`` (Leaflet's numbering), or None if the file has none there."""
        if z < 0 or not (0 <= x < 2 ** z and 0 <= y < 2 ** z):
            return None
        row = self._con.execute("SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                                (z, x, 2 ** z - 1 - y)).fetchone()
        return bytes(row[0]) if row and row[0] else None

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> "MBTiles":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _int(text: str | None, default: int) -> int:
    try:
        return int(float(text)) if text not in (None, "") else int(default)
    except ValueError:
        return int(default)


def _bounds(text: str | None) -> tuple[float, float, float, float] | None:
    try:
        w, s, e, n = (float(v) for v in (text or "").split(","))
    except ValueError:
        return None
    if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):
        return None
    return (w, s, e, n)


def parse_tile_path(path: str) -> tuple[int, int, int] | None:
    """``/z/x/y.ext`` (the path of an ``mbtiles://tiles/...`` request) → (z, x, y), or None."""
    parts = path.strip("/").split("/")
    if len(parts) != 3:
        return None
    try:
        return int(parts[0]), int(parts[1]), int(parts[2].split(".", 1)[0])
    except ValueError:
        return None


def create(path: str | Path, tiles: dict[tuple[int, int, int], bytes], fmt: str = "png",
           name: str = "", bounds: tuple[float, float, float, float] | None = None, attribution: str = "") -> Path:
    """Write a small MBTiles file from XYZ-numbered tiles (tests, and packages made by scripts)."""
    path = Path(path)
    con = sqlite3.connect(path)
    try:
        with con:
            con.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
            con.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
                        "tile_data BLOB)")
            con.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)")
            zooms = [z for z, _, _ in tiles] or [0]
            meta = {"name": name or path.stem, "format": fmt, "type": "baselayer", "version": "1.0",
                    "minzoom": str(min(zooms)), "maxzoom": str(max(zooms)), "attribution": attribution}
            if bounds:
                meta["bounds"] = ",".join(f"{v:g}" for v in bounds)
            con.executemany("INSERT INTO metadata VALUES (?, ?)", meta.items())
            con.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                            [(z, x, 2 ** z - 1 - y, sqlite3.Binary(data)) for (z, x, y), data in tiles.items()])
    finally:
        con.close()
    return path
