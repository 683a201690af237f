"""Benchmarks: our time against a naive baseline measured in the same run.

    python bench/run.py [NAME ...] [--json] [--repeat N]

Each ``bench/bench_*.py`` module defines ``BENCHMARKS``: a dict name -> a
function returning a ``Case`` with ``setup``, ``ours`` and ``baseline``
callables (setup runs untimed before each timing). Ratio = baseline / ours, so
above 1 means we are faster. A case's ``targets`` (the issues' figures) are checked
against its result row after the run: each row says which are met, and the run ends with
a line counting them (exit status 0 either way: a benchmark measures, it does not gate). A case
that raises is not a measurement: its row holds the error, the run goes on with the others, its
targets count as not met, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import sys
import time
import traceback
import tracemalloc
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

# Beside the checkout, ASSETMAP_SHARED_DATA, or beside a parent folder (a nested worktree).
from tests.shared_data import SHARED  # noqa: E402,F401  (the bench modules import it from here)


@dataclass(frozen=True)
class Target:
    text: str                        # what is promised, e.g. "ratio >= 0.667"
    met: Callable[[dict], bool]      # reads the result row (ours_s, baseline_s, ratio, notes)


def ratio_at_least(v: float) -> Target:
    return Target(f"ratio >= {v:g}", lambda row: row["ratio"] is not None and row["ratio"] >= v)


def ours_under(seconds: float) -> Target:
    return Target(f"ours < {seconds:g} s", lambda row: row["ours_s"] < seconds)


def note_at_least(path: str, v: float, unit: str = "") -> Target:
    """A figure in the notes (``a.b`` for a nested one) at least ``v``."""
    def met(row: dict) -> bool:
        value = row
        for key in path.split("."):
            value = value[key]
        return value >= v
    return Target(f"{path} >= {v:g}{unit}", met)


def note_true(key: str) -> Target:
    return Target(f"{key}", lambda row: bool(row[key]))


@dataclass
class Case:
    ours: Callable[[], object]
    baseline: Callable[[], object]
    setup: Callable[[], None] = lambda: None
    teardown: Callable[[], None] = lambda: None
    notes: dict = field(default_factory=dict)
    measure_memory: bool = False
    targets: list[Target] = field(default_factory=list)


def check_targets(row: dict, targets: list[Target]) -> None:
    """Add to ``row`` each target with whether it is met (a figure missing from it: not met)."""
    if not targets:
        return
    checked = []
    for t in targets:
        try:
            met = bool(t.met(row))
        except (KeyError, TypeError):
            met = False
        checked.append({"target": t.text, "met": met})
    row["targets"] = checked
    row["targets_met"] = all(c["met"] for c in checked)


def discover() -> dict[str, Callable[[], Case]]:
    found: dict[str, Callable[[], Case]] = {}
    for path in sorted(HERE.glob("bench_*.py")):
        module = importlib.import_module(path.stem)
        found.update(module.BENCHMARKS)
    return found


SHORT_S = 1.0     # a side whose runs are short is run again until it has had this much time ...
MAX_REPEAT = 30   # ... but at most this many times


def _time_pair(case: "Case", repeat: int) -> tuple[float, float]:
    """Best time of ours and of the baseline, run alternately (ours, baseline, ours, ...), so a
    change of the machine's pace during the case weighs on both sides alike. Each runs at least
    ``repeat`` times; cases of a few milliseconds run more (up to MAX_REPEAT, until each side has
    had SHORT_S): the best of three runs of 30 ms is mostly the machine's noise."""
    best, spent, rounds = [float("inf")] * 2, [0.0, 0.0], 0
    while rounds < repeat or (rounds < MAX_REPEAT and min(spent) < SHORT_S):
        for i, fn in enumerate((case.ours, case.baseline)):
            case.setup()
            gc.collect()
            t0 = time.perf_counter()
            fn()
            took = time.perf_counter() - t0
            best[i], spent[i] = min(best[i], took), spent[i] + took
        rounds += 1
    return best[0], best[1]


def _peak_mb(fn: Callable[[], object], setup: Callable[[], None]) -> float:
    setup()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(peak / 2**20, 1)


def run(names: list[str], repeat: int) -> list[dict]:
    available = discover()
    unknown = [n for n in names if n not in available]
    if unknown:
        raise SystemExit(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(available)}")
    results = []
    for name in names or list(available):
        case = None
        try:
            case = available[name]()
            ours, base = _time_pair(case, repeat)
            row = {"name": name, "ours_s": round(ours, 4), "baseline_s": round(base, 4),
                   "ratio": round(base / ours, 2) if ours else None, **case.notes}
            if case.measure_memory:
                row["ours_peak_mb"] = _peak_mb(case.ours, case.setup)
                row["baseline_peak_mb"] = _peak_mb(case.baseline, case.setup)
            row.update(case.notes)   # figures a case notes while it runs (memory, quality)
            check_targets(row, case.targets)
        except Exception as exc:  # one broken case must not hide the others' figures
            row = {"name": name, "error": f"{type(exc).__name__}: {exc}".strip()[:2000]}
            print(f"{name}: failed\n{traceback.format_exc()}", file=sys.stderr)
            check_targets(row, case.targets if case is not None else [])
        finally:
            if case is not None:
                case.teardown()
        results.append(row)
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args(argv)
    if args.list:
        print("\n".join(discover()))
        return 0
    if args.json:
        with _stdout_to_stderr():   # what cases print (a report, GDAL, a child process) is not JSON
            results = run(args.names, args.repeat)
        print(json.dumps(results, indent=2))
        sys.stdout.flush()
    else:
        results = run(args.names, args.repeat)
        for r in results:
            if "error" in r:
                print(f"{r['name']:32} FAILED: {r['error'].splitlines()[0]}")
                continue
            extra = {k: v for k, v in r.items()
                     if k not in ("name", "ours_s", "baseline_s", "ratio", "targets", "targets_met")}
            print(f"{r['name']:32} ours {r['ours_s']:8.3f}s  baseline {r['baseline_s']:8.3f}s  "
                  f"ratio {r['ratio']:6.2f}x  {extra if extra else ''}")
            for t in r.get("targets", []):
                print(f"{'':32} target {t['target']}: {'met' if t['met'] else 'NOT MET'}")
    print(summary(results), file=sys.stderr if args.json else sys.stdout)
    return 1 if any("error" in r for r in results) else 0


@contextmanager
def _stdout_to_stderr():
    """Standard output, of this process and of the children it starts, goes to standard error."""
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        with redirect_stdout(sys.stderr):
            yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def summary(results: list[dict]) -> str:
    checked = [t for r in results for t in r.get("targets", [])]
    missed = [f"{r['name']}: {t['target']}" for r in results for t in r.get("targets", []) if not t["met"]]
    failed = [r["name"] for r in results if "error" in r]
    return (f"targets: {len(checked) - len(missed)} of {len(checked)} met"
            + (f"; not met: {'; '.join(missed)}" if missed else "")
            + (f"; failed to run: {', '.join(failed)}" if failed else ""))


if __name__ == "__main__":
    raise SystemExit(main())
