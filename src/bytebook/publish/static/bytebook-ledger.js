// Makes the claims ledger sortable and filterable with DataTables (from itables' offline
// bundle, served by this book). The rows are plain HTML first, so links to them work without it.
(function () {
  "use strict";
  var table = document.querySelector("table.ledger-table");
  if (!table) { return; }
  var phone = window.matchMedia("screen and (max-width: 700px)");
  // DataTables styles its dark mode under html.dark; the theme marks it with data-theme.
  var root = document.documentElement;
  var followTheme = function () { root.classList.toggle("dark", root.dataset.theme === "dark"); };
  followTheme();
  new MutationObserver(followTheme).observe(root, { attributes: true, attributeFilter: ["data-theme"] });
  // The rows are set aside (left out of the layout) while DataTables and its filters set up:
  // the filters measure their own boxes after each change they make, and with the rows in the
  // layout each measurement laid every row out again. They are brought back in the same task,
  // so the reader never sees them gone, once the table is enhanced or if enhancing it fails; a
  // reader already scrolled down finds what was in the middle of the screen where it was.
  var tableBody = table.tBodies[0];
  var keptInView = null;
  var keptTop = 0;
  var setRowsAside = function () {
    keptInView = window.scrollY > 0 ?
      document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2) : null;
    keptTop = keptInView ? keptInView.getBoundingClientRect().top : 0;
    tableBody.style.display = "none";
  };
  var bringRowsBack = function () {
    tableBody.style.removeProperty("display");
    if (keptInView && keptInView.isConnected) {
      window.scrollBy(0, keptInView.getBoundingClientRect().top - keptTop);
    }
  };
  // A section's name as it stands under an id ('4 海外营收排行榜'): its number kept with a
  // Chinese first word, and a line free to break only between Chinese words (海外 · 营收 ·
  // 排行榜), which the style sheet's keep-all would otherwise hold together as one, wider than
  // the column. An English first word ('2.2 Recommender') may take the next line, whole.
  var chineseWord = /^[\u4e00-\u9fff]+$/;
  var breakableSectionName = function (name) {
    var kept = name.replace(/^([\d.]+) (?=[\u4e00-\u9fff])/, "$1\u00a0");
    if (!window.Intl || !Intl.Segmenter) { return kept; }
    var words = Array.from(new Intl.Segmenter("zh", { granularity: "word" }).segment(kept),
      function (part) { return part.segment; });
    return words.reduce(function (shown, word, index) {
      var apart = index > 0 && chineseWord.test(words[index - 1]) && chineseWord.test(word);
      return shown + (apart ? "\u200b" : "") + word;
    }, "");
  };
  var here = document.currentScript ? document.currentScript.src : "";
  var base = here.slice(0, here.lastIndexOf("/") + 1) + "itables/";
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = base + "dt_bundle.css";
  // The table is marked enhanced only once its style sheet has loaded too, so that nothing (a
  // reader's screenshot, a test) sees the table half dressed.
  var styled = new Promise(function (resolve, reject) {
    css.onload = resolve;
    css.onerror = function () { reject(new Error("could not load " + css.href)); };
  });
  document.head.appendChild(css);
  Promise.all([import(base + "dt_bundle.js"), styled]).then(function (loaded) {
    var dt = loaded[0];
    var columns = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) {
      return cell.getAttribute("data-filter") === "pane";
    });
    var panes = [];
    columns.forEach(function (isPane, index) { if (isPane) { panes.push(index); } });
    // A verdict cell's filter value is its data-pane attribute (the badge, as the pane shows it);
    // a derived row has none, so the verdict filter counts the article's claims only, as the
    // summary's scorecard does.
    var columnOf = function (name) {
      return Array.prototype.findIndex.call(table.tHead.rows[0].cells, function (cell) {
        return cell.classList.contains("col-" + name);
      });
    };
    var verdictColumn = columnOf("verdict");
    // Room for the longest filter's options (the sections') without scrolling.
    var PANE_LIST_HEIGHT = "22em";
    // The filter finds a row by its verdict's words, shows the badge, and sorts its verdicts by
    // the cell's data-pane-order (the book's order of verdicts, not the alphabet's).
    var paneValues = {
      sp: function (cell) { return cell.querySelector(".verdict").outerHTML; },
      spSearch: function (cell) { return cell.getAttribute("data-pane"); },
      spSort: function (cell) {
        return cell.getAttribute("data-pane-order") + " " + cell.getAttribute("data-pane");
      },
    };
    var verdictPane = function (data, type, row, meta) {
      if (!paneValues[type]) { return data; }
      var cell = meta.settings.aoData[meta.row].anCells[meta.col];
      return cell && cell.getAttribute("data-pane") ? [paneValues[type](cell)] : [];
    };
    // A number cell's sort key is "kind and unit|value" (bytebook.present.sort_key): the column
    // sorts by value within each unit, the units in one order either way, blank cells last.
    var byValue = function (descending) {
      return function (a, b) {
        if (!a || !b) { return (a ? 0 : 1) - (b ? 0 : 1); }
        var left = a.split("|"), right = b.split("|");
        if (left[0] !== right[0]) { return left[0] < right[0] ? -1 : 1; }
        var gap = Number(left[1]) - Number(right[1]);
        return descending ? -gap : gap;
      };
    };
    dt.default.ext.type.order["bytebook-value-asc"] = byValue(false);
    dt.default.ext.type.order["bytebook-value-desc"] = byValue(true);
    var sectionColumn = columnOf("section");
    setRowsAside();
    var api = new dt.default(table, {
      paging: false,
      autoWidth: false,
      order: [],
      layout: { top1: "searchPanes" },
      // On a phone the filters start folded, so the first row is on the first screen.
      // Each filter's list is as tall as its options, up to PANE_LIST_HEIGHT (it scrolls past
      // that): a fixed height cut the sections' list mid-option and left the others half empty.
      // Each filter keeps every option and what is chosen in it, whatever the other filters and
      // the search box leave: an option's count gives the rows shown and, once anything
      // narrows them, its total beside it ("0 (4)"). (Filters that count each other's choices,
      // cascadePanes, drop a chosen option the search leaves no row of, and so silently widen
      // what is shown.)
      searchPanes: { columns: panes, orderable: false, initCollapsed: phone.matches, viewTotal: true, layout: "columns-" + panes.length,
        dtOpts: { scroller: false, paging: false, scrollY: PANE_LIST_HEIGHT, scrollCollapse: true } },
      // The panes' title counts the filters in use in words, and says nothing while none is.
      // Its buttons show only icons: each is named in words, for screen readers and in a tooltip,
      // by what it does (the magnifier, which the library names "Clear search", puts the focus
      // in the filter's search box).
      language: { searchPanes: {
        title: { _: "%d filters in use", 0: "", 1: "1 filter in use" },
        buttons: { clearPane: "Clear this filter", clearSearch: "Search this filter",
          collapse: "Fold or unfold this filter", orderByCount: "Sort this filter by count",
          orderByLabel: "Sort this filter by name" },
      } },
      columnDefs: [
        // Derived rows have no place in the verdict filter: chosen alone, they leave each of its
        // verdicts at 0 of the article's own numbers.
        { render: verdictPane, targets: verdictColumn, searchPanes: { show: true,
          orthogonal: { display: "sp", search: "spSearch", sort: "spSort", type: "sp",
            threshold: "spSearch" } } },
        { searchPanes: { show: true }, targets: panes },
        { type: "bytebook-value", targets: [columnOf("stated"), columnOf("recomputed")] },
        // Each derived row's badge says what the Kind column says: the column gives its room to
        // the claim and the evidence, and its filter stays.
        { visible: false, targets: columnOf("kind") },
      ],
    });
    // Wider than a phone each id names its section under it (bytebook.css, from the name each
    // row's Section cell gives, copied while that column is still shown), and the Section column
    // gives its room to the evidence; its filter stays. On a phone, or on paper, it is a column
    // again.
    var wide = window.matchMedia("screen and (min-width: 701px)");
    var namesUnderIds = {};
    api.rows().nodes().toArray().forEach(function (row) {
      var id = row.querySelector('td[data-th="Id"]');
      var section = row.querySelector('td[data-th="Section"]');
      if (!id || !section) { return; }
      var name = section.textContent.trim();
      if (!(name in namesUnderIds)) { namesUnderIds[name] = breakableSectionName(name); }
      id.setAttribute("data-section", namesUnderIds[name]);
    });
    var placeSections = function (underIds) {
      api.column(sectionColumn).visible(!underIds);
      table.classList.toggle("sections-under-ids", underIds);
    };
    placeSections(wide.matches);
    wide.addEventListener("change", function () { placeSections(wide.matches); });
    // The filter panes' search boxes, buttons and scrolling lists, named for screen readers (and,
    // for the buttons, which show only an icon, in a tooltip); the lists' options are reached
    // from the keyboard below.
    document.querySelectorAll(".dtsp-searchPane").forEach(function (pane) {
      var input = pane.querySelector("input");
      var name = input ? input.getAttribute("placeholder") : "";
      if (input) { input.setAttribute("aria-label", "Search the " + name + " filter"); }
      pane.querySelectorAll("button[aria-label]").forEach(function (button) {
        var label = button.getAttribute("aria-label") + ": " + name;
        button.setAttribute("aria-label", label);
        button.setAttribute("title", label);
      });
      pane.querySelectorAll(".dt-scroll-body").forEach(function (list) {
        list.setAttribute("role", "region");
        list.setAttribute("aria-label", name + " filter");
      });
    });
    // From the keyboard each filter's options are buttons: one Tab stop for each filter (the
    // option that has the focus, or the first chosen, or the first), the arrow keys move among
    // them, and Enter or Space chooses one as a click on it does (Ctrl or Cmd with it, as with
    // a click, adds to what is chosen). The panes draw their options again whenever the
    // filters change: each drawing is marked again, and the option just chosen gets the focus
    // back. Space on a column's sort sorts it, rather than scrolling the page.
    var panesBox = document.querySelector(".dtsp-panesContainer");
    var optionsOf = function (pane) {
      return Array.prototype.filter.call(pane.querySelectorAll("tbody tr"), function (row) {
        return !row.querySelector("td.dt-empty"); // "No matching records found" is no option
      });
    };
    var isOption = function (element) {
      return element.matches(".dtsp-searchPane tbody tr") && !element.querySelector("td.dt-empty");
    };
    var optionName = function (row) {
      var name = row.querySelector(".dtsp-name");
      return (name || row).textContent.trim();
    };
    var refocus = null; // the pane and name of the option chosen from the keyboard
    var markOptions = function () {
      panesBox.querySelectorAll(".dtsp-searchPane").forEach(function (pane) {
        var rows = optionsOf(pane);
        var stop = rows.filter(function (row) { return row === document.activeElement; })[0] ||
          rows.filter(function (row) { return row.classList.contains("selected"); })[0] || rows[0];
        rows.forEach(function (row) {
          row.setAttribute("tabindex", row === stop ? "0" : "-1");
          row.setAttribute("role", "button");
          row.setAttribute("aria-pressed", String(row.classList.contains("selected")));
        });
        var again = refocus && refocus.pane === pane && !pane.contains(document.activeElement) &&
          rows.filter(function (row) { return optionName(row) === refocus.name; })[0];
        if (again) {
          refocus = null;
          again.focus();
        }
      });
    };
    var step = function (row, forward) {
      var rows = optionsOf(row.closest(".dtsp-searchPane"));
      var next = rows[rows.indexOf(row) + (forward ? 1 : -1)];
      if (!next) { return; }
      row.setAttribute("tabindex", "-1");
      next.setAttribute("tabindex", "0");
      next.focus();
    };
    if (panesBox) {
      markOptions();
      new MutationObserver(markOptions).observe(panesBox,
        { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
    }
    // Whatever the reader does next, a choice made before no longer calls the focus back.
    document.addEventListener("pointerdown", function () { refocus = null; });
    document.addEventListener("keydown", function (event) {
      refocus = null;
      var target = event.target;
      if (event.altKey || event.repeat) { return; }
      var option = isOption(target);
      if (option && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
        event.preventDefault();
        step(target, event.key === "ArrowDown");
        return;
      }
      var choose = option && (event.key === "Enter" || event.key === " ");
      var sort = target.matches(".dt-column-order") && event.key === " ";
      if (!choose && !sort) { return; }
      event.preventDefault();
      if (sort) {
        target.click();
        return;
      }
      refocus = { pane: target.closest(".dtsp-searchPane"), name: optionName(target) };
      var cell = target.querySelector("td") || target;
      cell.dispatchEvent(new MouseEvent("click", {
        bubbles: true, cancelable: true, view: window,
        ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey
      }));
    });
    // On a phone each row is a card, and its evidence is folded under a line that names it,
    // but for the row a link lands on (a chapter's badge links to it); wider, or on paper,
    // every evidence is open. The table's search reads the folded text too.
    var evidence = table.querySelectorAll("td[data-th=Evidence] details");
    var landedOn = function () {
      var row = window.location.hash && document.getElementById(window.location.hash.slice(1));
      return row && table.contains(row) ? row : null;
    };
    var fold = function () {
      var landed = landedOn();
      evidence.forEach(function (details) {
        details.open = !phone.matches || (landed !== null && landed.contains(details));
      });
    };
    fold();
    phone.addEventListener("change", fold);
    window.addEventListener("hashchange", function () {
      var landed = landedOn();
      var details = landed && landed.querySelector("td[data-th=Evidence] details");
      if (details) { details.open = true; }
    });
    window.addEventListener("beforeprint", function () {
      evidence.forEach(function (details) { details.open = true; });
      placeSections(false);
    });
    window.addEventListener("afterprint", function () {
      fold();
      placeSections(wide.matches);
    });
    bringRowsBack();
    table.setAttribute("data-enhanced", "true");
    if (window.location.hash) {
      var row = document.getElementById(window.location.hash.slice(1));
      if (row) { row.scrollIntoView(); }
    }
  }).catch(function (error) {
    bringRowsBack();
    console.error("the ledger table could not be enhanced: " + error);
  });
})();
