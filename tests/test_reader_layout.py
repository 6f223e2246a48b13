"""The layout as a reader meets it: what cites a source is said in words and set under the
source; a ledger card on a phone reads down one left edge, its short fields sharing lines, its
evidence folded but found and printed. (That no request of a page is answered 404 is checked
on its loads in tests/test_accessibility.py and tests/test_browser.py.)"""

from __future__ import annotations

import html
import re
from itertools import pairwise

import pytest
from test_browser import LAID_OUT, PAGES
from test_ledger_page import open_ledger

from bytebook.article import SECTION_TITLES
from bytebook.publish.whole_values import UNBROKEN

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1440, "height": 900}
LEDGER, SOURCES = "book/ledger.html", "book/sources.html"


@pytest.fixture(scope="module")
def citing_rows(ledger_rows) -> dict[str, list[dict[str, str]]]:
    """For each reference id, the ledger rows whose own `sources` column lists it, read from
    the ledger command (not from the page)."""
    cited: dict[str, list[dict[str, str]]] = {}
    for row in ledger_rows:
        for reference in filter(None, row["sources"].split(";")):
            cited.setdefault(reference, []).append(row)
    return cited


def read_only(read_only_tab, resized_tab, page_path: str, viewport: dict, scheme: str):
    """`page_path` at `viewport` in `scheme`, for a test that only reads it: on a laptop, light,
    the page's load resized to the laptop's width (read at other widths too); otherwise its
    load at that screen and scheme (the dark phone's is read by the cards' tests too)."""
    if viewport is LAPTOP and scheme == "light":
        return resized_tab(page_path, viewport["width"], viewport["height"])
    return read_only_tab(page_path, viewport, scheme=scheme)


_SOURCE_ROW = re.compile(r'<tr id="source-(?P<id>[^"]+)">(?P<row>.*?)</tr>', re.S)
_CITED_CELL = re.compile(r'<td data-th="Cited by"[^>]*>(?P<cell>.*?)</td>', re.S)
_LEDGER_LINK = re.compile(r'<a href="ledger\.html#claim-(?P<id>[^"]+)"[^>]*>(?P<text>.*?)</a>')


_WHOLE_VALUE = re.compile(r"<w-v>(.*?)</w-v>")
"""A value kept on one line (bytebook.publish.whole_values), read as its text."""


def test_what_cites_a_source_is_said_in_words_with_its_count(built_book, citing_rows):
    """Each source's "Cited by" counts the ledger rows that list it and links each by the
    claim in words, not by its row id."""
    page = (built_book / "book" / "sources.html").read_text(encoding="utf-8")
    rows = {m["id"]: m["row"] for m in _SOURCE_ROW.finditer(page)}
    assert rows, "no source rows on the sources page"
    for reference, row in rows.items():
        cell = _CITED_CELL.search(row)["cell"]
        links = [(m["id"], html.unescape(_WHOLE_VALUE.sub(r"\1", m["text"])))
                 for m in _LEDGER_LINK.finditer(cell)]
        expected = citing_rows.get(reference, [])
        assert sorted(i for i, _ in links) == sorted(r["id"] for r in expected), reference
        claims = {r["id"]: r["claim_en"] for r in expected}
        for row_id, text in links:
            assert text == claims[row_id], (reference, row_id, text)
            assert text != row_id, f"{reference}: row {row_id} is named by its id"
        if expected:
            count = len(expected)
            assert f"{count} ledger row{'s' if count > 1 else ''} (" in cell, reference


_FONT_SIZES = """() => [...document.querySelectorAll('table.sources-table tbody tr')].map(tr => {
  const size = label => parseFloat(getComputedStyle(
    tr.querySelector(`td[data-th="${label}"]`)).fontSize);
  return [tr.id, size('What it measures'), size('Cited by')];
})"""


@pytest.mark.parametrize(("viewport", "scheme"), [(PHONE, "dark"), (LAPTOP, "light")])
def test_what_cites_a_source_is_set_smaller_than_the_source(
    read_only_tab, resized_tab, viewport, scheme
):
    sizes = read_only(read_only_tab, resized_tab, SOURCES, viewport, scheme).evaluate(_FONT_SIZES)
    assert sizes
    for source, own, cited in sizes:
        assert cited < own, f"{source}: what cites it is as large as the source ({cited} px)"


