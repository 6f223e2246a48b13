"""The site's charts: specs moved out of the pages into files, stale files removed."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from bytebook.publish.chart_specs import move_chart_specs, page_specs
from bytebook.publish.render import chart_html, without_datasets

HOSTILE_TITLE = "</script><script>window.pwned=true</script>"


def spec(title: str) -> dict:
    return {
        "description": f"A chart of {title}",
        "title": title,
        "datasets": {"d1": [{"x": 1}, {"x": 2}]},
        "data": {"name": "d1"},
        "mark": "bar",
        "encoding": {"x": {"field": "x", "type": "quantitative"}},
    }


def vega(title: str) -> dict:
    return {"title": {"text": title}, "data": [{"name": "d1", "values": [{"x": 1}, {"x": 2}]}]}


def page(*titles: str) -> str:
    charts = "".join(chart_html(spec(t), "<svg><text>drawn</text></svg>", vega(t)) for t in titles)
    return f"<!doctype html><html><head></head><body><p>Prose.</p>{charts}</body></html>"


@pytest.fixture
def site(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "one.html").write_text(page("Costs", HOSTILE_TITLE), encoding="utf-8")
    (tmp_path / "book" / "two.html").write_text(page("Costs"), encoding="utf-8")
    (tmp_path / "index.html").write_text(page("Shares"), encoding="utf-8")
    return tmp_path


def test_a_page_s_chart_specs_leave_it_for_one_file_its_head_preloads(site):
    before = (site / "book" / "one.html").read_text(encoding="utf-8")
    move_chart_specs(site)
    after = (site / "book" / "one.html").read_text(encoding="utf-8")
    assert "bytebook-spec" not in after and "bytebook-vega" not in after
    (url,) = set(re.findall(r'data-spec="([^"]+)"', after))
    assert after.count(f'data-spec="{url}"') == 2 and url.startswith("../_static/charts/")
    head = after[: after.index("</head>")]
    assert head.count('rel="preload"') == 1
    assert f'<link rel="preload" href="{url}" as="fetch" crossorigin="anonymous" />' in head
    assert after.count("<svg><text>drawn</text></svg>") == 2  # the static drawing stays
    assert len(after) < len(before)
    assert [s["title"] for s in page_specs(site / "book" / "one.html")] == ["Costs", HOSTILE_TITLE]
    assert page_specs(site / "index.html") == [spec("Shares")]


def test_a_chart_file_holds_both_specs_of_each_chart_by_its_id(site):
    move_chart_specs(site)
    page_text = (site / "book" / "one.html").read_text("utf-8")
    ids = re.findall(r'id="(chart-[0-9a-f]+)" data-spec', page_text)
    (url,) = set(re.findall(r'data-spec="([^"]+)"', page_text))
    held = json.loads((site / "book" / url).read_text(encoding="utf-8"))
    assert list(held) == ids and len(ids) == 2
    costs = held[ids[0]]
    assert costs == {"spec": spec("Costs"), "vega": without_datasets(vega("Costs"), spec("Costs"))}
    assert "values" not in costs["vega"]["data"][0]  # the rows travel once, in the spec
    assert held[ids[1]]["spec"]["title"] == HOSTILE_TITLE


def test_pages_with_the_same_charts_share_a_file_and_a_second_pass_changes_nothing(site):
    (site / "book" / "three.html").write_text(page("Costs"), encoding="utf-8")
    move_chart_specs(site)
    files = sorted((site / "_static" / "charts").iterdir())
    assert len(files) == 3  # one.html's, two.html's and three.html's (the same), index.html's
    pages = {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    assert pages[site / "book" / "two.html"] == pages[site / "book" / "three.html"]
    move_chart_specs(site)
    assert sorted((site / "_static" / "charts").iterdir()) == files
    assert {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")} == pages


def test_a_file_no_page_names_is_removed(site):
    move_chart_specs(site)
    stale = site / "_static" / "charts" / "0123456789abcdef.json"
    stale.write_text("{}", encoding="utf-8")
    (site / "index.html").write_text(page(), encoding="utf-8")  # Shares left the site
    move_chart_specs(site)
    assert not stale.exists()
    assert len(list((site / "_static" / "charts").iterdir())) == 2


def test_a_page_naming_a_missing_file_fails(site):
    move_chart_specs(site)
    for kept in (site / "_static" / "charts").iterdir():
        kept.unlink()
    with pytest.raises(FileNotFoundError, match="chart files"):
        move_chart_specs(site)


def test_the_first_chart_setup_freezes_what_the_imports_made_and_later_ones_do_not():
    """In a process of its own, as a page's kernel: the first `setup` moves what is alive
    out of the collector's reach; what a page makes after it stays collectable."""
    script = (
        "import gc\n"
        "from bytebook.publish import render\n"
        "before = gc.get_freeze_count()\n"
        "render.setup()\n"
        "frozen = gc.get_freeze_count()\n"
        "made = [[] for _ in range(1000)]\n"
        "render.setup()\n"
        "print(before, frozen, gc.get_freeze_count())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    before, frozen, after = map(int, result.stdout.split())
    assert before == 0 and frozen > 10_000 and after == frozen
