"""Sentences that state a result in words (a trend, a count of what could be checked) are
worked out from the data, so they change when the data do."""

from __future__ import annotations

from test_captions import with_values

from bytebook.chapters import overseas, recommender
from bytebook.chapters.table_order import nth_most
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
        "Two of the section's nine claims could be checked; each of the others is "
        "unverifiable, and its row says why."
    )


def test_a_place_is_written_in_words_to_the_seventh_then_as_an_ordinal():
    assert [nth_most(place, "largest") for place in (1, 2, 7, 8, 21)] == [
        "largest",
        "second-largest",
        "seventh-largest",
        "8th-largest",
        "21st-largest",
    ]
