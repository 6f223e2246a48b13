"""Rebuilds on a small copy of the book: fresh numbers, only the pages that need it, and the
same output twice."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import in_own_thread

from bytebook.paths import ROOT
from bytebook.publish import assets
from bytebook.publish.build import build_book, build_pdf, jupyter_output
from bytebook.publish.pdf import printed_book

pytestmark = pytest.mark.build

CHAPTERS = ["preface", "overseas", "codec", "ledger", "glossary"]
"""The book's own pages the test reads: two that read no assumption, the chapter that prints the
CDN price, the ledger, which reads every chapter, and the glossary, which reads data/ without a
chapter."""
TEXT_ONLY = "methods"
"""The sixth page, which the preface links to, here a page of text only: six pages are more
than five, so Sphinx reads a clean build of them in parallel. (The book's own methods page in
its place would add only its execution time.)"""
PAGES = [*CHAPTERS, TEXT_ONLY]
TOC = "format: jb-book\nroot: book/preface\nchapters:\n" + "".join(
    f"  - file: book/{name}\n" for name in PAGES[1:]
)


def copy_book(target: Path) -> Path:
    (target / "book").mkdir(parents=True)
    shutil.copy(ROOT / "_config.yml", target)
    (target / "_toc.yml").write_text(TOC, encoding="utf-8")
    shutil.copytree(ROOT / "data", target / "data")
    for name in CHAPTERS:
        shutil.copy(ROOT / "book" / f"{name}.md", target / "book")
    (target / "book" / f"{TEXT_ONLY}.md").write_text("# Methods\n\nText.\n", encoding="utf-8")
    return target


def set_assumption(root: Path, assumption_id: str, value: str) -> None:
    path = root / "data" / "assumptions.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    for row in rows:
        if row["id"] == assumption_id:
            row["value"] = value
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def executed(output: str) -> set[str]:
    return {
        Path(line.split(":")[0]).stem
        for line in output.splitlines()
        if "Executing notebook" in line
    }


def snapshot(root: Path) -> dict[str, object]:
    """What a reader or a diff sees: glued values, the ledger CSV, executed cell outputs."""
    executed_dir = jupyter_output(root) / "jupyter_execute" / "book"
    glue = {p.name: json.loads(p.read_text()) for p in sorted(executed_dir.glob("*.glue.json"))}
    outputs = {
        p.name: [cell.get("outputs") for cell in json.loads(p.read_text())["cells"]]
        for p in sorted(executed_dir.glob("*.ipynb"))
    }
    ledger = (root / "_build" / "html" / "_static" / "data" / "ledger.csv").read_text()
    published = {
        p.name: json.loads(p.read_text())
        for p in sorted((root / "_build" / "html" / "_sources" / "book").glob("*.ipynb"))
    }
    return {"glue": glue, "outputs": outputs, "ledger": ledger, "published": published}


def price_text(root: Path) -> str:
    glue = json.loads(
        (jupyter_output(root) / "jupyter_execute" / "book" / "codec.glue.json").read_text()
    )
    return glue["price_default_text"]["data"]["text/plain"]


def codec_page(root: Path) -> str:
    return (root / "_build" / "html" / "book" / "codec.html").read_text(encoding="utf-8")


def test_rebuilds_are_fresh_minimal_atomic_recoverable_and_repeatable(tmp_path, capfd):
    """One small book through a maintainer's day; each step states what it proves."""
    root = copy_book(tmp_path / "copy")
    codec_source = (root / "book" / "codec.md").read_text(encoding="utf-8")
    assert build_book(root) == 0
    first = snapshot(root)
    if len(os.sched_getaffinity(0)) > 1:
        assert "(parallel reader)" in capfd.readouterr().out, "the clean build read serially"
    capfd.readouterr()

    # A rebuild with nothing changed executes nothing.
    assert build_book(root) == 0
    assert executed(capfd.readouterr().out) == set(), "a no-op rebuild executed pages"

    # A data edit re-executes the pages that read the file, shows the new number, spares others.
    set_assumption(root, "cdn_price_per_gb", "0.01")
    assert build_book(root) == 0
    reran = executed(capfd.readouterr().out)
    assert {"codec", "ledger"} <= reran and not {"preface", "overseas"} & reran
    assert price_text(root) == "'USD 0.01'"
    assert "USD 0.01" in codec_page(root)
    good = codec_page(root)

    # Bad data stops the build before it starts, names file, row and column, keeps the book.
    set_assumption(root, "cdn_price_per_gb", "０.０２")
    assert build_book(root) != 0
    printed = capfd.readouterr()
    assert "assumptions.csv" in printed.err and "row 1" in printed.err
    assert "column 'value'" in printed.err
    assert "the last good book is still at" in printed.out + printed.err
    assert codec_page(root) == good

    # A failing cell fails the build and keeps the book too.
    set_assumption(root, "cdn_price_per_gb", "0.02")
    (root / "book" / "codec.md").write_text(
        codec_source + "\n```{code-cell} ipython3\nraise RuntimeError('broken on purpose')\n```\n",
        encoding="utf-8",
    )
    assert build_book(root) != 0
    assert codec_page(root) == good
    (root / "book" / "codec.md").write_text(codec_source, encoding="utf-8")

    # A build killed half-way and a damaged cache are noticed and cleared, with a message.
    (jupyter_output(root).parent / ".in-progress").touch()
    (jupyter_output(root) / ".jupyter_cache" / "global.db").write_bytes(b"not a database")
    capfd.readouterr()
    assert build_book(root) == 0
    out = capfd.readouterr().out
    assert "did not finish" in out and "cache is damaged" in out
    assert "(parallel reader)" in out or len(os.sched_getaffinity(0)) == 1

    # That rebuild executed every page afresh, in parallel: what a reader or a diff sees is the
    # same.
    assert snapshot(root) == first


