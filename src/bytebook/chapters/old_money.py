"""Lenovo and Huawei, the two companies the article calls 老钱派 ('old money'), and its remark
that their growth has levelled off (增速已趋于平缓): Lenovo's FY2024/25 growth abroad from its
regions', how far China's revenue would have had to fall in FY2023/24 for growth abroad not to
have picked up, its FY2023/24 growth from its own releases, its revenue over three fiscal
years, and the two groups' growth. The ranking chapter's growth findings (`growth.growth_findings`)
are made from them."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from bytebook.article import YEAR
from bytebook.checks import claim_band, reference_band
from bytebook.data import BookData
from bytebook.ledger import LedgerEntry, Verdict, decided_by, stated_entry, working
from bytebook.numbers import format_percent, in_a_list, money, percent
from bytebook.policy import Interval, span

LENOVO_REGIONS_ABROAD = {
    "the Americas": "lenovo_americas_growth_fy2425",
    "EMEA": "lenovo_emea_growth_fy2425",
    "Asia-Pacific": "lenovo_ap_growth_fy2425",
}
"""The references giving Lenovo's FY2024/25 revenue growth in each region outside China."""

LENOVO_REGIONS_ABROAD_BEFORE = {
    "the Americas": "lenovo_americas_growth_fy2324",
    "EMEA": "lenovo_emea_growth_fy2324",
    "Asia-Pacific": "lenovo_ap_growth_fy2324",
}
"""The references giving the same regions' FY2023/24 growth: a weak repost (W), context only."""

LENOVO_CHINA = "lenovo_china_growth_fy2425"
"""Lenovo's FY2024/25 revenue growth in China, from the same release as the regions abroad."""


def lenovo_regions_abroad(data: BookData) -> dict[str, float]:
    """Lenovo's FY2024/25 revenue growth in each region outside China, by reference id."""
    return {region: data.reference(ref) for region, ref in LENOVO_REGIONS_ABROAD.items()}


def lenovo_abroad_band(data: BookData) -> Interval:
    """The band Lenovo's FY2024/25 growth abroad lies in: from the slowest region's rate to the
    fastest's, each at its source's precision (16% is 15.5% to 16.5%)."""
    bands = lenovo_region_bands(data).values()
    return Interval(min(b.low for b in bands), max(b.high for b in bands))


def lenovo_region_bands(data: BookData) -> dict[str, Interval]:
    """Each region abroad's FY2024/25 growth at its source's precision, by region."""
    return {region: reference_band(data, ref) for region, ref in LENOVO_REGIONS_ABROAD.items()}


def lenovo_abroad_band_entry(data: BookData) -> LedgerEntry:
    """The derived row of `lenovo_abroad_band`, which the growth table prints."""
    regions = lenovo_region_bands(data)
    band = lenovo_abroad_band(data)
    slowest = min(regions, key=lambda region: regions[region].low)
    fastest = max(regions, key=lambda region: regions[region].high)
    rates = [
        f"{region} {percent(data.reference(ref))}" for region, ref in LENOVO_REGIONS_ABROAD.items()
    ]
    entry = working(
        "d_lenovo_growth_abroad_band",
        "4",
        "The band Lenovo's FY2024/25 revenue growth abroad lies in, from its regions' growth",
        band.mid,
        "ratio",
        f"Lenovo's regions outside China grew: {in_a_list(rates)} "
        f"({data.cite(*dict.fromkeys(LENOVO_REGIONS_ABROAD.values()))}). Growth abroad lies "
        "between the slowest region's and the fastest's, each read at its source's precision: "
        f"from {slowest}'s {format_percent(band.low, 1)} to {fastest}'s "
        f"{format_percent(band.high, 1)}.",
        tuple(LENOVO_REGIONS_ABROAD.values()),
    )
    return replace(entry, deciding=band)


LENOVO_CHINA_BEFORE = "lenovo_china_growth_fy2324"
"""Lenovo's Greater China revenue growth in FY2023/24, from a weak repost (W)."""

CHINA_SHARE_AT_MOST = 0.5
"""The largest share of Lenovo's group revenue that China is taken to have had in FY2022/23,
for `lenovo_china_fall_needed`: half, a bound generous to the remark."""


