"""`assetmap --self-test`: prove an installation (or a frozen bundle) works, headless.

Opens a copy of the bundled demo, imports a small file, renders the map offscreen to PNG,
and checks that every bundled data path (PROJ database, GDAL data, Leaflet) resolves inside
the installation, which for a frozen bundle means inside the bundle, not a Python install.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Callable


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def check_data_paths() -> list[str]:
    """Problems with bundled data paths (empty list when all resolve where they should)."""
    import pyogrio
    import pyproj

    from assetmap.resources import resources_dir

    problems = []
    frozen_root = Path(getattr(sys, "_MEIPASS", "")) if getattr(sys, "frozen", False) else None
    paths = {
        "PROJ database": Path(pyproj.datadir.get_data_dir()) / "proj.db",
        "GDAL data": Path(pyogrio.get_gdal_data_path() or "") / "gdalvrt.xsd",
        "resources": resources_dir(),
        "Leaflet": resources_dir() / "leaflet" / "leaflet.js",
        "service taxonomy": resources_dir() / "taxonomy" / "services.csv",
    }
    for label, path in paths.items():
        if not path.exists():
            problems.append(f"{label} not found at {path}")
        elif frozen_root is not None and not _inside(path, frozen_root):
            problems.append(f"{label} resolves outside the bundle: {path}")
    return problems


def _say(line: str) -> None:
    print(line, flush=True)


def run_self_test(out: Callable[[str], None] = _say, render: bool = True) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from assetmap.demo import bundled_demo
    from assetmap.importers import import_file
    from assetmap.project import Project
    from assetmap.resources import resource

    failures = check_data_paths()
    for f in failures:
        out(f"FAIL {f}")
    if not failures:
        out("ok   bundled data paths (PROJ, GDAL, resources, Leaflet)")
    with tempfile.TemporaryDirectory(prefix="assetmap-selftest-") as tmp:
        path = Path(tmp) / "demo.gpkg"
        path.write_bytes(bundled_demo().read_bytes())
        project = Project.open(path)
        report = import_file(project, resource("selftest", "assets.csv"), "assets")
        if report.imported == 2 and report.skipped_total == 1:
            out("ok   opened the demo project and imported a file")
        else:
            failures.append("import")
            out(f"FAIL import: {report.lines()}")
        if render:
            png = Path(tmp) / "map.png"
            try:
                from assetmap.ui.selftest_ui import render_png

                render_png(project, png)
                if png.exists() and png.stat().st_size > 1000:
                    out("ok   rendered the map offscreen to PNG")
                else:
                    failures.append("render")
                    out("FAIL render: no image written")
            except Exception as exc:  # a self-test reports every failure, whatever it is
                failures.append("render")
                out(f"FAIL render: {exc}")
    if render and not failures:
        from assetmap.ui.selftest_ui import check_map_window

        problem = check_map_window(resource("demo", "st_louis_demo.gpkg"))
        if problem:
            failures.append("map window")
            out(f"FAIL map window: {problem}")
        else:
            out("ok   the map window drew the demo map (Qt WebEngine, Leaflet)")
    out("self-test passed" if not failures else f"self-test FAILED ({len(failures)} problems)")
    return 0 if not failures else 1
