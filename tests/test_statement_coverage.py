"""Every statement of the article is a row, the qualitative ones included, and every number the
book prints inside evidence has a derived row of its own; expected values are recomputed here
from the article's and the sources' own figures."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from bytebook.book import all_entries
from bytebook.chapters import ranking
from bytebook.ledger import Verdict
from bytebook.paths import ROOT
from bytebook.sources import source_records

NEW_STATEMENTS = {
    "s21_rewrote_codec": "同行还在 FFmpeg 调参，字节直接重写编解码器",
    "s23_capcut_doubao": "剪映/CapCut 的 AI 抠图、AI 配音，背后都是豆包在跑",
    "s21_heading_vvc": "H.266/VVC 自研算法",
    "s3_no_funding": "不融资、不炒作",
    "t_lenovo_markets": "全球 PC、服务器",
    "t_huawei_markets": "欧洲、中东、非洲",
    "t_bytedance_markets": "北美、东南亚、拉美",
    "t_xiaomi_markets": "印度、欧洲、拉美",
    "t_midea_markets": "美洲、欧洲、亚洲",
    "t_byd_markets": "欧洲、东盟、南美",
    "t_haier_markets": "北美、欧洲",
    "t_lenovo_remark": "老大哥，硬件规模碾压",
    "t_bytedance_remark": "算法即货币",
    "t_xiaomi_remark": "手机 + 电视双线",
    "t_midea_remark": "家电矩阵",
    "t_byd_remark": "新能源车加速出海",
    "title_douyin_abroad": "抖音在海外悄悄赚钱",
    "s1_no_launch_event": "没有张一鸣的发布会，没有全员信刷屏",
    "s22_no_downtime": "无需停机",
    "s23_users_unaware": "用户无感",
}


@pytest.fixture(scope="module")
def rows(data):
    return {entry.id: entry for entry in all_entries(data)}


def test_each_statement_the_article_makes_is_a_row_with_its_reason(data, rows):
    for claim_id, quote in NEW_STATEMENTS.items():
        assert data.claims.at[claim_id, "quote_zh"] == quote
        entry = rows[claim_id]
        assert entry.kind == "stated"
        if claim_id == "t_byd_remark":
            continue  # settled by a source: see its own test
        # None of these has a P or S source that settles it: each says why.
        assert entry.verdict is Verdict.UNVERIFIABLE, claim_id
        assert len(entry.evidence) > 40, claim_id
        assert "not published" not in entry.evidence and "not public" not in entry.evidence


def test_the_vvc_heading_and_the_funding_slogan_are_read_fairly(data, rows):
    """The references record BVC2.0 (a passage on its MSU result that names no standard), BVC
    the H.266/VVC decoder, and of ByteDance's fundraising only a bank loan: neither row may say
    that something does not exist."""
    assert "H.266/VVC 自研算法" in data.claims.at["s21_heading_vvc", "quote_zh"]
    assert "VVC" not in str(data.references.at["bvc2_vs_x265", "quote"])
    heading = rows["s21_heading_vvc"]
    assert heading.sources == ("bvc_vvc_decoder", "bvc2_vs_x265")
    assert "neither that BVC2.0 follows H.266/VVC nor that it does not" in heading.evidence
    assert "which is not to say it has none" in heading.evidence
    for entry in all_entries(data):
        assert "not a conformant" not in entry.evidence and "not a VVC" not in entry.evidence
    assert "not a VVC encoder" not in (ROOT / "book" / "codec.md").read_text(encoding="utf-8")
    funding = rows["s3_no_funding"]
    # 不融资 read to cover borrowing would not hold: ByteDance was seeking a USD 9.5 bn bank loan
    # in September 2024. The row names it and judges the slogan's reading (no investors'
    # money), which that loan does not settle; equity raised was not looked for, a fact about
    # this book's sources, not about ByteDance.
    assert funding.section == "3" and funding.sources == ("bd_loan_2024",)
    assert funding.verdict is Verdict.UNVERIFIABLE
    assert "融资 also covers borrowing" in funding.evidence
    assert "loan of USD 9.5 bn" in funding.evidence
    assert "it did not look for equity ByteDance raised" in funding.evidence
    assert "that is not to say no such record exists" in funding.evidence


def test_every_cell_of_the_main_markets_column_and_each_remark_is_covered(data, rows):
    for cell in data.ranking["markets_zh"]:
        assert any(data.claims.at[c, "quote_zh"] == cell for c in rows if c in data.claims.index)
    remarks_judged = {data.claims.at[c, "quote_zh"] for c in rows if c in data.claims.index}
    for remark in data.ranking["remark_zh"]:
        # A remark is a row of its own or holds one (仍守住前三, 20 年, 63% 增速).
        assert any(q in remark.replace("**", "") for q in remarks_judged), remark


def test_the_attribution_to_kevin_kelly_is_contradicted_by_the_earliest_source_found(data, rows):
    assert data.claims.at["s5_kevin_kelly", "quote_zh"] == "未来已来，只是分布不均。"
    source = data.references.loc["future_quote_gibson"]
    assert source["reliability"] == "S"
    assert "William Gibson" in source["quote"]
    entry = rows["s5_kevin_kelly"]
    assert entry.kind == "stated"
    assert entry.verdict is Verdict.CONTRADICTED
    assert entry.sources == ("future_quote_gibson",)
    # Fair to Kelly: the evidence names Gibson, the 1992 article, and Kelly as the relay.
    for words in ("William Gibson", "1992", "San Francisco Examiner", "凯文·凯利", "through Kevin"):
        assert words in entry.evidence, words
    # Quote Investigator reports the 1992 citation as found by Fred Shapiro, not by itself.
    assert "Fred Shapiro" in source["note"]
    assert "reports the earliest full version found (by Fred Shapiro" in entry.evidence
    assert "Quote Investigator finds" not in entry.evidence
    records = source_records(data, list(rows.values()))
    shown = records.set_index("id").loc["future_quote_gibson"]
    assert shown["cited_by"] == ["s5_kevin_kelly"] and shown["published"] == "not recorded"


def test_numbers_inside_evidence_have_derived_rows(data, rows):
    # ByteDance's 63% less BYD's 2024 overseas growth, 2,219亿 over 1,602.2亿.
    byd_growth = 2219e8 / 1602.2e8 - 1
    assert rows["d_growth_lead"].recomputed == pytest.approx(0.63 - byd_growth)
    assert f"{63 - 38.5:g}" == "24.5" and f"{byd_growth:.1%}" == "38.5%"
    assert "63% is first among them, 24.5 percentage points over BYD's 38.5%" in (
        rows["s4_growth_first"].evidence
    )
    # The printed USD 13 bn (at most 13.5) against Meta's 2024 loss of USD 17.729 bn.
    assert rows["d_meta_gap_2024"].recomputed == pytest.approx((17.729 - 13.5) / 17.729, rel=0.02)
    # Huawei FY2023: 2,329亿 outside China of 7,041.74亿; EMEA 1,453亿 of the 2,329亿.
    assert rows["d_year_share_huawei_fy2023"].recomputed == pytest.approx(2329 / 7041.74)
    assert rows["d_huawei_emea_share_2023"].recomputed == pytest.approx(1453 / 2329)
    # Lenovo FY2023/24: 3,137亿 of 4,074亿; BYD FY2022: 914.5亿 of 4,240.61亿.
    assert rows["d_year_share_lenovo_fy2023_24"].recomputed == pytest.approx(3137 / 4074)
    assert rows["d_year_share_byd_fy2022"].recomputed == pytest.approx(914.5 / 4240.61)
    # BYD's FY2023 amount over FY2024's total: 1,602.2亿 ÷ 7,771亿.
    assert rows["d_pair_share_byd_fy2023_fy2024"].recomputed == pytest.approx(
        1602.2 / 7771, rel=1e-3
    )
    for row_id in ("d_growth_lead", "d_meta_gap_2024", "d_year_share_huawei_fy2023"):
        assert rows[row_id].kind == "derived"


def test_bytedance_s_main_markets_show_the_us_figures_and_stay_unverifiable(rows):
    """FT: TikTok's US revenue about USD 16 bn in 2023; ByteDance abroad in 2023 is USD 39 bn ÷
    1.63 = USD 23.9 bn; 16 ÷ 23.9 = 67%. Southeast Asia and Latin America have no figures."""
    assert f"{16 / 23.9:.0%}" == "67%" and f"{39 / 1.63:.1f}" == "23.9"
    assert rows["d_tiktok_us_share_2023"].recomputed == pytest.approx(16 / 23.9)
    markets = rows["t_bytedance_markets"]
    assert markets.verdict is Verdict.UNVERIFIABLE
    assert "USD 16 bn in 2023" in markets.evidence and "67%" in markets.evidence
    assert "most of which is earned from TikTok U.S." in markets.evidence
    # the relay's words are of 2024's revenue, so they bear on the table's year too
    assert "in 2024 by the relay's words" in markets.evidence
    assert "for 2023 rather than the table's 2024" not in markets.evidence
    assert "Southeast Asia (东南亚) and Latin America (拉美)" in markets.evidence
    assert {"tiktok_us_rev_2023", "bd_intl_2024"} <= set(markets.sources)


def test_byd_s_remark_is_read_as_the_stock_phrase_it_is(rows):
    """BYD abroad: 914.5亿 (2022) → 1,602.2亿 (2023) → 2,219亿 (2024). Growth 1602.2 ÷ 914.5 − 1
    = 75.2%, then 2219 ÷ 1602.2 − 1 = 38.5%; yuan added 687.7亿, then 616.8亿. 加速出海 is the
    stock phrase for stepping up the push abroad: overseas +38.5% against the group's 7771 ÷
    6023.2 − 1 = 29.0%, and the share abroad from 26.6% to 2219 ÷ 7771 = 28.6%, which bears it
    out. The literal 'growth speeding up' (it slowed) is not the reading a Chinese reader takes.
    Neither decides: the remark is about BYD's new-energy vehicles, and the revenue found is all
    of BYD's abroad, which no source found splits by business: unverifiable."""
    growth_2023, growth_2024 = 1602.2 / 914.5 - 1, 2219 / 1602.2 - 1
    assert f"{growth_2023:.1%}" == "75.2%" and f"{growth_2024:.1%}" == "38.5%"
    assert growth_2024 < growth_2023 and 2219 - 1602.2 < 1602.2 - 914.5
    group_growth = 7771 / 6023.2 - 1
    assert f"{group_growth:.1%}" == "29.0%" and group_growth < growth_2024
    assert 0.266 < 2219 / 7771 and f"{2219 / 7771:.1%}" == "28.6%"
    # 75.2% is Xinhua's own figure: cited as it gives it, not worked back from the 2022 base
    # derived from it
    assert "d_byd_overseas_growth_2023" not in rows
    assert "byd_overseas_growth_2023" in rows["t_byd_remark"].sources
    assert rows["d_byd_overseas_added_2023"].recomputed == pytest.approx(687.7e8, rel=1e-3)
    assert rows["d_byd_overseas_added_2024"].recomputed == pytest.approx(616.8e8, rel=1e-3)
    remark = rows["t_byd_remark"]
    # The remark names BYD's new-energy vehicles; the revenue found is BYD's abroad as a whole
    # (its source gives 221.9 billion yuan "from overseas markets", no business named), so the
    # stock phrase's reading, which that revenue bears out, does not decide.
    assert remark.verdict is Verdict.UNVERIFIABLE
    assert (
        "Finding 1, not decisive: its figures bear this reading out. "
        "Read as the stock phrase 'stepping up the push abroad'" in remark.evidence
    )
    assert "which its source does not split by business" in remark.evidence
    assert "this book found no figure for the vehicles abroad" in remark.evidence
    assert "which is not to say BYD does not publish one" in remark.evidence
    assert "faster than the group's 29.0%" in remark.evidence
    assert (
        "Finding 2, not decisive: its figures do not bear this reading out. "
        "Read literally" in remark.evidence
    )
    assert "from 75.2% in 2023" in remark.evidence and "to 38.5% in 2024" in remark.evidence
    assert "covers less than the phrase" not in remark.evidence
    assert (
        "This is not the reading a Chinese reader takes of 加速出海, which in a company remark "
        "means stepping up the push abroad (see above), so it is shown without deciding."
        in remark.evidence
    )
    assert "The phrase's substance is the business abroad growing faster than the whole" in (
        remark.evidence
    )


