"""The book's static files: its own scripts and styles, the chart bundles and the table library.

Pages load every script from `_static/`, never from another host. The chart bundles come from
vl-convert and the DataTables bundle from itables, each written once and shared by every page:
the Vega runtime that every chart page loads (`vega-bundle.js`: the parts of Vega the charts
use, its expression interpreter and its tooltips), and the Vega-Lite compiler
(`vega-lite-bundle.js`) that the chart script loads only when a chart must be compiled again in
the page.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a chart's renderer imports this module in every page's kernel
    from sphinx.application import Sphinx
    from sphinx.config import Config

PUBLISHING_CODE = Path(__file__).parent
"""The modules that write the book's pages (this package)."""
STATIC_DIR = PUBLISHING_CODE / "static"
VEGA_BUNDLE, VEGA_LITE_BUNDLE = "vega-bundle.js", "vega-lite-bundle.js"
PALETTE_SCRIPT, PALETTE_STYLE = "bytebook-palette.js", "bytebook-verdicts.css"
CHART_STYLE = "bytebook-static-charts.css"
"""Written from bytebook.palette at each build: the charts' dark twins, the badges' colours and
the static charts' dark colours."""
SCRIPTS = (
    VEGA_BUNDLE,
    PALETTE_SCRIPT,
    "bytebook-charts.js",
    "bytebook-ledger.js",
    "bytebook-tables.js",
    "bytebook-theme.js",
)
STYLES = ("bytebook.css", PALETTE_STYLE, CHART_STYLE)
CHART_SCRIPTS = (VEGA_BUNDLE, PALETTE_SCRIPT, "bytebook-charts.js")
"""What a chart page waits for until its first screen's charts are drawn."""
CHART_MARK = re.compile(r'<div class="bytebook-chart"')
"""A chart's box, as its output writes it."""
LEDGER_MARK = re.compile(r'<table class="[^"]*\bledger-table\b')
"""The claims ledger's table (bytebook-ledger.js looks for `table.ledger-table`)."""
SCRIPT_NEEDS = {f"_static/{name}": CHART_MARK for name in CHART_SCRIPTS} | {
    "_static/bytebook-ledger.js": LEDGER_MARK
}
"""The book's scripts that only some pages use (as Sphinx lists a page's scripts), each with
what such a page's body holds: a chart's box, the claims ledger's table. A page without it is
served without the script."""
FIRST_PRIORITY = 200
"""Sphinx's priority for its own helpers (`doctools.js`): the chart scripts, registered at it
after them, are asked for first of the theme's scripts."""


def script_attributes(name: str) -> dict[str, str | int]:
    """How a page's head loads the book's script `name`: the chart scripts async, asked for
    first and at high priority, alongside the style sheets (the runtime is most of a chart
    page's bytes), each run as soon as it arrives, without waiting for the page to be read or
    for the theme's scripts (the chart script waits for the other two itself); the others
    deferred."""
    if name in CHART_SCRIPTS:
        return {"async": "async", "fetchpriority": "high", "priority": FIRST_PRIORITY}
    return {"defer": "defer"}


def leave_out_unused_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    """Sphinx's `html-page-context` handler: the page's scripts without those of
    `SCRIPT_NEEDS` its body does not need. A page without a chart box loads neither the chart
    runtime nor the palette nor the chart script; a page without the ledger's table does not
    load the ledger's script."""
    body = context.get("body", "")
    # In place: the list is the builder's own, to which the handlers after this one add the
    # page's inline scripts (`app.add_js_file`); it is set back before the next page.
    context["script_files"][:] = [
        script for script in context["script_files"] if _needed(script, body)
    ]


def _needed(script: object, body: str) -> bool:
    """Whether a page with `body` needs `script` (Sphinx's script, or a theme's plain name)."""
    mark = SCRIPT_NEEDS.get(getattr(script, "filename", script))
    return mark is None or mark.search(body) is not None


def bundle_snippet(name: str) -> str:
    """What the bundle `name` (VEGA_BUNDLE or VEGA_LITE_BUNDLE) publishes on `window`.

    vl-convert bundles the modules the snippet imports, from those it vendors under these
    paths; another release of it may move them, and then bundling fails rather than leaving
    a piece out.
    """
    import vl_convert as vlc

    if name == VEGA_BUNDLE:
        return runtime_snippet(vlc.get_vega_version())
    return compiler_snippet(vega_lite_version())


VEGA_LITE_RELEASES = {"6.4": "6.4.3"}
"""The Vega-Lite release vl-convert vendors, and compiles the charts with, for each major.minor
version Altair writes (Altair's own patch release may differ: Altair 6.3 writes 6.4.1). The
page's compiler is that same release, so a chart compiled again in the page compiles as it did
at build time."""


