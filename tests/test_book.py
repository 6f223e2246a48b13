"""The built book: strictness, glued numbers, offline pages and downloads."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_captions import units_line

from bytebook.chapters import WRITTEN
from bytebook.paths import ROOT
from bytebook.publish.build import build_book, jupyter_output
from bytebook.publish.chart_specs import page_specs

pytestmark = pytest.mark.build

CHAPTERS = [*WRITTEN, "ledger"]
"""The article's chapters in book order (the registry, which the table of contents follows, as
tests/test_registry.py checks), then the ledger appendix."""


def glued(name: str) -> dict[str, object]:
    """The values a chapter glued, read back from myst-nb's record of the executed page."""
    path = jupyter_output(ROOT) / "jupyter_execute" / "book" / f"{name}.glue.json"
    records = json.loads(path.read_text(encoding="utf-8"))
    values = {}
    for key, record in records.items():
        text = record["data"].get("text/plain", "")
        if not text.startswith("alt."):  # figures are glued too; keep the numbers and texts
            values[key] = ast.literal_eval(text)
    return values


def test_every_chapter_is_built(built_book):
    for name in CHAPTERS:
        assert (built_book / "book" / f"{name}.html").is_file()


def test_preface_glue_matches_arithmetic_on_the_articles_numbers(built_book):
    values = glued("preface")
    assert values["daily_at_article"] == pytest.approx(2855e8 / 366)
    assert values["daily_at_2024_average"] == pytest.approx(390e8 * 7.196 / 366)
    assert values["title_implied_rate"] == pytest.approx(7.47 * 366 / 390)
    assert values["daily_at_article_text"] == f"{2855 / 366:.2f}亿元"


def test_ranking_glue_matches_arithmetic_on_the_articles_numbers(built_book):
    values = glued("ranking")
    assert values["rank_bytedance"] == 2
    assert values["table_rate"] == pytest.approx(2855 / 390)
    assert values["implied_total_xiaomi"] == pytest.approx(1200e8 / 0.45)
    assert values["implied_total_gap_byd"] == pytest.approx((1000 / 0.20) / 7771 - 1)
    # bands that miss the reported total: Lenovo 3100/0.705 to 3200/0.695 = 4397 to 4604 (4985);
    # Xiaomi 1200/0.455 to 1300/0.445 = 2637 to 2921 (3659); Midea 1500/0.405 to 1600/0.395 =
    # 3704 to 4051 (4091); Haier 1363.5 to 1364.5/0.5 = 2729 (1429/0.4997 = 2860)
    assert 3200 / 0.695 < 4985 and 1300 / 0.445 < 3659 and 1600 / 0.395 < 4090.84
    assert 1364.5 / 0.5 < 1429 / 0.4997
    disagree = (
        "Lenovo, Xiaomi and Haier Smart Home; for Midea the total, derived from a figure read at "
        "second hand, lies above the band (its 4,071亿元 to 4,072亿元 at its inputs' recorded "
        "digits: (4,071亿元 − 4,051亿元) ÷ 4,072亿元 = 0.49%), which does not decide"
    )
    assert values["implied_total_disagreements_text"] == disagree
    assert values["filed_overseas_byd"] == pytest.approx(2219e8)


@pytest.mark.parametrize("name", CHAPTERS[:-1])
def test_every_glued_number_is_the_analysis_number(built_book, name):
    from bytebook.chapters import WRITTEN
    from bytebook.data import load_book_data

    found = WRITTEN[name].analyse(load_book_data())
    values = glued(name)
    for key, number in found.numbers.items():
        assert values[key] == pytest.approx(number), key
        assert values[f"{key}_text"] == found.texts[key], key


def test_glued_text_appears_in_the_page(built_book):
    page = (built_book / "book" / "ranking.html").read_text(encoding="utf-8")
    page = re.sub(r"<w-v>(.*?)</w-v>", r"\1", page)  # values kept whole
    page = page.replace("\u2019", "'")  # Sphinx's smart quotes turn an apostrophe round
    assert glued("ranking")["implied_total_disagreements_text"] in page


def test_the_infrastructure_box_glues_the_doubao_row_s_verdict(built_book, ledger_rows):
    """The box's "all run on Doubao (豆包) is … too" takes its verdict word from the ledger row
    through glue, not typed into the page."""
    verdict = next(r["verdict"] for r in ledger_rows if r["id"] == "s23_capcut_doubao")
    assert glued("infrastructure")["capcut_doubao_verdict"] == verdict
    page = (built_book / "book" / "infrastructure.html").read_text(encoding="utf-8")
    assert f'Doubao (豆包) is <span class="pasted-text">{verdict}</span> too' in page


