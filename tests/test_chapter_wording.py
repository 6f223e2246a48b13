"""The technology and business chapters say what their sources say and no more: a figure read
at second hand is said to be so where the page prints it, a model curve is not called
evidence, and a box or caption claims only what the page's numbers show."""

from __future__ import annotations

import re

import pytest

from bytebook.ledger import Verdict
from bytebook.paths import ROOT

BOOK = ROOT / "book"


def paragraphs(page: str) -> list[str]:
    """The page's prose paragraphs (code cells left out), each joined onto one line."""
    text = (BOOK / f"{page}.md").read_text(encoding="utf-8").split("---", 2)[-1]
    text = re.sub(r"```\{code-cell\}.*?```", "", text, flags=re.S)
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]


def box(page: str) -> str:
    """The page's "What holds and what does not" box, on one line."""
    text = (BOOK / f"{page}.md").read_text(encoding="utf-8")
    found = re.search(r"```\{admonition\} What holds and what does not\n(.*?)```", text, re.S)
    assert found, page
    return " ".join(found.group(1).split())


SECOND_HAND_PRINTS = {
    ("recommender", "Monolith"): "Monolith's minute-level sync (a summary quoting the paper)",
}
"""Where a page prints a figure read at second hand: the page, a marker of the figure, and what
it is."""


@pytest.mark.parametrize("page, marker", SECOND_HAND_PRINTS, ids=lambda v: str(v))
def test_a_second_hand_figure_is_said_to_be_so_where_it_is_printed(page, marker):
    printed = [p for p in paragraphs(page) if marker in p and not p.startswith(":")]
    assert printed, (page, marker)
    for paragraph in printed:
        assert "second hand" in paragraph, (page, marker, paragraph[:120])


def test_the_recommender_box_compares_like_with_like():
    """RankMixer's 1 billion parameters are its dense part; the embedding tables are not in the
    figure, so it can neither support nor refute a trillion (nor show a 'far smaller model').
    No row checks that the numbers cohere, so the box does not say they do."""
    holds = box("recommender")
    assert "far smaller" not in holds
    assert "internally coherent" not in holds
    assert "counts the dense part" in holds and "embedding tables" in holds
    assert "neither supports nor refutes a trillion" in holds
    # RankMixer's utilisation is quoted from the paper's abstract (P), its GPU peak and price
    # from weak sources: the model rests on W inputs, none of them read at second hand.
    assert "GPU peak and hourly price come from weak (W) sources" in holds
    assert "second hand" not in holds


def test_a_model_curve_s_caption_does_not_say_the_claim_holds():
    """Where a curve of the book's own model (W inputs) crosses the article's figure, the
    figure is consistent with the model; that is not evidence that it holds."""
    for page in ("recommender", "codec"):
        for paragraph in paragraphs(page):
            if "dashed line" in paragraph:
                assert not re.search(r"the article's [^.:;]*\bholds\b", paragraph), paragraph
                assert "consistent with" in paragraph, (page, paragraph[:120])


def test_the_meta_box_says_what_the_source_says_and_what_was_not_checked(data):
    """The article names no year for Meta's USD 13 bn: 2022's loss (13.717 bn) is the nearest,
    two years before 2024; the box may not say the article 'uses' a 2022 loss, and says that
    写进标题 (the headline) was not checked. So does the row."""
    from bytebook.chapters import overseas

    holds = box("overseas")
    assert "two-year-old loss" not in holds
    assert "names no year" in holds and "headline is not checked" in holds
    found = overseas.analyse(data)
    losses = {year: data.reference(f"meta_rl_loss_{year}") for year in (2022, 2023, 2024)}
    assert min(losses, key=lambda y: abs(losses[y] - 13e9)) == 2022
    assert found.texts["meta_years_before"] == "two years before"  # 2024 − 2022
    assert found.texts["meta_nearest_loss"] == "USD 13.72 bn"  # 13,717 million as recorded
    meta = {e.id: e for e in found.entries}["s1_meta_rl_loss"].evidence
    assert "写进标题) is not checked" in meta


