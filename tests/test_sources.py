"""Sources: weak figures never decide, and every reference a verdict rests on is cited."""

import csv
import re
from dataclasses import replace

import pytest

from bytebook.book import all_entries, ledger
from bytebook.chapters import economics
from bytebook.checks import against_reference, later_sources_note, postdates_article
from bytebook.ledger import Verdict
from bytebook.paths import DATA_DIR
from bytebook.policy import LATER_SOURCE_RULE, policy_table
from bytebook.sources import NOT_RECORDED, references_cited, reliability_counts, source_records


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


def _cited_in_evidence(data, evidence: str) -> set[str]:
    """The references whose short citation (or, for a grouped citation, whose producer) the
    evidence text quotes; 'derived' is a kind of figure in period findings, not a producer."""
    refs = data.references
    return {
        ref
        for ref in refs.index
        if data.cite(ref) in evidence
        or (refs.at[ref, "source"] != "derived" and f"{refs.at[ref, 'source']}, " in evidence)
    }


def test_every_reference_a_row_cites_in_its_evidence_is_among_its_listed_sources(data):
    """References that share a citation (one producer and period) count as one: the row must
    list at least one of them."""
    refs = data.references
    for entry in all_entries(data):
        for ref in _cited_in_evidence(data, entry.evidence):
            producer = refs.at[ref, "source"]
            assert any(refs.at[s, "source"] == producer for s in entry.sources), (entry.id, ref)


def test_the_sources_column_lists_each_row_s_own_sources_and_only_known_references(data):
    table = ledger(data).set_index("id")
    known = set(data.references.index)
    for entry in all_entries(data):
        listed = [s for s in table.at[entry.id, "sources"].split(";") if s]
        assert set(listed) == set(entry.sources), entry.id
        assert set(listed) <= known, entry.id


def test_a_reference_sharing_a_row_s_citation_is_not_listed_unless_the_row_uses_it(data):
    """bd_intl_share_2024 shares The Information's FY2024 citation with bd_intl_2024 (only the
    share rows use it); the Doubao blog's rows and the H1 2024 press report likewise each hold
    two figures."""
    sources = ledger(data).set_index("id")["sources"].str.split(";")
    assert "bd_intl_share_2024" not in sources["s1_overseas_revenue"]
    assert "bd_intl_share_2024" in sources["s1_group_share"]
    # The utilisation row uses both of the blog's prefill figures; the pooling row only the
    # blog's sentence on serving prefill and decode apart, whose quote says so.
    assert sources["s23_gpu_util"] == ["doubao15_prefill_tc_util", "doubao15_prefill_ffn_mfu"]
    assert sources["s23_pd_pooling"] == ["doubao15_pd_serving"]
    assert "PD 分离" in data.references.at["doubao15_pd_serving", "quote"]
    assert "bd_group_h1_2024" not in sources["d_h2_over_h1"]
    assert sources["d_h2_overseas"] == ["bd_intl_h1_2024"]


def test_a_period_finding_lists_the_figures_of_every_year_it_names(data):
    """BYD's period note names FY2022 (closest), FY2023's amount alone and FY2023's amount over
    FY2024's total; Xiaomi's sets its printed pair against the totals of three years."""
    sources = ledger(data).set_index("id")["sources"].str.split(";")
    assert {"byd_overseas_2023", "byd_rev_2024", "byd_rev_2022"} <= set(sources["d_year_match_byd"])
    assert {"xiaomi_rev_2022", "xiaomi_rev_2023", "xiaomi_rev_2024"} <= set(
        sources["d_year_match_xiaomi"]
    )


def test_a_row_listing_an_unknown_reference_is_refused_by_name(data):
    entry = replace(all_entries(data)[0], sources=("no_such_reference",))
    with pytest.raises(ValueError, match=f"'{entry.id}'.*no_such_reference"):
        references_cited(data, [entry])


