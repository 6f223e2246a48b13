"""The ledger: verdict rules, assembly, and the `python -m bytebook ledger` command."""

from __future__ import annotations

import csv
import html
import re
from dataclasses import replace

import pytest

from bytebook.article import SECTIONS
from bytebook.chapters import written_sections
from bytebook.ledger import (
    LEDGER_COLUMNS,
    SOURCES_COLUMN,
    Basis,
    Verdict,
    assemble,
    band_value,
    derived,
    finding,
    illustration,
    judge_findings,
)
from bytebook.numbers import by_unit
from bytebook.paths import BOOK_DIR, DATA_DIR
from bytebook.policy import Finding


def test_assembly_refuses_duplicates_and_unknown_claims(data):
    row = derived("d_x", "4", "x", 1.0, "count", "because", Verdict.UNVERIFIABLE)
    with pytest.raises(ValueError, match="given twice"):
        assemble(data.claims, [row, row])
    stray = row.__class__(**{**row.__dict__, "id": "no_such_claim", "kind": "stated"})
    with pytest.raises(ValueError, match="names no claim"):
        assemble(data.claims, [stray])


def test_the_command_prints_exactly_the_ledger_columns(ledger_command_output):
    header = ledger_command_output.splitlines()[0].split(",")
    assert header == [*LEDGER_COLUMNS, SOURCES_COLUMN]


def test_every_sourced_verdict_names_its_p_or_s_references(ledger_rows, data):
    for row in ledger_rows:
        cited = [ref for ref in row[SOURCES_COLUMN].split(";") if ref]
        assert set(cited) <= set(data.references.index), row["id"]
        if row["verdict"] in ("supported", "contradicted"):
            tags = {data.references.at[ref, "reliability"] for ref in cited}
            assert tags & {"P", "S"}, f"{row['id']} is {row['verdict']} but cites no P/S source"


def test_the_command_lists_every_claim_once(ledger_rows):
    claim_ids = [r["id"] for r in csv.DictReader(open(DATA_DIR / "claims.csv", encoding="utf-8"))]
    stated = [r["id"] for r in ledger_rows if r["kind"] == "stated"]
    assert sorted(stated) == sorted(claim_ids)
    assert len({r["id"] for r in ledger_rows}) == len(ledger_rows)


def test_written_chapters_give_every_verdict_and_only_they_do(ledger_rows):
    """Every printed claim and every reading the book tests has a verdict; a step of the book's
    own arithmetic has none (an empty cell), as its evidence's closing note says."""
    from bytebook.ledger import WORKING_NOTE

    sections = written_sections()
    assert sections == set(SECTIONS)  # every section of the article has its chapter
    for row in ledger_rows:
        assert row["section"] in sections, row["id"]
        assert row["evidence"], row["id"]
        if row["evidence"].endswith(WORKING_NOTE):
            assert row["kind"] == "derived" and row["verdict"] == "", row["id"]
        else:
            assert row["verdict"] in {v.value for v in Verdict}, row["id"]


def test_impressions_a_day_are_steps_of_arithmetic_as_impressions_a_year_are(ledger_rows):
    """The remainder's ad impressions a day are its impressions a year over 2024's 366 days,
    each at the article's CPM and at the references' mean: the same arithmetic, so like the
    yearly rows they carry no verdict and say so (they were once graded unverifiable, a grade
    for a reading, while nothing in them is read)."""
    from bytebook.ledger import WORKING_NOTE

    rows = {row["id"]: row for row in ledger_rows}
    pairs = {
        "d_impressions_per_day": "d_impressions_year_article",
        "d_impressions_mean_cpm": "d_impressions_year_reference",
    }
    for daily, yearly in pairs.items():
        assert float(rows[daily]["recomputed"]) * 366 == pytest.approx(
            float(rows[yearly]["recomputed"])
        )
        for row_id in (daily, yearly):
            assert rows[row_id]["verdict"] == "", row_id
            assert rows[row_id]["evidence"].endswith(WORKING_NOTE), row_id
            assert "were it all ads" in rows[row_id]["claim_en"], row_id


def test_growths_and_a_ratio_worked_from_sources_are_steps_of_arithmetic(ledger_rows):
    """BYD's overseas growth is its two years' figures divided (2,219亿 ÷ 1,602.2亿 − 1, read
    at their digits: 38.46% to 38.53%), and ByteDance's 63% over it is 1.62× to 1.65×; Lenovo's
    FY2021/22 revenue is USD 62 bn ÷ (1 − 14%). Each is the book's arithmetic on sources, with
    nothing read that a source could grade, so it carries no verdict, as the row's same figure
    as a point (`d_growth_ratio_point`) does; the claim 两倍以上 carries the verdict."""
    from bytebook.ledger import WORKING_NOTE

    rows = {row["id"]: row for row in ledger_rows}
    byd_low, byd_high = 2218.5 / 1602.25 - 1, 2219.5 / 1602.15 - 1
    assert float(rows["d_growth_ratio"]["recomputed_low"]) == pytest.approx(0.625 / byd_high)
    assert float(rows["d_growth_ratio"]["recomputed_high"]) == pytest.approx(0.635 / byd_low)
    assert float(rows["d_lenovo_rev_fy2122"]["recomputed_low"]) == pytest.approx(61.5e9 / 0.865)
    steps = ["d_growth_ratio", "d_growth_ratio_point", "d_lenovo_rev_fy2122"] + [
        f"d_overseas_growth_{key}" for key in ("byd", "midea", "haier")
    ]
    for row_id in steps:
        assert rows[row_id]["verdict"] == "", row_id
        assert rows[row_id]["evidence"].endswith(WORKING_NOTE), row_id
    assert rows["s4_growth_double"]["verdict"] == Verdict.CONTRADICTED.value


