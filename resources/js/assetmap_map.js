/* assetmap map page: layers are added and changed in place from Python (runJavaScript)
 * or from the inlined data of an exported HTML; the page itself is never rebuilt.
 * Each layer has its own pane (order, opacity, visibility are CSS on the pane: instant)
 * and its own canvas renderer (thousands of polygons draw as one bitmap). */
(function () {
  "use strict";
  var map, bridge = null, layers = {}, order = [], legendDiv, titleDiv, drawnToken = 0, loading = [];
  var Flat = window.AssetmapFlat;  // polygon layers: resources/js/assetmap_flat.js

  function esc(s) {
    return String(s === null || s === undefined ? "" : s).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }

  // Every layer draws on a canvas of its own, and the top canvas covers the whole map: in plain
  // Leaflet it takes every click and hover, so the features of the layers below (the
  // neighbourhoods under a layer of points) could not be clicked, identified or painted. When
  // nothing of its own is under the mouse, a canvas hands the event to the highest visible
  // layer below that has a feature there, as that layer's canvas would have handled it.
  function hitIn(renderer, point, click) {
    var hit = null;
    for (var o = renderer._drawFirst; o; o = o.next) {
      var l = o.layer;
      if (l.options.interactive && l._containsPoint(point) && !(click && map._draggableMoved(l))) { hit = l; }
    }
    return hit;
  }

  function below(renderer) {
    var out = [], seen = false;
    order.forEach(function (name) {
      var e = layers[name];
      if (!e) { return; }
      if (e.renderer === renderer) { seen = true; } else if (seen && e.visible) { out.push(e.renderer); }
    });
    return out;
  }

  var LayerCanvas = L.Canvas.extend({
    _onClick: function (ev) {
      var point = this._map.mouseEventToLayerPoint(ev), click = ev.type === "click" || ev.type === "preclick";
      var own = hitIn(this, point, click);
      if (own) { this._fireEvent([own], ev); return; }
      var lower = below(this);
      for (var i = 0; i < lower.length; i++) {
        var hit = hitIn(lower[i], point, click);
        if (hit) { lower[i]._fireEvent([hit], ev); return; }
      }
      this._fireEvent(false, ev);
    },
    _handleMouseHover: function (ev, point) {
      if (this._mouseHoverThrottled) { return; }
      if (hitIn(this, point, false)) { return L.Canvas.prototype._handleMouseHover.call(this, ev, point); }
      this._handleMouseOut(ev);
      var lower = below(this), handled = false;
      for (var i = 0; i < lower.length; i++) {
        if (!handled && hitIn(lower[i], point, false)) {
          lower[i]._mouseHoverThrottled = false;
          L.Canvas.prototype._handleMouseHover.call(lower[i], ev, point);
          handled = true;
        } else {
          lower[i]._handleMouseOut(ev);
        }
      }
      // The pointer is over this canvas: it shows the hand when a feature below is under it.
      if (handled) { L.DomUtil.addClass(this._container, "leaflet-interactive"); }
      else { L.DomUtil.removeClass(this._container, "leaflet-interactive"); this._fireEvent(false, ev); }
      this._mouseHoverThrottled = true;
      var self = this;
      setTimeout(function () { self._mouseHoverThrottled = false; }, 32);
    }
  });

  // Points drawn on the canvas with a symbol (circle, square, triangle, diamond).
  var SymbolMarker = L.CircleMarker.extend({
    _updatePath: function () {
      var r = this._renderer, sym = this.options.symbol || "circle";
      if (sym === "circle" || !r._ctx) { return L.CircleMarker.prototype._updatePath.call(this); }
      if (!r._drawing || this._empty()) { return; }
      var p = this._point, ctx = r._ctx, s = Math.max(Math.round(this._radius), 1);
      ctx.beginPath();
      if (sym === "square") { ctx.rect(p.x - s, p.y - s, 2 * s, 2 * s); }
      else if (sym === "triangle") {
        ctx.moveTo(p.x, p.y - s * 1.2); ctx.lineTo(p.x + s, p.y + s * 0.8); ctx.lineTo(p.x - s, p.y + s * 0.8);
        ctx.closePath();
      } else {
        ctx.moveTo(p.x, p.y - s * 1.3); ctx.lineTo(p.x + s, p.y); ctx.lineTo(p.x, p.y + s * 1.3);
        ctx.lineTo(p.x - s, p.y); ctx.closePath();
      }
      r._fillStroke(ctx, this);
    }
  });

  function fillFor(spec, props) { return Flat.fillFor(spec, props[spec.field]); }

  function styleFn(entry) {
    return function (feature) {
      var spec = entry.spec, hl = entry.highlight[feature.id];
      // One period of an aggregate layer is shown; the other periods' rows are kept, not drawn.
      if (spec.periodField && String((feature.properties || {})[spec.periodField]) !== String(spec.period)) {
        return {stroke: false, fill: false, interactive: false};
      }
      var isPoint = feature.geometry && feature.geometry.type.indexOf("Point") >= 0;
      var fill = fillFor(spec, feature.properties || {});
      var sym = spec.symbol;
      if (spec.kind === "categorized" && spec.symbols) {
        sym = spec.symbols[String((feature.properties || {})[spec.field])] || sym;
      }
      return {
        color: hl ? "#000000" : (isPoint ? "#222222" : spec.stroke),
        weight: hl ? 4 : spec.weight, opacity: 1, stroke: true, interactive: true,
        fillColor: fill, fillOpacity: spec.fillOpacity, fill: true,
        radius: spec.radius, symbol: sym
      };
    };
  }

  function scheduleDrawn() {
    // Canvas renderers repaint on the next animation frame; two frames later the
    // pixels are on screen, which is what a screenshot needs. Layers still being
    // fetched come first: "drawn" means drawn with them.
    var token = ++drawnToken;
    function frames() {
      requestAnimationFrame(function () {
        requestAnimationFrame(function () {
          if (bridge && token === drawnToken) { bridge.drawn(token); }
          window.assetmapDrawn = token;
        });
      });
    }
    if (loading.length) { Promise.all(loading).then(frames, frames); } else { frames(); }
    return token;
  }

  function track(promise) {
    loading.push(promise);
    var done = function () { loading = loading.filter(function (p) { return p !== promise; }); };
    promise.then(done, done);
    return promise;
  }

  // The layer's entry, its pane and canvas made on first use; the old drawing of it removed.
  function entryFor(name, title, spec) {
    var entry = layers[name];
    if (entry) { map.removeLayer(entry.layer); }
    else {
      var pane = map.createPane("am-" + name);
      entry = layers[name] = {pane: pane, renderer: new LayerCanvas({pane: "am-" + name, padding: 0.2})};
      if (order.indexOf(name) < 0) { order.push(name); }
    }
    entry.title = title; entry.spec = spec; entry.highlight = {}; entry.byId = {};
    entry.point = false; entry.flat = false; entry.gen = (entry.gen || 0) + 1; entry.loading = null;
    return entry;
  }

  function finishLayer(name, opts) {
    api.setVisible(name, opts.visible !== false, true);
    api.setOpacity(name, opts.opacity === undefined ? 1 : opts.opacity, true);
    applyOrder();
    renderLegend();
    return scheduleDrawn();
  }

  // A polygon layer as one FlatPolygons path (data now, or null while it is fetched).
  function flatLayer(name, entry, data, bounds) {
    var lyr = new Flat.FlatPolygons({pane: "am-" + name, renderer: entry.renderer, bounds: bounds});
    entry.flat = true;
    entry.layer = lyr;
    lyr.spec = entry.spec;
    if (data) { lyr.setData(data); }
    entry.count = data ? data.n : 0;
    var entered = -1;
    function fid(i) { return Number(lyr.data.ids[i]); }
    // Paint strokes: with the button held, every feature entered is reported.
    lyr.on("mousedown", function () {
      if (!api._paint || !bridge || lyr.hit < 0) { return; }
      api._stroke = true;
      bridge.strokeBegin();
      entered = lyr.hit;
      bridge.featureEntered(name, fid(lyr.hit));
    });
    lyr.on("mouseover mousemove", function () {
      if (api._paint && api._stroke && bridge && lyr.hit >= 0 && lyr.hit !== entered) {
        entered = lyr.hit;
        bridge.featureEntered(name, fid(lyr.hit));
      }
    });
    lyr.on("mouseout", function () { entered = -1; });
    lyr.on("click", function (ev) {
      L.DomEvent.stopPropagation(ev);
      var i = lyr.hit;
      if (i < 0) { return; }
      if (api._poly) { api.addVertex(ev.latlng.lat, ev.latlng.lng); return; }
      if (api.identify) {
        var f = {id: fid(i), properties: Flat.props(lyr.data, i)};
        L.popup({maxHeight: 300}).setLatLng(ev.latlng).setContent(popupHtml(entry, f)).openOn(map);
      }
      if (bridge) {
        bridge.featureClicked(name, fid(i), !!(ev.originalEvent && (ev.originalEvent.ctrlKey || ev.originalEvent.metaKey)));
        bridge.mapClicked(ev.latlng.lat, ev.latlng.lng);
      }
    });
    lyr.addTo(map);
  }

  // The properties of a layer's features whose ``field`` is ``value`` (a unit's other periods).
  function rowsOf(entry, field, value) {
    var out = [];
    if (entry.flat) {
      var d = entry.layer.data, col = d ? Flat.column(d, field) : null;
      if (col) { for (var i = 0; i < d.n; i++) { if (String(col[i]) === String(value)) { out.push(Flat.props(d, i)); } } }
      return out;
    }
    Object.keys(entry.byId).forEach(function (id) {
      var p = entry.byId[id].feature.properties || {};
      if (String(p[field]) === String(value)) { out.push(p); }
    });
    return out;
  }

  // Feature ``id`` of a polygon layer: its index, or -1.
  function flatIndex(e, id) {
    if (!e || !e.flat || !e.layer.data) { return -1; }
    return Flat.indexOf(e.layer.data, id);
  }

  function applyOrder() {
    var n = order.length;
    order.forEach(function (name, i) {
      var e = layers[name];
      if (e) { e.pane.style.zIndex = String(400 + (n - i)); }
    });
  }

  function renderLegend() {
    var html = "";
    order.forEach(function (name) {
      var e = layers[name];
      if (!e || !e.visible || !e.spec.legend || !e.spec.legend.length) { return; }
      html += '<div class="am-legend-layer"><div class="am-legend-title">' + esc(e.title) +
        (e.spec.field && e.spec.kind !== "single" && e.spec.fieldLabel !== "" ?
          " <span>(" + esc(e.spec.fieldLabel || e.spec.field) + ")</span>" : "") + "</div>";
      if (api.legendExtra) { html += api.legendExtra(e.spec, esc); }
      e.spec.legend.forEach(function (it) {
        html += '<div class="am-legend-item"><i class="am-sym am-' + esc(it.symbol || "circle") +
          (e.point ? " am-point" : "") + (it.fill === "hatch" ? " am-hatch" : "") +
          '" style="background-color:' + esc(it.color) + '"></i>' +
          esc(it.label) + "</div>";
      });
      html += "</div>";
    });
    legendDiv.innerHTML = html;
    legendDiv.style.display = html ? "block" : "none";
  }

  function popupHtml(entry, feature) {
    var own = api.popupFor && api.popupFor(entry, feature, esc);
    if (own) { return own; }
    var rows = "";
    var props = feature.properties || {};
    Object.keys(props).forEach(function (k) {
      rows += "<tr><th>" + esc(k) + "</th><td>" + esc(props[k]) + "</td></tr>";
    });
    return '<div class="am-popup"><b>' + esc(entry.title) + '</b><table>' + rows + "</table></div>";
  }

  var api = {
    init: function (opts) {
      opts = opts || {};
      map = L.map("map", {preferCanvas: true, zoomControl: true, attributionControl: true,
                          zoomSnap: 0.25, center: [38.63, -90.24], zoom: 11});
      map.attributionControl.setPrefix(false);
      L.DomUtil.addClass(map.getContainer(), "am-tool-identify");
      L.control.scale({imperial: true, metric: true}).addTo(map);
      var legend = L.control({position: "bottomright"});
      legend.onAdd = function () {
        legendDiv = L.DomUtil.create("div", "am-legend");
        legendDiv.setAttribute("role", "region");
        legendDiv.setAttribute("aria-label", api.word("Legend"));
        L.DomEvent.disableClickPropagation(legendDiv);
        return legendDiv;
      };
      legend.addTo(map);
      var title = L.control({position: "topright"});
      title.onAdd = function () { titleDiv = L.DomUtil.create("div", "am-title"); return titleDiv; };
      title.addTo(map);
      api.setTitle(opts.title || "");
      if (opts.attribution) { map.attributionControl.addAttribution(esc(opts.attribution)); }
      var pending = false, last = null;
      map.on("mousemove", function (ev) {
        last = ev.latlng;
        if (pending || !bridge) { return; }
        pending = true;
        requestAnimationFrame(function () {
          pending = false;
          bridge.mouseMoved(last.lat, last.lng, api.scale());
        });
      });
      map.on("zoomend moveend", function () { if (bridge) { bridge.viewChanged(api.scale()); } });
      map.on("click", function (ev) {
        if (api._poly) { api.addVertex(ev.latlng.lat, ev.latlng.lng); return; }
        if (bridge) { bridge.mapClicked(ev.latlng.lat, ev.latlng.lng); }
      });
      map.on("dblclick", function () { if (api._poly) { api.finishPolygon(); } });
      // Esc gives up a polygon being drawn and returns to Identify (keyboard focus in the page; the
      // window has its own Esc): the app's map tools (assetmap/ui/map_tools.py) are told.
      document.addEventListener("keydown", function (ev) {
        if (ev.key !== "Escape") { return; }
        if (api._poly) { api.cancelPolygon(); }
        if (bridge && api.tool !== "identify") { bridge.escapePressed(); }
      });
      document.addEventListener("mouseup", function () {
        if (api._stroke) { api._stroke = false; if (bridge) { bridge.strokeEnd(); } }
      });
      if (opts.basemap) {
        L.tileLayer(opts.basemap, {maxZoom: 19, attribution: opts.basemapAttribution || ""}).addTo(map);
      }
      return true;
    },
    // Optional basemap (a user setting); none by default: the areas layer is the base.
    // url: online XYZ tiles, or mbtiles://tiles/{z}/{x}/{y}.png served by the app from a file;
    // opts: Leaflet tile options (maxNativeZoom, minNativeZoom, bounds) for such a file.
    setBasemap: function (url, attribution, opts) {
      if (api._basemap) { map.removeLayer(api._basemap); api._basemap = null; }
      if (url) {
        var o = {maxZoom: 19, attribution: attribution || ""};
        Object.keys(opts || {}).forEach(function (k) { o[k] = opts[k]; });
        api._basemap = L.tileLayer(url, o).addTo(map);
      }
      return !!api._basemap;
    },
    // Test hook: the basemap's tile images that finished loading, with their size.
    basemapTiles: function () {
      if (!api._basemap) { return []; }
      var imgs = api._basemap.getContainer().querySelectorAll("img.leaflet-tile-loaded");
      return Array.prototype.map.call(imgs, function (im) {
        return {src: im.src, width: im.naturalWidth, height: im.naturalHeight};
      });
    },
    hasBasemap: function () { return !!api._basemap; },
    // Free polygon: clicks add corners, a double-click (or finishPolygon) sends [[lng, lat], ...].
    startPolygon: function () {
      api.cancelPolygon();
      api._poly = [];
      api._polyLine = L.polygon([], {color: "#d62728", weight: 2, dashArray: "4 4", fillOpacity: 0.1,
                                     interactive: false}).addTo(map);
      map.doubleClickZoom.disable();
      return true;
    },
    addVertex: function (lat, lng) {
      if (!api._poly) { return false; }
      var last = api._poly[api._poly.length - 1];
      if (last && last[0] === lng && last[1] === lat) { return false; }   // the dblclick's own clicks
      api._poly.push([lng, lat]);
      api._polyLine.setLatLngs(api._poly.map(function (p) { return [p[1], p[0]]; }));
      return true;
    },
    finishPolygon: function () {
      var pts = api._poly;
      api.cancelPolygon();
      if (pts && pts.length >= 3 && bridge) { bridge.polygonDrawn(JSON.stringify(pts)); }
      // Too few corners: the polygon tool stays active and drawing starts again.
      else if (pts && api.tool === "polygon") { api.startPolygon(); }
      return !!(pts && pts.length >= 3);
    },
    drawingPolygon: function () { return !!api._poly; },
    cancelPolygon: function () {
      if (api._polyLine) { map.removeLayer(api._polyLine); }
      api._poly = null; api._polyLine = null;
      // Later, not now: the double-click that finished the polygon is still being dispatched
      // (and may come twice), and must not zoom the map as it ends the drawing.
      setTimeout(function () { if (!api._poly) { map.doubleClickZoom.enable(); } }, 500);
    },
    // The app's active map tool (assetmap/ui/map_tools.py), one at a time: "identify" (popups),
    // "pick" (a click is a place), "paint" (dragging paints, no popups), "polygon" (clicks are
    // corners). The container's class gives the cursor (assetmap_map.css).
    setTool: function (mode) {
      if (mode !== "polygon" && api._poly) { api.cancelPolygon(); }
      if (api._paint !== (mode === "paint")) { api.setPaintMode(mode === "paint"); }
      api.identify = mode === "identify";
      api.tool = mode;
      var c = map.getContainer();
      ["identify", "pick", "paint", "polygon"].forEach(function (m) { L.DomUtil.removeClass(c, "am-tool-" + m); });
      L.DomUtil.addClass(c, "am-tool-" + mode);
      if (mode !== "identify") { map.closePopup(); }
      if (mode === "polygon" && !api._poly) { api.startPolygon(); }
      return mode;
    },
    tool: "identify",
    // Paint mode: dragging paints instead of panning the map.
    setPaintMode: function (on) {
      api._paint = !!on;
      if (on) { map.dragging.disable(); } else { map.dragging.enable(); }
      return api._paint;
    },
    setTitle: function (text) {
      titleDiv.innerHTML = text ? "<h1>" + esc(text) + "</h1>" : "";
      titleDiv.style.display = text ? "block" : "none";
    },
    scale: function () {
      var c = map.getCenter();
      var mpp = 40075016.686 * Math.cos(c.lat * Math.PI / 180) / Math.pow(2, map.getZoom() + 8);
      return mpp * 96 / 0.0254;  // 1 : scale at 96 dpi
    },
    setLayer: function (name, title, geojson, spec, opts) {
      opts = opts || {};
      var entry = entryFor(name, title, spec);
      // Labelled areas (survey mode's own blocks, a few) stay GeoJSON: the flat path draws no labels.
      if (!spec.labelField && Flat.isPolygonal(geojson)) {
        flatLayer(name, entry, Flat.fromGeoJSON(geojson), null);
        return finishLayer(name, opts);
      }
      entry.layer = L.geoJSON(geojson, {
        pane: "am-" + name, renderer: entry.renderer, style: styleFn(entry),
        pointToLayer: function (f, latlng) {
          entry.point = true;
          return new SymbolMarker(latlng, {pane: "am-" + name, renderer: entry.renderer});
        },
        onEachFeature: function (f, lyr) {
          entry.byId[f.id] = lyr;
          // Named areas (survey mode's own blocks): the name written on the map.
          if (spec.labelField && f.properties && f.properties[spec.labelField] != null) {
            lyr.bindTooltip(esc(String(f.properties[spec.labelField])),
                            {permanent: true, direction: "center", className: "am-label", interactive: false});
          }
          // Paint strokes: with the button held, every feature entered is reported once.
          lyr.on("mousedown", function (ev) {
            if (!api._paint || !bridge) { return; }
            api._stroke = true;
            bridge.strokeBegin();
            bridge.featureEntered(name, f.id);
          });
          lyr.on("mouseover", function () {
            if (api._paint && api._stroke && bridge) { bridge.featureEntered(name, f.id); }
          });
          lyr.on("click", function (ev) {
            L.DomEvent.stopPropagation(ev);
            if (api._poly) { api.addVertex(ev.latlng.lat, ev.latlng.lng); return; }
            // No identify popup while painting: it would cover the map at every stroke.
            if (api.identify && !api._paint) { lyr.bindPopup(popupHtml(entry, f), {maxHeight: 300}).openPopup(ev.latlng); }
            if (bridge) {
              bridge.featureClicked(name, f.id, !!(ev.originalEvent && (ev.originalEvent.ctrlKey || ev.originalEvent.metaKey)));
              // A click on a feature is also a click on the map: placing a hub or a spot
              // inside a neighbourhood must work.
              bridge.mapClicked(ev.latlng.lat, ev.latlng.lng);
            }
          });
        }
      });
      entry.layer.addTo(map);
      entry.count = geojson.features ? geojson.features.length : 0;
      return finishLayer(name, opts);
    },
    // A polygon layer from binary buffers the app serves (assetmap/ui/layer_scheme.py):
    // meta {geometry, attributes (URLs), n, nPoly, nRing, nVert, origin, bounds}.
    setLayerData: function (name, title, meta, spec, opts) {
      opts = opts || {};
      var entry = entryFor(name, title, spec), gen = entry.gen;
      flatLayer(name, entry, null, meta.bounds);
      entry.count = meta.n;
      function get(url, how) {
        return fetch(url).then(function (r) {
          if (!r.ok) { throw new Error(url + ": " + r.status); }
          return how === "json" ? r.json() : r.arrayBuffer();
        });
      }
      entry.loading = track(Promise.all([get(meta.geometry), get(meta.attributes, "json")]).then(function (got) {
        if (layers[name] !== entry || entry.gen !== gen) { return; }  // replaced or removed meanwhile
        entry.layer.setData(Flat.fromBuffers(meta, got[0], got[1]));
      }).catch(function (err) { console.error("layer " + name + ": " + err); }));
      return finishLayer(name, opts);
    },
    setStyle: function (name, title, spec) {
      var e = layers[name];
      if (!e) { return -1; }
      e.spec = spec;
      if (title) { e.title = title; }
      if (e.flat) { e.layer.setSpec(spec); } else { e.layer.setStyle(styleFn(e)); }
      renderLegend();
      return scheduleDrawn();
    },
    setVisible: function (name, on, quiet) {
      var e = layers[name];
      if (!e) { return -1; }
      e.visible = !!on;
      e.pane.style.display = on ? "" : "none";
      if (!quiet) { renderLegend(); return scheduleDrawn(); }
      return 0;
    },
    setOpacity: function (name, op, quiet) {
      var e = layers[name];
      if (!e) { return -1; }
      e.opacity = op;
      e.pane.style.opacity = String(op);
      return quiet ? 0 : scheduleDrawn();
    },
    setOrder: function (names) {
      order = names.filter(function (n) { return layers[n]; })
        .concat(order.filter(function (n) { return names.indexOf(n) < 0 && layers[n]; }));
      applyOrder();
      renderLegend();
      return scheduleDrawn();
    },
    removeLayer: function (name) {
      var e = layers[name];
      if (!e) { return -1; }
      map.removeLayer(e.layer);
      e.pane.parentNode.removeChild(e.pane);
      delete map._panes["am-" + name];
      delete layers[name];
      order = order.filter(function (n) { return n !== name; });
      renderLegend();
      return scheduleDrawn();
    },
    highlight: function (name, ids) {
      var e = layers[name];
      if (!e) { return -1; }
      var old = e.highlight;
      e.highlight = {};
      ids.forEach(function (id) { e.highlight[id] = true; });
      if (e.flat) { e.layer.setHighlight(ids); return scheduleDrawn(); }
      var style = styleFn(e);
      Object.keys(old).concat(ids.map(String)).forEach(function (id) {
        var lyr = e.byId[id];
        if (lyr) { lyr.setStyle(style(lyr.feature)); if (e.highlight[id] && lyr.bringToFront) { lyr.bringToFront(); } }
      });
      return scheduleDrawn();
    },
    zoomTo: function (name, ids) {
      var e = layers[name];
      if (!e) { return false; }
      var b;
      if (e.flat && ids && ids.length && !e.layer.data) {  // still being fetched
        if (e.loading) { e.loading.then(function () { api.zoomTo(name, ids); }); }
        return true;
      }
      if (e.flat && ids && ids.length) {
        b = L.latLngBounds([]);
        ids.forEach(function (id) {
          var i = flatIndex(e, id);
          if (i >= 0) { b.extend(e.layer.featureBounds(i)); }
        });
      } else if (ids && ids.length) {
        b = L.latLngBounds([]);
        ids.forEach(function (id) {
          var l = e.byId[id];
          if (l) { b.extend(l.getBounds ? l.getBounds() : l.getLatLng()); }
        });
      } else { b = e.layer.getBounds(); }
      if (!b.isValid()) { return false; }
      map.fitBounds(b, {padding: [10, 10], maxZoom: 18, animate: false});
      scheduleDrawn();
      return true;
    },
    zoomAll: function () {
      var b = L.latLngBounds([]);
      order.forEach(function (n) { if (layers[n].visible) { b.extend(layers[n].layer.getBounds()); } });
      if (!b.isValid()) { return false; }
      // The legend sits over the map's bottom right: fit the layers beside it, not under it,
      // unless it takes so much of the width that the map would shrink to a strip.
      var right = 10, legendW = legendDiv && legendDiv.style.display !== "none" ? legendDiv.offsetWidth + 20 : 0;
      if (legendW && legendW < map.getSize().x * 0.45) { right = legendW; }
      map.fitBounds(b, {paddingTopLeft: [10, 10], paddingBottomRight: [right, 10], animate: false});
      scheduleDrawn();
      return true;
    },
    redraw: function () { return scheduleDrawn(); },
    // Paint now what the canvases would paint on the next frame (exports, benchmarks).
    flush: function () {
      order.forEach(function (n) {
        var r = layers[n].renderer;
        if (r._redrawRequest) { L.Util.cancelAnimFrame(r._redrawRequest); r._redraw(); }
      });
      return true;
    },
    zoomBy: function (d) { map.setZoom(map.getZoom() + d, {animate: false}); return scheduleDrawn(); },
    fitBounds: function (b) { map.fitBounds(b, {animate: false}); return scheduleDrawn(); },
    // What tests and the Python side read back: the page's own view of each layer.
    state: function () {
      return {
        order: order.slice(),
        zoom: map.getZoom(),
        center: [map.getCenter().lat, map.getCenter().lng],
        legend: legendDiv.innerText,
        paint: !!api._paint,
        tool: api.tool,
        cursor: window.getComputedStyle(map.getContainer()).cursor,
        dragging: map.dragging.enabled(),
        // Where, in the map's pixels, the visible layers' extent and the legend are (zoom to all).
        extentPx: (function () {
          var b = L.latLngBounds([]);
          order.forEach(function (n) { if (layers[n].visible) { b.extend(layers[n].layer.getBounds()); } });
          if (!b.isValid()) { return null; }
          var sw = map.latLngToContainerPoint(b.getSouthWest()), ne = map.latLngToContainerPoint(b.getNorthEast());
          return {left: sw.x, right: ne.x, top: ne.y, bottom: sw.y};
        })(),
        legendPx: legendDiv.style.display === "none" ? null : (function () {
          var r = legendDiv.getBoundingClientRect(), m = map.getContainer().getBoundingClientRect();
          return {left: r.left - m.left, top: r.top - m.top, width: r.width};
        })(),
        size: [map.getSize().x, map.getSize().y],
        layers: order.map(function (n) {
          var e = layers[n];
          return {name: n, title: e.title, visible: e.visible, opacity: Number(e.pane.style.opacity),
                  z: Number(e.pane.style.zIndex), count: e.count, kind: e.spec.kind, flat: !!e.flat,
                  period: e.spec.period === undefined ? null : e.spec.period,
                  highlighted: Object.keys(e.highlight).map(Number).sort(function (a, b) { return a - b; })};
        })
      };
    },
    // Click a feature as a user would (automation and tests): the same handlers run.
    clickFeature: function (name, id) {
      var e = layers[name], i = flatIndex(e, id);
      if (i >= 0) {
        e.layer.hit = i;
        e.layer.fire("click", {latlng: e.layer.interiorLatLng(i), originalEvent: {}});
        return true;
      }
      var l = e && e.byId[id];
      if (!l) { return false; }
      var ll = l.getBounds ? l.getBounds().getCenter() : l.getLatLng();
      l.fire("click", {latlng: ll, originalEvent: {}});
      return true;
    },
    // Mouse events where a feature is drawn (automation and tests): they go to whatever element
    // is on top at that pixel, as the real mouse's do. Returns the class of that element's pane.
    mouseAt: function (name, id, types) {
      var e = layers[name], i = flatIndex(e, id);
      if (i >= 0) {
        var at = e.layer.interiorLatLng(i);
        return api.mouseAtPoint(at.lat, at.lng, types);
      }
      var l = e && e.byId[id];
      if (!l) { return null; }
      var ll = l.getBounds ? (l.getCenter ? l.getCenter() : l.getBounds().getCenter()) : l.getLatLng();
      return api.mouseAtPoint(ll.lat, ll.lng, types);
    },
    mouseAtPoint: function (lat, lng, types) {
      var p = map.latLngToContainerPoint([lat, lng]), box = map.getContainer().getBoundingClientRect();
      var x = box.left + p.x, y = box.top + p.y, el = document.elementFromPoint(x, y);
      if (!el) { return null; }
      var clicks = 0;  // as a browser counts them: the second click of a double-click has detail 2
      (types || ["mousedown", "mouseup", "click"]).forEach(function (type) {
        if (type === "mousedown") { clicks += 1; }
        el.dispatchEvent(new MouseEvent(type, {clientX: x, clientY: y, bubbles: true, cancelable: true,
                                               view: window, button: 0, buttons: type === "mouseup" ? 0 : 1,
                                               detail: type === "dblclick" ? 2 : Math.max(clicks, 1)}));
      });
      return el.parentNode && el.parentNode.className ? String(el.parentNode.className) : el.tagName;
    },
    // Test/automation hook: a paint stroke pressing on the first feature and entering the others.
    dragAcross: function (name, ids) {
      var e = layers[name];
      if (e && e.flat) {
        var idx = ids.map(function (id) { return flatIndex(e, id); });
        if (!idx.length || idx.some(function (i) { return i < 0; })) { return false; }
        idx.forEach(function (i, k) {
          e.layer.hit = i;
          e.layer.fire(k ? "mouseover" : "mousedown", {originalEvent: {}});
        });
        document.dispatchEvent(new MouseEvent("mouseup"));
        return true;
      }
      var ls = ids.map(function (id) { return layers[name] && layers[name].byId[id]; });
      if (!ls.length || ls.some(function (l) { return !l; })) { return false; }
      ls[0].fire("mousedown", {originalEvent: {}});
      ls.slice(1).forEach(function (l) { l.fire("mouseover", {originalEvent: {}}); });
      document.dispatchEvent(new MouseEvent("mouseup"));
      return true;
    },
    // Ids of the features drawn now (tests: one period of an aggregate layer is drawn).
    drawnIds: function (name) {
      var e = layers[name];
      if (!e) { return []; }
      if (e.flat) {
        var d = e.layer.data, out = [];
        for (var i = 0; d && i < d.n; i++) { if (e.layer.shown[i]) { out.push(Number(d.ids[i])); } }
        return out;
      }
      return Object.keys(e.byId).filter(function (id) {
        var o = e.byId[id].options;
        return o.fill || o.stroke;
      }).map(Number);
    },
    // Where a place is on the map's element, in CSS pixels (tests read the pixels drawn there).
    containerPoint: function (lat, lng) {
      var p = map.latLngToContainerPoint([lat, lng]);
      return [p.x, p.y];
    },
    // The id of the feature of a polygon layer drawn at this place (null: none), as a click finds it.
    featureAt: function (name, lat, lng) {
      var e = layers[name];
      if (!e || !e.flat || !e.layer.data) { return null; }
      var p = map.latLngToLayerPoint([lat, lng]);
      return e.layer._containsPoint(p) ? Number(e.layer.data.ids[e.layer.hit]) : null;
    },
    featureFill: function (name, id) {
      var i = flatIndex(layers[name], id);
      if (i >= 0) { return layers[name].layer.fillOf(i); }
      var l = layers[name] && layers[name].byId[id];
      return l ? l.options.fillColor : null;
    },
    featureSymbol: function (name, id) {
      var l = layers[name] && layers[name].byId[id];
      return l ? (l.options.symbol || "circle") : null;
    },
    featureRadius: function (name, id) {
      var l = layers[name] && layers[name].byId[id];
      return l && l.getRadius ? l.getRadius() : null;
    },
    rowsOf: rowsOf,
    identify: true,
    // The page's own words in the user's language (assetmap/ui/map_words.py sends them on load).
    words: {},
    word: function (english) { return api.words[english] || english; },
    setWords: function (words) {
      api.words = words || {};
      if (legendDiv) {
        legendDiv.setAttribute("aria-label", api.word("Legend"));
        renderLegend();
      }
    }
  };
  window.assetmap = api;

  // The app's page loads while its window is still being built, hidden, at a size that is not
  // its own: a map made there draws nothing, or a fraction of a pixel off, once shown. The map
  // view says when it is shown and at what size (CSS pixels); the map is made once the page has
  // that size (or after 300 ms, should a window manager have changed it), and only then does
  // the page say it is ready.
  window.assetmapStartAt = function (w, h) {
    var el = document.getElementById("map"), started = false, watch = null, timer = null;
    function fits() { return Math.abs(el.clientWidth - w) <= 1 && Math.abs(el.clientHeight - h) <= 1; }
    function start() {
      if (started) { return; }
      started = true;
      if (watch) { watch.disconnect(); }
      clearTimeout(timer);
      api.init({});
      window.assetmapConnect();
    }
    if (fits()) { start(); return; }
    watch = new ResizeObserver(function () { if (fits()) { start(); } });
    watch.observe(el);
    timer = setTimeout(start, 300);
  };

  window.assetmapConnect = function () {
    if (window.qt && window.qt.webChannelTransport && window.QWebChannel) {
      new QWebChannel(window.qt.webChannelTransport, function (channel) {
        bridge = channel.objects.bridge;
        bridge.ready();
      });
    }
  };
})();
