"""How to cite: the preface gives the version, the commit and the date of the book's last commit,
the repository and the licences of the text and the code, each read here from its own source."""

from __future__ import annotations

import html
import re
import subprocess
import tomllib

import yaml

from bytebook.paths import ROOT


def test_the_preface_says_how_to_cite_this_edition(built_book):
    page = (built_book / "book" / "preface.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", " ", page.split('id="how-to-cite"', 1)[1]))
    text = " ".join(text.split())
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    commit, date = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%h %cs"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    repository = (config.get("repository") or {}).get("url", "")
    assert f"version {version}, commit {commit} of {date}" in text
    assert f"({date[:4]})" in text, "the citation's year is not the last commit's"
    if repository:
        assert repository in text
    assert f"The repository at commit {commit}" in text
    assert "CC BY 4.0" in text and "MIT licence" in text
