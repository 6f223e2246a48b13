"""Ledger checks shared by chapters: a claim against a reference figure, or unsettled, and the
intervals (`bytebook.policy`) of claims and references."""

from __future__ import annotations

import re

from bytebook.article import PUBLISHED
from bytebook.data import BookData
from bytebook.ledger import (
    Basis,
    Finding,
    Interval,
    LedgerEntry,
    claim_interval,
    finding,
    finding_entry,
    unverifiable,
)
from bytebook.numbers import by_unit
from bytebook.policy import evidence_interval


def claim_band(data: BookData, claim_id: str) -> Interval:
    """The interval a claim's printed figure stands for."""
    return claim_interval(data.claim(claim_id))


def reference_band(data: BookData, reference_id: str) -> Interval:
    """A reference figure as the interval its recorded digits allow."""
    return evidence_interval(str(data.references.at[reference_id, "value_text"]))


def after_article(data: BookData, reference_id: str) -> str:
    """', dated after the article' when a reference's period is a later month (YYYY-MM) or
    year (YYYY) than the article's publication; '' otherwise (fiscal years are not dates)."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", str(data.references.at[reference_id, "period"]))
    if not match:
        return ""
    year, month = int(match[1]), int(match[2] or 0)
    published = (PUBLISHED.year, PUBLISHED.month if month else 0)
    return ", dated after the article" if (year, month) > published else ""


def deciding(data: BookData, *reference_ids: str) -> bool:
    """Whether evidence resting on these references may decide: none of them is W."""
    return all(data.references.at[ref, "reliability"] != "W" for ref in reference_ids)


def _reference_evidence(data: BookData, reference_id: str, note: str) -> str:
    """'<item>: <value> (<citation>).' followed by `note`, for evidence resting on one reference."""
    reference = data.references.loc[reference_id]
    shown = by_unit(float(reference["value"]), reference["unit"])
    return f"{reference['item']}: {shown} ({data.cite(reference_id)}). {note}".strip()


def reference_finding(data: BookData, claim_id: str, reference_id: str, note: str = "") -> Finding:
    """A claim against one reference figure; a W figure is shown but does not decide."""
    return finding(
        data.claim(claim_id),
        reference_band(data, reference_id),
        Basis.SOURCE,
        _reference_evidence(data, reference_id, note),
        (reference_id,),
        decides=deciding(data, reference_id),
    )


def against_reference(
    data: BookData, claim_id: str, reference_id: str, note: str = ""
) -> LedgerEntry:
    """Judge a claim against one P or S reference figure (`reference_finding`); W figures may
    not decide a verdict."""
    if data.references.at[reference_id, "reliability"] == "W":
        raise ValueError(f"reference '{reference_id}' is W: it may corroborate, never decide")
    found = reference_finding(data, claim_id, reference_id, note)
    return finding_entry(data.claim(claim_id), found, reference_band(data, reference_id).mid)


def unsettled(
    data: BookData,
    claim_id: str,
    reason: str,
    recomputed: float | None = None,
    sources: tuple[str, ...] = (),
) -> LedgerEntry:
    """A claim neither the article nor a P/S source can settle, with the reason."""
    return unverifiable(data.claim(claim_id), reason, recomputed, sources)
