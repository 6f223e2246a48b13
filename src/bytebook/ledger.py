"""The claims ledger: each claim's stated value against a recomputed one, with a verdict.

Verdict rules (the Methods appendix quotes them):
- consistent / inconsistent: the stated value is compared with a value recomputed from the
  article's own other numbers;
- supported / contradicted: it is compared with a tagged public source (P or S; a W source
  only corroborates and never decides);
- unverifiable: neither comparison is possible.
A comparison passes when `holds(stated, recomputed, qualifier)` is true.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

import pandas as pd

from bytebook.article import SECTIONS
from bytebook.safety import spreadsheet_safe

RELATIVE_TOLERANCE = {"=": 0.01, "≈": 0.05}
"""How far a printed value may sit from the recomputed one: 1% for a plain figure (it covers
rounding to two or three digits), 5% for one printed with 约 or ≈."""

PLUS_HEADROOM = 0.10
"""A figure printed as 'N+' is read as 'at least N, and less than 10% above it'."""

LEDGER_COLUMNS = [
    "id",
    "section",
    "kind",
    "claim_en",
    "quote_zh",
    "stated",
    "recomputed",
    "unit",
    "verdict",
    "evidence",
]


class Verdict(StrEnum):
    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    UNVERIFIABLE = "unverifiable"


class Basis(StrEnum):
    """What a stated value is compared against."""

    ARTICLE = "article"
    SOURCE = "source"


def holds(stated: float, actual: float, qualifier: str) -> bool:
    """Whether `actual` bears out a claim that printed `stated` with `qualifier`."""
    if qualifier in RELATIVE_TOLERANCE:
        return abs(actual - stated) <= RELATIVE_TOLERANCE[qualifier] * abs(stated)
    if qualifier == "+":
        return stated * (1 - RELATIVE_TOLERANCE["="]) <= actual <= stated * (1 + PLUS_HEADROOM)
    comparisons = {
        ">": actual > stated,
        "<": actual < stated,
        "≥": actual >= stated,
        "≤": actual <= stated,
    }
    if qualifier not in comparisons:
        raise ValueError(f"unknown qualifier '{qualifier}'")
    return comparisons[qualifier]


def relative_gap(stated: float, actual: float) -> float:
    """How far the stated value sits from the actual one, as a fraction of the actual."""
    return (stated - actual) / actual


def verdict_for(passed: bool, basis: Basis) -> Verdict:
    """The verdict word for a comparison that passed or failed against `basis`."""
    if basis is Basis.ARTICLE:
        return Verdict.CONSISTENT if passed else Verdict.INCONSISTENT
    return Verdict.SUPPORTED if passed else Verdict.CONTRADICTED


@dataclass(frozen=True)
class LedgerEntry:
    """One ledger row. `kind` is 'stated' for the article's numbers, 'derived' for the book's."""

    id: str
    section: str
    kind: str
    claim_en: str
    quote_zh: str
    stated: float | None
    recomputed: float | None
    unit: str
    verdict: Verdict | None
    evidence: str
    sources: tuple[str, ...] = field(default=())
    """Ids of the reference rows the evidence rests on (not a ledger CSV column)."""


def judge(
    claim: pd.Series,
    recomputed: float,
    basis: Basis,
    evidence: str,
    sources: tuple[str, ...] = (),
) -> LedgerEntry:
    """Compare a stated claim with a recomputed value and give its verdict."""
    passed = holds(float(claim["value"]), recomputed, claim["qualifier"])
    return stated_entry(claim, recomputed, verdict_for(passed, basis), evidence, sources)


def stated_entry(
    claim: pd.Series,
    recomputed: float | None,
    verdict: Verdict | None,
    evidence: str,
    sources: tuple[str, ...] = (),
) -> LedgerEntry:
    """A ledger row for one of the article's own claims."""
    value = claim["value"]
    return LedgerEntry(
        id=claim["id"],
        section=claim["section"],
        kind="stated",
        claim_en=claim["claim_en"],
        quote_zh=claim["quote_zh"],
        stated=None if pd.isna(value) else float(value),
        recomputed=recomputed,
        unit=claim["unit"],
        verdict=verdict,
        evidence=evidence,
        sources=sources,
    )


def unverifiable(
    claim: pd.Series,
    evidence: str,
    recomputed: float | None = None,
    sources: tuple[str, ...] = (),
) -> LedgerEntry:
    """A ledger row for a claim that neither the article nor a source can settle."""
    return stated_entry(claim, recomputed, Verdict.UNVERIFIABLE, evidence, sources)


def derived(
    entry_id: str,
    section: str,
    claim_en: str,
    recomputed: float,
    unit: str,
    evidence: str,
    verdict: Verdict,
    sources: tuple[str, ...] = (),
) -> LedgerEntry:
    """A ledger row for a number the book derives from the article's numbers.

    A derived number that no source or other article number can test is `unverifiable`.
    """
    return LedgerEntry(
        id=entry_id,
        section=section,
        kind="derived",
        claim_en=claim_en,
        quote_zh="",
        stated=None,
        recomputed=recomputed,
        unit=unit,
        verdict=verdict,
        evidence=evidence,
        sources=sources,
    )


def assemble(claims: pd.DataFrame, entries: list[LedgerEntry]) -> pd.DataFrame:
    """Every claim in article order, judged where a chapter judged it, then derived rows.

    Claims no written chapter judges keep an empty verdict. Raises ValueError when an entry
    names an unknown claim or two entries share an id.
    """
    by_id: dict[str, LedgerEntry] = {}
    for entry in entries:
        if entry.id in by_id:
            raise ValueError(f"ledger id '{entry.id}' is given twice")
        if entry.kind == "stated" and entry.id not in claims.index:
            raise ValueError(f"ledger entry '{entry.id}' names no claim in data/claims.csv")
        by_id[entry.id] = entry
    rows = []
    for claim_id, claim in claims.iterrows():
        rows.append(by_id.pop(claim_id, None) or stated_entry(claim, None, None, ""))
    rows += [entry for entry in entries if entry.id in by_id]
    rows.sort(key=lambda entry: SECTIONS.index(entry.section))
    frame = pd.DataFrame(
        [{c: getattr(entry, c) for c in LEDGER_COLUMNS} for entry in rows], columns=LEDGER_COLUMNS
    )
    frame["verdict"] = frame["verdict"].map(lambda v: "" if v is None else str(v))
    return frame


NUMERIC_COLUMNS = frozenset({"stated", "recomputed"})
"""The ledger's number columns; in CSV they stay plain numbers."""


def to_csv(ledger: pd.DataFrame) -> str:
    """The ledger as CSV text (RFC 4180: CRLF line ends, so a cell holding a line break is
    quoted), numbers in base units with twelve significant digits. Text cells that a
    spreadsheet would run as a formula are neutralised (safety.spreadsheet_safe)."""

    def number(value: float | None) -> str:
        return "" if value is None or math.isnan(value) else format(value, ".12g")

    out = ledger.copy()
    for column in out.columns:
        if column in NUMERIC_COLUMNS:
            out[column] = out[column].map(number)
        else:
            out[column] = out[column].map(lambda cell: spreadsheet_safe(str(cell)))
    return out.to_csv(index=False, lineterminator="\r\n")
