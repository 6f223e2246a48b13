"""What a reader sees in evidence and glued prose: ranges, minus signs, precision, wording."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bytebook.book import all_findings
from bytebook.policy import Interval, span


@pytest.fixture(scope="module")
def texts(data) -> dict[str, str]:
    """Every ledger row's evidence and every glued text, by where it is shown."""
    shown = {}
    for chapter, found in all_findings(data).items():
        for entry in found.entries:
            shown[f"{chapter}: {entry.id} evidence"] = entry.evidence
            shown[f"{chapter}: {entry.id} claim"] = entry.claim_en
        for key, text in found.texts.items():
            shown[f"{chapter}: {key}"] = text
    return shown


_RANGE = re.compile(r"(?<![\w.,])([−-]?[\d.,]+\S*?) to ([−-]?[\d.,]+\S*?)(?=[\s,;.)]|$)")


def test_a_band_whose_ends_read_alike_is_one_value(texts):
    """BYD's growth band is 38.46% to 38.53% (2,218.5亿 to 2,219.5亿 over 1,602.15亿 to
    1,602.25亿): at one decimal both ends read 38.5%, so it is printed once."""
    low, high = 2218.5 / 1602.25 - 1, 2219.5 / 1602.15 - 1
    assert f"{low:.1%}" == f"{high:.1%}" == "38.5%"
    assert span(Interval(low, high), lambda v: f"{v:.1%}") == "38.5%"
    for where, text in texts.items():
        for match in _RANGE.finditer(text):
            assert match.group(1).rstrip(".,") != match.group(2).rstrip(".,"), (where, match[0])
    assert "38.5% at the sources' precision" in texts["ranking: d_overseas_growth_byd evidence"]


def test_no_hyphen_stands_for_a_minus(texts):
    """A negative reads with the minus sign: the title's 7.47亿 is (7.47 − 7.80) ÷ 7.80 =
    −4.2% from the article's own yuan a day."""
    assert f"{(7.47 - 2855 / 366) / (2855 / 366):.1%}" == "-4.2%"
    for where, text in texts.items():
        assert not re.search(r"(?:^|[\s(\[=:;,])-\d", text), (where, text)
    assert "= −4.2%" in texts["preface: d_title_gap_article evidence"]


_NUMBER = r"[−-]?\d[\d,]*(?:\.(\d+))?"
_ANY_RANGE = re.compile(
    rf"(?<![\w.,])({_NUMBER})(\S*(?: bn| million| trillion)?) to (?:USD |CNY )?({_NUMBER})"
)


def test_the_ends_of_a_range_share_one_precision(texts):
    """'USD 151 bn to USD 161.2 bn' mixed two precisions: ByteDance's implied group total,
    USD 38.5 bn to 39.5 bn over 24.5% to 25.5%, is USD 151 bn to USD 161 bn."""
    assert (round(38.5 / 0.255), round(39.5 / 0.245)) == (151, 161)
    for where, text in texts.items():
        for match in _ANY_RANGE.finditer(text):
            low, high = match.group(2) or "", match.group(5) or ""
            assert len(low) == len(high), (where, match[0])
    assert "USD 151 bn to USD 161 bn" in texts["ranking: d_implied_total_bytedance evidence"]


def test_a_figure_reads_the_same_wherever_it_is_shown(data, texts):
    """The overseas chapter's dollar amounts are at three significant figures, as its inputs
    are: 2023's revenue in China is USD 120 bn − USD 39 bn ÷ 1.63 = USD 96.07 bn, shown as
    USD 96.1 bn in the prose and in every row; Meta's 2022 loss, a source's figure, keeps its
    recorded digits (13,717 million, USD 13.72 bn at the book's four figures) as its chart and
    the sources page do; the growth table's 63% is the reported 63%, not 63.0%."""
    domestic_2023 = 120 - 39 / 1.63
    assert f"{domestic_2023:.1f}" == "96.1"
    assert texts["overseas: domestic_2023"] == "USD 96.1 bn"
    assert texts["overseas: domestic_2024"] == "USD 116 bn"
    for row_id in ("d_domestic_2023", "d_domestic_2024", "d_domestic_growth"):
        evidence = texts[f"overseas: {row_id} evidence"]
        assert "USD 96.1 bn" in evidence and "96.07" not in evidence, row_id
    assert f"{13717 / 1000:.2f}" == "13.72"
    assert texts["overseas: meta_loss_2022"] == "USD 13.72 bn"
    assert "USD 13.72 bn (2022)" in texts["overseas: s1_meta_rl_loss evidence"]
    from bytebook.chapters import ranking

    growth = ranking.analyse(data).tables["growth"].set_index("company")["shown"]
    assert growth["ByteDance"] == "63%"