def test_2023_s_group_revenue_is_the_ft_s_120_bn_and_bloomberg_s_nearly(data):
    """Bloomberg reported 'nearly $120 billion' for 2023, the FT 'US$120 billion': the page
    and the rows that use USD 120 bn cite the FT, and say Bloomberg's 'nearly'."""
    from bytebook.chapters import overseas

    assert "nearly $120 billion" in data.references.at["bd_group_2023", "quote"]
    assert "US$120 billion" in data.references.at["bd_group_2023_ft", "quote"]
    page = " ".join(paragraphs("overseas"))
    assert "Bloomberg reported" not in page
    assert "the Financial Times reported {glue:text}`reported_group_2023_text`" in page
    assert '(Bloomberg: "nearly" that)' in page
    entries = {e.id: e for e in overseas.analyse(data).entries}
    for row in ("d_overseas_2023", "d_domestic_2023", "d_group_growth", "d_overseas_share_2023"):
        assert "Financial Times" in entries[row].evidence, row
        assert "bd_group_2023_ft" in entries[row].sources, row
    assert "says nearly USD 120 bn" in entries["d_overseas_2023"].evidence


def test_the_glossary_states_no_unsourced_fact_about_uploads():
    glossary = (BOOK / "glossary.md").read_text(encoding="utf-8")
    avc = glossary.split("\nAVC\n", 1)[1].split("\n\n", 1)[0]
    assert "upload" not in avc and "predecessor" in avc


def test_the_utilisation_row_shows_both_of_the_blog_s_prefill_figures(data):
    """The Doubao 1.5 Pro blog gives Tensor Core utilisation near 60% and the prefill FFN's MFU
    raised to 0.8: the row on the 72% cites both, as other measures, not one of them."""
    from bytebook.chapters import infrastructure

    assert "提升至 0.8" in data.references.at["doubao15_prefill_ffn_mfu", "quote"]
    assert data.reference("doubao15_prefill_ffn_mfu") == 0.8
    entries = {e.id: e for e in infrastructure.analyse(data).entries}
    util = entries["s23_gpu_util"]
    assert {"doubao15_prefill_tc_util", "doubao15_prefill_ffn_mfu"} <= set(util.sources)
    assert "near 60% in prefill" in util.evidence
    assert "raised to 0.8 in prefill's FFN stage" in util.evidence
    assert "not a fleet's GPU utilisation" in util.evidence
    assert "{glue:text}`doubao_prefill_ffn_text`" in " ".join(paragraphs("infrastructure"))
    # A capability (three modalities) is not a figure. A blogger's post (W) names text, images
    # and speech (文本、图像、语音), and vision and speech (视觉、语音): of the article's three,
    # text only, neither code nor video, so it decides nothing.
    modalities = entries["s23_modalities"]
    assert "figure" not in modalities.evidence
    quote = data.references.at["doubao15_modalities", "quote"]
    assert "文本、图像、语音" in quote and "视觉、语音" in quote
    assert "names text, images and speech as the modalities" in modalities.evidence
    assert "text, but not code or video" in modalities.evidence
    assert modalities.sources == ("doubao15_modalities",)
    assert modalities.verdict is Verdict.UNVERIFIABLE


def test_the_blog_s_only_parameter_figure_is_named_where_it_is_said_to_give_none(data):
    """The blog gives no absolute active-parameter count, but does say its MoE outperforms a
    dense model with 7 times the activated parameters: the page says so, glued from the
    reference, rather than that the blog gives no parameter figure."""
    from bytebook.chapters import infrastructure

    assert "激活参数量 7 倍" in data.references.at["doubao15_moe_leverage", "quote"]
    assert infrastructure.analyse(data).texts["doubao_moe_leverage"] == "7×"
    page = " ".join(paragraphs("infrastructure"))
    assert "no context, latency or absolute active-parameter figure" in page
    assert "dense model with {glue:text}`doubao_moe_leverage_text` its activated" in page


