"""Exchange rates come only from sourced reference rows."""

import re

import pytest

from bytebook.fx import ExchangeRate, implied_rate, rate_from_references, within_range


def test_conversion_multiplies_by_the_rate():
    rate = ExchangeRate(7.2, "test")
    assert rate.to_cny(10.0) == pytest.approx(72.0)


def test_a_rate_must_be_positive():
    with pytest.raises(ValueError, match="positive"):
        ExchangeRate(0.0, "zero")


def test_rate_is_read_from_its_reference_row(data):
    rate = rate_from_references(data.references, "fx_2024_avg_fed")
    assert rate.cny_per_usd == pytest.approx(7.196)
    assert rate.reference_id == "fx_2024_avg_fed"


def test_a_non_rate_reference_is_refused(data):
    with pytest.raises(ValueError, match="not CNY/USD"):
        rate_from_references(data.references, "bd_intl_2024")
    with pytest.raises(KeyError, match="no reference"):
        rate_from_references(data.references, "fx_missing")


def test_the_2024_average_is_the_mean_of_the_twelve_monthly_values_it_cites(data):
    source = data.references.at["fx_2024_avg_fed", "source"]  # the research lists them there
    months = [float(v) for v in re.findall(r"\d\.\d{4}", source)]
    assert len(months) == 12
    assert sum(months) / 12 == pytest.approx(7.196, abs=5e-4)
    assert min(months) == data.reference("fx_2024_min_month_fed")
    assert max(months) == data.reference("fx_2024_max_month_fed")


def test_the_average_is_printed_at_its_reference_s_digits_not_one_more(data):
    """(7.1707 + 7.1935 + 7.2015 + 7.2374 + 7.2327 + 7.2547 + 7.2609 + 7.1475 + 7.0760 + 7.0881
    + 7.2063 + 7.2807) ÷ 12 = 86.3500 ÷ 12 = 7.19583: 7.196 at the reference's three decimals,
    7.1958 at four; so the methods page prints 7.196, never 7.1960."""
    from bytebook.fx import year_rates

    total = sum([7.1707, 7.1935, 7.2015, 7.2374, 7.2327, 7.2547, 7.2609, 7.1475])
    total += sum([7.0760, 7.0881, 7.2063, 7.2807])
    assert f"{total:.4f} {total / 12:.5f}" == "86.3500 7.19583"
    assert year_rates(data.references).average.text == f"{total / 12:.3f}" == "7.196"
    assert f"{total / 12:.4f}" == "7.1958"


def test_implied_rate_and_range():
    low, high = ExchangeRate(7.0, "lo"), ExchangeRate(7.3, "hi")
    assert implied_rate(2855e8, 390e8) == pytest.approx(2855 / 390)
    assert within_range(7.1, low, high)
    assert not within_range(7.31, low, high)


def test_a_reference_rate_is_written_at_the_digits_its_reference_records(data):
    """The lowest 2024 monthly average is recorded as 7.0760: a rate below it is 'below the
    lowest, 7.0760', at the four decimals of its neighbour 7.2807, not 7.076."""
    from bytebook.fx import year_rates

    rates = year_rates(data.references)
    assert data.references.at["fx_2024_min_month_fed", "value_text"] == "7.0760"
    assert rates.lowest.text == "7.0760" and rates.highest.text == "7.2807"
    assert rates.position(7.0) == "below the lowest, 7.0760,"
    assert rates.position(7.1) == "within the range 7.0760 to 7.2807"
    assert ExchangeRate(7.2, "a rate no row gave").text == "7.2"
