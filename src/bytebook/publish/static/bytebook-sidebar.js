// The navigation beside the article starts at its top whenever the current page's link shows
// there. The theme scrolls the navigation to lift a link that sits low in the window, even one
// already in view, and so cut off the book's title above the list; where the link would not
// show from the top (a short window), the theme's scroll stays.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var sidebar = document.querySelector("div.bd-sidebar");
    var links = sidebar ? sidebar.querySelectorAll(".bd-docs-nav .active") : [];
    if (!links.length || sidebar.scrollTop === 0) { return; }
    var link = links[links.length - 1].getBoundingClientRect();
    var bottomFromTop = link.bottom - sidebar.getBoundingClientRect().top + sidebar.scrollTop;
    if (bottomFromTop <= sidebar.clientHeight) { sidebar.scrollTop = 0; }
  });
})();
