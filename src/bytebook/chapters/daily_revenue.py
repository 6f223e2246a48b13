"""The preface's title, 每天7.47亿, against the article's yuan total and dollars at 2024 rates."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bytebook.article import DAYS_IN_YEAR, YEAR
from bytebook.checks import claim_band, reference_band
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.fx import YearRates, implied_rate, year_rates
from bytebook.ledger import READ_AS_CONVERSION, Basis, LedgerEntry, finding, judge_findings, working
from bytebook.numbers import count, format_percent, format_usd, format_yuan, significant, usd
from bytebook.policy import (
    APPROX_TEXT,
    CONVERSION_READING,
    Interval,
    compare,
    grade,
    printed_interval,
    relative_gap,
    span,
    verdict_for,
    worked_gap,
)


@dataclass(frozen=True)
class TitleFigures:
    """The title's daily figure and what it is checked against; properties derive the rest."""

    days: float
    """The days of the year (`DAYS_IN_YEAR`)."""
    rates: YearRates
    """The year's average rate and its lowest and highest monthly averages."""
    title: float
    """The title's daily figure, in yuan (title_daily_revenue)."""
    overseas_usd: float
    """The article's overseas revenue for the year, in dollars (s1_overseas_revenue)."""
    cny_printed: float
    """The table's yuan total for the year (t_bytedance_overseas_cny)."""
    title_band: Interval
    """The title's daily figure at its printed precision."""
    cny_band: Interval
    """The table's yuan total at its printed precision."""
    table_usd_band: Interval
    """The table's dollar figure, which that yuan total converts, at its printed precision."""
    usd_band: Interval
    """The reference's dollar total (bd_intl_2024) at its recorded digits."""

    @property
    def usd_text(self) -> str:
        """The dollar total in words: 'USD 39 bn'."""
        return format_usd(self.overseas_usd, 0)

    @property
    def at_article(self) -> float:
        """The table's yuan total a day."""
        return self.cny_printed / self.days

    @property
    def at_average(self) -> float:
        """The dollar total a day at the year's average rate."""
        return self.rates.average.to_cny(self.overseas_usd) / self.days

    @property
    def article_gap(self) -> float:
        """How far the title lies from the table's yuan total a day, as a fraction of it."""
        return (self.title - self.at_article) / self.at_article

    @property
    def average_gap(self) -> float:
        """How far the title lies from the dollars a day at the average rate, as a fraction."""
        return (self.title - self.at_average) / self.at_average

    @property
    def title_rate(self) -> float:
        """The rate the title implies: its figure over the year ÷ the dollar total."""
        return implied_rate(self.title * self.days, self.overseas_usd)

    @property
    def article_rate(self) -> float:
        """The rate the table implies: its yuan total ÷ the dollar total."""
        return implied_rate(self.cny_printed, self.overseas_usd)

    @property
    def as_dollars(self) -> float:
        """The title read in dollars over the year, as a multiple of the dollar total."""
        return self.title * self.days / self.overseas_usd

    @property
    def article_band(self) -> Interval:
        """The table's yuan total a day, at its printed precision."""
        return self.cny_band / self.days

    @property
    def source_band(self) -> Interval:
        """The reference's dollar total a day at the year's average rate."""
        return self.usd_band * self.rates.average.cny_per_usd / self.days

    @property
    def year_band(self) -> Interval:
        """The reference's dollar total a day across the year's monthly averages."""
        months = Interval(self.rates.lowest.cny_per_usd, self.rates.highest.cny_per_usd)
        return self.usd_band * months / self.days

    @property
    def rate_band(self) -> Interval:
        """The rates the title implies, at the printed precision of both figures."""
        return self.title_band * self.days / self.usd_band

    @property
    def table_rate_band(self) -> Interval:
        """The rates the table's conversion implies, at its printed precision."""
        return self.cny_band / self.table_usd_band

    @property
    def rate_bands(self) -> dict[str, Interval]:
        """The title's and the table's bands of rates, keyed by whose they are."""
        return {"title": self.rate_band, "table": self.table_rate_band}


def title_figures(data: BookData) -> TitleFigures:
    """The title's daily figure and the article's and the references' figures beside it."""
    return TitleFigures(
        days=float(DAYS_IN_YEAR),
        rates=year_rates(data.references),
        title=data.stated("title_daily_revenue"),
        overseas_usd=data.stated("s1_overseas_revenue"),
        cny_printed=data.stated("t_bytedance_overseas_cny"),
        title_band=claim_band(data, "title_daily_revenue"),
        cny_band=claim_band(data, "t_bytedance_overseas_cny"),
        table_usd_band=claim_band(data, "t_bytedance_overseas"),
        usd_band=reference_band(data, "bd_intl_2024"),
    )


