// Two of the theme's behaviours, mended.
// - The navigation beside the article is scrolled no further than it takes to show the current
//   page's link whole: from its top whenever the link shows there. The theme scrolls the
//   navigation to lift a link that sits low in the window, even one already in view, and so
//   cut off the book's title above the list.
// - On a touch screen the header's buttons show no tooltip: with no pointer to move away, a
//   tooltip opened by a tap stayed over the page's heading until the reader tapped elsewhere.
//   Each button keeps its name for a screen reader (its aria-label or title).
(function () {
  "use strict";
  var LINK_MARGIN = 8; // px left under the link when the navigation must scroll to show it
  var navigationFromTheTop = function () {
    var sidebar = document.querySelector("div.bd-sidebar");
    var links = sidebar ? sidebar.querySelectorAll(".bd-docs-nav .active") : [];
    if (!links.length || sidebar.scrollTop === 0) { return; }
    var link = links[links.length - 1].getBoundingClientRect();
    var bottomFromTop = link.bottom - sidebar.getBoundingClientRect().top + sidebar.scrollTop;
    var least = Math.max(0, Math.ceil(bottomFromTop + LINK_MARGIN - sidebar.clientHeight));
    if (least < sidebar.scrollTop) { sidebar.scrollTop = least; }
  };
  var noTooltipsOnTouch = function () {
    if (!window.bootstrap || !window.matchMedia("(hover: none)").matches) { return; }
    document.querySelectorAll('[data-bs-toggle="tooltip"]').forEach(function (button) {
      var tooltip = window.bootstrap.Tooltip.getInstance(button);
      if (tooltip) { tooltip.dispose(); }
    });
  };
  document.addEventListener("DOMContentLoaded", function () {
    navigationFromTheTop();
    noTooltipsOnTouch();
  });
})();
