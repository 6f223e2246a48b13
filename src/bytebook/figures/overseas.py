"""The figures of the overseas-revenue chapter (book/overseas.md)."""

from __future__ import annotations

import altair as alt

from bytebook import charts
from bytebook.chapters import overseas
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.numbers import money, percent
from bytebook.units import in_units

GROUP_REVENUE = (*overseas.GROUP_2024, overseas.GROUP_2023)
"""ByteDance's reported group revenue, from which China = group − overseas: 2024's from both
relays of The Information that give it (The Money Times', after the article, and Tubefilter's),
as the chapter's prose cites it."""


def split(found: Findings, data: BookData) -> alt.VConcatChart:
    """ByteDance's revenue by region in 2023 and 2024, stacked."""
    frame = found.tables["split"].assign(usd_bn=lambda f: in_units(f["usd"], "billion"))
    chart = charts.stacked_bars(
        frame, "year", "usd_bn", "region", value_title="USD bn", series_order=["Overseas", "China"]
    )
    caption = charts.Caption(
        title="ByteDance revenue by region, 2023 and 2024",
        units="USD bn; 2023 overseas derived from "
        f"{money(data.stated('s1_overseas_revenue'), 'USD')} and "
        f"+{percent(data.stated('s1_growth'), 0)}; China = group − overseas",
        claims=("s1_overseas_revenue", "s1_growth"),
        references=GROUP_REVENUE,
    )
    lead = "Stacked bars of ByteDance revenue"
    description = charts.describe(lead, frame, "{year} {region} USD {usd_bn:.1f} bn")
    return charts.figure(chart, caption, description, data)


def meta(found: Findings, data: BookData) -> alt.VConcatChart:
    """Meta Reality Labs' operating loss by year, with the article's figure marked."""
    frame = found.tables["meta"].assign(loss_bn=lambda f: in_units(f["loss_usd"], "billion"))
    article_bn = in_units(data.stated("s1_meta_rl_loss"), "billion")
    caption = charts.Caption(
        title="Meta Reality Labs operating loss, 2022–2024",
        units=f"USD bn; dashed line: the article's {money(data.stated('s1_meta_rl_loss'), 'USD')}",
        claims=("s1_meta_rl_loss",),
        references=overseas.META_YEARS.values(),
    )
    loss = charts.Field("loss_bn", "Operating loss, USD bn", ".2f", shown="loss_shown")
    bars = charts.Field("year", "Year"), loss
    marked = f"; the article's figure, USD {article_bn:.0f} bn, is marked."
    described = (
        "Bar chart of Reality Labs operating losses",
        "{year} USD {loss_shown} bn",
        marked,
    )
    reference = (article_bn, "the article's figure")
    return charts.bar_figure(frame, bars, caption, data, described=described, reference=reference)
