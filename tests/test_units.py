"""Parsing printed amounts, and writing them back (bytebook.numbers) so they read back."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bytebook.numbers import by_unit, format_percent, format_yuan
from bytebook.units import number_problem, parse_cn_amount, unit_problem


@pytest.mark.parametrize(
    ("text", "value", "currency", "qualifier"),
    [
        ("3100+ 亿元", 3100 * 1e8, "CNY", "+"),
        ("390 亿美元", 390 * 1e8, "USD", "="),
        ("2855 亿元", 2855 * 1e8, "CNY", "="),
        ("约 27%", 0.27, None, "≈"),
        ("超 50%", 0.50, None, ">"),
        ("**390 亿美元**", 390 * 1e8, "USD", "="),
        ("5000 万", 5000 * 1e4, None, "="),
        ("7.47亿", 7.47e8, None, "="),
    ],
)
def test_parse_printed_amounts(text, value, currency, qualifier):
    amount = parse_cn_amount(text)
    assert amount.value == pytest.approx(value)
    assert amount.currency == currency
    assert amount.qualifier == qualifier


@pytest.mark.parametrize("text", ["三千亿", "abc", "3100 亿欧元", ""])
def test_unreadable_amounts_name_the_text(text):
    with pytest.raises(ValueError, match="cannot read"):
        parse_cn_amount(text)


@given(st.integers(min_value=1, max_value=10**6))
def test_format_yuan_round_trips_through_the_parser(whole_yi):
    printed = format_yuan(whole_yi * 1e8).replace(",", "")
    assert parse_cn_amount(printed).value == pytest.approx(whole_yi * 1e8)


@given(st.floats(min_value=0, max_value=1, allow_nan=False))
def test_format_percent_reads_back(share):
    assert float(format_percent(share, 4).rstrip("%")) / 100 == pytest.approx(share, abs=1e-6)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("３９０", "full-width"),
        ("390亿", "base units"),
        ("63%", "fraction"),
        ("1,364", "thousands"),
        ("", "empty"),
        ("abc", "not a number"),
    ],
)
def test_number_problems_explain_themselves(text, hint):
    assert hint in number_problem(text)


@pytest.mark.parametrize("text", ["39e9", "0.63", "-1", "7.47e8", "1080"])
def test_plain_numbers_pass(text):
    assert number_problem(text) is None


def test_unit_problems_tell_currency_from_unit():
    assert unit_problem("USD") is None
    assert "unknown currency 'EUR'" in unit_problem("EUR/day")
    assert "unknown unit 'furlongs'" in unit_problem("furlongs")


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (5e7, "videos/day", "50 million videos a day"),  # 5000 万条
        (1e12, "params", "1 trillion parameters"),  # 万亿参数
        (2e6, "USD/day", "USD 2 million a day"),  # 200 万美元
        (46_296_296.3, "count", "46.3 million"),
        (3e-4, "USD/inference", "USD 0.0003 per inference"),
        (999_999.9, "count", "1 million"),  # six digits would round it to 1e+06
        (39e9, "USD", "USD 39 bn"),  # 390 亿美元, as the prose writes it
        (2.855e11, "CNY", "2,855亿元"),  # 2855 亿元
        (0.63, "ratio", "63%"),
        (8e6, "bit/s", "8 Mbps"),  # 8Mbps
        (3.2e6, "bit/s", "3.2 Mbps"),
        (0.018, "s", "18 ms"),  # 18ms
        (5 * 60, "s", "5 min"),  # 5 分钟
        (45.0, "s", "45 s"),
        (26.0, "USD per 1000 impressions", "USD 26 per 1,000 impressions"),
    ],
)
def test_values_read_as_a_reader_says_them(value, unit, shown):
    assert by_unit(value, unit) == shown


@given(st.floats(min_value=1, max_value=1e15), st.sampled_from(["count", "params", "USD/day"]))
def test_no_value_is_shown_in_e_notation(value, unit):
    assert "e+" not in by_unit(value, unit)
