"""The group total a row of the article's table implies (its amount ÷ its share), against the
company's own total for the year the table's heading is read as (`filed_years.CLAIMED_YEAR`:
FY2024, or Lenovo's FY2024/25), with the other readings of that year: calendar 2024 from its
quarters where the fiscal year differs, and another fiscal year a reading names. A part of the
ranking chapter (`bytebook.chapters.ranking`); which year each row matches best is worked out in
`bytebook.chapters.year_matches`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd

from bytebook import filed_years
from bytebook.article import YEAR
from bytebook.checks import (
    also_quoting,
    deciding,
    later_sources_note,
    printed_bands,
    reference_band,
    why_not_deciding,
)
from bytebook.data import BookData
from bytebook.fx import year_rates
from bytebook.ledger import (
    PAIR_TENS_READING_NOTE,
    Basis,
    Finding,
    Verdict,
    open_reading_note,
    tens_band,
)
from bytebook.numbers import by_unit, money, names_or_none, significant
from bytebook.policy import (
    MARGIN_TEXT,
    Grade,
    Interval,
    compare,
    grade,
    printed_unit,
    span,
    worked_gap,
)


def claimed_figures(data: BookData, company: str) -> dict[str, filed_years.Figure]:
    """The company's figures for the year the table's heading is read as."""
    return filed_years.claimed_figures(data.references, company)


def implied_total_check(data: BookData, row: pd.Series) -> tuple[Finding, filed_years.Figure]:
    """The total a printed row implies (overseas ÷ share), as a band, against the company's
    total for the year the table names (or, where no total was found, its overseas amount ÷
    its share); returns the finding and the total it used."""
    company = row["company_en"]
    amount, share, unit = printed_bands(data, row)
    claimed = claimed_figures(data, company)
    year = filed_years.CLAIMED_YEAR[company]
    if "total" in claimed:
        total = claimed["total"]
        source = (
            f"the total derived from a figure read at second hand ({year}, counts as a weak (W) "
            "source)"
            if total.second_hand
            else f"the {total.how} total ({year}, {total.reliability})"
        )
    else:
        overseas = claimed["overseas"]
        # the share as tabulated: a part of revenue under no region would move both
        share_as_tabulated = filed_years.claimed_figures(data.references, company, False)["share"]
        total = filed_years.implied_total(overseas, share_as_tabulated)
        source = (
            f"the total its {overseas.how} overseas revenue and share imply ({year}, "
            f"{total.reliability})"
        )
    shown = partial(money, currency=unit)
    ends = span(total.band, shown)
    implied = amount / share
    # A band this wide meets totals far apart from each other: agreement with it is no evidence.
    powerless = implied.high > WIDE_BAND * implied.low and implied.distance(total.band) == 0
    decides = deciding(data, *total.sources) and not powerless
    check = compare(
        implied,
        total.band,
        Basis.SOURCE,
        f"{row['overseas_revenue_printed']} ÷ {row['overseas_share_printed']} = "
        f"{span(implied, shown)} at the printed precision, against {source} of "
        f"{shown(total.value)}"
        + (
            f" ({ends} at its inputs' recorded digits)"
            if total.how == "derived" and ends != shown(total.value)
            else ""
        )
        + "."
        + later_sources_note(data, *total.sources)
        + (
            ""
            if deciding(data, *total.sources)
            else f" The total rests on {why_not_deciding(data, *total.sources)}: shown, never "
            "deciding."
        )
        + (
            f" The band is {significant(implied.high / implied.low, 2)} times as high at its "
            "top as at its bottom, so agreement here says little"
            + (", and meeting the total decides nothing." if powerless else ".")
            if implied.high > WIDE_BAND * implied.low
            else ""
        )
        + _finer_unit_note(data, row, total.band, decides),
        total.sources + also_quoting(data, *total.sources),
        decides,
        unit=unit,
    )
    return check, total


def _finer_unit(data: BookData, row: pd.Series) -> Interval | None:
    """A table row's N+ amount read to the finest step the table's other N+ amounts are printed
    to (1000+ 亿元, printed to the thousand, read to the hundred as 1200+ is: 1,000亿 to
    1,100亿); None where the amount is not N+ or is printed to that step already."""
    claim = data.claims.loc[row["revenue_claim"]]
    others = [
        data.claims.loc[other]
        for other in data.ranking["revenue_claim"]
        if other != row["revenue_claim"] and data.claims.at[other, "qualifier"] == "+"
    ]
    if claim["qualifier"] != "+" or not others:
        return None
    finest = min(printed_unit(str(other["value_text"])) for other in others)
    if printed_unit(str(claim["value_text"])) <= finest:
        return None
    return Interval(float(claim["value"]), float(claim["value"]) + finest)


def _finer_unit_note(data: BookData, row: pd.Series, total: Interval, decides: bool) -> str:
    """Where reading a row's N+ amount to the finer step of the table's other N+ amounts
    (`_finer_unit`) turns a pair that meets its company's total into one that misses it, a
    sentence saying so and the gap, after a space, and, where the pair `decides`, that its
    verdict rests on the coarser reading; '' otherwise."""
    finer = _finer_unit(data, row)
    amount, share, unit = printed_bands(data, row)
    meets = (amount / share).distance(total) == 0
    if finer is None or not meets or (finer / share).distance(total) == 0:
        return ""
    shown = partial(money, currency=unit)
    words, worked, _ = worked_gap(finer / share, total, unit)
    return (
        " Read instead to the step the table's other N+ amounts are printed to "
        f"({span(finer, shown)}), the pair would give {span(finer / share, shown)} and miss the "
        f"total by {words}: {worked}."
        + (
            f" The verdict rests on reading {row['overseas_revenue_printed']} as N多 to its own "
            "printed step."
            if decides
            else f" That is not this book's reading of {row['overseas_revenue_printed']} (N多 "
            "to its own printed step), so it is shown and does not decide."
        )
    )


def _side(implied: Interval, total: Interval) -> int:
    """Where a company's total lies against the total a pair implies: −1 below it, 0 where the
    two meet, 1 above it."""
    if implied.distance(total) == 0:
        return 0
    return 1 if total.low > implied.high else -1


CALENDAR_QUARTERS = {
    "Lenovo": (
        "lenovo_rev_q4_fy2324",
        "lenovo_rev_q1_fy2425",
        "lenovo_rev_q2_fy2425",
        "lenovo_rev_q3_fy2425",
    )
}
"""The four quarterly revenues, January to December 2024, of a company whose fiscal year is not
the calendar year: its calendar 2024, which a reader may also take the table's '2024' for."""


