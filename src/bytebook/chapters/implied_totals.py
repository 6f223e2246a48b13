"""The group total each row implies (amount ÷ share) against the company's own total."""

from __future__ import annotations

from functools import partial

import pandas as pd

from bytebook import filed_years
from bytebook.article import company_key
from bytebook.chapters.year_readings import (
    how_words,
    implied_total_check,
    other_year,
    other_year_total,
    pair_open_reading,
    pair_tens_reading,
)
from bytebook.checks import printed_bands
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.ledger import Verdict, decided_by, derived, signed_gap
from bytebook.numbers import format_percent, format_yuan, in_yi, money, names_or_none, percent
from bytebook.policy import Interval, origin_words, span, worked_gap
from bytebook.present import badge_cell

TOTALS_COLUMNS = {
    "company_named": ("Company", None),
    "implied_low_cny": ("Implied from (亿元)", in_yi),
    "implied_high_cny": ("Implied to (亿元)", in_yi),
    "filed_total_cny": ("Total found (亿元)", in_yi),
    "verdict": ("Pair's verdict", badge_cell),
    "cells": ("Each cell alone", None),
    "filed_source": ("How the total was found", None),
}
"""How the implied-totals table is shown: each column's header and formatter; the company by
its English and Chinese names in one cell, amounts as numbers of 亿 under a header that names
the unit once, the pair's verdict as its badge beside each cell's own verdict."""

BAND_EXAMPLE = "Midea"
"""The row whose implied-total band the page works through as its example."""


def band_example(data: BookData) -> Findings:
    """The example row's band of totals as the page works it: the lowest printed amount over
    the highest share to the highest amount over the lowest share ('(1,500亿元 ÷ 40.5%) to
    (1,600亿元 ÷ 39.5%)'), under `band_example`, its low end."""
    found = Findings()
    (row,) = [r for _, r in data.ranking.iterrows() if r["company_en"] == BAND_EXAMPLE]
    amount, share, unit = printed_bands(data, row)
    found.number(
        "band_example",
        (amount / share).low,
        lambda _: (
            f"({money(amount.low, unit)} ÷ {percent(share.high)}) to "
            f"({money(amount.high, unit)} ÷ {percent(share.low)})"
        ),
    )
    return found


def implied_totals(data: BookData, table: pd.DataFrame, table_rate: float) -> Findings:
    """Overseas ÷ share for every company, as a band, against its total for the year the table
    names: a derived ledger row per company and the `implied_totals` table."""
    found = Findings()
    records = []
    for (_, row), (_, figures) in zip(data.ranking.iterrows(), table.iterrows(), strict=True):
        company = row["company_en"]
        amount, share, unit = printed_bands(data, row)
        implied_band = amount / share
        check, total = implied_total_check(data, row)
        other = other_year(data, row)
        other_year_said, other_sources = other_year_total(data, row, other)
        rate = table_rate if unit == "USD" else 1.0
        implied = figures["overseas_cny"] / figures["share"]
        filed = total.value * (rate if total.unit == "USD" else 1.0)
        gap = signed_gap(implied, filed)
        key = company_key(company)
        found.number(f"implied_total_{key}", implied, format_yuan)
        found.number(f"filed_total_{key}", filed, format_yuan)
        found.number(f"implied_total_gap_{key}", gap, format_percent)
        verdict = check.verdict if check.decides else Verdict.UNVERIFIABLE
        found.add(
            decided_by(
                derived(
                    f"d_implied_total_{key}",
                    "4",
                    f"{company}: total revenue implied by the table (overseas ÷ share)",
                    implied,
                    "CNY",
                    check.evidence
                    + other_year_said
                    + pair_open_reading(data, row, check, total, check.decides)
                    + pair_tens_reading(data, row, total, check.decides)
                    + (
                        _at_table_rate(implied_band * rate, filed, figures, table_rate)
                        if unit == "USD"
                        else ""
                    ),
                    verdict,
                    check.sources + other_sources,
                ),
                implied_band * rate,
            )
        )
        total_band = total.band * (table_rate if total.unit == "USD" else 1.0)
        apart = _band_gap(implied_band * rate, total_band) != 0
        worked = worked_gap(implied_band * rate, total_band, "CNY") if apart else None
        read_at = _recorded_digits_prefix(total, total_band)
        records.append(
            {
                "company": company,
                "company_zh": row["company_zh"],
                "company_named": f"{company} {row['company_zh']}",
                "overseas_cny": figures["overseas_cny"],
                "share": figures["share"],
                "implied_total_cny": implied,
                "implied_low_cny": implied_band.low * rate,
                "implied_high_cny": implied_band.high * rate,
                "filed_total_cny": filed,
                "gap": gap,
                "meets": not apart,
                "verdict": str(verdict),
                "filed_source": f"{how_words(total)} ({total.reliability})"
                + (
                    f": {money(total.value, 'USD')} at the table's rate"
                    if total.unit == "USD"
                    else ""
                ),
                "second_hand": total.second_hand,
                "described": total.described,
                "band_gap": _band_gap(implied_band * rate, total_band),
                "band_gap_worked": f" ({read_at}{worked[1]} = {worked[0]})" if worked else "",
                "sources": list(total.sources),
            }
        )
    totals = found.tables["implied_totals"] = pd.DataFrame(records)
    disagree = list(totals.loc[~totals["meets"] & ~totals["second_hand"], "company"])
    found.number(
        "implied_total_disagreements",
        len(disagree),
        lambda _: names_or_none(disagree) + _second_hand_totals_clause(totals),
    )
    is_derived = totals["filed_source"].str.startswith("derived")
    derived_totals = totals.loc[is_derived & ~totals["second_hand"]]
    second_hand = list(totals.loc[is_derived & totals["second_hand"], "company"])
    found.number(
        "totals_origins",
        int((~is_derived).sum()),
        lambda _: origin_words(
            totals.loc[~is_derived, "filed_source"].str.split(" ").str[0]
        ).replace(" and ", " or "),
    )
    derived_words = [f"for {r.company} {r.described}" for r in derived_totals.itertuples()] + (
        [
            f"for {names_or_none(second_hand)} derived from a figure read at second hand, "
            "which counts "
            "as a weak (W) source and does not decide"
        ]
        if second_hand
        else []
    )
    found.number(
        "totals_derived",
        len(derived_words),
        lambda _: names_or_none(derived_words) if derived_words else "for no company derived",
    )
    return found


