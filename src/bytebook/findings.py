"""What a chapter's analysis returns: glued numbers, ledger rows and tables."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from bytebook.ledger import LedgerEntry


@dataclass
class Findings:
    """A chapter's results. Every number in its prose is one of `numbers`, shown as `texts`."""

    numbers: dict[str, float] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    entries: list[LedgerEntry] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    def number(self, key: str, value: float, text: str) -> float:
        """Record a number under `key`, with the text the prose shows for it."""
        if key in self.numbers:
            raise ValueError(f"number '{key}' is recorded twice")
        self.numbers[key] = float(value)
        self.texts[key] = text
        return float(value)

    def add(self, *entries: LedgerEntry) -> None:
        """Add ledger rows."""
        self.entries.extend(entries)