def test_no_row_with_a_verdict_says_it_has_none(ledger_rows):
    """A row whose evidence says it has no verdict carries none in the CSV: a reader counting
    the CSV's verdicts must not find one that its own row disowns."""
    disowned = [
        row["id"]
        for row in ledger_rows
        if row["verdict"] and re.search(r"\b(has|so|carry|carries) no verdict\b", row["evidence"])
    ]
    assert not disowned


def test_a_reading_of_a_figure_the_article_does_not_claim_carries_no_verdict(ledger_rows):
    """The title's 7.47亿 read as US dollars is the book's step toward reading it as yuan: the
    article claims no dollar figure, so there is nothing to grade, not an unverifiable claim."""
    readings = {
        row["id"]: row["verdict"]
        for row in ledger_rows
        if re.search(r"The article claims no .{1,30} here", row["evidence"])
    }
    assert "d_title_in_dollars" in readings
    assert readings == dict.fromkeys(readings, "")


def test_the_ledger_page_says_how_the_csv_records_each_kind_of_derived_row(ledger_rows):
    """The page shows a derived row's verdict only where a source could test it; its
    introduction says how the CSV records the rest: steps with no verdict, and notes and
    readings nothing could grade as unverifiable."""
    intro = " ".join((BOOK_DIR / "ledger.md").read_text(encoding="utf-8").split())
    derived = {row["verdict"] for row in ledger_rows if row["kind"] == "derived"}
    says_steps = "steps of its own arithmetic, which carry no verdict" in intro
    says_notes = "nothing could grade" in intro and "recorded as unverifiable in the CSV" in intro
    assert says_steps == ("" in derived), derived
    assert says_notes == ("unverifiable" in derived), derived


def test_the_article_s_daily_figures_restated_per_second_or_per_update_are_steps(ledger_rows):
    """100 billion actions a day read per second or per five-minute update, like the 288
    updates a day, are the article's own figures in other units, which no source tests: steps
    of arithmetic, with no verdict, not readings graded unverifiable."""
    by_id = {r["id"]: r for r in ledger_rows}
    steps = ["d_updates_per_day", "d_behaviours_per_second", "d_behaviours_per_update"]
    assert [by_id[step]["verdict"] for step in steps] == ["", "", ""]
    assert float(by_id["d_behaviours_per_second"]["recomputed"]) == pytest.approx(1e11 / 86_400)
    assert float(by_id["d_behaviours_per_update"]["recomputed"]) == pytest.approx(
        1e11 / (86_400 / 300)
    )


def test_stated_values_are_base_units_and_derived_rows_have_no_quote(ledger_rows):
    by_id = {r["id"]: r for r in ledger_rows}
    assert float(by_id["s1_overseas_revenue"]["stated"]) == 390 * 1e8
    assert float(by_id["t_lenovo_overseas"]["stated"]) == 3100 * 1e8
    assert all(r["quote_zh"] == "" for r in ledger_rows if r["kind"] == "derived")
    assert all(r["quote_zh"] for r in ledger_rows if r["kind"] == "stated")


def test_every_quote_is_verbatim_in_the_article(data):
    article = (DATA_DIR / "article" / "article_zh.md").read_text(encoding="utf-8")
    plain = article.replace("**", "")
    for claim_id, quote in data.claims["quote_zh"].items():
        assert quote in plain, f"{claim_id}: {quote!r} is not in the article"


def test_a_company_s_rows_are_found_by_its_chinese_name_too(ledger_rows, data):
    """A reader searching the ledger for 比亚迪 finds every row that the search for BYD finds
    among the ranking's rows: a table cell's quote is its figure alone (1000+ 亿元), so its
    gloss names the company in both languages."""
    ranking_rows = [row for row in ledger_rows if row["id"].startswith("t_")]
    for company in data.ranking.itertuples():
        named = {r["id"] for r in ranking_rows if company.company_en in r["claim_en"]}
        found = {
            r["id"] for r in ranking_rows if company.company_zh in r["quote_zh"] + r["claim_en"]
        }
        assert len(named) >= 3 and named <= found, (company.company_zh, sorted(named - found))


def test_a_row_s_claim_begins_with_what_it_is_about_not_its_unit(ledger_rows):
    """A row's claim names its subject first ('BYD's overseas revenue added in 2023, in yuan'),
    never its unit (two rows had read 'Yuan BYD's overseas revenue added …')."""
    units = ("yuan ", "usd ", "cny ", "rmb ")
    assert not [r["id"] for r in ledger_rows if r["claim_en"].lower().startswith(units)]
    assert all(r["claim_en"][:1].isupper() or r["claim_en"][:1].isdigit() for r in ledger_rows)


def test_a_recomputed_value_is_the_claims_own_quantity(ledger_rows):
    """A row's recomputed value is in the row's unit. Within a factor of ten of the printed value
    is not a proof of that, but a value in another unit (hours for dollars, tokens a second for
    seconds) lands far outside it; the arithmetic on other quantities belongs in the evidence."""
    for row in ledger_rows:
        if row["kind"] == "stated" and row["stated"] and row["recomputed"]:
            stated, recomputed = float(row["stated"]), float(row["recomputed"])
            assert 0.1 <= recomputed / stated <= 10, (row["id"], row["unit"], stated, recomputed)


def test_an_unverifiable_claim_shows_no_recomputed_value(ledger_rows):
    """A recomputed value is the figure behind a row's verdict (book/methods.md); nothing decides
    an unverifiable claim, so a figure its findings set beside it (a W source's, one read at
    second hand, one covering less than the claim) is in its evidence, not in that column."""
    undecided = [r for r in ledger_rows if r["kind"] == "stated" and r["verdict"] == "unverifiable"]
    assert undecided
    for row in undecided:
        shown = [row[c] for c in ("recomputed", "recomputed_low", "recomputed_high")]
        assert shown == ["", "", ""], (row["id"], shown)


