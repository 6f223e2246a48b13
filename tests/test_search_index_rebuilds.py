"""A rebuild keeps the search index whole: Sphinx reloads the last index's words but not its
index entries, so an edit of another page used to publish an index without the glossary's
terms (bytebook.publish.search)."""

from __future__ import annotations

from pathlib import Path

from sphinx.cmd.build import build_main
from sphinx.search import js_index


def _write(path: Path, text: str) -> None:
    """Write `text` only if the file holds something else, so Sphinx sees only real edits."""
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def _small_site(source: Path, page_words: str, with_glossary: bool = True) -> None:
    """A Sphinx project with this book's search: a home page, a glossary and a plain page."""
    source.mkdir(exist_ok=True)
    _write(source / "conf.py", 'extensions = ["bytebook.publish.search"]\n')
    pages = "   glossary\n   page\n" if with_glossary else "   page\n"
    _write(source / "index.rst", f"Home\n====\n\n.. toctree::\n\n{pages}")
    glossary = source / "glossary.rst"
    if with_glossary:
        _write(glossary, "Glossary\n========\n\n.. glossary::\n\n   CDN\n      A network.\n")
    else:
        glossary.unlink(missing_ok=True)
    _write(source / "page.rst", f"Page\n====\n\n{page_words}\n")


def _index_entries(html: Path) -> dict:
    text = (html / "searchindex.js").read_text(encoding="utf-8")
    return js_index.loads(text)["indexentries"]


def test_a_rebuild_that_does_not_rewrite_the_glossary_keeps_its_terms(tmp_path):
    source, html = tmp_path / "source", tmp_path / "html"

    def build() -> None:
        assert build_main(["-q", "-b", "html", str(source), str(html)]) == 0

    _small_site(source, "First words.")
    build()
    assert "cdn" in _index_entries(html)
    _small_site(source, "Other words.")
    build()
    assert "cdn" in _index_entries(html), "the glossary's term left the search"
    _small_site(source, "Other words.", with_glossary=False)
    build()
    assert "cdn" not in _index_entries(html), "a removed page's term stayed in the search"
