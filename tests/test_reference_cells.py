"""The source columns of data/references.csv are kept as the research gave them; what the book
adds goes into the note, the origin or the published column."""

from __future__ import annotations

import re
from statistics import fmean

import pytest

from bytebook.checks import later_sources_note


def test_the_group_revenue_source_is_the_research_s_own_words(data):
    # The research's words for the USD 155 bn: the date it was relayed is not in them.
    assert data.references.at["bd_group_2024", "source"] == (
        "The Information, relayed by The Money Times"
    )
    # The date lives in the published column, read from the URL's /2025/08/23/.
    assert data.references.at["bd_group_2024", "published"] == "2025-08-23"
    assert "/2025/08/23/" in data.references.at["bd_group_2024", "url"]
    assert "after the article" in later_sources_note(data, "bd_group_2024")


def test_the_exchange_rate_source_keeps_its_twelve_months(data):
    source = data.references.at["fx_2024_avg_fed", "source"]
    assert source.startswith("Federal Reserve H.10 / FRED series EXCHUS (monthly averages: ")
    months = [float(m) for m in re.findall(r"\d\.\d{4}", source)]
    assert len(months) == 12
    # The lowest and highest month rows are read from that list; the average is their mean,
    # 7.19583…, recorded as 7.196.
    assert data.reference("fx_2024_min_month_fed") == min(months) == 7.0760
    assert data.reference("fx_2024_max_month_fed") == max(months) == 7.2807
    assert fmean(months) == pytest.approx(7.1958, abs=5e-5)
    assert data.reference("fx_2024_avg_fed") == pytest.approx(fmean(months), abs=5e-4)
