"""Every number a chapter's analysis glues into a page is backed by a ledger row (a claim's
printed or recomputed value, or a derived row) or by a figure of data/ (a reference, a claim, a
model assumption), except the few listed in NOT_RESULTS, each with the reason. The few values a
page glues itself are listed in PAGE_GLUE, with what they are."""

from __future__ import annotations

import math
import re

import pytest

from bytebook import filed_years
from bytebook.book import all_findings, ledger
from bytebook.paths import ROOT

SHOWN = re.compile(r"\{glue(?::text)?\}`([a-z0-9_]+)`")
"""A glued value shown in a page's prose."""

NUMBER_TEXT = re.compile(
    r"[-−]?(USD )?[\d.,]+(亿元|%| bn| million| trillion| GB| TB| PB|×| Mbps| ms| s| min)?"
    r"( (below|above))?"
    r"|\d+(st|nd|rd|th) place"
)
"""A glued text that is a number as a reader reads it ('7.80亿元', '4.2% below', '4th place'),
not a sentence."""

NOT_RESULTS = {
    "days_2024": "the days of 2024, a fact of the calendar (bytebook.article.DAYS_IN_YEAR)",
    "days_common_year": "the days of a year that is not a leap year, as 一年 counts them "
    "(bytebook.chapters.codec.DAYS_IN_COMMON_YEAR)",
    "months": "the months of a year, a fact of the calendar (bytebook.chapters.economics.MONTHS)",
    "usd_band_low": "an end of the band the recorded digits of USD 39 bn allow "
    "(checks.reference_band of bd_intl_2024): a reading of its precision, not a result",
    "usd_band_high": "the other end of that band",
    "substance_margin": "the policy's margin for 'off in detail', a rule, not a result",
    "bvc2_year": "a year, the period of reference bvc2_vs_x265: a label, not an amount",
    "meta_nearest_year": "a year (the one Meta's loss lies nearest): a label, not an amount",
    "launch_year": "a year, of reference tiktok_intl_launch's date: a label, not an amount",
    "topbuzz_year": "a year, of reference topbuzz_launch's date: a label, not an amount",
    "upload_length_shortest": "an end of the range of average lengths the upload chart draws, "
    "which the article does not give (bytebook.chapters.codec.UPLOAD_LENGTHS): a choice, not a "
    "result",
    "upload_length_longest": "the other end of that range",
}
"""Glued numbers that are not results of the book's arithmetic, and why."""


PAGE_GLUE = {
    "approx_relative": "methods: the policy's allowance for 约, a rule (bytebook.policy)",
    "vvc_heading_verdict": "codec: the verdict of the thread's heading (H.266/VVC 自研算法)",
    "substance_margin": "methods: the policy's margin, a rule (bytebook.policy)",
    "wide_band": "methods: how wide an implied total's band may be before agreeing with it "
    "decides nothing, a rule (bytebook.chapters.year_readings.WIDE_BAND)",
    "policy_examples": "methods: the policy's worked examples, a sentence",
    "thousand_plus_band": "methods: the article's 1000+ 亿元 (claim t_byd_overseas) as the band "
    "the policy reads it as",
    "half_band": "methods: the article's 砍半 (claim s23_cost_half) as the band the policy "
    "reads it as",
    "quarter_band": "methods: the article's 1/4 (claim s1_group_share) as the band the policy "
    "reads it as",
    "fifth_band": "methods: the article's 1/5 (claim s22_vs_industry) as the band the policy "
    "reads it as",
    "fx_average": "methods: reference fx_2024_avg_fed",
    "fx_lowest": "methods: reference fx_2024_min_month_fed",
    "fx_highest": "methods: reference fx_2024_max_month_fed",
    "conversion_printed": "methods: the article's printed conversion, the table's cell "
    "(bytebook.policy.conversion_example_figures)",
    "lenovo_period": "methods: the period of reference lenovo_rev_fy2425, Lenovo's fiscal year",
    "ledger_rows": "ledger: a count of the ledger's own rows",
    "ledger_stated": "ledger: a count of the ledger's own rows",
    "score_caption_text": "summary: the scorecard chart's caption, from the ledger's verdicts "
    "(bytebook.scorecard.score_caption)",
    "count_": "summary: counts of the ledger's verdicts (count_supported, …)",
    "sources_": "sources: counts of references.csv by tag (sources_P, …)",
    "fig_": "every page: charts, not numbers",
    "worked_": "methods: one ledger row's verdict worked step by step (bytebook.worked_row), "
    "its bands, gap and verdict from the claim, the reference and the policy",
}
"""The values pages glue in their own code cells, not from a chapter's analysis, by name (or
the start of a name built in a loop)."""

