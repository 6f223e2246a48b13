"""A chart page asks for its chart scripts and chart file first, before the theme's style sheets
and scripts, which would otherwise hold every connection to the host."""

from __future__ import annotations

import re

from bytebook.publish.assets import CHART_SCRIPTS
from bytebook.publish.head_order import _CHART_TAG, chart_requests_first, without_chart_requests

POLICY = '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'" />\n'
RUNTIME = '<script async="async" fetchpriority="high" src="../_static/vega-bundle.js?v=1"></script>'
SCRIPT = '<script async="async" fetchpriority="high" src="../_static/bytebook-charts.js"></script>'
PRELOAD = (
    '<link rel="preload" href="../_static/charts/ab12.json" as="fetch" crossorigin="anonymous" />'
)
HEAD = f"""<head>
<meta charset="utf-8" />
{POLICY}    <link rel="stylesheet" href="../_static/styles/theme.css" />
    <link rel="preload" as="script" href="../_static/scripts/bootstrap.js" />
    <script src="../_static/documentation_options.js?v=9"></script>
    <script defer="defer" src="../_static/doctools.js?v=2"></script>
    {RUNTIME}
    {SCRIPT}
    <script defer="defer" src="../_static/bytebook-ledger.js"></script>
{PRELOAD}
</head>"""
"""A chart page's head as Sphinx writes it and the last pass gives it a policy (trimmed)."""


def _tags(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip().startswith("<")]


def test_the_chart_requests_come_first_after_the_policy_in_page_order():
    page = chart_requests_first(HEAD)
    tags = _tags(page)
    start = tags.index(POLICY.strip()) + 1
    assert tags[start : start + 3] == [RUNTIME, SCRIPT, PRELOAD]
    assert tags.index('<meta charset="utf-8" />') < tags.index(POLICY.strip())
    others = [tag for tag in _tags(HEAD) if tag not in (RUNTIME, SCRIPT, PRELOAD)]
    assert [tag for tag in tags if tag not in (RUNTIME, SCRIPT, PRELOAD)] == others
    assert chart_requests_first(page) == page  # a second pass changes nothing


def indented_pass(page: str) -> str:
    """The pass as one pattern that takes each tag with its indent: slow, plainly right."""
    tag = re.compile(r"[ \t]*" + _CHART_TAG.pattern)
    tags = [match.group(0).strip() for match in tag.finditer(page)]
    if not tags or POLICY not in page:
        return page
    head, policy, rest = tag.sub("", page).partition(POLICY)
    return head + policy + "".join(f"{tag}\n" for tag in tags) + rest


def test_each_tag_leaves_with_its_indent_and_line_end_wherever_it_stands():
    pages = [
        HEAD,
        HEAD.replace(f"    {RUNTIME}\n    {SCRIPT}", f"\t \t{RUNTIME}  \t{SCRIPT}"),
        HEAD.replace(f"    {RUNTIME}", f"    x{RUNTIME}"),
        HEAD.replace(f"{PRELOAD}\n", f"  {PRELOAD}{PRELOAD}   \n"),
        HEAD + f"\n<body>\t{SCRIPT} text {PRELOAD}</body>",
    ]
    for page in pages:
        assert chart_requests_first(page) == indented_pass(page)
    assert "\n    x" in chart_requests_first(pages[2])  # a tag after text leaves it, indented


def test_a_page_without_charts_or_without_a_policy_is_left_as_it_is():
    plain = HEAD.replace(RUNTIME, "").replace(SCRIPT, "").replace(PRELOAD, "")
    assert chart_requests_first(plain) == plain
    unguarded = HEAD.replace(POLICY, "")
    assert chart_requests_first(unguarded) == unguarded


def test_the_page_without_chart_requests_keeps_every_other_line():
    """What `make bench` weighs a chart page against: the same head, without the chart scripts
    and the chart file's preload, their lines gone whole."""
    kept = [line for line in HEAD.splitlines() if line.strip() not in (RUNTIME, SCRIPT, PRELOAD)]
    assert without_chart_requests(HEAD).splitlines() == kept
    assert without_chart_requests(chart_requests_first(HEAD)).splitlines() == kept


def test_every_chart_page_asks_for_its_chart_requests_before_any_style_sheet(built_book):
    pages = [
        page
        for page in sorted((built_book / "book").glob("*.html"))
        if 'class="bytebook-chart"' in page.read_text(encoding="utf-8")
    ]
    assert pages
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        first_sheet = head.index('rel="stylesheet"')
        for name in CHART_SCRIPTS:
            tag = re.search(r'<script async="async"[^>]*_static/' + re.escape(name), head)
            assert tag and tag.start() < first_sheet, (page.name, name)
        preload = head.index('as="fetch"')
        assert head.index("Content-Security-Policy") < preload < first_sheet, page.name