def lenovo_china_fall_needed(data: BookData, china_share: float = CHINA_SHARE_AT_MOST) -> float:
    """How far China's revenue would have had to fall in FY2023/24 for Lenovo's revenue abroad
    to have grown that year as fast as its slowest region abroad did in FY2024/25, with China
    at most `china_share` of the group: group growth g = s·china + (1 − s)·abroad, so
    china = (g − (1 − s)·abroad) ÷ s; taken at the rates' printed ends that ask least of China
    (the group's highest −8%, the region's lowest 16%). Returned as a positive fall."""
    group = reference_band(data, "lenovo_rev_growth_fy2324")
    slowest = min(LENOVO_REGIONS_ABROAD.values(), key=data.reference)
    region = reference_band(data, slowest)
    return -(group.high - (1 - china_share) * region.low) / china_share


def lenovo_china_share_at_most(data: BookData) -> float:
    """The largest share of Lenovo's revenue the table's printed share abroad leaves China:
    one minus the bottom of 70% read at its printed precision (69.5%), so 30.5%."""
    return 1 - claim_band(data, "t_lenovo_share").low


def lenovo_china_fall_entries(data: BookData) -> list[LedgerEntry]:
    """The derived rows of `lenovo_china_fall_needed`: with China at most half of the group
    (`CHINA_SHARE_AT_MOST`), and at most what the table's printed share abroad leaves it."""
    printed = percent(data.stated("t_lenovo_share"))
    return [
        _lenovo_china_fall_entry(data, "d_lenovo_china_fall_needed", CHINA_SHARE_AT_MOST, ""),
        _lenovo_china_fall_entry(
            data,
            "d_lenovo_china_fall_at_printed_share",
            lenovo_china_share_at_most(data),
            f", at the table's {printed} abroad",
        ),
    ]


def _lenovo_china_fall_entry(
    data: BookData, entry_id: str, share: float, share_words: str
) -> LedgerEntry:
    slowest = min(LENOVO_REGIONS_ABROAD.values(), key=data.reference)
    group = reference_band(data, "lenovo_rev_growth_fy2324")
    region = reference_band(data, slowest)
    fall = lenovo_china_fall_needed(data, share)
    return working(
        entry_id,
        "4",
        "How far China's revenue had to fall in FY2023/24 for Lenovo's growth abroad to match "
        f"its slowest region's FY2024/25 rate{share_words}",
        fall,
        "ratio",
        f"Group growth = China's share × China's growth + the rest × growth abroad, so "
        f"China's growth = (group − (1 − share) × abroad) ÷ share. With the group's "
        f"{format_percent(group.high, 1)} (the top of {percent(group.mid)}, "
        f"{data.cite('lenovo_rev_growth_fy2324')}), abroad at {format_percent(region.low, 1)} "
        f"(the bottom of {percent(region.mid)}, {data.cite(slowest)}) and China at most "
        f"{percent(share)} of the group: ({format_percent(group.high, 1)} − "
        f"{percent(1 - share)} × {format_percent(region.low, 1)}) ÷ "
        f"{percent(share)} = −{format_percent(fall, 1)}: a fall of "
        f"{format_percent(fall, 1)} or more (a smaller share for China asks a larger fall).",
        ("lenovo_rev_growth_fy2324", slowest),
    )


def lenovo_unlike_years_sentence(data: BookData) -> str:
    """Why the regions' FY2024/25 growth may be set against the group's FY2023/24 rate: what
    China would have had to do for growth abroad not to have picked up."""
    slowest = min(lenovo_regions_abroad(data).values())
    printed, china = percent(data.stated("t_lenovo_share")), lenovo_china_share_at_most(data)
    return (
        "The regions' FY2024/25 rates are set against the group's FY2023/24 rate because "
        "Lenovo's revenue abroad for FY2023/24 was not found; with the group down "
        f"{format_percent(-data.reference('lenovo_rev_growth_fy2324'), 0)}, revenue abroad "
        "could have grown in FY2023/24 as fast as the slowest region abroad did in FY2024/25 "
        f"({format_percent(slowest, 0)}) only if China's revenue fell by "
        f"{format_percent(lenovo_china_fall_needed(data), 1)} or more that year (at the "
        "rates' printed precision, taking China to be at most half of the group's revenue: an "
        "assumption of this book, not a sourced figure, chosen to be generous to the remark, "
        "since the references give China's share only in figures from weak (W) sources, all well "
        f"below half); were the table's {printed} abroad (printed for {YEAR}) Lenovo's share in "
        f"FY2022/23 too, China, at most {percent(china)} of the group, would have had to fall "
        f"by {format_percent(lenovo_china_fall_needed(data, china), 1)} or more; "
        "the weak repost gives China's fall as "
        f"{format_percent(-data.reference(LENOVO_CHINA_BEFORE), 0)} "
        f"({data.cite(LENOVO_CHINA_BEFORE)})."
    )


