"""Tables and prose as a reader sees them: on a phone every column of a table is in sight or the
table says it scrolls; the scroll cue lies over the rows; glued text reads as the prose around
it; a claims table gives its room to the words; the sources' cards name their fields."""

from __future__ import annotations

import re

import pytest
from test_browser import CHART_PAGES, LAID_OUT, toc_pages, wait_until_ready

from bytebook.article import SECTION_TITLES
from bytebook.paths import ROOT

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 900}
TABLE_PAGES = ["book/summary.html", "book/ranking.html", "book/codec.html", "book/sources.html"]
LEDGER = "book/ledger.html"


CELLS_OUT_OF_SIGHT = """() => [...document.querySelectorAll('.bytebook-table')]
  .filter(box => !box.closest('details'))
  .map(box => ({
    label: box.getAttribute('aria-label'),
    scrolls: box.dataset.scroll || '',
    out: [...box.querySelectorAll('td')]
      .filter(cell => cell.getClientRects().length)
      .filter(cell => {
        const r = cell.getBoundingClientRect();
        return r.width > 0 && (r.left < -1 || r.right > window.innerWidth + 1);
      })
      .map(cell => cell.dataset.th || cell.innerText.trim()),
  }))"""


@pytest.mark.parametrize("page_path", TABLE_PAGES)
def test_on_a_phone_every_column_is_in_sight(read_only_tab, page_path):
    """The summary's scorecard (contradicted, unverifiable, total) and the ranking's tables
    (the totals' verdict) are read at 390 px without scrolling sideways."""
    boxes = read_only_tab(page_path, PHONE, is_mobile=True).evaluate(CELLS_OUT_OF_SIGHT)
    hidden = [(box["label"], sorted(set(box["out"]))) for box in boxes if box["out"]]
    assert boxes and not hidden, hidden


