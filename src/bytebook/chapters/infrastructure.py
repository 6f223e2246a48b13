"""Chapter 2.3: Doubao and Volcano Engine: utilisation, 'cost cut in half' and PD disaggregation."""

from __future__ import annotations

from functools import partial

import pandas as pd

from bytebook.checks import unsettled
from bytebook.data import CLAIMS_FILE, REFERENCES_FILE, BookData
from bytebook.findings import Findings
from bytebook.ledger import (
    LedgerEntry,
    Verdict,
    derived,
    illustration,
    judge_findings,
    printed_in_thousands,
    stated_entry,
    working,
)
from bytebook.numbers import figure, format_percent, multiple
from bytebook.policy import Interval, span

GAIN_DIGITS = 3
"""Significant figures of the published gains: recorded as 7.4, 1.4 and 0.75 over one, so none
is shown with more (7.4×, not 7.40×)."""

SECTIONS = ("2.3",)
"""The article sections whose claims this chapter judges."""

INPUTS = (
    CLAIMS_FILE,
    REFERENCES_FILE,
)
"""The data files its analysis reads (checked by a test that records what it reads)."""


def cost_per_useful_hour(price_per_hour: float, utilisation: float) -> float:
    """What one fully used GPU-hour costs when GPUs are busy only `utilisation` of the time."""
    return price_per_hour / utilisation


COST_EXPRESSION = "gpu_hour_price / datum.utilisation"
"""cost_per_useful_hour as a Vega expression of `datum.utilisation` and the slider
`gpu_hour_price`."""


def _model_entry(data: BookData) -> LedgerEntry:
    """豆包 1.5 Pro: the model the section's figures are about, named by its own team's blog
    (P), with its release month from a weak (W) page."""
    blog = ("doubao15_prefill_tc_util", "doubao15_pd_serving")
    return stated_entry(
        data.claim("s23_doubao_model"),
        None,
        Verdict.SUPPORTED,
        "The Doubao team's own blog on Doubao-1.5-pro, read on two copies, not on the team's "
        f"own page ({data.cite(*blog)}), describes how the model is served in production: a "
        "model of that name and version exists. A weak (W) page dates its release to "
        f"{data.references.at['doubao15pro_release', 'value_text']} "
        f"({data.cite('doubao15pro_release')}): shown, never deciding.",
        (*blog, "doubao15pro_release"),
    )


