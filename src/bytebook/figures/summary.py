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
    frame = found.tables["years"]
    chart = charts.bar_chart(
        frame,
        "company",
        "years",
        category_title="Company",
        value_title="Years to overseas scale",
        highlight="ByteDance",
        value_format=".0f",
    )
    return charts.figure(
        chart,
        title="Years to reach overseas scale, as the article counts them",
        units="years; no start date is given for any company",
        description=charts.describe(
            "Bar chart of the article's years", frame, "{company} {years:.0f}"
        ),
        data=data,
        claims=summary.YEAR_CLAIMS.values(),
        references=("tiktok_intl_launch",),
    )


def verdicts(card: pd.DataFrame, data: BookData) -> alt.VConcatChart:
    """The scorecard (`bytebook.scorecard.scorecard`) as bars of verdicts per section."""
    shown = [verdict for verdict in card.columns if verdict != "total"]
    chart = charts.verdict_bars(long_form(card), sections=list(card.index), verdicts=shown)
    return charts.figure(
        chart,
        title="Verdicts on the article's claims, by section",
        units="number of claims printed in each section",
        description=describe(card),
        data=data,
        claims=data.claims.index,
        ledger=True,
    )
