"""Survey at city scale: merge a field package with 200 new responses into 100,000, and make a
field package of 10,000 responses.

- survey_merge_200_into_100k: ours is ``merge_package`` (all 100,200 responses compared, 200
  added with history, merge records, duplicate check). The floor is the I/O a merge cannot
  avoid: read both layers' rows and insert the 200 new rows in one transaction. Target: under
  2 s (issue 20); before, this failed with "database is locked".
- survey_pack_10k: ours is ``make_package`` of all areas with 10,000 responses. The floor is
  GDAL copying the survey layer to a new GeoPackage (pyogrio read + write). Target: under 2 s.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import tempfile
import uuid as uuidlib
from pathlib import Path

from run import Case, ours_under


def _form():
    from assetmap.survey.form import Choice, Form, QType, Question

    return Form("assets", "Community assets", version="1", questions=[
        Question("name", QType.TEXT, {"": "Name"}, required=True),
        Question("asset_type", QType.SELECT_ONE, {"": "Type"}, list_name="types",
                 choices=[Choice("faith"), Choice("school"), Choice("clinic")]),
        Question("location", QType.GEOPOINT, {"": "Location"})])


def _fill(store, form, n: int, rng: random.Random, surveyor: str, name: str) -> None:
    from assetmap.survey.response import Response
    from assetmap.survey.response_write import insert_copies

    when = "2026-01-01T00:00:00Z"
    with store._tx() as con:
        insert_copies(con, store, form, [Response(
            str(uuidlib.UUID(int=rng.getrandbits(128))), form.form_id,
            {"name": name.format(i=i), "asset_type": rng.choice(["faith", "school", "clinic"]),
             "location": (rng.uniform(38.58, 38.70), rng.uniform(-90.30, -90.20))},
            surveyor, "dev", when, when, 1) for i in range(n)])


def _project(tmp: Path, n: int):
    from assetmap.demo import bundled_demo
    from assetmap.project import Project
    from assetmap.survey.store import SurveyStore

    shutil.copyfile(bundled_demo(), tmp / "p.gpkg")
    project = Project.open(tmp / "p.gpkg")
    store = SurveyStore(project, device_id="office")
    form = _form()
    store.install_form(form)
    _fill(store, form, n, random.Random(1), "Lead", "Asset {i}")
    return project, store, form


def merge_200_into_100k() -> Case:
    from assetmap.project import Project
    from assetmap.survey.pack import make_package, merge_package
    from assetmap.survey.store import SurveyStore

    tmp = Path(tempfile.mkdtemp(prefix="assetmap-bench-"))
    project, _, form = _project(tmp, 100_000)
    pkg = make_package(project, tmp / "ann.gpkg", surveyor="Ann").path
    _fill(SurveyStore(Project.open(pkg), device_id="ann"), form, 200, random.Random(2), "Ann", "New {i}")
    shutil.copyfile(tmp / "p.gpkg", tmp / "p0.gpkg")

    def setup() -> None:
        shutil.copyfile(tmp / "p0.gpkg", tmp / "p.gpkg")

    def ours() -> None:
        report = merge_package(Project.open(tmp / "p.gpkg"), pkg)
        assert report.counts["added"] == 200

    def floor() -> None:
        from assetmap.project import gpkg

        with gpkg.connect(pkg, readonly=True) as src:
            rows = src.execute("SELECT * FROM survey_assets").fetchall()
            cols = [d[0] for d in src.execute("SELECT * FROM survey_assets LIMIT 0").description]
        with gpkg.transaction(tmp / "p.gpkg") as con:
            have = {r[0] for r in con.execute("SELECT uuid, answers, revision FROM survey_assets")}
            i = cols.index("uuid")
            new = [r[1:] for r in rows if r[i] not in have]
            con.executemany(f"INSERT INTO survey_assets ({', '.join(cols[1:])}) "
                            f"VALUES ({', '.join('?' * (len(cols) - 1))})", new)
            assert len(new) == 200

    return Case(ours=ours, baseline=floor, setup=setup, teardown=lambda: shutil.rmtree(tmp),
                notes={"responses": 100_000, "new": 200, "floor": "read both layers + insert the new rows",
                       "target_s": 2.0}, targets=[ours_under(2.0)])


def pack_10k() -> Case:
    from assetmap.survey.pack import make_package

    tmp = Path(tempfile.mkdtemp(prefix="assetmap-bench-"))
    project, _, _ = _project(tmp, 10_000)

    def setup() -> None:
        for p in (tmp / "ann.gpkg", tmp / "floor.gpkg"):
            p.unlink(missing_ok=True)

    def ours() -> None:
        assert make_package(project, tmp / "ann.gpkg", surveyor="Ann").responses == 10_000

    def floor() -> None:
        import pyogrio

        gdf = pyogrio.read_dataframe(tmp / "p.gpkg", layer="survey_assets")
        pyogrio.write_dataframe(gdf, tmp / "floor.gpkg", layer="survey_assets", driver="GPKG")
        with sqlite3.connect(tmp / "floor.gpkg") as con:
            assert con.execute("SELECT count(*) FROM survey_assets").fetchone()[0] == 10_000

    return Case(ours=ours, baseline=floor, setup=setup, teardown=lambda: shutil.rmtree(tmp),
                notes={"responses": 10_000, "floor": "GDAL copy of the survey layer", "target_s": 2.0}, targets=[ours_under(2.0)])


BENCHMARKS = {"survey_merge_200_into_100k": merge_200_into_100k, "survey_pack_10k": pack_10k}
