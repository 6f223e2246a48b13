"""Chapter 5, 小结: the 'years abroad' comparison, and what the other chapters'
findings come to."""

from __future__ import annotations

import pandas as pd

from bytebook.article import YEAR
from bytebook.chapters import (
    codec,
    economics,
    infrastructure,
    preface,
    ranking,
    recommender,
    top_three,
)
from bytebook.chapters.earlier_year import earlier_year_cells, earlier_year_sentence
from bytebook.chapters.growth import growth_runner_up
from bytebook.chapters.understatement import (
    filed_origins,
    filed_shares_above,
    n_plus_readings,
    understated,
    understated_sentence,
)
from bytebook.checks import (
    against_first_printing,
    claim_band,
    recorded_words,
    reference_band,
    unsettled,
)
from bytebook.data import ASSUMPTIONS_FILE, CLAIMS_FILE, RANKING_FILE, REFERENCES_FILE, BookData
from bytebook.findings import Findings
from bytebook.fx import year_rates
from bytebook.kept import analysis
from bytebook.ledger import (
    OTHER_READING_UNSETTLED,
    LedgerEntry,
    Verdict,
    judge_findings,
    stated_entry,
    working,
)
from bytebook.numbers import by_unit, format_percent, format_yuan
from bytebook.policy import (
    Basis,
    Finding,
    Interval,
    compare,
    format_gap,
    grade_of_gap,
    relative_gap,
    span,
    verdict_for,
    worked_gap,
)
from bytebook.scorecard import repeats_sentence

SECTIONS = ("5",)
"""The article sections whose claims this chapter judges."""

INPUTS = (
    ASSUMPTIONS_FILE,
    CLAIMS_FILE,
    RANKING_FILE,
    REFERENCES_FILE,
)
"""The data files its analysis reads (checked by a test that records what it reads)."""

YEAR_CLAIMS = {
    "ByteDance": "y_bytedance",
    "Huawei": "y_huawei",
    "Xiaomi": "y_xiaomi",
    "Midea": "y_midea",
    "BYD": "y_byd",
}

YEARS_TO_SCALE = ("ByteDance", "Huawei")
"""The companies whose years the article counts to one overseas scale (字节只用 7 年就完成了华为
20 年才达到的海外规模); the others' are years of globalisation (全球化进程)."""


def years_label(company: str) -> str:
    """A bar's label in the years chart, with what its years count: 'ByteDance (to the same
    scale)', 'Xiaomi (globalisation)'."""
    kind = "to the same scale" if company in YEARS_TO_SCALE else "globalisation"
    return f"{company} ({kind})"


ATTRIBUTION_REFERENCE = "future_quote_gibson"
"""The reference holding the earliest attribution found of the article's closing line."""

TECHNICAL_SECTIONS = ("2.1", "2.2", "2.3")
"""The article's sections on its three technologies."""

TECHNICAL_CHAPTERS = (codec, recommender, infrastructure)
"""The chapters that judge those sections."""


def attribution_entry(data: BookData) -> LedgerEntry:
    """The closing line credited to Kevin Kelly, against the earliest attribution found."""
    source = data.references.loc[ATTRIBUTION_REFERENCE]
    return stated_entry(
        data.claim("s5_kevin_kelly"),
        None,
        Verdict.CONTRADICTED,
        "Read as: the line is Kevin Kelly's (凯文·凯利那句话). The earliest source this book "
        f"found credits it to {source['value_text']}: Quote Investigator reports the earliest "
        "full version found (by Fred Shapiro, editor of the Yale Book of Quotations, who shared "
        "the citation with it), in a San Francisco Examiner article of "
        f'{source["period"]} by Scott Rosenberg, "{source["quote"]}" '
        f"({data.cite(ATTRIBUTION_REFERENCE)}), and obtained "
        f"{source['value_text']}'s comment through Kevin Kelly. The earliest attribution found "
        f"is to {source['value_text']}, not to Kelly, so the article's attribution is "
        "contradicted. A reader may instead take 凯文·凯利那句话 as a line Kelly is known for "
        f"saying, not one he wrote; {OTHER_READING_UNSETTLED}, since no source this book found "
        "has Kelly saying it. The line itself is a saying, not a figure, and is not judged.",
        (ATTRIBUTION_REFERENCE,),
    )


