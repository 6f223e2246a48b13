"""Chapter analyses against independent arithmetic on the article's own numbers.

Expected values are computed here from the printed figures (390亿美元, 2855亿元, the table's
cells) and the cited references, never copied from the book's output.
"""

from __future__ import annotations

import pytest

from bytebook.chapters import overseas, preface, ranking

YI = 1e8
DAYS_2024 = 366  # 2024 was a leap year
FED_2024_AVERAGE = 7.196


@pytest.fixture(scope="module")
def title(data):
    return preface.analyse(data)


@pytest.fixture(scope="module")
def table(data):
    return ranking.analyse(data)


def verdicts(found):
    return {e.id: e.verdict.value for e in found.entries}


def test_title_against_the_articles_own_yuan_total(title):
    assert title.numbers["days_2024"] == DAYS_2024
    assert title.numbers["daily_at_article"] == pytest.approx(2855 * YI / 366)
    assert title.numbers["title_gap_article"] == pytest.approx(7.47 / (2855 / 366) - 1)
    assert verdicts(title)["title_daily_revenue"] == "inconsistent"


def test_title_against_the_2024_average_rate(title):
    assert title.numbers["daily_at_2024_average"] == pytest.approx(390 * YI * 7.196 / 366)
    assert title.numbers["title_implied_rate"] == pytest.approx(7.47 * 366 / 390)
    assert verdicts(title)["d_title_implied_rate"] == "contradicted"  # below 7.0760


def test_ranks_by_the_tables_own_numbers(table):
    by_revenue = sorted(
        {
            "Lenovo": 3100,
            "Huawei": 2300,
            "ByteDance": 2855,
            "Xiaomi": 1200,
            "Midea": 1500,
            "BYD": 1000,
            "Haier": 1364,
        }.items(),
        key=lambda kv: -kv[1],
    )
    names = [name for name, _ in by_revenue]
    assert table.numbers["rank_bytedance"] == names.index("ByteDance") + 1 == 2
    assert table.numbers["rank_huawei"] == names.index("Huawei") + 1 == 3
    assert table.numbers["printed_is_sorted"] == 0
    assert verdicts(table)["s4_top3"] == "consistent"


def test_implied_rate_of_the_conversion(table):
    assert table.numbers["table_rate"] == pytest.approx(2855 / 390)
    assert table.numbers["table_rate_gap"] == pytest.approx((2855 / 390) / FED_2024_AVERAGE - 1)
    assert verdicts(table)["d_table_implied_rate"] == "contradicted"  # above 7.2807


@pytest.mark.parametrize(
    ("key", "overseas_yi", "share", "reported_yi"),
    [
        ("lenovo", 3100, 0.70, 4985),
        ("huawei", 2300, 0.27, 8621),
        ("xiaomi", 1200, 0.45, 3659.064),
        ("midea", 1500, 0.40, 4090.84),
        ("byd", 1000, 0.20, 7771),
        ("haier", 1364, 0.50, 1429 / 0.4997),
        ("bytedance", 2855, 0.25, 1550 * 2855 / 390),
    ],
)
def test_implied_totals_against_reported_totals(table, key, overseas_yi, share, reported_yi):
    implied = overseas_yi / share
    assert table.numbers[f"implied_total_{key}"] == pytest.approx(implied * YI)
    assert table.numbers[f"filed_total_{key}"] == pytest.approx(reported_yi * YI)
    gap = implied / reported_yi - 1
    assert table.numbers[f"implied_total_gap_{key}"] == pytest.approx(gap)
    expected = "supported" if abs(gap) <= 0.10 else "contradicted"
    assert verdicts(table)[f"d_implied_total_{key}"] == expected


def test_filed_figures_contradict_the_understated_cells(table):
    v = verdicts(table)
    assert 2219 / 1000 > 1.10 and v["t_byd_overseas"] == "contradicted"
    assert abs(2219 / 7771 - 0.20) / (2219 / 7771) > 0.05 and v["t_byd_share"] == "contradicted"
    assert 0.4997 <= 0.50 and v["t_haier_share"] == "contradicted"
    assert abs(1364 / 1429 - 1) > 0.01 and v["t_haier_overseas"] == "contradicted"
    assert 0.4152 * 4090.84 / 1500 > 1.10 and v["t_midea_overseas"] == "contradicted"
    assert v["t_lenovo_share"] == v["t_huawei_share"] == v["t_xiaomi_share"] == "unverifiable"
    assert v["s4_growth_first"] == v["s4_growth_double"] == "unverifiable"


def test_byd_would_rank_higher_with_its_filed_figure(table):
    filed = {
        "Lenovo": 3100,
        "ByteDance": 2855,
        "Huawei": 2300,
        "BYD": 2219,
        "Midea": 0.4152 * 4090.84,
        "Haier": 1429,
        "Xiaomi": 1200,
    }
    order = sorted(filed, key=filed.get, reverse=True)
    assert table.numbers["rank_byd_filed"] == order.index("BYD") + 1


@pytest.fixture(scope="module")
def chapter1(data):
    return overseas.analyse(data)


def test_three_headline_numbers_fix_2023_and_the_group(chapter1):
    assert chapter1.numbers["overseas_2023"] == pytest.approx(390e8 / 1.63)
    assert chapter1.numbers["implied_group"] == pytest.approx(390e8 * 4)
    assert chapter1.numbers["reported_share"] == pytest.approx(39 / 155)
    assert chapter1.numbers["domestic_2023"] == pytest.approx(120e9 - 390e8 / 1.63)
    assert chapter1.numbers["h2_overseas"] == pytest.approx(22e9)
    v = verdicts(chapter1)
    assert v["s1_group_share"] == v["s1_growth"] == v["d_group_implied"] == "supported"


