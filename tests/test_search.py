"""The site search finds the article's Chinese words and figures, typed into the search page,
lists first the pages that print them, and shows each result's words around them."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from bytebook.publish.search import english_names

pytestmark = pytest.mark.browser

CHAPTERS = {"overseas", "codec", "recommender", "infrastructure", "economics", "ranking", "summary"}


RESULTS = """() => [...document.querySelectorAll('#search-results ul.search li')].map(li => ({
  href: li.querySelector('a').getAttribute('href'),
  title: li.querySelector('a').textContent,
  snippet: (li.querySelector('p.context') || {}).textContent,
  marked: [...li.querySelectorAll('p.context .highlighted')].map(s => s.textContent),
}))"""

SNIPPETS_SHOWN = """() => {
  const items = [...document.querySelectorAll('#search-results ul.search li')];
  return items.every(li => li.querySelector('p.context'));
}"""


def results(site: str, browser, query: str) -> list[dict]:
    """Each result in the order listed: its link's page, its snippet and the snippet's
    highlighted words."""
    page = browser.new_page()
    page.goto(f"{site}/search.html?q={quote(query)}")
    # The summary is empty while results are still being listed; it is written at the end.
    page.wait_for_function(
        "() => (document.querySelector('#search-results p.search-summary') || {}).textContent",
        timeout=20_000,
    )
    page.wait_for_function(SNIPPETS_SHOWN, timeout=20_000)
    listed = page.evaluate(RESULTS)
    page.close()
    for result in listed:
        link = result["href"].split("?")[0].split("#")[0]
        result["page"] = link.removeprefix("book/").removesuffix(".html")
    return listed


def found_pages(site: str, browser, query: str) -> set[str]:
    return {result["page"] for result in results(site, browser, query)}


@pytest.mark.parametrize("query", ["抖音", "字节跳动"])
def test_a_chinese_name_finds_the_preface_and_chapters(site, browser, query):
    found = found_pages(site, browser, query)
    assert "preface" in found, found
    assert len(found & CHAPTERS) >= 2, found


def test_the_title_figure_finds_the_preface_and_the_ledger(site, browser):
    found = found_pages(site, browser, "7.47")
    assert {"preface", "ledger"} <= found, found


@pytest.mark.parametrize(
    ("query", "printed_by"),
    [
        ("H.266", {"codec", "economics"}),
        ("BVC2.0", {"codec"}),
        ("7.47亿", {"preface", "ledger"}),
    ],
)
def test_a_word_with_a_point_finds_the_pages_that_print_it(site, browser, query, printed_by):
    """H.266 and BVC2.0 are one word each to the index (jieba keeps them whole), so the query
    keeps them whole too (split at the point, H.266 was looked up as 'h' alone and found only
    the glossary); 7.47亿 is indexed as 7.47 and 亿, and is looked up so. The snippets highlight
    the word as typed, and not a lone 亿 cut from it, which stands all over the pages."""
    listed = results(site, browser, query)
    found = {result["page"] for result in listed}
    marked = {mark.lower() for result in listed for mark in result["marked"]}
    assert printed_by <= found, found
    assert query.lower() in marked and "亿" not in marked, marked


def test_a_word_not_in_the_book_finds_nothing(site, browser):
    assert found_pages(site, browser, "拼多多") == set()


def test_a_search_that_finds_nothing_says_so_in_the_book_s_words(site, browser):
    """Sphinx's message asks the reader to select 'enough categories', which this search has
    none of."""
    page = browser.new_page()
    page.goto(f"{site}/search.html?q={quote('拼多多')}")
    said = page.wait_for_function(
        "() => (document.querySelector('#search-results p.search-summary') || {}).textContent"
    ).json_value()
    page.close()
    assert said.startswith("No page of this book matches this search.") and "categor" not in said


@pytest.mark.parametrize(("query", "printed_by"), [("抖音", {"preface"}), ("字节跳动", set())])
def test_a_chinese_names_results_show_it_or_the_english_name_it_stands_for(
    site, browser, query, printed_by
):
    """A page found through the English name (TikTok for 抖音) shows that name in its snippet,
    highlighted, not the start of the page's download menu ("....ipynb"); the pages that print
    the Chinese name itself come first (the preface prints 抖音 in its title's quote)."""
    listed = results(site, browser, query)
    words = [query, *english_names()[query]]
    for result in listed:
        snippet = result["snippet"].lower()
        assert ".ipynb" not in snippet, result
        assert any(word in snippet for word in words), result
        assert {m.lower() for m in result["marked"]} & set(words), result
    printing = [query in result["snippet"] for result in listed]
    assert printing == sorted(printing, reverse=True), [r["page"] for r in listed]
    assert printed_by <= {r["page"] for r, prints in zip(listed, printing, strict=True) if prints}


def test_a_snippet_reads_the_article_with_its_cells_apart(site, browser):
    """The preface's snippet for 7.47 is its text, not its contents menu; the ledger's keeps
    its table's cells apart ("Id Section", not "IdSection"), and a claim's quote apart from its
    gloss ("每天7.47亿 7.47亿元 a day", not "每天7.47亿7.47亿元")."""
    listed = {r["page"]: r["snippet"] for r in results(site, browser, "7.47")}
    assert "7.47" in listed["preface"], listed["preface"]
    assert not listed["preface"].lstrip(".").startswith("Contents"), listed["preface"]
    assert "IdSection" not in listed["ledger"], listed["ledger"]
    assert " · " in listed["ledger"], listed["ledger"]  # cells set apart by a middle dot
    xiaomi = {r["page"]: r["snippet"] for r in results(site, browser, "Xiaomi")}["sources"]
    assert "revenue365" not in xiaomi and "revenue 365" in xiaomi, xiaomi  # a line break
    assert "每天7.47亿 7.47亿元 a day" in listed["ledger"], listed["ledger"]


def test_the_book_s_search_stems_each_word_as_sphinx_s_chinese_search_does():
    """The book's search keeps the Latin words it has seen in a set, not Sphinx's list (each
    stem looked a word up in every Latin word of the book so far); the stems are the same."""
    from sphinx.search.zh import SearchChinese

    from bytebook.publish.search import BookSearch

    text = "TikTok 每天 7.47 亿 users; AI, CDN and GPU costs: ByteDance's H.266 saves 40%."
    SearchChinese.latin_terms = []
    theirs, ours = SearchChinese({}), BookSearch({})
    words = theirs.split(text)
    assert set(words) <= set(ours.split(text))
    assert [ours.stem(word) for word in words] == [theirs.stem(word) for word in words]
    assert isinstance(ours.latin_terms, set)


def test_a_table_s_cells_are_indexed_as_words_apart(built_book):
    """The ledger's table prints "stated" beside "unverifiable" and "H.266" in a quote: each is
    a word of the index, and no word joins the neighbouring cells ("statedunverifiable")."""
    index = (built_book / "searchindex.js").read_text(encoding="utf-8")
    terms = set(re.findall(r'"([^"]+)":', index))
    assert {"unverifi", "h.266", "state"} <= terms
    joined = [term for term in terms if "unverifi" in term and term != "unverifi"]
    assert not joined, joined[:5]


def test_a_glossary_term_s_result_names_the_term_and_reads_its_definition(site, browser):
    """'H.266' is a glossary term: its result opens the term, is titled with it after the page's
    title, and its snippet is the term's definition, so it is told apart from the result for
    the whole glossary (the two had read alike, title and snippet)."""
    listed = results(site, browser, "H.266")
    term = [r for r in listed if r["href"].endswith("#term-H.266")]
    assert len(term) == 1, listed
    assert term[0]["title"] == "Appendix: glossary > H.266", term
    assert term[0]["snippet"].startswith("H.266 See VVC"), term
    whole = [r for r in listed if r["page"] == "glossary" and "#" not in r["href"]]
    assert all(r["snippet"] != term[0]["snippet"] for r in whole), listed


def test_the_search_page_s_own_field_shows_no_shortcut_hint(site, browser):
    """The shortcut that opens the search box means nothing beside the search page's own field
    (its "+" was also too faint to read); the page's search button keeps its own."""
    page = browser.new_page()
    page.goto(f"{site}/search.html")
    hints = page.evaluate(
        """() => [...document.querySelectorAll('.bd-search-container .search-button__kbd-shortcut')]
        .map(hint => hint.getBoundingClientRect().width)"""
    )
    page.close()
    assert hints == [0], hints
