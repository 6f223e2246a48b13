"""A value and its unit are kept on one line (bytebook.publish.whole_values)."""

from __future__ import annotations

import html
import re

import pytest

from bytebook.publish.whole_values import (
    _LEFT_ALONE,
    CLOSE,
    OPEN,
    UNBROKEN,
    keep_values_whole,
)


def test_values_in_the_text_are_wrapped_and_nothing_else_is():
    page = (
        "<html><head><title>USD 39 bn</title></head><body class='x'>"
        "<p>Revenue of USD 39 bn, 1000+ 亿元: 1,000亿 to 2,000亿; 8 Mbps in 3 sources.</p>"
        "<p>USD 0.020/GB on 2025-07-25</p>"
        '<p title="USD 39 bn">25% of <code>5 s</code></p>'
        "<script>const a = '7 bn';</script><svg><text>9%</text></svg></body></html>"
    )
    kept = keep_values_whole(page)
    assert kept == (
        "<html><head><title>USD 39 bn</title></head><body class='x'>"
        f"<p>Revenue of {OPEN}USD 39 bn{CLOSE}, {OPEN}1000+ 亿元{CLOSE}: "
        f"{OPEN}1,000亿{CLOSE} to {OPEN}2,000亿{CLOSE}; {OPEN}8 Mbps{CLOSE} in 3 sources.</p>"
        f"<p>{OPEN}USD 0.020/GB{CLOSE} on {OPEN}2025-07-25{CLOSE}</p>"
        '<p title="USD 39 bn">25% of <code>5 s</code></p>'
        "<script>const a = '7 bn';</script><svg><text>9%</text></svg></body></html>"
    )
    assert keep_values_whole(kept) == kept


def test_a_gap_in_percentage_points_keeps_its_number_with_percentage():
    """'24.5 percentage points' may take 'points' to the next line, never the number alone; a
    percentage written without a space needs no wrapper."""
    kept = keep_values_whole("<body><p>a gap of 24.5 percentage points, 24.5%</p></body>")
    assert kept == (
        f"<body><p>a gap of {OPEN}24.5 percentage{CLOSE} points, 24.5%</p></body>"
    )
    assert keep_values_whole(kept) == kept


def test_a_cost_per_thousand_impressions_stays_whole_with_its_unit():
    """'USD 26 per 1,000 impressions' never breaks inside its unit: a line may break only before
    'per 1,000 impressions', which stays whole (the value is wider than the evidence's column
    at 1000 px); in a range or a formula the unit stays with the last figure; a table's narrow
    column of figures writes it 'USD 26 CPM', one whole value."""
    cpm = "per 1,000 impressions"
    kept = keep_values_whole(
        f"<body><p>USD 26 {cpm}; USD 25.5 to USD 26.5 {cpm}; (USD 25.5 − USD 7.44) ÷ USD 7.44 "
        f"{cpm}</p><td>USD 26 CPM</td></body>"
    )
    assert kept == (
        f"<body><p>{OPEN}USD 26{CLOSE} {OPEN}{cpm}{CLOSE}; {OPEN}USD 25.5{CLOSE} to "
        f"{OPEN}USD 26.5{CLOSE} {OPEN}{cpm}{CLOSE}; ({OPEN}USD 25.5{CLOSE} − "
        f"{OPEN}USD 7.44{CLOSE}) ÷ {OPEN}USD 7.44{CLOSE} {OPEN}{cpm}{CLOSE}</p>"
        f"<td>{OPEN}USD 26 CPM{CLOSE}</td></body>"
    )
    assert keep_values_whole(kept) == kept


def test_a_chinese_figure_keeps_its_whole_unit_with_it():
    """The article's figures keep their units as a Chinese reader reads them: a currency after a
    magnitude ('390 亿美元'), a price per month ('7.99 美元/月'), dollars alone ('26 美元') and
    years ('深耕 20 年'). A line may otherwise break inside '美元' or before '年'."""
    kept = keep_values_whole(
        "<body><td>390 亿美元 ≈ 2855 亿元</td><q>CapCut Pro 7.99 美元/月</q>"
        "<q>CPM 26 美元</q><td>自主品牌深耕 20 年</td><q>1 万亿参数</q></body>"
    )
    assert kept == (
        f"<body><td>{OPEN}390 亿美元{CLOSE} ≈ {OPEN}2855 亿元{CLOSE}</td>"
        f"<q>CapCut Pro {OPEN}7.99 美元/月{CLOSE}</q><q>CPM {OPEN}26 美元{CLOSE}</q>"
        f"<td>自主品牌深耕 {OPEN}20 年{CLOSE}</td><q>{OPEN}1 万亿{CLOSE}参数</q></body>"
    )
    assert keep_values_whole(kept) == kept


