"""The verdict policy: how a printed figure is read, compared and graded.

Every verdict in the book comes from the rules here; the Methods appendix prints them as a
table made by `policy_table()`.

- **A printed value is an interval** set by its printed precision. The digits recorded in
  `data/claims.csv` are the printed digits: '0.40' for "40%", '1.364e11' for "1364 亿元",
  '3.1e11' for "3100+ 亿元", '39e9' for "390 亿美元". Their last significant digit is the
  printed unit: a whole number's trailing zeros only hold places, and a percentage is read to
  the whole percent.
- **Derived values carry intervals** through the arithmetic (`Interval` supports + − × ÷).
- **A comparison is graded** by the gap between the printed interval and the evidence
  interval, as a fraction of the evidence: no gap holds, a gap of at most
  `SUBSTANCE_MARGIN` is "right in substance, off in detail", a larger gap fails.
- **One final verdict per printed claim**: `combine` takes the worst grade among the findings
  that may decide. Findings resting on a W source, on a figure read at second hand or on the
  book's own model, or covering less than the claim does, never decide.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

import pandas as pd

from bytebook.numbers import (
    EXACT_POINT_DECIMALS,
    gap_figures,
    gap_formula,
    in_a_list,
    kind_of,
    points_between,
    rate_words,
)

if TYPE_CHECKING:
    from bytebook.data import BookData

APPROX_RELATIVE = 0.05
"""约 N / ≈ N: at least ±5% of N (or ± one printed unit, if that is wider)."""

APPROX_TEXT = f"{APPROX_RELATIVE:.0%}"
"""`APPROX_RELATIVE` as the text writes it ('5%')."""

APPROX_RULE = f"{APPROX_TEXT} either way, or one printed unit if that is wider"
"""How `printed_interval` reads 约 N, in words."""

SUBSTANCE_MARGIN = 0.05
"""A printed figure that misses its evidence by at most 5% of the evidence is right in
substance and off in detail."""

MARGIN_TEXT = f"{SUBSTANCE_MARGIN:.0%}"
"""`SUBSTANCE_MARGIN` as the text writes it ('5%')."""

SHARE_CEILING = 1.0
"""A share cannot exceed the whole."""


@dataclass(frozen=True)
class Interval:
    """A closed range of values [low, high]; an exact value is a range of width zero."""

    low: float
    high: float

    def __post_init__(self) -> None:
        if math.isnan(self.low) or math.isnan(self.high) or self.low > self.high:
            raise ValueError(f"not an interval: [{self.low}, {self.high}]")

    @classmethod
    def exact(cls, value: float) -> Interval:
        """A value known exactly (a count of days, a defined constant)."""
        return cls(float(value), float(value))

    @property
    def mid(self) -> float:
        """The middle of a bounded interval, or its finite end."""
        if math.isinf(self.high):
            return self.low
        if math.isinf(self.low):
            return self.high
        return (self.low + self.high) / 2

    def contains(self, value: float) -> bool:
        """Whether `value` lies in the interval."""
        return self.low <= value <= self.high

    def distance(self, other: Interval) -> float:
        """The gap between two intervals; zero when they overlap or touch."""
        return max(0.0, other.low - self.high, self.low - other.high)

    def __add__(self, other: Interval | float) -> Interval:
        other = as_interval(other)
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval | float) -> Interval:
        other = as_interval(other)
        return Interval(self.low - other.high, self.high - other.low)

    def __mul__(self, other: Interval | float) -> Interval:
        other = as_interval(other)
        products = [_product(a, b) for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(products), max(products))

    __rmul__ = __mul__

    def __truediv__(self, other: Interval | float) -> Interval:
        other = as_interval(other)
        if other.low <= 0 <= other.high:
            raise ZeroDivisionError(f"division by an interval that holds zero: {other}")
        return self * Interval(1 / other.high, 1 / other.low)

    def __rtruediv__(self, other: float) -> Interval:
        return as_interval(other) / self


def _product(a: float, b: float) -> float:
    """a × b with 0 × ∞ = 0 (an unbounded end times zero contributes nothing)."""
    return 0.0 if a == 0 or b == 0 else a * b


def as_interval(value: Interval | float) -> Interval:
    """An interval as it is, a number as the interval of that one point."""
    return value if isinstance(value, Interval) else Interval.exact(float(value))


def printed_unit(value_text: str) -> float:
    """The place value of the last significant digit of a number as written.

    '0.40' → 0.01, '1.364e11' → 1e8, '3.1e11' → 1e10, '1e11' → 1e11, '128000' → 1000
    (trailing zeros of a whole number are not significant), '39e9' → 1e9.
    """
    number = Decimal(value_text.strip())
    if number == 0:
        raise ValueError(f"'{value_text}' has no significant digit")
    sign, digits, exponent = number.as_tuple()
    digits = list(digits)
    if "." not in value_text.lower().split("e")[0]:
        while len(digits) > 1 and digits[-1] == 0:
            digits.pop()
            exponent += 1
    return float(Decimal(1).scaleb(exponent))


def printed_interval(value_text: str, qualifier: str, unit: str = "") -> Interval:
    """The range of values a figure printed with `qualifier` stands for.

    `=` ± half a printed unit; `≈` (约) ± the wider of one unit and `APPROX_RELATIVE`;
    `+` ("N+", read as the Chinese "N多") from N up to N plus one printed unit;
    `>` / `<` / `≥` / `≤` one-sided, bounded by 0 (a rank by 1) and, for a share, by 1.
    A count printed to its last unit (三条, three threads) is exact: whole things leave nothing
    to round. A count that ends in zeros stays a band, as any whole number does: its zeros may
    be rounding (10, 5亿).
    """
    value = float(value_text)
    unit_size = printed_unit(value_text)
    ceiling = SHARE_CEILING if unit == "share" else math.inf
    if _an_exact_count(qualifier, unit, unit_size):
        return Interval.exact(value)
    if qualifier == "=":
        return Interval(value - unit_size / 2, value + unit_size / 2)
    if qualifier == "≈":
        half = max(unit_size, APPROX_RELATIVE * abs(value))
        return Interval(value - half, value + half)
    if qualifier == "+":
        return Interval(value, value + unit_size)
    if qualifier in (">", "≥"):
        return Interval(value, ceiling)
    if qualifier in ("<", "≤"):
        return Interval(1.0 if unit == "rank" else 0.0, value)
    raise ValueError(f"unknown qualifier '{qualifier}'")


def _an_exact_count(qualifier: str, unit: str, unit_size: float) -> bool:
    """Whether a figure printed with `qualifier` is a count of whole things to its last unit."""
    return qualifier == "=" and unit == "count" and unit_size == 1


def reading(
    value_text: str, qualifier: str, unit: str = "", show: Callable[[float], str] | None = None
) -> str:
    """How a printed figure is read, in words, for evidence text; `show` formats a value."""
    names = {
        "=": "as rounded to its last significant digit",
        "≈": "as 'about' (约/≈)",
        "+": "as 'N多' (N or more, below the next printed unit)",
        ">": "as 'more than' (超)",
        "<": "as 'less than'",
        "≥": "as 'at least' (N itself included, as in N以上)",
        "≤": "as 'at most'",
    }
    name = names[qualifier]
    if _an_exact_count(qualifier, unit, printed_unit(value_text)):
        name = "as an exact count (whole things, printed to the unit)"
    band = printed_interval(value_text, qualifier, unit)
    return f"read {name}: {band_words(band, qualifier, show)}"


def band_words(band: Interval, qualifier: str, show: Callable[[float], str] | None = None) -> str:
    """A printed figure's interval in words: 'N or more' for an inclusive bound ('≥'), else
    `span`."""
    if qualifier == "≥" and math.isinf(band.high):
        return f"{(show or (lambda v: f'{v:.6g}'))(band.low)} or more"
    return span(band, show)


def span(band: Interval, show: Callable[[float], str] | None = None) -> str:
    """An interval in words: 'low to high' ('more than low' when unbounded above), a rate's
    words once, after the high end ('USD 25.5 to USD 26.5 per 1,000 impressions')."""
    show = show or (lambda v: f"{v:.6g}")
    if math.isinf(band.high):
        return f"more than {show(band.low)}"
    low, high = same_decimals(show(band.low), show(band.high))
    return low if low == high else f"{low.removesuffix(rate_words(low, high))} to {high}"


_NUMBER = re.compile(r"[−-]?(\d[\d,]*)(?:\.(\d+))?")


def same_decimals(low: str, high: str) -> tuple[str, str]:
    """The two ends of a range at one precision: the end written with more decimals is
    rounded to the other's ('USD 151 bn', 'USD 161.2 bn' → 'USD 151 bn', 'USD 161 bn'), when
    both ends are one number in the same words. A zero end written without decimals (a bound,
    not a rounded figure) has no precision of its own and takes the other's ('0%', '2.17%' →
    '0.00%', '2.17%': '< 2.17%' is not read as 0% to 2%); '0.0%', a figure rounded to zero,
    keeps its own."""
    ends = [_NUMBER.search(text) for text in (low, high)]
    if (
        not all(ends)
        or [_NUMBER.sub("#", t) for t in (low, high)].count(_NUMBER.sub("#", low)) != 2
    ):
        return low, high
    places = [len(match.group(2) or "") for match in ends]
    zero = [not m.group(2) and Decimal(m.group(1).replace(",", "")) == 0 for m in ends]
    keep = places[zero.index(False)] if zero.count(True) == 1 else min(places)
    if places[0] == places[1]:
        return low, high

    def rounded(text: str, match: re.Match[str], decimals: int) -> str:
        if decimals == keep:
            return text
        digits = match.group(0).replace(",", "").replace("−", "-")
        number = Decimal(digits).quantize(Decimal(1).scaleb(-keep))
        written = f"{number:,.{keep}f}".replace("-", "−")
        if not any(ch in "123456789" for ch in written):
            written = written.lstrip("−")
        return text[: match.start()] + written + text[match.end() :]

    return rounded(low, ends[0], places[0]), rounded(high, ends[1], places[1])


def evidence_interval(value_text: str) -> Interval:
    """A source's figure as the range its own printed digits allow (± half a unit)."""
    return printed_interval(value_text, "=")


