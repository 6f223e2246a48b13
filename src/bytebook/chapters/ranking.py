"""Chapter 4: the ranking table, re-sorted, cross-checked and set beside the companies' own
figures."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import partial

import pandas as pd

from bytebook import filed_years
from bytebook.article import DAYS_IN_YEAR, YEAR, company_key
from bytebook.chapters import preface
from bytebook.chapters.by_year import by_year_frames
from bytebook.chapters.growth import growth_findings, growth_runner_up
from bytebook.chapters.markets_and_remarks import markets_and_remarks
from bytebook.chapters.table_cells import check_remaining
from bytebook.chapters.table_order import SUBJECT, pairing_sentence, printed_above_sentence
from bytebook.chapters.top_three import PEERS, peers_table, top_three
from bytebook.chapters.year_readings import (
    calendar_not_compared,
    calendar_year,
    claimed_figures,
    how_words,
    implied_total_check,
    other_year,
    other_year_total,
    pair_open_reading,
    year_reading_clause,
)
from bytebook.checks import (
    also_quoting,
    claim_band,
    later_sources_note,
    printed_bands,
    recorded_words,
    reference_band,
)
from bytebook.data import CLAIMS_FILE, RANKING_FILE, REFERENCES_FILE, BookData
from bytebook.findings import Findings
from bytebook.fx import (
    YEAR_RATE_REFERENCES,
    YearRates,
    implied_rate,
    rate_from_references,
    year_rates,
)
from bytebook.kept import analysis, kept
from bytebook.ledger import (
    READ_AS_N_DUO,
    Basis,
    LedgerEntry,
    Verdict,
    band_value,
    claim_band_text,
    decided_by,
    derived,
    finding,
    finding_entry,
    judge,
    signed_gap,
    working,
)
from bytebook.numbers import (
    as_recorded,
    count_words,
    format_billion,
    format_percent,
    format_usd,
    format_yuan,
    in_yi,
    money,
    names_or_none,
    ordinal,
    percent,
    whole,
)
from bytebook.policy import (
    CONVERSION_READING,
    SUBSTANCE_MARGIN,
    Interval,
    format_gap,
    origin_words,
    points_gap,
    printed_unit,
    span,
    worked_gap,
)
from bytebook.present import badge_cell

SECTIONS = ("4",)
"""The article sections whose claims this chapter judges."""

INPUTS = (
    CLAIMS_FILE,
    RANKING_FILE,
    REFERENCES_FILE,
)
"""The data files its analysis reads (checked by a test that records what it reads)."""

PRINTED_HEADERS = {
    "company_zh": "公司 Company",
    "overseas_revenue_printed": "2024 海外营收 Overseas revenue",
    "overseas_share_printed": "海外占比 Overseas share",
    "markets_zh": "核心战场 Main markets",
    "remark_zh": "备注 Remarks",
}

SORTED_COLUMNS = {
    "rank_range": ("Rank by revenue (as the printed bands allow)", None),
    "printed_order": ("Printed position", None),
    "company_named": ("Company", None),
    "overseas_shown": ("Overseas revenue (亿元)", None),
    "share_shown": ("Overseas share", None),
}
"""How the re-sorted table is shown: each column's header and formatter; each company by its
English and Chinese names in one cell, as in the implied-totals table; the amounts and
shares keep the printed markers ('3,100+', '约 27%', '超 50%'), the unit named once in the
header."""

PRINTED_MARKERS = {"≈": "约 ", ">": "超 "}
"""The marker a printed share carries before its number, by the claim's qualifier."""


def marked_amount(value: float, qualifier: str) -> str:
    """A number of 亿 with the printed '+' of "N+" kept, for a column headed (亿元):
    '3,100+', '2,855'."""
    text = in_yi(value)
    return text + "+" if qualifier == "+" else text


def marked_share(value: float, qualifier: str) -> str:
    """A share with its printed 约 or 超 kept: '约 27%', '超 50%', '25%'."""
    return PRINTED_MARKERS.get(qualifier, "") + format_percent(value, 0)


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


NO_YEAR_CELLS = {
    "matched": "not found",
    "filed_amount_text": "not found",
    "filed_share_text": "not found",
    "amount_gap_text": "no year found",
    "share_points_text": "no year found",
    "tag": "no year found",
}
"""The closest-year table's cells for a company whose figures were found for no year, so that
no cell of its row is left blank."""


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


YEARS_COLUMNS = {
    "company": ("Company", None),
    "claimed_year": ("Year the table is read as", None),
    "matched": ("Closest year", None),
    "filed_amount_text": ("Amount that year", None),
    "filed_share_text": ("Share that year", None),
    "amount_gap_text": ("Amount gap (relative)", None),
    "share_points_text": ("Share gap (percentage points, between the nearer ends)", None),
    "tag": ("Weakest tag", None),
}
"""How the closest years are shown: a share with no needless zero (77%), each gap as the
evidence words it: the amount's relative to the amount found, the share's in percentage
points."""

PEERS_COLUMNS = {
    "company": ("Company", None),
    "overseas_cny": ("Abroad (亿元)", in_yi),
    "basis": ("Figure used", None),
}
"""How the peers with 1,000亿元 or more abroad are shown."""


@analysis
def analyse(data: BookData) -> Findings:
    """Reproduce, re-sort and check the ranking table."""
    table, rate, filed, published = _compared(data)
    usd, cny = data.stated("t_bytedance_overseas"), data.stated("t_bytedance_overseas_cny")
    matched = year_matches(data)
    years = matched.tables["years"]
    found = Findings()
    found.tables["printed"] = data.ranking[list(PRINTED_HEADERS)].rename(columns=PRINTED_HEADERS)
    found.tables["sorted"] = ordered = _sorted(table)
    found.number(
        "revenue_caption", rank_of(table, SUBJECT), lambda _: printed_above_sentence(ordered)
    )
    found.number("share_caption", len(ordered), lambda _: pairing_sentence(ordered))
    found.tables["filed"] = filed
    found.tables["filed_by_companies"] = published
    fx_average = rate_from_references(data.references, "fx_2024_avg_fed").cny_per_usd
    peers = peers_table(data, fx_average)
    found.merge(
        matched,
        _record_ranks(data, table, peers),
        _check_rate(data, usd, cny, rate),
        _implied_totals(data, table, rate),
        _band_example(data),
        by_year_frames(data),
        _rank_with_filed(table, published, _shares_above(data, filed), filed),
        check_remaining(data, years),
        markets_and_remarks(
            data, {company: rank_of(table, company) for company in table["company"]}
        ),
        growth_findings(data),
        top_three(data, rank_of(table, "ByteDance"), peers, fx_average),
    )
    _add_cell_verdicts(data, found)
    found.number("holds_box", len(found.entries), lambda _: holds_sentence(data, found))
    return found


