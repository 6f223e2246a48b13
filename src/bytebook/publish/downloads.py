"""The downloads each page links to: the data files and the ledger as CSV, whole and per chapter."""

from __future__ import annotations

import shutil
from pathlib import Path


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
    from bytebook.ledger import to_csv

    for source in sources:
        shutil.copyfile(source, target / source.name)
    table = ledger()
    (target / "ledger.csv").write_text(to_csv(table), encoding="utf-8")
    for name, module in WRITTEN.items():
        rows = table[table["section"].isin(module.SECTIONS)]
        (target / f"ledger-{name}.csv").write_text(to_csv(rows), encoding="utf-8")
    stamp.write_text(fingerprint)
