"""A page given the last pass's steps that need no other page as it is written, then the rest
with every other page, ends byte for byte as the last pass alone leaves it."""

from __future__ import annotations

from pathlib import Path

from bytebook.publish.pages import finish_pages, finished_alone

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8" />
<script src="../_static/searchtools.js"></script>
<script src="../_static/doctools.js?v=1"></script>
</head><body>
<p>Revenue was USD 39 bn on 2025-07-25.</p>
<button onclick="window.print()">print</button>
<a class="right-next" href="next.html" title="next page"><div>
<p class="prev-next-title">2 下一章 · Next chapter</p></div></a>
</body></html>
"""


def site(root: Path) -> Path:
    """A site of two pages and the script they link to."""
    (root / "_static").mkdir(parents=True)
    (root / "_static" / "doctools.js").write_text("// doctools\n", encoding="utf-8")
    (root / "book").mkdir()
    for name in ("one", "two"):
        (root / "book" / f"{name}.html").write_text(PAGE.replace("Revenue", name), "utf-8")
    return root


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_page_finished_apart_ends_as_the_last_pass_leaves_it(tmp_path: Path) -> None:
    whole, apart = site(tmp_path / "whole"), site(tmp_path / "apart")
    finish_pages(whole)
    page = apart / "book" / "one.html"
    page.write_text(finished_alone(page.read_text("utf-8"), page, apart), "utf-8")
    finish_pages(apart, {page})

    assert files(apart) == files(whole)
    finished = (whole / "book" / "one.html").read_text("utf-8")
    assert "<w-v>USD 39 bn</w-v>" in finished
    assert 'title="Next: 2 下一章 · Next chapter"' in finished
    assert "searchtools.js" not in finished
    assert "doctools.js?v=" in finished and "Content-Security-Policy" in finished


def test_the_last_pass_leaves_the_steps_of_a_page_finished_apart_to_it(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    page = root / "book" / "one.html"
    finish_pages(root, {page})

    assert "<w-v>" not in page.read_text("utf-8")
    assert "<w-v>" in (root / "book" / "two.html").read_text("utf-8")
