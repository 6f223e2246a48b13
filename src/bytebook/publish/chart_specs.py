"""Each chart's specs in a file of their own, so a page carries only what it shows at once.

The renderer writes a chart's Vega-Lite spec and its compiled Vega spec into its output as
inert JSON, and the notebooks and the one-page print build keep them there. On the HTML site
the last pass moves them into `_static/charts/<hash of the file>.json`, and the chart's box
names that file in `data-spec`: the chart script fetches it, from the same host, when it draws
the chart. The static SVG and the data table stay in the page, shown from the first paint.
A file no page names any more is removed, so the site holds only the charts its pages draw.
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
    r'(?P<open><div class="bytebook-chart" id="chart-[0-9a-f]+")(?P<rest>[^>]*>)'
    r'<script type="application/json" class="bytebook-spec">(?P<spec>.*?)</script>'
    r'<script type="application/json" class="bytebook-vega">(?P<vega>.*?)</script>',
    re.S,
)
_NAMED = re.compile(r'<div class="bytebook-chart" id="chart-[0-9a-f]+" data-spec="(?P<url>[^"]+)"')


def chart_file(spec: str, vega: str) -> tuple[str, str]:
    """The file name and text for a chart whose inline specs are `spec` and `vega`."""
    text = f'{{"spec": {spec}, "vega": {vega}}}\n'
    return f"{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.json", text


def with_chart_files(page: str, page_path: Path, charts: Path) -> str:
    """`page` with each chart's inline specs written to a file in `charts` and named instead."""

    def move(match: re.Match) -> str:
        name, text = chart_file(match["spec"], match["vega"])
        target = charts / name
        if not target.is_file():
            target.write_text(text, encoding="utf-8")
        url = Path(os.path.relpath(target, page_path.parent)).as_posix()
        return f'{match["open"]} data-spec="{url}"{match["rest"]}'

    return _INLINE.sub(move, page)


def named_files(page: str, page_path: Path) -> list[Path]:
    """The chart files `page` (found at `page_path`) names, in page order."""
    return [(page_path.parent / m["url"]).resolve() for m in _NAMED.finditer(page)]


def move_chart_specs(outdir: Path) -> None:
    """Move every page's inline chart specs into files under `outdir/_static/charts/`, then
    remove the files no page names; a page that names a missing file fails the build."""
    charts = outdir / "_static" / CHART_DIR
    charts.mkdir(parents=True, exist_ok=True)
    named: set[Path] = set()
    for path in sorted(outdir.rglob("*.html")):
        original = path.read_text(encoding="utf-8")
        page = with_chart_files(original, path, charts)
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
    it inline (the one-page build) or names its file (the HTML site)."""
    page = page_path.read_text(encoding="utf-8")
    inline = [json.loads(m["spec"]) for m in _INLINE.finditer(page)]
    files = named_files(page, page_path)
    return inline + [json.loads(p.read_text(encoding="utf-8"))["spec"] for p in files]
