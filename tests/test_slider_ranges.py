"""A slider chart's y axis holds its curve at every setting of its sliders.

The curve's largest value at each corner of the sliders' ranges comes from the chapter's own
model functions (in Python); the axis range is the chart's, computed by Vega from its spec with
the sliders set to that corner.
"""

from __future__ import annotations

import itertools

import pytest

from bytebook.chapters import codec, infrastructure, recommender
from bytebook.figures import codec as codec_figures
from bytebook.figures import infrastructure as infrastructure_figures
from bytebook.figures import recommender as recommender_figures
from bytebook.publish.chart_data import evaluate_range


def _walk(node: object):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _curve(spec: dict) -> tuple[dict, list[float]]:
    """The curve layer's y range as written in the spec, and the x values it is drawn at."""
    [layer] = [
        node
        for node in _walk(spec)
        if "mark" in node and "expr" in node["encoding"]["y"].get("scale", {}).get("domain", {})
    ]
    x = layer["encoding"]["x"]["field"]
    rows = spec["datasets"][layer["data"]["name"]]
    return layer["encoding"]["y"]["scale"]["domain"], [row[x] for row in rows]


def _sliders(spec: dict) -> dict[str, tuple[float, float, float]]:
    """Each slider's default, least and greatest value."""
    return {
        node["name"]: (node["value"], node["bind"]["min"], node["bind"]["max"])
        for node in _walk(spec)
        if isinstance(node.get("bind"), dict) and node["bind"].get("input") == "range"
    }


def _codec_largest(data, xs, s):
    saved = data.stated("s21_bitrate_upload") - data.stated("s21_bitrate_vvc")
    return max(
        codec.daily_saving(
            s["watch_hours_m"] * 1e6, saved, price, s["delivered_ratio"], s["decoder_share"]
        )
        for price in xs
    ) / 1e6


def _infrastructure_largest(data, xs, s):
    return max(infrastructure.cost_per_useful_hour(s["gpu_hour_price"], u) for u in xs)


def _recommender_largest(data, xs, s):
    peak = data.assumed("gpu_peak_flops")
    return 1e4 * max(
        recommender.cost_per_request(
            recommender.flops_per_request(s["active_bn"] * 1e9, n),
            peak,
            s["utilisation"],
            s["gpu_price"],
        )
        for n in xs
    )


CHARTS = {
    "codec": (codec, codec_figures.cdn, _codec_largest),
    "infrastructure": (infrastructure, infrastructure_figures.utilisation, _infrastructure_largest),
    "recommender": (recommender, recommender_figures.inference, _recommender_largest),
}


@pytest.mark.parametrize("chapter", sorted(CHARTS))
def test_the_y_axis_holds_the_curve_at_every_corner_of_the_sliders(chapter, data):
    module, figure, largest = CHARTS[chapter]
    spec = figure(module.analyse(data), data).to_dict()
    domain, xs = _curve(spec)
    sliders = _sliders(spec)
    defaults = [{"name": name, "value": value} for name, (value, _, _) in sliders.items()]
    default_top = evaluate_range(domain, defaults)[1]
    assert largest(data, xs, {n: v for n, (v, _, _) in sliders.items()}) < default_top
    for corner in itertools.product(*((low, high) for _, low, high in sliders.values())):
        setting = dict(zip(sliders, corner, strict=True))
        params = [{"name": name, "value": value} for name, value in setting.items()]
        low, top = evaluate_range(domain, params)
        assert low == 0
        assert largest(data, xs, setting) <= top, (chapter, setting, top)
        assert top >= default_top  # the axis never shrinks below its default range


def test_the_y_axis_stays_put_while_the_curve_fits_under_it(data):
    """Moving a slider down moves the curve, not the axis."""
    spec = infrastructure_figures.utilisation(infrastructure.analyse(data), data).to_dict()
    domain, _ = _curve(spec)
    [(value, low, _)] = _sliders(spec).values()
    at_default = evaluate_range(domain, [{"name": "gpu_hour_price", "value": value}])
    at_lowest = evaluate_range(domain, [{"name": "gpu_hour_price", "value": low}])
    assert at_default == at_lowest


def test_the_recommender_labels_the_articles_cost_in_its_axis_unit(data):
    """The rule sits at USD 0.0003 × 10,000 = USD 3 on an axis of USD per 10,000 inferences;
    its label says so, with the article's per-inference figure beside it."""
    spec = recommender_figures.inference(recommender.analyse(data), data).to_dict()
    labels = [
        row["label"]
        for rows in spec["datasets"].values()
        for row in rows
        if "level" in row and "label" in row
    ]
    assert labels == ["the article: USD 3 per 10,000 (USD 0.0003 each)"]
    assert data.stated("s22_cost_per_inference") == 0.0003
