"""The figures of the summary chapter (book/summary.md)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from bytebook import charts
from bytebook.chapters import summary
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.scorecard import describe, long_form

START_DATES = {"ByteDance": ("tiktok_intl_launch", "topbuzz_launch")}
"""The start dates of expansion abroad found, by company (data/references.csv): ByteDance's
TikTok abroad, and TopBuzz, one of its earliest apps abroad; the article gives none."""


def years(found: Findings, data: BookData) -> alt.VConcatChart:
    """The article's years, by company, each bar labelled with what they count: ByteDance's and
    Huawei's to reach one overseas scale, the others' of globalisation (小米 13 年…的全球化进程)."""
    caption = charts.Caption(
        title="Years in the article's closing comparison",
        units=_start_dates(data, list(found.tables["years"]["company"])),
        claims=summary.YEAR_CLAIMS.values(),
        references=[ref for refs in START_DATES.values() for ref in refs],
    )
    years_given = charts.Field("years", "Years, as the article gives them", ".0f")
    return charts.bar_figure(
        found.tables["years"],
        (charts.Field("bar", "Company"), years_given),
        caption,
        data,
        described=("Bar chart of the article's years", "{company} {years:.0f}"),
        articles=True,
    )


def _start_dates(data: BookData, companies: list[str]) -> str:
    """The years chart's units line: what a bar's brackets say, and which companies a start
    date was found for, and where."""
    found = [company for company in companies if company in START_DATES]
    if not found:
        return "years (in brackets, what they count); no start date found for any company"
    rows = data.references
    dated = "; ".join(
        f"{rows.at[ref, 'item']}, {rows.at[ref, 'value_text']}, {rows.at[ref, 'reliability']}"
        for c in found
        for ref in START_DATES[c]
    )
    only = " only" if len(found) < len(companies) else ""
    return (
        f"years (in brackets, what they count); the article gives no start date; found{only} "
        f"for {', '.join(found)} ({dated})"
    )


def verdicts(card: pd.DataFrame, data: BookData) -> alt.VConcatChart:
    """The scorecard (`bytebook.scorecard.scorecard`) as bars of verdicts per section."""
    shown = [verdict for verdict in card.columns if verdict != "total"]
    chart = charts.verdict_bars(long_form(card), sections=list(card.index), verdicts=shown)
    caption = charts.Caption(
        title="Verdicts on the article's claims, by section",
        units="number of claims printed in each section",
        claims=data.claims.index,
        ledger=True,
    )
    return charts.figure(chart, caption, describe(card), data)
