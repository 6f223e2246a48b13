"""Chapter 1, 不开发布会: the USD 39 bn, its growth and its share of the group."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise, product

import pandas as pd

from bytebook.article import YEAR
from bytebook.checks import (
    against_first_printing,
    against_reference,
    claim_band,
    later_sources_note,
    reference_band,
    unsettled,
)
from bytebook.data import CLAIMS_FILE, REFERENCES_FILE, BookData
from bytebook.findings import Findings
from bytebook.ledger import (
    Basis,
    Finding,
    LedgerEntry,
    Verdict,
    derived,
    finding,
    judge,
    judge_findings,
    signed_gap,
    worked_in_band,
    working,
)
from bytebook.numbers import by_unit, count_words, format_percent, money, written_figures
from bytebook.policy import Interval, best_period, compare, span, worked_gap

SECTIONS = ("1",)
"""The article sections whose claims this chapter judges."""

INPUTS = (
    CLAIMS_FILE,
    REFERENCES_FILE,
)
"""The data files its analysis reads (checked by a test that records what it reads)."""

META_YEARS = {2022: "meta_rl_loss_2022", 2023: "meta_rl_loss_2023", 2024: "meta_rl_loss_2024"}


USD_DIGITS = 3
"""Significant figures of the chapter's US-dollar amounts: its inputs have at most three
('nearly USD 120 bn', USD 39 bn, +63%), so a derived USD 96.07 bn reads USD 96.1 bn."""


def _usd(value: float) -> str:
    """A US-dollar amount at the chapter's precision: 'USD 96.1 bn', 'USD 13.7 bn'."""
    return money(value, "USD", USD_DIGITS)


def _recorded(data: BookData, reference_id: str) -> str:
    """A source's figure at its recorded digits, as the sources page writes it ('USD 13.72 bn'
    for 13.717e9), wherever the chapter shows it."""
    row = data.references.loc[reference_id]
    return by_unit(float(row["value"]), row["unit"])  # as bytebook.sources.figure_text


def _fraction(data: BookData) -> str:
    """The overseas share as the article prints it, a fraction: '1/4'."""
    return re.search(r"\d+/\d+", data.claims.at["s1_group_share", "quote_zh"]).group()


GROUP_2024 = ("bd_group_2024", "bd_intl_share_2024")
"""The references giving ByteDance's 2024 group revenue: The Money Times' relay of The
Information (USD 155 bn, after the article) and Tubefilter's (its date not recorded here), which
quotes it too."""


GROUP_2023 = "bd_group_2023_ft"
"""ByteDance's 2023 group revenue: the Financial Times' USD 120 bn. Bloomberg's figure
(bd_group_2023) is 'nearly $120 billion', so it is shown beside the FT's, not used for it."""


def _over_corners(function: Callable[..., float], *bands: Interval) -> Interval:
    """The least and greatest of `function` over every corner of its inputs' intervals, each
    input taken once, so a figure used twice in the function is read at one value each time.
    Exact for a function that moves one way in each input, as the growths here do."""
    values = [function(*corner) for corner in product(*((b.low, b.high) for b in bands))]
    return Interval(min(values), max(values))


def _growth_bands(data: BookData) -> dict[str, Interval]:
    """The growths the chapter works out, each as the interval its inputs' digits allow: the
    article's USD 39 bn and 63%, and the reported group revenues and first half, each at the
    digits it was printed or recorded with (`_over_corners`)."""
    overseas, growth = claim_band(data, "s1_overseas_revenue"), claim_band(data, "s1_growth")
    group, group_2023 = reference_band(data, "bd_group_2024"), reference_band(data, GROUP_2023)
    h1_overseas = reference_band(data, "bd_intl_h1_2024")
    return {
        "d_domestic_growth": _over_corners(
            lambda year, rate, total, total_2023: (
                (total - year) / (total_2023 - year / (1 + rate)) - 1
            ),
            overseas,
            growth,
            group,
            group_2023,
        ),
        "d_group_growth": _over_corners(lambda a, b: a / b - 1, group, group_2023),
        "d_h2_over_h1": _over_corners(
            lambda year, half: (year - half) / half - 1, overseas, h1_overseas
        ),
    }


