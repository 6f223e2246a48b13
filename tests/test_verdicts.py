"""The policy applied to the whole ledger: periods, weak sources, one verdict per printed figure.

Expected values come from arithmetic on the printed figures and the reference rows, written
out here.
"""

from __future__ import annotations

import csv

import pytest

from bytebook.article import company_key
from bytebook.book import ledger
from bytebook.chapters import (
    earlier_year,
    filed_rank,
    old_money,
    preface,
    ranking,
    summary,
    table_cells,
    understatement,
    year_readings,
)
from bytebook.data import load_book_data
from bytebook.fx import year_rates
from bytebook.ledger import LedgerEntry, recomputed_text
from bytebook.paths import DATA_DIR, ROOT
from bytebook.policy import Interval, Verdict


@pytest.fixture(scope="module")
def years(data):
    return ranking.analyse(data).tables["years"].set_index("company")


@pytest.mark.parametrize(
    ("company", "matched"),
    [
        # FY2023: 1364.12亿 lies in 1363.5–1364.5; 136,412 / 261,422 = 52.2% > 50%
        ("Haier Smart Home", "FY2023"),
        # FY2023: 1509.06亿 lies in 1500–1600; its filed share 40.56% is 0.06 points off 40.5%
        ("Midea", "FY2023"),
        # FY2022 (derived): 914.5亿 is 9.3% below 1000, 21.6% (21.56% at its band's low end) is
        # 2.6% above 21%: worse gap 9.3%; FY2023: 1602.2亿 fits but 26.6% is 21% above 21%
        # ((0.266 − 0.21) ÷ 0.266); FY2024: 2219 ÷ 7771 = 28.6% is 26% above
        ("BYD", "FY2022"),
        # FY2023 is the only year with a split: 2329亿 in 2300–2400, 2329 / 7042 = 33.1%
        ("Huawei", "FY2023"),
        # USD 39 bn over USD 155 bn = 25.2%, inside 24.5–25.5%
        ("ByteDance", "FY2024"),
        # 3137亿 (FY2023/24, derived) lies in 3100–3200; FY2024/25 has no overseas figure
        ("Lenovo", "FY2023/24"),
        ("Xiaomi", "not found"),
    ],
)
def test_each_row_of_the_ranking_matches_its_closest_year(years, company, matched):
    assert years.at[company, "matched"] == matched


def test_a_year_is_compared_only_with_itself(data):
    """BYD's FY2023 amount over its FY2024 total (20.6%) is no year's share: the evidence says
    that no single year fits the pair and that the amount alone fits FY2023's."""
    found = ranking.analyse(data)
    evidence = {e.id: e.evidence for e in found.entries}
    assert "over FY2024 total" not in " ".join(evidence.values())
    assert "No single year fits the pair" in evidence["t_byd_share"]
    assert "The amount alone fits FY2023's" in evidence["t_byd_share"]
    assert "The pair fits FY2023" in evidence["t_haier_overseas"]
    # the mixed pair is reported apart, as a possible construction: 1,602 / 7,771 = 20.6%
    assert 0.19 <= 1602.2 / 7771 <= 0.21 and f"{1602 / 7771:.1%}" == "20.6%"
    pair = "FY2023's amount over FY2024's total, 1,602亿元 ÷ 7,771亿元 = 20.6%"
    assert pair in evidence["t_byd_share"]
    assert "No company reports such a pair" in evidence["t_byd_share"]


def test_period_notes_carry_no_verdict_of_their_own(data):
    """The cells' rows decide; a period note counted again would judge one cell twice."""
    verdicts = {e.id: str(e.verdict) for e in ranking.analyse(data).entries}
    notes = [v for key, v in verdicts.items() if key.startswith("d_year_match_")]
    assert len(notes) == 7 and set(notes) == {"unverifiable"}


def test_figures_nobody_filed_are_not_called_filed(data):
    """ByteDance's figures are press reports; Midea's FY2024 amount and Lenovo's and Huawei's
    splits are derivations."""
    evidence = {e.id: e.evidence for e in ranking.analyse(data).entries}
    assert "Filed for" not in evidence["t_bytedance_share"]
    assert "reported, S" in evidence["t_bytedance_share"]
    assert "Derived for FY2024: 1,691亿" in evidence["t_midea_overseas"]
    for key in ("t_lenovo_overseas", "t_huawei_overseas"):
        assert "filed amount" not in evidence[key] and "(derived, W;" in evidence[key]


def test_midea_overseas_is_derived_on_one_revenue_basis(data):
    """41.52% is a share of 营业收入, where China is 2381.15亿 = 58.48%: overseas is
    2381.15 × 0.4152 / 0.5848 = 1690.6亿, 5.4% above the printed 1500–1600亿; but 2381.15亿 was
    read at second hand (its article was not read), so the finding is shown and does not
    decide: the row is unverifiable, so the figure is in its evidence, not its Recomputed."""
    entry = {e.id: e for e in ranking.analyse(data).entries}["t_midea_overseas"]
    overseas = 2381.15e8 * 0.4152 / 0.5848
    assert entry.recomputed is None and entry.verdict is Verdict.UNVERIFIABLE
    assert f"Derived for FY2024: {overseas / 1e8:,.0f}亿" in entry.evidence
    assert (overseas - 1600e8) / overseas > 0.05
    assert (
        "Finding 1, not decisive: its figures miss each other by more than 5% of the "
        "evidence. "
        "Derived for FY2024" in entry.evidence
    )
    assert "It rests on a figure read at second hand: shown, never deciding." in entry.evidence
    assert entry.verdict == "unverifiable"


def test_a_pair_that_cannot_hold_says_so_on_both_cells(data):
    """Lenovo: (3100 to 3200) / (0.695 to 0.705) = 4397 to 4604亿, 7.6% short of 4985亿 (P);
    Xiaomi: (1200 to 1300) / (0.445 to 0.455) = 2637 to 2921亿, 20% short of 3659亿 (P)."""
    assert (4985 - 3200 / 0.695) / 4985 > 0.05 and (3659 - 1300 / 0.445) / 3659 > 0.05
    entries = {e.id: e for e in ranking.analyse(data).entries}
    for key in ("t_lenovo_overseas", "t_lenovo_share", "t_xiaomi_overseas", "t_xiaomi_share"):
        assert "cannot both hold" in entries[key].evidence, key
        assert entries[key].verdict == "unverifiable", key


def _stated_verdicts(table) -> dict[str, str]:
    return dict(
        zip(
            table.loc[table["kind"] == "stated", "id"],
            table.loc[table["kind"] == "stated", "verdict"],
            strict=True,
        )
    )


def test_no_weak_row_decides_a_verdict(data, data_copy):
    """Scale every W reference by ten (a decline, or a share of a whole, by a tenth, so that it
    stays a valid fall of less than 100% or a share below 1): no claim's verdict may move."""
    before = _stated_verdicts(ledger(data))
    path = data_copy / "references.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for row in rows:
        if row["reliability"] == "W" and row["unit"] not in ("text", "date"):
            value = float(row["value"])
            smaller = value < 0 or row["unit"] == "share"
            row["value"] = repr(value / 10 if smaller else value * 10)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    changed = load_book_data(data_copy)
    assert changed.references.at["haier_overseas_2023", "value"] == 136412e7  # really changed
    assert _stated_verdicts(ledger(changed)) == before


def _printed_once_groups() -> list[tuple[str, ...]]:
    """The claims that print one and the same figure, grouped by claims.csv's same_figure_as."""
    claims = load_book_data().claims
    groups: dict[str, list[str]] = {}
    for claim_id, first in claims["same_figure_as"].items():
        if first:
            groups.setdefault(first, [first]).append(claim_id)
    return [tuple(group) for group in groups.values()]


def test_the_figures_printed_more_than_once_are_recorded():
    """390 亿美元 is printed in section 1's heading and body, as the sum split into three
    business lines (字节把 390 亿), at section 4's lead (390 亿美元的字节), in the table and in
    the closing paragraph (如果把 390 亿美元拆开): six printings, one row each. 63% in section 1,
    section 4 and the table."""
    from bytebook.data import load_article

    article = load_article()
    assert article.count("390 亿美元") + article.count("390 亿拆") == 6
    groups = {frozenset(group) for group in _printed_once_groups()}
    assert (
        frozenset(
            {
                "s1_heading_revenue",
                "s1_overseas_revenue",
                "s1_split_revenue",
                "s4_lead_revenue",
                "t_bytedance_overseas",
                "s5_split_revenue",
            }
        )
        in groups
    )
    assert frozenset({"s1_growth", "s4_growth", "t_bytedance_growth"}) in groups


@pytest.mark.parametrize("group", _printed_once_groups())
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
        phrases = ("does not publish", "doesn't publish", "not public", "publishes no")
        for phrase in (*phrases, "is public", "are public", "was public", "were public"):
            if phrase in text:
                assert "not to say" in text, (row["id"], phrase)


def test_a_missing_source_is_said_of_the_references_not_of_the_world(ledger_rows):
    """'No source gives X' reads as 'X is nowhere'; the finding is only that the references
    hold none."""
    for row in ledger_rows:
        assert "no source gives" not in row["evidence"].lower(), row["id"]