def test_supported_and_contradicted_rows_rest_on_a_p_or_s_source(data):
    for entry in all_entries(data):
        if entry.verdict in (Verdict.SUPPORTED, Verdict.CONTRADICTED) and entry.sources:
            tags = {data.references.at[s, "reliability"] for s in entry.sources}
            assert tags & {"P", "S"}, entry.id


def test_source_records_list_every_reference_and_what_cites_it(data):
    records = source_records(data, all_entries(data)).set_index("id")
    assert list(records.index) == list(data.references.index)
    assert "s1_meta_rl_loss" in records.at["meta_rl_loss_2022", "cited_by"]
    assert "assumption cdn_price_per_gb" in records.at["cdn_list_floor_useu", "cited_by"]


def test_no_column_of_the_sources_table_says_one_thing_throughout(data):
    """A column whose every cell reads alike tells a reader nothing a sentence cannot: the dates
    of access, never recorded, had filled one with 'not recorded' on every row (and every card
    on a phone); the page says once that they were not recorded."""
    from bytebook.present import sources_html

    table = sources_html(source_records(data, all_entries(data)), all_entries(data)).data
    cells: dict[str, set[str]] = {}
    for label, text in re.findall(r'<td data-th="?([^">]+?)"?(?: [^>]*)?>(.*?)</td>', table, re.S):
        cells.setdefault(label, set()).add(text)
    assert len(cells) >= 8
    assert not [label for label, texts in cells.items() if len(texts) == 1]


def test_a_derived_figure_shows_on_the_sources_page_how_it_is_derived(data):
    """A figure worked out from others has no source's words to show: its row shows the note
    that records how it was worked out. Lenovo's FY2023/24 revenue abroad applies China's share
    of nine months to the whole year, and its row says so."""
    import html

    from bytebook.present import DERIVATION_LABEL, sources_html

    entries = all_entries(data)
    table = sources_html(source_records(data, entries), entries).data
    refs = data.references
    derived = refs.index[refs["origin"] == "derived"]
    assert len(derived) >= 5
    for ref in derived:
        row = re.search(rf'<tr id="source-{ref}">(.*?)</tr>', table, re.S).group(1)
        text = html.unescape(re.sub(r"<[^>]+>", "", row))
        assert f"{DERIVATION_LABEL} {refs.at[ref, 'note']}" in text, ref
    lenovo = refs.at["lenovo_overseas_fy2324_approx", "note"]
    assert "nine months" in lenovo and "lenovo_china_rev_9m_fy2324" in lenovo
    nine_month_china_share = 9.91 / 43.031  # the nine-month row's figure and its note's total
    recomputed = 4074e8 * (1 - round(nine_month_china_share, 3))
    assert recomputed == pytest.approx(refs.at["lenovo_overseas_fy2324_approx", "value"], abs=0.5e8)


def test_source_records_show_each_figure_as_a_reader_reads_it(data):
    figures = source_records(data, all_entries(data)).set_index("id")["figure"]
    assert figures["bd_intl_2024"] == "USD 39 bn"  # 39e9 USD in billions
    assert figures["bd_intl_growth_2024"] == "63%"  # 0.63
    assert figures["cdn_list_floor_useu"] == "USD 0.020 per GB"  # the unit in words
    assert figures["tiktok_intl_launch"] == "2017-09"  # a date has no number


def test_a_source_s_figure_keeps_the_decimals_it_is_recorded_with(data):
    """A figure recorded with a trailing zero reads with it, as the chapters quote it: the
    Fed's lowest monthly rate 7.0760, not 7.076; a share keeps its percent form."""
    figures = source_records(data, all_entries(data)).set_index("id")["figure"]
    for ident, shown in [
        ("fx_2024_min_month_fed", "7.0760 CNY/USD"),
        ("doubao_pro32k_price_in", "CNY 0.80"),
        ("tiktok_cpm_2024_q2", "USD 8.70 CPM"),
        ("tiktok_gift_take", "50%"),
    ]:
        assert data.references.at[ident, "value_text"] in shown or shown.endswith("%")
        assert figures[ident].startswith(shown), (ident, figures[ident])


