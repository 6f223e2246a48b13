"""The whole book's analysis: every written chapter's findings and the assembled ledger."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pandas as pd

from bytebook.chapters import WRITTEN
from bytebook.data import TABLE_FILES, BookData, load_book_data
from bytebook.errors import ChapterDataError, DataFileError, MissingRowError
from bytebook.findings import Findings
from bytebook.ledger import SOURCES_COLUMN, LedgerEntry, assemble
from bytebook.paths import DATA_DIR
from bytebook.sources import references_cited


def all_findings(data: BookData | None = None, data_dir: Path = DATA_DIR) -> dict[str, Findings]:
    """Run every written chapter's analysis on `data` (loaded from `data_dir` when not given).
    A chapter that cannot use the data raises a DataFileError that names it: a row it reads
    that no file holds (MissingRowError), or a value its arithmetic cannot take
    (ChapterDataError), never a traceback."""
    data = data or load_book_data(data_dir)
    return {name: _analysed(name, module, data, data_dir) for name, module in WRITTEN.items()}


def checked_book(data_dir: Path) -> BookData:
    """Load the data under `data_dir` and run every chapter's analysis once, so that data a
    chapter cannot use is named before any page runs."""
    data = load_book_data(data_dir)
    all_findings(data, data_dir)
    return data


def _analysed(name: str, module: ModuleType, data: BookData, data_dir: Path) -> Findings:
    try:
        return module.analyse(data)
    except DataFileError:
        raise
    except KeyError as error:
        missing = error.args[0] if error.args else None
        if not isinstance(missing, str) or _holds_id(data, missing):
            raise  # a name the code looks up wrongly: the traceback is for whoever wrote it
        files = [TABLE_FILES[t] for t in ("claims", "references", "assumptions")]
        raise MissingRowError(data_dir, files, name, missing) from None
    except (ValueError, ArithmeticError) as error:
        raise ChapterDataError(data_dir, name, error) from error


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


def ledger_size(table: pd.DataFrame) -> dict[str, int]:
    """The ledger page's counts by glue name: its rows, and the article's own claims among
    them (the rest are derived rows)."""
    return {"ledger_rows": len(table), "ledger_stated": int((table["kind"] == "stated").sum())}


def ledger_entries(table: pd.DataFrame) -> list[LedgerEntry]:
    """The assembled ledger's rows as entries again, each band rebuilt from its two ends, so
    that the ledger page shows the Recomputed value the chapters show."""
    return [LedgerEntry.from_row(row) for row in table.to_dict("records")]
