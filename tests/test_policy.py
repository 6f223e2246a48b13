"""Every page carries a content security policy that allows only the book's own origin, and the
book still works under it in Chromium: no violation, every chart drawn, search answers."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bytebook.publish.pages import script_hashes, with_policy
from bytebook.publish.pdf import CHROMIUM_ARGS, chromium_path

POLICY_META = '<meta http-equiv="Content-Security-Policy" content="'


def _pages(book: Path) -> list[Path]:
    return [p for p in sorted(book.rglob("*.html")) if p.relative_to(book).parts[0] != "_static"]


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


@pytest.mark.build
def test_every_page_carries_the_policy(built_book):
    for path in _pages(built_book):
        page = path.read_text(encoding="utf-8")
        if "<script" not in page:
            continue  # a bare redirect (index.html) runs nothing
        assert page.count(POLICY_META) == 1, path
        start = page.index(POLICY_META)
        assert start < page.index("<script"), path  # before any script runs
        policy = page[start + len(POLICY_META) :].split('"', 1)[0]
        assert "default-src 'self'" in policy and "'unsafe-eval'" not in policy
        assert "script-src 'self' 'sha256-" in policy and "'unsafe-inline'" not in policy.split(
            "style-src"
        )[0]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.mark.browser
def test_the_book_works_under_its_policy(built_book):
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built_book))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site = f"http://127.0.0.1:{server.server_address[1]}"
    violations: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            page = browser.new_page()
            page.on(
                "console",
                lambda message: violations.append(message.text)
                if "Content Security Policy" in message.text or "Refused to" in message.text
                else None,
            )
            charts = 0
            for path in _pages(built_book):
                name = path.relative_to(built_book).as_posix()
                page.goto(f"{site}/{name}")
                page.wait_for_load_state("load")
                count = page.locator(".bytebook-chart").count()
                if count:
                    page.wait_for_function(
                        "[...document.querySelectorAll('.bytebook-chart')]"
                        ".every(c => c.dataset.drawn)",
                        timeout=30000,
                    )
                    drawn = page.locator(".bytebook-chart[data-drawn='true']").count()
                    assert drawn == count, name
                    charts += count
            assert charts > 0
            page.goto(f"{site}/search.html?q=ByteDance")
            page.wait_for_selector("#search-results li", timeout=30000)
            browser.close()
    finally:
        server.shutdown()
    assert violations == []