@dataclass(frozen=True)
class CalendarYear:
    """A company's calendar-2024 total from its four quarters (in US dollars, and in yuan at the
    year's lowest and highest monthly rates) graded against the total its printed pair implies."""

    usd: Interval
    cny: Interval
    graded: Finding
    sources: tuple[str, ...]


def calendar_not_compared(readings: list[filed_years.YearReading], company: str) -> str:
    """The end of a period note for a company with a calendar-2024 total (`CALENDAR_QUARTERS`):
    which fiscal years it compares, and that the year the table is read as and calendar 2024,
    with only totals found, are judged on the total the pair implies, in a row of their own (the
    amount and share rows, which quote the note, carry that finding themselves)."""
    years = [r.year for r in readings]
    compared = (
        f"{years[0]} is the one fiscal year"
        if len(years) == 1
        else f"{names_or_none(years)} are the fiscal years"
    )
    claimed = filed_years.CLAIMED_YEAR[company]
    totals = (
        f"calendar {YEAR} only a total was"
        if claimed in years
        else f"{claimed} and calendar {YEAR} only totals were"
    )
    return (
        f" {compared} with a figure abroad found; for {totals} found, which the row on the total "
        "the pair implies sets against it."
    )


def calendar_year(data: BookData, row: pd.Series) -> CalendarYear | None:
    """A table row's company's calendar-2024 total (`CALENDAR_QUARTERS`) against the total its
    printed pair implies; None for a company with no such quarters."""
    quarters = CALENDAR_QUARTERS.get(row["company_en"])
    if quarters is None:
        return None
    usd = sum((reference_band(data, quarter) for quarter in quarters), Interval.exact(0.0))
    rates = year_rates(data.references)
    cny = Interval(usd.low * rates.lowest.cny_per_usd, usd.high * rates.highest.cny_per_usd)
    amount, share, unit = printed_bands(data, row)
    graded = compare(amount / share, cny, Basis.SOURCE, "", unit=unit)
    fx = (rates.lowest.reference_id, rates.highest.reference_id)
    return CalendarYear(usd, cny, graded, (*quarters, *fx))


@dataclass(frozen=True)
class OtherYear:
    """A company's total for the other fiscal year a reader may take '2024' for
    (`filed_years.OTHER_YEAR_READINGS`), set beside the year the book reads: on which side of
    the total the printed pair implies each lies (`_side`)."""

    year: str
    named: str
    total: filed_years.Figure
    side: int
    side_read: int
    read_year: str
    calendar: CalendarYear | None = None

    @property
    def rests(self) -> bool:
        """Whether the pair's finding rests on which year is read: the two years' totals do not
        both meet the pair's, nor both miss it on the same side."""
        return self.side != self.side_read

    @property
    def opposite(self) -> bool:
        """Whether the two years miss the pair's total on opposite sides, so that a total for
        calendar 2024, across both fiscal years, could meet it."""
        return self.side * self.side_read < 0