def test_the_summary_names_the_cells_that_fit_the_year_before(data):
    """Independent arithmetic on the printed cells and the references' figures. The year the
    table names is FY2024 (Lenovo: FY2024/25); the year before, FY2023 (FY2023/24)."""
    # Midea: 1509.06亿 (FY2023) lies in 1500–1600, 2381.15 × 0.4152 / 0.5848 = 1690.6亿
    # (FY2024) does not; 40.56% misses 39.5–40.5% by 0.06 points (0.15% of it, in substance),
    # 41.52% by 1.02 points
    assert 1500 <= 1509.06 <= 1600 < 2381.15 * 0.4152 / 0.5848
    assert (40.56 - 40.5) / 40.56 < (41.52 - 40.5) / 41.52 and (40.56 - 40.5) / 40.56 < 0.05
    # BYD: 1602.2亿 lies in 1000–2000 ("1000+"), 2219亿 does not; 26.6% misses 19–21% by 21%
    assert 1000 <= 1602.2 <= 2000 < 2219 and (26.6 - 21) / 26.6 > 0.05
    # Haier (W for FY2023): 136,412m lies in 1363.5–1364.5亿 and 136,412 / 261,422 = 52.2% is
    # 超50%; FY2024's 1429亿 misses, but its 49.97% plus the 0.49% the table by region assigns
    # to no region reaches above 50%: the share fits FY2024 too
    assert 1363.5e8 <= 136412e6 <= 1364.5e8 < 1429e8 and 136412 / 261422 > 0.5
    assert 0.49975 < 0.5 < 0.49975 + 0.00495
    # Lenovo (FY2023/24, W) 3137亿 lies in 3100–3200, Huawei (FY2023, W) 2329亿 in 2300–2400,
    # with no overseas figure for the named year; their shares miss by more than 5%:
    # 3137 / 4074 = 77.0% against 70.5%, 2329 / 7042 = 33.1% against 27% + 5% of it
    assert 3100 <= 3137 <= 3200 and 2300 <= 2329 <= 2400
    assert (3137 / 4074 - 0.705) / (3137 / 4074) > 0.05
    assert (2329 / 7042 - 0.27 * 1.05) / (2329 / 7042) > 0.05
    # ByteDance's FY2023 USD 23.9 bn misses 38.5–39.5 bn; Xiaomi has no overseas figure
    cells = earlier_year.earlier_year_cells(data)
    assert {(c.company, c.cell) for c in cells} == {
        ("Midea", "amount"),
        ("Midea", "share"),
        ("BYD", "amount"),
        ("Haier Smart Home", "amount"),
        ("Lenovo", "amount"),
        ("Huawei", "amount"),
    }
    assert earlier_year.earlier_year_sentence(cells) == (
        "in three rows of the ranking table, headed 2024, figures sit closer to the year before "
        "(FY2023) than to the year the table names: Midea's row in substance and BYD's amount, "
        "and, on figures from weak (W) sources, Haier Smart Home's amount; in two more rows, "
        "figures fit the year before (FY2023/24 or FY2023) where the named year's was not "
        "found: on figures from weak (W) sources, Lenovo's amount and Huawei's amount"
    )


def _with_references(data_copy, values: dict[str, str]):
    """The book's data with some references' values replaced (loaded once: loads are cached)."""
    path = data_copy / "references.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for row in rows:
        row["value"] = values.get(row["id"], row["value"])
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return load_book_data(data_copy)


def test_the_summary_sentences_follow_the_data(data_copy):
    """Move BYD's FY2023 overseas revenue to 2,300亿 (outside 1000–2000 and farther than
    FY2024's 2,219亿) and its FY2024 figure into the printed band: BYD leaves the list, and the
    table no longer understates BYD."""
    changed = _with_references(
        data_copy, {"byd_overseas_2023": "2300e8", "byd_overseas_2024": "1900e8"}
    )
    cells = earlier_year.earlier_year_cells(changed)
    assert "BYD" not in {c.company for c in cells}
    assert "BYD's amount" not in earlier_year.earlier_year_sentence(cells)
    filed, above, shares = understatement.understated(changed)
    assert "BYD" in filed and "BYD" not in above
    assert understatement.n_plus_readings(changed, ["BYD", "Haier Smart Home"]) == ""
    assert understatement.understated_sentence(filed, above, shares) == (
        "the table understates the overseas amount of Haier Smart Home of the two companies "
        "whose 2024 overseas "
        "amount rests on figures they published themselves, read at first hand, and Midea's "
        "share (41.52%) lies above the printed one; its amount rests on a figure read at second "
        "hand and does not decide"
    )


def test_the_summary_does_not_count_midea_s_second_hand_amount(data):
    """Midea's 2024 amount rests on a figure read at second hand: the summary counts BYD and
    Haier Smart Home (first hand, both above the band) and says of Midea only that its share,
    41.52%, lies above the printed 40%."""
    filed, above, shares = understatement.understated(data)
    assert filed == above == ["BYD", "Haier Smart Home"]
    assert shares == ["Midea's share (41.52%)"]
    sentence = understatement.understated_sentence(filed, above, shares)
    assert "all three" not in sentence
    assert sentence.startswith("the table understates the overseas amounts of both companies")
    # amounts only: BYD's 2,219亿 lies above 1000+ (up to 2,000亿), Haier's 1,429亿 above 1364
    # (up to 1,364.5亿); but Haier's filed share, 49.97%, lies below the printed 超 50%
    assert 2219 > 2000 and 1429 > 1364.5 and 0.4997 < 0.50
    # BYD's finding rests on reading 1000+ as 一千多亿 (up to 2,000亿); as 1000亿以上 (1,000亿
    # or more) 2,219亿 would meet it. Haier's 1364 has no + and does not depend on a reading.
    readings = understatement.n_plus_readings(data, above)
    assert readings == (
        " (BYD's 1000+ 亿元 read as 1,000亿元 to 2,000亿元, N多; read as 1,000亿元 or more, "
        "N以上, the amount would hold)"
    )
    assert readings in understatement.understated_sentence(filed, above, shares, readings)
    # "both companies" says whom, as the ranking page does: BYD's figure is released (P),
    # Haier Smart Home's tabulated (S)
    origins = understatement.filed_origins(data)
    assert origins == ["BYD, released, P", "Haier Smart Home, tabulated, S"]
    assert understatement.understated_sentence(filed, above, shares, readings, origins).startswith(
        "the table understates the overseas amounts of both companies (BYD, released, P; "
        "Haier Smart Home, tabulated, S) whose 2024 overseas amount rests"
    )
    assert "both companies (BYD, released, P; Haier" in summary.analyse(data).texts[
        "filed_understated"
    ]


def _ledger_verdicts(data) -> dict[str, str]:
    table = ledger(data)
    return dict(zip(table["id"], table["verdict"], strict=True))


def test_the_what_holds_box_is_built_from_the_chapters_figures(data):
    """63% over BYD's 2,219亿 ÷ 1,602.2亿 − 1 = 38.5% is 1.64 times, under twice; USD 26 over the
    mean of 6.52, 8.70, 7.34 and 7.21 (7.44) is 3.5 times; sections 2.1–2.3 print 20 claims."""
    found = summary.analyse(data)
    byd_growth = 2219 / 1602.2 - 1
    assert f"{0.63 / byd_growth:.2f}" == "1.64"
    assert found.texts["holds_growth"] == (
        "ByteDance's overseas growth, 63%, is 1.64 times BYD's 38.5%, the fastest other "
        "overseas growth this book worked out from figures read at first hand in P or S sources: "
        "less than twice it, and growth not found could not raise the ratio"
    )
    mean = (6.52 + 8.70 + 7.34 + 7.21) / 4
    assert f"{26 / mean:.1f}" == "3.5" and f"{mean:.2f}" == "7.44"
    assert found.texts["holds_cpm"] == (
        "the article's CPM of USD 26 is 3.5 times USD 7.44, the 2024 mean of the quarterly "
        "TikTok CPMs reported for advertisers in Varos's benchmark"
    )
    with open(DATA_DIR / "claims.csv", encoding="utf-8") as file:
        technical = [r["id"] for r in csv.DictReader(file) if r["section"] in ("2.1", "2.2", "2.3")]
    verdicts = _ledger_verdicts(data)
    unverifiable = sum(verdicts[claim] == "unverifiable" for claim in technical)
    assert found.texts["holds_technical"] == (
        f"{unverifiable} of the article's {len(technical)} technical claims (sections 2.1 to "
        "2.3) are unverifiable: no public source found settles them"
    )
    assert "not published" not in found.texts["holds_technical"]


def test_the_what_holds_box_changes_with_the_data(data_copy):
    """With BYD's FY2023 overseas revenue at 1,999.9亿, BYD grows 11.0%, below Shein's 19%: 63%
    is at least twice that. Midea's 12.0% rests on its China revenue, read at second hand, so it
    does not count as the runner-up. With every 2024 CPM at USD 13, USD 26 is 2.0 times."""
    changed = _with_references(
        data_copy,
        {
            "byd_overseas_2023": "1999.9e8",
            "tiktok_cpm_2024_q1": "13",
            "tiktok_cpm_2024_q2": "13",
            "tiktok_cpm_2024_q3": "13",
            "tiktok_cpm_2024_q4": "13",
        },
    )
    found = summary.analyse(changed)
    assert 0.625 / (2219.5 / 1999.85 - 1) > 2
    assert found.texts["holds_growth"].startswith("ByteDance's overseas growth, 63%, is ")
    # BYD's 11.0% now falls below Shein's 19% (sales, almost all abroad, S), which becomes the
    # runner-up: 0.635 ÷ 0.195 > 2 still.
    assert 0.635 / 0.195 > 2 and 2219.5 / 1999.85 - 1 < 0.185
    assert "Shein's 19" in found.texts["holds_growth"]
    assert found.texts["holds_growth"].endswith(
        "at least twice it, as the article says, among the companies whose growth was read at "
        "first hand"
    )
    assert "is 2.0 times USD 13.00, the 2024 mean" in found.texts["holds_cpm"]


