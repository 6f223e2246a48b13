"""Ledger checks shared by chapters: a claim against a reference figure, or unsettled."""

from __future__ import annotations

from bytebook.data import BookData
from bytebook.ledger import Basis, LedgerEntry, judge, unverifiable
from bytebook.units import format_value


def against_reference(
    data: BookData, claim_id: str, reference_id: str, note: str = ""
) -> LedgerEntry:
    """Judge a claim against one P or S reference figure; W figures may not decide a verdict."""
    reference = data.references.loc[reference_id]
    if reference["reliability"] == "W":
        raise ValueError(f"reference '{reference_id}' is W: it may corroborate, never decide")
    value = float(reference["value"])
    shown = format_value(value, reference["unit"])
    evidence = f"{reference['item']}: {shown} ({data.cite(reference_id)})."
    return judge(
        data.claim(claim_id), value, Basis.SOURCE, f"{evidence} {note}".strip(), (reference_id,)
    )


def unsettled(
    data: BookData,
    claim_id: str,
    reason: str,
    recomputed: float | None = None,
    sources: tuple[str, ...] = (),
) -> LedgerEntry:
    """A claim neither the article nor a P/S source can settle, with the reason."""
    return unverifiable(data.claim(claim_id), reason, recomputed, sources)