def other_year(data: BookData, row: pd.Series) -> OtherYear | None:
    """The other fiscal year's reading of a table row's printed pair; None for a company with no
    such year, or no total found for it in the pair's currency."""
    company = row["company_en"]
    year, named = filed_years.OTHER_YEAR_READINGS.get(company, ("", ""))
    if not year:
        return None
    other = filed_years.year_figures(data.references, company).get(year, {}).get("total")
    amount, share, unit = printed_bands(data, row)
    if other is None or other.unit != unit:
        return None
    _, total = implied_total_check(data, row)
    implied = amount / share
    return OtherYear(
        year,
        named,
        other,
        _side(implied, other.band),
        _side(implied, total.band),
        filed_years.CLAIMED_YEAR[company],
        calendar_year(data, row),
    )


def other_year_total(
    data: BookData, row: pd.Series, other: OtherYear | None
) -> tuple[str, tuple[str, ...]]:
    """The total a printed pair implies against the company's total for the other fiscal year
    (`other`, from `other_year`), after a space, with the references it cites; ('', ()) where
    there is none. It says whether the pair's finding rests on which year is read. It does not
    when both years' totals meet the pair's, or both miss it on the same side. It does when one
    meets it and the other misses it; and when they miss it on opposite sides, a total for
    calendar 2024 could meet it. It never decides."""
    if other is None:
        return "", ()
    amount, share, unit = printed_bands(data, row)
    said = [
        f" Read instead as {other.year} ({other.named}), the pair "
        f"{'misses' if other.side else 'meets'} that year's {how_words(other.total)} total "
        f"({other.total.reliability}), {money(other.total.value, unit)}"
        + ("" if other.rests else ", too")
    ]
    if other.side:
        words, worked, _ = worked_gap(amount / share, other.total.band, unit)
        said.append(f"by {words} of it: {worked}")
    if not other.rests:
        ends = "; so the finding does not rest on which year '2024' names."
    elif other.opposite:
        ends = (
            "; but on the other side: the total the pair implies lies "
            f"{'below' if other.side > 0 else 'above'} {other.year}'s and "
            f"{'above' if other.side > 0 else 'below'} {other.read_year}'s"
        )
        if other.calendar is None:
            ends += (
                ", so a total for calendar 2024 (not found by this book) could come nearer to "
                "it or meet it: the finding rests on reading '2024' as a fiscal year."
            )
        else:
            ends += ". " + _calendar_sentence(data, row, other.calendar)
    else:
        ends = "; so the finding rests on which year '2024' names."
    calendar_sources = other.calendar.sources if other.calendar and other.opposite else ()
    return ", ".join(said) + ends, (*other.total.sources, *calendar_sources)


def _calendar_sentence(data: BookData, row: pd.Series, calendar: CalendarYear) -> str:
    """What the pair comes to against the company's calendar-2024 total, worked from its four
    quarters, and that the finding rests on reading '2024' as a fiscal year."""
    amount, share, unit = printed_bands(data, row)
    show = partial(money, currency=unit)
    if calendar.graded.verdict is Verdict.SUPPORTED:
        gap = "the pair's total meets it"
    else:
        words, worked, _ = worked_gap(amount / share, calendar.cny, unit)
        gap = f"the pair's total misses it by {words} of it: {worked}"
    lowest, highest = (data.references.at[rate, "value_text"] for rate in calendar.sources[-2:])
    return (
        f"For calendar 2024, {row['company_en']}'s results releases for its four quarters "
        "(P; each is in this row's sources) add up to "
        f"{span(calendar.usd, lambda v: money(v, 'USD'))}, {span(calendar.cny, show)} "
        f"({show(calendar.cny.mid)} in the middle) at 2024's lowest and highest monthly rates "
        f"({lowest} and {highest} CNY/USD): {gap}, "
        f"{calendar.graded.verdict.value} on that reading. The finding rests on reading '2024' "
        "as a fiscal year."
    )


def year_reading_clause(other: OtherYear) -> str:
    """What a box says a pair's verdict rests on when it rests on which year is read."""
    if other.opposite:
        calendar = (
            "a total for calendar 2024 was not found"
            if other.calendar is None
            else f"on calendar 2024's total, from its four quarters, it is "
            f"{other.calendar.graded.verdict.value}"
        )
        return (
            f"reading '2024' as a fiscal year: its {other.year} total lies "
            f"{'above' if other.side > 0 else 'below'} the total its pair implies and its "
            f"{other.read_year} total {'above' if other.side_read > 0 else 'below'} it, and "
            f"{calendar}"
        )
    holds = "holds" if other.side == 0 else "would not hold"
    return f"reading '2024' as {other.read_year}: read as {other.year}, its pair {holds}"