def test_the_table_s_rate_is_placed_against_2024_s_months_by_code(data):
    """2855 ÷ 390 = 7.3205, above December's 7.2807; 2854.5 ÷ 395 = 7.227 to 2855.5 ÷ 385 =
    7.417 reaches the range (7.0760 to 7.2807) at its high end."""
    rates = year_rates(data.references)
    assert 2855 / 390 > 7.2807 and 2854.5 / 395 < 7.2807 < 2855.5 / 385
    found = ranking.analyse(data)
    assert found.texts["table_rate_side"] == "above"
    assert found.texts["table_rate_place"] == "above 2024's highest monthly average"
    assert found.texts["table_rate_band_place"] == (
        "reaches 2024's monthly range with its lower end, 7.227, below the highest month, 7.2807, "
        "so, taken alone, this conversion could be at a 2024 rate"
    )
    assert preface.rate_point_place(7.1, rates) == "within 2024's monthly range"
    assert preface.rate_point_place(7.0, rates) == "below 2024's lowest monthly average"
    assert preface.rate_band_clause(Interval(7.3, 7.5), rates) == (
        "lies above 2024's monthly range, so it is no 2024 monthly average"
    )


def test_the_what_holds_box_s_title_bullet_is_built_from_the_figures(data):
    """USD 39 bn × 7.196 ÷ 366 days = 7.668亿 a day; the title's 7.47亿 is 2.6% below it. At the
    printed precision the title converts at 7.465亿 × 366 ÷ USD 39.5 bn = 6.917 to 7.475亿 × 366
    ÷ USD 38.5 bn = 7.106, the table at 2,854.5 ÷ 395 = 7.227 to 2,855.5 ÷ 385 = 7.417: the
    bands do not meet."""
    daily = 39e9 * 7.196 / 366
    assert f"{daily / 1e8:.2f}" == "7.67" and f"{abs(7.47e8 / daily - 1):.1%}" == "2.6%"
    title = (7.465e8 * 366 / 39.5e9, 7.475e8 * 366 / 38.5e9)
    table = (2854.5 / 395, 2855.5 / 385)
    assert title[1] < table[0]
    bands = f"{title[0]:.3f} to {title[1]:.3f} and {table[0]:.3f} to {table[1]:.3f} CNY/USD"
    assert bands == "6.917 to 7.106 and 7.227 to 7.417 CNY/USD"
    # USD 38.5 bn × 7.0760 ÷ 366 = 7.44亿 to USD 39.5 bn × 7.2807 ÷ 366 = 7.86亿 holds 7.47亿
    low, high = 38.5e9 * 7.0760 / 366, 39.5e9 * 7.2807 / 366
    assert f"{low / 1e8:.2f} {high / 1e8:.2f}" == "7.44 7.86" and low <= 7.47e8 <= high
    # The gap the preface and the ledger give: USD 38.5 bn × 7.196 ÷ 366 = 7.57亿, above the
    # title's 7.475亿 by (7.5694 − 7.475) ÷ 7.668 (the band's middle) = 1.2%.
    band_low, band_high = 38.5e9 * 7.196 / 366, 39.5e9 * 7.196 / 366
    band_gap = (band_low - 7.475e8) / ((band_low + band_high) / 2)
    assert f"{band_low / 1e8:.2f} {band_high / 1e8:.2f} {band_gap:.1%}" == "7.57 7.77 1.2%"
    # Worked from the figures the box prints: (7.57 − 7.475) ÷ 7.67 = 1.2% too.
    assert f"{(7.57 - 7.475) / 7.67:.1%}" == "1.2%"
    # The finding that decides the title: 2,855亿 ÷ 366 = 7.80亿, which 7.47亿 misses by
    # (7.47 − 7.8005) ÷ 7.8005 = −4.2%.
    own = 2855e8 / 366
    assert f"{own / 1e8:.2f} {(7.47e8 - own) / own:.1%}" == "7.80 -4.2%"
    # Read as 'about' (±5%), 2,855亿 ÷ 366 is 7.41亿 to 8.19亿, which takes in 7.465亿 to 7.475亿;
    # and 2,712.25亿 ÷ 395亿 = 6.87 to 2,997.75亿 ÷ 385亿 = 7.79 takes in the title's rates.
    assert 2855e8 * 0.95 / 366 < 7.465e8 < 7.475e8 < 2855e8 * 1.05 / 366
    assert 2712.25 / 395 < title[0] < title[1] < 2997.75 / 385
    assert summary.analyse(data).texts["holds_title"] == (
        "the title's daily 7.47亿元 is 4.2% below the 7.80亿元 a day that the article's own "
        "2,855亿元 gives over 2024's 366 days (off in detail at that total's printed digits, "
        "but consistent if the table's ≈ is read as 'about'). Against USD 39 bn at its recorded "
        "digits (USD 38.5 bn to USD 39.5 bn) it lies within the 7.44亿元 to 7.86亿元 that "
        "2024's range of monthly rates gives. At 2024's average rate of 7.196 CNY/USD a day's "
        "share runs from 7.57亿元 to 7.77亿元, and the title's printed band (7.465亿元 to "
        "7.475亿元) ends below that range, by 1.2% of the range's middle: (7.57亿元 − 7.475亿元) ÷ "
        "7.67亿元. "
        f"The title and the table convert at two different rates ({bands} at the printed "
        "precision), unless the table's ≈ is read as 'about'"
    )
    preface_numbers = preface.analyse(data).numbers
    assert preface_numbers["title_gap_band"] == pytest.approx(band_gap, rel=1e-3)


def test_the_title_row_shows_the_figure_that_decides_it(data):
    """The title's verdict (off in detail) comes from the article's own 2,855亿 ÷ 366 days =
    7.80亿 a day, which the title misses by (7.8005 − 7.475) ÷ 7.8005 = 4.2%; the annual-average
    point, 7.668亿, decides nothing and is not the row's Recomputed value."""
    own = 2855e8 / 366
    assert f"{own / 1e8:.2f}" == "7.80"
    entry = {e.id: e for e in preface.analyse(data).entries}["title_daily_revenue"]
    assert entry.verdict is Verdict.OFF_IN_DETAIL
    assert entry.recomputed == pytest.approx(own)
    assert "Finding 1, off in detail: The article's own 2,855亿元" in entry.evidence


@pytest.mark.parametrize(
    ("row", "shown", "ends", "point"),
    [
        # USD 38.5 bn × 7.0760 = 2,724.3亿; USD 39.5 bn × 7.2807 = 2,875.9亿: the printed 2,855亿
        # lies within, hence supported; 39 × 7.196 = 2,806.4亿 is one rate's point, which the
        # claim's row does not work out: its recomputed value is the band's middle
        (
            "t_bytedance_overseas_cny",
            "2,724亿元 to 2,876亿元",
            (38.5e9 * 7.0760, 39.5e9 * 7.2807),
            None,
        ),
        # 2,854.5亿 ÷ 395亿 = 7.2266 and 2,855.5亿 ÷ 385亿 = 7.4169; the point 7.3205 lies
        # above every 2024 month (7.2807), the band's low end below it
        (
            "d_table_implied_rate",
            "7.227 to 7.417 CNY/USD",
            (2854.5 / 395, 2855.5 / 385),
            2855 / 390,
        ),
        # 7.465亿 × 366 ÷ USD 39.5 bn = 6.917 and 7.475亿 × 366 ÷ USD 38.5 bn = 7.106; the point
        # 7.010 lies below every 2024 month (7.0760), the band's high end above it
        (
            "d_title_implied_rate",
            "6.917 to 7.106 CNY/USD",
            (7.465e8 * 366 / 39.5e9, 7.475e8 * 366 / 38.5e9),
            7.47e8 * 366 / 39e9,
        ),
    ],
)
def test_a_conversion_row_shows_the_band_that_decides_it(data, row, shown, ends, point):
    """Where a point decides nothing (the annual-average conversion, a rate outside every
    month), the Recomputed column shows the band the verdict rests on. A derived rate row keeps
    as its recomputed value the point its evidence works out (7.010), not the band's middle,
    which no sentence prints."""
    from bytebook.book import all_entries

    entry = {e.id: e for e in all_entries(data)}[row]
    assert entry.verdict is Verdict.SUPPORTED
    low, high = ends
    assert (entry.deciding.low, entry.deciding.high) == pytest.approx((low, high), rel=1e-9)
    assert recomputed_text(entry) == shown
    expected = (low + high) / 2 if point is None else point
    assert entry.recomputed == pytest.approx(expected, rel=1e-9)


