// Draws every chart on the page with the locally served Vega runtime (_static/vega-bundle.js).
// - Each chart carries its Vega spec, compiled from Vega-Lite by the build (its data left out:
//   the Vega-Lite spec beside it holds the same datasets), inline or, on the site, in the page's
//   chart file under _static/charts/ (every chart of the page, by id) that its box names in
//   data-spec, preloaded by the page's head and fetched once. What a chart changes to fit its
//   column (a narrower plot, panels stacked, wrapped titles and category labels, legends one
//   entry a line) and the sliders' values it keeps on a redraw are written into that Vega spec
//   as Vega-Lite would compile them, so no page needs the compiler. Only a chart whose Vega spec
//   cannot be changed so (a legend left to Vega-Lite's defaults beside one it sets, panels not
//   laid out in one row) is compiled again from its Vega-Lite spec, with the compiler
//   (_static/vega-lite-bundle.js) loaded the first time one needs it.
// - Starts as soon as the runtime, the palette (both loaded async, in whatever order they arrive)
//   and the page's style sheets are in, often while the page is still being read: charts read so
//   far start then, the rest as soon as the whole page is read, neither waiting for the theme's
//   deferred scripts. Charts in view are drawn at once; the others as they scroll within 200 px
//   of the screen, their static SVG shown until then. The page's one chart file is fetched at
//   once.
// - Fits the page: a chart wider than its column is narrowed, at full text size (panels side by
//   side are stacked first), and its title, subtitle and source line wrap to the column. A chart
//   drawn from the build's Vega spec narrows in place, through the signals its plot width reads,
//   without parsing the spec again.
// - Follows the theme: on a dark page each palette colour is swapped for its dark twin
//   (window.bytebookDarkTwins, written from bytebook.palette), and charts redraw when the
//   reader switches the theme.
// The static SVG inside each chart stays in place for readers without JavaScript.
(function () {
  "use strict";
  var MIN_PLOT_WIDTH = 80;
  var DRAW_AHEAD = "200px";
  // On a narrow column a bar chart's category labels wrap to this share of it (at least 90 px),
  // widened up to the larger share where a label would otherwise take more than two lines.
  var AXIS_LABEL_SHARE = 0.34;
  var AXIS_LABEL_MOST_SHARE = 0.45;
  var charts = [];
  // A tap does not hover: a tap on a mark (by finger, or by a pen on a screen) shows its
  // tooltip, and a tap beside the marks, a tap outside the chart or a scroll of the page hides
  // it (the tooltip is fixed on the screen, so it would otherwise stay as the page moves under
  // it). A mouse, or a pen held over the screen, hovers as ever. Which one the reader is using
  // is read from each pointer event, not from the screen: a laptop with a touch screen has
  // both, and there a tap's mouse events hid its tooltip at once. When the reader changes from
  // one to the other, the tooltip shown is hidden: neither way would hide it otherwise.
  var tapping = false;
  var hideShownTooltip = null;

  function closeTooltip() {
    if (hideShownTooltip) { hideShownTooltip(); hideShownTooltip = null; }
  }

  function pointerIs(tap) {
    if (tap !== tapping) { closeTooltip(); }
    tapping = tap;
  }

  // vega-tooltip places the box beside the tap, and where no side fits, off the screen's edge:
  // it is moved back inside the screen, TOOLTIP_MARGIN px from its edges.
  var TOOLTIP_MARGIN = 8;

  // A tap on a line is a click on one mark, which carries the line's first point, so its
  // tooltip read the curve's first values wherever it was tapped (Vega finds the point under a
  // moving pointer itself): the point of the line nearest the tap across stands in for it.
  function nearestOnLine(view, target, event, item) {
    if (!item || !item.mark || item.mark.marktype !== "line" || !event) { return item; }
    var svg = target.querySelector("svg");
    if (!svg) { return item; }
    var across = event.clientX - svg.getBoundingClientRect().left - view.origin()[0];
    for (var group = item.mark.group; group; group = group.mark && group.mark.group) {
      across -= group.x || 0;
    }
    return item.mark.items.reduce(function (nearest, point) {
      return Math.abs(point.x - across) < Math.abs(nearest.x - across) ? point : nearest;
    }, item);
  }

  function keepTooltipOnScreen() {
    var box = document.getElementById("vg-tooltip-element");
    if (!box) { return; }
    var place = box.getBoundingClientRect();
    var left = Math.min(place.left, window.innerWidth - place.width - TOOLTIP_MARGIN);
    var top = Math.min(place.top, window.innerHeight - place.height - TOOLTIP_MARGIN);
    box.style.left = Math.max(left, TOOLTIP_MARGIN) + "px";
    box.style.top = Math.max(top, TOOLTIP_MARGIN) + "px";
  }

  document.addEventListener("pointerdown", function (event) {
    pointerIs(event.pointerType !== "mouse");
    if (!(event.target.closest && event.target.closest(".bytebook-live"))) { closeTooltip(); }
  }, { capture: true, passive: true });
  document.addEventListener("pointermove", function (event) {
    if (event.buttons === 0) { pointerIs(false); } // nothing pressed: a pointer that hovers
  }, { capture: true, passive: true });
  window.addEventListener("scroll", function () { if (tapping) { closeTooltip(); } },
    { passive: true });

  // The theme's own script turns "auto" into light or dark only after the page is read; charts
  // drawn before then follow the reader's preference, as it will.
  function isDark() {
    var theme = document.documentElement.dataset.theme;
    if (theme === "auto" && window.matchMedia) {
      return window.matchMedia("(prefers-color-scheme: dark)").matches;
    }
    return theme === "dark";
  }

  function themed(text) {
    var twins = window.bytebookDarkTwins || {};
    if (!isDark()) { return text; }
    return text.replace(/"(#[0-9a-f]{6})"/g, function (match, colour) {
      return twins[colour] ? '"' + twins[colour] + '"' : match;
    });
  }

  var measure = document.createElement("canvas").getContext("2d");

  // Lines break at spaces only, not at a no-break space (a value kept with its unit).
  function wrapLines(text, font, width) {
    var lines = [].concat(text).join(" ").split(/[ \t\r\n]+/);
    var out = [];
    var line = "";
    measure.font = font;
    lines.forEach(function (word) {
      var candidate = line ? line + " " + word : word;
      // A number stays with the word after it: a section's number is part of its name.
      if (line && !/^\d+(\.\d+)*$/.test(line) && measure.measureText(candidate).width > width) {
        out.push(line);
        line = word;
      } else {
        line = candidate;
      }
    });
    if (line) { out.push(line); }
    return out.length > 1 ? out : out[0] || "";
  }

  // Wraps the chart's titles to `width`; returns each change as [the text before, as JSON, the
  // wrapped text], for a compiled spec that holds the same titles.
  function wrapTitles(spec, width) {
    var family = (spec.config && spec.config.font) || "sans-serif";
    var changes = [];
    function wrap(title, key, font) {
      var before = JSON.stringify(title[key]);
      title[key] = wrapLines(title[key], font, width);
      if (JSON.stringify(title[key]) !== before) { changes.push([before, title[key]]); }
    }
    var top = spec.title;
    if (top && typeof top === "object" && top.text) {
      wrap(top, "text", (top.fontSize || 11) + "px " + family);
    }
    var child = spec.vconcat ? spec.vconcat[0] : spec;
    var title = child.title;
    if (title && typeof title === "object") {
      if (title.text) { wrap(title, "text", "bold 15px " + family); }
      if (title.subtitle) { wrap(title, "subtitle", "12px " + family); }
    }
    return changes;
  }

  // Writes wrapped titles into a compiled Vega spec, which keeps each title's text as Vega-Lite
  // wrote it in a `title` object; false when one of them is not found there.
  function retitle(vega, changes) {
    var found = changes.map(function () { return false; });
    (function visit(node) {
      if (!node || typeof node !== "object") { return; }
      var title = node.title;
      if (title && typeof title === "object" && !Array.isArray(title)) {
        ["text", "subtitle"].forEach(function (key) {
          changes.forEach(function (change, index) {
            if (title[key] !== undefined && JSON.stringify(title[key]) === change[0]) {
              title[key] = change[1];
              found[index] = true;
            }
          });
        });
      }
      Object.keys(node).forEach(function (key) { visit(node[key]); });
    })(vega);
    return found.every(Boolean);
  }

  // Labels of `field` in the chart's data (or its scale's domain), in order of appearance.
  function labelsOf(encoding, rows) {
    var domain = encoding.scale && encoding.scale.domain;
    var labels = [];
    (Array.isArray(domain) ? domain : rows.map(function (row) { return row[encoding.field]; }))
      .forEach(function (value) {
        var label = String(value);
        if (labels.indexOf(label) < 0) { labels.push(label); }
      });
    return labels;
  }

  // A Vega expression that writes each known label on the lines it wraps to within `width`
  // (null when every label fits on one line).
  function wrappedLabels(labels, font, width) {
    var lines = labels.map(function (label) { return [].concat(wrapLines(label, font, width)); });
    if (lines.every(function (l) { return l.length === 1; })) { return null; }
    var known = JSON.stringify(labels);
    return "indexof(" + known + ", datum.label) >= 0 ? " + JSON.stringify(lines) +
      "[indexof(" + known + ", datum.label)] : datum.label";
  }

  // The width a narrow column's category labels wrap to first (AXIS_LABEL_SHARE).
  function labelWidth(columnWidth) { return Math.max(90, columnWidth * AXIS_LABEL_SHARE); }

  // The width category labels wrap to: `width`, or wider where a label would take more than two
  // lines there (a bar's band holds two), up to `widest`; the plot narrows to make room.
  function twoLineWidth(labels, font, width, widest) {
    function tooTall(label) { return [].concat(wrapLines(label, font, width)).length > 2; }
    while (width < widest && labels.some(tooTall)) { width = Math.min(widest, width + 4); }
    return width;
  }

  // The chart's nominal y encodings and its colour and shape encodings that set their legend,
  // each with the labels it shows; and how many colour or shape fields leave their legend to
  // Vega-Lite's defaults.
  function categoryEncodings(spec) {
    var datasets = spec.datasets || {};
    var found = { axes: [], legends: [], defaultLegends: 0 };
    (function visit(node, data) {
      if (!node || typeof node !== "object") { return; }
      data = node.data || data;
      ["layer", "vconcat", "hconcat", "concat"].forEach(function (key) {
        (node[key] || []).forEach(function (child) { visit(child, data); });
      });
      var rows = (data && data.name && datasets[data.name]) || [];
      ["color", "shape"].forEach(function (channel) {
        var encoding = node.encoding && node.encoding[channel];
        if (!encoding) { return; }
        if (encoding.legend === undefined && encoding.field) { found.defaultLegends += 1; }
        if (encoding.legend) {
          found.legends.push({ encoding: encoding, labels: labelsOf(encoding, rows) });
        }
      });
      var y = node.encoding && node.encoding.y;
      if (y && y.type === "nominal" && y.field) {
        found.axes.push({ encoding: y, labels: labelsOf(y, rows) });
      }
    })(spec, null);
    return found;
  }

  // The fonts of axis and legend labels, and the room a legend's labels have beside the axis
  // labels (`columnWidth` less `width`).
  function labelFonts(spec, width, columnWidth) {
    var config = spec.config || {};
    var family = config.font || "sans-serif";
    return {
      axis: ((config.axis && config.axis.labelFontSize) || 12) + "px " + family,
      legend: ((config.legend && config.legend.labelFontSize) || 12) + "px " + family,
      room: Math.max(90, columnWidth - width - 50)
    };
  }

  // On a narrow screen: nominal axis labels (a bar chart's categories) wrap onto lines no wider
  // than `width`; legends list their entries one under another, each label wrapped to the room
  // the column leaves beside the axis labels. Written into the Vega-Lite spec.
  function wrapCategoryLabels(spec, width, columnWidth) {
    var found = categoryEncodings(spec);
    var fonts = labelFonts(spec, width, columnWidth);
    found.legends.forEach(function (entry) {
      var legend = entry.encoding.legend;
      legend.columns = 1;
      legend.direction = "vertical";
      var expression = wrappedLabels(entry.labels, fonts.legend, fonts.room);
      if (expression) {
        legend.labelExpr = expression;
        legend.labelLimit = fonts.room + 4;
      }
    });
    found.axes.forEach(function (entry) {
      var widest = columnWidth * AXIS_LABEL_MOST_SHARE;
      var room = twoLineWidth(entry.labels, fonts.axis, width, widest);
      var expression = wrappedLabels(entry.labels, fonts.axis, room);
      if (expression) {
        entry.encoding.axis = Object.assign({}, entry.encoding.axis || {}, { labelExpr: expression });
      }
    });
  }

  function labelText(node, expression) {
    node.encode = node.encode || {};
    node.encode.labels = node.encode.labels || {};
    node.encode.labels.update = Object.assign({}, node.encode.labels.update,
      { text: { signal: expression } });
  }

  function unionOf(entries) {
    var labels = [];
    entries.forEach(function (entry) {
      entry.labels.forEach(function (label) {
        if (labels.indexOf(label) < 0) { labels.push(label); }
      });
    });
    return labels;
  }

  // The same change written into the build's Vega spec, where Vega-Lite compiles a labelExpr
  // to the labels' text: every legend one entry a line, the labels of every y axis on a band
  // scale wrapped. False when a legend there may come from Vega-Lite's defaults.
  function wrapVegaLabels(vega, spec, width, columnWidth) {
    var found = categoryEncodings(spec);
    var fonts = labelFonts(spec, width, columnWidth);
    var legends = [], axes = [], bands = {};
    (function visit(node) {
      if (!node || typeof node !== "object") { return; }
      (node.scales || []).forEach(function (scale) {
        if (scale.type === "band" || scale.type === "point") { bands[scale.name] = true; }
      });
      legends = legends.concat(node.legends || []);
      axes = axes.concat(node.axes || []);
      Object.keys(node).forEach(function (key) { visit(node[key]); });
    })(vega);
    if (legends.length > found.legends.length && (found.defaultLegends || !found.legends.length)) {
      return false;
    }
    var legendText = wrappedLabels(unionOf(found.legends), fonts.legend, fonts.room);
    legends.forEach(function (legend) {
      legend.columns = 1;
      legend.direction = "vertical";
      if (legendText) {
        legend.labelLimit = fonts.room + 4;
        labelText(legend, legendText);
      }
    });
    var axisLabels = unionOf(found.axes);
    var room = twoLineWidth(axisLabels, fonts.axis, width, columnWidth * AXIS_LABEL_MOST_SHARE);
    var axisText = wrappedLabels(axisLabels, fonts.axis, room);
    axes.forEach(function (axis) {
      if (axisText && bands[axis.scale] && /(^|_)y$/.test(axis.scale) && axis.labels !== false) {
        labelText(axis, axisText);
      }
    });
    return true;
  }

  function keepSliderValues(spec, view) {
    if (!view) { return; }
    (spec.params || []).forEach(function (param) {
      if (param.bind) {
        try { param.value = view.signal(param.name); } catch (ignore) { /* not a signal */ }
      }
    });
  }

  // `showCategoryLabels` in the build's Vega spec: each panel of `row` shows the labels and
  // ticks of its left axis (not its grid).
  function showVegaCategoryLabels(row) {
    (row.marks || []).forEach(function (panel) {
      (panel.axes || []).forEach(function (axis) {
        if (axis.orient === "left" && !axis.grid && axis.labels === false) {
          axis.labels = true;
          axis.ticks = true;
        }
      });
    });
  }

  // The rows a Vega data set holds, following its `source` back to the values it starts from.
  function dataRows(vega, name) {
    var sets = {};
    (vega.data || []).forEach(function (data) { sets[data.name] = data; });
    var data = sets[name];
    while (data && data.values === undefined && data.source) { data = sets[data.source]; }
    return (data && data.values) || [];
  }

  // Stacked one under another, each panel of `row` keeps only the categories (rows) its data
  // holds, in their order, and its height shrinks with them: side by side the panels share one
  // list of rows so that they line up, which stacked panels need not, and the empty rows made
  // the verdicts chart two screens tall on a phone. The band's step stays as it was.
  function dropEmptyRows(vega, row) {
    var scales = {}, signals = {};
    (vega.scales || []).forEach(function (scale) { scales[scale.name] = scale; });
    (vega.signals || []).forEach(function (signal) { signals[signal.name] = signal; });
    (row.marks || []).forEach(function (panel) {
      var update = panel.encode && panel.encode.update;
      var height = update && update.height && signals[update.height.signal];
      var mark = (panel.marks || []).filter(function (m) {
        var y = m.encode && m.encode.update && m.encode.update.y;
        return m.from && m.from.data && y && y.field && scales[y.scale];
      })[0];
      if (!height || typeof height.value !== "number" || !mark) { return; }
      var y = mark.encode.update.y, scale = scales[y.scale];
      if (scale.type !== "band" || !Array.isArray(scale.domain)) { return; }
      var held = {};
      dataRows(vega, mark.from.data).forEach(function (datum) { held[datum[y.field]] = true; });
      var kept = scale.domain.filter(function (category) { return held[category]; });
      if (kept.length === 0 || kept.length === scale.domain.length) { return; }
      var shrunk = height.value * kept.length / scale.domain.length;
      scale.domain = kept;
      scale.range = [0, shrunk];
      update.height = { value: shrunk };
    });
  }

  // The group that lays panels out side by side in the build's Vega spec (a layout without a
  // column count), or null.
  function panelRow(group) {
    if (group.layout && group.layout.columns === undefined) { return group; }
    var marks = (group.marks || []).filter(function (mark) { return mark.type === "group"; });
    for (var i = 0; i < marks.length; i += 1) {
      var row = panelRow(marks[i]);
      if (row) { return row; }
    }
    return null;
  }

  // Sets every panel of `row` `width` wide through the signal its width reads; returns those
  // signals' names, or null when a panel's width is not such a signal.
  function setPanelWidths(vega, row, width) {
    var signals = {};
    (vega.signals || []).forEach(function (signal) { signals[signal.name] = signal; });
    var panels = (row.marks || []).filter(function (mark) { return mark.type === "group"; });
    var names = [];
    var set = panels.length > 0 && panels.every(function (panel) {
      var update = panel.encode && panel.encode.update;
      var signal = update && update.width && signals[update.width.signal];
      if (!signal || typeof signal.value !== "number") { return false; }
      signal.value = width;
      names.push(signal.name);
      return true;
    });
    return set ? names : null;
  }

  // The category (nominal y) axes of a panel and its layers.
  function categoryAxes(panel) {
    var axes = [];
    [panel].concat(panel.layer || []).forEach(function (view) {
      var y = view.encoding && view.encoding.y;
      if (y && y.type === "nominal" && y.axis) { axes.push(y.axis); }
    });
    return axes;
  }

  // Stacked one under another, each panel names its own rows (side by side, a panel may leave
  // them to the first).
  function showCategoryLabels(panel) {
    categoryAxes(panel).forEach(function (axis) {
      delete axis.labels;
      delete axis.ticks;
    });
  }

  // The build's Vega spec changed here as the column needs (the plot's width, panels stacked,
  // category labels and titles wrapped, the sliders' values kept); null when it cannot be
  // changed so, and the chart must be compiled again from its Vega-Lite spec.
  function fittedVega(chart, plotWidth) {
    var spec = JSON.parse(chart.text);
    var child = spec.vconcat ? spec.vconcat[0] : spec;
    if (child.vconcat) { return null; }
    var panels = child.hconcat || [child];
    var natural = typeof panels[0].width === "number" && plotWidth ? plotWidth : panels[0].width;
    var built = builtVega(chart);
    var widthSignals = null;
    if (child.hconcat) {
      var row = panelRow(built);
      if (!row) { return null; }
      if (typeof natural === "number") {
        widthSignals = setPanelWidths(built, row, natural);
        if (!widthSignals) { return null; }
      }
      if (chart.stacked) {
        row.layout.columns = 1;
        showVegaCategoryLabels(row);
        dropEmptyRows(built, row);
      }
    } else if (typeof natural === "number") {
      // Vega-Lite writes a lone panel's width once, as the top-level width of the Vega spec.
      if (built.width === chart.naturalWidth) {
        built.width = natural;
        widthSignals = ["width"];
      } else if (natural !== chart.naturalWidth) {
        return null;
      }
    }
    var columnWidth = chart.container.clientWidth;
    if (columnWidth < 600 &&
        !wrapVegaLabels(built, spec, labelWidth(columnWidth), columnWidth)) {
      return null;
    }
    if (chart.view) {
      (built.signals || []).forEach(function (signal) {
        if (signal.bind) {
          try { signal.value = chart.view.signal(signal.name); } catch (ignore) { /* none */ }
        }
      });
    }
    if (!retitle(built, wrapTitles(spec, columnWidth - 14))) { return null; }
    return { vega: built, natural: natural, widthSignals: widthSignals };
  }

  // A slider whose spec has a readout signal (`<name>_readout`, bytebook.charts.Slider) shows
  // that text, the value as the book writes it (45%, not 0.45), in place of the raw number.
  function showReadouts(target, view) {
    target.querySelectorAll(".vega-bind input[type=range]").forEach(function (input) {
      var signal = input.name + "_readout";
      var text;
      try { text = view.signal(signal); } catch (ignore) { return; } // no readout: raw number
      var raw = input.nextElementSibling;
      if (raw) { raw.hidden = true; }
      var readout = document.createElement("span");
      readout.className = "bytebook-readout";
      readout.textContent = text;
      input.parentNode.insertBefore(readout, raw ? raw.nextSibling : null);
      view.addSignalListener(signal, function (name, value) { readout.textContent = value; });
    });
  }

  var compiler = null;

  // The Vega-Lite compiler, loaded from beside the runtime the first time a chart needs it.
  function vegaLite() {
    if (!compiler) {
      compiler = new Promise(function (resolve, reject) {
        var runtime = document.querySelector('script[src*="vega-bundle.js"]');
        var script = document.createElement("script");
        script.src = runtime.src.replace(/vega-bundle\.js.*$/, "vega-lite-bundle.js");
        script.onload = function () { resolve(window.vegaLite); };
        script.onerror = function () { reject(new Error("no Vega-Lite compiler")); };
        document.head.appendChild(script);
      });
    }
    return compiler;
  }

  // The Vega spec the build compiled, with the datasets its Vega-Lite spec holds put back.
  function builtVega(chart) {
    var vega = JSON.parse(themed(chart.vegaText));
    var datasets = JSON.parse(themed(chart.text)).datasets || {};
    (vega.data || []).forEach(function (data) {
      if (data.values === undefined && datasets[data.name] !== undefined) {
        data.values = datasets[data.name];
      }
    });
    return vega;
  }

  // The chart's Vega spec for a plot `plotWidth` wide: the build's own, fitted to the column
  // here, or, when it cannot be, its Vega-Lite spec changed and compiled here.
  function vegaSpec(chart, plotWidth) {
    var fitted = fittedVega(chart, plotWidth);
    if (fitted) { return Promise.resolve(fitted); }
    var spec = JSON.parse(chart.text);
    var child = spec.vconcat ? spec.vconcat[0] : spec;
    if (child.hconcat && chart.stacked) {
      child.vconcat = child.hconcat;
      delete child.hconcat;
      child.vconcat.forEach(showCategoryLabels);
    }
    var panels = child.hconcat || child.vconcat || [child];
    panels.forEach(function (panel) {
      if (typeof panel.width === "number" && plotWidth) { panel.width = plotWidth; }
    });
    var columnWidth = chart.container.clientWidth;
    if (columnWidth < 600) {
      wrapCategoryLabels(spec, labelWidth(columnWidth), columnWidth);
    }
    keepSliderValues(spec, chart.view);
    wrapTitles(spec, columnWidth - 14);
    var natural = panels[0].width;
    return vegaLite().then(function (compiler) {
      var themedSpec = JSON.parse(themed(JSON.stringify(spec)));
      return { vega: compiler.compile(themedSpec).spec, natural: natural };
    });
  }

  function embed(chart, plotWidth) {
    var target = document.createElement("div");
    target.className = "bytebook-live";
    return vegaSpec(chart, plotWidth).then(function (compiled) {
      compiled.vega.background = "transparent"; // the page's own background, light or dark
      // A slider can widen what the plot draws (a longer axis label, a source line pushed
      // along): the view is laid out again on every change, or it keeps its first size and
      // cuts what now lies beyond it.
      compiled.vega.autosize = { type: "pad", resize: true };
      // expr: Vega interprets its expressions instead of compiling them with `new Function`,
      // which a content security policy without 'unsafe-eval' does not allow.
      var view = new window.vega.View(window.vega.parse(compiled.vega, {}, { ast: true }), {
        renderer: "svg", logLevel: window.vega.Warn, expr: window.vegaInterpreter
      });
      // After a tap Vega's own calls are passed over (the mouse events a tap stands for leave
      // the mark as the tooltip opens, which hid it at once), and the tap decides.
      var tooltip = new window.vegaTooltip().call;
      var hideWith = function (handler, event) {
        return function () { tooltip(handler, event, null, undefined); };
      };
      view.tooltip(function (handler, event, item, value) {
        if (tapping) { return; }
        tooltip(handler, event, item, value);
        hideShownTooltip = value == null ? null : hideWith(handler, event);
      });
      view.addEventListener("click", function (event, item) {
        if (!tapping) { return; }
        closeTooltip();
        item = nearestOnLine(view, target, event, item);
        if (item && item.tooltip) {
          tooltip(view, event, item, item.tooltip);
          keepTooltipOnScreen();
          hideShownTooltip = hideWith(view, event);
        }
      });
      return view.initialize(target).runAsync().then(function () {
        if (chart.view) { chart.view.finalize(); }
        if (chart.target) { chart.target.remove(); }
        chart.container.appendChild(target);
        chart.target = target;
        chart.view = view;
        chart.widthSignals = compiled.widthSignals || null;
        showReadouts(target, view);
        view.addResizeListener(function () { narrowIfOutgrown(chart, view); });
        return { natural: compiled.natural, drawn: svgWidth(target) };
      });
    });
  }

  function svgWidth(target) {
    var svg = target.querySelector("svg");
    return svg ? parseFloat(svg.getAttribute("width")) : 0;
  }

  // How far from the drawing's left edge its panels reach (the groups nested in its own, each
  // a panel with its axes and title); the drawing's width where it has no such groups. A title
  // or a source line may be wider than the panels.
  function panelsRight(target) {
    var svg = target.querySelector("svg");
    if (!svg) { return 0; }
    var left = svg.getBoundingClientRect().left;
    var panels = svg.querySelectorAll("g.role-scope g.role-scope");
    if (panels.length === 0) { return svgWidth(target); }
    return Array.prototype.reduce.call(panels, function (right, panel) {
      return Math.max(right, panel.getBoundingClientRect().right - left);
    }, 0);
  }

  // A chart drawn from the build's Vega spec narrows or widens in place: the signals its plot
  // width reads are set and its view runs again, without parsing the spec again; its size is
  // worked out again too (`resize`), which a grid of stacked panels does not do by itself.
  function plotWidthInPlace(chart, width) {
    chart.widthSignals.forEach(function (name) { chart.view.signal(name, width); });
    return chart.view.resize().runAsync().then(function () {
      return { natural: width, drawn: svgWidth(chart.target) };
    });
  }

  // A chart a slider has made wider than its column narrows its plot by the overflow, in
  // place (the slider the reader holds stays where it is); a chart that cannot narrow so
  // scrolls sideways in its box.
  function narrowIfOutgrown(chart, view) {
    if (chart.view !== view || !chart.widthSignals) { return; }
    var overflow = svgWidth(chart.target) - chart.container.clientWidth;
    var plot = view.signal(chart.widthSignals[0]);
    if (overflow <= 0 || typeof plot !== "number" || plot <= MIN_PLOT_WIDTH) { return; }
    plotWidthInPlace(chart, Math.max(MIN_PLOT_WIDTH, plot - overflow - 2));
  }

  // Draw at the chart's own width. Panels side by side that are wider than the column are
  // stacked, one under another. While the chart is still wider than its column, narrow the plot
  // by the overflow and draw again (axis labels and ticks change a little with the width).
  function draw(chart) {
    var available = chart.container.clientWidth;
    chart.width = available;
    chart.stacked = false;
    // Stacked, each panel takes the column's width: the panels were narrow to sit side by side.
    function stackIfTooWide(size) {
      if (size.drawn <= available || !chart.sideBySide) { return size; }
      chart.stacked = true;
      return embed(chart, chart.naturalWidth).then(function (stacked) {
        var room = available - panelsRight(chart.target) - 2;
        if (room <= 0 || typeof stacked.natural !== "number" || !chart.widthSignals) {
          return stacked;
        }
        return plotWidthInPlace(chart, stacked.natural + room);
      });
    }
    function fit(size, tries) {
      if (size.drawn <= available || typeof size.natural !== "number" || tries === 0) { return; }
      if (size.natural <= MIN_PLOT_WIDTH) { return; }
      var narrower = Math.max(MIN_PLOT_WIDTH, size.natural - (size.drawn - available) - 2);
      var next = chart.widthSignals ? plotWidthInPlace(chart, narrower) : embed(chart, narrower);
      return next.then(function (size) { return fit(size, tries - 1); });
    }
    return embed(chart, chart.naturalWidth)
      .then(stackIfTooWide)
      .then(function (size) { return fit(size, 6); });
  }

  // The chart's two specs as text: inline in the page (the notebooks, the one-page print build)
  // or in the file its box names (the site), fetched from the same host.
  function specTexts(container) {
    var inline = container.querySelector("script.bytebook-spec");
    if (inline) {
      return Promise.resolve({
        spec: inline.textContent,
        vega: container.querySelector("script.bytebook-vega").textContent
      });
    }
    return pageFile(container.getAttribute("data-spec")).then(function (file) {
      var chart = file[container.id];
      if (!chart) { throw new Error("chart file holds no " + container.id); }
      return { spec: JSON.stringify(chart.spec), vega: JSON.stringify(chart.vega) };
    });
  }

  var files = {};

  // The page's chart file (one for all its charts, preloaded by the page's head), fetched once.
  function pageFile(url) {
    if (!files[url]) {
      files[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error("chart file: HTTP " + response.status); }
        return response.json();
      });
    }
    return files[url];
  }

  function prepare(chart, texts) {
    chart.text = texts.spec;
    chart.vegaText = texts.vega;
    var spec = JSON.parse(chart.text);
    var child = spec.vconcat ? spec.vconcat[0] : spec;
    chart.sideBySide = Array.isArray(child.hconcat);
    var first = chart.sideBySide ? child.hconcat[0] : child;
    chart.naturalWidth = typeof first.width === "number" ? first.width : null;
    return chart;
  }

  function drawFirst(container) {
    var chart = { container: container };
    return specTexts(container)
      .then(function (texts) {
        charts.push(prepare(chart, texts));
        return draw(chart);
      })
      .then(function () {
        var fallback = container.querySelector(".bytebook-static");
        if (fallback) { fallback.remove(); }
        container.setAttribute("data-drawn", "true");
      })
      .catch(function (error) {
        container.setAttribute("data-drawn", "failed");
        console.error("chart " + container.id + " could not be drawn: " + error);
      });
  }

  function inView(container) {
    var box = container.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  }

  var ahead = null;

  // Draws each chart it observes as it comes within DRAW_AHEAD of the screen.
  function watcher() {
    if (!ahead) {
      ahead = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (!entry.isIntersecting) { return; }
          ahead.unobserve(entry.target);
          drawFirst(entry.target);
        });
      }, { rootMargin: DRAW_AHEAD + " 0px" });
    }
    return ahead;
  }

  var found = [];

  // The chart boxes read since the last call; their chart file is asked for at once.
  function newBoxes() {
    var boxes = Array.prototype.filter.call(document.querySelectorAll(".bytebook-chart"),
      function (box) { return found.indexOf(box) < 0; });
    boxes.forEach(function (box) {
      found.push(box);
      if (box.getAttribute("data-spec")) { pageFile(box.getAttribute("data-spec")); }
    });
    return boxes;
  }

  // Charts in view are drawn at once; each of the others, marked data-drawn="waiting" with its
  // static SVG on screen, is drawn as it comes within DRAW_AHEAD of the screen.
  function drawInView(boxes) {
    if (!("IntersectionObserver" in window)) {
      boxes.forEach(drawFirst);
      return;
    }
    // Every box is measured before any is marked, so the page is laid out once.
    var shown = boxes.map(inView);
    boxes.forEach(function (box, index) {
      if (shown[index]) {
        drawFirst(box);
      } else {
        box.setAttribute("data-drawn", "waiting");
        watcher().observe(box);
      }
    });
  }

  function redrawAll(onlyResized) {
    charts.forEach(function (chart) {
      if (onlyResized && chart.container.clientWidth === chart.width) { return; }
      chart.container.setAttribute("data-drawn", "redrawing");
      draw(chart).then(function () {
        chart.container.setAttribute("data-drawn", "true");
      });
    });
  }

  function startAll() {
    drawInView(newBoxes());
    // The rest as soon as the page is read, before the theme's deferred scripts run (and long
    // before DOMContentLoaded, which waits for them).
    if (document.readyState === "loading") {
      document.addEventListener("readystatechange", function () { drawInView(newBoxes()); },
        { once: true });
    }
    // The theme's own script sets data-theme once more as the page starts, usually to the value
    // it already had: only a real change of light or dark redraws the charts.
    var drawnDark = isDark();
    new MutationObserver(function () {
      if (isDark() === drawnDark) { return; }
      drawnDark = isDark();
      redrawAll(false);
    }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    var pending = null;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(function () { redrawAll(true); }, 200);
    });
  }

  var givenUp = [];

  // What the charts still wait for: a style sheet not yet in (a chart is fitted to its column),
  // the runtime or the palette not yet run.
  function stillLoading() {
    var waiting = Array.prototype.filter.call(
      document.querySelectorAll('link[rel="stylesheet"]'),
      function (link) { return !link.sheet; });
    var runtime = document.querySelector('script[src*="vega-bundle.js"]');
    var palette = document.querySelector('script[src*="bytebook-palette.js"]');
    if (runtime && !window.vega) { waiting.push(runtime); }
    if (palette && !window.bytebookDarkTwins) { waiting.push(palette); }
    return waiting.filter(function (element) { return givenUp.indexOf(element) < 0; });
  }

  var started = false;

  // Starts the charts once nothing is pending, checking again each time what it waits for
  // arrives; what fails to load is waited for no longer (without the runtime, no chart starts).
  // The window's load event ends the wait in any case: by then whatever is still pending has
  // failed, even where a browser leaves a refused style sheet's link.sheet null without an
  // error event the script could hear.
  function startWhenReady() {
    if (started) { return; }
    var waiting = stillLoading();
    if (!waiting.length) {
      started = true;
      if (window.vega) { startAll(); }
      return;
    }
    var next = waiting[0];
    next.addEventListener("load", startWhenReady, { once: true });
    next.addEventListener("error", function () {
      givenUp.push(next);
      startWhenReady();
    }, { once: true });
  }

  // The page's chart file, preloaded by its head, is asked for now, so it is read by the time
  // the charts start.
  document.querySelectorAll('link[rel="preload"][as="fetch"]').forEach(function (link) {
    var url = link.getAttribute("href");
    if (/_static\/charts\//.test(url)) { pageFile(url); }
  });
  window.addEventListener("load", function () {
    givenUp = givenUp.concat(stillLoading());
    startWhenReady();
  }, { once: true });
  startWhenReady();
})();
