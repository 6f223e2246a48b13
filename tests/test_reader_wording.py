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

NOT_FOUND_AS_NOT_PUBLIC = re.compile(
    r"\bnot public\b|\bhas a public source\b|\bdoes not publish\b|\bpublishes no\b", re.IGNORECASE
)
"""What was not found, said as if it did not exist: the book can only say it found none."""


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


@pytest.mark.parametrize("page", PROSE_PAGES, ids=lambda p: p.stem)
def test_the_prose_says_not_found_never_not_public(page):
    found = NOT_FOUND_AS_NOT_PUBLIC.findall(prose(page))
    assert not found, f"{page.name}: {found}"


def test_the_assumptions_say_not_found_never_not_public():
    with open(DATA_DIR / "assumptions.csv", encoding="utf-8") as file:
        bases = {row["id"]: row["basis"] for row in csv.DictReader(file)}
    for key, basis in bases.items():
        assert not NOT_FOUND_AS_NOT_PUBLIC.search(basis), key
        assert not WORKING_WORDS.search(basis), key
