"""What the ranking table's order and its two columns say of the article's subject, in words:
the captions of the sorted-revenue chart and the revenue-against-share chart. Each is worked out
from the table as sorted (`rank_ranges.sorted_by_revenue`): an "N+" amount at N, a share at its
printed figure, as both charts draw them."""

from __future__ import annotations

import pandas as pd

from bytebook.numbers import count_words, in_a_list, ordinal

SUBJECT = "ByteDance"
"""The article's subject, whose row the captions place."""

PLACE_WORDS = ("", "second-", "third-", "fourth-", "fifth-", "sixth-", "seventh-")
"""How a place below the first is written before 'largest' or 'smallest'."""


def nth_most(place: int, word: str) -> str:
    """'largest' for place 1, 'second-largest' for 2, …; past the seventh, '8th-largest'."""
    if place < 1:
        raise ValueError(f"a place counts from 1: {place}")
    if place <= len(PLACE_WORDS):
        return f"{PLACE_WORDS[place - 1]}{word}"
    return f"{ordinal(place)}-{word}"


def _place(values: pd.Series, subject: str, largest_first: bool = True) -> int:
    """`subject`'s place among `values`, 1 for the largest (or smallest); tied values share the
    better place."""
    return int(values.rank(method="min", ascending=not largest_first)[subject])


def printed_above_sentence(sorted_table: pd.DataFrame, subject: str = SUBJECT) -> str:
    """Which companies the table prints above `subject` though their figures place them below
    it, and which it prints below `subject` though their figures place them above."""
    rows = sorted_table.set_index("company")
    printed, rank = rows["printed_order"], rows["rank_by_revenue"]
    above = [c for c in rows.index if printed[c] < printed[subject] and rank[c] > rank[subject]]
    below = [c for c in rows.index if printed[c] > printed[subject] and rank[c] < rank[subject]]
    if above and below:
        return (
            f"The printed order puts {in_a_list(above)} above {subject}, and {subject} above "
            f"{in_a_list(below)}."
        )
    if above:
        return f"The printed order puts {in_a_list(above)} above {subject}."
    if below:
        return f"The printed order puts {subject} above {in_a_list(below)}."
    return f"The printed order keeps {subject} in the place its figures give it."


def pairing_sentence(sorted_table: pd.DataFrame, subject: str = SUBJECT) -> str:
    """Where `subject`'s amount, share and the total they imply (amount ÷ share) place it among
    the table's companies."""
    rows = sorted_table.set_index("company")
    totals = rows["overseas_cny"] / rows["share"]
    amount = _place(rows["overseas_cny"], subject)
    share = _place(rows["share"], subject, largest_first=False)
    total = _place(totals, subject)
    return (
        f"{subject} pairs the {nth_most(amount, 'largest')} amount with the "
        f"{nth_most(share, 'smallest')} share, so the group it implies is the "
        f"{nth_most(total, 'largest')} of the {count_words(len(rows))}."
    )
