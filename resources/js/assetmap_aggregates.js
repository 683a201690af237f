/* Aggregates of sensitive reports: units whose count is withheld (property `suppressed`
 * true) are filled with a hatch pattern on the canvas renderer, so they never read as a
 * low or zero class. Kept apart from assetmap_map.js: it only wraps the canvas fill. */
(function () {
  "use strict";
  if (!window.L || !L.Canvas) { return; }
  var patterns = {};
  function hatch(ctx, color) {
    if (patterns[color]) { return patterns[color]; }
    var c = document.createElement("canvas");
    c.width = c.height = 8;
    var g = c.getContext("2d");
    g.fillStyle = "#ffffff"; g.fillRect(0, 0, 8, 8);
    g.strokeStyle = color; g.lineWidth = 1.5;
    g.beginPath(); g.moveTo(0, 8); g.lineTo(8, 0); g.moveTo(-2, 2); g.lineTo(2, -2);
    g.moveTo(6, 10); g.lineTo(10, 6); g.stroke();
    return (patterns[color] = ctx.createPattern(c, "repeat"));
  }
  var orig = L.Canvas.prototype._fillStroke;
  L.Canvas.prototype._fillStroke = function (ctx, layer) {
    var p = layer.feature && layer.feature.properties;
    if (p && p.suppressed === true && layer.options.fill) {
      ctx.globalAlpha = 1;
      ctx.fillStyle = hatch(ctx, "#555555");
      ctx.fill(layer.options.fillRule || "evenodd");
      // Outline as usual.
      var o = layer.options, f = o.fill;
      o.fill = false; orig.call(this, ctx, layer); o.fill = f;
      return;
    }
    return orig.call(this, ctx, layer);
  };
  window.assetmapAggregates = {hatched: true};
})();
