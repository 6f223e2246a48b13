"""The ranking table's two columns of words: its main markets (核心战场) and its remarks (备注).
No regional split of a company's 2024 revenue abroad was found, so each markets cell is
unverifiable, with what was found said where it bears (Huawei's 2023 regions, TikTok's US
revenue, BYD's pace abroad). The ranking chapter (`bytebook.chapters.ranking`) adds these
findings to its own."""

from __future__ import annotations

from bytebook.article import YEAR
from bytebook.checks import unsettled
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.ledger import Finding, LedgerEntry, Verdict, judge_findings, working
from bytebook.numbers import format_percent, format_yuan, money, ordinal


def _derived_2023_words(data: BookData) -> str:
    """How ByteDance's 2023 revenue abroad (derived, W) is derived: the reported 2024 figure
    over its reported growth."""
    return (
        f"2024's {money(data.reference('bd_intl_2024'), 'USD')} over its "
        f"{format_percent(data.reference('bd_intl_growth_2024'), 0)} growth"
    )


MARKETS_AND_REMARKS = {
    "Lenovo": ("t_lenovo_markets", "t_lenovo_remark"),
    "Huawei": ("t_huawei_markets", None),
    "ByteDance": ("t_bytedance_markets", "t_bytedance_remark"),
    "Xiaomi": ("t_xiaomi_markets", "t_xiaomi_remark"),
    "Midea": ("t_midea_markets", "t_midea_remark"),
    "BYD": ("t_byd_markets", "t_byd_remark"),
    "Haier Smart Home": ("t_haier_markets", None),
}
"""The claims of the table's 核心战场 (main markets) cells and of the remarks that are not
figures already judged (Huawei's 仍守住前三 and Haier's 20 years are rows of their own)."""


def markets_and_remarks(data: BookData, ranks: dict[str, int]) -> Findings:
    """The table's main-markets column and its characterising remarks: no figure, and no
    regional split of a company's 2024 revenue abroad was found, so each is unverifiable;
    Huawei's 2023 split (W) and Lenovo's place in the table are said where they bear. `ranks`
    gives each company's place in the table by the article's overseas revenue
    (`rank_ranges.rank_of`)."""
    found = Findings()
    for company, (markets, remark) in MARKETS_AND_REMARKS.items():
        sources = MARKETS_SOURCES.get(company, ())
        found.add(unsettled(data, markets, _markets_reason(data, company), sources=sources))
        if company == "BYD":
            found.add(_byd_remark(data), *_byd_pace(data))
        elif remark is not None:
            found.add(unsettled(data, remark, _remark_reason(ranks, company)))
    us_share = data.reference(TIKTOK_US_2023[0]) / data.reference(TIKTOK_US_2023[1])
    found.add(
        working(
            "d_tiktok_us_share_2023",
            "4",
            "TikTok's US revenue as a share of ByteDance's revenue abroad, 2023",
            us_share,
            "share",
            f"{money(data.reference(TIKTOK_US_2023[0]), 'USD')} "
            f"({data.cite(TIKTOK_US_2023[0])}) ÷ {money(data.reference(TIKTOK_US_2023[1]), 'USD')} "
            f"({_derived_2023_words(data)}, derived, W) = {format_percent(us_share, 0)}.",
            TIKTOK_US_2023,
        )
    )
    emea, _, abroad = (data.reference(ref) for ref in HUAWEI_REGIONS_2023)
    found.add(
        working(
            "d_huawei_emea_share_2023",
            "4",
            "Huawei: Europe, the Middle East and Africa as a share of its FY2023 revenue outside "
            "China",
            emea / abroad,
            "share",
            f"{format_yuan(emea)} ({data.cite('huawei_emea_rev_2023')}) ÷ {format_yuan(abroad)} "
            f"(revenue outside China, derived, W) = {format_percent(emea / abroad, 0)}.",
            (HUAWEI_REGIONS_2023[0], HUAWEI_REGIONS_2023[2]),
        )
    )
    return found


HUAWEI_REGIONS_2023 = (
    "huawei_emea_rev_2023",
    "huawei_apac_rev_2023",
    "huawei_overseas_2023_derived",
)
"""Huawei's FY2023 revenue from EMEA and Asia-Pacific, and outside China (all W)."""


BYD_OVERSEAS = ("byd_overseas_2024", "byd_overseas_2023", "byd_overseas_2022_derived")
"""BYD's overseas revenue in 2024, 2023 and 2022 (the last derived from Xinhua's stated growth
for 2023, `BYD_GROWTH_2023`), which its remark's two readings are set against."""