def test_a_row_whose_arithmetic_ends_in_a_multiple_is_shown_as_one(ledger_rows):
    """Evidence that works out "= 3.5×" belongs to a row in the unit `multiple`: in `ratio` the
    ledger's value column would print the same number as a percentage (349.3%)."""
    for row in ledger_rows:
        if re.search(r"= [0-9.,]+×", row["evidence"]):
            assert row["unit"] == "multiple", (row["id"], row["unit"])
    assert by_unit(3.5, "multiple").endswith("×")


def test_a_band_end_takes_the_printed_precision_unless_it_needs_more():
    """约 20% reads 19% to 21% (no needless zero); 1/4 ± half a printed step keeps 23.75%."""
    assert band_value(0.19, "share", 0.01) == "19%"
    assert band_value(1.0, "share", 0.01) == "100%"
    assert band_value(0.2375, "share", 0.01) == "23.75%"
    assert band_value(38.5e9, "USD", 1e9) == "USD 38.5 bn"
    # 7.3亿 US dollars printed to 0.1亿 (USD 10 million): 725 and 735 million, not 0.725 bn
    assert band_value(7.25e8, "USD", 1e7) == "USD 725 million"
    assert band_value(7.35e8, "USD", 1e7) == "USD 735 million"
    assert band_value(2300e8, "CNY", 100e8) == "2,300亿元"


def test_no_evidence_says_the_same_sentence_twice():
    """A claim weighed by several findings states what they share (how the printed figure is
    read) once, not once per finding."""
    import re
    from collections import Counter

    from bytebook.book import ledger

    repeated = {}
    for row in ledger().itertuples():
        sentences = [
            re.sub(r"^\(\d+, [^)]*\)\s*", "", s)
            for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(\"'])", row.evidence)
        ]
        twice = [s for s, n in Counter(sentences).items() if n > 1 and len(s) > 25]
        if twice:
            repeated[row.id] = twice
    assert not repeated, repeated


def _paragraph(text: str) -> str:
    """Evidence as compared: case and runs of white space ignored."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def test_no_two_ledger_rows_share_an_evidence_paragraph(ledger_rows):
    """A row that rests on another (a derived cut on the claim it restates, a figure the table
    prints again) shows its own arithmetic and names the row it rests on, not its evidence."""
    rows_by_paragraph = {}
    for row in ledger_rows:
        for paragraph in re.split(r"\n\s*\n", row["evidence"]):
            if paragraph.strip():
                rows_by_paragraph.setdefault(_paragraph(paragraph), []).append(row["id"])
    shared = {text: ids for text, ids in rows_by_paragraph.items() if len(ids) > 1}
    assert not shared, shared


def test_a_row_named_in_evidence_is_linked_where_it_is_shown():
    """A row is named by the article's words it quotes, which link to it on the same page."""
    from bytebook.present import row_links

    text = "The gains are in the row of 「压缩后可降到 3.2Mbps」; the row of 「其他」 is not one."
    shown = row_links(text, {"压缩后可降到 3.2Mbps": "s21_bitrate_vvc"})
    assert shown == (
        'The gains are in <a href="#claim-s21_bitrate_vvc">'
        "the row of 「压缩后可降到 3.2Mbps」</a>; the row of 「其他」 is not one."
    )
    assert row_links("in the row of 「x」 <b>", {}) == "in the row of 「x」 &lt;b&gt;"


def test_the_rows_that_rest_on_a_claim_show_their_arithmetic_and_link_it(ledger_rows, data):
    """The bitrate cut is (8 − 3.2) ÷ 8 = 60%, from the article's two bitrates; the gains it
    is set against stay in the claim's row. The table's 63% growth names section 4's row."""
    rows = {row["id"]: row for row in ledger_rows}
    cut = rows["d_bitrate_cut"]["evidence"]
    assert cut.startswith(f"(8 − 3.2) ÷ 8 = {(8 - 3.2) / 8:.0%}.")
    assert f"the row of 「{data.claims.at['s21_bitrate_vvc', 'quote_zh']}」" in cut
    assert "Published gains" not in cut and "Published gains" in rows["s21_bitrate_vvc"]["evidence"]
    growth = rows["t_bytedance_growth"]["evidence"]
    assert f"the row of 「{data.claims.at['s4_growth', 'quote_zh']}」" in growth


def test_a_lone_finding_is_not_numbered(data):
    """s1_growth prints 63% (62.5% to 63.5%): 0.63 holds, 0.70 fails by 0.065 ÷ 0.705 = 9.2%."""
    claim = data.claim("s1_growth")
    holds = finding(claim, 0.63, Basis.SOURCE, "Holds.")
    fails = finding(claim, 0.70, Basis.SOURCE, "Fails.")
    shown = finding(claim, 0.70, Basis.SOURCE, "Shown only.", decides=False)
    one = judge_findings(claim, [holds], 0.63)
    assert one.evidence.startswith("Holds.") and "Finding 1" not in one.evidence
    assert one.verdict is Verdict.SUPPORTED
    two = judge_findings(claim, [holds, fails], 0.63)
    assert "Finding 1, supported: Holds." in two.evidence
    assert "Finding 2, contradicted: Fails." in two.evidence
    alone = judge_findings(claim, [shown], None)
    assert alone.evidence.startswith(
        "Not decisive: its figures miss each other by more than 5% of the evidence. Shown only."
    )


def test_a_finding_that_may_not_decide_is_given_no_verdict_of_its_own(data):
    """63% (62.5% to 63.5%) against a W figure of 0.63 holds: the finding says its figures
    agree, never that it would read supported, which a W source cannot be; against 0.53 the
    gap is (0.625 − 0.53) ÷ 0.53 = 17.9%, so it says they miss by more than 5%. A finding
    that weighs a reading, not two intervals, says whether its figures bear it out."""
    claim = data.claim("s1_growth")
    agrees = finding(claim, 0.63, Basis.SOURCE, "A W figure.", decides=False)
    misses = finding(claim, 0.53, Basis.SOURCE, "Another.", decides=False)
    reading = Finding(Verdict.CONTRADICTED, "Read literally.", decides=False)
    assert (0.625 - 0.53) / 0.53 > 0.05
    row = judge_findings(claim, [agrees, misses, reading], None)
    assert "Finding 1, not decisive: its figures agree within their intervals. A W" in (
        row.evidence
    )
    assert (
        "Finding 2, not decisive: its figures miss each other by more than 5% of the "
        "evidence. Another." in row.evidence
    )
    assert "Finding 3, not decisive: its figures do not bear this reading out. Read" in (
        row.evidence
    )
    assert "supported" not in row.evidence and "contradicted" not in row.evidence
    assert row.verdict is Verdict.UNVERIFIABLE


