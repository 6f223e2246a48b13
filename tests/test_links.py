"""A link check of the built book: every internal link lands on a file and, where it names
one, on an anchor in it; every outside link is a well-formed web address."""

from __future__ import annotations

import html
import json
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


def test_every_outside_link_is_a_web_address(built_book, pages):
    malformed = [
        f"{page.relative_to(built_book)}: {link}"
        for page, found in pages.items()
        for link in found.links
        if urlsplit(link).scheme
        and (urlsplit(link).scheme not in {"http", "https", "mailto"} or " " in link)
    ]
    assert not malformed, "malformed outside links:\n" + "\n".join(malformed)


def test_each_ledger_row_links_to_the_same_claim_in_its_chapter(built_book):
    ledger = (built_book / "book" / "ledger.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr id="(claim-[^"]+)"><td[^>]*><a href="([^"#]+)#([^"]+)"', ledger)
    assert rows and len(rows) == ledger.count('<tr id="claim-'), "a row has no chapter link"
    for anchor, page, target in rows:
        assert target == anchor and page != "ledger.html", (anchor, page, target)


INLINE_SCHEMES = ("data:", "javascript:")


def test_no_link_or_source_is_written_into_the_page(built_book):
    """No `href` or `src` anywhere in the site (a page, a script's template, the search page)
    is a `data:` or `javascript:` address: a chart's CSV is a file of the site, never a page
    of its own text."""
    found = []
    for page in sorted(built_book.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for match in re.finditer(r"""\b(?:href|src)\s*=\s*["']?\s*([^"'>\s]{0,40})""", text, re.I):
            value = re.sub(r"[\s\x00-\x1f]", "", unquote(match[1])).lower()
            if value.startswith(INLINE_SCHEMES):
                found.append(f"{page.relative_to(built_book)}: {match[0][:60]}")
    assert not found, "links written into the page:\n" + "\n".join(found[:20])


def _number(cell: str) -> str:
    """A cell as compared: a number to twelve significant digits, a text without the quote a
    spreadsheet-safe CSV puts before a leading = + - @ and with plain spaces for the no-break
    ones that keep a value whole in a chart's legend (the CSV gives it as typed)."""
    try:
        return format(float(cell), ".12g")
    except ValueError:
        return cell.removeprefix("'").replace("\u00a0", " ")


def test_each_charts_csv_is_a_file_holding_the_values_it_draws(built_book):
    """Every chart's CSV link points, relatively, to a file of the site under
    `_static/data/charts/`, named after its page, in UTF-8 with a byte-order mark (so a
    spreadsheet opens its Chinese intact), whose header is the table's shown above it and whose
    rows are the values Vega computes from the chart's own spec (sliders at their defaults)."""
    import csv
    import io

    from bs4 import BeautifulSoup

    from bytebook.publish.chart_data import drawn_tables
    from bytebook.publish.chart_specs import page_specs

    checked = 0
    for page in sorted((built_book / "book").glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        charts = soup.select("div.bytebook-chart")
        for chart, spec in zip(charts, page_specs(page), strict=True):
            tables = drawn_tables(spec)
            if not tables:
                continue
            block = chart.find_next_sibling()
            assert block is not None and "bytebook-chart-data" in block.get("class", []), page
            links = block.select("a.bytebook-csv-link")
            shown = block.select("table")
            assert len(links) == len(shown) == len(tables), (page.name, len(links), len(tables))
            for link, table, drawn in zip(links, shown, tables, strict=True):
                href = link["href"]
                assert not urlsplit(href).scheme and not href.startswith("/"), href
                target = (page.parent / unquote(href)).resolve()
                assert target.parent == (built_book / "_static/data/charts").resolve(), href
                assert target.name.startswith(page.stem + "-"), (page.name, href)
                assert link.get("download") == target.name, href
                data = target.read_bytes()
                assert data.startswith(b"\xef\xbb\xbf"), target.name
                rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
                header = [th.get_text() for th in table.select("thead th")]
                assert rows[0] == header == drawn.titles, (target.name, rows[0], header)
                assert len(rows) - 1 == len(table.select("tbody tr")), target.name
                count = len(rows) - 1
                assert link.get_text() == f"Download CSV ({count} row{'s' * (count != 1)})"
                assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.csv", target.name), target.name
                expected = [[_number(cell) for cell in row] for row in drawn.raw]
                assert [[_number(c) for c in row] for row in rows[1:]] == expected, target.name
                checked += 1
    assert checked >= 10, f"only {checked} chart CSVs found"


def test_a_published_notebook_links_its_charts_csvs_as_its_page_does(built_book):
    """A chapter's published notebook carries no chart's CSV text in a `data-csv` attribute (a
    notebook's link cannot offer it as a file): each CSV link points, relatively from where
    the notebook sits in the site, to the same file of the site its page links to."""
    pages_checked = 0
    for notebook in sorted((built_book / "_sources" / "book").glob("*.ipynb")):
        text = notebook.read_text(encoding="utf-8")
        assert "data-csv" not in text, notebook.name
        page = built_book / "book" / f"{notebook.stem}.html"
        page_files = {
            (page.parent / unquote(href)).resolve()
            for href in re.findall(
                r'class="bytebook-csv-link" href="([^"]+)"', page.read_text(encoding="utf-8")
            )
        }
        outputs = "".join(
            "".join(value) if isinstance(value, list) else value
            for cell in json.loads(text)["cells"]
            for output in cell.get("outputs", [])
            for kind, value in output.get("data", {}).items()
            if "html" in kind
        )
        hrefs = re.findall(r'class="bytebook-csv-link" href="([^"]+)"', outputs)
        linked = {(notebook.parent / unquote(html.unescape(h))).resolve() for h in hrefs}
        assert linked == page_files, (notebook.name, sorted(linked ^ page_files)[:3])
        assert all(path.is_file() for path in linked), notebook.name
        pages_checked += bool(linked)
    assert pages_checked >= 4, f"only {pages_checked} notebooks link chart CSVs"


def test_a_chart_s_csv_is_named_by_whole_words_of_its_title():
    """A long title names the file by its words up to the last whole one within the limit
    ('…-monthly-range', never '…-monthly-rang'); a short one whole."""
    from bytebook.publish.chart_data import SLUG_LENGTH, _slug, csv_link

    title = "The article's two exchange rates against 2024's monthly range of rates"
    words = re.sub(r"[^a-z0-9]+", "-", title.lower()).split("-")
    kept = []
    while len("-".join(kept + words[len(kept) : len(kept) + 1])) <= SLUG_LENGTH:
        kept.append(words[len(kept)])
    assert _slug(title) == "-".join(kept) and _slug(title).split("-") == words[: len(kept)]
    assert _slug("Two rates") == "two-rates"
    link = csv_link("two-rates.csv", "Year,Rate\r\n2024,7.1\r\n2025,7.2\r\n")
    assert 'download="two-rates.csv">Download CSV (2 rows)</a>' in link
