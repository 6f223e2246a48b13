"""The doctrees Sphinx's numbering unpickles after the pages are read are the ones written."""

from __future__ import annotations

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
