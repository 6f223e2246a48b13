"""The exchange rate behind the table's USD-to-yuan conversion, against 2024's rates."""

from __future__ import annotations

import re

from bytebook.article import DAYS_IN_YEAR, YEAR
from bytebook.chapters import preface
from bytebook.checks import claim_band, recorded_words, reference_band
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.fx import YEAR_RATE_REFERENCES, YearRates, year_rates
from bytebook.ledger import (
    Basis,
    decided_by,
    derived,
    finding,
    finding_entry,
    signed_gap,
    worked_in_band,
    working,
)
from bytebook.numbers import (
    as_recorded,
    format_billion,
    format_percent,
    format_usd,
    format_yuan,
    money,
)
from bytebook.policy import CONVERSION_READING, Interval, span, worked_gap


def _printed_number(data: BookData, claim_id: str) -> str:
    """A claim's number as the article prints it, without its unit: '2855' of '2855 亿元'."""
    return re.match(r"[\d.,]+", data.claims.at[claim_id, "quote_zh"]).group()


def check_rate(data: BookData, usd: float, cny: float, rate: float) -> Findings:
    """The rate behind the table's USD-to-yuan conversion against the year's rates."""
    found = Findings()
    rates = year_rates(data.references)
    average, lowest, highest = rates.average, rates.lowest, rates.highest
    found.number("stated_usd", usd, format_usd, 0)
    found.number("stated_cny", cny, format_yuan)
    recorded = data.references.loc[YEAR_RATE_REFERENCES[0], "value_text"]
    found.number("fx_average", average.cny_per_usd, as_recorded, recorded, digits_from=(recorded,))
    found.number("table_rate", rate, "{:.4f}")
    gap = found.number("table_rate_gap", signed_gap(rate, average.cny_per_usd), format_percent)
    at_average = found.number("bytedance_cny_at_average", average.to_cny(usd), format_yuan)
    rate_band = claim_band(data, "t_bytedance_overseas_cny") / claim_band(
        data, "t_bytedance_overseas"
    )
    found.number("table_rate_low", rate_band.low, "{:.3f}")
    found.number("table_rate_high", rate_band.high, "{:.3f}")
    found.number("table_rate_side", gap, lambda g: "above" if g > 0 else "below")
    found.number("table_rate_place", rate, lambda r: preface.rate_point_place(r, rates))
    found.number(
        "table_rate_band_place", rate_band.mid, lambda _: preface.rate_band_clause(rate_band, rates)
    )
    rate_check = preface.year_rate_finding(
        rate_band,
        rates,
        f"{format_yuan(cny)} ÷ {money(usd, 'USD')} = {rate:.4f} CNY/USD ({rate_band.low:.3f} to "
        f"{rate_band.high:.3f} at the printed precision of "
        f"{_printed_number(data, 't_bytedance_overseas_cny')} "
        f"and {_printed_number(data, 't_bytedance_overseas')}: {CONVERSION_READING}); "
        f"as a point, {format_percent(gap)} from the 2024 average {average.cny_per_usd} "
        f"(Federal Reserve H.10, P) and {rates.position(rate)} of the 2024 monthly averages.",
    )
    usd_band = reference_band(data, "bd_intl_2024") * average.cny_per_usd
    usd_band_at_months = reference_band(data, "bd_intl_2024") * Interval(
        lowest.cny_per_usd, highest.cny_per_usd
    )
    cny_band = claim_band(data, "t_bytedance_overseas_cny")
    usd_printed = claim_band(data, "t_bytedance_overseas")
    found.add(
        working(
            "d_table_rate_point",
            "4",
            "The exchange rate behind the table's conversion, as a point",
            rate,
            "CNY/USD",
            f"{format_yuan(cny)} ÷ {money(usd, 'USD')} = {rate:.4f} CNY/USD, the rate the printed "
            "figures give as written; the band their printed precision allows decides whether "
            "it is a 2024 rate, in a row of its own.",
        ),
        working(
            "d_bytedance_cny_at_average",
            "4",
            f"ByteDance's {format_usd(usd, 0)} at the 2024 average rate",
            at_average,
            "CNY",
            f"USD {format_billion(usd, 0)} ({data.cite('bd_intl_2024')}) × {average.cny_per_usd} "
            f"CNY/USD (the {YEAR} average, Federal Reserve H.10, P) = {format_yuan(at_average)}: "
            "one rate among the year's, so it decides nothing; the table's conversion is judged "
            f"against {YEAR}'s range of monthly averages.",
            ("bd_intl_2024", average.reference_id),
        ),
        working(
            "d_table_rate_low",
            "4",
            "Low end of the exchange rate behind the table's conversion",
            rate_band.low,
            "CNY/USD",
            f"{format_yuan(cny_band.low, 1)} ÷ {money(usd_printed.high, 'USD')} (the printed "
            f"{format_yuan(cny)} and {data.claims.at['t_bytedance_overseas', 'quote_zh']} at their "
            "printed precision) = "
            f"{rate_band.low:.3f} CNY/USD.",
        ),
        working(
            "d_table_rate_high",
            "4",
            "High end of the exchange rate behind the table's conversion",
            rate_band.high,
            "CNY/USD",
            f"{format_yuan(cny_band.high, 1)} ÷ {money(usd_printed.low, 'USD')} (the printed "
            f"{format_yuan(cny)} and {data.claims.at['t_bytedance_overseas', 'quote_zh']} at their "
            "printed precision) = "
            f"{rate_band.high:.3f} CNY/USD.",
        ),
        working(
            "d_table_rate_gap",
            "4",
            "The table's exchange rate against the 2024 average",
            gap,
            "ratio",
            f"{rate:.4f} (the rate the table's conversion implies) ÷ {average.cny_per_usd} "
            "(Federal Reserve H.10, "
            f"P) − 1 = {format_percent(gap)}.",
            (average.reference_id,),
        ),
        worked_in_band(
            derived(
                "d_table_implied_rate",
                "4",
                "Exchange rate behind the table's conversion of USD into yuan",
                rate,
                "CNY/USD",
                f"{rate_check.evidence} {preface.rates_together_note(data, rates, 'title')}",
                rate_check.verdict,
                (average.reference_id, lowest.reference_id, highest.reference_id),
            ),
            rate_band,
        ),
        decided_by(
            finding_entry(
                data.claim("t_bytedance_overseas_cny"),
                finding(
                    data.claim("t_bytedance_overseas_cny"),
                    usd_band_at_months,
                    Basis.SOURCE,
                    f"ByteDance's reported revenue abroad ({data.cite('bd_intl_2024')}), "
                    f"{recorded_words(data, 'bd_intl_2024')}, × 2024's monthly averages, "
                    f"{lowest.cny_per_usd:.4f} to {highest.cny_per_usd:.4f} CNY/USD "
                    f"(Federal Reserve H.10, P; a 2024 rate is one between them), is "
                    f"{span(usd_band_at_months, format_yuan)}; the printed {format_yuan(cny)} "
                    f"{'misses it' if usd_band_at_months.distance(cny_band) else 'lies within it'}"
                    f" (the rate the printed pair implies, {rate:.4f} CNY/USD as a point, lies "
                    f"{rates.position(rate)} of the 2024 monthly averages; at the printed "
                    f"precision it is {rate_band.low:.3f} to {rate_band.high:.3f}, which "
                    f"{preface.rate_band_clause(rate_band, rates)}: a row of its own). "
                    f"At the 2024 average of {average.cny_per_usd}, USD {format_billion(usd, 0)} "
                    f"would be {format_yuan(at_average)} and its band "
                    f"{span(usd_band, format_yuan)}; the rate the conversion implies lies "
                    "{} from that average at its nearer end ({}); ".format(
                        *worked_gap(rate_band, Interval.exact(average.cny_per_usd), "CNY/USD")[:2]
                    )
                    + f"{CONVERSION_READING}. {_title_note(data, cny, rates)}",
                    ("bd_intl_2024", *rates.reference_ids),
                ),
                None,
            ),
            usd_band_at_months,
        ),
    )
    return found


def _title_note(data: BookData, cny: float, rates: YearRates) -> str:
    """Where the title's daily figure, which this yearly one does not give, is judged, and why
    there and not here; whether the two can convert the dollar figure at one rate of the year
    (`preface.dollar_figures`)."""
    title = data.claims.at["title_daily_revenue", "quote_zh"]
    usd = format_usd(data.stated("t_bytedance_overseas"), 0)
    figures = preface.dollar_figures(data, rates)
    if figures["both"]:
        rate = f"both convert {usd} at one {YEAR} rate for some readings of it"
    elif figures["title"] and figures["table"]:
        rate = f"each fits {usd} at a {YEAR} rate, but no one reading of {usd} fits both"
    else:
        rate = f"at most one of them converts {usd} at a {YEAR} rate"
    return (
        f"The title's {title} does not follow from it ({format_yuan(cny)} ÷ {DAYS_IN_YEAR} days "
        f"= {format_yuan(cny / DAYS_IN_YEAR, 2)} a day): {rate} (a row of its own). The book "
        "checks a daily figure against the article's yearly total, so the title's row carries "
        "that finding."
    )
