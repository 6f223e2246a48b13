"""The reader's side of `make bench`: how long each chart page takes until its charts are
drawn, and the ledger until its table sorts and filters.

Each chart page is loaded `loads` times from a local server in Debian's Chromium, the browser
a reader runs (not the headless shell the tests use). A script added before the page's own
records the moment each chart is drawn or set waiting (the chart script draws a chart as it
scrolls into view), so one load gives the first chart on the first screen drawn and the last
one (the page is then interactive). A bare page that loads only the chart runtime
(`_static/vega-bundle.js`) gives the floor any chart page must pay. A copy of each chart page
without its chart scripts (its charts left as their static SVG) gives what the page itself
costs: the moment it is read and laid out. The ledger, which has no chart, is timed until its
table is enhanced and laid out, and a copy of it without its table script until it is read and
laid out: what its rows cost before any script enhances them. Two built sites (this book and an
earlier build of it) can be loaded side by side, round by round.
"""

from __future__ import annotations

import functools
import re
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bytebook.publish.assets import CHART_MARK, VEGA_BUNDLE
from bytebook.publish.head_order import without_chart_requests

RECORD_DRAWS = """
window.bytebookDraws = [];
new MutationObserver(function (changes) {
  changes.forEach(function (change) {
    var state = change.target.getAttribute("data-drawn");
    if (state === "true" || state === "waiting") {
      window.bytebookDraws.push({ id: change.target.id, state: state, at: performance.now() });
    }
  });
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-drawn"] });
"""
"""Records, each time a chart's `data-drawn` becomes "true" (drawn) or "waiting" (left out of
view, its static SVG shown until the reader scrolls to it), the chart and performance.now()."""

SETTLED = (
    "() => { if (document.readyState === 'loading') return false; "
    "const charts = [...document.querySelectorAll('.bytebook-chart')]; "
    "const state = c => c.getAttribute('data-drawn'); "
    "return charts.every(c => state(c) === 'true' || state(c) === 'waiting') "
    "&& charts.every(c => state(c) === 'true' || c.getBoundingClientRect().top >= innerHeight); }"
)
"""True once the page is read, every chart on its first screen is drawn and every other one
waits for the reader. Checked on every frame, so it asks where the charts are (which lays the
page out) only once every chart is drawn or waiting, not on each frame before."""

IN_VIEW = (
    "() => [...document.querySelectorAll('.bytebook-chart')].filter(c => { "
    "const box = c.getBoundingClientRect(); return box.bottom > 0 && box.top < innerHeight; })"
    ".map(c => c.id)"
)

LEDGER_PAGE = "book/ledger.html"
"""The page of the claims ledger, which has no chart: it is ready once its table sorts and
filters."""

RECORD_ENHANCED = """
new MutationObserver(function (changes, observer) {
  if (document.querySelector("table.ledger-table[data-enhanced=true]")) {
    observer.disconnect();
    document.documentElement.getBoundingClientRect();
    window.bytebookEnhanced = performance.now();
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-enhanced"] });
"""
"""Records performance.now() once the ledger's table is marked enhanced (it sorts and filters)
and laid out: it asks where the page's box is, which lays the page out, as `PAGE_READ` does."""

BARE_PAGE = "bench-bundle-only.html"
BARE_HTML = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>runtime only</title>'
    f'<script src="_static/{VEGA_BUNDLE}"></script>'
    "<script>window.bytebookRuntimeLoaded = performance.now();</script>"
    "</head><body></body></html>"
)


COPIES_FOLDER = "bench-copies"
"""Where each chart page's copy without its chart scripts, and the ledger's without its table
script, are served from: a folder beside `book/`, so a copy's relative addresses reach the same
files."""

_LEDGER_SCRIPT = re.compile(
    r'[ \t]*<script\b[^>]*\ssrc="[^"]*_static/bytebook-ledger\.js[^"]*"[^>]*></script>\n?'
)
"""The ledger's table script, with the indent before it and the line end after it."""

PAGE_READ = """
document.addEventListener("readystatechange", function () {
  if (document.readyState !== "interactive") { return; }
  document.documentElement.getBoundingClientRect();
  window.bytebookPageRead = performance.now();
});
"""
"""Records performance.now() once the page is read and laid out: when it is read, it asks where
the page's box is, which lays the page out, as the chart script asks where each chart is."""

