"""Each cell of the article's table judged against the figures found: its amount and share
for the year the table names, with the other readings of that year, the context figures that
never decide (Midea's quoted pair, a summary of Haier's Hong Kong results, Xiaomi's quarters),
and the rows for what could not be checked. A part of the ranking chapter
(`bytebook.chapters.ranking`)."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import pandas as pd

from bytebook import derived_bands, filed_years
from bytebook.chapters import overseas
from bytebook.chapters.year_readings import (
    OtherYear,
    claimed_figures,
    implied_total_check,
    other_year,
    other_year_total,
    pair_open_reading,
    pair_tens_reading,
)
from bytebook.checks import (
    against_first_printing,
    also_quoting,
    claim_band,
    deciding,
    later_sources_note,
    reference_band,
    why_not_deciding,
)
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.ledger import (
    Basis,
    Finding,
    LedgerEntry,
    Verdict,
    decided_by,
    finding,
    judge,
    judge_findings,
    stated_entry,
)
from bytebook.numbers import (
    by_unit,
    format_billion,
    format_percent,
    format_yuan,
    money,
    percent,
    significant,
)
from bytebook.policy import (
    MARGIN_TEXT,
    SUBSTANCE_MARGIN,
    Grade,
    Interval,
    grade,
    grade_of_gap,
    relative_gap,
    span,
    worked_gap,
)


def cells_wrong_words(other: OtherYear | None, claimed_year: str) -> str:
    """What a pair that cannot hold says of its two cells: that one of them is wrong, for the
    year read (`claimed_year`) where the finding rests on which year is read."""
    rests = other is not None and other.rests
    return (
        f"For {claimed_year}, at least one" if rests else "At least one"
    ) + " of the two cells is wrong; which one, the references cannot say."


def check_remaining(data: BookData, years: pd.DataFrame) -> Findings:
    """Verdicts for every amount and share cell of the table, each with its period finding,
    and for the section's lead, which prints ByteDance's amount again."""
    found = Findings()
    matched = years.set_index("company")
    for _, row in data.ranking.iterrows():
        year = matched.loc[row["company_en"]]
        if row["company_en"] != "ByteDance":
            found.add(_judge_cell(data, row, "overseas", row["revenue_claim"], year))
        found.add(_judge_cell(data, row, "share", row["share_claim"], year))
    found.add(
        judge(
            data.claim("t_bytedance_overseas"),
            reference_band(data, "bd_intl_2024"),
            Basis.SOURCE,
            f"USD {format_billion(data.reference('bd_intl_2024'), 0)} per "
            f"{data.cite('bd_intl_2024')}; a press report on a private company, not audited.",
            ("bd_intl_2024",),
        ),
        against_first_printing(data, "s4_lead_revenue", "bd_intl_2024"),
        unverifiable_years(data),
        *_characterisations(data),
    )
    return found


def _characterisations(data: BookData) -> list[LedgerEntry]:
    """'重资产出海' and '品牌先行': characterisations with no figure to test."""
    remarks = data.ranking.set_index("company_en")["remark_zh"]
    heavy = ("Xiaomi", "Midea", "BYD")
    return [
        stated_entry(
            data.claim("s4_heavy_assets"),
            None,
            Verdict.UNVERIFIABLE,
            "A characterisation, not a figure. The three make and sell hardware abroad, as the "
            "table's own remarks say ("
            + "; ".join(f"{company}: {remarks[company]}" for company in heavy)
            + "), but this book found no measure of asset intensity or of hardware margins "
            "to weigh 重资产 or 靠硬件毛利换市场 against.",
        ),
        stated_entry(
            data.claim("s4_brand_first"),
            None,
            Verdict.UNVERIFIABLE,
            "A characterisation, not a figure. The table's own remark for Haier, "
            f"{remarks['Haier Smart Home']}, fits it; but this book found no source dating the "
            "start of Haier's own-brand push abroad (see the row on its "
            f"{by_unit(data.stated('t_haier_years'), 'years')}), and nothing to "
            "rank it "
            "as the 典型 (typical case) or its localisation as 最苦最扎实.",
        ),
    ]


def unverifiable_years(data: BookData) -> LedgerEntry:
    """Haier's '20 years' of own-brand work abroad."""
    return stated_entry(
        data.claim("t_haier_years"),
        None,
        Verdict.UNVERIFIABLE,
        "This book found no source dating the start of Haier's own-brand push abroad.",
    )


