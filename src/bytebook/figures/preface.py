"""The figures of the preface (book/preface.md): the title's daily figure and its rates."""

from __future__ import annotations

import altair as alt

from bytebook import charts, fx
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.numbers import YI_YUAN, in_yi
from bytebook.units import in_units

TITLE_AND_TABLE = ("title_daily_revenue", "s1_overseas_revenue", "t_bytedance_overseas_cny")
"""The title's daily yuan, the USD 39 bn and the table's 2,855亿元: the daily figures and both
rates come from these."""


def daily(found: Findings, data: BookData) -> alt.VConcatChart:
    """Overseas revenue per day three ways: the title's, the table's and at the 2024 rate."""
    frame = found.tables["daily"].assign(
        daily_yi=lambda f: in_units(f["daily_cny"], "亿"),
        daily_shown=lambda f: [in_yi(value, 2) for value in f["daily_cny"]],
    )
    text = found.texts
    described = (
        f"Bar chart: the title's {text['title_daily']} a day against "
        f"{text['daily_at_article']} from the article's own yuan total and "
        f"{text['daily_at_2024_average']} at the 2024 average exchange rate."
    )
    caption = charts.Caption(
        title="Overseas revenue per day, three ways",
        units=f"{YI_YUAN} per day, 2024",
        claims=TITLE_AND_TABLE,
        references=("fx_2024_avg_fed",),
    )
    bars = (
        charts.Field("basis", "Basis"),
        charts.Field("daily_yi", "亿元 a day", ".2f", shown="daily_shown"),
    )
    return charts.bar_figure(
        frame, bars, caption, data, described=described, highlight=frame["basis"][0]
    )


def rates(found: Findings, data: BookData) -> alt.VConcatChart:
    """The rates the title and the table imply, against 2024's monthly range."""
    chart = charts.dot_plot_with_band(
        found.tables["rates"],
        "rate",
        "cny_per_usd",
        colour_by="kind",
        value_title="CNY per USD",
        band=(found.numbers["fx_lowest"], found.numbers["fx_highest"]),
        band_label="2024 monthly averages, lowest to highest",
        shown="shown",
        band_shown=(found.texts["fx_lowest"], found.texts["fx_highest"]),
    )
    caption = charts.Caption(
        title="The article's two exchange rates against 2024's monthly range",
        units="CNY per USD; the band spans 2024's monthly averages",
        claims=TITLE_AND_TABLE,
        references=fx.YEAR_RATE_REFERENCES,
    )
    text = found.texts
    description = (
        f"Dot plot: the rate implied by the title, {text['title_implied_rate']}, and the one "
        f"implied by the table, {text['table_implied_rate']}, against 2024's monthly averages "
        f"from {text['fx_lowest']} to {text['fx_highest']}."
    )
    return charts.figure(chart, caption, description, data)
