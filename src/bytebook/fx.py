"""Currency conversion through explicit, sourced exchange rates.

Notebooks never multiply by a bare rate: they take an ExchangeRate built from a row of
data/references.csv, so every conversion names where its rate comes from.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from bytebook.numbers import as_recorded


@dataclass(frozen=True)
class ExchangeRate:
    """CNY per USD, with the reference row it comes from and the rate as that row records it
    (`recorded`, '7.0760': a text never gets a digit the reference lacks)."""

    cny_per_usd: float
    reference_id: str
    recorded: str = ""

    @property
    def text(self) -> str:
        """The rate at the decimals its reference records it with (`numbers.as_recorded`), or
        as the number is when no row gave it."""
        if not self.recorded:
            return f"{self.cny_per_usd:g}"
        return as_recorded(self.cny_per_usd, self.recorded)

    def __post_init__(self) -> None:
        if not self.cny_per_usd > 0:
            raise ValueError(f"exchange rate {self.reference_id} must be positive")

    def to_cny(self, usd: float) -> float:
        """Convert a USD amount into CNY."""
        return usd * self.cny_per_usd


def rate_from_references(references: pd.DataFrame, reference_id: str) -> ExchangeRate:
    """Build the ExchangeRate stored as `reference_id` in the references table."""
    if reference_id not in references.index:
        raise KeyError(f"no reference '{reference_id}' in data/references.csv")
    row = references.loc[reference_id]
    if row["unit"] != "CNY/USD":
        raise ValueError(f"reference '{reference_id}' is in {row['unit']}, not CNY/USD")
    return ExchangeRate(float(row["value"]), reference_id, str(row["value_text"]))


def implied_rate(cny: float, usd: float) -> float:
    """The CNY-per-USD rate that turns `usd` into `cny`."""
    return cny / usd


def within_range(rate: float, lowest: ExchangeRate, highest: ExchangeRate) -> bool:
    """Whether `rate` lies within the range spanned by two reference rates."""
    return lowest.cny_per_usd <= rate <= highest.cny_per_usd


def describe_position(rate: float, lowest: ExchangeRate, highest: ExchangeRate) -> str:
    """Say in words where `rate` sits against a range of reference rates."""
    if rate < lowest.cny_per_usd:
        return f"below the lowest, {lowest.text},"
    if rate > highest.cny_per_usd:
        return f"above the highest, {highest.text},"
    return f"within the range {lowest.text} to {highest.text}"


YEAR_RATE_REFERENCES = ("fx_2024_avg_fed", "fx_2024_min_month_fed", "fx_2024_max_month_fed")
"""The article year's average rate and its lowest and highest monthly averages (Federal Reserve
H.10), as rows of data/references.csv."""


@dataclass(frozen=True)
class YearRates:
    """The article year's average exchange rate and the range of its monthly averages."""

    average: ExchangeRate
    lowest: ExchangeRate
    highest: ExchangeRate

    @property
    def reference_ids(self) -> tuple[str, str, str]:
        """The references.csv rows the three rates come from."""
        return (self.average.reference_id, self.lowest.reference_id, self.highest.reference_id)

    def contains(self, rate: float) -> bool:
        """Whether `rate` lies within the year's monthly range."""
        return within_range(rate, self.lowest, self.highest)

    def position(self, rate: float) -> str:
        """Where `rate` sits against the year's monthly range, in words."""
        return describe_position(rate, self.lowest, self.highest)

    def band_place(self, low: float, high: float) -> str:
        """Where a band of rates [low, high] lies against the year's monthly range: 'below',
        'above' (it misses the range), 'low end', 'high end' (it reaches the range across that
        end), 'inside' or 'across' (it holds the whole range)."""
        if low > high:
            raise ValueError(f"not a band of rates: {low} to {high}")
        bottom, top = self.lowest.cny_per_usd, self.highest.cny_per_usd
        if high < bottom:
            return "below"
        if low > top:
            return "above"
        if low < bottom and high > top:
            return "across"
        if low < bottom:
            return "low end"
        if high > top:
            return "high end"
        return "inside"


def year_rates(references: pd.DataFrame) -> YearRates:
    """The article year's average rate and monthly range, read once from the references."""
    average, lowest, highest = (rate_from_references(references, i) for i in YEAR_RATE_REFERENCES)
    return YearRates(average, lowest, highest)