def test_a_table_that_scrolls_says_so_over_its_rows(site, browser):
    """A table made wider than its column shows a line saying it scrolls and a fading edge (a
    mask, so it lies over the striped rows), toward whichever side has more."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/book/ranking.html")
    wait_until_ready(page)
    box = page.locator(".bytebook-table:has(table.cards) >> visible=true").first
    assert box.get_attribute("data-scroll") is None, "a table that fits says it scrolls"
    box.evaluate("b => { b.querySelector('table').style.minWidth = '3000px'; }")
    page.wait_for_function("b => b.dataset.scroll === 'right'", arg=box.element_handle())
    cue = box.evaluate(
        """b => ({
      text: getComputedStyle(b, '::before').content,
      mask: getComputedStyle(b).maskImage || getComputedStyle(b).webkitMaskImage,
    })"""
    )
    box.evaluate("b => { b.scrollLeft = b.scrollWidth; }")
    page.wait_for_function("b => b.dataset.scroll === 'left'", arg=box.element_handle())
    page.close()
    assert "Scroll sideways" in cue["text"]
    assert "gradient" in cue["mask"], cue


def test_glued_text_reads_as_the_prose_around_it(resized_tab):
    weights = resized_tab("book/summary.html", 1280).evaluate(
        """() => [...document.querySelectorAll('p .pasted-text')].map(span =>
      [getComputedStyle(span).fontWeight, getComputedStyle(span.closest('p')).fontWeight])"""
    )
    assert len(weights) > 5
    assert all(own == prose for own, prose in weights), weights


WORDS = ("Claim", "Evidence")


@pytest.mark.parametrize("page_path", ["book/codec.html", LEDGER])
def test_a_claims_table_gives_its_room_to_the_words(resized_tab, page_path):
    """On a laptop the claim and the evidence are the widest columns, not one among equals."""
    widths = resized_tab(page_path, LAPTOP["width"], LAPTOP["height"]).evaluate(
        """() => Object.fromEntries([...document.querySelector('table.claims')
      .querySelectorAll('thead th')].map(th => [th.innerText.trim(), th.offsetWidth]))"""
    )
    narrow = {name: width for name, width in widths.items() if name not in WORDS}
    for name in WORDS:
        assert widths[name] > 1.2 * max(narrow.values()), widths
    if page_path == "book/codec.html":
        assert sum(widths[name] for name in WORDS) >= sum(widths.values()) / 2, widths


CELLS_THAT_SPILL = """() => [...document.querySelectorAll('table.claims th, table.claims td')]
  .filter(cell => cell.offsetWidth && cell.scrollWidth > cell.clientWidth + 1)
  .map(cell => [cell.dataset.th || 'header', cell.innerText.trim().slice(0, 40)])"""


LEDGER_COLUMNS = """() => {
  const table = document.querySelector('table.ledger-table');
  const header = name => table.querySelector('thead th.col-' + name);
  const spans = th => [...th.querySelectorAll('.dt-column-header > *')]
    .filter(part => part.offsetWidth).map(part => {
      const box = part.getBoundingClientRect();
      return [box.top, box.bottom];
    });
  return {
    table: table.offsetWidth,
    widths: Object.fromEntries([...table.querySelectorAll('thead th')].filter(th => th.offsetWidth)
      .map(th => [th.innerText.trim(), th.offsetWidth])),
    recomputedSpans: spans(header('recomputed')),
    sections: Object.fromEntries([...table.querySelectorAll('tbody td[data-th=Id]')].map(td =>
      [td.closest('tr').id.replace('claim-', ''),
       getComputedStyle(td, '::after').content.replace(/^"|"$/g, '')])),
  };
}"""
"""The ledger's table width, its shown columns' widths by header, where the Recomputed header's
parts (its name and its sort arrow) start and end down the page, and what each id's cell shows
under the id."""


def _as_read(sections: dict[str, str]) -> dict[str, str]:
    """Each section's name under an id as it reads: without the places it may break between
    Chinese words (U+200B) and with the space that keeps its number beside a Chinese first word
    (U+00A0) as a plain one."""
    return {
        row: name.replace("\u200b", "").replace("\u00a0", " ") for row, name in sections.items()
    }


def _ledger_columns_at(resized_tab, width: int) -> tuple[dict, list, dict, dict]:
    """The ledger's columns at `width`: what LEDGER_COLUMNS finds, the cells that spill, every
    column's width and the short columns' widths (which must be exactly the four value ones)."""
    page = resized_tab(LEDGER, width)
    found = page.evaluate(LEDGER_COLUMNS)
    spilled = page.evaluate(CELLS_THAT_SPILL)
    widths = found["widths"]
    narrow = {name: w for name, w in widths.items() if name not in WORDS}
    assert set(narrow) == {"Id", "Verdict", "Stated", "Recomputed"}, widths
    return found, spilled, widths, narrow


@pytest.mark.parametrize("width", [1280, 1366, 1440])
def test_on_a_laptop_the_ledger_gives_its_room_to_the_evidence(resized_tab, ledger_rows, width):
    """The evidence, the ledger's longest text, takes at least two fifths of the table, so its
    rows are not run tall by a narrow column of it; the claim is wider than any short column; the
    Recomputed header and its sort arrow stand on one line; every other column stays legible (no
    header or cell spills out of its column); and each id names its row's section under it, in
    place of a Section column."""
    found, spilled, widths, narrow = _ledger_columns_at(resized_tab, width)
    assert widths["Evidence"] >= 0.4 * found["table"], widths
    assert widths["Claim"] > 1.5 * max(narrow.values()), widths
    parts = found["recomputedSpans"]
    assert len(parts) == 2 and max(p[0] for p in parts) < min(p[1] for p in parts), parts
    assert not spilled, sorted(set(map(tuple, spilled)))
    assert _as_read(found["sections"]) == {
        row["id"]: SECTION_TITLES[row["section"]] for row in ledger_rows
    }


@pytest.mark.parametrize("width", [800, 1000])
def test_between_phone_and_laptop_the_ledger_keeps_the_laptop_s_layout(
    resized_tab, ledger_rows, width
):
    """Between a phone and 1200 px the ledger is laid out as on a laptop: each id names its
    section under it in place of a Section column, the evidence is the widest column, the claim
    is no narrower than a value's column, and no header or cell spills out of its column."""
    found, spilled, widths, narrow = _ledger_columns_at(resized_tab, width)
    assert widths["Evidence"] == max(widths.values()), widths
    assert widths["Claim"] >= max(narrow.values()), widths
    assert not spilled, sorted(set(map(tuple, spilled)))
    assert _as_read(found["sections"]) == {
        row["id"]: SECTION_TITLES[row["section"]] for row in ledger_rows
    }


