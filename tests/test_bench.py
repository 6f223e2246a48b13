"""`make bench`'s own arithmetic and its synthetic larger book (no timing is asserted here)."""

from __future__ import annotations

import shutil
import socket
import struct
import sys
import time
from pathlib import Path

import pytest
import yaml

from bytebook.paths import ROOT
from bytebook.publish import downloads, kept_json, kept_renders
from bytebook.publish.bench import EXECUTED, timed_command
from bytebook.publish.bench_browser import LEDGER_PAGE, _served, round_order, without_ledger_script
from bytebook.publish.bench_results import (
    Build,
    Floor,
    Run,
    browser_results,
    build_results,
    check_results,
    markdown_table,
    met,
    scaled_results,
    spread,
)
from bytebook.publish.bench_scale import LABEL, copied_page, scaled_book


def test_spread_gives_the_median_and_the_range_of_the_runs():
    assert spread([3.0, 1.0, 2.0]) == {"median": 2.0, "min": 1.0, "max": 3.0, "runs": [3, 1, 2]}
    assert spread([4.0, 1.0])["median"] == 2.5


def test_executed_pages_are_read_from_the_build_log():
    log = (
        "/x/book/codec.md: Executing notebook using local CWD [mystnb]\n"
        "/x/book/codec.md: Executed notebook in 11.78 seconds [mystnb]\n"
        "/x/book/ranking.md: Executed notebook in 2.50 seconds [mystnb]\n"
    )
    found = {Path(m["page"]).stem: float(m["seconds"]) for m in EXECUTED.finditer(log)}
    assert found == {"codec": 11.78, "ranking": 2.5}


def test_a_copied_page_renames_every_label_it_defines_and_uses():
    text = (
        "(top)=\n## Top\n\nSee [the chart](#fig-a) and {ref}`top`.\n\n"
        "```{glue:figure} fig_a\n:name: fig-a\n```\n\n"
        "```{glue:figure} fig_a_b\n:name: fig-a-b\n```\n"
    )
    copied = copied_page(text, 2)
    assert "(top-copy2)=" in copied and "{ref}`top-copy2`" in copied
    assert ":name: fig-a-copy2\n" in copied and ":name: fig-a-b-copy2\n" in copied
    assert "#fig-a-copy2" in copied
    assert "glue:figure} fig_a\n" in copied, "glue names are the page's own: unchanged"
    assert "## Top" in copied


def test_a_copied_page_runs_its_own_code_rather_than_the_cached_original():
    text = "# P\n\n```{code-cell} ipython3\n:tags: [remove-cell]\n\nx = 1\n```\n"
    copied = copied_page(text, 3)
    assert copied != text
    assert "```{code-cell} ipython3\n:tags: [remove-cell]\n# copy 3\n\nx = 1\n" in copied


def test_the_scaled_book_lists_every_copy_once_and_defines_no_label_twice(tmp_path):
    root = tmp_path / "book-copy"
    shutil.copytree(ROOT / "book", root / "book")
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    toc["parts"][-1]["chapters"].append({"file": "book/text_only"})
    (root / "_toc.yml").write_text(yaml.safe_dump(toc, sort_keys=False), encoding="utf-8")
    (root / "book" / "text_only.md").write_text("# Text\n\nNo code.\n", encoding="utf-8")
    sources = sorted((root / "book").glob("*.md"))
    with_code = [p for p in sources if "```{code-cell}" in p.read_text(encoding="utf-8")]
    glossaries = [p for p in with_code if "```{glossary}" in p.read_text(encoding="utf-8")]
    assert glossaries, "the book's glossary runs code and defines terms"
    with_code = [p for p in with_code if p not in glossaries]
    assert 0 < len(with_code) < len(sources), "a page without code is not copied"
    expected = len(sources) + 2 * len(with_code)
    assert scaled_book(root, 3) == expected
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    listed = [c["file"] for part in toc["parts"] for c in part["chapters"]] + [toc["root"]]
    assert len(listed) == len(set(listed)) == expected
    assert all((root / f"{name}.md").is_file() for name in listed)
    labels = [
        m.group("name") or m.group("target")
        for page in (root / "book").glob("*.md")
        for m in LABEL.finditer(page.read_text(encoding="utf-8"))
    ]
    assert labels and len(labels) == len(set(labels))
    assert not any("glossary_copy" in name for name in listed), "no glossary term defined twice"
    assert len(labels) == 3 * sum(
        len(LABEL.findall(p.read_text(encoding="utf-8"))) for p in with_code
    )


