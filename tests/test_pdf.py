"""`make pdf`: one PDF with every chapter title, Chinese text and every chart, drawn as vectors."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from test_book import SCRIPT_TAG, glued

from bytebook.paths import ROOT
from bytebook.publish.build import jupyter_output
from bytebook.publish.pdf import PAGE_LOAD_TIMEOUT_MS

pytestmark = pytest.mark.build


def test_the_site_links_to_a_pdf_exactly_when_it_offers_one(built_book):
    """The site built here offers the PDF `make pdf` printed before, if any, and its preface
    links to a PDF only then (the tests of a small book print one and follow the link)."""
    from bytebook.publish.pdf import printed_book

    preface = (built_book / "book" / "preface.html").read_text(encoding="utf-8")
    offered = built_book / "book.pdf"
    assert ('href="../book.pdf"' in preface) == offered.is_file()
    if offered.is_file():
        assert offered.read_bytes() == printed_book(ROOT).read_bytes()


GLUE_ROLE = re.compile(r"\{glue:text\}`([^`]+)`")


def chapter_titles() -> list[str]:
    """Each page's title as it reads, a glued figure in it replaced by its glued text."""
    titles = []
    for page in sorted((ROOT / "book").glob("*.md")):
        title = re.search(r"^# (.+)$", page.read_text(encoding="utf-8"), re.M).group(1)
        values = glued(page.stem) if GLUE_ROLE.search(title) else {}
        titles.append(GLUE_ROLE.sub(lambda role: str(values[role[1]]), title))  # noqa: B023
    return titles


def figure_count() -> int:
    return sum(
        page.read_text(encoding="utf-8").count("```{glue:figure}")
        for page in (ROOT / "book").glob("*.md")
    )


def plain(text: str) -> str:
    """Whitespace collapsed and typographic quotes made straight (Sphinx curls them)."""
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
    return re.sub(r"\s+", " ", text)


def test_the_pdf_holds_every_chapter_title(printed_pdf):
    text = subprocess.run(
        ["pdftotext", "-layout", str(printed_pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = plain(text)
    for title in chapter_titles():
        assert plain(title) in flat, title


def chart_titles(site: Path) -> list[str]:
    """The first line of every chart's title, from the specs the site's pages carry."""
    from bytebook.publish.chart_data import chart_title
    from bytebook.publish.chart_specs import page_specs

    specs = [spec for p in sorted((site / "book").glob("*.html")) for spec in page_specs(p)]
    titles = []
    for spec in specs:
        title = spec.get("vconcat", [spec])[0].get("title", "")
        text = title.get("text", "") if isinstance(title, dict) else title
        titles.append(text[0] if isinstance(text, list) else chart_title(spec))
    return titles


def test_the_pdf_draws_every_chart_with_its_text(printed_pdf, built_book):
    """Each chart is printed as an SVG drawing (static or live) whose title is real text."""
    text = plain(
        subprocess.run(
            ["pdftotext", str(printed_pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    titles = chart_titles(built_book)
    assert len(titles) == figure_count()
    missing = [title for title in titles if plain(title) not in text]
    assert not missing, f"chart titles not printed as text: {missing}"


def test_the_one_page_book_loads_the_chart_and_ledger_scripts(printed_pdf):
    """The one-page book holds every chart and the ledger, so it keeps the scripts that the
    site's pages without them leave out."""
    page = (jupyter_output(ROOT) / "singlehtml" / "book.html").read_text(encoding="utf-8")
    scripts = {"vega-bundle.js", "bytebook-palette.js", "bytebook-charts.js", "bytebook-ledger.js"}
    assert scripts <= set(SCRIPT_TAG.findall(page))


def test_no_table_is_cut_off_on_paper(printed_pdf, browser):
    """On paper a table cannot scroll sideways: in print, every table fits the text width."""
    page_html = jupyter_output(ROOT) / "singlehtml" / "book.html"
    a4_text_width = round((210 - 2 * 12) / 25.4 * 96)  # A4 less the 12 mm side margins, in px
    tab = browser.new_page(viewport={"width": a4_text_width, "height": 1000})
    tab.route("http*://**", lambda route: route.abort())
    tab.goto(page_html.as_uri(), wait_until="load", timeout=PAGE_LOAD_TIMEOUT_MS)
    tab.emulate_media(media="print")
    cut = tab.evaluate(
        "() => [...document.querySelectorAll('.bytebook-table table')]"
        ".filter(t => t.scrollWidth > t.parentElement.clientWidth + 1)"
        ".map(t => t.className + ': ' + (t.scrollWidth - t.parentElement.clientWidth) + 'px')"
    )
    counted = tab.evaluate("() => document.querySelectorAll('.bytebook-table table').length")
    tab.close()
    assert counted > 10, "the one-page book has too few tables: wrong page?"
    assert not cut, f"tables wider than the paper: {cut}"


def test_the_site_links_to_the_pdf_only_when_one_was_printed(tmp_path):
    """`make book` alone prints nothing: its preface must not link to a PDF it does not offer."""
    from bytebook.publish.pdf import PDF_TAG, printed_book, tags

    assert tags(tmp_path, "html") == []
    printed_book(tmp_path).parent.mkdir(parents=True)
    printed_book(tmp_path).write_bytes(b"%PDF-1.4\n")
    assert tags(tmp_path, "html") == [PDF_TAG]
    assert tags(tmp_path, "singlehtml") == [], "the printed book does not link to itself"
    preface = (ROOT / "book" / "preface.md").read_text(encoding="utf-8")
    guarded = re.search(r"```\{only\} " + PDF_TAG + r"\n(.*?)```", preface, re.S)
    assert guarded and 'href="../book.pdf"' in guarded.group(1)
    assert preface.count("book.pdf") == guarded.group(1).count("book.pdf")
