"""Lint the pages' code cells with the project's own ruff rules.

Each page in book/ is a MyST Markdown notebook; jupytext writes it as a notebook under
_build/lint/book/, and ruff checks the notebooks' code cells as it checks any notebook.
A finding names the notebook, the cell (counting every cell of the page) and the line, e.g.
`_build/lint/book/codec.ipynb:cell 6:2:101`. Arguments are passed on to `ruff check`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jupytext

ROOT = Path(__file__).resolve().parents[1]


def main(arguments: list[str]) -> int:
    """Write every page as a notebook and run ruff on them; returns ruff's exit status."""
    target = ROOT / "_build" / "lint" / "book"
    target.mkdir(parents=True, exist_ok=True)
    notebooks = []
    for page in sorted((ROOT / "book").glob("*.md")):
        notebook = target / f"{page.stem}.ipynb"
        jupytext.write(jupytext.read(page, fmt="md:myst"), notebook)
        notebooks.append(str(notebook.relative_to(ROOT)))
    command = [sys.executable, "-m", "ruff", "check", *arguments, *notebooks]
    return subprocess.run(command, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