def _judge_cell(
    data: BookData, row: pd.Series, kind: str, claim_id: str, year: pd.Series
) -> LedgerEntry:
    """One amount or share cell against the company's figure for the year the table names,
    with what the printed pair implies and the closest year as a period finding."""
    company = row["company_en"]
    claim = data.claim(claim_id)
    claimed_year = filed_years.CLAIMED_YEAR[company]
    findings: list[Finding] = []
    figure = claimed_figures(data, company).get(kind)
    shown = partial(money, currency=claim["unit"])
    if figure is not None:
        printed = claim_band(data, claim_id)
        decides = deciding(data, *figure.sources) and not _rests_on_unassigned(figure, printed)
        findings.append(
            finding(
                claim,
                figure.band,
                Basis.SOURCE,
                f"{figure.how.capitalize()} for {claimed_year}: "
                f"{figure.shown if kind == 'share' else shown(figure.value)} ("
                + (f"{figure.derivation}; " if figure.derivation else "")
                + "; ".join(dict.fromkeys(data.cite(ref) for ref in figure.sources))
                + ")."
                + (
                    f" With all of that part abroad, the share is {figure.reach_shown}."
                    + _needed_abroad_text(figure, printed)
                    if figure.reach is not None
                    else ""
                )
                + later_sources_note(data, *figure.sources)
                + (
                    ""
                    if deciding(data, *figure.sources)
                    else f" It rests on {why_not_deciding(data, *figure.sources)}: shown, "
                    "never deciding."
                ),
                figure.sources + also_quoting(data, *figure.sources),
                decides=decides,
            )
        )
        if _rests_on_unassigned(figure, printed):
            findings[-1] = replace(findings[-1], meets=UNASSIGNED_MEETS)
        recomputed = figure.value
    else:
        recomputed = None
        what = "overseas revenue" if kind == "overseas" else "overseas share"
        findings.append(
            Finding(
                Verdict.UNVERIFIABLE,
                f"{company}'s {claimed_year} {what} was not found (which is "
                "not to say the company does not publish it).",
                decides=False,
            )
        )
        pair, total = implied_total_check(data, row)
        other = other_year(data, row)
        other_year_said, other_sources = other_year_total(data, row, other)
        if pair.decides:
            findings.append(
                Finding(
                    pair.verdict,
                    (
                        "The printed amount and share cannot both hold for "
                        f"{claimed_year}: {pair.evidence}{other_year_said} "
                        + cells_wrong_words(other, claimed_year)
                        + pair_open_reading(data, row, pair, total, decides=False)
                        + pair_tens_reading(data, row, total, decides=False)
                        if pair.verdict is Verdict.CONTRADICTED
                        else f"The pair check for {claimed_year}: {pair.evidence}{other_year_said} "
                        "The "
                        "printed amount and share hold together, but that confirms neither cell "
                        "alone."
                    ),
                    decides=False,
                    sources=pair.sources + other_sources,
                    meets=pair.meets,
                )
            )
    findings += _context_findings(data, company, kind, claim)
    entry = judge_findings(claim, findings, recomputed, "")
    judged = stated_entry(
        claim,
        entry.recomputed,
        entry.verdict,
        f"{entry.evidence} Period finding: {year['finding']}",
        entry.sources
        + tuple(r for r in str(year["sources"]).split(";") if r and r not in entry.sources),
    )
    # A share read up to the part of revenue assigned to no region, where it decides, shows the
    # share and that reach (49.97% to 49.97% + 0.49%) as its verdict reads it, not the share
    # alone; Haier's does not decide 超 50% (`_rests_on_unassigned`), so its row shows neither.
    if figure is not None and figure.reach is not None:
        return decided_by(judged, Interval(figure.value, figure.reach))
    return judged


def _decimals(figure: filed_years.Figure) -> int:
    """The decimals a share is written to: 2 for '49.97%'."""
    return len(figure.shown.rstrip("%").partition(".")[2])


UNASSIGNED_MEETS = (
    "the intervals meet only if some of the part assigned to no region was earned abroad"
)
"""What a share's finding meets where it reaches the printed band only with revenue its table
assigns to no region (`_rests_on_unassigned`), in the words a finding that does not decide
gets in place of a verdict."""


