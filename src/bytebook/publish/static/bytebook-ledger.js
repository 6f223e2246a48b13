// Makes the claims ledger sortable and filterable with DataTables (from itables' offline
// bundle, served by this book). The rows are plain HTML first, so links to them work without it.
(function () {
  "use strict";
  var table = document.querySelector("table.ledger-table");
  if (!table) { return; }
  // DataTables styles its dark mode under html.dark; the theme marks it with data-theme.
  var root = document.documentElement;
  var followTheme = function () { root.classList.toggle("dark", root.dataset.theme === "dark"); };
  followTheme();
  new MutationObserver(followTheme).observe(root, { attributes: true, attributeFilter: ["data-theme"] });
  var here = document.currentScript ? document.currentScript.src : "";
  var base = here.slice(0, here.lastIndexOf("/") + 1) + "itables/";
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = base + "dt_bundle.css";
  document.head.appendChild(css);
  import(base + "dt_bundle.js").then(function (dt) {
    var columns = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) {
      return cell.getAttribute("data-filter") === "pane";
    });
    var panes = [];
    columns.forEach(function (isPane, index) { if (isPane) { panes.push(index); } });
    new dt.default(table, {
      paging: false,
      autoWidth: false,
      order: [],
      layout: { top1: "searchPanes" },
      searchPanes: { columns: panes, initCollapsed: false, cascadePanes: true, layout: "columns-" + panes.length },
      columnDefs: [{ searchPanes: { show: true }, targets: panes }],
    });
    table.setAttribute("data-enhanced", "true");
    if (window.location.hash) {
      var row = document.getElementById(window.location.hash.slice(1));
      if (row) { row.scrollIntoView(); }
    }
  }).catch(function (error) {
    console.error("the ledger table could not be enhanced: " + error);
  });
})();
