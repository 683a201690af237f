"""Indicator definitions are stored in the project, undoable, and driven from the CLI."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from tests.conftest import run_cli


def test_save_load_round_trip_and_undo(demo):
    from assetmap.commands import CommandStack
    from assetmap.indicators import Indicator, default_indicators, load_indicators, save_indicators
    from assetmap.indicators.model import SetIndicators

    assert load_indicators(demo) == []
    inds = default_indicators(demo)
    save_indicators(demo, inds)
    assert load_indicators(demo) == inds
    changed = [Indicator.from_dict({**inds[0].to_dict(), "target": 0.2, "name": "Reports per 1,000"})]
    stack = CommandStack()
    stack.push(SetIndicators(demo, changed))
    assert [(i.id, i.target) for i in load_indicators(demo)] == [("maltreatment_rate", 0.2)]
    stack.undo()
    assert load_indicators(demo) == inds
    stack.redo()
    assert load_indicators(demo)[0].name == "Reports per 1,000"


def test_bad_definitions_are_user_errors_and_store_nothing(demo):
    from assetmap.errors import UserError
    from assetmap.indicators import Indicator, load_indicators, save_indicators

    before = demo.path.read_bytes()
    good = Indicator("a", "A", "neighborhoods", "dv_by_neighborhoods_quarterly", numerator_field="count")
    for bad in (Indicator("Bad id", "x", "neighborhoods", "x"),
                Indicator("a", "x", "neighborhoods", "x", method="magic"),
                Indicator("a", "x", "neighborhoods", "x", direction="up"),
                Indicator("a", "x", "neighborhoods", "x", per=0)):
        with pytest.raises(UserError):
            save_indicators(demo, [bad])
    with pytest.raises(UserError, match="share the id"):
        save_indicators(demo, [good, good])
    assert demo.path.read_bytes() == before and load_indicators(demo) == []


def test_compute_names_a_missing_field(demo):
    from assetmap.errors import UserError
    from assetmap.indicators import Indicator, compute

    ind = Indicator("x", "X", "neighborhoods", "dv_by_neighborhoods_quarterly", numerator_field="count",
                    denominator_field="children")
    with pytest.raises(UserError, match="no field 'children'"):
        compute(demo, [ind])


def test_cli_defaults_list_compute(demo, tmp_path, backend):
    p = backend.target(demo)
    r = run_cli("indicators", "list", p)
    assert r.returncode == 0 and "No indicators stored yet" in r.stdout and "dv_rate" in r.stdout
    r = run_cli("indicators", "defaults", p)
    assert r.returncode == 0, r.stderr
    assert "maltreatment_rate, dv_rate" in r.stdout
    r = run_cli("indicators", "defaults", p)
    assert r.returncode == 2 and "--replace" in r.stderr
    r = run_cli("indicators", "list", p, "--json")
    data = json.loads(r.stdout)
    assert data["stored"] and [i["id"] for i in data["indicators"]] == ["maltreatment_rate", "dv_rate"]
    out = tmp_path / "ind.csv"
    r = run_cli("indicators", "compute", p, out, "--period", "2018Q4", "--period", "all",
                "--indicators", "dv_rate")
    assert r.returncode == 0, r.stderr
    df = pd.read_csv(out)
    assert set(df["period"]) == {"2018-Q4", "all"} and set(df["indicator"]) == {"dv_rate"}
    assert len(df) == 2 * 89
    before = backend.state(p)
    r = run_cli("indicators", "compute", p, tmp_path / "x.csv", "--period", "1999Q1")
    assert r.returncode == 2 and "1999-Q1" in r.stderr and not (tmp_path / "x.csv").exists()
    assert backend.state(p) == before


def test_report_without_anything_to_measure_is_a_clear_error(areas_project, tmp_path, backend):
    """Neighbourhoods only (no aggregates, assets, hubs or survey): exit 2, nothing written."""
    t = backend.target(areas_project)
    before = backend.state(t)
    r = run_cli("report", t, tmp_path / "r.pdf")
    assert r.returncode == 2 and "no indicators" in r.stderr.lower()
    assert not list(tmp_path.glob("r.pdf*"))
    r = run_cli("indicators", "defaults", t)
    assert r.returncode == 2 and "No default indicator" in r.stderr
    assert backend.state(t) == before