def compiler_snippet(vega_lite: str) -> str:
    """The Vega-Lite compiler's snippet for the major.minor version `vega_lite`. A version not
    listed in `VEGA_LITE_RELEASES` stops the build, since its release must be checked first."""
    try:
        release = VEGA_LITE_RELEASES[vega_lite]
    except KeyError:
        message = f"vega-lite {vega_lite}: no release in VEGA_LITE_RELEASES (check which one "
        raise RuntimeError(message + "vl-convert vendors)") from None
    return (
        f'import * as compiler from "/npm/vega-lite@{release}/+esm";\n'
        "window.vegaLite = compiler;\n"
    )


VEGA_MODULES = {
    "6.4.0": {
        "vega-util": "2.1.3",
        "vega-dataflow": "6.1.3",
        "vega-transforms": "5.2.2",
        "vega-view-transforms": "5.2.2",
        "vega-encode": "5.2.2",
        "vega-view": "6.2.0",
        "vega-parser": "7.1.3",
        "vega-interpreter": "2.3.2",
        "vega-tooltip": "1.1.0",
    }
}
"""The modules of each Vega release (as its own `vega` module imports them) that the runtime
takes: the parser, the view and the transforms of data, views and encodings. The compiled
specs use only those (filter, formula, stack, aggregate, with the scales, axes and legends the
parser adds); left out are the transforms of maps, force layouts, trees, label placement,
regressions, Voronoi cells, word clouds and cross-filters, about a quarter of Vega. Beside them,
the expression interpreter and the tooltip handler, at the releases vl-convert vendors with
that Vega release."""


def runtime_snippet(vega: str) -> str:
    """The Vega runtime's snippet for the Vega release `vega`: its parser and view, the
    transforms in `VEGA_MODULES`, the expression interpreter and the tooltips. A release not
    listed there stops the build, since its modules must be checked first."""
    try:
        modules = VEGA_MODULES[vega]
    except KeyError:
        message = f"vega {vega}: no module list in VEGA_MODULES (check which modules it imports)"
        raise RuntimeError(message) from None
    path = {module: f"/npm/{module}@{release}/+esm" for module, release in modules.items()}
    return (
        f'import {{ extend, Warn }} from "{path["vega-util"]}";\n'
        f'import {{ transforms }} from "{path["vega-dataflow"]}";\n'
        f'import * as dataTransforms from "{path["vega-transforms"]}";\n'
        f'import * as viewTransforms from "{path["vega-view-transforms"]}";\n'
        f'import * as encodeTransforms from "{path["vega-encode"]}";\n'
        f'import {{ View }} from "{path["vega-view"]}";\n'
        f'import {{ parse }} from "{path["vega-parser"]}";\n'
        f'import {{ expressionInterpreter }} from "{path["vega-interpreter"]}";\n'
        f'import {{ Handler }} from "{path["vega-tooltip"]}";\n'
        "extend(transforms, dataTransforms, viewTransforms, encodeTransforms);\n"
        f'window.vega = {{ View: View, parse: parse, Warn: Warn, version: "{vega}" }};\n'
        "window.vegaInterpreter = expressionInterpreter;\n"
        "window.vegaTooltip = Handler;\n"
    )


def vega_lite_version() -> str:
    """The Vega-Lite major.minor version Altair writes, e.g. '5.20'."""
    return ".".join(altair_schema_version().lstrip("v").split(".")[:2])


def altair_schema_version() -> str:
    """Altair's `SCHEMA_VERSION` (the Vega-Lite release it writes, e.g. 'v5.20.1'), kept between
    builds per installed Altair release (bytebook.publish.kept_json): importing Altair took the
    build's Sphinx process half a CPU-second at each build, for this one string."""
    from bytebook.publish.kept_json import cache_folder, keep, read_kept

    kept_at = cache_folder("bytebook-altair") / f"altair-{version('altair')}-schema.json"
    kept = read_kept(kept_at)
    if kept is not None and isinstance(kept[0], str):
        return kept[0]
    import altair as alt

    keep(kept_at, alt.SCHEMA_VERSION)
    return alt.SCHEMA_VERSION


def add_static_path(app: Sphinx, config: Config) -> None:
    """Write the palette's files and add their folder to Sphinx's static paths (a config-inited
    hook)."""
    generated = write_palette_files(Path(app.doctreedir).parent / "bytebook-static")
    # Relative to the book, so that the same book in another folder has the same configuration
    # (Sphinx hashes it into .buildinfo, which is published).
    relative = os.path.relpath(generated, app.confdir)
    config.html_static_path = [*config.html_static_path, str(STATIC_DIR), relative]
    config.html_favicon = str(STATIC_DIR / "favicon.svg")
    config.bytebook_fingerprint = writing_fingerprint(generated)


def writing_fingerprint(generated: Path) -> str:
    """What the pages are written with: the book's static files, those it generates into
    `generated`, and the modules of this package (`files_fingerprint`)."""
    folders = ((STATIC_DIR, "*"), (generated, "*"), (PUBLISHING_CODE, "*.py"))
    return "".join(files_fingerprint(folder, pattern) for folder, pattern in folders)