def test_reliability_counts_cover_every_reference_once(data):
    counts = reliability_counts(source_records(data, all_entries(data)))
    with open(DATA_DIR / "references.csv", encoding="utf-8") as file:
        tags = [row["reliability"] for row in csv.DictReader(file)]
    assert counts["total"] == len(tags) == counts["P"] + counts["S"] + counts["W"]
    assert counts["W"] == tags.count("W")
    assert 0 <= counts["uncited"] < counts["total"]


def test_the_figures_this_book_derives_are_counted_apart_from_published_ones(data):
    """The sources page counts the references as published figures plus those this book's data
    works out from others (origin 'derived', each tagged W), so that the weak figures it calls
    'an aggregator or unvetted page' are the published W rows only; counted from the CSV."""
    with open(DATA_DIR / "references.csv", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    derived = [row for row in rows if row["origin"] == "derived"]
    assert derived and {row["reliability"] for row in derived} == {"W"}
    counts = reliability_counts(source_records(data, all_entries(data)))
    assert counts["derived"] == len(derived)
    assert counts["published"] == len(rows) - len(derived)
    assert counts["W_published"] == sum(row["reliability"] == "W" for row in rows) - len(derived)


def test_the_count_of_p_and_s_figures_read_at_second_hand_is_the_data_s(data):
    """The sources page says how many P or S figures count as W because they were read at
    second hand; the count is read from the CSV's source cells, and these two are they (the H1
    group revenue, once taken from a note, is quoted from the relay's own text, RankMixer's
    utilisation from the paper's abstract, and TikTok's share of the payout on gifts, W since,
    from a report that gives it in its own words)."""
    with open(DATA_DIR / "references.csv", encoding="utf-8") as file:
        marked = {
            row["id"]
            for row in csv.DictReader(file)
            if "read at second hand" in row["source"] and row["reliability"] in ("P", "S")
        }
    assert marked == {
        "midea_china_rev_2024",
        "monolith_sync",
    }
    counts = reliability_counts(source_records(data, all_entries(data)))
    assert counts["second_hand_p_or_s"] == len(marked) == 2


def test_a_source_published_after_the_article_is_said_to_be_so(data):
    """The Money Times relayed ByteDance's USD 155 bn on 2025-08-23, after the article of
    2025-07-25; a 2026 GPU price sets a model default. Every row whose evidence rests on a later
    source says so, whatever its verdict (the derived rows too: the China split, the growth
    figures, the year match, the recommender's candidates); the policy states the rule."""
    assert postdates_article(data, "bd_group_2024")
    assert not postdates_article(data, "bd_intl_2024")
    rows = {entry.id: entry for entry in all_entries(data)}
    for entry in rows.values():
        later = [s for s in entry.sources if postdates_article(data, s)]
        if later:
            assert "after the article" in entry.evidence, entry.id
    for row_id in ("t_bytedance_share", "d_reported_share"):
        assert (
            "ByteDance group revenue (2025-08-23) relays The Information; The Money Times "
            "published it after the article"
        ) in rows[row_id].evidence
    for row_id in (
        "d_domestic_2024",
        "d_domestic_growth",
        "d_year_match_bytedance",
        "d_candidates_for_claim",
        "d_group_growth",
        "d_implied_group_gap",
    ):
        assert "after the article (2025-07-25)" in rows[row_id].evidence, row_id
    assert "bd_group_2024" in rows["d_domestic_2024"].sources
    assert rows["t_bytedance_share"].verdict is Verdict.SUPPORTED
    assert "after the article" in LATER_SOURCE_RULE
    assert LATER_SOURCE_RULE in set(policy_table()["meaning"])


def test_a_publication_date_is_compared_to_the_day(data):
    """A source published on the article's own day or month does not postdate it; the next day
    does."""
    for published, later in (("2025-07-25", False), ("2025-07-26", True), ("2025-07", False)):
        references = data.references.copy()
        references.loc["bd_group_2024", "published"] = published
        moved = replace(data, references=references)
        assert postdates_article(moved, "bd_group_2024") is later, published


def test_source_records_show_the_published_date_and_flag_later_sources(data):
    records = source_records(data, all_entries(data)).set_index("id")
    # The Money Times relayed the USD 155 bn on 2025-08-23; the article appeared on 2025-07-25.
    assert records.at["bd_group_2024", "published"] == "2025-08-23"
    assert records.at["bd_group_2024", "after_article"]
    # Bloomberg's April 2024 report of the 2023 total came before the article.
    assert records.at["bd_group_2023", "published"].startswith("2024")
    assert not records.at["bd_group_2023", "after_article"]
    # A source with no recorded date says so and is not flagged.
    assert records.at["bd_intl_2024", "published"] == NOT_RECORDED
    assert not records.at["bd_intl_2024", "after_article"]
    assert reliability_counts(records.reset_index())["after_article"] == sum(
        postdates_article(data, ref) for ref in data.references.index
    )


def test_a_later_relay_is_not_what_the_article_drew_on_but_its_original_may_be(data):
    # The Money Times (2025-08-23) relays The Information, whose own report is not dated here
    # and which Tubefilter relays too, without a date: the page dated after the article cannot
    # be what it drew on; the report it relays may be older.
    relay = later_sources_note(data, "bd_group_2024")
    assert "not necessarily" not in relay
    assert "so the article cannot have drawn on this page" in relay
    assert "the report it relays (The Information's, its date not recorded here) may be older" in (
        relay
    )
    assert "Tubefilter (its date not recorded here)" in relay
    # Only a relay that quotes the same amount is named: Tubefilter quotes "$155 billion";
    # TMTPost and eMarketer relay The Information's first-half figures, not the year's total.
    assert "also quotes $155 billion from The Information" in relay
    assert "$155 billion" in data.references.at["bd_intl_share_2024", "quote"]
    assert "TMTPost" not in relay and "eMarketer" not in relay
    # A price index updated in May 2026 relays no one: the article cannot have drawn on it.
    index = later_sources_note(data, "h100_hour_median_2026")
    assert "cannot have drawn on it" in index
    # A source before the article gets no sentence at all.
    assert later_sources_note(data, "bd_group_2023") == ""


def test_every_published_date_means_the_page_read_and_says_where_it_comes_from(data):
    """One meaning for the column: the date of the page that was read. TMTPost's relay of
    Bloomberg's 2023 total sits at /html/2024-11/ (the page read), Bloomberg's own report is of
    April 2024; Monolith's arXiv identifier 2209.07663 is September 2022 (22 = 2022, 09 =
    September); RankMixer's abstract page gives the day its first version was submitted."""
    records = source_records(data, all_entries(data)).set_index("id")
    assert "/html/2024-11/" in data.references.at["bd_group_2023", "url"]
    assert records.at["bd_group_2023", "published"] == "2024-11"
    assert records.at["bd_group_2023", "dated_by"] == (
        "from the URL; the original: Bloomberg, Apr 2024"
    )
    assert "/2025/08/23/" in data.references.at["bd_group_2024", "url"]
    assert records.at["bd_group_2024", "dated_by"] == "from the URL"
    assert records.at["monolith_sync", "published"] == "2022-09"
    assert records.at["monolith_sync", "dated_by"] == "from the arXiv identifier"
    assert records.at["rankmixer_params", "published"] == "2025-07-21"
    assert records.at["rankmixer_params", "dated_by"] == "as the source gives it"
    assert records.at["h100_hour_median_2026", "dated_by"] == "as the source gives it"
    # a date is taken from a URL only where its own digits stand there as a date
    for ref, row in records.iterrows():
        if row["dated_by"].startswith("from the URL"):
            year = row["published"][:4]
            assert year in row["url"], ref
    assert records.at["bd_intl_2024", "published"] == NOT_RECORDED
    assert records.at["bd_intl_2024", "dated_by"] == ""


def test_a_source_of_the_article_s_own_month_is_said_to_be_perhaps_later(data):
    """A source dated only to July 2025 may have appeared after the article of 25 July 2025:
    each row that rests on it says so, and it is not flagged as after the article. RankMixer,
    dated so by its arXiv identifier alone, stands for such a source here; its abstract page
    gives 21 July 2025, before the article, so the book's own rows say nothing of the kind."""
    published = data.references["published"].copy()
    assert published["rankmixer_params"] == "2025-07-21" < "2025-07-25"
    assert not any(
        "the month of the article" in entry.evidence for entry in all_entries(data)
    )
    assert reliability_counts(source_records(data, all_entries(data)))["same_month"] == 0
    published[["rankmixer_params", "rankmixer_mfu"]] = "2025-07"
    data = replace(data, references=data.references.assign(published=published))
    assert not postdates_article(data, "rankmixer_params")
    assert reliability_counts(source_records(data, all_entries(data)))["same_month"] == 2
    rows = {entry.id: entry for entry in all_entries(data)}
    for entry in rows.values():
        if {"rankmixer_params", "rankmixer_mfu"} & set(entry.sources):
            assert "the month of the article (2025-07-25)" in entry.evidence, entry.id
    assert "the month of the article" in rows["s22_params"].evidence
    # RankMixer's 1 billion dense parameters neither support nor refute a trillion: the row may
    # not say the paper 'still confirms or refutes the figure'.
    params = rows["s22_params"].evidence
    assert "still confirms or refutes" not in params
    assert params.endswith(
        "it would count like any source of its tag, but it neither confirms nor refutes the claim."
    )


def test_the_relayed_39_bn_says_where_it_was_read_and_who_published_it(data):
    source = data.references.at["bd_intl_2024", "source"]
    assert source.startswith("The Information, relayed by Tubefilter")
    assert "famefiend.com" in source
    assert "famefiend.com" in data.references.at["bd_intl_2024", "url"]


def test_every_relayed_source_names_its_relay_or_says_it_was_not_recorded(data):
    """A relayed figure names the outlet it was read in ('The Information, relayed by
    Tubefilter'), or says that outlet was not recorded. Sensor Tower's USD 6 bn of in-app
    purchases, whose relay the research did not keep, is now read in AdPilot's report of
    Sensor Tower's Q4 Digital Market Index, and its citation names both."""
    from bytebook.checks import relayed_original

    sources = data.references["source"].astype(str)
    for ref, source in sources[sources.str.contains("relay")].items():
        named = relayed_original(source) is not None
        assert named or "relaying outlet and its URL were not recorded" in source, ref
    assert relayed_original(sources["tiktok_iap_2024"]) == "Sensor Tower's Q4 Digital Market Index"
    assert data.references.at["tiktok_iap_2024", "url"].startswith("https://adpilot.co.uk/")
    assert data.cite("tiktok_iap_2024").startswith(
        "Sensor Tower's Q4 Digital Market Index, relayed by AdPilot"
    )


def test_a_relay_named_as_also_quoting_a_figure_is_among_the_row_s_sources(data):
    """The Money Times' USD 155 bn (2025-08-23) postdates the article; where a row says that
    Tubefilter (its date not recorded here) also quotes $155 billion, Tubefilter's row
    (bd_intl_share_2024, whose quote gives '$155 billion') is listed, so the row does not rest
    on a later page alone."""
    assert "$155 billion" in data.references.at["bd_intl_share_2024", "quote"]
    also = "Tubefilter (its date not recorded here) also quotes $155"
    rows = [e for e in all_entries(data) if also in e.evidence]
    ids = {e.id for e in rows}
    assert {"d_implied_total_bytedance", "d_year_match_bytedance"} <= ids
    assert "d_year_share_bytedance_fy2024" in ids
    for entry in rows:
        assert "bd_intl_share_2024" in entry.sources, entry.id


def test_rankmixer_s_sparse_variant_is_named_where_the_sparsity_is_judged(data):
    """RankMixer's abstract extends the model with a Sparse-MoE variant and gives no share of
    parameters active: the rows that judge the article's sparse model say so, and stay
    unverifiable, since a billion-parameter model says nothing of a trillion's sparsity."""
    rows = {entry.id: entry for entry in all_entries(data)}
    for row_id in ("s22_heading_moe", "s22_sparsity"):
        evidence = rows[row_id].evidence
        assert "Sparse-MoE" in evidence and "no share of parameters active" in evidence, row_id
        assert "rankmixer_params" in rows[row_id].sources, row_id
        assert rows[row_id].verdict is Verdict.UNVERIFIABLE, row_id
        # the abstract names what it launched by its dense parameters, the count the rows read
        # as leaving out the embedding tables; it does not say which variant that is
        launched = "1B Dense-Parameters RankMixer"
        assert f"we launch {launched} for full traffic" in data.references.at[
            "rankmixer_params", "quote"
        ]
        assert f"says its authors launched '{launched}' for full traffic, without saying" in (
            evidence
        ), row_id
        assert "is the dense one" not in evidence, row_id


def test_the_codec_heading_is_not_decided_by_bytedance_s_own_vvc_decoder_alone(data):
    """视频编解码 covers encoding and decoding, over a thread on compressing uploads: ByteDance's
    own team wrote of BVC, its H.266/VVC decoder (InfoQ, P, read at first hand), but that is
    the decoding side only, which covers less than the heading and does not decide; its
    encoding side, which the thread's lower bitrate needs, was not found on record (which is
    not to say there is none), so the heading is unverifiable, as is the figure that needs an
    encoder, in its own row."""
    reference = data.references.loc["bvc_vvc_decoder"]
    assert reference["reliability"] == "P"
    assert "解码器" in reference["quote"] and "H.266/VVC" in reference["quote"]
    [heading] = [e for e in all_entries(data) if e.id == "s21_heading_vvc"]
    assert "bvc_vvc_decoder" in heading.sources and "bvc2_vs_x265" in heading.sources
    assert "On the decoding side they are on record" in heading.evidence
    assert "That covers less than the heading does" in heading.evidence
    assert (
        "On the encoding side, which the thread's lower bitrate needs, this book found no record"
        in heading.evidence
    )
    assert "they are not on record" not in heading.evidence, "not found is not an absence"
    assert heading.verdict is Verdict.UNVERIFIABLE
    [bitrate] = [e for e in all_entries(data) if e.id == "s21_bitrate_vvc"]
    assert data.claim("s21_bitrate_vvc")["quote_zh"] in heading.evidence
    assert bitrate.verdict is Verdict.UNVERIFIABLE


def test_whose_purchases_the_six_billion_counts_is_in_its_quote(data):
    """The economics chapter sets the article's USD 2 bn of gifting against Sensor Tower's
    USD 6 bn of TikTok's and Douyin's in-app purchases. That the figure counts Douyin's too
    rests on the relay's own words, so its quote holds them beside the USD 6 bn."""
    quote = data.references.at["tiktok_iap_2024", "quote"]
    assert "$6 billion" in quote
    assert "along with its Chinese counterpart Douyin" in quote
    texts = " ".join(entry.evidence for entry in economics.analyse(data).entries)
    assert "TikTok's and Douyin's in-app purchases" in texts


def test_the_overseas_chapter_says_what_the_relay_s_headline_credits_the_figure_to(data):
    """Every USD 39 bn and 63% verdict rests on one relay, read in a repost whose headline (in
    its web address) credits the figure to TikTok in the U.S., while its text gives it as
    ByteDance's international revenue. The chapter says so, as long as the address does."""
    from bytebook.paths import ROOT

    address = data.references.at["bd_intl_2024", "url"]
    headline_says_us = "-in-the-u-s-" in address
    page = (ROOT / "book" / "overseas.md").read_text(encoding="utf-8")
    said = re.sub(r"\s+", " ", page)
    says_so = "headline" in said and "credits the international figure to TikTok in the" in said
    assert headline_says_us == says_so


def test_a_citation_says_each_period_once(data):
    """A source whose name holds its period ('DistServe, OSDI 2024', period 2024) is cited
    without the period said again; one whose name does not ('Financial Times …', FY2024) keeps
    it; a name holding 'FY2024' does not hold the period '2024', nor does a note on how the
    source was read ('submitted 21 Jul 2025'); a name that holds only some of the periods cited
    from it is followed by them all. On every reference, the period appears in the citation as
    often as in the name without its notes, and at least once, unless the name holds the fiscal
    year's number as a report's year ('Xiaomi 2024 annual results announcement', FY2024)."""
    from bytebook.data import _name_holds, short_source_name

    assert data.cite("distserve_goodput", notes=False) == "DistServe, OSDI 2024 (S)"
    # An annual report named for its year holds its fiscal year: FY2024 is not said again.
    xiaomi = data.cite("xiaomi_rev_2024", notes=False)
    assert xiaomi == "Xiaomi 2024 annual results announcement (P)", xiaomi
    # A year that is not a report's (a date) does not stand for the fiscal year.
    assert not _name_holds("Reuters, 12 Mar 2024", "FY2024")
    assert _name_holds("Huawei Annual Report 2024", "FY2024")
    assert data.cite("shein_rev_2024").endswith(", FY2024 (S)")
    assert data.cite("rankmixer_mfu").endswith("submitted 21 Jul 2025), 2025 (P)")
    # A name that holds one of the periods cited from it, but not the other: both are said.
    two_years = data.cite("meta_rl_loss_2024", "meta_rl_loss_2023", notes=False)
    assert two_years.endswith("for FY2024 (segment table), FY2024, FY2023 (P)"), two_years
    for ref, row in data.references.iterrows():
        period = str(row["period"])
        citation = data.cite(ref, notes=False)
        name = citation.rsplit(" (", 1)[0]
        short = short_source_name(row["source"])
        year = period.removeprefix("FY")
        in_name = len(re.findall(rf"(?<![\w.]){re.escape(period)}(?![\w.])", short))
        words = short.lower().replace("(", " ").replace(")", " ").split()
        as_report_year = any(
            word == year and {"annual", "report", "results"} & set(words[i - 1 : i + 2])
            for i, word in enumerate(words)
        )
        if period.startswith("FY") and as_report_year:
            assert citation == f"{short} ({row['reliability']})", (ref, citation)
            continue
        said = len(re.findall(rf"(?<![\w.]){re.escape(period)}(?![\w.])", name))
        assert said == max(1, in_name), (ref, citation)


def test_a_row_that_speaks_of_a_source_s_figures_lists_the_rows_it_read(data):
    """The footnote row says the article's figure matches The Information's report, and the
    impressions row works a second figure from the quarterly CPMs of the references: each lists
    those rows, though its words name no citation the general check above can find."""
    from bytebook.chapters.economics import CPM_QUARTERS

    rows = {entry.id: entry for entry in all_entries(data)}
    assert "bd_intl_2024" in rows["s1_footnote"].sources
    assert set(CPM_QUARTERS) <= set(rows["d_impressions_per_day"].sources)


def test_the_model_s_name_is_a_row_borne_out_by_its_own_team_s_blog(data):
    """豆包 1.5 Pro, the model section 2.3 gives figures for, is a row of its own: the Doubao
    team's blog on it (P) names it, and the weak page that dates its release only corroborates."""
    article = (DATA_DIR / "article" / "article_zh.md").read_text(encoding="utf-8")
    assert "豆包 1.5 Pro：" in article
    [row] = [e for e in all_entries(data) if e.id == "s23_doubao_model"]
    assert row.quote_zh == "豆包 1.5 Pro" and row.section == "2.3"
    deciding = [ref for ref in row.sources if data.references.at[ref, "reliability"] == "P"]
    assert deciding and all(
        "Doubao-1.5-pro" in data.references.at[ref, "source"] for ref in deciding
    )
    assert data.references.at["doubao15pro_release", "reliability"] == "W"
    assert "doubao15pro_release" in row.sources and "shown, never deciding" in row.evidence
    assert row.verdict is Verdict.SUPPORTED