def test_every_citing_row_is_printed(site, browser):
    """A long list of citing rows is folded on screen; on paper every one shows."""
    page = browser.new_page(viewport=LAPTOP)
    page.goto(f"{site}/book/sources.html")
    folded = page.locator("details.cited-by:not([open])")
    assert folded.count() > 0, "no long list is folded"
    assert not folded.first.locator("li").first.is_visible()
    hidden = unprinted(page, ".cited-by li")
    page.close()
    assert hidden == 0, f"{hidden} citing rows are not printed"


_CARDS = """() => [...document.querySelectorAll('table.ledger-table tbody tr')].map(tr => {
  const cells = {};
  for (const td of tr.querySelectorAll('td[data-th]')) {
    const r = td.getBoundingClientRect();
    cells[td.dataset.th] = {top: r.top, left: r.left, height: r.height,
      align: getComputedStyle(td).textAlign, card: tr.getBoundingClientRect().left,
      text: td.innerText.trim()};
  }
  return [tr.id, cells];
})"""


def _ledger_cards(site, browser, viewport=PHONE, scheme="dark"):
    page = open_ledger(site, browser, viewport, scheme)
    return page, page.evaluate(_CARDS)


def unprinted(page, selector: str) -> int:
    """How many of the elements `selector` finds take no room once the page is laid out for
    paper."""
    page.emulate_media(media="print")
    return page.eval_on_selector_all(
        selector, "els => els.filter(e => e.getBoundingClientRect().height === 0).length"
    )


def test_a_ledger_card_on_a_phone_reads_down_one_left_edge(read_only_tab):
    cards = read_only_tab(LEDGER, PHONE, scheme="dark").evaluate(_CARDS)
    assert cards
    for row, cells in cards:
        shown = {label: c for label, c in cells.items() if c["height"] > 0}
        for label, cell in shown.items():
            assert cell["align"] in ("left", "start"), (row, label, cell["align"])
        lefts = {round(c["left"] - c["card"]) for label, c in shown.items()
                 if label not in ("Section", "Recomputed")}
        assert len(lefts) == 1, f"{row}: fields start at {sorted(lefts)} px into the card"
        assert shown["Id"]["top"] == shown["Section"]["top"], f"{row}: id and section apart"
        assert shown["Verdict"]["top"] < shown["Claim"]["top"] < shown["Id"]["top"], (
            f"{row}: the card does not open with its verdict and claim"
        )
        assert shown["Id"]["top"] < shown["Evidence"]["top"], f"{row}: the evidence is not last"
        values = [shown[k]["top"] for k in ("Stated", "Recomputed") if k in shown]
        # A claim in words (no figure) shows neither value.
        assert len(set(values)) <= 1, f"{row}: its values are on {len(set(values))} lines"


def _evidence_only_word(rows: list[dict[str, str]]) -> str:
    """A word that only some rows' evidence holds, in no other field of any row."""
    others = " ".join(
        " ".join(v for k, v in row.items() if k not in ("evidence", "sources")) for row in rows
    ).lower() + " ".join(SECTION_TITLES.values()).lower()
    for row in rows:
        for word in re.findall(r"[A-Za-z]{7,}", row["evidence"]):
            holders = [r for r in rows if word.lower() in r["evidence"].lower()]
            if word.lower() not in others and word.lower() not in "evidence" and len(holders) < 5:
                return word
    raise AssertionError("no word of the evidence is found only there")


def test_a_phone_folds_the_evidence_and_keeps_it_found_and_printed(
    site, browser, read_only_tab, resized_tab, ledger_rows
):
    """On a phone each row's evidence is folded under a line that names it; the table's search
    still finds a row by a word of its evidence alone, and paper shows every evidence in full.
    On a laptop the evidence is open."""
    page, cards = _ledger_cards(site, browser)
    folded = page.locator("table.ledger-table td[data-th=Evidence] details:not([open])")
    assert folded.count() == len(ledger_rows), "not every row's evidence is folded on a phone"
    word = _evidence_only_word(ledger_rows)
    wanted = sorted(r["id"] for r in ledger_rows if word.lower() in r["evidence"].lower())
    page.locator(".dt-search input").fill(word)
    page.evaluate(LAID_OUT)
    found = page.eval_on_selector_all(
        "table.ledger-table tbody tr", "rows => rows.map(r => r.id.replace('claim-', ''))"
    )
    assert sorted(found) == wanted
    page.locator(".dt-search input").fill("")
    page.evaluate(LAID_OUT)
    hidden = unprinted(page, "td[data-th=Evidence] .evidence-text")
    page.close()
    assert hidden == 0, f"{hidden} evidence texts are not printed"
    page = read_only(read_only_tab, resized_tab, LEDGER, LAPTOP, "light")
    closed = page.locator("table.ledger-table td[data-th=Evidence] details:not([open])")
    assert closed.count() == 0
    assert page.locator("td[data-th=Evidence] .evidence-text").first.is_visible()


