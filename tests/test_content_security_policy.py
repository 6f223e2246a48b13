"""Every page carries a content security policy that allows only the book's own origin and its
own inline scripts, and the book works under it: charts drawn, search answering. That no page
breaks it in Chromium is checked on each page's one laptop load in tests/test_accessibility.py
(`test_browser.watch` reports every breach as a console error)."""

from __future__ import annotations

import re
import time
from pathlib import Path

from test_browser import REPORT_POLICY_VIOLATIONS

from bytebook.publish.pages import script_hashes, with_policy, without_stale_terms

POLICY_META = '<meta http-equiv="Content-Security-Policy" content="'


def test_the_policy_allows_exactly_the_pages_own_inline_scripts():
    page = (
        "<html><head><meta charset='utf-8'>\n<script>var a = 1;</script>"
        '<script type="application/json">{"data": 1}</script>'
        '<script src="_static/x.js"></script></head>'
        '<body><button onclick="window.print()">Print</button></body></html>'
    )
    hashes = script_hashes(page)
    # echo -n 'var a = 1;' | openssl dgst -sha256 -binary | base64, and the same for the handler
    assert hashes == [
        "'sha256-+dZ6udsWxNVoGfScAq7t5IIF5UJb4F6RhjbN6oe1p4w='",
        "'unsafe-hashes'",
        "'sha256-MguIPR6qNR8D3B+eAlK+bIRTZe8t3wkOY4B/56Me9FU='",
    ]
    assert with_policy(with_policy(page)).count(POLICY_META) == 1


def test_a_search_index_keeps_only_terms_some_page_holds():
    index = 'Search.setIndex({"terms": {"kept": [1], "stale": []}, "titleterms": {"gone": []}})'
    cleaned = without_stale_terms(index)
    assert '"kept":[1]' in cleaned and "stale" not in cleaned and "gone" not in cleaned


def _pages(html: Path) -> list[str]:
    return sorted(
        str(p.relative_to(html))
        for p in html.rglob("*.html")
        if p.relative_to(html).parts[0] not in ("_static", "_sources")
    )


def test_every_published_page_carries_the_policy(built_book):
    for page in _pages(built_book):
        text = (built_book / page).read_text(encoding="utf-8")
        if "<head" not in text and "<script" not in text:
            continue  # a bare redirect (index.html): nothing a policy could govern
        assert text.count(POLICY_META) == 1, page
        assert "default-src 'self'" in text, page


def test_the_published_search_index_holds_no_stale_term(built_book):
    index = (built_book / "searchindex.js").read_text(encoding="utf-8")
    assert not re.search(r'"[^"]+":\[\]', index)


def watched_tab(browser, url: str) -> tuple[object, list[str]]:
    """A tab that records every CSP violation from before `url` starts loading, and has
    loaded it."""
    tab = browser.new_page()
    seen: list[str] = []
    tab.on("console", lambda m: seen.append(m.text) if "CSP violation" in m.text else None)
    tab.add_init_script(REPORT_POLICY_VIOLATIONS)
    tab.goto(url)
    return tab, seen


def test_search_works_under_the_policy(site, browser):
    """The search page parses other pages (with their print button's handler) for summaries.
    It is watched for at least 4 s after its load, and lists results within 10 s."""
    tab, seen = watched_tab(browser, f"{site}/search.html?q=ByteDance")
    started = time.monotonic()
    tab.wait_for_selector("#search-results li", timeout=10000)
    tab.wait_for_timeout(max(0.0, 4000 - 1000 * (time.monotonic() - started)))
    tab.close()
    assert seen == []


def test_charts_draw_under_the_policy(site, browser):
    tab = browser.new_page()
    tab.goto(f"{site}/book/ranking.html")
    tab.locator(".bytebook-chart").first.scroll_into_view_if_needed()  # drawn once in view
    tab.wait_for_selector(".bytebook-live svg", timeout=15000)
    tab.close()
