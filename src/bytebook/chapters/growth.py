"""The ranking table's growth: ByteDance's reported 63% overseas growth, the club members'
own growth abroad where both years were found (on one reporting basis), the claims that
ByteDance is first by a mile (断层第一) and grows more than twice as fast as the runner-up
(两倍以上), and Lenovo's and Huawei's growth beside them (`bytebook.chapters.old_money`).
The ranking chapter (`bytebook.chapters.ranking`) adds these findings to its own."""

from __future__ import annotations

from functools import partial

import pandas as pd

from bytebook import filed_years
from bytebook.article import company_key
from bytebook.chapters.old_money import (
    LENOVO_CHINA_BEFORE,
    LENOVO_FY2324_RELEASES,
    LENOVO_REGIONS_ABROAD,
    lenovo_abroad_band,
    lenovo_abroad_band_entry,
    lenovo_china_fall_entries,
    lenovo_china_fall_needed,
    lenovo_china_share_at_most,
    lenovo_fy2122_entry,
    lenovo_fy2324_check_sentence,
    lenovo_fy2324_growth_from_releases,
    lenovo_regions_abroad,
    old_money,
)
from bytebook.checks import deciding, reference_band, why_not_deciding
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.ledger import (
    OTHER_READING_UNSETTLED,
    Basis,
    LedgerEntry,
    Verdict,
    decided_by,
    finding,
    judge,
    judge_findings,
    stated_entry,
    working,
)
from bytebook.numbers import by_unit, format_percent, percent, points_between, times
from bytebook.policy import Interval, span
from bytebook.schemas import RELIABILITY

GROWTH_COLUMNS = {
    "company": ("Company", None),
    "shown": ("Overseas growth FY2024, at the sources' precision", None),
    "basis": ("Basis", None),
}
"""How the club's overseas growth is shown, every company of the table included: its band at
the sources' precision (`growth_words`), as reported for ByteDance, or 'not found'."""

GROWTH_NOT_FOUND_WORDS = "not found"
"""The growth cell of a company whose two years' overseas revenue this book did not find."""


def _as_band(entry: LedgerEntry, band: Interval) -> LedgerEntry:
    """A growth row with its band as Recomputed where its ends differ at one decimal
    (`growth_words`: Midea's 12.0% to 12.1%), else as the point both ends read as (38.5%)."""
    return decided_by(entry, band) if " to " in growth_words(band.low, band.high) else entry


def growth_words(low: float, high: float) -> str:
    """A growth band at one decimal, each end once: '4.7% to 4.8%' for 4.72% to 4.79%, '38.5%'
    for 38.46% to 38.53% (both ends read alike), so no middle is shown beside an end it equals."""
    return span(Interval(low, high), format_percent)


SECOND_PLACE_GROWTH = {"Huawei": "huawei_rev_growth_2024"}
"""The group revenue growth of the table's second place, named where 第二名 may be read as it."""


GROWTH_PEERS = ("BYD", "Midea", "Haier Smart Home")
"""The club members whose overseas revenue was found for both FY2024 and FY2023."""


GROWTH_SAME_BASIS = {("Haier Smart Home", "FY2024"): "haier_overseas_2024_hk"}
"""The figure a company's growth takes for a year where the one `filed_years` gives is on
another reporting basis than the other year's: Haier's FY2023 overseas revenue was found on its
Hong Kong basis only, so its growth takes the FY2024 figure on that basis too (1,438亿, not the
A-share 1,429亿 the table's row is checked against)."""


def same_basis_words(data: BookData, company: str) -> str:
    """Where a company's FY2024 figure is taken on its FY2023 figure's basis for its growth
    (`GROWTH_SAME_BASIS`), a sentence that says so and names both figures; else nothing."""
    same_basis = GROWTH_SAME_BASIS.get((company, "FY2024"))
    if not same_basis:
        return ""
    usual = filed_years.overseas(data.references, company, "FY2024").sources[0]
    return (
        f" Both years on one reporting basis: FY2024 is taken as the references' "
        f"{data.references.at[same_basis, 'item']}, "
        f"{by_unit(data.reference(same_basis), 'CNY')}, the basis of the FY2023 figure, not as "
        f"the {by_unit(data.reference(usual), 'CNY')} the table's row is checked against, which "
        "would mix two bases."
    )


