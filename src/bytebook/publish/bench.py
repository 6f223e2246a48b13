"""`make bench`: build times, rebuild behaviour, page weight and chart drawing, in one run.

Everything runs on a copy of the book in a temporary folder, so the working tree is never
touched. Results are printed as a table and written to _build/bench/results.json.
"""

from __future__ import annotations

import ast
import csv
import functools
import gzip
import io
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bytebook.paths import BUILD_DIR, ROOT

EDITED_CHAPTER = "codec"
EDITED_ASSUMPTION = ("cdn_price_per_gb", "0.015")


def copy_book(target: Path) -> Path:
    """A copy of the book's sources and data (the package itself is shared)."""
    shutil.copytree(ROOT / "book", target / "book")
    shutil.copytree(ROOT / "data", target / "data")
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy(ROOT / name, target / name)
    return target


def _children_cpu() -> float:
    """CPU seconds (user + system) of every child process ended and waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_command(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds and CPU seconds (its whole process tree) of one command, and its output."""
    cpu_before, start = _children_cpu(), time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu_before
    if result.returncode != 0:
        raise RuntimeError(f"build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return seconds, cpu, result.stdout + result.stderr


def timed_build(root: Path) -> tuple[float, set[str], float]:
    """Seconds one `bytebook build` takes, the pages it executed and its CPU seconds."""
    seconds, cpu, output = timed_command(
        [sys.executable, "-m", "bytebook", "build", "--root", str(root)]
    )
    pages = {
        Path(line.split(":")[0]).stem
        for line in output.splitlines()
        if "Executing notebook" in line
    }
    return seconds, pages, cpu


def stock_build(root: Path) -> tuple[float, float]:
    """Wall and CPU seconds of a clean stock `jupyter-book build` of the same book."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    seconds, cpu, _ = timed_command([str(jupyter_book), "build", str(root)])
    return seconds, cpu


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def bundle_sizes(html: Path) -> tuple[float, float]:
    """The vega bundle's size in KB, raw and gzipped."""
    raw = (html / "_static" / "vega-bundle.js").read_bytes()
    return len(raw) / 1024, len(gzip.compress(raw, 9)) / 1024


def page_imports(code: str) -> str:
    """The import statements of a cell's code (parenthesised ones included), one per line."""
    tree = ast.parse(code)
    return "\n".join(
        ast.unparse(node) for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)
    )


def floor_seconds(root: Path) -> float:
    """A real kernel start plus the page's imports, per page with code, plus Sphinx with
    execution off: what any build of these pages must pay."""
    from jupyter_client.manager import start_new_kernel

    total = 0.0
    for page in sorted((root / "book").glob("*.md")):
        source = page.read_text(encoding="utf-8")
        first = re.search(r"```\{code-cell\}[^\n]*\n(?::[^\n]*\n)*\n(.*?)```", source, re.S)
        if not first:
            continue
        imports = page_imports(first.group(1))
        start = time.perf_counter()
        # The kernel's stderr carries ipykernel's transport notice; import errors are in the reply.
        manager, client = start_new_kernel(kernel_name="python3", stderr=subprocess.DEVNULL)
        try:
            reply = client.execute_interactive(imports, timeout=120)
            content = reply["content"]
            if content["status"] != "ok":
                raise RuntimeError(
                    f"the imports of {page.name} failed in a kernel: "
                    f"{content.get('ename')}: {content.get('evalue')}"
                )
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)
        total += time.perf_counter() - start
    output = root / "_build" / "floor"
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bytebook.publish.jupyter_build", str(root), str(output), "html"]
        + ["--execute-off"],
        capture_output=True,
        cwd=root,
    )
    return total + time.perf_counter() - start


def edit_chapter(root: Path) -> None:
    path = root / "book" / f"{EDITED_CHAPTER}.md"
    source = path.read_text(encoding="utf-8")
    marker = "data, found = present.open_chapter("
    path.write_text(
        source.replace(marker, "# edited for the benchmark\n" + marker, 1), encoding="utf-8"
    )


def edit_data(root: Path) -> None:
    path = root / "data" / "assumptions.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    for row in rows:
        if row["id"] == EDITED_ASSUMPTION[0]:
            row["value"] = EDITED_ASSUMPTION[1]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def pages_reading(root: Path, data_file: str) -> set[str]:
    """The pages whose declared inputs include `data_file`."""
    from bytebook.publish import inputs

    return {
        page.stem
        for page in (root / "book").glob("*.md")
        if inputs.CODE_CELL in (text := page.read_text(encoding="utf-8"))
        and data_file in inputs.data_files_used(text, inputs.chapters_used(text))
    }