LENOVO_FY2324_RELEASES = ("lenovo_rev_fy2425", "lenovo_rev_growth_fy2425", "lenovo_rev_fy2223")
"""Lenovo's releases (P) that give its FY2023/24 growth without the machine-written −8%."""


def lenovo_fy2324_growth_from_releases(data: BookData) -> Interval:
    """Lenovo's FY2023/24 revenue growth from its own releases alone, at their printed digits:
    FY2024/25's revenue ÷ (1 + its growth), against FY2022/23's revenue, minus one."""
    latest = reference_band(data, "lenovo_rev_fy2425")
    grown = reference_band(data, "lenovo_rev_growth_fy2425") + 1.0
    return latest / grown / reference_band(data, "lenovo_rev_fy2223") - 1.0


def lenovo_fy2324_check_sentence(data: BookData) -> str:
    """What Lenovo's releases (P) give for FY2023/24's growth, beside the machine-written −8%
    the book cites for it."""
    latest = reference_band(data, "lenovo_rev_fy2425")
    grown = reference_band(data, "lenovo_rev_growth_fy2425") + 1.0
    usd = partial(money, currency="USD")
    change = lenovo_fy2324_growth_from_releases(data)
    holds = change.contains(data.reference("lenovo_rev_growth_fy2324"))
    return (
        f"The {format_percent(-data.reference('lenovo_rev_growth_fy2324'), 0)} fall of "
        "FY2023/24 is from machine-written news (TipRanks); Lenovo's own releases (P) "
        + ("bear it out: " if holds else "do not bear it out: ")
        + f"FY2024/25's {usd(data.reference('lenovo_rev_fy2425'))} ÷ "
        f"{data.reference('lenovo_rev_growth_fy2425') + 1:.2f} is "
        f"{span(latest / grown, usd)} for FY2023/24, against FY2022/23's "
        f"{span(reference_band(data, 'lenovo_rev_fy2223'), usd)}: a change of "
        f"{span(change, partial(format_percent, digits=1))}."
    )


def _change(rate: float) -> str:
    """A growth rate as a verb: 'grew 21%', 'fell 8%'."""
    return f"{'fell' if rate < 0 else 'grew'} {format_percent(abs(rate), 0)}"


GROUP_GROWTH = {
    "Lenovo": ("lenovo_rev_growth_fy2324", "lenovo_rev_growth_fy2425"),
    "Huawei": ("huawei_rev_growth_2023", "huawei_rev_growth_2024"),
}
"""The group revenue growth of the two companies 趋于平缓 speaks of, the year before the latest
found and the latest."""


def group_growth_picked_up(data: BookData) -> list[str]:
    """Of Lenovo and Huawei, those whose group growth picked up: higher in the latest year
    found than the year before."""
    return [
        company
        for company, (before, latest) in GROUP_GROWTH.items()
        if data.reference(latest) > data.reference(before)
    ]


