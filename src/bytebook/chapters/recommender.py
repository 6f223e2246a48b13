"""Chapter 2.2: the trillion-parameter MoE recommender and its cost per inference."""

from __future__ import annotations

from bytebook.article import DAYS_IN_YEAR
from bytebook.checks import after_article, later_sources_note, unsettled
from bytebook.data import ASSUMPTIONS_FILE, CLAIMS_FILE, REFERENCES_FILE, BookData
from bytebook.findings import Findings
from bytebook.ledger import LedgerEntry, Verdict, claim_reading, derived, working
from bytebook.numbers import (
    count,
    count_words,
    figure,
    format_in,
    format_percent,
    percent,
    significant,
)

SECTIONS = ("2.2",)
"""The article sections whose claims this chapter judges."""

INPUTS = (
    ASSUMPTIONS_FILE,
    CLAIMS_FILE,
    REFERENCES_FILE,
)
"""The data files its analysis reads (checked by a test that records what it reads)."""

SECONDS_PER_DAY = 86_400
SECONDS_PER_MINUTE = 60
SECONDS_PER_HOUR = 3_600
FLOPS_PER_PARAMETER = 2
"""A forward pass costs about two floating-point operations per active parameter."""


def flops_per_request(active_parameters: float, candidates: float) -> float:
    """Compute for scoring `candidates` items with a model of `active_parameters`."""
    return FLOPS_PER_PARAMETER * active_parameters * candidates


def cost_per_request(
    flops: float, peak_flops: float, utilisation: float, price_per_hour: float
) -> float:
    """USD for `flops` on a GPU of `peak_flops` run at `utilisation`, rented by the hour."""
    return flops / (peak_flops * utilisation) * price_per_hour / SECONDS_PER_HOUR


def candidates_for_cost(
    cost: float,
    active_parameters: float,
    peak_flops: float,
    utilisation: float,
    price_per_hour: float,
) -> float:
    """How many candidates one request can score for `cost` USD."""
    per_candidate = cost_per_request(
        flops_per_request(active_parameters, 1), peak_flops, utilisation, price_per_hour
    )
    return cost / per_candidate


def cost_expression() -> str:
    """Cost per 10,000 inferences as a Vega expression of `datum.candidates` and the sliders
    `active_bn`, `peak_tflops`, `utilisation` and `gpu_price`: cost_per_request in the page."""
    return (
        f"{FLOPS_PER_PARAMETER} * active_bn * 1e9 * datum.candidates / (peak_tflops * 1e12 * "
        f"utilisation) * gpu_price / {SECONDS_PER_HOUR} * 10000"
    )


def candidates_expression(cost: float) -> str:
    """How many candidates one request can score for `cost` USD, as a Vega expression of the
    sliders `active_bn`, `peak_tflops`, `utilisation` and `gpu_price`: candidates_for_cost in
    the page."""
    per_candidate = (
        f"{FLOPS_PER_PARAMETER} * active_bn * 1e9 / (peak_tflops * 1e12 * utilisation) * "
        f"gpu_price / {SECONDS_PER_HOUR}"
    )
    return f"{float(cost)!r} / ({per_candidate})"


PRICE_REFERENCE = "h100_hour_median_2026"
"""The reference behind the default GPU-hour price (assumption gpu_price_per_hour)."""

GPU_REFERENCES = {
    "gpu_peak_flops": "h100_bf16_dense_flops",
    "gpu_utilisation": "rankmixer_mfu",
    "gpu_price_per_hour": PRICE_REFERENCE,
}
"""The reference each GPU assumption's default is taken from (the first its basis cites)."""


def _default_from(data: BookData, assumption_id: str) -> str:
    """Where a GPU assumption's default comes from, in words: the reference's item and its
    citation (which says when a figure was read at second hand)."""
    ref = GPU_REFERENCES[assumption_id]
    return f"{data.references.at[ref, 'item']}, {data.cite(ref)}{after_article(data, ref)}"


