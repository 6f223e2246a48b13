"""Sources: weak figures never decide, and every reference a verdict rests on is cited."""

import csv

import pytest

from bytebook.book import all_entries
from bytebook.checks import against_reference
from bytebook.ledger import Verdict
from bytebook.paths import DATA_DIR
from bytebook.sources import NOT_RECORDED, reliability_counts, source_records


def test_a_weak_source_cannot_decide_a_verdict(data):
    with pytest.raises(ValueError, match="is W"):
        against_reference(data, "s3_capcut_price", "capcut_pro_price")


def test_a_claim_against_one_reference_is_graded_by_the_policy(data):
    """s1_growth prints 63% (62.5% to 63.5%); the reference's 63% sits inside it: supported.
    With a note, the note follows the citation, and the row cites the one reference."""
    entry = against_reference(data, "s1_growth", "bd_intl_growth_2024", "A test note.")
    assert entry.verdict is Verdict.SUPPORTED
    assert entry.recomputed == pytest.approx(0.63)
    assert entry.sources == ("bd_intl_growth_2024",)
    assert "). A test note. The printed figure is read as rounded" in entry.evidence
    assert entry.evidence.startswith("ByteDance international revenue growth: 63% (")


def test_every_source_a_verdict_rests_on_is_a_known_reference(data):
    for entry in all_entries(data):
        assert set(entry.sources) <= set(data.references.index), entry.id


def test_supported_and_contradicted_rows_rest_on_a_p_or_s_source(data):
    for entry in all_entries(data):
        if entry.verdict in (Verdict.SUPPORTED, Verdict.CONTRADICTED) and entry.sources:
            tags = {data.references.at[s, "reliability"] for s in entry.sources}
            assert tags & {"P", "S"}, entry.id


def test_source_records_list_every_reference_and_what_cites_it(data):
    records = source_records(data, all_entries(data)).set_index("id")
    assert list(records.index) == list(data.references.index)
    assert set(records["accessed"]) == {NOT_RECORDED}
    assert "s1_meta_rl_loss" in records.at["meta_rl_loss_2022", "cited_by"]
    assert "assumption cdn_price_per_gb" in records.at["cdn_list_floor_useu", "cited_by"]


def test_source_records_show_each_figure_as_a_reader_reads_it(data):
    figures = source_records(data, all_entries(data)).set_index("id")["figure"]
    assert figures["bd_intl_2024"] == "USD 39 bn"  # 39e9 USD in billions
    assert figures["bd_intl_growth_2024"] == "63%"  # 0.63
    assert figures["cdn_list_floor_useu"] == "USD 0.02 per GB"  # the unit in words
    assert figures["tiktok_intl_launch"] == "2017-09"  # a date has no number


def test_reliability_counts_cover_every_reference_once(data):
    counts = reliability_counts(source_records(data, all_entries(data)))
    with open(DATA_DIR / "references.csv", encoding="utf-8") as file:
        tags = [row["reliability"] for row in csv.DictReader(file)]
    assert counts["total"] == len(tags) == counts["P"] + counts["S"] + counts["W"]
    assert counts["W"] == tags.count("W")
    assert 0 <= counts["uncited"] < counts["total"]