def test_the_growth_table_shows_each_band_once_at_one_precision(data):
    """Haier's overseas revenue on its Hong Kong basis, 143.8 bn (FY2024) over 136,412 million
    (FY2023), grew 5.38% to 5.45% at the sources' precision: the table shows '5.4% to 5.5%',
    not 5.4% beside a range starting at 5.4%. BYD's 2,219亿 over 160.22 bn is 38.46% to
    38.53%: one value, shown once.
    Midea's FY2024 (China 2,381.15亿 × 41.52% ÷ 58.48%) over 1,509.06亿 is 12.005% to 12.053%.
    A company whose overseas growth was not found says so."""
    from bytebook import present
    from bytebook.chapters import growth, ranking

    haier = (1437.5 / 1364.125 - 1, 1438.5 / 1364.115 - 1)
    assert [f"{g:.1%}" for g in haier] == ["5.4%", "5.5%"]
    byd = (2218.5 / 1602.25 - 1, 2219.5 / 1602.15 - 1)
    assert {f"{g:.1%}" for g in byd} == {"38.5%"}
    midea = (
        2381.145 * 0.41515 / 0.58485 / 1509.065 - 1,
        2381.155 * 0.41525 / 0.58475 / 1509.055 - 1,
    )
    assert [f"{g:.1%}" for g in midea] == ["12.0%", "12.1%"]
    table = ranking.analyse(data).tables["growth"]
    shown = table.set_index("company")["shown"]
    # Haier on its Hong Kong basis both years: 1,438亿 ÷ 136,412m − 1 (not the A-share 1,429亿)
    assert shown["Haier Smart Home"] == "5.4% to 5.5%"
    assert shown["BYD"] == "38.5%"
    assert shown["Midea"] == "12.0% to 12.1%"
    for company in ("Huawei", "Xiaomi"):
        assert shown[company] == "not found", company
    # Lenovo's regions abroad grew 19%, 16% and 29% (whole percents): its total abroad lies
    # within them, each read at its precision, half a point either side.
    regions = [
        round(data.reference(f"lenovo_{region}_growth_fy2425") * 100)
        for region in ("americas", "emea", "ap")
    ]
    assert shown["Lenovo"] == f"within {min(regions) - 0.5}% to {max(regions) + 0.5}%"
    # Shein, in the club outside the table: sales +19% (S).
    assert shown["Shein (outside the table)"] == "19%"
    html = present.display_table(table, growth.GROWTH_COLUMNS).data
    cells = re.findall(r"<td[^>]*>(.*?)</td>", html)
    assert "" not in cells and "not published" not in html
    evidence = {e.id: e.evidence for e in ranking.analyse(data).entries}
    assert "less 1: 5.4% to 5.5% at the sources' precision" in evidence["d_overseas_growth_haier"]
    assert "Both years on one reporting basis" in evidence["d_overseas_growth_haier"]


def _reference_ids(data) -> re.Pattern[str]:
    ids = sorted(data.references.index, key=len, reverse=True)
    return re.compile(r"(?<![\w])(" + "|".join(map(re.escape, ids)) + r")(?![\w])")


_INTERNAL = re.compile(
    r"research|the notes? of|not published|project's|policy's|ranges miss|reading note"
    r"|arithmetic that its prose|off the middle|\(\d+, (?:supported|consistent|off in detail"
    r"|contradicted|inconsistent|does not decide)|This finding does not decide"
    r"|Finding \d, which does not decide",
    re.IGNORECASE,
)
"""Working words a reader should not meet: the book's research, its policy by name, a gap said
as 'the ranges miss by … of the evidence', '(1, off in detail)' for the first finding, 'This
finding does not decide (…)' for one that is not decisive."""


def test_no_text_a_reader_sees_names_a_reference_by_id_or_the_research(data, texts):
    """Evidence, glued prose, the sources table's columns and the methods page cite a source
    by its name, and say what this book found, never 'the research found' or an id such as
    tiktok_iap_2024."""
    ids = _reference_ids(data)
    shown = dict(texts)
    for reference_id, row in data.references.iterrows():
        for column in ("source", "item", "quote"):
            shown[f"references.csv {reference_id} {column}"] = str(row[column])
    from bytebook.paths import ROOT

    methods = (ROOT / "book" / "methods.md").read_text(encoding="utf-8")
    shown["methods page"] = re.sub(r"```.*?```", "", methods, flags=re.DOTALL)
    for where, text in shown.items():
        assert not ids.search(text), (where, ids.search(text)[0])
        assert not _INTERNAL.search(text), (where, _INTERNAL.search(text)[0])
    assert "(iPhone in Canada, reporting data.ai's figures on TikTok's consumer spending, " in (
        texts["economics: s3_live_take evidence"]
    )


