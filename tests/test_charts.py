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
