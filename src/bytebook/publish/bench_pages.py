"""The reader's side of `make bench` alone, on books already built: `make bench-pages`.

It loads the chart pages and the ledger of this checkout's `_build/html` in Chromium and, given
another built site (`AGAINST=<its html folder>`, such as an earlier build of the book), that
site's pages in the same rounds, so that both share the machine's load alike. For each site: the
chart runtime's size, what a chart page loads (its scripts and style sheets, raw and gzipped),
the bare page with only the runtime, each chart page's times and the ledger's, as `make bench`
measures them; with the load average before and after. Printed side by side and written to
`_build/bench/pages.json`.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
from pathlib import Path

from bytebook.paths import BUILD_DIR
from bytebook.publish.bench import bundle_sizes
from bytebook.publish.bench_browser import Loads, chart_pages, compared_loads
from bytebook.publish.bench_results import browser_results

_ASSET = re.compile(
    r'<(?:script\b[^>]*\ssrc|link\b[^>]*rel="stylesheet"[^>]*\shref)="(?P<url>[^"?#]+)[^"]*"'
)
THIS_SITE = "this build"


def page_assets(page: Path) -> list[Path]:
    """The scripts and style sheets `page` loads from its own site, in page order, once each."""
    text = page.read_text(encoding="utf-8")
    found = dict.fromkeys((page.parent / m["url"]).resolve() for m in _ASSET.finditer(text))
    return [path for path in found if path.is_file()]


def assets_kb(page: Path) -> tuple[float, float]:
    """KB of what `page` loads (its scripts and style sheets), raw and gzipped file by file."""
    files = [path.read_bytes() for path in page_assets(page)]
    raw = sum(len(data) for data in files)
    return raw / 1024, sum(len(gzip.compress(data, 9)) for data in files) / 1024


def site_results(html: Path, loads: Loads) -> dict[str, object]:
    """One site's figures: sizes from its files and times from its `loads`."""
    raw_kb, gzip_kb = bundle_sizes(html)
    heaviest = max(chart_pages(html), key=lambda page: assets_kb(page)[0])
    page_raw, page_gzip = assets_kb(heaviest)
    return {
        "site": str(html),
        "vega_bundle_raw_kb": round(raw_kb, 1),
        "vega_bundle_gzip_kb": round(gzip_kb, 1),
        "page_assets_raw_kb": round(page_raw, 1),
        "page_assets_gzip_kb": round(page_gzip, 1),
        **browser_results(*loads),
    }


def side_by_side(results: dict[str, dict]) -> str:
    """The sites' figures as a Markdown table, a column each."""
    names = list(results)
    first = results[names[0]]
    sizes = [
        ("chart runtime (vega-bundle.js)", "vega_bundle"),
        ("a chart page's scripts and styles (the heaviest page)", "page_assets"),
    ]
    lines = ["| measure | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for label, key in sizes:
        cells = [f"{results[n][f'{key}_raw_kb']} / {results[n][f'{key}_gzip_kb']}" for n in names]
        label = f"{label}, KB raw / gzipped"
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    timed = [("bundle_only_ms", "runtime alone (`bundle_only_ms`)")]
    timed += [("max_interactive_ms", "slowest page interactive, ms")]
    timed += [("max_interactive_over_bundle_only", "slowest page ÷ runtime alone")]
    timed += [("max_interactive_over_without_charts", "page ÷ its copy without charts, highest")]
    timed += [("ledger_ready_ms", "the ledger until its table sorts and filters, ms")]
    timed += [("ledger_without_script_ms", "the ledger without its table script, read, ms")]
    timed += [("ledger_ready_over_without_script", "the ledger ÷ its copy without the script")]
    for key, label in timed:
        cells = [_spread(results[n][key]) for n in names]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    for page in first["interactive_ms"]:
        for key, what in (
            ("first_chart_ms", "first chart"),
            ("interactive_ms", "interactive"),
            ("without_charts_ms", "its copy without charts read"),
        ):
            cells = [str(results[n][key].get(page, "")) for n in names]
            lines.append(f"| {page}: {what}, ms | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _spread(value: dict) -> str:
    return f"{value['median']} ({value['min']}–{value['max']})"


def main(against: str | None = None, loads: int = 5) -> int:
    """Load this checkout's built site (and `against`, another built site) in Chromium, print
    the figures side by side and write them to _build/bench/pages.json."""
    sites = {THIS_SITE: BUILD_DIR / "html"}
    if against:
        sites["against"] = Path(against).resolve()
    for html in sites.values():
        if not (html / "_static" / "vega-bundle.js").is_file():
            print(f"error: no built book in {html} (run 'make book' first)", file=sys.stderr)
            return 1
    load_before = os.getloadavg()
    found = compared_loads(sites, loads)
    load_after = os.getloadavg()
    results = {name: site_results(html, found[name]) for name, html in sites.items()}
    record = {
        "load_average_before": [round(v, 2) for v in load_before],
        "load_average_after": [round(v, 2) for v in load_after],
        "sites": results,
    }
    folder = BUILD_DIR / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pages.json").write_text(
        json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(side_by_side(results))
    print(f"load average (1, 5, 15 min) before {load_before}, after {load_after}")
    print(f"written to {folder / 'pages.json'}")
    return 0