def _with_band(value: float, band: Interval, about: str = "") -> str:
    """A growth for the prose with, in brackets, the interval its inputs allow read to the
    digits they are reported with (the paragraph says so once), both to a tenth of a percent as
    the chapter's ledger rows write them: ends rounded to the whole percent would draw the
    interval narrower than it is (23.6% as 24%). `about` names an input its source calls
    'about', which may put the growth further out."""
    further = f", or further out, since {about}" if about else ""
    return f"{format_percent(value)} ({span(band, format_percent)}{further})"


def _band_sentence(band: Interval, about: str = "") -> str:
    """The evidence's sentence on how far a growth's inputs, read at their digits, let it run;
    `about` names an input its source calls 'about', which may lie beyond its digits."""
    sentence = (
        "At its inputs' printed or recorded digits, the result lies between "
        f"{span(band, format_percent).replace(' to ', ' and ')}."
    )
    if about:
        sentence += (
            f" That allows for rounding alone: its report gives {about} as 'about' that much, "
            "so it may lie further out."
        )
    return sentence


def _banded(entry: LedgerEntry, bands: dict[str, Interval]) -> LedgerEntry:
    """A working row with its interval in the Recomputed column, where the chapter has one; its
    `recomputed` stays the figure its evidence works out (29.2%, not the band's middle)."""
    band = bands.get(entry.id)
    return entry if band is None else worked_in_band(entry, band)


