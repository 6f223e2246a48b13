"""The article's scorecard: how many claims of each section got each verdict."""

from __future__ import annotations

import pandas as pd

from bytebook.article import SECTION_TITLES
from bytebook.ledger import Verdict

PENDING = "not yet checked"
VERDICT_ORDER = [v.value for v in Verdict] + [PENDING]


def scorecard(ledger: pd.DataFrame, kind: str = "stated") -> pd.DataFrame:
    """Counts of each verdict per section (rows in article order, columns in verdict order)."""
    rows = ledger[ledger["kind"] == kind].assign(
        verdict=lambda f: f["verdict"].replace("", PENDING),
        section=lambda f: f["section"].map(SECTION_TITLES),
    )
    table = pd.crosstab(rows["section"], rows["verdict"])
    table = table.reindex(
        index=[t for t in SECTION_TITLES.values() if t in table.index],
        columns=[v for v in VERDICT_ORDER if v in table.columns],
        fill_value=0,
    )
    table["total"] = table.sum(axis=1)
    return table


def scorecard_verdicts() -> list[str]:
    """Every verdict a claim can get, in the scorecard's order."""
    return [v.value for v in Verdict]


def verdict_counts(table: pd.DataFrame) -> dict[str, int]:
    """Claims per verdict over all sections, keyed by verdict name, plus their total."""
    counts = {verdict: int(table[verdict].sum()) for verdict in table.columns if verdict != "total"}
    return counts | {"total": int(table["total"].sum())}


def describe(table: pd.DataFrame) -> str:
    """The scorecard in words, for the chart's screen-reader description."""
    verdicts = [v for v in table.columns if v != "total"]
    sections = [
        f"{section}: " + ", ".join(f"{row[v]} {v}" for v in verdicts if row[v])
        for section, row in table.iterrows()
    ]
    return "Stacked bar chart of verdicts per section: " + "; ".join(sections) + "."


SHOWN_HEADERS = {"section": "Section", "total": "Total"}
"""The scorecard's headers as the summary page shows them (verdict columns keep their names)."""


def shown(table: pd.DataFrame) -> pd.DataFrame:
    """The scorecard as the summary page shows it: sections as a column, headers capitalised."""
    return table.reset_index().rename(columns=SHOWN_HEADERS)


def long_form(table: pd.DataFrame) -> pd.DataFrame:
    """The scorecard as one row per section and verdict, for charts."""
    counts = table.drop(columns="total").reset_index()
    return counts.melt(id_vars="section", var_name="verdict", value_name="claims")
