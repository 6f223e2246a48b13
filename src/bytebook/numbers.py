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
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from itertools import pairwise

from bytebook.units import SCALED_UNITS

SIGNIFICANT = 4
THOUSAND, MILLION, BILLION, TRILLION = 1e3, 1e6, 1e9, 1e12
WAN, YI = 1e4, 1e8


MINUS = "−"
"""A negative number reads with the minus sign (U+2212), never a hyphen."""


def in_a_list(items: list[str]) -> str:
    """Words in a list as a sentence writes them: 'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def names_or_none(names: list[str]) -> str:
    """`in_a_list`, or 'none' for an empty list."""
    return in_a_list(names) if names else "none"


def count_words(n: int) -> str:
    """'three' for 3 (up to ten), else the digits."""
    if n < 0:
        raise ValueError(f"a count cannot be negative: {n}")
    words = "zero one two three four five six seven eight nine ten".split()
    return words[n] if n < len(words) else str(n)


def ordinal(n: int) -> str:
    """'1st', '2nd', '3rd', '4th', '11th', '21st'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _minus(text: str) -> str:
    """`text` with a leading hyphen-minus written as the minus sign; a negative that rounds to
    zero ('-0.0%') loses its sign."""
    if not text.startswith("-"):
        return text
    if not any(ch in "123456789" for ch in text):
        return text[1:]
    return MINUS + text[1:]


def _half_up(value: float, decimals: int, as_drawn: bool = False) -> Decimal:
    """`value` rounded to `decimals` places, a tie away from zero (1426.5 -> 1427; Python's own
    format would give 1426). A tie is one in the decimal the value is written as, as a reader
    redoing the arithmetic finds it: USD 2,398,500,000 is USD 2.3985 bn and 2.399 at four
    figures, though the float of 2.3985 lies just below it. `as_drawn` rounds the float's exact
    value instead, as a chart's d3 format does (2.398 there)."""
    exact = Decimal(float(value)) if as_drawn else Decimal(repr(float(value)))
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def significant(value: float, digits: int = SIGNIFICANT, *, as_drawn: bool = False) -> str:
    """`value` to at most `digits` significant figures, with thousands separators and no
    trailing zeros, a tie in its written decimal rounded away from zero: 17.729 -> '17.73',
    2855 -> '2,855', 11420.4 -> '11,420', 1426.5 -> '1,427', 2.3985 -> '2.399', -0.5 -> '−0.5'.
    `as_drawn` writes it as a chart's label does (`_half_up`): 2.3985 -> '2.398'."""
    if value == 0:
        return "0"
    if not math.isfinite(value):
        return _minus(f"{value:g}")
    whole_digits = math.floor(math.log10(abs(value))) + 1
    decimals = max(0, digits - whole_digits)
    text = f"{_half_up(value, decimals, as_drawn):,.{decimals}f}"
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


_PLAIN_NUMBER = re.compile(r"\d[\d,]*\.\d+")


def keeping_recorded_decimals(text: str, value: float, recorded: str) -> str:
    """`text`, a form of `value`, with the number that is `value` itself written at the
    decimals `recorded` gives it: ('USD 8.7 CPM', 8.7, '8.70') -> 'USD 8.70 CPM'. A form that
    scales the value ('70%' for 0.70) is left as it is."""
    if "." not in recorded or "e" in recorded.lower():
        return text
    wanted = as_recorded(value, recorded)
    for match in _PLAIN_NUMBER.finditer(text):
        if float(match[0].replace(",", "")) == float(wanted.replace(",", "")):
            return text[: match.start()] + wanted + text[match.end() :]
    return text


def count(value: float, digits: int = SIGNIFICANT) -> str:
    """A count a reader can say: 5e7 -> '50 million', 1e12 -> '1 trillion', 1080 -> '1,080'."""
    shown = float(significant(value, digits).replace(",", ""))  # 999,999.9 is a million
    for size, word in ((TRILLION, "trillion"), (BILLION, "billion"), (MILLION, "million")):
        if abs(shown) >= size:
            return f"{significant(value / size, digits)} {word}"
    return significant(value, digits)


def usd(value: float, digits: int = SIGNIFICANT) -> str:
    """A US-dollar amount: `money` in USD ('USD 39 bn', 'USD 1.918 bn', 'USD 7.99')."""
    return money(value, "USD", digits)


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


