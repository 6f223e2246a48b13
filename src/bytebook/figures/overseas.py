"""The figures of the overseas-revenue chapter (book/overseas.md)."""

from __future__ import annotations

import altair as alt

from bytebook import charts
from bytebook.chapters import overseas
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.units import in_units

GROUP_REVENUE = ("bd_group_2024", "bd_group_2023")
"""ByteDance's reported group revenue, from which China = group − overseas."""


def split(found: Findings, data: BookData) -> alt.VConcatChart:
    """ByteDance's revenue by region in 2023 and 2024, stacked."""
    frame = found.tables["split"].assign(usd_bn=lambda f: in_units(f["usd"], "billion"))
    chart = charts.stacked_bars(
        frame, "year", "usd_bn", "region", value_title="USD bn", series_order=["Overseas", "China"]
    )
    return charts.figure(
        chart,
        title="ByteDance revenue by region, 2023 and 2024",
        units="USD bn; 2023 overseas derived from USD 39 bn and +63%; China = group − overseas",
        description=charts.describe(
            "Stacked bars of ByteDance revenue", frame, "{year} {region} USD {usd_bn:.1f} bn"
        ),
        data=data,
        claims=("s1_overseas_revenue", "s1_growth"),
        references=GROUP_REVENUE,
    )


def meta(found: Findings, data: BookData) -> alt.VConcatChart:
    """Meta Reality Labs' operating loss by year, with the article's figure marked."""
    frame = found.tables["meta"].assign(loss_bn=lambda f: in_units(f["loss_usd"], "billion"))
    article_bn = in_units(data.stated("s1_meta_rl_loss"), "billion")
    chart = charts.bar_chart(
        frame,
        "year",
        "loss_bn",
        category_title="Year",
        value_title="Operating loss, USD bn",
        value_format=".1f",
        reference=(article_bn, "the article's figure"),
    )
    return charts.figure(
        chart,
        title="Meta Reality Labs operating loss, 2022–2024",
        units="USD bn; dashed line: the article's 130 亿美元",
        description=charts.describe(
            "Bar chart of Reality Labs operating losses",
            frame,
            "{year} USD {loss_bn:.1f} bn",
            f"; the article's figure, USD {article_bn:.0f} bn, is marked.",
        ),
        data=data,
        claims=("s1_meta_rl_loss",),
        references=overseas.META_YEARS.values(),
    )