def test_one_rank_claimed_twice_for_one_company_shares_a_verdict_or_names_the_other(
    ledger_rows,
):
    """Two stated rows that claim the same rank for the same company (ByteDance in the top
    three: 直接杀进前三 and 以纯软件+算法冲进前三) judge one proposition; where their verdicts
    differ, one of them names the other's words and says which scope it judges."""
    ranks = [r for r in ledger_rows if r["kind"] == "stated" and r["unit"] == "rank"]
    groups: dict[tuple[str, str], list[dict]] = {}
    for row in ranks:
        groups.setdefault((row["claim_en"].split()[0], row["stated"]), []).append(row)
    pairs = [
        (a, b)
        for rows in groups.values()
        for i, a in enumerate(rows)
        for b in rows[i + 1 :]
        if a["verdict"] != b["verdict"]
    ]
    assert {frozenset((a["id"], b["id"])) for a, b in pairs} == {
        frozenset(("s4_top3", "s4_software_top3"))
    }
    for a, b in pairs:
        assert a["quote_zh"] in b["evidence"] or b["quote_zh"] in a["evidence"], (a["id"], b["id"])
    software = next(r for r in ranks if r["id"] == "s4_software_top3")
    top3 = next(r for r in ranks if r["id"] == "s4_top3")
    assert "直接杀进前三" in software["evidence"] and top3["verdict"] in software["evidence"]


def test_bytedance_s_implied_total_is_in_yuan_at_the_table_s_rate_and_says_so(data):
    """ByteDance's row is printed in USD: 390 亿美元 ÷ 25% at the printed precision is USD 38.5
    bn ÷ 25.5% = 150.98 bn to USD 39.5 bn ÷ 24.5% = 161.22 bn; at the table's own rate, 2855 ÷
    390 = 7.3205, that is 11,053亿元 to 11,802亿元, and the reported USD 155 bn is 11,347亿元. The
    table, its cell on how the total was found, and the ledger row say the same."""
    rate = 2855 / 390
    low, high, total = 38.5 / 0.255 * rate * 10, 39.5 / 0.245 * rate * 10, 155 * rate * 10
    assert f"{low:,.0f} {high:,.0f} {total:,.0f}" == "11,053 11,802 11,347"
    found = ranking.analyse(data)
    row = found.tables["implied_totals"].set_index("company").loc["ByteDance"]
    assert (row["implied_low_cny"] / 1e8, row["implied_high_cny"] / 1e8) == pytest.approx(
        (low, high), rel=1e-9
    )
    assert row["filed_total_cny"] / 1e8 == pytest.approx(total, rel=1e-9)
    assert row["filed_source"] == "reported (S): USD 155 bn at the table's rate"
    entry = {e.id: e for e in found.entries}["d_implied_total_bytedance"]
    assert "the table's own rate of 7.3205 CNY/USD" in entry.evidence
    assert "11,053亿元 to 11,802亿元 and the reported total 11,347亿元" in entry.evidence
    assert low < 2855 / 0.25 < high


def test_the_growth_claim_says_how_it_reads_the_runner_up(ledger_rows):
    """增速是第二名的两倍以上 follows 断层第一, so 第二名 is read as the runner-up in growth: BYD's
    38.5% against ByteDance's 63% gives 1.64×, under two (contradicted). Read as the table's
    second row, Huawei (by its figures ByteDance ranks second), it cannot be settled: only
    Huawei's group growth was found, 22.4% (63 ÷ 22.4 = 2.8× would be no measure of its growth
    abroad), so the row says so."""
    assert f"{0.63 / 0.385:.2f} {0.63 / 0.224:.1f}" == "1.64 2.8"
    row = next(r for r in ledger_rows if r["id"] == "s4_growth_double")
    assert row["verdict"] == "contradicted"
    assert "第二名 is read as the runner-up in growth" in row["evidence"]
    assert (
        "the table's second row, Huawei (second in the printed order); on that reading the "
        "claim could not be settled" in (row["evidence"])
    )
    assert "grew 22.4%" in row["evidence"] and "huawei_rev_growth_2024" in row["sources"]


def test_a_figure_read_at_second_hand_never_decides(data):
    """A figure whose source cell says it was read at second hand counts as W: it is shown but
    never decides, and the methods page states the rule."""
    from bytebook.checks import deciding, second_hand
    from bytebook.policy import policy_table

    marked = [ref for ref, row in data.references.iterrows() if "read at second hand" in row.source]
    assert {"midea_china_rev_2024", "monolith_sync"} <= set(marked)
    assert all(second_hand(data, ref) and not deciding(data, ref) for ref in marked)
    assert deciding(data, "bd_intl_2024") and not second_hand(data, "bd_intl_2024")
    assert "source read at second hand" in set(policy_table()["rule"])


def test_the_gift_cut_meets_a_weak_source_read_at_first_hand_and_stays_unverifiable(data):
    """TikTok's 50% cut (抽成 50%, 49.5% to 50.5% at its printed precision) meets the 50% of the
    payout that iPhone in Canada says TikTok retains, in its own sentence, not data.ai's: a W
    source, read at first hand, that corroborates and cannot decide. The row says whose words
    they are and when they were published."""
    from bytebook.chapters import economics
    from bytebook.checks import deciding, second_hand

    reference = data.references.loc["tiktok_gift_take"]
    assert "retaining 50% of the payout" in reference["quote"]
    assert reference["url"].startswith("https://www.iphoneincanada.ca/2023/12/11/")
    assert reference["reliability"] == "W" and not second_hand(data, "tiktok_gift_take")
    assert not deciding(data, "tiktok_gift_take")
    assert 0.495 <= 0.50 <= 0.505
    found = economics.analyse(data)
    entry = {e.id: e for e in found.entries}["s3_live_take"]
    assert entry.verdict == "unverifiable"
    assert entry.evidence.startswith(
        "Not decisive: it rests on a weak (W) source; its figures agree within their intervals."
    )
    assert "('with TikTok retaining 50% of the payout')" in entry.evidence
    assert "not with the cut" in entry.evidence and "(2023-12-11)" in entry.evidence
    assert found.texts["live_take_holds"].endswith("so the cut is unverifiable")
    assert "a weak source (W), iPhone in Canada (2023-12-11)" in found.texts["live_take_holds"]
    assert found.texts["live_take_prose"].endswith(
        "it is a weak source (W), so the 50% cut is unverifiable"
    )


def test_the_economics_page_glues_the_gift_cut_and_tags_its_source(data):
    """The page's prose on the cut is glued, and the sources list tags the share W and names
    whose words it is."""
    from bytebook.paths import BOOK_DIR

    page = (BOOK_DIR / "economics.md").read_text(encoding="utf-8")
    assert "{glue:text}`live_take_prose_text`" in page
    sources_list = " ".join(page.split())
    assert "in iPhone in Canada's own words as it reported data.ai's spending figures (W)" in (
        sources_list
    )
    assert "read at second hand (data.ai via TechCrunch" not in page
    assert "the cut is TikTok's net" not in page


def test_the_capcut_margin_after_fees_names_each_store_s_fee(data):
    """The article's 92% margin, if before store fees, falls by the App Store's 30% in a
    subscription's first year (W) or by Google Play's 15% on every subscription payment (S):
    the book gives both, and does not call 30% every store's fee."""
    from bytebook.chapters import economics
    from bytebook.paths import BOOK_DIR

    assert data.references.at["google_play_sub_fee", "reliability"] == "S"
    assert "to 15 per cent from 30 per cent" in data.references.at[
        "google_play_sub_fee", "quote"
    ]
    entry = {e.id: e for e in economics.analyse(data).entries}["s3_capcut_margin"]
    assert f"would fall to {round((0.92 - 0.30) * 100)}%" in entry.evidence
    assert f"at Google Play's 15% (S), to {round((0.92 - 0.15) * 100)}%" in entry.evidence
    page = (BOOK_DIR / "economics.md").read_text(encoding="utf-8")
    assert "{glue:text}`capcut_margin_after_play_fee_text`" in page
    assert "what the app\nstores keep, up to" not in page


def test_the_codec_rows_set_the_cut_against_avc_by_bytedance_s_own_round_words(data):
    """ByteDance's video cloud team writes that HEVC doubled AVC's compression and VVC doubles
    it again (提升一倍, twice): half of half, so VVC at a quarter of AVC's bitrate, a cut of
    about 75%, which would reach the article's 60% (8 → 3.2 Mbps). A round claim about the
    standards, not a measurement, and the upload's codec is not stated: the rows stay
    unverifiable and no longer say no figure against AVC was found."""
    from bytebook.chapters import codec

    for ref in codec.ROUND_CLAIMS:
        assert "提升一倍" in data.references.at[ref, "quote"], ref
    entries = {e.id: e for e in codec.analyse(data).entries}
    expected = f"a cut of about {round((1 - 0.5 * 0.5) * 100)}%"
    for row_id in ("s21_bitrate_vvc", "s21_lossless"):
        entry = entries[row_id]
        assert entry.verdict == "unverifiable", row_id
        assert "found no figure against an older baseline" not in entry.evidence, row_id
        assert set(codec.ROUND_CLAIMS) <= set(entry.sources), row_id
    assert expected in entries["s21_bitrate_vvc"].evidence
    assert "not a measurement" in entries["s21_bitrate_vvc"].evidence
    assert "Against AVC it might" in entries["s21_lossless"].evidence
    lossless = entries["s21_lossless"].evidence
    assert "「用字节的自研 H.266 压缩后可降到 3.2Mbps」 sets out" in lossless
    assert (1 - 3.2 / 8) < (1 - 0.5 * 0.5)


