"""Where the project's files live.

BYTEBOOK_DATA points the book at another data folder: a build of a copied book sets it, so
the copy's pages read the copy's data. The package a reader downloads from the book carries
its own copy of the data (`bytebook/data/`), which it reads when there is no repository.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGED_DATA = Path(__file__).resolve().parent / "data"
_DEFAULT_DATA = PACKAGED_DATA if PACKAGED_DATA.is_dir() else ROOT / "data"
DATA_DIR = Path(os.environ.get("BYTEBOOK_DATA", _DEFAULT_DATA)).resolve()
BOOK_DIR = ROOT / "book"
BUILD_DIR = ROOT / "_build"
DATA_ENV = "BYTEBOOK_DATA"


def data_read_by(root: Path) -> Path:
    """The data folder the pages of the book at `root` read: its own `data/`, or else the one
    this process reads (BYTEBOOK_DATA, the packaged copy or the repository's), which a build
    leaves them."""
    return root / "data" if (root / "data").is_dir() else DATA_DIR