def test_the_infrastructure_box_gives_the_doubao_row_its_verdict(rows):
    """The 'what holds' box names the verdict the ledger gives CapCut's AI running on 豆包, glued
    from code (tests/test_book.py checks the glued value against the ledger)."""
    page = (ROOT / "book" / "infrastructure.md").read_text(encoding="utf-8")
    box = page.split("What holds and what does not", 1)[1].split("```", 1)[0]
    assert "Doubao (豆包)" in box
    assert rows["s23_capcut_doubao"].verdict
    assert "is {glue:text}`capcut_doubao_verdict`" in box


def test_the_title_s_douyin_abroad_is_read_as_headline_shorthand(rows):
    """The title credits ByteDance's whole revenue abroad to 抖音在海外 (TikTok). The relay says
    most of it is earned from TikTok U.S.; the article's own CapCut Pro line is USD 7.99 × 12 ×
    20 million = USD 1.9176 bn a year inside it. TikTok's own part was not found in ByteDance's
    words or a report of them; WARC's projection of its ad revenue alone, USD 32 bn, is
    31.5 ÷ 39.5 to 32.5 ÷ 38.5 = 80% to 84% of the whole at the digits recorded, a part:
    unverifiable."""
    assert f"{7.99 * 12 * 20e6 / 1e9:.3f}" == "1.918"
    assert (f"{31.5 / 39.5:.0%}", f"{32.5 / 38.5:.0%}") == ("80%", "84%")
    entry = rows["title_douyin_abroad"]
    assert entry.section == "0" and entry.verdict is Verdict.UNVERIFIABLE
    for words in (
        "most of which is earned from TikTok U.S.",
        "USD 1.918 bn",
        "CapCut Pro",
        "headline",
        "USD 39 bn",
        "USD 32 bn",
        "is 80% to 84% of the USD 39 bn",
        "a part that sets no total",
    ):
        assert words in entry.evidence, words
    assert "not found in any source" not in entry.evidence
    assert {"bd_intl_2024", "tiktok_ad_rev_2024_warc"} <= set(entry.sources)
    assert rows["d_capcut_revenue"].recomputed == pytest.approx(7.99 * 12 * 20e6)


