"""What a chapter's analysis returns: glued numbers, ledger rows and tables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from bytebook.ledger import LedgerEntry

Formatter = Callable[..., str] | str
"""How a recorded number reads in prose: a function of the value (and options), such as
numbers.format_percent, or a format string such as "USD {:.2f}"."""


@dataclass
class Findings:
    """A chapter's results. Every number in its prose is one of `numbers`, shown as `texts`."""

    numbers: dict[str, float] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    digits_from: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """For a number whose shown digits follow source figures, those figures as recorded
    (`numbers.justified_digits`); a test holds each text to them."""
    entries: list[LedgerEntry] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    def number(
        self,
        key: str,
        value: float,
        formatter: Formatter,
        *options,
        digits_from: tuple[str, ...] = (),
        **named,
    ) -> float:
        """Record `value` under `key`; the prose shows it as `formatter(value, *options)` (or
        `formatter.format(value)` for a format string), so the value is computed only once.
        `digits_from`: the source figures, as recorded, whose digits the text may show."""
        if key in self.numbers:
            raise ValueError(f"number '{key}' is recorded twice")
        if isinstance(formatter, str):
            text = formatter.format(value)
        else:
            text = formatter(value, *options, **named)
        self.numbers[key] = float(value)
        self.texts[key] = text
        if digits_from:
            self.digits_from[key] = tuple(digits_from)
        return float(value)

    def add(self, *entries: LedgerEntry) -> None:
        """Add ledger rows."""
        self.entries.extend(entries)

    def merge(self, *parts: Findings) -> Findings:
        """Take in the numbers, rows and tables of `parts`; a key recorded twice is an error."""
        for part in parts:
            for key, value in part.numbers.items():
                if key in self.numbers:
                    raise ValueError(f"number '{key}' is recorded twice")
                self.numbers[key] = value
                self.texts[key] = part.texts[key]
                if key in part.digits_from:
                    self.digits_from[key] = part.digits_from[key]
            for name, table in part.tables.items():
                if name in self.tables:
                    raise ValueError(f"table '{name}' is recorded twice")
                self.tables[name] = table
            self.entries.extend(part.entries)
        return self
