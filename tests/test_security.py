"""Text from the data is shown as text: markup in a claim never runs in the page."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bytebook.ledger import LedgerEntry, Verdict
from bytebook.present import claims_html, ledger_html
from bytebook.publish.render import chart_html

HOSTILE = '<script>window.pwned = true</script><img src=x onerror="window.pwned=true">'


def hostile_entry() -> LedgerEntry:
    return LedgerEntry(
        id="s1_growth",
        section="1",
        kind="stated",
        claim_en=HOSTILE,
        quote_zh=HOSTILE,
        stated=0.63,
        recomputed=0.63,
        unit="ratio",
        verdict=Verdict.SUPPORTED,
        evidence=HOSTILE,
    )


def test_claim_text_is_escaped_in_tables():
    for table in (
        claims_html([hostile_entry()]).data,
        ledger_html([hostile_entry()], lambda section: "overseas").data,
    ):
        assert "<script>" not in table and "<img" not in table
        assert "&lt;script&gt;" in table


def test_a_chart_spec_cannot_close_its_script_element():
    spec = {"description": HOSTILE, "title": "</script><script>window.pwned=true</script>"}
    page = chart_html(spec, "<svg></svg>")
    assert page.count("<script") == 1 and page.count("</script>") == 1


@pytest.mark.browser
def test_hostile_text_renders_as_text_in_chromium(tmp_path):
    from playwright.sync_api import sync_playwright

    from bytebook.publish.pdf import CHROMIUM_ARGS, chromium_path

    body = claims_html([hostile_entry()]).data + chart_html(
        {"description": HOSTILE, "title": "</script><script>window.pwned=true</script>"},
        "<svg></svg>",
    )
    (tmp_path / "page.html").write_text(
        f"<!doctype html><meta charset='utf-8'><body>{body}</body>", encoding="utf-8"
    )
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/page.html")
            page.wait_for_timeout(300)
            assert page.evaluate("window.pwned === undefined")
            assert "<script>window.pwned = true</script>" in page.inner_text("table")
            browser.close()
    finally:
        server.shutdown()
