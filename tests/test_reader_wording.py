"""The book's own prose speaks to a reader: no working words ("the research found", "the notes
of …") and no file ids in its sentences; the data files' words say what was not found, never
that a figure is not public. The evidence is held to the same rules where it is written
(tests/test_verdicts.py)."""

from __future__ import annotations

import csv
import html
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
    r"\b(?:not|is|are|was|were|made)\s+public\b|\bhas\s+a\s+public\s+source\b"
    r"|\bdo(?:es)?\s+not\s+(?:publish|disclose)\b|\b(?:publishes|discloses)\s+no\b"
    r"|\bnot\s+reported\b",
    re.IGNORECASE,
)
"""What was not found, said as if it did not exist: the book can only say it found none."""

DISCLAIMER = re.compile(r"\bnot\s+to\s+say\b[^.;)]*", re.IGNORECASE)
"""'which is not to say the company does not publish it': the rule's own disclaimer."""


ABSENCE = re.compile(
    r"(?:^|[:;]\s*|[.!?]\s+)no\s+(?!one\b)[^.;:)]*?\b(?:counts?|revenues?|figures?|sources?)\b"
    r"[^.;:)]*",
    re.IGNORECASE | re.MULTILINE,
)
"""A clause that opens with 'no …' and names a figure or a source ('pricing pages only; no
reliable subscriber count'): unless it says 'found', it states that none exists."""

FOUND = re.compile(r"\bfound\b", re.IGNORECASE)


def not_public_phrases(text: str) -> list[str]:
    """The phrases in `text` that say a figure is or is not public, or that none exists, leaving
    its disclaimers."""
    text = DISCLAIMER.sub("", text)
    absent = [clause for clause in ABSENCE.findall(text) if not FOUND.search(clause)]
    return NOT_FOUND_AS_NOT_PUBLIC.findall(text) + absent


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
    found = not_public_phrases(prose(page))
    assert not found, f"{page.name}: {found}"


def test_the_origin_words_say_not_found_never_not_public():
    """The methods page's table of origin words is written with the policy, not in a page's
    prose, so it is checked here: 'reported' names figures the company was not found to
    publish, since the references record only that they were not found."""
    from bytebook.policy import ORIGINS

    found = {word: not_public_phrases(meaning) for word, meaning in ORIGINS.items()}
    assert not any(found.values()), found
    assert "was not found to publish" in ORIGINS["reported"]


def test_the_rule_catches_a_phrase_broken_across_lines():
    assert NOT_FOUND_AS_NOT_PUBLIC.search("No price TikTok pays is\n  public, nor its hours.")
    assert NOT_FOUND_AS_NOT_PUBLIC.search('"its count is "\n        "public"'.replace('"', ""))
    assert not NOT_FOUND_AS_NOT_PUBLIC.search("This book found no public price, nor its hours.")
    assert not not_public_phrases("not found (which is not to say the company does not publish it)")
    assert not_public_phrases("not found, and the company does not publish it")
    assert not_public_phrases("CapCut (W): pricing pages only; no reliable subscriber count.")
    assert not not_public_phrases("pricing pages only; no reliable subscriber count was found.")
    assert not not_public_phrases("cannot both be rates: no one value of that figure gives both")
    assert not_public_phrases("pricing pages only; no subscriber count, nor its founders.")
    assert not_public_phrases("GMV, not revenue. PDD does not disclose Temu revenue")
    assert not_public_phrases("Not reported: 4,074亿元 × (1 − 23.0%)")
    assert not_public_phrases("no absolute total or active parameter count published")
    assert not not_public_phrases("Temu's revenue was not found")


def joined_strings(source: str) -> str:
    """Python source with adjacent string literals joined, as the text they make is read."""
    return re.sub(r"[\"']\s*\n\s*[rRfF]?[\"']", "", source)


CHAPTER_CODE = sorted((ROOT / "src" / "bytebook").glob("chapters/*.py")) + sorted(
    (ROOT / "src" / "bytebook").glob("figures/*.py")
)


@pytest.mark.parametrize("module", CHAPTER_CODE, ids=lambda p: f"{p.parent.name}.{p.stem}")
def test_the_chapter_code_says_not_found_never_not_public(module):
    found = not_public_phrases(joined_strings(module.read_text(encoding="utf-8")))
    assert not found, f"{module.name}: {found}"


