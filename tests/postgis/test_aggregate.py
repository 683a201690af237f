"""Report aggregation in PostGIS: same suppressed counts as the GeoPackage path, and no raw row anywhere."""

from __future__ import annotations

import shutil

import psycopg
import pytest

from assetmap.postgis.aggregate import RAW, aggregate_reports_db
from assetmap.postgis.connect import schema_of
from assetmap.postgis.project import PostgisProject
from assetmap.postgis.publish import publish
from assetmap.project import Project
from assetmap.reports import aggregate_reports
from tests.postgis.conftest import STL

INCIDENTS = STL / "slmpd_part1_2017.csv"


def _frame(layer):
    cols = ["NHD_NUM", "period", "count", "suppressed"]
    df = layer[cols].copy()
    import pandas as pd

    rows = []
    for r in df.astype(object).itertuples(index=False):
        rows.append((int(r[0]), r[1], None if pd.isna(r[2]) else int(r[2]), bool(r[3])))
    return sorted(rows)


def test_counts_in_database_match_geopackage_path_and_leave_no_raw_rows(areas_gpkg, tmp_path, pg_url):
    gpkg = tmp_path / "a.gpkg"
    shutil.copyfile(areas_gpkg, gpkg)
    publish(gpkg, pg_url)
    pg = PostgisProject.open(pg_url)
    kw = dict(areas="neighborhoods", filter_col="description", filter_contains="DOMESTIC",
              date_col="date_occur", period="quarter", population_field="pop17")
    ours = aggregate_reports_db(pg, INCIDENTS, "dv", **kw)
    theirs = aggregate_reports(Project.open(gpkg), INCIDENTS, "dv", **kw)
    assert (ours.in_units, ours.outside, ours.no_coordinates, ours.suppressed_cells, ours.complementary) == (
        theirs.in_units, theirs.outside, theirs.no_coordinates, theirs.suppressed_cells, theirs.complementary)
    assert ours.in_units > 500  # a real workload, not an empty join
    mine, ref = pg.read_layer("dv_by_neighborhoods"), Project.open(gpkg).read_layer("dv_by_neighborhoods")
    assert _frame(mine) == _frame(ref)
    assert any(r[2] for r in _frame(mine)) and any(r[3] for r in _frame(mine))  # shown and withheld cells
    assert pg.layer("dv_by_neighborhoods").role.value == "aggregate"
    assert pg.layer("dv_by_neighborhoods").extra["reports"]["total"] == \
        Project.open(gpkg).layer("dv_by_neighborhoods").extra["reports"]["total"]
    schema = schema_of(pg_url)
    with psycopg.connect(pg_url) as con:
        # No relation by that name in any schema (pg_temp_N included), no temp table at all ...
        assert con.execute("SELECT count(*) FROM pg_class WHERE relname=%s", (RAW,)).fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM pg_class WHERE relpersistence='t'").fetchone()[0] == 0
        # ... and no committed table with a column that could hold a report location or description.
        cols = con.execute("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema=%s",
                           (schema,)).fetchall()
    assert not [c for c in cols if c[1] in ("x", "y", "rid", "description", "date_occur")]
    assert {t for t, _ in cols} >= {"dv_by_neighborhoods", "neighborhoods"}


def test_failure_midway_rolls_back_everything(areas_gpkg, tmp_path, pg_url):
    gpkg = tmp_path / "a.gpkg"
    shutil.copyfile(areas_gpkg, gpkg)
    publish(gpkg, pg_url)
    pg = PostgisProject.open(pg_url)
    aggregate_reports_db(pg, INCIDENTS, "dv", areas="neighborhoods", filter_col="description",
                         filter_contains="DOMESTIC")
    from assetmap.errors import UserError

    with pytest.raises(UserError, match="already has a layer"):
        aggregate_reports_db(pg, INCIDENTS, "dv", areas="neighborhoods", filter_col="description",
                             filter_contains="DOMESTIC")
    assert pg.layer_names().count("dv_by_neighborhoods") == 1
