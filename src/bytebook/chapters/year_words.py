"""A row's closest year in words: the closest-year table's cells and the period finding."""

from __future__ import annotations

import pandas as pd

from bytebook import filed_years
from bytebook.data import BookData
from bytebook.numbers import format_percent, format_yuan, money, names_or_none
from bytebook.policy import SUBSTANCE_MARGIN, Interval, format_gap, points_gap, span, worked_gap


def place(value: float, printed: Interval) -> str:
    """Where a year's figure lies against the printed band when there is no gap between them:
    'inside' it where its value as written does (as its bar in the company's chart does), or
    'meeting' it where only the band its sources' digits allow reaches into the printed one."""
    return "inside" if printed.low <= value <= printed.high else "meeting"


def gap_cell(reading: filed_years.YearReading, printed: Interval) -> str:
    """A printed amount's gap from a year's amount as the evidence words it: 'inside' or
    'meeting' for none (`place`), else 'policy.format_gap' ('0.14%', '8.4%')."""
    gap = reading.amount_gap
    return place(reading.amount.value, printed) if gap == 0 else format_gap(gap)


def points_cell(reading: filed_years.YearReading) -> str:
    """A year's share gap from the printed band in percentage points, with the two ends it is
    measured between at the precision the subtraction holds at ('6.5 (77.0% − 70.5%)'), or
    'inside' or 'meeting' for none (`place`): 77% against a printed 70% is points apart, not
    8.4%."""
    if not reading.share_points:
        return place(reading.share.value, reading.printed_share)
    points, _, high, low = _share_gap(reading)
    return f"{points.split()[0]} ({high} − {low})"


def _share_gap(reading: filed_years.YearReading) -> tuple[str, str, str, str]:
    """A year's share gap from the printed band (`bytebook.policy.points_gap`), an end of the
    year's share that is not exact written at the decimals its share is shown at (21.6%)."""
    shown = reading.share.shown.rstrip("%")
    decimals = len(shown.partition(".")[2])
    return points_gap(reading.printed_share, reading.share.band, "its", decimals)


def no_year_text(
    data: BookData, company: str, implied: Interval, unit: str
) -> tuple[str, tuple[str, ...]]:
    """The period finding of a company whose overseas figures were found for no year, and the
    references of the yearly totals it sets the printed pair against."""
    claimed_year = filed_years.CLAIMED_YEAR[company]
    totals = filed_years.implied_total_years(data.references, company, implied, unit)
    gaps = {year: gap for year, (gap, _) in totals.items()}
    claimed = totals.get(claimed_year)
    sources = tuple(dict.fromkeys(ref for _, total in totals.values() for ref in total.sources))
    matching = [year for year, gap in gaps.items() if gap == 0]
    text = (
        f"{company}'s full-year overseas revenue was not found for any year. The printed pair "
        f"implies a total of {span(implied, format_yuan)}, which "
        + (
            f"matches the totals found for {names_or_none(matching)}"
            if matching
            else "matches no total found"
        )
        + (
            f" but not {claimed_year}'s, {money(claimed[1].value, unit)} ("
            + "{} apart: {}).".format(
                *worked_gap(implied, Interval.exact(claimed[1].value), unit)[:2]
            )
            if claimed is not None and claimed[0] > 0
            else "."
        )
    )
    return text, sources


def _gap_words(reading: filed_years.YearReading, printed: Interval, shown: str) -> str:
    """An amount's gap from the printed band (`printed`, shown as `shown`), relative to the
    amount found and worked from the amount as the sentence prints it: 'inside the printed
    1500+ 亿元', '9.3% outside the printed 1000+ 亿元: (1,000亿元 − 914.5亿元) ÷ 914.5亿元'."""
    found = reading.amount
    if reading.amount_gap == 0:
        return f"{place(found.value, printed)} the printed {shown}"
    words, worked, _ = worked_gap(printed, Interval.exact(found.value), found.unit)
    return f"{words} outside the printed {shown}: {worked}"


def _points_words(reading: filed_years.YearReading, printed: str) -> str:
    """A share's gap from the printed band in percentage points, with the ends it is measured
    between: '6.5 percentage points outside the printed 70%: its lower end, 77.0%, less the
    printed range's upper end, 70.5%'."""
    if not reading.share_points:
        return f"{place(reading.share.value, reading.printed_share)} the printed {printed}"
    points, between, _, _ = _share_gap(reading)
    return f"{points} outside the printed {printed}: {between}"