def test_no_ledger_row_numbers_a_lone_finding(ledger_rows):
    for row in ledger_rows:
        assert "Finding 1," not in row["evidence"] or "Finding 2," in row["evidence"], row["id"]


def test_the_recomputed_column_reads_as_the_row_s_evidence(data):
    """The title's 7.47亿 against the article's own 2,855亿 ÷ 366 days = 7.80亿 is
    (7.47 − 7.8005) ÷ 7.8005 = −4.237%; the evidence writes −4.2%, so the Recomputed column
    shows −4.2%, not −4.237% beside it; and 2,855亿 ÷ 366 itself reads 7.80亿元, not 7.801亿元."""
    from bytebook.book import all_entries
    from bytebook.ledger import recomputed_text
    from bytebook.present import claims_html

    gap = (7.47 - 2855 / 366) / (2855 / 366)
    assert f"{gap:.3%}" == "-4.237%" and f"{gap:.1%}" == "-4.2%"
    rows = {entry.id: entry for entry in all_entries(data)}
    entry = rows["d_title_gap_article"]
    assert "= −4.2%" in entry.evidence
    assert recomputed_text(entry) == "−4.2%"
    assert ">−4.2%</td>" in claims_html([entry]).data and "4.237" not in claims_html([entry]).data
    assert f"{2855 / 366:.3f}" == "7.801"
    assert recomputed_text(rows["d_daily_at_article"]) == "7.80亿元 a day"


# The test reads figures on its own: a number, then the scale word after it, in base units.
_FIGURE = re.compile(
    r"(?<![\w.,/])([−-]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(\s?亿|\s?万|%|×| times\b| million\b| bn\b| billion\b| trillion\b| [PTGM]B\b"
    r"| percentage points\b)?"
)
_SCALE = {
    **{"": 1, "亿": 1e8, "万": 1e4, "%": 0.01, "×": 1, "times": 1},
    **{"million": 1e6, "bn": 1e9, "billion": 1e9, "trillion": 1e12},
    **{"MB": 1e6, "GB": 1e9, "TB": 1e12, "PB": 1e15, "percentage points": 0.01},
}
_SAME_WORD = {"times": "×", "billion": "bn"}


def _figures(text: str) -> list[tuple[str, str]]:
    """Each figure in `text` as (digits as written, scale word)."""
    found = []
    for sign, digits, scale in _FIGURE.findall(text):
        word = (scale or "").strip()
        found.append((("-" if sign else "") + digits, _SAME_WORD.get(word, word)))
    return found


def _base(digits: str, scale: str, unit: str) -> tuple[float, float]:
    """A written figure in the base unit `unit`, and half its last digit's size (a figure in
    GB is already in the base unit GB/hour)."""
    decimals = len(digits.partition(".")[2])
    size = 1 if unit.startswith(scale) and scale else _SCALE[scale]
    return float(digits.replace(",", "")) * size, 0.5 * 10**-decimals * size


def test_every_recomputed_figure_is_written_so_in_its_evidence(data):
    """Every ledger row's Recomputed cell shows its value with the digits its evidence gives
    it, so that the two read the same: each figure in the cell (both ends of a band) is a
    figure of the evidence, and the row's value rounds to it (or lies within the band)."""
    from bytebook.book import all_entries
    from bytebook.ledger import recomputed_text

    unmatched = {}
    for entry in all_entries(data):
        shown = recomputed_text(entry)
        if not shown:
            continue
        # a CPM's 'per 1,000 impressions' is its unit, not a figure
        cell = _figures(shown.replace("−", "-").replace(" per 1,000 impressions", ""))
        written = _figures(entry.evidence.replace("−", "-"))
        missing = [f for f in cell if f not in written]
        value = float(entry.recomputed)
        if len(cell) == 1 and not missing:
            figure, half = _base(*cell[0], entry.unit)
            if abs(value - figure) > half * (1 + 1e-9):
                missing.append(("rounds to", cell[0][0]))
        elif len(cell) == 2 and not missing:
            low, half_low = _base(*cell[0], entry.unit)
            high, half_high = _base(*cell[1], entry.unit)
            if not low - half_low <= value <= high + half_high:
                missing.append(("outside", shown))
        if not cell or missing:
            unmatched[entry.id] = (shown, missing, entry.evidence[:160])
    assert not unmatched, unmatched


def test_the_ledger_writes_each_figure_at_one_precision(data):
    """Across the ledger's evidence and its Recomputed column a figure reads alike: the band USD
    39 bn gives a day is 7.57亿 to 7.77亿 in every row, never 7.570亿 to 7.766亿 in one."""
    from test_number_style import shown_figures, two_precisions

    from bytebook.book import all_entries
    from bytebook.present import recomputed_text

    entries = all_entries(data)
    figures = [  # the rows of a table of claims: a whole 33% there is a claim's own figure
        replace(figure, apart=True)
        for entry in entries
        for text in (entry.evidence, recomputed_text(entry))
        for figure in shown_figures(text)
    ]
    pairs = {(fine.context, coarse.context) for fine, coarse in two_precisions(figures)}
    assert not pairs, sorted(pairs)[:6]