def old_money(data: BookData) -> LedgerEntry:
    """'联想、华为 … 增速已趋于平缓': their growth has levelled off, read as growth abroad, as this
    section reads 增速 (断层第一, 两倍以上). Huawei's growth abroad was not found; Lenovo's regions
    abroad were found for FY2024/25 only, and setting them against the group's FY2023/24 rate
    rests on this book's ceiling for China's share, which does not decide: the remark stays
    unverifiable. The group's growth, which picked up for both, is shown and does not decide,
    as it does not for Huawei in the other growth claims. The regions' own FY2023/24 growth
    was found only in a weak repost (W): context that never decides."""
    huawei = [data.reference(r) for r in GROUP_GROWTH["Huawei"]]
    years = ("lenovo_rev_growth_fy2223", "lenovo_rev_growth_fy2324", "lenovo_rev_growth_fy2425")
    lenovo = [data.reference(r) for r in years]
    abroad = lenovo_regions_abroad(data)
    regions = {**abroad, "China": data.reference(LENOVO_CHINA)}
    region_refs = (*LENOVO_REGIONS_ABROAD.values(), LENOVO_CHINA)
    picked_up = group_growth_picked_up(data)
    abroad_up = min(abroad.values()) > lenovo[1]
    before_refs = tuple(LENOVO_REGIONS_ABROAD_BEFORE.values())
    before = {region: data.reference(ref) for region, ref in LENOVO_REGIONS_ABROAD_BEFORE.items()}
    each_rose = all(abroad[region] > rate for region, rate in before.items())
    context = (
        "By region, FY2023/24 growth was found only in a weak repost (W): "
        + ", ".join(f"{name} {format_percent(rate, 0)}" for name, rate in before.items())
        + f" ({data.cite(*before_refs)}). Set beside it, "
        + (
            "each region abroad grew faster in FY2024/25 than in FY2023/24"
            if each_rose
            else "not every region abroad grew faster in FY2024/25 than in FY2023/24"
        )
        + "; as a weak (W) source this is context, and does not decide."
    )
    by_region = ", ".join(f"{name} {format_percent(rate, 0)}" for name, rate in regions.items())
    before, latest = lenovo_three_years(data)
    usd = partial(money, currency="USD")
    three_years = (
        f"Over three years the picture differs: FY2021/22's revenue, FY2022/23's "
        f"{usd(data.reference(LENOVO_THREE_YEARS[0]))} "
        f"({data.cite(LENOVO_THREE_YEARS[0])}) ÷ (1 − {format_percent(-lenovo[0], 0)}), was "
        f"{span(before, usd)}, and FY2024/25's "
        f"{usd(latest.mid)} ({data.cite(LENOVO_THREE_YEARS[1])}) is "
        + (
            "still below it: Lenovo's revenue has not grown over the three years, one way to "
            "read 趋于平缓 beside ByteDance's "
            f"{format_percent(data.stated('t_bytedance_growth'), 0)}. "
            "The trend word 趋于 points at the latest "
            "years, where growth picked up, so this reading is shown but does not decide."
            if latest.high < before.low
            else "not below it, so the three-year reading does not support the remark either."
        )
    )
    slowest, fastest = min(abroad.values()), max(abroad.values())
    group = (
        f"Read as the group's growth, that of {' and '.join(picked_up)} picked up"
        if picked_up
        else "Read as the group's growth, neither company's picked up"
    )
    abroad_text = (
        "Abroad, every region of Lenovo's grew "
        f"{span(Interval(slowest, fastest), partial(format_percent, digits=0))} in FY2024/25, "
        + ("each above" if abroad_up else "not each above")
        + " the group's FY2023/24 rate; setting the two against each other rests also on this "
        "book's assumption, set out below, that China was at most half of the group's revenue, "
        "since Lenovo's revenue abroad for FY2023/24 was not found, and an assumption of this "
        "book does not decide."
    )
    return stated_entry(
        data.claim("s4_old_money_flat"),
        None,
        Verdict.UNVERIFIABLE,
        "Read as: their growth abroad has flattened out (趋于平缓), as this section reads 增速 "
        "(断层第一, 两倍以上: growth abroad); the article gives neither company's growth. "
        "Lenovo's revenue "
        f"{_change(lenovo[0])} in FY2022/23 and {_change(lenovo[1])} in FY2023/24, then "
        f"{_change(lenovo[2])} in FY2024/25 "
        f"({data.cite(*years)}). {lenovo_fy2324_check_sentence(data)} In FY2024/25 by region: "
        f"{by_region} ({data.cite(*region_refs)}). Huawei's growth abroad was not found; its "
        f"group revenue grew {percent(huawei[0])} in 2023 and {percent(huawei[1])} in 2024 "
        f"({data.cite('huawei_rev_growth_2023', 'huawei_rev_growth_2024')}). {group}, which "
        "would contradict the remark, but the group's growth is not growth abroad (as for "
        f"Huawei in the other growth claims), so it does not decide. {abroad_text} "
        f"{lenovo_unlike_years_sentence(data)} {context} {three_years} Nothing found at first "
        "hand in a P or S source settles the remark on the reading taken, though the figures "
        "found for the latest year point against it.",
        (
            *years,
            *region_refs,
            *before_refs,
            LENOVO_CHINA_BEFORE,
            *LENOVO_THREE_YEARS,
            "huawei_rev_growth_2023",
            "huawei_rev_growth_2024",
        ),
    )


