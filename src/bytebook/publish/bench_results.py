"""`make bench`'s arithmetic: from the timed runs to the results, the targets and their table.

Nothing here times anything: `bench` measures, this module turns the measurements into
ratios against their targets, each with its spread over the runs, and checks the results'
shape before they are written.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass

import jsonschema

BASELINE_CPU_S = 85.19
"""The clean build's CPU work (median of 3 runs, children included) as `make bench` measured it
on 2026-11-29 (after jsonschema's pin and the removal of PNGs); the target for less CPU work
is a ratio to it. CPU seconds differ from one machine to the next, so this ratio holds only on
the machine that measured it; `FILED_CPU_RATIO` compares within one run instead."""

FILED_CPU_S, FILED_STOCK_CPU_S = 32.2, 30.6
"""The clean build's and the clean stock jupyter-book build's CPU work (medians of 3 runs each,
alternating, on a fresh clone, children included) when the target for less CPU work was set: the
target is 0.7 × that build's work, which was 32.2 ÷ 30.6 of the stock build's."""
CPU_TARGET_OVER_STOCK = 0.7 * FILED_CPU_S / FILED_STOCK_CPU_S
"""The target for less CPU work as a ratio to the stock build's CPU work in the same run (0.737),
which any machine can measure."""


@dataclass(frozen=True)
class Build:
    """One `bytebook build`: wall and CPU seconds, and the seconds each page it executed took."""

    seconds: float
    cpu: float
    executed: dict[str, float]


@dataclass(frozen=True)
class Floor:
    """What any build of these pages must pay: kernel starts, imports and Sphinx alone."""

    seconds: float
    imports_s: dict[str, float]
    kernel_s: dict[str, float]


@dataclass(frozen=True)
class Run:
    """One round of the bench on a fresh copy: a clean build, then a no-op rebuild and a
    one-chapter edit of that copy, a clean stock build and the floor."""

    clean: Build
    noop: Build
    one_chapter: Build
    stock_s: float
    stock_cpu_s: float
    floor: Floor


def spread(values: list[float], digits: int = 2) -> dict[str, object]:
    """The median of several runs, their lowest and highest, and every run."""
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "runs": [round(v, digits) for v in values],
    }


def _per_page_median(dicts: list[dict[str, float]]) -> dict[str, float]:
    pages = sorted({page for d in dicts for page in d})
    return {p: round(statistics.median(d[p] for d in dicts if p in d), 2) for p in pages}


def build_results(
    runs: list[Run], cores: int, edited_page: str, baseline_cpu_s: float = BASELINE_CPU_S
) -> dict[str, object]:
    """The build's figures over the runs: each as a spread, each ratio taken within a run."""
    clean = [r.clean for r in runs]
    page_run = [r.one_chapter.executed.get(edited_page, float("nan")) for r in runs]
    return {
        "runs": len(runs),
        "clean_s": spread([b.seconds for b in clean]),
        "cpu_s": spread([b.cpu for b in clean]),
        "cores": cores,
        "core_limit_s": spread([b.cpu / cores for b in clean]),
        "clean_over_core_limit": spread([b.seconds / (b.cpu / cores) for b in clean]),
        "baseline_cpu_s": baseline_cpu_s,
        "cpu_over_baseline": spread([b.cpu / baseline_cpu_s for b in clean]),
        "cpu_over_stock_cpu": spread([r.clean.cpu / r.stock_cpu_s for r in runs]),
        "stock_s": spread([r.stock_s for r in runs]),
        "stock_cpu_s": spread([r.stock_cpu_s for r in runs]),
        "clean_over_stock": spread([r.clean.seconds / r.stock_s for r in runs]),
        "floor_s": spread([r.floor.seconds for r in runs]),
        "clean_over_floor": spread([r.clean.seconds / r.floor.seconds for r in runs]),
        "kernel_start_s": _per_page_median([r.floor.kernel_s for r in runs]),
        "imports_s": _per_page_median([r.floor.imports_s for r in runs]),
        "executed_s": _per_page_median([b.executed for b in clean]),
        "noop_s": spread([r.noop.seconds for r in runs]),
        "noop_over_clean": spread([r.noop.seconds / r.clean.seconds for r in runs], 3),
        "one_chapter_s": spread([r.one_chapter.seconds for r in runs]),
        "one_chapter_executed": spread([len(r.one_chapter.executed) for r in runs], 0),
        "one_chapter_page_s": spread(page_run),
        "edit_loop_ratio": spread(
            [r.one_chapter.seconds / (p + 1) for r, p in zip(runs, page_run, strict=True)]
        ),
    }


def browser_results(
    bare_ms: list[float],
    page_loads: dict[str, list[tuple[float, float, float]]],
    ledger_ms: list[tuple[float, float]],
) -> dict[str, object]:
    """The reader's figures from `bare_ms` (loads of the page with only the chart runtime),
    per chart page, its loads as (first chart on the first screen drawn, the page interactive: its
    last one drawn, its copy without charts read and laid out) in ms, and `ledger_ms` (loads of
    the ledger until its table sorts and filters, with its copy without its table script read and
    laid out). Load i of every page and of the bare page make round i: its slowest chart page,
    and that ÷ its bare load; the largest ratio of a page interactive to its copy without
    charts; the ledger ready ÷ its copy read."""
    rounds = range(len(bare_ms))
    slowest = [max(loads[i][1] for loads in page_loads.values()) for i in rounds]
    over_copy = [max(loads[i][1] / loads[i][2] for loads in page_loads.values()) for i in rounds]
    return {
        "loads": len(bare_ms),
        "bundle_only_ms": spread(bare_ms, 1),
        "first_chart_ms": {
            page: round(statistics.median(t[0] for t in loads), 1)
            for page, loads in page_loads.items()
        },
        "interactive_ms": {
            page: round(statistics.median(t[1] for t in loads), 1)
            for page, loads in page_loads.items()
        },
        "max_interactive_ms": spread(slowest, 1),
        "max_interactive_over_bundle_only": spread(
            [s / b for s, b in zip(slowest, bare_ms, strict=True)]
        ),
        "without_charts_ms": {
            page: round(statistics.median(t[2] for t in loads), 1)
            for page, loads in page_loads.items()
        },
        "max_interactive_over_without_charts": spread(over_copy),
        "ledger_ready_ms": spread([ready for ready, _ in ledger_ms], 1),
        "ledger_without_script_ms": spread([read for _, read in ledger_ms], 1),
        "ledger_ready_over_without_script": spread([ready / read for ready, read in ledger_ms]),
    }


def scaled_results(
    pages: int, scaled_pages: int, clean_s: float, scaled_s: float
) -> dict[str, object]:
    """A book of `scaled_pages` pages built in `scaled_s`, against `pages` in `clean_s`."""
    growth = scaled_pages / pages
    return {
        "pages": pages,
        "scaled_pages": scaled_pages,
        "scaled_s": round(scaled_s, 2),
        "scaled_over_clean": round(scaled_s / clean_s, 2),
        "scaled_over_clean_per_page": round(scaled_s / clean_s / growth, 2),
    }


Check = Callable[[object], bool]


def at_most(written: str) -> tuple[str, Check]:
    """A ceiling target as written ('≤ 1.5') and its check on a result."""
    limit = float(written)
    return f"≤ {written}", lambda value: value <= limit


TARGETS: list[tuple[str, str, str, Check]] = [
    ("clean build ÷ floor", "clean_over_floor", *at_most("1.5")),
    ("clean build ÷ (CPU work ÷ cores)", "clean_over_core_limit", *at_most("1.25")),
    (
        "clean build ÷ clean stock jupyter-book build",
        "clean_over_stock",
        *at_most("0.5"),
    ),
    (
        "clean build's CPU work ÷ the clean stock build's (0.7 × the "
        f"{FILED_CPU_S} ÷ {FILED_STOCK_CPU_S} s measured when the target was set)",
        "cpu_over_stock_cpu",
        *at_most(f"{CPU_TARGET_OVER_STOCK:.3f}"),
    ),
    ("no-op rebuild ÷ clean build", "noop_over_clean", *at_most("0.10")),
    ("pages executed after a one-chapter edit", "one_chapter_executed", "1", lambda v: v == 1),
    (
        "one-chapter edit ÷ (that page's execution + 1 s)",
        "edit_loop_ratio",
        *at_most("1.5"),
    ),
    (
        "a data edit executes only the pages that read the file",
        "data_edit_only_readers",
        "yes",
        lambda v: v is True,
    ),
    ("largest page, KB of HTML", "max_page_kb", *at_most("300")),
    (
        "slowest page until interactive (its first screen's charts drawn), ms",
        "max_interactive_ms",
        *at_most("400"),
    ),
    (
        "slowest page until interactive ÷ the runtime alone",
        "max_interactive_over_bundle_only",
        *at_most("1.5"),
    ),
    (
        "the ledger until its table sorts and filters, ms",
        "ledger_ready_ms",
        *at_most("400"),
    ),
    (
        "a book N times larger: build time ÷ clean build, ÷ N (one run)",
        "scaled_over_clean_per_page",
        *at_most("1.1"),
    ),
]
"""Each target: what it measures, the result key, the target as written, and the check (on
the median where the result was measured in several runs)."""


def median(value: object) -> object:
    """A spread's median; any other result as it is."""
    return value["median"] if isinstance(value, dict) and "median" in value else value


def shown(value: object) -> str:
    """A result as the table shows it: a spread as its median and range."""
    if isinstance(value, dict) and "median" in value:
        return f"{value['median']} (runs {value['min']}–{value['max']})"
    return str(value)


def met(results: dict[str, object]) -> list[tuple[str, str, str, str]]:
    """Each target measured in `results`: its name, the result shown, the target, and met."""
    rows = []
    for name, key, target, check in TARGETS:
        if key in results:
            value = results[key]
            rows.append((name, shown(value), target, "yes" if check(median(value)) else "no"))
    return rows


def markdown_table(results: dict[str, object]) -> str:
    """The targets as a Markdown table, as the README shows them."""
    lines = [
        "| measure | result (median; range over the runs, or over the loads in Chromium) "
        "| target | met |",
        "|---|---|---|---|",
    ]
    lines += [f"| {name} | {value} | {target} | {ok} |" for name, value, target, ok in met(results)]
    return "\n".join(lines) + "\n"


_SPREAD = {
    "type": "object",
    "required": ["median", "min", "max", "runs"],
    "additionalProperties": False,
    "properties": {
        "median": {"type": "number"},
        "min": {"type": "number"},
        "max": {"type": "number"},
        "runs": {"type": "array", "minItems": 1, "items": {"type": "number"}},
    },
}
_PER_PAGE = {
    "type": "object",
    "minProperties": 1,
    "additionalProperties": {"type": "number", "minimum": 0},
}
_SPREAD_KEYS = [
    "clean_s", "cpu_s", "core_limit_s", "clean_over_core_limit", "cpu_over_baseline",
    "cpu_over_stock_cpu",
    "stock_s", "stock_cpu_s", "clean_over_stock", "floor_s", "clean_over_floor", "noop_s",
    "noop_over_clean", "one_chapter_s", "one_chapter_executed", "one_chapter_page_s",
    "edit_loop_ratio", "bundle_only_ms", "max_interactive_ms",
    "max_interactive_over_bundle_only", "max_interactive_over_without_charts",
    "ledger_ready_ms", "ledger_without_script_ms", "ledger_ready_over_without_script",
]  # fmt: skip
_BROWSER_SPREADS = {
    "bundle_only_ms", "max_interactive_ms", "max_interactive_over_bundle_only",
    "max_interactive_over_without_charts", "ledger_ready_ms", "ledger_without_script_ms",
    "ledger_ready_over_without_script",
}  # fmt: skip
_PER_PAGE_KEYS = [
    "kernel_start_s", "imports_s", "executed_s", "first_chart_ms", "interactive_ms",
    "without_charts_ms",
]  # fmt: skip
_NUMBER_KEYS = [
    "runs", "loads", "cores", "baseline_cpu_s", "data_edit_s", "data_edit_executed",
    "max_page_kb", "vega_bundle_raw_kb", "vega_bundle_gzip_kb",
]  # fmt: skip

RESULTS_SCHEMA = {
    "type": "object",
    "required": [*_SPREAD_KEYS, *_PER_PAGE_KEYS, *_NUMBER_KEYS, "data_edit_only_readers"],
    "properties": {
        **{key: _SPREAD for key in _SPREAD_KEYS},
        **{key: _PER_PAGE for key in _PER_PAGE_KEYS},
        **{key: {"type": "number", "minimum": 0} for key in _NUMBER_KEYS},
        "data_edit_only_readers": {"type": "boolean"},
        "scale_failed": {"const": True},
        **{
            key: {"type": "number", "exclusiveMinimum": 0}
            for key in ("scale", "scaled_pages", "scaled_s", "scaled_over_clean_per_page")
        },
    },
}
"""The shape of `_build/bench/results.json`: what a reader of the file may rely on."""


def check_results(results: dict[str, object]) -> None:
    """Raise ValueError naming the key when `results` does not have the promised shape, or a
    spread's median lies outside its range, or the build spreads do not hold one value a run."""
    errors = sorted(jsonschema.Draft202012Validator(RESULTS_SCHEMA).iter_errors(results), key=str)
    if errors:
        where = "/".join(str(p) for p in errors[0].absolute_path) or "(top)"
        raise ValueError(f"bench results, {where}: {errors[0].message}")
    for key in _SPREAD_KEYS:
        value = results[key]
        if not value["min"] <= value["median"] <= value["max"]:
            raise ValueError(f"bench results, {key}: median outside its range")
        expected = results["loads"] if key in _BROWSER_SPREADS else results["runs"]
        if len(value["runs"]) != expected:
            raise ValueError(
                f"bench results, {key}: {len(value['runs'])} values for {expected} runs"
            )
