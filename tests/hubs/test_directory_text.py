"""The directory's tables are text: ``_as_text`` (Python for text columns) gives what pandas' own
conversion of the reindexed frame gives, for every kind of column; ``load`` reads the demo's
directory as that conversion of its stored tables."""

from __future__ import annotations

import numpy as np
import pandas as pd

from assetmap.hubs import directory, schema
from assetmap.hubs.directory import _as_text


def _pandas(df: pd.DataFrame, cols) -> pd.DataFrame:
    # the conversion as it was written before _as_text (an independent spelling of it)
    df = df.reindex(columns=list(cols)).reset_index(drop=True)
    return df.astype(object).where(df.notna(), "").astype(str).astype(object)


def test_as_text_is_pandas_conversion_for_every_kind_of_column():
    df = pd.DataFrame({"text": pd.array(["x", None, "z"], dtype="str"), "ints": [1, 2, 3],
                       "floats": [1.5, np.nan, 0.1 + 0.2], "bytes": [b"q", None, "w"],
                       "na": pd.array(["x", pd.NA, "y"], dtype="string[python]"), "bools": [True, False, None],
                       "blank": ["", "  ", "é"], "obj": ["a", None, float("nan")]}, index=[5, 7, 9])
    cols = ["blank", "missing", "text", "ints", "floats", "bytes", "na", "bools", "obj"]
    got = _as_text(df, cols)
    pd.testing.assert_frame_equal(got, _pandas(df, cols))
    assert all(type(v) is str for v in got.to_numpy().ravel())
    assert got["bytes"].tolist() == ["q", "", "w"] and got["missing"].tolist() == ["", "", ""]
    empty = pd.DataFrame({"x": pd.Series([], dtype="str")})
    pd.testing.assert_frame_equal(_as_text(empty, ["x", "y"]), _pandas(empty, ["x", "y"]))


def test_load_is_the_stored_tables_as_text():
    from assetmap.demo import bundled_mission_demo
    from assetmap.project import Project

    mission = Project.open(bundled_mission_demo())   # read only
    d = directory.load(mission)
    with mission.sql_read() as con:
        for t in schema.TABLES:
            if t == "locations" or not con.has_table(schema.table_name(t)):
                continue
            pd.testing.assert_frame_equal(d[t], _pandas(con.read_table(schema.table_name(t)),
                                                        schema.stored_columns(t)))
    gdf = mission.read_layer(schema.HUBS_LAYER)
    loc = _pandas(pd.DataFrame(gdf.drop(columns=gdf.geometry.name)), schema.stored_columns("locations"))
    pd.testing.assert_frame_equal(d["locations"].drop(columns=["latitude", "longitude"]),
                                  loc.drop(columns=["latitude", "longitude"]))
    assert len(d["locations"]) == 6 and (d["locations"]["latitude"] != "").all()
    assert all(directory._is_normal(d[t], schema.stored_columns(t)) for t in schema.TABLES)