def analyse(data: BookData) -> Findings:
    """Derive 2023 and the group total from the three headline numbers and check them."""
    found = Findings()
    overseas = data.stated("s1_overseas_revenue")
    growth = data.stated("s1_growth")
    share = data.stated("s1_group_share")
    group = data.reference("bd_group_2024")
    group_2023 = data.reference(GROUP_2023)
    h1_overseas = data.reference("bd_intl_h1_2024")

    overseas_2023 = found.number("overseas_2023", overseas / (1 + growth), _usd)
    implied_group = found.number("implied_group", overseas / share, _usd)
    found.number("reported_group", group, _usd)
    found.number("reported_group_2023", group_2023, _usd)
    actual_share = found.number("reported_share", overseas / group, format_percent)
    group_gap = found.number(
        "implied_group_gap", signed_gap(implied_group, group), format_percent
    )
    domestic = found.number("domestic_2024", group - overseas, _usd)
    domestic_2023 = found.number("domestic_2023", group_2023 - overseas_2023, _usd)
    bands = _growth_bands(data)
    domestic_growth = found.number(
        "domestic_growth",
        domestic / domestic_2023 - 1,
        _with_band,
        bands["d_domestic_growth"],
    )
    found.number("group_growth", group / group_2023 - 1, _with_band, bands["d_group_growth"])
    share_2023 = found.number(
        "overseas_share_2023",
        overseas_2023 / group_2023,
        format_percent,
    )
    h2_overseas = found.number("h2_overseas", overseas - h1_overseas, _usd)
    found.number("h1_overseas", h1_overseas, _usd)
    h1_group = data.reference("bd_group_h1_2024")
    found.number("h1_group", h1_group, _usd)
    found.number("h1_share", h1_overseas / h1_group, format_percent)
    h2_over_h1 = found.number(
        "h2_over_h1",
        h2_overseas / h1_overseas - 1,
        _with_band,
        bands["d_h2_over_h1"],
        "the first half's is reported as 'about'",
    )

    cite_group = data.cite(*GROUP_2024)
    share_band = reference_band(data, "bd_intl_2024") / reference_band(data, "bd_group_2024")
    implied_band = claim_band(data, "s1_overseas_revenue") / claim_band(data, "s1_group_share")
    group_check = compare(
        implied_band,
        reference_band(data, "bd_group_2024"),
        Basis.SOURCE,
        f"{_usd(overseas)} ÷ {_fraction(data)} = {_usd(implied_group)} "
        f"({span(implied_band, _usd)} at the "
        f"printed precision), {format_percent(group_gap)} from the reported {_usd(group)} "
        f"({cite_group}).{later_sources_note(data, 'bd_group_2024')}",
        unit="USD",
    )
    found.add(
        against_reference(
            data,
            "s1_overseas_revenue",
            "bd_intl_2024",
            "A press report on a private company, not audited.",
        ),
        against_reference(data, "s1_heading_revenue", "bd_intl_2024"),
        against_first_printing(data, "s1_split_revenue", "bd_intl_2024"),
        against_reference(data, "s1_growth", "bd_intl_growth_2024"),
        judge_findings(
            data.claim("s1_group_share"),
            [
                quarter_stated(data, data.claim("s1_group_share")),
                finding(
                    data.claim("s1_group_share"),
                    share_band,
                    Basis.SOURCE,
                    f"{_usd(overseas)} ({data.cite('bd_intl_2024')}) of the reported group "
                    f"revenue of {_usd(group)} ({cite_group}) is "
                    f"{format_percent(actual_share)} ({span(share_band, format_percent)} at "
                    "the sources' precision)."
                    + later_sources_note(data, "bd_intl_2024", "bd_group_2024"),
                    ("bd_intl_2024", *GROUP_2024),
                ),
            ],
            actual_share,
            f"\"{_fraction(data)}\" is read as 'about a quarter'.",
        ),
        derived(
            "d_overseas_2023",
            "1",
            f"Overseas revenue in 2023 implied by {_usd(overseas)} and "
            f"+{format_percent(growth, 0)}",
            overseas_2023,
            "USD",
            f"{_usd(overseas)} ÷ (1 + {format_percent(growth, 0)}) = {_usd(overseas_2023)}, "
            f"{format_percent(share_2023)} of the {_usd(group_2023)} group revenue reported for "
            f"2023 ({data.cite(GROUP_2023)}; {data.cite('bd_group_2023')} says "
            f"nearly {_usd(data.reference('bd_group_2023'))}). "
            "This book found no source for 2023's overseas revenue.",
            Verdict.UNVERIFIABLE,
            (GROUP_2023, "bd_group_2023"),
        ),
        derived(
            "d_group_implied",
            "1",
            f"Group revenue implied by {_usd(overseas)} being a quarter",
            implied_group,
            "USD",
            group_check.evidence,
            group_check.verdict,
            GROUP_2024,
        ),
        derived(
            "d_domestic_2024",
            "1",
            "Revenue in China in 2024 (reported group less overseas)",
            domestic,
            "USD",
            f"{_usd(group)} − {_usd(overseas)} = {_usd(domestic)}, up "
            f"{format_percent(domestic_growth)} on 2023's {_usd(domestic_2023)}: overseas grew "
            f"faster, so its share rose from {format_percent(share_2023)} to "
            f"{format_percent(actual_share)}. The group figure is reported ({cite_group}); "
            "this book found no source for revenue in China."
            + later_sources_note(data, "bd_group_2024"),
            Verdict.UNVERIFIABLE,
            (*GROUP_2024, GROUP_2023),
        ),
        derived(
            "d_h2_overseas",
            "1",
            "Overseas revenue in the second half of 2024",
            h2_overseas,
            "USD",
            f"{_usd(overseas)} for the year less {_usd(h1_overseas)} in the first half "
            f"({data.cite('bd_intl_h1_2024')}) leaves {_usd(h2_overseas)} for the second half, "
            f"{format_percent(h2_over_h1)} more than the first. "
            "This book found no source for the second "
            "half alone.",
            Verdict.UNVERIFIABLE,
            ("bd_intl_h1_2024",),
        ),
    )
    cite_2024, cite_2023 = data.cite("bd_intl_2024"), data.cite(GROUP_2023)
    cite_h1, cite_h1_group = data.cite("bd_intl_h1_2024"), data.cite("bd_group_h1_2024")
    found.add(
        *(
            _banded(working(entry_id, "1", claim_en, value, unit, evidence, sources), bands)
            for entry_id, claim_en, value, unit, evidence, sources in (
                (
                    "d_reported_share",
                    "Overseas share of the reported 2024 group revenue",
                    actual_share,
                    "share",
                    f"{_usd(overseas)} ({cite_2024}) ÷ {_usd(group)} ({cite_group}) = "
                    f"{format_percent(actual_share)}."
                    + later_sources_note(data, "bd_intl_2024", "bd_group_2024"),
                    ("bd_intl_2024", *GROUP_2024),
                ),
                (
                    "d_implied_group_gap",
                    "Gap between the group revenue the quarter implies and the reported one",
                    group_gap,
                    "ratio",
                    f"({_usd(implied_group)} − {_usd(group)}) ÷ {_usd(group)} = "
                    f"{format_percent(group_gap)}; {_usd(implied_group)} is {_usd(overseas)} "
                    f"÷ {_fraction(data)} (the group total the quarter implies), {_usd(group)} is "
                    "reported "
                    f"({cite_group})." + later_sources_note(data, "bd_group_2024"),
                    GROUP_2024,
                ),
                (
                    "d_domestic_2023",
                    "Revenue in China in 2023 (reported group less implied overseas)",
                    domestic_2023,
                    "USD",
                    f"{_usd(group_2023)} ({cite_2023}) − {_usd(overseas_2023)} "
                    f"(overseas revenue in 2023, from the {format_percent(growth, 0)} growth) = "
                    f"{_usd(domestic_2023)}.",
                    (GROUP_2023,),
                ),
                (
                    "d_domestic_growth",
                    "Growth of revenue in China, 2024 on 2023",
                    domestic_growth,
                    "ratio",
                    f"{_usd(domestic)} (revenue in China in 2024) ÷ {_usd(domestic_2023)} "
                    f"(in 2023) − 1 = {format_percent(domestic_growth)}; both rest on "
                    f"reported group revenue ({cite_group}; {cite_2023}). "
                    + _band_sentence(bands["d_domestic_growth"])
                    + later_sources_note(data, "bd_group_2024"),
                    (*GROUP_2024, GROUP_2023),
                ),
                (
                    "d_group_growth",
                    "Growth of the reported group revenue, 2024 on 2023",
                    group / group_2023 - 1,
                    "ratio",
                    f"{_usd(group)} ({cite_group}) ÷ {_usd(group_2023)} ({cite_2023}) − 1 = "
                    f"{format_percent(group / group_2023 - 1)}. "
                    + _band_sentence(bands["d_group_growth"])
                    + later_sources_note(data, "bd_group_2024"),
                    (*GROUP_2024, GROUP_2023),
                ),
                (
                    "d_overseas_share_2023",
                    "Overseas share of the reported 2023 group revenue",
                    share_2023,
                    "share",
                    f"{_usd(overseas_2023)} (overseas revenue in 2023, from the "
                    f"{format_percent(growth, 0)} growth) ÷ "
                    f"{_usd(group_2023)} "
                    f"({cite_2023}) = {format_percent(share_2023)}.",
                    (GROUP_2023,),
                ),
                (
                    "d_h1_share",
                    "Overseas share of group revenue in the first half of 2024",
                    h1_overseas / h1_group,
                    "share",
                    f"{_usd(h1_overseas)} ({cite_h1}) ÷ {_usd(h1_group)} ({cite_h1_group}) = "
                    f"{format_percent(h1_overseas / h1_group)}.",
                    ("bd_intl_h1_2024", "bd_group_h1_2024"),
                ),
                (
                    "d_h2_over_h1",
                    "Overseas revenue in the second half of 2024 against the first",
                    h2_over_h1,
                    "ratio",
                    f"{_usd(h2_overseas)} (the second half: the year's less the first half's) ÷ "
                    f"{_usd(h1_overseas)} ({cite_h1}) "
                    f"− 1 = {format_percent(h2_over_h1)}. "
                    + _band_sentence(
                        bands["d_h2_over_h1"], f"the first half's {_usd(h1_overseas)}"
                    ),
                    ("bd_intl_2024", "bd_intl_h1_2024"),
                ),
            )
        )
    )
    found.merge(_meta(data))
    found.add(*_qualitative(data))
    found.tables["split"] = pd.DataFrame(
        {
            "year": ["2023", "2023", "2024", "2024"],
            "region": ["Overseas", "China", "Overseas", "China"],
            "usd": [overseas_2023, domestic_2023, overseas, domestic],
        }
    )
    return found


