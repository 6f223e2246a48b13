"""Findings: each number is computed once and its prose text comes from a formatter."""

from __future__ import annotations

import pytest

from bytebook.findings import Findings
from bytebook.numbers import format_in, format_percent, format_usd, format_yuan


def test_a_number_is_shown_by_its_formatter_with_options():
    found = Findings()
    # 39e9 ÷ 1.63: the article's overseas revenue over its growth, written out by hand.
    value = found.number("overseas_2023", 39e9 / 1.63, format_usd, 1)
    assert value == pytest.approx(23.926e9, rel=1e-4)
    assert found.texts["overseas_2023"] == "USD 23.9 bn"


def test_a_format_string_is_a_formatter():
    found = Findings()
    found.number("rate", 2855e8 / 390e8, "{:.4f}")
    assert found.texts["rate"] == "7.3205"


def test_a_number_recorded_twice_is_refused():
    found = Findings()
    found.number("share", 0.25, format_percent, 0)
    with pytest.raises(ValueError, match="'share' is recorded twice"):
        found.number("share", 0.3, format_percent)


def test_merge_takes_numbers_rows_and_tables_and_refuses_a_key_twice():
    first, second = Findings(), Findings()
    first.number("days", 366, str)
    second.number("daily", 2855e8 / 366, format_yuan, 2)
    merged = Findings().merge(first, second)
    assert merged.texts == {"days": "366", "daily": "7.80亿元"}
    with pytest.raises(ValueError, match="'days' is recorded twice"):
        merged.merge(first)


def test_scaled_values_carry_their_words_and_separators():
    assert format_in(2.2e12, "trillion", 2) == "2.20 trillion"
    with pytest.raises(ValueError, match="format_yuan"):
        format_in(2e6 * 366, "亿", 2, "USD ")  # USD 7.32亿 is US dollars in 亿
    assert format_in(1.5e15, "billion") == "1,500,000 billion"