def test_an_n_plus_figure_says_when_the_open_reading_would_hold(data):
    """BYD's 1000+ 亿元 is read as 一千多亿, 1,000亿 to 2,000亿: 2,219亿 lies above it, and would
    meet 1000亿以上; 1,500亿 meets the band; 900亿 lies below both readings."""
    claim = data.claim("t_byd_overseas")
    above = finding(claim, 2219e8, Basis.SOURCE, "Above.")
    inside = finding(claim, 1500e8, Basis.SOURCE, "Inside.")
    below = finding(claim, 900e8, Basis.SOURCE, "Below.")
    assert above.verdict is Verdict.CONTRADICTED and "as N以上" in above.evidence
    assert inside.verdict is Verdict.SUPPORTED and "N以上" not in inside.evidence
    assert below.verdict is not Verdict.SUPPORTED and "N以上" not in below.evidence
    not_n_plus = finding(data.claim("s1_growth"), 0.70, Basis.SOURCE, "Fails.")
    assert "N以上" not in not_n_plus.evidence


def test_the_open_reading_note_names_the_verdict_only_where_its_finding_decides(data):
    """BYD's 2,219亿 (P, deciding) lies above 一千多亿's 2,000亿: its verdict rests on the
    reading. Midea's 1,691亿 lies above 一千五百多亿's 1,600亿 too, but rests on a relay read at
    second hand and does not decide: only the grade of that finding rests on the reading."""
    from bytebook.book import all_entries

    entries = {entry.id: entry for entry in all_entries(data)}
    byd, midea = entries["t_byd_overseas"].evidence, entries["t_midea_overseas"].evidence
    assert "the verdict rests on reading N+ as N多" in byd
    assert "the grade of this finding rests on reading N+ as N多" in midea
    assert "the verdict rests on reading N+" not in midea
    quiet = finding(data.claim("t_byd_overseas"), 2219e8, Basis.SOURCE, "Above.", decides=False)
    assert "the grade of this finding rests on" in quiet.evidence


def test_a_percentage_ending_in_a_zero_says_when_reading_it_to_its_tens_would_hold(data):
    """Midea's 40% is read to the whole percent, 39.5% to 40.5%, and misses its 41.52% (S): off
    in detail. Read to its tens, as a whole number's trailing zeros are, it would be 35% to 45%
    and hold, and the row says its verdict rests on the reading. 47% lies outside both readings;
    40% itself holds either way. 72% does not end in a zero; 约 20% and 超 50% are not printed
    plainly; a model's illustration never says another reading would meet it."""
    from bytebook.book import all_entries

    midea = {entry.id: entry for entry in all_entries(data)}["t_midea_share"]
    assert midea.verdict is Verdict.OFF_IN_DETAIL
    assert 0.40 + 0.005 < 0.4152 <= 0.40 + 0.05
    assert "(40% as 35% to 45%" in midea.evidence
    assert "the verdict rests on reading a percentage to the whole percent" in midea.evidence
    claim = data.claim("t_midea_share")
    assert "to its tens" not in finding(claim, 0.47, Basis.SOURCE, "Far.").evidence
    assert "to its tens" not in finding(claim, 0.40, Basis.SOURCE, "Holds.").evidence
    quiet = finding(claim, 0.4152, Basis.SOURCE, "Near.", decides=False)
    assert "the grade of this finding rests on reading a percentage" in quiet.evidence
    for other in ("s23_gpu_util", "t_byd_share", "t_haier_share"):
        near = finding(data.claim(other), data.claims.at[other, "value"] - 0.03, Basis.SOURCE, "")
        assert near.verdict is not Verdict.SUPPORTED, other
        assert "to its tens" not in near.evidence, other
    assert "to its tens" not in illustration(claim, 0.4152, "A model.").evidence
    for recorded, evidence in (("0.400", 0.4152), ("1.00", 0.96)):
        other = claim.copy()
        other["value_text"], other["value"] = recorded, float(recorded)
        missed = finding(other, evidence, Basis.SOURCE, "")
        assert missed.verdict is not Verdict.SUPPORTED, recorded
        assert "to its tens" not in missed.evidence, recorded


def test_a_pair_check_on_an_n_plus_amount_says_when_the_open_reading_would_hold(data):
    """Lenovo's 3100+ 亿元 at 70% implies 3,100 ÷ 0.705 = 4,397亿 to 3,200 ÷ 0.695 = 4,604亿,
    below its 4,985亿; Xiaomi's 1200+ 亿元 at 45%, 1,200 ÷ 0.455 = 2,637亿 to 1,300 ÷ 0.445 =
    2,921亿, below its 3,659亿. Read as N以上 each band has no top and would meet the total:
    the pair rows say their verdicts rest on reading N+ as N多, the cells' findings that their
    grade does. BYD's pair (1,000 ÷ 0.21 = 4,762亿 to 2,000 ÷ 0.19 = 10,526亿) holds 7,771亿."""
    from bytebook.book import all_entries

    assert f"{3100 / 0.705:.0f} {3200 / 0.695:.0f}" == "4397 4604" and 4604 < 4985
    assert f"{1200 / 0.455:.0f} {1300 / 0.445:.0f}" == "2637 2921" and 2921 < 3659
    assert 1000 / 0.21 <= 7771 <= 2000 / 0.19
    entries = {entry.id: entry for entry in all_entries(data)}
    for company, quote in (("lenovo", "3100+ 亿元"), ("xiaomi", "1200+ 亿元")):
        pair = entries[f"d_implied_total_{company}"]
        assert pair.verdict is Verdict.CONTRADICTED
        assert f"Read instead as an open bound ({quote} as N以上" in pair.evidence
        assert "the verdict rests on reading N+ as N多" in pair.evidence
        for kind in ("overseas", "share"):
            cell = entries[f"t_{company}_{kind}"].evidence
            assert "the grade of this finding rests on reading N+ as N多" in cell, cell
    assert "N以上" not in entries["d_implied_total_byd"].evidence