def test_huawei_s_scale_is_consistent_with_the_table_and_only_illustrated_by_w_figures(rows):
    """By the table, 2855亿 lies above Huawei's 2300+ (2,300亿 to 2,400亿): consistent. Huawei's
    2024 abroad at its 2023 share: 8,621亿 × 2,329 ÷ 7,041.74 = 2,851亿, against USD 38.5 bn to
    39.5 bn × 7.196 = 2,770亿 to 2,842亿; its band (the 2023 share abroad 32.5% to 33.5%: its
    source's China is 67% of revenue) meets that range. W, so it does not decide."""
    estimate = 8621e8 * 2329 / 7041.74
    assert f"{estimate / 1e8:,.0f}" == "2,851"
    assert rows["d_huawei_overseas_2024_at_2023_share"].recomputed == pytest.approx(
        estimate, rel=1e-4
    )
    assert rows["d_huawei_overseas_2024_at_2023_share"].verdict is Verdict.UNVERIFIABLE
    bytedance_high = 39.5e9 * 7.196
    huawei_low = 8620.5e8 * (7041.735 * (1 - 0.675)) / 7041.745
    assert huawei_low < bytedance_high
    assert rows["d_huawei_scale_gap"].recomputed == 0
    assert "the bands meet, a gap of 0%" in rows["d_huawei_scale_gap"].evidence
    entry = rows["y_huawei_scale"]
    assert entry.section == "5" and entry.verdict is Verdict.CONSISTENT
    assert 2855 > 2400
    assert "Finding 1, consistent: By the article's own table" in entry.evidence
    assert "Finding 2, not decisive:" in entry.evidence
    assert "2,851亿元" in entry.evidence and "2,329亿元 in FY2023 (derived, W)" in entry.evidence
    # At 2024's range of monthly rates, as the conversion rows read a 2024 rate: 38.5 bn × 7.0760
    # to 39.5 bn × 7.2807 = 2,724亿 to 2,876亿, which holds the estimate; so Finding 2's figures
    # agree (they are W: it is given no verdict of its own), and no printed range is spoken of.
    low, high = 38.5e9 * 7.0760, 39.5e9 * 7.2807
    assert f"{low / 1e8:,.0f} {high / 1e8:,.0f}" == "2,724 2,876" and low < estimate < high
    assert "2,724亿元 to 2,876亿元" in entry.evidence and "inside the first range" in entry.evidence
    assert (
        "Finding 2, not decisive: its figures agree within their intervals."
        in entry.evidence
    )
    assert "supported" not in entry.evidence
    assert "printed range" not in entry.evidence
    assert "the two meet" in rows["d_huawei_scale_gap"].evidence


