"""The article's scorecard: how many claims of each section got each verdict."""

from __future__ import annotations

import pandas as pd

from bytebook.article import SECTION_TITLES
from bytebook.ledger import (
    OTHER_READING_UNSETTLED,
    READ_AS_CONVERSION,
    READ_AS_N_DUO,
    Verdict,
)
from bytebook.numbers import by_unit, in_a_list

PENDING = "not yet checked"
VERDICT_ORDER = [v.value for v in Verdict] + [PENDING]


def scorecard(ledger: pd.DataFrame) -> pd.DataFrame:
    """Counts of each verdict of the article's printed claims per section (rows in article
    order, columns in verdict order); derived rows are the book's, not the article's."""
    rows = ledger[ledger["kind"] == "stated"].assign(
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


def count_glue(table: pd.DataFrame) -> dict[str, int]:
    """The summary's verdict counts by glue name ('count_off_in_detail', 'count_total'):
    every verdict a claim can get, 0 where none got it, and their total."""
    counts = verdict_counts(table)
    names = [*scorecard_verdicts(), "total"]
    return {f"count_{name.replace(' ', '_')}": counts.get(name, 0) for name in names}


def repeats_sentence(claims: pd.DataFrame) -> str:
    """How many of the article's claims print again, in the same words and sense, a figure an
    earlier claim printed (their `same_figure_as`), which the scorecard counts each time it is
    printed; each repeated figure named as its first printing's value."""
    repeats = claims["same_figure_as"].replace("", pd.NA).dropna()
    if repeats.empty:
        return "No figure is printed twice."
    named = [
        f"{by_unit(claims.at[first, 'value'], claims.at[first, 'unit'])} {times} more "
        f"{'time' if times == 1 else 'times'}"
        for first, times in repeats.value_counts(sort=False).items()
    ]
    return (
        "A figure printed more than once is counted each time it is printed: "
        f"{len(repeats)} of the {len(claims)} print again, in the same words and sense, a figure "
        f"printed before ({in_a_list(named)}); a figure said again in other words or at another "
        "precision (a share given once as a fraction, once as a percentage) is a claim of its "
        "own, judged on its own."
    )


def describe(table: pd.DataFrame) -> str:
    """The scorecard in words, for the chart's screen-reader description."""
    verdicts = [v for v in table.columns if v != "total"]
    sections = [
        f"{section}: " + ", ".join(f"{row[v]} {v}" for v in verdicts if row[v])
        for section, row in table.iterrows()
    ]
    return (
        f"Bar charts, one per verdict ({', '.join(verdicts)}), of the claims per section: "
        + "; ".join(sections)
        + "."
    )


SHOWN_HEADERS = {"section": "Section", "total": "Total"}
"""The scorecard's headers as the summary page shows them (verdict columns keep their names)."""


def shown(table: pd.DataFrame) -> pd.DataFrame:
    """The scorecard as the summary page shows it: sections as a column, headers capitalised."""
    return table.reset_index().rename(columns=SHOWN_HEADERS)


def long_form(table: pd.DataFrame) -> pd.DataFrame:
    """The scorecard as one row per section and verdict, for charts."""
    counts = table.drop(columns="total").reset_index()
    return counts.melt(id_vars="section", var_name="verdict", value_name="claims")


def _claims(ledger: pd.DataFrame, *sections: str) -> pd.DataFrame:
    """The article's printed claims in these sections."""
    return ledger[(ledger["kind"] == "stated") & ledger["section"].isin(sections)]


def _count(rows: pd.DataFrame, *verdicts: Verdict) -> int:
    """How many of these rows got one of these verdicts."""
    return int(rows["verdict"].isin([v.value for v in verdicts]).sum())


EXCHANGE_RATE_PREFIX = "fx_"
"""Reference ids of exchange rates start so (`data/references.csv`)."""

TABLE_FIGURE_UNITS = ("CNY", "USD", "share")
"""The units of the ranking table's amounts and shares."""


READINGS = {
    READ_AS_N_DUO: "reading N+ as N多",
    READ_AS_CONVERSION: "reading the table's ≈ as a conversion",
}
"""The readings of the article's figures a row's grade may rest on, by the words its evidence
says so in, as a caption names them."""

OTHER_READING_WORDS = "on this book's reading (unsettled on another)"
"""What a caption says beside a verdict whose row names another reading of the claim that would
leave it unsettled (`OTHER_READING_UNSETTLED`)."""


def resting_on(evidence: str) -> str:
    """The reading of a figure a row's grade rests on, as a caption names it ('reading N+ as
    N多'), or '' where its evidence names none."""
    return next((words for marker, words in READINGS.items() if marker in evidence), "")


def verdict_words(row: pd.Series) -> str:
    """A named claim's verdict as a caption gives it, with the reading it rests on where its
    row names another that would leave it unsettled ('contradicted on this book's reading
    (unsettled on another)')."""
    if OTHER_READING_UNSETTLED in row["evidence"]:
        return f"{row['verdict']} {OTHER_READING_WORDS}"
    return row["verdict"]


def _company_cell(row: pd.Series) -> str:
    """A table cell's row as a caption names it: 'BYD's amount', 'Haier Smart Home's share'."""
    company = row["claim_en"].partition(" (")[0]
    return f"{company}'s {'share' if row['unit'] == 'share' else 'amount'}"


def _named_cells(rows: pd.DataFrame) -> str:
    """'2 contradicted (BYD's amount, on reading N+ as N多, and BYD's share) and 1 off in
    detail (Midea's share)': the table's cells among `rows` by verdict, each named, with the
    reading its grade rests on."""
    parts = []
    for verdict in (Verdict.CONTRADICTED, Verdict.OFF_IN_DETAIL):
        cells = rows[rows["verdict"] == verdict.value]
        if cells.empty:
            continue
        names = [
            _company_cell(row)
            + (f", on {resting_on(row['evidence'])}," if resting_on(row["evidence"]) else "")
            for _, row in cells.iterrows()
        ]
        parts.append(f"{len(cells)} {verdict.value} ({in_a_list(names)})")
    return " and ".join(parts)


def _counted(rows: pd.DataFrame) -> str:
    """'2 contradicted and 1 off in detail' for these rows (each verdict that occurs)."""
    parts = [
        f"{_count(rows, verdict)} {verdict}"
        for verdict in (Verdict.CONTRADICTED, Verdict.OFF_IN_DETAIL)
        if _count(rows, verdict)
    ]
    return " and ".join(parts)


def _ranking_groups(ranking: pd.DataFrame) -> list[str]:
    """The ranking's contradicted and off-in-detail claims by what they are judged against: an
    exchange rate, the figures found for the companies (the table's amounts and shares), or,
    named as the article's claims, the others (remarks and growth)."""
    failed = ranking[
        ranking["verdict"].isin([Verdict.CONTRADICTED.value, Verdict.OFF_IN_DETAIL.value])
    ]
    on_rate = failed["sources"].map(
        lambda ids: any(i.startswith(EXCHANGE_RATE_PREFIX) for i in ids.split(";") if i)
    )
    figures = ~on_rate & failed["id"].str.startswith("t_") & failed["unit"].isin(TABLE_FIGURE_UNITS)
    others = failed[~on_rate & ~figures]
    groups = []
    if figures.any():
        groups.append(
            f"of the table's amounts and shares, {_named_cells(failed[figures])} against the "
            "figures found for the companies"
        )
    if on_rate.any():
        groups.append(
            f"{_counted(failed[on_rate])} against the exchange rate "
            f"({', '.join(failed[on_rate]['claim_en'])})"
        )
    for _, row in others.iterrows():
        groups.append(
            f"the article's claim that {_as_clause(row['claim_en'])}, {verdict_words(row)}"
        )
    return groups


def _outside_groups(ledger: pd.DataFrame) -> list[str]:
    """The contradicted and off-in-detail claims outside the technology sections and the
    ranking: each contradicted one named as the article's claim, after its section ("in section
    5, the article's claim that the closing line … is Kevin Kelly's"), the off-in-detail ones
    counted by section as the chart draws them."""
    stated = ledger[ledger["kind"] == "stated"]
    outside = stated[~stated["section"].isin(["2.1", "2.2", "2.3", "4"])]
    contradicted = outside[outside["verdict"] == Verdict.CONTRADICTED.value]
    off = outside[outside["verdict"] == Verdict.OFF_IN_DETAIL.value]
    groups = []
    if len(contradicted):
        named = "; ".join(
            f"in {_where(row['section'])}, the article's claim that {_as_clause(row['claim_en'])}"
            + (f", {OTHER_READING_WORDS}" if OTHER_READING_UNSETTLED in row["evidence"] else "")
            for _, row in contradicted.iterrows()
        )
        groups.append(f"Contradicted elsewhere: {named}.")
    if len(off):
        counted = " and ".join(
            f"{len(rows)} in {_where(section)}{_resting_section(rows)}"
            for section, rows in off.groupby("section", sort=False)
        )
        groups.append(f"Off in detail elsewhere: {counted}.")
    return groups


def _resting_section(rows: pd.DataFrame) -> str:
    """' (resting on reading the table's ≈ as a conversion)' where every one of a section's
    `rows` rests on that reading; ' (some resting on readings their rows name)' where only
    some rest on one; '' where none does."""
    readings = [resting_on(evidence) for evidence in rows["evidence"]]
    if not any(readings):
        return ""
    if len(set(readings)) == 1:
        return f" (resting on {readings[0]})"
    return " (some resting on readings their rows name)"


def _as_clause(claim: str) -> str:
    """A claim's gloss inside a sentence: its leading article in lower case ('The closing
    line …' → 'the closing line …'); a name keeps its capital."""
    first, _, rest = claim.partition(" ")
    return f"{first.lower()} {rest}" if first in ("The", "A", "An") else claim


def _where(section: str) -> str:
    """'the title' for section 0, else 'section 5'."""
    return "the title" if section == "0" else f"section {section}"


def score_caption(ledger: pd.DataFrame) -> str:
    """The scorecard chart's caption, in counts the chart draws (one section and verdict each):
    the verdict on section 1's overseas revenue (named by its section, so that it is not read as
    the chart's Title row), the technology sections' unverifiable claims, the ranking's
    contradicted and off-in-detail ones by what they are judged against, and every other
    contradicted or off-in-detail claim, named with its section."""
    headline = ledger.set_index("id").at["s1_overseas_revenue", "verdict"]
    sections = ("2.1", "2.2", "2.3")
    technical = [str(_count(_claims(ledger, s), Verdict.UNVERIFIABLE)) for s in sections]
    ranking = _claims(ledger, "4")
    groups = _ranking_groups(ranking)
    outside = _outside_groups(ledger)
    return (
        f"Section 1's figure for ByteDance's overseas revenue is {headline}. In the technology "
        "sections "
        f"{in_a_list(list(sections))} (codec, recommender, infrastructure), "
        f"{in_a_list(technical)} claims respectively could not be "
        "checked against the sources found. In the ranking section, "
        f"{_count(ranking, Verdict.CONTRADICTED)} claims are contradicted and "
        f"{_count(ranking, Verdict.OFF_IN_DETAIL)} off in detail"
        + (f": {'; '.join(groups)}" if groups else "")
        + ". "
        + (" ".join(outside) if outside else "No other claim is contradicted or off in detail.")
    )
