"""The figures of the recommender chapter (book/recommender.md)."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from bytebook import charts
from bytebook.chapters import recommender
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.numbers import money, significant
from bytebook.units import in_units

MODEL_CLAIMS = ("s22_params", "s22_sparsity", "s22_cost_per_inference")
"""The article's parameters, active share and cost per inference."""
GPU = ("gpu_peak_flops", "gpu_price_per_hour", "gpu_utilisation")
"""The model's GPU: peak throughput, price per hour, utilisation (data/assumptions.csv)."""


INFERENCES = 10_000
"""The chart shows the cost of this many inferences, so that its axis reads in whole dollars."""


def claim_label(cost_per_inference: float) -> str:
    """The article's cost per inference, in the axis's unit (USD per 10,000 inferences) with
    the article's own per-inference figure beside it, short enough for one line on a phone:
    'Article: USD 3 (0.0003 each)'."""
    per_axis_unit = money(cost_per_inference * INFERENCES, "USD")
    return f"Article: {per_axis_unit} ({significant(cost_per_inference)} each)"


CROSSING_LABEL = "Where the model meets it"
"""The name of the ring where the cost curve meets the article's figure (its tooltip)."""


TERA = 1e12
"""FLOP/s in a TFLOP/s: the GPU's peak slides in TFLOP/s, as GPU makers print it."""


def inference(found: Findings, data: BookData) -> alt.VConcatChart:
    """The cost of `INFERENCES` inferences by candidates scored per request, with sliders for
    the active parameters, the GPU's peak throughput (in TFLOP/s), its utilisation and its
    price."""
    active = found.numbers["active_max"]
    active_bn = in_units(active, "billion")
    claim = data.stated("s22_cost_per_inference")
    peak = data.assumed("gpu_peak_flops")
    gpu = (peak, data.assumed("gpu_utilisation"), data.assumed("gpu_price_per_hour"))
    # The curve runs to where, at the sliders' defaults, it costs four times the article's figure.
    top = recommender.candidates_for_cost(4 * claim, active, *gpu)
    grid = pd.DataFrame({"candidates": np.unique(np.floor(np.logspace(0, np.log10(top), 61)))})
    most = grid["candidates"].max()
    largest = recommender.cost_per_request(recommender.flops_per_request(active, most), *gpu)
    sliders = [
        charts.slider("active_bn", "Active parameters, billions ", active_bn, 0.1, active_bn, 0.1),
        charts.assumption_slider(
            data, "gpu_peak_flops", "peak_tflops", "GPU peak, TFLOP/s ", per=TERA
        ),
        charts.assumption_slider(data, "gpu_utilisation", "utilisation", "GPU utilisation "),
        charts.assumption_slider(
            data, "gpu_price_per_hour", "gpu_price", "GPU price, USD per hour "
        ),
    ]
    chart = charts.model_curve(
        grid,
        "candidates",
        recommender.cost_expression(),
        x_title="Candidates scored per request",
        y_title=f"Cost of {INFERENCES:,} inferences, USD",
        sliders=sliders,
        claim=(claim * INFERENCES, claim_label(claim)),
        x_format="~s",
        value_formats=(",.0f", ",.2~r"),
        y_max=charts.axis_top(largest * INFERENCES),
        x_scale="log",
        x_domain=(grid["candidates"].min(), most),
        crossing=charts.Crossing(
            recommender.candidates_expression(claim),
            CROSSING_LABEL,
            counts="candidates scored per request",
        ),
    )
    caption = charts.Caption(
        title=f"Cost of {INFERENCES:,} inferences of a sparse recommender",
        units=f"USD per {INFERENCES:,} inferences, by candidates scored per request (log scale "
        "across, linear up)",
        claims=MODEL_CLAIMS,
        model=f"{recommender.FLOPS_PER_PARAMETER} FLOPs per active parameter",
        assumptions=GPU,
    )
    description = (
        "Line chart: cost rises in proportion to candidates scored; a ring marks where it meets "
        f"the article's {money(claim, 'USD')}, which at the defaults buys about "
        f"{found.texts['candidates_for_claim']} candidates."
    )
    return charts.figure(chart, caption, description, data)
