"""The technology and business chapters say what their sources say and no more: a figure read
at second hand is said to be so where the page prints it, a model curve is not called
evidence, and a box or caption claims only what the page's numbers show."""

from __future__ import annotations

import re

import pytest

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
    ("recommender", "{glue:text}`utilisation_text`"): "RankMixer's utilisation (a note on the paper)",
    ("recommender", "Monolith"): "Monolith's minute-level sync (a summary quoting the paper)",
    ("overseas", "{glue:text}`h1_group_text`"): "ByteDance's H1 group revenue (a note on a relay)",
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
    assert "utilisation was read at second hand" in holds


def test_a_model_curve_s_caption_does_not_say_the_claim_holds():
    """Where a curve of the book's own model (W inputs) crosses the article's figure, the
    figure is consistent with the model; that is not evidence that it holds."""
    for page in ("recommender", "codec"):
        for paragraph in paragraphs(page):
            if "dashed line" in paragraph:
                assert not re.search(r"the article's [^.:;]*\bholds\b", paragraph), paragraph
                assert "consistent with" in paragraph, (page, paragraph[:120])
