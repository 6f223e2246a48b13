"""What happens as Sphinx reads a page: its inputs are tracked, and parallel readers say which
page they start on."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)


def note_installed_packages(app: Sphinx) -> None:
    """Before Sphinx looks for changed pages: list the installed packages anew if they changed
    (bytebook.publish.inputs.packages_file), so the pages with code, which depend on that list,
    count as changed."""
    from bytebook.publish import inputs

    inputs.packages_file(Path(app.doctreedir))


def pages_read_without_their_inputs(app: Sphinx, env, added, changed, removed) -> list[str]:
    """The pages with code whose last reading did not depend on every input they have now:
    read by a build from before pages depended on the installed packages, or on the chapter
    modules their chapters import. They are read again, so that they do."""
    from bytebook.publish import inputs

    listing = str(inputs.packages_file(Path(app.doctreedir)))
    package = str(inputs.PACKAGE)
    outdated = []
    for docname in sorted(env.found_docs - added - changed - removed):
        noted = env.dependencies.get(docname, set())
        if not any(dep.startswith(package) for dep in noted):
            continue
        source = Path(env.doc2path(docname)).read_text(encoding="utf-8")
        try:
            now = {str(path) for path in inputs.kept_page_inputs(source)} | {listing}
        except inputs.UndeclaredInputs:
            outdated.append(docname)  # read again, its reading fails the build by name
            continue
        if not now <= noted:
            outdated.append(docname)
    return outdated


def track_inputs(app: Sphinx, docname: str, source: list[str]) -> None:
    """Make a page depend on the src/ and data/ files its front matter declares it uses
    (bytebook.publish.inputs) and on the installed packages; a page with code that declares
    nothing fails the build."""
    from bytebook.publish import inputs

    if inputs.CODE_CELL not in source[0]:
        return
    try:
        paths = inputs.kept_page_inputs(source[0])
    except inputs.UndeclaredInputs as problem:
        logger.warning(str(problem), location=docname)  # a strict build fails on it
        return
    paths.append(inputs.packages_file(Path(app.doctreedir)))
    for path in paths:
        app.env.note_dependency(str(path))
    source[0] = inputs.with_inputs_cell(source[0], inputs.fingerprint(paths))


def report_reading(app: Sphinx, docname: str, source: list[str]) -> None:
    """Say live which page a parallel reader starts on.

    Sphinx replays a reader's own messages only when its whole batch of pages is done.
    """
    if multiprocessing.parent_process() is not None:
        print(f"bytebook: reading {docname} (parallel reader)", flush=True)