def analyse(data: BookData) -> Findings:
    """Derive the quantities the recommender claims imply and what USD 0.0003 buys."""
    found = Findings()
    params, sparsity = data.stated("s22_params"), data.stated("s22_sparsity")
    cost, fifth = data.stated("s22_cost_per_inference"), data.stated("s22_vs_industry")
    behaviours, interval = data.stated("s22_behaviours"), data.stated("s22_hot_update")
    active = found.number("active_max", params * sparsity, format_in, "billion")
    industry = found.number("industry_cost", cost / fifth, "USD {:.4f}")
    per_second = found.number(
        "behaviours_per_second", behaviours / SECONDS_PER_DAY, format_in, "million", 2
    )
    updates = found.number("updates_per_day", SECONDS_PER_DAY / interval, "{:.0f}")
    per_update = found.number("behaviours_per_update", behaviours / updates, format_in, "million")
    peak, util = data.assumed("gpu_peak_flops"), data.assumed("gpu_utilisation")
    price = data.assumed("gpu_price_per_hour")
    found.number("peak_tflops", peak, format_in, "TFLOP/s", 1)
    found.number("utilisation", util, percent)
    found.number("gpu_price", price, "USD {:.2f}")
    candidates = found.number(
        "candidates_for_claim",
        candidates_for_cost(cost, active, peak, util, price),
        "{:,.0f}",
    )
    daily_cost = found.number(
        "daily_cost_if_per_behaviour", behaviours * cost, format_in, "million", 0, "USD "
    )
    revenue = data.stated("s1_overseas_revenue")
    revenue_text = figure(revenue, "USD")
    revenue_day = revenue / DAYS_IN_YEAR
    found.number("daily_revenue", revenue_day, format_in, "million", 0, "USD ")
    cost_share = found.number("cost_share_of_revenue", daily_cost / revenue_day, format_percent, 0)

    rankmixer = data.reference("rankmixer_params")
    found.number("rankmixer_params", rankmixer, format_in, "billion")
    none_found = "This book found no source for this figure."
    params_reason = (
        f"The only ByteDance ranking model in the references, RankMixer, counts "
        f"{format_in(rankmixer, 'billion')} dense parameters "
        f"({data.cite('rankmixer_params')}): the dense part only, leaving out the "
        "embedding tables (the sparse parameters), so it cannot be set against a trillion; "
        "its 'trillion-scale' refers to the training data. This book found nothing "
        "that supports or refutes a trillion parameters."
        + later_sources_note(data, "rankmixer_params", bears=False)
    )
    sparsity_reason = (
        "RankMixer's abstract also describes a sparse mixture-of-experts (Sparse-MoE) variant "
        f"that takes it to {format_in(rankmixer, 'billion')} parameters, gives no share of "
        "parameters active, and says its authors launched '1B Dense-Parameters RankMixer' for "
        "full traffic, without saying whether that is the Sparse-MoE variant; this book found "
        "no source for the sparsity of a model of a trillion parameters."
    )
    per_candidate = cost_per_request(flops_per_request(active, 1), peak, util, price)
    found.add(
        working(
            "d_updates_per_day",
            "2.2",
            f"Model updates a day at one every {figure(interval, 's')}",
            updates,
            "count",
            f"{SECONDS_PER_DAY:,} s ÷ {interval:.0f} s = {updates:.0f}.",
        ),
        working(
            "d_candidates_for_claim",
            "2.2",
            f"Candidates one {figure(cost, 'USD')} inference pays to score "
            "(the book's illustration)",
            candidates,
            "count",
            f"Scoring one candidate takes {FLOPS_PER_PARAMETER} × "
            f"{format_in(active, 'billion')} active parameters = "
            f"{format_in(FLOPS_PER_PARAMETER * active, 'billion')} FLOP; on a GPU at "
            f"{format_in(peak, 'TFLOP/s', 1)} × {percent(util)} utilisation, rented at USD "
            f"{price:.2f} an hour (the book's cost model's assumptions for the GPU's peak, its "
            "utilisation and its hourly price), that costs USD "
            f"{per_candidate * 1e8:.3f} × 10⁻⁸; USD {cost:g} ÷ that = {candidates:,.0f}."
            + later_sources_note(data, PRICE_REFERENCE, "rankmixer_mfu"),
            ("h100_bf16_dense_flops", PRICE_REFERENCE, "rankmixer_mfu"),
        ),
        working(
            "d_daily_revenue",
            "2.2",
            f"The {revenue_text} spread over the days of 2024",
            revenue_day,
            "USD/day",
            f"{revenue_text} (the article) ÷ {DAYS_IN_YEAR} days = "
            f"{format_in(revenue_day, 'million', 0, 'USD ')}.",
        ),
        working(
            "d_cost_share_of_revenue",
            "2.2",
            "Daily inference cost, if every learned action is one inference, against daily revenue",
            cost_share,
            "share",
            f"{format_in(daily_cost, 'million', 0, 'USD ')} (the daily inference cost) ÷ "
            f"{format_in(revenue_day, 'million', 0, 'USD ')} (the daily revenue) = "
            f"{format_percent(cost_share, 0)}.",
        ),
        unsettled(
            data,
            "s22_heading_moe",
            "A heading, read as: a sparse (稀疏化) mixture-of-experts (MoE) model of a trillion "
            "parameters (万亿参数); the thread's first sentence prints that size again, and the "
            "two are judged alike. " + params_reason + " " + sparsity_reason,
            sources=("rankmixer_params",),
        ),
        unsettled(data, "s22_params", params_reason, sources=("rankmixer_params",)),
        unsettled(
            data,
            "s22_sparsity",
            "RankMixer, a ranking model ByteDance published, counts "
            f"{format_in(rankmixer, 'billion')} dense parameters "
            f"({data.cite('rankmixer_params')}). {sparsity_reason}"
            + later_sources_note(data, "rankmixer_params", bears=False),
            sources=("rankmixer_params",),
        ),
        unsettled(
            data,
            "s22_cost_per_inference",
            f"{none_found} With {format_in(active, 'billion')} active parameters on a GPU at "
            f"{format_in(peak, 'TFLOP/s', 1)} ({_default_from(data, 'gpu_peak_flops')}), "
            f"{percent(util)} utilisation ({_default_from(data, 'gpu_utilisation')}) "
            f"and USD {price:.2f} an hour ({_default_from(data, 'gpu_price_per_hour')}), "
            f"it pays for scoring about {candidates:,.0f} candidates: an illustration, not a "
            "verdict." + later_sources_note(data, "rankmixer_mfu"),
            sources=tuple(GPU_REFERENCES.values()),
        ),
        unsettled(
            data,
            "s22_vs_industry",
            "This book found no source for an industry-average cost per inference. The "
            f"printed figure is {claim_reading(data.claim('s22_vs_industry'))}.",
        ),
        unsettled(
            data,
            "s22_behaviours",
            "This book found no source for how many user actions the system learns from a day.",
        ),
        unsettled(
            data,
            "s22_hot_update",
            f"{none_found} Monolith, a real-time recommender ByteDance published, synchronises "
            f"its sparse parameters incrementally at minute-level intervals "
            f"({data.cite('monolith_sync')}): the same order as "
            f"{figure(data.stated('s22_hot_update'), 's')}, not the same figure, "
            "and the quote read says nothing of the dense part.",
            sources=("monolith_sync",),
        ),
        derived(
            "d_active_parameters",
            "2.2",
            f"Bound on active parameters at the printed figures ({count(params)} × "
            f"{percent(sparsity)})",
            active,
            "params",
            f"{count(params)} × {percent(sparsity)} = {format_in(active, 'billion')} for a model "
            "of exactly that size; 万亿 may stand for more. This book found no source for the "
            "model's size.",
            Verdict.UNVERIFIABLE,
        ),
        derived(
            "d_industry_cost",
            "2.2",
            "Industry-average cost per inference the article implies",
            industry,
            "USD/inference",
            f"USD {cost:g} ÷ {fifth:g} = USD {industry:g}. "
            "This book found no source for the industry average.",
            Verdict.UNVERIFIABLE,
        ),
        working(
            "d_behaviours_per_second",
            "2.2",
            "User actions learned per second",
            per_second,
            "count",
            f"{count(behaviours)} a day ÷ {SECONDS_PER_DAY:,} s = "
            f"{found.texts['behaviours_per_second']} a second.",
        ),
        working(
            "d_behaviours_per_update",
            "2.2",
            f"User actions per {significant(interval / SECONDS_PER_MINUTE)}-minute update",
            per_update,
            "count",
            f"{SECONDS_PER_DAY:,} s ÷ {interval:.0f} s = {updates:.0f} updates a day; "
            f"{count(behaviours)} ÷ {updates:.0f} = {found.texts['behaviours_per_update']} "
            "actions each.",
        ),
        derived(
            "d_daily_inference_cost",
            "2.2",
            "Daily inference cost if every learned action is one inference",
            daily_cost,
            "USD/day",
            f"{count(behaviours)} × USD {cost:g} = {format_in(daily_cost, 'million', 0, 'USD ')} "
            f"a day, {format_percent(cost_share, 0)} of the {revenue_text} spread over "
            f"{DAYS_IN_YEAR} "
            "days. The article gives no request count, and its actions are learned from "
            "(在线学习), not served; this reading is the book's.",
            Verdict.UNVERIFIABLE,
        ),
    )
    found.add(no_downtime_entry(data))
    claims = [entry for entry in found.entries if entry.kind == "stated"]
    checked = sum(entry.verdict not in (None, Verdict.UNVERIFIABLE) for entry in claims)
    found.number("claims_checked", checked, lambda n: checked_sentence(int(n), len(claims)))
    return found


