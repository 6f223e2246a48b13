"""The executed notebooks: each published beside its page, opening with how to run it, and
checked for displayed errors."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from sphinx.application import Sphinx
from sphinx.util import logging

from bytebook.publish import chart_files

logger = logging.getLogger(__name__)


def offer_notebook(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Publish the page's executed notebook beside its source and show the theme's .ipynb button."""
    executed = Path(app.outdir).parent / "jupyter_execute" / f"{pagename}.ipynb"
    if doctree is None or not executed.is_file():
        return
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    cache = Path(app.env.mystnb_config.execution_cache_path)
    text = _with_cached_outputs(executed.read_text(encoding="utf-8"), cache)
    text = _repeatable_notebook(text, pagename, app, target.parent.relative_to(app.outdir))
    target.write_text(text, encoding="utf-8")
    context["ipynb_source"] = f"{pagename}.ipynb"


def _with_cached_outputs(text: str, cache: Path) -> str:
    """The notebook with its outputs from the execution cache. A page read from the cache has
    its executed notebook written without outputs (myst-nb writes the notebook it parsed, not
    the one it merged with the cache), so outputs are always taken from the cache, as a page
    executed afresh stores them there too."""
    import nbformat
    from jupyter_cache import get_cache

    notebook = nbformat.reads(text, as_version=4)
    try:
        _, notebook = get_cache(cache).merge_match_into_notebook(notebook)
    except KeyError:  # not cached: the page was not executed, or its cache was cleared
        return text
    return nbformat.writes(notebook)


HREF = re.compile(r'\bhref="(?P<url>[^"]*)"')

ONLY_BLOCK = re.compile(r"```\{only\} (?P<tag>\w+)\n(?P<body>.*?)\n```\n?", re.DOTALL)
"""A MyST `only` block: text the site shows only when its tag is set (the PDF's link)."""


def with_only_blocks_decided(text: str, tags: frozenset[str]) -> str:
    """`text` with each `only` block written as its text when its tag is in `tags`, and left
    out otherwise, as the site decided it: a notebook shows no link to a file the site lacks."""
    return ONLY_BLOCK.sub(lambda m: m["body"] + "\n" if m["tag"] in tags else "", text)


def rebased(text: str, page_folder: str, notebook_folder: str) -> str:
    """`text` with each relative `href` written for `page_folder` (where the page that wrote it
    sits in the site) rewritten for `notebook_folder`, so it leads to the same file."""

    def move(match: re.Match) -> str:
        parts = urlsplit(match["url"])
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(page_folder, parts.path))
        path = posixpath.relpath(target, notebook_folder or ".")
        return f'href="{urlunsplit(("", "", path, parts.query, parts.fragment))}"'

    return HREF.sub(move, text)


def links_from(
    notebook: dict, page_folder: str, notebook_folder: str, tags: frozenset[str] = frozenset()
) -> dict:
    """The notebook with the links of its Markdown cells and HTML outputs, written for its page
    in `page_folder`, leading to the same files from `notebook_folder`, where it is published;
    its Markdown's `only` blocks decided by the site's `tags` (`with_only_blocks_decided`)."""

    def moved(value: str | list[str]) -> str:
        text = "".join(value) if isinstance(value, list) else value
        return rebased(text, page_folder, notebook_folder)

    for cell in notebook.get("cells", []):
        if cell["cell_type"] == "markdown":
            cell["source"] = with_only_blocks_decided(moved(cell["source"]), tags)
        for output in cell.get("outputs", []):
            for kind, value in output.get("data", {}).items():
                if "html" in kind:
                    output["data"][kind] = moved(value)
    return notebook


def _repeatable_notebook(text: str, pagename: str, app: Sphinx, folder: Path) -> str:
    """The executed notebook, published in the site's `folder`: opening with how to run it
    (bytebook.publish.runnable), its links, written for its page, leading to the same files from
    `folder` (`links_from`), its charts' CSVs linked as the site's files
    (bytebook.publish.chart_files), and without what changes from run to run: random cell ids,
    timings, and execution counts (numbered 1, 2, … over the code cells, as one clean run
    numbers them)."""
    from bytebook.publish import runnable
    from bytebook.publish.edition import edition

    version = edition(Path(app.srcdir)).version
    name = Path(pagename).name
    here = folder.as_posix()
    tags = frozenset(app.tags)
    notebook = links_from(json.loads(text), posixpath.dirname(pagename), here, tags)
    notebook = runnable.with_how_to_run(notebook, f"{name}.ipynb", version)
    csv_folder = posixpath.relpath(chart_files.FOLDER, here)
    notebook = chart_files.link_notebook_csvs(notebook, pagename, csv_folder)
    count = 0
    for number, cell in enumerate(notebook["cells"]):
        cell["id"] = f"cell-{number:03d}"
        cell.get("metadata", {}).pop("execution", None)
        if cell["cell_type"] == "code":
            count += 1
            cell["execution_count"] = count
            for output in cell.get("outputs", []):
                if "execution_count" in output:
                    output["execution_count"] = count
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def refuse_error_outputs(app: Sphinx, doctree) -> None:
    """Warn (so the strict build fails) about any error a page's executed cells displayed.

    An exception inside a display formatter, such as a chart that cannot be drawn, does not
    stop its cell: Jupyter shows it as an error output and goes on. This catches it, in a page
    executed now or read from the execution cache (whose outputs are the cache's).
    """
    docname = app.env.docname
    executed = Path(app.outdir).parent / "jupyter_execute" / f"{docname}.ipynb"
    if not executed.is_file():
        return
    cache = Path(app.env.mystnb_config.execution_cache_path)
    notebook = json.loads(_with_cached_outputs(executed.read_text(encoding="utf-8"), cache))
    for number, cell in enumerate(notebook.get("cells", [])):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                logger.warning(
                    f"cell {number} displayed an error: {output.get('ename')}: "
                    f"{str(output.get('evalue'))[:300]}",
                    location=docname,
                )
