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

_CHART_TAGS = re.compile(
    r'[ \t]*(?:<script async="async"[^>]*\ssrc="[^"]*_static/(?:'
    + "|".join(re.escape(name) for name in CHART_SCRIPTS)
    + r')(?:\?[^"]*)?"[^>]*></script>'
    r'|<link rel="preload" href="[^"]*_static/charts/[^"]+" as="fetch"[^>]*/>)\n?'
)
_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*" />\n')


def chart_requests_first(page: str) -> str:
    """`page` with its chart scripts and its chart file's preload first in its head, right after
    the content security policy (which must come before any script); a page without them, or
    without a policy, is returned as it is."""
    tags = [match.group(0).strip() for match in _CHART_TAGS.finditer(page)]
    policy = _POLICY.search(page)
    if not tags or policy is None:
        return page
    page = _CHART_TAGS.sub("", page)
    policy = _POLICY.search(page)
    block = "".join(f"{tag}\n" for tag in tags)
    return page[: policy.end()] + block + page[policy.end() :]