QUARTER_STATED = "bd_intl_share_2024"
"""The report that states ByteDance's overseas share of 2024 revenue outright ('a quarter')."""


def quarter_stated(data: BookData, claim: pd.Series) -> Finding:
    """A printed share set against the report that states the quarter outright, read as the
    25% its words give."""
    row = data.references.loc[QUARTER_STATED]
    return finding(
        claim,
        reference_band(data, QUARTER_STATED),
        Basis.SOURCE,
        f"The report behind the {_usd(data.stated('s1_overseas_revenue'))} states the share "
        f"outright: '{row['quote']}' "
        f"({data.cite(QUARTER_STATED)}; the date it was published was not recorded), read as "
        f"{format_percent(data.reference(QUARTER_STATED), 0)}."
        + later_sources_note(data, QUARTER_STATED),
        (QUARTER_STATED,),
    )


def years_apart_words(years_before: int) -> str:
    """How a year stands to the year of the article's other figures, read before 'the year of
    the article's other figures': 'two years before', 'a year after', or 'in' for that year."""
    if years_before == 0:
        return "in"
    count = abs(years_before)
    years = "a year" if count == 1 else f"{count_words(count)} years"
    return f"{years} {'before' if years_before > 0 else 'after'}"


def meta_since_sentence(losses: dict[int, float], nearest: int, article_year: int) -> str:
    """How Reality Labs' loss moved from the year the article's figure matches best to the year
    of its other figures: year by year where every year between is recorded, else end to end."""
    if article_year not in losses:
        raise ValueError(f"no Reality Labs loss is recorded for {article_year}: {sorted(losses)}")
    if nearest == article_year:
        return f"That is {article_year}, the year of ByteDance's figures."
    if nearest > article_year:
        return (
            f"The figure is nearest the loss of {nearest}, a later year than ByteDance's "
            f"{article_year}."
        )
    years = range(nearest, article_year + 1)
    if all(year in losses for year in years):
        steps = [losses[after] - losses[before] for before, after in pairwise(years)]
        if all(step > 0 for step in steps):
            how = "Meta's losses grew each year after"
        elif all(step < 0 for step in steps):
            how = "Meta's losses shrank each year after"
        elif all(step == 0 for step in steps):
            how = f"Meta's loss stayed the same each year after {nearest}"
        else:
            how = f"Meta's loss moved from year to year after {nearest}"
    else:
        change = losses[article_year] - losses[nearest]
        moved = "larger than" if change > 0 else "smaller than" if change < 0 else "the same as"
        how = f"Meta's loss of {article_year} is {moved} that of {nearest}"
    return f"Set beside ByteDance's {article_year}, the figure is out of date: {how}."