def test_the_peers_contrast_cites_the_contest_s_other_entrants(data):
    """同行还在 FFmpeg 调参: the report that puts ByteDance's BVC2.0 on record also names the
    contest's other entrants (Baidu, Alibaba, Tencent, Google, …) and their encoder
    experience, so the row cites it instead of saying nothing was found on peers."""
    from bytebook.chapters import codec
    from bytebook.paths import BOOK_DIR

    assert "百度、阿里、腾讯、Google" in data.references.at["msu2020_entrants", "quote"]
    entry = {e.id: e for e in codec.analyse(data).entries}["s21_rewrote_codec"]
    assert entry.verdict == "unverifiable"
    assert "the platforms Baidu, Alibaba, Tencent and Google" in entry.evidence
    assert "ByteDance's as much as theirs" in entry.evidence
    assert "msu2020_entrants" in entry.sources
    assert "What other platforms encode with this book found no source" not in entry.evidence
    page = " ".join((BOOK_DIR / "codec.md").read_text(encoding="utf-8").split())
    assert "it does not encode it" not in page
    assert "the part read speaks of decoding only" in page
    assert "(P), taken as an upper bound on the strength of a note" in page


def test_haier_s_amount_shows_its_2024_figure_on_the_basis_the_printed_figure_matches(data):
    """Haier's printed 1364 亿元 is FY2023's overseas revenue on the Hong Kong basis (136,412
    million); on that basis FY2024's is 1,438亿 (W), which the printed range misses by
    (1,437.5 − 1,364.5) ÷ 1,438 = 5.1%, past the 5% line. A W figure does not decide, so the
    cell stays off in detail by the A-share 1,429亿, and says the other basis's gap."""
    from bytebook.chapters import ranking

    entry = {e.id: e for e in ranking.analyse(data).entries}["t_haier_overseas"]
    assert entry.verdict == "off in detail"
    gap = (1437.5 - 1364.5) / 1438
    assert f"the gap between them is {gap:.1%} of the evidence's middle" in entry.evidence
    assert "the basis on which the printed figure is FY2023's" in entry.evidence
    assert "as this book's references label it" in entry.evidence
    assert "haier_overseas_2024_hk" in entry.sources


def test_lenovo_s_pair_is_set_against_its_calendar_2024_from_its_four_quarters(data):
    """Read as calendar 2024, Lenovo's year is its four quarters from January to December 2024:
    USD 13.8 bn + 15.447 bn + 17.9 bn + 18.8 bn (P), 65.7965 to 66.0975 bn at their printed
    digits, 4,655.8亿 to 4,812.4亿元 at 2024's lowest and highest monthly rates (7.0760,
    7.2807). The pair's total, at most 3,200亿 ÷ 69.5% = 4,604.3亿, misses it by about 1.1%:
    off in detail on that reading, while the fiscal-year reading keeps the row contradicted."""
    from bytebook.chapters import ranking

    low = (13.75 + 15.4465 + 17.85 + 18.75) * 1e9 * 7.0760
    high = (13.85 + 15.4475 + 17.95 + 18.85) * 1e9 * 7.2807
    implied_high = 3200e8 / 0.695
    gap = (low - implied_high) / ((low + high) / 2)
    found = ranking.analyse(data)
    entry = {e.id: e for e in found.entries}["d_implied_total_lenovo"]
    assert entry.verdict == "contradicted"
    assert f"the pair's total misses it by {gap:.1%} of it" in entry.evidence
    assert "off in detail on that reading" in entry.evidence
    assert set(year_readings.CALENDAR_QUARTERS["Lenovo"]) <= set(entry.sources)
    assert "not found by this book" not in entry.evidence
    assert "on calendar 2024's total, from its four quarters, it is off in detail" in (
        found.texts["holds_box"]
    )


def test_the_table_s_yuan_row_says_the_title_does_not_follow_from_it(data):
    """The title's 7.47亿 a day and the table's 2,855亿元 disagree: 2,855亿 ÷ 366 days is
    7.80亿 a day. The title's row is off in detail for it; the table's row, supported by the
    source, says so too, and where that finding is, so the disagreement shows from both rows."""
    from bytebook.chapters import preface, ranking

    entries = {e.id: e for e in ranking.analyse(data).entries}
    title = {e.id: e for e in preface.analyse(data).entries}["title_daily_revenue"]
    assert title.verdict == "off in detail"
    table = entries["t_bytedance_overseas_cny"]
    assert table.verdict == "supported"
    daily = f"{2855e8 / 366 / 1e8:.2f}亿元"
    assert daily == "7.80亿元"
    said = (
        f"The title's 每天7.47亿 does not follow from it (2,855亿元 ÷ 366 days = {daily} a day): "
        "each fits USD 39 bn at a 2024 rate, but no one reading of USD 39 bn fits both"
    )
    assert said in table.evidence
    assert "so the title's row carries that finding" in table.evidence


def test_the_title_note_s_clause_on_one_rate_follows_the_figures(data):
    """Were the table's yuan 2,734亿元, the title's 7.47亿 × 366 days (2,732亿 to 2,736亿 at its
    printed precision), the two would convert USD 39 bn at one rate: the note would say so,
    not that no one reading fits both."""
    import dataclasses

    from bytebook.chapters import ranking

    claims = data.claims.copy()
    claims.loc["t_bytedance_overseas_cny", ["value", "value_text"]] = [2734e8, "2.734e11"]
    assert 7.465e8 * 366 < 2734e8 < 7.475e8 * 366
    moved = dataclasses.replace(data, claims=claims)
    evidence = {e.id: e for e in ranking.analyse(moved).entries}["t_bytedance_overseas_cny"]
    assert "both convert USD 39 bn at one 2024 rate" in evidence.evidence
    assert "no one reading" not in evidence.evidence


def test_haier_s_share_reaches_50_percent_only_with_unassigned_revenue(data):
    """Haier's table by region: 海外 49.97%, and 0.49% under no region. As tabulated the share
    is below 超50%; read up to 49.975% + 0.495% it is above, and the table does not say where
    that part was earned, so 超50% is unverifiable, not supported. That part would move the
    amount and the share together, so the total they imply stays 1,428.5亿 ÷ 49.975% to
    1,429.5亿 ÷ 49.965% (2,858亿 to 2,861亿), not a band spread by the widened share."""
    from bytebook.chapters import ranking

    entries = {e.id: e for e in ranking.analyse(data).entries}
    assert 0.49975 < 0.5 < 0.49975 + 0.00495
    assert entries["t_haier_share"].verdict == "unverifiable"
    evidence = entries["t_haier_share"].evidence
    assert "neither bears the printed figure out nor rules it out" in evidence
    # with none of that part abroad, 49.97% (at most 49.975% at its digits) misses 50% by
    # 0.025 ÷ 49.97 = 0.05% of it: at worst off in detail (a gap of at most 5%)
    short = (0.50 - 0.49975) / 0.4997
    assert f"falls short of 50% by {short:.2%} of the share itself" in evidence and short <= 0.05
    assert "at worst the printed figure is off in detail" in evidence
    low, high = 1428.5 / 0.49975, 1429.5 / 0.49965
    ends = f"{low:,.0f}亿元 to {high:,.0f}亿元"
    assert ends == "2,858亿元 to 2,861亿元"
    assert f"({ends} at its inputs' recorded digits)" in entries["d_implied_total_haier"].evidence


def test_haier_s_share_shows_its_reach_in_the_evidence_and_no_recomputed_value(data):
    """No finding decides 超 50%, so the Recomputed column beside it is empty, as for every
    unverifiable claim; the evidence writes the share with all of the unassigned part abroad,
    49.97% + 0.49% = 50.46% (the references' two figures). A share with no part left unassigned
    keeps its one figure (Midea's 41.52%)."""
    tabulated, unassigned = (
        data.reference(ref) for ref in ("haier_overseas_share_2024", "haier_unassigned_share_2024")
    )
    assert f"{(tabulated + unassigned) * 100:.2f}" == "50.46"
    entries = {e.id: e for e in ranking.analyse(data).entries}
    share = entries["t_haier_share"]
    assert recomputed_text(share) == ""
    assert share.recomputed_low is None and share.recomputed_high is None
    assert "With all of that part abroad, the share is 50.46%." in share.evidence
    midea = entries["t_midea_share"]
    assert midea.recomputed_low is None and recomputed_text(midea) == "41.52%"


def test_lenovo_s_period_note_says_its_closest_year_is_among_fiscal_years_only(data):
    """The period note names FY2023/24 as the closest year, among the fiscal years with a
    figure abroad. On the total alone, calendar 2024 comes nearer: its low end, 13.75 + 15.4465
    + 17.85 + 18.75 bn at 7.0760, is 1.1% above the pair's highest total (3,200亿 ÷ 69.5%),
    FY2023/24's relayed 4,074亿 7.9% below its lowest (3,100亿 ÷ 70.5%). So the note says the
    calendar year is judged on its total, in the row on the total the pair implies (the amount
    and share rows hold that finding themselves); no other company has such a year."""
    from bytebook.chapters import ranking

    calendar_low = (13.75 + 15.4465 + 17.85 + 18.75) * 1e9 * 7.0760
    assert (calendar_low - 3200e8 / 0.695) / calendar_low < (3100e8 / 0.705 - 4074.5e8) / 4074e8
    found = ranking.analyse(data)
    entries = {e.id: e for e in found.entries}
    scope = (
        "FY2023/24 is the one fiscal year with a figure abroad found; for FY2024/25 and "
        "calendar 2024 only totals were found, which the row on the total the pair implies"
    )
    assert "Closest: FY2023/24" in entries["d_year_match_lenovo"].evidence
    assert scope in entries["d_year_match_lenovo"].evidence
    assert scope in found.texts["year_match_lenovo"]
    # the amount and share rows quote the note beside the calendar-2024 finding itself
    for row in ("t_lenovo_overseas", "t_lenovo_share"):
        assert "Closest: FY2023/24" in entries[row].evidence, row
        assert "For calendar 2024, Lenovo's results releases" in entries[row].evidence, row
    others = [e for key, e in entries.items() if key.startswith("d_year_match_")]
    assert sum("calendar 2024 only totals were found" in e.evidence for e in others) == 1


