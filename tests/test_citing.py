"""How to cite: the preface gives the version, the commit and the date of the book's last commit,
the repository and the licences of the text and the code, each read here from its own source."""

from __future__ import annotations

import html
import re
import subprocess
import tomllib
import zipfile

import pytest
import yaml
from bs4 import BeautifulSoup
from test_number_style import visible_text

from bytebook.paths import ROOT


def _git(*args: str) -> str:
    """What git prints about the checkout."""
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True
    ).stdout


def test_the_preface_says_how_to_cite_this_edition(built_book):
    page = (built_book / "book" / "preface.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", " ", page.split('id="how-to-cite"', 1)[1]))
    text = " ".join(text.split())
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    commit, date = _git("log", "-1", "--format=%h %cs").split()
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    repository = (config.get("repository") or {}).get("url", "")
    assert f"version {version}, commit {commit} of {date}" in text
    assert f"({date[:4]})" in text, "the citation's year is not the last commit's"
    if repository:
        assert repository in text
    assert f"repository at commit {commit} " in text
    assert "CC BY 4.0" in text and "MIT licence" in text


def test_without_a_public_address_the_citation_says_so_and_offers_the_built_commit(built_book):
    """No address is invented: with none recorded in _config.yml (`repository.url`; a clone's
    git remote is where it was cloned from, not a public address, and the page never reads it)
    the page says so, and the citation and the page point to the source archive, which holds
    exactly the files of the commit the site was built from."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    if (config.get("repository") or {}).get("url"):
        pytest.skip("_config.yml records a public address")
    page = (built_book / "book" / "preface.html").read_text(encoding="utf-8")
    section = page.split('id="how-to-cite"', 1)[1].split("</section>", 1)[0]
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", section)).split())
    assert "The book names no web address for its repository" in text
    assert "Its source comes with the book instead: the repository at commit" in text
    assert not re.search(r"https?://(?!creativecommons\.org|opensource\.org)", section)
    commit, full = _git("log", "-1", "--format=%h %H").split()
    citation = text.split("Cite it as:", 1)[1]
    assert f"commit {commit} of" in citation and "Source archive: bytebook-source.zip" in citation
    assert full in text, "the full hash of the built commit is not given"
    link = re.search(r'href="([^"]*bytebook-source\.zip)"', section)[1]
    archive = (built_book / "book" / link).resolve()
    tracked = _git("ls-tree", "-r", "--name-only", "HEAD").splitlines()
    with zipfile.ZipFile(archive) as zipped:
        files = sorted(n for n in zipped.namelist() if not n.endswith("/"))
        assert zipped.comment.decode() == full, "the archive is not of the built commit"
    assert files == sorted(tracked)


def test_the_edition_shows_its_commit_marked_as_the_commit(built_book):
    """A short hash can look like a number in e-notation (6e70930); the preface shows the
    commit only in `code.commit`, which the book's number style leaves alone."""
    commit = _git("log", "-1", "--format=%h").strip()
    page = (built_book / "book" / "preface.html").read_text(encoding="utf-8")
    marked = BeautifulSoup(page, "html.parser").select("code.commit")
    shown = [code for code in marked if code.get_text() == commit]
    assert len(shown) == 3, "the edition, the citation and the source archive"
    assert commit not in visible_text(page)
