"""A small real MBTiles file for tests: PNG tiles drawn with PIL over St. Louis (the shared data's
extent), written with the standard schema by ``assetmap.mapview.mbtiles.create``."""

from __future__ import annotations

import io
import math
from pathlib import Path

STL_BOUNDS = (-90.33, 38.53, -90.16, 38.78)  # west, south, east, north


def tile_range(bounds, z: int) -> tuple[range, range]:
    w, s, e, n = bounds

    def xy(lon, lat):
        x = (lon + 180) / 360 * 2 ** z
        y = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * 2 ** z
        return int(x), int(y)

    x0, y0 = xy(w, n)
    x1, y1 = xy(e, s)
    return range(x0, x1 + 1), range(y0, y1 + 1)


def png_tile(z: int, x: int, y: int) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (256, 256), (236, 232, 218))
    d = ImageDraw.Draw(img)
    for i in range(0, 256, 32):  # a street-like grid, so a screenshot shows the basemap
        d.line([(i, 0), (i, 255)], fill=(200, 196, 184), width=1)
        d.line([(0, i), (255, i)], fill=(200, 196, 184), width=1)
    d.rectangle([0, 0, 255, 255], outline=(150, 150, 150))
    d.text((8, 8), f"{z}/{x}/{y}", fill=(90, 90, 90))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def make_stl_mbtiles(path: Path, zooms=(9, 10, 11, 12), fmt: str = "png") -> Path:
    from assetmap.mapview.mbtiles import create

    tiles = {}
    for z in zooms:
        xs, ys = tile_range(STL_BOUNDS, z)
        for x in xs:
            for y in ys:
                tiles[(z, x, y)] = png_tile(z, x, y)
    return create(path, tiles, fmt=fmt, name="St. Louis test tiles", bounds=STL_BOUNDS,
                  attribution="Test tiles drawn by the test suite")