class Grade(StrEnum):
    """How well a printed figure agrees with one piece of evidence."""

    HOLDS = "holds"
    OFF_IN_DETAIL = "off in detail"
    FAILS = "fails"


def relative_gap(printed: Interval, evidence: Interval) -> float:
    """The gap between the printed and the evidence interval, as a fraction of the evidence."""
    scale = abs(evidence.mid)
    gap = printed.distance(evidence)
    if gap == 0:
        return 0.0
    return gap / scale if scale else math.inf


NEAR_THE_LINE = 0.01
"""A failing gap within this of `SUBSTANCE_MARGIN` is said to be close to the line."""


def format_gap(gap: float) -> str:
    """A relative gap in words: one decimal of a percent, two below 1% ('0.05%', '4.5%')."""
    return f"{gap:.2%}" if gap < 0.01 else f"{gap:.1%}"


def grade(printed: Interval, evidence: Interval) -> Grade:
    """Holds when the intervals meet; off in detail within `SUBSTANCE_MARGIN`; else fails."""
    return grade_of_gap(relative_gap(printed, evidence))


def grade_of_gap(gap: float) -> Grade:
    """The grade of two intervals `gap` apart (`relative_gap`): holds at 0, off in detail
    within `SUBSTANCE_MARGIN`, else fails."""
    if gap == 0:
        return Grade.HOLDS
    return Grade.OFF_IN_DETAIL if gap <= SUBSTANCE_MARGIN else Grade.FAILS