EXACT_POINT_DECIMALS = 3
"""A share's end that is exact to at most this many decimals of a percent (a printed band's
40.5%, a source's half-unit 41.515%) is written whole beside a gap in percentage points."""


def _percent_digits(fraction: float) -> Decimal:
    """A fraction in percent, as the shortest decimal it is (0.41515 -> 41.515)."""
    return Decimal(repr(round(float(fraction) * 100, 9)))


def _plain(number: Decimal) -> str:
    """A decimal with no trailing zeros after its point: 1.000 -> '1', 7.50 -> '7.5'."""
    text = f"{number:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _exact(end: Decimal) -> bool:
    """Whether a share in percent is exact to `EXACT_POINT_DECIMALS` decimals (40.5, 41.515)."""
    return -end.normalize().as_tuple().exponent <= EXACT_POINT_DECIMALS


def points_between(upper: float, lower: float, decimals: int | None = None) -> tuple[str, str, str]:
    """Two shares (fractions, `upper` above `lower`) and the gap between them in percentage
    points, so that the subtraction holds as printed. An end exact to `EXACT_POINT_DECIMALS`
    decimals of a percent (a printed band's end, a source's half unit) is written whole; any
    other is rounded (a tie away from zero) to `decimals`, the precision its figure is shown
    at, by default the decimals that give the gap two significant figures (more if the ends
    would meet), but never to fewer decimals than the exact end has: 33.07% less 28.35%, not
    33.1% less 28.35%, which would add the rounding to the gap; a rounded end keeps those
    decimals, zeros included (77.0% less 70.5%). The gap is the difference of the ends as
    written, no trailing zeros: (0.285466, 0.21) -> ('28.5%', '21%', '7.5'); (0.41515, 0.405)
    -> ('41.515%', '40.5%', '1.015'); (0.3307, 0.2835, 1) -> ('33.07%', '28.35%', '4.72');
    (0.769788, 0.705, 0) -> ('77.0%', '70.5%', '6.5')."""
    ends = [_percent_digits(upper), _percent_digits(lower)]
    if ends[0] <= ends[1]:
        raise ValueError(f"{upper} is not above {lower}")
    if decimals is None:
        decimals = max(0, 2 - (math.floor(math.log10(float(ends[0] - ends[1]))) + 1))
    exact_decimals = [-e.normalize().as_tuple().exponent for e in ends if _exact(e)]
    decimals = max([decimals, *exact_decimals])
    while True:
        step = Decimal(1).scaleb(-decimals)
        high, low = (e if _exact(e) else e.quantize(step, rounding=ROUND_HALF_UP) for e in ends)
        if high > low:
            written = (
                _plain(e) if _exact(end) else f"{e:f}"
                for e, end in zip((high, low), ends, strict=True)
            )
            return *(f"{text}%" for text in written), _plain(high - low)
        decimals += 1


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


YI_YUAN = f"亿元 ({count(YI)} yuan)"
"""What a chart's units line says 亿元 is: '亿元 (100 million yuan)', the unit's size in words
(a yuan amount itself is never written in million or bn yuan)."""


def bits_per_second(value: float) -> str:
    """A bitrate: 8e6 -> '8 Mbps', 3.2e6 -> '3.2 Mbps', 64e3 -> '64 kbps'."""
    for size, name in ((BILLION, "Gbps"), (MILLION, "Mbps"), (THOUSAND, "kbps")):
        if abs(value) >= size:
            return f"{significant(value / size)} {name}"
    return f"{significant(value)} bps"


def seconds(value: float) -> str:
    """A duration: 0.018 -> '18 ms', 45 -> '45 s', a whole number of minutes in minutes: 300 ->
    '5 min'."""
    if abs(value) < 1:
        return f"{significant(value * 1000)} ms"
    if abs(value) >= 60 and value % 60 == 0:
        return f"{significant(value / 60)} min"
    return f"{significant(value)} s"


def data_size(value: float) -> str:
    """An amount of data in decimal units: 5e13 -> '50 TB', 2.16e9 -> '2.16 GB'."""
    for size, name in ((1e15, "PB"), (TRILLION, "TB"), (BILLION, "GB"), (MILLION, "MB")):
        if abs(value) >= size:
            return f"{significant(value / size)} {name}"
    return f"{significant(value)} bytes"


