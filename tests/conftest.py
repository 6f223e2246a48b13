"""Shared fixtures: the project's data, and one strict build of the book reused by every test."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bytebook.data import load_book_data
from bytebook.paths import DATA_DIR, ROOT
from bytebook.publish.build import build_book

BUILD = ROOT / "_build"

FUZZ_EXAMPLES = 12
"""Examples per data file in `make test`; `make fuzz` runs many more."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz-examples",
        type=int,
        default=FUZZ_EXAMPLES,
        help=f"random cells the data fuzzer tries per data file (default {FUZZ_EXAMPLES})",
    )


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
    """The built HTML book, brought up to date once per session (a no-op when it is)."""
    assert build_book(ROOT) == 0, "the book failed to build"
    return BUILD / "html"


@pytest.fixture(scope="session")
def ledger_command_output() -> str:
    """What `python -m bytebook ledger` prints, run as a reader would run it."""
    return subprocess.run(
        [sys.executable, "-m", "bytebook", "ledger"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout


@pytest.fixture(scope="session")
def ledger_rows(ledger_command_output: str) -> list[dict[str, str]]:
    """The ledger command's rows."""
    return list(csv.DictReader(io.StringIO(ledger_command_output)))