EXTERNAL = re.compile(
    r"""<(?:script|link|img|iframe)\b[^>]*(?:src|href)=["'](?:https?:)?//""", re.I
)


def test_no_page_loads_anything_from_another_host(built_book):
    offenders = []
    for page in built_book.rglob("*.html"):
        for match in EXTERNAL.finditer(page.read_text(encoding="utf-8")):
            offenders.append(f"{page.relative_to(built_book)}: {match.group(0)[:120]}")
    assert not offenders, "\n".join(offenders)


def test_vega_is_served_once_from_static(built_book):
    assert (built_book / "_static" / "vega-bundle.js").stat().st_size > 100_000
    page = (built_book / "book" / "ranking.html").read_text(encoding="utf-8")
    assert page.count("_static/vega-bundle.js") == 1
    assert "vega-embed@" not in page and "require.js" not in page


SCRIPT_TAG = re.compile(r'<script\b[^>]*\ssrc="[^"]*_static/([\w.-]+\.js)(?:\?[^"]*)?"')
"""A script a page loads from the site, by its file's name."""


def test_only_pages_with_charts_load_the_chart_scripts_and_only_the_ledger_its_own(built_book):
    """A page without a chart box is served without the chart runtime, the palette and the chart
    script; the ledger's script only on the ledger; the theme's and the book's other scripts
    everywhere."""
    chart_scripts = {"vega-bundle.js", "bytebook-palette.js", "bytebook-charts.js"}
    pages = [*(built_book / "book").glob("*.html"), built_book / "search.html"]
    pages.append(built_book / "genindex.html")
    with_charts = set()
    for page in pages:
        text = page.read_text(encoding="utf-8")
        loaded = set(SCRIPT_TAG.findall(text))
        if 'class="bytebook-chart"' in text:
            with_charts.add(page.stem)
            assert chart_scripts <= loaded, page
        else:
            assert not chart_scripts & loaded, page
        assert ("bytebook-ledger.js" in loaded) == (page.stem == "ledger"), page
        assert {"doctools.js", "bytebook-tables.js", "bytebook-theme.js"} <= loaded, page
    assert {"ranking", "preface"} <= with_charts
    assert not {"glossary", "ledger", "search", "genindex"} & with_charts


def test_every_chart_carries_a_static_image_and_a_description(built_book):
    for name in CHAPTERS[:-1]:
        page = (built_book / "book" / f"{name}.html").read_text(encoding="utf-8")
        charts = re.findall(r'<div class="bytebook-chart"[^>]*aria-label="([^"]+)"', page)
        assert charts, name
        assert page.count('<div class="bytebook-static"><svg') == len(charts)


def test_every_chart_has_a_title_units_and_a_source(built_book):
    for name in CHAPTERS[:-1]:
        specs = page_specs(built_book / "book" / f"{name}.html")
        assert specs, name
        for spec in specs:
            heading = spec["vconcat"][0]["title"]
            assert heading["text"].strip() and units_line(spec).strip(), (name, heading)
            lines = spec["title"]["text"]
            source = " ".join(lines) if isinstance(lines, list) else lines
            assert source.startswith("Source: ") and len(source) > len("Source: ") + 5, (
                name,
                source,
            )


def test_each_executed_page_offers_its_notebook(built_book):
    for name in CHAPTERS:
        page = (built_book / "book" / f"{name}.html").read_text(encoding="utf-8")
        assert f'_sources/book/{name}.ipynb"' in page
        notebook = json.loads((built_book / "_sources" / "book" / f"{name}.ipynb").read_text())
        assert notebook["cells"]


def test_no_notebook_or_build_output_is_committed():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert not [f for f in tracked if f.endswith(".ipynb") or f.startswith("_build/")]


def test_chapters_open_as_notebooks_with_jupytext():
    import jupytext

    for name in CHAPTERS:
        notebook = jupytext.read(ROOT / "book" / f"{name}.md")
        assert notebook.metadata["jupytext"]["text_representation"]["format_name"] == "myst"
        assert any(cell.cell_type == "code" for cell in notebook.cells)


