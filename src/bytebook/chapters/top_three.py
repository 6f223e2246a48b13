"""Section 4's 直接杀进前三 (straight into the top three): ByteDance's rank among every Chinese
company found with 1,000亿元 or more abroad, inside the article's table or not, and Huawei's 2024
revenue abroad estimated at its 2023 share. A part of the ranking chapter
(`bytebook.chapters.ranking`), which passes in ByteDance's rank within the table."""

from __future__ import annotations

import pandas as pd

from bytebook import filed_years
from bytebook.article import YEAR
from bytebook.chapters.growth import SHEIN_IF
from bytebook.checks import reference_band
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.ledger import (
    Basis,
    LedgerEntry,
    Verdict,
    decided_by,
    derived,
    finding,
    judge_findings,
)
from bytebook.numbers import (
    by_unit,
    format_percent,
    format_yuan,
    money,
    names_or_none,
    whole,
)
from bytebook.policy import Interval, span


def club_floor(data: BookData) -> str:
    """The article's 千亿 club's floor as a figure: '1,000亿元'."""
    return by_unit(data.stated("s4_club"), data.claims.at["s4_club", "unit"])


PEERS = {
    "Lenovo": "FY2023/24",
    "ByteDance": "FY2024",
    "Huawei": "FY2023",
    "BYD": "FY2024",
    "Midea": "FY2024",
    "Haier Smart Home": "FY2024",
}
"""Companies of the table with 1,000亿元 or more abroad in the references, with the latest year
whose overseas revenue was found."""


PEERS_OUTSIDE_TABLE = {"Shein": ("shein_rev_2024", "FY2024 sales", SHEIN_IF)}
"""Companies outside the table with 1,000亿元 or more abroad if they count as Chinese companies
abroad: the reference, what it is, and the condition on which it counts (`growth.SHEIN_IF`)."""


NOT_RANKED = (
    "Xiaomi (full-year overseas revenue not found), Sinopec, PetroChina, CNOOC, CATL and China "
    "State Construction (overseas revenue for 2024 not found), Alibaba's international commerce "
    "(its revenue not found) and Temu (only GMV found, which is not revenue)"
)


HUAWEI_2024_AT_2023_SHARE = ("huawei_rev_2024", "huawei_overseas_2023_derived", "huawei_rev_2023")
"""Huawei's 2024 group revenue, and its 2023 revenue outside China (a W derivation) and group
revenue, from which its 2024 revenue abroad is estimated at its 2023 share."""


ESTIMATE_DECIMALS = 1
"""The decimals of 亿 at which Huawei's 2024 estimate's band is printed (its inputs' recorded
digits tell 2,850.5亿 from 2,852.1亿元); a gap from it is worked from the end as printed."""


def estimate_band_words(estimate: Interval) -> str:
    """The band of Huawei's 2024 estimate (`huawei_2024_at_2023_share`) in words, at
    ESTIMATE_DECIMALS of 亿: '2,801.7亿元 to 2,888.2亿元 at its inputs' recorded digits'."""
    shown = span(estimate, lambda v: format_yuan(v, ESTIMATE_DECIMALS))
    return f"{shown} at its inputs' recorded digits"


def huawei_2024_at_2023_share(data: BookData) -> Interval:
    """Huawei's 2024 revenue outside China if its 2023 share abroad held: 2024's group revenue
    × (2023's revenue outside China ÷ 2023's group revenue), as a band. An illustration only:
    the 2023 figure outside China is a W derivation, and the 2024 figure was not found."""
    total_2024, abroad_2023, total_2023 = (
        reference_band(data, ref) for ref in HUAWEI_2024_AT_2023_SHARE
    )
    return total_2024 * abroad_2023 / total_2023


def huawei_2024_estimate(data: BookData) -> float:
    """`huawei_2024_at_2023_share` as a reader works it from the recorded figures: 8,621亿元 ×
    2,329亿元 ÷ 7,041.74亿元, which the middle of its band need not be."""
    total_2024, abroad_2023, total_2023 = (data.reference(ref) for ref in HUAWEI_2024_AT_2023_SHARE)
    return total_2024 * abroad_2023 / total_2023


def huawei_2024_entry(data: BookData) -> LedgerEntry:
    """The derived row of `huawei_2024_at_2023_share`."""
    estimate = huawei_2024_estimate(data)
    total_2024, abroad_2023, total_2023 = (data.reference(ref) for ref in HUAWEI_2024_AT_2023_SHARE)
    return derived(
        "d_huawei_overseas_2024_at_2023_share",
        "4",
        "Huawei: revenue outside China in 2024 if its 2023 share abroad held (an estimate)",
        estimate,
        "CNY",
        f"{format_yuan(total_2024)} ({data.cite(HUAWEI_2024_AT_2023_SHARE[0])}) × "
        f"{format_yuan(abroad_2023)} (revenue outside China in FY2023, derived, W) ÷ "
        f"{format_yuan(total_2023, 2)} ({data.cite(HUAWEI_2024_AT_2023_SHARE[2])}; a share "
        f"abroad of {format_percent(abroad_2023 / total_2023)}) = {format_yuan(estimate)}. "
        "Huawei's 2024 revenue outside China was not found; this estimate rests on a figure from a "
        "weak (W) source "
        "and assumes the share did not change, so it illustrates and decides nothing.",
        Verdict.UNVERIFIABLE,
        HUAWEI_2024_AT_2023_SHARE,
    )


