"""The ledger as a reader uses it: filters by section name, numbers sort by value, ids stay
whole, the quote stands apart from its gloss, a linked row is marked, the CSV opens in a
spreadsheet with its Chinese intact, and paper shows no controls."""

from __future__ import annotations

import csv
import io

import pytest
from test_browser import wait_until_ready

from bytebook.article import SECTION_TITLES
from bytebook.paths import DATA_DIR

pytestmark = pytest.mark.browser


def test_the_csv_downloads_open_in_a_spreadsheet_with_their_chinese(built_book):
    raw = (built_book / "_static" / "data" / "ledger.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark: Excel would garble the Chinese"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    with open(DATA_DIR / "claims.csv", encoding="utf-8") as file:
        quotes = {row["id"]: row["quote_zh"] for row in csv.DictReader(file)}
    shown = {row["id"]: row["quote_zh"] for row in rows if row["id"] in quotes}
    assert shown == quotes


def test_the_section_filter_names_the_sections(site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/book/ledger.html")
    wait_until_ready(page)
    panes = page.eval_on_selector_all(
        ".dtsp-searchPane",
        "panes => panes.map(p => [(p.querySelector('input') || {}).placeholder, p.innerText])",
    )
    page.close()
    section_pane = next(text for name, text in panes if name == "Section")
    assert "2.1 Codec and CDN" in section_pane and SECTION_TITLES["4"] in section_pane


def test_sorting_by_stated_value_follows_the_numbers(site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/book/ledger.html")
    wait_until_ready(page)
    page.locator("table.ledger-table thead th.col-stated").click()
    page.wait_for_timeout(300)
    keys = page.eval_on_selector_all(
        "table.ledger-table tbody tr td[data-label=Stated]",
        "cells => cells.map(c => Number(c.dataset.order))",
    )
    page.close()
    assert len(keys) > 20 and keys == sorted(keys)


def test_ids_quotes_and_a_linked_row(site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/book/ledger.html#claim-s21_bitrate_upload")
    wait_until_ready(page)
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
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    page.goto(f"{site}/book/economics.html")
    wait_until_ready(page)
    page.emulate_media(media="print")
    shown = page.evaluate(
        "() => [...document.querySelectorAll('.vega-bindings, details, .bytebook-downloads')]"
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
      const claim = row.querySelector('td[data-label=Claim]').getBoundingClientRect();
      const verdict = row.querySelector('td[data-label=Verdict]').getBoundingClientRect();
      return Math.max(claim.right, verdict.right);
    })"""
    )
    page.close()
    assert boxes and max(boxes) <= 390, boxes