BROKEN_CELLS = {
    "raises": "raise RuntimeError('deliberately broken')",
    "stderr": "import sys\nprint('to stderr', file=sys.stderr)",
    "glued": (  # a formatter error inside glue does not stop the cell; the build must fail
        "from myst_nb import glue\n"
        "class Undrawable:\n"
        "    def _repr_html_(self):\n"
        "        raise ValueError('cannot draw')\n"
        "glue('broken', Undrawable(), display=False)"
    ),
}


def make_book(tmp_path: Path, body: str, plain_pages: int = 0, declared: bool = True) -> Path:
    """A book whose first page has `body`, followed by `plain_pages` pages of text; the first
    page declares its inputs unless `declared` is false."""
    root = tmp_path / "book-copy"
    (root / "book").mkdir(parents=True)
    shutil.copy(ROOT / "_config.yml", root / "_config.yml")
    toc = "format: jb-book\nroot: book/broken\n"
    if plain_pages:
        toc += "chapters:\n" + "".join(f"  - file: book/plain{n}\n" for n in range(plain_pages))
    for n in range(plain_pages):
        (root / "book" / f"plain{n}.md").write_text(f"# Plain {n}\n\nText.\n", encoding="utf-8")
    (root / "_toc.yml").write_text(toc, encoding="utf-8")
    header = (ROOT / "book" / "preface.md").read_text(encoding="utf-8").split("---\n")[1]
    if not declared:
        header = header.split("bytebook:")[0]
    (root / "book" / "broken.md").write_text(
        f"---\n{header}---\n\n# Broken\n\n{body}\n", encoding="utf-8"
    )
    return root


@pytest.mark.parametrize("kind", sorted(BROKEN_CELLS))
def test_a_broken_cell_fails_the_build_and_the_next_one(tmp_path, capfd, kind):
    """A broken cell fails the build, and the next build with nothing changed fails again
    with the same message: the page was read, and its execution kept, by the failed build,
    which must not make the next one take it as good."""
    root = make_book(tmp_path, f"```{{code-cell}} ipython3\n{BROKEN_CELLS[kind]}\n```")
    for attempt in ("first", "again"):
        assert build_book(root) != 0, attempt
        output = capfd.readouterr()
        printed = output.out + output.err
        assert "book/broken.md" in printed, attempt  # the page
        if kind == "raises":
            assert "deliberately broken" in printed, attempt  # the cell
        assert not (root / "_build" / "html").exists(), attempt  # nothing was published


def test_a_broken_cell_fails_the_build_when_pages_are_read_in_parallel(tmp_path, capfd):
    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("one core: pages are read one at a time")
    root = make_book(tmp_path, f"```{{code-cell}} ipython3\n{BROKEN_CELLS['raises']}\n```", 6)
    assert build_book(root) != 0
    output = capfd.readouterr()
    printed = output.out + output.err
    assert "(parallel reader)" in printed  # Sphinx read the seven pages in parallel
    assert "book/broken.md" in printed and "deliberately broken" in printed
    assert not (root / "_build" / "html").exists()


def test_a_code_page_that_declares_no_inputs_fails_the_build(tmp_path, capfd):
    root = make_book(tmp_path, "```{code-cell} ipython3\nprint('fine')\n```", declared=False)
    assert build_book(root) != 0
    output = capfd.readouterr()
    printed = output.out + output.err
    assert "book/broken" in printed and "must declare its inputs" in printed
    assert not (root / "_build" / "html").exists()


def test_a_missing_cross_reference_fails_the_build_and_the_next_one(tmp_path):
    root = make_book(tmp_path, "See {ref}`no-such-label`.")
    assert build_book(root) != 0
    assert build_book(root) != 0
    assert not (root / "_build" / "html").exists()


def test_a_table_marks_its_chinese_cells_for_a_screen_reader():
    """A cell whose text is Chinese (a Chinese character, no Latin letter) is `lang="zh"`, so a
    screen reader reads it in a Chinese voice; a cell mixing Chinese and English is not."""
    import pandas as pd

    from bytebook.present import table_html

    frame = pd.DataFrame(
        {
            "公司 Company": ["联想", "Lenovo 联想"],
            "Share": ["约 27%", "70%"],
            "备注": ["63% 增速", ""],
        }
    )
    cells = re.findall(r"<td ([^>]*)>([^<]*)</td>", table_html(frame).data)
    marked = {text for attributes, text in cells if 'lang="zh"' in attributes}
    assert marked == {"联想", "约 27%", "63% 增速"}