VIEWPORT = {"width": 1280, "height": 720}
"""Playwright's default screen, the one every load is measured on."""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class QuietServer(ThreadingHTTPServer):
    """The local server, silent when a tab closes while a file is still on its way to it (a
    load is timed to a moment before the page has asked for everything); any other error is
    printed as the standard server prints it."""

    def handle_error(self, request, client_address) -> None:
        """Print what the standard server prints, but for a connection the browser closed."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def _served(html: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(html))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def chart_pages(html: Path) -> list[Path]:
    """The published pages that hold at least one chart."""
    return [
        page
        for page in sorted((html / "book").glob("*.html"))
        if CHART_MARK.search(page.read_text(encoding="utf-8"))
    ]


def _page_load(browser, url: str) -> tuple[float, float]:
    """Milliseconds from navigation to the first chart on the first screen drawn and to the page
    being interactive: every chart on the first screen drawn. On a page whose first screen holds
    no chart, both are the moment the chart script has set every chart waiting (the last of
    them, as the script may mark the charts read first before the rest)."""
    tab = browser.new_page(viewport=VIEWPORT)
    tab.add_init_script(RECORD_DRAWS)
    tab.goto(url)
    tab.wait_for_function(SETTLED, timeout=60_000)
    in_view = set(tab.evaluate(IN_VIEW))
    marks = tab.evaluate("window.bytebookDraws")
    tab.close()
    drawn = [m["at"] for m in marks if m["state"] == "true" and m["id"] in in_view]
    times = drawn or [max(m["at"] for m in marks if m["state"] == "waiting")]
    return min(times), max(times)


def _read_copy(browser, url: str) -> float:
    """Milliseconds from navigation to a page's copy read and laid out (a chart page's without
    its charts, the ledger's without its table script)."""
    tab = browser.new_page(viewport=VIEWPORT)
    tab.add_init_script(PAGE_READ)
    tab.goto(url, wait_until="domcontentloaded")
    read = tab.evaluate("window.bytebookPageRead")
    tab.close()
    return read


def _ledger_load(browser, url: str) -> float:
    """Milliseconds from navigation to the ledger's table sorting and filtering."""
    tab = browser.new_page(viewport=VIEWPORT)
    tab.add_init_script(RECORD_ENHANCED)
    tab.goto(url)
    tab.wait_for_function("() => window.bytebookEnhanced !== undefined", timeout=60_000)
    ready = tab.evaluate("window.bytebookEnhanced")
    tab.close()
    return ready


def _ledger_and_copy(browser, base: str, round_number: int) -> tuple[float, float]:
    """One load of the ledger (until its table sorts and filters) and one of its copy without
    its table script (read), the ledger first in even rounds and the copy first in odd ones."""
    ledger_url = f"{base}/{LEDGER_PAGE}"
    copy_url = f"{base}/{COPIES_FOLDER}/{Path(LEDGER_PAGE).name}"
    if round_number % 2 == 1:
        read = _read_copy(browser, copy_url)
        return _ledger_load(browser, ledger_url), read
    ready = _ledger_load(browser, ledger_url)
    return ready, _read_copy(browser, copy_url)


def _page_and_copy(browser, base: str, stem: str, round_number: int) -> tuple[float, float, float]:
    """One load of the chart page `stem` (its first chart and its last drawn) and one of its
    copy without charts (read), the page first in even rounds and the copy first in odd ones."""
    page_url = f"{base}/book/{stem}.html"
    copy_url = f"{base}/{COPIES_FOLDER}/{stem}.html"
    if round_number % 2 == 1:
        read = _read_copy(browser, copy_url)
        return (*_page_load(browser, page_url), read)
    drawn = _page_load(browser, page_url)
    return (*drawn, _read_copy(browser, copy_url))