class Basis(StrEnum):
    """What a printed value is compared against."""

    ARTICLE = "article"
    SOURCE = "source"


class Verdict(StrEnum):
    """A ledger row's verdict."""

    CONSISTENT = "consistent"
    SUPPORTED = "supported"
    OFF_IN_DETAIL = "off in detail"
    INCONSISTENT = "inconsistent"
    CONTRADICTED = "contradicted"
    UNVERIFIABLE = "unverifiable"


VERDICT_WORDS: dict[tuple[Grade, Basis], Verdict] = {
    (Grade.HOLDS, Basis.ARTICLE): Verdict.CONSISTENT,
    (Grade.HOLDS, Basis.SOURCE): Verdict.SUPPORTED,
    (Grade.OFF_IN_DETAIL, Basis.ARTICLE): Verdict.OFF_IN_DETAIL,
    (Grade.OFF_IN_DETAIL, Basis.SOURCE): Verdict.OFF_IN_DETAIL,
    (Grade.FAILS, Basis.ARTICLE): Verdict.INCONSISTENT,
    (Grade.FAILS, Basis.SOURCE): Verdict.CONTRADICTED,
}
"""The verdict a grade earns against each basis."""

SEVERITY = {
    Verdict.UNVERIFIABLE: 0,
    Verdict.CONSISTENT: 1,
    Verdict.SUPPORTED: 1,
    Verdict.OFF_IN_DETAIL: 2,
    Verdict.INCONSISTENT: 3,
    Verdict.CONTRADICTED: 3,
}
"""Worse verdicts rank higher; the final verdict of a claim is its worst deciding finding."""

VERDICT_MEANINGS = {
    Verdict.CONSISTENT: "the printed interval meets the interval recomputed from the article "
    "itself: its own other numbers, or what it goes on to set out",
    Verdict.SUPPORTED: "the printed interval meets the interval of a P or S source",
    Verdict.OFF_IN_DETAIL: "right in substance, off in detail: the intervals miss each other "
    f"by at most {MARGIN_TEXT} of the evidence",
    Verdict.INCONSISTENT: "the printed interval misses the interval recomputed from the article "
    f"itself by more than {MARGIN_TEXT}",
    Verdict.CONTRADICTED: "the printed interval misses a P or S source by more than "
    f"{MARGIN_TEXT}",
    Verdict.UNVERIFIABLE: "no deciding finding: no P or S source read at first hand and no "
    "arithmetic of the article's own bear on it (weak (W) sources, figures read at second hand and "
    "the book's models only illustrate)",
}