def same_basis_note(data: BookData, company: str) -> str:
    """A short note for a company whose FY2024 figure its growth takes on the FY2023 figure's
    basis (`GROWTH_SAME_BASIS`): 'FY2024 taken as 1,438亿元, on the FY2023 figure's reporting
    basis'; else nothing."""
    same_basis = GROWTH_SAME_BASIS.get((company, "FY2024"))
    if not same_basis:
        return ""
    return (
        f"FY2024 taken as {by_unit(data.reference(same_basis), 'CNY')}, on the FY2023 figure's "
        "reporting basis"
    )


def _in_brackets(parts: list[str], note: str) -> str:
    """' (a; b)' for the parts and a note that is not empty; nothing when all are empty."""
    shown = [*parts, *([note] if note else [])]
    return f" ({'; '.join(shown)})" if shown else ""


def _growth_overseas(data: BookData, company: str, year: str) -> filed_years.Figure:
    """A company's overseas revenue for one year as its growth takes it: on the other year's
    basis where `GROWTH_SAME_BASIS` says so, else as `filed_years` gives it."""
    same_basis = GROWTH_SAME_BASIS.get((company, year))
    if same_basis:
        return filed_years.reference_figure(data.references, same_basis)
    return filed_years.overseas(data.references, company, year)


SHEIN_IF = (
    "counted only if Shein is counted among Chinese companies and its sales as abroad: the "
    "references hold no source on where it is based, and only a note in this book's reference "
    "list, naming no source, says that almost all its sales are abroad"
)
"""The condition under which Shein joins the club, said wherever its figure is shown."""


GROWTH_OUTSIDE_TABLE = {"Shein": ("shein_rev_growth_2024", f"sales growth, {SHEIN_IF}")}
"""Club members outside the table whose growth the references give, if they count as Chinese
companies abroad: the reference and what it measures (the same club as the peers for 前三,
`top_three.PEERS_OUTSIDE_TABLE`)."""


def overseas_growth(data: BookData) -> pd.DataFrame:
    """FY2024 overseas growth of each club member where both years were found, as a band, then
    of the members outside the table whose growth the references give (`note` says what it
    measures)."""
    rows = []
    for company in GROWTH_PEERS:
        now, before = (_growth_overseas(data, company, year) for year in ("FY2024", "FY2023"))
        growth = now.band / before.band - 1
        refs = tuple(dict.fromkeys(now.sources + before.sources))
        rows.append(
            {
                "company": company,
                "growth": growth.mid,
                "low": growth.low,
                "high": growth.high,
                "sources": refs,
                "decides": deciding(data, *refs),
                "note": "",
            }
        )
    for company, (ref, what) in GROWTH_OUTSIDE_TABLE.items():
        band = reference_band(data, ref)
        rows.append(
            {
                "company": company,
                "growth": band.mid,
                "low": band.low,
                "high": band.high,
                "sources": (ref,),
                "decides": deciding(data, ref),
                "note": what,
            }
        )
    return pd.DataFrame(rows)


GROWTH_NOT_FOUND = {
    "Lenovo": ("lenovo_rev_growth_fy2425", "overseas total not found; group revenue"),
    "Huawei": ("huawei_rev_growth_2024", "overseas revenue not found; group revenue"),
    "Xiaomi": ("xiaomi_rev_growth_2024", "overseas revenue not found; group revenue"),
}
"""The table's companies whose overseas growth was not found, with the group growth shown."""