def _rests_on_unassigned(figure: filed_years.Figure, printed: Interval) -> bool:
    """True where a share reaches the printed band only with part of the revenue its table
    assigns to no region (Haier: 49.97% as tabulated, 超 50% printed). Where that part was earned
    the source does not say, so such a finding neither bears the figure out nor rules it out."""
    tabulated = figure.tabulated
    return tabulated is not None and tabulated.high < printed.low <= figure.reach


def _needed_abroad_text(figure: filed_years.Figure, printed: Interval) -> str:
    """Where a share reaches the printed band only with part of the revenue its table assigns
    to no region (`_rests_on_unassigned`), how much of that part must have been earned abroad,
    from the top of the share as tabulated at its recorded digits: 49.97% is at most 49.975%,
    which reaches 50% with 0.025 points of the 0.49%, about 5% of it, so it does not decide;
    and, with none of it abroad, the grade the share would have."""
    if not _rests_on_unassigned(figure, printed) or figure.tabulated is None:
        return ""
    decimals = _decimals(figure)
    top = figure.tabulated.high
    needed = printed.low - top
    part = needed / (figure.reach - figure.point)
    low = percent(printed.low, decimals)
    share_of_part = "less than 1%" if part < 0.005 else f"about {percent(part, 0)}"
    gap = relative_gap(printed, figure.tabulated)
    at_worst = (
        f"inside the {MARGIN_TEXT} margin of off in detail: at worst the printed figure is off "
        "in detail"
        if grade_of_gap(gap) is Grade.OFF_IN_DETAIL
        else f"beyond the {MARGIN_TEXT} margin of off in detail: at worst it fails"
    )
    return (
        f" It reaches the printed {low} only if at least {needed * 100:.{decimals + 1}f} "
        f"percentage points ({low} less {format_percent(top, decimals + 1)}, the top of "
        f"{figure.shown} at its recorded digits) of that part, {share_of_part} of it, were "
        "earned abroad, which the table does not say, so the table neither bears the printed "
        f"figure out nor rules it out. As tabulated, the share falls short of {low} by "
        f"{percent(gap, 2)} of the share itself, {at_worst}."
    )


def _context_findings(data: BookData, company: str, kind: str, claim: pd.Series) -> list[Finding]:
    """Further figures that bear on a share cell: the report that states ByteDance's quarter
    outright, and, without deciding, Lenovo's CEO remark of 2022 and Xiaomi's single
    quarters."""
    if kind == "share" and company == "Lenovo":
        ref = "lenovo_overseas_share_yang_2022"
        return [
            Finding(
                Verdict.UNVERIFIABLE,
                f"Context only: {data.references.at[ref, 'item']}, "
                f"{format_percent(data.reference(ref), 0)} ({data.cite(ref)}); the note beside "
                f"it: {data.references.at[ref, 'note']}. A remark from another year cannot "
                "stand for the year the table names.",
                decides=False,
                sources=(ref,),
            )
        ]
    if kind == "share" and company == "ByteDance":
        return [overseas.quarter_stated(data, claim)]
    if kind == "share" and company == "Xiaomi":
        quarters = [
            (amount, share, data.references.at[amount, "period"])
            for amount, share in XIAOMI_QUARTERS.items()
        ]
        return [
            Finding(
                Verdict.UNVERIFIABLE,
                "Single quarters only, which cannot stand for the year: "
                + "; ".join(
                    f"{period}, {by_unit(data.reference(amount), 'CNY')} "
                    f"({data.cite(amount)}), {format_percent(data.reference(share))} of the "
                    f"quarter's revenue ({_share_origin(data, share)})"
                    for amount, share, period in quarters
                )
                + ".",
                decides=False,
                sources=tuple(ref for pair in XIAOMI_QUARTERS.items() for ref in pair),
            )
        ]
    if kind == "share" and company == "Haier Smart Home":
        return [_haier_hk_share(data, claim)]
    if kind == "overseas" and company == "Haier Smart Home":
        return [_haier_hk_amount(data, claim)]
    if kind == "overseas" and company == "Midea":
        return [_midea_quoted_cross_check(data, claim)]
    return []


