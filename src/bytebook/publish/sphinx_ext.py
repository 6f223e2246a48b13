"""Sphinx extension: wires the publishing jobs into the build, one module per job.

- `assets`: the book's own scripts and styles, the vega bundle and the table library in `_static/`;
- `downloads`: the data files and the ledger as CSV, worked out while the pages execute;
- `chart_files`: each chart's CSV as a file, linked from its page;
- `notebooks`: each executed notebook published beside its page; displayed errors fail the build;
- `runnable`: the package, the lock and the source archive a reader runs a notebook with;
- `edition`: the version, commit and date pages cite, written into the pages that show them;
- `reading`: each page depends on the files its code uses (bytebook.publish.inputs);
- `chart_specs`: a page's chart specs moved into one file that its head preloads and the chart
  script fetches;
- `chinese_titles`: the Chinese in headings marked as Chinese for a screen reader;
- `read_once`: the doctrees Sphinx's numbering unpickles after reading kept for writing;
- `pages`: the front page that leads to the first chapter, asset checksums that do not depend on
  the build's history, and a content security policy on every page; the last pass's steps
  that need no other page run in the writer that wrote the page (`PAGE_WRITTEN`);
- here: Thebe dropped (it needs a live kernel and a CDN; this book is static and offline), the
  table-of-contents numbering declared safe for parallel reading, and the theme's compiled
  templates kept between builds.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from sphinx.application import Sphinx

from bytebook.publish import (
    assets,
    chart_files,
    chart_specs,
    edition,
    notebooks,
    pages,
    reading,
    runnable,
)
from bytebook.publish.downloads import downloads_code, work_out_downloads, write_downloads
from bytebook.publish.parallel_write import PAGE_WRITTEN
from bytebook.publish.shared_kernel import finish_started_work, in_a_free_kernel


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


def _allow_parallel_reading(app: Sphinx) -> None:
    """Declare sphinx_multitoc_numbering safe for parallel reading.

    sphinx_external_toc always loads it, and it does not say; it only renumbers sections
    after every page has been read, in the main process, so reading in parallel is safe.
    """
    extension = app.extensions.get("sphinx_multitoc_numbering")
    if extension is not None:
        extension.parallel_read_safe = True


def _keep_compiled_templates(app: Sphinx) -> None:
    """Keep the page templates Jinja compiles in the work area, under their source's checksum:
    a build that writes a few pages no longer compiles the theme's templates first (up to a
    tenth of a CPU-second of the main process), and a changed template is compiled again."""
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if environment is None:
        return
    folder = Path(app.outdir).parent / ".compiled-templates"
    folder.mkdir(parents=True, exist_ok=True)
    environment.bytecode_cache = FileSystemBytecodeCache(str(folder))


def _work_out_downloads_early(app: Sphinx, *_: object) -> None:
    """Before pages are read: have an HTML build work out the downloads (the ledger runs every
    chapter's analysis) in the kernel of the first reader to run out of pages, which has
    imported the analysis already, or else while this process waits for pages to execute; not
    after writing."""
    if app.builder.format == "html":
        static = Path(app.outdir) / "_static"
        in_a_free_kernel(lambda: work_out_downloads(static), downloads_code(static))


def _finish_early_work(app: Sphinx, *_: object) -> None:
    """Before pages are written: wait for the work begun while pages executed."""
    finish_started_work()


def _write_static_files(app: Sphinx, exception: Exception | None) -> None:
    """After a good HTML build: the vega bundle, the table library and the downloadable data
    (chart CSVs no page links to any more removed)."""
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    assets.write_libraries(static)
    write_downloads(static)
    chart_files.drop_unlinked(Path(app.outdir))
    runnable.write_kit(Path(app.srcdir), static)


def _finish_page_apart(app: Sphinx, docname: str) -> bool:
    """In the writer that wrote an HTML page (bytebook.publish.parallel_write): the steps of the
    last pass that need no other page, its chart specs moved to their file among them. Whether
    it finished the page."""
    if app.builder.name != "html":
        return False
    outdir, path = Path(app.outdir), Path(app.builder.get_outfilename(docname))
    original = path.read_text(encoding="utf-8")
    charts = chart_specs.chart_folder(outdir)
    page = pages.finished_alone(chart_specs.with_chart_file(original, path, charts), path, outdir)
    if page != original:
        path.write_text(page, encoding="utf-8")
    return True


def _finish_pages(app: Sphinx, exception: Exception | None) -> None:
    """The last pass over every page, after every other extension (the theme rewrites
    pygments.css when the build finishes) has written its files."""
    if exception is None and app.builder.name == "html":
        pages.write_front_page(
            Path(app.outdir),
            app.builder.get_target_uri(app.config.root_doc),
            app.config.html_title,
            f"_static/{Path(app.config.html_favicon).name}",
        )
        chart_specs.move_chart_specs(Path(app.outdir))
        finished = getattr(app.builder, "finished_apart", ())
        written = {Path(app.builder.get_outfilename(name)) for name in finished}
        pages.finish_pages(Path(app.outdir), written)


def setup(app: Sphinx) -> dict:
    _drop_thebe(app)
    _allow_parallel_reading(app)
    app.setup_extension("bytebook.publish.read_once")
    app.setup_extension("bytebook.publish.chinese_titles")
    app.add_config_value("bytebook_fingerprint", "", "html")
    app.connect("config-inited", assets.add_static_path)
    app.connect("config-inited", edition.read_edition)
    app.connect("builder-inited", _keep_compiled_templates)
    app.connect("builder-inited", reading.note_installed_packages)
    app.connect("env-get-outdated", edition.outdated_pages)
    app.connect("env-get-outdated", reading.pages_read_without_their_inputs)
    app.connect("env-before-read-docs", edition.remember_edition)
    app.connect("env-before-read-docs", _work_out_downloads_early)
    app.connect("write-started", _finish_early_work)
    app.connect("source-read", edition.fill_in)
    app.connect("source-read", reading.report_reading)
    app.connect("source-read", reading.track_inputs)
    app.connect("doctree-read", notebooks.refuse_error_outputs)
    app.connect("build-finished", _write_static_files)
    app.connect("build-finished", _finish_pages, priority=900)
    app.add_event(PAGE_WRITTEN)
    app.connect(PAGE_WRITTEN, _finish_page_apart)
    app.connect("html-page-context", notebooks.offer_notebook, priority=400)
    app.connect("html-page-context", chart_files.on_page)
    app.connect("html-page-context", assets.leave_out_unused_scripts)
    for script in assets.SCRIPTS:
        app.add_js_file(script, **assets.script_attributes(script))
    for style in assets.STYLES:
        app.add_css_file(style)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
