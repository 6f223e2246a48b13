"""A page's inputs are worked out once per declaration and package, then read back, so Sphinx's
process reads a page without importing the chapter modules."""

from __future__ import annotations

import pytest

from bytebook.paths import ROOT
from bytebook.publish import inputs
from bytebook.publish.kept_json import CACHE_VARIABLE

CODEC = (ROOT / "book" / "codec.md").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path))


def test_kept_inputs_are_the_worked_out_ones_and_are_read_back(monkeypatch):
    worked_out = inputs.page_inputs(CODEC)
    assert inputs.kept_page_inputs(CODEC) == worked_out
    monkeypatch.setattr(inputs, "page_inputs", lambda source: pytest.fail("worked out again"))
    assert inputs.kept_page_inputs(CODEC) == worked_out


def test_another_declaration_is_worked_out_again():
    ledger = (ROOT / "book" / "ledger.md").read_text(encoding="utf-8")
    assert inputs.kept_page_inputs(CODEC) == inputs.page_inputs(CODEC)
    assert inputs.kept_page_inputs(ledger) == inputs.page_inputs(ledger)
    assert inputs.page_inputs(ledger) != inputs.page_inputs(CODEC)


def test_an_undeclared_page_is_refused_every_time():
    page = "# Page\n\n```{code-cell} ipython3\nprint(1)\n```\n"
    for _ in range(2):
        with pytest.raises(inputs.UndeclaredInputs):
            inputs.kept_page_inputs(page)
