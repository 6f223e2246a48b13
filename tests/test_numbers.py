"""One number style: each kind of number is written one way, at the same precision everywhere."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bytebook import numbers
from bytebook.book import all_findings


@pytest.mark.parametrize(
    ("value", "shown"),
    [(17.729, "17.73"), (2855, "2,855"), (11_420.4, "11,420"), (0.00031, "0.00031"), (39, "39")],
)
def test_four_significant_figures_and_never_fewer_than_the_whole_part(value, shown):
    assert numbers.significant(value) == shown


def test_a_tie_in_the_decimal_a_value_is_written_as_rounds_away_from_zero():
    """CapCut Pro's top end, USD 7.995 × 12 months × 25 million payers = USD 2,398.5 million:
    USD 2.3985 bn is a tie at four figures and reads USD 2.399 bn, as a reader rounds it by
    hand, though the float of 2.3985 lies just below it; 1,426.5 is 1,427 as a chart rounds it."""
    value = 7.995 * 12 * 25e6
    assert value == 2_398_500_000
    assert numbers.money(value, "USD") == "USD 2.399 bn"
    assert numbers.significant(1426.5) == "1,427"
    assert numbers.significant(-2.3985) == "−2.399"
    assert numbers.significant(value / 1e9, as_drawn=True) == "2.398"  # as the chart labels it


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


def test_a_video_resolution_reads_as_the_trade_writes_it():
    """The article's 1080P upload is 1080p, not '1,080 px'."""
    assert numbers.by_unit(1080, "px") == "1080p"


def test_shares_and_multiples():
    assert numbers.share(0.2516) == "25.16%"
    assert numbers.share(0.25) == "25%"
    assert numbers.by_unit(20.57, "ratio") == "20.57×"


@pytest.mark.parametrize(
    ("recorded", "digits"),
    [
        ("7.99", 3),
        ("0.30", 2),
        ("0.92", 2),
        ("7.0760", 5),
        ("2e7", 1),
        ("128000", 3),
        ("989.4e12", 4),
        ("0.0015", 2),
        ("7.4", 2),
    ],
)
def test_a_recorded_figure_has_the_significant_figures_its_digits_show(recorded, digits):
    assert numbers.significant_digits(recorded) == digits


def test_a_derived_number_may_show_the_digits_of_its_least_precise_source():
    assert numbers.justified_digits("0.92", "0.30") == 2
    assert numbers.justified_digits("7.0760", "7.2807") == 5
    with pytest.raises(ValueError):
        numbers.justified_digits()


def test_ranks_multiples_and_recorded_figures():
    assert numbers.whole(3.0) == "3"
    assert numbers.whole(4075.4) == "4,075"
    assert numbers.times(71 / 43.3) == "1.64×"  # 1.6397...
    assert numbers.times(1.6) == "1.60×"
    assert numbers.multiple(7.4, 3) == "7.4×"
    assert numbers.as_recorded(7.076, "7.0760") == "7.0760"
    assert numbers.as_recorded(7.196, "7.196") == "7.196"
    assert numbers.share(0.92 - 0.30, 2) == "62%"
    assert numbers.money(7.99 * 12 * 20e6 * (0.92 - 0.30), "USD", 2) == "USD 1.2 bn"


NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _figures(text: str) -> int:
    """Significant figures of the first number written in `text`, counted independently of
    bytebook.numbers: leading zeros never count, trailing zeros of a whole number do not."""
    digits = NUMBER.search(text).group(0).replace(",", "")
    if "." in digits:
        return len(digits.replace(".", "").lstrip("0"))
    return len(digits.lstrip("0").rstrip("0")) or 1


def _glued_numbers():
    """Every chapter's glued numbers that are a single figure: (chapter, key, value, text)."""
    for chapter, found in all_findings().items():
        for key, text in found.texts.items():
            if len(NUMBER.findall(text)) == 1:
                yield chapter, key, found.numbers[key], text, found.digits_from.get(key, ())


def test_no_glued_number_shows_more_digits_than_its_sources_justify():
    """A number resting on source figures shows no more significant figures than the least
    precise of them: CapCut's profit after the stores' fee rests on 92% and 30% (two figures
    each), so it is USD 1.2 bn and 62%, not USD 1.189 bn and 62.0%."""
    checked = {}
    for chapter, key, _, text, recorded in _glued_numbers():
        if recorded:
            checked[key] = text
            least = min(
                len(r.split("e")[0].replace(".", "").lstrip("0"))
                if "." in r.split("e")[0]
                else len(r.split("e")[0].lstrip("0").rstrip("0"))
                for r in recorded
            )
            assert _figures(text) <= least, (chapter, key, text, recorded)
    assert {"capcut_profit_after_fee", "capcut_margin_after_fee"} <= set(checked), checked