def _meta(data: BookData) -> Findings:
    """Reality Labs' loss: the article's USD 13 bn against Meta's 10-K for 2022 to 2024."""
    found = Findings()
    stated = data.stated("s1_meta_rl_loss")
    losses = {year: data.reference(ref) for year, ref in META_YEARS.items()}
    nearest = min(losses, key=lambda year: abs(losses[year] - stated))
    found.number("meta_nearest_year", nearest, str)
    shown = {year: _recorded(data, ref) for year, ref in META_YEARS.items()}
    found.number("meta_nearest_loss", losses[nearest], lambda _: shown[nearest])
    found.number("meta_years_before", YEAR - nearest, lambda n: years_apart_words(int(n)))
    for year, loss in losses.items():
        found.number(f"meta_loss_{year}", loss, lambda _, y=year: shown[y])
    found.number(
        "meta_since",
        losses[YEAR] - losses[nearest],
        lambda _: meta_since_sentence(losses, nearest, YEAR),
    )
    found.tables["meta"] = pd.DataFrame(
        {
            "year": [str(y) for y in losses],
            "loss_usd": list(losses.values()),
            "loss_shown": [shown[y].removeprefix("USD ").removesuffix(" bn") for y in losses],
        }
    )
    bands = {f"FY{year}": reference_band(data, ref) for year, ref in META_YEARS.items()}
    printed = claim_band(data, "s1_meta_rl_loss")
    best, _ = best_period(printed, bands)
    decimals = max(f.decimals for text in shown.values() for f in written_figures(text))
    gap_2024, sum_2024, worked_2024 = worked_gap(
        printed, bands[f"FY{YEAR}"], "USD", least=decimals
    )
    verdicts = {
        year: compare(printed, bands[year], Basis.SOURCE, "").verdict
        for year in (best, f"FY{YEAR}")
    }
    reading_2024 = (
        ""
        if verdicts[f"FY{YEAR}"] == verdicts[best]
        else f", and the row would be {verdicts[f'FY{YEAR}']}: its verdict rests on reading the "
        f"loss as {best}'s"
    )
    found.number(
        "meta_gap_2024",
        worked_2024,
        lambda _: f"the gap would be {gap_2024} and the row {verdicts[f'FY{YEAR}']}",
    )
    found.add(
        judge(
            data.claim("s1_meta_rl_loss"),
            bands[best],
            Basis.SOURCE,
            "The article names no year for the loss Meta 'put in its headline', so the figure is "
            "judged against the year it matches best. Meta's 10-K (P) reports Reality Labs "
            f"operating losses of {shown[2022]} (2022), {shown[2023]} (2023) and "
            f"{shown[2024]} (2024); the closest is {best}. Against 2024, the year of the "
            f"article's other figures, the gap would be {gap_2024} ({sum_2024}){reading_2024}. "
            "Whether Meta put the loss in its headline (写进标题) is not checked: this row "
            "judges the amount only.",
            tuple(META_YEARS.values()),
            least=decimals,
        ),
        working(
            "d_meta_gap_2024",
            "1",
            f"How far the article's {_usd(stated)} lies from Meta's 2024 Reality Labs loss",
            worked_2024,
            "ratio",
            f"The printed {span(printed, _usd)} against {shown[2024]} for 2024 (Meta's "
            f"10-K, P): the gap is {gap_2024} of the 2024 loss, {sum_2024}.",
            (META_YEARS[2024],),
        ),
    )
    return found


