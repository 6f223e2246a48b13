"""The year whose figures each row of the table matches best, and its period notes."""

from __future__ import annotations

import pandas as pd

from bytebook import filed_years
from bytebook.article import company_key
from bytebook.chapters.year_readings import calendar_not_compared, calendar_year
from bytebook.chapters.year_words import gap_cell, no_year_text, points_cell, share_words, year_text
from bytebook.checks import also_quoting, later_sources_note, printed_bands
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.ledger import LedgerEntry, Verdict, derived, working
from bytebook.numbers import money

NO_YEAR_CELLS = {
    "matched": "not found",
    "filed_amount_text": "not found",
    "filed_share_text": "not found",
    "amount_gap_text": "no year found",
    "share_points_text": "no year found",
    "tag": "no year found",
}
"""The closest-year table's cells for a company whose figures were found for no year, so that
no cell of its row is left blank."""

YEARS_COLUMNS = {
    "company": ("Company", None),
    "claimed_year": ("Year the table is read as", None),
    "matched": ("Closest year", None),
    "filed_amount_text": ("Amount that year", None),
    "filed_share_text": ("Share that year", None),
    "amount_gap_text": ("Amount gap (relative)", None),
    "share_points_text": ("Share gap (percentage points, between the nearer ends)", None),
    "tag": ("Weakest tag", None),
}
"""How the closest years are shown: a share with no needless zero (77%), each gap as the
evidence words it: the amount's relative to the amount found, the share's in percentage
points."""

YEARS_TABLE_FIELDS = [
    "company",
    "claimed_year",
    "matched",
    "amount_gap",
    "amount_gap_text",
    "share_gap",
    "share_points",
    "share_points_text",
    "filed_amount",
    "filed_amount_text",
    "filed_share",
    "filed_share_text",
    "tag",
    "sources",
    "finding",
]
"""Every field of the years table, in order: the gaps as numbers and as words, the figures
found, their weakest tag and sources (`YEARS_COLUMNS` names the ones the page shows)."""


def year_matches(data: BookData) -> Findings:
    """For each company, the year whose figures its printed amount and share match best: a
    `years` table (its `finding` column says it in words), a glued sentence and a derived
    ledger row per company. The rows are period notes: the verdicts are on the cells."""
    found = Findings()
    records = []
    for _, row in data.ranking.iterrows():
        company = row["company_en"]
        amount, share, unit = printed_bands(data, row)
        readings = filed_years.year_readings(data.references, company, amount, share, unit)
        closest = filed_years.closest_year(readings)
        key = company_key(company)
        scope = ""  # which years were compared, where a reader could take '2024' for another
        if closest is None:
            text, refs = no_year_text(data, company, amount / share, unit)
            record = dict(NO_YEAR_CELLS)
        else:
            mixed = filed_years.mixed_pairs_that_fit(data.references, company, amount, share, unit)
            text, refs = year_text(row, readings, closest, amount, mixed)
            if calendar_year(data, row) is not None:
                scope = calendar_not_compared(readings, company)
            record = {
                "matched": closest.year,
                "amount_gap": closest.amount_gap,
                "amount_gap_text": gap_cell(closest, amount),
                "share_gap": closest.share_gap,
                "share_points": closest.share_points,
                "share_points_text": points_cell(closest),
                "filed_amount": closest.amount.value,
                "filed_amount_text": money(closest.amount.value, unit),
                "filed_share": closest.share.value,
                "filed_share_text": share_words(closest),
                "tag": closest.reliability,
            }
        record["sources"] = ";".join(refs)
        found.number(f"year_match_{key}", len(readings), text + scope)
        found.add(
            derived(
                f"d_year_match_{key}",
                "4",
                f"{company}: the year the printed row matches best (a period note)",
                record.get("filed_amount", float("nan")),
                unit if closest else "text",
                f"{text}{scope} A period note, not a verdict: the amount and share rows carry the "
                "verdicts." + later_sources_note(data, *refs),
                Verdict.UNVERIFIABLE,
                tuple(r for r in record.get("sources", "").split(";") if r)
                + also_quoting(data, *refs),
            )
        )
        if closest is not None:
            found.add(*_period_share_rows(data, company, closest, mixed))
        records.append(
            {"company": company, "claimed_year": filed_years.CLAIMED_YEAR[company], "finding": text}
            | record
        )
    found.tables["years"] = pd.DataFrame(records, columns=YEARS_TABLE_FIELDS)
    return found


def _period_share_rows(
    data: BookData,
    company: str,
    closest: filed_years.YearReading,
    mixed: list[filed_years.MixedPair],
) -> list[LedgerEntry]:
    """Derived rows for the shares a period note prints that the book computes: the closest
    year's share where it is derived, and each pair of two years' figures it names."""
    key = company_key(company)
    rows = []
    share = closest.share
    if share.how == "derived":
        rows.append(
            working(
                f"d_year_share_{key}_{_year_id(closest.year)}",
                "4",
                f"{company}: overseas share in {closest.year}, the year its row matches best",
                share.value,
                "share",
                f"{share.derivation} = {share.shown} ({share.described}, "
                f"{share.reliability})." + later_sources_note(data, *share.sources),
                share.sources + also_quoting(data, *share.sources),
            )
        )
    if closest.worse_gap > 0:
        for pair in mixed:
            rows.append(
                working(
                    f"d_pair_share_{key}_{_year_id(pair.amount_year)}_{_year_id(pair.total_year)}",
                    "4",
                    f"{company}: {pair.amount_year}'s overseas amount over {pair.total_year}'s "
                    "total",
                    pair.value,
                    "share",
                    f"{pair.amount_year}'s overseas amount ÷ {pair.total_year}'s total: "
                    f"{pair.worked} ({pair.reliability}); no company reports such a pair."
                    + later_sources_note(data, *pair.sources),
                    pair.sources + also_quoting(data, *pair.sources),
                )
            )
    return rows


def _year_id(year: str) -> str:
    """A fiscal year as part of a row id: 'FY2023/24' → 'fy2023_24'."""
    return year.lower().replace("/", "_")
