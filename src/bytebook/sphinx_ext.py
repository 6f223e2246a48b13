"""Sphinx extension: serve vega from the book itself, add the chart script, drop Thebe.

Thebe needs a live kernel and loads its code from a CDN; this book is static and offline,
so its listeners are removed. The vega-embed bundle comes from vl-convert, written once
into `_static/` and shared by every page.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import shutil
from importlib.metadata import version
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

STATIC_DIR = Path(__file__).parent / "static"
VEGA_BUNDLE = "vega-bundle.js"
logger = logging.getLogger(__name__)


def vega_lite_version() -> str:
    """The Vega-Lite major.minor version Altair writes, e.g. '5.20'."""
    import altair as alt

    return ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def _drop_thebe(app: Sphinx) -> None:
    for listeners in app.events.listeners.values():
        listeners[:] = [
            listener
            for listener in listeners
            if not getattr(listener.handler, "__module__", "").startswith("sphinx_thebe")
        ]
    app.registry.css_files = [
        (name, attrs) for name, attrs in app.registry.css_files if "thebe" not in str(name)
    ]


def _add_static_path(app: Sphinx, config) -> None:
    config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]
    config.html_favicon = str(STATIC_DIR / "favicon.svg")
    config.bytebook_static = static_fingerprint(STATIC_DIR)


def static_fingerprint(directory: Path) -> str:
    """A hash of the book's own scripts and styles.

    It is an HTML setting: when a file changes, Sphinx rewrites every page (with the new
    file's checksum in its link) and copies the static files again, without re-reading
    or re-executing any page. Otherwise a build with no page to update would skip both.
    """
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(directory).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def _write_static_files(app: Sphinx, exception: Exception | None) -> None:
    """After a good HTML build: the vega bundle, the table library and the downloadable data."""
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    _write_vega_bundle(static)
    _copy_table_library(static)
    _write_downloads(static)


def _copy_table_library(static: Path) -> None:
    target = static / "itables"
    version_stamp = target / ".version"
    versions = f"itables {version('itables')}"
    if version_stamp.exists() and version_stamp.read_text() == versions:
        return  # copied by an earlier build from the same release
    from itables import options as itables_options

    bundle = Path(itables_options.dt_bundle)
    target.mkdir(parents=True, exist_ok=True)
    for source in (bundle, bundle.with_suffix(".css")):
        shutil.copyfile(source, target / source.name)
    version_stamp.write_text(versions)


def _write_downloads(static: Path) -> None:
    """The data files and the ledger as CSV, for the download links on each page."""
    from bytebook import inputs
    from bytebook.paths import DATA_DIR

    target = static / "data"
    target.mkdir(parents=True, exist_ok=True)
    sources = sorted(DATA_DIR.glob("*.csv"))
    modules = sorted(inputs.PACKAGE.rglob("*.py"))
    stamp = target / ".inputs"
    fingerprint = inputs.fingerprint(sources + modules)
    if stamp.exists() and stamp.read_text() == fingerprint:
        return  # written by an earlier build from the same inputs
    from bytebook.book import ledger
    from bytebook.chapters import WRITTEN
    from bytebook.data import NUMERIC_COLUMNS
    from bytebook.ledger import to_csv
    from bytebook.safety import spreadsheet_safe_csv

    for source in sources:
        text = spreadsheet_safe_csv(source.read_text(encoding="utf-8-sig"), NUMERIC_COLUMNS)
        (target / source.name).write_text(text, encoding="utf-8")
    table = ledger()
    (target / "ledger.csv").write_text(to_csv(table), encoding="utf-8")
    for name, module in WRITTEN.items():
        rows = table[table["section"].isin(module.SECTIONS)]
        (target / f"ledger-{name}.csv").write_text(to_csv(rows), encoding="utf-8")
    stamp.write_text(fingerprint)


def _write_vega_bundle(static: Path) -> None:
    target = static / VEGA_BUNDLE
    version_stamp = static / f"{VEGA_BUNDLE}.version"
    versions = f"vl-convert-python {version('vl-convert-python')}, altair {version('altair')}"
    if target.exists() and version_stamp.exists() and version_stamp.read_text() == versions:
        return  # the same bundle as an earlier build wrote
    import vl_convert as vlc

    target.parent.mkdir(parents=True, exist_ok=True)
    bundle = vlc.javascript_bundle(vl_version=vega_lite_version())
    # The bundle declares top-level names (such as `_`) that Sphinx's own scripts also
    # declare; a function scope keeps them apart. It publishes window.vegaEmbed itself.
    target.write_text(f"(function () {{\n{bundle}\n}})();\n", encoding="utf-8")
    version_stamp.write_text(versions)


def _offer_notebook(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Publish the page's executed notebook beside its source and show the theme's .ipynb button."""
    executed = Path(app.outdir).parent / "jupyter_execute" / f"{pagename}.ipynb"
    if doctree is None or not executed.is_file():
        return
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_repeatable_notebook(executed.read_text(encoding="utf-8")), encoding="utf-8")
    context["ipynb_source"] = f"{pagename}.ipynb"