PRICE_PAGE = """---
{header}bytebook:
  chapters: []
  data: [assumptions.csv]
---

# Price

```{{code-cell}} ipython3
import csv

from bytebook.paths import DATA_DIR

with open(DATA_DIR / "assumptions.csv", encoding="utf-8") as rows:
    (price,) = [row["value"] for row in csv.DictReader(rows) if row["id"] == "cdn_price_per_gb"]
print(f"The CDN price is USD {{price}} per GB.")
```
"""


def price_book(target: Path) -> Path:
    """Two small pages and the data: the first prints the CDN price from
    data/assumptions.csv, the second is text."""
    (target / "book").mkdir(parents=True)
    shutil.copy(ROOT / "_config.yml", target)
    shutil.copytree(ROOT / "data", target / "data")
    header = (ROOT / "book" / "preface.md").read_text(encoding="utf-8").split("---\n")[1]
    header = header.split("bytebook:")[0]
    (target / "book" / "price.md").write_text(PRICE_PAGE.format(header=header), encoding="utf-8")
    (target / "book" / "notes.md").write_text("# Notes\n\nText.\n", encoding="utf-8")
    toc = "format: jb-book\nroot: book/price\nchapters:\n  - file: book/notes\n"
    (target / "_toc.yml").write_text(toc, encoding="utf-8")
    return target


def printed_price_book(target: Path) -> Path:
    """The price book behind the book's own preface and glossary (which defines the preface's
    terms), the preface's other links reaching a ledger and a methods page of text: the preface
    is the page that links to a printed PDF."""
    root = price_book(target)
    for name in ("preface", "glossary"):
        shutil.copy(ROOT / "book" / f"{name}.md", root / "book")
    for name in ("ledger", "methods"):
        (root / "book" / f"{name}.md").write_text(f"# {name}\n\nText.\n", encoding="utf-8")
    toc = "format: jb-book\nroot: book/preface\nchapters:\n" + "".join(
        f"  - file: book/{name}\n" for name in ("price", "notes", "ledger", "methods", "glossary")
    )
    (root / "_toc.yml").write_text(toc, encoding="utf-8")
    return root


