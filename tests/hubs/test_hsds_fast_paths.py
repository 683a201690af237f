"""The fast paths of an HSDS import give exactly what the plain ones give: pyarrow's read of the
package's CSVs against pandas', the column-at-a-time coordinate parse against
``parse_coordinate``, the per-text taxonomy matcher against ``taxonomy.match``, and the hubs layer
handed to GDAL as one Arrow table against the column-by-column write."""

from __future__ import annotations

import math
import sqlite3

import numpy as np
import pandas as pd
import pytest

from assetmap.hubs import directory, schema, taxonomy
from assetmap.hubs.hsds_import import _read_arrow, _read_tables, import_hsds, read_package

# (file bytes, whether pyarrow may read it: None = either answer is fine, pandas must agree)
CSVS = [
    b"\xef\xbb\xbfid,name\r\n1,a\r\n",                      # byte-order mark, CRLF
    b'id,name\n1,"a\nb"\n',                                 # newline inside quotes
    b'id,name\n1,"ab"c\n',                                  # text after a closing quote
    b"id,name\n\n1,  \n\n",                                 # blank lines, blanks kept
    b"id,name\n1,NA\n2,\n3,null\n4,nan\n",                  # no value is taken for missing
    b'id,name\n1,"a ""q"" b"\n',                            # doubled quotes
    b"id,name\n 1 , x \n",                                  # spaces kept
    b"id,name\r1,a\r2,b\r",                                 # old Mac line ends
    b'id,name\n1,a\\"b\n',                                  # a backslash is just a character
    b"id,name\n1,\xc3\xa9\xe2\x82\xac\n",                   # UTF-8
    b"id,name\n",                                           # header only
    b"id,name\n1,a,extra\n",                                # a ragged row: pandas decides
    b"id,name\n1\n",                                        # a short row: pandas decides
    b"id,id\n1,2\n",                                        # a repeated name: pandas renames
    b"id,\n1,2\n",                                          # an empty name: pandas names it
    b"id\n  \n1\n",                                         # one column: pandas skips the blank line
    b"id,name\n1,\xff\n",                                   # not UTF-8: pandas' message
    b"",                                                    # empty: pandas' message
]


def _plain(data: bytes) -> pd.DataFrame:
    import io

    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")


@pytest.mark.parametrize("data", CSVS)
def test_pyarrow_reads_what_pandas_reads(data):
    fast = _read_arrow(data)
    if fast is None:
        return  # pandas reads it (or gives its message): the plain path itself
    plain = _plain(data)
    assert list(fast) == list(plain.columns)
    for c in plain.columns:
        assert fast[c] == plain[c].tolist(), c
        assert all(type(v) is str for v in fast[c])


def test_pyarrow_refuses_what_pandas_must_decide():
    for data in (b"id,name\n1,a,extra\n", b"id,name\n1\n", b"id,id\n1,2\n", b"id,\n1,2\n",
                 b"id\n  \n1\n", b"id,name\n1,\xff\n", b""):
        assert _read_arrow(data) is None, data


def test_package_read_both_ways_is_the_same(hsds_copy):
    (hsds_copy / "phones.csv").write_bytes((hsds_copy / "phones.csv").read_bytes() + b"\n")
    fast, other_f, notes_f = _read_tables(hsds_copy)
    plain, other_p, notes_p = _read_tables(hsds_copy, fast=False)
    assert (other_f, notes_f) == (other_p, notes_p)
    assert list(fast) == list(plain)
    for t in plain:
        assert list(fast[t]) == list(plain[t]), t
        for c in plain[t]:
            assert fast[t][c] == plain[t][c], (t, c)


def test_read_package_gives_normal_tables(hsds_dir):
    d, _ = read_package(hsds_dir, unplaced=True)
    for t in schema.TABLES:
        assert directory._is_normal(d[t], schema.stored_columns(t)), t
        # every frame owns writable arrays: directories are edited in place
        d[t].loc[:, "id"] = d[t]["id"]
    assert d.normalised()["services"]["category"].tolist() == d["services"]["category"].tolist()


COORDS = ["38.6", " -90.25 ", "1_000", "nan", "inf", "-inf", "1e500", "", " ", "abc", "0x10", "90",
          "90.0000001", "-180", "１２", "٣.٥", "+.5", "5.", "-0.0"]