def _above_or_below(gap: float) -> str:
    """'4.2% below' for −0.042, '1.0% above' for 0.01."""
    return f"{format_percent(abs(gap))} {'below' if gap < 0 else 'above'}"


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


def record_daily_figures(found: Findings, figures: TitleFigures) -> None:
    """The article's totals, what they give a day, and the title's gaps and implied rate."""
    found.number("stated_usd", figures.overseas_usd, format_usd, 0)
    found.number("title_as_count", figures.title, count)
    found.number("stated_cny", figures.cny_printed, format_yuan)
    found.number("daily_at_article", figures.at_article, format_yuan, 2)
    found.number("daily_at_2024_average", figures.at_average, format_yuan, 2)
    found.number("title_daily", figures.title, format_yuan, 2)
    average = figures.rates.average
    found.number("yearly_at_average", average.to_cny(figures.overseas_usd), format_yuan)
    found.number("title_gap_article", figures.article_gap, _above_or_below)
    found.number("title_gap_average", figures.average_gap, format_percent)
    found.number("title_implied_rate", figures.title_rate, "{:.3f}")


def record_daily_bands(found: Findings, figures: TitleFigures) -> None:
    """The daily bands the dollar total gives at the year's rates, and the title's rate band."""
    year_band, source_band, rate_band = figures.year_band, figures.source_band, figures.rate_band
    found.number("daily_year_low", year_band.low, format_yuan, 2)
    found.number("daily_year_high", year_band.high, format_yuan, 2)
    found.number(
        "daily_year_clause",
        year_band.contains(figures.title),
        lambda inside: (
            f"{'but within' if inside else 'and outside'} the {format_yuan(year_band.low, 2)} to "
            f"{format_yuan(year_band.high, 2)} that {YEAR}'s range of monthly rates gives with "
            "the USD total read at its recorded digits (to half a billion either side)"
        ),
    )
    found.number("usd_band_low", figures.usd_band.low, usd)
    found.number("usd_band_high", figures.usd_band.high, usd)
    found.number("daily_band_low", source_band.low, format_yuan, 2)
    found.number("daily_band_high", source_band.high, format_yuan, 2)
    found.number("title_rate_low", rate_band.low, "{:.3f}")
    found.number("title_rate_high", rate_band.high, "{:.3f}")


def record_title_gaps(found: Findings, data: BookData, figures: TitleFigures) -> None:
    """The title's gaps from the yuan total read as 'about' and from the average-rate band."""
    title_band, days, source_band = figures.title_band, figures.days, figures.source_band
    found.number(
        "title_about_reading",
        relative_gap(title_band, yuan_total_as_about(data) / days),
        lambda _: about_reading_sentence(data, title_band, days),
    )
    found.number(
        "title_gap_band",
        relative_gap(title_band, source_band),
        lambda _: title_band_gap_words(title_band, source_band),
    )