def verdict_for(found: Grade, basis: Basis) -> Verdict:
    """The verdict word for a grade against `basis`."""
    return VERDICT_WORDS[(found, basis)]


GRADE_WORDS = {
    Grade.HOLDS: "its figures agree within their intervals",
    Grade.OFF_IN_DETAIL: "its figures miss each other by at most "
    f"{MARGIN_TEXT} of the evidence",
    Grade.FAILS: f"its figures miss each other by more than {MARGIN_TEXT} of the evidence",
}
"""What a graded finding's figures meet, in words that name no verdict: said of a finding that
may not decide, since a W source, a figure read at second hand or the book's own model cannot
support or contradict, whatever its figures meet."""

READING_WORDS = {
    Verdict.SUPPORTED: "its figures bear this reading out",
    Verdict.CONSISTENT: "its figures bear this reading out",
    Verdict.OFF_IN_DETAIL: "its figures bear this reading out in substance only",
    Verdict.CONTRADICTED: "its figures do not bear this reading out",
    Verdict.INCONSISTENT: "its figures do not bear this reading out",
}
"""The same for a finding that weighs a reading rather than two intervals (no grade)."""


@dataclass(frozen=True)
class Finding:
    """One comparison bearing on a printed claim.

    `decides` is False for findings that rest on a W source or on a model the book made up:
    they are shown, never counted.
    """

    verdict: Verdict
    evidence: str
    decides: bool = True
    sources: tuple[str, ...] = field(default=())
    meets: str = ""
    """What its figures meet, in words that name no verdict: `GRADE_WORDS` when it grades two
    intervals, or what else its figures show (a bound from one side only); '' otherwise."""


def nearer_ends(
    printed: Interval, evidence: Interval, evidence_name: str = "the evidence's"
) -> tuple[float, float, tuple[str, str]]:
    """The two ends a gap between ranges that do not meet runs between, the higher first, with
    their names: (28.547%, 21%, ("the evidence's lower end", "the printed range's upper
    end"))."""
    if evidence.low > printed.high:
        names = (f"{evidence_name} lower end", "the printed range's upper end")
        return evidence.low, printed.high, names
    if printed.low > evidence.high:
        names = ("the printed range's lower end", f"{evidence_name} upper end")
        return printed.low, evidence.high, names
    raise ValueError(f"{printed} and {evidence} meet")


def _points_unit(points: str) -> str:
    """'percentage point' after '1', else 'percentage points'."""
    return "percentage point" if points == "1" else "percentage points"


def points_gap(
    printed: Interval,
    evidence: Interval,
    evidence_name: str = "the evidence's",
    decimals: int | None = None,
) -> tuple[str, str, str, str]:
    """The gap between two share ranges that do not meet, in percentage points, and the two
    ends it is measured between, written so that the subtraction holds as printed
    (`bytebook.numbers.points_between`; `decimals` is the precision the evidence's figure is
    shown at): ('7.5 percentage points', "the evidence's lower end, 28.5%, less the printed
    range's upper end, 21%", '28.5%', '21%')."""
    upper, lower, names = nearer_ends(printed, evidence, evidence_name)
    high, low, points = points_between(upper, lower, decimals)
    between = f"{names[0]}, {high}, less {names[1]}, {low}"
    return f"{points} {_points_unit(points)}", between, high, low


def gap_note(
    printed: Interval,
    evidence: Interval,
    unit: str,
    least: int = 0,
    middle: str = "the evidence's middle",
) -> str:
    """Where two ranges do not meet, how far apart they are, worked from figures the sentence
    prints (`bytebook.numbers.gap_figures`; a rate at three decimals at least, any figure at
    `least` decimals of its scale at least, as its sentence prints the evidence): for shares,
    first in percentage points between the two nearer ends, then as a fraction of the
    evidence's middle; for other figures, the fraction worked out. The grade rests on the
    unrounded gap, which the written figures never put on the other side of the line. Without
    a unit, the fraction alone. `middle` names the evidence's middle where the sentence has a
    name for the evidence (the table's band)."""
    gap = relative_gap(printed, evidence)
    if not unit:
        return f"the gap between them is {format_gap(gap)} of {middle}"
    upper, lower, names = nearer_ends(printed, evidence)
    least, whole = max(least, 3 if kind_of(unit) == "rate" else 0), -1
    if kind_of(unit) == "share":
        least = max(0, 2 - (math.floor(math.log10((upper - lower) * 100)) + 1))
        whole = EXACT_POINT_DECIMALS
    high, low, mid, points, worked = gap_figures(
        upper, lower, evidence.mid, unit, lambda g: g <= SUBSTANCE_MARGIN, least, whole
    )
    if kind_of(unit) == "share":
        return (
            f"they are {points} {_points_unit(points)} apart ({names[0]}, {high}, less "
            f"{names[1]}, {low}), a gap of {format_gap(worked)} of {middle}, {mid}"
        )
    formula = gap_formula(high, low, mid)
    return f"the gap between them is {format_gap(worked)} of {middle}: {formula}"


