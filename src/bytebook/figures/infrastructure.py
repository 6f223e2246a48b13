"""The figures of the AI-infrastructure chapter (book/infrastructure.md)."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from bytebook import charts
from bytebook.chapters import infrastructure
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.numbers import percent

UTILISATION = ("s23_gpu_util_industry", "s23_gpu_util")
"""The article's utilisation: the industry's 35% and Volcano Engine's 72%."""
MEASURED = ("doubao15_prefill_tc_util", "megascale_mfu")
"""ByteDance's published utilisation figures, marked beside the article's."""
PD_SYSTEMS = ("distserve_goodput", "splitwise_throughput", "mooncake_real")


def utilisation(found: Findings, data: BookData) -> alt.VConcatChart:
    """The cost of an hour of useful GPU work by utilisation, with a slider for the price."""
    price = data.assumptions.loc["gpu_price_per_hour"]
    # From 10% to full use, the axis fixed to the same range: a curve that stopped at 95%, under
    # the axis's last label, 100%, looked as if it reached it.
    grid = pd.DataFrame({"utilisation": np.round(np.arange(0.10, 1.001, 0.01), 2)})
    # The axis fits the curve at the slider's default: its largest value is at the lowest
    # utilisation.
    largest = infrastructure.cost_per_useful_hour(price["value"], grid["utilisation"].min())
    marks = found.tables["utilisation_marks"].rename(columns={"utilisation": "x", "mark": "label"})
    slider = charts.assumption_slider(
        data, "gpu_price_per_hour", "gpu_hour_price", "GPU price, USD per hour "
    )
    chart = charts.model_curve(
        grid,
        "utilisation",
        infrastructure.COST_EXPRESSION,
        x_title="GPU utilisation",
        y_title="Cost per useful GPU-hour, USD",
        sliders=[slider],
        x_format=".0%",
        x_domain=(grid["utilisation"].min(), grid["utilisation"].max()),
        y_max=charts.axis_top(largest),
        marks=marks,
        marks_format=".1%",
    )
    caption = charts.Caption(
        title="Cost of an hour of useful GPU work, by utilisation",
        units="USD per fully used GPU-hour = price per hour ÷ utilisation",
        claims=UTILISATION,
        references=MEASURED,
        assumptions=("gpu_price_per_hour",),
    )
    text = found.texts
    description = (
        "Curve falling with utilisation; the article's "
        f"{percent(data.stated('s23_gpu_util_industry'), 0)} and "
        f"{percent(data.stated('s23_gpu_util'), 0)} are marked, with Doubao's "
        f"{text['doubao_prefill']} prefill and MegaScale's {text['megascale_mfu']}."
    )
    return charts.figure(chart, caption, description, data)


def pd_gains(found: Findings, data: BookData) -> alt.VConcatChart:
    """The article's 72% ÷ 35% against published gains from PD disaggregation."""
    frame = found.tables["pd_gains"]
    caption = charts.Caption(
        title="Gains from PD disaggregation: the article against published systems",
        units="multiple of the baseline, each on its own measure",
        claims=UTILISATION,
        references=PD_SYSTEMS,
    )
    bars = charts.Field("system", "System"), charts.Field("gain", "Gain, ×", ".2f")
    described = ("Bar chart of gains", "{system} {gain:.2f}×")
    return charts.bar_figure(
        frame, bars, caption, data, described=described, highlight=frame["system"][0]
    )