@pytest.mark.parametrize("low,high", [(-90, 90), (-180, 180)])
def test_parse_coordinates_is_parse_coordinate(low, high):
    def plain(texts):
        return [parse if (parse := directory.parse_coordinate(t, low, high)) is not None else None for t in texts]

    numbers = [t for t in COORDS if directory.parse_coordinate(t, -1e9, 1e9) is not None or "nan" in t
               or "inf" in t]
    for texts in (COORDS, numbers, [], ["1", "2"], np.array(["3", "x"], dtype=object)):
        got = directory.parse_coordinates(texts, low, high)
        want = plain(texts)
        assert len(got) == len(want)
        for g, w in zip(got, want):
            assert (math.isnan(g) and w is None) or (g == w and math.copysign(1, g) == math.copysign(1, w))


def test_matcher_is_match():
    cats = taxonomy.categories()
    cats["zz"] = {"code": "zz", "label": "Food", "description": ""}   # a label another code has
    cats["Odd Code"] = {"code": "Odd Code", "label": "odd code", "description": ""}
    find = taxonomy.matcher(cats)
    texts = ["", "food", "Food", " FOOD ", "food pantry", "parenting", "Parenting skills", "zz", "Odd Code",
             "odd code", "odd_code", "nothing"] + [row["label"] for row in cats.values()] + list(cats)
    for text in texts + texts:   # asked twice: the cached answer is the same
        assert find(text) == taxonomy.match(text, cats), text


def test_arrow_write_of_the_hubs_layer_is_the_plain_write(project, hsds_copy, tmp_path):
    from assetmap.layers import LayerInfo, LayerRole
    from assetmap.project import Project

    import_hsds(project, hsds_copy, unplaced=True)
    d = directory.load(project)
    d.add_hub("Ñandú café", -90.25, 38.6, services=[directory.ServiceSpec("Meals", "food")])
    d.add_hub("No place", None, None)
    gdf = directory.hubs_frame(d.normalised(), project.crs)
    layers = {}
    for arrow in (False, True):
        p = Project.create(tmp_path / f"arrow_{arrow}.gpkg")
        with p.edit() as tx:
            tx.write_layer(gdf, LayerInfo(name="hubs", role=LayerRole.HUBS, display_name="Resource hubs"),
                           arrow=arrow)
        layers[arrow] = p.read_layer("hubs")
        with sqlite3.connect(p.path) as con:
            layers[arrow, "ddl"] = con.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE tbl_name LIKE '%hubs%' ORDER BY name").fetchall()
            layers[arrow, "geometry"] = con.execute(
                "SELECT geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns").fetchall()
            layers[arrow, "blobs"] = con.execute('SELECT fid, geom FROM "hubs" ORDER BY fid').fetchall()
            layers[arrow, "extent"] = con.execute(
                "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name='hubs'").fetchall()
    pd.testing.assert_frame_equal(layers[True], layers[False])
    for key in ("ddl", "geometry", "blobs", "extent"):
        assert layers[True, key] == layers[False, key], key


def test_stage_skips_fsync_on_this_thread_only_while_gdal_writes_it():
    import ctypes
    import threading

    from assetmap.project.edit import _gdal_thread_option, _stage_unsynced

    if _gdal_thread_option() is None:
        pytest.skip("pyogrio without its own GDAL library: GDAL syncs the stage as before")
    import glob
    import os

    import pyogrio

    gdal = ctypes.CDLL(sorted(glob.glob(os.path.join(os.path.dirname(pyogrio.__file__) + ".libs", "libgdal*")))[0])
    get = gdal.CPLGetConfigOption
    get.argtypes, get.restype = [ctypes.c_char_p, ctypes.c_char_p], ctypes.c_char_p

    def value():
        return get(b"OGR_SQLITE_SYNCHRONOUS", None)

    other = []
    with _stage_unsynced():
        assert value() == b"OFF"
        t = threading.Thread(target=lambda: other.append(value()))
        t.start()
        t.join()
    assert other == [None]        # another thread's GDAL writes keep syncing
    assert value() is None        # and so does this one's, afterwards
