"""Benchmarks: our time against a naive baseline measured in the same run.

    python bench/run.py [NAME ...] [--json] [--repeat N]

Each ``bench/bench_*.py`` module defines ``BENCHMARKS``: a dict name -> a
function returning a ``Case`` with ``setup``, ``ours`` and ``baseline``
callables (setup runs untimed before each timing). Ratio = baseline / ours, so
above 1 means we are faster.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import sys
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

SHARED = HERE.parent.parent / "shared" / "data"


@dataclass
class Case:
    ours: Callable[[], object]
    baseline: Callable[[], object]
    setup: Callable[[], None] = lambda: None
    teardown: Callable[[], None] = lambda: None
    notes: dict = field(default_factory=dict)
    measure_memory: bool = False


def discover() -> dict[str, Callable[[], Case]]:
    found: dict[str, Callable[[], Case]] = {}
    for path in sorted(HERE.glob("bench_*.py")):
        module = importlib.import_module(path.stem)
        found.update(module.BENCHMARKS)
    return found


def _time(fn: Callable[[], object], setup: Callable[[], None], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        setup()
        gc.collect()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


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
        case = available[name]()
        try:
            ours = _time(case.ours, case.setup, repeat)
            base = _time(case.baseline, case.setup, repeat)
            row = {"name": name, "ours_s": round(ours, 4), "baseline_s": round(base, 4),
                   "ratio": round(base / ours, 2) if ours else None, **case.notes}
            if case.measure_memory:
                row["ours_peak_mb"] = _peak_mb(case.ours, case.setup)
                row["baseline_peak_mb"] = _peak_mb(case.baseline, case.setup)
        finally:
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
    results = run(args.names, args.repeat)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for r in results:
            extra = {k: v for k, v in r.items() if k not in ("name", "ours_s", "baseline_s", "ratio")}
            print(f"{r['name']:32} ours {r['ours_s']:8.3f}s  baseline {r['baseline_s']:8.3f}s  "
                  f"ratio {r['ratio']:6.2f}x  {extra if extra else ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