def test_pair_checks_and_lenovos_earlier_revenue_show_the_band_they_rest_on(data):
    """BYD's 1000+ 亿元 at 约 20% allows totals of 1,000 ÷ 0.21 = 4,762亿 to 2,000 ÷ 0.19 =
    10,526亿元; Lenovo's FY2021/22 revenue is USD 61.5 bn ÷ 0.865 = 71.1 bn to 62.5 bn ÷ 0.855 =
    73.1 bn, from the release's USD 62 bn and a 14% fall. Each row's Recomputed shows that band,
    and the CSV its middle."""
    from bytebook.book import all_entries
    from bytebook.ledger import recomputed_text

    entries = {entry.id: entry for entry in all_entries(data)}
    byd = entries["d_implied_total_byd"]
    assert recomputed_text(byd).replace(",", "").startswith(f"{1000 / 0.21:.0f}亿")
    assert f"{2000 / 0.19:,.0f}亿" in recomputed_text(byd)
    assert byd.recomputed == pytest.approx((1000 / 0.21 + 2000 / 0.19) / 2 * 1e8, rel=1e-3)
    lenovo = recomputed_text(entries["d_lenovo_rev_fy2122"])
    assert f"{61.5 / 0.865:.1f}" in lenovo and f"{62.5 / 0.855:.1f}" in lenovo


WORKED_GROWTHS = {
    "d_group_growth": 155 / 120 - 1,
    "d_domestic_growth": (155 - 39) / (120 - 39 / 1.63) - 1,
    "d_h2_over_h1": (39 - 17) / 17 - 1,
}
"""Working rows whose evidence works out one figure and gives the band its inputs' digits allow:
the reported group revenues (USD 155 bn in 2024, 120 bn in 2023), the article's USD 39 bn and
63%, and the first half's USD 17 bn."""

WORKED_INSIDE_BANDS = WORKED_GROWTHS | {
    "d_title_implied_rate": 7.47e8 * 366 / 39e9,
    "d_table_implied_rate": 2855e8 / 390e8,
}
"""Derived rows whose evidence works out one figure inside the band its verdict rests on: the
growths above, and the rates the article's two yuan figures imply (its title's 7.47亿 a day
over 366 days, its table's 2,855亿) against the USD 39 bn."""


def test_a_band_s_middle_in_the_csv_comes_with_the_band_s_ends(ledger_rows, data):
    """Where the Recomputed column shows a band, the CSV's `recomputed` holds its middle and
    `recomputed_low` / `recomputed_high` its ends, so a CSV reader sees that it is a middle.
    BYD's implied total: 1000+ 亿元 is 1,000亿 to 2,000亿 and 约20% is 19% to 21%, so 1,000 ÷
    0.21 = 4,761.9亿 to 2,000 ÷ 0.19 = 10,526.3亿; Haier's 1364 亿元 (1,363.5 to 1,364.5) over
    超50% (50% to 100%) is 1,363.5亿 to 2,729亿. A single value leaves both ends empty. A derived
    row whose evidence works out one figure inside its band holds that figure, as its evidence
    prints it (155 ÷ 120 − 1 = 29.2%, not the middle of 23.6% to 35.2%)."""
    from bytebook.book import all_entries
    from bytebook.ledger import LedgerEntry, recomputed_text

    rows = {row["id"]: row for row in ledger_rows}
    byd, haier = rows["d_implied_total_byd"], rows["d_implied_total_haier"]
    assert float(byd["recomputed_low"]) == pytest.approx(1000e8 / 0.21)
    assert float(byd["recomputed_high"]) == pytest.approx(2000e8 / 0.19)
    assert float(haier["recomputed_low"]) == pytest.approx(1363.5e8)
    assert float(haier["recomputed_high"]) == pytest.approx(1364.5e8 / 0.5)
    banded = 0
    for entry in all_entries(data):
        row = rows[entry.id]
        shows_band = " to " in recomputed_text(entry)
        assert bool(row["recomputed_low"]) == bool(row["recomputed_high"]) == shows_band, entry.id
        if shows_band:
            banded += 1
            low, high = float(row["recomputed_low"]), float(row["recomputed_high"])
            middle = WORKED_INSIDE_BANDS.get(entry.id, (low + high) / 2)
            assert float(row["recomputed"]) == pytest.approx(middle), entry.id
            assert low < high, entry.id
    for row_id, worked in WORKED_GROWTHS.items():
        assert f"= {worked:.1%}" in rows[row_id]["evidence"], row_id
        assert rows[row_id]["verdict"] == "", row_id
    # the title's rate at three decimals, as the preface prints it; the table's at four
    assert "= 7.010 CNY/USD" in rows["d_title_implied_rate"]["evidence"]
    assert "= 7.3205 CNY/USD" in rows["d_table_implied_rate"]["evidence"]
    assert f"{WORKED_INSIDE_BANDS['d_title_implied_rate']:.3f}" == "7.010"
    assert f"{WORKED_INSIDE_BANDS['d_table_implied_rate']:.4f}" == "7.3205"
    assert banded >= 10
    # The ledger page rebuilds each row from the table, band included.
    from bytebook.book import ledger

    table = ledger(data).to_dict("records")
    rebuilt = {row["id"]: LedgerEntry.from_row(row) for row in table}
    assert recomputed_text(rebuilt["d_implied_total_byd"]) == "4,762亿元 to 10,526亿元"
    assert rebuilt["t_byd_share"].deciding is None


def test_the_ledger_csv_passes_its_schema(ledger_command_output):
    """The ledger CSV is checked like the data files: every column in order, a band's two ends
    given together and holding the middle between them (BYD's implied total, 4,761.9亿 ≤
    7,644.1亿 ≤ 10,526.3亿, the middle of 1,000 ÷ 0.21 and 2,000 ÷ 0.19); a row giving one end
    only, or a middle outside its band, fails."""
    import io

    import pandas as pd
    from pandera.errors import SchemaErrors

    from bytebook.schemas import LEDGER

    assert (1000 / 0.21 + 2000 / 0.19) / 2 == pytest.approx(7644.1, abs=0.05)
    frame = pd.read_csv(io.StringIO(ledger_command_output), dtype=str, keep_default_na=False)
    LEDGER.validate(frame, lazy=True)
    row = frame.index[frame["id"] == "d_implied_total_byd"][0]
    for column, value in (("recomputed_high", ""), ("recomputed", "2e12")):
        broken = frame.copy()
        broken.loc[row, column] = value
        with pytest.raises(SchemaErrors, match="band_holds_its_middle"):
            LEDGER.validate(broken, lazy=True)


