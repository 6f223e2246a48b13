"""Evidence says no more than its figures show, and reads the Chinese as a Chinese reader does."""

from __future__ import annotations

import pytest

from bytebook.book import all_entries
from bytebook.chapters import ranking
from bytebook.ledger import claim_band_text
from bytebook.paths import DATA_DIR, ROOT
from bytebook.policy import Verdict, printed_interval, reading


@pytest.fixture(scope="module")
def rows(data):
    return {entry.id: entry for entry in all_entries(data)}


def test_liang_bei_yi_shang_reads_as_at_least_twice(data, rows):
    claim = data.claim("s4_growth_double")
    assert (claim["qualifier"], claim["unit"]) == ("≥", "multiple")
    assert printed_interval("2", "≥", "multiple").low == 2  # 2 itself included
    assert reading("2", "≥", "multiple", lambda v: f"{v:g}×").endswith("2× or more")
    evidence = rows["s4_growth_double"].evidence
    assert "at least twice (two times or more)" in evidence and "2× or more" in evidence
    # The sentence follows 冲进前三 in the list after the table, not 断层第一, said before it.
    article = (DATA_DIR / "article" / "article_zh.md").read_text(encoding="utf-8")
    assert article.index("断层第一") < article.index("增速是第二名的两倍以上")
    assert article.index("冲进前三的怪物，而且增速是第二名") > article.index("一眼看明白")
    chapter = (ROOT / "book" / "ranking.md").read_text(encoding="utf-8")
    assert "echoes the conclusion before the table" in evidence
    assert "goes on from 断层第一" not in evidence + chapter.replace("\n", " ")
    assert "200%" not in evidence
    # BYD: 2,218.5亿 to 2,219.5亿 over 1,602.15亿 to 1,602.25亿, less 1; 63% is 62.5% to 63.5%.
    low = 0.625 / (2219.5 / 1602.15 - 1)
    high = 0.635 / (2218.5 / 1602.25 - 1)
    assert f"{low:.2f}× to {high:.2f}×" == "1.62× to 1.65×"
    assert f"{low:.2f}× to {high:.2f}×" in evidence
    # Even read inclusively, the top of the band is below 2: the gap is (2 − high) ÷ the middle.
    gap = (2 - high) / ((low + high) / 2)
    assert f"{gap:.1%}" == "21.3%" and f"between them is {gap:.1%}" in evidence
    assert rows["s4_growth_double"].verdict is Verdict.CONTRADICTED


def test_levelling_off_says_what_the_regions_show(data, rows):
    evidence = rows["s4_old_money_flat"].evidence
    # The regions' FY2023/24 growth is only in a weak repost (W): the evidence gives it as
    # context and does not rest the verdict on each region beating its own previous year.
    assert "in every region abroad, is above FY2023/24's" not in evidence
    assert "FY2023/24 growth was found only in a weak repost (W)" in evidence
    assert "as a weak (W) source this is context, and does not decide" in evidence
    regions = [data.reference(f"lenovo_{r}_growth_fy2425") for r in ("americas", "emea", "ap")]
    before = data.reference("lenovo_rev_growth_fy2324")
    assert min(regions) > before  # 16% > −8%: each region above the group's previous year
    assert "Abroad, every region of Lenovo's grew 16% to 29% in FY2024/25" in evidence
    assert "each above the group's FY2023/24 rate" in evidence
    # The regions' rates and the group's earlier rate are unlike quantities; the evidence says
    # what the comparison assumes: with the group at −7.5% (the top of −8%) and China at most
    # half, abroad could have grown 15.5% (the bottom of 16%) only if China fell by
    # (0.075 + 0.5 × 0.155) ÷ 0.5 = 30.5%; the W repost gives 15%.
    fall = (0.075 + 0.5 * 0.155) / 0.5
    assert f"{fall:.3f}" == "0.305" and 0.15 < fall
    assert (
        "could have grown in FY2023/24 as fast as the slowest region abroad did in FY2024/25 "
        "(16%) only if China's revenue fell by 30.5% or more that year" in evidence
    )
    assert "the weak repost gives China's fall as 15%" in evidence
    working = rows["d_lenovo_china_fall_needed"]
    assert working.recomputed == pytest.approx(fall)
    assert "(−7.5% − 50% × 15.5%) ÷ 50% = −30.5%" in working.evidence
    assert rows["s4_old_money_flat"].verdict is Verdict.UNVERIFIABLE


