"""Preface: the title's 每天7.47亿 against the article's own figures and 2024 exchange rates."""

from __future__ import annotations

from functools import partial

import pandas as pd

from bytebook.article import ARTICLE_LEGEND, DAYS_IN_YEAR, YEAR
from bytebook.chapters.daily_revenue import (
    TitleFigures,
    about_reading_lead,
    daily_workings,
    record_daily_bands,
    record_daily_figures,
    record_title_gaps,
    title_figures,
    title_in_dollars_entry,
    title_verdict,
    year_rate_workings,
)
from bytebook.chapters.economics import MONTHS, TIKTOK_AD_ESTIMATE, subscription_revenue
from bytebook.checks import claim_band, reference_band, unsettled
from bytebook.data import CLAIMS_FILE, RANKING_FILE, REFERENCES_FILE, BookData
from bytebook.findings import Findings
from bytebook.fx import YearRates
from bytebook.ledger import (
    READ_AS_CONVERSION,
    Basis,
    LedgerEntry,
    derived,
    worked_in_band,
)
from bytebook.numbers import (
    as_recorded,
    format_percent,
    format_usd,
    format_yuan,
    in_a_list,
    significant,
    usd,
)
from bytebook.policy import (
    APPROX_RELATIVE,
    APPROX_RULE,
    CONVERSION_READING,
    EXAMPLES,
    SUBSTANCE_MARGIN,
    Finding,
    Interval,
    approx_rate_span,
    compare,
    examples_sentence,
    relative_gap,
    span,
    worked_gap,
)

SECTIONS = ("0",)
"""The article sections whose claims this chapter judges."""

INPUTS = (
    CLAIMS_FILE,
    REFERENCES_FILE,
    RANKING_FILE,  # the table's printed conversion, read as 'about' (policy.approx_rate_span)
)
"""The data files its analysis reads (checked by a test that records what it reads)."""


_REACHES = {
    "low end": "across the range's lowest month",
    "high end": "across the range's highest month",
    "inside": "inside it",
    "across": "across the whole of it",
}
"""Where a band of rates reaches the year's monthly range, in words (`reach_words` adds which
end of the band meets which month)."""


def reach_words(place: str, band: Interval, rates: YearRates) -> str:
    """How a band reaches the year's monthly range, naming whose end meets which: 'with its
    upper end, 7.106, above the lowest month, 7.0760' for a band across the range's low end;
    'inside it' or 'across the whole of it' otherwise."""
    if place == "low end":
        return (
            f"with its upper end, {band.high:.3f}, above the lowest month, "
            f"{rates.lowest.text}"
        )
    if place == "high end":
        return (
            f"with its lower end, {band.low:.3f}, below the highest month, "
            f"{rates.highest.text}"
        )
    return _REACHES[place]


_MISSES = {"below": "below it", "above": "above it"}


def rate_bands_sentence(bands: dict[str, Interval], rates: YearRates) -> str:
    """Whether each band of exchange rates the article's figures allow (keyed by whose rate it
    is: 'title', 'table') reaches the year's range of monthly averages, and what follows."""
    places = {name: rates.band_place(band.low, band.high) for name, band in bands.items()}
    reach = [name for name, place in places.items() if place in _REACHES]
    miss = [name for name, place in places.items() if place in _MISSES]
    months = f"{YEAR}'s monthly range"
    missing = [f"the {name}'s lies {_MISSES[places[name]]}" for name in miss]
    if not miss:
        reaching = "; ".join(
            f"the {name}'s {reach_words(places[name], bands[name], rates)}" for name in reach
        )
        return (
            f"Each band still reaches {months} ({reaching}), so, taken alone, "
            f"{'either' if len(reach) == 2 else 'any'} could be a {YEAR} rate."
        )
    if not reach:
        return (
            f"No band reaches {months}: {in_a_list(missing)}, so "
            f"{'neither' if len(miss) == 2 else 'no'} rate is a {YEAR} monthly average."
        )
    reached = in_a_list(
        [
            f"the {name}'s band reaches {months} {reach_words(places[name], bands[name], rates)}"
            for name in reach
        ]
    )
    return (
        f"{reached[0].upper()}{reached[1:]}, so the book cannot say that "
        f"{'it is' if len(reach) == 1 else 'they are'} another year's rate; "
        f"{in_a_list(missing)}, so "
        f"{'that rate is' if len(miss) == 1 else 'those rates are'} no {YEAR} monthly "
        "average."
    )