def test_targets_are_judged_on_the_median_of_the_runs_and_shown_with_their_range():
    results = {
        "clean_over_core_limit": spread([1.2, 1.3, 1.4]),  # median 1.3 > 1.25
        "clean_over_stock": spread([0.6, 0.4, 0.45]),  # median 0.45 ≤ 0.5
        "one_chapter_executed": 1,
    }
    rows = {name: (shown, ok) for name, shown, _, ok in met(results)}
    assert rows["clean build ÷ (CPU work ÷ cores)"] == ("1.3 (runs 1.2–1.4)", "no")
    assert rows["clean build ÷ clean stock jupyter-book build"] == ("0.45 (runs 0.4–0.6)", "yes")
    assert rows["pages executed after a one-chapter edit"] == ("1", "yes")
    assert len(rows) == 3, "a target whose result was not measured is left out"
    assert markdown_table(results).count("\n") == 2 + 3


def _run(clean_s, cpu_s, stock_s, floor_s, noop_s, edit_s, page_s, stock_cpu_s):
    return Run(
        clean=Build(clean_s, cpu_s, {"codec": 5.0, "ranking": 9.0}),
        noop=Build(noop_s, 1.0, {}),
        one_chapter=Build(edit_s, 3.0, {"codec": page_s}),
        stock_s=stock_s,
        stock_cpu_s=stock_cpu_s,
        floor=Floor(floor_s, {"codec": 1.0, "ranking": 2.0}, {"codec": 0.5, "ranking": 0.7}),
    )


def _two_runs():
    # Run 1: 30 s wall for 40 s of CPU on 2 cores (limit 20 s): 1.5 × the limit; the stock
    # build took 60 s: 0.5 of it, for 50 s of CPU. Run 2: 24 s for 32 s of CPU (limit 16 s): 1.5;
    # stock 96 s: 0.25, for 40 s of CPU.
    return [_run(30, 40, 60, 20, 3, 9, 5, 50), _run(24, 32, 96, 16, 1.2, 4, 3, 40)]


def test_each_build_ratio_is_taken_within_its_run_and_spread_over_the_runs():
    results = build_results(_two_runs(), cores=2, edited_page="codec", baseline_cpu_s=80)
    assert results["core_limit_s"]["runs"] == [20, 16]
    assert results["clean_over_core_limit"]["runs"] == [1.5, 1.5]
    assert results["clean_over_stock"]["runs"] == [0.5, 0.25]
    assert results["clean_over_stock"]["median"] == 0.38  # 0.375 at two digits
    assert results["cpu_over_baseline"]["runs"] == [0.5, 0.4]
    assert results["cpu_over_stock_cpu"]["runs"] == [0.8, 0.8]  # 40 ÷ 50, 32 ÷ 40
    assert results["clean_over_floor"]["runs"] == [1.5, 1.5]
    assert results["noop_over_clean"]["runs"] == [0.1, 0.05]
    # The edit loop: the rebuild ÷ (that page's own execution + 1 s): 9 ÷ 6, 4 ÷ 4.
    assert results["edit_loop_ratio"]["runs"] == [1.5, 1.0]
    assert results["one_chapter_executed"]["runs"] == [1, 1]
    assert results["imports_s"] == {"codec": 1.0, "ranking": 2.0}
    rows = {name: ok for name, _, _, ok in met(results)}
    assert rows["clean build ÷ (CPU work ÷ cores)"] == "no"  # 1.5 > 1.25
    assert rows["clean build ÷ clean stock jupyter-book build"] == "yes"  # 0.38 ≤ 0.5
    assert rows["one-chapter edit ÷ (that page's execution + 1 s)"] == "yes"  # 1.25 ≤ 1.5
    assert rows["no-op rebuild ÷ clean build"] == "yes"  # 0.075 ≤ 0.10
    # Less CPU work: 0.7 × 32.2 ÷ 30.6 = 0.737 of the stock build's; 0.8 is more.
    cpu_row = next(name for name in rows if name.startswith("clean build's CPU work"))
    assert rows[cpu_row] == "no"