def test_the_own_cdn_rests_on_a_note_and_the_page_says_so():
    """That ByteDance delivers most traffic over its own CDN is a note beside the list price
    (Kentik via DatacenterDynamics), not a source read: the page says so where it uses it."""
    uses = [p for p in paragraphs("codec") if "own CDN" in p]
    assert uses
    for paragraph in uses:
        assert "note" in paragraph and "not read" in paragraph, paragraph[:160]


def test_the_preface_defines_supported_by_sources_read_at_first_hand():
    text = " ".join(paragraphs("preface"))
    assert "a P or S source, read at first hand, agrees, or not" in text
    assert "read at second hand" in text and "counts as W whatever its tag" in text


def test_a_cut_at_the_end_of_the_idiom_s_band_is_said_to_be_at_its_top_end(data):
    """8 → 3.2 Mbps is a 60% cut, 1 − 3.2/8; 'about half' allows 40% to 60%: the cut sits on
    the band's top end, ten points above half (not 'a little more'), and the page says so as
    the row does."""
    from bytebook.chapters import economics
    from bytebook.checks import claim_band

    cut = 1 - 3.2 / 8
    assert abs(cut - 0.6) < 1e-12 and round((cut - 0.5) * 100) == 10
    assert abs(claim_band(data, "s3_live_bandwidth").high - cut) < 1e-12  # the band's top end
    page = " ".join(paragraphs("economics"))
    rows = {e.id: e for e in economics.analyse(data).entries}
    for text in (page, rows["s3_live_bandwidth"].evidence):
        assert "within the idiom's precision" not in text
        assert "a little more than half" not in text
        assert "more than half, at the top end of what" in text


def test_rows_that_do_not_decide_say_so_in_one_wording(data):
    """'shown, never deciding', not 'never decisive' in one row and 'deciding' in the rest."""
    from bytebook.book import all_entries

    evidence = [entry.evidence for entry in all_entries(data)]
    assert not [text for text in evidence if "never decisive" in text]
    assert sum("shown, never deciding" in text for text in evidence) >= 2


def test_the_second_hand_rule_covers_a_quote_read_in_a_summary():
    from bytebook.policy import SECOND_HAND_RULE

    assert "note or a summary about the source, even one that quotes it" in SECOND_HAND_RULE


HEADLINE_REFERENCES = ("bd_intl_2024", "bd_intl_growth_2024", "bd_group_2024")
"""The reference rows behind the article's USD 39 bn, its 63% and the group total of its 1/4."""


def test_the_headline_s_support_is_named_as_the_one_report_it_is(data):
    """USD 39 bn, +63% and the USD 155 bn group total all come from The Information, relayed by
    other pages: where the summary and the overseas chapter say the headline holds, they name
    that one report, not 'the press reports', which reads as several independent ones."""
    sources = {data.references.at[ref, "source"] for ref in HEADLINE_REFERENCES}
    assert all(source.startswith("The Information") for source in sources), sources
    for page in ("summary", "overseas"):
        text = " ".join((BOOK / f"{page}.md").read_text(encoding="utf-8").split())
        assert "press reports of the same figures" not in text, page
        assert "The Information's report of the same figures" in text, page


def test_the_context_length_is_printed_as_the_article_prints_it(data):
    """The article prints 128K, which may be read as 128,000 or 131,072 tokens (the ledger row
    weighs both): the prose repeats the article's K rather than one of the two readings."""
    from bytebook.chapters import infrastructure

    printed = infrastructure.analyse(data).texts["context_as_printed"]
    assert printed == "128K" and printed in data.claim("s23_context")["quote_zh"]
    page = (BOOK / "infrastructure.md").read_text(encoding="utf-8")
    assert "article_s23_context" not in page
    assert page.count("{glue:text}`context_as_printed_text` tokens") == 2