def growth_sentence(runner: str, runner_growth: float, growth: float, ratio: Interval) -> str:
    """ByteDance's growth against the fastest other overseas growth that may decide (read at
    first hand in a P or S source), against the article's 两倍以上 (at least twice). Growth not
    found could only be faster, and lower the ratio, so 'less than twice' holds whatever it is;
    'at least twice' holds only among those read at first hand."""
    if ratio.high < 2:
        verdict = "less than twice it, and growth not found could not raise the ratio"
    elif ratio.low >= 2:
        verdict = (
            "at least twice it, as the article says, among the companies whose growth was read "
            "at first hand"
        )
    else:
        verdict = "about twice it"
    return (
        f"ByteDance's overseas growth, {format_percent(growth, 0)}, is {ratio.mid:.2f} times "
        f"{runner}'s {format_percent(runner_growth)}, the fastest other overseas growth this "
        f"book worked out from figures read at first hand in P or S sources: {verdict}"
    )


def title_sentence(
    preface_numbers: dict[str, float], verdict: str, usd_words: str, band_gap_words: str
) -> str:
    """The title's daily figure against the article's own yuan figure (the finding that decides
    its `verdict`, with what reading the table's '≈' as 'about' would give); then against USD
    39 bn at its recorded digits (`usd_words`, the band each range below comes from), at the
    year's range of monthly rates and at its average rate, with `band_gap_words`, the preface's
    words for where the title's band lies against that range
    (bytebook.chapters.daily_revenue.title_band_gap_words); then whether the title's and the
    table's conversion rates can be one rate. From the preface chapter's numbers; in sentences,
    one finding each."""
    n = preface_numbers
    meet = max(n["title_rate_low"], n["table_rate_low"]) <= min(
        n["title_rate_high"], n["table_rate_high"]
    )
    rates = (
        "The title and the table convert at rates that could be one"
        if meet
        else "The title and the table convert at two different rates "
        f"({n['title_rate_low']:.3f} to {n['title_rate_high']:.3f} and "
        f"{n['table_rate_low']:.3f} to {n['table_rate_high']:.3f} CNY/USD at the printed "
        "precision)"
        + (", unless the table's ≈ is read as 'about'" if n["rates_if_about"] else "")
    )
    year_low, year_high = n["daily_year_low"], n["daily_year_high"]
    within = year_low <= n["title_daily"] <= year_high
    article_gap = n["title_gap_article"]
    about = verdict_for(grade_of_gap(n["title_about_reading"]), Basis.ARTICLE)
    return (
        f"the title's daily {format_yuan(n['title_daily'], 2)} is "
        f"{format_percent(abs(article_gap))} {'below' if article_gap < 0 else 'above'} the "
        f"{format_yuan(n['daily_at_article'], 2)} a day that the article's own "
        f"{format_yuan(n['stated_cny'])} gives over {YEAR}'s {n['days_2024']:.0f} days ({verdict} "
        f"at that total's printed digits, but {about} if the table's ≈ is read as 'about'). "
        f"Against {usd_words} it lies {'within' if within else 'outside'} the "
        f"{format_yuan(year_low, 2)} to {format_yuan(year_high, 2)} that {YEAR}'s range of "
        f"monthly rates gives. At {YEAR}'s average rate of "
        f"{by_unit(n['fx_average'], 'CNY/USD')} a day's share runs from "
        f"{format_yuan(n['daily_band_low'], 2)} to {format_yuan(n['daily_band_high'], 2)}, and "
        f"{band_gap_words}. {rates}"
    )


def cpm_sentence(cpm: float, reported_mean: float) -> str:
    """The article's CPM as a multiple of the mean of 2024's quarterly reported CPMs."""
    return (
        f"the article's CPM of USD {cpm:g} is {cpm / reported_mean:.1f} times USD "
        f"{reported_mean:.2f}, the 2024 mean of the quarterly TikTok CPMs reported for "
        f"{economics.CPM_SEGMENT}"
    )


