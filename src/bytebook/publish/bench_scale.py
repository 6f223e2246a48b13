"""A synthetic book about `scale` times the size of this one, for `make bench SCALE=4`.

Each page with code is copied `scale - 1` times under a new name, with the labels it defines
renamed so that the strict build sees no duplicate, and a comment naming the copy in its first
code cell, so that the execution cache runs every copy instead of reusing the original's
outputs. A page that defines glossary terms is not copied: a term belongs to the whole book, so
a copy would define it twice. The copies join the table of contents as one part per copy. Build
time against pages should grow no faster than the pages do.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

LABEL = re.compile(r"^(?::name: (?P<name>\S+)|\((?P<target>[^)\s]+)\)=)$", re.M)
"""A label a page defines: a figure's `:name:` or a `(target)=` line."""


CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(?::[^\n]*\n)*", re.M)
"""The opening of a code cell and its options."""

GLOSSARY = "```{glossary}"
"""The opening of a glossary, whose terms the whole book shares."""


def copied_page(text: str, copy: int) -> str:
    """The page's text with every label it defines (and every use of it) given a copy suffix,
    and its first code cell marked as this copy's."""
    labels = {m.group("name") or m.group("target") for m in LABEL.finditer(text)}
    for label in sorted(labels, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(label)}(?![\w-])", f"{label}-copy{copy}", text)
    return CODE_CELL.sub(lambda m: f"{m.group(0)}# copy {copy}\n", text, count=1)


def scaled_book(root: Path, scale: int) -> int:
    """Add `scale - 1` copies of every page with code (but a glossary) of the book at `root` and
    list them in its table of contents; returns the number of pages the book then has."""
    toc_path = root / "_toc.yml"
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    every_page = sorted((root / "book").glob("*.md"))
    texts = {page: page.read_text(encoding="utf-8") for page in every_page}
    pages = [p for p in every_page if CODE_CELL.search(texts[p]) and GLOSSARY not in texts[p]]
    for copy in range(1, scale):
        chapters = []
        for page in pages:
            name = f"{page.stem}_copy{copy}"
            text = copied_page(texts[page], copy)
            (page.parent / f"{name}.md").write_text(text, encoding="utf-8")
            chapters.append({"file": f"book/{name}"})
        toc["parts"].append({"caption": f"Copy {copy}", "chapters": chapters})
    toc_path.write_text(yaml.safe_dump(toc, allow_unicode=True, sort_keys=False), "utf-8")
    return len(every_page) + len(pages) * (scale - 1)


def pages_chart(points: list[tuple[int, float]], target: Path) -> Path:
    """A small SVG chart of clean build time against pages, written to `target`."""
    import altair as alt
    import pandas as pd
    import vl_convert as vlc

    frame = pd.DataFrame(points, columns=["pages", "seconds"])
    chart = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("pages:Q", title="pages in the book"),
            y=alt.Y("seconds:Q", title="clean build, seconds"),
        )
        .properties(
            title=alt.Title(
                "Clean build time against pages",
                subtitle="Source: make bench on this machine; the larger book repeats the pages",
            ),
            width=360,
            height=220,
        )
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(vlc.vegalite_to_svg(chart.to_dict()), encoding="utf-8")
    return target
