"""The band of a reference figure: the range its recorded digits allow, or, for a derived row
whose inputs are rows of data/references.csv too, the range its inputs' digits allow.

A derived row may be recorded with a digit more than its inputs fix: 1,602.2亿元 ÷ 1.752
(a growth of 75.2%, fixed to 75.15%–75.25%) is 914.2亿元 to 914.8亿元, recorded as 914.5亿元,
whose own digits would allow only 914.45亿元 to 914.55亿元. So each such row's band is worked
here from its inputs' bands by the arithmetic its note gives, and its figure stays as
recorded.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from bytebook.policy import Interval, evidence_interval

ONE = Interval.exact(1.0)


def _before_growth(amount: Interval, growth: Interval) -> Interval:
    """Last year's figure from this year's and its growth: amount ÷ (1 + growth)."""
    return amount / (ONE + growth)


def _quotient(part: Interval, whole: Interval) -> Interval:
    return part / whole


def _outside(total: Interval, inside_share: Interval) -> Interval:
    """The part of a total outside a share of it: total × (1 − share)."""
    return total * (ONE - inside_share)


def _growth(later: Interval, earlier: Interval) -> Interval:
    """Growth from one year's figure to the next: later ÷ earlier − 1."""
    return later / earlier - ONE


DERIVED_FROM: dict[str, tuple[Callable[[Interval, Interval], Interval], str, str]] = {
    "bd_intl_2023_derived": (_before_growth, "bd_intl_2024", "bd_intl_growth_2024"),
    "byd_overseas_2022_derived": (_before_growth, "byd_overseas_2023", "byd_overseas_growth_2023"),
    "haier_overseas_2022_derived": (
        _before_growth,
        "haier_overseas_2023",
        "haier_overseas_growth_2023",
    ),
    "midea_overseas_2022_derived": (
        _before_growth,
        "midea_overseas_2023",
        "midea_overseas_growth_2023",
    ),
    "midea_rev_2022_derived": (_before_growth, "midea_rev_2023", "midea_rev_growth_2023"),
    "haier_overseas_share_2023_derived": (_quotient, "haier_overseas_2023", "haier_rev_2023"),
    "huawei_overseas_2023_derived": (_outside, "huawei_rev_2023", "huawei_china_share_2023"),
    "byd_overseas_growth_2024_derived": (_growth, "byd_overseas_2024", "byd_overseas_2023"),
}
"""For each derived row worked from two other rows, the arithmetic and its two inputs, in the
order its note names them. Huawei's FY2023 amount outside China is worked from the share its
source gives China (67%), of which that source's 约为4713亿元 is the rounding. Derived rows
resting on a figure that is no row (a note's nine-month total, a quarter's revenue) keep their
recorded digits' band."""


def recorded_band(references: pd.DataFrame, reference_id: str) -> Interval:
    """A reference figure as the range its recorded digits allow (± half a unit)."""
    return evidence_interval(str(references.at[reference_id, "value_text"]))


def worked_band(references: pd.DataFrame, reference_id: str) -> Interval:
    """The band a row of `DERIVED_FROM` takes from its inputs' bands by its arithmetic."""
    arithmetic, *inputs = DERIVED_FROM[reference_id]
    return arithmetic(*(reference_band(references, ref) for ref in inputs))


def reference_band(references: pd.DataFrame, reference_id: str) -> Interval:
    """A reference figure's band: its recorded digits' band, or for a row of `DERIVED_FROM`
    the band its inputs allow, stretched to hold the recorded figure where that is a rounding
    of it (52.18% recorded for 1,364.12亿元 ÷ 2,614.22亿元 = 52.1808%)."""
    if reference_id not in DERIVED_FROM:
        return recorded_band(references, reference_id)
    worked = worked_band(references, reference_id)
    recorded = float(references.at[reference_id, "value"])
    return Interval(min(worked.low, recorded), max(worked.high, recorded))


def rows_behind(reference_id: str) -> tuple[str, ...]:
    """The row and, for a row of `DERIVED_FROM`, the rows it is worked from, each once: what
    a figure resting on it cites."""
    if reference_id not in DERIVED_FROM:
        return (reference_id,)
    _, *inputs = DERIVED_FROM[reference_id]
    return tuple(dict.fromkeys((reference_id, *(r for ref in inputs for r in rows_behind(ref)))))
