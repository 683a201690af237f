"""Start-up: the whole process of ``assetmap demo --screenshot`` (import, open the demo, draw,
grab, exit) against the floor, ``bench/startup_floor.py``: a bare QWebEngineView with a Leaflet
page of the same layers (the mission demo's visible ones), grabbed the same way. Target (issue 20):
within 1.5x of the floor. Both are fresh processes, run alternately in the same run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from run import Case, ratio_at_least

ROOT = Path(__file__).resolve().parent.parent


def demo_screenshot() -> Case:
    tmp = Path(tempfile.mkdtemp(prefix="assetmap-bench-start-"))
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp / "data"),
               XDG_CONFIG_HOME=str(tmp / "config"),
               QTWEBENGINE_CHROMIUM_FLAGS=os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu"))
    # An installed app starts from compiled bytecode (pip writes it): so do both sides here, after
    # the warm-up runs below, even where the shell says PYTHONDONTWRITEBYTECODE.
    env.pop("PYTHONDONTWRITEBYTECODE", None)

    def run(args: list[str]) -> None:
        r = subprocess.run([sys.executable, *args], cwd=tmp, env=env, capture_output=True, text=True, timeout=300)
        if r.returncode != 0:
            raise RuntimeError(f"{args} exited {r.returncode}: {r.stderr[-1500:]}")

    def ours() -> None:
        run(["-m", "assetmap", "demo", "--screenshot", str(tmp / "ours.png")])

    def floor() -> None:
        run([str(ROOT / "bench" / "startup_floor.py"), str(tmp / "floor.png")])

    ours()  # the first start copies the demo into the user's data folder: not what is measured
    floor()  # ... and both first starts compile their modules' bytecode
    return Case(ours=ours, baseline=floor, teardown=lambda: shutil.rmtree(tmp, ignore_errors=True),
                notes={"floor": "bench/startup_floor.py", "target_ratio_min": round(1 / 1.5, 3)},
                targets=[ratio_at_least(round(1 / 1.5, 3))])


BENCHMARKS = {"startup_demo_screenshot": demo_screenshot}
