"""One number style: each kind of number is written one way, at the same precision everywhere."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bytebook import numbers


@pytest.mark.parametrize(
    ("value", "shown"),
    [(17.729, "17.73"), (2855, "2,855"), (11_420.4, "11,420"), (0.00031, "0.00031"), (39, "39")],
)
def test_four_significant_figures_and_never_fewer_than_the_whole_part(value, shown):
    assert numbers.significant(value) == shown


@given(st.floats(min_value=1e-6, max_value=1e15, allow_nan=False))
def test_a_shown_number_is_within_rounding_of_the_value(value):
    shown = float(numbers.significant(value).replace(",", ""))
    whole_digits = math.floor(math.log10(value)) + 1
    step = 10 ** (whole_digits - numbers.SIGNIFICANT) if whole_digits <= numbers.SIGNIFICANT else 1
    assert abs(shown - value) <= step / 2 * 1.000001 + 1e-12


@given(st.floats(min_value=1e-6, max_value=1e15, allow_nan=False))
def test_no_trailing_zeros_after_the_point(value):
    text = numbers.significant(value)
    assert not ("." in text and text.endswith("0")), text


@pytest.mark.parametrize(
    ("value", "currency", "shown"),
    [
        (39e9, "USD", "USD 39 bn"),
        (730e6, "USD", "USD 730 million"),
        (7.99, "USD", "USD 7.99"),
        (7.47e8, "CNY", "7.47亿元"),
        (5e4, "CNY", "5万元"),
    ],
)
def test_money_reads_in_million_and_bn_for_dollars_and_in_yi_for_yuan(value, currency, shown):
    assert numbers.money(value, currency) == shown


@given(st.floats(min_value=1e8, max_value=1e13))
def test_dollar_amounts_never_read_in_yi(value):
    assert "亿" not in numbers.money(value, "USD")


def test_a_bitrate_is_never_written_in_base_units():
    assert numbers.by_unit(8e6, "bit/s") == "8 Mbps"
    assert "bit/s" not in numbers.by_unit(2.5e9, "bit/s")


def test_shares_and_multiples():
    assert numbers.share(0.2516) == "25.16%"
    assert numbers.share(0.25) == "25%"
    assert numbers.by_unit(20.57, "ratio") == "20.57×"