def daily_workings(figures: TitleFigures) -> list[LedgerEntry]:
    """The working rows of the title against the daily figures and of the rates it implies."""
    days, title, at_article = figures.days, figures.title, figures.at_article
    title_band, source_band, rate_band = figures.title_band, figures.source_band, figures.rate_band
    average, usd_text = figures.rates.average, figures.usd_text
    usd_low, usd_high = (format_usd(v, 1) for v in (figures.usd_band.low, figures.usd_band.high))
    rate_words = f"the {YEAR} average {average.cny_per_usd} CNY/USD (Federal Reserve H.10, P)"
    title_low, title_high = (format_yuan(v, 3) for v in (title_band.low, title_band.high))
    return [
        working(
            "d_daily_at_article",
            "0",
            "Daily overseas revenue from the article's own yuan total",
            at_article,
            "CNY/day",
            f"{format_yuan(figures.cny_printed)} (the table) ÷ {days:.0f} days = "
            f"{format_yuan(at_article, 2)} a day.",
        ),
        working(
            "d_title_gap_article",
            "0",
            "The title's daily figure against the article's own yuan total a day",
            figures.article_gap,
            "ratio",
            f"({format_yuan(title, 2)} − {format_yuan(at_article, 2)}) ÷ "
            f"{format_yuan(at_article, 2)} "
            "(the article's own yuan total a day) = "
            f"{format_percent(figures.article_gap)}.",
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
    ]


def title_verdict(data: BookData, figures: TitleFigures) -> LedgerEntry:
    """The title's row: against the yuan total a day and the dollars a day at 2024's rates."""
    days, rates, at_article = figures.days, figures.rates, figures.at_article
    title_band, source_band, year_band = figures.title_band, figures.source_band, figures.year_band
    at_average, average = figures.at_average, rates.average
    yi = lambda v: format_yuan(v, 2)  # noqa: E731
    claim = data.claim("title_daily_revenue")
    at_printed = span(figures.article_band, yi)
    at_printed = "the same" if at_printed == format_yuan(at_article, 2) else at_printed
    at_digits = finding(
        claim,
        figures.article_band,
        Basis.ARTICLE,
        f"The article's own {format_yuan(figures.cny_printed)} over the {days:.0f} days of "
        f"{YEAR} is {format_yuan(at_article, 2)} a day ({at_printed} at its printed precision: "
        f"{CONVERSION_READING}). {article_year_sentence(data, title_band)}",
    )
    about = about_reading_sentence(data, title_band, days)
    findings = [
        replace(at_digits, evidence=f"{at_digits.evidence} {about}."),
        finding(
            claim,
            year_band,
            Basis.SOURCE,
            f"{figures.usd_text} ({data.cite('bd_intl_2024')}) at {YEAR}'s rates over "
            f"{days:.0f} days is {span(year_band, yi)} a day: a {YEAR} rate is one between the "
            f"year's lowest and highest monthly averages ({rates.lowest.text} to "
            f"{rates.highest.text} CNY/USD, Federal Reserve H.10, P; the methods "
            f"page's rule), and {span(figures.usd_band, lambda v: format_usd(v, 1))} × that "
            f"range ÷ {days:.0f} days gives "
            f"{span(year_band, yi)}. At the annual average {average.cny_per_usd} alone it "
            f"would be {format_yuan(at_average, 2)} ({span(source_band, yi)}), which the title "
            f"misses by {format_percent(relative_gap(title_band, source_band))}; the average "
            "is one rate among the year's, not the only 2024 rate.",
            ("bd_intl_2024", *rates.reference_ids),
        ),
    ]
    return judge_findings(claim, findings, at_article, currency_reading(data, figures))


def currency_reading(data: BookData, figures: TitleFigures) -> str:
    """Why the title, which names no currency, is read as yuan, for the title's row."""
    return (
        "The title names no currency; it is read as yuan (元), the currency of the article's "
        f"table: read in US dollars, its {data.claims.at['title_daily_revenue', 'quote_zh']} "
        f"would be {usd(figures.title)} a day, "
        f"{significant(figures.as_dollars, 2)} times the {figures.usd_text} of the whole year."
    )


def year_rate_workings(data: BookData, figures: TitleFigures) -> list[LedgerEntry]:
    """The working rows of the dollar total a day at the year's average and monthly rates."""
    days, title, rates = figures.days, figures.title, figures.rates
    source_band, year_band, at_average = figures.source_band, figures.year_band, figures.at_average
    average, usd_text = rates.average, figures.usd_text
    yi = lambda v: format_yuan(v, 2)  # noqa: E731
    usd_low, usd_high = (format_usd(v, 1) for v in (figures.usd_band.low, figures.usd_band.high))
    daily_finding = compare(
        figures.title_band,
        source_band,
        Basis.SOURCE,
        f"{usd_text} at {average.cny_per_usd} CNY/USD (Federal Reserve H.10, P) over "
        f"{days:.0f} days is {format_yuan(at_average, 2)} ({span(source_band, yi)} at the "
        f"printed precision of {usd_text}); the title's {format_yuan(title, 2)} is "
        f"{_above_or_below(figures.average_gap)} that middle.",
        unit=data.claim("title_daily_revenue")["unit"],
    )
    return [
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
    ]


def title_in_dollars_entry(data: BookData, figures: TitleFigures) -> LedgerEntry:
    """The working row of the title read in dollars, a multiple of the whole year's revenue."""
    return working(
        "d_title_in_dollars",
        "0",
        "The title's daily figure read in US dollars, as a multiple of the whole year",
        figures.as_dollars,
        "multiple",
        f"The title names no currency. Read in US dollars, its "
        f"{data.claims.at['title_daily_revenue', 'quote_zh']} is {usd(figures.title)} a day, "
        f"which over {figures.days:.0f} days is {significant(figures.as_dollars, 2)} times the "
        f"{figures.usd_text} the article "
        "gives for the whole year, so the title cannot mean dollars; the book reads it as yuan "
        "(元), the currency of the article's table. The article claims no dollar figure here.",
    )
