"""A published notebook shows what its page shows: a MyST `only` block (the preface's link to
the PDF) is written as its text where the site set its tag, and left out where it did not, so
a notebook downloaded from a site built without the PDF links no missing file."""

from __future__ import annotations

from bytebook.publish.notebooks import links_from

PDF_BLOCK = (
    "## Downloads\n\n```{only} bytebook_pdf\n"
    'The whole book is one PDF: <a href="../book.pdf">book.pdf</a>.\n```\n\nThe notebooks.\n'
)


def _published_markdown(tags: frozenset[str]) -> str:
    notebook = {"cells": [{"cell_type": "markdown", "source": PDF_BLOCK}]}
    return links_from(notebook, "book", "_sources/book", tags)["cells"][0]["source"]


def test_a_block_whose_tag_the_site_set_is_written_as_its_text_from_the_notebook():
    assert _published_markdown(frozenset({"bytebook_pdf"})) == (
        "## Downloads\n\n"
        'The whole book is one PDF: <a href="../../book.pdf">book.pdf</a>.\n'
        "\nThe notebooks.\n"
    )


def test_a_block_whose_tag_the_site_did_not_set_is_left_out():
    assert _published_markdown(frozenset()) == "## Downloads\n\n\nThe notebooks.\n"
