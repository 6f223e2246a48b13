"""The site search finds the article's Chinese words and figures, typed into the search page."""

from __future__ import annotations

from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

CHAPTERS = {"overseas", "codec", "recommender", "infrastructure", "economics", "ranking", "summary"}


def found_pages(site: str, browser, query: str) -> set[str]:
    page = browser.new_page()
    page.goto(f"{site}/search.html?q={quote(query)}")
    # The summary is empty while results are still being listed; it is written at the end.
    page.wait_for_function(
        "() => (document.querySelector('#search-results p.search-summary') || {})"
        ".textContent",
        timeout=20_000,
    )
    links = page.eval_on_selector_all(
        "#search-results ul.search li > a", "links => links.map(a => a.getAttribute('href'))"
    )
    page.close()
    return {
        link.split("?")[0].split("#")[0].removeprefix("book/").removesuffix(".html")
        for link in links
    }


@pytest.mark.parametrize("query", ["抖音", "字节跳动"])
def test_a_chinese_name_finds_the_preface_and_chapters(site, browser, query):
    found = found_pages(site, browser, query)
    assert "preface" in found, found
    assert len(found & CHAPTERS) >= 2, found


def test_the_title_figure_finds_the_preface_and_the_ledger(site, browser):
    found = found_pages(site, browser, "7.47")
    assert {"preface", "ledger"} <= found, found


def test_a_word_not_in_the_book_finds_nothing(site, browser):
    assert found_pages(site, browser, "拼多多") == set()
