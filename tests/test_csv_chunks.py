"""A CSV imported in chunks gives exactly what one read of the whole file gives."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from assetmap.importers import csv_points, import_file


@pytest.fixture()
def tricky_csv(tmp_path):
    """Columns whose type a chunk alone would guess wrong: numbers then text, integers with a gap."""
    rows = []
    for i in range(40):
        code = "A12" if i == 33 else str(100 + i)       # text only in the 5th chunk of 7
        count = "" if i == 17 else str(i)               # one gap: the whole column is float
        lat, lon = (38.6 + i / 1000, -90.2 - i / 1000)
        if i in (3, 29):
            lat = "NA"                                   # skipped and counted, wherever it is
        if i == 35:
            lat, lon = -90.21, 38.61                     # swapped: counted once over all chunks
        rows.append(f"site {i},{code},{count},  padded {i}  ,{lat},{lon}")
    path = tmp_path / "tricky.csv"
    path.write_text("name,code,count,label,latitude,longitude\n" + "\n".join(rows) + "\n")
    return path


def test_chunked_import_equals_a_whole_read(project, tricky_csv, monkeypatch):
    monkeypatch.setattr(csv_points, "CHUNK_ROWS", 6)
    report = import_file(project, tricky_csv, "assets", name="chunked")
    monkeypatch.setattr(csv_points, "CHUNK_ROWS", 1000)
    whole = import_file(project, tricky_csv, "assets", name="whole")
    a, b = project.read_layer("chunked"), project.read_layer("whole")
    pd.testing.assert_frame_equal(a.drop(columns="geometry"), b.drop(columns="geometry"))
    assert a.geometry.equals(b.geometry)
    # the independent reference: pandas reading the whole file at once
    ref = pd.read_csv(tricky_csv, skipinitialspace=True, na_values=["NA"])
    ref = ref[ref.latitude.notna() & (ref.latitude.abs() <= 90)]
    assert list(a["code"]) == [str(c) for c in ref["code"]] and "A12" in list(a["code"])
    assert a["count"].dtype == np.float64 and np.isnan(a["count"]).sum() == 1
    assert list(a["label"]) == [s.strip() for s in ref["label"]]
    assert report.to_dict() | {"layer": "x"} == whole.to_dict() | {"layer": "x"}
    assert report.read == 40 and report.imported == 37
    assert report.skipped == {"no coordinates (empty or NA)": 2, "latitude/longitude out of range": 1}
    assert sum("swapped" in w for w in report.warnings) == 1 and "1 rows have a latitude" in report.warnings[0]
    stored = json.loads(json.dumps(project.layer("chunked").extra["import_report"]))
    assert stored["imported"] == 37 and len(stored["notes"]) == len(set(stored["notes"]))


def test_a_bad_row_in_a_late_chunk_leaves_the_project_unchanged(project, tmp_path, monkeypatch):
    from assetmap.errors import UserError

    monkeypatch.setattr(csv_points, "CHUNK_ROWS", 5)
    path = tmp_path / "late.csv"
    lines = [f"s{i},{38.6 + i / 1000},{-90.2}" for i in range(20)] + ["bad,\"unclosed,1"]
    path.write_text("name,lat,lon\n" + "\n".join(lines) + "\n")
    before = project.path.read_bytes()
    with pytest.raises(UserError, match="not a readable CSV table"):
        import_file(project, path, "assets")
    assert project.path.read_bytes() == before
    assert sorted(p.name for p in project.path.parent.iterdir()) == sorted([project.path.name, "late.csv"])


def test_cancel_between_chunks_leaves_the_project_unchanged(project, tricky_csv, monkeypatch):
    from assetmap.errors import Cancelled
    from assetmap.tasks import TaskContext

    monkeypatch.setattr(csv_points, "CHUNK_ROWS", 6)
    seen = []

    def on_progress(fraction, message):
        seen.append(message)
        if message.startswith("Imported") and len([m for m in seen if m.startswith("Imported")]) == 2:
            ctx.cancel()  # the user presses Cancel while the third chunk is read

    ctx = TaskContext(on_progress)
    before = project.path.read_bytes()
    with pytest.raises(Cancelled):
        import_file(project, tricky_csv, "assets", ctx=ctx)
    assert project.path.read_bytes() == before
    assert sorted(p.name for p in project.path.parent.iterdir()) == sorted([project.path.name, tricky_csv.name])