def _add_cell_verdicts(data: BookData, found: Findings) -> None:
    """Give the implied-totals table each company's own cells' verdicts ('amount contradicted,
    share contradicted'), and a pair's row that meets its total while a cell misses a sentence
    saying so (`cells_apart_note`), so that a pair that holds together is not read as support
    for its cells."""
    rows = {entry.id: entry for entry in found.entries}
    cells = {
        r.company_en: f"amount {rows[r.revenue_cny_claim].verdict}, share "
        f"{rows[r.share_claim].verdict}"
        for r in data.ranking.itertuples()
    }
    totals = found.tables["implied_totals"]
    totals["cells"] = totals["company"].map(cells)
    for r in data.ranking.itertuples():
        pair = rows[f"d_implied_total_{company_key(r.company_en)}"]
        note = cells_apart_note(r.company_en, pair, rows[r.revenue_cny_claim], rows[r.share_claim])
        if note:
            found.entries[found.entries.index(pair)] = replace(pair, evidence=pair.evidence + note)


def cells_apart_note(
    company: str, pair: LedgerEntry, amount: LedgerEntry, share: LedgerEntry
) -> str:
    """Where a company's pair (amount ÷ share) meets its total while a cell of the pair misses,
    a sentence saying so, after a space: the pair's agreement is no support for the cell, and
    where both cells lie on the same side of the company's own figures, their errors offset in
    the ratio. '' otherwise."""
    agrees = (Verdict.SUPPORTED, Verdict.CONSISTENT)
    missed = {
        name: cell
        for name, cell in (("amount", amount), ("share", share))
        if cell.verdict not in (*agrees, Verdict.UNVERIFIABLE)
    }
    if pair.verdict not in agrees or not missed:
        return ""
    said = " and ".join(f"its {name} {cell.verdict}" for name, cell in missed.items())
    sides = {_printed_side(cell) for cell in missed.values()}
    subject = "either of them" if len(missed) == 2 else f"the {next(iter(missed))}"
    offset = (
        f": both lie {sides.pop()} {company}'s own figures, so their errors offset in the ratio"
        if len(missed) == 2 and len(sides) == 1 and None not in sides
        else ""
    )
    return (
        f" {company}'s cells are judged in their own rows ({said}){offset}, and the pair's "
        f"agreement with the total is no support for {subject}."
    )


def _printed_side(cell: LedgerEntry) -> str | None:
    """Where a cell's printed figure lies against the figure it is judged by: 'below' or
    'above'; None where the row has no figure of each."""
    figures = (cell.stated, cell.recomputed)
    if any(figure is None or pd.isna(figure) for figure in figures) or len(set(figures)) == 1:
        return None
    return "below" if cell.stated < cell.recomputed else "above"


VERDICT_ORDER = (
    Verdict.SUPPORTED,
    Verdict.CONSISTENT,
    Verdict.OFF_IN_DETAIL,
    Verdict.CONTRADICTED,
    Verdict.INCONSISTENT,
    Verdict.UNVERIFIABLE,
)
"""The order in which the chapter's box counts its verdicts."""


def table_cells_sentence(data: BookData, rows: dict[str, LedgerEntry]) -> str:
    """Which of the table's own cells (each company's amount and share) are contradicted or off
    in detail, in words: "BYD's amount and share are contradicted; Midea's share … are off in
    detail", then the companies whose two cells cannot both hold. Empty when none is."""
    parts = []
    for verdict in (Verdict.CONTRADICTED, Verdict.OFF_IN_DETAIL):
        cells, amounts = [], []
        for r in data.ranking.itertuples():
            judged = [
                name
                for name, claim_id in (("amount", r.revenue_cny_claim), ("share", r.share_claim))
                if rows[claim_id].verdict is verdict
            ]
            if judged:
                cells.append(f"{r.company_en}'s {' and '.join(judged)}")
                if "amount" in judged:
                    amounts.append(r.company_en)
        if cells:
            many = len(cells) > 1 or " and " in cells[0]
            parts.append(
                f"{names_or_none(cells)} {'are' if many else 'is'} {verdict.value}"
                + n_plus_readings(data, amounts)
            )
    pairs = pairs_that_cannot_hold(data, rows)
    if pairs:
        parts.append(
            pairs_sentence(
                pairs,
                pairs_read_as_n_duo(rows, pairs),
                pairs_year_readings(data, pairs),
            )
        )
    if not parts:
        return ""
    return " Against the companies' own figures, " + "; ".join(parts) + "."


def pairs_sentence(
    companies: list[str], read_as_n_duo: list[str], year_readings: dict[str, str]
) -> str:
    """What the pair checks of `companies` (`pairs_that_cannot_hold`) come to, in words, which
    of them rest on reading N+ as N多 (`pairs_read_as_n_duo`) and which on the year that
    '2024' is read as (`pairs_year_readings`: each company's clause)."""
    owners = names_or_none([c + "'s" for c in read_as_n_duo])
    reading = (
        f"; read as N以上 (N or more), {owners} "
        f"{'pairs' if len(read_as_n_duo) > 1 else 'pair'} would hold, so "
        f"{'these verdicts rest' if len(read_as_n_duo) > 1 else 'this verdict rests'} on "
        "reading N+ as N多"
        if read_as_n_duo
        else ""
    )
    years = "".join(
        f"; {company}'s pair verdict rests {'also ' if company in read_as_n_duo else ''}on {clause}"
        for company, clause in year_readings.items()
    )
    return (
        f"for {names_or_none(companies)}, whose cells could not be checked alone, the printed "
        "amount "
        "and share cannot both hold for the year the book reads the table's 2024 as (the "
        "total they imply is "
        f"contradicted by the company's own){reading}{years}"
    )


def pairs_read_as_n_duo(rows: dict[str, LedgerEntry], companies: list[str]) -> list[str]:
    """Those of `companies` whose pair row says, with `ledger.OPEN_READING_NOTE`, that read as
    N以上 their pair would hold, so its verdict rests on reading N+ as N多."""
    return [
        c for c in companies if READ_AS_N_DUO in rows[f"d_implied_total_{company_key(c)}"].evidence
    ]


def pairs_year_readings(data: BookData, companies: list[str]) -> dict[str, str]:
    """Those of `companies` whose pair's verdict rests on which year '2024' is read as
    (`year_readings.OtherYear.rests`), each with the box's clause saying so
    (`year_reading_clause`)."""
    rows = (row for _, row in data.ranking.iterrows() if row["company_en"] in companies)
    others = {row["company_en"]: other_year(data, row) for row in rows}
    return {
        company: year_reading_clause(other)
        for company, other in others.items()
        if other is not None and other.rests
    }


def pairs_that_cannot_hold(data: BookData, rows: dict[str, LedgerEntry]) -> list[str]:
    """The companies whose amount and share are each unverifiable but whose pair check (the
    total the two imply against the company's own) is contradicted."""
    return [
        r.company_en
        for r in data.ranking.itertuples()
        if rows[f"d_implied_total_{company_key(r.company_en)}"].verdict is Verdict.CONTRADICTED
        and all(
            rows[claim_id].verdict is Verdict.UNVERIFIABLE
            for claim_id in (r.revenue_cny_claim, r.share_claim)
        )
    ]