def test_the_internal_wording_rule_catches_the_old_phrases():
    """The phrases a reader once met in the ledger are each caught."""
    for old in (
        "a conversion (the policy's printed conversion), so",
        "(1, off in detail) The article's own 2,855亿元",
        "(2, does not decide: would be supported) On the Hong Kong basis",
        "This finding does not decide (its figures agree within their intervals): The",
        "Finding 2, which does not decide (its figures miss each other by more than 5%",
        "The ranges miss by 591.7% of the evidence. A reading note, not a verdict",
        "A step of the book's arithmetic that its prose prints, not a verdict.",
        "the title's 7.47亿 is −2.6% off the middle.",
    ):
        assert _INTERNAL.search(old), old


def test_evidence_says_how_far_the_title_lies_from_the_dollar_reading(texts):
    """USD 39 bn at 7.196 over 366 days is 39e9 × 7.196 ÷ 366 = 7.668亿 a day; the title's
    7.47亿 is (7.47 − 7.668) ÷ 7.668 = 2.6% below it, said in words, not as '−2.6% off'."""
    middle = 39e9 * 7.196 / 366 / 1e8
    assert f"{middle:.2f}" == "7.67" and f"{(middle - 7.47) / middle:.1%}" == "2.6%"
    evidence = texts["preface: d_daily_at_2024_average evidence"]
    assert "the title's 7.47亿元 is 2.6% below that middle." in evidence
    assert "do not meet: the gap between them is 1.2% of the evidence's middle" in evidence


def test_a_reported_rate_keeps_its_own_digits(texts):
    """Xiaomi's group revenue grew 35% (Yicai Global: 'climbed 35 percent'): the evidence says
    35%, not 35.0%."""
    evidence = texts["ranking: s4_growth_first evidence"]
    assert "22.4% and 35%" in evidence and "35.0%" not in evidence


@given(
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
    st.floats(min_value=0, max_value=1e12, allow_nan=False),
)
def test_any_span_prints_its_ends_at_one_precision(low, width):
    """Whatever the band, the formatter's two ends share their decimals, and the minus sign is
    never a hyphen."""
    from bytebook.numbers import significant

    text = span(Interval(low, low + width), significant)
    ends = text.split(" to ")
    decimals = [len(end.split(".")[1]) if "." in end else 0 for end in ends]
    assert len(set(decimals)) == 1, text
    assert "-" not in text, text


def test_no_evidence_or_glued_text_names_a_ledger_row_by_its_id(data, texts):
    """Chapter tables show evidence without row ids, so evidence and prose name another row by
    what it computes ('the group total the quarter implies'), never by an id such as
    d_group_implied or t_haier_years."""
    from bytebook.book import all_entries

    ids = sorted({entry.id for entry in all_entries(data)}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w/#-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
    for where, text in texts.items():
        assert not pattern.search(text), (where, pattern.search(text)[0])


def test_the_methods_page_names_no_code_in_its_prose():
    """The methods page speaks of the book's rules, not of its modules or classes."""
    from bytebook.paths import ROOT

    methods = (ROOT / "book" / "methods.md").read_text(encoding="utf-8")
    prose = re.sub(r"```.*?```", "", methods.split("---", 2)[-1], flags=re.DOTALL)
    assert not re.search(r"bytebook\.|ExchangeRate|`[a-z_]+\.[a-z_]+`", prose), re.search(
        r"bytebook\.|ExchangeRate|`[a-z_]+\.[a-z_]+`", prose
    )


def test_the_closest_year_table_reads_as_its_evidence(data):
    """Lenovo's FY2023/24 share, 3,137亿 ÷ 4,074亿 = 77.0%, is shown as 77%, not 77.0%; Huawei's
    FY2023 amount over its FY2024 total, 2,329亿 ÷ 8,621亿 = 27.0%, as 27%. A gap reads as the
    evidence words it: none is 'inside', not 0.0%; a share's gap in percentage points: Midea's
    40.56% (40.555% to 40.565%) lies 40.555 − 40.5 = 0.055 points outside the printed 40% (39.5%
    to 40.5%), with both ends shown, not '0.14%' (its gap as a share of 40.56%)."""
    from bytebook import present
    from bytebook.chapters import ranking
    from bytebook.chapters.year_matches import YEARS_COLUMNS

    assert f"{3137 / 4074:.1%}" == "77.0%" and f"{2329 / 8621:.1%}" == "27.0%"
    assert f"{40.555 - 40.5:.3f}" == "0.055"
    found = ranking.analyse(data)
    html = present.display_table(found.tables["years"], YEARS_COLUMNS).data
    cells = re.findall(r"<td[^>]*>(.*?)</td>", html)
    assert not [c for c in cells if re.fullmatch(r"[\d.]+\.0%", c)], cells
    body = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)
    rows = {row[0]: row for row in (re.findall(r"<td[^>]*>(.*?)</td>", r) for r in body)}
    assert rows["Lenovo"][4] == "77%" and rows["Lenovo"][5] == "inside"
    assert rows["Midea"][6] == "0.055 (40.555% − 40.5%)"
    evidence = {e.id: e.evidence for e in found.entries}
    assert (
        "FY2023's amount over FY2024's total, 2,329亿元 ÷ 8,621亿元 = 27% (W)"
        in evidence["t_huawei_share"]
    )
    assert "share 77% (derived" in evidence["t_lenovo_share"]


