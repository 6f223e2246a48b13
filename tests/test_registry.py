"""The lists that name the chapters agree: the table of contents, the chapter registry, the
article's sections and what each page declares it uses."""

from __future__ import annotations

import re

import pytest
import yaml

from bytebook.article import SECTIONS
from bytebook.chapters import WRITTEN
from bytebook.data import TABLE_FILES, load_book_data
from bytebook.paths import BOOK_DIR, ROOT
from bytebook.publish import inputs

PAGES_WITH_CODE = sorted(
    page.stem
    for page in BOOK_DIR.glob("*.md")
    if inputs.CODE_CELL in page.read_text(encoding="utf-8")
)
DATA_CALLS = {
    "claims": ("claims", "stated", "claim"),
    "references": ("references", "reference", "cite"),
    "assumptions": ("assumptions", "assumed"),
    "ranking": ("ranking",),
}
"""The BookData attributes and methods that read each table."""


def test_the_toc_lists_the_written_chapters_in_registry_order():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    article = [toc["root"]] + [entry["file"] for entry in toc["parts"][0]["chapters"]]
    assert article == [f"book/{name}" for name in WRITTEN]


def test_each_article_section_is_judged_by_exactly_one_chapter():
    for section in SECTIONS:
        judges = [name for name, module in WRITTEN.items() if section in module.SECTIONS]
        assert len(judges) == 1, f"section {section} is judged by {judges}"
    for name, module in WRITTEN.items():
        assert set(module.SECTIONS) <= set(SECTIONS), name


@pytest.mark.parametrize("page", PAGES_WITH_CODE)
def test_a_page_declares_every_chapter_and_table_its_code_uses(page):
    source = (BOOK_DIR / f"{page}.md").read_text(encoding="utf-8")
    chapters = inputs.chapters_used(source)
    if re.search(r"\bbytebook\.book\b", source):
        assert chapters == set(WRITTEN), "a page that builds the whole ledger uses every chapter"
    imported = re.findall(r"from bytebook\.(?:chapters|figures) import ([\w, ]+)", source)
    names = {name.strip().split(" as ")[0] for group in imported for name in group.split(",")}
    assert names & set(WRITTEN) <= chapters
    files = inputs.data_files_used(source, chapters)
    for table, calls in DATA_CALLS.items():
        if re.search(rf"\bdata\.(?:{'|'.join(calls)})\b", source):
            assert TABLE_FILES[table] in files, f"{page} reads {TABLE_FILES[table]}"


def test_a_page_with_code_and_no_declaration_is_refused():
    page = "---\njupytext: {}\n---\n\n```{code-cell} ipython3\nprint(1)\n```\n"
    with pytest.raises(inputs.UndeclaredInputs, match="must declare its inputs"):
        inputs.page_inputs(page)


def test_a_declaration_naming_an_unknown_chapter_is_refused():
    page = "---\nbytebook:\n  chapters: [nowhere]\n---\n\n```{code-cell} ipython3\n```\n"
    with pytest.raises(inputs.UndeclaredInputs, match="nowhere"):
        inputs.page_inputs(page)


@pytest.mark.parametrize("page", PAGES_WITH_CODE)
def test_prose_shows_the_text_of_a_chapter_number_not_its_raw_value(page):
    """A chapter's number `key` is glued twice: `key` (the raw value, for code) and `key_text`
    (its prose form). A text role naming a raw chapter value would print '1.0' for a sentence."""
    source = (BOOK_DIR / f"{page}.md").read_text(encoding="utf-8")
    chapters = [WRITTEN[name] for name in inputs.chapters_used(source) if name in WRITTEN]
    if "open_chapter" not in source or not chapters:
        return
    data = load_book_data()
    raw_keys = {key for module in chapters for key in module.analyse(data).numbers}
    shown = set(re.findall(r"\{glue:text\}`([\w]+)`", source))
    assert not shown & raw_keys, f"{page} shows raw values: {sorted(shown & raw_keys)}"
