// Marks each table box that scrolls sideways with the side that has more (data-scroll: right,
// left or both), which bytebook.css shows as a line of text and a fading edge.
(function () {
  "use strict";
  var mark = function (box) {
    var hidden = box.scrollWidth - box.clientWidth;
    if (hidden <= 1) { box.removeAttribute("data-scroll"); return; }
    var left = box.scrollLeft > 1, right = box.scrollLeft < hidden - 1;
    box.setAttribute("data-scroll", left && right ? "both" : left ? "left" : "right");
  };
  // A link to a row folded away (a chapter's derived rows) opens its fold and shows the row.
  var unfold = function () {
    var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
    var fold = target && target.closest("details:not([open])");
    if (fold) { fold.open = true; target.scrollIntoView(); }
  };
  window.addEventListener("hashchange", unfold);
  var start = function () {
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