def worked_gap(
    printed: Interval,
    evidence: Interval,
    unit: str,
    evidence_at: int | None = None,
    least: int = 0,
) -> tuple[str, str, float]:
    """A gap between ranges that do not meet, as a fraction of the evidence's middle, worked
    from figures a sentence prints (`bytebook.numbers.gap_figures`; a rate at three decimals
    at least, any figure at `least` decimals of the gap's scale at least: a source's figure at
    the decimals it is shown with elsewhere): ('0.43%', '(7.227 CNY/USD − 7.196 CNY/USD) ÷
    7.196 CNY/USD', 0.00431). Where the sentence prints the evidence's ends at `evidence_at`
    decimals of the gap's scale (its 2,850.5亿 to 2,852.1亿元), the end worked is written as
    printed."""
    upper, lower, _ = nearer_ends(printed, evidence)
    least = max(least, 3 if kind_of(unit) == "rate" else 0)
    ends_at = (evidence_at, None) if upper == evidence.low else (None, evidence_at)
    high, low, mid, _, worked = gap_figures(
        upper, lower, evidence.mid, unit, lambda g: g <= SUBSTANCE_MARGIN, least, -1, ends_at
    )
    return format_gap(worked), gap_formula(high, low, mid), worked


POINTS_RULE = (
    "A gap between two shares is said in percentage points, with the two ends it is measured "
    "between, so that every number of the subtraction is on the page and it holds at the "
    "printed digits: an end exact to a few decimals (a printed band's end, a source figure's "
    "half unit) is written whole; any other (an end of a derived band) at the precision its "
    "figure is shown at, or at the digits that give the gap two significant figures, but never "
    "at fewer decimals than the exact end it is set against has, which would add its rounding "
    "to the gap; the gap is the difference of the ends as written. The grade still rests on "
    "the gap as a fraction of the evidence."
)


GAP_RULE = (
    "Where a printed range misses its evidence, the sentence works the gap out from figures it "
    "prints: (the nearer end above − the nearer end below) ÷ the evidence's middle, each at the "
    "digits that give the middle three significant figures (a rate at three decimals; a band's "
    "half-unit end such as 2,218.5 or 7.475 written whole; an end the sentence prints at more "
    "digits, such as an estimate's 2,850.5, as it prints it), with more digits only where fewer "
    "would put the worked gap on the other side of the line between grades. The printed gap is "
    "the one those figures give, so a reader gets it from the page; the grade rests on the "
    "unrounded gap, which is never on another side of the line."
)

GAP_EXAMPLE = ("1000+ 亿元", "1e11", "+", "2.219e11")
"""A printed amount and a source's amount it misses: (as printed, its recorded digits, its
qualifier, the source figure's recorded digits), BYD's 2024 overseas revenue."""


def gap_example() -> str:
    """The gap of `GAP_RULE` worked on `GAP_EXAMPLE`."""
    printed, digits, qualifier, source = GAP_EXAMPLE
    band = printed_interval(digits, qualifier, "CNY")
    note = gap_note(band, evidence_interval(source), "CNY")
    return f"{printed} against {_show(float(source), 'CNY')}: {note}"


POINTS_EXAMPLE = ("40%", "0.40", "0.4152")
"""A printed share and a source's share it misses: (as printed, its recorded digits, the
source figure's recorded digits), Midea's 2024 share as the table prints it and as filed."""


def points_example() -> str:
    """The gap of `POINTS_RULE` worked on `POINTS_EXAMPLE`."""
    printed, digits, source = POINTS_EXAMPLE
    points, between, _, _ = points_gap(
        printed_interval(digits, "=", "share"), evidence_interval(source), "the source's"
    )
    return f"{printed} against {_show(float(source), 'share')}: {points} ({between})"


def compare(
    printed: Interval,
    evidence: Interval,
    basis: Basis,
    evidence_text: str,
    sources: tuple[str, ...] = (),
    decides: bool = True,
    unit: str = "",
    least: int = 0,
    middle: str = "the evidence's middle",
) -> Finding:
    """Grade a printed interval against an evidence interval and word the finding; where they
    do not meet, the gap is worked out from figures the text prints (`gap_note`, in `unit`, at
    `least` decimals of its scale at least, the evidence's middle named `middle`)."""
    found = grade(printed, evidence)
    gap = relative_gap(printed, evidence)
    note = "" if found is Grade.HOLDS else (
        " The printed range and the evidence's range do not meet: "
        + gap_note(printed, evidence, unit, least, middle)
    )
    if found is Grade.FAILS and gap - SUBSTANCE_MARGIN < NEAR_THE_LINE:
        note += (
            f", less than {NEAR_THE_LINE * 100:g} point above the {MARGIN_TEXT} "
            "line between off in detail and a failure"
        )
    note += "" if found is Grade.HOLDS else "."
    return Finding(
        verdict_for(found, basis), evidence_text + note, decides, sources, GRADE_WORDS[found]
    )


