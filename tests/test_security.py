"""Text from the data is shown as text: markup in a claim never runs in the page."""

from __future__ import annotations

import csv
import functools
import html
import io
import threading
import unicodedata
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pandas as pd
import pytest

from bytebook.ledger import LEDGER_COLUMNS, LedgerEntry, Verdict, to_csv
from bytebook.ledger import NUMERIC_COLUMNS as LEDGER_NUMBERS
from bytebook.present import claims_html, ledger_html, sources_html
from bytebook.publish.chart_data import DrawnTable
from bytebook.publish.chart_data import to_csv as chart_csv
from bytebook.publish.render import chart_html
from bytebook.safety import (
    FORMULA_STARTS,
    is_web_link,
    spreadsheet_safe,
    spreadsheet_safe_csv,
    text_problem,
)

HOSTILE = '<script>window.pwned = true</script><img src=x onerror="window.pwned=true">'


def hostile_entry() -> LedgerEntry:
    return LedgerEntry(
        id="s1_growth",
        section="1",
        kind="stated",
        claim_en=HOSTILE,
        quote_zh=HOSTILE,
        stated=0.63,
        recomputed=0.63,
        unit="ratio",
        verdict=Verdict.SUPPORTED,
        evidence=HOSTILE,
    )


def test_claim_text_is_escaped_in_tables():
    for table in (
        claims_html([hostile_entry()]).data,
        ledger_html([hostile_entry()], lambda section: "overseas").data,
    ):
        assert "<script>" not in table and "<img" not in table
        assert "&lt;script&gt;" in table


def test_a_chart_spec_cannot_close_its_script_element():
    spec = {"description": HOSTILE, "title": "</script><script>window.pwned=true</script>"}
    page = chart_html(spec, "<svg></svg>", {"title": {"text": spec["title"]}})
    assert page.count("<script") == 2 and page.count("</script>") == 2


@pytest.mark.browser
def test_hostile_text_renders_as_text_in_chromium(tmp_path, browser):
    body = claims_html([hostile_entry()]).data + chart_html(
        {"description": HOSTILE, "title": "</script><script>window.pwned=true</script>"},
        "<svg></svg>",
        {"title": {"text": "</script><script>window.pwned=true</script>"}},
    )
    (tmp_path / "page.html").write_text(
        f"<!doctype html><meta charset='utf-8'><body>{body}</body>", encoding="utf-8"
    )
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/page.html")
        page.wait_for_timeout(300)
        assert page.evaluate("window.pwned === undefined")
        assert "<script>window.pwned = true</script>" in page.inner_text("table")
        page.close()
    finally:
        server.shutdown()


FORMULAS = ['=HYPERLINK("http://x.example","a")', "+1+2", "-3+4", "@SUM(A1)", "\tx", "\rx"]


def test_formula_cells_are_neutralised_and_numbers_stay_numbers():
    frame = pd.DataFrame(
        [
            {
                **{c: "" for c in LEDGER_COLUMNS},
                "recomputed_low": None,
                "recomputed_high": float("nan"),
                "claim_en": formula,
                "evidence": formula,
                "id": f"row_{i}",
                "stated": -5e9,
                "recomputed": float("nan"),
            }
            for i, formula in enumerate(FORMULAS)
        ]
    )
    rows = list(csv.DictReader(io.StringIO(to_csv(frame))))
    for formula, row in zip(FORMULAS, rows, strict=True):
        assert row["claim_en"] == "'" + formula and row["evidence"] == "'" + formula
        assert float(row["stated"]) == -5e9 and row["recomputed"] == ""
        assert row["recomputed_low"] == row["recomputed_high"] == ""


def test_plain_cells_are_left_alone():
    for text in ("2024 vs 2023", "ByteDance's revenue", "'quoted", "a=b", "同比 +63%", ""):
        assert spreadsheet_safe(text) == text


