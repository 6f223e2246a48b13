"""The sources page: every reference with its record, and the ledger rows that cite it."""

from __future__ import annotations

import pandas as pd

from bytebook.data import BookData

NOT_RECORDED = "not recorded"


def citations(data: BookData, ledger: pd.DataFrame) -> dict[str, list[str]]:
    """For each reference id, the ledger rows and model assumptions that cite it."""
    cited: dict[str, list[str]] = {}
    for reference_id, reference in data.references.iterrows():
        marks = (data.cite(reference_id), f"{reference['item']}:", reference_id)
        rows = [
            row_id
            for row_id, evidence in zip(ledger["id"], ledger["evidence"], strict=True)
            if any(mark in evidence for mark in marks)
        ]
        rows += [
            f"assumption {assumption_id}"
            for assumption_id, basis in data.assumptions["basis"].items()
            if f"reference {reference_id}" in basis
        ]
        cited[reference_id] = rows
    return cited


def source_records(data: BookData, ledger: pd.DataFrame) -> pd.DataFrame:
    """One row per reference: producer, title, dates, URL, reliability and what cites it."""
    cited = citations(data, ledger)
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
