"""The verdict policy: printed intervals, interval arithmetic, grades, combination, periods.

Expected values are worked out by hand from the article's printed figures, not read from
the code's output.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bytebook.chapters import preface
from bytebook.paths import ROOT
from bytebook.policy import (
    SUBSTANCE_MARGIN,
    Basis,
    Finding,
    Grade,
    Interval,
    Verdict,
    best_period,
    combine,
    compare,
    grade,
    policy_table,
    printed_interval,
    printed_unit,
    reading,
    relative_gap,
    worked_gap,
)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("0.40", 0.01),  # "40%"
        ("1.364e11", 1e8),  # "1364 亿元"
        ("3.1e11", 1e10),  # "3100+ 亿元"
        ("1.0e11", 1e10),  # "1000+ 亿元" in a column printed to 100亿
        ("1e11", 1e11),
        ("39e9", 1e9),  # "390 亿美元"
        ("128000", 1000),  # "128K"
        ("2.855e11", 1e8),  # "≈ 2855 亿元"
        ("0.0003", 1e-4),
        ("4090.84e8", 1e6),
    ],
)
def test_the_printed_unit_is_the_place_of_the_last_significant_digit(text, unit):
    assert printed_unit(text) == pytest.approx(unit)


def test_printed_figures_become_the_intervals_a_reader_reads():
    forty = printed_interval("0.40", "=", "share")
    assert (forty.low, forty.high) == pytest.approx((0.395, 0.405))
    haier = printed_interval("1.364e11", "=")
    assert (haier.low, haier.high) == pytest.approx((1363.5e8, 1364.5e8))
    huawei = printed_interval("2.3e11", "+")  # 2300+ = 两千三百多亿
    assert (huawei.low, huawei.high) == pytest.approx((2300e8, 2400e8))
    over_half = printed_interval("0.50", ">", "share")  # 超 50%
    assert (over_half.low, over_half.high) == (0.5, 1.0)
    about_27 = printed_interval("0.27", "≈", "share")  # 约 27%: 5% of 27% is wider than 1 point
    assert (about_27.low, about_27.high) == pytest.approx((0.27 - 0.0135, 0.27 + 0.0135))
    about_20 = printed_interval("0.20", "≈", "share")  # 约 20%: one point equals 5% of 20%
    assert (about_20.low, about_20.high) == pytest.approx((0.19, 0.21))
    rmb = printed_interval("2.855e11", "≈")  # ≈ 2855 亿元
    assert (rmb.low, rmb.high) == pytest.approx((2855e8 * 0.95, 2855e8 * 1.05))
    below = printed_interval("0.02", "<", "share")
    assert (below.low, below.high) == (0.0, 0.02)


def test_a_count_printed_to_its_unit_is_exact_and_read_so():
    three = printed_interval("3", "=", "count")  # 三条暗线: no thread comes in halves
    assert (three.low, three.high) == (3.0, 3.0)
    words = reading("3", "=", "count")
    assert words.endswith("an exact count (whole things, printed to the unit): 3")
    hundreds = printed_interval("300", "=", "count")  # trailing zeros only hold places
    assert (hundreds.low, hundreds.high) == (250.0, 350.0)
    about_three = printed_interval("3", "≈", "count")
    assert about_three.low < 3 < about_three.high


def test_overseas_over_share_from_two_bands_is_a_band():
    # 2300+ 亿元 over 约 27%: from 2300 / 28.35% to 2400 / 25.65%
    total = printed_interval("2.3e11", "+") / printed_interval("0.27", "≈", "share")
    assert total.low == pytest.approx(2300e8 / 0.2835)
    assert total.high == pytest.approx(2400e8 / 0.2565)
    assert total.contains(8621e8)  # Huawei's 2024 total lies inside


def test_interval_arithmetic_matches_the_end_points():
    a, b = Interval(2.0, 3.0), Interval(4.0, 5.0)
    assert (a + b) == Interval(6.0, 8.0)
    assert (b - a) == Interval(1.0, 3.0)
    assert (a * b) == Interval(8.0, 15.0)
    assert (b / a).low == pytest.approx(4 / 3) and (b / a).high == pytest.approx(2.5)
    assert (a * 2) == Interval(4.0, 6.0)
    with pytest.raises(ZeroDivisionError):
        a / Interval(-1.0, 1.0)


bounded = st.floats(min_value=0.1, max_value=1e4, allow_nan=False)


@given(bounded, bounded, bounded, bounded, bounded, bounded)
def test_every_value_the_inputs_allow_lies_in_the_derived_band(a, wa, b, wb, fa, fb):
    x, y = Interval(a, a + wa), Interval(b, b + wb)
    pick_x = x.low + (x.high - x.low) * (fa % 1)
    pick_y = y.low + (y.high - y.low) * (fb % 1)
    tolerance = 1e-9
    for band, value in (
        (x + y, pick_x + pick_y),
        (x - y, pick_x - pick_y),
        (x * y, pick_x * pick_y),
        (x / y, pick_x / pick_y),
    ):
        assert band.low - tolerance * abs(value) <= value <= band.high + tolerance * abs(value)


def test_grades_follow_the_gap_between_intervals():
    forty = printed_interval("0.40", "=", "share")
    # Midea 2024: 41.52% (S). Gap 41.515% − 40.5% over 41.52% = 2.4%: right in substance.
    assert grade(forty, Interval(0.41515, 0.41525)) is Grade.OFF_IN_DETAIL
    # BYD 2024: 28.6% against 约 20% (19% to 21%): gap 26%, fails.
    assert grade(printed_interval("0.20", "≈", "share"), Interval(0.2855, 0.2857)) is Grade.FAILS
    # ByteDance: 25% against 39 / 155 = 25.16%: inside 24.5% to 25.5%.
    assert grade(printed_interval("0.25", "=", "share"), Interval.exact(39 / 155)) is Grade.HOLDS


@given(
    st.floats(min_value=0.0, max_value=0.5),
    st.floats(min_value=1.0, max_value=1e12),
    st.floats(min_value=1.0, max_value=1e12),
    st.sampled_from(["=", "≈", "+"]),
    st.sampled_from(["0.40", "1.364e11", "3.1e11", "39e9", "0.27", "7.47e8"]),
)
def test_same_gap_same_grade_whatever_the_row(gap, scale_a, scale_b, qualifier, text):
    """Two rows whose evidence sits the same relative gap beyond their printed band get the
    same grade, whatever their size, precision or qualifier (away from the exact boundary,
    where rounding of the last bit decides)."""
    assume(abs(gap - SUBSTANCE_MARGIN) > 1e-9)
    grades = set()
    for scale in (scale_a, scale_b):
        printed = printed_interval(text, qualifier) * scale
        # the evidence point x with (x − high) / x = gap: x = high / (1 − gap)
        evidence_point = printed.high / (1 - gap)
        grades.add(grade(printed, Interval.exact(evidence_point)))
        assert relative_gap(printed, Interval.exact(evidence_point)) == pytest.approx(gap, abs=1e-9)
    assert len(grades) == 1


@given(st.one_of(st.just(0.0), st.floats(min_value=1e-6, max_value=0.6)))
def test_the_middle_grade_ends_at_the_substance_margin(gap):
    printed = Interval(100.0, 100.0)
    evidence = Interval.exact(100.0 / (1 - gap))
    expected = (
        Grade.HOLDS if gap == 0 else Grade.OFF_IN_DETAIL if gap <= SUBSTANCE_MARGIN else Grade.FAILS
    )
    if abs(gap - SUBSTANCE_MARGIN) > 1e-9:
        assert grade(printed, evidence) is expected


def test_the_verdict_word_depends_on_the_basis_only_at_the_ends():
    printed = Interval(1.0, 1.0)
    assert compare(printed, Interval.exact(1.0), Basis.ARTICLE, "").verdict is Verdict.CONSISTENT
    assert compare(printed, Interval.exact(1.0), Basis.SOURCE, "").verdict is Verdict.SUPPORTED
    near = Interval.exact(1.05)
    assert compare(printed, near, Basis.ARTICLE, "").verdict is Verdict.OFF_IN_DETAIL
    assert compare(printed, near, Basis.SOURCE, "").verdict is Verdict.OFF_IN_DETAIL
    far = Interval.exact(2.0)
    assert compare(printed, far, Basis.ARTICLE, "").verdict is Verdict.INCONSISTENT
    assert compare(printed, far, Basis.SOURCE, "").verdict is Verdict.CONTRADICTED


def _finding(verdict: Verdict, decides: bool = True) -> Finding:
    return Finding(verdict, "", decides)


def test_the_worst_deciding_finding_sets_the_final_verdict():
    assert combine([_finding(Verdict.SUPPORTED), _finding(Verdict.OFF_IN_DETAIL)]) is (
        Verdict.OFF_IN_DETAIL
    )
    assert combine([_finding(Verdict.CONSISTENT), _finding(Verdict.CONTRADICTED)]) is (
        Verdict.CONTRADICTED
    )
    assert combine([_finding(Verdict.CONSISTENT), _finding(Verdict.SUPPORTED)]) is (
        Verdict.SUPPORTED
    )
    assert combine([]) is Verdict.UNVERIFIABLE


verdicts = st.sampled_from(list(Verdict))


@given(st.lists(st.tuples(verdicts, st.booleans()), max_size=6), verdicts)
def test_findings_that_may_not_decide_never_change_the_verdict(pairs, extra):
    """A W source or the book's own model (decides=False) never moves a verdict."""
    findings = [_finding(v, d) for v, d in pairs]
    assert combine(findings + [_finding(extra, decides=False)]) is combine(findings)
    if not any(d for _, d in pairs):
        assert combine(findings) is Verdict.UNVERIFIABLE