def test_levelling_off_sets_the_article_s_own_share_beside_the_book_s_assumption(rows):
    """The article's table prints Lenovo 70% abroad: read at its printed precision (69.5% to
    70.5%) it leaves China at most 30.5%, and then China would have had to fall by
    (7.5% + 69.5% × 15.5%) ÷ 30.5% = 59.9% for growth abroad to match the slowest region."""
    china = 1 - 0.695
    fall = (0.075 + 0.695 * 0.155) / china
    assert f"{china:.3f}" == "0.305" and f"{fall:.3f}" == "0.599"
    evidence = rows["s4_old_money_flat"].evidence
    assert (
        "were the table's 70% abroad (printed for 2024) Lenovo's share in FY2022/23 too, China, "
        "at most 30.5% of the group, would have had to fall by 59.9% or more" in evidence
    )
    working = rows["d_lenovo_china_fall_at_printed_share"]
    assert working.recomputed == pytest.approx(fall)
    assert "(−7.5% − 69.5% × 15.5%) ÷ 30.5% = −59.9%" in working.evidence


def test_an_n_plus_amount_is_glossed_as_the_book_reads_it(data, rows):
    # "1500+ 亿元" is 一千五百多亿: from 1,500亿 up to the next unit of its last significant digit
    # (1,600亿), so the English says 1,500亿元 to 1,600亿元, in the book's one yuan form, never
    # "1,500亿元 or more" nor "150–160 bn yuan".
    plus = data.claims[data.claims["qualifier"] == "+"]
    assert len(plus) >= 5
    for claim_id, claim in plus.iterrows():
        printed = claim["quote_zh"].split("+")[0].strip()
        digits = printed.rstrip("0")
        step_yi = 10 ** (len(printed) - len(digits))
        low_yi, high_yi = int(printed), int(printed) + step_yi
        gloss = f"{low_yi:,}亿元 to {high_yi:,}亿元"
        assert gloss in claim["claim_en"], (claim_id, claim["claim_en"])
        assert "多亿" in claim["claim_en"] and "or more" not in claim["claim_en"], claim_id
        assert "yuan" not in claim["claim_en"], claim_id
        assert rows[claim_id].claim_en == claim["claim_en"]
        band = printed_interval(str(claim["value_text"]), "+", claim["unit"])
        assert (band.low, band.high) == pytest.approx((low_yi * 1e8, high_yi * 1e8))


def test_shein_is_counted_as_chinese_only_conditionally(data, rows):
    """No reference quote says where Shein is based or where it sells (only an unsourced note
    says its sales are almost all abroad): every page and row that counts
    it among Chinese companies abroad says that it does so only on that condition."""
    from bytebook.chapters import growth, top_three
    from bytebook.paths import ROOT

    shein = data.references[data.references.index.str.startswith("shein_")]
    assert len(shein) >= 2
    for text in (*shein["quote"], *shein["item"]):
        assert not any(w in text.lower() for w in ("china", "chinese", "headquarter", "based"))
    condition = "counted only if Shein is counted among Chinese companies"
    saying = [when for _, _, when in top_three.PEERS_OUTSIDE_TABLE.values()]
    saying += [what for _, what in growth.GROWTH_OUTSIDE_TABLE.values()]
    for what in saying:
        assert condition in what and "no source on where it is based" in what
    shown = ("s4_top3", "s4_growth_double", "s4_growth_first", "t_huawei_top3")
    for row_id in (*shown, "d_peer_rank_bytedance"):
        evidence = rows[row_id].evidence
        assert "almost all abroad" not in evidence, row_id
        if "Shein" in evidence:
            assert condition in evidence, row_id
    page = " ".join((ROOT / "book" / "ranking.md").read_text(encoding="utf-8").split())
    assert "almost all abroad" not in page
    assert page.count("the references hold no source on where it is based") == 2


