"""`make bench`: build times, rebuild behaviour, page weight and chart drawing, in one run.

Everything runs on a copy of the book in a temporary folder, so the working tree is never
touched. Results are printed as a table and written to _build/bench/results.json.
"""

from __future__ import annotations

import ast
import csv
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
import time
from pathlib import Path

from bytebook.paths import BUILD_DIR, ROOT
from bytebook.publish.bench_results import (
    Build,
    Floor,
    Run,
    browser_results,
    build_results,
    check_results,
    markdown_table,
    scaled_results,
    shown,
)
from bytebook.publish.kept_json import CACHE_VARIABLE

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


def timed_command(
    command: list[str], env: dict[str, str] | None = None
) -> tuple[float, float, str]:
    """Wall seconds and CPU seconds (its whole process tree) of one command, run with `env`
    added to this process's environment, and its output."""
    cpu_before, start = _children_cpu(), time.perf_counter()
    result = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, **(env or {})}
    )
    seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu_before
    if result.returncode != 0:
        raise RuntimeError(f"build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return seconds, cpu, result.stdout + result.stderr


EXECUTED = re.compile(
    r"^(?P<page>\S+?)\.md: Executed notebook in (?P<seconds>[\d.]+) seconds", re.M
)


def timed_build(root: Path) -> Build:
    """Run one `bytebook build` of the book at `root` and time it. What it keeps between
    builds (charts' drawings, downloads) goes to a folder beside `root`, empty at first: a
    copy's first build works everything out, as on a machine that never built the book, and
    its rebuilds reuse what it kept."""
    seconds, cpu, output = timed_command(
        [sys.executable, "-m", "bytebook", "build", "--root", str(root)],
        env={CACHE_VARIABLE: str(root.with_name(f"{root.name}-kept"))},
    )
    executed = {Path(m["page"]).stem: float(m["seconds"]) for m in EXECUTED.finditer(output)}
    return Build(seconds, cpu, executed)


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


def floor_seconds(root: Path) -> Floor:
    """A real kernel start plus the page's imports, per page with code, plus Sphinx with
    execution off: what any build of these pages must pay. Also, per page, the seconds its
    imports take in a started kernel and the seconds the kernel took to start."""
    from jupyter_client.manager import start_new_kernel

    total = 0.0
    imports_s: dict[str, float] = {}
    kernel_s: dict[str, float] = {}
    for page in sorted((root / "book").glob("*.md")):
        source = page.read_text(encoding="utf-8")
        first = re.search(r"```\{code-cell\}[^\n]*\n(?::[^\n]*\n)*\n(.*?)```", source, re.S)
        if not first:
            continue
        imports = page_imports(first.group(1))
        start = time.perf_counter()
        # The kernel's stderr carries ipykernel's transport notice; import errors are in the reply.
        manager, client = start_new_kernel(kernel_name="python3", stderr=subprocess.DEVNULL)
        started = time.perf_counter()
        try:
            reply = client.execute_interactive(imports, timeout=120)
            reply_time = time.perf_counter()
            content = reply["content"]
            if content["status"] != "ok":
                raise RuntimeError(
                    f"the imports of {page.name} failed in a kernel: "
                    f"{content.get('ename')}: {content.get('evalue')}"
                )
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)
        imports_s[page.stem] = round(reply_time - started, 2)
        kernel_s[page.stem] = round(started - start, 2)
        total += time.perf_counter() - start
    output = root / "_build" / "floor"
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bytebook.publish.jupyter_build", str(root), str(output), "html"]
        + ["--execute-off"],
        capture_output=True,
        cwd=root,
    )
    return Floor(total + time.perf_counter() - start, imports_s, kernel_s)


def edit_chapter(root: Path) -> None:
    """Edit one chapter of the book at `root` as a writer would (a comment line), for the
    rebuild a one-chapter edit costs."""
    path = root / "book" / f"{EDITED_CHAPTER}.md"
    source = path.read_text(encoding="utf-8")
    marker = "data, found = present.open_chapter("
    path.write_text(
        source.replace(marker, "# edited for the benchmark\n" + marker, 1), encoding="utf-8"
    )


def edit_data(root: Path) -> None:
    """Change one assumption's default in the book at `root` (`EDITED_ASSUMPTION`), for the
    rebuild a data edit costs."""
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


def largest_page(html: Path) -> tuple[float, str]:
    """The largest page's HTML in KB, and its name (the shared vega bundle is apart)."""
    pages = [
        p
        for p in html.rglob("*.html")
        if p.relative_to(html).parts[0] not in ("_static", "_sources")
    ]
    largest = max(pages, key=lambda p: p.stat().st_size)
    return largest.stat().st_size / 1024, str(largest.relative_to(html))