def analyse(data: BookData) -> Findings:
    """Derive the utilisation ratio, the cost it implies and 18 ms read as a per-token time."""
    found = Findings()
    ours, industry = data.stated("s23_gpu_util"), data.stated("s23_gpu_util_industry")
    ratio = found.number("utilisation_ratio", ours / industry, "{:.2f}×")
    cost_ratio = found.number("cost_ratio", industry / ours, format_percent)
    # The prose keeps the article's K, which may be read as 1,000 or 1,024.
    context = data.claim("s23_context")
    found.number(
        "context_as_printed", context["value"], partial(printed_in_thousands, context["quote_zh"])
    )
    latency = data.stated("s23_latency")
    tokens = found.number("tokens_per_second", 1 / latency, "{:.0f}")
    prefill = data.reference("doubao15_prefill_tc_util")
    megascale = data.reference("megascale_mfu")
    found.number("doubao_prefill", prefill, format_percent, 0)
    ffn = found.number("doubao_prefill_ffn", data.reference("doubao15_prefill_ffn_mfu"), "{:g}")
    found.number("megascale_mfu", megascale, format_percent)
    found.number("doubao_moe_leverage", data.reference("doubao15_moe_leverage"), multiple)
    gains = {
        "distserve_goodput": (
            "DistServe: requests served (S)",
            data.reference("distserve_goodput"),
        ),
        "splitwise_throughput": (
            "Splitwise: throughput (P)",
            data.reference("splitwise_throughput"),
        ),
        "mooncake_real": ("Mooncake: requests handled (P)", 1 + data.reference("mooncake_real")),
    }
    published = [value for _, value in gains.values()]
    for key, (_, value) in gains.items():
        found.number(key, value, multiple, GAIN_DIGITS)
    found.tables["pd_gains"] = pd.DataFrame(
        {
            "system": [f"Article: {ours:.0%} ÷ {industry:.0%} utilisation"]
            + [label for label, _ in gains.values()],
            "gain": [ratio] + [value for _, value in gains.values()],
        }
    )
    found.tables["utilisation_marks"] = pd.DataFrame(
        {
            "mark": [
                "Industry, per the article",
                "Volcano Engine, per the article",
                "Doubao 1.5 Pro prefill Tensor Cores (P): one stage, not a fleet",
                "MegaScale training MFU (P): training, not serving",
            ],
            "utilisation": [industry, ours, prefill, megascale],
            "article": [True, True, False, False],
        }
    )
    none_found = "This book found no source for this figure."
    mooncake = gains["mooncake_real"][1]
    found.add(
        working(
            "d_cost_ratio",
            "2.3",
            "Cost per useful GPU-hour after the utilisation gain, if cost were price ÷ "
            "utilisation (the book's illustration)",
            cost_ratio,
            "share",
            f"{format_percent(industry, 0)} ÷ {format_percent(ours, 0)} (the article's two "
            f"utilisations) = {format_percent(cost_ratio)}.",
        ),
        working(
            "d_tokens_per_second",
            "2.3",
            f"Tokens a second, if {figure(latency, 's')} is the time per generated token",
            tokens,
            "count",
            f"1 ÷ {latency * 1000:g} ms = {tokens:.0f} tokens a second.",
        ),
        working(
            "d_mooncake_real",
            "2.3",
            "Mooncake's requests handled on real workloads, as a multiple",
            mooncake,
            "multiple",
            f"1 + {format_percent(data.reference('mooncake_real'), 0)} more requests "
            f"({data.cite('mooncake_real')}) = {mooncake:.2f}×.",
            ("mooncake_real",),
        ),
        _model_entry(data),
        unsettled(
            data,
            "s23_context",
            "This book found no official Volcano Engine page for Doubao 1.5 Pro's context "
            "length. An open-source client's model list (W) names two variants, "
            f"Doubao-1.5-pro-32k ({data.reference('doubao15pro_ctx_32k'):,.0f} tokens) and "
            f"Doubao-1.5-pro-256k ({data.reference('doubao15pro_ctx_256k'):,.0f} tokens; "
            f"{data.cite('doubao15pro_ctx_256k')}); neither is 128K, whether K is read as 1,000 "
            f"({data.stated('s23_context'):,.0f} tokens) or as 1,024 "
            f"({data.stated('s23_context') / 1000 * 1024:,.0f}). The list is not consistent "
            "with itself: its entry for the 256k variant also gives, in its token field, a "
            "smaller window than its own description. A weak (W) source cannot decide.",
            sources=("doubao15pro_ctx_32k", "doubao15pro_ctx_256k"),
        ),
        unsettled(
            data,
            "s23_modalities",
            "A blogger's post on the model names "
            f"{data.references.at['doubao15_modalities', 'value_text']} as the modalities it "
            "takes in and gives out, and vision and speech among its multimodal abilities "
            f"(「{data.references.at['doubao15_modalities', 'quote']}」, "
            f"{data.cite('doubao15_modalities')}): text, but not code or video, and it does not "
            "say that they are unified in one model. This book found no source that says "
            "Doubao 1.5 Pro unifies code, video and text.",
            ("doubao15_modalities",),
        ),
        unsettled(
            data,
            "s23_latency",
            f"{none_found} Read as the time per generated token, {figure(latency, 's')} is "
            f"{tokens:.0f} "
            "tokens a second; the article does not say what it measures.",
        ),
        unsettled(
            data,
            "s23_gpu_util",
            f"This book found no official Volcano Engine figure. Doubao 1.5 Pro's own "
            f"team reports Tensor Core utilisation near {format_percent(prefill, 0)} in prefill "
            f"and model FLOPs utilisation raised to {ffn:g} in prefill's FFN stage "
            f"({data.cite('doubao15_prefill_tc_util', 'doubao15_prefill_ffn_mfu')}): other "
            "measures, each of one stage of one model's serving, not a fleet's GPU "
            "utilisation.",
            sources=("doubao15_prefill_tc_util", "doubao15_prefill_ffn_mfu"),
        ),
        unsettled(
            data,
            "s23_gpu_util_industry",
            "This book found no source for an industry-average utilisation.",
        ),
        unsettled(
            data,
            "s23_pd_pooling",
            "Doubao's team writes of its 'PD 分离的 Serving 系统', serving prefill and decode "
            f"apart ({data.cite('doubao15_pd_serving')}); this book found no source on its "
            "memory pooling.",
            sources=("doubao15_pd_serving",),
        ),
        judge_findings(
            data.claim("s23_cost_half"),
            [
                illustration(
                    data.claim("s23_cost_half"),
                    cost_ratio,
                    "An illustration by this book, not the article's logic: the article says "
                    "成本砍半 ('cost cut in half', read as 'about half') for CapCut's AI features "
                    "and does not say how it arises. If cost per useful GPU-hour were price ÷ "
                    f"utilisation, going from {format_percent(industry, 0)} to "
                    f"{format_percent(ours, 0)} would cut it to {format_percent(cost_ratio)}.",
                )
            ],
            None,
            "This book found no source for CapCut's AI cost before or after.",
        ),
        unsettled(
            data,
            "s23_capcut_doubao",
            "This book found no source on which models CapCut's AI cut-out and AI voice-over "
            "run, so whether they all run on Doubao could not be checked.",
        ),
        derived(
            "d_utilisation_ratio",
            "2.3",
            "Volcano Engine's utilisation over the industry's",
            ratio,
            "multiple",
            f"{format_percent(ours, 0)} ÷ {format_percent(industry, 0)} = {ratio:.2f}×. Published "
            "PD-disaggregation gains range from "
            f"{span(Interval(min(published), max(published)), multiple)}, "
            "on other measures.",
            Verdict.UNVERIFIABLE,
            ("distserve_goodput", "splitwise_throughput", "mooncake_real"),
        ),
    )
    found.add(users_unaware_entry(data))
    return found


def users_unaware_entry(data: BookData) -> LedgerEntry:
    """用户无感: users do not notice that Doubao runs CapCut's AI features. A statement about
    what users perceive; no survey or measurement of it was found, so it is unverifiable."""
    return unsettled(
        data,
        "s23_users_unaware",
        "A statement about what CapCut's users perceive (that Doubao behind its AI features "
        "makes no difference they notice). This book found no survey, user study or "
        "measurement of how CapCut's users experience these features, nor a source on which "
        "model runs them, so the claim could not be checked.",
    )
