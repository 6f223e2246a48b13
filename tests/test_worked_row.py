"""The methods page's row worked through by hand gives the verdict the ledger gives, and the
words the page prints around its steps hold for that row."""

from __future__ import annotations

import pytest

from bytebook.ledger import WORKING_NOTE
from bytebook.worked_row import worked_row


@pytest.fixture(scope="module")
def worked(data):
    return worked_row(data)


def test_the_worked_row_gives_the_verdict_its_ledger_row_gives(worked, ledger_rows):
    """1364 亿元 is 1,363.5亿 to 1,364.5亿; the source's 1429亿 is 1,428.5亿 to 1,429.5亿; the
    gap, (1,428.5 − 1,364.5) ÷ 1,429 = 4.48%, is within 5%: off in detail."""
    gap = (1428.5 - 1364.5) / 1429
    assert 0 < gap <= 0.05 and f"{gap:.1%}" == "4.5%"
    assert worked.printed_band == "1,363.5亿元 to 1,364.5亿元"
    assert worked.evidence_band == "1,428.5亿元 to 1,429.5亿元"
    assert worked.gap_sum == "(1,428.5亿元 − 1,364.5亿元) ÷ 1,429亿元" and worked.gap == "4.5%"
    row = next(row for row in ledger_rows if row["id"] == worked.claim_id)
    assert worked.verdict == row["verdict"] == "off in detail"


def test_the_words_around_the_steps_hold_for_the_row_worked(worked, data, ledger_rows):
    """The page says: a cell of the ranking table, printed with no qualifier (half a unit
    either way), one deciding source, bands that do not meet, and a period finding on a weak
    source in its evidence that does not decide."""
    claim = data.claim(worked.claim_id)
    assert worked.claim_id.startswith("t_") and claim["section"] == "4"
    assert claim["qualifier"] == "="
    assert data.references.at[worked.reference_id, "reliability"] in ("P", "S")
    row = next(row for row in ledger_rows if row["id"] == worked.claim_id)
    assert worked.reference_id in row["sources"].split(";")
    assert data.cite(worked.reference_id) in row["evidence"]
    assert "Period finding" in row["evidence"] and "weak (W) source" in row["evidence"]
    assert not row["evidence"].endswith(WORKING_NOTE)