def holds_sentence(data: BookData, found: Findings) -> str:
    """The chapter's 'What holds and what does not' box, from its own rows and numbers: the
    verdict counts of the article's claims in the section, then the verdicts of the ranking's
    headline claims with the figures behind them."""
    rows = {entry.id: entry for entry in found.entries}
    stated = [entry for entry in found.entries if entry.kind == "stated"]
    counts = {v: sum(entry.verdict is v for entry in stated) for v in VERDICT_ORDER}
    n = found.texts
    verdict = lambda claim_id: rows[claim_id].verdict.value  # noqa: E731
    earlier = sum(year != f"FY{YEAR}" for year in PEERS.values())
    ranks = Interval(found.numbers["peer_rank_best"], found.numbers["peer_rank_worst"])
    growth = format_percent(data.reference("bd_intl_growth_2024"), 0)
    first_why = (
        ", since not every member's growth was found"
        if rows["s4_growth_first"].verdict is Verdict.UNVERIFIABLE
        else ""
    )
    flat_why = (
        ", since their growth abroad was not found at first hand in a P or S source for both "
        "of the years it compares"
        if rows["s4_old_money_flat"].verdict is Verdict.UNVERIFIABLE
        else ""
    )
    return (
        f"Of the section's {len(stated)} claims, "
        + names_or_none([f"{count} {v.value}" for v, count in counts.items() if count])
        + "."
        + table_cells_sentence(data, rows)
        + " Within its own table the ranking holds: by the printed figures ByteDance ranks "
        f"{n['rank_bytedance']} and Huawei {n['rank_huawei']} ({verdict('s4_software_top3')}). "
        f"直接杀进前三, a place among all Chinese companies abroad, is "
        f"{verdict('s4_top3')}: among the peers found ByteDance ranks {span(ranks, whole)}, "
        f"{count_words(earlier)} of those figures are from the year before, and the largest "
        "companies abroad were not all found. 两倍以上 is "
        f"{verdict('s4_growth_double')}: ByteDance's {growth} is {n['growth_ratio']} times "
        f"{growth_runner_up(data)[0]['company']}'s {n['growth_runner_up']}. 断层第一 is "
        f"{verdict('s4_growth_first')}{first_why}, and Lenovo's and Huawei's levelling off "
        f"(趋于平缓) is {verdict('s4_old_money_flat')}{flat_why}."
    )


def filed_references(companies: Iterable[str]) -> list[str]:
    """The references.csv rows behind the figures of `companies` for the year the table
    names, in the order given."""
    refs = [
        ref
        for company in companies
        for ref in filed_years.reference_ids(company, filed_years.CLAIMED_YEAR[company])
    ]
    return list(dict.fromkeys(refs))


def _article_figures(data: BookData) -> pd.DataFrame:
    """One row per company: the article's overseas revenue in CNY and its share."""
    rows = data.ranking
    return pd.DataFrame(
        {
            "company": rows["company_en"],
            "company_zh": rows["company_zh"],
            "printed_order": rows["printed_order"],
            "overseas_cny": [data.stated(c) for c in rows["revenue_cny_claim"]],
            "overseas_low_cny": [claim_band(data, c).low for c in rows["revenue_cny_claim"]],
            "overseas_high_cny": [claim_band(data, c).high for c in rows["revenue_cny_claim"]],
            "overseas_band_text": [
                claim_band_text(data.claim(c)) for c in rows["revenue_cny_claim"]
            ],
            "share": [data.stated(c) for c in rows["share_claim"]],
            "overseas_shown": [
                marked_amount(data.stated(c), data.claims.at[c, "qualifier"])
                for c in rows["revenue_cny_claim"]
            ],
            "share_shown": [
                marked_share(data.stated(c), data.claims.at[c, "qualifier"])
                for c in rows["share_claim"]
            ],
            "revenue_claim": rows["revenue_claim"],
            "share_claim": rows["share_claim"],
        }
    )


def _by_revenue(table: pd.DataFrame) -> pd.DataFrame:
    """The table's rows by the article's overseas revenue, largest first (ties as printed)."""
    return table.sort_values("overseas_cny", ascending=False, kind="stable")


def _sorted(table: pd.DataFrame) -> pd.DataFrame:
    ordered = _by_revenue(table).reset_index(drop=True)
    ordered["rank_by_revenue"] = range(1, len(ordered) + 1)
    ranges = rank_ranges(table)
    ordered["rank_range"] = [rank_range_text(*ranges[company]) for company in ordered["company"]]
    ordered["company_named"] = ordered["company"] + " " + ordered["company_zh"]
    return ordered[
        [
            "rank_by_revenue",
            "rank_range",
            "printed_order",
            "company",
            "company_zh",
            "company_named",
            "overseas_cny",
            "share",
            "overseas_shown",
            "share_shown",
        ]
    ]


def rank_range(table: pd.DataFrame, company: str) -> tuple[int, int]:
    """The best and worst rank a company's printed overseas band allows against the others'
    bands ("1000+ 亿元" is 1000 to 2000亿): one more than the companies whose band lies wholly
    above it, and one more than those whose band reaches above its lowest end."""
    return rank_ranges(table)[company]