@pytest.mark.parametrize(("viewport", "scheme"), [(PHONE, "dark"), (LAPTOP, "light")])
def test_the_ledger_s_badges_are_legible_and_its_filters_fold_on_a_phone(
    read_only_tab, resized_tab, viewport, scheme
):
    """Every verdict badge (in the rows and in the filters) is at least 11 px; on a phone the
    filters start folded, so the rows come sooner; on a laptop they are open."""
    page = read_only(read_only_tab, resized_tab, LEDGER, viewport, scheme)
    sizes = page.eval_on_selector_all(
        ".verdict", "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    open_lists = page.locator(".dtsp-searchPane .dt-scroll-body:visible").count()
    assert sizes and min(sizes) >= 11, f"badges at {min(sizes)} px"
    if viewport is PHONE:
        assert open_lists == 0, f"{open_lists} filters are open on a phone"
    else:
        assert open_lists >= 2


A4_TEXT_WIDTH_PX = 703
"""A4's 210 mm less the PDF's 12 mm margins each side, at 96 CSS px to the inch."""


def test_the_ledger_on_paper_gives_its_words_the_room(site, browser):
    """Printed on A4, the ledger's evidence gets the widest column (over a quarter of the
    table), and no header is wider than its column."""
    page = open_ledger(site, browser, {"width": A4_TEXT_WIDTH_PX, "height": 1000})
    page.emulate_media(media="print")
    widths = page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('table.ledger-table thead th')]"
        ".filter(th => th.getBoundingClientRect().width > 0)"
        ".map(th => [th.className.split(' ')[0], th.getBoundingClientRect().width]))"
    )
    table = page.evaluate(
        "() => document.querySelector('table.ledger-table').getBoundingClientRect().width"
    )
    crowded = page.evaluate(
        "() => [...document.querySelectorAll('table.ledger-table thead th')]"
        ".filter(th => th.scrollWidth > th.clientWidth + 1).map(th => th.textContent.trim())"
    )
    page.close()
    assert widths["col-evidence"] == max(widths.values()), widths
    assert widths["col-evidence"] > 0.25 * table, (widths, table)
    assert not crowded, f"headers wider than their columns on paper: {crowded}"


_URL_BREAKS = """() => [...document.querySelectorAll('table.sources-table td.url a')].flatMap(a => {
  const range = document.createRange(), chars = [];
  for (const node of a.childNodes) {
    if (node.nodeType !== 3) continue;
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const box = range.getBoundingClientRect();
      if (box.width > 0) chars.push([node.data[i], box.top, box.left]);
    }
  }
  const breaks = [];
  for (let i = 1; i < chars.length; i++) {
    if (chars[i][1] > chars[i - 1][1] + 2) {
      breaks.push([a.textContent, i, chars[i - 1][0], chars[i][0]]);
    }
  }
  return breaks;
})"""


def _inside_a_code(url: str, at: int) -> bool:
    """Whether position `at` of `url` lies inside a run of letters and digits holding a digit."""
    before = re.search(r"[A-Za-z0-9]*$", url[:at]).group()
    run = before + re.match(r"[A-Za-z0-9]*", url[at:]).group()
    return any(char.isdigit() for char in run)


@pytest.mark.parametrize(("viewport", "scheme"), [(PHONE, "dark"), (LAPTOP, "light")])
def test_a_url_on_the_sources_page_breaks_between_its_parts(
    read_only_tab, resized_tab, viewport, scheme
):
    """A long URL wraps after a slash, a dot, a hyphen or a query's ? & =, before a
    percent-encoded byte, or inside a run of letters and digits that holds a digit (a hash or a
    number, not a word), never inside a word."""
    breaks = read_only(read_only_tab, resized_tab, SOURCES, viewport, scheme).evaluate(_URL_BREAKS)
    assert breaks, "no URL wraps: the check checks nothing"
    inside = [
        (url, at)
        for url, at, before, after in breaks
        if before not in "/.-?&=" and after != "%" and not _inside_a_code(url, at)
    ]
    assert not inside, f"{len(inside)} URLs break inside a word, e.g. {inside[:3]}"


