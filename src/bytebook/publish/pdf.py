"""Print an HTML page to PDF with Debian's Chromium (its headless shell), offline; where the
printed book is kept, and whether the site offers it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
"""What every Chromium program here is started with."""

HEADLESS_SHELL_ARGS = [*CHROMIUM_ARGS, "--font-render-hinting=slight"]
"""What the headless shell is started with. Debian's fontconfig hints glyphs slightly, and the
browser follows it; the shell hints them more unless told, which moves glyphs by fractions of
a pixel and so some line breaks. With this the shell lays out and prints every page as the
browser does (tests/test_headless_shell.py)."""


PDF_NAME = "book.pdf"
"""The printed book's file name, in _build/pdf/ and at the top of the site."""
PDF_TAG = "bytebook_pdf"
"""The Sphinx tag set when a printed book exists: the preface's `{only}` link to it needs it."""


def printed_book(root: Path) -> Path:
    """Where `make pdf` keeps the printed book."""
    return root / "_build" / "pdf" / PDF_NAME


def tags(root: Path, builder: str) -> list[str]:
    """The Sphinx tags of a build: `PDF_TAG` for the HTML build when the book has been printed,
    so the site links to the PDF only when it offers one (Sphinx rewrites every page when its
    tags change)."""
    return [PDF_TAG] if builder == "html" and printed_book(root).is_file() else []


PAGE_LOAD_TIMEOUT_MS = 300_000


def chromium_path(as_a_reader_browses: bool = False) -> str:
    """Debian's Chromium (or the one BYTEBOOK_CHROMIUM names): its headless shell, which prints
    the book and runs the browser tests, or (`as_a_reader_browses`) the browser itself, which
    `make bench` loads the pages in. The shell is the same engine without a browser's profile
    and windows, and takes less than half the CPU per page. Raises with the package to install
    when the program is missing (Debian's package has the command's name)."""
    command = "chromium" if as_a_reader_browses else "chromium-headless-shell"
    found = os.environ.get("BYTEBOOK_CHROMIUM") or shutil.which(command) or f"/usr/bin/{command}"
    if not Path(found).exists():
        raise FileNotFoundError(f"Chromium is missing: install Debian's '{command}' package")
    return found


def print_to_pdf(page: Path, target: Path) -> None:
    """Open `page` from disk, refuse any request that leaves it, and print it to `target`."""
    from playwright.sync_api import sync_playwright

    target.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=HEADLESS_SHELL_ARGS
        )
        tab = browser.new_page()
        tab.route("http*://**", lambda route: route.abort())
        # The printed book is one long page; on a busy machine loading it takes well over
        # Playwright's default 30 s.
        tab.goto(page.resolve().as_uri(), wait_until="load", timeout=PAGE_LOAD_TIMEOUT_MS)
        tab.emulate_media(media="print")
        tab.pdf(
            path=str(target),
            format="A4",
            print_background=True,
            margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"},
        )
        browser.close()
