"""The whole book's analysis: every written chapter's findings and the assembled ledger."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from bytebook.chapters import WRITTEN
from bytebook.data import TABLE_FILES, BookData, load_book_data
from bytebook.errors import MissingRowError
from bytebook.findings import Findings
from bytebook.ledger import LedgerEntry, assemble
from bytebook.sources import references_cited

SOURCES_COLUMN = "sources"
"""The ledger column naming, by id in data/references.csv, the references a row's evidence cites."""

CSV_COLUMNS = {
    "id": "the claim's id in data/claims.csv, or d_… for a number the book derives",
    "section": "the article's section (0 is the title)",
    "kind": "stated (printed by the article) or derived (computed by the book)",
    "claim_en, quote_zh": "the claim in English and the article's words, verbatim",
    "stated, recomputed": "the printed value and the book's value, in base units (where the "
    "Recomputed column shows a band, recomputed holds its middle)",
    "recomputed_low, recomputed_high": "the two ends of that band, in base units, where the "
    "book's value is a band (a verdict resting on a band of totals or rates); empty where it is "
    "a single value",
    "unit": "the unit of both values",
    "verdict": "consistent, supported, off in detail, inconsistent, contradicted or "
    "unverifiable; empty for a derived row that is a step of the book's own arithmetic (its "
    "evidence ends by saying it has no verdict); a derived note, or a reading no source could "
    "grade, carries unverifiable, and the pages show only the derived badge for both. Count "
    "verdicts over the stated rows, as the scorecard does",
    "evidence": "the arithmetic and the sources behind the verdict, in words",
    SOURCES_COLUMN: "ids of the data/references.csv rows the row itself rests on (its own list, "
    "not a match on citation text), ; between them; tests check that every reference its "
    "evidence cites is listed and that every id exists",
}
"""What each column of the ledger CSV holds, by column (two columns read together share a
row): the README's table and the methods page's both say it in these words."""


CSV_COLUMNS_SHOWN = {"column": ("Column", None), "meaning": ("Meaning", None)}
"""How a page shows `csv_columns_frame` (`bytebook.present.display_table`)."""


def csv_columns_frame() -> pd.DataFrame:
    """`CSV_COLUMNS` as a table of column and meaning, for a page to show."""
    return pd.DataFrame({"column": list(CSV_COLUMNS), "meaning": list(CSV_COLUMNS.values())})


def all_findings(data: BookData | None = None) -> dict[str, Findings]:
    """Run every written chapter's analysis."""
    data = data or load_book_data()
    return {name: module.analyse(data) for name, module in WRITTEN.items()}


def checked_book(data_dir: Path) -> BookData:
    """Load the data under `data_dir` and run every chapter's analysis once, so that a row a
    chapter reads but no data file holds is named (file and id) before any page runs."""
    data = load_book_data(data_dir)
    for name, module in WRITTEN.items():
        try:
            module.analyse(data)
        except KeyError as error:
            missing = error.args[0] if error.args else None
            if not isinstance(missing, str) or _holds_id(data, missing):
                raise
            files = [TABLE_FILES[t] for t in ("claims", "references", "assumptions")]
            raise MissingRowError(data_dir, files, name, missing) from None
    return data


def _holds_id(data: BookData, row_id: str) -> bool:
    return any(row_id in table.index for table in (data.claims, data.references, data.assumptions))


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


def ledger_entries(table: pd.DataFrame) -> list[LedgerEntry]:
    """The assembled ledger's rows as entries again, each band rebuilt from its two ends, so
    that the ledger page shows the Recomputed value the chapters show."""
    return [LedgerEntry.from_row(row) for row in table.to_dict("records")]
