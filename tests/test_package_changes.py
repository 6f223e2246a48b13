"""Pages depend on the installed packages as on their src/ and data/ files: vl-convert draws
their charts, pandas and Altair shape their tables and specs. A page last run with other
packages installed is read and run again, not served from the execution cache."""

from __future__ import annotations

import os
import pickle
import re
from importlib.metadata import version
from pathlib import Path
from types import SimpleNamespace

import pytest
from test_reliability import small_book

from bytebook.paths import ROOT
from bytebook.publish import inputs, reading, up_to_date
from bytebook.publish.build import build_book, jupyter_output, work_dir

pytestmark = pytest.mark.build

def test_the_installed_packages_are_listed_with_their_versions():
    listed = inputs.installed_packages()
    assert f"vl_convert_python-{version('vl-convert-python')}.dist-info" in listed
    assert f"altair-{version('altair')}.dist-info" in listed


def test_a_page_run_with_other_packages_or_read_without_one_of_its_inputs_is_read_again(
    tmp_path, capfd
):
    """The listing is written again before Sphinx looks for changed pages, so a page with code,
    which depends on it, is read again; its inputs cell, which fingerprints the listing with
    the page's other inputs, then misses the execution cache when the packages differ from
    those of its cached run. A page read by a build from before pages depended on the listing,
    or on another of the files it depends on now (a chapter module its chapter imports), is
    read again too."""
    root = small_book(tmp_path / "book", {"only": "print(6 * 7)"})
    assert build_book(root) == 0
    doctrees = jupyter_output(root) / ".doctrees"
    listing = doctrees / inputs.PACKAGES_FILE
    assert listing.read_text(encoding="utf-8").split() == inputs.installed_packages()

    # As if the last build had run with another release of vl-convert: its listing says so,
    # and the state it noted (which covers the installed packages too) no longer holds.
    listing.write_text("vl_convert_python-0.1.0.dist-info\n", encoding="utf-8")
    os.utime(listing, (0, 0))  # written back then, before the page was read
    assert _rebuilt_pages(root, capfd) == "0 added, 1 changed, 0 removed"
    assert listing.read_text(encoding="utf-8").split() == inputs.installed_packages()

    saved = doctrees / "environment.pickle"
    env = pickle.loads(saved.read_bytes())
    assert str(listing) in env.dependencies["book/only"]
    env.dependencies["book/only"].discard(str(listing))  # as a build before the listing left it
    saved.write_bytes(pickle.dumps(env, pickle.HIGHEST_PROTOCOL))
    assert _rebuilt_pages(root, capfd) == "0 added, 1 changed, 0 removed"

    env = pickle.loads(saved.read_bytes())
    module = str(inputs.PACKAGE / "numbers.py")
    assert module in env.dependencies["book/only"]
    env.dependencies["book/only"].discard(module)  # as a build that did not count it left it
    saved.write_bytes(pickle.dumps(env, pickle.HIGHEST_PROTOCOL))
    assert _rebuilt_pages(root, capfd) == "0 added, 1 changed, 0 removed"


def _rebuilt_pages(root: Path, capfd) -> str:
    """What Sphinx says of the pages in a build started anew."""
    up_to_date.forget(work_dir(root))
    capfd.readouterr()
    assert build_book(root) == 0
    return re.search(r"(\d+ added, \d+ changed, \d+ removed)", capfd.readouterr().out)[1]


def test_a_page_s_inputs_cell_fingerprints_the_installed_packages(tmp_path, monkeypatch):
    """The fingerprint the execution cache is keyed on changes with the installed packages
    alone: a page last run with other packages misses the cache."""
    page = (ROOT / "book" / "glossary.md").read_text(encoding="utf-8")
    noted: set[str] = set()
    app = SimpleNamespace(doctreedir=str(tmp_path), env=SimpleNamespace(note_dependency=noted.add))

    def inputs_cell(packages: list[str]) -> str:
        monkeypatch.setattr(inputs, "installed_packages", lambda: packages)
        source = [page]
        reading.track_inputs(app, "book/glossary", source)
        return source[0]  # the page with its inputs cell added

    now = inputs_cell(["vl_convert_python-2.0.0rc7.dist-info"])
    assert inputs_cell(["vl_convert_python-1.9.0.dist-info"]) != now
    assert inputs_cell(["vl_convert_python-2.0.0rc7.dist-info"]) == now
    assert str(tmp_path / inputs.PACKAGES_FILE) in noted