def pair_open_reading(
    data: BookData, row: pd.Series, pair: Finding, total: filed_years.Figure, decides: bool
) -> str:
    """The open-bound note (`bytebook.ledger.open_reading_note`) for a pair check that fails
    only because the company's total lies above the top of the total an N+ amount, read as
    N多, implies; '' otherwise."""
    amount, share, _ = printed_bands(data, row)
    claim = data.claim(row["revenue_claim"])
    return open_reading_note(claim, total.band, pair, amount / share, decides)


def tens_reading(
    data: BookData, row: pd.Series, total: filed_years.Figure
) -> tuple[Interval, Interval, Grade] | None:
    """Where a row's share is a plain whole percentage that ends in a zero (70%) and its pair,
    read with that share to its tens (65% to 75%), would meet the company's total (`total`) or
    come within the margin of off in detail where the printed reading does not: that band, the
    total it gives and its grade. Lenovo's 3100+ 亿元 ÷ 70% misses FY2024/25's total by 7.6%,
    and ÷ 65% to 75% by 1.2%. None otherwise."""
    tens = tens_band(data.claim(row["share_claim"]))
    if tens is None:
        return None
    amount, share, _ = printed_bands(data, row)
    read_to_tens = amount / tens
    printed_grade, tens_grade = grade(amount / share, total.band), grade(read_to_tens, total.band)
    if MILDEST_FIRST.index(tens_grade) >= MILDEST_FIRST.index(printed_grade):
        return None
    return tens, read_to_tens, tens_grade


MILDEST_FIRST = (Grade.HOLDS, Grade.OFF_IN_DETAIL, Grade.FAILS)
"""The grades from the mildest to the gravest, to tell which of two readings is milder."""


def pair_tens_reading(
    data: BookData, row: pd.Series, total: filed_years.Figure, decides: bool
) -> str:
    """`ledger.PAIR_TENS_READING_NOTE` after a space, where the pair's grade rests on reading
    its share to the whole percent (`tens_reading`); '' otherwise."""
    reading = tens_reading(data, row, total)
    if reading is None:
        return ""
    tens, read_to_tens, tens_grade = reading
    unit = printed_bands(data, row)[2]
    year = filed_years.CLAIMED_YEAR[row["company_en"]]
    if tens_grade is Grade.HOLDS:
        wide = read_to_tens.high > WIDE_BAND * read_to_tens.low
        outcome = f"which meets {year}'s" + (
            ", though a band that wide decides nothing" if wide else ""
        )
    else:
        gap = _gap_against(read_to_tens, total.band, unit, f"{year}'s")
        outcome = f"{gap}, within the {MARGIN_TEXT} margin of off in detail"
    outcome += _other_years_read_to_tens(data, row, read_to_tens, unit)
    return " " + PAIR_TENS_READING_NOTE.format(
        quote=data.claims.at[row["share_claim"], "quote_zh"],
        band=span(tens, lambda v: by_unit(v, "share")),
        total=span(read_to_tens, partial(money, currency=unit)),
        outcome=outcome,
        rests="the verdict" if decides else "the grade of this finding",
    )


def _other_years_read_to_tens(
    data: BookData, row: pd.Series, read_to_tens: Interval, unit: str
) -> str:
    """Where the pair is read against other years too (`other_year`), how the total its share
    read to its tens gives stands against each, after a space: Lenovo's 4,133亿元 to 4,923亿元
    lies 1.4% above FY2023/24's total and meets calendar 2024's; '' for a company with none."""
    other = other_year(data, row)
    if other is None:
        return ""
    years = [(f"{other.year}'s", other.total.band)]
    if other.calendar is not None:
        years.append((f"calendar {YEAR}'s", other.calendar.cny))
    placed = []
    for label, band in years:
        if grade(read_to_tens, band) is Grade.HOLDS:
            placed.append(f"meet {label}")
        else:
            placed.append(f"lie {_gap_against(read_to_tens, band, unit, label)}")
    return f" (it would {' and '.join(placed)})"


def _gap_against(implied: Interval, total: Interval, unit: str, label: str) -> str:
    """How far a pair's total lies from a year's, with its working: "1.2% short of
    FY2024/25's ((4,984.5亿元 − 4,923亿元) ÷ 4,985亿元)", `label` naming the year's total."""
    gap, formula, _ = worked_gap(implied, total, unit)
    side = "short of" if implied.high < total.low else "above"
    return f"{gap} {side} {label} ({formula})"


WIDE_BAND = 1.5
"""An implied-total band whose top is more than this many times its bottom is too wide for
agreement to mean much: its evidence says so, and meeting a total decides nothing."""


def how_words(figure: filed_years.Figure) -> str:
    """How a figure reached the book in one word ('released', 'derived'), or in full for a
    figure resting on one read at second hand ('derived from a figure read at second hand')."""
    return figure.described if figure.second_hand else figure.how
