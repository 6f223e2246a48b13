"""Chapter 4: the ranking table, re-sorted, cross-checked and set beside the companies' own
figures."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pandas as pd

from bytebook.article import YEAR, company_key
from bytebook.chapters.by_year import by_year_frames
from bytebook.chapters.filed_comparison import compared_figures
from bytebook.chapters.filed_rank import rank_with_filed
from bytebook.chapters.growth import growth_findings, growth_runner_up
from bytebook.chapters.implied_totals import band_example, implied_totals
from bytebook.chapters.markets_and_remarks import markets_and_remarks
from bytebook.chapters.rank_ranges import rank_of, record_ranks, sorted_by_revenue
from bytebook.chapters.rate_check import check_rate
from bytebook.chapters.table_cells import check_remaining
from bytebook.chapters.table_order import SUBJECT, pairing_sentence, printed_above_sentence
from bytebook.chapters.top_three import PEERS, peers_table, top_three
from bytebook.chapters.understatement import n_plus_readings, shares_above
from bytebook.chapters.year_matches import year_matches
from bytebook.chapters.year_readings import (
    implied_total_check,
    other_year,
    tens_reading,
    year_reading_clause,
)
from bytebook.data import CLAIMS_FILE, RANKING_FILE, REFERENCES_FILE, BookData
from bytebook.findings import Findings
from bytebook.fx import rate_from_references
from bytebook.kept import analysis
from bytebook.ledger import READ_AS_N_DUO, LedgerEntry, Verdict
from bytebook.numbers import count_words, format_percent, in_yi, names_or_none, whole
from bytebook.policy import Grade, Interval, span

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
"""The printed table's columns under the article's own Chinese headers, each with its English."""

PEERS_COLUMNS = {
    "company": ("Company", None),
    "overseas_cny": ("Abroad (亿元)", in_yi),
    "basis": ("Figure used", None),
}
"""How the peers with 1,000亿元 or more abroad are shown."""


@analysis
def analyse(data: BookData) -> Findings:
    """Reproduce, re-sort and check the ranking table."""
    table, rate, filed, published = compared_figures(data)
    matched = year_matches(data)
    years = matched.tables["years"]
    found = Findings()
    found.tables["printed"] = data.ranking[list(PRINTED_HEADERS)].rename(columns=PRINTED_HEADERS)
    found.tables["sorted"] = ordered = sorted_by_revenue(table)
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
        record_ranks(data, table, peers),
        _pair_findings(data, table, rate, years),
        band_example(data),
        by_year_frames(data),
        rank_with_filed(table, published, shares_above(data, filed), filed),
        markets_and_remarks(
            data, {company: rank_of(table, company) for company in table["company"]}
        ),
        growth_findings(data),
        top_three(data, rank_of(table, "ByteDance"), peers, fx_average),
    )
    _add_cell_verdicts(data, found)
    found.number("holds_box", len(found.entries), lambda _: holds_sentence(data, found))
    return found


@analysis
def pair_rows(data: BookData) -> dict[str, LedgerEntry]:
    """The rows `analyse` gives for each company's pair (`implied_totals`) and its amount and
    share cells, by id, worked out from the same parts without the rest of the chapter: what
    `pairs_that_cannot_hold` and `pairs_read_as_n_duo` read, for the summary."""
    table, rate, _, _ = compared_figures(data)
    found = _pair_findings(data, table, rate, year_matches(data).tables["years"])
    _add_cell_verdicts(data, found)
    rows = {entry.id: entry for entry in found.entries}
    return {
        claim_id: rows[claim_id]
        for r in data.ranking.itertuples()
        for claim_id in (
            f"d_implied_total_{company_key(r.company_en)}",
            r.revenue_cny_claim,
            r.share_claim,
        )
    }


def _pair_findings(
    data: BookData, table: pd.DataFrame, rate: float, years: pd.DataFrame
) -> Findings:
    """The parts of the analysis that give each company's pair (its implied total) and its
    amount and share cells: the exchange rate's check, the implied totals and the cells."""
    usd, cny = data.stated("t_bytedance_overseas"), data.stated("t_bytedance_overseas_cny")
    return Findings().merge(
        check_rate(data, usd, cny, rate),
        implied_totals(data, table, rate),
        check_remaining(data, years),
    )


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
    meets = dict(zip(totals["company"], totals["band_gap"] == 0, strict=True))
    for r in data.ranking.itertuples():
        pair = rows[f"d_implied_total_{company_key(r.company_en)}"]
        note = cells_apart_note(
            r.company_en, meets[r.company_en], rows[r.revenue_cny_claim], rows[r.share_claim]
        )
        if note:
            found.entries[found.entries.index(pair)] = replace(pair, evidence=pair.evidence + note)