def technical_sentence(unverifiable: int, total: int) -> str:
    """How many of the technical claims no public source found settles."""
    return (
        f"{unverifiable} of the article's {total} technical claims (sections 2.1 to 2.3) are "
        "unverifiable: no public source found settles them"
    )


def _technical_counts(data: BookData) -> tuple[int, int]:
    """The article's claims in the technical sections, and how many of them are unverifiable."""
    entries = [
        entry
        for chapter in TECHNICAL_CHAPTERS
        for entry in chapter.analyse(data).entries
        if entry.kind == "stated" and entry.section in TECHNICAL_SECTIONS
    ]
    unverifiable = sum(entry.verdict is Verdict.UNVERIFIABLE for entry in entries)
    return unverifiable, len(entries)


@analysis
def analyse(data: BookData) -> Findings:
    """Check the years each company is said to have taken to reach its overseas scale, and
    say what the ranking's period findings come to (`earlier_year.earlier_year_cells`)."""
    found = Findings()
    cells = earlier_year_cells(data)
    found.number(
        "earlier_year_rows",
        len({cell.company for cell in cells}),
        lambda _: earlier_year_sentence(cells),
    )
    filed, above, shares = understated(data)
    found.number(
        "filed_understated",
        len(above),
        lambda _: understated_sentence(
            filed,
            above,
            shares,
            n_plus_readings(data, above),
            filed_origins(data),
            filed_shares_above(data, filed),
        ),
    )
    ranking_rows = ranking.pair_rows(data)
    pairs = ranking.pairs_that_cannot_hold(data, ranking_rows)
    found.number(
        "pairs_cannot_hold",
        len(pairs),
        lambda _: ranking.pairs_sentence(
            pairs,
            ranking.pairs_read_as_n_duo(ranking_rows, pairs),
            ranking.pairs_year_readings(data, pairs),
            ranking.pairs_read_to_the_percent(data, pairs),
        ),
    )
    title = preface.analyse(data)
    title_numbers = title.numbers
    found.number(
        "holds_title",
        title_numbers["title_gap_average"],
        lambda _: title_sentence(
            title_numbers,
            {e.id: e for e in title.entries}["title_daily_revenue"].verdict.value,
            recorded_words(data, "bd_intl_2024"),
            title.texts["title_gap_band"],
        ),
    )
    runner, ratio = growth_runner_up(data)
    growth = data.reference("bd_intl_growth_2024")
    found.number(
        "holds_growth",
        ratio.mid,
        lambda _: growth_sentence(runner["company"], runner["growth"], growth, ratio),
    )
    found.number(
        "holds_cpm",
        data.stated("s3_cpm") / economics.reported_cpm_mean(data),
        lambda _: cpm_sentence(data.stated("s3_cpm"), economics.reported_cpm_mean(data)),
    )
    found.number(
        "repeated_printings",
        int((data.claims["same_figure_as"] != "").sum()),
        lambda _: repeats_sentence(data.claims),
    )
    unverifiable, technical = _technical_counts(data)
    found.number(
        "holds_technical", unverifiable, lambda _: technical_sentence(unverifiable, technical)
    )
    launch = data.references.loc["tiktok_intl_launch"]
    launch_year = int(str(launch["value_text"])[:4])
    since_launch = YEAR - launch_year
    found.number("years_since_launch", since_launch, str)
    found.number("launch_year", launch_year, str)
    topbuzz_year = int(data.references.at["topbuzz_launch", "value_text"])
    found.number("topbuzz_year", topbuzz_year, str)
    found.add(
        against_first_printing(data, "s5_split_revenue", "bd_intl_2024"),
        unsettled(
            data,
            "y_bytedance",
            "The article does not say from when it counts. A weak source dates TikTok's "
            f"international launch to {launch['value_text']} "
            f"({data.cite('tiktok_intl_launch')}): counted from it, {YEAR} − {launch_year} = "
            f"{since_launch} years. But ByteDance had an app abroad before TikTok: TopBuzz, one "
            f"of its earliest products for the world, launched in {topbuzz_year} "
            f"({data.cite('topbuzz_launch')}), counted from which it is {YEAR} − "
            f"{topbuzz_year} = {YEAR - topbuzz_year} years. The figure fits a count from "
            "TikTok's start, not one from TopBuzz's, so it decides nothing.",
            ("tiktok_intl_launch", "topbuzz_launch"),
        ),
    )
    for company, claim_id in YEAR_CLAIMS.items():
        if company != "ByteDance":
            found.add(
                unsettled(
                    data,
                    claim_id,
                    f"The article gives no start date for {company}'s expansion abroad, and "
                    "this book found no source for the figure.",
                )
            )
    scale = huawei_scale_entries(data)
    found.add(attribution_entry(data), *scale)
    found.number(
        "holds_huawei_scale",
        table_scale_reached(data),
        lambda _: huawei_scale_sentence(data, scale[0]),
    )
    found.tables["years"] = pd.DataFrame(
        {
            "company": list(YEAR_CLAIMS),
            "bar": [years_label(company) for company in YEAR_CLAIMS],
            "years": [data.stated(claim) for claim in YEAR_CLAIMS.values()],
        }
    )
    return found