def test_byd_s_pair_says_it_rests_on_reading_1000_plus_to_its_own_unit(data):
    """BYD's 1000+ 亿元 is printed to the thousand, the table's other N+ amounts (3100+, 2300+,
    1200+, 1500+) to the hundred. Read as 一千多亿 (1,000亿 to 2,000亿), its pair with 约 20%
    (19% to 21%) meets BYD's 7,771亿; read to the hundred, 1,000亿 to 1,100亿 ÷ 21% to 19% is
    4,762亿 to 5,789亿, which misses it. The row says so; its wide band decides nothing either
    way, so no verdict rests on either reading; no other row's pair changes with the unit."""
    from bytebook.chapters import ranking

    entries = {e.id: e for e in ranking.analyse(data).entries}
    byd = entries["d_implied_total_byd"]
    assert byd.verdict == "unverifiable"
    assert "The verdict rests on" not in byd.evidence
    assert "That is not this book's reading of 1000+ 亿元" in byd.evidence
    low, high = 1000 / 0.21, 1100 / 0.19
    assert f"{low:,.0f}亿元 to {high:,.0f}亿元 and miss the total" in byd.evidence
    assert high < 7771
    assert "to the step the table's other N+ amounts are printed to (1,000亿元 to 1,100亿元)" in (
        byd.evidence
    )
    assert f"miss the total by {(7770.5 - 1100 / 0.19) / 7771:.1%}" in byd.evidence
    for company in ("lenovo", "huawei", "xiaomi", "midea", "haier"):
        evidence = entries[f"d_implied_total_{company}"].evidence
        assert "other N+ amounts are printed to" not in evidence


def test_a_pair_that_meets_its_total_says_when_its_cells_miss(data):
    """BYD's amount (1,000亿 to 2,000亿 against its released 2,219亿) and share (19% to 21%
    against 2,219 ÷ 7,771 = 28.6%) both lie below BYD's own figures, while their ratio (1,000亿
    ÷ 21% to 2,000亿 ÷ 19%, so 4,762亿 to 10,526亿) meets its 7,771亿: the pair's row says that
    its agreement is no support for its cells. A pair whose cells are not contradicted or off
    says nothing of the kind, nor does a pair that misses its total. A band as wide as BYD's
    meets totals far apart, so its agreement decides nothing: the row is unverifiable."""
    from bytebook.chapters import ranking

    entries = {e.id: e for e in ranking.analyse(data).entries}
    byd = entries["d_implied_total_byd"].evidence
    assert (
        "BYD's cells are judged in their own rows (its amount contradicted and its share "
        "contradicted): both lie below BYD's own figures, so their errors offset in the ratio"
    ) in byd
    assert 2000 / 0.19 > 1.5 * 1000 / 0.21  # the band's top over its bottom: 2.2
    assert entries["d_implied_total_byd"].verdict == "unverifiable"
    assert "so agreement here says little, and meeting the total decides nothing." in byd
    cells = {
        r.company_en: (entries[r.revenue_cny_claim].verdict, entries[r.share_claim].verdict)
        for r in data.ranking.itertuples()
    }
    for company, (amount, share) in cells.items():
        pair = entries[f"d_implied_total_{company_key(company)}"]
        misses = {amount, share} & {"contradicted", "off in detail", "inconsistent"}
        meets = pair.verdict in ("supported", "consistent") or "decides nothing" in pair.evidence
        assert ("is no support for" in pair.evidence) == bool(meets and misses), company


def _row(verdict: str, stated: float = 1.0, recomputed: float = 2.0) -> LedgerEntry:
    """A made-up ledger row with only what `cells_apart_note` reads."""
    return LedgerEntry("x", "4", "stated", "", "", stated, recomputed, "CNY", Verdict(verdict), "")


@pytest.mark.parametrize(
    ("meets", "amount", "share", "said"),
    [
        # one cell off: the pair speaks for the other cell, and nothing offsets
        (True, _row("off in detail"), _row("supported"), "(its amount off in detail), "
         "and the pair's agreement with the total is no support for the amount."),
        (True, _row("unverifiable"), _row("contradicted"), "(its share contradicted), "
         "and the pair's agreement with the total is no support for the share."),
        # both cells printed too high: the errors offset in the ratio
        (True, _row("contradicted", 3, 2), _row("off in detail", 0.5, 0.4),
         "both lie above X's own figures, so their errors offset in the ratio, and the pair's "
         "agreement with the total is no support for either of them."),
        # one too low, one too high: no offset is claimed
        (True, _row("contradicted", 1, 2), _row("contradicted", 0.5, 0.4),
         "(its amount contradicted and its share contradicted), and the pair's agreement"),
        # the pair misses its total, or nothing missed: no sentence
        (False, _row("contradicted"), _row("contradicted"), ""),
        (True, _row("supported"), _row("unverifiable"), ""),
    ],
)
def test_what_a_pair_says_of_its_cells(meets, amount, share, said):
    from bytebook.chapters.ranking import cells_apart_note

    note = cells_apart_note("X", meets, amount, share)
    assert (said in note) if said else note == ""
    if said:
        assert note.startswith(" X's cells are judged in their own rows (")
        assert ("offset" in note) == ("offset" in said)


def test_the_peers_rank_says_which_figures_are_a_year_older_and_what_huawei_s_2024_gives(data):
    """Lenovo's FY2023/24 and Huawei's FY2023 (both W) sit beside 2024 figures. Huawei's 2024 at
    its 2023 share, 8,621亿 × 2,329 ÷ 7,041.74 = 2,851亿, lies above ByteDance's USD 38.5 bn to
    39.5 bn × 7.196 = 2,770亿 to 2,842亿 as a point, but its band, from a 2023 share abroad of
    32.5% to 33.5% (its source's China is 67% of revenue), reaches down to 2,801.7亿 and meets
    ByteDance's; with Lenovo 3,137亿 above and Shein (USD 38 bn × 7.196 = 2,734亿, meeting
    ByteDance's band) ByteDance would rank 2 to 4, an illustration."""
    estimate = 8621 * 2329 / 7041.74
    assert estimate > 39.5 * 7.196 * 10 and 3137 > 39.5 * 7.196 * 10
    assert 8620.5 * 7041.735 * 0.325 / 7041.745 < 39.5 * 7.196 * 10
    found = ranking.analyse(data)
    sentence = found.texts["peer_rank_years"]
    assert sentence.startswith(
        "Lenovo's FY2023/24 (W) and Huawei's FY2023 (W) are figures from the year before"
    )
    assert f"{estimate:,.0f}亿元" in sentence and "ByteDance would rank 2 to 4" in sentence
    # Both bands are printed, so a reader of the ranking page sees that they meet.
    low, high = 8620.5 * 0.325 * 7041.735 / 7041.745, 8621.5 * 0.335 * 7041.745 / 7041.735
    assert f"({low:,.1f}亿元 to {high:,.1f}亿元 at its inputs' recorded digits;" in sentence
    own = f"({38.5 * 7.196 * 10:,.0f}亿元 to {39.5 * 7.196 * 10:,.0f}亿元)"
    assert low < 39.5 * 7.196 * 10 and f"a band that meets ByteDance's 2,806亿元 {own}" in sentence
    rows = {e.id: e for e in found.entries}
    assert sentence in rows["d_peer_rank_bytedance"].evidence
    assert sentence in rows["s4_top3"].evidence
    assert rows["s4_top3"].verdict is Verdict.UNVERIFIABLE
    assert "huawei_rev_2024" in rows["s4_top3"].sources


def test_bytedance_s_rank_among_the_peers_shows_its_band(data):
    """Shein's USD 37.5 bn to 38.5 bn × 7.196 = 2,699亿 to 2,770亿 meets ByteDance's 2,770亿 to
    2,842亿 at 2,770亿: ByteDance ranks 2 to 3. The derived rank shows the band as Recomputed,
    not its best end; the claim of a top-three place among all companies, which that rank does
    not decide (it covers fewer companies), gives it in its evidence only."""
    from bytebook.ledger import recomputed_text

    assert round(38.5 * 7.196 * 10) == 2770  # Shein's top end and ByteDance's low end
    rows = {e.id: e for e in ranking.analyse(data).entries}
    for row_id in ("d_peer_rank_bytedance", "s4_top3"):
        assert "ranks 2 to 3" in rows[row_id].evidence
    assert recomputed_text(rows["d_peer_rank_bytedance"]) == "rank 2 to rank 3"
    assert rows["s4_top3"].verdict is Verdict.UNVERIFIABLE
    assert recomputed_text(rows["s4_top3"]) == ""


