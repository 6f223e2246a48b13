"""No figure is typed in a page's prose: every number a reader sees there is glued from code
(myst-nb's `{glue:text}` role). What may keep its digits is listed in EXEMPT, each with why."""

from __future__ import annotations

import re

import pytest

from bytebook.data import load_article, load_book_data
from bytebook.paths import ROOT
from bytebook.present import ARTICLE_PREFIX, article_figures

PAGES = sorted((ROOT / "book").glob("*.md"))

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
CODE_CELL = re.compile(r"^(`{3,})\{code-cell\}.*?^\1[ \t]*$", re.S | re.M)
ROLE = re.compile(r"\{(?:glue(?::\w+)?|term|ref|numref|doc|download)\}`[^`]*`")
"""A glued value, or a role whose text is a name (a glossary term, a link), not a figure."""

CJK = "\u3400-\u9fff\u3000-\u303f\uff00-\uffef"
EXEMPT = {
    "quote": (
        re.compile(rf"「[^」]*」|\"[^\"\n]*[{CJK}][^\"\n]*\"|\*[^*\n]*[{CJK}][^*\n]*\*"),
        "the article's own words, marked as a quote: in 「…」, or in \"…\" or italics (its "
        "title) with Chinese in them, and found in the article (`article_words`); a verbatim "
        "quote keeps its digits, a made-up one does not",
    ),
    "section": (
        re.compile(r"^#+ \d+(?:\.\d+)*(?= )|\bsections? \d+(?:\.\d+)*"),
        "a section number of the article, which the chapters follow: a label, not a figure",
    ),
    "year": (
        re.compile(r"\b(?:FY)?(?:19|20)\d\d\b"),
        "a year (2024, FY2022): the period a figure covers, a label, not an amount",
    ),
    "date": (
        re.compile(
            r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|"
            r"October|November|December)\b"
        ),
        "a day of a date (25 July 2025): a label, not an amount",
    ),
    "name": (
        re.compile(
            r"\bH\.26[456]\b|\bx265\b|\bBVC2\.0\b|\bDoubao 1\.5 Pro\b|\b1080p\b|"
            r"\bCC BY 4\.0\b|\b10-K\b|\barXiv \d{4}\.\d{4,5}\b"
        ),
        "a name with digits in it (a codec standard, an encoder, a model, the 1080p format, a "
        "licence, a paper's arXiv number, the 10-K annual report), not a figure",
    ),
    "power of ten": (
        re.compile(r"\b10[⁰¹²³⁴⁵⁶⁷⁸⁹]+"),
        "a unit's definition as a power of ten (亿 is 10⁸), a constant, not a figure",
    ),
    "code": (
        re.compile(r"`[^`]+`"),
        "a literal as the data files store it (`39e9`), set as code: how a value is written "
        "down, not a figure the prose states",
    ),
    "link": (
        re.compile(r"\]\([^)]*\)"),
        "a link's target (a URL), not text a reader reads",
    ),
}
"""What may keep its digits in prose, by kind: the pattern, and why it is not a figure."""

DIGITS = re.compile(r"\d(?:[\d,.]*\d)?")

QUOTE_MARKS = re.compile(r"^[「\"*]|[」\"*]$")


def article_words(text: str) -> str:
    """Text as quotes are compared with the article: no white space, no bold markers."""
    return re.sub(r"\s+|\*\*", "", text)


ARTICLE = article_words(load_article())
"""The article as the project keeps it (data/article/article_zh.md), for checking quotes."""


def _blank_exempt(kind: str, match: re.Match) -> str:
    """A blank for an exempt span; a quote not found in the article stays, digits and all."""
    if kind == "quote" and article_words(QUOTE_MARKS.sub("", match.group())) not in ARTICLE:
        return match.group()
    return " "


def prose(page_text: str) -> str:
    """A page's Markdown with its front matter and code cells blanked (lines kept, so that a
    finding names its line)."""

    def blank(match: re.Match) -> str:
        return "\n" * match.group().count("\n")

    return CODE_CELL.sub(blank, FRONT_MATTER.sub(blank, page_text))


def typed_figures(page_text: str) -> list[str]:
    """Each digit sequence left in a page's prose outside glue roles and EXEMPT, as
    'line N: digits in «line»'."""
    found = []
    for number, line in enumerate(prose(page_text).splitlines(), 1):
        left = ROLE.sub(" ", line)
        for kind, (pattern, _) in EXEMPT.items():
            left = pattern.sub(lambda m, k=kind: _blank_exempt(k, m), left)
        found += [f"line {number}: {m.group()} in «{line.strip()}»" for m in DIGITS.finditer(left)]
    return found


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_figure_is_typed_in_a_page_s_prose(page):
    typed = typed_figures(page.read_text(encoding="utf-8"))
    assert not typed, f"{page.name}: figures typed in prose, not glued:\n" + "\n".join(typed)


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        ('The article: "TikTok\'s ad CPM is USD 26".', ["26"]),
        ("The margin is (26 − 6) ÷ 26.", ["26", "6", "26"]),
        ("## Splitting the USD 39 bn", ["39"]),
        ("Meta's loss was USD 13.7 bn in 2024.", ["13.7"]),
        ("a 1080p upload at 8 Mbps", ["8"]),
        ('它说 "海外营收 930 亿美元" in the article.', ["930"]),
        ("「每天 8.47 亿」", ["8.47"]),
    ],
)
def test_a_typed_figure_is_found(text, typed):
    assert [f.split(": ")[1].split(" in ")[0] for f in typed_figures(text)] == typed


@pytest.mark.parametrize(
    "text",
    [
        "The article's USD {glue:text}`article_s3_cpm` is high.",
        "```{code-cell} ipython3\nglue('x', 26)\n```",
        '它说 "一年 7.3 亿" in the article.',
        "「每天7.47亿」 and *2024 年，字节海外营收 390 亿美元*",
        "# 2.1 视频编解码 · The codec",
        "section 2.1's bitrates in 2024, from 25 July 2025",
        "{term}`H.266` and H.264, x265, BVC2.0, Doubao 1.5 Pro",
    ],
)
def test_what_is_exempt_or_glued_is_not_found(text):
    assert typed_figures(text) == []


def test_the_article_s_figures_are_glued_as_their_claim_rows_state_them():
    """Independent arithmetic on the article's printed figures: 390 亿美元, 7.99 美元/月,
    1000+ 亿元, 每天 200 万美元, 8Mbps, 5 分钟 (stored as 300 s)."""
    texts = article_figures(load_book_data())
    assert texts[f"{ARTICLE_PREFIX}s1_overseas_revenue"] == f"USD {390 * 10**8 // 10**9} bn"
    assert texts[f"{ARTICLE_PREFIX}s3_capcut_price"] == "USD 7.99"
    assert texts[f"{ARTICLE_PREFIX}t_byd_overseas"] == "1,000+亿元"
    assert texts[f"{ARTICLE_PREFIX}s21_cdn_daily"] == f"USD {200 * 10**4 // 10**6} million"
    assert texts[f"{ARTICLE_PREFIX}s21_bitrate_upload"] == "8 Mbps"
    assert texts[f"{ARTICLE_PREFIX}s22_hot_update"] == f"{300 // 60} min"