def combine(findings: Iterable[Finding]) -> Verdict:
    """The final verdict of a claim: the worst verdict among its deciding findings;
    unverifiable when none decides. At equal severity a source verdict wins over an
    article one (supported over consistent, contradicted over inconsistent)."""
    deciding = [f.verdict for f in findings if f.decides]
    if not deciding:
        return Verdict.UNVERIFIABLE
    worst = max(SEVERITY[v] for v in deciding)
    tied = [v for v in deciding if SEVERITY[v] == worst]
    for preferred in (Verdict.CONTRADICTED, Verdict.SUPPORTED):
        if preferred in tied:
            return preferred
    return tied[0]


ORIGINS = {
    "filed": "read in a listed company's annual report or exchange filing, or a stored copy of it",
    "released": "read in what the company publishes itself, outside any exchange: its results "
    "release, or the annual report of a company that is not listed; or a repost of either",
    "relayed": "a press report of figures the company published",
    "tabulated": "a financial data service's table of figures from the company's filings",
    "summarised": "an aggregator's summary of a filing, a release or a broker's note",
    "reported": "a press or research report of figures the company was not found to publish (a "
    "private company's revenue, often from unnamed sources; a platform's GMV)",
    "derived": "computed from other figures, which the evidence names",
}
"""How a company's figure reached the book: one word for each kind of source, recorded in the
`origin` column of data/references.csv and shown beside the figure ('filed, P')."""


def origin_words(hows: Iterable[str]) -> str:
    """The origins of some figures in words, each once, in the order of `ORIGINS`: 'released
    and derived'; 'not found' when there are none."""
    present = set(hows)
    found = [word for word in ORIGINS if word in present]
    return in_a_list(found) if found else "not found"


SECOND_HAND_MARK = "read at second hand"
"""The words a reference's `source` cell carries when its figure was not read in the source
itself but in a note about it (beside another figure, or on a relay whose own text was not
read) or in a summary of it that quotes it (a paper whose body was not read)."""

SECOND_HAND_RULE = (
    "A figure read at second hand (its source cell says 'read at second hand': taken from a "
    "note or a summary about the source, even one that quotes it, not from the source's own "
    "text) is shown with those words, and "
    "counts as a figure from a weak (W) source whatever the source's tag: it may illustrate or "
    "corroborate, never "
    "decide. Why: the words, digits and period the figure was given with were not seen, so "
    "its interval cannot be read at the source's own precision."
)


LATER_SOURCE_RULE = (
    "A source published after the article cannot be what the article drew on. That holds of "
    "a later relay of an earlier report too (a press report of The Information's figures, "
    "say), but the report it relays may be older: the article may have read the original, or "
    "an earlier relay, when the original's date is not recorded. Either may still confirm the "
    "fact the article states, and then counts like any other source of its tag; the evidence "
    "says that it postdates the article, and which of the two it is. A source dated only to "
    "the article's own month (a paper of July 2025) may be earlier or later than the article: "
    "the evidence says so, and it counts the same way."
)


PAIR_RULE = (
    "An overseas amount and share printed together imply a total (amount ÷ share). Set against "
    "a P or S total, that checks the pair, not either cell: when the implied band misses the "
    "total, at least one cell is wrong but the total cannot say which; when it meets the total, "
    "the pair holds together but neither cell is confirmed. So the check decides only the "
    "derived implied-total row; a cell whose own figure was not found stays unverifiable, "
    "whatever the total's tag, and shows the check as a finding that does not decide."
)


COMBINATION_RULE = (
    "A claim judged by several findings takes the worst verdict among those that may decide "
    "(contradicted or inconsistent, then off in detail, then supported or consistent); findings "
    "resting on a weak (W) source, on a figure read at second hand or on the book's own model are "
    "shown but never decide, nor "
    "does a finding that covers less than the claim does (one segment of advertisers, for a "
    "claim about all of them; the table's seven companies, for all Chinese companies), unless "
    "what it leaves out could only move it further the same way (a claim about two companies "
    "fails if it fails for one; a faster runner-up could only lower ByteDance's lead), and a "
    "claim with no deciding finding is unverifiable. One printed figure that appears in several "
    "places gets one final verdict, shared by every row that prints it."
)


def best_period(printed: Interval, candidates: dict[str, Interval]) -> tuple[str, float]:
    """The candidate period whose evidence the printed interval matches best, with its gap.

    Ties go to the first candidate in the order given (list the claimed period first).
    """
    if not candidates:
        raise ValueError("no candidate periods")
    gaps = {label: relative_gap(printed, band) for label, band in candidates.items()}
    best = min(gaps, key=lambda label: gaps[label])
    return best, gaps[best]


