"""What happens as Sphinx reads a page: its inputs are tracked, and parallel readers say which
page they start on."""

from __future__ import annotations

import multiprocessing

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)


def track_inputs(app: Sphinx, docname: str, source: list[str]) -> None:
    """Make a page depend on the src/ and data/ files its front matter declares it uses
    (bytebook.publish.inputs); a page with code that declares nothing fails the build."""
    from bytebook.publish import inputs

    if inputs.CODE_CELL not in source[0]:
        return
    try:
        paths = inputs.kept_page_inputs(source[0])
    except inputs.UndeclaredInputs as problem:
        logger.warning(str(problem), location=docname)  # a strict build fails on it
        return
    for path in paths:
        app.env.note_dependency(str(path))
    source[0] = inputs.with_inputs_cell(source[0], inputs.fingerprint(paths))


def report_reading(app: Sphinx, docname: str, source: list[str]) -> None:
    """Say live which page a parallel reader starts on.

    Sphinx replays a reader's own messages only when its whole batch of pages is done.
    """
    if multiprocessing.parent_process() is not None:
        print(f"bytebook: reading {docname} (parallel reader)", flush=True)