def _usd_times_rates(text: str) -> dict[str, tuple[str, str]]:
    """The yuan ranges a row prints for USD 39 bn, recomputed from the words it prints: the USD
    band it names × the rates it names, in 亿, keyed by which rates ('months', 'average')."""
    usd = re.search(r"\(USD ([\d.]+) bn to USD ([\d.]+) bn\)", text)
    assert usd, text
    low, high = float(usd[1]), float(usd[2])
    months = re.search(
        r"([\d.]+) to ([\d.]+) CNY/USD.*? (?:is|gives) ([\d,]+)亿元 to ([\d,]+)亿元", text
    )
    average = re.search(r"average of ([\d.]+)[^;]*?([\d,]+)亿元 to ([\d,]+)亿元", text)
    found = {}
    if months:
        r1, r2 = float(months[1]), float(months[2])
        found["months"] = (
            (months[3], months[4]),
            (f"{low * r1 * 10:,.0f}", f"{high * r2 * 10:,.0f}"),
        )
    if average:
        rate = float(average[1])
        found["average"] = (
            (average[2], average[3]),
            (f"{low * rate * 10:,.0f}", f"{high * rate * 10:,.0f}"),
        )
    return found


@pytest.mark.parametrize(
    ("row", "ranges"),
    [
        ("t_bytedance_overseas_cny", {"months", "average"}),
        ("y_huawei_scale", {"months", "average"}),
        ("d_huawei_scale_gap", {"months", "average"}),
    ],
)
def test_each_usd_39_bn_range_follows_from_the_words_its_row_prints(rows, row, ranges):
    """A range of yuan printed for USD 39 bn is the USD band the row names × the rates it names:
    38.5 × 7.0760 = 2,724.3 and 39.5 × 7.2807 = 2,875.9 (2,724亿 to 2,876亿); 38.5 × 7.196 =
    2,770.5 and 39.5 × 7.196 = 2,842.4 (2,770亿 to 2,842亿). At USD 39 bn alone the first range
    would be 39 × 7.0760 = 2,759.6 to 39 × 7.2807 = 2,839.5, so the band must be in the words."""
    assert f"{39 * 7.0760 * 10:,.0f} {39 * 7.2807 * 10:,.0f}" == "2,760 2,839"
    found = _usd_times_rates(rows[row].evidence)
    assert set(found) == ranges, rows[row].evidence
    expected = {"months": ("2,724", "2,876"), "average": ("2,770", "2,842")}
    for key, (printed, recomputed) in found.items():
        assert printed == recomputed == expected[key], (row, key)


