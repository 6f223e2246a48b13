"""`make bench`'s own arithmetic and its synthetic larger book (no timing is asserted here)."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from bytebook.paths import ROOT
from bytebook.publish.bench import EXECUTED, spread
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
    shutil.copy(ROOT / "_toc.yml", root / "_toc.yml")
    sources = sorted((ROOT / "book").glob("*.md"))
    with_code = [p for p in sources if "```{code-cell}" in p.read_text(encoding="utf-8")]
    assert 0 < len(with_code) < len(sources), "the glossary has no code: it is not copied"
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
    assert len(labels) == 3 * sum(
        len(LABEL.findall(p.read_text(encoding="utf-8"))) for p in with_code
    )


def test_targets_are_judged_on_the_median_of_the_runs_and_shown_with_their_range():
    from bytebook.publish.bench import markdown_table, met

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