def table_scale_reached(data: BookData) -> bool:
    """Whether, by the article's own table, ByteDance's revenue abroad reaches Huawei's: its
    printed band reaches the bottom of Huawei's."""
    bytedance = claim_band(data, "t_bytedance_overseas_cny")
    return bytedance.high >= claim_band(data, "t_huawei_overseas").low


def table_scale_words(data: BookData) -> str:
    """ByteDance's and Huawei's overseas revenue as the article's table prints them, and how
    their bands lie: 'ByteDance's 2,855亿元 lies above Huawei's 2300+ (read as …)'."""
    bytedance = claim_band(data, "t_bytedance_overseas_cny")
    huawei = claim_band(data, "t_huawei_overseas")
    printed = data.ranking.set_index("company_en")["overseas_revenue_printed"]
    side = (
        "lies above"
        if bytedance.low > huawei.high
        else "meets"
        if bytedance.high >= huawei.low
        else "lies below"
    )
    return (
        f"ByteDance's {format_yuan(bytedance.mid)} {side} Huawei's {printed['Huawei']} (read "
        f"as {span(huawei, format_yuan)})"
    )


def huawei_scale_sentence(data: BookData, row: LedgerEntry) -> str:
    """The summary's sentence on 完成了华为…的海外规模, from its ledger row (`row`, the final
    verdict) and the table's figures that decide it."""
    reached = "has reached" if table_scale_reached(data) else "has not reached"
    return (
        f"by the article's own table ByteDance {reached} Huawei's overseas scale "
        f"({row.verdict}): {table_scale_words(data)}; the references hold Huawei's revenue "
        "abroad only as figures from weak (W) sources, which illustrate and do not decide"
    )