QUALIFIER_MEANINGS = {
    "=": "± half a unit of the last significant digit: a whole number's trailing zeros only hold "
    "places, but a percentage is read to the whole percent, the precision of every percentage "
    "the article prints, and a count of whole things printed to its last unit (三条) is exact",
    "≈": f"± one printed unit or ±{APPROX_TEXT}, the wider; between an amount and its "
    "conversion into another currency, the sign of the conversion (see 'printed conversion')",
    "+": "from N to N plus one unit of its last significant digit (the Chinese N多)",
    ">": "above N (a share at most 100%)",
    "≥": "N or more: N itself included (N以上, 千亿级)",
    "<": "from 0 to N",
    "≤": "rank 1 to N",
}
"""How each qualifier turns a printed figure into an interval."""

EXAMPLES = [
    "t_midea_share",
    "t_haier_overseas",
    "t_bytedance_overseas",
    "t_huawei_share",
    "t_lenovo_overseas",
    "t_byd_overseas",
    "t_haier_share",
    "s4_growth_double",
    "s4_top3",
    "s22_sparsity",
]
"""Claims whose printed figures show the rule, one or two per qualifier (ids of claims.csv)."""

EXAMPLE_WORDS = {"s4_growth_double": "两倍以上", "s4_top3": "前三"}
"""The words of a longer quote that print an example's figure ('两倍以上' of
'增速是第二名的两倍以上'); any other example's quote is its figure as printed."""


def _show(value: float, unit: str) -> str:
    """A bound of an example interval: shares in percent, yuan in 亿元, dollars in billions,
    multiples with ×, ranks as counts."""
    if unit == "share":
        return f"{value * 100:g}%"
    if unit == "CNY":
        return f"{value / 1e8:,g}亿元"
    if unit == "USD":
        return f"USD {value / 1e9:g} bn"
    if unit == "multiple":
        return f"{value:g}×"
    return f"{value:g}"


def _book_claims() -> pd.DataFrame:
    from bytebook.data import load_book_data  # the data module reads this one's rules

    return load_book_data().claims


def example_readings(claims: pd.DataFrame | None = None) -> list[tuple[str, str, str]]:
    """(qualifier, as printed, the interval it stands for) for each example, computed by
    `printed_interval` from its claim row (in `claims`, the book's own if None)."""
    claims = _book_claims() if claims is None else claims
    readings = []
    for claim_id in EXAMPLES:
        claim = claims.loc[claim_id]
        q, unit = claim["qualifier"], claim["unit"]
        band = printed_interval(claim["value_text"], q, unit)
        printed = EXAMPLE_WORDS.get(claim_id, claim["quote_zh"])
        readings.append((q, printed, band_words(band, q, lambda v, u=unit: _show(v, u))))
    return readings


def examples_sentence(claims: pd.DataFrame | None = None) -> str:
    """The worked examples in one sentence: '"40%" is 39.5% to 40.5%; …'."""
    return "; ".join(
        f'"{printed}" is {reading}' for _, printed, reading in example_readings(claims)
    )


def conversion_example_figures(data: BookData | None = None) -> tuple[str, str, str]:
    """The article's printed conversion, from the cell of its table that prints one ('≈'
    between two currencies) and that row's claims: (as printed, the amount's recorded digits,
    the converted figure's recorded digits), ('390 亿美元 ≈ 2855 亿元', '39e9', '2.855e11')."""
    from bytebook.data import load_book_data  # the data module reads this one's rules

    data = load_book_data() if data is None else data
    printed = data.ranking["overseas_revenue_printed"]
    row = data.ranking[printed.str.contains("≈")].iloc[0]
    columns = ("revenue_claim", "revenue_cny_claim")
    amount, converted = (data.claims.at[row[column], "value_text"] for column in columns)
    return row["overseas_revenue_printed"], amount, converted


def approx_rate_span(data: BookData | None = None) -> Interval:
    """The rates the converted figure of the article's printed conversion
    (`conversion_example_figures`) would allow if its '≈' were read as 'about'
    (`APPROX_RELATIVE`), over the amount read at its own printed precision."""
    _, amount, converted = conversion_example_figures(data)
    return printed_interval(converted, "≈") / printed_interval(amount, "=")


def conversion_rule(data: BookData | None = None) -> str:
    """Why a printed conversion's '≈' is not read as 'about': the policy table's words."""
    printed = conversion_example_figures(data)[0]
    rates = approx_rate_span(data)
    return (
        "'≈' between an amount and the same amount in another currency (as in "
        f"{printed}, the Chinese 约合) is read as the sign of a conversion, though 约合 also "
        "says 'about': the converted figure is read at its printed digits, as '='. Why: its "
        "digits are worked out from the amount at a rate, not rounded by the writer; read as "
        f"'about' (±{APPROX_TEXT}), it would allow any rate from {rates.low:.2f} to "
        f"{rates.high:.2f} CNY per USD and hide the rate the article used. Where a grade "
        "rests on this reading, its evidence says what reading the '≈' as 'about' would give."
    )


