"""Units: parse printed 亿/万 amounts into base units, the unit vocabulary, and conversion
into a scale for charts.

Values in this project are stored in base units (39e9, not 390亿). How a value is written
for a reader is bytebook.numbers' job.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # read by the pages' kernels, which need not import pandas for it
    import pandas as pd

WAN = 1e4
YI = 1e8
BILLION = 1e9
MILLION = 1e6
TRILLION = 1e12

CURRENCIES = frozenset({"USD", "CNY"})
"""Currency codes the project knows. Money units start with one of these."""

UNITS = frozenset(
    {
        "USD",
        "CNY",
        "USD/day",
        "USD/year",
        "CNY/day",
        "CNY/USD",
        "USD/GB",
        "USD/month",
        "USD/inference",
        "USD per 1000 impressions",
        "CNY/Mtok",
        "USD/GPU-hour",
        "FLOP/s",
        "ratio",
        "multiple",
        "share",
        "count",
        "rank",
        "years",
        "users",
        "videos/day",
        "actions/day",
        "bit/s",
        "px",
        "params",
        "tokens",
        "s",
        "text",
        "date",
    }
)
"""Every unit a data file may use. 'share' is a part of a whole (0 to 1); 'ratio' is a
multiple or a relative change (0.63 is +63%), so at least −1 (a fall of 100%); 'multiple' is
how many times another figure a value is, read as such ('2' is 2×, never +200%), at least 0;
'text' and 'date' rows carry no numeric value."""

NON_NUMERIC_UNITS = frozenset({"text", "date"})

_CN_MULTIPLIERS = {"万亿": WAN * YI, "亿": YI, "万": WAN}
_CN_CURRENCIES = {"美元": "USD", "元": "CNY"}
_AMOUNT = re.compile(
    r"^\s*(?P<prefix>约|超)?\s*(?P<number>[0-9]+(?:\.[0-9]+)?)\s*(?P<plus>\+)?\s*"
    r"(?P<mult>万亿|亿|万)?\s*(?P<cur>美元|元)?\s*$"
)
_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$", re.ASCII)


@dataclass(frozen=True)
class Amount:
    """A printed amount in base units, with its currency (or None) and qualifier."""

    value: float
    currency: str | None
    qualifier: str


def unit_problem(unit: str) -> str | None:
    """Say what is wrong with a unit name, or return None when it is known."""
    if unit in UNITS:
        return None
    head = unit.split("/")[0].split(" ")[0]
    if re.fullmatch(r"[A-Z]{3}", head) and head not in CURRENCIES:
        return f"unknown currency '{head}' (known: {', '.join(sorted(CURRENCIES))})"
    return f"unknown unit '{unit}'"


def number_problem(text: str) -> str | None:
    """Say why a cell is not a plain, finite base-unit number, or return None when it is one."""
    if _PLAIN_NUMBER.match(text):
        if not math.isfinite(float(text)):
            return f"'{text}' is too large to be a finite number"
        return None
    if text.strip() == "":
        return "value is empty"
    if text != text.strip() or any(ch.isspace() for ch in text):
        return f"'{text}' has a space in it; write the number alone"
    if "−" in text:
        return f"'{text}' uses the minus sign (−); write the hyphen-minus (-)"
    if any(ch in text for ch in "，。、"):
        return f"'{text}' holds Chinese punctuation (，。、); write '.' for the decimal point"
    if any("０" <= ch <= "９" for ch in text):
        return f"'{text}' uses full-width digits; write ASCII digits"
    if any(ch in text for ch in "亿万"):
        return f"'{text}' contains 亿/万; write base units (390亿 is 39e9)"
    if "%" in text:
        return f"'{text}' contains a percent sign; write a fraction (63% is 0.63)"
    if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", text):
        return f"'{text}' has thousands separators; write the digits only"
    return f"'{text}' is not a number"


FIGURE_SIZES = (1e-9, 1e18)
"""The smallest and the largest size a number of the data may have, 0 apart: the book's
figures run from USD 0.0003 an inference to the GPU slider's 2 × 10^15 FLOP/s, and a number
far outside them is a slip (an exponent mistyped) that no figure of the book could print."""

CNY_PER_USD = (1.0, 20.0)
"""Where a rate in CNY/USD may lie: yuan per dollar. A rate below 1 is one written the other
way round (dollars per yuan), and one above 20 a slip of a digit."""


def range_problem(value: float, unit: str) -> str | None:
    """Say why a number is out of range for its unit, or return None: shares lie in 0 to 1,
    ranks are positive whole numbers, ratios (multiples and relative changes such as growth)
    are at least −1, and every other quantity (amounts, prices, counts, durations) is at
    least 0; and a number other than 0 has a size within `FIGURE_SIZES`."""
    if not math.isfinite(value):
        return f"{value:g} is not a finite number"
    smallest, largest = FIGURE_SIZES
    if value and not smallest <= abs(value) <= largest:
        sizes = f"{smallest:g} to {largest:g}, or 0"
        return f"{value:g} is outside the sizes the data's numbers have ({sizes})"
    if unit == "share" and not 0 <= value <= 1:
        return f"share {value:g} is outside 0 to 1"
    if unit == "rank" and not (value >= 1 and value.is_integer()):
        return f"rank {value:g} is not a positive whole number"
    if unit == "ratio":
        return None if value >= -1 else f"ratio {value:g} is below −1 (a fall of more than 100%)"
    if value < 0:
        if unit.split("/")[0].split(" ")[0] in CURRENCIES:
            return f"amount {value:g} is negative; record losses as positive"
        return f"{value:g} is negative; a {unit} value is at least 0"
    return None


def figure_problem(value: float, unit: str) -> str | None:
    """Say why a figure the article or a source prints cannot be one, beyond `range_problem`,
    or return None: a figure of 0 in any unit but a ratio (the chapters divide by figures and
    count their digits; a 0 is a cell left unfinished), and a rate in CNY/USD outside
    `CNY_PER_USD`."""
    if value == 0 and unit != "ratio":
        return f"a figure of 0 {unit} is not one a source or the article prints; write the figure"
    low, high = CNY_PER_USD
    if unit == "CNY/USD" and not low <= value <= high:
        turned = f" (1 ÷ {value:g} = {1 / value:.4g} would be yuan per dollar)" if value else ""
        return f"a rate of {value:g} CNY/USD is outside {low:g} to {high:g}{turned}"
    return None


def parse_cn_amount(text: str) -> Amount:
    """Parse a printed amount such as '3100+ 亿元', '390 亿美元', '约 27%' or '超 50%'.

    Percentages become shares (27% -> 0.27). Raises ValueError naming the text when the
    form is not recognised.
    """
    cleaned = text.replace("*", "").strip()
    if cleaned.endswith("%"):
        amount = _parse_amount_body(cleaned[:-1], text)
        return Amount(amount.value / 100, None, amount.qualifier)
    return _parse_amount_body(cleaned, text)


def _parse_amount_body(body: str, original: str) -> Amount:
    match = _AMOUNT.match(body)
    if not match:
        raise ValueError(f"cannot read the amount '{original}'")
    value = float(match["number"]) * _CN_MULTIPLIERS.get(match["mult"] or "", 1.0)
    qualifier = "="
    if match["plus"]:
        qualifier = "+"
    elif match["prefix"] == "约":
        qualifier = "≈"
    elif match["prefix"] == "超":
        qualifier = ">"
    currency = _CN_CURRENCIES.get(match["cur"] or "")
    return Amount(value, currency, qualifier)


SCALED_UNITS = {"亿": YI, "million": MILLION, "billion": BILLION, "trillion": TRILLION}
SCALED_UNITS |= {"TB": 1e12, "PB": 1e15, "TFLOP/s": 1e12}
"""The scales a value can be written in (bytebook.numbers.format_in) or converted to
(in_units), and what each is worth in base units."""


def in_units(value: float | pd.Series, unit: str) -> float | pd.Series:
    """A base-unit value, or a column of them, in `unit` (a key of SCALED_UNITS):
    3.9e10 in 'billion' -> 39.0. A chart's data is converted once, with this, before its
    builder draws it."""
    return value / SCALED_UNITS[unit]