_SHARE_GAP_IN_PERCENT = re.compile(
    r"\d%\s+(?:outside|apart from|above|below)\s+(?:the printed\s+)?(?:约\s*|超\s*)?[\d.]+\s*%"
)


def test_a_gap_between_two_shares_is_said_in_percentage_points(texts):
    """Lenovo's FY2023/24 share, 77%, against the printed 70% (69.5% to 70.5% at its printed
    precision) is 77 − 70.5 = 6.5 percentage points outside it; as a percent of the 77% it
    would read 8.4%, which a reader takes for points. No text sets a percent gap against a
    printed share."""
    found = {where: _SHARE_GAP_IN_PERCENT.search(text) for where, text in texts.items()}
    wrong = {where: match.group(0) for where, match in found.items() if match}
    assert not wrong, wrong
    lenovo = texts["ranking: d_year_match_lenovo evidence"]
    assert "share 77% " in lenovo
    assert f"{77 - 70.5:g} percentage points outside the printed 70%" in lenovo
    # the lower end, 3,136.5 ÷ 4,074.5 = 76.98%, is written at the decimal of the exact 70.5%
    # it is set against: 77.0%, not 77%
    assert f"{3136.5 / 4074.5:.1%}" == "77.0%"
    assert "its lower end, 77.0%, less the printed range's upper end, 70.5%" in lenovo
    assert f"{(77 - 70.5) / 77:.1%}" == "8.4%" and "8.4%" not in lenovo


_POINTS = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?) percentage points?\b")
_SHARE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)%")


def _subtractions_hold(text: str) -> list[str]:
    """Every 'X percentage points' in `text` whose sentence prints no two shares A% and B%
    with A − B = X exactly, at their printed digits."""
    from decimal import Decimal

    wrong = []
    for sentence in re.split(r"(?<=[.;])\s+(?=[A-Z(])", text):
        shares = {Decimal(m) for m in _SHARE.findall(sentence)}
        for points in _POINTS.findall(sentence):
            if not any(a - b == Decimal(points) for a in shares for b in shares):
                wrong.append(sentence)
    return wrong


def test_every_gap_in_points_is_the_difference_of_two_printed_shares(texts, data):
    """A gap in percentage points sits beside the two shares it is measured between, so that
    the subtraction holds at the printed digits. BYD's derived share is at least 2,218.5 ÷
    7,771.5 = 28.547%, 28.5% at one decimal, and 约20% reaches 20 × 1.05 = 21%: 28.5 − 21 =
    7.5, where a bare '7.5 points' beside 28.6% reads as 28.6 − 21 = 7.6. The check itself
    fails on the old wording."""
    from bytebook import present
    from bytebook.chapters import ranking
    from bytebook.chapters.year_matches import YEARS_COLUMNS

    assert f"{2218.5 / 7771.5:.1%} {20 * 1.05:g}" == "28.5% 21"
    assert _subtractions_hold("they are 7.5 percentage points apart, a gap of 26.4% of it.")
    assert not _subtractions_hold("7.5 percentage points (28.5% less 21%).")
    wrong = {where: _subtractions_hold(text) for where, text in texts.items()}
    assert not {where: s for where, s in wrong.items() if s}
    html = present.display_table(ranking.analyse(data).tables["years"], YEARS_COLUMNS).data
    cells = [c for c in re.findall(r"<td[^>]*>(.*?)</td>", html) if " − " in c]
    assert len(cells) >= 3, cells
    for cell in cells:
        assert not _subtractions_hold(
            re.sub(r"^([\d.]+) ", r"\1 percentage points ", cell.replace(" − ", " less "))
        ), cell


_FRACTION_GAP = re.compile(
    r"(?P<gap>[\d.,]+)% (?:of (?:the evidence's|its) middle: |of the 2024 loss, )"
    r"\((?P<high>[^−]+) − (?P<low>[^)]+)\) ÷ (?P<mid>.+?)(?=[,.;] |\.?$)"
)
_WORKED_EQUALS = re.compile(
    r"\(\((?P<high>[^−()]+) − (?P<low>[^)]+)\) ÷ (?P<mid>[^)=]+) = (?P<gap>[\d.,]+)%\)"
)
_WORKED_IN_BRACKETS = re.compile(
    r"(?P<gap>[\d.,]+)% [^()]{0,60}\(\((?P<high>[^−()]+) − (?P<low>[^)]+)\) ÷ (?P<mid>[^)]+)\)"
)
_SHARE_GAP = re.compile(
    r"they are (?P<points>[\d.]+) percentage points? apart \([^,]+, (?P<high>[\d.]+)%, less "
    r"[^,]+, (?P<low>[\d.]+)%\), a gap of (?P<gap>[\d.]+)% of the evidence's middle, "
    r"(?P<mid>[\d.]+)%"
)


