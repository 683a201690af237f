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


def test_targets_are_checked_against_the_row(monkeypatch, capsys):
    """Each case's targets are checked after the run, on figures noted while it ran too; the
    summary names the ones not met; a figure missing from the row counts as not met."""
    def case():
        notes: dict = {}

        def ours():
            time.sleep(0.01)
            notes["quality"] = {"pct": 98.0}

        return bench_run.Case(ours=ours, baseline=lambda: time.sleep(0.03), notes=notes, targets=[
            bench_run.ratio_at_least(1.5), bench_run.ours_under(0.001),
            bench_run.note_at_least("quality.pct", 97), bench_run.note_at_least("quality.pct", 99),
            bench_run.note_true("missing")])

    monkeypatch.setattr(bench_run, "discover", lambda: {"tiny": case})
    rows = bench_run.run(["tiny"], repeat=1)
    assert [t["met"] for t in rows[0]["targets"]] == [True, False, True, False, False]
    assert rows[0]["targets_met"] is False
    assert bench_run.summary(rows) == ("targets: 2 of 5 met; not met: tiny: ours < 0.001 s; "
                                       "tiny: quality.pct >= 99; tiny: missing")
    monkeypatch.setattr(sys, "argv", ["run.py"])
    assert bench_run.main(["tiny", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "target ours < 0.001 s: NOT MET" in out and out.rstrip().endswith("tiny: missing")


def test_a_case_that_fails_does_not_stop_the_run(monkeypatch, capsys):
    """A broken case is reported (row with its error, its targets not met, exit status 1) and the
    cases after it still run: one failure must not hide every other figure of a whole run."""
    def broken():
        def ours():
            raise RuntimeError("child exited 1")
        return bench_run.Case(ours=ours, baseline=lambda: None, targets=[bench_run.ours_under(1.0)])

    def fine():
        return bench_run.Case(ours=lambda: None, baseline=lambda: time.sleep(0.001))

    monkeypatch.setattr(bench_run, "discover", lambda: {"broken": broken, "fine": fine})
    rows = bench_run.run([], repeat=1)
    assert [r["name"] for r in rows] == ["broken", "fine"]
    assert rows[0]["error"] == "RuntimeError: child exited 1" and rows[0]["targets_met"] is False
    assert "ratio" in rows[1]
    assert bench_run.summary(rows).endswith("not met: broken: ours < 1 s; failed to run: broken")
    capsys.readouterr()
    assert bench_run.main(["--repeat", "1"]) == 1
    out = capsys.readouterr().out
    assert "broken                           FAILED: RuntimeError: child exited 1" in out


def test_json_output_is_only_json_when_cases_print(tmp_path):
    """A case that prints (a report, a child process) must not spoil ``--json``: what it prints goes
    to standard error, standard output is one JSON document."""
    (tmp_path / "bench_noisy.py").write_text(
        "import subprocess, sys\n"
        "from run import Case\n"
        "def noisy():\n"
        "    def ours():\n"
        "        print('a report line')\n"
        "        subprocess.run([sys.executable, '-c', 'print(\"from a child\")'], check=True)\n"
        "    return Case(ours=ours, baseline=lambda: None)\n"
        "BENCHMARKS = {'noisy': noisy}\n")
    code = ("import sys, runpy; sys.argv = ['run.py', 'noisy', '--json', '--repeat', '1'];"
            f"sys.path.insert(0, {str(tmp_path)!r}); import run;"
            f"run.HERE = __import__('pathlib').Path({str(tmp_path)!r}); raise SystemExit(run.main(sys.argv[1:]))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       cwd=str(BENCH))
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert rows[0]["name"] == "noisy"
    assert "a report line" in r.stderr and "from a child" in r.stderr


def test_sides_alternate_and_short_cases_run_longer(monkeypatch):
    """Ours and the baseline run alternately (a change of the machine's pace weighs on both); a
    case of milliseconds runs until each side has had SHORT_S, at most MAX_REPEAT times, a long
    one ``repeat`` times."""
    calls = []

    def case(ours_s, base_s):
        def make():
            return bench_run.Case(ours=lambda: (calls.append("o"), time.sleep(ours_s)),
                                  baseline=lambda: (calls.append("b"), time.sleep(base_s)),
                                  setup=lambda: calls.append("s"))
        return make

    monkeypatch.setattr(bench_run, "SHORT_S", 0.05)
    monkeypatch.setattr(bench_run, "MAX_REPEAT", 8)
    monkeypatch.setattr(bench_run, "discover", lambda: {"quick": case(0.001, 0.002), "slow": case(0.03, 0.03)})
    bench_run.run(["quick"], repeat=2)
    assert calls[:6] == ["s", "o", "s", "b", "s", "o"]
    timed = [c for c in calls if c != "s"]
    assert timed == ["o", "b"] * 8                       # 1-2 ms a run: MAX_REPEAT rounds, not 2
    calls.clear()
    bench_run.run(["slow"], repeat=2)
    assert [c for c in calls if c != "s"] == ["o", "b"] * 2   # 30 ms a run: 60 ms >= SHORT_S after 2