def rate_point_place(rate: float, rates: YearRates) -> str:
    """Where one rate, taken as exact, lies against the year's monthly averages: 'above 2024's
    highest monthly average', 'below 2024's lowest monthly average' or 'within 2024's monthly
    range'."""
    place = rates.band_place(rate, rate)
    if place == "above":
        return f"above {YEAR}'s highest monthly average"
    if place == "below":
        return f"below {YEAR}'s lowest monthly average"
    return f"within {YEAR}'s monthly range"


def rate_band_clause(band: Interval, rates: YearRates) -> str:
    """Whether one band of rates reaches the year's monthly range, and what follows: 'reaches
    2024's monthly range with its lower end, 7.227, below the highest month, 7.2807, so the book
    cannot say …'."""
    place = rates.band_place(band.low, band.high)
    if place in _MISSES:
        return (
            f"lies {_MISSES[place].removesuffix(' it')} {YEAR}'s monthly range, so it is no "
            f"{YEAR} monthly average"
        )
    return (
        f"reaches {YEAR}'s monthly range {reach_words(place, band, rates)}, so, taken alone, this "
        f"conversion could be at a {YEAR} rate"
    )


def dollars_at_year_rates(yuan: Interval, dollars: Interval, rates: YearRates) -> Interval | None:
    """The dollar figures within `dollars` that `yuan` converts from at a rate of the year:
    `yuan` ÷ the figure lies between the year's lowest and highest monthly averages. None when
    no figure within `dollars` does."""
    low = max(dollars.low, yuan.low / rates.highest.cny_per_usd)
    high = min(dollars.high, yuan.high / rates.lowest.cny_per_usd)
    return Interval(low, high) if low <= high else None


def dollar_figures(data: BookData, rates: YearRates) -> dict[str, Interval | None]:
    """The values of the article's one printed dollar figure, within its printed precision, at
    which the title's rate ('title'), the table's ('table') and both ('both') are rates of the
    year (`dollars_at_year_rates`). Both turn that one figure into yuan."""
    dollars = claim_band(data, "t_bytedance_overseas")
    yearly = {
        "title": claim_band(data, "title_daily_revenue") * DAYS_IN_YEAR,
        "table": claim_band(data, "t_bytedance_overseas_cny"),
    }
    figures = {name: dollars_at_year_rates(yuan, dollars, rates) for name, yuan in yearly.items()}
    title, table = figures.values()
    meet = title and table and title.distance(table) == 0
    figures["both"] = (
        Interval(max(title.low, table.low), min(title.high, table.high)) if meet else None
    )
    return figures



def dollar_condition(band: Interval | None, dollars: Interval) -> str:
    """For which values of the dollar figure (`dollars`, its printed band) a rate is a rate of
    the year (`band`, those values, None for none), in words: 'only if that figure is at most
    USD 38.66 bn'."""
    if band is None:
        return "for none of its values"
    if band.low > dollars.low and band.high < dollars.high:
        return f"only if that figure is {span(band, usd)}"
    if band.high < dollars.high:
        return f"only if that figure is at most {usd(band.high)}"
    if band.low > dollars.low:
        return f"only if that figure is at least {usd(band.low)}"
    return "whatever that figure is"


def one_dollar_figure_sentence(data: BookData, rates: YearRates) -> str:
    """Whether the title's and the table's rates can both be rates of the year, and for which
    values of the dollar figure each is (`dollar_figures`)."""
    figures = dollar_figures(data, rates)
    dollars = claim_band(data, "t_bytedance_overseas")
    title, table = (dollar_condition(figures[name], dollars) for name in ("title", "table"))
    end = (
        f"Both are {YEAR} rates {dollar_condition(figures['both'], dollars)}."
        if figures["both"]
        else f"No one figure gives both, so at most one of the two is a {YEAR} rate."
    )
    return (
        f"But both convert the one printed {data.claims.at['t_bytedance_overseas', 'quote_zh']}"
        f" ({span(dollars, usd)} at its printed precision): the title's "
        f"rate is a {YEAR} rate {title}, the table's {table}. {end}"
    )


def rates_together_note(data: BookData, rates: YearRates, other: str) -> str:
    """For the row of one of the two rates: whether it and the `other` one ('title', 'table')
    can both be rates of the year, which the row comparing the two works out."""
    both = dollar_figures(data, rates)["both"]
    same = f"the same printed {data.claims.at['t_bytedance_overseas', 'quote_zh']}"
    where = "the two rates are compared in a row of their own"
    if both:
        condition = dollar_condition(both, claim_band(data, "t_bytedance_overseas"))
        return (
            f"It and the {other}'s rate, which converts {same}, are both {YEAR} rates "
            f"{condition} ({where})."
        )
    return (
        f"It and the {other}'s rate, which converts {same}, cannot both be {YEAR} rates: no "
        f"one value of that figure gives both ({where})."
    )


