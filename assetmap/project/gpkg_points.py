"""A point layer of text columns written by plain SQL inside the project's own transaction.

``ProjectEdit.write_layer`` has GDAL write a layer to a staging GeoPackage and copies it in: GDAL
cannot join our transaction. For a layer of points and text (the hubs layer) that round trip was
most of an HSDS import's write (GDAL's fixed cost per layer, the frame's conversion to Arrow, the
copy). Here the same table is made directly: the DDL, the point blobs, the R-tree (bulk-loaded
into its shadow tables, as GDAL itself loads one), GDAL's R-tree triggers and the registrations
in gpkg_contents, gpkg_geometry_columns and gpkg_extensions, as GDAL writes them
(tests/test_gpkg_points.py compares the two, and GDAL's validator checks the result).
"""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from assetmap.project.dialect import insert_rows

if TYPE_CHECKING:  # pragma: no cover
    import sqlite3

    import numpy as np

RTREE_EXTENSION = ("gpkg_rtree_index", "http://www.geopackage.org/spec120/#extension_rtree", "write-only")
_EXTENSIONS_DDL = ("CREATE TABLE gpkg_extensions (table_name TEXT,column_name TEXT,extension_name TEXT NOT NULL,"
                   "definition TEXT NOT NULL,scope TEXT NOT NULL,CONSTRAINT ge_tce UNIQUE (table_name, column_name, "
                   "extension_name))")
# GDAL's R-tree triggers (GeoPackage 1.4: update6/update7 in place of update1/update3), {t} the
# table, {g} the geometry column, {r} the R-tree.
_TRIGGERS = (
    'CREATE TRIGGER "{r}_insert" AFTER INSERT ON "{t}" WHEN (new."{g}" NOT NULL AND NOT ST_IsEmpty(NEW."{g}")) '
    'BEGIN INSERT OR REPLACE INTO "{r}" VALUES (NEW."fid",ST_MinX(NEW."{g}"), ST_MaxX(NEW."{g}"),'
    'ST_MinY(NEW."{g}"), ST_MaxY(NEW."{g}")); END',
    'CREATE TRIGGER "{r}_update6" AFTER UPDATE OF "{g}" ON "{t}" WHEN OLD."fid" = NEW."fid" AND '
    '(NEW."{g}" NOTNULL AND NOT ST_IsEmpty(NEW."{g}")) AND (OLD."{g}" NOTNULL AND NOT ST_IsEmpty(OLD."{g}")) '
    'BEGIN UPDATE "{r}" SET minx = ST_MinX(NEW."{g}"), maxx = ST_MaxX(NEW."{g}"),miny = ST_MinY(NEW."{g}"), '
    'maxy = ST_MaxY(NEW."{g}") WHERE id = NEW."fid";END',
    'CREATE TRIGGER "{r}_update7" AFTER UPDATE OF "{g}" ON "{t}" WHEN OLD."fid" = NEW."fid" AND '
    '(NEW."{g}" NOTNULL AND NOT ST_IsEmpty(NEW."{g}")) AND (OLD."{g}" ISNULL OR ST_IsEmpty(OLD."{g}")) '
    'BEGIN INSERT INTO "{r}" VALUES (NEW."fid",ST_MinX(NEW."{g}"), ST_MaxX(NEW."{g}"),ST_MinY(NEW."{g}"), '
    'ST_MaxY(NEW."{g}")); END',
    'CREATE TRIGGER "{r}_update2" AFTER UPDATE OF "{g}" ON "{t}" WHEN OLD."fid" = NEW."fid" AND '
    '(NEW."{g}" ISNULL OR ST_IsEmpty(NEW."{g}")) BEGIN DELETE FROM "{r}" WHERE id = OLD."fid"; END',
    'CREATE TRIGGER "{r}_update5" AFTER UPDATE ON "{t}" WHEN OLD."fid" != NEW."fid" AND '
    '(NEW."{g}" NOTNULL AND NOT ST_IsEmpty(NEW."{g}")) BEGIN DELETE FROM "{r}" WHERE id = OLD."fid"; '
    'INSERT OR REPLACE INTO "{r}" VALUES (NEW."fid",ST_MinX(NEW."{g}"), ST_MaxX(NEW."{g}"),'
    'ST_MinY(NEW."{g}"), ST_MaxY(NEW."{g}")); END',
    'CREATE TRIGGER "{r}_update4" AFTER UPDATE ON "{t}" WHEN OLD."fid" != NEW."fid" AND '
    '(NEW."{g}" ISNULL OR ST_IsEmpty(NEW."{g}")) BEGIN DELETE FROM "{r}" WHERE id IN (OLD."fid", NEW."fid"); END',
    'CREATE TRIGGER "{r}_delete" AFTER DELETE ON "{t}" WHEN old."{g}" NOT NULL '
    'BEGIN DELETE FROM "{r}" WHERE id = OLD."fid"; END',
)
GEOMETRY_COLUMN = "geom"   # GDAL's name for a GeoPackage's geometry column