def test_data_downloads_are_neutralised_except_number_columns():
    text = "id,value,note\na,-3e9,=cmd|' /C calc'!A0\nb,7,@risk\n"
    rows = list(csv.DictReader(io.StringIO(spreadsheet_safe_csv(text, {"value"}))))
    assert [r["value"] for r in rows] == ["-3e9", "7"]
    assert [r["note"] for r in rows] == ["'=cmd|' /C calc'!A0", "'@risk"]


def test_text_in_a_number_column_is_neutralised_too():
    """A reference of unit 'text' keeps words in its `value` column: a formula there is text."""
    text = 'id,value\na,=HYPERLINK("http://evil.example";"x")\nb,-0.5\n'
    rows = list(csv.DictReader(io.StringIO(spreadsheet_safe_csv(text, {"value"}))))
    assert [r["value"] for r in rows] == ['\'=HYPERLINK("http://evil.example";"x")', "-0.5"]


def test_a_charts_csv_download_is_neutralised_and_keeps_its_numbers():
    period = '=HYPERLINK("http://evil.example","Q1 2024")'
    table = DrawnTable(
        titles=["Quarter", "@CPM, USD"],
        raw=[[period, "2.5"], ["Q2 2024", "-0.07382760000000001"]],
        shown=[[period, "USD 2.5"], ["Q2 2024", "USD −0.07"]],
        fields=["period", "cpm"],
        limits={},
    )
    text = chart_csv(table)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    header, *rows = list(csv.reader(io.StringIO(text)))
    assert header == ["Quarter", "'@CPM, USD"]
    assert rows == [["'" + period, "2.5"], ["Q2 2024", "-0.0738276"]]


def test_the_published_ledger_opens_safely_in_a_spreadsheet(ledger_rows):
    for row in ledger_rows:
        for column, cell in row.items():
            if column in LEDGER_NUMBERS:
                assert cell == "" or float(cell) == float(cell)
            else:
                assert not cell.startswith(FORMULA_STARTS), (row["id"], column, cell)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", " JAVASCRIPT:alert(1)", "java\tscript:x", "data:text/html,x"]
)
def test_only_web_urls_become_links(url):
    records = pd.DataFrame(
        [
            {
                "id": "r",
                "figure": "",
                "quote": "",
                "derivation": "",
                "producer": "",
                "title": "",
                "period": "",
                "published": "",
                "dated_by": "",
                "after_article": False,
                "url": url,
                "reliability": "P",
                "cited_by": [],
            }
        ]
    )
    table = sources_html(records, []).data
    assert "<a href" not in table and html.escape(url) in table


def test_web_urls_become_links():
    for url in ("https://example.org/a?b=1&c=2", "HTTP://example.org/"):
        assert is_web_link(url)
    assert not is_web_link("https://exa mple.org/")


def test_the_data_downloads_open_safely_and_keep_every_value(built_book):
    from bytebook.data import NUMERIC_COLUMNS
    from bytebook.paths import DATA_DIR

    for source in sorted(DATA_DIR.glob("*.csv")):
        given = list(csv.DictReader(io.StringIO(source.read_text(encoding="utf-8-sig"))))
        offered = built_book / "_static" / "data" / source.name
        raw = offered.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark: a spreadsheet garbles Chinese"
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
        assert len(rows) == len(given), source.name
        for original, row in zip(given, rows, strict=True):
            for column, cell in row.items():
                if column in NUMERIC_COLUMNS:
                    assert cell == original[column]
                elif original[column].startswith(FORMULA_STARTS):
                    assert cell == "'" + original[column]
                else:
                    assert cell == original[column]


INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}
"""Controls, format characters, and line and paragraph separators: none draws a glyph."""


def test_every_character_that_draws_nothing_is_refused_and_every_other_is_not():
    """The text rule refuses each code point this Python's Unicode database classes as a
    control, a format character or a separator of lines or paragraphs, and no other (a
    character of the article's own text, a letter, a space, a private-use one)."""
    wrong = [
        f"U+{point:04X}"
        for point in range(0x110000)
        if (text_problem(f"a{chr(point)}b") is not None)
        != (unicodedata.category(chr(point)) in INVISIBLE_CATEGORIES)
    ]
    assert not wrong, wrong[:20]