def test_the_huawei_estimate_s_band_is_worked_from_its_source_s_share(rows):
    """Huawei's estimate 2,851.3亿 (8,621 × 2,329 ÷ 7,041.74) lies (2,851.3 − 2,842.4) ÷ 2,851.3
    = 0.31% above the top of 2,770亿 to 2,842亿 as a point. Its band is worked from its 2023
    share abroad, 32.5% to 33.5% (its source gives China 67% of revenue, 约为4713亿元):
    8,620.5 × 7,041.735 × 0.325 ÷ 7,041.745 = 2,801.7亿 to 8,621.5 × 7,041.745 × 0.335 ÷
    7,041.735 = 2,888.2亿. Both rows name that band, and it meets ByteDance's: no gap."""
    point = 8621 * 2329 / 7041.74
    low = 8620.5 * (7041.735 * 0.325) / 7041.745
    high = 8621.5 * (7041.745 * 0.335) / 7041.735
    top = 39.5 * 7.196 * 10
    assert f"{(point - top) / point:.2%}" == "0.31%" and low < top
    band = f"{low:,.1f}亿元 to {high:,.1f}亿元"
    assert band == "2,801.7亿元 to 2,888.2亿元"
    for row in ("y_huawei_scale", "d_huawei_scale_gap"):
        assert band in rows[row].evidence, row
    assert "band to band" not in rows["y_huawei_scale"].evidence


