"""The figures of the business-loop chapter (book/economics.md)."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from bytebook import charts
from bytebook.chapters import economics
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.numbers import money
from bytebook.units import in_units

CAPCUT = ("s3_capcut_price", "s3_capcut_payers", "s3_capcut_margin")
"""The article's CapCut Pro price, paying users and gross margin."""
PROFIT_FORMAT = ",.3~f"
"""Gross profit in USD bn to the million, in the tooltip and the data behind the chart: the
curve at the article's 20 million payers reads 1.764, as the text writes it, not the axis's
1.76."""
REMAINDER = ("s1_overseas_revenue", "s3_capcut_price", "s3_capcut_payers", "s3_live_gifting")
"""What the USD 39 bn remainder is computed from: the total less CapCut Pro and live gifting."""


def cpm(found: Findings, data: BookData) -> alt.VConcatChart:
    """The article's CPM against 2024's quarterly CPMs reported for advertisers in Varos's
    benchmark (the references' only CPMs)."""
    caption = charts.Caption(
        title=f"TikTok CPM: the article against {economics.CPM_SEGMENT}, 2024",
        units="USD per 1,000 impressions",
        claims=("s3_cpm",),
        references=economics.CPM_QUARTERS,
    )
    return charts.bar_figure(
        found.tables["cpm"],
        (
            charts.Field("quarter", "Period"),
            charts.Field("cpm", "CPM, USD", ".2f", shown="cpm_text"),
        ),
        caption,
        data,
        described=("Bar chart of CPMs", "{quarter} USD {cpm_text}"),
        highlight="Article",
    )


def capcut(found: Findings, data: BookData) -> alt.VConcatChart:
    """CapCut Pro's gross profit by paying users, with a slider for the app-store fee."""
    payers_m = in_units(data.stated("s3_capcut_payers"), "million")
    profit_bn = in_units(found.numbers["capcut_profit"], "billion")
    grid = pd.DataFrame({"payers_m": np.arange(0, 2 * payers_m + 1, 1.0)})
    fee = charts.assumption_slider(
        data, "appstore_fee_share", "store_fee", "App-store fee (share of payments) "
    )
    price, margin = data.stated("s3_capcut_price"), data.stated("s3_capcut_margin")
    # The axis fits the curve at the slider's default: its largest value is at the most payers.
    most = economics.subscription_revenue(price, grid["payers_m"].max() * 1e6)
    largest = economics.gross_profit(most, margin, data.assumed("appstore_fee_share"))
    chart = charts.model_curve(
        grid,
        "payers_m",
        economics.profit_expression(price, margin),
        x_title="Paying users, millions",
        y_title="Gross profit a year, USD bn",
        sliders=[fee],
        claim=(profit_bn, f"The article's figures: {found.texts['capcut_profit']} a year"),
        x_format=",.0f",
        value_formats=(",.0f", PROFIT_FORMAT),
        y_max=charts.axis_top(in_units(largest, "billion")),
    )
    caption = charts.Caption(
        title="CapCut Pro gross profit a year",
        units="USD bn by paying users; the slider sets the share app stores keep",
        claims=CAPCUT,
        assumptions=("appstore_fee_share",),
    )
    description = (
        "Line chart: gross profit rises with paying users; with no store fee, the article's "
        f"{payers_m:.0f} million payers give {found.texts['capcut_profit']}."
    )
    return charts.figure(chart, caption, description, data)


def split(found: Findings, data: BookData) -> alt.VConcatChart:
    """The USD 39 bn split into CapCut Pro, gifting, shop commission and the remainder, with
    sliders for CapCut's paying users and the shop's take rate."""
    frame = found.tables["split"].assign(usd_bn=lambda f: in_units(f["usd"], "billion"))
    payers_m = in_units(data.stated("s3_capcut_payers"), "million")
    payers = charts.slider(
        "capcut_payers_m", "CapCut Pro paying users, millions ", payers_m, 0, 4 * payers_m, 1
    )
    take = charts.assumption_slider(
        data, "tiktok_shop_take_rate", "shop_take", "TikTok Shop take rate (share of GMV) "
    )
    total = data.stated("s1_overseas_revenue")
    expression = economics.split_expression(
        total,
        data.stated("s3_live_gifting"),
        data.stated("s3_capcut_price"),
        data.reference("tiktok_shop_gmv_2024"),
    )
    chart = charts.expression_bars(
        frame[["part"]],
        "part",
        expression,
        category_title="Part",
        value_title="USD bn a year",
        value_format=charts.SIGNIFICANT_FORMAT,
        sliders=[payers, take],
        x_max=charts.axis_top(in_units(total, "billion")),
    )
    caption = charts.Caption(
        title=f"The {money(data.stated('s1_overseas_revenue'), 'USD')} split",
        units="USD bn; the remainder is what is left once CapCut Pro, gross gifting and shop "
        "commission are taken out",
        claims=REMAINDER,
        assumptions=("tiktok_shop_take_rate",),
    )
    description = charts.describe("Bar chart of the split", frame, "{part} USD {usd_bn:sig} bn")
    return charts.figure(chart, caption, description, data)


def impressions(found: Findings, data: BookData) -> alt.VConcatChart:
    """Paid impressions a day the ad remainder buys, at the article's CPM and 2024's."""
    frame = found.tables["impressions"].assign(
        per_day_bn=lambda f: in_units(f["per_day"], "billion")
    )
    caption = charts.Caption(
        title="Paid impressions a day the remainder would buy, were it all ads",
        units="billions of impressions a day, at each CPM, for the remainder once CapCut Pro "
        f"and gross gifting are taken out, {found.texts['ads_remainder']} (this chart does not "
        "follow the split's sliders)",
        claims=(*REMAINDER, "s3_cpm"),
        references=economics.CPM_QUARTERS,
    )
    per_day = charts.Field("per_day_bn", "Impressions a day, billions", ".1f")
    return charts.bar_figure(
        frame,
        (charts.Field("quarter", "CPM used"), per_day),
        caption,
        data,
        described=("Bar chart of impressions a day", "{quarter} {per_day_bn:.1f} billion"),
        highlight="Article",
    )