@pytest.mark.parametrize("name", ["references.csv", "claims.csv", "ranking_table.csv"])
def test_the_data_notes_say_not_found_never_not_public(name):
    """The data's own words (a reference's note, which the sources page shows) say what was
    not found, never that a company does not publish it."""
    with open(DATA_DIR / name, encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    said = [
        (number, column, phrases)
        for number, row in enumerate(rows, start=2)
        for column, text in row.items()
        if column not in ("quote", "quote_zh") and (phrases := not_public_phrases(text or ""))
    ]
    assert not said, f"{name}: (line, column, phrases) {said}"


def test_the_assumptions_say_not_found_never_not_public():
    with open(DATA_DIR / "assumptions.csv", encoding="utf-8") as file:
        bases = {row["id"]: row["basis"] for row in csv.DictReader(file)}
    for key, basis in bases.items():
        assert not NOT_FOUND_AS_NOT_PUBLIC.search(basis), key
        assert not WORKING_WORDS.search(basis), key


TAG_JARGON = re.compile(r"\bcounts as W\b|\ba W row\b")
"""A source's tag said as the book's working shorthand, where a reader needs "a weak (W)
source"."""


def test_the_written_findings_name_a_weak_source_in_words():
    """The sentences the analysis writes for pages, captions and evidence say "a weak (W)
    source", never "counts as W" or "a W row"."""
    from bytebook.book import all_findings

    found = []
    for chapter, findings in all_findings().items():
        texts = [t for t in findings.texts.values() if isinstance(t, str)]
        texts += [entry.evidence for entry in findings.entries]
        found += [(chapter, m.group(), t[:80]) for t in texts for m in TAG_JARGON.finditer(t)]
    assert not found, found


TAG_AS_WORD = re.compile(
    r"(?<![(\w])W (?:figures?|sources?|derivations?|summar(?:y|ies)|estimates?)\b"
    r"|\bare W\b(?![)\w])"
)
"""The weak tag used as a word ('a W source', 'W figures', 'are W'): the book says 'a weak (W)
source', 'a figure from a weak (W) source', the tag in brackets after the word."""


def test_a_typed_tag_as_a_word_is_found():
    assert TAG_AS_WORD.findall("this estimate rests on a W figure; these figures are W: no") == [
        "W figure",
        "are W",
    ]
    assert not TAG_AS_WORD.findall("a figure from a weak (W) source (derived, W; shown)")


def test_no_reader_text_uses_a_reliability_tag_as_a_word(data):
    """Every analysis text, the verdict policy's table and every page's prose."""
    from bytebook.book import all_findings
    from bytebook.policy import policy_table

    texts = {}
    for chapter, found in all_findings(data).items():
        texts |= {f"{chapter}: {key}": text for key, text in found.texts.items()}
        for entry in found.entries:
            texts[f"{chapter}: {entry.id}"] = f"{entry.claim_en} {entry.evidence}"
    for row in policy_table().itertuples():
        texts[f"policy: {row.rule}"] = f"{row.example} {row.meaning}"
    texts |= {page.name: prose(page) for page in sorted((ROOT / "book").glob("*.md"))}
    found = {where: TAG_AS_WORD.findall(text) for where, text in texts.items()}
    assert not {where: words for where, words in found.items() if words}


CANNOT_BE_CHECKED = re.compile(
    r"\bcan(?:not|'t|\s+not)\s+(?:all\s+)?be\s+(?:checked|settled)\b", re.I
)
"""What no source found settles, said as if no source could: the book says it could not."""


@pytest.mark.parametrize("page", sorted((ROOT / "book").glob("*.md")), ids=lambda p: p.stem)
def test_the_prose_says_a_claim_could_not_be_checked_never_that_it_cannot(page):
    assert not CANNOT_BE_CHECKED.findall(prose(page)), page.name


def test_no_evidence_or_glued_text_says_a_claim_cannot_be_checked(data):
    from bytebook.book import all_findings

    said = [
        f"{chapter}: {where}"
        for chapter, found in all_findings(data).items()
        for where, text in [(entry.id, entry.evidence) for entry in found.entries]
        + list(found.texts.items())
        if CANNOT_BE_CHECKED.search(text)
    ]
    assert not said, said


STRAY_PUNCTUATION = re.compile(r"[,;:]\s*[,;]|\s[,;]\s")
"""Two marks of punctuation in a row (', ;') or one standing alone: what is left where a word
or a code span fell out of a sentence."""


def visible_text(page: str) -> str:
    """A built page's text as a reader sees it, each code span written as CODE."""
    page = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S)
    page = re.sub(r"<code\b.*?</code>", "CODE", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_no_page_leaves_punctuation_where_words_fell_out(built_book):
    """'(its own list, not a match on citation text), ; between them' had lost its words to
    the separator; a code span (the ledger's 'separated by `;`') is words, not a gap."""
    assert STRAY_PUNCTUATION.search("citation text), ; between them")
    assert not STRAY_PUNCTUATION.search(visible_text("ids separated by <code>;</code>, so"))
    for path in sorted((built_book / "book").glob("*.html")):
        text = visible_text(path.read_text(encoding="utf-8"))
        stray = [text[m.start() - 40 : m.end() + 20] for m in STRAY_PUNCTUATION.finditer(text)]
        assert not stray, (path.name, stray)
