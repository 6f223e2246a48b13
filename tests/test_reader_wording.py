"""The book's own prose speaks to a reader: no working words ("the research found", "the notes
of …") and no file ids in its sentences. The evidence and data notes are held to the same rule
where they are written (tests/test_verdicts.py)."""

from __future__ import annotations

import csv
import re

import pytest

from bytebook.paths import DATA_DIR, ROOT

PROSE_PAGES = sorted(p for p in (ROOT / "book").glob("*.md") if p.stem != "methods")
"""Every page but the methods page, whose prose is written with the verdict policy."""

WORKING_WORDS = re.compile(
    r"\bthe research\b|reference research|research notes?\b|\bnotes of\b|\bnot published\b",
    re.IGNORECASE,
)


def prose(page) -> str:
    """A page's text outside its code cells and front matter."""
    text = page.read_text(encoding="utf-8").split("---", 2)[-1]
    return re.sub(r"```\{code-cell\}.*?```", "", text, flags=re.S)


@pytest.mark.parametrize("page", PROSE_PAGES, ids=lambda p: p.stem)
def test_the_prose_uses_no_working_words(page):
    found = WORKING_WORDS.findall(prose(page))
    assert not found, f"{page.name}: {found}"


@pytest.mark.parametrize("page", PROSE_PAGES, ids=lambda p: p.stem)
def test_the_prose_names_no_source_by_its_id(page):
    with open(DATA_DIR / "references.csv", encoding="utf-8") as file:
        ids = [row["id"] for row in csv.DictReader(file)]
    text = prose(page)
    named = [i for i in ids if re.search(rf"(?<![\w/.-]){re.escape(i)}(?![\w.-])", text)]
    assert not named, f"{page.name} names sources by id: {named}"