def flops(value: float) -> str:
    """Floating-point operations a second: 9.89e14 -> '989 TFLOP/s'."""
    for size, name in ((1e18, "EFLOP/s"), (1e15, "PFLOP/s"), (1e12, "TFLOP/s"), (1e9, "GFLOP/s")):
        if abs(value) >= size:
            return f"{significant(value / size)} {name}"
    return f"{count(value)} FLOP/s"


CPM = "USD per 1000 impressions"
"""The data's unit of a cost per thousand impressions."""
PER_THOUSAND = "per 1,000 impressions"
"""How a cost per thousand impressions reads after its US dollars ('USD 26 per 1,000
impressions')."""
PER_THOUSAND_SHORT = "CPM"
"""The same in a table's narrow column of figures ('USD 26 CPM'), which holds a value on one
line only in the trade's short name (`in_a_column`)."""

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
    if unit == CPM:
        return f"{money(value, 'USD', digits)} {PER_THOUSAND}"
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
    if unit.partition("/")[0] == "bytes":
        per = unit.partition("/")[2]
        return data_size(value) + (f" {PER.get(per, 'per ' + per)}" if per else "")
    if unit == "count":
        return count(value, digits)
    if unit == "rank":
        return f"rank {significant(value)}"
    if unit == "years":
        return f"{significant(value)} years"
    if unit == "px":  # a video's height in lines, as the trade writes it
        return f"{value:.0f}p"
    return f"{count(value)} {WORDS.get(unit, unit)}"


def figure(value: float, unit: str, digits: int = SIGNIFICANT) -> str:
    """A value as a sentence names it, the unit's rate and thing left to the words around it:
    `by_unit` without 'a day' or 'per 1,000 impressions' ('USD 26', 'USD 2 million', '8 Mbps')
    and a count without its thing ('50 million', not '50 million videos a day'); a duration as
    `seconds` writes it, in the Stated column too (300 s -> '5 min')."""
    if unit == CPM:
        return money(value, "USD", digits)
    head = unit.partition("/")[0]
    if head in ("USD", "CNY") and unit != "CNY/USD":
        return money(value, head, digits)
    if head == "bytes":
        return data_size(value)
    if unit in ("multiple", "share", "ratio", "bit/s", "s", "FLOP/s", "CNY/USD", "count"):
        return by_unit(value, unit, digits)
    return count(value, digits)


UNIT_WORDS = (
    "bn",
    "million",
    "billion",
    "trillion",
    "percentage points",
    "points",
    "Gbps",
    "Mbps",
    "kbps",
    "bps",
    "ms",
    "s",
    "min",
    "PB",
    "TB",
    "GB",
    "MB",
    "EFLOP/s",
    "PFLOP/s",
    "TFLOP/s",
    "GFLOP/s",
    "FLOP/s",
    "px",
    "years",
    "CNY/USD",
)
"""The words after a space that the forms above write as a number's unit."""

VALUE_WITH_UNIT = re.compile(
    r"(?:(?:USD|CNY)[ \u00a0])?[−-]?\d[\d,]*(?:\.\d+)?\+?"
    r"(?:[ \u00a0]?(?:(?:万亿|亿|万)?(?:美元|元)(?:/[月年天])?|万亿|亿|万|年)|%|×|[ \u00a0](?:"
    + "|".join(re.escape(word) for word in UNIT_WORDS)
    + r")(?![\w/]))"
    r"|(?:USD|CNY)[ \u00a0][−-]?\d[\d,]*(?:\.\d+)?(?:/[A-Za-z]+\b)?"
    + "(?:[ \u00a0](?:"
    + r"[ \u00a0]".join(re.escape(word) for word in PER_THOUSAND.split())
    + f"|{PER_THOUSAND_SHORT}))?"
)
"""A value written with its unit or currency, as the forms above write it ('USD 39 bn',
'2,855亿元', '1000+ 亿元', '25%', '8 Mbps', 'USD 0.020/GB', 'USD 26 per 1,000 impressions',
'USD 26 CPM'), and the article's own ('390 亿美元', '7.99 美元/月', '深耕 20 年'): a line must
not break inside one."""


