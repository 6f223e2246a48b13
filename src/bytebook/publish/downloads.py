"""The downloads each page links to: the data files and the ledger as CSV, whole and per chapter,
spreadsheet-safe (bytebook.safety).

Each file starts with a UTF-8 byte-order mark, so that a spreadsheet opens its Chinese intact
(without it, Excel reads the file in the machine's legacy code page).
"""

from __future__ import annotations

from pathlib import Path

SPREADSHEET = "utf-8-sig"
"""UTF-8 with a byte-order mark."""


def write_downloads(static: Path) -> None:
    """The data files and the ledger as CSV, for the download links on each page."""
    from bytebook.paths import DATA_DIR
    from bytebook.publish import inputs

    target = static / "data"
    target.mkdir(parents=True, exist_ok=True)
    sources = sorted(DATA_DIR.glob("*.csv"))
    modules = sorted(inputs.PACKAGE.rglob("*.py"))
    stamp = target / ".inputs"
    fingerprint = inputs.fingerprint(sources + modules)
    if stamp.exists() and stamp.read_text() == fingerprint:
        return  # written by an earlier build from the same inputs
    from bytebook.book import ledger
    from bytebook.chapters import WRITTEN
    from bytebook.data import NUMERIC_COLUMNS
    from bytebook.ledger import to_csv
    from bytebook.safety import spreadsheet_safe_csv

    for source in sources:
        text = spreadsheet_safe_csv(source.read_text(encoding="utf-8-sig"), NUMERIC_COLUMNS)
        (target / source.name).write_text(text, encoding=SPREADSHEET)
    table = ledger()
    (target / "ledger.csv").write_text(to_csv(table), encoding=SPREADSHEET)
    for name, module in WRITTEN.items():
        rows = table[table["section"].isin(module.SECTIONS)]
        (target / f"ledger-{name}.csv").write_text(to_csv(rows), encoding=SPREADSHEET)
    stamp.write_text(fingerprint)
