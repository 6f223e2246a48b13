"""A slider chart's y axis holds its curve at every setting of its sliders.

The curve's largest value at each corner of the sliders' ranges comes from the chapter's own
model functions (in Python); the axis range is the chart's, computed by Vega from its spec with
the sliders set to that corner.
"""

from __future__ import annotations

import itertools

import pytest
import vl_convert as vlc
from test_chart_lint import walk

from bytebook.chapters import codec, infrastructure, recommender
from bytebook.figures import codec as codec_figures
from bytebook.figures import infrastructure as infrastructure_figures
from bytebook.figures import recommender as recommender_figures
from bytebook.paths import BOOK_DIR
from bytebook.publish.chart_data import evaluate_range


def _curve(spec: dict) -> tuple[dict, list[float]]:
    """The curve layer's y range as written in the spec, and the x values it is drawn at."""
    [layer] = [
        node
        for node in walk(spec)
        if "mark" in node and "expr" in node["encoding"]["y"].get("scale", {}).get("domain", {})
    ]
    x = layer["encoding"]["x"]["field"]
    rows = spec["datasets"][layer["data"]["name"]]
    return layer["encoding"]["y"]["scale"]["domain"], [row[x] for row in rows]


def _sliders(spec: dict) -> dict[str, tuple[float, float, float]]:
    """Each slider's default, least and greatest value."""
    return {
        node["name"]: (node["value"], node["bind"]["min"], node["bind"]["max"])
        for node in walk(spec)
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
    return 1e4 * max(
        recommender.cost_per_request(
            recommender.flops_per_request(s["active_bn"] * 1e9, n),
            s["peak_tflops"] * 1e12,
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
    its label says so, with the article's per-inference figure beside it (the amount kept
    whole: a no-break space), and the ring where the curve meets it sits at the same level."""
    spec = recommender_figures.inference(recommender.analyse(data), data).to_dict()
    level, label = _claim_rule(spec)
    [ring] = [row for rows in spec["datasets"].values() for row in rows if "meets" in row]
    assert label == "Article: USD\u00a03 (0.0003 each)"
    assert level == pytest.approx(3.0) and ring["meets"] == level
    assert ring["ring"] == "Where the model meets it"
    assert data.stated("s22_cost_per_inference") == 0.0003


def test_the_recommender_rings_where_its_curve_meets_the_article_at_every_setting(data):
    """The ring's x, computed by Vega from the sliders, is where the chapter's own cost model
    (in Python) costs the article's USD 0.0003: at the defaults, the chapter's candidates for
    the article's cost; at each corner of the sliders, a cost of the article's figure."""
    found = recommender.analyse(data)
    spec = recommender_figures.inference(found, data).to_dict()
    [ring] = [
        node
        for node in walk(spec)
        if "mark" in node and "meets" in str(node.get("encoding", {}).get("y"))
    ]
    [calculate] = [step for step in ring["transform"] if "calculate" in step]
    sliders = _sliders(spec)
    claim = data.stated("s22_cost_per_inference")
    for setting in [
        {name: values[0] for name, values in sliders.items()},
        *(dict(zip(sliders, corner, strict=True)) for corner in _corners(sliders)),
    ]:
        params = [{"name": name, "value": value} for name, value in setting.items()]
        [at, _] = evaluate_range({"expr": f"[{calculate['calculate']}, 0]"}, params)
        gpu = (setting["peak_tflops"] * 1e12, setting["utilisation"], setting["gpu_price"])
        flops = recommender.flops_per_request(setting["active_bn"] * 1e9, at)
        assert recommender.cost_per_request(flops, *gpu) == pytest.approx(claim, rel=1e-9)
    [at_default, _] = evaluate_range(
        {"expr": f"[{calculate['calculate']}, 0]"},
        [{"name": name, "value": values[0]} for name, values in sliders.items()],
    )
    assert at_default == pytest.approx(found.numbers["candidates_for_claim"], rel=1e-9)


def test_the_recommender_slides_every_gpu_input_its_source_line_names(data):
    """The page invites the reader to try other GPUs: the chart's source line names the GPU's
    peak, utilisation and price (data/assumptions.csv), and each has a slider over its
    assumption's range, at its default; the peak in TFLOP/s (989.4e12 FLOP/s is 989.4)."""
    spec = recommender_figures.inference(recommender.analyse(data), data).to_dict()
    sliders = _sliders(spec)
    for assumption, name, per_unit in (
        ("gpu_peak_flops", "peak_tflops", 1e12),
        ("gpu_utilisation", "utilisation", 1),
        ("gpu_price_per_hour", "gpu_price", 1),
    ):
        row = data.assumptions.loc[assumption]
        expected = tuple(row[k] / per_unit for k in ("value", "low", "high"))
        assert sliders[name] == pytest.approx(expected), assumption
    assert sliders["peak_tflops"][0] == pytest.approx(989.4)


def _corners(sliders: dict[str, tuple[float, float, float]]):
    """Every combination of the sliders' least and greatest values."""
    return itertools.product(*((low, high) for _, low, high in sliders.values()))


def _placed(node: dict, x: float = 0.0, y: float = 0.0):
    """Every item of a Vega scenegraph with its mark type, role and its place on the drawing
    (a group's items are placed relative to the group)."""
    for item in node.get("items", []):
        at = (x + item.get("x", 0.0), y + item.get("y", 0.0))
        yield node.get("marktype"), node.get("role"), item, at
        if node.get("marktype") == "group":
            yield from _placed(item, *at)
        elif "items" in item:
            yield from _placed(item, x, y)


def _claim_rule(spec: dict) -> tuple[float, str]:
    """The article's figure a model curve compares against, and its label, from the spec's data."""
    [(level, label)] = [
        (row["level"], row["label"])
        for rows in spec["datasets"].values()
        for row in rows
        if "level" in row and "label" in row
    ]
    return level, label


@pytest.mark.parametrize("chapter", ["codec", "recommender"])
def test_the_articles_figure_is_named_clear_of_the_curve_at_every_corner(chapter, data):
    """The label of the rule at the article's figure is drawn below the plot, where the curve
    (clipped to the plot) cannot run through it, at every corner of the sliders' ranges."""
    module, figure, _ = CHARTS[chapter]
    spec = figure(module.analyse(data), data).to_dict()
    _, label = _claim_rule(spec)
    sliders = _sliders(spec)
    for corner in itertools.product(*((low, high) for _, low, high in sliders.values())):
        setting = dict(zip(sliders, corner, strict=True))
        for node in walk(spec):
            if node.get("name") in setting and "bind" in node:
                node["value"] = setting[node["name"]]
        placed = list(_placed(vlc.vegalite_to_scenegraph(spec)["scenegraph"]))
        # The plot is the tallest cell (a legend's entries are cells too).
        plot, (_, plot_top) = max(
            ((item, at) for _, role, item, at in placed if role == "scope"),
            key=lambda cell: cell[0].get("height", 0),
        )
        plot_bottom = plot_top + plot["height"]
        tops = [
            at[1] - item.get("fontSize", 11)
            for mark, _, item, at in placed
            if mark == "text" and item.get("text") == label
        ]
        assert tops, (chapter, setting, "the label is not drawn")
        assert min(tops) > plot_bottom, (chapter, setting, tops, plot_bottom)


def test_the_codec_s_tooltip_never_shows_a_saving_as_nothing(data):
    """With every slider one step above its lowest (about a tenth of the implied watch-hours,
    a fifth of the bitrate delivered, almost no H.266-capable devices), the cheapest saving is
    about a hundred dollars a day: its tooltip, in USD million, must not round it to 0."""
    from bytebook.publish.chart_data import drawn_tables

    spec = codec_figures.cdn(codec.analyse(data), data).to_dict()
    for node in walk(spec):
        if isinstance(node.get("bind"), dict) and node["bind"].get("input") == "range":
            node["value"] = node["bind"]["min"] + node["bind"]["step"]
    [curve] = [t for t in drawn_tables(spec) if t.titles[0].startswith("Price per GB")]
    column = next(i for i, title in enumerate(curve.titles) if "Saving" in title)
    savings = [
        (float(raw[column]), shown[column])
        for raw, shown in zip(curve.raw, curve.shown, strict=True)
    ]
    assert min(value for value, _ in savings) < 0.005  # two decimals would show 0.00
    for value, shown in savings:
        assert value > 0 and float(shown.replace(",", "")) > 0, (value, shown)
        assert float(shown.replace(",", "")) == pytest.approx(value, rel=0.005)


def test_the_codec_s_price_axis_ends_at_the_price_the_page_calls_an_upper_bound(data):
    """The codec page takes the CloudFront list price as an upper bound on ByteDance's price per
    GB, so its chart's prices run up to that price and no further; the lowest price drawn is the
    assumption's own low end."""
    spec = codec_figures.cdn(codec.analyse(data), data).to_dict()
    _, prices = _curve(spec)
    assert max(prices) == pytest.approx(data.reference("cdn_list_floor_useu"))
    assert min(prices) == pytest.approx(data.assumptions.at["cdn_price_per_gb", "low"])
    page = (BOOK_DIR / "codec.md").read_text(encoding="utf-8")
    assert "The book takes that price as an upper bound" in page
