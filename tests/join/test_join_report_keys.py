"""The join report lists keys as people know them: a GeoJSON's whole-number ids (read as floats)
are 80, not 80.0."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely


def test_float_keys_are_listed_as_whole_numbers():
    from assetmap.join import plan_join

    layer = gpd.GeoDataFrame({"NHD_NUM": [1.0, 2.0, 80.0, 81.0]},
                             geometry=[shapely.Point(i, 0) for i in range(4)], crs="EPSG:4326")
    table = pd.DataFrame({"NHD_NUM": ["1", "2", "3", "3"], "pop": ["10", "20", "30", "31"]})
    report = plan_join(layer, table, "NHD_NUM", "NHD_NUM").report
    assert report.layer_unmatched == ["80", "81"]
    assert report.duplicate_table_keys == {"3": 2}
    text = "\n".join(report.lines())
    assert "80, 81" in text and "80.0" not in text
