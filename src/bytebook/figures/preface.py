"""The figures of the preface (book/preface.md): the title's daily figure and its rates."""

from __future__ import annotations

import altair as alt

from bytebook import charts, fx
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.units import in_units

TITLE_AND_TABLE = ("title_daily_revenue", "s1_overseas_revenue", "t_bytedance_overseas_cny")
"""The title's daily yuan, the USD 39 bn and the table's 2855亿元: the daily figures and both
rates come from these."""


def daily(found: Findings, data: BookData) -> alt.VConcatChart:
    """Overseas revenue per day three ways: the title's, the table's and at the 2024 rate."""
    frame = found.tables["daily"].assign(daily_yi=lambda f: in_units(f["daily_cny"], "亿"))
    chart = charts.bar_chart(
        frame,
        "basis",
        "daily_yi",
        category_title="Basis",
        value_title="亿元 a day",
        highlight=frame["basis"][0],
        value_format=".2f",
    )
    text = found.texts
    return charts.figure(
        chart,
        title="Overseas revenue per day, three ways",
        units="亿元 (100 million yuan) per day, 2024",
        description=f"Bar chart: the title's {text['title_daily']} a day against "
        f"{text['daily_at_article']} from the article's own yuan total and "
        f"{text['daily_at_2024_average']} at the 2024 average exchange rate.",
        data=data,
        claims=TITLE_AND_TABLE,
        references=("fx_2024_avg_fed",),
    )


def rates(found: Findings, data: BookData) -> alt.VConcatChart:
    """The rates the title and the table imply, against 2024's monthly range."""
    frame = found.tables["rates"]
    chart = charts.dot_plot_with_band(
        frame,
        "rate",
        "cny_per_usd",
        colour_by="kind",
        value_title="CNY per USD",
        band=(found.numbers["fx_lowest"], found.numbers["fx_highest"]),
        band_label="2024 monthly averages, lowest to highest",
    )
    text = found.texts
    return charts.figure(
        chart,
        title="The article's two exchange rates against 2024's",
        units="CNY per USD; the band spans 2024's monthly averages",
        description=f"Dot plot: the rate implied by the title, {text['title_implied_rate']}, and "
        f"the one implied by the table, {text['table_implied_rate']}, against 2024's monthly "
        f"averages from {text['fx_lowest']} to {text['fx_highest']}.",
        data=data,
        claims=TITLE_AND_TABLE,
        references=fx.YEAR_RATE_REFERENCES,
    )
