"""Each page's chart specs in one file of their own, so a page carries only what it shows at once.

The renderer writes a chart's Vega-Lite spec and its compiled Vega spec into its output as
inert JSON, and the notebooks and the one-page print build keep them there. On the HTML site
the last pass moves every chart of a page into one file, `_static/charts/<hash of the file>.json`,
that maps each chart's id to its two specs; each chart's box names that file in `data-spec`, and
the page's head preloads it, so the chart script's one fetch from the same host has started
before the script runs. The static SVG and the data table stay in the page, shown from the first
paint. A file no page names any more is removed, so the site holds only the charts its pages
draw.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

CHART_DIR = "charts"
"""The folder under `_static/` that holds the chart files."""

_INLINE = re.compile(
    r'(?P<open><div class="bytebook-chart" id="(?P<id>chart-[0-9a-f]+)")(?P<rest>[^>]*>)'
    r'<script type="application/json" class="bytebook-spec">(?P<spec>.*?)</script>'
    r'<script type="application/json" class="bytebook-vega">(?P<vega>.*?)</script>',
    re.S,
)
_NAMED = re.compile(
    r'<div class="bytebook-chart" id="(?P<id>chart-[0-9a-f]+)" data-spec="(?P<url>[^"]+)"'
)
_PRELOAD = '<link rel="preload" href="{url}" as="fetch" crossorigin="anonymous" />\n'


def chart_file(charts: list[tuple[str, str, str]]) -> tuple[str, str]:
    """The file name and text for a page's charts, each given as (id, inline spec, inline vega)."""
    entries = ", ".join(
        f'"{chart_id}": {{"spec": {spec}, "vega": {vega}}}' for chart_id, spec, vega in charts
    )
    text = f"{{{entries}}}\n"
    return f"{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.json", text


def with_chart_file(page: str, page_path: Path, charts: Path) -> str:
    """`page` with its charts' inline specs written to one file in `charts`, which each chart's
    box names and the page's head preloads; a page without inline specs is returned as it is."""
    found = [(m["id"], m["spec"], m["vega"]) for m in _INLINE.finditer(page)]
    if not found:
        return page
    name, text = chart_file(found)
    target = charts / name
    if not target.is_file():
        target.write_text(text, encoding="utf-8")
    url = Path(os.path.relpath(target, page_path.parent)).as_posix()
    page = _INLINE.sub(lambda m: f'{m["open"]} data-spec="{url}"{m["rest"]}', page)
    return page.replace("</head>", _PRELOAD.format(url=url) + "</head>", 1)


def named_files(page: str, page_path: Path) -> list[Path]:
    """The chart files `page` (found at `page_path`) names, in page order, once each."""
    urls = dict.fromkeys(m["url"] for m in _NAMED.finditer(page))
    return [(page_path.parent / url).resolve() for url in urls]


def chart_folder(outdir: Path) -> Path:
    """The folder of the site `outdir` that holds its chart files, created if missing."""
    charts = outdir / "_static" / CHART_DIR
    charts.mkdir(parents=True, exist_ok=True)
    return charts


def move_chart_specs(outdir: Path) -> None:
    """Move every page's inline chart specs into a file of its own under
    `outdir/_static/charts/`, then remove the files no page names; a page that names a missing
    file fails the build."""
    charts = chart_folder(outdir)
    named: set[Path] = set()
    for path in sorted(outdir.rglob("*.html")):
        original = path.read_text(encoding="utf-8")
        page = with_chart_file(original, path, charts)
        if page != original:
            path.write_text(page, encoding="utf-8")
        named.update(named_files(page, path))
    missing = sorted(str(p) for p in named if not p.is_file())
    if missing:
        raise FileNotFoundError(f"pages name chart files the build does not hold: {missing}")
    for kept in charts.glob("*.json"):
        if kept.resolve() not in named:
            kept.unlink()


def page_specs(page_path: Path) -> list[dict]:
    """The Vega-Lite spec of each chart on a built page, in page order, whether the page holds
    it inline (the one-page build) or names its page's file (the HTML site)."""
    page = page_path.read_text(encoding="utf-8")
    inline = [json.loads(m["spec"]) for m in _INLINE.finditer(page)]
    held: dict[Path, dict] = {}
    named = []
    for match in _NAMED.finditer(page):
        path = (page_path.parent / match["url"]).resolve()
        if path not in held:
            held[path] = json.loads(path.read_text(encoding="utf-8"))
        named.append(held[path][match["id"]]["spec"])
    return inline + named