def test_the_article_s_table_marks_its_chinese_cells(built_book):
    """The ranking table as printed: each company's Chinese name and its remark are read as
    Chinese, and no cell holding Latin letters is."""
    page = (built_book / "book" / "ranking.html").read_text(encoding="utf-8")
    for name in ("联想", "华为", "字节跳动", "小米", "美的", "比亚迪", "海尔智家"):
        assert f'<td data-th="公司 Company" lang="zh">{name}</td>' in page, name
    for attributes, text in re.findall(r'<td ([^>]*lang="zh"[^>]*)>(.*?)</td>', page):
        assert not re.search("[A-Za-z]", re.sub("<[^>]*>", "", text)), (attributes, text)


def test_a_heading_s_chinese_runs_are_cut_out_whole():
    from bytebook.chinese import chinese_runs

    assert chinese_runs("4 海外营收排行榜 · The ranking") == [
        "4 ",
        "海外营收排行榜",
        " · The ranking",
    ]
    assert chinese_runs("Checking 每天7.47亿, number") == ["Checking ", "每天7.47亿", ", number"]
    assert chinese_runs("2.3 AI 生成式基础设施 · Doubao") == [
        "2.3 AI ",
        "生成式基础设施",
        " · Doubao",
    ]
    assert chinese_runs("“直接杀进前三” among") == ["“", "直接杀进前三", "” among"]
    assert chinese_runs("The ranking") == ["The ranking"]


def test_the_chinese_in_headings_and_the_navigation_is_marked_for_a_screen_reader(built_book):
    """Every run of Chinese characters in a chapter's headings, its navigation and its links to
    the pages before and after it lies in a `lang="zh"` span, and no such span holds a Latin
    letter: a screen reader reads the article's section names in a Chinese voice."""
    from bs4 import BeautifulSoup

    places = "h1, h2, h3, nav a, .prev-next-area a"
    for chapter in CHAPTERS:
        page = (built_book / "book" / f"{chapter}.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(page, "html.parser")
        for print_only in soup.select(".onlyprint"):  # hidden on a screen, from a screen reader
            print_only.decompose()
        for element in soup.select(f".bd-page-width :is({places})"):
            for text in element.find_all(string=re.compile("[\u4e00-\u9fff]")):
                assert text.find_parent(attrs={"lang": "zh"}), (chapter, str(element)[:120])
        for span in soup.select(f".bd-page-width :is({places}) span[lang='zh']"):
            assert not re.search("[A-Za-z]", span.get_text()), (chapter, str(span))
    ranking = (built_book / "book" / "ranking.html").read_text(encoding="utf-8")
    assert '<h1>4 <span lang="zh">海外营收排行榜</span> · The ranking' in ranking


def test_a_gloss_marks_its_chinese_and_escapes_the_rest():
    from bytebook.present import marked_chinese

    assert marked_chinese("USD 39 bn (抖音在海外) & <more>") == (
        'USD 39 bn (<span lang="zh">抖音在海外</span>) &amp; &lt;more&gt;'
    )
    assert marked_chinese("The ranking") == "The ranking"


def test_a_gloss_keeps_a_value_whole_with_its_chinese_unit():
    """'1,000亿元' in a gloss is one value: its Chinese unit is marked, and the two parts stay on
    one line together (the page's pass sees them in two text nodes, and cannot)."""
    from bytebook.present import marked_chinese
    from bytebook.publish.whole_values import CLOSE, OPEN

    assert marked_chinese("companies with 1,000亿元 or more") == (
        f'companies with {OPEN}1,000<span lang="zh">亿元</span>{CLOSE} or more'
    )


def test_the_chinese_in_a_claim_s_gloss_is_marked_for_a_screen_reader(built_book):
    """The English gloss under a claim names the article's Chinese words at times ('抖音在海外',
    '三千一百多亿'): each is `lang="zh"`, read in a Chinese voice and kept upright in the
    italic gloss, on the ledger and in the chapters' claims tables."""
    from bs4 import BeautifulSoup

    glossed = 0
    for page in ("ledger", "ranking", "preface"):
        soup = BeautifulSoup(
            (built_book / "book" / f"{page}.html").read_text(encoding="utf-8"), "html.parser"
        )
        for gloss in soup.select(".claim-gloss"):
            for text in gloss.find_all(string=re.compile("[\u4e00-\u9fff]")):
                assert text.find_parent(attrs={"lang": "zh"}), (page, str(gloss)[:120])
                glossed += 1
    assert glossed > 10, glossed