def test_a_peer_above_huawei_in_dollars_names_the_rate_it_is_converted_at(data):
    """Shein's USD 37.5 bn to 38.5 bn × 2024's average 7.196 = 2,698.5亿 to 2,770.5亿元 (37.5 ×
    7.196 = 269.85, whose float product, 269.8499…, would print as 2,698 at no decimal), above
    Huawei's printed 2,300亿 to 2,400亿元; the sentence names the rate."""
    assert f"{37.5 * 7.196 * 10:,.1f} {38.5 * 7.196 * 10:,.1f}" == "2,698.5 2,770.5"
    assert 37.5 * 7.196 * 10 > 2400
    evidence = {e.id: e for e in ranking.analyse(data).entries}["t_huawei_top3"].evidence
    assert (
        "Shein (2,698.5亿元 to 2,770.5亿元, USD 37.5 bn to USD 38.5 bn at 2024's average rate, "
        "7.196 CNY/USD; FY2024 sales, reported (S), counted only if"
    ) in evidence
    assert "abroad) lies above Huawei's printed 2,300亿元 to 2,400亿元" in evidence
    assert "2,698亿元" not in evidence
    # the row is consistent within the table and unverifiable on the wider scope: it says which
    # reading its verdict rests on
    row = {e.id: e for e in ranking.analyse(data).entries}["t_huawei_top3"]
    assert row.verdict is Verdict.CONSISTENT
    assert "The verdict rests on the first reading, within the table" in evidence


def test_byd_s_own_figure_is_worded_by_the_band_not_its_floor(data):
    """一千多亿 is 1,000亿 to 2,000亿: BYD's 2,219亿 lies above the top, and is more than twice
    the floor (2,219 > 2 × 1,000), though not twice the top (2,219 < 2 × 2,000)."""
    assert 2219 > 2000 and 2219 > 2 * 1000 and 2219 < 2 * 2000
    found = ranking.analyse(data)
    assert found.texts["filed_against_band_byd"] == (
        "lies above the top of the printed band, 2,000亿元, and is more than twice its floor, "
        "1,000亿元"
    )
    assert filed_rank.against_band_words(1500e8, 1000e8, 2000e8) == (
        "lies within the printed band, 1,000亿元 to 2,000亿元"
    )


def test_the_chart_of_the_companies_own_figures_says_who_is_absent_and_why(data):
    found = ranking.analyse(data)
    drawn = set(found.tables["filed_by_companies"]["company"])
    assert drawn == {"BYD", "Haier Smart Home"}
    absent = found.texts["filed_absent"]
    second_hand = "Midea's amount rests on a figure read at second hand"
    assert f"{second_hand}, which counts as a weak (W) source." in absent
    assert "ByteDance's figure is a press report on a private company, not its own." in absent
    assert "no overseas amount was found for the year the table names." in absent
    for company in ("Lenovo", "Huawei", "Xiaomi"):
        assert company in absent


def test_the_re_sorted_table_keeps_the_printed_markers(data):
    sorted_table = ranking.analyse(data).tables["sorted"].set_index("company")
    assert sorted_table.at["Huawei", "share_shown"] == "约 27%"
    assert sorted_table.at["BYD", "share_shown"] == "约 20%"
    assert sorted_table.at["Haier Smart Home", "share_shown"] == "超 50%"
    assert sorted_table.at["ByteDance", "share_shown"] == "25%"
    assert sorted_table.at["Lenovo", "overseas_shown"] == "3,100+"
    assert sorted_table.at["Haier Smart Home", "overseas_shown"] == "1,364"


def test_haier_s_hong_kong_share_takes_the_overseas_figure_s_ends_together():
    """1,438 ÷ (1,438 + 1,422): the overseas figure is in both terms, so the band is
    1,437.5 ÷ (1,437.5 + 1,422.5) = 50.26% to 1,438.5 ÷ (1,438.5 + 1,421.5) = 50.30%, not the
    50.24% to 50.31% of independent ends."""
    band = table_cells.part_of_whole(Interval(1437.5, 1438.5), Interval(1421.5, 1422.5))
    assert f"{band.low:.2%} {band.high:.2%}" == "50.26% 50.30%"


def test_lenovo_s_three_years_show_revenue_still_below_fy2021_22(data):
    """FY2021/22 = USD 62 bn (the release's figure, 61.5 to 62.5 bn) ÷ (1 − 14%, 0.865 to
    0.855): 61.5 ÷ 0.865 = 71.10 to 62.5 ÷ 0.855 = 73.10; FY2024/25's USD 69.1 bn (69.15 at
    most) is below it. Shown; the remark stays contradicted."""
    before, latest = old_money.lenovo_three_years(data)
    assert before.low == pytest.approx(61.5e9 / 0.865, rel=1e-9)
    assert before.high == pytest.approx(62.5e9 / 0.855, rel=1e-9)
    assert f"{61.5 / 0.865:.1f} {62.5 / 0.855:.1f}" == "71.1 73.1"
    assert latest.high < before.low and 69.15 < 61.5 / 0.865
    rows = {e.id: e for e in ranking.analyse(data).entries}
    flat = rows["s4_old_money_flat"]
    assert flat.verdict is Verdict.UNVERIFIABLE
    assert "FY2022/23's USD 62 bn" in flat.evidence
    assert "was USD 71.1 bn to USD 73.1 bn" in flat.evidence
    assert "is still below it: Lenovo's revenue has not grown over the three years" in flat.evidence
    assert "shown but does not decide" in flat.evidence
    assert rows["d_lenovo_rev_fy2122"].recomputed == pytest.approx(before.mid)


def test_lenovo_s_fy2022_23_revenue_is_the_release_s_figure_and_the_exact_one_is_w(data):
    """The release prints "US$62 billion" (P): the row holds 62e9, read as 61.5 to 62.5 bn. The
    exact 61.947 bn was read in an aggregator's summary: a W row of its own, which gives
    61.9465 ÷ 0.865 = 71.61 to 61.9475 ÷ 0.855 = 72.45 bn, inside the release's band, and
    decides nothing. The 71.618 bn in the note on the growth row is the reference list's, not
    the relay's text, and lies inside the band too."""
    refs = data.references
    release, summary = refs.loc["lenovo_rev_fy2223"], refs.loc["lenovo_rev_fy2223_summary"]
    assert release["value_text"] == "62e9" and release["reliability"] == "P"
    assert "US$62 billion" in release["quote"] and "reportify" not in release["source"]
    assert summary["value_text"] == "61.947e9" and summary["reliability"] == "W"
    assert summary["origin"] == "summarised" and "reportify.ai" in summary["url"]
    assert "61.947 billion" in summary["quote"]
    band = old_money.lenovo_fy2122_from_exact(data)
    assert f"{61.9465 / 0.865:.2f} {61.9475 / 0.855:.2f}" == "71.61 72.45"
    assert band.low == pytest.approx(61.9465e9 / 0.865, rel=1e-9)
    assert 61.5 / 0.865 < 61.9465 / 0.865 and 61.9475 / 0.855 < 62.5 / 0.855
    assert 61.5 / 0.865 < 71.618 < 62.5 / 0.855
    evidence = {e.id: e for e in ranking.analyse(data).entries}["d_lenovo_rev_fy2122"].evidence
    assert "printed to the billion, so USD 61.5 bn to USD 62.5 bn" in evidence
    assert "gives FY2022/23's revenue as USD 61.947 bn" in evidence
    assert "that is USD 71.61 bn to USD 72.45 bn, inside the release's band" in evidence
    assert "a figure from a weak (W) source does not decide" in evidence
    assert "the relay's own note" not in evidence
    assert "beside the growth figure (not the relay's text, and naming no source)" in evidence
    assert "as USD 71.618 bn, inside the band" in evidence


def test_the_ranking_box_is_built_from_the_chapter_s_rows(data):
    found = ranking.analyse(data)
    stated = [e for e in found.entries if e.kind == "stated"]
    box = found.texts["holds_box"]
    contradicted = sum(e.verdict is Verdict.CONTRADICTED for e in stated)
    assert box.startswith(f"Of the section's {len(stated)} claims, ")
    assert f"{contradicted} contradicted" in box
    # 63% over BYD's 2,219 ÷ 1,602.2 − 1 = 38.5%: 1.64 times.
    assert f"{0.63 / (2219 / 1602.2 - 1):.2f}" == "1.64"
    assert "两倍以上 is contradicted: ByteDance's 63% is 1.64 times BYD's 38.5%" in box
    assert "直接杀进前三, a place among all Chinese companies abroad, is unverifiable" in box
    # The table's own failed cells are named: BYD's 2,219亿 lies above its band's top, 2,000亿,
    # and its share 2,219 ÷ 7,771 = 28.6% is not about 20%; Midea's 41.52% against a printed 40%,
    # Haier's 1,429亿 against 1,364亿.
    assert 2219 > 2000 and f"{2219 / 7771:.1%}" == "28.6%"
    assert "BYD's amount and share are contradicted (BYD's 1000+ 亿元 read as 1,000亿元 to " in box
    assert "read as 1,000亿元 or more, N以上, the amount would hold)" in box
    assert "Haier Smart Home's 1364" not in box
    assert "Midea's share and Haier Smart Home's amount are off in detail" in box