def test_no_glued_number_prints_a_zero_its_value_does_not_need():
    """A zero after the decimal point ('62.0%', '7.40×', 'USD 0.020') is printed only when a
    source figure the number rests on has that digit (USD 8.70 for a CPM reported as 8.70)."""
    needless = []
    for chapter, key, value, text, recorded in _glued_numbers():
        shown = NUMBER.search(text).group(0).replace(",", "")
        if "." not in shown or not shown.endswith("0") or value == 0:
            continue
        scale = 10 ** round(math.log10(float(shown) / abs(value)))
        shorter = float(shown.rstrip("0").rstrip("."))
        if math.isclose(abs(value) * scale, shorter, rel_tol=1e-9) and not any(
            r.endswith(shown[shown.index(".") :].rstrip("0") + "0") for r in recorded
        ):
            needless.append((chapter, key, text))
    assert not needless, needless


def test_a_value_reads_as_its_text_writes_it():
    """2,855亿 ÷ 366 = 7.8005亿 reads '7.80亿元 a day' beside '= 7.80亿'; USD 39 bn ÷ 366 =
    USD 106.557 million reads 'USD 107 million a day' beside '= USD 107 million'; a band the
    text gives for a value it does not write is shown whole; a figure of another kind is not
    taken (7.80 CNY/USD is not 7.80亿)."""
    daily = 2855e8 / 366
    assert numbers.as_written(daily, "CNY/day", "2,855亿 ÷ 366 days = 7.80亿 a day.") == (
        "7.80亿元 a day"
    )
    assert numbers.as_written(39e9 / 366, "USD/day", "= USD 107 million.") == (
        "USD 107 million a day"
    )
    assert numbers.as_written(63 / 38.5, "multiple", "= 1.62× to 1.65× at the sources'") == (
        "1.62× to 1.65×"
    )
    assert numbers.as_written((1.56 - 1.55) / 1.55, "share", "(156 − 155) ÷ 155 = 0.6%") == "0.6%"
    assert numbers.as_written(0.245, "share", "63% − 38.5% = 24.5 percentage points") == (
        "24.5 percentage points"
    )
    assert numbers.as_written(7.8005, "CNY/USD", "= 7.80亿 a day") is None
    assert numbers.as_written(daily, "CNY/day", "nothing written") is None
    # a whole count the text writes is that number (its reading is exact: no band to prefer)
    counted = (
        "sets out 3 threads. The printed figure is read as an exact count (whole things, "
        "printed to the unit): 3."
    )
    assert numbers.as_written(3, "count", counted) == "3"


@given(st.floats(1, 9_999), st.integers(0, 3))
def test_a_share_written_at_any_decimals_reads_back_at_them(percent_value, decimals):
    written = f"{percent_value:,.{decimals}f}%"
    value = float(written[:-1].replace(",", "")) / 100
    assert numbers.as_written(value, "share", f"the gap is {written}.") == written


def test_data_sizes_read_in_decimal_units():
    assert numbers.data_size(5e13) == "50 TB"
    assert numbers.by_unit(5e13, "bytes/day") == "50 TB a day"


