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


_worked_out: dict[str, dict[str, str]] = {}
"""The downloads `work_out_downloads` found, by the fingerprint of their inputs."""


def _inputs() -> tuple[list[Path], str]:
    """The data files, and the fingerprint of them and of the package's modules."""
    from bytebook.paths import DATA_DIR
    from bytebook.publish import inputs

    sources = sorted(DATA_DIR.glob("*.csv"))
    return sources, inputs.fingerprint(sources + sorted(inputs.PACKAGE.rglob("*.py")))


def _current(static: Path, fingerprint: str) -> bool:
    """Whether `static` holds the downloads written from inputs with this fingerprint."""
    stamp = static / "data" / ".inputs"
    return stamp.exists() and stamp.read_text() == fingerprint


def _files(sources: list[Path], fingerprint: str) -> dict[str, str]:
    """Each download's text by file name: kept by an earlier build, or worked out and kept."""
    kept_at = downloads_cache() / f"{fingerprint}.json"
    kept = read_kept(kept_at)
    if kept is not None and isinstance(kept[0], dict):
        return kept[0]
    files = _downloads(sources)
    keep(kept_at, files)
    return files


def work_out_downloads(static: Path) -> None:
    """Work out the downloads ahead of `write_downloads` (while the build waits for its pages
    to execute), unless `static` holds them already."""
    sources, fingerprint = _inputs()
    if _current(static, fingerprint):
        return
    try:
        _worked_out[fingerprint] = _files(sources, fingerprint)
    except Exception:  # noqa: BLE001 - write_downloads works them out again and reports it
        return


def downloads_code(static: Path) -> str:
    """Python code that runs `work_out_downloads(static)` in a page's kernel. The kernel is
    another process, so `write_downloads` finds its work in the kept downloads
    (`downloads_cache()`), not in `_worked_out`; where they could not be kept, it works them
    out again."""
    return (
        "__import__('bytebook.publish.downloads', fromlist=['downloads'])"
        f".work_out_downloads(__import__('pathlib').Path({str(static)!r}))"
    )


def write_downloads(static: Path) -> None:
    """The data files and the ledger as CSV, for the download links on each page."""
    sources, fingerprint = _inputs()
    if _current(static, fingerprint):
        return  # written by an earlier build from the same inputs
    files = _worked_out.pop(fingerprint, None) or _files(sources, fingerprint)
    target = static / "data"
    target.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (target / name).write_text(text, encoding=SPREADSHEET)
    (target / ".inputs").write_text(fingerprint)


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
