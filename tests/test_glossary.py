"""Glossary links: each glossary term below is linked (MyST's {term} role) where a page's prose
first uses it, so a reader meets the definition at the first use on any page they land on."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from bytebook.paths import BOOK_DIR

FIRST_USES = {
    "GMV": r"\bGMV\b",
    "Take rate": r"(?i)\btake rate\b",
    "FLOPs": r"\bFLOPs\b",
    "Prefill": r"(?i)\bprefill\b",
    "Decode": r"(?i)prefill/(?P<term>decode)|(?P<stage>decode) stage",
    "x265": r"\bx265\b",
    "H.266": r"\bH\.266\b",
    "PB": r"\bPB\b",
    "Mbps": r"\bMbps\b",
    "MegaScale": r"\bMegaScale\b",
    "MSU codec comparison": r"\bMSU\b",
    "BVC": r"\bBVC",
    "Fiscal year": r"(?i)\bfiscal years?\b",
}
"""Each term (as the glossary spells it) and how the prose writes it ('decode' only as the
language-model stage, not as a video decoder's verb)."""

CODE_CELL = re.compile(r"^```\{code-cell\}.*?^```\s*$", re.S | re.M)
GLUE = re.compile(r"\{glue:[a-z]+\}`[^`]*`")
TERM = re.compile(r"\{term\}`(?P<text>[^`<]*?)(?:\s*<[^`>]*>)?`")
PAGES = sorted(p for p in BOOK_DIR.glob("*.md") if p.name != "glossary.md")


def listed_terms() -> list[str]:
    """The terms the glossary defines, in its order: its unindented lines inside the glossary
    directive."""
    text = (BOOK_DIR / "glossary.md").read_text(encoding="utf-8")
    body = text.split("```{glossary}", 1)[1].split("\n```", 1)[0]
    return [line.strip() for line in body.splitlines() if line.strip() and line[0] != " "]


def glossary_terms() -> set[str]:
    """The terms the glossary defines."""
    return set(listed_terms())


def is_chinese(term: str) -> bool:
    """Whether `term` is written in Chinese characters (CJK Unified Ideographs)."""
    return any("\u3400" <= ch <= "\u9fff" for ch in term)


def test_the_glossary_lists_its_terms_in_the_order_it_states():
    """Alphabetical, capitals and small letters alike, the Latin terms before the Chinese; each
    term its own entry (a second name under another's entry would sit out of order)."""
    text = (BOOK_DIR / "glossary.md").read_text(encoding="utf-8")
    assert "alphabetical order, capitals and small letters alike" in text
    assert "Chinese unit after\nthe Latin terms" in text
    terms = listed_terms()
    assert terms == sorted(terms, key=lambda t: (is_chinese(t), t.casefold()))
    lines = text.split("```{glossary}", 1)[1].split("\n```", 1)[0].splitlines()
    names = [bool(line.strip()) and line[0] != " " for line in lines]
    shared = [line for line, (a, b) in zip(lines, pairwise(names), strict=False) if a and b]
    assert not shared, f"terms sharing an entry: {shared}"


def prose(page: str) -> tuple[str, list[bool]]:
    """A page's prose as a reader sees its words (code cells and glued values left out, a
    link's target dropped), and for each character whether it is inside a {term} link."""
    source = GLUE.sub("", CODE_CELL.sub("", page))
    text, linked, at = [], [], 0
    for match in TERM.finditer(source):
        text.append(source[at : match.start()])
        linked += [False] * (match.start() - at)
        text.append(match["text"])
        linked += [True] * len(match["text"])
        at = match.end()
    text.append(source[at:])
    linked += [False] * (len(source) - at)
    return "".join(text), linked


def test_every_listed_term_is_in_the_glossary():
    assert set(FIRST_USES) <= glossary_terms()


def test_the_reading_of_a_page_follows_its_links():
    page = "Costs {glue:text}`x_text` in {term}`GMV` and {term}`fiscal years <Fiscal year>`."
    text, linked = prose(page)
    assert text == "Costs  in GMV and fiscal years."
    assert [text[i] for i, inside in enumerate(linked) if inside] == list("GMVfiscal years")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_a_term_is_linked_to_the_glossary_where_a_page_first_uses_it(page):
    text, linked = prose(page.read_text(encoding="utf-8"))
    unlinked = []
    for term, pattern in FIRST_USES.items():
        first = re.search(pattern, text)
        if not first:
            continue
        group = next((g for g in ("term", "stage") if first.groupdict().get(g)), 0)
        if not linked[first.start(group)]:
            line = text.count("\n", 0, first.start()) + 1
            unlinked.append(f"{term} (prose line {line}: {first.group(0)!r})")
    assert not unlinked, f"{page.name}: first use not linked to the glossary: {unlinked}"


def test_the_glossary_s_figures_come_from_data_with_their_sources():
    """MegaScale's 55.2% MFU (recorded as 0.552) and the article's 稀疏激活率 < 2%, each beside
    its source; Lenovo's year as its results release dates it."""
    from bytebook import glossary
    from bytebook.data import load_book_data

    shown = glossary.figures(load_book_data())
    assert shown["megascale_utilisation"] == f"{552 / 10}%"
    assert shown["megascale_source"].startswith("MegaScale: ")
    assert shown["megascale_source"].endswith(" (P)")
    assert shown["sparsity"] == f"{2}%"
    assert "31 Mar 2025" in shown["lenovo_year_source"]
    page = (BOOK_DIR / "glossary.md").read_text(encoding="utf-8")
    assert all(f"{{glue:text}}`{name}`" in page for name in shown)


def test_the_fiscal_year_entry_gives_lenovo_s_2024_as_the_book_s_reading():
    """Lenovo names its year to March 2025 '2024/25', not '2024': the glossary says that
    reading the article's 2024 as that year is the book's, and does not call it Lenovo's
    '2024'; the year's name comes glued from the results release it cites."""
    text = (BOOK_DIR / "glossary.md").read_text(encoding="utf-8")
    entry = text.split("\nFiscal year\n", 1)[1].split("\n\n", 1)[0]
    words = " ".join(entry.split())
    assert 'Lenovo\'s "2024"' not in words and "Lenovo's '2024'" not in words
    assert 'The book reads the article\'s "2024" for Lenovo' in words
    assert "{glue:text}`lenovo_year_source`" in words


def test_the_bvc_entry_keeps_the_decoder_and_the_encoder_apart(data):
    """The codec rows keep BVC, a decoder for H.266/VVC (its team's words), apart from BVC2.0,
    an encoder whose report names no standard: the glossary says the same, and does not make
    BVC2.0 a version of an H.266 codec."""
    assert "解码器" in data.references.at["bvc_vvc_decoder", "quote"]
    text = (BOOK_DIR / "glossary.md").read_text(encoding="utf-8")
    words = " ".join(text.split("\nBVC\n", 1)[1].split("\n\n", 1)[0].split())
    assert "decoder for H.266/VVC" in words
    assert "BVC2.0, the encoder" in words and "names no standard" in words
    assert "version" not in words
