"""Each chart's CSV as a file of the site, linked from its page by a relative address.

A chart's output carries its tables' CSV text in the download link (bytebook.publish.chart_data
`csv_link`), since a notebook's kernel does not know the page it draws for. As Sphinx writes a
page, each such link's text becomes `_static/data/charts/<page>-<name>.csv`, in UTF-8 with a
byte-order mark as the book's other CSV files (bytebook.publish.downloads), and the link points
to it. The page's published notebook links the same files (`link_notebook_csvs`). After the
build, a file no page links to any more is removed.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from sphinx.application import Sphinx

from bytebook.publish.downloads import SPREADSHEET

FOLDER = "_static/data/charts"
CARRIED = re.compile(
    r'<a class="bytebook-csv-link" data-csv="(?P<csv>[^"]*)" download="(?P<name>[^"]*)">'
    r"(?P<text>.*?)</a>",
    re.S,
)
"""A link as a chart's output carries it, with the CSV text in `data-csv`."""
LINKED = re.compile(r'href="[^"]*?_static/data/charts/(?P<file>[^"/]+\.csv)"')


def file_name(page: str, name: str, taken: set[str]) -> str:
    """The file of a page's table: the page's last path part and the table's name, numbered
    when the page already has a table of that name."""
    stem = f"{page.rsplit('/', 1)[-1]}-{name.removesuffix('.csv')}"
    candidate, number = f"{stem}.csv", 1
    while candidate in taken:
        number += 1
        candidate = f"{stem}-{number}.csv"
    taken.add(candidate)
    return candidate


def _file_link(relative: str, name: str, words: str) -> str:
    """A link to the site's file `name`, with the carried link's `words` (the chart's renderer
    wrote them, bytebook.publish.chart_data `link_words`), the file's name kept for the
    download."""
    address = html.escape(f"{relative}/{name}", quote=True)
    return (
        f'<a class="bytebook-csv-link" href="{address}" download="{html.escape(name)}">'
        f"{words}</a>"
    )


def write_page_csvs(body: str, page: str, folder: Path, relative: str) -> str:
    """`body` with each carried CSV written into `folder` and linked at `relative`/<file>."""
    taken: set[str] = set()

    def link(match: re.Match) -> str:
        name = file_name(page, html.unescape(match["name"]), taken)
        folder.mkdir(parents=True, exist_ok=True)
        data = html.unescape(match["csv"]).encode(SPREADSHEET)
        target = folder / name
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
        return _file_link(relative, name, match["text"])

    return CARRIED.sub(link, body)


def link_notebook_csvs(notebook: dict, page: str, relative: str) -> dict:
    """A published notebook whose chart outputs link each CSV to the site's file of it, at
    `relative`/<file> from where the notebook is published, as the page links it, instead of
    carrying the CSV text (which a notebook's link cannot offer as a file). The links work
    where the notebook sits in the site; a notebook run afresh writes its own."""
    taken: set[str] = set()

    def link(match: re.Match) -> str:
        name = file_name(page, html.unescape(match["name"]), taken)
        return _file_link(relative, name, match["text"])

    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []):
            for kind, value in output.get("data", {}).items():
                if "html" in kind:
                    text = "".join(value) if isinstance(value, list) else value
                    if "bytebook-csv-link" in text:
                        output["data"][kind] = CARRIED.sub(link, text)
    return notebook


def on_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Sphinx `html-page-context`: the page's chart CSVs as files, linked relatively."""
    body = context.get("body")
    if not body or "bytebook-csv-link" not in body:
        return
    relative = context["pathto"](FOLDER, 1)
    context["body"] = write_page_csvs(body, pagename, Path(app.outdir) / FOLDER, relative)


def drop_unlinked(outdir: Path) -> None:
    """Remove chart CSVs that no page of `outdir` links to (a chart renamed or removed)."""
    folder = outdir / FOLDER
    if not folder.is_dir():
        return
    linked = {
        match["file"]
        for page in outdir.rglob("*.html")
        for match in LINKED.finditer(page.read_text(encoding="utf-8"))
    }
    for path in folder.glob("*.csv"):
        if path.name not in linked:
            path.unlink()
