"""The figures of the summary chapter (book/summary.md)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from bytebook import charts
from bytebook.chapters import summary
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.scorecard import describe, long_form


def years(found: Findings, data: BookData) -> alt.VConcatChart:
    """The article's years to overseas scale, by company."""
    caption = charts.Caption(
        title="Years to reach overseas scale, as the article counts them",
        units="years; no start date is given for any company",
        claims=summary.YEAR_CLAIMS.values(),
        references=("tiktok_intl_launch",),
    )
    years_to_scale = charts.Field("years", "Years to overseas scale", ".0f")
    return charts.bar_figure(
        found.tables["years"],
        (charts.Field("company", "Company"), years_to_scale),
        caption,
        data,
        described=("Bar chart of the article's years", "{company} {years:.0f}"),
        highlight="ByteDance",
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