def _run(scratch: Path, number: int, runs: int) -> Run:
    """One round on fresh copies: a clean build, a no-op rebuild and a one-chapter edit of it,
    a clean stock build, and the floor."""
    say = lambda what: print(f"bench: {what}, run {number} of {runs} ...", flush=True)  # noqa: E731
    say("clean build")
    root = copy_book(scratch / f"clean-{number}")
    clean = timed_build(root)
    say("no-op rebuild")
    noop = timed_build(root)
    say(f"rebuild after editing {EDITED_CHAPTER}.md")
    edit_chapter(root)
    one_chapter = timed_build(root)
    say("clean stock jupyter-book build")
    stock_s, stock_cpu_s = stock_build(copy_book(scratch / f"stock-{number}"))
    say("the floor (kernel starts, imports, Sphinx without execution)")
    floor = floor_seconds(copy_book(scratch / f"floor-{number}"))
    return Run(clean, noop, one_chapter, stock_s, stock_cpu_s, floor)


def _data_edit(root: Path) -> dict[str, object]:
    """Edit assumptions.csv in the built copy at `root`, rebuild, and see which pages ran."""
    print("bench: rebuild after editing assumptions.csv ...", flush=True)
    edit_data(root)
    rebuilt = timed_build(root)
    expected = sorted(pages_reading(root, "assumptions.csv"))
    return {
        "data_edit_s": round(rebuilt.seconds, 2),
        "data_edit_executed": len(rebuilt.executed),
        "data_edit_pages": sorted(rebuilt.executed),
        "data_edit_pages_reading_file": expected,
        "data_edit_only_readers": sorted(rebuilt.executed) == expected,
    }


def _scaled(scratch: Path, scale: int, clean_s: float) -> dict[str, object]:
    """A clean build of a book `scale` times this one's pages, against the clean build."""
    from bytebook.publish.bench_scale import pages_chart, scaled_book

    print(f"bench: clean build of a book {scale} times this size ...", flush=True)
    root = copy_book(scratch / f"scale-{scale}")
    pages = len(list((root / "book").glob("*.md")))
    scaled_pages = scaled_book(root, scale)
    try:
        scaled_s = timed_build(root).seconds
    except RuntimeError as error:  # the other measures stand; say why this one is missing
        print(f"bench: the larger book failed to build: {str(error)[-1500:]}", flush=True)
        return {"scale": scale, "scale_failed": True}
    chart = pages_chart(
        [(pages, clean_s), (scaled_pages, scaled_s)], BUILD_DIR / "bench" / "scale.svg"
    )
    return {
        "scale": scale,
        **scaled_results(pages, scaled_pages, clean_s, scaled_s),
        "scale_chart": str(chart.relative_to(ROOT)),
    }


def run(runs: int = 3, scale: int = 1) -> dict[str, object]:
    """Measure everything on fresh copies of the book and return the results."""
    from bytebook.publish.bench_browser import page_loads

    with tempfile.TemporaryDirectory(prefix="bytebook-bench-") as scratch_dir:
        scratch = Path(scratch_dir)
        rounds = [_run(scratch, number, runs) for number in range(1, runs + 1)]
        results = build_results(rounds, cores(), EDITED_CHAPTER)
        last = scratch / f"clean-{runs}"
        results |= _data_edit(last)
        html = last / "_build" / "html"
        max_kb, results["max_page"] = largest_page(html)
        raw_kb, gzip_kb = bundle_sizes(html)
        results |= {
            "max_page_kb": round(max_kb, 1),
            "vega_bundle_raw_kb": round(raw_kb, 1),
            "vega_bundle_gzip_kb": round(gzip_kb, 1),
        }
        print("bench: chart pages and the ledger in Chromium, 5 loads each ...", flush=True)
        results |= browser_results(*page_loads(html))
        if scale > 1:
            results |= _scaled(scratch, scale, results["clean_s"]["median"])
    return results


def main(runs: int = 3, scale: int = 1) -> int:
    """Run the benchmark, print the results and the targets, and write them to
    _build/bench/results.json and _build/bench/targets.md."""
    results = run(runs, scale)
    check_results(results)
    folder = BUILD_DIR / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "results.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (folder / "targets.md").write_text(markdown_table(results), encoding="utf-8")
    print(f"\n{'measure':<34} value")
    for key, value in results.items():
        if not isinstance(value, list) and not (isinstance(value, dict) and "median" not in value):
            print(f"{key:<34} {shown(value)}")
    print()
    print(markdown_table(results))
    print(f"written to {folder / 'results.json'} and {folder / 'targets.md'}")
    return 0