def _share_band(reading: filed_years.YearReading) -> tuple[str, str] | None:
    """Where a year's share lies outside the printed band and its inputs' digits allow more
    than its written digits do, that band's ends, whose nearer one the gap is measured from
    (('32.50%', '33.50%'): Huawei's share outside China, from a China share of 67%)."""
    share = reading.share
    decimals = len(share.shown.rstrip("%").partition(".")[2])
    half_unit = 0.5 * 10 ** -(decimals + 2)
    if not reading.share_points or (
        share.band.low >= share.value - half_unit and share.band.high <= share.value + half_unit
    ):
        return None
    digits = decimals + 1
    return format_percent(share.band.low, digits), format_percent(share.band.high, digits)


def share_words(reading: filed_years.YearReading) -> str:
    """A year's share as the closest-year table's narrow column writes it: a derived share with
    no needless zero ('77%'), any other as recorded ('40.56%'), with its band where a gap is
    measured from it (`_share_band`), one unit for both ends: '33.1% (32.50–33.50%)'."""
    ends = _share_band(reading)
    if ends is None:
        return reading.share.shown
    low, high = ends
    return f"{reading.share.shown} ({low.removesuffix('%')}–{high})"


def _reading_words(reading: filed_years.YearReading, row: pd.Series, printed: Interval) -> str:
    """'FY2023: amount 1,509亿 (filed, S; inside the printed 1500+ 亿元), share …', against the
    printed amount's band `printed`."""
    amount, share = reading.amount, reading.share
    ends = _share_band(reading)
    band_first = f"{ends[0]} to {ends[1]} at its inputs' digits; " if ends else ""
    return (
        f"{reading.year}: amount {money(amount.value, amount.unit)} "
        f"({amount.described}, {amount.reliability}; "
        f"{_gap_words(reading, printed, row['overseas_revenue_printed'])}), share "
        f"{share.shown} ({band_first}{share.described}, {share.reliability}; "
        f"{_points_words(reading, row['overseas_share_printed'])})"
    )


def year_text(
    row: pd.Series,
    readings: list[filed_years.YearReading],
    closest: filed_years.YearReading,
    printed: Interval,
    mixed: list[filed_years.MixedPair],
) -> tuple[str, tuple[str, ...]]:
    """The period finding in words: which year fits both cells, or that none does (and then
    any pair of two years' figures that would fit); with the references of every figure it
    names. `printed` is the printed amount's band."""
    claimed_year = filed_years.CLAIMED_YEAR[row["company_en"]]
    described = _reading_words(closest, row, printed)
    if closest.worse_gap == 0:
        text = f"The pair fits {described}."
    elif closest.worse_gap <= SUBSTANCE_MARGIN:
        text = (
            f"No year fits both cells exactly; the row matches {closest.year} in substance: "
            f"{described.removeprefix(f'{closest.year}: ')}."
        )
    else:
        text = f"No single year fits the pair. Closest: {described}."
    amount_only = [
        r
        for r in readings
        if r is not closest and r.amount_gap == 0 and (r.share_gap is None or r.share_gap > 0)
    ]
    sources = closest.amount.sources + closest.share.sources
    if amount_only:
        text += f" The amount alone fits {names_or_none([r.year for r in amount_only])}'s."
        sources += tuple(ref for r in amount_only for ref in r.amount.sources)
    if closest.worse_gap > 0 and mixed:
        sources += tuple(ref for m in mixed for ref in m.sources)
        pairs = names_or_none(
            [
                f"{m.amount_year}'s amount over {m.total_year}'s total, {m.worked} "
                f"({m.reliability})"
                for m in mixed
            ]
        )
        text += (
            f" Two years' figures would fit both cells: {pairs}. No company reports such a "
            "pair, but it may be how the row was put together."
        )
    text += " The table says 2024" + (
        f", read here as {claimed_year}." if claimed_year != "FY2024" else "."
    )
    if closest.reliability == "W":
        text += (
            " This period finding rests on a figure from a weak (W) source: an illustration, "
            "not a verdict."
        )
    return text, tuple(dict.fromkeys(sources))