_VALUE_BOXES = """function valueBoxes(scope, percentage) {
  const found = [], pattern = new RegExp(percentage, 'g');
  const add = (text, range, from) => {
    const boxes = [...range.getClientRects()].filter(r => r.width > 0);
    const cell = from.closest('td');
    found.push({text, boxes, whole: range.getBoundingClientRect(), cell,
                column: cell ? cell.dataset.th : 'text'});
  };
  for (const root of document.querySelectorAll(scope)) {
    for (const value of root.querySelectorAll('w-v')) {
      const range = document.createRange();
      range.selectNodeContents(value);
      add(value.textContent, range, value);
    }
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node; (node = texts.nextNode()); ) {
      if (node.parentElement.closest('w-v, script, style, svg, code, pre')) continue;
      for (const match of node.data.matchAll(pattern)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        add(match[0], range, node.parentElement);
      }
    }
  }
  return found;
}
const onTwoLines = v => v.boxes.some((r, i) => i > 0 && r.top >= v.boxes[i - 1].bottom - 1);"""
"""Every value a page keeps whole in `scope` (each `<w-v>`, and each percentage it leaves
unwrapped, bytebook.publish.whole_values.UNBROKEN), with its text boxes, its cell and the
cell's column. A value is on two lines when a box stands below the one before it: a value's
boxes on one line overlap, though a Chinese unit's box ('1,000亿元') stands a few pixels
taller than its number's, in a font of its own, and where a cut evidence ends inside a value,
its ellipsis splits it into two boxes on the cut's last line ('92…')."""

_BROKEN_VALUES = f"""percentage => {{ {_VALUE_BOXES}
  return valueBoxes('.bytebook-table table:is(.claims, .cards) td', percentage)
    .filter(onTwoLines).map(v => v.text); }}"""
"""The values of a page's cards that take more than one line."""


def _count_values(page, scope: str) -> int:
    return page.evaluate(
        f"percentage => {{ {_VALUE_BOXES} return valueBoxes({scope!r}, percentage).length; }}",
        UNBROKEN.pattern,
    )


@pytest.mark.parametrize("page_path", [p for p in PAGES if p.startswith("book/")])
def test_no_value_in_a_card_breaks_across_lines_on_a_phone(read_only_tab, page_path):
    """On a phone, each value written with its unit in a claims or data card keeps its number
    and its unit on one line: 'USD 155 bn', never 'USD 155' above 'bn'."""
    page = read_only_tab(page_path, PHONE, scheme="dark")
    counted = _count_values(page, ".bytebook-table table:is(.claims, .cards) td")
    broken = page.evaluate(_BROKEN_VALUES, UNBROKEN.pattern)
    assert not broken, f"{page_path}: {broken[:5]}"
    if page_path == LEDGER:
        assert counted > 100, counted


_BROKEN_OR_SPILT = f"""percentage => {{ {_VALUE_BOXES}
  return valueBoxes('article', percentage).filter(v => {{
    if (onTwoLines(v)) return true;
    if (!v.cell || !v.boxes.length) return false;
    const c = v.cell.getBoundingClientRect();
    return v.whole.right > c.right + 1 || v.whole.left < c.left - 1;
  }}).map(v => [v.text, v.column]); }}"""
"""The values of a page whose text takes more than one line or runs out of its table cell."""


def values_broken_or_spilt(page, page_path: str) -> list[str]:
    """On a loaded and ready page: every value written with its unit, in prose and in every
    table column (the claims tables' Stated and Recomputed, the sources, the data tables),
    keeps its number and unit on one line and inside its cell: 'USD 730 million', never
    'USD 730' above 'million'. The ledger's and the sources' tables hold over 100 such values."""
    counted = _count_values(page, "article table")
    broken = page.evaluate(_BROKEN_OR_SPILT, UNBROKEN.pattern)
    width = page.viewport_size["width"]
    problems = [f"{page_path} at {width} px: {broken[:5]}"] if broken else []
    if page_path in (LEDGER, SOURCES) and counted <= 100:
        problems.append(f"{page_path}: only {counted} values in its tables are kept whole")
    return problems