@pytest.mark.parametrize(
    ("upper", "lower", "decimals", "expected"),
    [
        # BYD's derived share, at least 2,218.5 ÷ 7,771.5 = 28.547%, above 约20%'s top, 21%:
        # two significant figures of the gap, 7.5, so both ends at one decimal.
        (2218.5 / 7771.5, 0.21, None, ("28.5%", "21%", "7.5")),
        # Midea's 41.52% reaches down to 41.515%, exact at three decimals: shown whole, so the
        # gap is 41.515 − 40.5 = 1.015, not a rounded 1.
        (0.41515, 0.405, None, ("41.515%", "40.5%", "1.015")),
        # 约27% reaches 27 × 1.05 = 28.35%, a printed band's end, never rounded; Huawei's
        # FY2023 share, 2,329 ÷ 7,041.74 = 33.07%, is shown to one decimal, but its end is
        # written at the two of 28.35 (33.1 − 28.35 would add 0.03 of rounding to the gap):
        # 33.07 − 28.35 = 4.72, band to band.
        (2329 / 7041.74, 0.2835, 1, ("33.07%", "28.35%", "4.72")),
        # By default the decimals that give the gap two significant figures: 28.547% less
        # 28.35% is 0.197 points, so two decimals: 28.55 − 28.35 = 0.20.
        (2218.5 / 7771.5, 0.2835, None, ("28.55%", "28.35%", "0.2")),
        # Lenovo's FY2023/24 share, shown as 77%, reaches down to 3,136.5 ÷ 4,074.5 = 76.98%:
        # set against the exact 70.5% it is written at one decimal, its zero kept: 77.0%.
        (3136.5 / 4074.5, 0.705, 0, ("77.0%", "70.5%", "6.5")),
        # At a stated precision: 63% over 38.5% is 24.5 points.
        (0.63, 2219 / 1602.2 - 1, 1, ("63%", "38.5%", "24.5")),
    ],
)
def test_a_gap_in_points_is_the_difference_of_its_ends_as_written(upper, lower, decimals, expected):
    from decimal import Decimal

    assert f"{2218.5 / 7771.5:.3%} {2329 / 7041.74:.2%} {27 * 1.05:.2f}" == ("28.547% 33.07% 28.35")
    shown = numbers.points_between(upper, lower, decimals)
    assert shown == expected
    high, low, gap = (Decimal(text.rstrip("%")) for text in shown)
    assert high - low == gap


def test_a_gap_in_points_needs_the_upper_share_above():
    with pytest.raises(ValueError):
        numbers.points_between(0.2, 0.21)


def test_a_range_writes_a_shared_unit_word_once():
    """Two ends in one unit read 'low to high unit'; ends that differ, or whose unit comes
    first or is joined to the figure, keep their own words."""
    assert numbers.value_range("6.917 CNY/USD", "7.106 CNY/USD") == "6.917 to 7.106 CNY/USD"
    assert numbers.value_range("5 min", "7 s") == "5 min to 7 s"
    assert numbers.value_range("USD 725 million", "USD 735 million") == (
        "USD 725 million to USD 735 million"
    )
    assert numbers.value_range("7.44亿元", "7.86亿元") == "7.44亿元 to 7.86亿元"
    cpm = "per 1,000 impressions"
    assert numbers.value_range(f"USD 25.5 {cpm}", f"USD 26.5 {cpm}") == (
        f"USD 25.5 to USD 26.5 {cpm}"
    )
    daily = numbers.value_range("7.465亿元 a day", "7.475亿元 a day")
    assert daily == "7.465亿元 to 7.475亿元 a day"


def test_a_gap_formula_leaves_out_a_rate_s_words():
    """'(USD 25.5 − USD 7.44) ÷ USD 7.44': a gap is a ratio, so the rate's words, which would
    read as its unit, are left out; a unit that is the figure's own (CNY/USD) stays with each."""
    cpm = "per 1,000 impressions"
    formula = numbers.gap_formula(f"USD 25.5 {cpm}", f"USD 7.44 {cpm}", f"USD 7.44 {cpm}")
    assert formula == "(USD 25.5 − USD 7.44) ÷ USD 7.44"
    assert numbers.gap_formula("7.80亿元 a day", "7.475亿元 a day", "7.47亿元 a day") == (
        "(7.80亿元 − 7.475亿元) ÷ 7.47亿元"
    )
    assert numbers.gap_formula("7.227 CNY/USD", "7.196 CNY/USD", "7.196 CNY/USD") == (
        "(7.227 CNY/USD − 7.196 CNY/USD) ÷ 7.196 CNY/USD"
    )


def test_a_claims_column_writes_a_cpm_short():
    """A claims table's Stated or Recomputed cell (about 8.5em wide) holds 'USD 26 CPM' on one
    line; other values are as the text writes them."""
    assert numbers.in_a_column("USD 26 per 1,000 impressions") == "USD 26 CPM"
    assert numbers.in_a_column("USD 7.44 to USD 8.70 per 1,000 impressions") == (
        "USD 7.44 to USD 8.70 CPM"
    )
    assert numbers.in_a_column("USD 2 million a day") == "USD 2 million a day"


def test_words_in_a_list_read_as_a_sentence_writes_them():
    from bytebook.numbers import in_a_list

    assert in_a_list(["codec"]) == "codec"
    assert in_a_list(["codec", "recommender"]) == "codec and recommender"
    assert in_a_list(["2.1", "2.2", "2.3"]) == "2.1, 2.2 and 2.3"
