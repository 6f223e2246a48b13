"""Build the book strictly: a failing cell, stderr output or any Sphinx warning fails it.

The execution cache is keyed on code cells only, so a change under src/ or data/ would
leave cached pages with old numbers. Before each build the inputs are fingerprinted; when
the fingerprint differs from the last good build, the cache is dropped and every page is
re-executed and re-read.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from bytebook.paths import ROOT

FINGERPRINTED = ("src", "data")


def inputs_fingerprint(root: Path) -> str:
    """A hash of every file under src/ and data/ (names and contents)."""
    digest = hashlib.sha256()
    for folder in FINGERPRINTED:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and not any(
                part == "__pycache__" or part.endswith(".egg-info") for part in path.parts
            ):
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _jupyter_book(root: Path, builder: str, *extra: str) -> list[str]:
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    return [
        str(jupyter_book),
        "build",
        str(root),
        "--builder",
        builder,
        "--warningiserror",
        "--nitpick",
        "--keep-going",
        *extra,
    ]


def build_book(root: str | Path | None = None) -> int:
    """Build `root`'s book into `root`/_build/html; returns the exit code."""
    root = Path(root or ROOT).resolve()
    build_dir = root / "_build"
    stamp = build_dir / ".inputs-fingerprint"
    fingerprint = inputs_fingerprint(root)
    fresh = not stamp.exists() or stamp.read_text() != fingerprint
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    command = [
        str(jupyter_book),
        "build",
        str(root),
        "--builder",
        "html",
        "--warningiserror",
        "--nitpick",
        "--keep-going",
    ]
    if fresh:
        print("bytebook: src/ or data/ changed since the last build; re-executing every page")
        shutil.rmtree(build_dir / ".jupyter_cache", ignore_errors=True)
        shutil.rmtree(build_dir / "html", ignore_errors=True)
        stamp.unlink(missing_ok=True)
        command.append("--all")
    result = subprocess.run(command, cwd=root)
    if result.returncode != 0:
        print(
            f"bytebook: the build FAILED (exit {result.returncode}); see the messages above",
            file=sys.stderr,
        )
        return result.returncode
    stamp.write_text(fingerprint)
    print(f"bytebook: the book is at {build_dir / 'html' / 'index.html'}")
    return 0


def build_pdf(root: str | Path | None = None) -> int:
    """Build the book, then print its one-page version to _build/pdf/book.pdf with Chromium."""
    root = Path(root or ROOT).resolve()
    status = build_book(root)
    if status != 0:
        return status
    status = subprocess.run(_jupyter_book(root, "singlehtml"), cwd=root).returncode
    if status != 0:
        print("bytebook: the one-page build FAILED; no PDF written", file=sys.stderr)
        return status
    from bytebook.pdf import print_to_pdf

    target = root / "_build" / "pdf" / "book.pdf"
    # The one-page build writes its page under the root document's folder, but its links are
    # relative to the top of the build; the page is printed from there.
    master = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))["root"]
    single = root / "_build" / "singlehtml"
    shutil.copyfile(single / f"{master}.html", single / "book.html")
    print_to_pdf(single / "book.html", target)
    print(f"bytebook: the PDF is at {target}")
    return 0
