"""The table's ranks by its own figures, the ranks each printed band allows, and the rank claims."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import pandas as pd

from bytebook.article import YEAR, company_key
from bytebook.checks import claim_band
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.ledger import Basis, LedgerEntry, band_value, judge, working
from bytebook.numbers import format_yuan, names_or_none, ordinal, whole
from bytebook.policy import Interval, printed_unit, span

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


def _by_revenue(table: pd.DataFrame) -> pd.DataFrame:
    """The table's rows by the article's overseas revenue, largest first (ties as printed)."""
    return table.sort_values("overseas_cny", ascending=False, kind="stable")


def sorted_by_revenue(table: pd.DataFrame) -> pd.DataFrame:
    """The table re-sorted by the article's overseas revenue, largest first: each row with its
    rank, the ranks its printed band allows ('4–7') and the company's two names in one cell."""
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
            + f": {rank_range_words(best, worst)} of {len(bands)}.",
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


def ordinal_place(n: float) -> str:
    """'1st place', '2nd place', …"""
    return ordinal(int(n)) + " place"


def rank_range_words(best: int, worst: int) -> str:
    """'4th place', or 'any place from 4th to 7th'."""
    if best == worst:
        return ordinal_place(best)
    return f"any place from {ordinal(best)} to {ordinal(worst)}"


def rank_range_text(best: int, worst: int) -> str:
    """A rank, or the span of ranks a band allows ('4–7')."""
    return f"{best}" if best == worst else f"{best}–{worst}"


def rank_of(table: pd.DataFrame, company: str) -> int:
    """A company's rank by the article's overseas revenue (1 = largest)."""
    return list(_by_revenue(table)["company"]).index(company) + 1


TOP3_QUOTE = "直接杀进前三"
"""The article's words for ByteDance's top-three place on its own scope, all Chinese companies
abroad; the rows that read a top-three place within the table name it."""


def record_ranks(data: BookData, table: pd.DataFrame, peers: pd.DataFrame) -> Findings:
    """The ranking claims read within the table, judged by sorting its own figures; `peers`
    (from `top_three.peers_table`) shows who outside the table ranks above Huawei's printed band."""
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
            + _above_huawei(data, table, peers)
            + " The verdict rests on the first reading, within the table where the remark "
            "stands: consistent says only that the table's own figures put Huawei third of its "
            "seven; on the wider scope the remark is unverifiable, shown and not deciding.",
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
            f"{r.company} ({span(Interval(r.low, r.high), yuan)}"
            + (f", {r.converted}" if r.converted else "")
            + f"; {r.basis})"
            for r in outside.itertuples()
        ]
    )
    return (
        f"{names} lies above Huawei's printed {span(band, format_yuan)}, so by the table's own "
        f"Huawei figure it would rank {ordinal(best)} at best; but Huawei's real {YEAR} "
        "overseas revenue was not found and could be larger, so on this reading the remark is "
        "unverifiable."
    )


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"

