"""pandera schemas for the data files, checked on the raw text of each cell.

Cells are read as strings so that a bad value is reported as typed, not as whatever a
parser made of it. Each check's name maps to a sentence that explains the failure.
"""

from __future__ import annotations

from collections.abc import Callable

import pandera.pandas as pa

from bytebook.article import SECTIONS
from bytebook.units import number_problem, parse_cn_amount, unit_problem

QUALIFIERS = ("=", "≈", ">", "<", "≥", "≤", "+")
RELIABILITY = ("P", "S", "W")


def _is_amount(text: str) -> bool:
    try:
        for part in text.split("≈"):
            parse_cn_amount(part)
    except ValueError:
        return False
    return True


EXPLAIN: dict[str, Callable[[str], str]] = {
    "plain_number": lambda v: number_problem(v) or f"'{v}' is not a number",
    "known_unit": lambda v: unit_problem(v) or f"unknown unit '{v}'",
    "not_empty": lambda v: "must not be empty",
    "snake_case_id": lambda v: f"'{v}' is not a lower-case id (letters, digits, underscores)",
    "known_section": lambda v: f"unknown section '{v}' (known: {', '.join(SECTIONS)})",
    "known_qualifier": lambda v: f"unknown qualifier '{v}' (known: {' '.join(QUALIFIERS)})",
    "known_reliability": lambda v: f"reliability '{v}' must be P, S or W",
    "positive_integer": lambda v: f"'{v}' is not a positive whole number",
    "printed_amount": lambda v: f"cannot read the printed amount '{v}'",
    "field_uniqueness": lambda v: f"duplicate value '{v}'",
}


def _elementwise(name: str, test: Callable[[str], bool]) -> pa.Check:
    return pa.Check(test, element_wise=True, name=name)


NOT_EMPTY = _elementwise("not_empty", lambda v: v.strip() != "")
ID = _elementwise("snake_case_id", lambda v: v.replace("_", "").isalnum() and v == v.lower())
NUMBER_OR_EMPTY = _elementwise("plain_number", lambda v: v == "" or number_problem(v) is None)
UNIT = _elementwise("known_unit", lambda v: unit_problem(v) is None)


def _text(*checks: pa.Check, unique: bool = False) -> pa.Column:
    return pa.Column(str, checks=list(checks), unique=unique)


CLAIMS = pa.DataFrameSchema(
    {
        "id": _text(NOT_EMPTY, ID, unique=True),
        "section": _text(_elementwise("known_section", lambda v: v in SECTIONS)),
        "quote_zh": _text(NOT_EMPTY),
        "claim_en": _text(NOT_EMPTY),
        "value": _text(NUMBER_OR_EMPTY),
        "unit": _text(UNIT),
        "qualifier": _text(_elementwise("known_qualifier", lambda v: v in QUALIFIERS)),
        "period": _text(NOT_EMPTY),
    },
    strict=False,
)

REFERENCES = pa.DataFrameSchema(
    {
        "id": _text(NOT_EMPTY, ID, unique=True),
        "topic": _text(NOT_EMPTY),
        "item": _text(NOT_EMPTY),
        "value": _text(NOT_EMPTY),
        "unit": _text(UNIT),
        "period": _text(NOT_EMPTY),
        "source": _text(NOT_EMPTY),
        "url": _text(),
        "quote": _text(),
        "reliability": _text(_elementwise("known_reliability", lambda v: v in RELIABILITY)),
        "note": _text(),
    },
    strict=False,
)

_AMOUNT = _elementwise("printed_amount", _is_amount)
_CLAIM_REF = _text(NOT_EMPTY, ID)

RANKING = pa.DataFrameSchema(
    {
        "printed_order": _text(
            _elementwise("positive_integer", lambda v: v.isascii() and v.isdigit() and int(v) > 0),
            unique=True,
        ),
        "company_zh": _text(NOT_EMPTY, unique=True),
        "company_en": _text(NOT_EMPTY, unique=True),
        "overseas_revenue_printed": _text(NOT_EMPTY, _AMOUNT),
        "overseas_share_printed": _text(NOT_EMPTY, _AMOUNT),
        "markets_zh": _text(NOT_EMPTY),
        "remark_zh": _text(NOT_EMPTY),
        "revenue_claim": _CLAIM_REF,
        "revenue_cny_claim": _CLAIM_REF,
        "share_claim": _CLAIM_REF,
        "filed_overseas_ref": _text(),
        "filed_share_ref": _text(),
        "filed_total_ref": _text(),
    },
    strict=False,
)

NUMBER = _elementwise("plain_number", lambda v: number_problem(v) is None)

ASSUMPTIONS = pa.DataFrameSchema(
    {
        "id": _text(NOT_EMPTY, ID, unique=True),
        "section": _text(_elementwise("known_section", lambda v: v in SECTIONS)),
        "item": _text(NOT_EMPTY),
        "value": _text(NUMBER),
        "unit": _text(NOT_EMPTY),
        "low": _text(NUMBER),
        "high": _text(NUMBER),
        "step": _text(NUMBER),
        "basis": _text(NOT_EMPTY),
    },
    strict=False,
)
