/* Search-match highlighting, in place of Sphinx's own sphinx_highlight.js (same file name, so
 * the book's static folder replaces it in every page).
 *
 * Sphinx's script offers "Hide Search Matches" as a link to a `javascript:` address, which the
 * book's content security policy does not allow to run; here it is a button with a listener.
 * The names searchtools.js uses (SPHINX_HIGHLIGHT_ENABLED, _highlightText) are kept. Matches are
 * marked in the article only, not in the navigation.
 *
 * Adapted from Sphinx's sphinx_highlight.js: Copyright 2007-2024 by the Sphinx team,
 * BSD-2-Clause licence (https://github.com/sphinx-doc/sphinx/blob/master/LICENSE.rst).
 */
"use strict";

const SPHINX_HIGHLIGHT_ENABLED = true;

/** Wrap each occurrence of `text` in `node`'s text in a span of class `className`; text inside
 * an SVG gets a rectangle behind it (collected in `addItems`). */
const _highlight = (node, addItems, text, className) => {
  if (node.nodeType === Node.TEXT_NODE) {
    const val = node.nodeValue;
    const parent = node.parentNode;
    const pos = val.toLowerCase().indexOf(text);
    if (
      pos >= 0 &&
      !parent.classList.contains(className) &&
      !parent.classList.contains("nohighlight")
    ) {
      const closestNode = parent.closest("body, svg, foreignObject");
      const isInSVG = closestNode && closestNode.matches("svg");
      const span = isInSVG
        ? document.createElementNS("http://www.w3.org/2000/svg", "tspan")
        : document.createElement("span");
      if (!isInSVG) span.classList.add(className);
      span.appendChild(document.createTextNode(val.substr(pos, text.length)));
      const rest = document.createTextNode(val.substr(pos + text.length));
      parent.insertBefore(span, parent.insertBefore(rest, node.nextSibling));
      node.nodeValue = val.substr(0, pos);
      _highlight(rest, addItems, text, className);
      if (isInSVG) {
        const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
        const bbox = parent.getBBox();
        rect.x.baseVal.value = bbox.x;
        rect.y.baseVal.value = bbox.y;
        rect.width.baseVal.value = bbox.width;
        rect.height.baseVal.value = bbox.height;
        rect.setAttribute("class", className);
        addItems.push({ parent: parent, target: rect });
      }
    }
  } else if (node.matches && !node.matches("button, select, textarea")) {
    node.childNodes.forEach((el) => _highlight(el, addItems, text, className));
  }
};

const _highlightText = (thisNode, text, className) => {
  const addItems = [];
  _highlight(thisNode, addItems, text, className);
  addItems.forEach((obj) => obj.parent.insertAdjacentElement("beforebegin", obj.target));
};

const SphinxHighlight = {
  /** Highlight the words of `?highlight=` (or those the search page stored), then, where any
   * was found on the page, offer a button that hides them. */
  highlightSearchWords: () => {
    const url = new URL(window.location);
    const highlight =
      localStorage.getItem("sphinx_highlight_terms") || url.searchParams.get("highlight") || "";
    localStorage.removeItem("sphinx_highlight_terms");
    url.searchParams.delete("highlight");
    window.history.replaceState({}, "", url);

    const terms = highlight.toLowerCase().split(/\s+/).filter((x) => x);
    if (terms.length === 0) return;

    const body = document.querySelector("div.body, article.bd-article") || document.body;
    window.setTimeout(() => {
      terms.forEach((term) => _highlightText(body, term, "highlighted"));
      const searchBox = document.getElementById("searchbox");
      if (searchBox === null || !body.querySelector(".highlighted")) return;
      const line = document.createElement("p");
      line.className = "highlight-link";
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = _("Hide Search Matches");
      button.addEventListener("click", SphinxHighlight.hideSearchWords);
      line.appendChild(button);
      searchBox.appendChild(line);
    }, 10);
  },

  /** Remove the highlights, the rectangles behind highlighted chart text and the button. */
  hideSearchWords: () => {
    document.querySelectorAll("#searchbox .highlight-link").forEach((el) => el.remove());
    document
      .querySelectorAll("span.highlighted")
      .forEach((el) => el.classList.remove("highlighted"));
    document.querySelectorAll("svg rect.highlighted").forEach((el) => el.remove());
    localStorage.removeItem("sphinx_highlight_terms");
  },

  initEscapeListener: () => {
    if (!DOCUMENTATION_OPTIONS.ENABLE_SEARCH_SHORTCUTS) return;
    document.addEventListener("keydown", (event) => {
      if (BLACKLISTED_KEY_CONTROL_ELEMENTS.has(document.activeElement.tagName)) return;
      if (event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "Escape") {
        SphinxHighlight.hideSearchWords();
        event.preventDefault();
      }
    });
  },
};

_ready(() => {
  // Not on the search page: it would highlight the words of the previous search. (The theme
  // loads searchtools.js on every page, so Sphinx's own test, whether `Search` is defined, would
  // highlight on none.)
  if (document.getElementById("search-results") === null) SphinxHighlight.highlightSearchWords();
  SphinxHighlight.initEscapeListener();
});