RATE_BAND_RULE = (
    "The band of rates a printed conversion's digits imply is judged against the period's "
    "rates: a year's rate is one between the lowest and highest of that year's monthly "
    "averages, so a band that reaches them is consistent with the year's rates (supported), "
    "and the evidence says where among the months it sits and how far it lies from the annual "
    "average; a band that misses them is graded by its gap from them."
)
"""How the rate a printed conversion implies is judged: the policy table's words."""


def rate_band_example(data: BookData | None = None) -> str:
    """The band of rates the printed conversion implies, each figure read at its printed digits:
    '2,854.5亿元 to 2,855.5亿元 over USD 38.5 bn to USD 39.5 bn: 7.227 to 7.417 CNY per USD'."""
    _, amount, converted = conversion_example_figures(data)
    yuan, dollars = printed_interval(converted, "="), printed_interval(amount, "=")
    rates = yuan / dollars
    return (
        f"{band_words(yuan, '=', lambda v: _show(v, 'CNY'))} over "
        f"{band_words(dollars, '=', lambda v: _show(v, 'USD'))}: {rates.low:.3f} to "
        f"{rates.high:.3f} CNY per USD"
    )


CONVERSION_READING = (
    "the '≈' between the two currencies is read as the sign of a conversion, so the yuan "
    "figure is read at its printed digits"
)
"""How evidence says that a printed conversion was read by `conversion_rule`."""


def conversion_example(data: BookData | None = None) -> str:
    """The printed conversion with the interval its converted figure stands for."""
    printed, _, converted = conversion_example_figures(data)
    band = printed_interval(converted, "=")
    return f"{printed}: {band_words(band, '=', lambda v: _show(v, 'CNY'))}"


def policy_table() -> pd.DataFrame:
    """The whole policy as rows for the Methods appendix: readings, grades, combination and the
    words for how a company's figure reached the book."""
    examples: dict[str, list[str]] = {}
    for q, printed, reading in example_readings():
        examples.setdefault(q, []).append(f"{printed}: {reading}")
    rows = [
        {
            "rule": f"printed '{q}'",
            "example": "; ".join(examples.get(q, [])),
            "meaning": meaning,
            "verdict": "",
        }
        for q, meaning in QUALIFIER_MEANINGS.items()
    ]
    rows.append(
        {
            "rule": "printed conversion",
            "example": conversion_example(),
            "meaning": conversion_rule(),
            "verdict": "",
        }
    )
    rows.append(
        {
            "rule": "a conversion's rate",
            "example": rate_band_example(),
            "meaning": RATE_BAND_RULE,
            "verdict": "",
        }
    )
    rows.append(
        {
            "rule": "source figure",
            "example": "1,429亿元; 41.52%",
            "meaning": "± half a unit of its own last recorded digit",
            "verdict": "",
        }
    )
    rows.append(
        {
            "rule": "derived value",
            "example": "overseas ÷ share",
            "meaning": "interval arithmetic: the band of every value the inputs' bands allow",
            "verdict": "",
        }
    )
    for verdict, meaning in VERDICT_MEANINGS.items():
        rows.append(
            {
                "rule": f"verdict: {verdict}",
                "example": "",
                "meaning": meaning,
                "verdict": verdict,
            }
        )
    rows.append(
        {"rule": "a gap, worked out", "example": gap_example(), "meaning": GAP_RULE, "verdict": ""}
    )
    rows.append(
        {
            "rule": "a gap between two shares",
            "example": points_example(),
            "meaning": POINTS_RULE,
            "verdict": "",
        }
    )
    rows.append({"rule": "combination", "example": "", "meaning": COMBINATION_RULE, "verdict": ""})
    rows.append(
        {
            "rule": "a printed pair against a total",
            "example": "overseas ÷ share against the year's total",
            "meaning": PAIR_RULE,
            "verdict": "",
        }
    )
    rows.append(
        {
            "rule": "source read at second hand",
            "example": "a 50% gift take, from a note on a relayed report",
            "meaning": SECOND_HAND_RULE,
            "verdict": "",
        }
    )
    rows.append(
        {
            "rule": "source after the article",
            "example": "USD 155 bn, reported, published 2025-08-23",
            "meaning": LATER_SOURCE_RULE,
            "verdict": "",
        }
    )
    rows += [
        {"rule": f"a company's figure {word}", "example": "", "meaning": meaning, "verdict": ""}
        for word, meaning in ORIGINS.items()
    ]
    return pd.DataFrame(rows)