def in_a_column(text: str) -> str:
    """A value as a table's narrow column of figures writes it (a claims table's Stated and
    Recomputed, the sources' Figure): as the text does, but a cost per thousand impressions as
    'USD 26 CPM' ('USD 7.44 to USD 8.70 CPM'). Whole, 'USD 26 per 1,000 impressions' is twice
    the column's width, and broken it reads 'per ⏎ 1,000 ⏎ impressions'; the claim or the
    measure beside it names the CPM, and the evidence says per 1,000 impressions."""
    return text.replace(f" {PER_THOUSAND}", f" {PER_THOUSAND_SHORT}")


# At a stated precision: decimals chosen by the sentence that shows the number.


def in_yi(value: float, digits: int = 0) -> str:
    """A base-unit amount as a number of 亿, for a table whose header names the unit once
    ('Overseas revenue (亿元)'): 2.855e11 -> '2,855'."""
    return _minus(f"{value / YI:,.{digits}f}")


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
    """A base-unit CNY amount in 亿元, the one form the book writes a yuan amount in (no space,
    元 always written): 2.855e11 -> '2,855亿元'."""
    return _minus(f"{value / YI:,.{digits}f}亿元")


def format_in(value: float, unit: str, digits: int = 0, prefix: str = "") -> str:
    """A base-unit value in `unit` (a key of SCALED_UNITS other than 亿), with `digits`
    decimals and thousands separators: (2.2e12, 'trillion', 2) -> '2.20 trillion'. A yuan
    amount in 亿 is `format_yuan`'s ('2,855亿元'); US dollars are never written in 亿."""
    if unit == "亿":
        raise ValueError("write a yuan amount with format_yuan; US dollars in million or bn")
    return f"{prefix}{_minus(f'{value / SCALED_UNITS[unit]:,.{digits}f}')} {unit}"


# A figure as a text writes it: the Recomputed column at the precision of its row's evidence.

_SCALES = {
    "": 1.0,
    "%": 0.01,
    "percentage points": 0.01,
    "×": 1.0,
    "times": 1.0,
    "万": WAN,
    "亿": YI,
    "million": MILLION,
    "bn": BILLION,
    "billion": BILLION,
    "trillion": TRILLION,
}
_WRITTEN = re.compile(
    r"(?<![\w.,/])(?P<sign>[−-])?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<scale>\s?(?:亿|万)|%|×| (?:times|million|bn|billion|trillion|percentage points)\b)?"
)
_BAND = re.compile(r"\s*(?:to|–)\s*(?:USD\s)?$")


@dataclass(frozen=True)
class Written:
    """A figure as a text writes it: its value in base units, the decimals it is written with
    and the scale word after it ('7.80亿' is 7.8e8 at two decimals in 亿)."""

    value: float
    decimals: int
    scale: str
    significant: int
    start: int
    end: int

    @property
    def step(self) -> float:
        """The size of the figure's last written digit, in base units."""
        return 10.0**-self.decimals * _SCALES[self.scale]

    def holds(self, value: float) -> bool:
        """Whether `value` rounds to this figure at its written precision."""
        return abs(value - self.value) <= self.step / 2 * (1 + 1e-9)


def written_figures(text: str) -> list[Written]:
    """Every figure `text` writes, in order: '= 7.80亿 a day' gives 7.8e8 at two decimals in 亿;
    '0.6%' gives 0.006 at one decimal in %."""
    figures = []
    for match in _WRITTEN.finditer(text):
        scale = (match["scale"] or "").strip()
        number = match["number"].replace(",", "")
        decimals = len(number.partition(".")[2])
        sign = -1.0 if match["sign"] else 1.0
        digits = len(number.replace(".", "").lstrip("0"))
        value = sign * float(number) * _SCALES[scale]
        figures.append(Written(value, decimals, scale, digits, match.start(), match.end()))
    return figures


KIND_SCALES = {
    "CNY": ("亿", "万", ""),
    "USD": ("bn", "billion", "million", ""),
    "share": ("%", "percentage points"),
    "multiple": ("×", "times", ""),
    "rate": ("",),
    "count": ("trillion", "billion", "million", ""),
}
"""Which scale words a value of each kind may be written with."""