def test_the_ledger_page_shows_the_recomputed_value_its_chapter_shows(data):
    """The ledger page rebuilds its rows from the assembled table; each row's Recomputed cell is
    the one its chapter's entry gives. ByteDance's yuan band is USD 38.5 bn × 7.0760 = 2,724亿
    to USD 39.5 bn × 7.2807 = 2,876亿 (2024's monthly range), not the average rate's 38.5 ×
    7.196 = 2,770亿 to 39.5 × 7.196 = 2,842亿, which the printed 2,855亿 misses; Lenovo's
    FY2021/22 revenue is USD 61.5 bn ÷ 0.865 = 71.1 bn to 62.5 ÷ 0.855 = 73.1 bn."""
    from bytebook.book import all_entries, ledger, ledger_entries
    from bytebook.ledger import recomputed_text

    assert f"{38.5 * 7.0760 * 10:,.0f} {39.5 * 7.2807 * 10:,.0f}" == "2,724 2,876"
    assert f"{61.5 / 0.865:.1f} {62.5 / 0.855:.1f}" == "71.1 73.1"
    chapters = {entry.id: recomputed_text(entry) for entry in all_entries(data)}
    page = {entry.id: recomputed_text(entry) for entry in ledger_entries(ledger(data))}
    assert {i: (page[i], shown) for i, shown in chapters.items() if page[i] != shown} == {}
    assert page["t_bytedance_overseas_cny"] == "2,724亿元 to 2,876亿元"
    assert page["d_lenovo_rev_fy2122"] == "USD 71.1 bn to USD 73.1 bn"


def test_the_stated_column_shows_the_article_s_qualifier(data):
    """超 50% is not 50%: read as 50% (49.5% to 50.5%) Haier's 49.97% would hold, so the Stated
    cell writes what the article printed, '> 50%'; likewise 约 27%, 3100+ 亿元, 两倍以上 and a
    fraction such as 1/4. The
    ledger page, rebuilt from the ledger's rows (which hold the value alone), shows the same."""
    from bytebook.book import all_entries, ledger, ledger_entries
    from bytebook.ledger import stated_text, with_qualifiers
    from bytebook.present import ledger_html

    assert 0.495 <= 0.4997 <= 0.505  # the 49.97% a plain "50%" would let pass
    expected = {
        "t_haier_share": "> 50%",
        "t_huawei_share": "about 27%",
        "t_lenovo_overseas": "3,100+亿元",
        "s4_growth_double": "2× or more",
        "s22_sparsity": "< 2%",
        # a fraction as printed, then as read (a loose fraction: 1/4 about a quarter, 1/5 about
        # a fifth, as data/README.md reads one); 5 分钟 in minutes, not 300 s
        "s1_group_share": "1/4 (about 25%)",
        "s22_vs_industry": "1/5 (about 20%)",
        # 128K as printed, then as read (K as 1,000; the row weighs 1,024 too)
        "s23_context": "128K (128,000 tokens)",
        "s22_hot_update": "5 min",
        "s4_club": "1,000亿元 or more",
        "s1_overseas_revenue": "USD 39 bn",
    }
    entries = {entry.id: entry for entry in all_entries(data)}
    assert {key: stated_text(entries[key]) for key in expected} == expected
    rows = with_qualifiers(ledger_entries(ledger(data)), data.claims)
    page = ledger_html(rows, lambda section: "ranking").data
    for text in expected.values():
        assert re.search(rf'data-th=Stated[^>]*>{re.escape(html.escape(text))}</td>', page)


def test_a_chapter_table_lists_the_article_s_claims_before_its_derived_rows(data):
    """The preface's table opens with the article's own claims (the title's 每天7.47亿 among
    them); the book's derived rows follow, folded under a line that counts them."""
    from bytebook.chapters import preface
    from bytebook.present import claims_html

    entries = preface.analyse(data).entries
    derived = [e for e in entries if e.kind == "derived"]
    shown = claims_html(entries).data
    fold = shown.index('<details class="derived-rows">')
    assert derived and f"How this book worked it out ({len(derived)})" in shown
    assert shown.index('id="claim-title_daily_revenue"') < fold
    assert all(shown.index(f'id="claim-{e.id}"') > fold for e in derived)
    assert all(f'id="claim-{e.id}"' in shown for e in entries)
    # The article states nothing in a derived row: their table has no Stated column to stand
    # empty, while the claims' table keeps it, and the title's 7.47亿元 a day in it.
    claims, worked = shown[:fold], shown[fold:]
    assert '<th class="col-stated">' in claims and 'data-th=Stated>7.47亿元 a day' in claims
    assert '<th class="col-stated">' not in worked and 'data-th=Stated' not in worked
    assert worked.count('data-th=Recomputed') == len(derived)


def test_a_band_in_the_recomputed_column_writes_its_unit_once(data):
    """The title's implied rate is a band of two rates: '6.917 to 7.106 CNY/USD', its unit
    written once after the high end, so the cell does not repeat it; no band of the ledger
    writes a unit word after its low end that its high end repeats."""
    from bytebook.book import all_entries
    from bytebook.ledger import recomputed_text

    rows = {entry.id: entry for entry in all_entries(data)}
    for key in ("d_title_implied_rate", "d_table_implied_rate"):
        shown = recomputed_text(rows[key])
        assert " to " in shown and shown.count("CNY/USD") == 1, shown
        assert shown.endswith(" CNY/USD"), shown
    for entry in rows.values():
        low, to, high = recomputed_text(entry).partition(" to ")
        number, space, unit = low.partition(" ")
        if to and space and re.fullmatch(r"[−-]?[\d,.]+", number):
            assert not high.endswith(f" {unit}"), (entry.id, low, high)


