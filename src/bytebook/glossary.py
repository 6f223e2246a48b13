"""The glossary's figures (book/glossary.md): each one of data/, written by the number helpers,
with its source named beside it, so the page types no figure of its own."""

from __future__ import annotations

from bytebook.data import BookData, short_source_name
from bytebook.numbers import share
from bytebook.present import ARTICLE_PREFIX, article_figures

FISCAL_YEAR = "lenovo_rev_fy2425"
"""The reference whose period shows where Lenovo's fiscal year ends."""
MEGASCALE = "megascale_mfu"
"""MegaScale's paper, and the utilisation it reports."""
SPARSITY = "s22_sparsity"
"""The article's sparse activation rate."""


def source(data: BookData, reference_id: str) -> str:
    """A reference's source by name, with its reliability tag: 'Reuters (via CNA), S'."""
    at = data.references.at
    return f"{short_source_name(at[reference_id, 'source'])}, {at[reference_id, 'reliability']}"


def figures(data: BookData) -> dict[str, str]:
    """Every figure the glossary shows, by glue name, with the source of each."""
    return {
        "lenovo_year": str(data.references.at[FISCAL_YEAR, "period"]),
        "lenovo_year_source": source(data, FISCAL_YEAR),
        "megascale_utilisation": share(data.reference(MEGASCALE)),
        "megascale_source": source(data, MEGASCALE),
        "sparsity": article_figures(data)[f"{ARTICLE_PREFIX}{SPARSITY}"],
    }
