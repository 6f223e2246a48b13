"""The glossary's figures (book/glossary.md): each one of data/, written by the number helpers,
with its source named beside it, so the page types no figure of its own."""

from __future__ import annotations

from bytebook.data import BookData
from bytebook.numbers import share
from bytebook.present import ARTICLE_PREFIX, article_figures

FISCAL_YEAR = "lenovo_rev_fy2425"
"""The reference whose period shows where Lenovo's fiscal year ends."""
MEGASCALE = "megascale_mfu"
"""MegaScale's paper, and the utilisation it reports."""
SPARSITY = "s22_sparsity"
"""The article's sparse activation rate."""


def figures(data: BookData) -> dict[str, str]:
    """Every figure the glossary shows, by glue name, with the source of each."""
    return {
        "lenovo_year_source": data.cite(FISCAL_YEAR, notes=False),
        "megascale_utilisation": share(data.reference(MEGASCALE)),
        "megascale_source": data.cite(MEGASCALE, notes=False),
        "sparsity": article_figures(data)[f"{ARTICLE_PREFIX}{SPARSITY}"],
    }