CLAIMS_OUT_OF_SIGHT = """() => {
  const box = document.querySelector('table.ledger-table').closest('.bytebook-table');
  const edge = box.getBoundingClientRect();
  const left = Math.max(0, edge.left), right = Math.min(window.innerWidth, edge.right);
  return [...box.querySelectorAll('td:is([data-th=Claim], [data-th=Verdict])')]
    .filter(cell => {
      const r = cell.getBoundingClientRect();
      return !r.width || r.left < left - 1 || r.right > right + 1;
    }).map(cell => cell.closest('tr').id + ': ' + cell.dataset.th);
}"""


def ledger_at(read_only_tab, resized_tab, viewport: dict):
    """The ledger at `viewport`, for a test that only reads it: on a phone, its load in a phone's
    emulation; on a laptop, its load resized to the laptop's width (read at other widths too)."""
    if viewport is PHONE:
        return read_only_tab(LEDGER, PHONE, is_mobile=True)
    return resized_tab(LEDGER, viewport["width"], viewport["height"])


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_ledger_shows_each_claim_and_verdict_without_scrolling_sideways(
    read_only_tab, resized_tab, viewport
):
    hidden = ledger_at(read_only_tab, resized_tab, viewport).evaluate(CLAIMS_OUT_OF_SIGHT)
    assert not hidden, hidden[:10]


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_ledger_offers_its_csv_under_the_table(read_only_tab, resized_tab, viewport):
    """A reader meets the table first: the paragraph that offers ledger.csv comes after it."""
    tops = ledger_at(read_only_tab, resized_tab, viewport).evaluate(
        """() => ({
      table: document.querySelector('table.ledger-table').getBoundingClientRect().bottom,
      csv: document.querySelector('p a[href$="_static/data/ledger.csv"]')
        .getBoundingClientRect().top,
    })"""
    )
    assert tops["csv"] > tops["table"], tops


def test_the_sources_cards_name_their_fields_on_a_phone(read_only_tab):
    found = read_only_tab("book/sources.html", PHONE, is_mobile=True).evaluate(
        """() => {
      const table = document.querySelector('table.sources-table');
      const names = [...table.querySelectorAll('thead th')].map(th => th.innerText.trim());
      const row = table.querySelector('tbody tr');
      return {names, labels: [...row.querySelectorAll('td')].map(td =>
        getComputedStyle(td, '::before').content.replace(/^"|"$/g, ''))};
    }"""
    )
    assert found["labels"] == found["names"]


def test_a_source_card_pairs_its_short_fields_on_a_phone(read_only_tab):
    """A source's card on a phone: what it measures first, then the figure beside its tag and
    the period beside the date published, each pair on one line, then the longer fields."""
    cards = read_only_tab("book/sources.html", PHONE, is_mobile=True).evaluate(
        """() => [...document.querySelectorAll('table.sources-table tbody tr')].slice(0, 5)
      .map(tr => Object.fromEntries([...tr.querySelectorAll('td')].map(td =>
        [td.dataset.th, Math.round(td.getBoundingClientRect().top)])))"""
    )
    assert len(cards) == 5
    for top in cards:
        assert top["Figure"] == top["Tag"] and top["Period"] == top["Published"], top
        assert top["What it measures"] < top["Figure"] < top["Period"] < top["Producer"], top