BYD_GROWTH_2023 = "byd_overseas_growth_2023"
"""Xinhua's stated growth of BYD's overseas revenue in 2023, from which 2022's is derived."""


TIKTOK_US_2023 = ("tiktok_us_rev_2023", "bd_intl_2023_derived")
"""TikTok's US revenue in 2023 and ByteDance's revenue abroad that year (derived, W)."""


MARKETS_SOURCES = {
    "Huawei": HUAWEI_REGIONS_2023,
    "ByteDance": (*TIKTOK_US_2023, "bd_intl_2024"),
}
"""The references each company's main-markets row cites."""


def _markets_reason(data: BookData, company: str) -> str:
    """Why a company's main markets abroad could not be checked, with what was found."""
    if company == "Lenovo":
        return (
            "Names product lines (PCs, servers) sold worldwide rather than markets; what would "
            "settle it is Lenovo's revenue by business line, and this book found no such split "
            "in its sources, nor one ranking its markets abroad by revenue."
        )
    if company == "ByteDance":
        us, abroad = (data.reference(ref) for ref in TIKTOK_US_2023)
        return (
            f"North America (北美): TikTok's US revenue was about {money(us, 'USD')} in 2023 "
            f"({data.cite(TIKTOK_US_2023[0])}), {format_percent(us / abroad, 0)} of ByteDance's "
            f"{money(abroad, 'USD')} abroad that year ({_derived_2023_words(data)}, "
            "derived, W); and the relay of the report behind the "
            f"{money(data.reference('bd_intl_2024'), 'USD')} says of that revenue 'most of which "
            f"is earned from TikTok U.S.' ({data.cite('bd_intl_2024')}). That supports North "
            "America as a lead market: in 2023 by those figures, and in 2024 by the relay's "
            "words. For Southeast Asia (东南亚) "
            "and Latin America (拉美) this book found no revenue figures, so the cell's three "
            "markets could not all be checked and the row stays unverifiable."
        )
    if company == "Huawei":
        emea, apac, abroad = (data.reference(ref) for ref in HUAWEI_REGIONS_2023)
        return (
            f"For FY2023, Europe, the Middle East and Africa gave {format_yuan(emea)} "
            f"({data.cite('huawei_emea_rev_2023')}), {format_percent(emea / abroad, 0)} of "
            f"Huawei's {format_yuan(abroad)} outside China (derived, W), against "
            f"{format_yuan(apac)} from Asia-Pacific: more than all its other regions abroad "
            "together, so the cell fits that year. The 2024 split was not found, and these "
            "figures are from weak (W) sources: they illustrate, they do not decide."
        )
    return (
        f"This book found no regional split of {company}'s {YEAR} revenue abroad that ranks "
        "its markets."
    )


def _remark_reason(ranks: dict[str, int], company: str) -> str:
    """Why a remark of the table could not be checked."""
    if company == "Lenovo":
        return (
            "A characterisation, not a figure. Within the table Lenovo's printed amount ranks "
            f"{ordinal(ranks['Lenovo'])} of {len(ranks)}; whether its hardware scale "
            "crushes its peers is a judgement the book leaves to the reader."
        )
    if company == "ByteDance":
        return "A slogan (algorithms as currency), not a statement a source could settle."
    if company == "Xiaomi":
        return (
            "This book found no split of Xiaomi's revenue abroad by product line, so whether "
            "phones and TVs are its two lines there could not be checked."
        )
    if company == "Midea":
        return "A characterisation (a matrix of appliances), not a figure a source could settle."
    raise ValueError(f"no remark reason for {company}")


def _byd_pace(data: BookData) -> list[LedgerEntry]:
    """The steps behind the 'speeding up' reading of BYD's remark: the yuan its overseas revenue
    added in 2023 and in 2024 (its growth in 2023 is Xinhua's own figure, `BYD_GROWTH_2023`)."""
    y2024, y2023, y2022 = (data.reference(ref) for ref in BYD_OVERSEAS)
    base = f"{format_yuan(y2022, 1)} (derived from {data.cite(BYD_OVERSEAS[1])}'s growth, W)"
    now = f"{format_yuan(y2023)} ({data.cite(BYD_OVERSEAS[1])})"
    latest = f"{format_yuan(y2024)} ({data.cite(BYD_OVERSEAS[0])})"
    return [
        working(
            "d_byd_overseas_added_2023",
            "4",
            f"BYD's overseas revenue added in {YEAR - 1}, in yuan",
            y2023 - y2022,
            "CNY",
            f"{now} − {base} = {format_yuan(y2023 - y2022)}.",
            BYD_OVERSEAS[1:],
        ),
        working(
            "d_byd_overseas_added_2024",
            "4",
            f"BYD's overseas revenue added in {YEAR}, in yuan",
            y2024 - y2023,
            "CNY",
            f"{latest} − {now} = {format_yuan(y2024 - y2023)}.",
            BYD_OVERSEAS[:2],
        ),
    ]