def _worked(high: str, low: str, mid: str, gap: str) -> bool:
    """Whether (high − low) ÷ mid, worked from the figures as written, rounds to the written
    gap (in percent, at its decimals)."""
    from decimal import ROUND_HALF_UP, Decimal

    from bytebook.numbers import written_figures

    a, b, m = (written_figures(text)[0].value for text in (high, low, mid))
    step = Decimal(1).scaleb(-len(gap.partition(".")[2]))
    worked = Decimal(repr((a - b) / m * 100)).quantize(step, rounding=ROUND_HALF_UP)
    return worked == Decimal(gap.replace(",", ""))


def test_every_gap_works_out_from_the_figures_its_sentence_prints(texts):
    """A gap between ranges is worked from the figures its sentence prints. BYD's 2,219亿
    (at least 2,218.5亿) over the 1000+ band's top, 2,000亿: (2,218.5 − 2,000) ÷ 2,219 = 9.8%;
    its share: (28.5 − 21) ÷ 28.6 = 26.2% at the digits printed, where the bare '26.4%' beside
    28.6% and 21% did not work out; Midea's: 1.015 ÷ 41.52 = 2.4%."""
    assert f"{(2218.5 - 2000) / 2219:.1%} {(28.5 - 21) / 28.6:.1%} {1.015 / 41.52:.1%}" == (
        "9.8% 26.2% 2.4%"
    )
    assert not _worked("28.6%", "21%", "28.6%", "26.4")
    found = 0
    for where, text in texts.items():
        matches = [_FRACTION_GAP, _WORKED_IN_BRACKETS, _WORKED_EQUALS]
        for match in (m for pattern in matches for m in pattern.finditer(text)):
            found += 1
            assert _worked(*match.group("high", "low", "mid", "gap")), (where, match[0])
        for match in _SHARE_GAP.finditer(text):
            found += 1
            high, low, mid, gap = match.group("high", "low", "mid", "gap")
            assert _worked(f"{high}%", f"{low}%", f"{mid}%", gap), (where, match[0])
    assert found >= 20
    byd = texts["ranking: t_byd_overseas evidence"]
    assert "9.8% of the evidence's middle: (2,218.5亿元 − 2,000亿元) ÷ 2,219亿元" in byd
    byd_share = texts["ranking: t_byd_share evidence"]
    assert "a gap of 26.2% of the evidence's middle, 28.6%" in byd_share


_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_DIFFERENCES = (
    re.compile(
        rf"(?<![\w.,(])(?P<a>{_NUMBER})(?P<unit>亿元?)? − (?P<b>{_NUMBER})(?P=unit)? = "
        rf"(?P<c>{_NUMBER})"
    ),
    re.compile(
        rf"(?P<c>{_NUMBER})(?P<unit>亿元?) \((?P<a>{_NUMBER})(?P=unit) − (?P<b>{_NUMBER})(?P=unit)"
        r"(?=[;,)])"
    ),
)


def _difference_holds(a: str, b: str, c: str) -> bool:
    """Whether a − b, worked from the figures as written, rounds to c at c's decimals."""
    from decimal import ROUND_HALF_UP, Decimal

    a_, b_, c_ = (Decimal(text.replace(",", "")) for text in (a, b, c))
    return (a_ - b_).quantize(c_, rounding=ROUND_HALF_UP) == c_


def test_every_difference_works_out_at_its_printed_digits(texts):
    """A difference printed beside its two figures ('a − b = c', or 'c (a − b)') holds at the
    digits printed. Midea's finance income is at least 4,090.84亿 − 4,056.38亿 = 34.46亿; set
    beside a limit printed as 4,056.4亿, the 34.5亿 worked from the unrounded limit did not:
    4,090.84 − 4,056.4 = 34.44."""
    assert f"{4090.84 - 4056.4:.2f} {4090.84 - 4056.38:.2f}" == "34.44 34.46"
    assert not _difference_holds("4,090.84", "4,056.4", "34.5")
    found = 0
    for where, text in texts.items():
        for match in (m for pattern in _DIFFERENCES for m in pattern.finditer(text)):
            found += 1
            assert _difference_holds(*match.group("a", "b", "c")), (where, match[0])
    midea = texts["ranking: t_midea_overseas evidence"]
    assert "finance income at least 34.46亿元 (4,090.84亿元 − 4,056.38亿元;" in midea
    assert found >= 2


_RATE_WORKED = re.compile(r"([\d,.]+)亿元 ÷ (\S+ [\d,.]+ ?\S*?|[\d,.]+亿元) = ([\d.]+) CNY/USD")


