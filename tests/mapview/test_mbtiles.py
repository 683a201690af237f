"""The MBTiles reader behind the offline basemap: metadata, the TMS row flip, and clear
refusals of files it can't draw."""

from __future__ import annotations

import sqlite3

import pytest

from assetmap.errors import UserError
from assetmap.mapview.mbtiles import MBTiles, create, parse_tile_path
from tests.mapview.mbtiles_fixture import STL_BOUNDS, make_stl_mbtiles, png_tile, tile_range


@pytest.fixture()
def stl_tiles(tmp_path):
    return make_stl_mbtiles(tmp_path / "stl.mbtiles")


def test_metadata(stl_tiles):
    with MBTiles(stl_tiles) as mb:
        info = mb.info
        assert (info.format, info.mime, info.minzoom, info.maxzoom) == ("png", "image/png", 9, 12)
        assert info.bounds == pytest.approx(STL_BOUNDS)
        assert info.name == "St. Louis test tiles" and info.attribution.startswith("Test tiles")


def test_tile_uses_the_tms_row_flip(stl_tiles):
    xs, ys = tile_range(STL_BOUNDS, 12)
    x, y = xs[0], ys[0]
    with MBTiles(stl_tiles) as mb:
        assert mb.tile(12, x, y) == png_tile(12, x, y)
        assert mb.tile(12, x, y).startswith(b"\x89PNG")
    # stored in TMS order: row 0 is the south
    con = sqlite3.connect(stl_tiles)
    rows = {r[0] for r in con.execute("SELECT tile_row FROM tiles WHERE zoom_level=12")}
    con.close()
    assert 2 ** 12 - 1 - y in rows and y not in rows


def test_missing_tile_is_none_not_an_error(stl_tiles):
    with MBTiles(stl_tiles) as mb:
        assert mb.tile(3, 0, 0) is None
        assert mb.tile(12, 2 ** 12, 0) is None  # outside the world
        assert mb.tile(-1, 0, 0) is None


def test_opened_read_only(stl_tiles):
    before = stl_tiles.read_bytes()
    mb = MBTiles(stl_tiles)
    with pytest.raises(sqlite3.OperationalError):
        mb._con.execute("DELETE FROM tiles")
    mb.close()
    assert stl_tiles.read_bytes() == before


def test_vector_tiles_refused(tmp_path):
    path = create(tmp_path / "vector.mbtiles", {(0, 0, 0): b"\x1f\x8b\x08\x00"}, fmt="pbf")
    with pytest.raises(UserError, match="vector tiles") as e:
        MBTiles(path)
    assert "raster" in e.value.hint


def test_format_sniffed_when_metadata_leaves_it_out(tmp_path):
    path = create(tmp_path / "nofmt.mbtiles", {(1, 0, 1): png_tile(1, 0, 1)}, fmt="")
    with MBTiles(path) as mb:
        assert mb.info.format == "png" and mb.info.minzoom == mb.info.maxzoom == 1
        assert mb.tile(1, 0, 1) == png_tile(1, 0, 1)
    gz = create(tmp_path / "gz.mbtiles", {(0, 0, 0): b"\x1f\x8b\x08\x00rest"}, fmt="")
    with pytest.raises(UserError, match="vector"):
        MBTiles(gz)


@pytest.mark.parametrize("content", [b"", b"this is not sqlite at all" * 100])
def test_not_an_mbtiles_file(tmp_path, content):
    path = tmp_path / "bad.mbtiles"
    path.write_bytes(content)
    with pytest.raises(UserError, match="not a usable MBTiles") as e:
        MBTiles(path)
    assert e.value.hint


def test_missing_file_and_empty_package(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        MBTiles(tmp_path / "nope.mbtiles")
    with pytest.raises(UserError, match="no tiles"):
        MBTiles(create(tmp_path / "empty.mbtiles", {}))


def test_parse_tile_path():
    assert parse_tile_path("/12/1020/1568.png") == (12, 1020, 1568)
    assert parse_tile_path("/12/1020/1568.jpg") == (12, 1020, 1568)
    assert parse_tile_path("/12/x/1.png") is None
    assert parse_tile_path("/1/2") is None
