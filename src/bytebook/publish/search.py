"""Site search that finds Chinese words and decimal figures.

Sphinx's Chinese search (`html_search_language: zh`) cuts Chinese text into words with jieba
and still stems English words. This extension adds to it:
- the article's names that jieba's dictionary lacks (字节跳动, 火山引擎, ...), from
  `search_words.txt`, so they are indexed whole;
- the Chinese names of the companies and products the English prose names (ByteDance is
  字节跳动, TikTok is 抖音 abroad), indexed wherever the English name stands;
- a query splitter that keeps a decimal figure such as 7.47, and a name with a point in it
  such as H.266 or BVC2.0, in one piece, as jieba indexes them; Sphinx's default splits them
  at the point and then drops a bare number, so that H.266 was looked up as 'h' alone;
- a raw HTML block's tags read as spaces (`_collect_words_between_tags`): Sphinx strips them,
  which joined a table's neighbouring cells into one word ('cdnstatedunverifiableh.266'), so
  that a word in a table was found only where it also stood outside one;
- the Latin words seen so far kept in a set: Sphinx keeps them in a list that every stemmed
  word is looked up in, which made indexing the book take seconds of CPU per page;
- on the search page, `bytebook-search.js` with the same names the other way round
  (`names_script`), so that a result found through 抖音 shows and highlights "TikTok";
- the glossary's index entries kept across a rebuild that does not rewrite the glossary:
  Sphinx reloads the last index's words and titles but not its index entries, so after an
  edit elsewhere they were dropped from the search (`_load_keeping_index_entries`);
- jieba's dictionary (over a CPU-second to load) loaded while this process waits for a page
  to execute, when it executes one, or for the processes it forked to read the pages, rather
  than after every page was read (`_load_while_executing`).
"""

from __future__ import annotations

import io
import json
import logging
import threading
from pathlib import Path
from typing import IO, Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.search import IndexBuilder, WordStore, languages
from sphinx.search.zh import SearchChinese

WORDS = Path(__file__).with_name("search_words.txt")
SEARCH_SCRIPT, NAMES_SCRIPT = "bytebook-search.js", "bytebook-search-names.js"

CHINESE_NAMES = {
    "bytedance": ("字节跳动", "字节"),
    "tiktok": ("抖音",),
    "douyin": ("抖音",),
    "capcut": ("剪映",),
    "volcano": ("火山引擎",),
    "doubao": ("豆包",),
    "lenovo": ("联想",),
    "huawei": ("华为",),
    "xiaomi": ("小米",),
    "byd": ("比亚迪",),
    "midea": ("美的",),
    "haier": ("海尔智家", "海尔"),
}
"""The article's Chinese names, indexed wherever the English prose uses the English one."""

QUERY_SPLITTER = r"""
function splitQuery(query) {
  return query.match(
    /\d+(?:\.\d+)+|[A-Za-z]+\d*(?:\.\d+)+|[\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu
  ) || [];
}
"""


class _Terms(set):
    """Sphinx's list of Latin words seen, as a set: the same members, found at once."""

    extend = set.update


_dictionary = {"loaded": threading.Event(), "loading": threading.Lock()}
"""Set once jieba's dictionary and the book's words are loaded in this process."""


def load_dictionary() -> None:
    """Load jieba's dictionary and the book's words into jieba, once per process."""
    with _dictionary["loading"]:
        if _dictionary["loaded"].is_set():
            return
        import jieba

        jieba.setLogLevel(logging.WARNING)  # its dictionary-loading notes go to stderr
        jieba.load_userdict(str(WORDS))
        _dictionary["loaded"].set()


def _load_while_executing(app: Sphinx, *_: object) -> None:
    """Before pages are read: have a build that writes a search index load jieba's dictionary
    while this process waits for its first page to execute, or for its readers
    (bytebook.publish.shared_kernel)."""
    if getattr(app.builder, "search", False) and app.config.html_search_language == "zh":
        from bytebook.publish.shared_kernel import while_a_kernel_starts

        while_a_kernel_starts(load_dictionary)


class BookSearch(SearchChinese):
    """Chinese search with the article's names and whole decimal figures."""

    js_splitter_code = QUERY_SPLITTER

    def init(self, options: dict[str, str]) -> None:
        """Start Sphinx's Chinese splitter with jieba's dictionary already loaded."""
        load_dictionary()  # waits for a load begun in the background
        super().init({**options, "dict": ""})  # its words are loaded
        self.latin_terms = _Terms()

    def split(self, input: str) -> list[str]:
        """The words Sphinx indexes, with the Chinese names of the companies English words name."""
        words = super().split(input)
        names = [name for word in words for name in CHINESE_NAMES.get(word.lower(), ())]
        return words + names


def english_names() -> dict[str, list[str]]:
    """Each Chinese name and the English names (lower case) it is indexed under."""
    found: dict[str, list[str]] = {}
    for english, chinese in CHINESE_NAMES.items():
        for name in chinese:
            found.setdefault(name, []).append(english)
    return found


def names_script() -> str:
    """The search page's table of `english_names`."""
    table = json.dumps(english_names(), ensure_ascii=False, sort_keys=True)
    return (
        "// Written from bytebook.publish.search: do not edit.\n"
        f"window.bytebookSearchNames = {table};\n"
    )


def _search_page_scripts(app: Sphinx, pagename: str, *_: object) -> None:
    if pagename == "search":
        # Deferred: after searchtools.js, which the page loads at its end.
        app.add_js_file(NAMES_SCRIPT, defer="defer")
        app.add_js_file(SEARCH_SCRIPT, defer="defer")


_collect_words = IndexBuilder._word_collector


def _collect_words_between_tags(self: IndexBuilder, doctree: nodes.document) -> WordStore:
    """Sphinx's word collector, with each tag of a raw HTML block read as a space: the block's
    text is swapped for a spaced copy while the words are collected, then put back."""
    swapped = []
    for block in doctree.findall(nodes.raw):
        if len(block) == 1 and isinstance(block[0], nodes.Text):
            original = block[0]
            block[0] = nodes.Text(original.astext().replace("<", " <"))
            swapped.append((block, original))
    try:
        return _collect_words(self, doctree)
    finally:
        for block, original in swapped:
            block[0] = original


_load_index = IndexBuilder.load


def _load_keeping_index_entries(self: IndexBuilder, stream: IO, format: Any) -> None:
    """Sphinx's `IndexBuilder.load`, which also restores the last index's entries of the
    pages that still exist; a page written again replaces its own entries as it is indexed."""
    text = stream.read()
    again = io.BytesIO(text) if isinstance(text, bytes) else io.StringIO(text)
    _load_index(self, again, format)
    frozen = (self.formats[format] if isinstance(format, str) else format).loads(text)
    docnames = frozen["docnames"]
    restored: dict[str, set[tuple[str, str, str]]] = {}
    for entry, places in frozen.get("indexentries", {}).items():
        for doc, target, main in places:
            restored.setdefault(docnames[doc], set()).add((entry, target, "main" if main else ""))
    for docname, entries in restored.items():
        if docname in self.env.all_docs:
            self._index_entries[docname] = sorted(entries)


def setup(app: Sphinx) -> dict:
    languages["zh"] = BookSearch
    IndexBuilder.load = _load_keeping_index_entries
    IndexBuilder._word_collector = _collect_words_between_tags
    app.connect("env-before-read-docs", _load_while_executing)
    app.connect("html-page-context", _search_page_scripts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
