"""Shared fixtures: the project's data, and one strict build of the book reused by every test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bytebook.build import build_book, inputs_fingerprint
from bytebook.data import load_book_data
from bytebook.paths import DATA_DIR, ROOT

BUILD = ROOT / "_build"


@pytest.fixture(scope="session")
def data():
    return load_book_data()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/, for tests that break a file on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def built_book() -> Path:
    """The built HTML book; built once per session unless a build of the current inputs exists."""
    stamp = BUILD / ".inputs-fingerprint"
    fresh = stamp.exists() and stamp.read_text() == inputs_fingerprint(ROOT)
    sources_newer = (
        any(
            p.stat().st_mtime > stamp.stat().st_mtime
            for p in [*(ROOT / "book").glob("*.md"), ROOT / "_config.yml", ROOT / "_toc.yml"]
        )
        if stamp.exists()
        else True
    )
    if not fresh or sources_newer or not (BUILD / "html" / "index.html").exists():
        assert build_book(ROOT) == 0, "the book failed to build"
    return BUILD / "html"
