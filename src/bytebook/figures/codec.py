"""The figures of the codec chapter (book/codec.md)."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from bytebook import charts
from bytebook.chapters import codec
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.numbers import bits_per_second, count, money
from bytebook.units import in_units

BITRATES = ("s21_bitrate_upload", "s21_bitrate_vvc")
"""The claims behind the article's cut: the upload bitrate and the bitrate after H.266."""
CODEC_RESULTS = ("vvc_vs_hevc_objective", "vvc_vs_hevc_subjective", "bvc2_vs_x265")
CDN_ASSUMPTIONS = ("cdn_price_per_gb", "delivered_bitrate_ratio", "decoder_share")
CROSSING_LABEL = "Where the model meets it"
"""The name of the ring where the saving curve meets the article's figure (its tooltip)."""


def gains(found: Findings, data: BookData) -> alt.VConcatChart:
    """The article's bitrate cut against published codec results."""
    frame = found.tables["gains"]
    article = frame["result"][0]
    bars = (
        charts.Field("result", "Result"),
        charts.Field("saving", "Bitrate saving", ".0%", shown="shown"),
    )
    caption = charts.Caption(
        title="Bitrate saving: the article against published codec results",
        units="share of the bitrate saved at the same quality; faint: the upper part of a range "
        "a source gives",
        claims=BITRATES,
        references=CODEC_RESULTS,
    )
    described = ("Bar chart of bitrate savings", "{result} {shown}")
    return charts.bar_figure(
        frame, bars, caption, data, described=described, highlight=article, low="saving_low"
    )


def cdn(found: Findings, data: BookData) -> alt.VConcatChart:
    """The daily CDN saving by price per GB, with sliders for viewing, delivered bitrate and the
    share of viewing on H.266-capable devices."""
    price = data.assumptions.loc["cdn_price_per_gb"]
    steps = np.arange(price.low, price.high + price.step / 2, price.step)
    prices = pd.DataFrame({"price": np.round(steps, 6)})
    implied_m = in_units(found.numbers["implied_watch_hours"], "million")
    claimed_m = in_units(data.stated("s21_cdn_daily"), "million")
    claimed = money(data.stated("s21_cdn_daily"), "USD")
    hours_m = round(implied_m, 1)
    hours = charts.slider(
        "watch_hours_m",
        "1080p watch-hours a day, millions ",
        hours_m,
        round(implied_m / 10, 1),
        round(implied_m * 10),
        0.1,
    )
    delivered = charts.assumption_slider(
        data, "delivered_bitrate_ratio", "delivered_ratio", "Delivered bitrate, share of upload "
    )
    decoders = charts.assumption_slider(
        data, "decoder_share", "decoder_share", "Viewing on H.266-capable devices "
    )
    # The axis fits the curve at the sliders' defaults: its largest value is at the top price.
    largest = codec.daily_saving(
        hours_m * 1e6,
        data.stated("s21_bitrate_upload") - data.stated("s21_bitrate_vvc"),
        price.high,
        data.assumed("delivered_bitrate_ratio"),
        data.assumed("decoder_share"),
    )
    chart = charts.model_curve(
        prices,
        "price",
        codec.saving_expression(found.numbers["gb_saved_per_hour"]),
        x_title="Price per GB delivered, USD",
        y_title="Saving a day, USD million",
        sliders=[hours, delivered, decoders],
        claim=(claimed_m, f"The article: {claimed} a day"),
        y_max=charts.axis_top(in_units(largest, "million")),
        x_domain=(price.low, price.high),
        x_tick_count=4,
        # Three significant digits: a step above the sliders' lowest, the cheapest saving is
        # USD 127 a day, 0.000127 million, which two decimals would show as 0.
        value_formats=(",.3f", ",.3~r"),
        crossing=charts.Crossing(
            codec.price_expression(claimed_m, found.numbers["gb_saved_per_hour"]),
            CROSSING_LABEL,
            x_format=",.4f",
            counts="per GB",
            currency="USD ",
        ),
    )
    caption = charts.Caption(
        title=f"Daily CDN saving from an {codec.bitrate_cut(data)} cut",
        units="USD million a day, by price per GB; sliders set watch-hours, delivered bitrate and "
        "H.266-capable share",
        claims=(*BITRATES, "s21_cdn_daily"),
        assumptions=CDN_ASSUMPTIONS,
    )
    text = found.texts
    description = (
        f"Line chart: the daily saving rises with the price per GB; a ring marks where it "
        f"reaches the article's {claimed}, at {text['price_default']} per GB with "
        f"{text['implied_watch_hours']} watch-hours a day."
    )
    return charts.figure(chart, caption, description, data)


LENGTH_STEP = 5
"""Seconds between the upload chart's points, near enough: the points are spread evenly from
the shortest length to the longest, at the step closest to this that fits the range."""


def upload(found: Findings, data: BookData) -> alt.VConcatChart:
    """Bytes uploaded a day against the average video length."""
    per_second = found.numbers["upload_bytes_per_second_of_length"]
    shortest, longest = (found.numbers[f"upload_length_{end}"] for end in ("shortest", "longest"))
    lengths = np.linspace(shortest, longest, round((longest - shortest) / LENGTH_STEP) + 1)
    frame = pd.DataFrame({"seconds": lengths}).assign(
        petabytes=lambda f: in_units(f["seconds"] * per_second, "PB")
    )
    chart = charts.line_chart(
        frame,
        "seconds",
        "petabytes",
        x_title="Average video length, seconds",
        y_title="Uploaded a day, PB",
        y_format=",.2f",  # a point on the grid needs two decimals to read as drawn
    )
    caption = charts.Caption(
        title="Bytes uploaded a day against average video length",
        units=f"petabytes (10¹⁵ bytes) a day at {count(data.stated('s21_new_videos'))} videos and "
        f"{bits_per_second(data.stated('s21_bitrate_upload'))}",
        claims=("s21_new_videos", "s21_bitrate_upload"),
        model=True,
    )
    description = (
        "Line chart: uploads grow linearly with average length, "
        f"{found.texts['upload_bytes_per_second_of_length']} a day per second of length."
    )
    return charts.figure(chart, caption, description, data)