@given(st.lists(verdicts.filter(lambda v: v is not Verdict.UNVERIFIABLE), min_size=1, max_size=6))
def test_the_combination_does_not_depend_on_order(found):
    findings = [_finding(v) for v in found]
    assert combine(findings) is combine(list(reversed(findings)))


def test_a_figure_that_matches_another_year_is_matched_to_that_year():
    # Haier: printed 1364 亿元; filed 1364.12亿 for 2023, 1429亿 for 2024.
    printed = printed_interval("1.364e11", "=")
    years = {
        "FY2024": Interval(1428.5e8, 1429.5e8),
        "FY2023": Interval(136411.5e6, 136412.5e6),
    }
    assert best_period(printed, years)[0] == "FY2023"
    assert best_period(printed, {"FY2024": years["FY2024"]})[0] == "FY2024"


def test_the_policy_table_shows_every_verdict_as_its_badge():
    from bytebook.palette import verdict_css_class
    from bytebook.present import policy_html

    table = policy_table()
    shown = policy_html(table).data
    for verdict in Verdict:
        row = table[table["rule"] == f"verdict: {verdict}"]
        assert len(row) == 1 and row["verdict"].iloc[0] == verdict
        badge = f'<span class="verdict verdict-{verdict_css_class(str(verdict))}">{verdict}</span>'
        assert f"<td data-th=Rule>verdict: {badge}</td>" in shown, verdict
    assert "col-badge" not in shown, "a column of its own for the badges, mostly empty"
    assert not re.search(r"#[0-9a-fA-F]{6}\b", shown), "a colour code is shown, not a badge"


