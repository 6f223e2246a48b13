"""Build the book strictly and atomically.

- Strict: a failing cell, output on stderr or any Sphinx warning fails the build.
- Parallel: pages are read, and so executed, side by side, one worker per core
  (bytebook.publish.jupyter_build).
- Fresh: each page depends on the src/ and data/ files its code uses
  (bytebook.publish.inputs), so an edit re-executes exactly the pages that use the edited file.
- Atomic: Jupyter Book works in _build/work; the finished HTML replaces _build/html only when
  the whole build succeeded, so a failed build leaves the last good book in place.
- Recoverable: a build killed half-way, or any damage to the execution cache
  (bytebook.publish.cache), is noticed and cleared on the next run, with a message.
- One at a time: a lock is held for the whole build (bytebook.publish.lock).
- Quick when nothing changed: a book already published from the same files, commit and
  packages is left as it is, without starting Sphinx (bytebook.publish.up_to_date).
- Bounded: the build's process tree is ended when it runs longer than
  BYTEBOOK_BUILD_TIMEOUT seconds (bytebook.publish.children); kernels talk to it over local
  IPC sockets, so they never race for TCP ports (bytebook.publish.jupyter_build).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

import yaml

from bytebook.errors import DataFileError, describe_os_error
from bytebook.paths import DATA_ENV, ROOT, data_read_by
from bytebook.publish import cache, children, up_to_date
from bytebook.publish.lock import BuildLocked, build_lock

FILE_SYSTEM_FAILURES = {
    "[Errno 28]": "the disk filled up during the build; free some space and run it again",
    "[Errno 30]": "the build could not write: the file system is read-only",
}
"""Failures of the build's child process worth naming in its last line, by the text of the
error it printed."""

LOCKED = 75
"""Exit status when another build held the lock for the whole wait (EX_TEMPFAIL)."""
FILE_SYSTEM_FAILED = 3
"""Exit status when the build could not write (disk full, read-only, no permission)."""


def work_dir(root: Path) -> Path:
    """Where Jupyter Book writes: doctrees, the execution cache, executed notebooks, staged HTML."""
    return root / "_build" / "work"


def jupyter_output(root: Path) -> Path:
    """Jupyter Book's own _build folder inside the work area."""
    return work_dir(root) / "_build"


def _jupyter_book(root: Path, builder: str) -> list[str]:
    """The command that builds the book with Jupyter Book, reading pages in parallel."""
    return [
        sys.executable,
        "-m",
        "bytebook.publish.jupyter_build",
        str(root),
        str(work_dir(root)),
        builder,
    ]


def _say(message: str) -> None:
    print(f"bytebook: {message}", flush=True)


def _check_config(root: Path) -> bool:
    """Parse _config.yml and _toc.yml; a malformed file is named with its line and column."""
    for name in ("_config.yml", "_toc.yml"):
        path = root / name
        if not path.is_file():
            print(f"bytebook: error: {path} is missing: {root} is not a book", file=sys.stderr)
            return False
        try:
            yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown place"
            problem = getattr(error, "problem", None) or str(error)
            print(f"bytebook: error: {path}: {where}: {problem}", file=sys.stderr)
            return False
    return True


def _check_data(root: Path) -> bool:
    """Validate every data file, and run every chapter's analysis on it, before anything runs;
    a bad file is named with row and column.

    Data that passed before, in any book or checkout, is not checked again while neither it
    nor the analysis code that checks and reads it changed (it keeps no-op builds fast): each
    state that passed leaves a mark named by its hash in `checked_marks()`.
    """
    data_dir = data_read_by(root)
    digest = hashlib.sha256()
    for path in [*sorted(data_dir.rglob("*")), *_analysis_sources()]:
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    mark = checked_marks() / digest.hexdigest()
    if mark.exists():
        return True
    from bytebook.book import checked_book

    try:
        checked_book(data_dir)
    except DataFileError as error:
        print(f"bytebook: error: {error}", file=sys.stderr)
        return False
    try:
        mark.parent.mkdir(parents=True, exist_ok=True)
        mark.touch()
    except OSError:
        pass  # the next build checks the data again
    return True


