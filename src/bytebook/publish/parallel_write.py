"""Parallel writers that index the pages for search as they write them.

Sphinx's parallel write keeps the main process for resolving each page and indexing it for
search (jieba's cutting and the stemmer: most of the write's work), and forks one writer fewer
than the cores to render the pages' HTML, in batches that the main process prepares whole one
after another: on two cores the pages were indexed, then rendered, one core idle each time.
Here the main process only resolves the pages, and one writer per core at a time takes a
small batch of them, indexes them in an empty index and renders them; the main process merges
each batch's words into its own index as the batch is done, so the index holds what Sphinx's
would, in its order.

A writer also hands each page it wrote, and the first page, to the handlers of `PAGE_WRITTEN`
(the last pass's steps that need no other page, bytebook.publish.sphinx_ext), which then run
on two cores while the pages are written rather than on one after the build; the main process
keeps the names of the pages a handler took (`finished_apart`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from docutils import nodes
from sphinx.builders import Builder
from sphinx.search import IndexBuilder
from sphinx.util import logging
from sphinx.util.build_phase import BuildPhase
from sphinx.util.display import status_iterator
from sphinx.util.parallel import ParallelTasks, make_chunks

Page = tuple[str, nodes.document, str]
"""A page to index: its name, its resolved doctree and its title as the index keeps it."""
Job = tuple[list[Page], list[tuple[str, nodes.document]], list[str]]
"""A writer's work: the pages it indexes, the pages it renders, and the pages it then hands to
`PAGE_WRITTEN`."""
Done = tuple[dict[str, dict], list[str]]
"""What a writer did: its pages' words (`_index_alone`), and the pages a handler took."""

PAGE_WRITTEN = "bytebook-page-written"
"""The event a writer emits with each page's name once its file is written; a handler that
finishes the page's file returns True. A builder's extensions may register it, or not."""

_PARTS = ("_titles", "_filenames", "_all_titles", "_index_entries")
"""The index's tables by page name, which a page's indexing sets whole."""
_WORDS = ("_mapping", "_title_mapping")
"""The index's tables by word, each word's set of page names."""

_sphinx_write_parallel = Builder._write_parallel
logger = logging.getLogger(__name__)


@contextmanager
def _indexing_deferred(builder: Builder) -> Iterator[dict[str, Page]]:
    """While open, the builder's `index_page` notes each page to index instead of indexing it."""
    deferred: dict[str, Page] = {}

    def note(pagename: str, doctree: nodes.document, title: str) -> None:
        if title:  # Sphinx indexes only the pages with a title
            deferred[pagename] = (pagename, doctree, title)

    builder.index_page = note
    try:
        yield deferred
    finally:
        del builder.index_page


def _index_alone(builder: Builder, pages: list[Page]) -> dict[str, dict]:
    """Index `pages` into the builder's emptied index (in a forked writer); what it then holds."""
    indexer: IndexBuilder = builder.indexer
    for name in (*_PARTS, *_WORDS):
        setattr(indexer, name, {})
    for pagename, doctree, title in pages:
        type(builder).index_page(builder, pagename, doctree, title)
    return {name: getattr(indexer, name) for name in (*_PARTS, *_WORDS)}


def merge_index(indexer: IndexBuilder, part: dict[str, dict]) -> None:
    """Add the pages a writer indexed (`_index_alone`) to the main process's index."""
    for name in _PARTS:
        getattr(indexer, name).update(part[name])
    for name in _WORDS:
        words = getattr(indexer, name)
        for word, pagenames in part[name].items():
            words.setdefault(word, set()).update(pagenames)


def _in_sphinx_order(indexer: IndexBuilder, earlier: list[str], docnames: list[str]) -> None:
    """Order the pages of the index entries as Sphinx's indexing leaves them, whatever order
    the writers finished in: the pages the index held before, then the others as written."""
    entries, held = indexer._index_entries, set(earlier)
    order = [*earlier, *(docname for docname in docnames if docname not in held)]
    ordered = {docname: entries[docname] for docname in order if docname in entries}
    entries.clear()  # in place: Sphinx's environment holds the same table
    entries.update(ordered)


def _handed_on(builder: Builder, docnames: list[str]) -> list[str]:
    """The pages of `docnames`, written, that a handler of `PAGE_WRITTEN` took."""
    if PAGE_WRITTEN not in builder.events.events:
        return []
    return [name for name in docnames if any(builder.events.emit(PAGE_WRITTEN, name))]


def _largest(builder: Builder, docnames: list[str]) -> str:
    """The page whose read doctree is the largest, the longest to index and to render."""

    def size(docname: str) -> int:
        path = Path(builder.doctreedir) / f"{docname}.doctree"
        return path.stat().st_size if path.is_file() else 0

    return max(docnames, key=lambda docname: (size(docname), docname))


def _prepared(builder: Builder, docname: str) -> nodes.document:
    """The page's resolved doctree, after the builder's work on it in the main process."""
    builder.app.phase = BuildPhase.RESOLVING
    doctree = builder.env.get_and_resolve_doctree(docname, builder)
    builder.app.phase = BuildPhase.WRITING
    builder.write_doc_serialized(docname, doctree)
    return doctree


def _write_indexing(self: Builder, docnames: list[str], nproc: int) -> None:
    """Sphinx's parallel write, with the pages indexed and rendered by forked writers, one per
    core at a time, each taking a batch. One page is rendered in the main process first, as
    Sphinx does, so the writers forked after it find the templates compiled: the largest, not
    the first by name, while a writer indexes it, so its indexing and its rendering, the
    longest of any page, run side by side."""
    if getattr(self, "indexer", None) is None:
        _sphinx_write_parallel(self, docnames, nproc)
        return
    tasks = ParallelTasks(self.app.parallel)
    progress = status_iterator(
        docnames, "writing output... ", "darkgreen", len(docnames), self.app.verbosity
    )

    def index_and_write(job: Job) -> Done:
        self.app.phase = BuildPhase.WRITING
        to_index, to_write, to_finish = job
        part = _index_alone(self, to_index)
        for docname, doctree in to_write:
            self.write_doc(docname, doctree)
        return part, _handed_on(self, to_finish)

    def done(job: Job, result: Done) -> None:
        part, finished = result
        merge_index(self.indexer, part)
        self.finished_apart.update(finished)
        for _ in job[1]:
            next(progress)

    first = _largest(self, docnames)
    rest = [docname for docname in docnames if docname != first]
    earlier = list(self.indexer._index_entries)
    self.finished_apart = set()
    with _indexing_deferred(self) as deferred:
        doctree = _prepared(self, first)
        if first in deferred:
            tasks.add_task(index_and_write, ([deferred.pop(first)], [], []), done)
        self.write_doc(first, doctree)
        next(progress)
        written = [first]  # handed on by the next writer, forked once its file is written
        # About one batch per core: each batch is a writer forked from the main process, and a
        # writer that indexes copies much of it (jieba's dictionary), so more, smaller batches
        # cost more CPU than they gain in balance.
        for chunk in make_chunks(rest, self.app.parallel):
            pages = [(docname, _prepared(self, docname)) for docname in chunk]
            to_index = [deferred.pop(docname) for docname in chunk if docname in deferred]
            tasks.add_task(index_and_write, (to_index, pages, [*written, *chunk]), done)
            written = []
        tasks.join()
    _in_sphinx_order(self.indexer, earlier, docnames)
    logger.info("")


def index_while_writing() -> None:
    """Make every Sphinx builder in this process write in parallel as `_write_indexing` does."""
    Builder._write_parallel = _write_indexing
