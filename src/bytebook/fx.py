"""Currency conversion through explicit, sourced exchange rates.

Notebooks never multiply by a bare rate: they take an ExchangeRate built from a row of
data/references.csv, so every conversion names where its rate comes from.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class ExchangeRate:
    """CNY per USD, with the reference row it comes from."""

    cny_per_usd: float
    reference_id: str

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
    return ExchangeRate(float(row["value"]), reference_id)


def implied_rate(cny: float, usd: float) -> float:
    """The CNY-per-USD rate that turns `usd` into `cny`."""
    return cny / usd


def within_range(rate: float, lowest: ExchangeRate, highest: ExchangeRate) -> bool:
    """Whether `rate` lies within the range spanned by two reference rates."""
    return lowest.cny_per_usd <= rate <= highest.cny_per_usd


def describe_position(rate: float, lowest: ExchangeRate, highest: ExchangeRate) -> str:
    """Say in words where `rate` sits against a range of reference rates."""
    if rate < lowest.cny_per_usd:
        return f"below the lowest, {lowest.cny_per_usd},"
    if rate > highest.cny_per_usd:
        return f"above the highest, {highest.cny_per_usd},"
    return f"within the range {lowest.cny_per_usd} to {highest.cny_per_usd}"
