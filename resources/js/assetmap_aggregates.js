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
  // Polygon layers (assetmap_flat.js) fill withheld units with the same pattern.
  window.assetmapAggregates = {hatched: true, hatch: function (ctx) { return hatch(ctx, "#555555"); }};
})();

/* The legend and identify popup of report layers (specs from assetmap/mapview/report_styles.py):
 * the period shown, the bivariate 3x3 legend with its correlation, and a unit's popup with the
 * count for the period shown ("1–10" when withheld: the page never has the hidden number) and a
 * sparkline over the periods in which withheld periods are gaps. */
(function () {
  "use strict";
  var api = window.assetmap;
  if (!api) { return; }

  function fmt(v, digits) {
    if (v === null || v === undefined || v === "" || isNaN(Number(v))) { return null; }
    var n = Number(v);
    return digits ? n.toFixed(digits) : String(Math.round(n));
  }

  api.legendExtra = function (spec, esc) {
    var html = "";
    if (spec.periodLabel) {
      html += '<div class="am-legend-period">' + esc(api.word("Period")) + ": " + esc(spec.periodLabel) + "</div>";
      if (spec.period !== "all") {
        html += '<div class="am-legend-note">' + esc(api.word("Classes fixed over all periods")) + "</div>";
      }
    }
    if (spec.legendNote) { html += '<div class="am-legend-note">' + esc(spec.legendNote) + "</div>"; }
    var b = spec.bivariate;
    if (b) {
      html += '<div class="am-bivar" role="img" aria-label="' +
        esc(api.word("{0} across, {1} up").replace("{0}", b.x).replace("{1}", b.y)) + '">' +
        '<span class="am-bivar-y">&#8593;</span>';
      b.rows.forEach(function (row) {
        row.forEach(function (c) { html += '<i style="background:' + esc(c) + '"></i>'; });
      });
      html += '<span class="am-bivar-x">&#8594;</span></div>' +
        '<div class="am-bivar-axis">&#8594; ' + esc(b.x) + '</div><div class="am-bivar-axis">&#8593; ' +
        esc(b.y) + "</div>";
      html += '<div class="am-bivar-stats">' + esc(b.stats) + (b.period ? "; " + esc(b.period) : "") + "</div>";
    }
    return html;
  };

  function sparkline(periods, values, current, esc) {
    var w = 168, h = 38, pad = 4, known = values.filter(function (v) { return v !== null; });
    var max = Math.max.apply(null, known.concat([1]));
    var step = periods.length > 1 ? (w - 2 * pad) / (periods.length - 1) : 0;
    function x(i) { return (pad + i * step).toFixed(1); }
    function y(v) { return (h - pad - (h - 2 * pad) * v / max).toFixed(1); }
    var svg = '<svg class="am-spark" width="' + w + '" height="' + h + '" viewBox="0 0 ' + w + " " + h +
      '" role="img" aria-label="' + esc(api.word("Trend over the periods")) + '">';
    svg += '<line x1="' + pad + '" y1="' + (h - pad) + '" x2="' + (w - pad) + '" y2="' + (h - pad) +
      '" stroke="#ccc" stroke-width="1"/>';
    var run = [];
    function flush() {
      if (run.length > 1) {
        svg += '<polyline class="am-spark-line" fill="none" stroke="#B2182B" stroke-width="1.5" points="' +
          run.join(" ") + '"/>';
      } else if (run.length === 1) {
        var p = run[0].split(",");
        svg += '<circle class="am-spark-dot" cx="' + p[0] + '" cy="' + p[1] + '" r="1.8" fill="#B2182B"/>';
      }
      run = [];
    }
    values.forEach(function (v, i) {
      if (v === null) { flush(); return; }  // withheld (or missing): a gap, never a value
      run.push(x(i) + "," + y(v));
    });
    flush();
    var ci = periods.indexOf(current);
    if (ci >= 0) {
      svg += '<line class="am-spark-now" x1="' + x(ci) + '" y1="' + pad + '" x2="' + x(ci) + '" y2="' + (h - pad) +
        '" stroke="#333" stroke-width="1" stroke-dasharray="2 2"/>';
    }
    return svg + "</svg>";
  }

  api.popupFor = function (entry, feature, esc) {
    var spec = entry.spec, agg = spec.aggregate;
    if (!agg || !agg.unitField) { return null; }
    var props = feature.properties || {}, unit = props[agg.unitField];
    var rows = {};
    // The unit's other periods are features of the same layer (drawn or not).
    (spec.periodField ? api.rowsOf(entry, agg.unitField, unit) : []).forEach(function (p) {
      rows[String(p[spec.periodField])] = p;
    });
    var shown = rows[String(spec.period)] || props;
    var withheld = shown.suppressed === true;
    var value = agg.asStored ? (shown[agg.countField] === null || shown[agg.countField] === undefined ? null :
      String(shown[agg.countField])) : fmt(shown[agg.countField]);
    var count = withheld ? agg.suppressedLabel : (value || api.word("no data"));
    var html = '<div class="am-popup am-aggregate-popup"><b>' + esc(entry.title) + "</b>" +
      '<div class="am-unit">' + esc(agg.nameField ? shown[agg.nameField] : "") +
      ' <span>(' + esc(agg.unitField) + " " + esc(unit) + ")</span></div><table>" +
      (spec.periodField ? "<tr><th>" + esc(api.word("Period")) + "</th><td>" + esc(spec.periodLabel || spec.period) + "</td></tr>" : "") +
      "<tr><th>" + esc(agg.countLabel || api.word("Reports")) + '</th><td class="am-count">' + esc(count) + "</td></tr>";
    if (agg.rateField) {
      var rate = withheld ? api.word("withheld") : (fmt(shown[agg.rateField], 2) || api.word("no data"));
      html += "<tr><th>" + esc(api.word("Per 1,000 people")) + '</th><td class="am-rate">' + esc(rate) + "</td></tr>";
    }
    html += "</table>";
    var values = agg.periods.map(function (p) {
      var r = rows[p];
      return (!r || r.suppressed === true) ? null : (fmt(r[agg.countField]) === null ? null : Number(r[agg.countField]));
    });
    if (agg.periods.length > 1) {
      html += sparkline(agg.periods, values, String(spec.period), esc) +
        '<div class="am-legend-note">' + esc(agg.periods[0]) + " – " + esc(agg.periods[agg.periods.length - 1]) +
        "; " + esc(api.word("gaps: {0}").replace("{0}", agg.suppressedLabel)) + "</div>";
    }
    return html + "</div>";
  };
})();
