"""Chart builders that reshape their data: the values drawn are the values given."""

from __future__ import annotations

import pandas as pd

from bytebook import charts


def drawn_rows(chart) -> list[dict]:
    """The data rows a chart carries, whichever dataset holds them."""
    spec = chart.to_dict()
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def test_paired_dots_draws_each_series_divided_once():
    frame = pd.DataFrame(
        {"company": ["A", "B"], "printed": [1.5e11, 3e10], "filed": [2e11, 4.5e10]}
    )
    chart = charts.paired_dots(
        frame, "company", {"Article": "printed", "Filed": "filed"}, value_title="亿元", divisor=1e8
    )
    drawn = {(row["company"], row["figure"]): row["value"] for row in drawn_rows(chart)}
    assert drawn == {
        ("A", "Article"): 1500,
        ("B", "Article"): 300,
        ("A", "Filed"): 2000,
        ("B", "Filed"): 450,
    }


def test_a_description_names_every_row_in_order():
    frame = pd.DataFrame({"quarter": ["Q1", "Q2"], "cpm": [6.524, 7.1]})
    text = charts.describe("Bar chart of CPMs", frame, "{quarter} USD {cpm:.2f}")
    assert text == "Bar chart of CPMs: Q1 USD 6.52; Q2 USD 7.10."


def test_the_scorecard_description_skips_empty_verdicts():
    from bytebook.scorecard import describe

    card = pd.DataFrame(
        {"supported": [2, 0], "unverifiable": [0, 3], "total": [2, 3]}, index=["Title", "1 一"]
    )
    assert describe(card) == (
        "Stacked bar chart of verdicts per section: Title: 2 supported; 1 一: 3 unverifiable."
    )


def test_a_dumbbell_hides_its_connecting_rule_from_screen_readers():
    frame = pd.DataFrame({"company": ["A"], "printed": [1.0], "filed": [2.0]})
    spec = charts.paired_dots(
        frame, "company", {"Article": "printed", "Filed": "filed"}, value_title="x"
    ).to_dict()
    marks = [layer["mark"] for layer in spec["layer"]]
    assert [m["type"] for m in marks] == ["rule", "point"]
    assert marks[0].get("aria") is False and "aria" not in marks[1]
