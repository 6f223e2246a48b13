// Marks each table box that scrolls sideways with the side that has more (data-scroll: right,
// left or both), which bytebook.css shows as a line of text and a fading edge, and makes only
// such a box a Tab stop; cuts a claims table's long evidence to a few lines under a button that
// opens it; gives a claims table's badges and links the titles the table writes once.
(function () {
  "use strict";
  // The side of `box` that has more (null when nothing is hidden): read only, so that many
  // boxes are measured in one layout before any of them is marked.
  var scrollSide = function (box) {
    var hidden = box.scrollWidth - box.clientWidth;
    if (hidden <= 1) { return null; }
    var left = box.scrollLeft > 1, right = box.scrollLeft < hidden - 1;
    return left && right ? "both" : left ? "left" : "right";
  };
  // A box is a Tab stop only while it scrolls, so that a keyboard can scroll it; one that does
  // not is left out of the Tab order (without this script every box stays one).
  var setSide = function (box, side) {
    var stop = side ? "0" : "-1";
    if (box.getAttribute("tabindex") !== stop) { box.setAttribute("tabindex", stop); }
    if (box.getAttribute("data-scroll") === side) { return; }
    if (side) { box.setAttribute("data-scroll", side); } else { box.removeAttribute("data-scroll"); }
  };
  var mark = function (box) { setSide(box, scrollSide(box)); };
  // A claims table's evidence (a chapter's and the ledger's) is cut to a few lines on a screen
  // (bytebook.css, data-clamp): a button under a cut one opens it whole and says whether it is
  // open (aria-expanded). Paper is never cut, nor the ledger's cards on a phone, which fold
  // their evidence instead (bytebook-ledger.js).
  var toggles = [];
  var setOpen = function (text, open) {
    text.setAttribute("data-clamp", open ? "open" : "closed");
    text.nextElementSibling.setAttribute("aria-expanded", String(open));
    text.nextElementSibling.textContent = open ? "less" : "more";
  };
  var isCut = function (text) { return text.scrollHeight > text.clientHeight + 1; };
  var setCut = function (text, cut) {
    var hidden = !cut && text.getAttribute("data-clamp") === "closed";
    if (text.nextElementSibling.hidden !== hidden) { text.nextElementSibling.hidden = hidden; }
  };
  var showToggle = function (text) { setCut(text, isCut(text)); };
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
      var cut = entries.map(function (entry) { return isCut(entry.target); });
      entries.forEach(function (entry, index) { setCut(entry.target, cut[index]); });
    });
    toggles.forEach(function (text) { measured.observe(text); });
    unfold();
    var boxes = document.querySelectorAll(".bytebook-table");
    // A box is marked when first laid out and whenever it or its table changes size: the
    // observer reports every box once as it starts, measured all before any is marked.
    var resized = new ResizeObserver(function (entries) {
      var found = entries.map(function (entry) {
        var box = entry.target.classList.contains("bytebook-table")
          ? entry.target : entry.target.parentElement;
        return box;
      }).filter(function (box, index, all) { return all.indexOf(box) === index; });
      var sides = found.map(scrollSide);
      found.forEach(function (box, index) { setSide(box, sides[index]); });
    });
    boxes.forEach(function (box) {
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