def test_the_three_business_lines_note_the_article_s_own_three(rows):
    """Section 3 of the article itself names three lines: ads, CapCut Pro and live gifting."""
    entry = rows["s1_three_business_lines"]
    assert entry.verdict is Verdict.UNVERIFIABLE
    for quote in ("TikTok 广告 CPM 26 美元", "CapCut Pro 7.99 美元/月", "直播打赏 20 亿美元"):
        assert quote in entry.evidence
    assert "the count then agrees with the article's own account" in entry.evidence
    assert "found no source for a split of ByteDance's revenue" in entry.evidence


def test_a_press_relay_is_never_a_primary_source(data):
    """A figure read in a press report of the company's figures (relayed) is secondary: Huawei's
    2024 revenue, read via CNBC, is S; nothing it decided changes, since S decides too."""
    relayed = data.references[data.references["origin"] == "relayed"]
    assert not relayed.empty and set(relayed["reliability"]) <= {"S", "W"}
    assert data.references.at["huawei_rev_2024", "reliability"] == "S"


def test_midea_s_and_haier_s_growth_read_as_one_band_wherever_printed(rows):
    """Midea's FY2024 overseas revenue is 2,381.15亿 × 41.52% ÷ 58.48% = 1,690.6亿 against
    FY2023's 1,509.06亿: 12.03%, and at the recorded digits 2,381.145 × 0.41515 ÷ 0.58485 ÷
    1,509.065 − 1 = 12.005% to 2,381.155 × 0.41525 ÷ 0.58475 ÷ 1,509.055 − 1 = 12.053%, which
    reads 12.0% to 12.1%. Haier's, both years on its Hong Kong basis, 1,437.5 ÷ 1,364.125 − 1 =
    5.38% to 1,438.5 ÷ 1,364.115 − 1 = 5.45%: 5.4% to 5.5%. Each is that band in the peers'
    listing and in its Recomputed cell, never a rounded 12% or 5.4%; BYD's 2,218.5 ÷ 1,602.25 −
    1 to 2,219.5 ÷ 1,602.15 − 1 reads 38.5% at both ends, a point."""
    from bytebook.ledger import recomputed_text

    midea = (
        2381.145 * 0.41515 / 0.58485 / 1509.065 - 1,
        2381.155 * 0.41525 / 0.58475 / 1509.055 - 1,
    )
    haier = (1437.5 / 1364.125 - 1, 1438.5 / 1364.115 - 1)  # both on the Hong Kong basis
    byd = (2218.5 / 1602.25 - 1, 2219.5 / 1602.15 - 1)
    words = {
        name: " to ".join(dict.fromkeys(f"{v:.1%}" for v in ends))
        for name, ends in (("Midea", midea), ("Haier Smart Home", haier), ("BYD", byd))
    }
    assert words == {"Midea": "12.0% to 12.1%", "Haier Smart Home": "5.4% to 5.5%", "BYD": "38.5%"}
    for row in ("s4_growth_first", "s4_growth_double"):
        for name, band in words.items():
            assert f"{name} {band}" in rows[row].evidence, (row, name)
        assert "Midea 12% " not in rows[row].evidence
    for key, name in (("midea", "Midea"), ("haier", "Haier Smart Home"), ("byd", "BYD")):
        assert recomputed_text(rows[f"d_overseas_growth_{key}"]) == words[name], key