SECTION_3_LINES = ("s3_cpm", "s3_capcut_price", "s3_live_gifting")
"""The claims that open each of the three lines of the article's section 3 (ads, CapCut Pro,
live gifting)."""


def _qualitative(data: BookData) -> list:
    return [
        unsettled(
            data,
            "s1_footnote",
            "ByteDance is private; this book found no financial report of it, with or "
            "without such a footnote. The figure the article uses matches anonymously sourced "
            f"press reports ({data.cite('bd_intl_2024')}).",
            ("bd_intl_2024",),
        ),
        unsettled(
            data,
            "s1_msft_keynotes",
            "This book found no source on Microsoft's Copilot keynotes.",
        ),
        unsettled(
            data,
            "s1_three_business_lines",
            "The article's section 3 names three earners, TikTok's ads, CapCut Pro and live "
            "gifting, each with a figure ("
            + "; ".join(data.claims.at[c, "quote_zh"] for c in SECTION_3_LINES)
            + "), which a reader may take as the three lines; the count then agrees with the "
            "article's own account. But that split is the article's; the claim is that "
            "ByteDance itself split the figure into three business lines, and this book found "
            "no source for a split of ByteDance's revenue by business line (which is not to say "
            "none exists).",
        ),
        unsettled(
            data,
            "s1_no_launch_event",
            "A statement that two things did not happen: no launch event by Zhang Yiming and no "
            "all-staff letter on the result. The references hold no record of ByteDance's "
            "events or internal letters for the year, and an absence cannot be shown from "
            "sources that do not cover it; this book did not search for them, so it can say "
            "neither that there was such an event or letter nor that there was none.",
        ),
        unsettled(
            data,
            "s1_no_press_release",
            "An absence of press releases could not be checked against the references.",
        ),
    ]