def test_the_summary_says_huawei_s_scale_holds_by_the_table(data):
    """2855亿 (2,854.5 to 2,855.5) lies above Huawei's 2300+ (2,300 to 2,400): the summary's
    bullet says so, with the row's final verdict, consistent."""
    from bytebook.chapters import summary
    from bytebook.paths import ROOT

    assert 2854.5 > 2400
    found = summary.analyse(data)
    row = {e.id: e for e in found.entries}["y_huawei_scale"]
    assert row.verdict is Verdict.CONSISTENT
    text = found.texts["holds_huawei_scale"]
    assert text.startswith(
        "by the article's own table ByteDance has reached Huawei's overseas scale (consistent): "
        "ByteDance's 2,855亿元 lies above Huawei's 2300+ 亿元 (read as 2,300亿元 to 2,400亿元)"
    )
    assert "only as figures from weak (W) sources, which illustrate and do not decide" in text
    page = (ROOT / "book" / "summary.md").read_text(encoding="utf-8")
    assert "{glue:text}`holds_huawei_scale_text`" in page


def test_lenovo_s_fy2023_24_fall_is_checked_against_its_own_releases(rows):
    """The −8% of FY2023/24 is TipRanks' machine-written news. Lenovo's releases (P) give it
    too: FY2024/25's USD 69.1 bn (69.05 to 69.15) ÷ 1.21 (1.205 to 1.215) is USD 56.83 bn to
    57.39 bn, against FY2022/23's USD 62 bn (61.5 to 62.5): −9.1% to −6.7%, which holds −8%."""
    low, high = 69.05 / 1.215 / 62.5 - 1, 69.15 / 1.205 / 61.5 - 1
    assert f"{low:.1%} {high:.1%}" == "-9.1% -6.7%" and low < -0.08 < high
    from bytebook.ledger import recomputed_text

    row = rows["d_lenovo_growth_fy2324"]
    assert recomputed_text(row) == "−9.1% to −6.7%"
    assert row.deciding.low == pytest.approx(low) and row.deciding.high == pytest.approx(high)
    assert "machine-written news (TipRanks); Lenovo's own releases (P) bear it out" in row.evidence
    assert "USD 56.83 bn to USD 57.39 bn" in row.evidence
    evidence = rows["s4_old_money_flat"].evidence
    assert row.evidence.split(" Worked out by this book")[0] in evidence
    # abroad, the comparison rests on the book's half-of-revenue ceiling for China, which does
    # not decide; the group's growth (−8% then +21%) is not growth abroad
    assert "but the group's growth is not growth abroad" in evidence
    assert "setting the two against each other rests also on this book's assumption" in evidence


