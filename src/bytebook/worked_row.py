"""One ledger row worked through from the article's words to its verdict, for the methods page:
the printed figure, the band its digits allow, the source figure and its band, the gap and the
grade the verdict policy gives it, each step from the data files a reader can open."""

from __future__ import annotations

from dataclasses import dataclass

from bytebook.checks import claim_band, reference_band, reference_band_text
from bytebook.data import BookData, short_source_name
from bytebook.ledger import Basis, claim_band_text
from bytebook.numbers import by_unit
from bytebook.policy import (
    MARGIN_TEXT,
    format_gap,
    grade,
    relative_gap,
    verdict_for,
    worked_gap,
)

WORKED_CLAIM = "t_haier_overseas"
"""The row the methods page works through: a table cell graded against one source figure."""

WORKED_REFERENCE = "haier_overseas_2024"
"""The source figure that decides it (its other sources bear on a period finding only)."""


@dataclass(frozen=True)
class WorkedRow:
    """Each step of a row's verdict, in words a page prints."""

    quote: str
    claim_id: str
    printed_band: str
    reference_id: str
    reference: str
    evidence_band: str
    gap: str
    gap_sum: str
    margin: str
    verdict: str


def worked_row(
    data: BookData, claim_id: str = WORKED_CLAIM, reference_id: str = WORKED_REFERENCE
) -> WorkedRow:
    """The steps from the claim's printed words to the verdict its one deciding source gives,
    by the verdict policy's rule: the two bands, the gap between them as a share of the
    evidence's middle, and the grade that gap earns against `SUBSTANCE_MARGIN`."""
    claim = data.claim(claim_id)
    source = data.references.loc[reference_id]
    printed, evidence = claim_band(data, claim_id), reference_band(data, reference_id)
    unit = str(claim["unit"])
    gap = relative_gap(printed, evidence)
    shown, worked, _ = worked_gap(printed, evidence, unit) if gap else ("0", "", 0.0)
    return WorkedRow(
        quote=str(claim["quote_zh"]),
        claim_id=claim_id,
        printed_band=claim_band_text(claim),
        reference_id=reference_id,
        reference=(
            f"{by_unit(data.reference(reference_id), unit)} for {source['period']}, "
            f"{source['origin']} by {short_source_name(str(source['source']))}, tagged "
            f"{source['reliability']}"
        ),
        evidence_band=reference_band_text(data, reference_id),
        gap=shown if gap else format_gap(gap),
        gap_sum=worked,
        margin=MARGIN_TEXT,
        verdict=verdict_for(grade(printed, evidence), Basis.SOURCE).value,
    )
