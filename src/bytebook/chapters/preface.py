"""Preface: the title's 每天7.47亿 against the article's own figures and 2024 exchange rates."""

from __future__ import annotations

import pandas as pd

from bytebook.article import DAYS_IN_YEAR, YEAR
from bytebook.data import CLAIMS_FILE, REFERENCES_FILE, BookData
from bytebook.findings import Findings
from bytebook.fx import implied_rate, year_rates
from bytebook.ledger import PLUS_HEADROOM, RELATIVE_TOLERANCE, Basis, Verdict, derived, judge
from bytebook.units import format_percent, format_usd, format_yi, format_yuan

SECTIONS = ("0",)
"""The article sections whose claims this chapter judges."""

INPUTS = (
    CLAIMS_FILE,
    REFERENCES_FILE,
)
"""The data files its analysis reads (checked by a test that records what it reads)."""


def analyse(data: BookData) -> Findings:
    """Check the title's daily revenue three ways and record the rates it implies."""
    found = Findings()
    days = found.number("days_2024", DAYS_IN_YEAR, str)
    for key, tolerance in (
        ("tol_plain", RELATIVE_TOLERANCE["="]),
        ("tol_approx", RELATIVE_TOLERANCE["≈"]),
        ("tol_plus", PLUS_HEADROOM),
    ):
        found.number(key, tolerance, format_percent, 0)
    usd = data.stated("s1_overseas_revenue")
    cny_printed = data.stated("t_bytedance_overseas_cny")
    title = data.stated("title_daily_revenue")
    rates = year_rates(data.references)
    average = rates.average

    usd_text = format_usd(usd, 0)
    found.number("stated_usd", usd, format_usd, 0)
    found.number("stated_cny", cny_printed, format_yuan)
    at_article = found.number("daily_at_article", cny_printed / days, format_yi, 2)
    daily_avg = average.to_cny(usd) / days
    at_average = found.number("daily_at_2024_average", daily_avg, format_yi, 2)
    found.number("title_daily", title, format_yi, 2)
    found.number("yearly_at_average", average.to_cny(usd), format_yi)
    gap_article = found.number(
        "title_gap_article",
        (title - at_article) / at_article,
        format_percent,
    )
    gap_average = found.number(
        "title_gap_average",
        (title - at_average) / at_average,
        format_percent,
    )
    title_rate = found.number(
        "title_implied_rate",
        implied_rate(title * days, usd),
        "{:.3f}",
    )
    for key, rate in (
        ("fx_average", average),
        ("fx_lowest", rates.lowest),
        ("fx_highest", rates.highest),
    ):
        found.number(key, rate.cny_per_usd, "{:.4f}")
    article_rate = implied_rate(cny_printed, usd)
    found.number("table_implied_rate", article_rate, "{:.4f}")

    found.add(
        judge(
            data.claim("title_daily_revenue"),
            at_article,
            Basis.ARTICLE,
            f"The article's own {format_yi(cny_printed)}元 over the {days:.0f} days of {YEAR} is "
            f"{format_yi(at_article, 2)} a day; the title is {format_percent(gap_article)} off.",
        ),
        derived(
            "d_daily_at_2024_average",
            "0",
            "Daily overseas revenue at the 2024 average exchange rate",
            at_average,
            "CNY/day",
            f"{usd_text} at {average.cny_per_usd} CNY/USD (Federal Reserve H.10, P) over "
            f"{days:.0f} days is {format_yi(at_average, 2)}; the title's {format_yi(title, 2)} is "
            f"{format_percent(gap_average)} off.",
            Verdict.CONTRADICTED if abs(gap_average) > 0.01 else Verdict.SUPPORTED,
            (average.reference_id,),
        ),
        derived(
            "d_title_implied_rate",
            "0",
            "Exchange rate the title's daily figure implies",
            title_rate,
            "CNY/USD",
            f"{format_yi(title, 2)} × {days:.0f} days ÷ {usd_text} = {title_rate:.3f} CNY/USD, "
            f"{rates.position(title_rate)} of the 2024 monthly averages "
            "(Federal Reserve H.10, P).",
            Verdict.SUPPORTED if rates.contains(title_rate) else Verdict.CONTRADICTED,
            rates.reference_ids[1:],
        ),
    )
    found.tables["daily"] = pd.DataFrame(
        {
            "basis": [
                f"Title: {data.claim('title_daily_revenue')['quote_zh']}",
                f"Article's {format_yi(cny_printed)}元 ÷ days",
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
            "kind": ["article", "reference", "reference", "reference", "article"],
        }
    )
    return found