def growth_by_company(data: BookData, peers: pd.DataFrame) -> pd.DataFrame:
    """Every company of the table in printed order: its FY2024 overseas growth where both years
    were found (ByteDance's as reported), else empty, with what the figure rests on; `shown` is
    the growth as the table prints it."""
    by_company = peers.set_index("company")
    rows = []
    for company in data.ranking["company_en"]:
        if company == "ByteDance":
            band = reference_band(data, "bd_intl_growth_2024")
            growth_row = data.references.loc["bd_intl_growth_2024"]
            basis = f"{growth_row['origin']} ({growth_row['reliability']})"
            rows.append(
                {
                    "company": company,
                    "growth": band.mid,
                    "low": band.low,
                    "high": band.high,
                    "shown": percent(band.mid),
                    "basis": basis,
                }
            )
        elif company in by_company.index:
            peer = by_company.loc[company]
            tags = {data.references.at[r, "reliability"] for r in peer["sources"]}
            basis = (
                "two years' amounts, as found or derived ("
                + "/".join(t for t in RELIABILITY if t in tags)
                + ")"
                + (
                    "; one rests on a figure read at second hand, so the growth counts as weak "
                    "(W) and does not decide"
                    if not deciding(data, *peer["sources"]) and "W" not in tags
                    else ""
                )
                + (f"; {note}" if (note := same_basis_note(data, company)) else "")
            )
            rows.append(
                {
                    "company": company,
                    "growth": peer["growth"],
                    "low": peer["low"],
                    "high": peer["high"],
                    "shown": growth_words(peer["low"], peer["high"]),
                    "basis": basis,
                }
            )
        elif company == "Lenovo":
            abroad = lenovo_regions_abroad(data).values()
            regions = Interval(min(abroad), max(abroad))
            band = lenovo_abroad_band(data)
            ref, _ = GROWTH_NOT_FOUND[company]
            tags = "/".join(
                dict.fromkeys(
                    data.references.at[r, "reliability"] for r in LENOVO_REGIONS_ABROAD.values()
                )
            )
            rows.append(
                {
                    "company": company,
                    "growth": float("nan"),
                    "low": band.low,
                    "high": band.high,
                    "shown": f"within {growth_words(band.low, band.high)}",
                    "basis": "overseas total not found; each region outside China grew "
                    f"{span(regions, partial(format_percent, digits=0))} ({tags}), so the "
                    "total abroad lies within their range at the sources' precision; group "
                    "revenue grew "
                    f"{percent(data.reference(ref))} ({data.references.at[ref, 'reliability']})",
                }
            )
        else:
            ref, what = GROWTH_NOT_FOUND[company]
            rows.append(
                {
                    "company": company,
                    "growth": float("nan"),
                    "low": float("nan"),
                    "high": float("nan"),
                    "shown": GROWTH_NOT_FOUND_WORDS,
                    "basis": f"{what} grew {percent(data.reference(ref))} "
                    f"({data.references.at[ref, 'reliability']})",
                }
            )
    for company, (ref, what) in GROWTH_OUTSIDE_TABLE.items():
        peer = by_company.loc[company]
        row = data.references.loc[ref]
        rows.append(
            {
                "company": f"{company} (outside the table)",
                "growth": peer["growth"],
                "low": peer["low"],
                "high": peer["high"],
                "shown": percent(peer["growth"]),
                "basis": f"{what}, {row['origin']} ({row['reliability']})",
            }
        )
    return pd.DataFrame(rows)


def growth_runner_up(
    data: BookData, peers: pd.DataFrame | None = None
) -> tuple[pd.Series, Interval]:
    """The fastest-growing club member abroad whose growth may decide (a row of
    `overseas_growth`), and ByteDance's reported growth over its growth, as a band."""
    peers = overseas_growth(data) if peers is None else peers
    deciding_peers = peers[peers["decides"]]
    runner = deciding_peers.loc[deciding_peers["growth"].idxmax()]
    bytedance = reference_band(data, "bd_intl_growth_2024")
    return runner, bytedance / Interval(runner["low"], runner["high"])


