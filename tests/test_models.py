"""The slider charts compute in the page with Vega expressions; each must agree with the
Python model it restates, at several points."""

from __future__ import annotations

import ast

import numpy as np
import pytest

from bytebook.chapters import codec, economics, infrastructure, recommender


def as_python(expression: str) -> str:
    """Rewrite Vega's right-associative `test ? a : b` as Python's `(a if test else b)`."""
    if "?" not in expression:
        return expression
    test, rest = expression.split("?", 1)
    depth = 0
    for at, character in enumerate(rest):
        depth += {"?": 1, ":": -1}.get(character, 0)
        if depth < 0:
            branch, otherwise = rest[:at], rest[at + 1 :]
            return f"({as_python(branch)} if {test} else {as_python(otherwise)})"
    raise ValueError(f"a '?' without its ':' in {expression!r}")


def evaluate(expression: str, **names: float | str) -> float:
    """Evaluate a Vega expression of numbers, strings, names, + - * /, brackets, == and ?:."""
    tree = ast.parse(as_python(expression.replace("datum.", "")), mode="eval")
    allowed = (
        ast.IfExp,
        ast.Compare,
        ast.Eq,
        ast.Expression,
        ast.BinOp,
        ast.Constant,
        ast.Name,
        ast.Load,
        ast.Add,
        ast.Sub,
        ast.Mult,
        ast.Div,
        ast.UnaryOp,
        ast.USub,
    )
    assert all(isinstance(node, allowed) for node in ast.walk(tree)), expression
    return eval(compile(tree, "<vega>", "eval"), {"__builtins__": {}}, names)


@pytest.mark.parametrize(
    ("price", "hours_m", "delivered", "decoders"),
    [(0.02, 46.3, 1.0, 1.0), (0.005, 200.0, 0.5, 0.3), (0.03, 1.0, 0.2, 0.0)],
)
def test_cdn_curve_matches_the_delivery_model(price, hours_m, delivered, decoders):
    saved = 8e6 - 3.2e6
    expression = codec.saving_expression(np.float64(codec.gb_per_watch_hour(saved)))
    in_page = evaluate(
        expression,
        price=price,
        watch_hours_m=hours_m,
        delivered_ratio=delivered,
        decoder_share=decoders,
    )
    # independent: GB saved an hour = 4.8 Mbps × delivered share / 8 × 3600 / 1e9
    expected = hours_m * 1e6 * decoders * 4.8e6 * delivered / 8 * 3600 / 1e9 * price
    assert in_page * 1e6 == pytest.approx(expected)
    assert codec.daily_saving(hours_m * 1e6, saved, price, delivered, decoders) == pytest.approx(
        expected
    )


@pytest.mark.parametrize(
    ("candidates", "active_bn", "peak_tflops", "util", "price"),
    [(1000, 20, 989.4, 0.552, 2.95), (10, 0.5, 312.0, 0.1, 12.0)],
)
def test_inference_curve_matches_the_cost_model(candidates, active_bn, peak_tflops, util, price):
    peak = np.float64(peak_tflops * 1e12)  # data cells arrive as numpy floats
    in_page = evaluate(
        recommender.cost_expression(),
        candidates=candidates,
        active_bn=active_bn,
        peak_tflops=peak_tflops,
        utilisation=util,
        gpu_price=price,
    )
    flops = recommender.flops_per_request(active_bn * 1e9, candidates)
    assert in_page / 1e4 == pytest.approx(recommender.cost_per_request(flops, peak, util, price))


@pytest.mark.parametrize(("util", "price"), [(0.35, 2.95), (0.72, 10.0)])
def test_utilisation_curve_matches_cost_per_useful_hour(util, price):
    in_page = evaluate(infrastructure.COST_EXPRESSION, utilisation=util, gpu_hour_price=price)
    assert in_page == pytest.approx(infrastructure.cost_per_useful_hour(price, util))


@pytest.mark.parametrize(("payers_m", "fee"), [(20, 0.0), (35, 0.3)])
def test_capcut_curve_matches_the_subscription_model(payers_m, fee):
    expression = economics.profit_expression(np.float64(7.99), np.float64(0.92))
    in_page = evaluate(expression, payers_m=payers_m, store_fee=fee)
    revenue = economics.subscription_revenue(7.99, payers_m * 1e6)
    assert in_page * 1e9 == pytest.approx(economics.gross_profit(revenue, 0.92, fee))


@pytest.mark.parametrize(("payers_m", "take"), [(0.0, 0.0), (20.0, 0.05), (77.5, 0.15)])
def test_split_bars_match_the_split_of_the_total(payers_m, take):
    total, live, price, gmv = 39e9, 2e9, 7.99, 33.2e9
    expression = economics.split_expression(
        np.float64(total), np.float64(live), np.float64(price), np.float64(gmv)
    )
    capcut = economics.subscription_revenue(price, payers_m * 1e6)
    shop = take * gmv
    rest = total - live - capcut - shop
    expected = {
        economics.CAPCUT: capcut,
        economics.LIVE: live,
        economics.SHOP: shop,
        economics.ADS: rest,
    }
    for part, usd in expected.items():
        in_page = evaluate(expression, part=part, capcut_payers_m=payers_m, shop_take=take)
        assert in_page * 1e9 == pytest.approx(usd, abs=1e-3)
