"""Preface: the title's 每天7.47亿 against the article's own figures and 2024 exchange rates."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import pandas as pd

from bytebook.article import ARTICLE_LEGEND, DAYS_IN_YEAR, YEAR
from bytebook.chapters.economics import MONTHS, TIKTOK_AD_ESTIMATE, subscription_revenue
from bytebook.checks import claim_band, reference_band, unsettled
from bytebook.data import CLAIMS_FILE, RANKING_FILE, REFERENCES_FILE, BookData
from bytebook.findings import Findings
from bytebook.fx import YearRates, implied_rate, year_rates
from bytebook.ledger import (
    READ_AS_CONVERSION,
    Basis,
    LedgerEntry,
    decided_by,
    derived,
    finding,
    judge_findings,
    working,
)
from bytebook.numbers import (
    as_recorded,
    count,
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
    APPROX_TEXT,
    CONVERSION_READING,
    EXAMPLES,
    SUBSTANCE_MARGIN,
    Finding,
    Interval,
    approx_rate_span,
    compare,
    examples_sentence,
    grade,
    printed_interval,
    relative_gap,
    span,
    verdict_for,
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


def _above_or_below(gap: float) -> str:
    """'4.2% below' for −0.042, '1.0% above' for 0.01."""
    return f"{format_percent(abs(gap))} {'below' if gap < 0 else 'above'}"


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


def article_year_sentence(data: BookData, title_band: Interval) -> str:
    """The title against the article's yuan figure over the days of a year as the article
    itself counts them (一年 7.3 亿 = 200 万美元 × 365), with whether the grade is the same."""
    article_days = data.stated("s21_cdn_yearly") / data.stated("s21_cdn_daily")
    printed = claim_band(data, "t_bytedance_overseas_cny")
    band = printed / article_days
    same = grade(title_band, band) == grade(title_band, printed / DAYS_IN_YEAR)
    gap_words, gap_sum, _ = worked_gap(title_band, band, "CNY")
    return (
        f"The article itself counts a year as {article_days:.0f} days (its "
        f"{data.claims.at['s21_cdn_yearly', 'quote_zh']} is "
        f"{data.claims.at['s21_cdn_daily', 'quote_zh'].split('= ')[-1]} × {article_days:.0f}); "
        f"over {article_days:.0f} days the same figure is "
        f"{span(band, lambda v: format_yuan(v, 2))} "
        f"a day, {gap_words} from the title's ({gap_sum}), "
        + ("and the grade is the same." if same else "and the grade would differ.")
    )


def yuan_total_as_about(data: BookData) -> Interval:
    """The article's yuan total (the table's 2855 亿元) read as 'about' (±`APPROX_RELATIVE`), as
    约 is, rather than at its printed digits as the book reads a printed conversion."""
    return printed_interval(data.claims.at["t_bytedance_overseas_cny", "value_text"], "≈")


def about_reading_lead(data: BookData) -> str:
    """'Read instead as 'about' (±5%), as 约 is, the table's total is 2,712亿元 to 2,998亿元':
    how both sentences on the other reading of '≈' open."""
    total = span(yuan_total_as_about(data), lambda v: format_yuan(v, 0))
    reading = f"Read instead as 'about' (±{APPROX_TEXT}), as 约 is"
    return f"{reading}, the table's total is {total}"


def about_reading_sentence(data: BookData, title_band: Interval, days: float) -> str:
    """The title's band a day against the article's yuan total over `days` read as 'about'
    instead (`yuan_total_as_about`): the band that reading gives, and whether the grade would
    change, so that a grade resting on the book's reading of '≈' says so."""
    total = yuan_total_as_about(data)
    would = grade(title_band, total / days)
    same = would == grade(title_band, claim_band(data, "t_bytedance_overseas_cny") / days)
    ending = (
        "and the grade would be the same"
        if same
        else f"and the title would be {verdict_for(would, Basis.ARTICLE)} with it: this grade "
        + READ_AS_CONVERSION
    )
    return (
        f"{about_reading_lead(data)}, or {span(total / days, lambda v: format_yuan(v, 2))} a "
        f"day, {ending}"
    )


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