def peers_table(data: BookData, rate: float) -> pd.DataFrame:
    """Every peer in the references with 1,000亿元 or more abroad, in yuan (USD at `rate`, the
    conversion in words in `converted`)."""
    figures = {
        company: filed_years.overseas(data.references, company, year)
        for company, year in PEERS.items()
    } | {
        company: filed_years.reference_figure(data.references, ref)
        for company, (ref, _, _) in PEERS_OUTSIDE_TABLE.items()
    }
    rows = []
    for company, figure in figures.items():
        band = figure.band * rate if figure.unit == "USD" else figure.band
        _, what, condition = PEERS_OUTSIDE_TABLE.get(company, ("", PEERS.get(company), ""))
        rows.append(
            {
                "company": company,
                "overseas_cny": figure.value * (rate if figure.unit == "USD" else 1.0),
                "low": band.low,
                "high": band.high,
                "basis": f"{what}, "
                + (
                    "derived from a figure read at second hand, which counts as a weak (W) source"
                    if figure.second_hand
                    else f"{figure.how} ({figure.reliability})"
                )
                + (f", {condition}" if condition else ""),
                "sources": figure.sources,
                "converted": (
                    f"{span(figure.band, lambda v: money(v, 'USD'))} at {YEAR}'s average rate, "
                    f"{by_unit(rate, 'CNY/USD')}"
                    if figure.unit == "USD"
                    else ""
                ),
            }
        )
    frame = pd.DataFrame(rows).sort_values("overseas_cny", ascending=False, kind="stable")
    return frame.reset_index(drop=True)


def _meeting_bands_note(maybe_above: pd.DataFrame, bd: pd.Series, precision: str) -> str:
    """After a rank span, the peers whose band meets ByteDance's (`bd`), at `precision`, and
    whether each only touches it at one end, where the two bands, printed at their own digits,
    could look as if they overlapped (Shein's top, USD 38.5 bn × 7.196, is ByteDance's bottom);
    '' where none meets it."""
    if maybe_above.empty:
        return ""
    touching = [
        r.company
        for r in maybe_above.itertuples()
        if r.high == bd["low"] or r.low == bd["high"]  # the bounds `maybe_above` is cut by
    ]
    if len(touching) == len(maybe_above):
        touch = ", touching it at one end only"
    elif touching:
        touch = f"; {names_or_none(touching)} only at one end"
    else:
        touch = ""
    return (
        f" ({names_or_none(list(maybe_above['company']))}: a band that meets its own at "
        f"{precision}{touch})"
    )


