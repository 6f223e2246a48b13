"""What a reader needs to run a chapter's notebook outside this repository.

The book publishes, under `_static/downloads/`:
- the book's package as a wheel that carries its own copy of `data/` (see bytebook.paths);
- `requirements.lock`, the hashed list of every package at the version the book was built with;
- the repository at its last commit, as a zip (when the book is built from git).
Each published notebook opens with a cell that says how to run it with these.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bytebook.publish.edition import SOURCE_ARCHIVE_NAME, Edition

DOWNLOADS = "downloads"
"""The folder under `_static/` that holds the files."""

LOCK = "requirements.lock"
SOURCE_ARCHIVE = SOURCE_ARCHIVE_NAME


def wheel_name(version: str) -> str:
    """The wheel's file name for a package version."""
    return f"bytebook-{version}-py3-none-any.whl"


def how_to_run(notebook: str, version: str) -> str:
    """The Markdown of a notebook's first cell: how to run it in an empty folder."""
    wheel = wheel_name(version)
    return (
        "**How to run this notebook.** Put it in an empty folder with two files from the same "
        f"site, `{wheel}` (the book's code and data) and `{LOCK}` (the exact packages), both "
        "under `_static/downloads/`. Then, with Python 3.11:\n\n"
        "```bash\n"
        "python3.11 -m venv .venv\n"
        f".venv/bin/pip install --no-deps --require-hashes -r {LOCK}\n"
        f".venv/bin/pip install --no-deps {wheel}\n"
        f".venv/bin/jupyter execute {notebook}\n"
        "```\n\n"
        "The lock lists every package, so `--no-deps` installs exactly it, whatever pip's "
        "version. Or open the notebook with `.venv/bin/jupyter lab`. The charts need a browser; "
        "the numbers do not."
    )


def with_how_to_run(notebook: dict, name: str, version: str) -> dict:
    """The notebook with its how-to-run cell first."""
    cell = {
        "cell_type": "markdown",
        "id": "how-to-run",
        "metadata": {},
        "source": how_to_run(name, version),
    }
    return {**notebook, "cells": [cell, *notebook["cells"]]}


def write_downloads(root: Path, data_dir: Path, target: Path, book: Edition) -> None:
    """Write the wheel, the lock and the source archive into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(root / LOCK, target / LOCK)
    build_wheel(root, data_dir, target, book.epoch)
    if book.commit:
        subprocess.run(
            [
                "git",
                "-C",
                str(root),
                "archive",
                "--format=zip",
                "-o",
                str(target / SOURCE_ARCHIVE),
                "HEAD",
            ],
            check=True,
            capture_output=True,
        )


WHEEL_BACKEND = "import sys; from setuptools import build_meta; build_meta.build_wheel(sys.argv[1])"
"""Build the wheel of the project in the working folder into the folder given (PEP 517)."""


def build_wheel(root: Path, data_dir: Path, target: Path, epoch: int) -> Path:
    """Build the package as a wheel with `data_dir`'s files inside it, as bytebook/data/.

    Built without the network or build isolation, by the locked setuptools' build backend called
    directly (pip's wheel command gives the same wheel from three processes); the zip entries
    carry `epoch` as their time, so the same commit gives the same wheel.
    """
    from bytebook.data import ARTICLE_FILE

    with tempfile.TemporaryDirectory() as work:
        stage = Path(work)
        shutil.copyfile(root / "pyproject.toml", stage / "pyproject.toml")
        for licence in root.glob("LICENSE*"):
            shutil.copyfile(licence, stage / licence.name)
        skip = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
        shutil.copytree(root / "src", stage / "src", ignore=skip)
        packaged = stage / "src" / "bytebook" / "data"
        packaged.mkdir()
        for source in sorted(data_dir.glob("*.csv")) + sorted(data_dir.glob("README.md")):
            shutil.copyfile(source, packaged / source.name)
        article = data_dir / ARTICLE_FILE  # the claims' quotes are checked against it
        (packaged / ARTICLE_FILE).parent.mkdir(parents=True)
        shutil.copyfile(article, packaged / ARTICLE_FILE)
        environment = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
        built = subprocess.run(
            [sys.executable, "-c", WHEEL_BACKEND, str(stage / "dist")],
            cwd=stage,
            capture_output=True,
            text=True,
            env=environment,
        )
        if built.returncode != 0:
            raise RuntimeError(f"building the package's wheel failed:\n{built.stderr}")
        (wheel,) = (stage / "dist").glob("*.whl")
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(wheel, target / wheel.name)
        return target / wheel.name


def write_kit(root: Path, static: Path) -> None:
    """Write the downloads into `static`/downloads/ unless an earlier build wrote them from the
    same commit and files."""
    from bytebook.paths import DATA_DIR
    from bytebook.publish import inputs
    from bytebook.publish.edition import edition

    if not (root / LOCK).is_file() or not (root / "src").is_dir():
        return  # a book without the package's source has nothing to offer
    book = edition(root)
    target = static / DOWNLOADS
    stamp = target / ".inputs"
    package = [p for p in inputs.PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    # Every data file, the packaged ones among them, without importing the data module (and
    # pandas with it) into the build.
    data = [p for p in DATA_DIR.rglob("*") if p.is_file()]
    files = sorted(data) + sorted(package)
    files += [root / "pyproject.toml", root / LOCK]
    fingerprint = inputs.fingerprint(files) + book.label()
    if stamp.exists() and stamp.read_text() == fingerprint:
        return
    shutil.rmtree(target, ignore_errors=True)
    write_downloads(root, DATA_DIR, target, book)
    stamp.write_text(fingerprint)