def year_rate_finding(band: Interval, rates: YearRates, worked: str) -> Finding:
    """A band of rates the article's figures imply, judged by the policy's rule for a year's
    rate (`bytebook.policy.conversion_rule`): supported when it reaches the range of the year's
    monthly averages, graded by its gap from that range when it misses. `worked` is the
    arithmetic; the evidence adds where the band sits and how far it lies from the average."""
    average, lowest, highest = rates.average, rates.lowest, rates.highest
    place = rates.band_place(band.low, band.high)
    off_average = year_average_gap(band, rates)
    if off_average:
        off_words, off_sum, _ = worked_gap(band, Interval.exact(average.cny_per_usd), "CNY/USD")
    months = f"{YEAR}'s monthly averages ({lowest.text} to {highest.text})"
    text = (
        f"{worked} A {YEAR} rate is one between {YEAR}'s lowest and highest monthly averages "
        f"(Federal Reserve H.10, P). "
        + (
            f"The band misses every one of {months}"
            if place in _MISSES
            else f"The band reaches {months} {reach_words(place, band, rates)}, so it is "
            "consistent with a "
            f"{YEAR} rate"
        )
        + (
            f"; it lies {off_words} from the {YEAR} average {average.cny_per_usd} at its "
            f"nearer end ({off_sum})."
            if off_average
            else f"; it holds the {YEAR} average {average.cny_per_usd}."
        )
    )
    months = Interval(lowest.cny_per_usd, highest.cny_per_usd)
    return compare(band, months, Basis.SOURCE, text, unit="CNY/USD")


def year_average_gap(band: Interval, rates: YearRates) -> float:
    """How far a band of rates lies from the year's average rate, as a fraction of it (0 when
    the band holds it)."""
    return relative_gap(band, Interval.exact(rates.average.cny_per_usd))


def rate_points_sentence(points: dict[str, float], rates: YearRates) -> str:
    """Where each implied rate, taken as exact, lies against the year's monthly range."""
    words = {"below": "below it", "above": "above it", "inside": "inside it"}
    places = [
        f"the {name}'s implied rate lies {words[rates.band_place(rate, rate)]}"
        for name, rate in points.items()
    ]
    return f"Taken as exact, {in_a_list(places)}."


def rates_meet_if_about(data: BookData, title_rates: Interval) -> bool:
    """Whether the table's rates, its '≈' read as 'about' (`approx_rate_span`), take in the
    title's rates."""
    about = approx_rate_span(data)
    return about.low <= title_rates.high and title_rates.low <= about.high


def about_rates_sentence(data: BookData, title_rates: Interval, rates: YearRates) -> str:
    """The two rates compared again with the table's '≈' read as 'about' (`approx_rate_span`):
    whether the table's rates then take in the title's and the year's monthly range, so that
    the finding that the two are different rates says what it rests on."""
    about = approx_rate_span(data)
    meets = rates_meet_if_about(data, title_rates)
    whole_year = about.low <= rates.lowest.cny_per_usd and rates.highest.cny_per_usd <= about.high
    lead = f"{about_reading_lead(data)}, at {about.low:.2f} to {about.high:.2f} CNY/USD"
    if not meets:
        return f"{lead}, which still misses the title's rate."
    year = f" and every month of {YEAR}'s" if whole_year else ""
    one = f"one {YEAR} rate" if whole_year else "one rate"
    return (
        f"{lead}, which takes in the title's rate{year}: the two could be {one}. That the two "
        f"rates differ {READ_AS_CONVERSION}."
    )


def record_policy(found: Findings, data: BookData) -> None:
    """The policy's margins and worked examples, which the preface states."""
    found.number("tol_approx", APPROX_RELATIVE, lambda _: APPROX_RULE)
    found.number("substance_margin", SUBSTANCE_MARGIN, format_percent, 0)
    found.number("policy_examples", len(EXAMPLES), lambda _: examples_sentence(data.claims))


def record_year_rates(found: Findings, figures: TitleFigures) -> None:
    """The year's average, lowest and highest monthly rates as recorded, and the table's rate."""
    rates = figures.rates
    shown_rates = (rates.average, rates.lowest, rates.highest)
    for key, rate in zip(("fx_average", "fx_lowest", "fx_highest"), shown_rates, strict=True):
        recorded = (rate.recorded,)
        found.number(key, rate.cny_per_usd, as_recorded, rate.recorded, digits_from=recorded)
    found.number("table_implied_rate", figures.article_rate, "{:.4f}")


