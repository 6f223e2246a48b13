"""`make pdf`: one PDF with every chapter title, Chinese text and the chart images."""

from __future__ import annotations

import re
import subprocess

import pytest

from bytebook.build import build_pdf
from bytebook.paths import ROOT

pytestmark = pytest.mark.build

PDF = ROOT / "_build" / "pdf" / "book.pdf"


@pytest.fixture(scope="module")
def pdf(built_book):
    assert build_pdf(ROOT) == 0
    return PDF


def chapter_titles() -> list[str]:
    titles = []
    for page in sorted((ROOT / "book").glob("*.md")):
        heading = re.search(r"^# (.+)$", page.read_text(encoding="utf-8"), re.M)
        titles.append(heading.group(1))
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


def test_the_pdf_holds_every_chapter_title(pdf):
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = plain(text)
    for title in chapter_titles():
        assert plain(title) in flat, title


def test_the_pdf_holds_the_chart_images(pdf):
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(listing) >= figure_count() > 0