def test_a_period_finding_names_the_figures_its_amount_gap_is_worked_from(rows):
    """BYD's FY2022 amount abroad, 914.5亿, lies below the printed 1000+ 亿元 (1,000亿 to
    2,000亿) by (1,000 − 914.5) ÷ 914.5 = 9.35%, written 9.3%; Xiaomi's printed 1200+ 亿元 at
    45% implies at most 1,300 ÷ 0.445 = 2,921亿, short of FY2024's total of 3,659.06亿 by
    (3,659 − 2,921) ÷ 3,659 = 20.2%. Each gap is printed with the figures it is worked from."""
    assert f"{(1000 - 914.5) / 914.5:.2%} {1300 / 0.445:,.0f}" == "9.35% 2,921"
    assert f"{(3659.06 - 1300 / 0.445) / 3659.06:.1%} {(3659 - 2921) / 3659:.1%}" == "20.2% 20.2%"
    for row in ("t_byd_overseas", "t_byd_share", "d_year_match_byd"):
        assert (
            "9.3% outside the printed 1000+ 亿元: (1,000亿元 − 914.5亿元) ÷ 914.5亿元"
            in rows[row].evidence
        ), row
    for row in ("t_xiaomi_overseas", "t_xiaomi_share", "d_year_match_xiaomi"):
        assert (
            "not FY2024's, 3,659亿元 (20.2% apart: (3,659亿元 − 2,921亿元) ÷ 3,659亿元)"
            in rows[row].evidence
        ), row


_NUMBER = r"−?\d[\d,]*(?:\.\d+)?"
_WORKED = re.compile(rf"\(({_NUMBER})[^−()]* − ({_NUMBER})[^÷()]*\) ÷ {_NUMBER}")


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", "").replace("−", "-"))


def test_a_worked_gap_s_ends_are_written_as_their_sentence_prints_them(rows):
    """Where a sentence prints a figure and then works a gap from it, the end in the sum is
    that figure as printed: Huawei's estimate printed as 2,850.5亿 to 2,852.1亿元 is worked as
    2,850.5, never as 2,851 (which 2,850.5 rounds to at whole 亿, half up)."""
    assert _decimal("2,850.5").quantize(Decimal(1), ROUND_HALF_UP) == 2851
    for row in rows.values():
        for sentence in re.split(r"(?<=\.)\s", row.evidence):
            for match in _WORKED.finditer(sentence):
                rest = re.findall(_NUMBER, sentence.replace(match[0], ""))
                for end in (match[1], match[2]):
                    places = Decimal(1).scaleb(-len(end.partition(".")[2]))
                    finer = [
                        figure
                        for figure in rest
                        if len(figure.partition(".")[2]) > len(end.partition(".")[2])
                        and _decimal(figure) != _decimal(end)
                        and _decimal(figure).quantize(places, ROUND_HALF_UP) == _decimal(end)
                    ]
                    assert not finer, (row.id, end, finer, match[0])