LENOVO_THREE_YEARS = ("lenovo_rev_fy2223", "lenovo_rev_fy2425")
"""Lenovo's FY2022/23 and FY2024/25 group revenue in USD, each as its release prints it; with
FY2022/23's growth they set FY2024/25 against FY2021/22."""

LENOVO_FY2223_EXACT = "lenovo_rev_fy2223_summary"
"""Lenovo's FY2022/23 revenue to the million, read only in an aggregator's summary (W)."""

LENOVO_GROWTH_FY2223 = "lenovo_rev_growth_fy2223"
"""Lenovo's FY2022/23 revenue growth, relayed by Reuters (S)."""

_NOTED_FY2122 = re.compile(r"FY2021/22 revenue was USD ([\d.]+) bn")


def lenovo_three_years(data: BookData) -> tuple[Interval, Interval]:
    """Lenovo's FY2021/22 revenue, derived as FY2022/23's over (1 + its growth), and its
    FY2024/25 revenue, each as the band its printed digits allow."""
    fy2223, fy2425 = (reference_band(data, ref) for ref in LENOVO_THREE_YEARS)
    growth = reference_band(data, LENOVO_GROWTH_FY2223)
    return fy2223 / (growth + 1), fy2425


def lenovo_fy2122_from_exact(data: BookData) -> Interval:
    """FY2021/22's revenue from the summary's exact FY2022/23 figure (W) and the same growth."""
    growth = reference_band(data, LENOVO_GROWTH_FY2223)
    return reference_band(data, LENOVO_FY2223_EXACT) / (growth + 1)


def noted_fy2122(data: BookData) -> float | None:
    """The FY2021/22 revenue (USD) that the reference list's note on the growth row gives, if
    any: not the relay's text, and naming no source."""
    match = _NOTED_FY2122.search(str(data.references.at[LENOVO_GROWTH_FY2223, "note"]))
    return float(match.group(1)) * 1e9 if match else None


def lenovo_fy2122_entry(data: BookData) -> LedgerEntry:
    """The derived row of Lenovo's FY2021/22 revenue (`lenovo_three_years`), with the
    summary's exact figure and the reference list's note set beside it, neither deciding."""
    before, latest = lenovo_three_years(data)
    exact = lenovo_fy2122_from_exact(data)
    noted = noted_fy2122(data)
    usd = partial(money, currency="USD")
    fy2223 = data.reference(LENOVO_THREE_YEARS[0])
    growth = format_percent(-data.reference(LENOVO_GROWTH_FY2223), 0)
    exact_words = (
        "inside the release's band"
        if before.low <= exact.low and exact.high <= before.high
        else "not inside the release's band"
    )
    note_words = (
        ""
        if noted is None
        else " A note in this book's reference list beside the growth figure (not the relay's "
        f"text, and naming no source) gives FY2021/22's revenue as {money(noted, 'USD', 5)}, "
        + ("inside the band." if before.low <= noted <= before.high else "outside the band.")
    )
    entry = working(
        "d_lenovo_rev_fy2122",
        "4",
        "Lenovo's group revenue in FY2021/22, from FY2022/23's and its growth",
        before.mid,
        "USD",
        f"{usd(fy2223)} ({data.cite(LENOVO_THREE_YEARS[0])}; printed to the billion, so "
        f"{span(reference_band(data, LENOVO_THREE_YEARS[0]), usd)}) ÷ (1 − {growth}) "
        f"({data.cite(LENOVO_GROWTH_FY2223)}) = {span(before, usd)} at the sources' "
        f"precision, above FY2024/25's {usd(latest.mid)} ({data.cite(LENOVO_THREE_YEARS[1])}). "
        "An aggregator's summary of the filing gives FY2022/23's revenue as "
        f"{money(data.reference(LENOVO_FY2223_EXACT), 'USD', 5)} "
        f"({data.cite(LENOVO_FY2223_EXACT)}); "
        f"÷ (1 − {growth}) that is {span(exact, usd)}, {exact_words}, shown only: a figure "
        f"from a weak (W) source does not decide.{note_words}",
        (*LENOVO_THREE_YEARS, LENOVO_GROWTH_FY2223, LENOVO_FY2223_EXACT),
    )
    return decided_by(entry, before)
