"""The downloads each page links to: the data files and the ledger as CSV, whole and per chapter,
spreadsheet-safe (bytebook.safety).

Each file starts with a UTF-8 byte-order mark, so that a spreadsheet opens its Chinese intact
(without it, Excel reads the file in the machine's legacy code page).

Working out the ledger runs every chapter's analysis, so the files are kept between builds and
checkouts in `downloads_cache()`, under the hash of the data and the package they come from.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

SPREADSHEET = "utf-8-sig"
"""UTF-8 with a byte-order mark."""


def downloads_cache() -> Path:
    """Where written downloads are kept: `~/.cache/bytebook-downloads/` (under
    `$XDG_CACHE_HOME` when set)."""
    home_cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(home_cache) / "bytebook-downloads"


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
    files = _kept(fingerprint)
    if files is None:
        files = _downloads(sources)
        _keep(fingerprint, files)
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


def _kept(fingerprint: str) -> dict[str, str] | None:
    """The downloads kept for these inputs; None when none are, or the kept ones are damaged
    (their hash does not match)."""
    kept = downloads_cache() / f"{fingerprint}.json"
    try:
        stored = json.loads(kept.read_text(encoding="utf-8"))
        if isinstance(stored["files"], dict) and stored["sha256"] == _sha256_hex(stored["files"]):
            return stored["files"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def _keep(fingerprint: str, files: dict[str, str]) -> None:
    """Keep the downloads for the next build; a cache that cannot be written only means the
    next build works them out again."""
    kept = downloads_cache() / f"{fingerprint}.json"
    text = json.dumps({"files": files, "sha256": _sha256_hex(files)}, ensure_ascii=False)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_name(f"{kept.name}.{os.getpid()}.partial")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, kept)
    except OSError:
        pass


def _sha256_hex(files: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(files, sort_keys=True).encode("utf-8")).hexdigest()
