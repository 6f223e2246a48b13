"""Pages indexed for search apart, by forked writers, and merged in whatever order they finish,
make the index Sphinx makes indexing them one after another in the main process."""

from __future__ import annotations

import copy
from types import SimpleNamespace

from docutils import nodes
from docutils.utils import new_document
from sphinx import addnodes
from sphinx.search import IndexBuilder

from bytebook.publish.parallel_write import _in_sphinx_order, _index_alone, merge_index

PAGES = {
    "alpha": ("Alpha", "running runners ran near the river", ["river"]),
    "beta": ("Beta", "the river runs past the mill", ["mill", "river"]),
    "gamma": ("Gamma", "a mill grinds grain", ["grain"]),
    "delta": ("Delta", "grain and rivers", []),
}
"""Each page's title, text and index entries (terms the glossary would index)."""


def page(name: str) -> nodes.document:
    title, text, terms = PAGES[name]
    document = new_document(name)
    section = nodes.section(ids=[name])
    section += nodes.title(text=title)
    section += nodes.paragraph(text=text)
    entries = [("single", term, f"{name}-{term}", "", None) for term in terms]
    section += addnodes.index(entries=entries)
    document += section
    return document


class Builder:
    """The part of Sphinx's HTML builder that indexing uses."""

    def __init__(self) -> None:
        tables = ("titles", "filenames", "mapping", "title_mapping", "all_titles")
        tables += ("index_entries", "objtypes", "objnames")
        env = SimpleNamespace(**{f"_search_index_{name}": {} for name in tables})
        self.indexer = IndexBuilder(env, "en", {}, None)

    def index_page(self, pagename: str, doctree: nodes.document, title: str) -> None:
        self.indexer.feed(pagename, f"{pagename}.md", title, doctree)


def tables(indexer: IndexBuilder) -> dict[str, object]:
    """What the index holds, the order of its index entries' pages included."""
    names = ("_titles", "_filenames", "_all_titles", "_mapping", "_title_mapping")
    return {
        **{name: getattr(indexer, name) for name in names},
        "entries": list(indexer._index_entries.items()),
    }


def test_merged_in_any_order_the_index_is_sphinx_s() -> None:
    docnames = sorted(PAGES)
    serial = Builder()
    earlier = Builder()
    for builder in (serial, earlier):
        builder.index_page("beta", page("beta"), "Beta")  # held by the index before
    for docname in docnames:
        serial.index_page(docname, page(docname), PAGES[docname][0])

    batches = [["alpha"], ["beta", "delta"], ["gamma"]]
    parts = [
        _index_alone(copy.deepcopy(earlier), [(d, page(d), PAGES[d][0]) for d in batch])
        for batch in batches
    ]
    held = list(earlier.indexer._index_entries)
    for part in reversed(parts):  # the last batch finished first
        merge_index(earlier.indexer, part)
    _in_sphinx_order(earlier.indexer, held, docnames)

    assert tables(earlier.indexer) == tables(serial.indexer)
    assert [name for name, _ in tables(earlier.indexer)["entries"]] == [
        "beta",
        "alpha",
        "delta",
        "gamma",
    ]


def test_a_batch_indexes_only_its_own_pages() -> None:
    builder = Builder()
    builder.index_page("alpha", page("alpha"), "Alpha")
    part = _index_alone(copy.deepcopy(builder), [("gamma", page("gamma"), "Gamma")])
    assert set(part["_titles"]) == {"gamma"}
    assert all(pages == {"gamma"} for pages in part["_mapping"].values())
    assert "river" not in part["_mapping"]