def huawei_scale_entries(data: BookData) -> list[LedgerEntry]:
    """完成了华为 20 年才达到的海外规模: ByteDance's revenue abroad has reached Huawei's scale.
    By the article's own table it has (2855亿 against 2300+); the references hold Huawei's
    revenue outside China only for FY2023 (a W derivation) and, for 2024, only an estimate at
    that year's share (`top_three.huawei_2024_at_2023_share`), so they illustrate and never
    decide. Returns the row and the gap it prints, a derived row of its own."""
    reached = table_scale_reached(data)
    rates = year_rates(data.references)
    reported = reference_band(data, "bd_intl_2024")
    at_average = reported * rates.average.cny_per_usd
    at_months = Interval(
        reported.low * rates.lowest.cny_per_usd, reported.high * rates.highest.cny_per_usd
    )
    huawei_2023 = data.reference("huawei_overseas_2023_derived")
    huawei_2024 = top_three.huawei_2024_at_2023_share(data)
    estimated = top_three.huawei_2024_estimate(data)
    yi = lambda v: format_yuan(v)  # noqa: E731
    gap = relative_gap(at_average, huawei_2024)
    decimals = top_three.ESTIMATE_DECIMALS
    scale_gap = worked_gap(at_average, huawei_2024, "CNY", decimals) if gap else ("", "", 0.0)
    months_gap = relative_gap(at_months, huawei_2024)
    sources = ("bd_intl_2024", *rates.reference_ids, *top_three.HUAWEI_2024_AT_2023_SHARE)
    usd_words = recorded_words(data, "bd_intl_2024")
    huawei_words = top_three.estimate_band_words(huawei_2024)
    estimate = compare(
        at_months,
        huawei_2024,
        Basis.SOURCE,
        f"ByteDance's reported revenue abroad ({data.cite('bd_intl_2024')}), {usd_words}, × "
        f"{YEAR}'s rates ({rates.lowest.cny_per_usd:.4f} to {rates.highest.cny_per_usd:.4f} "
        f"CNY/USD, the range of monthly averages the conversion rows use) is "
        f"{span(at_months, yi)}; × the {YEAR} average of {rates.average.cny_per_usd} alone "
        f"it is {span(at_average, yi)}. Huawei's revenue outside China was "
        f"{format_yuan(huawei_2023)} in FY2023 (derived, W), below both; for {YEAR} it was "
        f"not found, and at its 2023 share it would be {format_yuan(estimated)} (an "
        f"estimate resting on a figure from a weak (W) source; {huawei_words}), "
        + ("inside the first range" if months_gap == 0 else "outside the first range")
        + (
            ""
            if gap == 0
            else " and, band to band, {} ({}) ".format(*scale_gap[:2])
            + f"{'above' if huawei_2024.low > at_average.high else 'below'} the second"
        )
        + ": the same scale either way, and these figures only illustrate.",
        sources,
        decides=False,
    )
    table = Finding(
        Verdict.CONSISTENT if reached else Verdict.INCONSISTENT,
        f"By the article's own table, {table_scale_words(data)}: "
        + ("it has reached Huawei's scale." if reached else "it has not reached Huawei's scale."),
    )
    row = judge_findings(
        data.claim("y_huawei_scale"),
        [table, estimate],
        None,
        "Read as: ByteDance's revenue abroad is now as large as Huawei's, a scale Huawei took "
        f"{by_unit(data.stated('y_huawei'), 'years')} to reach (the years are rows of their own). "
        "A reader may instead take 华为 "
        f"{data.claims.at['y_huawei', 'value_text']} 年才达到的海外规模 as the scale Huawei "
        "had after that many years abroad, in a year the article does not name and its table "
        "does not cover: on that reading the claim turns on the year from which Huawei's years "
        "abroad are counted, which the article does not give and this book did not settle, so "
        "the grade rests on the first reading.",
    )
    return [
        row,
        working(
            "d_huawei_scale_gap",
            "5",
            "How far ByteDance's 2024 revenue abroad lies from Huawei's estimated at its 2023 "
            "share",
            scale_gap[2] if gap else gap,
            "ratio",
            f"ByteDance's revenue abroad, {usd_words}, × the {YEAR} average of "
            f"{rates.average.cny_per_usd} is {span(at_average, yi)}; against Huawei's "
            f"estimated {format_yuan(estimated)} ({huawei_words}) "
            + (
                f"the gap between the bands is {scale_gap[0]} of the estimate, {scale_gap[1]}; "
                if gap
                else f"the bands meet, a gap of {by_unit(gap, 'ratio')}; "
            )
            + f"{YEAR}'s range of monthly rates, "
            f"{rates.lowest.cny_per_usd:.4f} to {rates.highest.cny_per_usd:.4f} CNY/USD, gives "
            f"{span(at_months, yi)}, and there the two "
            + ("meet." if months_gap == 0 else f"are {format_gap(months_gap)} apart."),
            sources,
        ),
    ]