def checked_sentence(checked: int, claims: int) -> str:
    """How many of the section's claims a source or the article's own numbers settle, opening
    the chapter's summary box; the rest are unverifiable."""
    if claims < 1 or not 0 <= checked <= claims:
        raise ValueError(f"{checked} checked of {claims} claims: need 0 <= checked <= claims >= 1")
    rest = claims - checked
    if checked == 0:
        each = "its one claim is" if claims == 1 else f"each of its {count_words(claims)} claims is"
        return (
            f"Nothing in this section could be checked: {each} unverifiable, and its row says "
            "why."
        )
    if rest == 0:
        if claims == 1:
            return "The section's one claim could be checked."
        return f"All {count_words(claims)} of the section's claims could be checked."
    of_claims = "claim" if claims == 1 else "claims"
    others = (
        "the other one is unverifiable, and its row says why"
        if rest == 1
        else f"the other {count_words(rest)} are unverifiable, and their rows say why"
    )
    return (
        f"{count_words(checked).capitalize()} of the section's {count_words(claims)} "
        f"{of_claims} could be checked; {others}."
    )


def no_downtime_entry(data: BookData) -> LedgerEntry:
    """无需停机: the five-minute hot update needs no downtime. Monolith's summary speaks of
    minute-level parameter synchronisation but not of downtime, so the row is unverifiable."""
    return unsettled(
        data,
        "s22_no_downtime",
        "This book found no source on whether TikTok's recommender stops serving while it "
        "updates. Monolith, ByteDance's published real-time recommender, synchronises sparse "
        f"parameters 'incrementally at minute-level intervals' ({data.cite('monolith_sync')}): "
        "incremental updates are the kind that can be made while serving, but the "
        "passage read says nothing of downtime either way, and the paper's body may, so the "
        "claim could not be checked.",
        sources=("monolith_sync",),
    )
