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


def test_the_quarter_rests_on_the_report_that_states_it(data):
    """'占集团总盘子的 1/4' and the table's 25% are set against the report that states the
    quarter outright (S, publication date not recorded), not only against USD 39 bn ÷ the
    USD 155 bn relayed after the article."""
    from bytebook.book import all_entries
    from bytebook.checks import postdates_article

    assert not postdates_article(data, "bd_intl_share_2024")
    assert data.references.at["bd_intl_share_2024", "published"] == ""
    assert data.references.at["bd_intl_share_2024", "reliability"] == "S"
    # 约 1/4 is 25% ± max(1 point, 5% of 25%) = 23.75% to 26.25%; the stated quarter (25%,
    # ± half its last digit) lies inside, so that finding alone supports the claim.
    assert 0.2375 <= data.reference("bd_intl_share_2024") <= 0.2625
    rows = {entry.id: entry for entry in all_entries(data)}
    for row_id in ("s1_group_share", "t_bytedance_share"):
        entry = rows[row_id]
        assert "bd_intl_share_2024" in entry.sources, row_id
        assert "states the share outright" in entry.evidence, row_id
        assert "the date it was published was not recorded" in entry.evidence, row_id
        assert str(entry.verdict) == "supported", row_id


def test_a_figure_read_from_a_note_says_so_in_its_source_until_read_at_first_hand(data):
    # The rows the book made from the research's notes on other rows (data/README.md): each
    # says "read at second hand" in its source, or has since been read at first hand and then
    # carries a quote and the address it was read at. A derived row names its inputs instead.
    refs = data.references
    from_notes = [
        ref
        for ref in refs.index
        if re.search(r"note (of|on)\b|research note|'s note\b", refs.at[ref, "note"])
        and refs.at[ref, "origin"] != "derived"
    ]
    assert {"tiktok_gift_take"} <= set(from_notes)
    for ref in from_notes:
        read_since = bool(refs.at[ref, "quote"]) and bool(refs.at[ref, "url"])
        assert read_since or "read at second hand" in refs.at[ref, "source"], ref


def test_a_quote_read_in_a_summary_says_so_in_its_source(data):
    """A quote taken from a summary of a paper, not from the paper, was read at second hand
    like a figure from a note: its source cell carries the words the second-hand rule reads."""
    from bytebook.checks import deciding, second_hand

    refs = data.references
    summarised = [
        ref
        for ref in refs.index
        if re.search(r"secondary summary|body not read", refs.at[ref, "note"])
    ]
    assert "monolith_sync" in summarised
    for ref in summarised:
        assert "read at second hand" in refs.at[ref, "source"], ref
        assert second_hand(data, ref) and not deciding(data, ref), ref


def test_no_note_says_what_the_passage_read_does_not(data):
    """The 机器之心 passage on BVC2.0 names no standard: the downloadable data may not say
    BVC2.0 is not VVC-conformant, which the book's text declines to say."""
    note = data.references.at["bvc2_vs_x265", "note"]
    assert "VVC" not in data.references.at["bvc2_vs_x265", "quote"]
    assert "conformant" not in note and "not VVC" not in note
    assert "names no standard" in note


def test_each_meta_figure_names_the_filing_its_url_is(data):
    # The three Reality Labs losses were read in one filing, the FY2024 10-K (filed in 2025,
    # accession 0001326801-25-000017), whose segment table gives 2024, 2023 and 2022.
    refs = data.references
    meta = [ref for ref in refs.index if ref.startswith("meta_rl_loss_")]
    assert len(meta) == 3
    for ref in meta:
        assert refs.at[ref, "url"].endswith("-25-000017/META-10K-2024FY"), ref
        assert refs.at[ref, "source"] == "Meta Platforms 10-K for FY2024 (segment table)", ref


def test_the_launch_date_s_source_says_what_it_is(data):
    source = data.references.at["tiktok_intl_launch", "source"]
    assert source.startswith("unnamed case studies")
    assert "no publisher or title recorded" in source
    assert data.references.at["tiktok_intl_launch", "reliability"] == "W"


def test_the_2024_totals_of_lenovo_and_huawei_say_where_they_were_read(data):
    """Lenovo's FY2024/25 totals and Huawei's 2024 total, which decide their ranking rows, give
    the repost they were read in; a total read on the page its growth row was read on quotes
    the same sentence there (the research's "revenue of US$69.1 billion" and "862.1 billion
    yuan" are not on those pages)."""
    refs = data.references
    for ref in ("lenovo_rev_fy2425", "lenovo_rev_fy2425_cny", "huawei_rev_2024"):
        assert refs.at[ref, "url"].startswith("https://"), ref
        assert "reposted on" in refs.at[ref, "source"], ref
    for total, growth, figure in (
        ("lenovo_rev_fy2425", "lenovo_rev_growth_fy2425", "US$69.1 billion"),
        ("huawei_rev_2024", "huawei_rev_growth_2024", "862.1 billion"),
    ):
        assert refs.at[total, "url"] == refs.at[growth, "url"], total
        assert refs.at[total, "quote"] == refs.at[growth, "quote"], total
        assert figure in refs.at[total, "quote"], total