@pytest.mark.parametrize("width", [1000, 1200])
@pytest.mark.parametrize("page_path", [p for p in PAGES if p.startswith("book/")])
def test_no_value_breaks_or_leaves_its_cell_on_a_laptop(resized_tab, page_path, width):
    """`values_broken_or_spilt` at laptop widths narrower than the 1280 px at which
    tests/test_accessibility.py's load of every page checks it too."""
    problems = values_broken_or_spilt(resized_tab(page_path, width), page_path)
    assert not problems, problems


_FOOTER_TITLES = """() => [...document.querySelectorAll('.prev-next-area a')].map(a => {
  const title = a.querySelector('p.prev-next-title');
  const line = parseFloat(getComputedStyle(title).lineHeight);
  return {tip: a.title, lines: Math.round(title.getBoundingClientRect().height / line),
          text: title.textContent.replace(/\\s+/g, ' ').trim()};
})"""


def test_a_footer_title_takes_two_lines_on_a_phone_and_is_given_whole(site, browser):
    """The codec chapter's footer links to both neighbours: each title at most two lines at
    390 px, and the link's title= gives it whole."""
    page = browser.new_page(viewport=PHONE, color_scheme="dark")
    page.goto(f"{site}/book/codec.html")
    links = page.evaluate(_FOOTER_TITLES)
    page.close()
    assert len(links) == 2
    for link, word in zip(links, ("Previous", "Next"), strict=True):
        assert 1 <= link["lines"] <= 2, link
        assert link["tip"] == f"{word}: {link['text']}", link


_FOOTER_SHOWN = """() => [...document.querySelectorAll('.prev-next-area p.prev-next-title')]
  .map(p => {
  const bottom = p.getBoundingClientRect().bottom, range = document.createRange();
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let shown = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      if (/\\s/.test(node.data[i])) { shown += ' '; continue; }
      range.setStart(node, i); range.setEnd(node, i + 1);
      const box = [...range.getClientRects()].find(r => r.width > 0);
      if (box && box.bottom <= bottom + 1) shown += node.data[i];
    }
  }
  const tops = [];
  const text = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  for (let node = text.nextNode(); node; node = text.nextNode()) {
    for (const run of node.data.matchAll(/[\\u4e00-\\u9fff]+/g)) {
      const lines = new Set();
      for (let i = run.index; i < run.index + run[0].length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const box = [...range.getClientRects()].find(r => r.width > 0);
        if (box) lines.add(Math.round(box.top));
      }
      tops.push(lines.size);
    }
  }
  return {shown: shown.replace(/\\s+/g, ' ').trim(),
          whole: p.textContent.replace(/\\s+/g, ' ').trim(),
          split_words: tops.some(n => n > 1)};
})"""
"""Each footer title's text as drawn (its characters within the title's box), in full, and
whether a run of Chinese characters (a title such as 视频编解码) is drawn on two lines."""


THEMED = "scheme => document.documentElement.dataset.theme === scheme"
"""The theme shows the page in that colour scheme."""


def footer_titles(site, browser) -> list[tuple[str, str, dict]]:
    """What `_FOOTER_SHOWN` finds in every chapter's footer at 390 px, as (scheme, chapter,
    title), light and dark: one tab goes from chapter to chapter, each read in the scheme it
    loads in, then once the system has turned to the other (the theme follows it), which the
    next chapter loads in."""
    page = browser.new_page(viewport=PHONE)
    titles = []
    schemes = ["light", "dark"]
    for page_path in (p for p in PAGES if p.startswith("book/")):
        page.goto(f"{site}/{page_path}")
        for scheme in schemes:
            page.emulate_media(color_scheme=scheme)
            page.wait_for_function(THEMED, arg=scheme)
            titles += [(scheme, page_path, t) for t in page.evaluate(_FOOTER_SHOWN)]
        schemes.reverse()
    page.close()
    return titles


def test_a_footer_title_is_never_cut_after_a_word_on_a_phone(site, browser):
    """At 390 px, light and dark, every chapter's footer shows each neighbour's title whole, or
    its number and Chinese title (what comes before ' · '): never 'Next 2.2 推荐系统 · The'; and
    a Chinese title is never broken inside ('视频编解 / 码')."""
    titles = footer_titles(site, browser)
    for scheme in ("light", "dark"):
        assert len([t for t in titles if t[0] == scheme]) > 10, (scheme, titles)
    cut = [(scheme, path, t["shown"]) for scheme, path, t in titles
           if t["shown"] not in (t["whole"], t["whole"].split(" · ")[0])]
    assert not cut, cut
    split = [(scheme, path, t["whole"]) for scheme, path, t in titles if t["split_words"]]
    assert not split, split