def test_the_scorecard_on_a_phone_is_one_line_a_section(read_only_tab):
    """On a phone the summary's scorecard stays a table, not one card per section: every count
    of a section sits on the section's one row, each verdict in its own column down the page,
    and the table fits the screen."""
    rows = read_only_tab("book/summary.html", PHONE, is_mobile=True).evaluate(
        """() => [...document.querySelectorAll('table.counts tbody tr')].map(tr =>
      [...tr.querySelectorAll('td')].map(td => {
        const r = td.getBoundingClientRect();
        return {label: td.dataset.th, top: r.top, left: r.left, right: r.right};
      }))"""
    )
    assert len(rows) > 5, "no scorecard table on the summary"
    for cells in rows:
        assert len({round(c["top"]) for c in cells}) == 1, f"a section over several lines: {cells}"
        assert max(c["right"] for c in cells) <= PHONE["width"], cells
    for column in range(len(rows[0])):
        lefts = {round(cells[column]["left"]) for cells in rows}
        assert len(lefts) == 1, f"{rows[0][column]['label']} is not one column: {lefts}"


WORDS_SPLIT = """() => {
  const split = [];
  for (const cell of document.querySelectorAll('table.sources-table td')) {
    if (cell.dataset.th === 'URL') continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/[A-Za-z0-9]{2,20}(?![A-Za-z0-9])/g)) {
        if (word.index > 0 && /[A-Za-z0-9]/.test(node.data[word.index - 1])) continue;
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
          .map(r => Math.round(r.top)));
        if (lines.size > 1) split.push(cell.dataset.th + ': ' + word[0]);
      }
    }
  }
  const box = document.querySelector('table.sources-table').closest('.bytebook-table');
  return {split, overflow: box.scrollWidth - box.clientWidth, scroll: box.dataset.scroll || ''};
}"""
"""Each word (2 to 20 letters and digits) of the sources table outside its URL cells that its
cell draws over more than one line, and how far the table is wider than its box."""

DESKTOP = {"width": 1280, "height": 800}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_sources_break_words_only_between_words(read_only_tab, viewport):
    """What a source measures, who produced it, its dates, what cites it and its id wrap between
    words (an id after an underscore, a site's name after a dot), never inside one: no
    'Federal Rese-rve' over two lines, on a phone and on a laptop; and the table fits its
    column, or, on a phone, says that it scrolls. A URL may break at its slashes, dots and
    hyphens (test_reader_layout); a run of more than 20 letters without a space (a quote whose
    source lost its spaces) is not a word."""
    page = read_only_tab("book/sources.html", viewport, is_mobile=viewport == PHONE)
    found = page.evaluate(WORDS_SPLIT)
    assert not found["split"], sorted(set(found["split"]))[:10]
    if viewport == DESKTOP:
        assert found["overflow"] <= 1, f"the table is {found['overflow']} px wider than its column"
    else:
        assert found["overflow"] <= 1 or found["scroll"], "the table scrolls and does not say so"


CLAIMS_PAGES = sorted(
    page
    for page in toc_pages()
    if "claims_html(" in (ROOT / page.replace(".html", ".md")).read_text(encoding="utf-8")
)
"""The pages that show a chapter's claims table."""

ROW_BOUND_PX = 240
"""A claims row's greatest height on a laptop with its evidence cut: four lines of evidence and
the button under them take about 100 px, a long claim (its quote and gloss) about twice that."""

TALLEST_ROWS = """() => [...document.querySelectorAll('table.chapter-claims tbody tr')]
  .filter(tr => tr.offsetHeight)
  .map(tr => [tr.id, tr.offsetHeight])
  .sort((a, b) => b[1] - a[1])"""

EVIDENCE = """text => ({shown: text.clientHeight, whole: text.scrollHeight,
  expanded: text.nextElementSibling ? text.nextElementSibling.getAttribute('aria-expanded') : null,
  toggleShown: !!(text.nextElementSibling && text.nextElementSibling.getClientRects().length)})"""