def test_a_printed_conversion_is_read_at_its_digits_by_a_rule_in_the_table(data):
    """In "390 亿美元 ≈ 2855 亿元" the '≈' is the sign of the conversion, so 2855 is 2854.5亿 to
    2855.5亿; read as 'about' it would be 2855 × 0.95 = 2712.25亿 to 2855 × 1.05 = 2997.75亿,
    over USD 39 bn read at its own precision (38.5 to 39.5 bn), any rate from 2712.25 ÷ 395 =
    6.866 to 2997.75 ÷ 385 = 7.786."""
    from bytebook.data import load_article
    from bytebook.policy import (
        QUALIFIER_MEANINGS,
        RATE_BAND_RULE,
        approx_rate_span,
        conversion_example_figures,
        conversion_rule,
    )

    printed, amount, converted = conversion_example_figures(data)
    assert (printed, amount, converted) == ("390 亿美元 ≈ 2855 亿元", "39e9", "2.855e11")
    assert printed in load_article().replace("**", "")
    claim = data.claim("t_bytedance_overseas_cny")
    assert claim["value_text"] == converted and claim["qualifier"] == "="
    assert data.claim("t_bytedance_overseas")["value_text"] == amount
    assert printed_interval(converted, "=") == Interval(2854.5e8, 2855.5e8)
    approx = printed_interval(converted, "≈")
    assert approx.low == pytest.approx(2712.25e8) and approx.high == pytest.approx(2997.75e8)
    rates = approx_rate_span()
    assert rates.low == pytest.approx(6.866, abs=5e-4)
    assert rates.high == pytest.approx(7.786, abs=5e-4)
    table = policy_table().set_index("rule")
    assert table.at["printed conversion", "example"] == (
        "390 亿美元 ≈ 2855 亿元: 2,854.5亿元 to 2,855.5亿元"
    )
    assert table.at["printed conversion", "meaning"] == conversion_rule()
    assert "from 6.87 to 7.79 CNY per USD" in conversion_rule()
    # the rate the printed digits imply: 2,854.5亿 ÷ 395亿 = 7.2266 to 2,855.5亿 ÷ 385亿 = 7.4169
    assert table.at["a conversion's rate", "example"] == (
        "2,854.5亿元 to 2,855.5亿元 over USD 38.5 bn to USD 39.5 bn: 7.227 to 7.417 CNY per USD"
    )
    # each row says its own part once: the rule for the rate is not in the conversion's row
    assert table.at["a conversion's rate", "meaning"] == RATE_BAND_RULE
    assert "monthly averages" in RATE_BAND_RULE and "monthly averages" not in conversion_rule()
    assert "printed conversion" in QUALIFIER_MEANINGS["≈"]