MIDEA_QUOTED = ("midea_rev_2024", "midea_overseas_share_2024")
"""Midea's 2024 营业总收入 and overseas share, each quoted from one relay of its annual report."""

CELL_LEFT = {Grade.HOLDS: "holding", Grade.OFF_IN_DETAIL: "off in detail", Grade.FAILS: "failing"}
"""A grade as the words 'would leave the cell …' end with (not `policy.GRADE_WORDS`, which
says what a finding's figures meet)."""

MIDEA_TOTAL_NAMED = "midea_total_rev_2024_report"
"""The annual report's own words for Midea's 2024 营业总收入, which the relay calls 营业收入."""


def _midea_quoted_cross_check(data: BookData, claim: pd.Series) -> Finding:
    """Midea's 2024 overseas amount from the two quoted figures alone, 营业总收入 × the overseas
    share. 营业总收入 also counts the finance arm's interest and fee income, which 营业收入 (the
    share's basis) leaves out, so the product bounds the amount on the share's basis from above
    only. How much finance income each grade needs is worked out; with that income for 2024
    not recorded, the grade is open from supported to contradicted, and the finding is shown
    without deciding."""
    total_ref, share_ref = MIDEA_QUOTED
    total, share = data.reference(total_ref), data.reference(share_ref)
    quotes = "; ".join(f"'{data.references.at[ref, 'quote']}'" for ref in MIDEA_QUOTED)
    upper = reference_band(data, total_ref) * reference_band(data, share_ref)
    printed = claim_band(data, claim["id"])
    gap, formula, _ = worked_gap(printed, upper, claim["unit"], least=1)

    def needs(amount: float) -> str:
        """营业收入 and finance income for the amount on the share's basis to be at most
        `amount`."""
        revenue = amount / share
        finance = total - revenue
        return (
            f"that is 营业收入 at most {format_yuan(revenue, 2)} and the finance income at "
            f"least {format_yuan(finance, 2)} ({format_yuan(total, 2)} − "
            f"{format_yuan(revenue, 2)}; {significant(finance / total * 100, 2)}% of 营业总收入)"
        )

    within_margin = printed.high / (1 - SUBSTANCE_MARGIN)
    second_hand = filed_years.claimed_figures(data.references, "Midea")
    revenue_second_hand = second_hand["total"].value
    (china_ref,) = [ref for ref in second_hand["total"].sources if ref != share_ref]
    at_second_hand = grade(printed, Interval.exact(second_hand["overseas"].value))
    named = derived_bands.recorded_band(data.references, MIDEA_TOTAL_NAMED)
    rounds = (
        f"to which {format_yuan(total, 2)} rounds"
        if named.contains(total)
        else f"though {format_yuan(total, 2)} does not round to it"
    )
    return Finding(
        Verdict.UNVERIFIABLE,
        f"Cross-check from quoted figures only: 营业总收入 {format_yuan(total, 2)} × "
        f"{format_percent(share, 2)} = {format_yuan(total * share, 1)} ({quotes}, as recorded "
        f"from the relay; {data.cite(*MIDEA_QUOTED)}). The relay calls the "
        f"{format_yuan(total, 2)} 营业收入; the annual report's letter to shareholders gives "
        f"营业总收入 as {format_yuan(data.reference(MIDEA_TOTAL_NAMED))} "
        f"('{data.references.at[MIDEA_TOTAL_NAMED, 'quote']}'; {data.cite(MIDEA_TOTAL_NAMED)}), "
        f"{rounds}, and the relay calls 2023's 营业总收入 "
        "营业收入 too, so it is read as 营业总收入. 营业总收入 also counts the finance arm's "
        "interest and fee income, which 营业收入, the share's basis, leaves out, so this is an "
        "upper bound of the amount on the share's own basis, not the amount, and the quoted "
        f"figures give no lower bound. Were the amount this bound, the printed range would "
        f"miss it by {gap} of it: {formula}. For the printed range to hold, the amount must be "
        f"at most its top, {format_yuan(printed.high)}, {needs(printed.high)}; for the printed "
        f"top to be within {MARGIN_TEXT} of the amount, the amount must be at most "
        f"{format_yuan(within_margin, 1)} ({format_yuan(printed.high)} ÷ "
        f"{1 - SUBSTANCE_MARGIN:.0%}), {needs(within_margin)}; with less finance income, it "
        "fails. That income for 2024 was not found, so these figures leave the grade open, "
        "from supported to contradicted: shown, not deciding. Worked from the China revenue "
        f"read at second hand, 营业收入 is about {format_yuan(revenue_second_hand)} "
        f"({format_yuan(data.reference(china_ref), 2)} ÷ {format_percent(1 - share, 2)}), so "
        f"finance income of about {format_yuan(total - revenue_second_hand)}, which would leave "
        f"the cell {CELL_LEFT[at_second_hand]}; it rests on a figure read at second hand and "
        "does not decide either.",
        decides=False,
        sources=(*MIDEA_QUOTED, MIDEA_TOTAL_NAMED, china_ref),
        meets="its figures bound the amount from above only",
    )