def checked_marks() -> Path:
    """Where the marks of data that passed its checks are kept: `~/.cache/bytebook-checked/`
    (under `$XDG_CACHE_HOME` when set)."""
    home_cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(home_cache) / "bytebook-checked"


def _analysis_sources() -> list[Path]:
    """The package's analysis modules (everything outside bytebook.publish): the rules that
    check the data and the chapters that read it."""
    package = Path(__file__).resolve().parent.parent
    return sorted(p for p in package.rglob("*.py") if "publish" not in p.relative_to(package).parts)


def _recover(root: Path) -> None:
    """Clear what an interrupted build or a damaged cache may have left half-written."""
    output = jupyter_output(root)
    marker = work_dir(root) / ".in-progress"
    if marker.exists():
        _say("the previous build did not finish; clearing its half-written state")
        _forget_read_pages(output)
    problem = cache.damage(output / ".jupyter_cache")
    if problem:
        _say(
            f"the execution cache is damaged: {problem}; cleared it, with the executed pages "
            "and the read pages, so every page runs again"
        )
        for name in (
            ".jupyter_cache",
            "jupyter_execute",
            *(d.name for d in output.glob(".doctrees*")),
        ):
            shutil.rmtree(output / name, ignore_errors=True)


def _forget_read_pages(output: Path) -> None:
    """Clear the pages Sphinx has read and written in the work area (not the execution cache),
    so that the next build reads and writes every page again, executing none that is cached."""
    for doctrees in output.glob(".doctrees*"):
        shutil.rmtree(doctrees, ignore_errors=True)
    shutil.rmtree(output / "html", ignore_errors=True)


def _publish(staged: Path, published: Path) -> None:
    """Replace the published HTML with the staged HTML in one rename."""
    incoming = published.with_name(published.name + ".incoming")
    outgoing = published.with_name(published.name + ".outgoing")
    shutil.rmtree(incoming, ignore_errors=True)
    shutil.rmtree(outgoing, ignore_errors=True)
    shutil.copytree(staged, incoming)
    if published.exists():
        published.rename(outgoing)
    incoming.rename(published)
    shutil.rmtree(outgoing, ignore_errors=True)


def _run(root: Path, builder: str) -> int:
    """Run one Jupyter Book builder in the work area, marking the work as in progress. The
    marker stays when the build is stopped, so the next build clears what it left."""
    marker = work_dir(root) / ".in-progress"
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()
    environment = dict(os.environ)
    if (root / "data").is_dir():
        environment[DATA_ENV] = str(root / "data")
    failures: set[str] = set()
    status = children.run_bounded(
        _jupyter_book(root, builder),
        cwd=root,
        env=environment,
        relay=lambda stream: _relay_errors(stream, failures),
        say=_say,
    )
    for failure in sorted(failures):
        print(f"bytebook: error: {failure}", file=sys.stderr)
    if status == 0:
        cache.note_built(jupyter_output(root) / ".jupyter_cache")
    elif status != children.TIMED_OUT:
        # Sphinx keeps what it read even when the build fails, and reads again only pages
        # that changed: the next build would not meet this one's warnings and would publish.
        _forget_read_pages(jupyter_output(root))
    if status != children.TIMED_OUT:
        marker.unlink(missing_ok=True)
    return status


def _relay_errors(stream: IO[str], failures: set[str]) -> None:
    """Pass the build's error stream on, line by line, noting file-system failures in it."""
    for line in stream:
        sys.stderr.write(line)
        sys.stderr.flush()
        failures.update(text for code, text in FILE_SYSTEM_FAILURES.items() if code in line)