def test_the_title_s_grade_says_what_reading_the_conversion_as_about_would_give(data):
    """The title's grade against the article's own total rests on reading the table's '≈' as a
    conversion: read as 'about' (±5%), 2855亿元 is 2,712.25亿 to 2,997.75亿, or 7.41亿 to
    8.19亿 a day over 366 days, which takes in the title's 7.465亿 to 7.475亿. The evidence and
    the preface say so, and that the grade would then be consistent. So does the row that sets
    the title's rate against the table's: the table's rates would run from 2,712.25亿 ÷ 395亿 =
    6.87 to 2,997.75亿 ÷ 385亿 = 7.79 CNY/USD, which takes in the title's 6.917 to 7.106 and
    every 2024 month's (7.0760 to 7.2807)."""
    low, high = 2855 * 0.95 / 366, 2855 * 1.05 / 366
    assert f"{low:.2f} {high:.2f}" == "7.41 8.19" and low < 7.465 < 7.475 < high
    low_rate, high_rate = 2712.25 / 395, 2997.75 / 385
    assert f"{low_rate:.2f} {high_rate:.2f}" == "6.87 7.79"
    assert low_rate < 6.917 < 7.0760 < 7.2807 < high_rate
    found = preface.analyse(data)
    evidence = {e.id: e.evidence for e in found.entries}
    expected = "or 7.41亿元 to 8.19亿元 a day, and the title would be consistent with it"
    assert expected in evidence["title_daily_revenue"]
    assert expected in found.texts["title_about_reading"]
    rates = (
        "at 6.87 to 7.79 CNY/USD, which takes in the title's rate and every month of 2024's: "
        "the two could be one 2024 rate. That the two rates differ rests on reading the '≈'"
    )
    assert rates in evidence["d_two_rates"] and rates in found.texts["rates_if_about"]
    assert evidence["d_two_rates"].endswith(found.texts["rates_if_about"])
    assert evidence["title_daily_revenue"].index("do not meet") < evidence[
        "title_daily_revenue"
    ].index(expected), "the grade's gap comes before what the other reading would give"
    page = (ROOT / "book" / "preface.md").read_text(encoding="utf-8")
    assert "{glue:text}`title_about_reading_text`" in page