def kind_of(unit: str) -> str:
    """The kind of a base unit, for how its figures are written: money in CNY or USD, a share,
    a multiple, an exchange rate, a count, or the unit itself."""
    if unit == "CNY/USD":
        return "rate"
    if unit == CPM:
        return "USD"
    currency = unit.partition("/")[0]
    if currency in ("CNY", "USD"):
        return currency
    if unit in ("share", "ratio"):
        return "share"
    return unit if unit in KIND_SCALES else "other"


def at_written(value: float, unit: str, scale: str, decimals: int) -> str:
    """A value in base unit `unit` in the words `by_unit` gives its kind, but in `scale` at
    `decimals` places, as a text writes it: (7.8005e8, 'CNY/day', '亿', 2) -> '7.80亿元 a day',
    (1.0656e8, 'USD/day', 'million', 0) -> 'USD 107 million a day'."""
    number = _minus(f"{_half_up(value / _SCALES[scale], decimals):,.{decimals}f}")
    kind = kind_of(unit)
    per = unit.partition("/")[2] if "/" in unit and kind in ("CNY", "USD") else ""
    after = f" {PER.get(per, 'per ' + per)}" if per else ""
    if unit == CPM:
        after = f" {PER_THOUSAND}"
    if kind == "CNY":
        shown = f"{number}{scale}元" if scale else f"CNY {number}"
    elif kind == "USD":
        shown = f"USD {number}" + (f" {'bn' if scale == 'billion' else scale}" if scale else "")
    elif kind == "share":
        shown = f"{number} percentage points" if scale == "percentage points" else f"{number}%"
    elif kind == "multiple":
        shown = f"{number}×"
    elif kind == "rate":
        shown = f"{number} CNY/USD"
    else:
        shown = f"{number} {scale}" if scale else number
    return shown + after


_BARE_NUMBER = re.compile(r"[−-]?\d[\d,]*(?:\.\d+)?")


RATE_WORDS = (f" {PER_THOUSAND}", *(f" {words}" for words in PER.values()))
"""What a money rate writes after its amount ('USD 26 per 1,000 impressions', '7.80亿元 a
day'): said once where several amounts of the rate stand together."""


def rate_words(*written: str) -> str:
    """The rate's words every one of `written` ends with (' per 1,000 impressions'), or ''."""
    return next((w for w in RATE_WORDS if all(text.endswith(w) for text in written)), "")


def value_range(low: str, high: str) -> str:
    """Two written values as a range, a unit word both ends share written once, after the
    high end: '6.917 to 7.106 CNY/USD', not '6.917 CNY/USD to 7.106 CNY/USD'; a rate's words
    likewise: 'USD 25.5 to USD 26.5 per 1,000 impressions'."""
    number, space, unit = low.partition(" ")
    if space and _BARE_NUMBER.fullmatch(number) and high.endswith(f" {unit}"):
        return f"{number} to {high}"
    return f"{low.removesuffix(rate_words(low, high))} to {high}"


def gap_formula(high: str, low: str, middle: str) -> str:
    """A gap worked as a fraction of a middle, from written figures, without a rate's words: the
    result is a ratio, and the band before it names the rate ('(USD 25.5 − USD 7.44) ÷ USD
    7.44', not '… ÷ USD 7.44 per 1,000 impressions'); '(7.227 CNY/USD − 7.196 CNY/USD) ÷
    7.196 CNY/USD' keeps a unit that is the figure's own."""
    words = rate_words(high, low, middle)
    bare = (text.removesuffix(words) for text in (high, low, middle))
    return "({} − {}) ÷ {}".format(*bare)