def record_rate_comparisons(found: Findings, data: BookData, figures: TitleFigures) -> None:
    """The title's and the table's rates against the year's monthly range and each other."""
    rates, rate_band, bands = figures.rates, figures.rate_band, figures.rate_bands
    found.number("table_rate_low", figures.table_rate_band.low, "{:.3f}")
    found.number("table_rate_high", figures.table_rate_band.high, "{:.3f}")
    found.number(
        "rate_bands_reaching",
        sum(rates.band_place(b.low, b.high) in _REACHES for b in bands.values()),
        lambda _: rate_bands_sentence(bands, rates),
    )
    points = {"title": figures.title_rate, "table": figures.article_rate}
    found.number(
        "rate_points_inside",
        sum(rates.contains(rate) for rate in points.values()),
        lambda _: rate_points_sentence(points, rates),
    )
    both = dollar_figures(data, rates)["both"] is not None
    found.number("rates_together", int(both), lambda _: one_dollar_figure_sentence(data, rates))
    found.number(
        "rates_if_about",
        int(rates_meet_if_about(data, rate_band)),
        lambda _: about_rates_sentence(data, rate_band, rates),
    )


def title_rate_entry(data: BookData, figures: TitleFigures) -> LedgerEntry:
    """The row of the rate the title implies, judged against the year's monthly range."""
    rates, rate_band, title_rate = figures.rates, figures.rate_band, figures.title_rate
    rate_finding = year_rate_finding(
        rate_band,
        rates,
        f"{format_yuan(figures.title, 2)} × {figures.days:.0f} days ÷ {figures.usd_text} = "
        f"{title_rate:.3f} CNY/USD "
        f"({rate_band.low:.3f} to {rate_band.high:.3f} at the printed precision of both "
        "figures).",
    )
    return worked_in_band(
        derived(
            "d_title_implied_rate",
            "0",
            "Exchange rate the title's daily figure implies",
            title_rate,
            "CNY/USD",
            f"{rate_finding.evidence} {rates_together_note(data, rates, 'table')}",
            rate_finding.verdict,
            ("bd_intl_2024", *rates.reference_ids),
        ),
        rate_band,
    )


def two_rates_entry(data: BookData, figures: TitleFigures) -> LedgerEntry:
    """The row comparing the title's rate with the table's, which convert one dollar figure."""
    rates, rate_band, table_band = figures.rates, figures.rate_band, figures.table_rate_band
    title_rate, article_rate = figures.title_rate, figures.article_rate
    cny_printed, days = figures.cny_printed, figures.days
    title_yearly = figures.title_band * days
    two_rates = compare(
        title_yearly,
        figures.cny_band,
        Basis.ARTICLE,
        f"The title converts {figures.usd_text} at {rate_band.low:.3f} to {rate_band.high:.3f} "
        f"CNY/USD; the table converts the same printed "
        f"{data.claims.at['t_bytedance_overseas', 'quote_zh']} "
        f"into {format_yuan(cny_printed)}, at "
        f"{table_band.low:.3f} to {table_band.high:.3f} ({CONVERSION_READING}). "
        "Both rates divide a yuan figure by that one dollar figure, so where it lies within its "
        "rounding cancels when they are compared: the title's rate is to the table's as the "
        "title's "
        f"{format_yuan(figures.title, 2)} × {days:.0f} days, {span(title_yearly, format_yuan)} "
        f"a year at its printed precision, is to the table's {format_yuan(cny_printed)}.",
        unit="CNY",
        middle="the table's figure",
    )
    return derived(
        "d_two_rates",
        "0",
        f"The title's exchange rate against the table's, for the same {figures.usd_text}",
        title_rate / article_rate,
        "ratio",
        f"{two_rates.evidence} The title's rate, {title_rate:.3f}, is "
        f"{format_percent(title_rate / article_rate)} of the table's, {article_rate:.4f}. "
        f"{rate_bands_sentence(figures.rate_bands, rates)} "
        f"{one_dollar_figure_sentence(data, rates)} "
        f"{about_rates_sentence(data, rate_band, rates)}",
        two_rates.verdict,
    )


def daily_table(data: BookData, figures: TitleFigures) -> pd.DataFrame:
    """The title's daily figure beside what the yuan total and the dollar total give a day."""
    return pd.DataFrame(
        {
            "basis": [
                f"Title: {data.claim('title_daily_revenue')['quote_zh']}",
                f"Article's {format_yuan(figures.cny_printed)} ÷ days",
                f"{figures.usd_text} × {YEAR} average rate ÷ days",
            ],
            "daily_cny": [figures.title, figures.at_article, figures.at_average],
        }
    )


