"""The table ranked again with each company's own figure where found at first hand."""

from __future__ import annotations

import pandas as pd

from bytebook.article import company_key
from bytebook.chapters.filed_comparison import filed_references
from bytebook.chapters.rank_ranges import ordinal_place, rank_of, rank_range, rank_range_words
from bytebook.chapters.understatement import second_hand_share_sentence
from bytebook.findings import Findings
from bytebook.ledger import working
from bytebook.numbers import count_words, format_yuan, names_or_none, ordinal
from bytebook.policy import Interval, span


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


def rank_with_filed(
    table: pd.DataFrame, published: pd.DataFrame, shares: list[str], filed_table: pd.DataFrame
) -> Findings:
    """Rank the companies again, with each company's own overseas figure where one was found
    at first hand; `shares` ('Midea's share (41.52%)') are those of companies whose amount
    rests on a figure read at second hand, which is not ranked; `filed_table` (the figures
    beside the companies' own, from `filed_comparison.compared_figures`) says why the others have
    no figure of their own here."""
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
        rank = found.number(f"rank_{key}_filed", rank_of(mixed, company), ordinal_place)
        best, worst = rank_range(table, company)
        found.number(
            f"rank_range_{key}",
            worst,
            lambda _, best=best, worst=worst: rank_range_words(best, worst),
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
