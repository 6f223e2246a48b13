"""Which src/ and data/ files each page's code depends on, and a fingerprint of them.

The execution cache is keyed on a page's code cells only. The Sphinx extension therefore
adds a hidden cell holding this fingerprint to each page with code, and tells Sphinx the
files it depends on: editing one of them re-reads and re-executes exactly the pages that use
it, and no other.

The chapter modules (and with them pandas and Altair) are imported only when a page is
examined, so a build with nothing to re-read does not pay for them.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from bytebook.paths import DATA_DIR, ROOT

PACKAGE = ROOT / "src" / "bytebook"
CHAPTERS_DIR = PACKAGE / "chapters"
RENDERER = (PACKAGE / "publish" / "__init__.py", PACKAGE / "publish" / "render.py")
"""The only publishing modules a page's code imports: the chart renderer."""
DATA_METHODS = {
    "claims": ("stated", "claim"),
    "references": ("reference", "cite"),
    "assumptions": ("assumed",),
    "ranking": (),
}
WHOLE_BOOK = re.compile(r"from bytebook\.book import|bytebook\.book\b")
CODE_CELL = "```{code-cell}"


def chapters_used(source: str) -> set[str]:
    """The chapter analyses a page runs: those it imports, or all when it builds the ledger."""
    from bytebook.chapters import WRITTEN

    if WHOLE_BOOK.search(source):
        return set(WRITTEN)
    imported = re.findall(r"from bytebook\.chapters import ([\w, ]+)", source)
    names = {name.strip() for group in imported for name in group.split(",")}
    return names & set(WRITTEN)


def data_files_used(source: str, chapters: set[str]) -> set[str]:
    """Data files the page's chapters read, plus the tables its own cells touch."""
    from bytebook.chapters import WRITTEN
    from bytebook.data import TABLE_FILES

    files = {name for chapter in chapters for name in WRITTEN[chapter].INPUTS}
    for table, methods in DATA_METHODS.items():
        names = "|".join((table, *methods))
        if re.search(rf"\bdata\.(?:{names})\b", source):
            files.add(TABLE_FILES[table])
    return files


def page_inputs(source: str) -> list[Path]:
    """Every file a page's output depends on: the analysis modules, the chart renderer, the
    chapter modules it uses and the data files they read."""
    chapters = chapters_used(source)
    modules = sorted(PACKAGE.glob("*.py")) + list(RENDERER) + [CHAPTERS_DIR / "__init__.py"]
    modules += [CHAPTERS_DIR / f"{name}.py" for name in sorted(chapters)]
    data = [DATA_DIR / name for name in sorted(data_files_used(source, chapters))]
    return modules + data


def fingerprint(paths: list[Path]) -> str:
    """A hash of the files' names and contents."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(f"{path.parent.name}/{path.name}".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def with_inputs_cell(source: str, digest: str) -> str:
    """The page with a hidden first code cell that carries the fingerprint of its inputs."""
    cell = (
        f"\n{CODE_CELL} ipython3\n:tags: [remove-cell]\n\n"
        f"# Fingerprint of this page's src/ and data/ inputs; a change re-executes the page.\n"
        f"# {digest}\n```\n"
    )
    match = re.match(r"---\n.*?\n---\n", source, re.S)
    at = match.end() if match else 0
    return source[:at] + cell + source[at:]
