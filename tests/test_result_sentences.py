"""Sentences that state a result in words (a trend, a count of what could be checked) are
worked out from the data, so they change when the data do."""

from __future__ import annotations

import pandas as pd
import pytest
from test_captions import with_values

from bytebook.chapters import overseas, recommender
from bytebook.chapters.table_order import nth_most, pairing_sentence, printed_above_sentence
from bytebook.numbers import count_words
from bytebook.paths import BOOK_DIR


def test_meta_s_losses_after_the_year_the_article_matches_are_told_as_they_moved(data):
    """The article's USD 13 bn lies nearest 2022's 13.72 bn; 16.12 and 17.73 follow, each
    larger. With 2023 at 18 bn the losses no longer grow each year."""
    losses = [data.reference(f"meta_rl_loss_{year}") for year in (2022, 2023, 2024)]
    assert min(losses, key=lambda loss: abs(loss - 13e9)) == losses[0]
    assert losses[0] < losses[1] < losses[2]
    sentence = overseas.analyse(data).texts["meta_since"]
    assert sentence.endswith("out of date: Meta's losses grew each year after.")
    moved = with_values(data, "references", {"meta_rl_loss_2023": 18e9})
    assert (
        overseas.analyse(moved)
        .texts["meta_since"]
        .endswith("out of date: Meta's loss moved from year to year after 2022.")
    )


def test_the_recommender_box_counts_the_section_s_claims_a_verdict_settles(data, ledger_rows):
    """The box opens with what the section's rows show: none of the claims of section 2.2 has
    a verdict other than unverifiable, so nothing could be checked."""
    claims = [r for r in ledger_rows if r["section"] == "2.2" and r["kind"] == "stated"]
    assert claims and all(r["verdict"] == "unverifiable" for r in claims)
    assert recommender.analyse(data).numbers["claims_checked"] == 0
    page = (BOOK_DIR / "recommender.md").read_text(encoding="utf-8")
    assert "{glue:text}`claims_checked_text`" in page.split("What holds and what does not")[1]
    assert recommender.checked_sentence(0, len(claims)).startswith(
        "Nothing in this section could be checked"
    )
    assert recommender.checked_sentence(2, 9) == (
        "Two of the section's nine claims could be checked; the other seven are unverifiable, "
        "and their rows say why."
    )


def test_a_place_is_written_in_words_to_the_seventh_then_as_an_ordinal():
    assert [nth_most(place, "largest") for place in (1, 2, 7, 8, 21)] == [
        "largest",
        "second-largest",
        "seventh-largest",
        "8th-largest",
        "21st-largest",
    ]


def test_the_count_of_checked_claims_reads_right_for_one_some_and_all():
    """Singular and plural, none, some and all: the words add up to the count of claims."""
    assert recommender.checked_sentence(0, 1) == (
        "Nothing in this section could be checked: its one claim is unverifiable, and its row "
        "says why."
    )
    assert recommender.checked_sentence(0, 9) == (
        "Nothing in this section could be checked: each of its nine claims is unverifiable, "
        "and its row says why."
    )
    assert recommender.checked_sentence(8, 9) == (
        "Eight of the section's nine claims could be checked; the other one is unverifiable, "
        "and its row says why."
    )
    all_nine = "All nine of the section's claims could be checked."
    assert recommender.checked_sentence(9, 9) == all_nine
    assert recommender.checked_sentence(1, 1) == "The section's one claim could be checked."
    for checked, claims in ((3, 2), (-1, 2), (0, 0)):
        with pytest.raises(ValueError, match="checked"):
            recommender.checked_sentence(checked, claims)


LOSSES = {2022: 13.72e9, 2023: 16.12e9, 2024: 17.73e9}
"""Meta's Reality Labs losses as its 10-K gives them, in US dollars."""


def test_meta_s_losses_are_told_year_by_year_only_where_every_year_is_recorded():
    since = overseas.meta_since_sentence
    assert since(LOSSES, 2024, 2024) == "That is 2024, the year of ByteDance's figures."
    assert since(LOSSES, 2024, 2022) == (
        "The figure is nearest the loss of 2024, a later year than ByteDance's 2022."
    )
    flat = dict.fromkeys(LOSSES, 13e9)
    assert since(flat, 2022, 2024).endswith("Meta's loss stayed the same each year after 2022.")
    falling = {2022: 18e9, 2023: 17e9, 2024: 16e9}
    assert since(falling, 2022, 2024).endswith("Meta's losses shrank each year after.")
    gap = {2022: 13.72e9, 2024: 17.73e9}
    assert since(gap, 2022, 2024).endswith("Meta's loss of 2024 is larger than that of 2022.")
    with pytest.raises(ValueError, match="2025"):
        since(LOSSES, 2022, 2025)


def _printed_and_sorted(amounts: dict[str, float]) -> pd.DataFrame:
    """A table in the printed order of `amounts`, with each company's rank by amount."""
    ranks = {c: 1 + sum(a > amounts[c] for a in amounts.values()) for c in amounts}
    return pd.DataFrame(
        {
            "company": list(amounts),
            "printed_order": range(1, len(amounts) + 1),
            "rank_by_revenue": [ranks[c] for c in amounts],
        }
    )


def test_the_printed_order_sentence_names_companies_misplaced_on_both_sides():
    """Printed A, ByteDance, B with amounts 1, 2, 3: A is printed above though smaller, and B
    below though larger."""
    both = _printed_and_sorted({"A": 1, "ByteDance": 2, "B": 3})
    assert printed_above_sentence(both) == (
        "The printed order puts A above ByteDance, and ByteDance above B."
    )
    below = _printed_and_sorted({"ByteDance": 2, "B": 3})
    assert printed_above_sentence(below) == "The printed order puts ByteDance above B."
    kept = _printed_and_sorted({"B": 3, "ByteDance": 2})
    assert printed_above_sentence(kept).endswith("in the place its figures give it.")


def test_a_place_or_a_count_below_its_first_value_is_refused():
    with pytest.raises(ValueError, match="place"):
        nth_most(0, "largest")
    with pytest.raises(ValueError, match="negative"):
        count_words(-1)


def test_a_tie_shares_the_better_place():
    """ByteDance's amount tied with A's at the top is the largest, not the second-largest; its
    share, the smallest of three, is the smallest; 10 ÷ 10% = 100 is the largest total."""
    table = pd.DataFrame(
        {
            "company": ["A", "ByteDance", "B"],
            "overseas_cny": [10.0, 10.0, 5.0],
            "share": [0.5, 0.1, 0.2],
        }
    )
    assert pairing_sentence(table) == (
        "ByteDance pairs the largest amount with the smallest share, so the group it implies is "
        "the largest of the three."
    )


def test_a_year_is_set_before_after_or_in_the_article_s_year_in_words():
    """2022's loss is two years before 2024; 2023's a year before; 2025's a year after."""
    words = {before: overseas.years_apart_words(before) for before in (2, 1, 0, -1, -3)}
    assert words == {
        2: "two years before",
        1: "a year before",
        0: "in",
        -1: "a year after",
        -3: "three years after",
    }
