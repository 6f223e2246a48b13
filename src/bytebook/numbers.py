"""How every number a reader sees is written, by kind: money, shares, rates, counts, physical units.

One rule for precision: at most four significant figures, trailing zeros dropped, and never
fewer digits than a number's whole part has (2,855 stays 2,855; 39 bn is 'USD 39 bn', not
'USD 39.00 bn'). Money in US dollars reads in million and bn, yuan in 亿 and 万; bits a second
read as kbps, Mbps or Gbps; seconds under one as milliseconds. `by_unit` picks the form for a
value stored in one of the data's base units (bytebook.units.UNITS).

The `format_*` helpers write a value at a precision its sentence states (a share to one
decimal, an amount in whole 亿); a chapter records a number with one of them
(bytebook.findings).

A number the book derives shows no more significant figures than the figures it rests on
justify (`justified_digits`): the fewest that any source figure it uses has as recorded (a
reference's 0.30 has two, 7.4 two, 7.0760 five). The article's own figures, worked through as
printed, count as exact. A zero after the decimal point is printed only when such a figure
has that digit (USD 8.70 for a CPM reported as 8.70; never 62.0% for 92% less 30%).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from bytebook.units import SCALED_UNITS

SIGNIFICANT = 4
THOUSAND, MILLION, BILLION, TRILLION = 1e3, 1e6, 1e9, 1e12
WAN, YI = 1e4, 1e8


MINUS = "−"
"""A negative number reads with the minus sign (U+2212), never a hyphen."""


def _minus(text: str) -> str:
    """`text` with a leading hyphen-minus written as the minus sign; a negative that rounds to
    zero ('-0.0%') loses its sign."""
    if not text.startswith("-"):
        return text
    if not any(ch in "123456789" for ch in text):
        return text[1:]
    return MINUS + text[1:]


def _half_up(value: float, decimals: int) -> Decimal:
    """`value` rounded to `decimals` places, a tie away from zero, as a chart's d3 format rounds
    it (1426.5 -> 1427; Python's own format would give 1426)."""
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def significant(value: float, digits: int = SIGNIFICANT) -> str:
    """`value` to at most `digits` significant figures, with thousands separators and no
    trailing zeros, a tie rounded away from zero as a chart rounds it: 17.729 -> '17.73',
    2855 -> '2,855', 11420.4 -> '11,420', 1426.5 -> '1,427', -0.5 -> '−0.5'."""
    if value == 0:
        return "0"
    if not math.isfinite(value):
        return _minus(f"{value:g}")
    whole_digits = math.floor(math.log10(abs(value))) + 1
    decimals = max(0, digits - whole_digits)
    text = f"{_half_up(value, decimals):,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else _minus(text)


def significant_digits(recorded: str) -> int:
    """The significant figures of a figure as recorded in the data: '7.99' -> 3, '0.30' -> 2,
    '7.0760' -> 5, '2e7' -> 1, '128000' -> 3 (trailing zeros of a whole number do not count,
    as `bytebook.policy.printed_unit` reads them)."""
    try:
        number = Decimal(recorded.strip())
    except InvalidOperation:
        raise ValueError(f"'{recorded}' is not a number as recorded") from None
    digits = list(number.as_tuple().digits)
    while digits and digits[0] == 0:
        digits.pop(0)
    if not digits:
        raise ValueError(f"'{recorded}' has no significant digit")
    if "." not in recorded.lower().split("e")[0]:
        while len(digits) > 1 and digits[-1] == 0:
            digits.pop()
    return len(digits)


def justified_digits(*recorded: str) -> int:
    """The significant figures a derived number may show: those of the least precise source
    figure it rests on, as recorded ('0.92', '0.30' -> 2; '7.0760', '7.2807' -> 5)."""
    if not recorded:
        raise ValueError("a derived number's digits need the figures it rests on")
    return min(significant_digits(text) for text in recorded)


def as_recorded(value: float, recorded: str) -> str:
    """A source's figure at the decimals it is recorded with: (7.076, '7.0760') -> '7.0760',
    (7.196, '7.196') -> '7.196'."""
    whole_part, _, decimals = recorded.strip().partition(".")
    if "e" in recorded.lower():
        raise ValueError(f"'{recorded}' is recorded with an exponent; give its digits")
    return _minus(f"{value:,.{len(decimals)}f}")


def count(value: float, digits: int = SIGNIFICANT) -> str:
    """A count a reader can say: 5e7 -> '50 million', 1e12 -> '1 trillion', 1080 -> '1,080'."""
    shown = float(significant(value, digits).replace(",", ""))  # 999,999.9 is a million
    for size, word in ((TRILLION, "trillion"), (BILLION, "billion"), (MILLION, "million")):
        if abs(shown) >= size:
            return f"{significant(value / size, digits)} {word}"
    return significant(value, digits)


def money(value: float, currency: str, digits: int = SIGNIFICANT) -> str:
    """US dollars in million and bn ('USD 39 bn', 'USD 7.99'); yuan in 亿 and 万 ('2,855亿元');
    at most `digits` significant figures."""
    if currency == "CNY":
        if abs(value) >= YI:
            return f"{significant(value / YI, digits)}亿元"
        if abs(value) >= WAN:
            return f"{significant(value / WAN, digits)}万元"
        return f"CNY {significant(value, digits)}"
    if abs(value) >= BILLION:
        return f"{currency} {significant(value / BILLION, digits)} bn"
    if abs(value) >= MILLION:
        return f"{currency} {significant(value / MILLION, digits)} million"
    return f"{currency} {significant(value, digits)}"


def share(value: float, digits: int = SIGNIFICANT) -> str:
    """A part of a whole, or a change, as a percentage: 0.2516 -> '25.16%', 0.25 -> '25%';
    (0.62, 2) -> '62%'."""
    return f"{significant(value * 100, digits)}%"


def multiple(value: float, digits: int = SIGNIFICANT) -> str:
    """How many times another figure: 2.057 -> '2.057×'; (7.4, 2) -> '7.4×'."""
    return f"{significant(value, digits)}×"


def times(value: float, decimals: int = 2) -> str:
    """A multiple to a stated number of decimals, as a ratio between two rounded figures is
    shown: 1.6216 -> '1.62×'."""
    return _minus(f"{value:.{decimals}f}") + "×"


def whole(value: float) -> str:
    """A rank or a count of things, to the unit: 3.0 -> '3', 1080 -> '1,080'."""
    return _minus(f"{value:,.0f}")


def bits_per_second(value: float) -> str:
    """A bitrate: 8e6 -> '8 Mbps', 3.2e6 -> '3.2 Mbps', 64e3 -> '64 kbps'."""
    for size, name in ((BILLION, "Gbps"), (MILLION, "Mbps"), (THOUSAND, "kbps")):
        if abs(value) >= size:
            return f"{significant(value / size)} {name}"
    return f"{significant(value)} bps"


def seconds(value: float) -> str:
    """A duration: 0.018 -> '18 ms', 300 -> '300 s'."""
    if abs(value) < 1:
        return f"{significant(value * 1000)} ms"
    return f"{significant(value)} s"


def flops(value: float) -> str:
    """Floating-point operations a second: 9.89e14 -> '989 TFLOP/s'."""
    for size, name in ((1e18, "EFLOP/s"), (1e15, "PFLOP/s"), (1e12, "TFLOP/s"), (1e9, "GFLOP/s")):
        if abs(value) >= size:
            return f"{significant(value / size)} {name}"
    return f"{count(value)} FLOP/s"


PER = {
    "day": "a day",
    "year": "a year",
    "month": "a month",
    "GB": "per GB",
    "inference": "per inference",
    "GPU-hour": "per GPU-hour",
    "Mtok": "per million tokens",
}
"""How a money rate's denominator reads: USD/day is 'USD 2 million a day'."""

WORDS = {"params": "parameters", "videos/day": "videos a day", "actions/day": "actions a day"}


def by_unit(value: float, unit: str, digits: int = SIGNIFICANT) -> str:
    """A value in one of the data's base units, in the form a reader expects for that unit;
    money, shares, multiples and counts at most `digits` significant figures."""
    if unit == "USD per 1000 impressions":
        return f"{money(value, 'USD', digits)} per 1,000 impressions"
    currency, _, per = unit.partition("/")
    if currency in ("USD", "CNY") and unit != "CNY/USD":
        return money(value, currency, digits) + (f" {PER.get(per, 'per ' + per)}" if per else "")
    if unit == "CNY/USD":
        return f"{significant(value, max(digits, 5))} CNY/USD"
    if unit == "multiple":
        return multiple(value, digits)
    if unit in ("share", "ratio"):
        return share(value, digits) if abs(value) < 10 else multiple(value, digits)
    if unit == "bit/s":
        return bits_per_second(value)
    if unit == "s":
        return seconds(value)
    if unit == "FLOP/s":
        return flops(value)
    if unit == "count":
        return count(value, digits)
    if unit == "rank":
        return f"rank {significant(value)}"
    if unit == "years":
        return f"{significant(value)} years"
    if unit == "px":
        return f"{significant(value)} px"
    return f"{count(value)} {WORDS.get(unit, unit)}"


# At a stated precision: decimals chosen by the sentence that shows the number.


def format_yi(value: float, digits: int = 0) -> str:
    """Format a base-unit amount in 亿 (1e8): 2.855e11 -> '2,855亿'."""
    return _minus(f"{value / YI:,.{digits}f}亿")


def format_billion(value: float, digits: int = 1) -> str:
    """Format a base-unit amount in billions: 3.9e10 -> '39.0 bn'."""
    return _minus(f"{value / BILLION:,.{digits}f}") + " bn"


def format_percent(fraction: float, digits: int = 1) -> str:
    """Format a fraction as a percentage: 0.2516 -> '25.2%', -0.026 -> '−2.6%'."""
    return _minus(f"{fraction * 100:.{digits}f}%")


def percent(fraction: float, digits: int = 1) -> str:
    """A percentage to at most `digits` decimals, trailing zeros dropped, as a figure recorded
    to fewer digits reads: 0.63 -> '63%', 0.3847 -> '38.5%', 0.12 -> '12%'."""
    text = format_percent(fraction, digits)
    if "." in text:
        text = text[:-1].rstrip("0").rstrip(".") + "%"
    return text


def format_usd(value: float, digits: int = 1) -> str:
    """A base-unit USD amount in billions: 3.9e10 -> 'USD 39.0 bn'."""
    return "USD " + format_billion(value, digits)


def format_yuan(value: float, digits: int = 0) -> str:
    """A base-unit CNY amount in 亿元: 2.855e11 -> '2,855亿元'."""
    return format_yi(value, digits) + "元"


def format_in(value: float, unit: str, digits: int = 0, prefix: str = "") -> str:
    """A base-unit value in `unit` (a key of SCALED_UNITS), with `digits` decimals and thousands
    separators: (2.2e12, 'trillion', 2) -> '2.20 trillion'; (7.32e8, '亿', 2, 'USD ') ->
    'USD 7.32亿'."""
    space = "" if unit == "亿" else " "
    return f"{prefix}{_minus(f'{value / SCALED_UNITS[unit]:,.{digits}f}')}{space}{unit}"