def test_a_data_edit_reaches_both_the_pdf_and_the_site_when_built_through_make_pdf(tmp_path):
    """`make pdf` prints the one-page book, then builds the site, which offers the PDF from
    its preface. Each build must read a changed input itself: had they shared Sphinx's record
    of read pages, the first would take the change and leave the site's pages stale. (How
    Sphinx keeps each builder's read pages does not depend on the chapters, so a small book
    shows it.)"""
    root = printed_price_book(tmp_path / "copy")
    assert in_own_thread(build_pdf, root) == 0
    one_page = jupyter_output(root) / "singlehtml" / "book.html"
    site = root / "_build" / "html"
    site_page = site / "book" / "price.html"
    assert "USD 0.013 per GB" not in site_page.read_text(encoding="utf-8")
    preface = (site / "book" / "preface.html").read_text(encoding="utf-8")
    assert 'href="../book.pdf"' in preface, "the preface does not link to the PDF"
    assert (site / "book" / "../book.pdf").read_bytes() == printed_book(root).read_bytes()

    set_assumption(root, "cdn_price_per_gb", "0.013")
    assert in_own_thread(build_pdf, root) == 0
    assert "USD 0.013 per GB" in one_page.read_text(encoding="utf-8"), "the PDF's page is stale"
    assert "USD 0.013 per GB" in site_page.read_text(encoding="utf-8"), (
        "the site's page is stale after make pdf"
    )
    assert (site / "book.pdf").read_bytes() == printed_book(root).read_bytes()


@pytest.mark.parametrize(
    "changed", ["code/static/bytebook.css", "code/head_order.py", "generated/bytebook-palette.js"]
)
def test_a_changed_script_style_or_module_changes_the_html_setting_that_rewrites_pages(
    tmp_path, monkeypatch, changed
):
    code, generated = tmp_path / "code", tmp_path / "generated"
    shutil.copytree(assets.PUBLISHING_CODE, code, ignore=shutil.ignore_patterns("__pycache__"))
    generated.mkdir()
    (generated / "bytebook-palette.js").write_text("window.bytebookDarkTwins = {};\n")
    monkeypatch.setattr(assets, "PUBLISHING_CODE", code)
    monkeypatch.setattr(assets, "STATIC_DIR", code / "static")
    before = assets.writing_fingerprint(generated)
    assert assets.writing_fingerprint(generated) == before
    edited = tmp_path / changed
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert assets.writing_fingerprint(generated) != before


ANSI = re.compile(r"\x1b\[[0-9;]*m")
READ_COUNTS = re.compile(
    r"updating environment: (?:\[.*?\] )?(\d+) added, (\d+) changed, (\d+) removed"
)


def read_counts(output: str) -> tuple[int, int, int]:
    """Pages Sphinx read as added, changed and removed, from its 'updating environment' line."""
    (counts,) = READ_COUNTS.findall(ANSI.sub("", output))
    return tuple(int(count) for count in counts)


def git(root: Path, *arguments: str) -> str:
    command = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    return subprocess.run([*command, *arguments], check=True, capture_output=True, text=True).stdout


def test_a_commit_without_content_changes_re_reads_only_the_page_that_shows_the_edition(
    tmp_path, capfd
):
    """The edition names the last commit; a new commit must re-read the page that shows it
    and no other (were the edition a configuration value, every page would be read again)."""
    root = price_book(tmp_path / "copy")
    notes = root / "book" / "notes.md"
    notes.write_text(notes.read_text(encoding="utf-8") + "\nThis is {{ book_edition }}.\n")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    assert build_book(root) == 0
    capfd.readouterr()

    git(root, "commit", "-q", "--allow-empty", "-m", "second")
    assert build_book(root) == 0
    output = capfd.readouterr().out
    assert "config changed" not in output
    assert read_counts(output) == (0, 1, 0), "a commit re-read more than the edition's page"
    assert executed(output) == set()
    commit = git(root, "log", "-1", "--format=%h").strip()
    page = (root / "_build" / "html" / "book" / "notes.html").read_text(encoding="utf-8")
    assert f"commit {commit} of" in re.sub(r"<[^>]+>", "", page)  # the commit is in <code>
