"""Every page's visible text follows the book's one number style (bytebook.numbers).

Visible text is the page's text outside scripts, styles, folded-away blocks and the article's
own Chinese words (which keep the article's forms, such as 390亿美元), and a source's own words
quoted on the sources page. Names such as BVC2.0 and CC BY 4.0 are not numbers.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from test_browser import PAGES

pytestmark = pytest.mark.build

RULES = {
    "a bitrate in base units (write 8 Mbps)": re.compile(r"\d\s*(?:million |billion )?bit/s"),
    "US dollars in 亿 (write USD 39 bn)": re.compile(r"(?<![/\w])USD\s*[\d,.]+\s*亿"),
    "e-notation": re.compile(r"\b\d(?:\.\d+)?e[+-]?\d+\b"),
    "a needless .0 or .00": re.compile(r"(?<![\w.])(?<!BY )\d+\.00?(?![\d.%-])"),
}


def visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.select('script, style, details, q, [lang="zh"], [lang="zh-CN"], title'):
        hidden.decompose()
    for soft_break in soup.find_all("wbr"):  # a place a word may break, not a space
        soft_break.decompose()
    soup.smooth()
    return soup.get_text(" ")


@pytest.mark.parametrize("page_path", PAGES)
def test_numbers_on_the_page_follow_the_style(built_book, page_path):
    text = visible_text((built_book / page_path).read_text(encoding="utf-8"))
    found = {
        rule: sorted({text[max(0, m.start() - 30) : m.end() + 10] for m in pattern.finditer(text)})
        for rule, pattern in RULES.items()
    }
    broken = {rule: hits[:5] for rule, hits in found.items() if hits}
    assert not broken, broken
