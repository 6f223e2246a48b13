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
    # a source's own Chinese words (营业总收入4090.84亿元) keep their form
    "thousands without a separator (write 2,855亿元)": re.compile(
        r"(?<![\d,.\u4e00-\u9fff])\d{4,}(?:\.\d+)?亿"
    ),
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


def _chart_texts(html: str) -> list[str]:
    """What each chart on a page writes: its title and subtitle (from its spec), and the values
    its marks label, as the data behind the chart shows them (test_chart_lint holds each label
    to that table)."""
    import json

    from test_chart_lint import SPEC

    texts = []
    for spec in (json.loads(match) for match in SPEC.findall(html)):
        title = spec.get("title", {})
        title = title if isinstance(title, dict) else {"text": title}
        for part in (title.get("text", ""), title.get("subtitle", "")):
            texts += part if isinstance(part, list) else [str(part)]
    soup = BeautifulSoup(html, "html.parser")
    texts += [cell.get_text(" ") for cell in soup.select(".bytebook-chart-data td")]
    return texts


@pytest.mark.parametrize("page_path", PAGES)
def test_a_chart_writes_its_figures_in_the_book_s_style(built_book, page_path):
    """A chart's title, subtitle and labelled values follow the number style as the page's
    text does: the ranking's revenue chart says ByteDance is drawn at 2,855亿元, never 2855亿元."""
    html = (built_book / page_path).read_text(encoding="utf-8")
    drawn = _chart_texts(html)
    broken = {
        rule: hits
        for rule, pattern in RULES.items()
        if (hits := [text for text in drawn if pattern.search(text)])
    }
    assert not broken, broken