BADGE_BORDERS = """() => Object.fromEntries(['consistent', 'derived'].map(name => {
  const badge = document.querySelector('.verdict-' + name);
  return [name, getComputedStyle(badge).borderTopStyle];
}))"""


def test_in_forced_colours_a_badge_keeps_a_border_and_a_derived_one_is_dashed(site, browser):
    """A high-contrast mode drops a badge's fill and the derived badge's inset ring; a border
    stays, solid on a verdict, dashed on a derived row, so the two still differ."""
    context = browser.new_context(viewport=LAPTOP, forced_colors="active")
    page = context.new_page()
    page.goto(f"{site}/{LEDGER}")
    page.wait_for_selector("table.ledger-table[data-enhanced=true]")
    borders = page.evaluate(BADGE_BORDERS)
    context.close()
    assert borders == {"consistent": "solid", "derived": "dashed"}


def test_with_less_motion_asked_for_the_sidebar_does_not_slide(site, browser):
    """The theme slides its sidebar over a quarter second; a reader who asks for less motion
    gets no slide (a hundredth of a millisecond at most). The sidebar is the same on every page,
    so the lightest one, the glossary, stands for them all."""
    context = browser.new_context(viewport=LAPTOP, reduced_motion="reduce")
    page = context.new_page()
    page.goto(f"{site}/book/glossary.html")
    durations = page.evaluate(
        "() => getComputedStyle(document.querySelector('.bd-sidebar-primary'))"
        ".transitionDuration.split(',').map(parseFloat)"
    )
    context.close()
    assert durations and max(durations) <= 0.00001, durations


def test_on_paper_a_chapter_s_tall_claim_row_runs_on_rather_than_leave_a_page_blank(
    site, browser
):
    """A claim's evidence can be most of a page long: kept whole, a row would move to a fresh
    page and leave the rest of the one before it blank, as the ranking's rows did."""
    page = browser.new_page(viewport=LAPTOP)
    page.goto(f"{site}/book/ranking.html")
    page.emulate_media(media="print")
    breaks = page.evaluate(
        "() => [...document.querySelectorAll('table.claims tbody tr')]"
        ".map(tr => getComputedStyle(tr).breakInside)"
    )
    page.close()
    assert breaks and set(breaks) == {"auto"}, set(breaks)


TITLE_MOST = 0.2
"""The most of a phone's first screen a page's title may take: the reader should meet the text."""

TITLE_AND_HEADINGS = """() => {
  const article = document.querySelector('.bd-article');
  if (!article || !article.querySelector('h1')) { return null; }
  const sizes = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map(tag => {
    const heading = article.appendChild(document.createElement(tag));
    heading.textContent = 'x';
    const size = parseFloat(getComputedStyle(heading).fontSize);
    heading.remove();
    return size;
  });
  return {title: article.querySelector('h1').getBoundingClientRect().height, sizes};
}"""
"""The height of the page's title, and the font size of a heading of each of the six levels
as the page sets it (null on a page with no article title, as the search page)."""


def title_problems(page) -> list[str]:
    """On a phone: the title takes at most TITLE_MOST of the first screen, and each heading
    level is set smaller than the one above it."""
    screen = page.viewport_size["height"]
    found = page.evaluate(TITLE_AND_HEADINGS)
    if found is None:
        return []
    problems = []
    if found["title"] > TITLE_MOST * screen:
        problems.append(f"the title takes {found['title']:.0f} px of a {screen} px screen")
    if any(larger <= smaller for larger, smaller in pairwise(found["sizes"])):
        problems.append(f"heading sizes h1 to h6 out of order: {found['sizes']}")
    return problems


def test_on_a_phone_the_longest_title_leaves_the_first_screen_to_the_text(site, browser):
    """The recommender's title, the longest in words, against the theme's sizes."""
    page = browser.new_page(viewport=PHONE, is_mobile=True)
    page.goto(f"{site}/book/recommender.html")
    page.wait_for_load_state("load")
    problems = title_problems(page)
    page.close()
    assert not problems


BACK_TO_TOP = """() => { const button = document.getElementById('pst-back-to-top');
  const box = button.getBoundingClientRect();
  return {left: box.left, right: box.right, top: box.top, bottom: box.bottom,
          width: box.width, height: box.height}; }"""