OPEN_ALL = "selector => document.querySelectorAll(selector).forEach(d => { d.open = true; })"


def _open_claims(site, browser, page_path: str):
    """A chapter at 1280 px, with its derived rows unfolded."""
    page = browser.new_page(viewport=LAPTOP)
    page.goto(f"{site}/{page_path}")
    wait_until_ready(page)
    page.evaluate(OPEN_ALL, "details.derived-rows")
    page.evaluate(LAID_OUT)
    return page


@pytest.mark.parametrize("page_path", CLAIMS_PAGES)
def test_on_a_laptop_a_claims_row_is_not_run_tall_by_its_evidence(site, browser, page_path):
    """At 1280 px every row of a chapter's claims tables (derived rows unfolded) is at most
    ROW_BOUND_PX tall: a long evidence is cut to a few lines under a button, not shown whole in a
    narrow column; and the evidence is the table's widest column."""
    page = _open_claims(site, browser, page_path)
    rows = page.evaluate(TALLEST_ROWS)
    widths = page.evaluate(
        """() => [...document.querySelectorAll('table.chapter-claims')].filter(t => t.offsetWidth)
      .map(t => Object.fromEntries([...t.querySelectorAll('thead th')]
        .map(th => [th.className.split(' ')[0], th.offsetWidth])))"""
    )
    page.close()
    assert rows, f"{page_path}: no claims row shown"
    assert rows[0][1] <= ROW_BOUND_PX, f"{page_path}: rows over {ROW_BOUND_PX} px: {rows[:5]}"
    for columns in widths:
        assert columns["col-evidence"] == max(columns.values()), columns


def test_a_cut_evidence_opens_by_keyboard_and_prints_whole(site, browser):
    """The ranking's longest evidence is cut, its button says it is closed (aria-expanded);
    Enter on the button opens it whole, and Enter again cuts it; on paper every evidence of the
    page is whole and no button shows."""
    page = _open_claims(site, browser, "book/ranking.html")
    text = page.locator("#claim-s4_old_money_flat .evidence-text")
    cut = text.evaluate(EVIDENCE)
    assert cut["whole"] > cut["shown"] + 20 and cut["expanded"] == "false", cut
    assert cut["toggleShown"], cut
    page.locator("#claim-s4_old_money_flat .evidence-toggle").focus()
    page.keyboard.press("Enter")
    opened = text.evaluate(EVIDENCE)
    assert opened["expanded"] == "true" and opened["shown"] >= opened["whole"] - 1, opened
    page.keyboard.press("Enter")
    assert text.evaluate(EVIDENCE) == cut
    page.emulate_media(media="print")
    printed = page.eval_on_selector_all(".evidence-text", f"texts => texts.map({EVIDENCE})")
    page.close()
    assert printed and all(e["shown"] >= e["whole"] - 1 for e in printed), "evidence cut on paper"
    assert not any(e["toggleShown"] for e in printed), "a button shows on paper"


def test_on_a_phone_a_chapter_s_long_evidence_is_cut_under_its_button(site, browser):
    """At 390 px a chapter's claims are cards: the ranking's longest evidence is cut to a few
    lines under a button that opens it whole, so the section is not dozens of screens long;
    the ledger's cards fold their evidence under a line that names it, with no such button."""
    page = browser.new_page(viewport=PHONE, is_mobile=True)
    page.goto(f"{site}/book/ranking.html")
    wait_until_ready(page)
    text = page.locator("#claim-s4_old_money_flat .evidence-text")
    cut = text.evaluate(EVIDENCE)
    assert cut["whole"] > 2 * cut["shown"] and cut["expanded"] == "false", cut
    assert cut["toggleShown"], cut
    page.locator("#claim-s4_old_money_flat .evidence-toggle").click()
    opened = text.evaluate(EVIDENCE)
    assert opened["expanded"] == "true" and opened["shown"] >= opened["whole"] - 1, opened
    page.goto(f"{site}/{LEDGER}")
    wait_until_ready(page)
    shown = page.eval_on_selector_all(
        ".ledger-table .evidence-toggle",
        "buttons => buttons.filter(b => b.getClientRects().length).length",
    )
    page.close()
    assert shown == 0, f"{shown} evidence buttons show on the ledger's cards"