def write_palette_files(target: Path) -> Path:
    """Write the palette's script (each light colour's dark twin, for the chart script), the
    verdict badges' style sheet, the static charts' dark colours and the search page's table of
    names into `target`; returns `target`."""
    from bytebook import palette
    from bytebook.publish import search

    target.mkdir(parents=True, exist_ok=True)
    twins = json.dumps(palette.dark_twins(), sort_keys=True)
    script = (
        f"// Written from bytebook.palette: do not edit.\nwindow.bytebookDarkTwins = {twins};\n"
    )
    written = (
        (PALETTE_SCRIPT, script),
        (PALETTE_STYLE, palette.badge_css()),
        (CHART_STYLE, palette.chart_css()),
        (search.NAMES_SCRIPT, search.names_script()),
    )
    for name, text in written:
        path = target / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return target


def files_fingerprint(directory: Path, pattern: str) -> str:
    """A hash of the files under `directory` whose names match `pattern`: the book's own
    scripts and styles, or the modules that write its pages.

    It is an HTML setting: when a file changes, Sphinx rewrites every page (with the new
    file's checksum in its link, or as the changed code now writes it) and copies the static
    files again, without re-reading or re-executing any page. Otherwise a build with no page
    to update would skip both.
    """
    digest = hashlib.sha256()
    for path in sorted(directory.rglob(pattern)):
        if path.is_file():
            digest.update(path.relative_to(directory).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def write_libraries(static: Path) -> None:
    """The chart bundles and the table library, each written only when its release changed."""
    for name in (VEGA_BUNDLE, VEGA_LITE_BUNDLE):
        _write_bundle(static, name)
    _copy_table_library(static)


def _copy_table_library(static: Path) -> None:
    target = static / "itables"
    version_stamp = target / ".version"
    versions = f"itables {version('itables')}"
    if version_stamp.exists() and version_stamp.read_text() == versions:
        return  # copied by an earlier build from the same release
    # Found without importing itables, which imports pandas: this runs after reading, alone.
    bundle = Path(find_spec("itables").origin).parent / "html" / "dt_bundle.js"
    target.mkdir(parents=True, exist_ok=True)
    for source in (bundle, bundle.with_suffix(".css")):
        shutil.copyfile(source, target / source.name)
    version_stamp.write_text(versions)


def _write_bundle(static: Path, name: str) -> None:
    target = static / name
    version_stamp = static / f"{name}.version"
    versions = (
        f"vl-convert-python {version('vl-convert-python')}, altair {version('altair')}, "
        f"snippet {_sha256_hex(bundle_snippet(name))[:12]}"
    )
    if target.exists() and version_stamp.exists() and version_stamp.read_text() == versions:
        return  # the same bundle as an earlier build wrote
    target.parent.mkdir(parents=True, exist_ok=True)
    bundle = vega_bundle(version("vl-convert-python"), vega_lite_version(), name)
    # The bundle declares top-level names (such as `_`) that Sphinx's own scripts also
    # declare; a function scope keeps them apart. It publishes its names on window itself.
    target.write_text(f"(function () {{\n{bundle}\n}})();\n", encoding="utf-8")
    version_stamp.write_text(versions)


def bundle_cache() -> Path:
    """Where built vega bundles are kept between builds and checkouts:
    `~/.cache/bytebook-vega/` (under `$XDG_CACHE_HOME` when set)."""
    home_cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(home_cache) / "bytebook-vega"


def vega_bundle(vl_convert: str, vega_lite: str, name: str) -> str:
    """vl-convert's bundle `name` (VEGA_BUNDLE or VEGA_LITE_BUNDLE) for a Vega-Lite version,
    built once per release pair.

    Bundling takes vl-convert several seconds, so each bundle is kept in `bundle_cache()`
    with its SHA-256; a kept bundle whose hash does not match is built again. A cache that
    cannot be written only means the next build bundles again.
    """
    snippet = bundle_snippet(name)
    kept_name = f"vl-convert-{vl_convert}-vega-lite-{vega_lite}-{_sha256_hex(snippet)[:12]}-{name}"
    kept, digest_file = bundle_cache() / kept_name, bundle_cache() / f"{kept_name}.sha256"
    try:
        bundle = kept.read_text(encoding="utf-8")
        if digest_file.read_text().strip() == _sha256_hex(bundle):
            return bundle
    except (OSError, UnicodeDecodeError):
        pass
    import vl_convert as vlc

    bundle = vlc.javascript_bundle(snippet, vl_version=vega_lite)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        for path, text in ((kept, bundle), (digest_file, _sha256_hex(bundle))):
            partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, path)
    except OSError:
        pass
    return bundle


def _sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