HEADING = re.compile(r"^(?:[一二三四五六七八九十]、|\d\.\s)(?P<text>.+)$", re.MULTILINE)
"""A heading of the article ('一、…') or of a thread ('2. …'), its number left out."""

HEADING_NUMBER = re.compile(r"\d+(?:\.\d+)?|[一二三四五六七八九十百千万亿]*[万亿]")
"""A number in a heading: in digits (390, H.266) or a Chinese magnitude (万亿参数)."""


def test_every_number_a_heading_prints_is_a_row_of_its_own(data):
    """A figure printed more than once is counted each time (the scorecard says so): a heading's
    figure is a printing of its own, as 「悄悄把 390 亿美元装进兜里」 and 「H.266/VVC 自研算法」
    are, and so is the recommender thread's 万亿 (a trillion) in 「MoE+稀疏化万亿参数」."""
    article = (ROOT / "data" / "article" / "article_zh.md").read_text(encoding="utf-8")
    headings = [m["text"].replace("**", "").strip() for m in HEADING.finditer(article)]
    assert any("万亿参数" in heading for heading in headings)
    quotes = [str(q) for q in data.claims["quote_zh"]]
    uncovered = [
        (heading, number)
        for heading in headings
        for number in HEADING_NUMBER.findall(heading)
        if not any(number in quote and quote in heading for quote in quotes)
    ]
    assert not uncovered, uncovered


def test_each_rank_the_resorted_table_prints_has_a_derived_row(data, rows):
    """The printed bands, read as the article's words allow (3100+ 亿元 is 3,100亿 to 3,200亿;
    2855 and 1364 at their last digit), leave each company the ranks worked out here by hand:
    BYD's 1,000亿 to 2,000亿 lies below Lenovo's, Huawei's and ByteDance's and overlaps the
    rest, so it may rank 4th to 7th."""
    bands = {
        "lenovo": (3100, 3200),
        "huawei": (2300, 2400),
        "bytedance": (2854.5, 2855.5),
        "xiaomi": (1200, 1300),
        "midea": (1500, 1600),
        "byd": (1000, 2000),
        "haier": (1363.5, 1364.5),
    }
    expected = {"lenovo": (1, 1), "bytedance": (2, 2), "huawei": (3, 3), "midea": (4, 5)}
    expected |= {"haier": (5, 6), "xiaomi": (6, 7), "byd": (4, 7)}
    for key, (low, high) in bands.items():
        others = [band for other, band in bands.items() if other != key]
        assert (
            1 + sum(o_low > high for o_low, _ in others),
            1 + sum(o_high > low for _, o_high in others),
        ) == expected[key]
    resorted = ranking.analyse(data).tables["sorted"]
    keys = resorted["company"].map(lambda company: company.split()[0].lower())
    shown = dict(zip(keys, resorted["rank_range"], strict=True))
    for key, (best, worst) in expected.items():
        row = rows[f"d_rank_range_{key}"]
        assert row.kind == "derived"
        low, high = (f"{end:,.1f}".removesuffix(".0") + "亿元" for end in bands[key])
        assert f"printed band is {low} to {high}." in row.evidence
        assert shown[key] == (f"{best}" if best == worst else f"{best}–{worst}")
        if best == worst:
            assert row.recomputed == best and row.deciding is None
        else:
            assert (row.recomputed_low, row.recomputed_high) == (best, worst)
            assert f"any place from {best}th to {worst}th of 7" in row.evidence


def test_lenovo_s_growth_abroad_band_has_a_derived_row(rows):
    """The growth table prints Lenovo's growth abroad as 15.5% to 29.5%: EMEA's 16% and
    Asia-Pacific's 29%, the slowest and fastest of its regions abroad, each ± 0.5 points."""
    row = rows["d_lenovo_growth_abroad_band"]
    assert row.kind == "derived"
    assert (row.recomputed_low, row.recomputed_high) == pytest.approx((0.16 - 0.005, 0.29 + 0.005))
    assert "from EMEA's 15.5% to Asia-Pacific's 29.5%" in row.evidence