def test_an_exchange_rate_is_yuan_divided_by_dollars(texts):
    """A rate in CNY/USD is worked as a yuan amount over a dollar amount: the table's
    2,855亿元 ÷ USD 39 bn = 7.3205 (2,855 ÷ 390), never '÷ 390亿元', a yuan amount."""
    worked = [
        (where, match.groups())
        for where, text in texts.items()
        for match in _RATE_WORKED.finditer(text)
    ]
    assert worked, "no worked exchange rate was found"
    for where, (_, divisor, _) in worked:
        assert divisor.startswith("USD "), (where, divisor)
    table = [groups for where, groups in worked if "d_table_rate_point" in where]
    assert table and table[0][1] == "USD 39 bn"
    assert table[0][2] == f"{2855 / 390:.4f}"


def test_the_impressions_at_the_mean_cpm_follow_from_the_divisor_printed(texts):
    """The quarters' mean, (6.52 + 8.70 + 7.34 + 7.21) ÷ 4 = 7.4425, is written 7.44 and worked
    from as written: USD 35.08 bn ÷ USD 7.44 × 1,000 is 4.72 trillion (4.71 was 35.08 ÷ 7.4425,
    a sum that did not hold on the page)."""
    (evidence,) = [t for w, t in texts.items() if "d_impressions_year_reference evidence" in w]
    match = re.search(r"USD ([\d.]+) bn .*?÷ USD ([\d.]+) .*?= ([\d.]+) trillion", evidence)
    assert match, evidence
    remainder, divisor, _ = (float(g) for g in match.groups())
    assert match[2] == f"{(6.52 + 8.70 + 7.34 + 7.21) / 4:.2f}"
    assert f"{remainder / divisor:.2f}" == match[3]


def test_haier_s_growth_names_the_basis_it_takes_wherever_it_is_listed(data):
    """Haier's FY2024 overseas revenue on its Hong Kong basis, 143.8 bn = 1,438亿元, is the one
    its growth takes: the growth table's basis cell and the peers' listing say so, once each."""
    from bytebook.chapters import ranking

    assert f"{143.8e9 / 1e8:,.0f}亿元" == "1,438亿元"
    note = "FY2024 taken as 1,438亿元, on the FY2023 figure's reporting basis"
    table = ranking.analyse(data).tables["growth"].set_index("company")
    basis = table.at["Haier Smart Home", "basis"]
    assert basis.endswith(f"; {note}") and "; ;" not in basis
    evidence = {e.id: e.evidence for e in ranking.analyse(data).entries}
    for row in ("s4_growth_first", "s4_growth_double"):
        assert evidence[row].count(note) == 1, row
        assert f"(rests on a weak (W) source; {note})" in evidence[row], row


def test_the_context_length_is_neither_variant_however_k_is_read(data):
    """128K is 128,000 tokens read with K as 1,000 and 128 × 1,024 = 131,072 read with K as
    1,024; the client's list gives 32,768 and 256,000, neither of them."""
    from bytebook.chapters import infrastructure

    assert f"{128 * 1024:,}" == "131,072"
    evidence = {e.id: e.evidence for e in infrastructure.analyse(data).entries}["s23_context"]
    assert "whether K is read as 1,000 (128,000 tokens) or as 1,024 (131,072)" in evidence
    assert "32,768 tokens" in evidence and "256,000 tokens" in evidence


_GAP_FORMULA = re.compile(r"\(([\d,.]+亿元) − ([\d,.]+亿元)\) ÷ ([\d,.]+亿元)")


def test_an_implied_total_s_gap_is_worked_from_figures_printed_before_it(data):
    """Midea's total, derived from its China revenue and share (2,381.15亿 ÷ 58.48%), is
    4,072亿 in the middle and 4,071亿 at its lower end (2,381.145 ÷ 0.58485 = 4,071.4): the
    gap formula's ends are printed before it, save a recorded figure's half-unit end
    (4,984.5亿), which the gap rule explains."""
    assert f"{2381.145 / 0.58485:,.1f}" == "4,071.4"
    rows = {e.id: e for found in all_findings(data).values() for e in found.entries}
    worked = [row for key, row in rows.items() if key.startswith("d_implied_total_")]
    assert any(_GAP_FORMULA.search(row.evidence) for row in worked)
    for row in worked:
        for formula in _GAP_FORMULA.finditer(row.evidence):
            before = row.evidence[: formula.start()]
            for end in formula.groups():
                assert end in before or end.removesuffix("亿元").endswith(".5"), (row.id, end)


_QUOTED = re.compile(r"(?<![A-Za-z])'([^']{12,}?)'(?![A-Za-z])")
"""Words in single quotes: an apostrophe inside a word (TikTok's) neither opens nor closes."""