def test_meta_loss_matches_2022_not_2024(chapter1):
    assert chapter1.numbers["meta_nearest_year"] == 2022
    assert abs(13 / 17.729 - 1) > 0.01 and verdicts(chapter1)["s1_meta_rl_loss"] == "contradicted"


@pytest.fixture(scope="module")
def chapter21(data):
    from bytebook.chapters import codec

    return codec.analyse(data)


def test_delivery_model_solves_for_the_claimed_saving(chapter21):
    gb_per_hour = (8e6 - 3.2e6) / 8 * 3600 / 1e9
    assert chapter21.numbers["bitrate_cut"] == pytest.approx(1 - 3.2 / 8)
    assert chapter21.numbers["gb_saved_per_hour"] == pytest.approx(gb_per_hour)
    assert chapter21.numbers["implied_watch_hours"] == pytest.approx(2e6 / (gb_per_hour * 0.02))
    assert chapter21.numbers["yearly_from_daily"] == pytest.approx(2e6 * 366)
    assert chapter21.numbers["upload_bytes_per_second_of_length"] == pytest.approx(5e7 * 8e6 / 8)
    v = verdicts(chapter21)
    assert abs(2e6 * 366 / 7.3e8 - 1) < 0.01 and v["s21_cdn_yearly"] == "consistent"
    assert v["s21_lossless"] == "contradicted"
    assert v["s21_cdn_daily"] == v["s21_bitrate_vvc"] == "unverifiable"


@pytest.fixture(scope="module")
def chapter3(data):
    from bytebook.chapters import economics

    return economics.analyse(data)


def test_unit_economics_arithmetic(chapter3):
    n = chapter3.numbers
    assert n["ad_margin"] == pytest.approx((26 - 6) / 26)
    assert n["cpm_2024_mean"] == pytest.approx((6.52 + 8.70 + 7.34 + 7.21) / 4)
    assert n["capcut_revenue"] == pytest.approx(7.99 * 12 * 20e6)
    assert n["capcut_profit"] == pytest.approx(7.99 * 12 * 20e6 * 0.92)
    assert n["capcut_profit_after_fee"] == pytest.approx(7.99 * 12 * 20e6 * (0.92 - 0.30))
    assert n["live_net"] == pytest.approx(2e9 * 0.5)
    ads = 39e9 - 7.99 * 12 * 20e6 - 2e9
    assert n["ads_remainder"] == pytest.approx(ads)
    assert n["impressions_day_article"] == pytest.approx(ads / 26 * 1000 / 366)
    v = verdicts(chapter3)
    assert v["s3_ad_margin"] == "consistent"
    assert v["s3_cpm"] == "contradicted"
    assert v["s3_live_bandwidth"] == "inconsistent"  # 60% in section 2.1, not half


def test_only_bytedances_years_have_a_dated_start(data):
    from bytebook.chapters import summary

    found = summary.analyse(data)
    assert found.numbers["years_since_launch"] == 2024 - 2017
    assert set(verdicts(found).values()) == {"unverifiable"}


def test_scorecard_counts_every_stated_claim_once(data):
    from bytebook.book import ledger
    from bytebook.scorecard import scorecard

    card = scorecard(ledger(data))
    assert card["total"].sum() == len(data.claims)
    assert card.loc["4 海外营收排行榜", "total"] == (data.claims["section"] == "4").sum()


def test_recommender_derivations(data):
    from bytebook.chapters import recommender

    n = recommender.analyse(data).numbers
    assert n["active_max"] == pytest.approx(1e12 * 0.02)
    assert n["industry_cost"] == pytest.approx(0.0003 * 5)
    assert n["behaviours_per_second"] == pytest.approx(1e11 / 86400)
    assert n["updates_per_day"] == pytest.approx(24 * 60 / 5)
    assert n["behaviours_per_update"] == pytest.approx(1e11 / (24 * 60 / 5))
    per_candidate = 2 * 2e10 / (989.4e12 * 0.552) * 2.95 / 3600
    assert n["candidates_for_claim"] == pytest.approx(0.0003 / per_candidate)
    assert n["cost_share_of_revenue"] == pytest.approx(1e11 * 0.0003 / (39e9 / 366))


def test_infrastructure_derivations(data):
    from bytebook.chapters import infrastructure

    found = infrastructure.analyse(data)
    assert found.numbers["utilisation_ratio"] == pytest.approx(0.72 / 0.35)
    assert found.numbers["cost_ratio"] == pytest.approx(0.35 / 0.72)
    assert found.numbers["tokens_per_second"] == pytest.approx(1 / 0.018)
    assert abs(0.5 - 0.35 / 0.72) / (0.35 / 0.72) < 0.05
    assert verdicts(found)["s23_cost_half"] == "consistent"


def test_verdict_counts_add_up_to_the_printed_claims(data, ledger_rows):
    from bytebook.book import ledger
    from bytebook.scorecard import scorecard, verdict_counts

    counts = verdict_counts(scorecard(ledger(data)))
    assert counts.pop("total") == len(data.claims) == sum(counts.values())
    for verdict, count in counts.items():  # against the ledger command's own rows
        stated = [r for r in ledger_rows if r["kind"] == "stated" and r["verdict"] == verdict]
        assert count == len(stated), verdict
