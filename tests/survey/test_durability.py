"""A save that was acknowledged survives the process being killed (SIGKILL) at any moment."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

from tests.conftest import ROOT
from tests.survey.storage_forms import asset_form, point_in

CHILD = r"""
import sys
from assetmap.project import Project
from assetmap.survey.store import SurveyStore

store = SurveyStore(Project.open(sys.argv[1]), device_id="child")
lat, lon = float(sys.argv[2]), float(sys.argv[3])
i = 0
while True:
    r = store.save("assets", {"name": f"asset {i}", "asset_type": "faith", "staff": i,
                              "location": (lat + i * 1e-5, lon)}, surveyor="volunteer")
    print(r.uuid, flush=True)  # only after save() returned: the acknowledgement
    i += 1
"""


def test_every_acknowledged_save_survives_sigkill(demo_copy):
    from assetmap.project import Project
    from assetmap.survey.store import SurveyStore

    SurveyStore(demo_copy).install_form(asset_form())
    lat, lon = point_in(demo_copy, 5)
    rng = random.Random(5)
    acknowledged: list[str] = []
    deadline = time.monotonic() + 15
    rounds = 0
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    while rounds < 8 and time.monotonic() < deadline:
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(demo_copy.path), str(lat), str(lon)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        stop_after = rng.randint(3, 40)
        got = []
        try:
            while len(got) < stop_after:
                line = child.stdout.readline()
                if not line:
                    raise AssertionError("child died early: " + child.stderr.read())
                got.append(line.strip())
            os.kill(child.pid, signal.SIGKILL)  # mid-stream: the child is inside its next save
        finally:
            child.kill()
            child.wait()
            child.stdout.close()
            child.stderr.close()
        # Anything printed after our last read was acknowledged too: count it as well.
        acknowledged += got
        rounds += 1

        project = Project.open(demo_copy.path)  # rolls back a hot journal, refuses a damaged file
        with sqlite3.connect(project.path) as con:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {r.uuid for r in SurveyStore(project).responses("assets")}
        missing = [u for u in acknowledged if u not in stored]
        assert not missing, f"round {rounds}: {len(missing)} acknowledged saves lost"
        # Every response keeps its history row, in the same transaction as the feature row.
        with sqlite3.connect(project.path) as con:
            n_hist = con.execute("SELECT count(DISTINCT uuid) FROM assetmap_survey_history").fetchone()[0]
            n_rows = con.execute("SELECT count(*) FROM survey_assets").fetchone()[0]
        assert n_hist == n_rows
    assert rounds >= 2 and len(acknowledged) >= 6
    # The project is still fully usable: GDAL reads the layer, and we can write again.
    project = Project.open(demo_copy.path)
    gdf = project.read_layer("survey_assets")
    assert set(acknowledged) <= set(gdf["uuid"])
    SurveyStore(project, device_id="after").save("assets", {"name": "after the crash"}, surveyor="lead")
