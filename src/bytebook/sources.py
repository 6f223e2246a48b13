"""The sources page: every reference with its record, and the ledger rows that cite it."""

from __future__ import annotations

import pandas as pd

from bytebook.data import BookData
from bytebook.ledger import LedgerEntry

NOT_RECORDED = "not recorded"


def citations(data: BookData, entries: list[LedgerEntry]) -> dict[str, list[str]]:
    """For each reference id, the ledger rows and model assumptions that cite it.

    A row cites a reference when it lists it among its sources or quotes its citation.
    """
    cited: dict[str, list[str]] = {}
    for reference_id in data.references.index:
        mark = data.cite(reference_id)
        rows = [
            entry.id for entry in entries if reference_id in entry.sources or mark in entry.evidence
        ]
        rows += [
            f"assumption {assumption_id}"
            for assumption_id, basis in data.assumptions["basis"].items()
            if f"reference {reference_id}" in basis
        ]
        cited[reference_id] = rows
    return cited


def source_records(data: BookData, entries: list[LedgerEntry]) -> pd.DataFrame:
    """One row per reference: producer, title, dates, URL, reliability and what cites it."""
    cited = citations(data, entries)
    refs = data.references
    return pd.DataFrame(
        {
            "id": refs["id"],
            "producer": refs["source"],
            "title": refs["item"],
            "published": refs["period"],
            "accessed": NOT_RECORDED,
            "url": refs["url"],
            "reliability": refs["reliability"],
            "cited_by": [cited[i] for i in refs["id"]],
        }
    ).reset_index(drop=True)
