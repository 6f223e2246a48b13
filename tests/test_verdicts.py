"""The policy applied to the whole ledger: periods, weak sources, one verdict per printed figure.

Expected values come from arithmetic on the printed figures and the reference rows, written
out here.
"""

from __future__ import annotations

import csv

import pytest

from bytebook.book import ledger
from bytebook.chapters import ranking
from bytebook.data import load_book_data


@pytest.fixture(scope="module")
def years(data):
    return ranking.analyse(data).tables["years"].set_index("company")


@pytest.mark.parametrize(
    ("company", "matched", "why"),
    [
        # 1364.12亿 (FY2023) lies in 1363.5–1364.5; 136,412 / 261,422 = 52.2% > 50%
        ("Haier Smart Home", "FY2023", 1363.5 <= 1364.12 <= 1364.5 and 136412 / 261422 > 0.5),
        # 1509.06亿 (FY2023) lies in 1500–1600; its filed share 40.56% is 0.06 points off 40.5%
        ("Midea", "FY2023", 1500 <= 1509.06 <= 1600 and 0.4056 - 0.405 < 0.001),
        # FY2023 overseas 1602.2亿 over FY2024 total 7771亿 = 20.6%, inside 约 20% (19–21%)
        ("BYD", "FY2023 amount over FY2024 total", 0.19 <= 1602.2 / 7771 <= 0.21),
        # FY2023 outside China 2329亿 over FY2024 total 8621亿 = 27.0%, inside 约 27%
        ("Huawei", "FY2023 amount over FY2024 total", 0.2565 <= 2329 / 8621 <= 0.2835),
        # USD 39 bn over USD 155 bn = 25.2%, inside 24.5–25.5%
        ("ByteDance", "FY2024", 0.245 <= 39 / 155 <= 0.255),
        # 3137亿 (FY2023/24, derived) lies in 3100–3200; FY2024/25 has no overseas figure
        ("Lenovo", "FY2023/24", 3100 <= 3137 <= 3200),
        ("Xiaomi", "not found", True),
    ],
)
def test_each_row_of_the_ranking_matches_its_best_year(years, company, matched, why):
    assert why
    assert years.at[company, "matched"] == matched


def test_a_row_that_matches_another_year_says_so_in_its_evidence(data):
    found = ranking.analyse(data)
    evidence = {e.id: e.evidence for e in found.entries}
    assert (
        "FY2023" in evidence["t_haier_overseas"]
        and "Period finding" in evidence["t_haier_overseas"]
    )
    assert "FY2023 amount over FY2024 total" in evidence["t_byd_share"]
    verdicts = {e.id: str(e.verdict) for e in found.entries}
    # BYD's and Midea's best years rest on P and S rows: the period is the finding
    assert verdicts["d_year_match_byd"] == verdicts["d_year_match_midea"] == "contradicted"
    # Haier's FY2023 figure and Huawei's are W: shown, never decisive
    assert verdicts["d_year_match_haier"] == verdicts["d_year_match_huawei"] == "unverifiable"


def _stated_verdicts(table) -> dict[str, str]:
    return dict(
        zip(
            table.loc[table["kind"] == "stated", "id"],
            table.loc[table["kind"] == "stated", "verdict"],
            strict=True,
        )
    )


def test_no_weak_row_decides_a_verdict(data, data_copy):
    """Scale every W reference by ten (a decline by a tenth, so that it stays a valid fall of
    less than 100%): no claim's verdict may move."""
    before = _stated_verdicts(ledger(data))
    path = data_copy / "references.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for row in rows:
        if row["reliability"] == "W" and row["unit"] not in ("text", "date"):
            value = float(row["value"])
            row["value"] = repr(value * 10 if value >= 0 else value / 10)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    changed = load_book_data(data_copy)
    assert changed.references.at["haier_overseas_2023", "value"] == 136412e7  # really changed
    assert _stated_verdicts(ledger(changed)) == before


PRINTED_TWICE = [
    ("s1_heading_revenue", "s1_overseas_revenue", "t_bytedance_overseas"),  # 390 亿美元
    ("s1_growth", "s4_growth", "t_bytedance_growth"),  # 63%
]
"""Claims that print one and the same figure."""


@pytest.mark.parametrize("group", PRINTED_TWICE)
def test_one_printed_figure_gets_one_verdict(ledger_rows, group):
    verdicts = {r["verdict"] for r in ledger_rows if r["id"] in group}
    assert len(verdicts) == 1


def test_source_graded_verdicts_cite_a_p_or_s_reference(ledger_rows, data):
    for row in ledger_rows:
        if row["kind"] == "stated" and row["verdict"] == "off in detail" and row["sources"]:
            tags = {data.references.at[r, "reliability"] for r in row["sources"].split(";")}
            assert tags & {"P", "S"}, row["id"]


def test_no_evidence_turns_not_found_into_not_published(ledger_rows):
    for row in ledger_rows:
        text = row["evidence"].lower()
        for phrase in ("does not publish", "doesn't publish", "is not public", "publishes no"):
            if phrase in text:
                assert "not to say" in text, (row["id"], phrase)


def test_a_missing_source_is_said_of_the_references_not_of_the_world(ledger_rows):
    """'No source gives X' reads as 'X is nowhere'; the finding is only that the references
    hold none."""
    for row in ledger_rows:
        assert "no source gives" not in row["evidence"].lower(), row["id"]