def rates_table(figures: TitleFigures, texts: dict[str, str]) -> pd.DataFrame:
    """The title's and the table's rates beside the year's, each as the prose shows it (`texts`)."""
    rates = figures.rates
    return pd.DataFrame(
        {
            "rate": [
                "Implied by the title",
                "2024 lowest month",
                "2024 average",
                "2024 highest month",
                "Implied by the table",
            ],
            "cny_per_usd": [
                figures.title_rate,
                rates.lowest.cny_per_usd,
                rates.average.cny_per_usd,
                rates.highest.cny_per_usd,
                figures.article_rate,
            ],
            "shown": [
                texts[key]
                for key in (
                    "title_implied_rate",
                    "fx_lowest",
                    "fx_average",
                    "fx_highest",
                    "table_implied_rate",
                )
            ],
            "kind": [ARTICLE_LEGEND, *[PUBLISHED_RATE] * 3, ARTICLE_LEGEND],
        }
    )


def analyse(data: BookData) -> Findings:
    """Check the title's daily revenue three ways and record the rates it implies."""
    found = Findings()
    found.number("days_2024", DAYS_IN_YEAR, str)
    record_policy(found, data)
    figures = title_figures(data)
    record_daily_figures(found, figures)
    record_year_rates(found, figures)
    record_daily_bands(found, figures)
    found.number("title_as_usd_multiple", figures.as_dollars, significant, 2)
    record_rate_comparisons(found, data, figures)
    record_title_gaps(found, data, figures)
    # The ledger's rows, in the order the ledger lists them.
    found.add(
        *daily_workings(figures),
        title_verdict(data, figures),
        *year_rate_workings(data, figures),
        title_rate_entry(data, figures),
        title_in_dollars_entry(data, figures),
        douyin_abroad_entry(data),
        two_rates_entry(data, figures),
    )
    found.tables["daily"] = daily_table(data, figures)
    found.tables["rates"] = rates_table(figures, found.texts)
    return found


PUBLISHED_RATE = "Federal Reserve exchange rate"
"""How the rates chart's legend names 2024's published rates, set beside the article's."""


def douyin_abroad_entry(data: BookData) -> LedgerEntry:
    """抖音在海外 in the title, read as a Chinese reader reads a headline: TikTok (Douyin's
    international twin) named for ByteDance's whole revenue abroad. The references say only
    that most of it is earned by TikTok in the United States, and the article's own section 3
    puts CapCut Pro, another app, inside it; no figure found gives TikTok's own part, and the
    estimates found cover part of it (ads alone) or are weak, so the row is unverifiable."""
    price, payers = data.stated("s3_capcut_price"), data.stated("s3_capcut_payers")
    capcut = subscription_revenue(price, payers)
    abroad = data.stated("s1_overseas_revenue")
    warc = data.reference(TIKTOK_AD_ESTIMATE)
    part = reference_band(data, TIKTOK_AD_ESTIMATE) / reference_band(data, "bd_intl_2024")
    return unsettled(
        data,
        "title_douyin_abroad",
        "Read as a Chinese reader reads a headline: 抖音在海外 names Douyin's international twin, "
        "TikTok, and the daily figure under it is ByteDance's whole revenue abroad, "
        f"{format_usd(abroad, 0)} ({data.cite('bd_intl_2024')}). That revenue is not TikTok's "
        "alone. The relay of the report behind the figure says most of it is earned by TikTok "
        "in the United States (its words: 'international revenue, most of which is earned from "
        "TikTok U.S., …'), and among the earners the article's section 3 lists is CapCut Pro, "
        "a separate app: "
        f"{usd(capcut)} a year at the article's own price and payer count (USD "
        f"{price:.2f} × {MONTHS} months × {payers / 1e6:.0f} million payers; unverified, a "
        "derived row of the unit economics). So the headline names the "
        "largest earner for the whole, a common shorthand in a headline. No figure for "
        "TikTok's own revenue was found in ByteDance's words or in a report of them (which is "
        "not to say ByteDance has never said it). The estimates found cover part of it or are "
        f"weak: a projection of TikTok's global ad revenue alone, {format_usd(warc, 0)} "
        f"({data.cite(TIKTOK_AD_ESTIMATE)}, a projection), is "
        f"{span(part, partial(format_percent, digits=0))} of the {format_usd(abroad, 0)} at the "
        "sources' precision, a part that sets no total; a weak (W) aggregator named in that "
        "reference's note gives a lower total. Neither decides, so whether the headline's "
        "attribution is exact could not be settled.",
        sources=("bd_intl_2024", TIKTOK_AD_ESTIMATE),
    )