FORMS = ["49.97%", "−8%", "0.49%", "12,345.6%", "100%"]
"""Percentages of each form the book leaves unwrapped: with a minus sign or none, with a
thousands separator, with decimals or without."""

HYPHENATED = ["-8%", "-36.6%"]
"""Percentages signed with a hyphen-minus, which the book keeps wrapped."""

BEFORE = ["", "a", "9", "YoY", "至", "(", "~"]
"""What may stand right before a percentage in a page's text."""

LINES_OF_EACH = """() => [...document.querySelectorAll('p')].map(p => {
  const text = p.firstChild, range = document.createRange(), tops = new Set();
  for (let i = Number(p.dataset.start); i < text.length; i++) {
    range.setStart(text, i); range.setEnd(text, i + 1);
    tops.add(Math.round(range.getBoundingClientRect().top));
  }
  return [p.dataset.value, p.textContent, tops.size];
})"""
"""Each paragraph's value, its text, and the number of lines the value's characters sit on."""


def left_unwrapped(page: str) -> set[str]:
    """The percentages a built page prints outside `<w-v>` in the text `keep_values_whole` reads
    (its body, but for scripts, styles, code, SVG and the like), each with the hyphen-minus
    before it, if any."""
    body = page.partition("<body")[2]
    text = re.sub(rf"<({'|'.join(_LEFT_ALONE)})\b.*?</\1>", " ", body, flags=re.S)
    outside = re.sub(f"{OPEN}.*?{CLOSE}", " ", text, flags=re.S)
    percentage = re.compile(f"-?{UNBROKEN.pattern}")
    return {m.group() for m in percentage.finditer(re.sub(r"<[^>]+>", " ", outside))}



def test_the_percentages_left_unwrapped_are_read_from_the_text_the_wrapper_reads():
    """A percentage in a script, a style, code or SVG, in the head or inside `<w-v>` is none a
    reader sees unwrapped; one in the body's text is, with a hyphen-minus before it kept."""
    page = (
        "<html><head><title>9%</title></head><body><p>up 5% and YoY-7%</p>"
        "<script>const a = '-8%';</script><style>p { width: 50%; }</style><code>-1%</code>"
        "<svg><text>-3%</text></svg><p><w-v>-2%</w-v></p></body></html>"
    )
    assert left_unwrapped(page) == {"5%", "-7%"}

@pytest.mark.browser
def test_a_percentage_left_unwrapped_never_breaks(browser, built_book):
    """Every percentage a page leaves unwrapped, and each form above, keeps one line in
    Chromium even in a box one pixel wide, where a line breaks wherever it may, after whatever
    may stand before it, in English and in Chinese. A hyphen-minus sign is why '-8%' stays
    wrapped: after a letter, a line breaks after it."""
    printed = set().union(
        *(left_unwrapped(path.read_text(encoding="utf-8"))
          for path in (built_book / "book").glob("*.html"))
    )
    assert len(printed) > 50, printed
    assert all(UNBROKEN.fullmatch(value) for value in FORMS)
    values = sorted(set(FORMS) | printed | set(HYPHENATED))
    paragraphs = "".join(
        f'<p lang="{lang}" data-value="{html.escape(value)}" data-start="{len(before)}" '
        f'style="width:1px">{html.escape(before + value)}</p>'
        for value in values
        for before in BEFORE
        for lang in ("en", "zh")
    )
    page = browser.new_page()
    page.set_content(f"<!doctype html><html><body>{paragraphs}</body></html>")
    lines = page.evaluate(LINES_OF_EACH)
    page.close()
    assert len(lines) == len(values) * len(BEFORE) * 2
    broken = {value: text for value, text, count in lines if count > 1}
    assert not {v: t for v, t in broken.items() if v in printed or v in FORMS}, broken
    assert set(HYPHENATED) <= set(broken), broken
