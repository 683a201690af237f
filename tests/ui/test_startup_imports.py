"""Start-up: the demo's first map is drawn before scipy, scikit-learn, matplotlib or mapclassify
is imported (they cost seconds; the demo's class breaks are kept with its style)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import json, sys

from assetmap.cli.gui_cmds import _style_demo
from assetmap.demo import demo_project_path
from assetmap.ui.app import ensure_qt_app, make_window, release_web_views

app = ensure_qt_app()
path = demo_project_path(fresh=True)
_style_demo(path)
window = make_window(path)
window.show()
seen = {}


def drawn():
    seen["heavy"] = sorted({m.split(".")[0] for m in sys.modules} & {"scipy", "sklearn", "matplotlib", "mapclassify"})
    seen["legend"] = window.canvas.page().title()
    app.quit()


window.canvas.when_drawn(drawn)
app.exec()
release_web_views(window)
print("RESULT " + json.dumps(seen))
"""


OWN_SCRIPT = r"""
import json, sys

from assetmap.ui.app import ensure_qt_app, make_window, release_web_views

app = ensure_qt_app()
window = make_window(sys.argv[1])
window.show()
seen = {}


def drawn():
    seen["heavy"] = sorted({m.split(".")[0] for m in sys.modules} & {"scipy", "sklearn", "matplotlib", "mapclassify"})
    seen["legend"] = window.canvas.state()["legend"]
    app.quit()


window.canvas.when_drawn(drawn)
app.exec()
release_web_views(window)
print("RESULT " + json.dumps(seen))
"""


def _run(tmp_path, script=SCRIPT, *args):
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox --disable-gpu")
    r = subprocess.run([sys.executable, "-c", script, *map(str, args)], cwd=tmp_path, env=env, capture_output=True, text=True,
                       timeout=300)
    line = next((x for x in r.stdout.splitlines() if x.startswith("RESULT ")), None)
    assert line and r.returncode == 0, r.stderr[-3000:]
    return json.loads(line[7:])


def test_first_map_drawn_without_scipy_sklearn_matplotlib_or_mapclassify(tmp_path):
    assert _run(tmp_path)["heavy"] == []


def test_demo_breaks_are_the_natural_breaks_of_its_data():
    # The stored breaks are what mapclassify gives for the bundled data (else they'd be recomputed).
    from assetmap.cli.gui_cmds import DEMO_BREAKS, DEMO_BREAKS_FOR
    from assetmap.demo import bundled_demo
    from assetmap.layers.breaks import breaks_key
    from assetmap.mapview.classify import classify
    from assetmap.project import Project

    values = Project.open(bundled_demo()).read_layer("neighborhoods")["pop_per_sqmi"].dropna().tolist()
    assert breaks_key(values, "natural_breaks", 5) == DEMO_BREAKS_FOR
    assert classify(values, "natural_breaks", 5) == list(DEMO_BREAKS)


def test_stored_breaks_are_used_only_for_the_values_they_were_computed_from():
    from assetmap.layers.breaks import breaks_key, graduated_breaks
    from assetmap.layers.style import Style

    values = [1.0, 2.0, 3.0, 10.0, 11.0, 12.0, 30.0]
    s = Style(kind="graduated", field="x", scheme="quantiles", k=3, breaks=[99.0, 100.0],
              breaks_for=breaks_key(values, "quantiles", 3))
    assert graduated_breaks(s, list(reversed(values))) == [99.0, 100.0]      # same values: reused
    fresh = graduated_breaks(s, values + [40.0])                              # changed data: computed
    assert fresh[-1] == 40.0 and s.breaks_for == breaks_key(values + [40.0], "quantiles", 3)
    s.k = 2                                                                   # changed k: computed
    s.breaks = [99.0, 100.0]
    assert graduated_breaks(s, values)[-1] == 30.0


def test_ramp_colours_read_without_branca_are_branca_s():
    from branca.utilities import color_brewer

    from assetmap.layers.style import RAMP_NAMES, ramp_colors

    for name in RAMP_NAMES:
        if name == "OkabeIto":
            continue
        for n in range(3, 13):
            try:
                want = [c.lower() if c.startswith("#") else c for c in color_brewer(name, n)[:n]]
            except ValueError:  # e.g. 12 classes of a qualitative scheme: branca refuses, so do we
                with pytest.raises(ValueError):
                    ramp_colors(name, n)
                continue
            assert ramp_colors(name, n) == want, (name, n)


def test_a_project_with_new_report_layers_opens_without_mapclassify(tmp_path):
    """A partnership's own reports (not the demo's stored breaks): `assetmap reports` keeps the
    breaks of the first map with the new layer, so the next start does not load mapclassify, and
    they are mapclassify's natural breaks of the all-periods rates."""
    import shutil

    from assetmap.demo import bundled_demo
    from assetmap.mapview.classify import classify
    from assetmap.mapview.report_styles import ALL, PERIOD_FIELD
    from assetmap.project import Project
    from tests.conftest import SHARED, run_cli

    path = tmp_path / "own.gpkg"
    shutil.copyfile(bundled_demo(), path)
    for layer in Project.open(path).layer_names():
        if layer != "neighborhoods":
            with Project.open(path).edit() as tx:
                tx.remove_layer(layer)
    r = run_cli("reports", path, SHARED / "stl" / "slmpd_part1_2018.csv", "--kind", "dv", "--areas",
                "neighborhoods", "--filter-col", "description", "--filter-contains", "DOMESTIC",
                "--date-col", "date_occur", "--period", "quarter", "--name", "dv2018")
    assert r.returncode == 0, r.stderr
    info = Project.open(path).layer("dv2018")
    rows = Project.open(path).read_layer("dv2018")
    rates = rows.loc[rows[PERIOD_FIELD].astype(str) == ALL, info.style["field"]].dropna().tolist()
    assert info.style["breaks"] == classify(rates, "natural_breaks", 5)
    seen = _run(tmp_path, OWN_SCRIPT, path)
    assert seen["heavy"] == []
    assert f"{info.style['breaks'][-1]:,.2f}".rstrip("0").rstrip(".") in seen["legend"]
