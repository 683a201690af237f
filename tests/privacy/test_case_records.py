"""Case-level data caught at the door (issue 17, case 2: the police CSV imported as assets)."""

from __future__ import annotations

import hashlib

import pytest

from assetmap.cli import main
from assetmap.project import Project


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def police_sample(incidents, tmp_path):
    """The first 3,000 real incidents (with the DV, assault and child-abuse rows they hold)."""
    lines = incidents.read_text(encoding="utf-8", errors="replace").splitlines()[:3001]
    out = tmp_path / "police.csv"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


@pytest.mark.parametrize("role", ["assets", "hubs", "other"])
def test_police_incidents_are_refused_as_a_plain_layer(rproject, police_sample, role, capsys):
    before = _digest(rproject.path)
    assert main(["import", str(rproject.path), str(police_sample), "--role", role]) == 2
    err = capsys.readouterr().err
    assert "case records" in err
    assert "'description'" in err and "'complaint'" in err  # names the columns
    assert "assetmap reports" in err
    assert "Traceback" not in err
    assert _digest(rproject.path) == before
    assert "police" not in Project.open(rproject.path).layer_names()


def test_the_flag_lets_a_user_go_on_and_is_recorded(rproject, police_sample):
    assert main(["import", str(rproject.path), str(police_sample), "--role", "other",
                 "--allow-case-records"]) == 0
    info = Project.open(rproject.path).layer("police")
    ack = info.extra["case_records_acknowledged"]
    assert {"description", "complaint"} <= set(ack["columns"]) and ack["at"]


def test_same_file_through_reports_stays_as_it_is(rproject, police_sample):
    assert main(["reports", str(rproject.path), str(police_sample), "--kind", "dv", "--areas", "neighborhoods",
                 "--filter-col", "description", "--filter-contains", "DOMESTIC"]) == 0


def test_detector_names_columns_and_leaves_ordinary_layers_alone():
    import pandas as pd

    from assetmap.importers.case_records import find_case_columns

    assets = pd.DataFrame({"name": ["St Mary church", "Head Start", "Youth club", "Library", "Clinic"],
                           "type": ["faith", "school", "youth", "library", "health"],
                           "services": ["food", "domestic violence support group", "sports", "books", "care"]})
    assert find_case_columns(assets) == {}
    cases = pd.DataFrame({"Case_No": ["A1", "A2"], "DOB": ["2012-01-01", "2014-02-02"],
                          "victim_age": [7, 9], "notes": ["x", "y"]})
    found = find_case_columns(cases)
    assert set(found) == {"Case_No", "DOB", "victim_age"}
    hotline = pd.DataFrame({"allegation": ["Physical abuse", "Neglect - supervision", "Sexual abuse", "other"]})
    assert set(find_case_columns(hotline)) == {"allegation"}
