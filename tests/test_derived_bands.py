"""A derived row of data/references.csv worked from other rows carries the band its inputs'
digits allow, not the narrower one its own recorded digits would: the expected bands here are
worked by hand from the quoted figures, each at half a unit of its last printed digit."""

from __future__ import annotations

import pytest

from bytebook import derived_bands, filed_years
from bytebook.chapters import ranking

HALF = 0.5


def _before_growth(amount: float, amount_unit: float, growth: float, growth_unit: float):
    """Last year's figure from this year's and a growth, each ± half its last digit."""
    low = (amount - amount_unit * HALF) / (1 + growth + growth_unit * HALF)
    high = (amount + amount_unit * HALF) / (1 + growth - growth_unit * HALF)
    return low, high


EXPECTED = {
    # 160.22 billion yuan, up 75.2 percent (Xinhua)
    "byd_overseas_2022_derived": _before_growth(160.22e9, 0.01e9, 0.752, 0.001),
    # RMB 136,412 million, 7.6% growth (the HKEX filing's summary)
    "haier_overseas_2022_derived": _before_growth(136412e6, 1e6, 0.076, 0.001),
    # 国外 1509.06亿 5.79%; 合计 3720.37亿 8.18% (Emoney F10)
    "midea_overseas_2022_derived": _before_growth(1509.06e8, 0.01e8, 0.0579, 0.0001),
    "midea_rev_2022_derived": _before_growth(3720.37e8, 0.01e8, 0.0818, 0.0001),
    # jumped 63% to $39 billion (The Information)
    "bd_intl_2023_derived": _before_growth(39e9, 1e9, 0.63, 0.01),
}


RECORDED = {
    "byd_overseas_2022_derived": 914.5e8,
    "haier_overseas_2022_derived": 1268e8,
    "midea_overseas_2022_derived": 1426.5e8,
    "midea_rev_2022_derived": 3439.1e8,
    "bd_intl_2023_derived": 23.9e9,
}
"""Each row's recorded figure, as its note gives it."""


@pytest.mark.parametrize("reference_id", sorted(EXPECTED))
def test_a_row_worked_from_a_growth_spans_what_the_growth_s_digits_allow(data, reference_id):
    """Each takes the band its inputs allow, which holds its recorded figure and is wider than
    the half unit either side of it that the recorded digits alone would give."""
    (low, high), recorded = EXPECTED[reference_id], RECORDED[reference_id]
    assert low <= recorded <= high
    band = derived_bands.reference_band(data.references, reference_id)
    assert (band.low, band.high) == pytest.approx((low, high), rel=1e-12)
    digits = derived_bands.recorded_band(data.references, reference_id)
    assert digits.low == pytest.approx(recorded - (digits.high - digits.low) / 2)
    assert band.high - band.low > digits.high - digits.low


def test_every_worked_row_records_a_rounding_of_its_arithmetic(data):
    """Each worked row's recorded figure, read to its digits, meets the band its inputs allow,
    and the band it takes is that band, stretched to hold the recorded figure."""
    for reference_id, (_, *inputs) in derived_bands.DERIVED_FROM.items():
        assert set(inputs) <= set(data.references.index), reference_id
        digits = derived_bands.recorded_band(data.references, reference_id)
        worked = derived_bands.worked_band(data.references, reference_id)
        assert digits.distance(worked) == 0, reference_id
        recorded = float(data.references.at[reference_id, "value"])
        band = derived_bands.reference_band(data.references, reference_id)
        assert band.low == min(worked.low, recorded), reference_id
        assert band.high == max(worked.high, recorded), reference_id


def test_a_row_recorded_to_fewer_digits_than_its_inputs_fix_is_stretched_to_its_figure(data):
    """1,364.12亿元 ÷ 2,614.22亿元 is 52.1808%, fixed to a millionth (1,364.115 ÷ 2,614.225 to
    1,364.125 ÷ 2,614.215); recorded as 52.18%, which the band stretches down to hold."""
    band = derived_bands.reference_band(data.references, "haier_overseas_share_2023_derived")
    assert (band.low, band.high) == pytest.approx((0.5218, 1364.125 / 2614.215), abs=1e-12)


def test_huawei_s_2023_amount_abroad_spans_what_its_source_s_67_percent_allows(data):
    """The source's 约为4713亿元 for China is 67% of revenue (704,174 million yuan), a share of
    two digits: abroad is 32.5% to 33.5% of it, and the book's estimate for 2024 at that share
    then meets ByteDance's USD 39 bn at the 2024 average rate."""
    band = derived_bands.reference_band(data.references, "huawei_overseas_2023_derived")
    low, high = 7041.735e8 * (1 - 0.675), 7041.745e8 * (1 - 0.665)
    assert (band.low, band.high) == pytest.approx((low, high), rel=1e-12)
    estimate = (8620.5e8 * low / 7041.745e8, 8621.5e8 * high / 7041.735e8)
    bytedance = (38.5e9 * 7.196, 39.5e9 * 7.196)
    assert estimate[0] <= bytedance[1] and bytedance[0] <= estimate[1]
    rows = {entry.id: entry for entry in ranking.analyse(data).entries}
    assert "huawei_china_share_2023" in rows["t_huawei_share"].sources


def test_byd_s_fy2022_share_is_written_to_the_tenth_its_inputs_fix(data):
    """914.2亿元 to 914.8亿元 over 4,240.605亿元 to 4,240.615亿元 is 21.558% to 21.572%: more
    than a hundredth of a point, so the share reads 21.6%, not 21.57%."""
    low, high = EXPECTED["byd_overseas_2022_derived"]
    share_low, share_high = low / 4240.615e8, high / 4240.605e8
    assert share_high - share_low > filed_years.FINE_SHARE_BAND
    share = filed_years.year_figures(data.references, "BYD")["FY2022"]["share"]
    assert share.band.low == pytest.approx(share_low) and share.band.high == pytest.approx(
        share_high
    )
    assert share.shown == f"{914.5 / 4240.61:.1%}" == "21.6%"


def test_a_share_worked_from_derived_rows_cites_the_filed_rows_beneath_them(data):
    """Midea's FY2022 share rests on two derived rows, and they on Emoney's 2023 figures and
    growths: its ledger row cites all of them."""
    rows = {entry.id: entry for entry in ranking.analyse(data).entries}
    cited = set(rows["d_midea_share_fy2022"].sources)
    assert {
        "midea_overseas_2022_derived",
        "midea_rev_2022_derived",
        "midea_overseas_2023",
        "midea_rev_2023",
        "midea_overseas_growth_2023",
        "midea_rev_growth_2023",
    } <= cited