def test_the_reader_side_pairs_each_load_of_the_slowest_page_with_the_bare_page():
    bare = [100.0, 200.0, 150.0]
    loads = {
        "a": [(90.0, 300.0, 200.0), (100.0, 250.0, 250.0), (80.0, 600.0, 300.0)],
        "b": [(50.0, 400.0, 400.0), (60.0, 200.0, 100.0), (70.0, 150.0, 200.0)],
    }
    results = browser_results(bare, loads, [(700.0, 500.0), (1100.0, 550.0), (900.0, 600.0)])
    assert results["interactive_ms"] == {"a": 300.0, "b": 200.0}
    assert results["first_chart_ms"] == {"a": 90.0, "b": 60.0}
    # Round 1's slowest page is b (400 ms), round 2's a (250), round 3's a (600).
    assert results["max_interactive_ms"]["runs"] == [400.0, 250.0, 600.0]
    assert results["max_interactive_over_bundle_only"]["runs"] == [4.0, 1.25, 4.0]
    assert results["bundle_only_ms"]["median"] == 150.0
    # Against its own copy without charts, the largest ratio of each round: a 300 ÷ 200 = 1.5
    # (b 1.0); b 200 ÷ 100 = 2.0 (a 1.0); a 600 ÷ 300 = 2.0 (b 0.75). Not the slowest page's.
    assert results["max_interactive_over_without_charts"]["runs"] == [1.5, 2.0, 2.0]
    assert results["without_charts_ms"] == {"a": 250.0, "b": 200.0}


def test_the_ledger_is_judged_apart_from_the_chart_pages():
    """The ledger's loads are a spread of their own, against 400 ms like a chart page's; they
    are never a round's slowest chart page, though slower than every chart page here. Each load
    is set against its copy without the table script, loaded in the same round."""
    loads = {"a": [(90.0, 300.0, 200.0), (100.0, 250.0, 250.0), (80.0, 350.0, 300.0)]}
    ledger = [(700.0, 350.0), (1100.0, 440.0), (390.0, 300.0)]
    results = browser_results([100.0, 200.0, 150.0], loads, ledger)
    assert results["ledger_ready_ms"] == {
        "median": 700.0,
        "min": 390.0,
        "max": 1100.0,
        "runs": [700.0, 1100.0, 390.0],
    }
    assert results["ledger_without_script_ms"]["runs"] == [350.0, 440.0, 300.0]
    # 700 ÷ 350 = 2.0, 1100 ÷ 440 = 2.5, 390 ÷ 300 = 1.3: each load against its own round's copy.
    assert results["ledger_ready_over_without_script"]["runs"] == [2.0, 2.5, 1.3]
    assert results["ledger_ready_over_without_script"]["median"] == 2.0
    assert results["max_interactive_ms"]["runs"] == [300.0, 250.0, 350.0]
    rows = {name: ok for name, _, _, ok in met(results)}
    assert rows["the ledger until its table sorts and filters, ms"] == "no"  # 700 > 400


def test_the_ledger_s_copy_leaves_out_its_table_script_and_nothing_else(built_book):
    page = (built_book / LEDGER_PAGE).read_text(encoding="utf-8")
    copy = without_ledger_script(page)
    left_out = [line for line in page.splitlines() if line not in copy.splitlines()]
    assert len(left_out) == 1 and "bytebook-ledger.js" in left_out[0], left_out
    assert "bytebook-ledger.js" not in copy
    assert len(copy.splitlines()) == len(page.splitlines()) - 1
    assert without_ledger_script(copy) == copy


def test_the_larger_book_is_judged_per_page_added():
    # 12 pages in 50 s; 45 pages in 220 s: 4.4 × the time for 3.75 × the pages.
    assert scaled_results(12, 45, 50.0, 220.0)["scaled_over_clean"] == 4.4
    assert scaled_results(12, 45, 50.0, 220.0)["scaled_over_clean_per_page"] == round(4.4 / 3.75, 2)


