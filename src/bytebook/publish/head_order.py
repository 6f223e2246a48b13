"""What a chart page asks for first: the chart runtime, the chart script and the page's chart file.

The theme's head lists eleven style sheets and three scripts before the book's own scripts, and
a browser opens only six connections to a host that speaks HTTP/1.1 (the local server, many
static hosts): the chart runtime, most of a chart page's bytes, waited for all of those to arrive
before it was even asked for, and the first chart with it. The last pass moves the chart scripts
(loaded async, bytebook.publish.assets) and the preload of the page's chart file to the top of
the head, right after the content security policy, so they are asked for first. Being async, they
need no place among the other scripts; the chart script waits for the style sheets itself.
"""

from __future__ import annotations

import re

from bytebook.publish.assets import CHART_SCRIPTS

_CHART_TAG = re.compile(
    r'(?:<script async="async"[^>]*\ssrc="[^"]*_static/(?:'
    + "|".join(re.escape(name) for name in CHART_SCRIPTS)
    + r')(?:\?[^"]*)?"[^>]*></script>'
    r'|<link rel="preload" href="[^"]*_static/charts/[^"]+" as="fetch"[^>]*/>)\n?'
)
"""A chart script or a chart file's preload, with the line end after it. The indent before it
is found apart (`_chart_tags`): a pattern that began with it was tried at every character."""
_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*" />\n')


def _chart_tags(page: str) -> list[tuple[int, int]]:
    """Where each chart tag of `page` starts and ends, with the spaces and tabs before it and the
    line end after it."""
    spans: list[tuple[int, int]] = []
    end = 0
    for match in _CHART_TAG.finditer(page):
        start = match.start()
        while start > end and page[start - 1] in " \t":
            start -= 1
        spans.append((start, match.end()))
        end = match.end()
    return spans


def chart_requests_first(page: str) -> str:
    """`page` with its chart scripts and its chart file's preload first in its head, right after
    the content security policy (which must come before any script); a page without them, or
    without a policy, is returned as it is."""
    spans = _chart_tags(page)
    policy = _POLICY.search(page)
    if not spans or policy is None:
        return page
    tags = [page[start:end].strip() for start, end in spans]
    page = _cut(page, spans)
    policy = _POLICY.search(page)
    block = "".join(f"{tag}\n" for tag in tags)
    return page[: policy.end()] + block + page[policy.end() :]


def without_chart_requests(page: str) -> str:
    """`page` without its chart scripts and its chart file's preload: the same page, its charts
    left as their static SVG (`make bench` weighs a chart page against it)."""
    return _cut(page, _chart_tags(page))


def _cut(page: str, spans: list[tuple[int, int]]) -> str:
    """`page` without the `spans` (in page order, none overlapping)."""
    starts, ends = [start for start, _ in spans], [end for _, end in spans]
    kept = zip([0, *ends], [*starts, len(page)], strict=True)
    return "".join(page[start:end] for start, end in kept)
