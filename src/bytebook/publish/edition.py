"""Which edition of the book this is: version, commit and date, read from the last commit.

A reader cites an edition; two builds of the same commit give the same edition (nothing here
reads the clock). A copy of the book outside git is an unversioned copy.
"""

from __future__ import annotations

import html
import re
import subprocess
import tomllib
from dataclasses import dataclass
from importlib.metadata import version as package_version
from pathlib import Path

import yaml

ZIP_EPOCH = 315532800
"""1980-01-01, the earliest time a zip archive (and so a wheel) can record."""


@dataclass(frozen=True)
class Edition:
    """The book's version (from pyproject.toml) and its last commit, if it has one."""

    title: str
    authors: str
    version: str
    commit: str
    full_commit: str
    date: str
    epoch: int
    repository: str

    def label(self, *, marked: bool = False) -> str:
        """'version 0.1.0, commit abc1234 of 2026-11-28', or the version of an unversioned copy.
        `marked` puts the commit in `<code class="commit">`, as a page shows it: a hash is an
        identifier, not a number (6e70930 would otherwise read as 6 × 10⁷⁰⁹³⁰)."""
        if not self.commit:
            return f"version {self.version}, an unversioned copy"
        commit = commit_html(self.commit) if marked else self.commit
        return f"version {self.version}, commit {commit} of {self.date}"

    def citation(self, *, marked: bool = False) -> str:
        """The reference a reader copies: the repository's public address when the configuration
        records one, else the source archive of the commit the site was built from, which the
        site offers. Plain text, or (`marked`) with the commit marked as in `label`, which the
        page shows as text."""
        year = self.date[:4] or "n.d."
        if self.repository:
            where = f" {self.repository}"
        elif self.commit:
            where = f" Source archive: {SOURCE_ARCHIVE_NAME}, the repository at that commit."
        else:
            where = ""
        label = self.label(marked=marked)
        label = label[0].upper() + label[1:]
        return f"{self.authors} ({year}). {self.title}. {label}.{where}"


def commit_html(commit: str) -> str:
    """A commit as a page shows it: in `<code class="commit">`."""
    return f'<code class="commit">{html.escape(commit)}</code>'


SOURCE_ARCHIVE_NAME = "bytebook-source.zip"
"""The repository at the book's last commit, as `git archive` writes it (bytebook.publish.runnable
puts it under the site's downloads)."""


def last_commit(root: Path) -> tuple[str, str, str, int]:
    """The last commit of the checkout at `root`: its short and full hashes, its date and its
    time (no earlier than `ZIP_EPOCH`); empty strings and `ZIP_EPOCH` outside git."""
    try:
        shown = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%h %H %cs %ct"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return "", "", "", ZIP_EPOCH
    if len(shown) != 4:
        return "", "", "", ZIP_EPOCH
    return shown[0], shown[1], shown[2], max(int(shown[3]), ZIP_EPOCH)


def edition(root: Path) -> Edition:
    """The edition of the book at `root`."""
    project_file = root / "pyproject.toml"
    if project_file.is_file():
        project = tomllib.loads(project_file.read_text(encoding="utf-8"))["project"]
    else:  # a book without the package's source: the installed package's version
        project = {"version": package_version("bytebook")}
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    commit, full_commit, date, epoch = last_commit(root)
    return Edition(
        title=config.get("title", ""),
        authors=config.get("author", ""),
        version=project["version"],
        commit=commit,
        full_commit=full_commit,
        date=date,
        epoch=epoch,
        repository=(config.get("repository") or {}).get("url", ""),
    )


SHOWN = re.compile(r"\{\{\s*(book_edition|book_citation|book_source)\s*\}\}")
"""Where a page shows the edition: {{ book_edition }}, {{ book_citation }} or {{ book_source }}."""


def substitutions(root: Path) -> dict[str, str]:
    """The edition's texts a page may show, by name: the edition, its citation, and the
    sentences that link to the repository and its archive, or say that the book names no
    address for it."""
    from bytebook.publish import runnable

    book = edition(root)
    source = []
    if book.repository:
        url = html.escape(book.repository, quote=True)
        source.append(f'The repository: <a href="{url}">{url}</a>.')
    else:
        source.append(
            "The book names no web address for its repository, so the citation gives none."
        )
    if book.commit:
        archive = f"../_static/{runnable.DOWNLOADS}/{runnable.SOURCE_ARCHIVE}"
        lead = "The" if book.repository else "Its source comes with the book instead: the"
        source.append(
            f"{lead} repository at commit {commit_html(book.commit)}, the one this site was built "
            f"from (in full {commit_html(book.full_commit)}): "
            f'<a href="{archive}" download>{runnable.SOURCE_ARCHIVE}</a>, '
            "made with <code>git archive</code>."
        )
    return {
        "book_edition": book.label(marked=True),
        "book_citation": book.citation(marked=True),
        "book_source": " ".join(source),
    }


def shows_edition(source: str) -> bool:
    """Whether a page's source shows any of the edition's texts."""
    return SHOWN.search(source) is not None


# The edition is written into the pages that show it as they are read, not offered as MyST
# substitutions: a substitution is a configuration value, and a changed configuration makes
# Sphinx read every page again, so each commit would re-read (and re-render) the whole book.


def read_edition(app, config) -> None:
    """Note this build's edition, once, before any page is read."""
    app.bytebook_edition = substitutions(Path(app.srcdir))


def outdated_pages(app, env, added, changed, removed) -> list[str]:
    """The pages that show the edition, when it differs from the one they were read with."""
    if getattr(env, "bytebook_edition", None) == app.bytebook_edition:
        return []
    return [
        docname
        for docname in sorted(env.found_docs - added - changed - removed)
        if shows_edition(Path(env.doc2path(docname)).read_text(encoding="utf-8"))
    ]


def remember_edition(app, env, docnames) -> None:
    """Keep the edition the pages are read with, for the next build to compare."""
    env.bytebook_edition = app.bytebook_edition


def fill_in(app, docname: str, source: list[str]) -> None:
    """Write the edition's texts where the page shows them."""
    source[0] = SHOWN.sub(lambda match: app.bytebook_edition[match[1]], source[0])