def _write_pages_without_charts(html: Path, pages: list[Path]) -> None:
    """Write a copy of each chart page of the site `html` without its chart scripts and chart
    file (`without_chart_requests`) into its COPIES_FOLDER. A page with none of them to leave
    out (a site built before they were loaded as they are now) stops the bench."""
    folder = html / COPIES_FOLDER
    folder.mkdir(exist_ok=True)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        copy = without_chart_requests(text)
        if copy == text:
            raise ValueError(f"{page}: no chart script or chart file found to leave out")
        (folder / page.name).write_text(copy, encoding="utf-8")


def without_ledger_script(page: str) -> str:
    """`page` without the ledger's table script: its rows as plain HTML, as a reader without
    scripts sees them."""
    return _LEDGER_SCRIPT.sub("", page, count=1)


def _write_ledger_without_script(html: Path) -> None:
    """Write a copy of the ledger of the site `html` without its table script into its
    COPIES_FOLDER. A ledger without that script stops the bench."""
    ledger = html / LEDGER_PAGE
    text = ledger.read_text(encoding="utf-8")
    copy = without_ledger_script(text)
    if copy == text:
        raise ValueError(f"{ledger}: no table script found to leave out")
    folder = html / COPIES_FOLDER
    folder.mkdir(exist_ok=True)
    (folder / ledger.name).write_text(copy, encoding="utf-8")


def _remove_bench_pages(html: Path) -> None:
    """Remove the pages the bench added to the site `html`: they are not pages of the book."""
    (html / BARE_PAGE).unlink(missing_ok=True)
    shutil.rmtree(html / COPIES_FOLDER, ignore_errors=True)


def _bare_load(browser, url: str) -> float:
    tab = browser.new_page()
    tab.goto(url)
    loaded = tab.evaluate("window.bytebookRuntimeLoaded")
    tab.close()
    return loaded


Loads = tuple[list[float], dict[str, list[tuple[float, float, float]]], list[tuple[float, float]]]
"""A site's loads: of the bare page (ms until the runtime has run), per chart page (ms until
its first chart is drawn, until its last, and until its copy without charts is read), and of
the ledger (ms until its table sorts and filters, and until its copy without its table script
is read)."""


def page_loads(html: Path, loads: int = 5) -> Loads:
    """`loads` loads of a bare page with only the chart runtime, of every chart page and of
    its copy without charts, and of the ledger and of its copy without its table script."""
    return compared_loads({"": html}, loads)[""]


def round_order(names: list[str], round_number: int) -> list[str]:
    """The order the sites load in, in round `round_number` (from 0): as given in even rounds,
    reversed in odd ones (AB, BA, AB, …), so no site always loads first."""
    return names if round_number % 2 == 0 else names[::-1]


def compared_loads(sites: dict[str, Path], loads: int = 5) -> dict[str, Loads]:
    """Loads of several built sites, each served on its own: each round loads every site's bare
    page, chart pages (each with its copy without charts, `_page_and_copy`) and ledger (with its
    copy without its table script, `_ledger_and_copy`) once, site after site, in the order
    `round_order` gives, so the sites share the machine's load alike and none always loads
    first."""
    from playwright.sync_api import sync_playwright

    from bytebook.publish.pdf import CHROMIUM_ARGS, chromium_path

    found: dict[str, Loads] = {}
    with ExitStack() as stack, sync_playwright() as playwright:
        bases = {}
        for name, html in sites.items():
            pages = chart_pages(html)
            stack.callback(_remove_bench_pages, html)  # whatever happens after
            (html / BARE_PAGE).write_text(BARE_HTML, encoding="utf-8")
            _write_pages_without_charts(html, pages)
            _write_ledger_without_script(html)
            bases[name] = stack.enter_context(_served(html))
            found[name] = ([], {page.stem: [] for page in pages}, [])
        browser = playwright.chromium.launch(
            executable_path=chromium_path(as_a_reader_browses=True), args=CHROMIUM_ARGS
        )
        try:
            for round_number in range(loads):
                for name in round_order(list(bases), round_number):
                    base, (bare, pages, ledger) = bases[name], found[name]
                    bare.append(_bare_load(browser, f"{base}/{BARE_PAGE}"))
                    for stem, times in pages.items():
                        times.append(_page_and_copy(browser, base, stem, round_number))
                    ledger.append(_ledger_and_copy(browser, base, round_number))
        finally:
            browser.close()
    return found