def _holding_the_lock(build: Callable[[Path], int], root: str | Path | None) -> int:
    """Run `build(root)` holding the checkout's build lock. A lock held too long, or a file
    system that fails (full, read-only), ends it with a named error instead of a traceback.
    A root that is not a book is refused before the lock is taken, so nothing is written there."""
    root = Path(root or ROOT).resolve()
    if not _check_config(root):
        _say("the build stopped before it started; nothing was written")
        return 2
    try:
        with build_lock(root, _say):
            return build(root)
    except BuildLocked as error:
        print(f"bytebook: error: {error}", file=sys.stderr)
        return LOCKED
    except OSError as error:
        print(f"bytebook: error: {describe_os_error(error)}", file=sys.stderr)
        return FILE_SYSTEM_FAILED


def build_book(root: str | Path | None = None) -> int:
    """Build `root`'s book and publish it to `root`/_build/html; returns the exit code."""
    return _holding_the_lock(_build_book, root)


def build_pdf(root: str | Path | None = None) -> int:
    """Build the book, then print its one-page version to _build/pdf/book.pdf with Chromium."""
    return _holding_the_lock(_build_pdf, root)


def print_book(root: str | Path | None, target: Path) -> int:
    """Print `root`'s one-page book to `target` with Chromium, leaving the site as it is;
    returns the exit code."""
    return _holding_the_lock(lambda checked: _print_book(checked, target), root)


def _offer_printed_book(root: Path, published: Path) -> None:
    """Put the last printed book (`make pdf`) on the site, whose preface then links to it."""
    from bytebook.publish.pdf import PDF_NAME, printed_book

    if printed_book(root).is_file():
        shutil.copyfile(printed_book(root), published / PDF_NAME)
        _say(f"the site offers the PDF printed at {printed_book(root)}")


def _build_book(root: Path) -> int:
    """Build `root`'s book and publish it to `root`/_build/html; returns the exit code."""
    published = root / "_build" / "html"
    keep = f"the last good book is still at {published}" if published.exists() else "no book yet"
    if not _check_data(root):
        _say(f"the build stopped before it started; {keep}")
        return 2
    state = up_to_date.book_state(root)
    if up_to_date.is_current(state, work_dir(root), published):
        _say(f"nothing changed since the last build; the book at {published} is current")
        return 0
    up_to_date.forget(work_dir(root))
    _recover(root)
    status = _run(root, "html")
    if status != 0:
        print(
            f"bytebook: the build FAILED (exit {status}); see the messages above. {keep}",
            file=sys.stderr,
        )
        return status
    _publish(jupyter_output(root) / "html", published)
    _offer_printed_book(root, published)
    up_to_date.note(state, work_dir(root), published)
    _say(f"the book is at {published / 'index.html'}")
    return 0


def _build_pdf(root: Path) -> int:
    """Print the one-page book to _build/pdf/book.pdf with Chromium, then build the site, which
    offers the PDF (bytebook.publish.pdf.tags)."""
    from bytebook.publish.pdf import printed_book

    status = _print_book(root, printed_book(root))
    return status if status != 0 else _build_book(root)


def _print_book(root: Path, target: Path) -> int:
    """Build `root`'s one-page book and print it to `target` with Chromium."""
    if not _check_data(root):
        _say("the build stopped before it started; no PDF written")
        return 2
    _recover(root)
    status = _run(root, "singlehtml")
    if status != 0:
        print("bytebook: the one-page build FAILED; no PDF written", file=sys.stderr)
        return status
    from bytebook.publish.pdf import print_to_pdf

    # The one-page build writes its page under the root document's folder, but its links are
    # relative to the top of the build; the page is printed from there.
    master = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))["root"]
    single = jupyter_output(root) / "singlehtml"
    shutil.copyfile(single / f"{master}.html", single / "book.html")
    print_to_pdf(single / "book.html", target)
    _say(f"the PDF is at {target}")
    return 0
