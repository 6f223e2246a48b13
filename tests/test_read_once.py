"""The doctrees Sphinx's numbering unpickles after the pages are read are the ones written: with
Sphinx's environment stubbed, and counted in a real build."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from docutils.utils import new_document
from sphinx.environment import BuildEnvironment

from bytebook.publish.read_once import _start_keeping, _stop_keeping


def test_a_doctree_read_while_numbering_is_kept_for_writing(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(BuildEnvironment, "get_doctree", lambda env, name: new_document(name))
    env = SimpleNamespace(_write_doc_doctree_cache={})

    assert _start_keeping(None, env) == []
    numbered = env.get_doctree("book/preface")
    assert env._write_doc_doctree_cache == {"book/preface": numbered}
    assert _stop_keeping(None, env) == []
    assert "get_doctree" not in vars(env)  # reading a doctree keeps it no more


COUNTING_SITE = """
import os
import sys

if "bytebook.publish.jupyter_build" in sys.orig_argv:
    LOG = os.environ["BYTEBOOK_TEST_UNPICKLES"]
    with open(LOG, "a") as log:
        log.write(f"main {os.getpid()}\\n")

    def count(event, arguments):
        if event == "pickle.find_class" and arguments == ("sphinx.addnodes", "document"):
            with open(LOG, "a") as log:
                log.write(f"{os.getpid()}\\n")

    sys.addaudithook(count)
"""
"""Put on the build's PYTHONPATH as `sitecustomize` (hiding any other, which this virtual
environment does not have): in Sphinx's process (and the processes it forks, which keep its
hook), each doctree unpickled is noted with the process's id. A pickled page holds one
`document`, whose class the unpickler looks up once."""


@pytest.mark.build
def test_in_a_real_build_each_page_s_doctree_is_unpickled_once_in_sphinx_s_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from test_book import make_book

    from bytebook.publish.build import build_book

    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(COUNTING_SITE, encoding="utf-8")
    log = tmp_path / "unpickles.log"
    paths = [str(site), os.environ.get("PYTHONPATH", "")]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(path for path in paths if path))
    monkeypatch.setenv("BYTEBOOK_TEST_UNPICKLES", str(log))
    pages = 8  # Sphinx reads more than 5 pages in parallel, in processes of their own
    root = make_book(tmp_path, "Text.", plain_pages=pages - 1)
    assert build_book(root) == 0

    lines = log.read_text(encoding="utf-8").splitlines()
    (main,) = [line.removeprefix("main ") for line in lines if line.startswith("main ")]
    unpickled = lines.count(main)
    # Each page's doctree once, as the numbering reads it (writing takes it from there), and the
    # root page's once more, for the navigation's table of contents. Without the keeping, each
    # page's doctree is unpickled again to be written: 2 × 8 + 1.
    assert pages <= unpickled <= pages + 1, f"{unpickled} doctrees unpickled for {pages} pages"
