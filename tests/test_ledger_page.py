"""The ledger as a reader uses it: filters by section name, numbers sort by value, ids stay
whole, the quote stands apart from its gloss, a linked row is marked, the CSV opens in a
spreadsheet with its Chinese intact, and paper shows no controls."""

from __future__ import annotations

import csv
import html
import io
import re
from collections import Counter

import pytest
from test_browser import LAID_OUT, wait_until_ready

from bytebook.article import SECTION_TITLES
from bytebook.paths import DATA_DIR

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1280, "height": 900}


def open_ledger(site, browser, viewport=LAPTOP, scheme="light", anchor: str = ""):
    """A new page on the ledger (at `#anchor` if given), once its table is enhanced."""
    page = browser.new_page(viewport=viewport, color_scheme=scheme)
    page.goto(f"{site}/book/ledger.html{'#' + anchor if anchor else ''}")
    wait_until_ready(page)
    return page


@pytest.fixture
def read_only_ledger(read_only_tab):
    """The ledger on a laptop, loaded once for the tests that only read it."""
    return read_only_tab("book/ledger.html", LAPTOP)


def test_the_csv_downloads_open_in_a_spreadsheet_with_their_chinese(built_book):
    raw = (built_book / "_static" / "data" / "ledger.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark: Excel would garble the Chinese"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    with open(DATA_DIR / "claims.csv", encoding="utf-8") as file:
        quotes = {row["id"]: row["quote_zh"] for row in csv.DictReader(file)}
    shown = {row["id"]: row["quote_zh"] for row in rows if row["id"] in quotes}
    assert shown == quotes


def test_the_section_filter_names_the_sections(read_only_ledger):
    panes = read_only_ledger.eval_on_selector_all(
        ".dtsp-searchPane",
        "panes => panes.map(p => [(p.querySelector('input') || {}).placeholder, p.innerText])",
    )
    section_pane = next(text for name, text in panes if name == "Section")
    assert "2.1 Codec and CDN" in section_pane and SECTION_TITLES["4"] in section_pane


PANE_LISTS = """() => [...document.querySelectorAll('.dtsp-searchPane .dt-scroll-body')].map(
  list => ({shown: list.clientHeight, whole: list.scrollHeight,
    options: [...list.querySelectorAll('tbody tr')].reduce((sum, row) => sum + row.offsetHeight, 0),
    count: list.querySelectorAll('tbody tr').length}))"""


def test_each_filter_lists_all_its_options_and_no_empty_room(read_only_ledger, ledger_rows):
    """A filter's list is as tall as its options: the sections' list had cut its seventh
    option in half (it scrolled), while the kinds' two options sat in a list as tall as it.
    The sections' list holds one option for each section the ledger's rows name."""
    lists = read_only_ledger.evaluate(PANE_LISTS)
    assert lists[0]["count"] == len({row["section"] for row in ledger_rows})
    for pane in lists:
        assert pane["whole"] <= pane["shown"] + 1, lists
        assert pane["shown"] <= pane["options"] + 2, lists


def _sorted_ids(page, header: str) -> list[str]:
    page.locator(f"table.ledger-table thead th.col-{header}").click()
    page.wait_for_timeout(300)
    return page.eval_on_selector_all("table.ledger-table tbody tr", "rows => rows.map(r => r.id)")


def _unit_group(unit: str) -> int:
    """The test's own order of kinds: yuan amounts, then dollar amounts, then the rest."""
    if unit.startswith("CNY") and unit != "CNY/USD":
        return 0
    return 1 if unit.startswith("USD") else 2


@pytest.mark.parametrize("column", ["stated", "recomputed"])
def test_sorting_a_number_column_follows_the_numbers_within_each_unit(
    site, browser, ledger_rows, column
):
    """Either way, blank cells come last; each unit's rows stand together (yuan amounts before
    dollar amounts, never 1 trillion parameters beside 3,100亿元), and within a unit the values
    rise, or fall when sorted the other way."""
    rows = {f"claim-{row['id']}": row for row in ledger_rows}
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/book/ledger.html")
    wait_until_ready(page)
    rising, falling = _sorted_ids(page, column), _sorted_ids(page, column)
    page.close()
    for order, sign in ((rising, 1), (falling, -1)):
        assert len(order) == len(rows)
        filled = [rows[i] for i in order if rows[i][column]]
        assert all(not rows[i][column] for i in order[len(filled) :]), "a blank cell sorts first"
        units = [row["unit"] for row in filled]
        runs = [unit for n, unit in enumerate(units) if n == 0 or unit != units[n - 1]]
        assert len(runs) == len(set(runs)), f"a unit's rows are split: {runs}"
        groups = [_unit_group(unit) for unit in runs]
        assert groups == sorted(groups), runs
        for unit in runs:
            values = [sign * float(row[column]) for row in filled if row["unit"] == unit]
            assert values == sorted(values), (unit, values)
    assert len(runs) > 5 and rising != falling


def test_ids_quotes_and_a_linked_row(site, browser):
    page = open_ledger(site, browser, anchor="claim-s21_bitrate_upload")
    style = page.evaluate(
        """() => {
      const row = document.getElementById('claim-s21_bitrate_upload');
      const code = row.querySelector('td > a > code');
      const quote = row.querySelector('.claim-quote'), gloss = row.querySelector('.claim-gloss');
      return {
        wrap: getComputedStyle(code).overflowWrap,
        breaks: code.querySelectorAll('wbr').length,
        quoteDisplay: getComputedStyle(quote).display,
        glossStyle: getComputedStyle(gloss).fontStyle,
        quoteStyle: getComputedStyle(quote).fontStyle,
        marked: getComputedStyle(row.querySelector('td')).backgroundColor,
        other: getComputedStyle(row.nextElementSibling.querySelector('td')).backgroundColor,
      };
    }"""
    )
    page.close()
    assert style["wrap"] == "normal" and style["breaks"] == 2  # s21_<wbr>bitrate_<wbr>upload
    assert style["quoteDisplay"] == "block" and style["glossStyle"] != style["quoteStyle"]
    assert style["marked"] != style["other"], "the row the link lands on is not marked"


def test_paper_shows_no_sliders_or_disclosure_controls(site, browser):
    """No slider, no folded block and no line that folds one; a chapter's derived rows, folded
    on screen, are printed without theirs."""
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    page.goto(f"{site}/book/economics.html")
    wait_until_ready(page)
    page.emulate_media(media="print")
    shown = page.evaluate(
        "() => [...document.querySelectorAll('.vega-bindings, details:not(.derived-rows), "
        "details.derived-rows > summary, .bytebook-downloads')]"
        ".filter(e => getComputedStyle(e).display !== 'none').length"
    )
    page.close()
    assert shown == 0


def test_the_claims_table_is_a_list_of_cards_on_a_phone(site, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(f"{site}/book/economics.html")
    wait_until_ready(page)
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('table.chapter-claims tbody tr')].map(row => {
      const claim = row.querySelector('td[data-th=Claim]').getBoundingClientRect();
      const verdict = row.querySelector('td[data-th=Verdict]').getBoundingClientRect();
      return Math.max(claim.right, verdict.right);
    })"""
    )
    page.close()
    assert boxes and max(boxes) <= 390, boxes


PANE_PILLS = """name => {
  const pane = [...document.querySelectorAll('.dtsp-searchPane')]
    .find(p => (p.querySelector('input') || {}).placeholder === name);
  return [...pane.querySelectorAll('tbody tr:has(.dtsp-name)')].map(row => [
    row.querySelector('.dtsp-name').innerText.trim(),
    row.querySelector('.dtsp-pill').innerText.trim(),
  ]);
}"""
"""Each option of the filter named `name`, with the count its pill shows: '7', or, once
anything narrows the rows, the rows shown and the option's total, '0 (7)'."""


def pane_counts(page, name: str) -> dict[str, int]:
    """The filter `name`'s options and their counts, with nothing chosen."""
    return {option: int(pill) for option, pill in page.evaluate(PANE_PILLS, name)}


def test_the_verdict_filter_counts_the_claims_the_summary_counts(
    site, browser, read_only_ledger, ledger_rows
):
    """The ledger's verdict filter and the summary's scorecard count the article's printed claims
    alike; both are held to counts made here from the ledger command's rows."""
    expected = Counter(row["verdict"] for row in ledger_rows if row["kind"] == "stated")
    pane = pane_counts(read_only_ledger, "Verdict")
    kinds = pane_counts(read_only_ledger, "Kind")
    page = browser.new_page(viewport=LAPTOP)
    page.goto(f"{site}/book/summary.html")
    card = page.evaluate(
        """() => {
      const table = document.querySelector('table.counts');
      const names = [...table.querySelectorAll('thead th')].map(th => th.innerText.trim());
      const rows = [...table.querySelectorAll('tbody tr')].map(
        tr => [...tr.querySelectorAll('td')].map(td => td.innerText.trim()));
      return {names, rows};
    }"""
    )
    prose = page.locator("p", has_text="printed numbers and claims").inner_text()
    page.close()
    assert pane == expected
    assert kinds == {
        "stated": sum(expected.values()),
        "derived": len(ledger_rows) - sum(expected.values()),
    }
    column = {name: index for index, name in enumerate(card["names"])}
    summed = {v: sum(int(row[column[v]]) for row in card["rows"]) for v in expected}
    assert summed == expected
    assert sum(int(row[column["Total"]]) for row in card["rows"]) == sum(expected.values())
    assert f"Of the article’s {sum(expected.values())} printed numbers" in prose


def test_the_verdict_filter_lists_the_verdicts_in_the_book_s_order(read_only_ledger, ledger_rows):
    """The verdict filter lists the verdicts as the summary and the methods do, consistent first
    and unverifiable last (the order of `Verdict`), not alphabetically, where 'contradicted'
    came second; and choosing one still shows its rows."""
    from bytebook.policy import Verdict

    found = {row["verdict"] for row in ledger_rows if row["kind"] == "stated"}
    listed = list(pane_counts(read_only_ledger, "Verdict"))
    assert listed == [verdict.value for verdict in Verdict if verdict.value in found]
    assert listed != sorted(listed)


def judged_by_a_source(row: dict[str, str]) -> bool:
    """Whether the book could test a row: its verdict says more than unverifiable."""
    return row["verdict"] not in ("", "unverifiable")


def test_a_derived_row_carries_a_neutral_badge(read_only_ledger, ledger_rows):
    derived = {row["id"] for row in ledger_rows if row["kind"] == "derived"}
    working = {row["id"] for row in ledger_rows if row["kind"] == "derived" and not row["verdict"]}
    badges = read_only_ledger.evaluate(
        """() => Object.fromEntries(
      [...document.querySelectorAll('table.ledger-table tbody tr')].map(tr => [
        tr.id.replace('claim-', ''),
        [...tr.querySelectorAll('td[data-th=Verdict] .verdict')].map(b => b.innerText.trim()),
      ]))"""
    )
    assert working and working < derived
    assert {i for i, shown in badges.items() if shown[:1] == ["derived"]} == derived
    assert all(badges[i] == ["derived"] for i in working), "a step of arithmetic shows a verdict"
    tested = {row["id"] for row in ledger_rows if row["id"] in derived and judged_by_a_source(row)}
    assert tested and all(len(badges[i]) == 2 for i in tested), "a tested row lost its verdict"
    assert all(badges[i] == ["derived"] for i in derived - tested)


def test_the_ledger_is_marked_ready_only_once_styled(site, browser):
    """However slowly the table library's style sheet arrives, the table is not marked enhanced
    (which screenshots and tests wait for) before it has."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="dark")

    def slow(route):
        page.wait_for_timeout(1500)
        route.continue_()

    page.route("**/dt_bundle.css", slow)
    page.goto(f"{site}/book/ledger.html")
    page.wait_for_selector("table.ledger-table[data-enhanced=true]")
    styled = page.evaluate(
        "() => [...document.styleSheets].some(s => (s.href || '').endsWith('dt_bundle.css'))"
    )
    page.close()
    assert styled


ROW_IN_THE_MIDDLE = """() => {
  const row = document.elementFromPoint(innerWidth / 2, innerHeight / 2).closest('tr');
  return [row.id, row.getBoundingClientRect().top];
}"""


def _scrolled_into_the_plain_rows(site, browser):
    """A laptop's tab on the ledger with its table library held back, scrolled until a row far
    down is in the middle of the screen: the tab, the held request, and that row's id and top."""
    page = browser.new_page(viewport=LAPTOP)
    held = []
    page.route("**/dt_bundle.js", lambda route: held.append(route))
    page.goto(f"{site}/book/ledger.html", wait_until="domcontentloaded")
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the ledger never asked for its table library"
    page.eval_on_selector_all(
        "table.ledger-table tbody tr", "rows => rows[100].scrollIntoView({block: 'center'})"
    )
    row, top = page.evaluate(ROW_IN_THE_MIDDLE)
    assert page.evaluate("scrollY") > 0 and row
    return page, held[0], row, top


def _top_of(page, row: str) -> float:
    return page.evaluate(f"document.getElementById({row!r}).getBoundingClientRect().top")


def test_a_reader_scrolled_into_the_plain_rows_keeps_the_place_as_the_table_is_enhanced(
    site, browser
):
    """The rows leave the layout while the table library sets up, which shortens the page; a
    reader who had scrolled into the rows before finds the row in the middle of the screen
    where it was once the table is enhanced, not wherever the shortened page left the screen."""
    page, library, row, top = _scrolled_into_the_plain_rows(site, browser)
    library.continue_()
    page.wait_for_selector("table.ledger-table[data-enhanced=true]")
    after = _top_of(page, row)
    page.close()
    assert abs(after - top) <= 2, (row, top, after)


BROKEN_TABLE_LIBRARY = """
export default function DataTable() { throw new Error("broken on purpose"); }
DataTable.ext = { type: { order: {} } };
"""
"""A stand-in for the table library whose table fails as it is set up."""


def test_a_ledger_the_table_library_fails_to_enhance_still_shows_every_row_in_place(
    site, browser, ledger_rows
):
    """If setting the table up fails once its rows have left the layout, they come back plain,
    the row a reader had scrolled to where it was, and the failure is named in the console."""
    page, library, row, top = _scrolled_into_the_plain_rows(site, browser)
    with page.expect_console_message(lambda message: message.type == "error") as error:
        library.fulfill(content_type="text/javascript", body=BROKEN_TABLE_LIBRARY)
    shown = page.eval_on_selector_all(
        "table.ledger-table tbody tr", "rows => rows.filter(r => r.offsetHeight > 0).length"
    )
    rows = page.locator("table.ledger-table tbody tr").count()
    enhanced = page.locator("table.ledger-table[data-enhanced]").count()
    after = _top_of(page, row)
    page.close()
    assert "could not be enhanced: Error: broken on purpose" in error.value.text
    assert rows == len(ledger_rows) and shown == rows, f"{shown} of {rows} rows shown"
    assert enhanced == 0
    assert abs(after - top) <= 2, (row, top, after)


def test_the_filters_say_in_words_what_they_do(site, browser):
    """No "Filters Active - 0" while no filter is in use, a count in words once one is, and
    each of a filter's icon buttons named in words (for a screen reader and as a tooltip)."""
    page = open_ledger(site, browser)
    title = page.locator(".dtsp-title").inner_text().strip()
    buttons = page.eval_on_selector_all(
        ".dtsp-searchPane button",
        "bs => bs.filter(b => b.offsetWidth).map(b => [b.title, b.getAttribute('aria-label')])",
    )
    page.locator(".dtsp-searchPane").first.locator("tbody tr").first.click()
    page.wait_for_timeout(300)
    in_use = page.locator(".dtsp-title").inner_text().strip()
    page.close()
    assert title == "", f"the filters' title reads {title!r} with none in use"
    assert in_use == "1 filter in use"
    assert len(buttons) >= 9, buttons
    for tooltip, label in buttons:
        assert tooltip and tooltip == label and re.search(r"[a-z]{4} ", tooltip), tooltip


def test_the_introduction_speaks_of_the_filters_only_on_screen(built_book):
    """Paper shows no filter panes, so the sentence that mentions them says it is on screen."""
    page = (built_book / "book" / "ledger.html").read_text(encoding="utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    sentences = [s for s in re.split(r"(?<=\.) ", text) if "panes" in s]
    assert sentences and all(s.startswith("On screen,") for s in sentences), sentences


TITLED = """() => ({
  derived: [...document.querySelectorAll('table.claims .verdict-derived')].map(b => b.title),
  links: [...document.querySelectorAll('table.claims tbody > tr > td:first-child > a')]
    .map(a => [a.getAttribute('href').split('.html')[0], a.title]),
})"""


@pytest.mark.parametrize("name", ["ledger", "ranking"])
def test_a_badge_s_and_a_link_s_title_is_written_once_and_shown_on_each(
    site, browser, ledger_rows, name
):
    """A derived badge's long title, and each row link's, is written once on its table
    (bytebook.present._titles), not on each of some hundred rows; on the page every derived
    badge and every row's link still shows its title on hover (bytebook-tables.js)."""
    from bytebook.chapters import chapter_of_section
    from bytebook.present import DERIVED_TITLE

    page = browser.new_page(viewport=LAPTOP)
    raw = page.goto(f"{site}/book/{name}.html").text()
    wait_until_ready(page)
    titled = page.evaluate(TITLED)
    page.close()
    rows = [r for r in ledger_rows if name == "ledger" or chapter_of_section(r["section"]) == name]
    derived = [r for r in rows if r["kind"] == "derived"]
    assert raw.count(html.escape(DERIVED_TITLE)) <= 2, "the title is written on each badge"
    assert len(titled["derived"]) == len(derived) > 10
    assert set(titled["derived"]) == {DERIVED_TITLE}
    assert len(titled["links"]) == len(rows)
    for target, title in titled["links"]:
        if name == "ledger":
            assert title == f"Where this claim is checked: {target}"
        else:
            assert (target, title) == ("ledger", "This claim in the ledger")


HEADER_BOXES = """ths => ths.map(th => {
  const box = th.getBoundingClientRect();
  return [th.innerText.trim(), box.left, box.right, box.height];
})"""


def test_a_phone_sorts_the_ledger_by_its_column_headers(site, browser):
    """On a phone the ledger is a list of cards, and its column headers stay above them as a row
    of buttons, each whole on the screen and tall enough to tap (24 px, WCAG 2.2's least target
    size); tapping "Stated" sorts the cards by it, as a click on its header does on a laptop,
    and outlines its button in the theme's colour (its small arrow alone barely showed it). The
    search box above them spans the column after its label, which starts at the cards' left
    edge (the two had sat centred, a gap on the left), and the filter panes span it too (they
    stopped 7 px short of the cards' right edge)."""
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(f"{site}/book/ledger.html")
    wait_until_ready(page)
    headers = page.eval_on_selector_all("table.ledger-table thead th", HEADER_BOXES)
    before = page.eval_on_selector_all("table.ledger-table tbody tr", "rows => rows.map(r => r.id)")
    after = _sorted_ids(page, "stated")
    outlines = page.eval_on_selector_all(
        "table.ledger-table thead th:is(.col-stated, .col-id)",
        "cells => cells.map(c => [c.className.split(' ')[0], getComputedStyle(c).borderTopColor])",
    )
    primary = page.evaluate(
        "() => { const probe = document.createElement('i'); document.body.append(probe);"
        " probe.style.color = 'var(--pst-color-primary)';"
        " const colour = getComputedStyle(probe).color; probe.remove(); return colour; }"
    )
    search = page.evaluate(
        "() => ['.dt-search label', '.dt-search input', 'table.ledger-table', '.dtsp-searchPane']"
        ".map("
        "s => { const r = document.querySelector(s).getBoundingClientRect();"
        " return [r.left, r.right]; })"
    )
    page.close()
    (label_left, _), (_, input_right), (cards_left, cards_right), pane = search
    assert label_left == pytest.approx(cards_left, abs=1), search
    assert input_right == pytest.approx(cards_right, abs=1), search
    assert pane == pytest.approx([cards_left, cards_right], abs=1), search
    assert {"Id", "Verdict", "Claim", "Stated", "Recomputed", "Evidence"} <= {h[0] for h in headers}
    narrow = [h for h in headers if h[1] < 0 or h[2] > 390 or h[3] < 24]
    assert not narrow, narrow
    assert sorted(after) == sorted(before) and after != before
    outline = dict(outlines)
    assert outline["col-stated"] == primary != outline["col-id"], (outline, primary)


def test_a_phone_s_search_that_matches_nothing_says_so_across_the_card(site, browser):
    """A search matching no row leaves one cell, "No matching records found": on a phone it
    spans the card, as the fields of a row do, rather than a sixth of it (one word a line)."""
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(f"{site}/book/ledger.html")
    wait_until_ready(page)
    page.locator("div.dt-search input[type=search]").first.fill("zzzqqq")
    page.wait_for_selector("table.ledger-table td.dt-empty")
    cell, row = (
        page.locator(selector).first.bounding_box()
        for selector in ("table.ledger-table td.dt-empty", "table.ledger-table tbody tr")
    )
    page.close()
    assert cell["width"] > 0.8 * row["width"], (cell, row)


FOCUSED = """() => { const e = document.activeElement; const pane = e.closest('.dtsp-searchPane');
  return { tag: e.tagName, text: e.textContent.trim(), pressed: e.getAttribute('aria-pressed'),
           pane: pane ? pane.querySelector('input').placeholder : '',
           outline: getComputedStyle(e).outlineStyle }; }"""
"""What has the keyboard's focus: its tag, text, pressed state, filter and outline."""

ROWS_SHOWN = "() => document.querySelectorAll('table.ledger-table tbody tr').length"


def test_a_filter_is_chosen_and_cleared_from_the_keyboard(site, browser, ledger_rows):
    """Tab reaches each filter's options as one stop, the arrow keys move among them, Enter
    chooses one (the table then shows the claims with that verdict, counted here from the ledger
    command's rows) and Space clears it; the option keeps the focus, with a ring, throughout."""
    contradicted = sum(
        1 for row in ledger_rows if row["kind"] == "stated" and row["verdict"] == "contradicted"
    )
    page = open_ledger(site, browser)
    everything = page.evaluate(ROWS_SHOWN)
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "TR" and focused["pane"] == "Verdict":
            break
    else:
        pytest.fail("Tab never reached the verdict filter's options")
    for _ in range(10):
        if page.evaluate(FOCUSED)["text"].startswith("contradicted"):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => ({ROWS_SHOWN})() === {contradicted}")
    chosen = page.evaluate(FOCUSED)
    page.keyboard.press(" ")
    page.wait_for_function(f"() => ({ROWS_SHOWN})() === {everything}")
    cleared = page.evaluate(FOCUSED)
    page.close()
    assert everything == len(ledger_rows) and contradicted > 0
    assert chosen["text"].startswith("contradicted") and chosen["pressed"] == "true"
    assert cleared["text"].startswith("contradicted") and cleared["pressed"] == "false"
    assert chosen["outline"] == cleared["outline"] == "solid"


def test_space_on_a_column_s_sort_sorts_it_and_leaves_the_page_where_it_was(site, browser):
    """Enter and Space both work a button: Space on a sort no longer scrolls the page."""
    page = open_ledger(site, browser)
    sort = page.locator("table.ledger-table thead th").first.locator(".dt-column-order")
    sort.focus()
    before = page.evaluate("[scrollY, document.querySelector('table.ledger-table tbody tr').id]")
    page.keyboard.press(" ")
    page.wait_for_timeout(300)
    after = page.evaluate("[scrollY, document.querySelector('table.ledger-table tbody tr').id]")
    ring = page.evaluate(
        "() => getComputedStyle(document.activeElement.closest('th')).outlineStyle"
    )
    page.close()
    assert after[0] == before[0] and after[1] != before[1], (before, after)
    assert ring == "solid"


def test_a_table_box_is_a_tab_stop_only_while_it_scrolls(site, browser):
    """On a laptop the ledger's box does not scroll sideways: Tab passes it by. At 800 px the
    sources' table does, and its box takes the focus so a keyboard can scroll it."""
    page = open_ledger(site, browser)
    ledger_box = page.evaluate(
        "() => document.querySelector('table.ledger-table').closest('.bytebook-table').tabIndex"
    )
    page.close()
    narrow = browser.new_page(viewport={"width": 800, "height": 900})
    narrow.goto(f"{site}/book/sources.html")
    narrow.wait_for_selector(".bytebook-table[data-scroll]")  # marked once laid out
    boxes = narrow.evaluate(
        "() => [...document.querySelectorAll('.bytebook-table')].map(b => "
        "[b.scrollWidth > b.clientWidth + 1, b.tabIndex])"
    )
    narrow.close()
    assert ledger_box == -1
    assert any(scrolls for scrolls, _ in boxes), boxes
    assert all((stop == 0) == scrolls for scrolls, stop in boxes), boxes


def test_a_filter_s_no_match_line_is_not_an_option(site, browser):
    """A filter searched for a word it lacks says "No matching records found" in its list: that
    line is not a button to press."""
    page = open_ledger(site, browser)
    page.locator(".dtsp-searchPane input").nth(1).fill("zzzz")
    empty = page.locator(".dtsp-searchPane").nth(1).locator("td.dt-empty")
    empty.wait_for()
    row = empty.evaluate(
        "td => [td.parentElement.getAttribute('role'), td.parentElement.getAttribute('tabindex')]"
    )
    page.close()
    assert row == [None, None]


def test_with_only_derived_rows_chosen_each_verdict_counts_none_of_its_claims(
    site, browser, ledger_rows
):
    """Derived rows are not counted in the verdict filter (the introduction says so): with only
    they chosen, the filter keeps every verdict, each showing 0 rows of its total of the
    article's own numbers."""
    totals = Counter(row["verdict"] for row in ledger_rows if row["kind"] == "stated")
    page = open_ledger(site, browser)
    verdicts = page.locator(".dtsp-searchPane").nth(2)
    verdicts.evaluate(
        "pane => { pane.dataset.before = pane.querySelector('.dtsp-pill').innerText.trim(); }"
    )
    page.locator(".dtsp-searchPane").nth(1).locator("tbody tr", has_text="derived").click()
    page.wait_for_function(
        "pane => !pane.querySelector('.dtsp-pill') || pane.querySelector('.dtsp-pill')"
        ".innerText.trim() !== pane.dataset.before",
        arg=verdicts.element_handle(),
    )
    pills = dict(page.evaluate(PANE_PILLS, "Verdict"))
    page.close()
    assert pills == {verdict: f"0 ({count})" for verdict, count in totals.items()}


def test_a_search_leaves_the_chosen_filters_as_they_are(site, browser, ledger_rows):
    """A word searched for that no row of the chosen verdict holds shows no row, with the
    filter still chosen; it does not drop the filter and show rows of other verdicts (filters
    that count each other's choices dropped it). Clearing the search brings the verdict's rows
    back."""
    word = "CapCut"
    contradicted = [
        row for row in ledger_rows if row["verdict"] == "contradicted" and row["kind"] == "stated"
    ]
    assert contradicted and not any(word in " ".join(row.values()) for row in contradicted)
    assert any(word in " ".join(row.values()) for row in ledger_rows)
    page = open_ledger(site, browser)
    page.locator(".dtsp-searchPane .verdict-contradicted").first.click()
    shown = "table.ledger-table tbody tr:not(:has(td.dt-empty))"
    page.wait_for_function(
        f"n => document.querySelectorAll({shown!r}).length === n", arg=len(contradicted)
    )
    page.locator(".dt-search input").fill(word)
    page.wait_for_function(
        f"n => document.querySelectorAll({shown!r}).length !== n", arg=len(contradicted)
    )
    found = page.eval_on_selector_all(
        f"{shown} td[data-th=Verdict]", "cells => cells.map(c => c.dataset.pane)"
    )
    in_use = page.locator(".dtsp-title").inner_text().strip()
    page.locator(".dt-search input").fill("")
    page.wait_for_function(
        f"n => document.querySelectorAll({shown!r}).length !== n", arg=len(found)
    )
    verdicts = page.eval_on_selector_all(
        f"{shown} td[data-th=Verdict]", "cells => cells.map(c => c.dataset.pane)"
    )
    page.close()
    assert found == [], f"the search showed rows of other verdicts: {Counter(found)}"
    assert in_use == "1 filter in use"
    assert set(verdicts) == {"contradicted"}


def test_without_javascript_a_phone_shows_no_sort_buttons(site, browser):
    """Without JavaScript nothing sorts the ledger, so a phone shows its cards without the row
    of "Sort by" buttons the table library would answer; with it, the row is there."""
    heights = {}
    for scripts in (False, True):
        context = browser.new_context(
            java_script_enabled=scripts, viewport={"width": 390, "height": 800}, is_mobile=True
        )
        page = context.new_page()
        page.goto(f"{site}/book/ledger.html")
        if scripts:
            page.wait_for_selector("table.ledger-table[data-enhanced=true]")
        heights[scripts] = page.evaluate(
            "document.querySelector('table.ledger-table thead').getBoundingClientRect().height"
        )
        context.close()
    assert heights[False] <= 1, heights
    assert heights[True] > 10, heights


PHONE = {"width": 390, "height": 844}

FOCUS_GOING_UP = """() => {
  const reachable = 'a[href], summary, button, input, [tabindex="0"]';
  const backwards = [];
  for (const row of document.querySelectorAll('table.ledger-table tbody tr')) {
    let lowest = -Infinity;
    for (const control of row.querySelectorAll(reachable)) {
      const box = control.getBoundingClientRect();
      if (!box.height) { continue; }
      if (box.top < lowest - 2) { backwards.push(row.id + ': ' + control.textContent.trim()); }
      lowest = Math.max(lowest, box.top);
    }
  }
  return backwards;
}"""
"""Each card's controls in the order the keyboard reaches them (the document's): one that lies
above a control reached before it sends the focus back up the card."""


def test_on_a_phone_the_keyboard_moves_down_each_card(site, browser):
    """On a phone each row is a card; Tab reaches its links and its folded evidence from the top
    of the card to its foot, in the order they are read."""
    page = browser.new_page(viewport=PHONE, is_mobile=True)
    page.goto(f"{site}/book/ledger.html")
    wait_until_ready(page)
    backwards = page.evaluate(FOCUS_GOING_UP)
    rows = page.evaluate("document.querySelectorAll('table.ledger-table tbody tr').length")
    page.close()
    assert rows > 200
    assert not backwards, backwards[:5]


def test_each_filter_s_magnifier_is_named_for_what_it_does(site, browser):
    """The magnifier beside a filter's search box puts the focus in that box: its name, read
    aloud and shown as its tooltip, says so, and promises no clearing."""
    page = open_ledger(site, browser)
    names = []
    for pane in page.locator(".dtsp-searchPane").all():
        button = pane.locator("button.dtsp-searchIcon")
        names.append(button.get_attribute("aria-label"))
        assert button.get_attribute("title") == names[-1]
        button.click()
        assert pane.locator("input").evaluate("box => box === document.activeElement")
    page.close()
    assert len(names) == 3
    assert all(name.startswith("Search this filter: ") for name in names), names


PANES_TOP = "document.querySelector('.dtsp-searchPanes').getBoundingClientRect().top"


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_choosing_a_filter_leaves_the_filters_where_they_are(site, browser, viewport):
    """The title that counts the filters in use appears with the first choice; the filters
    under the reader's pointer or finger stay where they were."""
    page = browser.new_page(viewport=viewport, is_mobile=viewport is PHONE)
    page.goto(f"{site}/book/ledger.html")
    wait_until_ready(page)
    verdicts = page.locator(".dtsp-searchPane").nth(2)
    if viewport is PHONE:  # the filters start folded on a phone
        verdicts.locator(".dtsp-topRow").click()
    before = page.evaluate(PANES_TOP)
    verdicts.locator("tbody tr", has_text="contradicted").click()
    page.wait_for_function("() => document.querySelector('.dtsp-title').textContent !== ''")
    after = page.evaluate(PANES_TOP)
    page.close()
    assert abs(after - before) < 1, f"the filters moved {after - before:.0f} px"


SECTION_LINES = """() => {
  const broken = [];
  const letter = /\\p{L}/u;
  const segmenter = new Intl.Segmenter('zh', {granularity: 'word'});
  for (const cell of document.querySelectorAll('table.sections-under-ids td[data-th="Id"]')) {
    const label = getComputedStyle(cell, '::after');
    const copy = document.createElement('div');
    for (const name of ['fontSize', 'fontFamily', 'wordBreak', 'overflowWrap', 'lineHeight',
                        'marginRight']) {
      copy.style[name] = label[name];
    }
    copy.textContent = cell.dataset.section;
    cell.appendChild(copy);
    const text = copy.firstChild, range = document.createRange();
    const shown = [...text.data.matchAll(/[^\\u200b]/gu)].map(m => {
      range.setStart(text, m.index); range.setEnd(text, m.index + 1);
      return [m[0], range.getBoundingClientRect().top];
    });
    copy.remove();
    const name = shown.map(([c]) => c).join('');
    const starts = new Set([...segmenter.segment(name)].map(s => s.index));
    const number = name.match(/^[\\d.]+\\s(?=\\p{Script=Han})/u);
    if (number && shown[number[0].length][1] > shown[0][1] + 1) {
      broken.push(name + ': its number alone');
    }
    for (let i = 1; i < shown.length; i++) {
      const apart = shown[i][1] > shown[i - 1][1] + 1;
      if (apart && letter.test(shown[i - 1][0]) && letter.test(shown[i][0]) && !starts.has(i)) {
        broken.push(name + ': inside a word');
      }
    }
  }
  return [...new Set(broken)];
}"""
"""The sections whose name, set under an id as the page sets it (the label's font and line
breaking, at the cell's width), breaks inside a word (a Chinese word, as the browser's own
word breaker cuts 海外营收排行榜, or an English one: Recommender), or leaves its number alone
on the first line before a Chinese name ('4' over 海外营收排行榜), which could break after its
first word instead. An English word too wide to follow its number ('2.2' over Recommender)
takes a line of its own."""


def test_a_section_s_name_under_an_id_is_never_broken_mid_word(read_only_ledger):
    assert read_only_ledger.evaluate("document.querySelectorAll('table.sections-under-ids').length")
    assert not read_only_ledger.evaluate(SECTION_LINES)


FOCUSED_BUTTON_RING = """() => {
  const button = document.activeElement;
  return button.matches('.dtsp-searchPane button')
    ? [button.className, getComputedStyle(button).outlineStyle] : null;
}"""


def test_the_keyboard_sees_where_it_is_on_every_filter_button(site, browser):
    """On a phone the filters' buttons the keyboard stops on, greyed out or not, show a ring."""
    page = browser.new_page(viewport=PHONE, is_mobile=True)
    page.goto(f"{site}/book/ledger.html")
    wait_until_ready(page)
    page.locator(".dtsp-searchPanes").evaluate("panes => panes.scrollIntoView()")
    page.locator(".dtsp-clearAll").focus()
    rings = []
    for _ in range(20):
        page.keyboard.press("Tab")
        if found := page.evaluate(FOCUSED_BUTTON_RING):
            rings.append(found)
    page.close()
    assert any("dtsp-disabledButton" in name for name, _ in rings), rings
    assert all(style != "none" for _, style in rings), rings


HEADERS_IN_SIGHT = """() => {
  const bar = document.querySelector('.bd-header-article').getBoundingClientRect();
  return [...document.querySelectorAll('table.ledger-table thead th')]
    .filter(th => th.getClientRects().length)
    .map(th => {
      const box = th.getBoundingClientRect();
      const seen = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return {name: th.textContent.trim(), top: box.top, bottom: box.bottom, bar: bar.bottom,
              seen: th.contains(seen)};
    });
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_laptop_the_column_names_stay_in_sight_down_the_ledger(site, browser, scheme):
    """Halfway down the ledger's rows, every column's name is on screen just under the page's
    header, drawn over the rows (not behind them); a link to a row lands below the names."""
    page = open_ledger(site, browser, scheme=scheme)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    page.evaluate(LAID_OUT)
    heads = page.evaluate(HEADERS_IN_SIGHT)
    page.close()
    assert {"Id", "Verdict", "Stated", "Recomputed", "Evidence"} <= {h["name"] for h in heads}
    misplaced = [h for h in heads if abs(h["top"] - h["bar"]) > 1 or not h["seen"]]
    assert not misplaced, misplaced
    landed = open_ledger(site, browser, scheme=scheme, anchor="claim-s3_live_take")
    target = "document.getElementById('claim-s3_live_take').getBoundingClientRect()"
    row = landed.evaluate(target)["top"]
    under = max(h["bottom"] for h in landed.evaluate(HEADERS_IN_SIGHT))
    landed.close()
    assert under <= row < 900, (row, under)


NO_SCRIPT_COLUMNS = """() => Object.fromEntries(
  [...document.querySelectorAll('table.ledger-table thead th')]
    .filter(th => th.getClientRects().length)
    .map(th => [th.textContent.trim(), th.getBoundingClientRect().width]))"""


@pytest.mark.parametrize("width", [800, 1280])
def test_without_javascript_the_ledger_gives_the_claim_and_the_evidence_room(site, browser, width):
    """Without the table script the Section column stays and the Kind column goes (each derived
    row's badge says it); the claim had no width at all and ran over the Stated column. Every
    column keeps room for its words, and the box scrolls sideways where the table is wider."""
    screen = {"width": width, "height": 900}
    context = browser.new_context(java_script_enabled=False, viewport=screen)
    page = context.new_page()
    page.goto(f"{site}/book/ledger.html")
    widths = page.evaluate(NO_SCRIPT_COLUMNS)
    sideways = page.evaluate(
        "getComputedStyle(document.querySelector('table.ledger-table').closest('.bytebook-table'))"
        ".overflowX"
    )
    context.close()
    assert "Kind" not in widths and "Section" in widths, widths
    assert widths["Claim"] >= 100 and widths["Evidence"] >= 180, widths
    assert sideways == "auto"


SEARCHED_IDS = """words => {
  const input = document.querySelector('.dt-search input');
  input.value = words;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  return [...document.querySelectorAll('table.ledger-table tbody tr[id]')]
    .map(row => row.id.replace('claim-', ''));
}"""
"""The ids of the rows the ledger's search box shows for `words`."""


def test_a_search_by_a_company_s_chinese_name_finds_the_rows_its_english_name_finds(
    site, browser, ledger_rows
):
    """A Chinese reader searching 联想 finds every row about Lenovo, not only the few whose
    quote prints 联想: each row that names the company in English or in Chinese."""
    page = open_ledger(site, browser)
    found = {words: set(page.evaluate(SEARCHED_IDS, words)) for words in ("联想", "Lenovo")}
    page.close()
    naming = {
        row["id"]
        for row in ledger_rows
        if re.search(r"\bLenovo\b|联想", row["claim_en"] + row["quote_zh"] + row["evidence"])
    }
    assert len(naming) > 10, naming
    assert naming <= found["联想"], sorted(naming - found["联想"])
    assert found["Lenovo"] <= found["联想"], sorted(found["Lenovo"] - found["联想"])
