"""The downloads each page links to: the data files and the ledger as CSV, whole and per chapter,
spreadsheet-safe (bytebook.safety).

Each file starts with a UTF-8 byte-order mark, so that a spreadsheet opens its Chinese intact
(without it, Excel reads the file in the machine's legacy code page).

Working out the ledger runs every chapter's analysis, so the files are kept between builds and
checkouts in `downloads_cache()`, under the hash of the data and the package they come from.
"""

from __future__ import annotations

from pathlib import Path

from bytebook.publish.kept_json import cache_folder, keep, read_kept

SPREADSHEET = "utf-8-sig"
"""UTF-8 with a byte-order mark."""


def downloads_cache() -> Path:
    """Where written downloads are kept: `bytebook-downloads` in the cache folder
    (`kept_json.cache_folder`)."""
    return cache_folder("bytebook-downloads")


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
    kept_at = downloads_cache() / f"{fingerprint}.json"
    kept = read_kept(kept_at)
    if kept is not None and isinstance(kept[0], dict):
        files = kept[0]
    else:
        files = _downloads(sources)
        keep(kept_at, files)
    for name, text in files.items():
        (target / name).write_text(text, encoding=SPREADSHEET)
    stamp.write_text(fingerprint)


def _downloads(sources: list[Path]) -> dict[str, str]:
    """Each download's text by file name: the data files, the ledger and each chapter's part."""
    from bytebook.book import ledger
    from bytebook.chapters import WRITTEN
    from bytebook.data import NUMERIC_COLUMNS
    from bytebook.ledger import to_csv
    from bytebook.safety import spreadsheet_safe_csv

    files = {
        source.name: spreadsheet_safe_csv(source.read_text(encoding="utf-8-sig"), NUMERIC_COLUMNS)
        for source in sources
    }
    table = ledger()
    files["ledger.csv"] = to_csv(table)
    for name, module in WRITTEN.items():
        files[f"ledger-{name}.csv"] = to_csv(table[table["section"].isin(module.SECTIONS)])
    return files
