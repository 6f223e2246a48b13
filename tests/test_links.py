"""A link check of the built book: every internal link lands on a file and, where it names
one, on an anchor in it; every outside link is a well-formed web address."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.build

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src"}


class PageLinks(HTMLParser):
    """The links and the anchor ids of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name in ("id", "name"):
            if attributes.get(name):
                self.ids.add(attributes[name])
        target = attributes.get(LINK_ATTRIBUTES.get(tag, ""))
        if target:
            self.links.append(target)


def read_page(path: Path) -> PageLinks:
    parser = PageLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def pages(built_book: Path) -> dict[Path, PageLinks]:
    """Every page a reader can open (the theme's template fragments in _static/ are not pages)."""
    return {
        path: read_page(path)
        for path in sorted(built_book.rglob("*.html"))
        if "_static" not in path.relative_to(built_book).parts
    }


def test_every_internal_link_lands(built_book, pages):
    broken = []
    for page, found in pages.items():
        for link in found.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(built_book)}: {link}"
            if not target.is_file():
                broken.append(f"{where} (no such file)")
            elif parts.fragment and target.suffix == ".html":
                anchors = pages[target].ids if target in pages else read_page(target).ids
                if unquote(parts.fragment) not in anchors:
                    broken.append(f"{where} (no such anchor)")
    assert not broken, "broken links:\n" + "\n".join(broken)


CHART_CSV = "data:text/csv;charset=utf-8,"
"""A chart's own data, offered as a CSV inside the page (bytebook.publish.chart_data): not an
outside link, and written by the book, never taken from a data file's URL column."""


def test_every_outside_link_is_a_web_address(built_book, pages):
    malformed = [
        f"{page.relative_to(built_book)}: {link}"
        for page, found in pages.items()
        for link in found.links
        if urlsplit(link).scheme
        and not (link.startswith(CHART_CSV) and re.fullmatch(r"[\w%.~*()'!,:;=/-]*", link))
        and (urlsplit(link).scheme not in {"http", "https", "mailto"} or " " in link)
    ]
    assert not malformed, "malformed outside links:\n" + "\n".join(malformed)


def test_each_ledger_row_links_to_the_same_claim_in_its_chapter(built_book):
    ledger = (built_book / "book" / "ledger.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr id="(claim-[^"]+)"><td[^>]*><a href="([^"#]+)#([^"]+)"', ledger)
    assert rows and len(rows) == ledger.count('<tr id="claim-'), "a row has no chapter link"
    for anchor, page, target in rows:
        assert target == anchor and page != "ledger.html", (anchor, page, target)
