/* Polygon layers drawn from flat arrays: one Leaflet object per layer, not per feature.
 *
 * The data is a few typed arrays (the app fetches them as binary buffers; an exported HTML file
 * or a GeoJSON layer is flattened into the same arrays), so 100,000 polygons cost no 100,000
 * Leaflet objects. ``FlatPolygons`` is one path on the layer's canvas renderer: it projects the
 * vertices once per zoom, dropping those closer than half a pixel to the last one kept (the
 * simplification follows the zoom), draws one canvas path per fill colour, and answers the
 * renderer's hit test with a grid index and a point-in-polygon test on the full vertices, so
 * the renderer's click, hover and pass-through handling (assetmap_map.js) works unchanged.
 * The feature under the mouse is ``layer.hit`` (an index) while its events are fired. */
(function () {
  "use strict";
  if (!window.L) { return; }

  function classOf(v, breaks) {
    if (v === null || v === undefined || v === "" || isNaN(Number(v))) { return -1; }
    v = Number(v);
    for (var i = 0; i < breaks.length; i++) { if (v <= breaks[i]) { return i; } }
    return breaks.length - 1;
  }

  // The fill of a feature whose ``spec.field`` value is ``v`` (the one rule for every layer kind).
  function fillFor(spec, v) {
    if (spec.kind === "graduated") {
      var i = classOf(v, spec.breaks);
      return i < 0 ? spec.other : spec.colors[i];
    }
    if (spec.kind === "categorized") {
      var c = (v === null || v === undefined) ? undefined : spec.categories[String(v)];
      return c || spec.other;
    }
    return spec.color;
  }

  // ------------------------------------------------------------ data
  // {n, ids, parts (n+1 polygon offsets), rings (polygon -> ring offsets), verts (ring -> vertex
  //  offsets), mu (unit Web Mercator relative to mo) or xy (lon, lat), rev (ring drawn backwards),
  //  columns {name: values}}. Binary layers come projected, with rev (assetmap/mapview/flat.py).
  function prepare(d) {
    var n = d.n, i, k, mu;
    if (!d.mu) {
      // Unit Web Mercator (0..1 across the world), as Leaflet projects, once for all zooms.
      var nv = d.xy.length / 2, nr = d.verts.length - 1, D = Math.PI / 180, MAXLAT = 85.0511287798;
      mu = d.mu = new Float64Array(2 * nv);
      d.mo = [0, 0];
      for (i = 0; i < nv; i++) {
        var lat = Math.max(Math.min(d.xy[2 * i + 1], MAXLAT), -MAXLAT);
        mu[2 * i] = d.xy[2 * i] / 360 + 0.5;
        mu[2 * i + 1] = 0.5 - Math.log(Math.tan(Math.PI / 4 + lat * D / 2)) / (2 * Math.PI);
      }
      // Shells one way round, holes the other: then one "nonzero" fill per colour fills
      // overlapping features of that colour (evenodd would punch holes where they overlap).
      var rev = d.rev = new Uint8Array(nr);
      for (var p = 0; p + 1 < d.rings.length; p++) {
        for (var r = d.rings[p]; r < d.rings[p + 1]; r++) {
          var a = 0;
          for (k = d.verts[r]; k < d.verts[r + 1] - 1; k++) {
            a += mu[2 * k] * mu[2 * k + 3] - mu[2 * k + 2] * mu[2 * k + 1];
          }
          rev[r] = ((a > 0) !== (r === d.rings[p])) ? 1 : 0;
        }
      }
    }
    mu = d.mu;
    // Feature boxes in unit Mercator and a grid of them for the hit test.
    var box = new Float64Array(4 * n), x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (i = 0; i < n; i++) {
      var bx0 = Infinity, by0 = Infinity, bx1 = -Infinity, by1 = -Infinity;
      var v0 = d.verts[d.rings[d.parts[i]]], v1 = d.verts[d.rings[d.parts[i + 1]]];
      for (k = v0; k < v1; k++) {
        var x = mu[2 * k], y = mu[2 * k + 1];
        if (x < bx0) { bx0 = x; } if (x > bx1) { bx1 = x; }
        if (y < by0) { by0 = y; } if (y > by1) { by1 = y; }
      }
      box[4 * i] = bx0; box[4 * i + 1] = by0; box[4 * i + 2] = bx1; box[4 * i + 3] = by1;
      if (v1 > v0) {
        x0 = Math.min(x0, bx0); y0 = Math.min(y0, by0); x1 = Math.max(x1, bx1); y1 = Math.max(y1, by1);
      }
    }
    d.box = box;
    d.extent = [x0, y0, x1, y1];
    if (!d.bounds) {
      d.bounds = isFinite(x0) ? [[unitLat(y1 + d.mo[1]), unitLng(x0 + d.mo[0])],
                                 [unitLat(y0 + d.mo[1]), unitLng(x1 + d.mo[0])]] : null;
    }
    return d;
  }

  // The grid of feature boxes for the hit test and the id -> index map: made when first needed
  // (a click, a selection), not before the first display.
  function grid(d) {
    if (d.grid) { return d.grid; }
    var n = d.n, box = d.box, i, j, x0 = d.extent[0], y0 = d.extent[1], x1 = d.extent[2], y1 = d.extent[3];
    var g = Math.max(1, Math.min(1024, Math.ceil(Math.sqrt(n / 2))));
    var cw = (x1 - x0) / g || 1, ch = (y1 - y0) / g || 1;
    var counts = new Int32Array(g * g + 1);
    function cells(i, fn) {
      if (!(box[4 * i] <= box[4 * i + 2])) { return; }
      var cx0 = Math.min(g - 1, Math.floor((box[4 * i] - x0) / cw)), cx1 = Math.min(g - 1, Math.floor((box[4 * i + 2] - x0) / cw));
      var cy0 = Math.min(g - 1, Math.floor((box[4 * i + 1] - y0) / ch)), cy1 = Math.min(g - 1, Math.floor((box[4 * i + 3] - y0) / ch));
      for (var cy = cy0; cy <= cy1; cy++) { for (var cx = cx0; cx <= cx1; cx++) { fn(cy * g + cx); } }
    }
    for (i = 0; i < n; i++) { cells(i, function (c) { counts[c + 1] += 1; }); }
    for (j = 0; j < g * g; j++) { counts[j + 1] += counts[j]; }
    var fill = counts.slice(0, g * g), items = new Int32Array(counts[g * g]);
    for (i = 0; i < n; i++) { cells(i, function (c) { items[fill[c]++] = i; }); }
    d.grid = {g: g, x0: x0, y0: y0, cw: cw, ch: ch, start: counts, items: items};
    return d.grid;
  }

  function indexOf(d, id) {
    if (!d.index) {
      d.index = new Map();
      for (var i = 0; i < d.n; i++) { d.index.set(Number(d.ids[i]), i); }
    }
    var k = d.index.get(Number(id));
    return k === undefined ? -1 : k;
  }

  function unitLng(u) { return (u - 0.5) * 360; }
  function unitLat(v) { return (2 * Math.atan(Math.exp((0.5 - v) * 2 * Math.PI)) - Math.PI / 2) * 180 / Math.PI; }

  // The arrays of binary buffers served by the app (assetmap/mapview/flat.py writes them).
  function fromBuffers(meta, buf, attrs) {
    var off = 0;
    function ints(len) { var a = new Int32Array(buf, off, len); off += 4 * len; return a; }
    var d = {n: meta.n, mo: meta.mercOrigin, bounds: meta.bounds};
    d.ids = ints(meta.n);
    d.parts = ints(meta.n + 1);
    d.rings = ints(meta.nPoly + 1);
    d.verts = ints(meta.nRing + 1);
    d.mu = new Float32Array(buf, off, 2 * meta.nVert);
    d.rev = new Uint8Array(buf, off + 8 * meta.nVert, meta.nRing);
    d.columns = {};
    (attrs.columns || []).forEach(function (name, c) { d.columns[name] = attrs.values[c]; });
    d.names = attrs.columns || [];
    return prepare(d);
  }

  function isPolygonal(geojson) {
    var fs = geojson && geojson.features;
    if (!fs || !fs.length) { return false; }
    for (var i = 0; i < fs.length; i++) {
      var t = fs[i].geometry && fs[i].geometry.type;
      if (t !== "Polygon" && t !== "MultiPolygon") { return false; }
    }
    return true;
  }

  // A GeoJSON FeatureCollection of (Multi)Polygons as the same arrays (exported HTML, page-only layers).
  function fromGeoJSON(geojson) {
    var fs = geojson.features, parts = [0], rings = [0], verts = [0], xy = [];
    fs.forEach(function (f) {
      var g = f.geometry, polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
      polys.forEach(function (poly) {
        poly.forEach(function (ring) {
          ring.forEach(function (c) { xy.push(c[0], c[1]); });
          verts.push(xy.length / 2);
        });
        rings.push(verts.length - 1);
      });
      parts.push(rings.length - 1);
    });
    var d = {n: fs.length, ids: fs.map(function (f) { return f.id; }),
             parts: Int32Array.from(parts), rings: Int32Array.from(rings), verts: Int32Array.from(verts),
             xy: Float64Array.from(xy), features: fs, columns: null};
    return prepare(d);
  }

  function column(d, name) {
    if (d.columns) { return d.columns[name] || null; }
    d.colCache = d.colCache || {};
    if (!(name in d.colCache)) {
      d.colCache[name] = d.features.map(function (f) { return (f.properties || {})[name]; });
    }
    return d.colCache[name];
  }

  function props(d, i) {
    if (!d.columns) { return d.features[i].properties || {}; }
    var out = {};
    d.names.forEach(function (name) { out[name] = d.columns[name][i]; });
    return out;
  }

  // ------------------------------------------------------------ the layer
  // Features per canvas path. Chromium's software canvas takes far longer than linear time to
  // fill and stroke one path of many thousand rings; a couple of dozen at a time it is fast (measured: 16-32 best, 256 is 9x slower).
  var CHUNK = 24;
  var MIN_OUTLINED = 4;  // pixels, width and height

  var FlatPolygons = L.Path.extend({
    initialize: function (options) {
      L.setOptions(this, options);
      this.data = null;
      this.spec = {kind: "single", color: "#3388ff", stroke: "#333333", weight: 1, fillOpacity: 0.6};
      this.highlight = {};
      this.hit = -1;
    },

    setData: function (d) {
      this.data = d;
      // (not _order: Leaflet's canvas renderer keeps its list of paths under that name)
      this._valueRank = null; this._blk = null; this._st = null;
      return this.redraw();  // projects for the current zoom, paints on the next frame
    },

    // A new style or selection: paint again from the vertices already projected.
    _repaint: function () {
      if (this._map && this._pxBounds) { this._renderer._requestRedraw(this); }
      return this;
    },

    setSpec: function (spec) {
      this.spec = spec;
      this._st = null;  // worked out when first needed (a zoomed-in draw, a click, a selection)
      return this._repaint();
    },

    setHighlight: function (ids) {
      var h = {};
      ids.forEach(function (id) { h[id] = true; });
      this.highlight = h;
      return this._repaint();
    },

    _styles: function () {
      if (!this._st && this.data) { this._styleFeatures(); }
      return this._st || {};
    },

    // Per feature: drawn or not (one period of an aggregate layer), its fill, and the
    // features grouped by fill so each colour is one canvas path.
    _styleFeatures: function () {
      var d = this.data, spec = this.spec, n = d.n, i;
      var values = spec.field ? column(d, spec.field) : null;
      var periods = spec.periodField ? column(d, spec.periodField) : null, period = String(spec.period);
      var withheld = column(d, "suppressed");
      var shown = new Uint8Array(n), group = new Int32Array(n), keys = {}, fills = [];
      for (i = 0; i < n; i++) {
        if (periods && String(periods[i]) !== period) { group[i] = -1; continue; }
        shown[i] = 1;
        var f = withheld && withheld[i] === true ? "hatch" : fillFor(spec, values ? values[i] : undefined);
        var k = keys[f];
        if (k === undefined) { k = keys[f] = fills.length; fills.push(f); }
        group[i] = k;
      }
      var start = new Int32Array(fills.length + 1);
      for (i = 0; i < n; i++) { if (group[i] >= 0) { start[group[i] + 1] += 1; } }
      for (i = 0; i < fills.length; i++) { start[i + 1] += start[i]; }
      var pos = start.slice(0, fills.length), byFill = new Int32Array(start[fills.length]);
      for (i = 0; i < n; i++) { if (group[i] >= 0) { byFill[pos[group[i]]++] = i; } }
      this._st = {shown: shown, group: group, fills: fills, fillStart: start, byFill: byFill};
    },

    fillOf: function (i) {
      var spec = this.spec, values = spec.field ? column(this.data, spec.field) : null;
      return fillFor(spec, values ? values[i] : undefined);
    },

    getBounds: function () {
      var b = this.data ? this.data.bounds : this.options.bounds;
      return b ? L.latLngBounds(b) : L.latLngBounds([]);
    },

    // Projected vertices for this zoom, thinned to half a pixel.
    _project: function () {
      if (!this._map) { return; }
      var d = this.data;
      this._pxBounds = null;  // the renderer extends its redraw area by it: none until there is data
      if (!d) { return; }
      var zoom = this._map.getZoom(), s = 256 * Math.pow(2, zoom), po = this._map.getPixelOrigin();
      this._scale = s; this._po = po;
      this._blk = null;  // the kept paths are in the old pixels
      var nr = d.verts.length - 1, mu = d.mu, px = this._px, tol = 0.25;  // squared pixels
      var ox = d.mo[0] * s - po.x, oy = d.mo[1] * s - po.y;
      if (!px || px.length < mu.length) { px = this._px = new Float32Array(mu.length); }
      var rs = this._rs = this._rs && this._rs.length === nr ? this._rs : new Int32Array(nr);
      var rl = this._rl = this._rl && this._rl.length === nr ? this._rl : new Int32Array(nr);
      var o = 0;
      for (var r = 0; r < nr; r++) {
        var a = d.verts[r], b = d.verts[r + 1], lx = NaN, ly = NaN, start = o, step = d.rev[r] ? -1 : 1;
        var k = step > 0 ? a : b - 1, end = step > 0 ? b : a - 1;
        for (; k !== end; k += step) {
          var x = mu[2 * k] * s + ox, y = mu[2 * k + 1] * s + oy, last = (k + step === end);
          if (!last && (x - lx) * (x - lx) + (y - ly) * (y - ly) < tol) { continue; }
          px[2 * o] = x; px[2 * o + 1] = y; o++; lx = x; ly = y;
        }
        rs[r] = start; rl[r] = o - start;
      }
      var box = d.box, fb = this._fb = this._fb && this._fb.length === 4 * d.n ? this._fb : new Float32Array(4 * d.n);
      var minx = Infinity, miny = Infinity, maxx = -Infinity, maxy = -Infinity;
      for (var i = 0; i < d.n; i++) {
        fb[4 * i] = box[4 * i] * s + ox; fb[4 * i + 1] = box[4 * i + 1] * s + oy;
        fb[4 * i + 2] = box[4 * i + 2] * s + ox; fb[4 * i + 3] = box[4 * i + 3] * s + oy;
        if (fb[4 * i] < minx) { minx = fb[4 * i]; } if (fb[4 * i + 1] < miny) { miny = fb[4 * i + 1]; }
        if (fb[4 * i + 2] > maxx) { maxx = fb[4 * i + 2]; } if (fb[4 * i + 3] > maxy) { maxy = fb[4 * i + 3]; }
      }
      if (d.n) { this._pxBounds = L.bounds([minx, miny], [maxx, maxy]); }
    },

    _update: function () {},

    _addFeature: function (path, i) {
      var d = this.data, px = this._px;
      for (var r = d.rings[d.parts[i]]; r < d.rings[d.parts[i + 1]]; r++) {
        var s = this._rs[r], len = this._rl[r];
        if (len < 2) { continue; }
        path.moveTo(px[2 * s], px[2 * s + 1]);
        for (var k = s + 1; k < s + len; k++) { path.lineTo(px[2 * k], px[2 * k + 1]); }
        path.closePath();
      }
    },

    // A withheld unit is hatched (assetmap_aggregates.js), never a flat low or zero class.
    _fillStyle: function (ctx, fill) {
      if (fill === "hatch") {
        var hatch = window.assetmapAggregates && window.assetmapAggregates.hatch;
        ctx.globalAlpha = 1;
        ctx.fillStyle = hatch ? hatch(ctx) : "#999999";
      } else {
        ctx.globalAlpha = this.spec.fillOpacity === undefined ? 0.6 : this.spec.fillOpacity;
        ctx.fillStyle = fill;
      }
    },

    _inView: function (i, b) {
      var fb = this._fb;
      return !(fb[4 * i] > b.max.x || fb[4 * i + 2] < b.min.x || fb[4 * i + 1] > b.max.y || fb[4 * i + 3] < b.min.y);
    },

    _updatePath: function () {
      var r = this._renderer, ctx = r._ctx;
      if (!r._drawing || !this.data || !this._px) { return; }
      this._draw(ctx, r);
    },

    _draw: function (ctx, r) {
      var spec = this.spec, b = r._bounds, strokes = [], g, j, i, fb = this._fb;
      var strokeOn = spec.stroke !== false && spec.weight !== 0;
      ctx.lineCap = "round"; ctx.lineJoin = "round";
      var ranked = spec.kind === "graduated" && spec.field && !spec.periodField && this._mostlyInView(b);
      var st = ranked ? {fills: []} : this._styles();
      if (ranked) { this._drawRanked(ctx, strokes); }
      for (g = 0; g < st.fills.length; g++) {
        this._fillStyle(ctx, st.fills[g]);
        // Two running paths: features big enough to outline (filled and stroked), and those
        // under MIN_OUTLINED pixels, only filled (an outline would cover them: a zoomed-out
        // city of 100,000 blocks would be all outline, and twice as slow to draw).
        var big = new Path2D(), small = new Path2D(), nb = 0, ns = 0;
        for (j = st.fillStart[g]; j < st.fillStart[g + 1]; j++) {
          i = st.byFill[j];
          if (!this._inView(i, b)) { continue; }
          if (fb[4 * i + 2] - fb[4 * i] < MIN_OUTLINED && fb[4 * i + 3] - fb[4 * i + 1] < MIN_OUTLINED) {
            this._addFeature(small, i);
            if (++ns === CHUNK) { ctx.fill(small, "nonzero"); small = new Path2D(); ns = 0; }
          } else {
            this._addFeature(big, i);
            if (++nb === CHUNK) { ctx.fill(big, "nonzero"); strokes.push(big); big = new Path2D(); nb = 0; }
          }
        }
        if (ns) { ctx.fill(small, "nonzero"); }
        if (nb) { ctx.fill(big, "nonzero"); strokes.push(big); }
      }
      ctx.globalAlpha = 1;
      if (strokeOn) {
        ctx.strokeStyle = spec.stroke; ctx.lineWidth = spec.weight;
        strokes.forEach(function (p) { ctx.stroke(p); });
      }
      // The selection last, on top: its own fill, a thick black outline.
      var self = this;
      Object.keys(this.highlight).forEach(function (id) {
        var k = indexOf(self.data, id);
        if (k < 0 || !self.shown[k]) { return; }
        var p = new Path2D();
        self._addFeature(p, k);
        self._fillStyle(ctx, self.fills[self.group[k]]);
        ctx.fill(p, "nonzero");
        ctx.globalAlpha = 1; ctx.strokeStyle = "#000000"; ctx.lineWidth = 4; ctx.stroke(p);
      });
    },

    // A graduated style with most features in view. Building the canvas paths is most of a
    // draw (the fills are only recorded here, rasterised later), so the paths are kept between
    // draws of the same view: the features in the order of their value (then those without
    // one, then withheld units), CHUNK at a time. Whatever the breaks, each class is a run of
    // that order, so a restyle fills the kept paths of the chunks a class holds whole and builds
    // only the few a class boundary cuts (issue 20: restyle of 100,000 under 20 ms).
    _mostlyInView: function (b) {
      var n = this.data.n, seen = 0;
      for (var i = 0; i < n; i++) { if (this._inView(i, b)) { seen++; } }
      return seen * 2 >= n;
    },

    _valueOrder: function (field) {
      if (this._valueRank && this._valueRank.field === field) { return this._valueRank; }
      var d = this.data, n = d.n, values = column(d, field), withheld = column(d, "suppressed");
      var num = [], missing = [], held = [], i, v, key = new Float64Array(n);
      for (i = 0; i < n; i++) {
        v = values ? values[i] : undefined;
        if (withheld && withheld[i] === true) { held.push(i); }
        else if (v === null || v === undefined || v === "" || isNaN(Number(v))) { missing.push(i); }
        else { key[i] = Number(v); num.push(i); }
      }
      num.sort(function (a, c) { return key[a] - key[c] || a - c; });
      var sorted = new Float64Array(num.length);
      for (i = 0; i < num.length; i++) { sorted[i] = key[num[i]]; }
      this._valueRank = {field: field, order: Int32Array.from(num.concat(missing, held)), values: sorted,
                     nNum: num.length, nMissing: missing.length};
      return this._valueRank;
    },

    // Paths of order[a..b): all features (to fill) and those big enough to outline (to stroke).
    _rankPaths: function (order, a, b) {
      var fill = new Path2D(), stroke = null, fb = this._fb;
      for (var j = a; j < b; j++) {
        var i = order[j];
        this._addFeature(fill, i);
        if (fb[4 * i + 2] - fb[4 * i] >= MIN_OUTLINED || fb[4 * i + 3] - fb[4 * i + 1] >= MIN_OUTLINED) {
          if (!stroke) { stroke = new Path2D(); }
          this._addFeature(stroke, i);
        }
      }
      return [fill, stroke];
    },

    _drawRanked: function (ctx, strokes) {
      var spec = this.spec, o = this._valueOrder(spec.field), order = o.order, n = order.length;
      var blk = this._blk;
      if (!blk || blk.order !== o) { blk = this._blk = {order: o, paths: new Array(Math.ceil(n / CHUNK))}; }
      var self = this, breaks = spec.breaks || [], vals = o.values;
      function run(a, b, fill) {
        if (a >= b) { return; }
        self._fillStyle(ctx, fill);
        for (var c = Math.floor(a / CHUNK); c * CHUNK < b; c++) {
          var c0 = c * CHUNK, c1 = Math.min(n, c0 + CHUNK), p;
          if (c0 >= a && c1 <= b) {
            p = blk.paths[c] || (blk.paths[c] = self._rankPaths(order, c0, c1));
          } else {
            p = self._rankPaths(order, Math.max(a, c0), Math.min(b, c1));
          }
          ctx.fill(p[0], "nonzero");
          if (p[1]) { strokes.push(p[1]); }
        }
      }
      var start = 0;
      for (var k = 0; k < breaks.length; k++) {
        var end = o.nNum;  // the last class takes everything above the last break too
        if (k < breaks.length - 1) {
          var lo = start, hi = o.nNum;  // first value above breaks[k]
          while (lo < hi) { var mid = (lo + hi) >> 1; if (vals[mid] <= breaks[k]) { lo = mid + 1; } else { hi = mid; } }
          end = lo;
        }
        run(start, end, spec.colors[k]);
        start = end;
      }
      run(start, o.nNum, spec.other);  // no breaks at all
      run(o.nNum, o.nNum + o.nMissing, spec.other);
      run(o.nNum + o.nMissing, n, "hatch");
    },

    // Is a feature under this layer point? Sets ``hit`` to the topmost one's index.
    _containsPoint: function (p) {
      var d = this.data;
      this.hit = -1;
      if (!d || !this._scale || !this.shown) { return false; }
      var u = (p.x + this._po.x) / this._scale - d.mo[0], v = (p.y + this._po.y) / this._scale - d.mo[1];
      var i = this.featureAt(u, v);
      this.hit = i;
      return i >= 0;
    },

    featureAt: function (u, v) {
      var d = this.data, G = grid(d);
      var cx = Math.floor((u - G.x0) / G.cw), cy = Math.floor((v - G.y0) / G.ch);
      if (cx < 0 || cy < 0 || cx >= G.g || cy >= G.g) { return -1; }
      var c = cy * G.g + cx, best = -1;
      for (var j = G.start[c]; j < G.start[c + 1]; j++) {
        var i = G.items[j], bx = d.box;
        if (!this.shown[i] || u < bx[4 * i] || u > bx[4 * i + 2] || v < bx[4 * i + 1] || v > bx[4 * i + 3]) { continue; }
        if (i > best && inside(d, i, u, v)) { best = i; }
      }
      if (best >= 0 && this.highlight[d.ids[best]] === undefined) {
        // A highlighted feature is drawn on top, so it is the one under the mouse.
        for (var h in this.highlight) {
          var k = indexOf(d, h);
          if (k >= 0 && k !== best && this.shown[k] && inside(d, k, u, v)) { return k; }
        }
      }
      return best;
    },

    // A point inside feature i (for clicks made by tests and automation): the middle of the
    // widest span of a horizontal line through its box.
    interiorLatLng: function (i) {
      var d = this.data, mu = d.mu, v = d.box[4 * i + 1] + (d.box[4 * i + 3] - d.box[4 * i + 1]) * 0.5013;
      var xs = [];
      for (var r = d.rings[d.parts[i]]; r < d.rings[d.parts[i + 1]]; r++) {
        for (var k = d.verts[r]; k < d.verts[r + 1] - 1; k++) {
          var y0 = mu[2 * k + 1], y1 = mu[2 * k + 3];
          if ((y0 > v) !== (y1 > v)) { xs.push(mu[2 * k] + (v - y0) / (y1 - y0) * (mu[2 * k + 2] - mu[2 * k])); }
        }
      }
      xs.sort(function (a, b) { return a - b; });
      var best = null, w = -1;
      for (var j = 0; j + 1 < xs.length; j += 2) {
        if (xs[j + 1] - xs[j] > w) { w = xs[j + 1] - xs[j]; best = (xs[j] + xs[j + 1]) / 2; }
      }
      if (best === null) { best = (d.box[4 * i] + d.box[4 * i + 2]) / 2; }
      return L.latLng(unitLat(v + d.mo[1]), unitLng(best + d.mo[0]));
    },

    featureBounds: function (i) {
      var b = this.data.box, o = this.data.mo;
      return L.latLngBounds([unitLat(b[4 * i + 3] + o[1]), unitLng(b[4 * i] + o[0])],
                            [unitLat(b[4 * i + 1] + o[1]), unitLng(b[4 * i + 2] + o[0])]);
    }
  });

  // What _styleFeatures works out, read as properties (assetmap_map.js reads ``shown``).
  ["shown", "group", "fills", "fillStart", "byFill"].forEach(function (key) {
    Object.defineProperty(FlatPolygons.prototype, key, {get: function () { return this._styles()[key]; }});
  });

  // Even-odd over all rings of feature i, on the full (unthinned) vertices.
  function inside(d, i, u, v) {
    var mu = d.mu, c = false;
    for (var r = d.rings[d.parts[i]]; r < d.rings[d.parts[i + 1]]; r++) {
      var a = d.verts[r], b = d.verts[r + 1];
      for (var k = a, l = b - 1; k < b; l = k++) {
        var yk = mu[2 * k + 1], yl = mu[2 * l + 1];
        if ((yk > v) !== (yl > v) && u < (mu[2 * l] - mu[2 * k]) * (v - yk) / (yl - yk) + mu[2 * k]) { c = !c; }
      }
    }
    return c;
  }

  window.AssetmapFlat = {
    FlatPolygons: FlatPolygons, fromBuffers: fromBuffers, fromGeoJSON: fromGeoJSON,
    isPolygonal: isPolygonal, fillFor: fillFor, column: column, props: props, indexOf: indexOf
  };
})();