def test_a_share_s_gap_is_said_in_percentage_points_before_the_grade_s_fraction(data):
    """Midea's filed share, 41.52% (41.515% to 41.525%), against the printed 40% (39.5% to
    40.5%): 41.515 − 40.5 = 1.015 points apart, said at the ends' own digits, not as a rounded
    '1'. (Haier's 49.97% had been the example of a small gap; with the 0.49% its table by
    region assigns to no region it now reaches 超50%.) BYD's
    derived 2,219 ÷ 7,771 (at least 2,218.5 ÷ 7,771.5 = 28.547%) against 约20% (19% to 21%):
    28.5 − 21 = 7.5 points at one decimal. The fraction of the evidence's middle still sets the
    grade: 1.015 ÷ 41.52 = 2.4%."""
    rows = {entry.id: entry for entry in ranking.analyse(data).entries}
    assert f"{41.515 - 40.5:.3f} {2218.5 / 7771.5:.3%}" == "1.015 28.547%"
    assert f"{1.015 / 41.52:.1%}" == "2.4%"
    assert (
        "they are 1.015 percentage points apart (the evidence's lower end, 41.515%, less the "
        "printed range's upper end, 40.5%), a gap of 2.4%"
    ) in rows["t_midea_share"].evidence
    assert (
        "they are 7.5 percentage points apart (the evidence's lower end, 28.5%, less the "
        "printed range's upper end, 21%)"
    ) in rows["t_byd_share"].evidence
    assert rows["t_midea_share"].verdict is Verdict.OFF_IN_DETAIL


def test_the_title_s_grade_holds_over_the_article_s_own_365_days(data):
    """一年 7.3 亿 = 200 万美元 × 365: the article counts 365 days. 2,854.5亿 ÷ 365 = 7.8205亿 to
    2,855.5亿 ÷ 365 = 7.8233亿; the title's 7.465 to 7.475 misses by (7.8205 − 7.475) ÷ 7.8219
    = 4.4%, within 5%: off in detail, as over 2024's 366 days."""
    from bytebook.chapters import preface

    assert 7.3e8 / 2e6 == 365
    gap = (2854.5 / 365 - 7.475) / ((2854.5 + 2855.5) / 2 / 365)
    assert f"{gap:.1%} {(7.82 - 7.475) / 7.82:.1%}" == "4.4% 4.4%" and gap < 0.05
    entry = {e.id: e for e in preface.analyse(data).entries}["title_daily_revenue"]
    assert (
        "The article itself counts a year as 365 days (its 一年 7.3 亿 is 每天 200 万美元 × 365); "
        "over 365 days the same figure is 7.82亿元 a day, 4.4% from the title's ((7.82亿元 − "
        "7.475亿元) ÷ 7.82亿元), and the grade is the same." in entry.evidence
    )
    assert entry.verdict is Verdict.OFF_IN_DETAIL


def test_the_growth_multiple_the_prose_prints_is_a_row_of_its_own(data):
    """The boxes and the prose print 63% ÷ BYD's 38.5% (2,219亿 ÷ 1,602.2亿 − 1) = 1.64 times, a
    point; the band at the printed precision, 62.5% ÷ 38.55% = 1.62 to 63.5% ÷ 38.45% = 1.65,
    decides. The point has a derived row, so every figure the page prints is in the ledger."""
    from bytebook.ledger import recomputed_text

    point = 0.63 / (2219 / 1602.2 - 1)
    assert f"{point:.2f}" == "1.64"
    found = ranking.analyse(data)
    assert found.numbers["growth_ratio"] == pytest.approx(point, rel=1e-4)
    rows = {entry.id: entry for entry in found.entries}
    assert recomputed_text(rows["d_growth_ratio_point"]) == "1.64×"
    assert "= 1.64 times, the figures as written" in rows["d_growth_ratio_point"].evidence
    assert recomputed_text(rows["d_growth_ratio"]) == (
        f"{0.625 / 0.3855:.2f}× to {0.635 / 0.3845:.2f}×"
    )


MODEL_ONLY = {
    # 成本砍半: cost per useful GPU-hour as price ÷ utilisation, from 35% to 72%: 35 ÷ 72.
    "s23_cost_half": f"{35 / 72:.1%}",
    # 打掉一半: section 2.1's bitrates, 8 → 3.2 Mbps, applied to live streams: 1 − 3.2 ÷ 8.
    "s3_live_bandwidth": f"{1 - 3.2 / 8:.0%}",
}
"""Claims whose one finding rests on this book's own model, with the model's figure."""


@pytest.mark.parametrize(("claim_id", "model"), list(MODEL_ONLY.items()))
def test_a_finding_on_the_book_s_model_alone_never_says_its_figures_agree(
    data, claim_id, model
):
    """A model's figure is no evidence: the finding says where it lies against the printed
    band (约 half, ±10 points either way at one printed unit: 40% to 60%) and that a model does
    not decide, never 'its figures agree'; the row stays unverifiable. 1 − 3.2 ÷ 8 is the band's
    top end, 60%, and is said to lie at it, not within."""
    from bytebook.chapters import economics, infrastructure

    chapters = (economics, infrastructure)
    entries = {e.id: e for chapter in chapters for e in chapter.analyse(data).entries}
    entry = entries[claim_id]
    assert (0.40 <= float(model.rstrip("%")) / 100 <= 0.60) and entry.verdict == "unverifiable"
    place = "at the top end of" if model == "60%" else "within"
    assert (
        f"Not decisive: this book's illustration, {model}, lies {place} 40% to 60%; a model does "
        "not decide." in entry.evidence
    )
    assert "its figures agree" not in entry.evidence


def test_every_row_on_an_illustration_alone_is_worded_as_a_model(data):
    """Every ledger row that rests on this book's illustration alone (it says so and cites no
    source) is worded as one: 'a model does not decide', never 'its figures agree'."""
    rows = ledger(data).to_dict("records")
    alone = [row for row in rows if "illustration" in row["evidence"] and not row["sources"]]
    assert {row["id"] for row in alone} >= set(MODEL_ONLY)
    for row in alone:
        assert "its figures agree" not in row["evidence"], row["id"]
        assert "a model does not decide" in row["evidence"], row["id"]


def test_the_summary_names_the_first_hand_share_the_table_understates(data):
    """BYD's 2024 share is 2,219亿 ÷ 7,771亿 = 28.6%, above the printed 约 20% (19% to 21%):
    a contradicted cell the summary's box names beside the amounts. Haier Smart Home's
    49.97% lies below its printed 超 50%, so it is not named there."""
    share = 2219 / 7771
    assert f"{share:.1%}" == "28.6%" and share > 0.21
    filed, _, _ = understatement.understated(data)
    shares = understatement.filed_shares_above(data, filed)
    assert shares == ["BYD's share (28.6%, printed as 约 20%)"]
    text = summary.analyse(data).texts["filed_understated"]
    assert "and BYD's share (28.6%, printed as 约 20%) is understated too" in text
    assert "Haier Smart Home's share" not in text


def test_the_live_gifting_text_reads_the_gifts_as_gross_only_as_a_reading(ledger_rows):
    """The remainder's row says the article does not say whether its USD 2 bn of gifts is gross
    or net; the page's gifting paragraph must not state it as a fact."""
    [row] = [r for r in ledger_rows if r["id"] == "d_remainder_net_gifting"]
    assert "does not say which it means" in row["evidence"]
    page = (ROOT / "book" / "economics.md").read_text(encoding="utf-8")
    gifting = " ".join(page.split("## Live gifting")[1].split("\n\n")[1].split())
    assert " is gross" not in gifting and "does not say which it means" in gifting
    assert "app-store fees" not in gifting, "a clause no source of the cut supports"


def test_haier_s_share_says_how_much_of_the_unassigned_part_it_needs_abroad(ledger_rows):
    """Haier's table by region puts 49.97% abroad and 0.49% nowhere; 49.97% is at most
    49.975% at its digits, so the printed 超 50% needs at least 0.025 points of that 0.49%
    abroad, (50 − 49.975) ÷ 0.49 = 5% of it. A verdict that rests on that part says how little
    of it it needs, and that the table does not say."""
    [row] = [r for r in ledger_rows if r["id"] == "t_haier_share"]
    needed = round((50 - 49.975) / 0.49 * 100)
    assert needed == 5
    assert (
        "only if at least 0.025 percentage points (50% less 49.975%, the top of 49.97% at its "
        f"recorded digits) of that part, about {needed}% of it, were earned abroad, which the "
        "table does not say" in row["evidence"]
    )


def test_a_share_short_of_its_band_only_as_tabulated_says_how_far_and_what_grade_that_is():
    """The unassigned-part rule keys on the share as tabulated at its recorded digits: a share
    that meets the printed band by itself (69%, at most 69.5%, against 70% read as 69.5% to
    70.5%) does not rest on the unassigned part, though its point, 69%, lies below the band.
    One that falls short by more than 5% of itself (40.00%, at most 40.005%, against 超 50%,
    with 15% unassigned) says that at worst it fails, not that it is off in detail:
    (50 − 40.005) ÷ 40 = 25%."""
    from bytebook.chapters.table_cells import _needed_abroad_text, _rests_on_unassigned
    from bytebook.filed_years import Figure
    from bytebook.policy import Interval

    def share(shown: str, value: float, unassigned: float) -> Figure:
        half = 0.5 * 10 ** -(len(shown.rstrip("%").partition(".")[2]) + 2)
        own = Interval(value - half, value + half)
        return Figure(
            Interval(own.low, own.high + unassigned),
            "share",
            ("a_share",),
            "S",
            "tabulated",
            point=value,
            reach=value + unassigned,
            tabulated=own,
        )

    meets = share("69%", 0.69, 0.02)
    assert not _rests_on_unassigned(meets, Interval(0.695, 0.705))
    assert _needed_abroad_text(meets, Interval(0.695, 0.705)) == ""
    short = share("40.00%", 0.40, 0.15)
    text = _needed_abroad_text(short, Interval(0.50, 1.0))
    assert (0.50 - 0.40005) / 0.40 > 0.05
    assert "at worst it fails" in text and "at worst the printed figure is off" not in text
