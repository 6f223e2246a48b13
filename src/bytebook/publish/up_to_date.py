"""Whether the published book is already what a build would publish, so a rebuild with nothing
changed ends at once instead of starting Sphinx to find no page to update.

After a build publishes, it notes the state of everything the book is made from
(`book_state`): every file of the checkout outside `_build/` and hidden folders (the pages,
the data, the configuration, the package's source and the lock), the package's own source when
the book is a copy elsewhere, the data folder the pages read, the last commit (the edition pages
cite), the printed PDF the site offers, the Python that builds it and the packages installed
for it. It notes the published files too (`published_state`: their names, sizes and
modification times), so a published book that was changed or removed since is built again.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

STATE_NAME = "published.state"
"""The file in the work area holding the state noted after the last build that published."""


def _files(folder: Path) -> list[Path]:
    """Every file under `folder`, sorted, leaving out hidden names, `_build` and bytecode."""
    found: list[Path] = []
    for directory, folders, names in os.walk(folder):
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".") and name not in ("_build", "__pycache__")
        )
        found += [Path(directory) / name for name in sorted(names) if not name.startswith(".")]
    return found


def _contents(path: Path) -> bytes:
    """The file's size and bytes; a file that cannot be read (a broken link) counts by its
    error."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return f"unreadable: {error.strerror}".encode()
    return f"{len(data)}\0".encode() + data


def book_state(root: Path) -> str:
    """A hash of everything the book at `root` is built from (see the module's description)."""
    from bytebook.paths import data_read_by
    from bytebook.publish.edition import last_commit
    from bytebook.publish.inputs import installed_packages
    from bytebook.publish.pdf import printed_book

    package = Path(__file__).resolve().parent.parent
    data = data_read_by(root)
    digest = hashlib.sha256()
    for folder in dict.fromkeys([root, package, data.resolve()]):
        for path in _files(folder):
            digest.update(f"{path}\0".encode() + _contents(path))
    printed = printed_book(root)
    pdf = printed.stat() if printed.is_file() else None
    installed = installed_packages()
    facts = [
        last_commit(root)[1],
        f"{pdf.st_size} {pdf.st_mtime_ns}" if pdf else "no pdf",
        sys.executable,
        sys.version,
        *installed,
    ]
    digest.update("\0".join(facts).encode())
    return digest.hexdigest()


def published_state(published: Path) -> str:
    """A hash of the published files' names, sizes and modification times."""
    digest = hashlib.sha256()
    for path in _files(published):
        status = path.lstat()
        digest.update(f"{path}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def is_current(state: str, work: Path, published: Path) -> bool:
    """Whether the book at `published` was published, by a build that finished (none left its
    work in progress since), from a book whose `book_state` was `state`."""
    try:
        noted = (work / STATE_NAME).read_text(encoding="utf-8")
    except OSError:
        return False
    if (work / ".in-progress").exists() or not published.is_dir():
        return False
    return noted == f"{state} {published_state(published)}"


def forget(work: Path) -> None:
    """Drop the noted state, before a build changes what it describes."""
    (work / STATE_NAME).unlink(missing_ok=True)


def note(state: str, work: Path, published: Path) -> None:
    """Note that the book just published at `published` was built from a book whose
    `book_state` was `state` (taken before the build began: a file edited during the build
    makes the next build run)."""
    work.mkdir(parents=True, exist_ok=True)
    noted = work / STATE_NAME
    partial = noted.with_name(f"{STATE_NAME}.{os.getpid()}.partial")
    partial.write_text(f"{state} {published_state(published)}", encoding="utf-8")
    os.replace(partial, noted)
