"""The whole book's analysis: every written chapter's findings and the assembled ledger."""

from __future__ import annotations

import pandas as pd

from bytebook.chapters import WRITTEN
from bytebook.data import BookData, load_book_data
from bytebook.findings import Findings
from bytebook.ledger import LedgerEntry, assemble
from bytebook.sources import references_cited

SOURCES_COLUMN = "sources"
"""The ledger column naming, by id in data/references.csv, the references a row's evidence cites."""


def all_findings(data: BookData | None = None) -> dict[str, Findings]:
    """Run every written chapter's analysis."""
    data = data or load_book_data()
    return {name: module.analyse(data) for name, module in WRITTEN.items()}


def all_entries(data: BookData | None = None) -> list[LedgerEntry]:
    """Every ledger entry the written chapters produce, in chapter order."""
    data = data or load_book_data()
    return [entry for found in all_findings(data).values() for entry in found.entries]


def ledger(data: BookData | None = None) -> pd.DataFrame:
    """The claims ledger: every claim, judged where its chapter is written, plus derived rows,
    each with the ids of the references it cites (';' between them)."""
    data = data or load_book_data()
    entries = all_entries(data)
    table = assemble(data.claims, entries)
    cited = references_cited(data, entries)
    table[SOURCES_COLUMN] = [";".join(cited.get(row_id, [])) for row_id in table["id"]]
    return table