def rank_ranges(table: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """Every company's `rank_range`."""
    return {
        company: (len(above) + 1, len(above) + len(overlapping) + 1)
        for company, (above, overlapping) in bands_around(table).items()
    }


def bands_around(table: pd.DataFrame) -> dict[str, tuple[list[str], list[str]]]:
    """For each company, the companies whose printed overseas band lies wholly above its own,
    and those whose band reaches above its lowest end without lying wholly above it."""
    bands = dict(
        zip(
            table["company"],
            zip(table["overseas_low_cny"], table["overseas_high_cny"], strict=True),
            strict=True,
        )
    )
    around = {}
    for company, (low, high) in bands.items():
        others = [(other, band) for other, band in bands.items() if other != company]
        above = [other for other, (other_low, _) in others if other_low > high]
        overlapping = [
            other
            for other, (other_low, other_high) in others
            if other_low <= high and other_high > low
        ]
        around[company] = (above, overlapping)
    return around


def rank_range_entries(data: BookData, table: pd.DataFrame) -> list[LedgerEntry]:
    """A derived row for each company's `rank_range`, which the re-sorted table prints: the
    ranks as a band where the printed bands allow more than one, each band's ends written at
    the precision its figure was printed with (2855 亿元 is 2,854.5亿元 to 2,855.5亿元)."""
    bands = table.set_index("company")
    claims = data.ranking.set_index("company_en")["revenue_cny_claim"]
    entries = []
    for company, (above, overlapping) in bands_around(table).items():
        best, worst = len(above) + 1, len(above) + len(overlapping) + 1
        size = printed_unit(str(data.claim(claims[company])["value_text"]))
        low, high = (
            band_value(bands.at[company, end], "CNY", size)
            for end in ("overseas_low_cny", "overseas_high_cny")
        )
        entry = working(
            f"d_rank_range_{company_key(company)}",
            "4",
            f"{company}'s rank by overseas revenue in the table, as the printed bands allow",
            float(best),
            "rank",
            f"{company}'s printed band is {low} to {high}. "
            + _bands_around_words(above, overlapping)
            + f": {_places(best, worst)} of {len(bands)}.",
        )
        entries.append(
            entry
            if best == worst
            else replace(entry, recomputed=(best + worst) / 2, deciding=Interval(best, worst))
        )
    return entries


def _bands_around_words(above: list[str], overlapping: list[str]) -> str:
    """`bands_around` of one company, in words."""

    def bands(names: list[str]) -> str:
        return f"the band{'s' if len(names) > 1 else ''} of {names_or_none(names)}"

    wholly = (
        f"{bands(above)} {'lie' if len(above) > 1 else 'lies'} wholly above it"
        if above
        else "No other band lies wholly above it"
    )
    reach = (
        f"{bands(overlapping)} {'reach' if len(overlapping) > 1 else 'reaches'} above its "
        "lowest end without lying wholly above it"
        if overlapping
        else "no other band reaches above its lowest end"
    )
    return f"{wholly[0].upper()}{wholly[1:]}; {reach}"


def _places(best: int, worst: int) -> str:
    """'4th place', or 'any place from 4th to 7th'."""
    return _place(best) if best == worst else f"any place from {ordinal(best)} to {ordinal(worst)}"


def rank_range_text(best: int, worst: int) -> str:
    """A rank, or the span of ranks a band allows ('4–7')."""
    return f"{best}" if best == worst else f"{best}–{worst}"


def rank_of(table: pd.DataFrame, company: str) -> int:
    """A company's rank by the article's overseas revenue (1 = largest)."""
    return list(_by_revenue(table)["company"]).index(company) + 1


TOP3_QUOTE = "直接杀进前三"
"""The article's words for ByteDance's top-three place on its own scope, all Chinese companies
abroad; the rows that read a top-three place within the table name it."""


def _record_ranks(data: BookData, table: pd.DataFrame, peers: pd.DataFrame) -> Findings:
    """The ranking claims read within the table, judged by sorting its own figures; `peers`
    (from `peers_table`) shows who outside the table ranks above Huawei's printed band."""
    found = Findings()
    bytedance = found.number("rank_bytedance", rank_of(table, "ByteDance"), whole)
    huawei = found.number("rank_huawei", rank_of(table, "Huawei"), whole)
    printed_sorted = list(table["printed_order"]) == list(_by_revenue(table)["printed_order"])
    found.number("printed_is_sorted", printed_sorted, _yes_no)
    smallest = found.number("smallest_printed", table["overseas_cny"].min(), format_yuan)
    printed = data.ranking.set_index("company_en")["overseas_revenue_printed"]
    found.add(
        judge(
            data.claim("s4_software_top3"),
            bytedance,
            Basis.ARTICLE,
            f"Read within the table it comments on (一眼看明白), for what it adds: that ByteDance "
            "is the only pure software company among the table's top three. Sorted by the "
            f"table's own figures, ByteDance ({printed['ByteDance']}) ranks {bytedance:.0f} of "
            f"{len(table)}, and it is the only software company among the seven. Its top-three "
            f"place among all Chinese companies abroad is the claim of {TOP3_QUOTE}, judged in a "
            "row of its own: unverifiable beyond the table, since not every peer could be "
            "ranked.",
        ),
        judge(
            data.claim("t_huawei_top3"),
            huawei,
            Basis.ARTICLE,
            f"A remark in the table, read within it. Sorted by the table's own figures, Huawei "
            f"({printed['Huawei']}) ranks {huawei:.0f} of {len(table)}. Read on the wider "
            "scope of 直接杀进前三 (all Chinese companies abroad), "
            + _above_huawei(data, table, peers),
            tuple(ref for refs in peers["sources"] for ref in refs),
        ),
        judge(
            data.claim("s4_club"),
            smallest,
            Basis.ARTICLE,
            f"The smallest overseas revenue in the table is {format_yuan(smallest)}, so all seven "
            "companies are in the 千亿 club.",
        ),
        *rank_range_entries(data, table),
    )
    return found


def _above_huawei(data: BookData, table: pd.DataFrame, peers: pd.DataFrame) -> str:
    """Who outside the table ranks above Huawei's printed band, in words."""
    band = claim_band(data, "t_huawei_overseas")
    outside = peers[~peers["company"].isin(table["company"]) & (peers["low"] > band.high)]
    if outside.empty:
        return "no company in the references outside the table ranks above it."
    best = rank_of(table, "Huawei") + len(outside)
    yuan = partial(format_yuan, digits=1)
    names = names_or_none(
        [
            f"{r.company} ({r.basis}: {span(Interval(r.low, r.high), yuan)}"
            + (f", {r.converted})" if r.converted else ")")
            for r in outside.itertuples()
        ]
    )
    return (
        f"{names} lies above Huawei's printed {span(band, format_yuan)}, so by the table's own "
        f"Huawei figure it would rank {ordinal(best)} at best; but Huawei's real {YEAR} "
        "overseas revenue was not found and could be larger, so on this reading the remark is "
        "unverifiable."
    )


def _printed_number(data: BookData, claim_id: str) -> str:
    """A claim's number as the article prints it, without its unit: '2855' of '2855 亿元'."""
    return re.match(r"[\d.,]+", data.claims.at[claim_id, "quote_zh"]).group()


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _check_rate(data: BookData, usd: float, cny: float, rate: float) -> Findings:
    """The rate behind the table's USD-to-yuan conversion against the year's rates."""
    found = Findings()
    rates = year_rates(data.references)
    average, lowest, highest = rates.average, rates.lowest, rates.highest
    found.number("stated_usd", usd, format_usd, 0)
    found.number("stated_cny", cny, format_yuan)
    recorded = data.references.loc[YEAR_RATE_REFERENCES[0], "value_text"]
    found.number("fx_average", average.cny_per_usd, as_recorded, recorded, digits_from=(recorded,))
    found.number("table_rate", rate, "{:.4f}")
    gap = found.number("table_rate_gap", signed_gap(rate, average.cny_per_usd), format_percent)
    at_average = found.number("bytedance_cny_at_average", average.to_cny(usd), format_yuan)
    rate_band = claim_band(data, "t_bytedance_overseas_cny") / claim_band(
        data, "t_bytedance_overseas"
    )
    found.number("table_rate_low", rate_band.low, "{:.3f}")
    found.number("table_rate_high", rate_band.high, "{:.3f}")
    found.number("table_rate_side", gap, lambda g: "above" if g > 0 else "below")
    found.number("table_rate_place", rate, lambda r: preface.rate_point_place(r, rates))
    found.number(
        "table_rate_band_place", rate_band.mid, lambda _: preface.rate_band_clause(rate_band, rates)
    )
    rate_check = preface.year_rate_finding(
        rate_band,
        rates,
        f"{format_yuan(cny)} ÷ {money(usd, 'USD')} = {rate:.4f} CNY/USD ({rate_band.low:.3f} to "
        f"{rate_band.high:.3f} at the printed precision of "
        f"{_printed_number(data, 't_bytedance_overseas_cny')} "
        f"and {_printed_number(data, 't_bytedance_overseas')}: {CONVERSION_READING}); "
        f"as a point, {format_percent(gap)} from the 2024 average {average.cny_per_usd} "
        f"(Federal Reserve H.10, P) and {rates.position(rate)} of the 2024 monthly averages.",
    )
    usd_band = reference_band(data, "bd_intl_2024") * average.cny_per_usd
    usd_band_at_months = reference_band(data, "bd_intl_2024") * Interval(
        lowest.cny_per_usd, highest.cny_per_usd
    )
    cny_band = claim_band(data, "t_bytedance_overseas_cny")
    usd_printed = claim_band(data, "t_bytedance_overseas")
    found.add(
        working(
            "d_table_rate_point",
            "4",
            "The exchange rate behind the table's conversion, as a point",
            rate,
            "CNY/USD",
            f"{format_yuan(cny)} ÷ {money(usd, 'USD')} = {rate:.4f} CNY/USD, the rate the printed "
            "figures give as written; the band their printed precision allows decides whether "
            "it is a 2024 rate, in a row of its own.",
        ),
        working(
            "d_bytedance_cny_at_average",
            "4",
            f"ByteDance's {format_usd(usd, 0)} at the 2024 average rate",
            at_average,
            "CNY",
            f"USD {format_billion(usd, 0)} ({data.cite('bd_intl_2024')}) × {average.cny_per_usd} "
            f"CNY/USD (the {YEAR} average, Federal Reserve H.10, P) = {format_yuan(at_average)}: "
            "one rate among the year's, so it decides nothing; the table's conversion is judged "
            f"against {YEAR}'s range of monthly averages.",
            ("bd_intl_2024", average.reference_id),
        ),
        working(
            "d_table_rate_low",
            "4",
            "Low end of the exchange rate behind the table's conversion",
            rate_band.low,
            "CNY/USD",
            f"{format_yuan(cny_band.low, 1)} ÷ {money(usd_printed.high, 'USD')} (the printed "
            f"{format_yuan(cny)} and {data.claims.at['t_bytedance_overseas', 'quote_zh']} at their "
            "printed precision) = "
            f"{rate_band.low:.3f} CNY/USD.",
        ),
        working(
            "d_table_rate_high",
            "4",
            "High end of the exchange rate behind the table's conversion",
            rate_band.high,
            "CNY/USD",
            f"{format_yuan(cny_band.high, 1)} ÷ {money(usd_printed.low, 'USD')} (the printed "
            f"{format_yuan(cny)} and {data.claims.at['t_bytedance_overseas', 'quote_zh']} at their "
            "printed precision) = "
            f"{rate_band.high:.3f} CNY/USD.",
        ),
        working(
            "d_table_rate_gap",
            "4",
            "The table's exchange rate against the 2024 average",
            gap,
            "ratio",
            f"{rate:.4f} (the rate the table's conversion implies) ÷ {average.cny_per_usd} "
            "(Federal Reserve H.10, "
            f"P) − 1 = {format_percent(gap)}.",
            (average.reference_id,),
        ),
        decided_by(
            derived(
                "d_table_implied_rate",
                "4",
                "Exchange rate behind the table's conversion of USD into yuan",
                rate,
                "CNY/USD",
                f"{rate_check.evidence} {preface.rates_together_note(data, rates, 'title')}",
                rate_check.verdict,
                (average.reference_id, lowest.reference_id, highest.reference_id),
            ),
            rate_band,
        ),
        decided_by(
            finding_entry(
                data.claim("t_bytedance_overseas_cny"),
                finding(
                    data.claim("t_bytedance_overseas_cny"),
                    usd_band_at_months,
                    Basis.SOURCE,
                    f"ByteDance's reported revenue abroad ({data.cite('bd_intl_2024')}), "
                    f"{recorded_words(data, 'bd_intl_2024')}, × 2024's monthly averages, "
                    f"{lowest.cny_per_usd:.4f} to {highest.cny_per_usd:.4f} CNY/USD "
                    f"(Federal Reserve H.10, P; a 2024 rate is one between them), is "
                    f"{span(usd_band_at_months, format_yuan)}; the printed {format_yuan(cny)} "
                    f"{'misses it' if usd_band_at_months.distance(cny_band) else 'lies within it'}"
                    f" (the rate the printed pair implies, {rate:.4f} CNY/USD as a point, lies "
                    f"{rates.position(rate)} of the 2024 monthly averages; at the printed "
                    f"precision it is {rate_band.low:.3f} to {rate_band.high:.3f}, which "
                    f"{preface.rate_band_clause(rate_band, rates)}: a row of its own). "
                    f"At the 2024 average of {average.cny_per_usd}, USD {format_billion(usd, 0)} "
                    f"would be {format_yuan(at_average)} and its band "
                    f"{span(usd_band, format_yuan)}; the rate the conversion implies lies "
                    "{} from that average at its nearer end ({}); ".format(
                        *worked_gap(rate_band, Interval.exact(average.cny_per_usd), "CNY/USD")[:2]
                    )
                    + f"{CONVERSION_READING}. {_title_note(data, cny, rates)}",
                    ("bd_intl_2024", *rates.reference_ids),
                ),
                None,
            ),
            usd_band_at_months,
        ),
    )
    return found


def _title_note(data: BookData, cny: float, rates: YearRates) -> str:
    """Where the title's daily figure, which this yearly one does not give, is judged, and why
    there and not here; whether the two can convert the dollar figure at one rate of the year
    (`preface.dollar_figures`)."""
    title = data.claims.at["title_daily_revenue", "quote_zh"]
    usd = format_usd(data.stated("t_bytedance_overseas"), 0)
    figures = preface.dollar_figures(data, rates)
    if figures["both"]:
        rate = f"both convert {usd} at one {YEAR} rate for some readings of it"
    elif figures["title"] and figures["table"]:
        rate = f"each fits {usd} at a {YEAR} rate, but no one reading of {usd} fits both"
    else:
        rate = f"at most one of them converts {usd} at a {YEAR} rate"
    return (
        f"The title's {title} does not follow from it ({format_yuan(cny)} ÷ {DAYS_IN_YEAR} days "
        f"= {format_yuan(cny / DAYS_IN_YEAR, 2)} a day): {rate} (a row of its own). The book "
        "checks a daily figure against the article's yearly total, so the title's row carries "
        "that finding."
    )


BAND_EXAMPLE = "Midea"
"""The row whose implied-total band the page works through as its example."""


def _band_example(data: BookData) -> Findings:
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


def _implied_totals(data: BookData, table: pd.DataFrame, table_rate: float) -> Findings:
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
                "agrees": verdict in (Verdict.SUPPORTED, Verdict.CONSISTENT),
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
    disagree = list(totals.loc[~totals["agrees"] & ~totals["second_hand"], "company"])
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


@kept
def _compared(data: BookData) -> tuple[pd.DataFrame, float, pd.DataFrame, pd.DataFrame]:
    """The article's figures (`_article_figures`), the table's own rate (the one its two
    ByteDance figures imply), the figures beside the companies' own (`_filed_comparison`) and
    the rows resting on what the companies published (`_published_by_companies`)."""
    table = _article_figures(data)
    rate = implied_rate(
        data.stated("t_bytedance_overseas_cny"), data.stated("t_bytedance_overseas")
    )
    filed = _filed_comparison(data, table, rate)
    return table, rate, filed, _published_by_companies(filed)


def _filed_comparison(data: BookData, table: pd.DataFrame, table_rate: float) -> pd.DataFrame:
    """The article's overseas figures beside the company's for the year it names, where found."""
    records = []
    for _, row in table.iterrows():
        claimed = claimed_figures(data, row["company"])
        overseas, share = claimed.get("overseas"), claimed.get("share")
        rate = table_rate if overseas is not None and overseas.unit == "USD" else 1
        records.append(
            {
                "company": row["company"],
                "article_overseas_cny": row["overseas_cny"],
                "article_low_cny": row["overseas_low_cny"],
                "article_high_cny": row["overseas_high_cny"],
                "article_shown": row["overseas_shown"],
                "article_band_text": row["overseas_band_text"],
                "filed_overseas_cny": overseas.value * rate if overseas else None,
                "filed_tag": overseas.reliability if overseas else "",
                "filed_how": overseas.how if overseas else "",
                "filed_described": overseas.described if overseas else "",
                "filed_second_hand": overseas.second_hand if overseas else False,
                "article_share": row["share"],
                "filed_share": share.value if share else None,
                "filed_total_cny": _filed_total(claimed, table_rate),
            }
        )
    return pd.DataFrame(records)


def _filed_total(claimed: dict[str, filed_years.Figure], table_rate: float) -> float | None:
    """The total for the year the table names, in yuan (USD at the table's rate)."""
    total = claimed.get("total")
    if total is None:
        return None
    return total.value * (table_rate if total.unit == "USD" else 1.0)


def _published_by_companies(filed: pd.DataFrame) -> pd.DataFrame:
    """The rows whose overseas figure for the named year rests on figures the company itself
    published, P or S (filed, released, relayed, tabulated, or derived from such figures);
    not ByteDance's, which is reported: a press report on a private company."""
    published = filed.dropna(subset=["filed_overseas_cny"])
    published = published[published["filed_tag"].isin(["P", "S"])]
    published = published[published["filed_how"] != "reported"].reset_index(drop=True)
    return published.assign(
        origin_note=[f"{r.company} {r.filed_described}" for r in published.itertuples()]
    )


YEAR_COLUMNS = [
    "company",
    "claimed_year",
    "matched",
    "amount_gap",
    "amount_gap_text",
    "share_gap",
    "share_points",
    "share_points_text",
    "filed_amount",
    "filed_amount_text",
    "filed_share",
    "filed_share_text",
    "tag",
    "sources",
    "finding",
]


def year_matches(data: BookData) -> Findings:
    """For each company, the year whose figures its printed amount and share match best: a
    `years` table (its `finding` column says it in words), a glued sentence and a derived
    ledger row per company. The rows are period notes: the verdicts are on the cells."""
    found = Findings()
    records = []
    for _, row in data.ranking.iterrows():
        company = row["company_en"]
        amount, share, unit = printed_bands(data, row)
        readings = filed_years.year_readings(data.references, company, amount, share, unit)
        closest = filed_years.closest_year(readings)
        key = company_key(company)
        scope = ""  # which years were compared, where a reader could take '2024' for another
        if closest is None:
            text, refs = _no_year_text(data, company, amount / share, unit)
            record = dict(NO_YEAR_CELLS)
        else:
            mixed = filed_years.mixed_pairs_that_fit(data.references, company, amount, share, unit)
            text, refs = _year_text(row, readings, closest, amount, mixed)
            if calendar_year(data, row) is not None:
                scope = calendar_not_compared(readings, company)
            record = {
                "matched": closest.year,
                "amount_gap": closest.amount_gap,
                "amount_gap_text": gap_cell(closest, amount),
                "share_gap": closest.share_gap,
                "share_points": closest.share_points,
                "share_points_text": points_cell(closest),
                "filed_amount": closest.amount.value,
                "filed_amount_text": money(closest.amount.value, unit),
                "filed_share": closest.share.value,
                "filed_share_text": _share_words(closest),
                "tag": closest.reliability,
            }
        record["sources"] = ";".join(refs)
        found.number(f"year_match_{key}", len(readings), text + scope)
        found.add(
            derived(
                f"d_year_match_{key}",
                "4",
                f"{company}: the year the printed row matches best (a period note)",
                record.get("filed_amount", float("nan")),
                unit if closest else "text",
                f"{text}{scope} A period note, not a verdict: the amount and share rows carry the "
                "verdicts." + later_sources_note(data, *refs),
                Verdict.UNVERIFIABLE,
                tuple(r for r in record.get("sources", "").split(";") if r)
                + also_quoting(data, *refs),
            )
        )
        if closest is not None:
            found.add(*_period_share_rows(data, company, closest, mixed))
        records.append(
            {"company": company, "claimed_year": filed_years.CLAIMED_YEAR[company], "finding": text}
            | record
        )
    found.tables["years"] = pd.DataFrame(records, columns=YEAR_COLUMNS)
    return found


def _period_share_rows(
    data: BookData,
    company: str,
    closest: filed_years.YearReading,
    mixed: list[filed_years.MixedPair],
) -> list[LedgerEntry]:
    """Derived rows for the shares a period note prints that the book computes: the closest
    year's share where it is derived, and each pair of two years' figures it names."""
    key = company_key(company)
    rows = []
    share = closest.share
    if share.how == "derived":
        rows.append(
            working(
                f"d_year_share_{key}_{_year_id(closest.year)}",
                "4",
                f"{company}: overseas share in {closest.year}, the year its row matches best",
                share.value,
                "share",
                f"{share.derivation} = {share.shown} ({share.described}, "
                f"{share.reliability})." + later_sources_note(data, *share.sources),
                share.sources + also_quoting(data, *share.sources),
            )
        )
    if closest.worse_gap > 0:
        for pair in mixed:
            rows.append(
                working(
                    f"d_pair_share_{key}_{_year_id(pair.amount_year)}_{_year_id(pair.total_year)}",
                    "4",
                    f"{company}: {pair.amount_year}'s overseas amount over {pair.total_year}'s "
                    "total",
                    pair.value,
                    "share",
                    f"{pair.amount_year}'s overseas amount ÷ {pair.total_year}'s total: "
                    f"{pair.worked} ({pair.reliability}); no company reports such a pair."
                    + later_sources_note(data, *pair.sources),
                    pair.sources + also_quoting(data, *pair.sources),
                )
            )
    return rows


def _year_id(year: str) -> str:
    """A fiscal year as part of a row id: 'FY2023/24' → 'fy2023_24'."""
    return year.lower().replace("/", "_")


@dataclass(frozen=True)
class EarlierCell:
    """A cell of the ranking table that fits the year before the one the table names: better
    than that year's figure, or where that year's figure was not found (`named_gap` None)."""

    company: str
    cell: str
    year: str
    gap: float
    named_gap: float | None
    reliability: str


def earlier_year_cells(data: BookData) -> list[EarlierCell]:
    """Every amount or share cell whose figure for the year before the one the table names
    lies within the policy's margin of the printed band and nearer to it than the named
    year's figure (or the named year's figure was not found), in printed order."""
    cells = []
    for _, row in data.ranking.iterrows():
        company = row["company_en"]
        amount, share, unit = printed_bands(data, row)
        by_year = {
            r.year: r
            for r in filed_years.year_readings(data.references, company, amount, share, unit)
        }
        years = list(filed_years.FILED_ROWS[company])
        named = filed_years.CLAIMED_YEAR[company]
        if years.index(named) == 0:
            continue
        earlier, now = by_year.get(years[years.index(named) - 1]), by_year.get(named)
        if earlier is None:
            continue
        for cell, figure, gap, named_gap in (
            ("amount", earlier.amount, earlier.amount_gap, now and now.amount_gap),
            ("share", earlier.share, earlier.share_gap, now and now.share_gap),
        ):
            if gap is None or gap > SUBSTANCE_MARGIN:
                continue
            if named_gap is None or gap < named_gap:
                cells.append(
                    EarlierCell(company, cell, earlier.year, gap, named_gap, figure.reliability)
                )
    return cells


def earlier_year_sentence(cells: list[EarlierCell]) -> str:
    """The cells of `earlier_year_cells` in words, for the summary: which rows sit closer to
    the year before than to the year the table names, and which fit the year before where the
    named year was not found; W figures said apart."""
    companies = list(dict.fromkeys(c.company for c in cells))
    rows = {name: [c for c in cells if c.company == name] for name in companies}
    closer = [name for name in companies if all(c.named_gap is not None for c in rows[name])]
    unmatched = [name for name in companies if name not in closer]

    def listed(names: list[str]) -> str:
        def words(name: str) -> str:
            own = rows[name]
            what = "row" if len(own) == 2 else own[0].cell
            detail = " in substance" if any(c.gap > 0 for c in own) else ""
            return f"{name}'s {what}{detail}"

        strong = [words(n) for n in names if all(c.reliability != "W" for c in rows[n])]
        weak = [words(n) for n in names if any(c.reliability == "W" for c in rows[n])]
        text = names_or_none(strong) if strong else ""
        if weak:
            weak_words = "on figures from weak (W) sources, " + names_or_none(weak)
            text += (", and, " if strong else "") + weak_words
        return text

    def years(names: list[str]) -> str:
        return " or ".join(dict.fromkeys(c.year for n in names for c in rows[n]))

    text = (
        f"in {count_words(len(closer))} rows of the ranking table, headed 2024, figures sit "
        f"closer to the year before ({years(closer)}) than to the year the table names: "
        f"{listed(closer)}"
        if closer
        else "no row of the ranking table, headed 2024, sits closer to the year before than "
        "to the year it names"
    )
    if unmatched:
        text += (
            f"; in {count_words(len(unmatched))} {'more ' if closer else ''}rows, figures fit "
            f"the year before ({years(unmatched)}) where the named year's was not found: "
            f"{listed(unmatched)}"
        )
    return text


@kept
def understated(data: BookData) -> tuple[list[str], list[str], list[str]]:
    """The companies whose overseas figure for the year the table names rests on figures they
    published themselves (P or S, read at first hand), those of them the table understates
    (their figure lies above the printed band), and, for companies whose amount rests on a
    figure read at second hand (which does not decide), those whose own share lies above the
    printed one: 'Midea's share (41.52%)'."""
    _, _, compared, published = _compared(data)
    filed = list(published["company"])
    claims = data.ranking.set_index("company_en")
    above = [
        company
        for company in filed
        if claimed_figures(data, company)["overseas"].band.low
        > claim_band(data, claims.at[company, "revenue_claim"]).high
    ]
    return filed, above, _shares_above(data, compared)


def filed_origins(data: BookData) -> list[str]:
    """'BYD, released, P' for each company `understated` names as having published its own
    figure, so that a sentence naming them says what each rests on."""
    published = _compared(data)[3]
    return [f"{r.company}, {r.filed_described}, {r.filed_tag}" for r in published.itertuples()]


def n_plus_readings(data: BookData, companies: list[str]) -> str:
    """For those of `companies` whose amount is printed as N+ and lies above N多's top end
    (`understated`), how the finding rests on that reading: " (BYD's 1000+ 亿元 read as
    1,000亿元 to 2,000亿元, N多; read as 1,000亿元 or more, N以上, the amount would hold)"; '' for
    none."""
    _, above, _ = understated(data)
    claims = data.ranking.set_index("company_en")["revenue_claim"]
    parts = []
    for company in (c for c in companies if c in above):
        claim = data.claim(claims[company])
        if claim["qualifier"] != "+":
            continue
        band, size = claim_band(data, claim["id"]), printed_unit(str(claim["value_text"]))
        low, high = (band_value(end, claim["unit"], size) for end in (band.low, band.high))
        parts.append(
            f"{company}'s {claim['quote_zh']} read as {low} to {high}, N多; read as {low} or "
            "more, N以上, the amount would hold"
        )
    return f" ({'; '.join(parts)})" if parts else ""


def _share_above(data: BookData, company: str) -> filed_years.Figure | None:
    """The company's own share for the year the table names, where it was read at first hand
    in a P or S source and lies above the printed share's band; None otherwise."""
    share = claimed_figures(data, company).get("share")
    if share is None or share.second_hand or share.reliability == "W":
        return None
    claim_id = data.ranking.set_index("company_en").at[company, "share_claim"]
    return share if share.band.low > claim_band(data, claim_id).high else None


def _shares_above(data: BookData, compared: pd.DataFrame) -> list[str]:
    """'Midea's share (41.52%)' for each company whose amount rests on a figure read at second
    hand and whose own share lies above the printed one (`_share_above`)."""
    return [
        f"{company}'s share ({share.shown})"
        for company in compared.loc[compared["filed_second_hand"], "company"]
        if (share := _share_above(data, company))
    ]


def filed_shares_above(data: BookData, filed: list[str]) -> list[str]:
    """'BYD's share (28.6%, printed as 约 20%)' for each of the companies `filed` (their figures
    read at first hand, `understated`) whose own share lies above the printed one
    (`_share_above`)."""
    claims = data.ranking.set_index("company_en")["share_claim"]
    shares = []
    for company in filed:
        if share := _share_above(data, company):
            claim = data.claim(claims[company])
            printed = marked_share(float(claim["value"]), claim["qualifier"])
            shares.append(f"{company}'s share ({share.shown}, printed as {printed})")
    return shares


def second_hand_share_sentence(shares: list[str], lead: str = "") -> str:
    """'Midea's share (41.52%) lies above the printed one; its amount rests on a figure read at
    second hand and does not decide', after `lead`; '' when `shares` is empty."""
    if not shares:
        return ""
    one = len(shares) == 1
    return (
        f"{lead}{names_or_none(shares)} {'lies' if one else 'lie'} above the printed "
        f"{'one' if one else 'ones'}; {'its' if one else 'their'} amount rests on a figure "
        "read at second hand and does not decide"
    )


def understated_sentence(
    filed: list[str],
    above: list[str],
    shares: list[str],
    readings: str = "",
    origins: list[str] | None = None,
    filed_shares: list[str] | None = None,
) -> str:
    """`understated` in words, for the summary: the amounts, then the shares of the same
    companies that lie above the printed ones (`filed_shares_above`; a share the table prints
    may also lie above the filed one, as Haier Smart Home's 超 50% against 49.97% does);
    `origins` (`filed_origins`) names the companies after their count, and `readings`
    (`n_plus_readings`) follows the amounts."""
    share_words = second_hand_share_sentence(shares, lead=", and ")
    if filed_shares:
        one = len(filed_shares) == 1
        share_words = (
            f", and {names_or_none(filed_shares)} {'is' if one else 'are'} understated too"
            + share_words
        )
    if not filed:
        return (
            "no company's 2024 overseas amount in the table rests on figures it published"
            + share_words
        )
    companies = "company whose" if len(filed) == 1 else "companies whose"
    if len(above) == len(filed):
        whom = {1: "the one", 2: "both"}.get(len(filed), f"all {count_words(len(filed))}")
    else:
        whom = f"{names_or_none(above) if above else 'none'} of the {count_words(len(filed))}"
    amounts = "overseas amount" if len(above) == 1 else "overseas amounts"
    if origins:
        companies = companies.replace(" whose", f" ({'; '.join(origins)}) whose")
    return (
        f"the table understates the {amounts} of {whom} {companies} 2024 overseas amount rests "
        "on figures they published themselves, read at first hand" + readings + share_words
    )


def _no_year_text(
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


def _share_band_ends(reading: filed_years.YearReading) -> str:
    """Where a year's share lies outside the printed band and its inputs' digits allow more
    than its written digits do, that band, whose nearer end the gap is measured from ('32.50%
    to 33.50%': Huawei's share outside China, from a China share of 67%); '' otherwise."""
    share = reading.share
    decimals = len(share.shown.rstrip("%").partition(".")[2])
    half_unit = 0.5 * 10 ** -(decimals + 2)
    if not reading.share_points or (
        share.band.low >= share.value - half_unit and share.band.high <= share.value + half_unit
    ):
        return ""
    ends = (share.band.low, share.band.high)
    return " to ".join(format_percent(end, decimals + 1) for end in ends)


def _share_words(reading: filed_years.YearReading) -> str:
    """A year's share as the closest-year table writes it: a derived share with no needless
    zero ('77%'), any other as recorded ('40.56%'), with its band where a gap is measured from
    it (`_share_band_ends`): '33.1% (32.50% to 33.50%)'."""
    ends = _share_band_ends(reading)
    return f"{reading.share.shown} ({ends})" if ends else reading.share.shown


def _reading_words(reading: filed_years.YearReading, row: pd.Series, printed: Interval) -> str:
    """'FY2023: amount 1,509亿 (filed, S; inside the printed 1500+ 亿元), share …', against the
    printed amount's band `printed`."""
    amount, share = reading.amount, reading.share
    ends = _share_band_ends(reading)
    band_first = f"{ends} at its inputs' digits; " if ends else ""
    return (
        f"{reading.year}: amount {money(amount.value, amount.unit)} "
        f"({amount.described}, {amount.reliability}; "
        f"{_gap_words(reading, printed, row['overseas_revenue_printed'])}), share "
        f"{share.shown} ({band_first}{share.described}, {share.reliability}; "
        f"{_points_words(reading, row['overseas_share_printed'])})"
    )


def _year_text(
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


def _with_origin(published: pd.DataFrame, amounts: pd.Series | None = None) -> list[str]:
    """'BYD (released, P)', or with `amounts` 'BYD 2,219亿 (released, P)', for each company
    whose own figure is used."""
    return [
        f"{r.company}{'' if amounts is None else ' ' + format_yuan(amounts[r.company])} "
        f"({r.filed_described}, {r.filed_tag})"
        for r in published.itertuples()
    ]


def against_band_words(value: float, low: float, high: float) -> str:
    """A company's own amount against the printed band [low, high], by the band, not by its
    floor: 'lies above the top of the printed band, 2,000亿元, and is more than twice its floor,
    1,000亿元'."""
    if value > high:
        place = f"lies above the top of the printed band, {format_yuan(high)}"
    elif value < low:
        place = f"lies below the printed band's floor, {format_yuan(low)}"
    else:
        place = f"lies within the printed band, {format_yuan(low)} to {format_yuan(high)}"
    twice = f", and is more than twice its floor, {format_yuan(low)}" if value > 2 * low else ""
    return place + twice


def absent_from_filed_sentence(filed: pd.DataFrame, published: pd.DataFrame) -> str:
    """Why each company of the table has no pair in the chart of the companies' own figures:
    its amount rests on a figure read at second hand, is a press report on a private company,
    rests on a W figure, or was not found for the year the table names."""
    reasons: dict[str, list[str]] = {}
    for r in filed[~filed["company"].isin(published["company"])].itertuples():
        if pd.isna(r.filed_overseas_cny):
            why = "For {names} no overseas amount was found for the year the table names"
        elif r.filed_second_hand:
            why = (
                "{names}'s amount rests on a figure read at second hand, which counts as a weak "
                "(W) source"
            )
        elif r.filed_how == "reported":
            why = "{names}'s figure is a press report on a private company, not its own"
        else:
            why = "{names}'s amount rests on a " + r.filed_tag + " figure"
        reasons.setdefault(why, []).append(r.company)
    return " ".join(why.format(names=names_or_none(names)) + "." for why, names in reasons.items())


def _rank_with_filed(
    table: pd.DataFrame, published: pd.DataFrame, shares: list[str], filed_table: pd.DataFrame
) -> Findings:
    """Rank the companies again, with each company's own overseas figure where one was found
    at first hand; `shares` ('Midea's share (41.52%)') are those of companies whose amount
    rests on a figure read at second hand, which is not ranked; `filed_table` (from
    `_filed_comparison`) says why the others have no figure of their own here."""
    found = Findings()
    filed = published.set_index("company")["filed_overseas_cny"]
    mixed = table.assign(
        overseas_cny=[
            filed[c] if c in filed.index else v
            for c, v in zip(table["company"], table["overseas_cny"], strict=True)
        ]
    )
    larger = published["filed_overseas_cny"] > published["article_overseas_cny"]
    found.number(
        "filed_summary",
        len(published),
        lambda n: (
            f"For {count_words(int(n))} companies in the table this book found a 2024 "
            f"overseas amount that rests on figures the company published, P or S, read at "
            f"first hand: {names_or_none(_with_origin(published))}. "
            + (
                "Each is larger than the article's."
                if larger.all()
                else f"{names_or_none(list(published.loc[larger, 'company']))} are larger than the "
                "article's."
            )
            + (" " + second_hand_share_sentence(shares) + "." if shares else "")
        ),
    )
    found.number(
        "filed_absent",
        len(table) - len(published),
        lambda _: absent_from_filed_sentence(filed_table, published),
    )
    bands = table.set_index("company")
    for company in published["company"]:
        key = company_key(company)
        found.number(f"filed_overseas_{key}", filed[company], format_yuan)
        low, high = bands.at[company, "overseas_low_cny"], bands.at[company, "overseas_high_cny"]
        found.number(
            f"printed_band_{key}",
            high,
            lambda _, low=low, high=high: span(Interval(low, high), format_yuan),
        )
        found.number(
            f"filed_against_band_{key}",
            filed[company],
            lambda v, low=low, high=high: against_band_words(v, low, high),
        )
        rank = found.number(f"rank_{key}_filed", rank_of(mixed, company), _place)
        best, worst = rank_range(table, company)
        found.number(
            f"rank_range_{key}", worst, lambda _, best=best, worst=worst: _places(best, worst)
        )
        found.add(
            working(
                f"d_rank_{key}_filed",
                "4",
                f"{company}'s rank in the table with each company's own 2024 overseas figure in "
                "place of the printed one",
                rank,
                "rank",
                f"With {names_or_none(_with_origin(published, filed))} in place of the printed "
                "figures and "
                f"the others as printed, {company} ranks {ordinal(int(rank))} of "
                f"{len(mixed)}.",
                tuple(filed_references(published["company"])),
            )
        )
    return found


def _place(n: float) -> str:
    """'1st place', '2nd place', …"""
    return ordinal(int(n)) + " place"