CARD_CELLS_RULED = """() => [...document.querySelectorAll('.bytebook-table table.cards td')]
  .filter(td => td.getClientRects().length)
  .filter(td => ['Left', 'Right', 'Top', 'Bottom']
    .some(side => parseFloat(getComputedStyle(td)['border' + side + 'Width']) > 0))
  .map(td => td.dataset.th)"""


def test_on_a_phone_no_field_of_a_data_card_is_ruled(site, browser):
    """At 390 px the ranking's data tables are cards: the card has its frame, and no field in
    it a line of its own (the theme's rule between a table's cells had stood as faint lines
    beside each field)."""
    page = browser.new_page(viewport=PHONE, is_mobile=True, color_scheme="dark")
    page.goto(f"{site}/book/ranking.html")
    wait_until_ready(page)
    counted = page.eval_on_selector_all(".bytebook-table table.cards td", "tds => tds.length")
    ruled = page.evaluate(CARD_CELLS_RULED)
    page.close()
    assert counted > 100, counted
    assert not ruled, ruled[:5]


@pytest.mark.parametrize("row", ["s4_old_money_flat", "d_peer_rank_bytedance"])
def test_a_link_to_a_row_opens_its_evidence(site, browser, row):
    """A link landing on a row (an article's claim, or a derived row folded away) shows its
    evidence whole."""
    page = browser.new_page(viewport=LAPTOP)
    page.goto(f"{site}/book/ranking.html#claim-{row}")
    wait_until_ready(page)
    landed = page.locator(f"#claim-{row} .evidence-text").evaluate(EVIDENCE)
    page.close()
    assert landed["expanded"] == "true" and landed["shown"] >= landed["whole"] - 1, landed



OPEN_EVIDENCE = """() => [...document.querySelectorAll(
  'table.ledger-table td[data-th=Evidence] details')].filter(d => d.open).map(d =>
  d.closest('tr').id)"""


def test_on_a_phone_a_link_to_a_ledger_row_opens_that_card_s_evidence(site, browser):
    """On a phone the ledger folds each card's evidence under a line that names it; a link
    that lands on a row (a chapter's badges link there) opens that card's evidence, and no
    other; a link followed within the page opens its card's too."""
    page = browser.new_page(viewport=PHONE, is_mobile=True)
    page.goto(f"{site}/{LEDGER}#claim-t_midea_share")
    wait_until_ready(page)
    landed = page.evaluate(OPEN_EVIDENCE)
    page.evaluate("() => { location.hash = '#claim-t_byd_share'; }")
    page.wait_for_function(
        "() => document.querySelector('#claim-t_byd_share td[data-th=Evidence] details').open",
        timeout=5_000,
    )
    followed = page.evaluate(OPEN_EVIDENCE)
    page.close()
    assert landed == ["claim-t_midea_share"], landed
    assert sorted(followed) == ["claim-t_byd_share", "claim-t_midea_share"], followed

@pytest.mark.parametrize("width", [720, 800, 1000, 1100, 1199])
def test_between_phone_and_laptop_the_ledger_fits_its_box(resized_tab, width):
    """From 701 to 1199 px the ledger (its filters included) is no wider than its box, so no
    line says it scrolls and no fading edge hides the end of its evidence."""
    found = resized_tab(LEDGER, width).evaluate(
        """() => { const box = document.querySelector('table.ledger-table')
        .closest('.bytebook-table');
      return {over: box.scrollWidth - box.clientWidth, scroll: box.dataset.scroll || '',
              cue: getComputedStyle(box, '::before').content}; }"""
    )
    assert found["over"] <= 0 and not found["scroll"] and found["cue"] == "none", found


