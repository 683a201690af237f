"""The benchmark harness itself (timings are not asserted: speed is measured in bench/, not tests)."""

import json
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import run as bench_run  # noqa: E402


def test_lists_the_import_benchmark():
    r = subprocess.run([sys.executable, str(BENCH / "run.py"), "--list"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0
    assert "import_incidents" in r.stdout.split()


def test_json_rows_have_ours_baseline_and_ratio(monkeypatch):
    def case():
        return bench_run.Case(ours=lambda: time.sleep(0.01), baseline=lambda: time.sleep(0.03))

    monkeypatch.setattr(bench_run, "discover", lambda: {"tiny": case})
    rows = bench_run.run(["tiny"], repeat=1)
    assert set(rows[0]) >= {"name", "ours_s", "baseline_s", "ratio"}
    assert rows[0]["ratio"] > 1.5  # the baseline sleeps three times longer
    json.dumps(rows)


def test_unknown_name_is_refused(monkeypatch):
    monkeypatch.setattr(bench_run, "discover", lambda: {})
    try:
        bench_run.run(["nope"], repeat=1)
    except SystemExit as exc:
        assert "unknown benchmark" in str(exc)
    else:
        raise AssertionError("expected SystemExit")
