"""The whole book's analysis: every written chapter's findings and the assembled ledger."""

from __future__ import annotations

import pandas as pd

from bytebook.chapters import WRITTEN
from bytebook.data import BookData, load_book_data
from bytebook.findings import Findings
from bytebook.ledger import assemble


def all_findings(data: BookData | None = None) -> dict[str, Findings]:
    """Run every written chapter's analysis."""
    data = data or load_book_data()
    return {name: module.analyse(data) for name, module in WRITTEN.items()}


def ledger(data: BookData | None = None) -> pd.DataFrame:
    """The claims ledger: every claim, judged where its chapter is written, plus derived rows."""
    data = data or load_book_data()
    entries = [entry for found in all_findings(data).values() for entry in found.entries]
    return assemble(data.claims, entries)