def top_three(data: BookData, table_rank: int, peers: pd.DataFrame, rate: float) -> Findings:
    """'直接杀进前三' among all Chinese companies abroad, weighed against every peer found;
    `table_rank` is ByteDance's rank within the article's own table; `peers` is
    `peers_table` at the 2024 average `rate`."""
    found = Findings()
    found.tables["peers"] = peers
    found.add(huawei_2024_entry(data))
    bd = peers[peers["company"] == "ByteDance"].iloc[0]
    maybe_above = peers[(peers["high"] >= bd["low"]) & (peers["low"] <= bd["high"])]
    maybe_above = maybe_above[maybe_above["company"] != "ByteDance"]
    best_rank, worst_rank = peer_ranks(peers)
    found.number("overseas_bytedance", data.stated("t_bytedance_overseas"), money, "USD")
    found.number("peer_rank_best", best_rank, whole)
    found.number("peer_rank_worst", worst_rank, whole)
    found.number("peer_count", len(peers), whole)
    estimate = huawei_2024_at_2023_share(data)
    estimated = huawei_2024_estimate(data)
    with_estimate = peers.copy()
    is_huawei = with_estimate["company"] == "Huawei"
    with_estimate.loc[is_huawei, ["low", "high", "overseas_cny"]] = [
        estimate.low,
        estimate.high,
        estimated,
    ]
    estimate_ranks = peer_ranks(with_estimate)
    found.number(
        "peer_rank_years",
        estimate_ranks[1],
        lambda _: peer_years_sentence(peers, estimate, estimated, bd, estimate_ranks),
    )
    peer_sources = tuple(dict.fromkeys(ref for refs in peers["sources"] for ref in refs))
    ranks = Interval(best_rank, worst_rank)
    found.add(
        decided_by(
            derived(
                "d_peer_rank_bytedance",
                "4",
                "ByteDance's rank among the peers in the references with "
                f"{club_floor(data)} or more abroad",
                best_rank,
                "rank",
                f"ByteDance ranks {span(Interval(best_rank, worst_rank), whole)} of the "
                f"{len(peers)} companies in the "
                f"references with {club_floor(data)} or more abroad"
                + _meeting_bands_note(maybe_above, bd, "the sources' precision")
                + ". "
                + "".join(
                    f"{company}'s figure is {PEERS_OUTSIDE_TABLE[company][2]}. "
                    for company in peers["company"]
                    if company in PEERS_OUTSIDE_TABLE
                )
                + peer_years_sentence(peers, estimate, estimated, bd, estimate_ranks)
                + " Some of these figures are weak (W) derived figures, and the references "
                "do not reach every company, so the rank is an illustration; the claim it bears on "
                "is 直接杀进前三 (straight into the top three).",
                Verdict.UNVERIFIABLE,
                peer_sources,
            ),
            ranks,
        )
    )
    listing = "; ".join(
        f"{r.company} {format_yuan(r.overseas_cny)} ({r.basis})" for r in peers.itertuples()
    )
    claim = data.claim("s4_top3")
    printed = data.ranking.set_index("company_en")["overseas_revenue_printed"]
    findings = [
        finding(
            claim,
            table_rank,
            Basis.ARTICLE,
            f"Within the table, by its own figures, ByteDance ({printed['ByteDance']}) ranks "
            f"{table_rank:.0f} of 7; but the claim covers all Chinese companies abroad "
            "(中国所有出海企业), not the seven.",
            decides=False,
        ),
        finding(
            claim,
            Interval(best_rank, worst_rank),
            Basis.SOURCE,
            f"Every peer in the references with {club_floor(data)} or more abroad (USD at the 2024 "
            f"average {rate}): {listing}. Among these ByteDance ranks "
            f"{span(Interval(best_rank, worst_rank), whole)}"
            + _meeting_bands_note(maybe_above, bd, "this precision")
            + ". "
            + peer_years_sentence(peers, estimate, estimated, bd, estimate_ranks)
            + " Not ranked: "
            f"{NOT_RANKED}; any of them could be larger, so the references cannot settle a "
            "rank among all Chinese companies.",
            tuple(ref for refs in peers["sources"] for ref in refs) + HUAWEI_2024_AT_2023_SHARE,
            decides=False,
        ),
    ]
    found.add(decided_by(judge_findings(claim, findings, float(best_rank)), ranks))
    return found


def peer_ranks(peers: pd.DataFrame) -> tuple[int, int]:
    """ByteDance's best and worst rank among `peers` (a `peers_table`): one more than the
    peers whose band lies wholly above its own, and that plus those whose band meets it."""
    bd = peers[peers["company"] == "ByteDance"].iloc[0]
    others = peers[peers["company"] != "ByteDance"]
    surely = int((others["low"] > bd["high"]).sum())
    maybe = int(((others["high"] >= bd["low"]) & (others["low"] <= bd["high"])).sum())
    return surely + 1, surely + 1 + maybe


def peer_years_sentence(
    peers: pd.DataFrame,
    estimate: Interval,
    estimated: float,
    bytedance: pd.Series,
    ranks: tuple[int, int],
) -> str:
    """Which peers' figures are from the year before the table's, and where ByteDance would
    rank with Huawei's 2024 estimate (`huawei_2024_at_2023_share`, worth `estimated`) in place
    of its FY2023 figure: an illustration, since the estimate rests on a W figure."""
    earlier = [
        f"{r.company}'s {year} ({r.basis.rsplit('(', 1)[-1].rstrip(')')})"
        for r in peers.itertuples()
        if (year := PEERS.get(r.company)) and year != f"FY{YEAR}"
    ]
    own = Interval(bytedance["low"], bytedance["high"])
    side = (
        "wholly above"
        if estimate.low > own.high
        else "wholly below"
        if estimate.high < own.low
        else "a band that meets"
    )
    return (
        f"{names_or_none(earlier)} {'are figures' if len(earlier) > 1 else 'is a figure'} from "
        "the year "
        f"before the table's. Huawei's {YEAR} revenue abroad was not found; at its 2023 share it "
        f"would be {format_yuan(estimated)} ({estimate_band_words(estimate)}; an estimate "
        f"resting on a figure from a weak (W) source), {side} ByteDance's "
        f"{format_yuan(bytedance['overseas_cny'])} ({span(own, format_yuan)}), and with it "
        f"ByteDance would rank {span(Interval(*ranks), whole)}: an illustration, not a finding."
    )
