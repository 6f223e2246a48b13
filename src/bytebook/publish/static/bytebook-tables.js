// Marks each table box that scrolls sideways with the side that has more (data-scroll: right,
// left or both), which bytebook.css shows as a line of text and a fading edge; cuts a claims
// table's long evidence to a few lines under a button that opens it; gives a claims table's
// badges and links the titles the table writes once.
(function () {
  "use strict";
  var mark = function (box) {
    var hidden = box.scrollWidth - box.clientWidth;
    if (hidden <= 1) { box.removeAttribute("data-scroll"); return; }
    var left = box.scrollLeft > 1, right = box.scrollLeft < hidden - 1;
    box.setAttribute("data-scroll", left && right ? "both" : left ? "left" : "right");
  };
  // A claims table's evidence (a chapter's and the ledger's) is cut to a few lines on a screen
  // wider than a phone (bytebook.css, data-clamp): a button under a cut one opens it whole and
  // says whether it is open (aria-expanded). Paper and a phone's cards are never cut.
  var toggles = [];
  var setOpen = function (text, open) {
    text.setAttribute("data-clamp", open ? "open" : "closed");
    text.nextElementSibling.setAttribute("aria-expanded", String(open));
    text.nextElementSibling.textContent = open ? "less" : "more";
  };
  var showToggle = function (text) {
    var cut = text.scrollHeight > text.clientHeight + 1;
    text.nextElementSibling.hidden = !cut && text.getAttribute("data-clamp") === "closed";
  };
  var clamp = function (text, index) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "evidence-toggle";
    text.id = text.id || "evidence-" + (text.closest("tr").id || index);
    button.setAttribute("aria-controls", text.id);
    text.after(button);
    setOpen(text, false);
    button.addEventListener("click", function () {
      setOpen(text, text.getAttribute("data-clamp") === "closed");
      showToggle(text);
    });
    // A link inside the cut lines, reached by the keyboard, opens them.
    text.addEventListener("focusin", function () { setOpen(text, true); showToggle(text); });
    toggles.push(text);
  };
  // A link to a row folded away (a chapter's derived rows) opens its fold and its evidence,
  // and shows the row.
  var unfold = function () {
    var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
    if (!target) { return; }
    var fold = target.closest("details:not([open])");
    if (fold) { fold.open = true; }
    var cut = target.querySelectorAll(".evidence-text[data-clamp=closed]");
    cut.forEach(function (text) { setOpen(text, true); showToggle(text); });
    if (fold || cut.length) { target.scrollIntoView(); }
  };
  window.addEventListener("hashchange", unfold);
  // A claims table writes once what each derived badge (data-derived-title) and each row's
  // link (data-link-title, "{page}" standing for the page it opens) says on hover.
  var title = function (table) {
    var derived = table.getAttribute("data-derived-title");
    table.querySelectorAll(".verdict-derived").forEach(function (badge) { badge.title = derived; });
    var link = table.getAttribute("data-link-title");
    table.querySelectorAll("tbody > tr > td:first-child > a").forEach(function (a) {
      a.title = link.replace("{page}", a.getAttribute("href").split(".html")[0]);
    });
  };
  var start = function () {
    document.querySelectorAll("table[data-derived-title]").forEach(title);
    document.querySelectorAll("table.claims .evidence-text").forEach(clamp);
    var measured = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { showToggle(entry.target); });
    });
    toggles.forEach(function (text) { measured.observe(text); });
    unfold();
    var boxes = document.querySelectorAll(".bytebook-table");
    var resized = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { mark(entry.target); });
    });
    boxes.forEach(function (box) {
      mark(box);
      box.addEventListener("scroll", function () { mark(box); }, { passive: true });
      resized.observe(box);
      if (box.firstElementChild) { resized.observe(box.firstElementChild); }
    });
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