def cells_apart_note(company: str, meets: bool, amount: LedgerEntry, share: LedgerEntry) -> str:
    """Where a company's pair (amount ÷ share) `meets` its total while a cell of the pair
    misses, a sentence saying so, after a space: the pair's agreement is no support for the
    cell, and where both cells lie on the same side of the company's own figures, their errors
    offset in the ratio. '' otherwise."""
    missed = {
        name: cell
        for name, cell in (("amount", amount), ("share", share))
        if cell.verdict not in (Verdict.SUPPORTED, Verdict.CONSISTENT, Verdict.UNVERIFIABLE)
    }
    if not meets or not missed:
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
                pairs_read_to_the_percent(data, pairs),
            )
        )
    if not parts:
        return ""
    return " Against the companies' own figures, " + "; ".join(parts) + "."


def pairs_sentence(
    companies: list[str],
    read_as_n_duo: list[str],
    year_readings: dict[str, str],
    read_to_the_percent: dict[str, str],
) -> str:
    """What the pair checks of `companies` (`pairs_that_cannot_hold`) come to, in words, which
    of them rest on reading N+ as N多 (`pairs_read_as_n_duo`), which on the year that '2024'
    is read as (`pairs_year_readings`) and which on reading a share to the whole percent
    (`pairs_read_to_the_percent`), each of the last two with its company's clause."""
    owners = names_or_none([c + "'s" for c in read_as_n_duo])
    reading = (
        f"; read as N以上 (N or more), {owners} "
        f"{'pairs' if len(read_as_n_duo) > 1 else 'pair'} would hold, so "
        f"{'these verdicts rest' if len(read_as_n_duo) > 1 else 'this verdict rests'} on "
        "reading N+ as N多"
        if read_as_n_duo
        else ""
    )
    rests = {c: [clause] for c, clause in year_readings.items()}
    for company, clause in read_to_the_percent.items():
        rests.setdefault(company, []).append(clause)
    rests_on = "".join(
        f"; {company}'s pair verdict rests {'also ' if company in read_as_n_duo else ''}on "
        + "; and also on ".join(clauses)
        for company, clauses in rests.items()
    )
    return (
        f"for {names_or_none(companies)}, whose cells could not be checked alone, the printed "
        "amount "
        "and share cannot both hold for the year the book reads the table's 2024 as (the "
        "total they imply is "
        f"contradicted by the company's own){reading}{rests_on}"
    )


def pairs_read_as_n_duo(rows: dict[str, LedgerEntry], companies: list[str]) -> list[str]:
    """Those of `companies` whose pair row says, with `ledger.OPEN_READING_NOTE`, that read as
    N以上 their pair would hold, so its verdict rests on reading N+ as N多."""
    return [
        c for c in companies if READ_AS_N_DUO in rows[f"d_implied_total_{company_key(c)}"].evidence
    ]


def _rows_of(data: BookData, companies: list[str]) -> Iterator[pd.Series]:
    """The printed table's rows of `companies`, in the table's order."""
    return (row for _, row in data.ranking.iterrows() if row["company_en"] in companies)


def pairs_year_readings(data: BookData, companies: list[str]) -> dict[str, str]:
    """Those of `companies` whose pair's verdict rests on which year '2024' is read as
    (`year_readings.OtherYear.rests`), each with the box's clause saying so
    (`year_reading_clause`)."""
    others = {row["company_en"]: other_year(data, row) for row in _rows_of(data, companies)}
    return {
        company: year_reading_clause(other)
        for company, other in others.items()
        if other is not None and other.rests
    }


def pairs_read_to_the_percent(data: BookData, companies: list[str]) -> dict[str, str]:
    """Those of `companies` whose pair's verdict rests on reading its share to the whole percent
    (`year_readings.tens_reading`), each with the box's clause saying so: 'reading its 70% to
    the whole percent (read to its tens, the pair would be off in detail)'."""
    clauses = {}
    for row in _rows_of(data, companies):
        reading = tens_reading(data, row, implied_total_check(data, row)[1])
        if reading is not None:
            outcome = "hold" if reading[2] is Grade.HOLDS else "be off in detail"
            clauses[row["company_en"]] = (
                f"reading its {data.claims.at[row['share_claim'], 'quote_zh']} to the whole "
                f"percent (read to its tens, the pair would {outcome})"
            )
    return clauses


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


