"""Where the project's files live.

BYTEBOOK_DATA points the book at another data folder: a build of a copied book sets it, so
the copy's pages read the copy's data.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("BYTEBOOK_DATA", ROOT / "data")).resolve()
BOOK_DIR = ROOT / "book"
BUILD_DIR = ROOT / "_build"
DATA_ENV = "BYTEBOOK_DATA"