def test_the_yearly_cdn_saving_reads_in_one_magnitude_word(data):
    """一年 7.3亿 (US dollars) is USD 2 million a day × 365 days = USD 730 million, printed to
    0.1亿 = USD 10 million, so read as USD 725 million to USD 735 million: every amount of the
    row in million, none in base units or bn."""
    from bytebook.book import all_entries

    assert 2e6 * 365 == 730e6 and (7.3e8 - 0.05e8, 7.3e8 + 0.05e8) == (725e6, 735e6)
    evidence = {entry.id: entry for entry in all_entries(data)}["s21_cdn_yearly"].evidence
    assert "USD 2 million a day × 365 days" in evidence
    assert "= USD 730 million" in evidence
    assert "USD 725 million to USD 735 million" in evidence
    assert " bn" not in evidence and "2,000,000" not in evidence


def test_a_cpm_gap_says_its_unit_in_its_band_only(ledger_rows):
    """The CPM's band and gap, worked from the article's USD 26 (25.5 to 26.5) and 2024's mean
    quarterly CPM, (6.52 + 8.70 + 7.34 + 7.21) ÷ 4 = 7.44: the band says the unit once, at the
    end, and the gap, a ratio, none: '(USD 25.5 − USD 7.44) ÷ USD 7.44'."""
    mean = (6.52 + 8.70 + 7.34 + 7.21) / 4
    evidence = {row["id"]: row["evidence"] for row in ledger_rows}["s3_cpm"]
    formula = f"(USD 25.5 − USD {mean:.2f}) ÷ USD {mean:.2f}"
    assert formula in evidence and f"{formula} per 1,000" not in evidence
    assert "rounded to its last significant digit: USD 25.5 to USD 26.5 per 1,000 impressions" in (
        evidence
    )
    assert evidence.count("per 1,000 impressions") == 1


def test_the_ledger_page_writes_apostrophes_plainly_and_leaves_the_working_note_to_the_badge(
    built_book, ledger_rows
):
    """Text between tags needs no quote mark escaped: the page writes "the article's", not
    "the article&#x27;s" (six bytes for one, some 600 times). A step of the book's arithmetic
    keeps its note that it has no verdict in the CSV; the page leaves it to the row's 'derived'
    badge, whose title says so."""
    from bytebook.ledger import WORKING_NOTE
    from bytebook.present import DERIVED_TITLE

    page = (built_book / "book" / "ledger.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]*>", "", page.split("<body", 1)[1])
    assert "&#x27;" not in text and "the article's" in text
    noted = [row for row in ledger_rows if row["evidence"].endswith(WORKING_NOTE)]
    assert len(noted) > 50
    assert WORKING_NOTE not in text
    # Some derived rows are readings a source could test, and show a verdict beside the badge
    # (the title's rate against the table's): the title says so, not that no derived row has one.
    assert "has no verdict" in DERIVED_TITLE and "shows its verdict beside" in DERIVED_TITLE
    tested = [row for row in ledger_rows if row["kind"] == "derived"]
    assert any(row["verdict"] == "off in detail" for row in tested)
    assert f'data-derived-title="{html.escape(DERIVED_TITLE)}"' in page


def test_the_overseas_share_is_recomputed_as_one_figure_wherever_it_is_judged(ledger_rows):
    """Section 1's 1/4 and the table's 25% are the same share, USD 39 bn of USD 155 bn: each row
    recomputes 39 ÷ 155, with no band's ends, not the middle of a band whose ends it omits."""
    by_id = {row["id"]: row for row in ledger_rows}
    for row_id in ("s1_group_share", "t_bytedance_share"):
        row = by_id[row_id]
        assert float(row["recomputed"]) == pytest.approx(39 / 155, rel=1e-9), row_id
        assert row["recomputed_low"] == row["recomputed_high"] == "", row_id


def test_the_csv_s_columns_are_described_once_in_the_readme_s_words_and_the_site_s(
    ledger_rows, built_book
):
    """Every column of the ledger CSV has its meaning (`book.CSV_COLUMNS`), the README's table
    gives the same words (its code marks aside), and the methods page shows them, so a reader
    of the site needs no repository to read the file."""
    from bytebook.ledger import CSV_COLUMNS
    from bytebook.paths import ROOT

    named = [name for key in CSV_COLUMNS for name in key.split(", ")]
    assert named == list(ledger_rows[0])
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("| column | meaning |\n|---|---|\n", 1)[1].split("\n\n", 1)[0]
    rows = dict(line.strip("| ").split(" | ", 1) for line in table.splitlines())
    assert {key: re.sub(r"[`*]", "", value) for key, value in rows.items()} == CSV_COLUMNS
    methods = (built_book / "book" / "methods.html").read_text(encoding="utf-8")
    for meaning in CSV_COLUMNS.values():
        assert html.escape(meaning, quote=False) in methods, meaning


def test_a_figure_is_kept_in_its_band_only_if_it_lies_inside_it():
    """`worked_in_band` keeps a derived row's own figure beside its band; a figure outside the
    band (7.5 against 6.917 to 7.106) would contradict the band the row shows, so the row holds
    the band's middle instead, (6.917 + 7.106) ÷ 2 = 7.0115."""
    from bytebook.ledger import derived, worked_in_band
    from bytebook.policy import Interval

    band = Interval(6.917, 7.106)
    inside = derived("d_rate", "0", "A rate", 7.010, "CNY/USD", "7.47 × 366 ÷ 390.", None)
    assert worked_in_band(inside, band).recomputed == 7.010
    outside = derived("d_rate", "0", "A rate", 7.5, "CNY/USD", "7.5.", None)
    assert worked_in_band(outside, band).recomputed == pytest.approx((6.917 + 7.106) / 2)