def _complete_results():
    results = build_results(_two_runs(), cores=2, edited_page="codec")
    results |= browser_results(
        [100.0, 120.0],
        {"a": [(90.0, 300.0, 280.0), (95.0, 310.0, 290.0)]},
        [(350.0, 300.0), (380.0, 310.0)],
    )
    results |= {
        "data_edit_s": 10.0,
        "data_edit_executed": 2,
        "data_edit_only_readers": True,
        "max_page_kb": 120.5,
        "vega_bundle_raw_kb": 876.7,
        "vega_bundle_gzip_kb": 297.8,
    }
    return results


def test_complete_results_have_the_promised_shape():
    check_results(_complete_results())


@pytest.mark.parametrize(
    ("spoil", "named"),
    [
        (lambda r: r.pop("stock_s"), "stock_s"),
        (lambda r: r["imports_s"].clear(), "imports_s"),
        (lambda r: r["cpu_s"].pop("median"), "cpu_s"),
        (lambda r: r["clean_s"].update(median=99.0), "clean_s"),
        (lambda r: r["clean_s"]["runs"].append(1.0), "clean_s"),
        (lambda r: r["bundle_only_ms"]["runs"].pop(), "bundle_only_ms"),
        (lambda r: r.update(data_edit_only_readers="yes"), "data_edit_only_readers"),
    ],
)
def test_results_without_the_promised_shape_are_refused_naming_the_key(spoil, named):
    results = _complete_results()
    spoil(results)
    with pytest.raises(ValueError, match=named):
        check_results(results)


def test_the_scale_chart_has_a_title_units_and_a_source_line(tmp_path):
    from bytebook.publish.bench_scale import pages_chart

    svg = pages_chart([(12, 80.0), (45, 310.0)], tmp_path / "scale.svg").read_text("utf-8")
    assert "Clean build time against pages" in svg
    assert "clean build, seconds" in svg and "pages in the book" in svg
    assert "Source: make bench" in svg


def test_the_sites_take_turns_loading_first_round_by_round():
    rounds = [round_order(["this build", "against"], number) for number in range(4)]
    assert rounds == [
        ["this build", "against"],
        ["against", "this build"],
        ["this build", "against"],
        ["against", "this build"],
    ]
    firsts = [order[0] for order in rounds]
    assert firsts.count("this build") == firsts.count("against") == 2
    assert round_order(["only"], 1) == ["only"]


def test_a_clean_build_in_the_bench_keeps_what_it_works_out_in_its_own_folder(
    tmp_path, monkeypatch
):
    """The bench names a folder of its own for what a build keeps, through the environment, so
    a clean build is measured drawing every chart, not reading what another build kept."""
    own = tmp_path / "clean-1-kept"
    monkeypatch.setenv(kept_json.CACHE_VARIABLE, str(own))
    assert kept_renders.renders_cache().parent == own
    assert downloads.downloads_cache().parent == own
    read_back = [
        sys.executable,
        "-c",
        f"import os; print(os.environ[{kept_json.CACHE_VARIABLE!r}])",
    ]
    monkeypatch.delenv(kept_json.CACHE_VARIABLE)
    _, _, output = timed_command(read_back, env={kept_json.CACHE_VARIABLE: "elsewhere"})
    assert output.strip() == "elsewhere"


def test_the_bench_server_is_silent_when_a_tab_closes_during_a_download(tmp_path, capfd):
    """A load is timed to a moment before the page has everything, and its tab is closed then:
    the files still on their way meet a closed connection, which is no error of the bench."""
    (tmp_path / "large.bin").write_bytes(b"x" * 20_000_000)
    with _served(tmp_path) as base:
        port = int(base.rsplit(":", 1)[1])
        for _ in range(3):
            tab = socket.create_connection(("127.0.0.1", port))
            tab.sendall(b"GET /large.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
            tab.recv(1024)
            tab.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            tab.close()  # reset: the server's next write fails
        time.sleep(1)
    assert "Traceback" not in capfd.readouterr().err