def srs_id(con: "sqlite3.Connection", crs: str) -> int | None:
    """The srs_id the project already has for ``crs`` ('AUTH:CODE'), as GDAL looks it up; None
    when it has none (GDAL then adds the CRS's definition: ``write_layer`` does that)."""
    auth, _, code = crs.partition(":")
    if not code.isdigit():
        return None
    row = con.execute("SELECT srs_id FROM gpkg_spatial_ref_sys WHERE upper(organization) = upper(?) "
                      "AND organization_coordsys_id = ?", (auth, int(code))).fetchone()
    return None if row is None else int(row[0])


def plain_names(columns) -> bool:
    """Column names GDAL keeps as they are: no quote, none named like the fid or geometry column,
    no two alike but for case (SQLite's names ignore it)."""
    folded = [str(c).lower() for c in columns]
    return (len(set(folded)) == len(folded) and not {"fid", GEOMETRY_COLUMN} & set(folded)
            and not any('"' in c or not c for c in folded))


def point_blobs(x: "np.ndarray", y: "np.ndarray", srs: int) -> list:
    """GeoPackage blobs of 2D points (little-endian, no envelope: as GDAL and ``gpkg.point_blob``
    write them), None where x or y is NaN; made in one numpy pass."""
    import numpy as np

    n = len(x)
    rec = np.zeros(n, dtype=[("head", "S4"), ("srs", "<i4"), ("order", "u1"), ("kind", "<u4"),
                             ("x", "<f8"), ("y", "<f8")])
    rec["head"], rec["srs"], rec["order"], rec["kind"], rec["x"], rec["y"] = b"GP\x00\x01", srs, 1, 1, x, y
    blobs = rec.view(f"V{rec.dtype.itemsize}").tolist()   # raw records as bytes (NUL bytes kept)
    for i in np.flatnonzero(np.isnan(x) | np.isnan(y)).tolist():
        blobs[i] = None
    return blobs


def write_point_table(con: "sqlite3.Connection", table: str, description: str, columns: dict[str, list],
                      x: "np.ndarray", y: "np.ndarray", srs: int) -> None:
    """Create ``table``: fids 1..n, a POINT per row (None where x or y is NaN; x, y in the CRS of
    ``srs``) and ``columns`` as TEXT (values str or None). The table must not exist; runs inside
    the caller's transaction."""
    import numpy as np

    n = len(x)
    names = list(columns)
    g = GEOMETRY_COLUMN
    con.execute(f'CREATE TABLE "{table}" ( "fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "{g}" POINT'
                + "".join(f', "{c}" TEXT' for c in names) + ")")
    # A column of '' only (most HSDS columns of a package) is written as the literal '': the same
    # value, without binding it row by row.
    blank = {c for c in names if columns[c].count("") == n}
    insert_rows(con, f'INSERT INTO "{table}" ("fid", "{g}"' + "".join(f', "{c}"' for c in names) + ")",
                "(?, ?" + "".join(", ''" if c in blank else ", ?" for c in names) + ")",
                [range(1, n + 1), point_blobs(x, y, srs), *(columns[c] for c in names if c not in blank)])
    placed = np.flatnonzero(~(np.isnan(x) | np.isnan(y)))
    rtree = f"rtree_{table}_{g}"
    con.execute(f'CREATE VIRTUAL TABLE "{rtree}" USING rtree(id, minx, maxx, miny, maxy)')
    fill_rtree(con, rtree, placed + 1, x[placed], y[placed])
    for sql in _TRIGGERS:
        con.execute(sql.format(t=table, g=g, r=rtree))
    extent = (float(x[placed].min()), float(y[placed].min()), float(x[placed].max()), float(y[placed].max())) \
        if len(placed) else (None, None, None, None)
    con.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, "
                "min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, "
                "strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?, ?, ?, ?, ?)", (table, table, description, *extent, srs))
    con.execute("INSERT INTO gpkg_geometry_columns VALUES (?, ?, 'POINT', ?, 0, 0)", (table, g, srs))
    if con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='gpkg_extensions'").fetchone() is None:
        con.execute(_EXTENSIONS_DDL)
    con.execute("INSERT OR REPLACE INTO gpkg_extensions VALUES (?, ?, ?, ?, ?)", (table, g, *RTREE_EXTENSION))


# ---------------------------------------------------------------------------------------------
# R-tree bulk load. SQLite's R*-tree inserts one box at a time at about 7 µs each (14 ms for 2,000
# points, more than GDAL's whole write); packed by sort-tile-recursive into full nodes and written
# to the shadow tables (_node, _rowid, _parent) it takes under 2 ms, most of it the _rowid rows. The format is
# SQLite's (ext/rtree/rtree.c): a node is a blob of the table's node size, 2 bytes of tree depth
# (the root's; 0 elsewhere), 2 bytes of cell count, then cells of a big-endian int64 (row id or
# child node) and the box as 4 big-endian float32 rounded outwards. tests/test_gpkg_points.py
# compares it with the tree SQLite builds itself and checks it with SQLite's rtreecheck().