def _note_words_not_said_to_be(data) -> list[tuple[str, str, str]]:
    """(row, reference, words) for each quotation in a row's evidence of words that are in the
    note of a source the row cites and not in that source's quote, in a sentence that does not
    say they come from the note."""
    references = data.references
    unsaid = []
    for chapter in all_findings(data).values():
        for entry in chapter.entries:
            for words in _QUOTED.findall(entry.evidence):
                for ref in entry.sources:
                    if ref not in references.index:
                        continue
                    in_note = words in str(references.at[ref, "note"])
                    if in_note and words not in str(references.at[ref, "quote"]):
                        sentence = next(
                            part for part in re.split(r"(?<=\.) ", entry.evidence) if words in part
                        )
                        if "note" not in sentence:
                            unsaid.append((entry.id, ref, words))
    return unsaid


def test_words_quoted_from_a_source_s_note_say_they_are_from_the_note(data):
    """A source's quote holds its own words; its note holds what was recorded beside it. Where
    a row's evidence quotes words that are in the note of a source it cites and not in that
    source's quote, it says they come from the note (read at second hand, they count as weak).
    The relay's 'most of which is earned from TikTok U.S.' is in its quote; were it in its
    note instead, ByteDance's main-markets row, which quotes it, would have to say so."""
    assert _note_words_not_said_to_be(data) == []
    words = "most of which is earned from TikTok U.S."
    references = data.references.copy()
    quote = references.at["bd_intl_2024", "quote"]
    assert words in quote
    references.at["bd_intl_2024", "quote"] = quote.replace(words, "…")
    references.at["bd_intl_2024", "note"] += f"; '{words}'"
    moved = _note_words_not_said_to_be(dataclasses.replace(data, references=references))
    assert ("t_bytedance_markets", "bd_intl_2024", words) in moved


_QUOTIENT = re.compile(r"([\d,.]+)亿元 ÷ ([\d,.]+)亿元 = ([\d.]+)%")


def test_a_pair_of_two_years_prints_its_quotient_and_the_quotient_holds(texts):
    """A share worked from one year's amount and another year's total prints both figures, so
    the reader can redo it: Huawei's 2,329亿 ÷ 8,621亿 = 27.02%, written 27%; BYD's 1,602亿 ÷
    7,771亿 = 20.61%, written 20.6%. Every 'a亿元 ÷ b亿元 = c%' the book prints holds at c's
    digits."""
    pairs = {k: v for k, v in texts.items() if "d_pair_share_" in k and k.endswith("evidence")}
    assert len(pairs) == 2, sorted(pairs)
    for key, text in pairs.items():
        assert _QUOTIENT.search(text), (key, text)
    worked = [(key, m) for key, text in texts.items() for m in _QUOTIENT.findall(text)]
    assert len(worked) >= 2 * len(pairs)
    for key, (top, bottom, shown) in worked:
        digits = len(shown.partition(".")[2])
        quotient = float(top.replace(",", "")) / float(bottom.replace(",", "")) * 100
        assert f"{quotient:.{digits}f}" == shown, (key, top, bottom, shown)


def test_a_share_gap_measured_from_an_end_first_shows_the_band_that_end_belongs_to(ledger_rows):
    """Huawei's FY2023 share outside China is 33.1% as written, but its source gives China's
    share as 67%, two digits: outside China is 1 − 67.5% = 32.5% to 1 − 66.5% = 33.5%. The gap
    to the printed 约 27% (upper end 27% × 1.05 = 28.35%) is measured from 32.50%, so the band
    is shown before it: 33.1% alone would put that end at 33.05%. A share with no gap shows no
    band: ByteDance's 25.2% (39 ÷ 155)."""
    low, high = 1 - 0.675, 1 - 0.665
    rows = {row["id"]: row["evidence"] for row in ledger_rows}
    band = f"{low:.2%} to {high:.2%} at its inputs' digits"
    for row_id in ("t_huawei_overseas", "t_huawei_share", "d_year_match_huawei"):
        evidence = rows[row_id]
        assert f"share 33.1% ({band};" in evidence, row_id
        assert evidence.index(band) < evidence.index(f"its lower end, {low:.2%}"), row_id
    assert "share 25.2% (derived" in rows["t_bytedance_share"]


def test_a_figure_with_no_gap_is_inside_where_its_value_is_and_meeting_where_its_band_is():
    """With no gap between a year's figure and the printed band, the words say where the figure
    as written lies, as its bar does: Huawei's 2,329亿元 is inside the printed 2300+ 亿元 (2,300
    to 2,400), though the band its 67% allows (7,041.74 × 32.5% = 2,288.6) reaches below it; a
    figure written at 2,290 whose band reached 2,300 would only meet it."""
    from bytebook.chapters.year_words import place
    from bytebook.policy import Interval

    printed = Interval(2300e8, 2400e8)
    assert 7041.74 * 0.325 < 2300 < 2329 < 2400
    assert place(2329e8, printed) == "inside"
    assert place(2290e8, printed) == "meeting"