def as_written(value: float, unit: str, text: str) -> str | None:
    """`value` at the precision at which `text` writes it, in `at_written`'s words: the most
    precise figure of its kind in `text` that it rounds to ('= 7.80亿' makes 7.8005e8 read
    '7.80亿元'); else the narrowest band 'low to high' in `text` that holds it, both ends shown
    ('1.62× to 1.65×'); else a one-figure match ('7 times'); None when `text` writes it nowhere."""
    allowed = KIND_SCALES.get(kind_of(unit))
    if allowed is None or not math.isfinite(value):
        return None
    figures = [f for f in written_figures(text) if f.scale in allowed]
    matches = sorted(
        (f for f in figures if f.holds(value) and f.value != 0),
        key=lambda f: -f.significant,
    )
    if matches and matches[0].significant >= 2:
        best = matches[0]
        return at_written(value, unit, best.scale, best.decimals)
    bands = [
        (low, high)
        for low, high in pairwise(figures)
        if _BAND.match(text[low.end : high.start])
        and (low.scale == high.scale or not low.scale)
        and low.value - low.step / 2 <= value <= high.value + high.step / 2
    ]
    if bands:
        low, high = min(bands, key=lambda pair: pair[1].value - pair[0].value)
        scale = high.scale
        low_text = at_written(low.value, unit, scale, low.decimals)
        return f"{low_text} to {at_written(high.value, unit, scale, high.decimals)}"
    if matches:
        return at_written(value, unit, matches[0].scale, matches[0].decimals)
    return None


def _gap_scale(middle: float, unit: str) -> str:
    """The scale word a gap's figures are written in: 亿 or 万 for yuan, bn or million for US
    dollars, % for a share, none for a rate or a count."""
    kind = kind_of(unit)
    size = abs(middle)
    if kind == "CNY":
        return "亿" if size >= YI else "万" if size >= WAN else ""
    if kind == "USD":
        return "bn" if size >= BILLION else "million" if size >= MILLION else ""
    if kind == "share":
        return "%"
    if kind == "multiple":
        return "×"
    return ""


def _half_unit(figure: Decimal, decimals: int) -> bool:
    """Whether a figure is a band's end half a unit beyond `decimals` places (7.475 at two,
    2,218.5 at none): such an end is written whole, never rounded to a neighbour."""
    digits = figure.normalize().as_tuple()
    return -digits.exponent == decimals + 1 and digits.digits[-1] == 5


def gap_figures(
    upper: float,
    lower: float,
    middle: float,
    unit: str,
    side: Callable[[float], object],
    least: int = 0,
    whole_upto: int = -1,
    ends_at: tuple[int | None, int | None] = (None, None),
) -> tuple[str, str, str, str, float]:
    """A gap between two ends as a fraction of a middle, with every figure written so that a
    reader working it from the page gets the printed result: ends and middle at the decimals
    that give the middle three significant figures (at least `least`; a figure exact at them,
    or to `whole_upto` decimals, or a band's end half a unit beyond them, written whole with no
    trailing zero), or more where the gap worked from them would fall on another
    `side` than the true gap (another grade) or vanish; an end its sentence prints at given
    decimals of the scale (`ends_at`, upper then lower) is written at them, as printed. The gap
    is then worked from the written figures. Returns the upper end, the lower end and the
    middle as written, their difference (a number in their scale) and the gap: (2.2185e11,
    2e11, 2.219e11, 'CNY', side) -> ('2,218.5亿元', '2,000亿元', '2,219亿元', '218.5', 0.0985)."""
    scale = _gap_scale(middle, unit)
    size = _SCALES[scale]
    figures = [Decimal(repr(round(float(v) / size, 9))) for v in (upper, lower, middle)]
    whole_digits = math.floor(math.log10(abs(figures[2]))) + 1 if figures[2] else 1
    tried = max(least, 3 - whole_digits, 0)
    while True:
        step = Decimal(1).scaleb(-tried)
        high, low, mid = (
            f.quantize(Decimal(1).scaleb(-at), ROUND_HALF_UP)
            if at is not None
            else f.normalize()
            if -f.normalize().as_tuple().exponent <= max(tried, whole_upto) or _half_unit(f, tried)
            else f.quantize(step, ROUND_HALF_UP)
            for f, at in zip(figures, (*ends_at, None), strict=True)
        )
        gap = float(high - low) / abs(float(mid)) if mid else 0.0
        true_gap = (upper - lower) / abs(middle)
        if gap > 0 and side(gap) == side(true_gap) or tried > least + 8:
            break
        tried += 1
    written = [
        at_written(float(f) * size, unit, scale, max(0, -f.as_tuple().exponent))
        for f in (high, low, mid)
    ]
    return written[0], written[1], written[2], _plain(high - low), gap