def _repeatable_notebook(text: str) -> str:
    """The executed notebook without what changes from run to run: random cell ids and timings."""
    notebook = json.loads(text)
    for number, cell in enumerate(notebook["cells"]):
        cell["id"] = f"cell-{number:03d}"
        cell.get("metadata", {}).pop("execution", None)
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _track_inputs(app: Sphinx, docname: str, source: list[str]) -> None:
    """Make a page depend on the src/ and data/ files its code uses (see bytebook.inputs)."""
    from bytebook import inputs

    if inputs.CODE_CELL not in source[0]:
        return
    paths = inputs.page_inputs(source[0])
    for path in paths:
        app.env.note_dependency(str(path))
    source[0] = inputs.with_inputs_cell(source[0], inputs.fingerprint(paths))


def _report_reading(app: Sphinx, docname: str, source: list[str]) -> None:
    """Say live which page a parallel reader starts on.

    Sphinx replays a reader's own messages only when its whole batch of pages is done.
    """
    if multiprocessing.parent_process() is not None:
        print(f"bytebook: reading {docname} (parallel reader)", flush=True)


def _refuse_error_outputs(app: Sphinx, doctree) -> None:
    """Warn (so the strict build fails) about any error a page's executed cells displayed.

    An exception inside a display formatter, such as a chart that cannot be drawn, does not
    stop its cell: Jupyter shows it as an error output and goes on. This catches it.
    """
    docname = app.env.docname
    executed = Path(app.outdir).parent / "jupyter_execute" / f"{docname}.ipynb"
    if not executed.is_file():
        return
    notebook = json.loads(executed.read_text(encoding="utf-8"))
    for number, cell in enumerate(notebook.get("cells", [])):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                logger.warning(
                    f"cell {number} displayed an error: {output.get('ename')}: "
                    f"{str(output.get('evalue'))[:300]}",
                    location=docname,
                )


def _allow_parallel_reading(app: Sphinx) -> None:
    """Declare sphinx_multitoc_numbering safe for parallel reading.

    sphinx_external_toc always loads it, and it does not say; it only renumbers sections
    after every page has been read, in the main process, so reading in parallel is safe.
    """
    extension = app.extensions.get("sphinx_multitoc_numbering")
    if extension is not None:
        extension.parallel_read_safe = True


def setup(app: Sphinx) -> dict:
    _drop_thebe(app)
    _allow_parallel_reading(app)
    app.add_config_value("bytebook_static", "", "html")
    app.connect("config-inited", _add_static_path)
    app.connect("source-read", _report_reading)
    app.connect("source-read", _track_inputs)
    app.connect("doctree-read", _refuse_error_outputs)
    app.connect("build-finished", _write_static_files)
    app.connect("html-page-context", _offer_notebook, priority=400)
    app.add_js_file(VEGA_BUNDLE, defer="defer")
    app.add_js_file("bytebook-charts.js", defer="defer")
    app.add_js_file("bytebook-ledger.js", defer="defer")
    app.add_css_file("bytebook.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