def test_the_closest_year_table_says_what_its_rows_evidence_says(ledger_rows, data):
    """The table beside the evidence gives the same words and bands: Huawei's amount lies
    inside the printed band, as its row's text says, and its share shows the band its gap is
    measured from, its two ends under one unit, as a narrow column writes a range: 1 − 67.5%
    to 1 − 66.5%."""
    from bytebook.chapters.year_matches import year_matches

    table = year_matches(data).tables["years"].set_index("company")
    rows = {row["id"]: row["evidence"] for row in ledger_rows}
    assert table.at["Huawei", "amount_gap_text"] == "inside"
    assert "2,329亿元 (derived, W; inside the printed 2300+ 亿元)" in rows["t_huawei_overseas"]
    low, high = 1 - 0.675, 1 - 0.665
    assert table.at["Huawei", "filed_share_text"] == f"33.1% ({low * 100:.2f}–{high:.2%})"
    assert table.at["ByteDance", "share_points_text"] == "inside"


def test_a_figure_with_no_period_says_which_period_it_is_judged_against(ledger_rows, data):
    """The article's CPM names no period (claims.csv: unstated); the evidence says it is set
    against 2024, the year of the CPMs found, as the methods page's rule asks."""
    assert data.claims.at["s3_cpm", "period"] == "unstated"
    rows = {row["id"]: row["evidence"] for row in ledger_rows}
    assert "The article names no period for its CPM; it is set against 2024" in rows["s3_cpm"]


def test_a_yearly_figure_with_no_currency_says_whose_dollars_it_is_read_in(ledger_rows, data):
    """「一年 7.3 亿」 prints no currency; it is 每天 200 万美元 × 365 = 7.3亿 US dollars, so the
    row says it is read in the dollars of the daily figure it is worked from. The daily row's
    model says its bitrates are the article's upload bitrates, taken as those viewers are sent."""
    assert 2e6 * 365 == 7.3e8 and "美元" not in data.claims.at["s21_cdn_yearly", "quote_zh"]
    rows = {row["id"]: row["evidence"] for row in ledger_rows}
    assert "「一年 7.3 亿」 names no currency; it is read in the US dollars of 「" in rows[
        "s21_cdn_yearly"
    ]
    assert "taken as the bitrates viewers are sent" in rows["s21_cdn_daily"]


def test_capcut_s_yearly_revenue_says_it_counts_every_payer_at_the_monthly_price(
    ledger_rows, data
):
    """7.99 × 12 × 20 million = USD 1.918 bn is the monthly price paid all year by every payer;
    the pricing pages the price rests on also list an annual plan (references.csv's note), so
    the row says what it counts, as the chapter does."""
    assert data.stated("s3_capcut_price") * 12 * data.stated("s3_capcut_payers") == (
        pytest.approx(1.9176e9)
    )
    assert "annual plan" in data.references.at["capcut_pro_price", "note"]
    rows = {row["id"]: row["evidence"] for row in ledger_rows}
    assert "every payer counted at the monthly price all year" in rows["d_capcut_revenue"]
    assert "says they also list an annual plan" in rows["d_capcut_revenue"]
    sources = {row["id"]: row["sources"].split(";") for row in ledger_rows}
    assert "capcut_pro_price" in sources["d_capcut_revenue"]


_AMOUNT = re.compile(r"USD (\d[\d,]*(?:\.\d+)?) (bn|million)\b")


def test_the_remainder_prints_only_amounts_it_has_a_source_or_a_sum_for(ledger_rows, data):
    """What is left for ads, 39 − 7.99 × 12 × 0.02 − 2 = USD 35.08 bn, cites TikTok Shop's GMV
    (one take-rate point is a hundredth of it) and WARC's ad projection. The other, lower
    estimate of TikTok's ads is only words in WARC's row's note, with no value of its own in
    the data: the row names it and prints no figure for it."""
    article = [data.stated(key) for key in ("s1_overseas_revenue", "s3_live_gifting")]
    capcut = data.stated("s3_capcut_price") * 12 * data.stated("s3_capcut_payers")
    gmv = data.references.at["tiktok_shop_gmv_2024", "value"]
    warc = data.references.at["tiktok_ad_rev_2024_warc", "value"]
    known = [*article, capcut, article[0] - capcut - article[1], gmv, gmv / 100, warc]
    assert article[0] - capcut - article[1] == pytest.approx(35.0824e9)
    evidence = {row["id"]: row["evidence"] for row in ledger_rows}["d_ads_remainder"]
    printed = _AMOUNT.findall(evidence)
    assert len(printed) >= 6, printed
    for digits, unit in printed:
        value = float(digits.replace(",", "")) * (1e9 if unit == "bn" else 1e6)
        places = len(digits.split(".")[1]) if "." in digits else 0
        half_step = 0.5 * 10**-places * (1e9 if unit == "bn" else 1e6)
        assert any(abs(value - figure) <= half_step for figure in known), (digits, unit)
    assert "a lower figure from a weak (W) aggregator named in that reference's note" in evidence
