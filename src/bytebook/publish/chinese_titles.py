"""The Chinese in the book's headings marked as Chinese (`lang="zh"`), for a screen reader.

A heading such as '4 海外营收排行榜 · The ranking' is English with the article's Chinese section
name in it; unmarked, a screen reader reads the Chinese in the page's English voice. Each run of
Chinese in a title becomes an inline node of the class `language-zh`, which docutils' HTML writer
writes as `<span lang="zh">`. Titles are marked as a page is read, before Sphinx copies them into
the navigation, the page's contents and the links to the previous and next pages, so those carry
the mark too.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from bytebook.chinese import CHINESE_RUN, chinese_runs


class MarkChineseInTitles(SphinxTransform):
    """Wraps each run of Chinese in a title's text in an inline node of the class `language-zh`."""

    default_priority = 800

    def apply(self, **kwargs: object) -> None:
        """Mark each run of Chinese in the document's titles as Chinese."""
        for title in self.document.findall(nodes.title):
            for text in list(title.findall(nodes.Text)):
                if CHINESE_RUN.search(text):
                    marked = [_marked(part) for part in chinese_runs(str(text))]
                    text.parent.replace(text, marked)


def _marked(part: str) -> nodes.Node:
    """A run of Chinese as an inline node of the class `language-zh`; any other part as text."""
    if CHINESE_RUN.fullmatch(part):
        return nodes.inline(part, part, classes=["language-zh"])
    return nodes.Text(part)


def setup(app: Sphinx) -> dict:
    """Registers the transform with Sphinx."""
    app.add_transform(MarkChineseInTitles)
    # A new env_version has Sphinx read every page again, so a book built before is marked too.
    return {"env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