def growth_findings(data: BookData) -> Findings:
    """ByteDance's 63%, 'first by a mile' and 'more than twice the runner-up'."""
    found = Findings()
    growth = data.reference("bd_intl_growth_2024")
    reported = f"{format_percent(growth, 0)} per {data.cite('bd_intl_growth_2024')}."
    for claim_id, evidence in (
        ("s4_growth", reported),
        (
            "t_bytedance_growth",
            "The table repeats the growth of the row of "
            f"「{data.claims.at['s4_growth', 'quote_zh']}」, judged the same way: {reported}",
        ),
    ):
        found.add(
            judge(
                data.claim(claim_id),
                reference_band(data, "bd_intl_growth_2024"),
                Basis.SOURCE,
                evidence,
                ("bd_intl_growth_2024",),
            )
        )
    peers = overseas_growth(data)
    found.tables["growth"] = growth_by_company(data, peers)
    runner, ratio = growth_runner_up(data, peers)
    found.number("growth_bytedance", growth, format_percent, 0)
    found.number("growth_runner_up", runner["growth"], format_percent)
    point = found.number("growth_ratio", growth / runner["growth"], "{:.2f}")
    found.add(
        working(
            "d_growth_ratio_point",
            "4",
            "ByteDance's overseas growth as a multiple of the runner-up's, as a point",
            point,
            "multiple",
            f"{format_percent(growth, 0)} ÷ {runner['company']}'s "
            f"{format_percent(runner['growth'])} = {point:.2f} times, the figures as written; "
            "the band their precision allows is in a row of its own, and the claim's row is "
            "judged on it.",
            tuple(runner["sources"]) + ("bd_intl_growth_2024",),
        ),
        decided_by(
            working(
                "d_growth_ratio",
                "4",
                "ByteDance's overseas growth as a multiple of the runner-up's",
                ratio.mid,
                "multiple",
                f"{format_percent(growth, 0)} ({data.cite('bd_intl_growth_2024')}) ÷ "
                f"{runner['company']}'s {format_percent(runner['growth'])} = "
                f"{span(ratio, times)} at the sources' precision; the claim it tests is "
                "两倍以上 (at least twice the runner-up's growth), whose own row is judged on "
                "this band.",
                tuple(runner["sources"]) + ("bd_intl_growth_2024",),
            ),
            ratio,
        ),
    )
    notes = {company: same_basis_note(data, company) for company in peers["company"]}
    listing = "; ".join(
        f"{r.company} "
        + (percent(r.growth) if r.note else growth_words(r.low, r.high))
        + (f" ({r.note}, {data.cite(*r.sources)})" if r.note else "")
        + _in_brackets(
            [] if r.decides else [f"rests on {why_not_deciding(data, *r.sources)}"],
            notes[r.company],
        )
        for r in peers.itertuples()
    )
    found.number("lenovo_china_fall_needed", lenovo_china_fall_needed(data), format_percent, 1)
    for year in ("2023", "2024"):
        found.number(f"huawei_growth_{year}", data.reference(f"huawei_rev_growth_{year}"), percent)
    found.number(
        "lenovo_china_fall_w",
        data.reference(LENOVO_CHINA_BEFORE),
        lambda v: format_percent(-v, 0),
    )
    found.number(
        "lenovo_china_fall_at_printed_share",
        lenovo_china_fall_needed(data, lenovo_china_share_at_most(data)),
        format_percent,
        1,
    )
    found.add(*lenovo_china_fall_entries(data), lenovo_abroad_band_entry(data))
    abroad = lenovo_regions_abroad(data).values()
    found.number(
        "lenovo_regions_growth",
        max(abroad),
        lambda _: span(Interval(min(abroad), max(abroad)), partial(format_percent, digits=0)),
    )
    not_found = (
        "Lenovo's overseas total was not found, but each of its regions outside China grew "
        f"{span(Interval(min(abroad), max(abroad)), partial(format_percent, digits=0))} in "
        "FY2024/25 "
        f"({data.cite(*LENOVO_REGIONS_ABROAD.values())}), so its overseas growth lies in that "
        "range, below "
        "ByteDance's; Huawei's overseas revenue was found for 2023 only as a weak (W) derived "
        "figure and "
        "not for 2024, and Xiaomi's was not found for either year "
        f"(their group revenue grew {percent(data.reference('huawei_rev_growth_2024'))} "
        f"and {percent(data.reference('xiaomi_rev_growth_2024'))})"
    )
    all_refs = tuple(ref for refs in peers["sources"] for ref in refs)
    for r in peers[peers["company"].isin(GROWTH_PEERS)].itertuples():
        found.add(
            _as_band(
                working(
                    f"d_overseas_growth_{company_key(r.company)}",
                    "4",
                    f"{r.company}: overseas revenue growth, FY2024 on FY2023",
                    r.growth,
                    "ratio",
                    f"FY2024 over FY2023 overseas revenue, less 1: {growth_words(r.low, r.high)} "
                    "at the sources' precision ("
                    + "; ".join(data.cite(ref) for ref in dict.fromkeys(r.sources))
                    + ")."
                    + same_basis_words(data, r.company)
                    + (
                        ""
                        if r.decides
                        else f" Rests on {why_not_deciding(data, *r.sources)}: shown, never "
                        "deciding."
                    ),
                    tuple(dict.fromkeys(r.sources)),
                ),
                Interval(r.low, r.high),
            )
        )
    double = data.claim("s4_growth_double")
    lead_high, lead_low, lead = points_between(growth, runner["growth"], decimals=1)
    second = data.ranking.set_index("printed_order").loc[2, "company_en"]
    second_growth = SECOND_PLACE_GROWTH[second]
    judged_double = judge_findings(
        double,
        [
            finding(
                double,
                ratio,
                Basis.SOURCE,
                "Read as a Chinese reader reads 两倍以上: ByteDance's growth is at least "
                "twice (two times or more) the runner-up's in the 千亿 club. 第二名 is read "
                "as the runner-up in growth: the sentence compares 增速, and it echoes the "
                "conclusion before the table that ByteDance is 断层第一 in growth (first by a "
                "mile). Overseas growth "
                f"in FY2024 where both years were found: {listing}. "
                f"{runner['company']}'s {format_percent(runner['growth'])} is more than half "
                f"of ByteDance's {format_percent(growth, 0)}, so ByteDance's growth is less "
                f"than twice it: the ratio is {span(ratio, times)}. On this reading a faster "
                "runner-up would only lower it. A reader may instead take 第二名 as the "
                f"table's second row, {second} (second in the printed order); "
                f"{OTHER_READING_UNSETTLED}, since {second}'s overseas growth was not found (its "
                "group revenue "
                f"grew {format_percent(data.reference(second_growth))}, "
                f"{data.cite(second_growth)}, which does not give its growth abroad).",
                all_refs + ("bd_intl_growth_2024", second_growth),
            )
        ],
        ratio.mid,
    )
    found.add(
        decided_by(judged_double, ratio),
        stated_entry(
            data.claim("s4_growth_first"),
            None,
            Verdict.UNVERIFIABLE,
            f"Overseas growth in FY2024 where both years were found: {listing}; ByteDance's "
            f"{lead_high} is first among them, {lead} percentage points over "
            f"{runner['company']}'s {lead_low}. {not_found}: the whole club cannot be ranked.",
            all_refs
            + ("huawei_rev_growth_2024", "xiaomi_rev_growth_2024")
            + tuple(LENOVO_REGIONS_ABROAD.values()),
        ),
        working(
            "d_growth_lead",
            "4",
            f"ByteDance's overseas growth less {runner['company']}'s, the fastest other found "
            "(percentage points, as a fraction)",
            growth - runner["growth"],
            "ratio",
            f"{lead_high} ({data.cite('bd_intl_growth_2024')}) − {lead_low} "
            f"({runner['company']}) = {lead} percentage points.",
            all_refs + ("bd_intl_growth_2024",),
        ),
        old_money(data),
        lenovo_fy2122_entry(data),
        decided_by(
            working(
                "d_lenovo_growth_fy2324",
                "4",
                "Lenovo's FY2023/24 revenue growth from its own releases",
                lenovo_fy2324_growth_from_releases(data).mid,
                "ratio",
                lenovo_fy2324_check_sentence(data),
                LENOVO_FY2324_RELEASES,
            ),
            lenovo_fy2324_growth_from_releases(data),
        ),
    )
    return found