PAGE_GLUE_CALL = re.compile(r"\bglue\(\s*f?\"([a-z_]+)")


def test_pages_glue_nothing_but_their_listed_values():
    """A new value glued by a page's own code, outside the chapter analyses this module checks,
    must be added to PAGE_GLUE with what it is (or, better, be computed by its chapter)."""
    for page in sorted((ROOT / "book").glob("*.md")):
        for name in PAGE_GLUE_CALL.findall(page.read_text(encoding="utf-8")):
            assert name in PAGE_GLUE or any(
                name.startswith(start) for start in PAGE_GLUE if start.endswith("_")
            ), f"{page.name}: glue('{name}…') is not in PAGE_GLUE"


def shown_numbers(data) -> dict[tuple[str, str], tuple[float, str]]:
    """(page, key) → (value, text) for every chapter number a page shows as a number."""
    found = all_findings(data)
    shown = {}
    for page in sorted((ROOT / "book").glob("*.md")):
        chapter = found.get(page.stem)
        if chapter is None:
            continue
        for key in SHOWN.findall(page.read_text(encoding="utf-8")):
            base = key.removesuffix("_text")
            if base in chapter.numbers and NUMBER_TEXT.fullmatch(chapter.texts[base]):
                shown[(page.stem, base)] = (chapter.numbers[base], chapter.texts[base])
    return shown


def backing_values(data, without: str = "") -> list[float]:
    """Every value a glued number may rest on: the ledger's printed and recomputed values (but
    those of the row `without`) and the figures of data/."""
    table = ledger(data)
    table = table[table["id"] != without]
    values = [
        float(v)
        for column in ("stated", "recomputed")
        for v in table[column]
        if v is not None and not math.isnan(v)
    ]
    for frame in (data.references, data.claims, data.assumptions):
        values += [float(v) for v in frame["value"] if not math.isnan(v)]
    return values


def _backed(value: float, values: list[float]) -> bool:
    return any(math.isclose(value, v, rel_tol=1e-9, abs_tol=1e-12) for v in values)


def unbacked(data, without: str = "") -> list[str]:
    """The glued numbers nothing backs, as 'page: key = text' (with the row `without` left out
    of the ledger)."""
    values = backing_values(data, without)
    return [
        f"{page}: {key} = {text}"
        for (page, key), (value, text) in shown_numbers(data).items()
        if key not in NOT_RESULTS and not _backed(value, values)
    ]


def test_every_glued_number_is_backed_by_a_ledger_row_or_a_figure(data):
    missing = unbacked(data)
    assert not missing, "glued numbers no ledger row or figure backs:\n" + "\n".join(missing)


def test_the_list_of_numbers_that_are_not_results_is_still_needed(data):
    """Each entry of NOT_RESULTS is still shown on a page and still backed by nothing else."""
    values = backing_values(data)
    shown = {key: value for (_, key), (value, _) in shown_numbers(data).items()}
    for key in NOT_RESULTS:
        assert key in shown, key
        assert not _backed(shown[key], values), key


@pytest.mark.parametrize(
    ("removed", "glued"),
    [
        # The title row's Recomputed value is the article's own 7.80亿元 a day, so that figure
        # has two backers; the annual-average point, 7.67亿元, has only its derived row.
        ("d_daily_at_2024_average", "preface: daily_at_2024_average = 7.67亿元"),
        ("d_title_rate_low", "preface: title_rate_low = 6.917"),
        ("d_rank_byd_filed", "ranking: rank_byd_filed = 4th place"),
    ],
)
def test_the_check_fails_when_a_row_is_missing(data, removed, glued):
    """Without the derived row, the number it backs is reported."""
    assert unbacked(data, without=removed) == [glued]


def test_every_figure_by_year_the_book_derives_is_a_ledger_row(data, ledger_rows):
    """The by-year charts and tables print figures the book derives (an amount from China's
    revenue and a share, a share from an amount and a total); each is the recomputed value of
    some row of the ledger, or an end of the band a row shows, with its arithmetic, like every
    other number the book works out. A share read up to the part of revenue assigned to no
    region (Haier's 49.97%) keeps the source's own figure, which data/ backs."""
    columns = ("recomputed", "recomputed_low", "recomputed_high")
    held = [float(row[c]) for row in ledger_rows for c in columns if row[c]]
    derived = [
        (company, year, kind, figure.value)
        for company in filed_years.FILED_ROWS
        for year, figures in filed_years.year_figures(data.references, company).items()
        for kind, figure in figures.items()
        if figure.derivation and figure.reach is None
    ]
    assert len(derived) >= 3
    missing = [d for d in derived if not any(math.isclose(d[3], v, rel_tol=1e-9) for v in held)]
    assert not missing, missing