def page_weights(html: Path) -> tuple[float, str, float]:
    """The largest page's HTML in KB (and its name), and the shared vega bundle in KB."""
    pages = [
        p
        for p in html.rglob("*.html")
        if p.relative_to(html).parts[0] not in ("_static", "_sources")
    ]
    largest = max(pages, key=lambda p: p.stat().st_size)
    bundle = html / "_static" / "vega-bundle.js"
    return (
        largest.stat().st_size / 1024,
        str(largest.relative_to(html)),
        bundle.stat().st_size / 1024,
    )


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def chart_draw_times(html: Path) -> dict[str, float]:
    """Milliseconds from navigation until every chart on a page has drawn, per page."""
    from playwright.sync_api import sync_playwright

    from bytebook.publish.pdf import CHROMIUM_ARGS, chromium_path

    handler = functools.partial(_QuietHandler, directory=str(html))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    times = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            for page_file in sorted((html / "book").glob("*.html")):
                if 'class="bytebook-chart"' not in page_file.read_text(encoding="utf-8"):
                    continue
                tab = browser.new_page()
                tab.goto(f"http://127.0.0.1:{server.server_address[1]}/book/{page_file.name}")
                tab.wait_for_function(
                    "() => [...document.querySelectorAll('.bytebook-chart')]"
                    ".every(c => c.getAttribute('data-drawn') === 'true')",
                    timeout=30_000,
                )
                times[page_file.stem] = tab.evaluate("performance.now()")
                tab.close()
            browser.close()
    finally:
        server.shutdown()
    return times


def run() -> dict[str, object]:
    """Measure everything on a fresh copy of the book and return the results."""
    with tempfile.TemporaryDirectory(prefix="bytebook-bench-") as scratch:
        root = copy_book(Path(scratch) / "book-copy")
        print("bench: clean build ...", flush=True)
        clean, _, cpu = timed_build(root)
        print("bench: no-op rebuild ...", flush=True)
        noop, _, _ = timed_build(root)
        print(f"bench: rebuild after editing {EDITED_CHAPTER}.md ...", flush=True)
        edit_chapter(root)
        one_chapter, one_chapter_pages, _ = timed_build(root)
        print("bench: rebuild after editing assumptions.csv ...", flush=True)
        edit_data(root)
        data_edit, data_edit_pages, _ = timed_build(root)
        expected = pages_reading(root, "assumptions.csv")
        html = root / "_build" / "html"
        max_kb, max_page, bundle_kb = page_weights(html)
        raw_kb, gzip_kb = bundle_sizes(html)
        print("bench: chart drawing in Chromium ...", flush=True)
        draws = chart_draw_times(html)
        print("bench: the floor (imports + Sphinx without execution) ...", flush=True)
        floor_root = copy_book(Path(scratch) / "floor-copy")
        floor = floor_seconds(floor_root)
        print("bench: a clean stock jupyter-book build of the same book ...", flush=True)
        stock, stock_cpu = stock_build(copy_book(Path(scratch) / "stock-copy"))
    used = cores()
    return {
        "clean_s": round(clean, 2),
        "cpu_s": round(cpu, 2),
        "cores": used,
        "core_limit_s": round(cpu / used, 2),
        "clean_over_core_limit": round(clean / (cpu / used), 2),
        "stock_s": round(stock, 2),
        "stock_cpu_s": round(stock_cpu, 2),
        "clean_over_stock": round(clean / stock, 2),
        "floor_s": round(floor, 2),
        "clean_over_floor": round(clean / floor, 2),
        "noop_s": round(noop, 2),
        "noop_over_clean": round(noop / clean, 3),
        "one_chapter_s": round(one_chapter, 2),
        "one_chapter_executed": len(one_chapter_pages),
        "data_edit_s": round(data_edit, 2),
        "data_edit_executed": len(data_edit_pages),
        "data_edit_pages": sorted(data_edit_pages),
        "data_edit_pages_reading_file": sorted(expected),
        "max_page_kb": round(max_kb, 1),
        "max_page": max_page,
        "vega_bundle_kb": round(bundle_kb, 1),
        "vega_bundle_raw_kb": round(raw_kb, 1),
        "vega_bundle_gzip_kb": round(gzip_kb, 1),
        "max_chart_ms": round(max(draws.values()), 1),
        "chart_ms_by_page": {k: round(v, 1) for k, v in draws.items()},
    }


TARGETS = [
    ("clean build ≤ 1.5 × floor", lambda r: r["clean_over_floor"] <= 1.5),
    ("clean build ≤ 1.25 × CPU work ÷ cores", lambda r: r["clean_over_core_limit"] <= 1.25),
    ("clean build ≤ 0.5 × stock jupyter-book build", lambda r: r["clean_over_stock"] <= 0.5),
    ("no-op rebuild ≤ 10% of clean", lambda r: r["noop_over_clean"] <= 0.10),
    ("one-chapter edit executes exactly 1 page", lambda r: r["one_chapter_executed"] == 1),
    (
        "data edit executes only the pages that read the file",
        lambda r: r["data_edit_pages"] == r["data_edit_pages_reading_file"],
    ),
    ("every page ≤ 300 KB of HTML", lambda r: r["max_page_kb"] <= 300),
    ("charts drawn ≤ 1 s", lambda r: r["max_chart_ms"] <= 1000),
]


def main() -> int:
    """Run the benchmark, print a table and write _build/bench/results.json."""
    results = run()
    target = BUILD_DIR / "bench" / "results.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\n{'measure':<34} value")
    for key, value in results.items():
        if not isinstance(value, dict | list):
            print(f"{key:<34} {value}")
    print(f"\n{'target':<55} met")
    for name, check in TARGETS:
        print(f"{name:<55} {'yes' if check(results) else 'NO'}")
    print(f"\nwritten to {target}")
    return 0