def test_the_conversion_rule_carries_through_every_row_that_reads_2855(data):
    """At 2024's monthly averages, 7.0760 to 7.2807, USD 39 bn (38.5 to 39.5 bn) is 2,724.3亿 to
    2,875.9亿: the printed 2854.5亿 to 2855.5亿 lies within it, so the conversion is consistent
    with a 2024 rate (supported). At the average 7.196 it would be 2,770.5亿 to 2,842.4亿; the
    implied rate's low end, 2854.5 ÷ 395 = 7.227 at the digits printed, is (7.227 − 7.196) ÷
    7.196 = 0.43% above 7.196, and both rows print that one gap, worked from those figures."""
    from bytebook.chapters import preface, ranking
    from bytebook.policy import CONVERSION_READING

    assert 38.5 * 7.0760 * 10 < 2854.5 < 2855.5 < 39.5 * 7.2807 * 10
    assert f"{2854.5 / 395:.3f} {(7.227 - 7.196) / 7.196:.2%}" == "7.227 0.43%"
    entries = {e.id: e for e in [*preface.analyse(data).entries, *ranking.analyse(data).entries]}
    for row in ("t_bytedance_overseas_cny", "d_table_implied_rate", "d_two_rates"):
        assert CONVERSION_READING in entries[row].evidence, row
    assert (
        "Finding 1, off in detail: The article's own 2,855亿元"
        in entries["title_daily_revenue"].evidence
    )
    assert CONVERSION_READING in entries["title_daily_revenue"].evidence
    assert entries["t_bytedance_overseas_cny"].verdict.value == "supported"
    assert entries["d_table_implied_rate"].verdict.value == "supported"
    for row in ("t_bytedance_overseas_cny", "d_table_implied_rate"):
        assert "0.43% from" in entries[row].evidence, row
        assert "(7.227 CNY/USD − 7.196 CNY/USD) ÷ 7.196 CNY/USD" in entries[row].evidence, row
        assert "0.42%" not in entries[row].evidence, row
    # the title's and the table's bands still do not meet: two rates, off in detail
    assert 7.475 * 366 / 385 < 2854.5 / 395
    assert entries["d_two_rates"].verdict.value == "off in detail"
    # both rates divide by the one dollar figure, so the gap is the yuan figures': the table's
    # 2854.5 against the title's 7.475 × 366 = 2735.85 a year, of the table's 2855
    assert f"{(2854.5 - 7.475 * 366) / 2855:.1%}" == "4.2%"
    assert "4.2% of the table's figure: (2,854.5亿元 − 2,736亿元) ÷ 2,855亿元" in (
        entries["d_two_rates"].evidence
    )
    assert "cannot both be 2024 rates" in entries["d_table_implied_rate"].evidence


def test_the_preface_states_the_whole_rule_for_yue(data):
    """The preface's words for 约 are the rule `printed_interval` applies: 5% either way, or
    one printed unit where that is wider."""
    words = preface.analyse(data).texts["tol_approx"]
    assert "5% either way" in words and "one printed unit" in words and "wider" in words
    # 约 27%: 5% of 27% is 1.35 points, wider than the printed unit of 1 point.
    band = printed_interval("0.27", "≈", "share")
    assert (band.low, band.high) == pytest.approx((0.27 - 0.0135, 0.27 + 0.0135))
    # 约 2: 5% of 2 is 0.1, narrower than the printed unit of 1, so the unit decides.
    band = printed_interval("2", "≈", "multiple")
    assert (band.low, band.high) == pytest.approx((1, 3))
    page = (ROOT / "book" / "preface.md").read_text(encoding="utf-8")
    assert "{glue:text}`tol_approx_text` either way" not in page
    assert "{glue:text}`tol_approx_text`" in page


def test_the_policy_table_works_a_gap_between_two_shares():
    """Midea's printed 40% (39.5% to 40.5%) against its filed 41.52% (41.515% to 41.525%):
    41.515 − 40.5 = 1.015 points, with both ends named, not a rounded '1 point'."""
    from bytebook.policy import POINTS_RULE

    assert f"{41.515 - 40.5:.3f}" == "1.015"
    row = policy_table().set_index("rule").loc["a gap between two shares"]
    assert row["meaning"] == POINTS_RULE
    assert row["example"] == (
        "40% against 41.52%: 1.015 percentage points (the source's lower end, 41.515%, less the "
        "printed range's upper end, 40.5%)"
    )


def test_a_worked_gap_takes_an_end_as_its_sentence_prints_it():
    """Huawei's 2024 estimate, printed as 2,850.5亿 to 2,852.1亿元, against ByteDance's 2,770亿
    to 2,842.42亿元: worked from the whole 亿 the gap would read (2,851 − 2,842) ÷ 2,851 = 0.32%;
    with the estimate's end as the sentence prints it, (2,850.5 − 2,842) ÷ 2,851 = 0.30%."""
    assert f"{(2851 - 2842) / 2851:.2%} {(2850.5 - 2842) / 2851:.2%}" == "0.32% 0.30%"
    bytedance = Interval(2770.5e8, 2842.42e8)
    huawei = Interval(2850.52e8, 2852.1e8)
    assert worked_gap(bytedance, huawei, "CNY")[:2] == (
        "0.32%",
        "(2,851亿元 − 2,842亿元) ÷ 2,851亿元",
    )
    words, worked, gap = worked_gap(bytedance, huawei, "CNY", 1)
    assert (words, worked) == ("0.30%", "(2,850.5亿元 − 2,842亿元) ÷ 2,851亿元")
    assert gap == pytest.approx((2850.5 - 2842) / 2851)