_DOWN, _UP = 1.0 - 1.0 / 8388608.0, 1.0 + 1.0 / 8388608.0   # rtree.c's RNDTOWARDS, RNDAWAY


def _round_down(d: "np.ndarray") -> "np.ndarray":
    """float32 not above ``d`` (rtree.c's rtreeValueDown; beyond float32's range, inf as C's cast)."""
    import numpy as np

    with np.errstate(over="ignore"):
        f = d.astype(np.float32)
        over = f > d
        f[over] = (d[over] * np.where(d[over] < 0, _UP, _DOWN)).astype(np.float32)
    return f


def _round_up(d: "np.ndarray") -> "np.ndarray":
    """float32 not below ``d`` (rtree.c's rtreeValueUp)."""
    import numpy as np

    with np.errstate(over="ignore"):
        f = d.astype(np.float32)
        under = f < d
        f[under] = (d[under] * np.where(d[under] < 0, _DOWN, _UP)).astype(np.float32)
    return f


def _str_groups(cx: "np.ndarray", cy: "np.ndarray", per_node: int) -> list:
    """Sort-tile-recursive packing: index arrays of at most ``per_node`` entries each, near
    entries together (slices by x, then runs by y within each slice)."""
    import math

    import numpy as np

    n = len(cx)
    slices = math.ceil(math.sqrt(math.ceil(n / per_node)))
    per_slice = slices * per_node
    order = np.argsort(cx, kind="stable")
    groups = []
    for s in range(0, n, per_slice):
        part = order[s:s + per_slice]
        part = part[np.argsort(cy[part], kind="stable")]
        groups += [part[k:k + per_node] for k in range(0, len(part), per_node)]
    return groups


def fill_rtree(con: "sqlite3.Connection", rtree: str, ids: "np.ndarray", x: "np.ndarray", y: "np.ndarray") -> None:
    """Bulk-load the just created, empty R-tree ``rtree`` with points (ids, x, y)."""
    import numpy as np

    if not len(ids):
        return
    size = con.execute(f'SELECT length(data) FROM "{rtree}_node" WHERE nodeno = 1').fetchone()[0]
    per_node = (size - 4) // 24
    cell = np.dtype([("id", ">i8"), ("box", ">f4", (4,))])
    # The level being packed: its entries' ids (row ids, then node numbers) and boxes (minx, maxx, miny, maxy).
    level_ids = np.asarray(ids, dtype=np.int64)
    boxes = np.column_stack([_round_down(x), _round_up(x), _round_down(y), _round_up(y)])
    nodes, rowids, parents = [], [], []     # (nodeno, blob) rows; [row ids, leaves]; (node, parent) rows
    depth, next_no = 0, 2
    while True:
        root = len(level_ids) <= per_node
        groups = [np.arange(len(level_ids))] if root else \
            _str_groups((boxes[:, 0] + boxes[:, 1]) / 2, (boxes[:, 2] + boxes[:, 3]) / 2, per_node)
        numbers = np.array([1]) if root else np.arange(next_no, next_no + len(groups))
        next_no += len(groups)
        # All nodes of the level at once: their cells in order, cut into blobs; each node's box
        # (the union of its cells) is what the level above packs.
        order = np.concatenate(groups)
        sizes = np.array([len(g) for g in groups])
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        cells = np.zeros(len(order), dtype=cell)
        cells["id"], cells["box"] = level_ids[order], boxes[order]
        raw, width = cells.tobytes(), cell.itemsize
        for no, start, count in zip(numbers.tolist(), starts.tolist(), sizes.tolist()):
            nodes.append((no, struct.pack(">HH", depth if root else 0, count)
                          + raw[start * width:(start + count) * width] + bytes(size - 4 - count * width)))
        ordered = boxes[order]
        up_boxes = np.column_stack([np.minimum.reduceat(ordered[:, 0], starts),
                                    np.maximum.reduceat(ordered[:, 1], starts),
                                    np.minimum.reduceat(ordered[:, 2], starts),
                                    np.maximum.reduceat(ordered[:, 3], starts)])
        # each entry's node: a leaf's row ids go to _rowid, an inner node's children to _parent
        owner = np.repeat(numbers, sizes)
        if depth == 0:
            rowids = [level_ids[order].tolist(), owner.tolist()]
        else:
            parents += np.column_stack([level_ids[order], owner]).tolist()
        if root:
            break
        level_ids, boxes, depth = numbers.astype(np.int64), up_boxes, depth + 1
    con.execute(f'DELETE FROM "{rtree}_node"')
    con.executemany(f'INSERT INTO "{rtree}_node" (nodeno, data) VALUES (?, ?)', nodes)
    insert_rows(con, f'INSERT INTO "{rtree}_rowid" (rowid, nodeno)', "(?, ?)", rowids)
    con.executemany(f'INSERT INTO "{rtree}_parent" (nodeno, parentnode) VALUES (?, ?)', parents)
