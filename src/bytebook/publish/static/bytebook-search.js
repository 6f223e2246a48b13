// The search page's results (Sphinx's searchtools.js, adjusted).
// - A Chinese name finds the pages where its English name stands (bytebook.publish.search
//   indexes 抖音 wherever "TikTok" stands): a result's snippet and highlight look for those
//   English names too (window.bytebookSearchNames, written from the same table).
// - Pages that print every word of the query come first.
// - A snippet is read from the article alone (not the download menu or the contents beside
//   it), with a table's cells apart (a middle dot between them), and a claim's quote apart from
//   its gloss; where no word of the query stands, it is the page's first paragraph.
(function () {
  "use strict";
  if (typeof Search === "undefined" || !document.getElementById("search-results")) { return; }
  var names = window.bytebookSearchNames || {};
  var SEPARATE = "p, li, dt, dd, h1, h2, h3, h4, h5, h6, caption, figcaption, summary, "
    + ".claim-quote";
  var CELLS = "td, th";  // a table's cells, set apart by a middle dot: "Xiaomi · 1200+ 亿元 · 45%"
  var SKIP = ".headerlink, script, style, .bytebook-chart, .visually-hidden, .sr-only";

  // The words to look for: each one, then the English names it stands for.
  function withNames(words) {
    var all = [];
    words.forEach(function (word) {
      all.push(word.toLowerCase());
      (names[word.toLowerCase()] || []).forEach(function (name) { all.push(name); });
    });
    return all;
  }

  function articleOf(htmlString) {
    var page = new DOMParser().parseFromString(htmlString, "text/html");
    page.querySelectorAll(SKIP).forEach(function (element) { element.remove(); });
    return page.querySelector("article.bd-article") || page.querySelector('[role="main"]');
  }

  function textOf(element) {
    element.querySelectorAll(SEPARATE).forEach(function (part) { part.append(" "); });
    element.querySelectorAll(CELLS).forEach(function (cell) { cell.append(" · "); });
    element.querySelectorAll("br").forEach(function (line) { line.replaceWith(" "); });
    return element.textContent.replace(/\s+/g, " ").trim();
  }

  // The part of the article a result's anchor names ("#term-H.266": the id is read whole, not
  // as a selector, whose dot would start a class). A glossary term's part is its definition
  // with it (and any other terms of the same entry), so that its result reads the
  // definition, not the page's first words again.
  function anchored(article, anchor) {
    var target = anchor && article.ownerDocument.getElementById(anchor.slice(1));
    return target && article.contains(target) ? target : null;
  }

  function partOf(article, anchor) {
    var target = anchored(article, anchor);
    if (!target) { return article; }
    if (target.tagName !== "DT") { return target; }
    var term = article.ownerDocument.createElement("div");
    var next = target;
    ["DT", "DD"].forEach(function (tag) {
      for (; next && next.tagName === tag; next = next.nextElementSibling) {
        term.append(next.cloneNode(true));
      }
    });
    return term;
  }

  // A result that opens a glossary term is titled with the term after the page's title
  // ("Appendix: glossary > H.266"), as Sphinx titles a section's result, so that it is told
  // apart from the result for the whole glossary.
  function titled(result, html) {
    if (!result[2]) { return result; }
    var article = articleOf(html);
    var target = article && anchored(article, result[2]);
    if (!target || target.tagName !== "DT") { return result; }
    var term = textOf(target.cloneNode(true)).replace(/[&<>]/g, function (mark) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;" }[mark];  // the title is set as HTML
    });
    return [result[0], result[1] + " > " + term].concat(result.slice(2));
  }

  Search.htmlToText = function (htmlString, anchor) {
    var article = articleOf(htmlString);
    return article ? textOf(partOf(article, anchor)) : "";
  };

  function firstParagraph(htmlString) {
    var article = articleOf(htmlString);
    var paragraph = article && article.querySelector("section p");
    return paragraph ? textOf(paragraph) : "";
  }

  Search.makeSearchSummary = function (htmlText, keywords, anchor) {
    var text = Search.htmlToText(htmlText, anchor);
    var lower = text.toLowerCase();
    var found = withNames(Array.from(keywords))
      .map(function (word) { return lower.indexOf(word); })
      .filter(function (at) { return at > -1; });
    var start = 0;
    if (found.length) { start = Math.max(found[0] - 120, 0); } else { text = firstParagraph(htmlText); }
    if (!text) { return null; }
    var summary = document.createElement("p");
    summary.classList.add("context");
    summary.textContent = (start ? "..." : "") + text.substr(start, 240).trim()
      + (start + 240 < text.length ? "..." : "");
    return summary;
  };

  // What is highlighted, in the results and on the page a result opens: each word of the
  // query as typed (first, so that it is marked whole where it stands), then its parts, but not
  // a lone Chinese character cut from a longer word (the 亿 of 7.47亿 stands all over the
  // pages), and the English names the words stand for.
  var LONE_HAN = /^[\u4e00-\u9fff]$/;
  var parseQuery = Search._parseQuery;
  Search._parseQuery = function (query) {
    var parsed = parseQuery(query);
    var typed = query.toLowerCase().split(/\s+/).filter(function (word) {
      return word && !(typeof stopwords !== "undefined" && stopwords.indexOf(word) > -1);
    });
    var parts = Array.from(parsed[3]).filter(function (word) {
      return !LONE_HAN.test(word) || typed.indexOf(word) > -1;
    });
    var highlight = new Set(withNames(typed.concat(parts)));
    parsed[3] = highlight;
    if (typeof SPHINX_HIGHLIGHT_ENABLED !== "undefined" && SPHINX_HIGHLIGHT_ENABLED) {
      localStorage.setItem("sphinx_highlight_terms", Array.from(highlight).join(" "));
    }
    return parsed;
  };

  function pageUrl(result) {
    return document.documentElement.dataset.content_root + result[0]
      + DOCUMENTATION_OPTIONS.FILE_SUFFIX;
  }

  // Sphinx's own words for a search that finds nothing ask for "enough categories", which this
  // search has none of: they are read from its catalogue of messages, where the book's stand.
  Documentation.TRANSLATIONS["Your search did not match any documents. Please make sure that "
    + "all words are spelled correctly and that you've selected enough categories."] =
    "No page of this book matches this search. Check the spelling of each word, or search for "
    + "fewer words.";

  Search.query = function (query) {
    var parsed = Search._parseQuery(query);
    var results = Search._performSearch.apply(null, parsed);
    var words = Array.from(parsed[1]).map(function (word) { return word.toLowerCase(); });
    Promise.all(results.map(function (result, i) {
      return fetch(pageUrl(result))
        .then(function (response) { return response.text(); })
        .then(function (html) {
          results[i] = titled(result, html);
          return Search.htmlToText(html, result[2]).toLowerCase();
        })
        .catch(function () { return ""; });
    })).then(function (texts) {
      var prints = function (i) {
        return words.every(function (word) { return texts[i].indexOf(word) > -1; });
      };
      // The list is shown from its end: the pages that print the query go last here.
      var others = results.filter(function (_, i) { return !prints(i); });
      var printing = results.filter(function (_, i) { return prints(i); });
      _displayNextItem(others.concat(printing), results.length, parsed[1], parsed[3]);
    });
  };
})();