"""Where the shown 'Back to top' button sits on the screen, and its size."""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_back_to_top_keeps_to_the_corner(site, browser, scheme):
    """Scrolling up on a phone shows the theme's 'Back to top' button. It sat mid-screen, a
    113 px pill over the middle of two lines; it now keeps to the bottom right corner, no wider
    or taller than a thumb's target (48 px), so it covers the ends of lines at most, and keeps
    its words as its name."""
    page = browser.new_page(viewport=PHONE, is_mobile=True, color_scheme=scheme)
    page.goto(f"{site}/book/codec.html")
    page.wait_for_load_state("load")
    page.mouse.wheel(0, 1500)
    page.wait_for_function("() => window.scrollY > 1000")
    page.mouse.wheel(0, -300)
    page.wait_for_function(
        "() => getComputedStyle(document.getElementById('pst-back-to-top')).display !== 'none'"
    )
    box = page.evaluate(BACK_TO_TOP)
    named = page.get_by_role("button", name="Back to top").count()
    page.close()
    width, height = PHONE["width"], PHONE["height"]
    assert box["width"] <= 48 and box["height"] <= 48, box
    assert box["left"] >= width - 60 and box["right"] <= width, box
    assert height - 60 <= box["top"] and box["bottom"] <= height, box
    assert named == 1


MARKED_SECTION = """() => [...document.querySelectorAll('#pst-page-toc-nav a.active')]
  .map(link => link.textContent.trim())"""
"""The sections "On this page" marks as the one being read."""


@pytest.mark.parametrize("row", ["claim-s21_resolution", "claim-s21_cdn_daily"])
def test_on_this_page_marks_the_section_a_link_lands_in(site, browser, row):
    """A ledger id links to its row in a chapter's claims table, partway down the section
    "Every claim in this section", whose heading is then far above the window: "On this page"
    marks that section. A jump from there to a figure higher up the page marks the figure's
    section, not the one jumped from. A link to a section marks that section, even the last,
    whose heading stays low in the window (the summary's Downloads, at 1280 × 900)."""
    page = browser.new_page(viewport=LAPTOP)
    page.goto(f"{site}/book/codec.html#{row}")  # read where it lands: no chart is waited for
    page.evaluate(LAID_OUT)
    page.wait_for_timeout(300)
    landed = page.evaluate(MARKED_SECTION)
    heading_top = page.evaluate(
        "() => document.getElementById('every-claim-in-this-section').getBoundingClientRect().top"
    )
    page.evaluate("() => { location.hash = 'fig-codec-cdn'; }")
    page.wait_for_timeout(300)
    jumped = page.evaluate(MARKED_SECTION)
    page.close()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/book/summary.html#downloads")
    page.evaluate(LAID_OUT)
    page.wait_for_timeout(300)
    last = page.evaluate(MARKED_SECTION)
    page.close()
    assert heading_top < 0, heading_top
    assert landed == ["Every claim in this section"], landed
    assert jumped == ["What would the article’s daily saving take?"], jumped
    assert last == ["Downloads"], last


def test_on_this_page_marks_the_last_section_at_the_page_s_end(site, browser):
    """The codec page ends on a short section, Downloads, whose heading never reaches the top
    of the window. Scrolled to the end, "On this page" marks it; scrolled back up past the
    window's height, it marks the section the theme had marked before, not Downloads."""
    page = browser.new_page(viewport=LAPTOP)
    page.goto(f"{site}/book/codec.html")
    names = page.evaluate(
        "() => [...document.querySelectorAll('#pst-page-toc-nav a')].map(a => a.textContent.trim())"
    )
    page.mouse.move(LAPTOP["width"] // 2, LAPTOP["height"] // 2)
    for _ in range(200):  # as a reader scrolls, a wheel's turn at a time, to the end
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(20)
        if page.evaluate("() => scrollY + innerHeight >= document.documentElement.scrollHeight"):
            break
    page.wait_for_timeout(300)
    at_the_end = page.evaluate(MARKED_SECTION)
    page.mouse.wheel(0, -2 * LAPTOP["height"])
    page.wait_for_timeout(300)
    back_up = page.evaluate(MARKED_SECTION)
    page.close()
    assert names[-1] == "Downloads"
    assert at_the_end == ["Downloads"], at_the_end
    assert back_up and back_up != ["Downloads"], back_up