def test_the_policy_table_works_a_gap_out_from_printed_figures():
    """BYD's printed 1000+ 亿元 (1,000亿 to 2,000亿) against its released 2,219亿 (2,218.5亿 to
    2,219.5亿): (2,218.5 − 2,000) ÷ 2,219 = 9.8%, every figure of it on the page."""
    from bytebook.policy import GAP_RULE

    assert f"{(2218.5 - 2000) / 2219:.1%}" == "9.8%"
    row = policy_table().set_index("rule").loc["a gap, worked out"]
    assert row["meaning"] == GAP_RULE
    assert row["example"].endswith(
        "the gap between them is 9.8% of the evidence's middle: (2,218.5亿元 − 2,000亿元) ÷ "
        "2,219亿元"
    )


def test_a_whole_amount_s_trailing_zeros_hold_places_and_a_percentage_is_whole(data):
    """"390 亿美元" is 39 × 10 亿, USD 39 bn ± 0.5 bn, while "40%" is 40% ± 0.5 points: the
    policy says so in its examples; every percentage the article prints is a whole percent, as
    the policy's reading of percentages says, and every claim printed in percent is recorded to
    the whole percent ('0.40', not '0.4')."""
    from bytebook.data import load_article
    from bytebook.policy import QUALIFIER_MEANINGS, examples_sentence

    sentence = examples_sentence()
    assert '"390 亿美元" is USD 38.5 bn to USD 39.5 bn' in sentence
    assert '"40%" is 39.5% to 40.5%' in sentence
    assert "trailing zeros only hold places" in QUALIFIER_MEANINGS["="]
    text = re.sub(r"<[^>]*>", "", load_article())  # an image's width="100%" is not printed
    percentages = re.findall(r"(\d+(?:\.\d+)?)\s*%", text)
    assert len(percentages) > 10 and all("." not in number for number in percentages)
    printed_in_percent = data.claims[data.claims["quote_zh"].str.contains("%")]
    assert len(printed_in_percent) > 10
    for claim_id, value_text in printed_in_percent["value_text"].items():
        assert printed_unit(value_text) == pytest.approx(0.01), claim_id


def test_the_policy_table_writes_its_examples_as_a_reader_reads_them():
    """No example shows a figure in base units or exponent notation ("1429e8"), nor a share as
    a bare fraction ("0.4152"): "1,429亿; 41.52%"."""
    for example in policy_table()["example"]:
        assert not re.search(r"\d[eE][+-]?\d|(?<![\d.])0\.\d", example), example


def test_every_qualifier_the_article_prints_has_a_worked_example(data):
    """The rule table shows, for each qualifier a claim of the article carries, at least one
    of its figures as the book reads it ("稀疏激活率 < 2%" is 0% to 2%)."""
    from bytebook.policy import QUALIFIER_MEANINGS

    used = set(data.claims["qualifier"])
    assert used <= set(QUALIFIER_MEANINGS), sorted(used - set(QUALIFIER_MEANINGS))
    examples = policy_table().set_index("rule")["example"]
    unshown = [q for q in used if not examples.get(f"printed '{q}'")]
    assert not unshown, unshown
    assert examples["printed '<'"] == "稀疏激活率 < 2%: 0% to 2%", examples["printed '<'"]


def test_a_range_from_zero_keeps_its_other_end_s_digits():
    """Two ends are written at one precision, the finer rounded to the coarser; a zero end has
    no precision of its own and takes the other end's, so '< 2.17%' reads 0.00% to 2.17%, not
    0% to 2%; a zero written with decimals is a rounded figure and keeps them."""
    from bytebook.policy import same_decimals

    assert same_decimals("USD 151 bn", "USD 161.2 bn") == ("USD 151 bn", "USD 161 bn")
    assert same_decimals("0%", "2.17%") == ("0.00%", "2.17%")
    assert same_decimals("−1.25%", "0%") == ("−1.25%", "0.00%")
    assert same_decimals("0.0", "2") == ("0", "2")
    # A figure rounded to zero ('0.0%', from 0.04%) is not a bound: it keeps its precision.
    assert same_decimals("0.0%", "2.17%") == ("0.0%", "2.2%")
