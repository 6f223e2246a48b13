"""pandera schemas for the data files, checked on the raw text of each cell.

Cells are read as strings so that a bad value is reported as typed, not as whatever a
parser made of it. Each check's name maps to a sentence that explains the failure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd
import pandera.pandas as pa

from bytebook.article import SECTIONS
from bytebook.policy import ORIGINS, Verdict
from bytebook.safety import FORBIDDEN_CHARACTERS, MAX_CELL_LENGTH, link_problem, text_problem
from bytebook.units import number_problem, parse_cn_amount, unit_problem

QUALIFIERS = ("=", "≈", ">", "<", "≥", "≤", "+")
LEDGER_KINDS = ("stated", "derived")
VERDICTS = tuple(verdict.value for verdict in Verdict)
RELIABILITY = ("P", "S", "W")

COMPANIES = {
    "联想": "Lenovo",
    "华为": "Huawei",
    "字节跳动": "ByteDance",
    "小米": "Xiaomi",
    "美的": "Midea",
    "比亚迪": "BYD",
    "海尔智家": "Haier Smart Home",
}
"""The companies of the article's ranking table, Chinese name to English name. The ranking and
summary chapters look companies up by these English names."""

UNSTATED = "unstated"
_YEAR = re.compile(r"(?<![0-9])(19[89][0-9]|20[0-4][0-9])(?![0-9])")
_ISO_DATE = re.compile(r"^(19|20)[0-9]{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")


def is_iso_date(text: str) -> bool:
    """True for YYYY, YYYY-MM or YYYY-MM-DD."""
    return _ISO_DATE.match(text) is not None


def names_a_year(period: str) -> bool:
    """True when a period text names a year from 1980 to 2049 ('FY2024', 'Q3 2024', '2024-12')."""
    return bool(_YEAR.search(period))


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
    "snake_case_id": lambda v: (
        f"'{v}' is not a lower-case id (a-z, 0-9 and underscores, at most 64 characters)"
    ),
    "known_section": lambda v: f"unknown section '{v}' (known: {', '.join(SECTIONS)})",
    "known_qualifier": lambda v: f"unknown qualifier '{v}' (known: {' '.join(QUALIFIERS)})",
    "known_reliability": lambda v: f"reliability '{v}' must be P, S or W",
    "known_origin": lambda v: f"origin '{v}' must be empty or one of {', '.join(ORIGINS)}",
    "positive_integer": lambda v: f"'{v}' is not a positive whole number",
    "printed_amount": lambda v: f"cannot read the printed amount '{v}'",
    "field_uniqueness": lambda v: f"duplicate value '{v}'",
    "clean_text": lambda v: text_problem(v) or "contains a control character",
    "web_link": lambda v: link_problem(v) or f"'{v}' is not an http or https URL",
    "names_a_year": lambda v: f"period '{v}' names no year (1980–2049) and is not '{UNSTATED}'",
    "iso_date": lambda v: f"date '{v}' is not YYYY, YYYY-MM or YYYY-MM-DD",
    "known_company_zh": lambda v: f"unknown company '{v}' (known: {', '.join(COMPANIES)})",
    "known_company_en": lambda v: (
        f"unknown company '{v}' (known: {', '.join(COMPANIES.values())})"
    ),
    "known_kind": lambda v: f"kind '{v}' must be {' or '.join(LEDGER_KINDS)}",
    "known_verdict": lambda v: f"unknown verdict '{v}' (known: {', '.join(VERDICTS)})",
    "band_holds_its_middle": lambda v: (
        "recomputed_low and recomputed_high are given together, low ≤ recomputed ≤ high"
    ),
}


def _elementwise(name: str, test: Callable[[str], bool]) -> pa.Check:
    return pa.Check(test, element_wise=True, name=name)


NOT_EMPTY = _elementwise("not_empty", lambda v: v.strip() != "")
ID = _elementwise("snake_case_id", lambda v: re.fullmatch(r"[a-z0-9_]{1,64}", v) is not None)
NUMBER_OR_EMPTY = _elementwise("plain_number", lambda v: v == "" or number_problem(v) is None)
UNIT = _elementwise("known_unit", lambda v: unit_problem(v) is None)


CLEAN_TEXT = pa.Check(
    lambda cells: ~cells.str.contains(FORBIDDEN_CHARACTERS) & (cells.str.len() <= MAX_CELL_LENGTH),
    name="clean_text",
)
"""Every cell of every file: no control characters, at most safety.MAX_CELL_LENGTH long."""


def _text(*checks: pa.Check, unique: bool = False) -> pa.Column:
    return pa.Column(str, checks=[CLEAN_TEXT, *checks], unique=unique)


PERIOD = _elementwise("names_a_year", lambda v: v == UNSTATED or names_a_year(v))
URL_OR_EMPTY = _elementwise("web_link", lambda v: v == "" or link_problem(v) is None)


CLAIMS = pa.DataFrameSchema(
    {
        "id": _text(NOT_EMPTY, ID, unique=True),
        "section": _text(_elementwise("known_section", lambda v: v in SECTIONS)),
        "quote_zh": _text(NOT_EMPTY),
        "claim_en": _text(NOT_EMPTY),
        "value": _text(NUMBER_OR_EMPTY),
        "unit": _text(UNIT),
        "qualifier": _text(_elementwise("known_qualifier", lambda v: v in QUALIFIERS)),
        "period": _text(NOT_EMPTY, PERIOD),
        "same_figure_as": _text(),
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
        "period": _text(NOT_EMPTY, PERIOD),
        "source": _text(NOT_EMPTY),
        "url": _text(URL_OR_EMPTY),
        "quote": _text(),
        "reliability": _text(_elementwise("known_reliability", lambda v: v in RELIABILITY)),
        "note": _text(),
        "origin": _text(_elementwise("known_origin", lambda v: v == "" or v in ORIGINS)),
        "published": _text(_elementwise("iso_date", lambda v: v == "" or is_iso_date(v))),
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
        "company_zh": _text(
            _elementwise("known_company_zh", lambda v: v in COMPANIES), unique=True
        ),
        "company_en": _text(
            _elementwise("known_company_en", lambda v: v in COMPANIES.values()), unique=True
        ),
        "overseas_revenue_printed": _text(NOT_EMPTY, _AMOUNT),
        "overseas_share_printed": _text(NOT_EMPTY, _AMOUNT),
        "markets_zh": _text(NOT_EMPTY),
        "remark_zh": _text(NOT_EMPTY),
        "revenue_claim": _CLAIM_REF,
        "revenue_cny_claim": _CLAIM_REF,
        "share_claim": _CLAIM_REF,
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
        "unit": _text(UNIT),
        "low": _text(NUMBER),
        "high": _text(NUMBER),
        "step": _text(NUMBER),
        "basis": _text(NOT_EMPTY),
    },
    strict=False,
)


def _band_holds_its_middle(frame: pd.DataFrame) -> bool:
    """A ledger row's band ends are both given or both empty, and hold its recomputed value
    (its middle) between them."""
    ends = frame[["recomputed_low", "recomputed_high"]].ne("")
    if not (ends["recomputed_low"] == ends["recomputed_high"]).all():
        return False
    banded = frame[ends["recomputed_low"]]
    low, middle, high = (
        banded[column].astype(float)
        for column in ("recomputed_low", "recomputed", "recomputed_high")
    )
    return bool(((low <= middle) & (middle <= high)).all())


LEDGER = pa.DataFrameSchema(
    {
        "id": _text(NOT_EMPTY, ID, unique=True),
        "section": _text(_elementwise("known_section", lambda v: v in SECTIONS)),
        "kind": _text(_elementwise("known_kind", lambda v: v in LEDGER_KINDS)),
        "claim_en": pa.Column(str, checks=[NOT_EMPTY]),
        "quote_zh": pa.Column(str),
        "stated": _text(NUMBER_OR_EMPTY),
        "recomputed": _text(NUMBER_OR_EMPTY),
        "recomputed_low": _text(NUMBER_OR_EMPTY),
        "recomputed_high": _text(NUMBER_OR_EMPTY),
        "unit": _text(),
        "verdict": _text(_elementwise("known_verdict", lambda v: v == "" or v in VERDICTS)),
        "evidence": pa.Column(str),
        "sources": pa.Column(str),
    },
    checks=[pa.Check(_band_holds_its_middle, name="band_holds_its_middle")],
    strict=True,
    ordered=True,
)
"""The ledger as `python -m bytebook ledger` writes it, every cell as text (its evidence may be
longer than a data file's cell): where `recomputed` is a band's middle, or a derived row's
figure inside its band, `recomputed_low` and `recomputed_high` give the band."""
