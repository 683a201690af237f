"""The page loads the aggregate drawing code and a suppressed unit is hatched, not filled flat."""

from __future__ import annotations

import pytest


@pytest.fixture()
def window(qtbot, isolated_home, map_project):
    from tests.ui.conftest import open_main_window

    return open_main_window(qtbot, map_project.path, (800, 600))


def test_suppressed_fill_is_a_hatch_pattern(window):
    assert window.canvas.evaluate("!!(window.assetmapAggregates && window.assetmapAggregates.hatched)")
    # Drive the wrapped canvas fill with a suppressed and an ordinary unit: the first must use a
    # pattern, the second its flat colour.
    got = window.canvas.evaluate("""(function () {
      var c = document.createElement('canvas'), ctx = c.getContext('2d'), r = L.canvas();
      function layer(sup) { return {feature: {properties: {suppressed: sup}},
                                    options: {fill: true, fillColor: '#ff0000', fillOpacity: 1,
                                              stroke: false}}; }
      ctx.beginPath(); ctx.rect(0, 0, 4, 4);
      L.Canvas.prototype._fillStroke.call(r, ctx, layer(true));
      var a = String(ctx.fillStyle);
      L.Canvas.prototype._fillStroke.call(r, ctx, layer(false));
      return [a, String(ctx.fillStyle)];
    })()""")
    assert "CanvasPattern" in got[0]
    assert got[1].lower() == "#ff0000"
    assert not window.canvas.page().console, window.canvas.page().console
