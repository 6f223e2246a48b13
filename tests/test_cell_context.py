"""The ranking's cells show the context that bears on them: Xiaomi's quarters with their
shares, the pair check behind Huawei's cells, Haier's Hong Kong-basis share beside the A-share
one; and the methods table states the rule that keeps a cell unverifiable despite a P total."""

from __future__ import annotations

import re

import pytest

from bytebook.book import all_entries
from bytebook.policy import PAIR_RULE, Verdict, policy_table


@pytest.fixture(scope="module")
def rows(data):
    return {entry.id: entry for entry in all_entries(data)}


def test_xiaomi_s_share_shows_both_quarters_with_their_shares(data, rows):
    quote = data.references.at["xiaomi_overseas_share_q3_2024", "quote"]
    assert "43.4%" in quote and data.reference("xiaomi_overseas_share_q3_2024") == 0.434
    # Q1 2023: RMB 27,000m of a quarter's revenue of 59,477.1m is 45.396%, recorded as 45.4%.
    assert round(27_000 / 59_477.1, 3) == data.reference("xiaomi_overseas_share_q1_2023_derived")
    evidence = rows["t_xiaomi_share"].evidence
    assert "Q3 2024, 401.6亿元" in evidence and "43.4% of the quarter's revenue" in evidence
    assert "Q1 2023, 270亿元" in evidence and "45.4% of the quarter's revenue" in evidence
    assert rows["t_xiaomi_share"].verdict is Verdict.UNVERIFIABLE


def test_huawei_s_cells_show_the_pair_check_that_supports_them(rows):
    # 2300+ 亿元 is 2300 to 2400; 约 27% is 27% ± max(1 point, 5% of 27%) = 25.65% to 28.35%.
    low, high = 2300 / 0.2835, 2400 / 0.2565
    assert (round(low), round(high)) == (8113, 9357)
    assert low <= 8621 <= high  # Huawei's 2024 total, 8,621亿 (P)
    for row_id in ("t_huawei_overseas", "t_huawei_share"):
        entry = rows[row_id]
        assert "8,113亿元 to 9,357亿元" in entry.evidence and "8,621亿元" in entry.evidence, row_id
        assert "not decisive: its figures agree within their intervals." in entry.evidence, (
            row_id
        )
        assert "would read supported" not in entry.evidence, row_id
        assert "confirms neither cell alone" in entry.evidence, row_id
        assert entry.verdict is Verdict.UNVERIFIABLE, row_id
    assert rows["d_implied_total_huawei"].verdict is Verdict.SUPPORTED


def test_haier_s_hong_kong_share_is_shown_beside_the_a_share_one(data, rows):
    share_hk = 143.8 / (143.8 + 142.2)  # overseas ÷ (overseas + domestic), HK basis
    assert f"{share_hk:.2%}" == "50.28%"  # at the A-share figure's two decimals
    evidence = rows["t_haier_share"].evidence
    assert "50.28%" in evidence and "49.97%" in evidence
    assert (
        "not decisive: its figures agree within their intervals." in evidence
    )  # W: shown, never deciding, and given no verdict of its own
    assert "would read supported" not in evidence
    # The A-share figure (S) is 49.97% abroad, below 50%, with 0.49% that the table by region
    # assigns to no region; were that earned abroad, 49.975% + 0.495% is above 50%. The table
    # does not say where it was earned, so neither figure decides.
    assert 0.49975 < 0.50 < 0.49975 + 0.00495
    assert rows["t_haier_share"].verdict is Verdict.UNVERIFIABLE


def test_the_pair_rule_keeps_lenovo_s_and_xiaomi_s_cells_unverifiable(rows):
    # Lenovo: 3100+ ÷ 70% = 3100/0.705 to 3200/0.695 = 4,397 to 4,604亿, below the P 4,985亿.
    assert 3200 / 0.695 < 4985
    # Xiaomi: 1200+ ÷ 45% = 1200/0.455 to 1300/0.445 = 2,637 to 2,921亿, below the P 3,659亿.
    assert 1300 / 0.445 < 3659.064
    for company in ("lenovo", "xiaomi"):
        assert rows[f"d_implied_total_{company}"].verdict is Verdict.CONTRADICTED
        for cell in ("overseas", "share"):
            entry = rows[f"t_{company}_{cell}"]
            assert entry.verdict is Verdict.UNVERIFIABLE, entry.id
            assert (
                "not decisive: its figures miss each other by more than 5% of the evidence."
                in entry.evidence
            ), entry.id
    table = policy_table().set_index("rule")
    assert table.at["a printed pair against a total", "meaning"] == PAIR_RULE
    assert re.search(r"stays unverifiable, whatever the total's tag", PAIR_RULE)
