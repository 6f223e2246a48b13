"""Each page's read doctree unpickled once in the main process between reading and writing.

After the pages are read, Sphinx numbers the sections and figures (`env-get-updated`): the
numbering unpickles the doctree of every page under the table of contents and only reads it.
Writing then unpickled each page's doctree again, in the main process, before the writers could
start: a tenth of a CPU-second, the largest pages first, while a core stood idle. Here the
doctrees the numbering unpickles are kept in the environment's cache of doctrees to write
(`_write_doc_doctree_cache`, which Sphinx's own serial reading fills, and which
`get_and_resolve_doctree` takes each page from once), so writing starts from them.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

FIRST, LAST = 100, 1000
"""The priorities that put the keeping before and after Sphinx's numbering (500)."""


def _start_keeping(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Before the numbering: each doctree `env.get_doctree` unpickles is kept for writing."""

    def kept(docname: str) -> nodes.document:
        doctree = BuildEnvironment.get_doctree(env, docname)
        env._write_doc_doctree_cache[docname] = doctree
        return doctree

    env.get_doctree = kept
    return []


def _stop_keeping(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After the numbering: `env.get_doctree` unpickles a fresh doctree again."""
    env.__dict__.pop("get_doctree", None)
    return []


def setup(app: Sphinx) -> dict:
    app.connect("env-get-updated", _start_keeping, priority=FIRST)
    app.connect("env-get-updated", _stop_keeping, priority=LAST)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