def test_levelling_off_is_read_as_growth_abroad_as_the_section_reads_its_growth(data, rows):
    """增速 in section 四 is growth abroad (断层第一, 两倍以上), and the group's growth does not
    stand in for Huawei's growth abroad in those rows: so here too. Lenovo's −8% then +21% and
    Huawei's 9.6% then 22.4% each picked up, and are shown; they do not decide, and neither does
    the comparison abroad that rests on the book's assumption: the remark stays unverifiable,
    and the chapter's box says why."""
    evidence = rows["s4_old_money_flat"].evidence
    lenovo = [data.reference(f"lenovo_rev_growth_fy{y}") for y in ("2324", "2425")]
    huawei = [data.reference(f"huawei_rev_growth_{y}") for y in ("2023", "2024")]
    up = [
        name for name, (before, after) in (("Lenovo", lenovo), ("Huawei", huawei)) if after > before
    ]
    assert up == ["Lenovo", "Huawei"]
    assert evidence.startswith("Read as: their growth abroad has flattened out (趋于平缓)")
    assert f"that of {' and '.join(up)} picked up, which would contradict the remark" in evidence
    assert "so it does not decide" in evidence
    assert "an assumption of this book does not decide" in evidence
    assert "though the figures found for the latest year point against it" in evidence
    assert "every figure found points against it" not in evidence  # three years do not
    assert rows["s4_old_money_flat"].verdict is Verdict.UNVERIFIABLE
    found = ranking.analyse(data)
    assert (
        "Lenovo's and Huawei's levelling off (趋于平缓) is unverifiable, since their growth "
        "abroad was not found at first hand in a P or S source for both of the years it compares."
    ) in ranking.holds_sentence(data, found)


def test_a_fraction_in_digits_reads_as_about_its_decimal_and_half_in_words_looser(data):
    """1/4 and 1/5 are printed in digits: each reads ±5% of its value, as 约 does, not one step
    of a one-digit decimal (1/5 as 0.2 read 10% to 30%, nearly a third). 砍半 and 打掉一半 are
    words: about half, 40% to 60%."""
    bands = {
        claim_id: claim_band_text(data.claim(claim_id))
        for claim_id in ("s1_group_share", "s22_vs_industry", "s23_cost_half", "s3_live_bandwidth")
    }
    assert bands["s1_group_share"] == f"{0.25 * 0.95:.2%} to {0.25 * 1.05:.2%}"
    assert bands["s22_vs_industry"] == f"{0.20 * 0.95:.0%} to {0.20 * 1.05:.0%}"
    assert (
        bands["s23_cost_half"]
        == bands["s3_live_bandwidth"]
        == f"{0.5 - 0.1:.0%} to {0.5 + 0.1:.0%}"
    )


def test_a_peer_band_that_only_touches_bytedance_s_says_so(rows):
    """Shein's USD 37.5 bn to USD 38.5 bn and ByteDance's USD 38.5 bn to USD 39.5 bn, both at
    the 2024 average of 7.196, share one end, 38.5 × 7.196 = 2,770.46亿元, which one band
    prints as 2,770.5亿元 and the other as 2,770亿元: the rows say the bands only touch, so that
    a reader does not take them to overlap."""
    shared = 38.5e9 * 7.196 / 1e8
    assert f"{shared:,.1f}" == "2,770.5" and f"{shared:,.0f}" == "2,770"
    for row_id in ("s4_top3", "d_peer_rank_bytedance"):
        assert "(Shein: a band that meets its own at" in rows[row_id].evidence, row_id
        assert "touching it at one end only)" in rows[row_id].evidence, row_id


def test_a_peer_band_that_overlaps_and_one_that_touches_are_told_apart():
    """Of two peers whose bands meet ByteDance's 2,770亿 to 2,842亿, one overlapping it (2,800亿
    to 2,900亿) and one ending where it begins (2,700亿 to 2,770亿), only the second is said to
    touch it; where every such peer only touches, the note says so of them all."""
    import pandas as pd

    from bytebook.chapters.top_three import _meeting_bands_note

    bd = pd.Series({"company": "ByteDance", "low": 2770e8, "high": 2842e8})
    peers = pd.DataFrame(
        {"company": ["Overlaps", "Touches"], "low": [2800e8, 2700e8], "high": [2900e8, 2770e8]}
    )
    both = _meeting_bands_note(peers, bd, "this precision")
    assert both == (
        " (Overlaps and Touches: a band that meets its own at this precision; Touches only at "
        "one end)"
    )
    only = _meeting_bands_note(peers.iloc[[1]], bd, "this precision")
    assert only.endswith(", touching it at one end only)")
    assert _meeting_bands_note(peers.iloc[[0]], bd, "this precision").endswith("precision)")