DATA_CELLS = """() => [...document.querySelectorAll('.bytebook-chart-data table')]
  .filter(table => [...table.tHead.rows[0].cells].some(th => th.textContent === 'Sources'))
  .flatMap(table => [...table.tBodies[0].rows])
  .flatMap(tr => [...tr.querySelectorAll('td')].filter(td => td.getClientRects().length)
    .map(td => ({label: td.dataset.th || td.cellIndex, width: td.getBoundingClientRect().width,
                 row: tr.clientWidth})))"""


def test_on_a_phone_the_ranking_s_chart_data_reads_in_full_width_lines(site, browser):
    """At 390 px the data behind the ranking's by-year charts (Figs. 18 to 24, the tables with a
    Sources column) gives every cell at least 120 px, or the whole width of its row: a year's
    sources read as a line of text, not one word a line."""
    page = browser.new_page(viewport=PHONE, is_mobile=True, color_scheme="dark")
    page.goto(f"{site}/book/ranking.html")
    wait_until_ready(page)
    page.evaluate(OPEN_ALL, ".bytebook-chart-data")
    cells = page.evaluate(DATA_CELLS)
    page.close()
    assert len({c["label"] for c in cells}) >= 6 and len(cells) >= 6 * 12, cells[:6]
    cramped = [c for c in cells if c["width"] < 120 and c["width"] < 0.9 * c["row"]]
    assert not cramped, cramped[:6]


LAST_CARD_RULES = """() => [...document.querySelector('table.ledger-table tbody tr:last-child')
  .querySelectorAll('td')].filter(td => td.getClientRects().length).map(td => {
    const s = getComputedStyle(td);
    return [td.dataset.th, s.borderTopWidth, s.borderRightWidth, s.borderBottomWidth,
            s.borderLeftWidth];
  })"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_ledger_s_last_card_draws_no_rules_inside_it(read_only_tab, scheme):
    """On a phone the ledger's last card, like every other, has no table rules round its
    fields."""
    cells = read_only_tab(LEDGER, PHONE, scheme=scheme).evaluate(LAST_CARD_RULES)
    assert cells
    ruled = [cell for cell in cells if any(width != "0px" for width in cell[1:])]
    assert not ruled, ruled


DATA_COLUMNS = """() => [...document.querySelectorAll('.bytebook-chart-data table')]
  .flatMap(table => [...table.tHead.rows[0].cells].map((th, column) => ({
    head: th.textContent,
    headAlign: getComputedStyle(th).textAlign,
    cells: [...table.tBodies[0].rows].map(tr => tr.cells[column])
      .map(td => [td.textContent.trim(), getComputedStyle(td).textAlign]),
  })))"""
NUMBER = re.compile(r"^[−-]?(\d{1,3}(,\d{3})*|\d+)(\.\d+)?[%×]?$")
"""A number as a chart's data table shows it: digits, thousands set apart by commas, perhaps a
percentage or a multiple."""


@pytest.mark.parametrize("page_path", CHART_PAGES)
def test_on_a_laptop_a_chart_s_numbers_line_up_on_the_right(read_only_tab, page_path):
    """In the data behind a chart, a column of numbers (a year without a figure aside) is set
    flush right, its header with it, so that its digits line up; a column of words stays on the
    left."""
    columns = read_only_tab(page_path, LAPTOP).evaluate(DATA_COLUMNS)
    wrong = []
    for column in columns:
        shown = [(text, align) for text, align in column["cells"] if text != "not found"]
        numbers = bool(shown) and all(NUMBER.match(text) for text, _ in shown)
        want = "right" if numbers else "left"
        aligns = {align for _, align in shown} | {column["headAlign"]}
        if aligns != {want}:
            wrong.append((column["head"], want, sorted(aligns)))
    assert columns and not wrong, wrong
