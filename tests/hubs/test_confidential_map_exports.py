"""A confidential hub is never drawn: not in the offline HTML map, not in the PNG/PDF map."""

from __future__ import annotations

import pytest

from assetmap.commands import CommandStack
from assetmap.hubs import commands
from tests.conftest import run_cli
from tests.hubs.test_confidential import SECRET_LAT, SECRET_LON, SECRET_NAME, _traces


@pytest.fixture()
def one_open_one_secret(areas_project):
    stack = CommandStack()
    stack.push(commands.add_hub(areas_project, "Open Door Family Center", -90.2, 38.63, organization="Open Door"))
    stack.push(commands.add_hub(areas_project, SECRET_NAME, SECRET_LON, SECRET_LAT, organization="Haven Secret Org",
                                phone="314-555-0999", address="4821 Quiet Lane", confidential=True))
    return areas_project


def test_html_map_export_has_no_trace(one_open_one_secret, tmp_path, backend):
    out = tmp_path / "map.html"
    # hubs only: the neighbourhood outlines hold coordinates that share digits with the shelter's
    r = run_cli("map", backend.target(one_open_one_secret), out, "--layers", "hubs")
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    assert "Open Door Family Center" in text  # the hubs layer is in the page …
    assert _traces(text) == []                 # … without the shelter


def _hub_pixels(target, tmp_path, name):
    """Render the map as PNG and return the colours around a location."""
    from PySide6.QtGui import QImage

    out = tmp_path / name
    r = run_cli("map", target, out, "--layers", "hubs", "--width", "6", "--height", "6", "--dpi", "100")
    assert r.returncode == 0, r.stderr
    return QImage(str(out))


def test_png_map_does_not_draw_the_confidential_hub(one_open_one_secret, tmp_path, qtbot, backend):
    """Same map with and without the shelter flagged: the pixels must be identical."""
    t = backend.target(one_open_one_secret)
    with_flag = _hub_pixels(t, tmp_path, "a.png")
    with backend.sql(t) as con:
        con.execute("DELETE FROM hubs WHERE name = ?", (SECRET_NAME,))
    assert backend.open(t).read_layer("hubs")["name"].tolist() == ["Open Door Family Center"]
    without_hub = _hub_pixels(t, tmp_path, "b.png")
    assert with_flag.size() == without_hub.size()
    # the date in the footer is the same within a test run; any drawn shelter would differ
    assert with_flag == without_hub