def _at_table_rate(band: Interval, total: float, figures: pd.Series, table_rate: float) -> str:
    """How a row printed in USD reads in yuan, as the implied-totals table and chart show it:
    its band and the total found, both at the table's own rate (so the rate drops out of the
    comparison), and the point the table's yuan figure gives, which lies in that band."""
    return (
        f" In yuan, at the table's own rate of {table_rate:.4f} CNY/USD (the rate its two "
        "figures imply, so the rate drops out of the comparison), as the table and the chart "
        f"show it, the band is {span(band, format_yuan)} and the reported total "
        f"{format_yuan(total)}; the table's {format_yuan(figures['overseas_cny'])} ÷ "
        f"{percent(figures['share'])} = {format_yuan(figures['overseas_cny'] / figures['share'])} "
        "lies within it."
    )


def _recorded_digits_prefix(total: filed_years.Figure, band: Interval) -> str:
    """'its 4,071亿元 to 4,072亿元 at its inputs' recorded digits: ' for a derived total whose
    band, in yuan, reads otherwise than its middle, so that a gap worked from an end of it is
    not read against the total a table shows; '' otherwise."""
    ends = span(band, partial(money, currency="CNY"))
    if total.how != "derived" or ends == money(band.mid, "CNY"):
        return ""
    return f"its {ends} at its inputs' recorded digits: "


def _band_gap(printed: Interval, found: Interval) -> float:
    """How far `found` lies from the `printed` band, as a share of its middle: positive above
    the band, negative below it, 0 where they meet."""
    if found.low > printed.high:
        return (found.low - printed.high) / found.mid
    if found.high < printed.low:
        return (found.high - printed.low) / found.mid
    return 0.0


def _second_hand_totals_clause(totals: pd.DataFrame) -> str:
    """'; for Midea the total, derived from a figure read at second hand, lies above the band
    (its 4,071亿元 to 4,072亿元 at its inputs' recorded digits: (4,071亿元 − 4,051亿元) ÷ 4,072亿元
    = 0.49%), which does not decide' for each total resting
    on a figure read at second hand that misses the band, its gap worked from the figures the
    clause prints; '' when none does."""
    clauses = [
        f"; for {r.company} the total, derived from a figure read at second hand, lies "
        f"{'above' if r.band_gap > 0 else 'below'} the band{r.band_gap_worked}, "
        "which does not decide"
        for r in totals.itertuples()
        if r.second_hand and r.band_gap != 0
    ]
    return "".join(clauses)