BYD_GROUP = ("byd_rev_2024", "byd_rev_2023", "byd_overseas_share_2023")
"""BYD's group revenue in 2024 and 2023 and its 2023 overseas share, which set the pace abroad
against the whole."""


def _byd_remark(data: BookData) -> LedgerEntry:
    """新能源车加速出海 in its two readings. A Chinese reader reads 加速出海 in a company remark as
    the stock phrase it is, stepping up the push abroad: BYD's overseas revenue grew faster than
    the group and its share abroad rose, the phrase's substance, which revenue shows. Read
    literally, growth speeding up (it slowed) is not the reading a Chinese reader takes. Neither
    decides: the remark names BYD's new-energy vehicles, and the revenue found is BYD's abroad
    as a whole, which its source does not split by business."""
    y2024, y2023, y2022 = (data.reference(ref) for ref in BYD_OVERSEAS)
    group_2024, group_2023, share_2023 = (data.reference(ref) for ref in BYD_GROUP)
    growth_2024, growth_2023 = y2024 / y2023 - 1, data.reference(BYD_GROWTH_2023)
    group_growth, share_2024 = group_2024 / group_2023 - 1, y2024 / group_2024
    cite_2024, cite_2023 = data.cite(BYD_OVERSEAS[0]), data.cite(BYD_OVERSEAS[1])
    stepping_up = group_growth < growth_2024 and share_2023 < share_2024
    growing = Finding(
        Verdict.SUPPORTED if stepping_up else Verdict.CONTRADICTED,
        f"Read as the stock phrase 'stepping up the push abroad': BYD's overseas revenue grew "
        f"{format_percent(growth_2024)} in {YEAR}, from {format_yuan(y2023)} ({cite_2023}) to "
        f"{format_yuan(y2024)} ({cite_2024}), "
        f"{'faster' if group_growth < growth_2024 else 'slower'} than the group's "
        f"{format_percent(group_growth)} ({format_yuan(group_2023)} to {format_yuan(group_2024)}; "
        f"{data.cite(*BYD_GROUP[:2])}), and its share abroad went from "
        f"{format_percent(share_2023)} ({data.cite(BYD_GROUP[2])}) to "
        f"{format_percent(share_2024)}. The phrase's substance is the business abroad growing "
        "faster than the whole and its share rising, which revenue shows. But that revenue is "
        "BYD's from overseas markets as a whole, which its source does not split by business, "
        "where the remark names its new-energy vehicles, and this book found no figure for the "
        "vehicles abroad, their revenue or their sales (which is not to say BYD does not "
        "publish one), so this finding is shown without deciding.",
        decides=False,
        sources=BYD_OVERSEAS[:2] + BYD_GROUP,
    )
    speeding = Finding(
        Verdict.CONTRADICTED,
        f"Read literally as 'growth speeding up': its overseas growth slowed, from "
        f"{format_percent(growth_2023)} in {YEAR - 1} ({cite_2023}, which gives that growth; "
        f"the {YEAR - 2} base, {format_yuan(y2022, 1)}, is derived from it, W) to "
        f"{format_percent(growth_2024)} in {YEAR}, and the yuan it added fell from "
        f"{format_yuan(y2023 - y2022)} to {format_yuan(y2024 - y2023)}. This is not the reading "
        "a Chinese reader takes of 加速出海, which in a company remark means stepping up the "
        "push abroad (see above), so it is shown without deciding.",
        decides=False,
        sources=(*BYD_OVERSEAS, BYD_GROWTH_2023),
    )
    return judge_findings(
        data.claim("t_byd_remark"),
        [growing, speeding],
        None,
        "加速出海 in a company remark is a stock phrase of the business press: "
        "a Chinese reader reads it as BYD stepping up its push abroad, not as a statement about "
        "the pace of its revenue growth. The remark says it of BYD's new-energy vehicles, and "
        "the figures found are its revenue abroad as a whole, so neither reading decides.",
    )