def title_band_gap_words(title_band: Interval, range_band: Interval) -> str:
    """Where the title's printed band lies against the range USD 39 bn gives a day at one
    rate, with the gap worked from the figures it names: 'the title's printed band (7.465亿元
    to 7.475亿元) ends below that range, by 1.2% of the range's middle: (7.57亿元 − 7.475亿元) ÷
    7.67亿元'; 'lies within that range' where they meet."""
    title = f"the title's printed band ({span(title_band, lambda v: format_yuan(v, 3))})"
    if title_band.high >= range_band.low and title_band.low <= range_band.high:
        return f"{title} lies within that range"
    words, formula, _ = worked_gap(title_band, range_band, "CNY")
    where = "ends below" if title_band.high < range_band.low else "starts above"
    return f"{title} {where} that range, by {words} of the range's middle: {formula}"


def analyse(data: BookData) -> Findings:
    """Check the title's daily revenue three ways and record the rates it implies."""
    found = Findings()
    days = found.number("days_2024", DAYS_IN_YEAR, str)
    found.number("tol_approx", APPROX_RELATIVE, lambda _: APPROX_RULE)
    found.number("substance_margin", SUBSTANCE_MARGIN, format_percent, 0)
    found.number("policy_examples", len(EXAMPLES), lambda _: examples_sentence(data.claims))
    overseas_usd = data.stated("s1_overseas_revenue")
    cny_printed = data.stated("t_bytedance_overseas_cny")
    title = data.stated("title_daily_revenue")
    rates = year_rates(data.references)
    average = rates.average

    usd_text = format_usd(overseas_usd, 0)
    found.number("stated_usd", overseas_usd, format_usd, 0)
    found.number("title_as_count", title, count)
    found.number("stated_cny", cny_printed, format_yuan)
    at_article = found.number("daily_at_article", cny_printed / days, format_yuan, 2)
    daily_avg = average.to_cny(overseas_usd) / days
    at_average = found.number("daily_at_2024_average", daily_avg, format_yuan, 2)
    found.number("title_daily", title, format_yuan, 2)
    found.number("yearly_at_average", average.to_cny(overseas_usd), format_yuan)
    found.number(
        "title_gap_article",
        (title - at_article) / at_article,
        _above_or_below,
    )
    gap_average = found.number(
        "title_gap_average",
        (title - at_average) / at_average,
        format_percent,
    )
    title_rate = found.number(
        "title_implied_rate",
        implied_rate(title * days, overseas_usd),
        "{:.3f}",
    )
    shown_rates = (average, rates.lowest, rates.highest)
    for key, rate in zip(("fx_average", "fx_lowest", "fx_highest"), shown_rates, strict=True):
        recorded = (rate.recorded,)
        found.number(key, rate.cny_per_usd, as_recorded, rate.recorded, digits_from=recorded)
    article_rate = implied_rate(cny_printed, overseas_usd)
    found.number("table_implied_rate", article_rate, "{:.4f}")

    title_band = claim_band(data, "title_daily_revenue")
    article_band = claim_band(data, "t_bytedance_overseas_cny") / days
    source_band = reference_band(data, "bd_intl_2024") * average.cny_per_usd / days
    year_band = (
        reference_band(data, "bd_intl_2024")
        * Interval(rates.lowest.cny_per_usd, rates.highest.cny_per_usd)
        / days
    )
    found.number("daily_year_low", year_band.low, format_yuan, 2)
    found.number("daily_year_high", year_band.high, format_yuan, 2)
    found.number(
        "daily_year_clause",
        year_band.contains(title),
        lambda inside: (
            f"{'but within' if inside else 'and outside'} the {format_yuan(year_band.low, 2)} to "
            f"{format_yuan(year_band.high, 2)} that {YEAR}'s range of monthly rates gives with "
            "the USD total read at its recorded digits (to half a billion either side)"
        ),
    )
    usd_band = reference_band(data, "bd_intl_2024")
    found.number("usd_band_low", usd_band.low, usd)
    found.number("usd_band_high", usd_band.high, usd)
    rate_band = title_band * days / usd_band
    found.number("daily_band_low", source_band.low, format_yuan, 2)
    found.number("daily_band_high", source_band.high, format_yuan, 2)
    found.number("title_rate_low", rate_band.low, "{:.3f}")
    found.number("title_rate_high", rate_band.high, "{:.3f}")
    yi = lambda v: format_yuan(v, 2)  # noqa: E731
    usd_1 = lambda v: format_usd(v, 1)  # noqa: E731
    as_dollars = found.number("title_as_usd_multiple", title * days / overseas_usd, significant, 2)
    quoted = data.claims.at["title_daily_revenue", "quote_zh"]
    as_usd = usd(title)
    currency = (
        "The title names no currency; it is read as yuan (元), the currency of the article's "
        f"table: read in US dollars, its {quoted} would be {as_usd} a day, "
        f"{significant(as_dollars, 2)} times the {usd_text} of the whole year."
    )
    in_dollars = (
        f"The title names no currency. Read in US dollars, its {quoted} is {as_usd} a day, "
        f"which over {days:.0f} days is {significant(as_dollars, 2)} times the {usd_text} the "
        "article "
        "gives for the whole year, so the title cannot mean dollars; the book reads it as yuan "
        "(元), the currency of the article's table. The article claims no dollar figure here."
    )
    claim = data.claim("title_daily_revenue")
    at_printed = span(article_band, yi)
    at_printed = "the same" if at_printed == format_yuan(at_article, 2) else at_printed
    at_digits = finding(
        claim,
        article_band,
        Basis.ARTICLE,
        f"The article's own {format_yuan(cny_printed)} over the {days:.0f} days of {YEAR} is "
        f"{format_yuan(at_article, 2)} a day ({at_printed} at its printed precision: "
        f"{CONVERSION_READING}). {article_year_sentence(data, title_band)}",
    )
    about = about_reading_sentence(data, title_band, days)
    findings = [
        replace(at_digits, evidence=f"{at_digits.evidence} {about}."),
        finding(
            claim,
            year_band,
            Basis.SOURCE,
            f"{usd_text} ({data.cite('bd_intl_2024')}) at {YEAR}'s rates over {days:.0f} days "
            f"is {span(year_band, yi)} a day: a {YEAR} rate is one between the year's lowest "
            f"and highest monthly averages ({rates.lowest.text} to "
            f"{rates.highest.text} CNY/USD, Federal Reserve H.10, P; the methods "
            f"page's rule), and {span(reference_band(data, 'bd_intl_2024'), usd_1)} × that "
            f"range ÷ {days:.0f} days gives "
            f"{span(year_band, yi)}. At the annual average {average.cny_per_usd} alone it "
            f"would be {format_yuan(at_average, 2)} ({span(source_band, yi)}), which the title "
            f"misses by {format_percent(relative_gap(title_band, source_band))}; the average "
            "is one rate among the year's, not the only 2024 rate.",
            ("bd_intl_2024", *rates.reference_ids),
        ),
    ]
    rate_finding = year_rate_finding(
        rate_band,
        rates,
        f"{format_yuan(title, 2)} × {days:.0f} days ÷ {usd_text} = {title_rate:.3f} CNY/USD "
        f"({rate_band.low:.3f} to {rate_band.high:.3f} at the printed precision of both "
        "figures).",
    )
    table_rate_band = claim_band(data, "t_bytedance_overseas_cny") / claim_band(
        data, "t_bytedance_overseas"
    )
    found.number("table_rate_low", table_rate_band.low, "{:.3f}")
    found.number("table_rate_high", table_rate_band.high, "{:.3f}")
    bands = {"title": rate_band, "table": table_rate_band}
    found.number(
        "rate_bands_reaching",
        sum(rates.band_place(b.low, b.high) in _REACHES for b in bands.values()),
        lambda _: rate_bands_sentence(bands, rates),
    )
    points = {"title": title_rate, "table": article_rate}
    found.number(
        "rate_points_inside",
        sum(rates.contains(rate) for rate in points.values()),
        lambda _: rate_points_sentence(points, rates),
    )
    together = one_dollar_figure_sentence(data, rates)
    both = dollar_figures(data, rates)["both"] is not None
    found.number("rates_together", int(both), lambda _: together)
    rates_if_about = about_rates_sentence(data, rate_band, rates)
    found.number(
        "rates_if_about", int(rates_meet_if_about(data, rate_band)), lambda _: rates_if_about
    )
    title_yearly = title_band * days
    two_rates = compare(
        title_yearly,
        claim_band(data, "t_bytedance_overseas_cny"),
        Basis.ARTICLE,
        f"The title converts {usd_text} at {rate_band.low:.3f} to {rate_band.high:.3f} CNY/USD; "
        f"the table converts the same printed {data.claims.at['t_bytedance_overseas', 'quote_zh']} "
        f"into {format_yuan(cny_printed)}, at "
        f"{table_rate_band.low:.3f} to {table_rate_band.high:.3f} ({CONVERSION_READING}). "
        "Both rates divide a yuan figure by that one dollar figure, so where it lies within its "
        "rounding cancels when they are compared: the title's rate is to the table's as the "
        "title's "
        f"{format_yuan(title, 2)} × {days:.0f} days, {span(title_yearly, format_yuan)} a year at "
        f"its printed precision, is to the table's {format_yuan(cny_printed)}.",
        unit="CNY",
        middle="the table's figure",
    )
    daily_finding = compare(
        title_band,
        source_band,
        Basis.SOURCE,
        f"{usd_text} at {average.cny_per_usd} CNY/USD (Federal Reserve H.10, P) over "
        f"{days:.0f} days is {format_yuan(at_average, 2)} ({span(source_band, yi)} at the "
        f"printed precision of {usd_text}); the title's {format_yuan(title, 2)} is "
        f"{_above_or_below(gap_average)} that middle.",
        unit=data.claim("title_daily_revenue")["unit"],
    )
    found.number(
        "title_about_reading",
        relative_gap(title_band, yuan_total_as_about(data) / days),
        lambda _: about,
    )
    found.number(
        "title_gap_band",
        relative_gap(title_band, source_band),
        lambda _: title_band_gap_words(title_band, source_band),
    )
    usd_band = reference_band(data, "bd_intl_2024")
    usd_low, usd_high = (format_usd(v, 1) for v in (usd_band.low, usd_band.high))
    rate_words = f"the {YEAR} average {average.cny_per_usd} CNY/USD (Federal Reserve H.10, P)"
    title_low, title_high = (format_yuan(v, 3) for v in (title_band.low, title_band.high))
    found.add(
        working(
            "d_daily_at_article",
            "0",
            "Daily overseas revenue from the article's own yuan total",
            at_article,
            "CNY/day",
            f"{format_yuan(cny_printed)} (the table) ÷ {days:.0f} days = "
            f"{format_yuan(at_article, 2)} a day.",
        ),
        working(
            "d_title_gap_article",
            "0",
            "The title's daily figure against the article's own yuan total a day",
            (title - at_article) / at_article,
            "ratio",
            f"({format_yuan(title, 2)} − {format_yuan(at_article, 2)}) ÷ "
            f"{format_yuan(at_article, 2)} "
            "(the article's own yuan total a day) = "
            f"{format_percent((title - at_article) / at_article)}.",
        ),
        working(
            "d_daily_band_low",
            "0",
            f"Low end of the daily revenue {usd_text} gives at the {YEAR} average rate",
            source_band.low,
            "CNY/day",
            f"{usd_low} (the low end of the reported {usd_text} at its recorded digits) × "
            f"{rate_words} ÷ {days:.0f} days = {format_yuan(source_band.low, 2)}.",
            ("bd_intl_2024", average.reference_id),
        ),
        working(
            "d_daily_band_high",
            "0",
            f"High end of the daily revenue {usd_text} gives at the {YEAR} average rate",
            source_band.high,
            "CNY/day",
            f"{usd_high} (the high end of the reported {usd_text} at its recorded digits) × "
            f"{rate_words} ÷ {days:.0f} days = {format_yuan(source_band.high, 2)}.",
            ("bd_intl_2024", average.reference_id),
        ),
        working(
            "d_title_gap_band",
            "0",
            f"How far the title's daily figure lies from the band {usd_text} gives",
            relative_gap(title_band, source_band),
            "ratio",
            f"The title's {title_low} to {title_high} ({format_yuan(title, 2)} at its printed "
            "precision) and "
            f"{format_yuan(source_band.low, 2)} to {format_yuan(source_band.high, 2)} "
            f"(the band {usd_text} gives a day at the average rate) do not meet: ("
            f"{format_yuan(source_band.low, 2)} − {title_high}) ÷ "
            f"{format_yuan(source_band.mid, 2)}, "
            "the band's middle, = "
            f"{format_percent(relative_gap(title_band, source_band))}.",
            ("bd_intl_2024", average.reference_id),
        ),
        working(
            "d_title_rate_low",
            "0",
            "Low end of the exchange rate the title's daily figure implies",
            rate_band.low,
            "CNY/USD",
            f"{title_low} × {days:.0f} days ÷ {usd_high} = {rate_band.low:.3f} CNY/USD.",
            ("bd_intl_2024",),
        ),
        working(
            "d_title_rate_high",
            "0",
            "High end of the exchange rate the title's daily figure implies",
            rate_band.high,
            "CNY/USD",
            f"{title_high} × {days:.0f} days ÷ {usd_low} = {rate_band.high:.3f} CNY/USD.",
            ("bd_intl_2024",),
        ),
        judge_findings(claim, findings, at_article, currency),
        working(
            "d_daily_at_2024_average",
            "0",
            "Daily overseas revenue at the 2024 average exchange rate",
            at_average,
            "CNY/day",
            f"{daily_finding.evidence} The title is judged against all of {YEAR}'s rates "
            f"({span(year_band, yi)} a day), not the average alone.",
            ("bd_intl_2024", average.reference_id),
        ),
        working(
            "d_daily_year_low",
            "0",
            f"Low end of the daily revenue {usd_text} gives at {YEAR}'s rates",
            year_band.low,
            "CNY/day",
            f"{usd_low} (the low end of the reported {usd_text} at its recorded digits) × "
            f"{rates.lowest.text} CNY/USD ({YEAR}'s lowest monthly average, Federal "
            f"Reserve H.10, P) ÷ {days:.0f} days = {format_yuan(year_band.low, 2)}.",
            ("bd_intl_2024", rates.lowest.reference_id),
        ),
        working(
            "d_daily_year_high",
            "0",
            f"High end of the daily revenue {usd_text} gives at {YEAR}'s rates",
            year_band.high,
            "CNY/day",
            f"{usd_high} (the high end of the reported {usd_text} at its recorded digits) × "
            f"{rates.highest.text} CNY/USD ({YEAR}'s highest monthly average, "
            f"Federal Reserve H.10, P) ÷ {days:.0f} days = {format_yuan(year_band.high, 2)}.",
            ("bd_intl_2024", rates.highest.reference_id),
        ),
        decided_by(
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
        ),
        working(
            "d_title_in_dollars",
            "0",
            "The title's daily figure read in US dollars, as a multiple of the whole year",
            as_dollars,
            "multiple",
            in_dollars,
        ),
        douyin_abroad_entry(data),
        derived(
            "d_two_rates",
            "0",
            f"The title's exchange rate against the table's, for the same {usd_text}",
            title_rate / article_rate,
            "ratio",
            f"{two_rates.evidence} The title's rate, {title_rate:.3f}, is "
            f"{format_percent(title_rate / article_rate)} of the table's, {article_rate:.4f}. "
            f"{rate_bands_sentence(bands, rates)} {together} {rates_if_about}",
            two_rates.verdict,
        ),
    )
    found.tables["daily"] = pd.DataFrame(
        {
            "basis": [
                f"Title: {data.claim('title_daily_revenue')['quote_zh']}",
                f"Article's {format_yuan(cny_printed)} ÷ days",
                f"{usd_text} × {YEAR} average rate ÷ days",
            ],
            "daily_cny": [title, at_article, at_average],
        }
    )
    found.tables["rates"] = pd.DataFrame(
        {
            "rate": [
                "Implied by the title",
                "2024 lowest month",
                "2024 average",
                "2024 highest month",
                "Implied by the table",
            ],
            "cny_per_usd": [
                title_rate,
                rates.lowest.cny_per_usd,
                average.cny_per_usd,
                rates.highest.cny_per_usd,
                article_rate,
            ],
            "shown": [
                found.texts[key]
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
