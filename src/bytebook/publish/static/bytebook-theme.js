// Two of the theme's behaviours, mended.
// - The navigation beside the article is scrolled no further than it takes to show the current
//   page's link whole: from its top whenever the link shows there. The theme scrolls the
//   navigation to lift a link that sits low in the window, even one already in view, and so
//   cut off the book's title above the list.
// - On a touch screen the header's buttons show no tooltip: with no pointer to move away, a
//   tooltip opened by a tap stayed over the page's heading until the reader tapped elsewhere.
//   Each button keeps its name for a screen reader (its aria-label or title).
// - "On this page" marks the page's last section once the reader reaches the end of the page.
//   The theme marks a section when its heading passes through the top of the window, which a
//   short last section (Downloads) never reaches, since the page can scroll no further. Leaving
//   the end, the section the theme had marked is marked again, unless the theme has marked
//   another meanwhile.
// - "On this page" marks the section a link lands in partway down, as a ledger id's link to its
//   row in a chapter's claims table does: the theme marks a section only as its heading passes
//   through the band at the top of the window, so it marked none, or kept the section the
//   reader jumped from. Once the page has loaded, and after each jump to an anchor, the section
//   whose heading is the last above the band's lower edge is marked; a link to a section itself
//   is left to the theme, which marks that section even where its heading stays low in the
//   window (a short last section).
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
  var END_SLACK = 2; // px short of the page's end that still counts as its end
  var sectionLinks = function () { // the links of "On this page", in the page's order
    return Array.prototype.slice.call(document.querySelectorAll("#pst-page-toc-nav a"));
  };
  var mark = function (links, link) {
    links.forEach(function (other) {
      var on = other === link;
      other.classList.toggle("active", on);
      if (on) { other.setAttribute("aria-current", "true"); } else { other.removeAttribute("aria-current"); }
      var entry = other.closest(".toc-entry");
      if (entry) { entry.classList.toggle("active", on); }
    });
  };
  var lastSectionAtTheEnd = function () {
    var links = sectionLinks();
    if (links.length < 2) { return; }
    var last = links[links.length - 1];
    var before = null; // the link the theme had marked when the end was reached
    var check = function () {
      var page = document.documentElement;
      var atTheEnd = window.scrollY + window.innerHeight >= page.scrollHeight - END_SLACK;
      var marked = links.filter(function (link) { return link.classList.contains("active"); })[0];
      if (atTheEnd && marked !== last) {
        before = marked || null;
        mark(links, last);
      } else if (!atTheEnd && before && marked === last) {
        mark(links, before);
        before = null;
      } else if (!atTheEnd) {
        before = null;
      }
    };
    var pending = false;
    window.addEventListener("scroll", function () {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () { pending = false; check(); });
    }, { passive: true });
  };
  var THEME_BAND = 0.3; // the theme's band: the top 30% of the window, under the header
  var headingOf = function (link) {
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    return target && (target.querySelector("h1, h2, h3, h4, h5, h6") || target);
  };
  var sectionLandedIn = function () {
    var links = sectionLinks();
    var toSection = links.some(function (link) { return link.hash === window.location.hash; });
    if (toSection) { return; } // the theme marks the section a link names
    var edge = window.innerHeight * THEME_BAND;
    var above = links.filter(function (link) {
      var heading = headingOf(link);
      return heading && heading.getBoundingClientRect().top <= edge;
    });
    if (above.length) { mark(links, above[above.length - 1]); }
  };
  window.addEventListener("load", function () {
    window.requestAnimationFrame(sectionLandedIn);
  });
  window.addEventListener("hashchange", function () {
    window.requestAnimationFrame(sectionLandedIn);
  });
  document.addEventListener("DOMContentLoaded", function () {
    navigationFromTheTop();
    noTooltipsOnTouch();
    lastSectionAtTheEnd();
  });
})();