XIAOMI_QUARTERS = {
    "xiaomi_overseas_q1_2023": "xiaomi_overseas_share_q1_2023_derived",
    "xiaomi_overseas_q3_2024": "xiaomi_overseas_share_q3_2024",
}
"""Xiaomi's overseas revenue in single quarters, with its share of the quarter's revenue."""


def _share_origin(data: BookData, share: str) -> str:
    """Where a quarter's share comes from: stated with the amount, or derived (W)."""
    if data.references.at[share, "origin"] == "derived":
        return "derived from the quarter's revenue, W"
    return f"stated with it, {data.references.at[share, 'reliability']}"


HAIER_HK = ("haier_overseas_2024_hk", "haier_domestic_2024_hk")
"""Haier's 2024 overseas and domestic revenue on its Hong Kong reporting basis (W)."""


def _haier_hk_share(data: BookData, claim: pd.Series) -> Finding:
    """Haier's overseas share on the Hong Kong basis (overseas ÷ overseas plus domestic), beside
    the A-share figure: a W summary, shown, never deciding."""
    overseas_hk, domestic_hk = (reference_band(data, ref) for ref in HAIER_HK)
    band = part_of_whole(overseas_hk, domestic_hk)
    return finding(
        claim,
        band,
        Basis.SOURCE,
        f"On the Hong Kong basis a summary gives overseas revenue of "
        f"{by_unit(overseas_hk.mid, 'CNY')} and domestic revenue of "
        f"{by_unit(domestic_hk.mid, 'CNY')} ({data.cite(*HAIER_HK)}): "
        f"{by_unit(overseas_hk.mid, 'CNY')} ÷ {by_unit((overseas_hk + domestic_hk).mid, 'CNY')} "
        f"= {format_percent(band.mid, 2)} ({span(band, partial(format_percent, digits=2))} at the "
        "summary's precision), against the A-share figure's "
        f"{by_unit(data.reference('haier_overseas_share_2024'), 'share')}. A weak (W) source: "
        "shown, "
        "never deciding.",
        HAIER_HK,
        decides=False,
    )


def _haier_hk_amount(data: BookData, claim: pd.Series) -> Finding:
    """Haier's FY2024 overseas revenue on the Hong Kong basis, the basis on which the printed
    amount is FY2023's figure, beside the A-share figure the cell is judged by: a W summary,
    shown, never deciding."""
    hk = reference_band(data, HAIER_HK[0])
    return finding(
        claim,
        hk,
        Basis.SOURCE,
        "A summary of FY2024's results gives overseas revenue of "
        f"{by_unit(hk.mid, 'CNY')} ({data.cite(HAIER_HK[0])}), on the basis of the Hong Kong "
        "listing as this book's references label it, the basis on which the printed figure is "
        f"FY2023's ({by_unit(data.reference('haier_overseas_2023'), 'CNY')}, "
        f"{data.cite('haier_overseas_2023')}). A weak (W) source: shown, never deciding.",
        (HAIER_HK[0], "haier_overseas_2023"),
        decides=False,
    )


def part_of_whole(part: Interval, rest: Interval) -> Interval:
    """The share part ÷ (part + rest) as a band. The part sits in the numerator and the
    denominator alike, so its two ends are taken together (the share rises with the part and
    falls with the rest), not varied apart as plain interval division would."""
    return Interval(part.low / (part.low + rest.high), part.high / (part.high + rest.low))
