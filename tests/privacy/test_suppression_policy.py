"""One suppression policy per project, and a linear-program attacker on everything published
(issue 17, case 4: --min-count 5 beside the default layers recovered 81 withheld DV counts)."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from assetmap.cli import main
from assetmap.errors import UserError
from assetmap.project import Project
from tests.privacy.lp_attack import Attack

DV = ["--filter-col", "description", "--filter-contains", "DOMESTIC"]
CHILD = ["--filter-col", "description", "--filter-contains", "CHILD"]


def _reports(p, incidents, *args) -> None:
    assert main(["reports", str(p), str(incidents), "--areas", "neighborhoods", *args]) == 0, args


def test_a_second_threshold_cannot_exist(rproject, incidents, capsys):
    from assetmap.reports import aggregate_reports

    _reports(rproject.path, incidents, "--kind", "dv", *DV)
    before = hashlib.sha256(rproject.path.read_bytes()).hexdigest()
    with pytest.raises(SystemExit) as gone:  # the per-command option is gone (argparse's exit 2)
        main(["reports", str(rproject.path), str(incidents), "--kind", "dv", "--areas", "neighborhoods",
              "--min-count", "5", "--name", "dv5", *DV])
    assert gone.value.code == 2
    with pytest.raises(UserError, match="1–10"):
        aggregate_reports(rproject, incidents, "dv", areas="neighborhoods", min_count=5, name="dv5")
    assert main(["suppression", str(rproject.path), "5"]) == 2
    assert "too low" in capsys.readouterr().err
    assert hashlib.sha256(rproject.path.read_bytes()).hexdigest() == before


def test_raising_rederives_published_layers_and_lowering_is_refused(rproject, incidents, capsys):
    from tests.reports.conftest import oracle_counts

    _reports(rproject.path, incidents, "--kind", "dv", *DV, "--date-col", "date_occur", "--period", "quarter")
    _reports(rproject.path, incidents, "--kind", "maltreatment", *CHILD, "--population-field", "pop17")
    assert main(["suppression", str(rproject.path), "20"]) == 0
    assert "Re-derived 2 layer(s)" in capsys.readouterr().out
    p = Project.open(rproject.path)
    expected, *_ = oracle_counts(incidents, "CHILD", p.read_layer("neighborhoods"))
    mal = p.read_layer("maltreatment_by_neighborhoods")
    meta = p.layer("maltreatment_by_neighborhoods").extra["reports"]
    assert meta["threshold"] == 20 and p.layer("maltreatment_by_neighborhoods").style["suppressed_label"] == "1–20"
    for _, row in mal.iterrows():
        n = expected.get(int(row.NHD_NUM), 0)
        if 1 <= n <= 20:
            assert row.suppressed and np.isnan(row.rate_per_1000)
        if not row.suppressed:
            assert int(row["count"]) == n  # published values are the true ones
    dv = p.read_layer("dv_by_neighborhoods")
    assert not ((dv["count"] >= 1) & (dv["count"] <= 20)).fillna(False).any()
    # everything published still hides every withheld cell
    at = Attack()
    at.add_layer("dv", dv, dict(p.layer("dv_by_neighborhoods").extra["reports"], name="dv"), "NHD_NUM")
    at.add_layer("mal", mal, dict(meta, name="mal"), "NHD_NUM")
    assert at.pinned() == []
    # new layers follow the project's threshold
    _reports(rproject.path, incidents, "--kind", "dv", *DV, "--name", "dv_all")
    assert Project.open(rproject.path).layer("dv_all").extra["reports"]["threshold"] == 20
    before = hashlib.sha256(rproject.path.read_bytes()).hexdigest()
    assert main(["suppression", str(rproject.path), "12"]) == 2
    assert "can't be lowered" in capsys.readouterr().err
    assert hashlib.sha256(rproject.path.read_bytes()).hexdigest() == before


def test_raising_is_refused_while_layers_made_from_the_old_counts_exist(rproject, incidents, capsys):
    _reports(rproject.path, incidents, "--kind", "dv", *DV)
    assert main(["hotspots", str(rproject.path), "dv_by_neighborhoods"]) == 0
    before = hashlib.sha256(rproject.path.read_bytes()).hexdigest()
    assert main(["suppression", str(rproject.path), "15"]) == 2
    assert "dv_by_neighborhoods_hotspots" in capsys.readouterr().err
    assert hashlib.sha256(rproject.path.read_bytes()).hexdigest() == before


def test_linear_program_pins_no_withheld_cell_of_everything_published(rproject, incidents):
    """Margins, quarters, months, a breakdown without periods and a second kind, all in one project:
    the attacker bounds every withheld cell from all of it together."""
    p = rproject.path
    _reports(p, incidents, "--kind", "dv", *DV, "--date-col", "date_occur", "--period", "quarter")
    _reports(p, incidents, "--kind", "dv", *DV, "--date-col", "date_occur", "--period", "month", "--name", "dv_m")
    _reports(p, incidents, "--kind", "dv", *DV, "--name", "dv_total")
    _reports(p, incidents, "--kind", "maltreatment", *CHILD, "--population-field", "pop17")
    project = Project.open(p)
    at = Attack()
    for name, kind in (("dv_by_neighborhoods", "dv"), ("dv_m", "dv"), ("dv_total", "dv"),
                       ("maltreatment_by_neighborhoods", "mal")):
        at.add_layer(kind, project.read_layer(name), dict(project.layer(name).extra["reports"], name=name),
                     "NHD_NUM")
    bounds = at.bounds()
    assert len(bounds) > 300  # plenty withheld to attack
    assert [k for k, (lo, hi) in bounds.items() if hi - lo < 0.5] == []


def test_the_attack_does_pin_cells_of_the_old_two_threshold_world():
    """The test can fail: two thresholds on one table (what --min-count allowed) give cells away."""
    from assetmap.reports.suppress import suppress

    import geopandas as gpd
    import pandas as pd

    rng = np.random.default_rng(3)
    counts = rng.poisson(9, (30, 4))
    at = Attack()
    for t, name in ((10, "a"), (5, "b")):
        s = suppress(counts, t)
        rows = []
        for i in range(30):
            for j, q in enumerate(["2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4"]):
                rows.append({"u": i, "period": q, "count": counts[i, j], "suppressed": s.cells[i, j]})
            rows.append({"u": i, "period": "all", "count": counts[i].sum(), "suppressed": s.unit_totals[i]})
        meta = {"periods": ["2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4"], "name": name,
                "period_totals": {q: None if s.period_totals[j] else int(counts[:, j].sum())
                                  for j, q in enumerate(["2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4"])},
                "total": None if s.grand_total else int(counts.sum())}
        at.add_layer("dv", gpd.GeoDataFrame(pd.DataFrame(rows)), meta, "u")
    assert len(at.pinned()) > 0
