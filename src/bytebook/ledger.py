"""The claims ledger: each claim's stated value against a recomputed one, with a verdict.

Every verdict follows the policy in `bytebook.policy` (the Methods appendix prints it): a
printed figure is the interval its printed precision allows, evidence is an interval too, and
the gap between them sets the grade. A claim judged by several findings gets one final verdict
by the policy's combination rule.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

from bytebook.article import SECTIONS
from bytebook.numbers import as_written, by_unit, value_range
from bytebook.policy import (
    READING_WORDS,
    Basis,
    Finding,
    Grade,
    Interval,
    Verdict,
    as_interval,
    combine,
    compare,
    grade,
    printed_interval,
    printed_unit,
    reading,
    span,
)
from bytebook.safety import spreadsheet_safe

__all__ = [
    "Basis",
    "Finding",
    "Interval",
    "LedgerEntry",
    "Verdict",
    "assemble",
    "claim_interval",
    "derived",
    "finding",
    "finding_entry",
    "illustration",
    "judge",
    "judge_findings",
    "signed_gap",
    "stated_entry",
    "to_csv",
    "unverifiable",
    "working",
]

LEDGER_COLUMNS = [
    "id",
    "section",
    "kind",
    "claim_en",
    "quote_zh",
    "stated",
    "recomputed",
    "recomputed_low",
    "recomputed_high",
    "unit",
    "verdict",
    "evidence",
]


SOURCES_COLUMN = "sources"
"""The ledger column naming, by id in data/references.csv, the references a row's evidence cites."""

CSV_COLUMNS = {
    "id": "the claim's id in data/claims.csv, or d_… for a number the book derives",
    "section": "the article's section (0 is the title; 5, the book's close, is the last "
    "paragraph of section 四, 再补一刀, and the summary, 小结)",
    "kind": "stated (printed by the article) or derived (computed by the book)",
    "claim_en, quote_zh": "the claim in English and the article's words, verbatim",
    "stated, recomputed": "the printed value and the book's value, in base units (where the "
    "Recomputed column shows a band, recomputed holds its middle, or the one figure a derived "
    "row's evidence works out inside it)",
    "recomputed_low, recomputed_high": "the two ends of that band, in base units, where the "
    "book's value is a band (a verdict resting on a band of totals or rates); empty where it is "
    "a single value",
    "unit": "the unit of both values",
    "verdict": "consistent, supported, off in detail, inconsistent, contradicted or "
    "unverifiable; empty for a derived row that is a step of the book's own arithmetic (its "
    "evidence ends by saying it has no verdict); a derived note, or a reading no source could "
    "grade, carries unverifiable, and the pages show only the derived badge for both. Count "
    "verdicts over the stated rows, as the scorecard does",
    "evidence": "the arithmetic and the sources behind the verdict, in words",
    SOURCES_COLUMN: "ids of the data/references.csv rows the row itself rests on (its own list, "
    "not a match on citation text), separated by semicolons; tests check that every reference its "
    "evidence cites is listed and that every id exists",
}
"""What each column of the ledger CSV holds, by column (two columns read together share a
row): the README's table and the methods page's both say it in these words."""


CSV_COLUMNS_SHOWN = {"column": ("Column", None), "meaning": ("Meaning", None)}
"""How a page shows `csv_columns_frame` (`bytebook.present.display_table`)."""


def csv_columns_frame() -> pd.DataFrame:
    """`CSV_COLUMNS` as a table of column and meaning, for a page to show."""
    return pd.DataFrame({"column": list(CSV_COLUMNS), "meaning": list(CSV_COLUMNS.values())})


def signed_gap(stated: float, actual: float) -> float:
    """How far the stated value sits from the actual one, as a signed fraction of the actual
    (−4.2% when it is below): two points, unlike `bytebook.policy.relative_gap`, the unsigned
    distance between two intervals."""
    return (stated - actual) / actual


def claim_interval(claim: pd.Series) -> Interval:
    """The interval a claim's printed figure stands for (`bytebook.policy.printed_interval`)."""
    return printed_interval(str(claim["value_text"]), claim["qualifier"], claim["unit"])


def _band_end(claim: pd.Series) -> Callable[[float], str]:
    """How an end of the claim's band is written: at the printed precision or with as many more
    digits as it needs to be shown exactly (`band_value`)."""
    unit, size = claim["unit"], printed_unit(str(claim["value_text"]))
    return lambda value: band_value(value, unit, size)


def claim_reading(claim: pd.Series) -> str:
    """How the claim's printed figure is read, in words, with the band it stands for."""
    text = str(claim["value_text"])
    return reading(text, claim["qualifier"], claim["unit"], _band_end(claim))


def claim_band_text(claim: pd.Series) -> str:
    """The band a claim's printed figure stands for, its ends as `claim_reading` writes them:
    '23.75% to 26.25%' for 1/4 read as 'about'."""
    return span(claim_interval(claim), _band_end(claim))


def band_value(value: float, unit: str, printed_size: float) -> str:
    """A band end in the unit a reader expects, at the precision of `printed_size`, or as many
    more digits (up to four decimals) as the end needs to be shown exactly: 19% to 21% for
    约 20%, 38.5 to 39.5 for 39; US dollars in bn from USD 1 bn, in million below it."""
    if unit.startswith("CNY") and abs(value) >= 1e6:
        base, before, after = 1e8, "", "亿元"
    elif unit.startswith("USD") and abs(value) >= 1e9:
        base, before, after = 1e9, "USD ", " bn"
    elif unit.startswith("USD") and abs(value) >= 1e6:
        base, before, after = 1e6, "USD ", " million"
    elif unit in ("share", "ratio") and abs(value) < 10:
        base, before, after = 0.01, "", "%"
    else:
        return by_unit(value, unit)
    digits = min(4, max(0, math.ceil(-math.log10(printed_size / base))))
    scaled = value / base
    while digits < 4 and not math.isclose(round(scaled, digits), scaled, rel_tol=1e-9):
        digits += 1  # an end such as 23.75% is shown whole, never rounded to 23.8%
    return f"{before}{scaled:,.{digits}f}{after}"


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
    qualifier: str = "="
    """How the article qualifies its figure (claims.csv's `qualifier`: 超 is '>', 约 '≈');
    the Stated column shows it (`stated_text`). Not a ledger CSV column."""
    sources: tuple[str, ...] = field(default=())
    """Ids of the reference rows the evidence rests on (not a ledger CSV column)."""
    deciding: Interval | None = None
    """The band the verdict rests on where its middle, `recomputed`, decides nothing (USD 39 bn
    at its recorded digits × 2024's monthly range), or the band a derived row's figure lies in at
    its inputs' digits; the Recomputed column shows it."""

    @property
    def recomputed_low(self) -> float | None:
        """The lower end of the band `recomputed` is the middle of; None for a single value."""
        return None if self.deciding is None else self.deciding.low

    @property
    def recomputed_high(self) -> float | None:
        """The upper end of the band `recomputed` is the middle of; None for a single value."""
        return None if self.deciding is None else self.deciding.high

    @classmethod
    def from_row(cls, row: dict[str, object]) -> LedgerEntry:
        """A row of the assembled ledger (`assemble`) as an entry again, its band rebuilt from
        `recomputed_low` and `recomputed_high`."""
        fields = {k: v for k, v in row.items() if k not in ("recomputed_low", "recomputed_high")}
        low, high = row.get("recomputed_low"), row.get("recomputed_high")
        bounded = all(isinstance(v, float) and not math.isnan(v) for v in (low, high))
        return cls(**fields, deciding=Interval(low, high) if bounded else None)


def decided_by(entry: LedgerEntry, band: Interval) -> LedgerEntry:
    """`entry` with the band its verdict rests on as its recomputed value (its middle in the
    ledger CSV's `recomputed`, its ends in `recomputed_low` and `recomputed_high`, the band
    itself in the Recomputed column). A claim judged unverifiable keeps none (`stated_entry`)."""
    if _decided_by_nothing(entry):
        return entry
    return replace(entry, recomputed=band.mid, deciding=band)


def worked_in_band(entry: LedgerEntry, band: Interval) -> LedgerEntry:
    """`entry` with `band` in its Recomputed column and its ends in the ledger CSV, its
    `recomputed` kept: the one figure its evidence works out inside the band (the rate the
    title implies, 7.010, in 6.917 to 7.106; a growth of 29.2% in 23.6% to 35.2%), not the
    band's middle, which no sentence prints. A figure outside the band (which inputs moved one
    at a time can give) is not kept: the row then holds the band's middle, as `decided_by`'s do."""
    point = entry.recomputed
    inside = point is not None and band.low <= point <= band.high
    return replace(entry, recomputed=point if inside else band.mid, deciding=band)


def _decided_by_nothing(entry: LedgerEntry) -> bool:
    """True for a claim of the article's judged unverifiable: no finding decides it, so it shows
    no recomputed value, only its evidence (a row's recomputed value is the figure behind its
    verdict, never one that decides nothing: book/methods.md)."""
    return entry.kind == "stated" and entry.verdict is Verdict.UNVERIFIABLE


def finding(
    claim: pd.Series,
    evidence: Interval | float,
    basis: Basis,
    text: str,
    sources: tuple[str, ...] = (),
    decides: bool = True,
    least: int = 0,
    other_readings: bool = True,
) -> Finding:
    """Grade a claim's printed interval against one piece of evidence; the text says how the
    printed figure was read (a gap worked at `least` decimals of its scale at least) and, with
    `other_readings`, whether another reading of it would meet the evidence (`open_reading_note`,
    `tens_reading_note`)."""
    text = f"{text} The printed figure is {claim_reading(claim)}."
    found = compare(
        claim_interval(claim),
        as_interval(evidence),
        basis,
        text,
        sources,
        decides,
        unit=claim["unit"],
        least=least,
    )
    if not other_readings:
        return found
    note = open_reading_note(claim, as_interval(evidence), found, claim_interval(claim), decides)
    note += tens_reading_note(claim, as_interval(evidence), found, decides)
    return replace(found, evidence=f"{found.evidence}{note}") if note else found


MODEL_WORDS = "this book's illustration, {figure}, lies {place} {band}; a model does not decide"
"""What a finding resting on this book's model alone says in place of what its figures meet:
a model's figure is no evidence, so it neither agrees nor disagrees with the printed one."""


def illustration(claim: pd.Series, value: float, text: str) -> Finding:
    """A finding that rests on this book's own model alone, with no source and none of the
    article's arithmetic: it never decides, and says where the model's figure lies against the
    printed band ('this book's illustration, 48.6%, lies within 40% to 60%; a model does not
    decide'; a figure at an end lies 'at the top end of' the band), never that its figures agree,
    nor that another reading of the printed figure would meet the model's."""
    found = finding(claim, value, Basis.ARTICLE, text, decides=False, other_readings=False)
    unit, printed = claim["unit"], claim_interval(claim)
    size = printed_unit(str(claim["value_text"]))
    band = value_range(*(band_value(end, unit, size) for end in (printed.low, printed.high)))
    words = MODEL_WORDS.format(
        figure=as_written(value, unit, found.evidence) or by_unit(value, unit),
        place=_place_in_band(value, printed),
        band=band,
    )
    return replace(found, meets=words)


def _place_in_band(value: float, band: Interval) -> str:
    """Where `value` lies against `band`, in words: at an end it reaches (1 − 3.2 ÷ 8 = 60% is
    'at the top end of' 40% to 60%), within it, or outside it."""
    if math.isclose(value, band.high, rel_tol=1e-9):
        return "at the top end of"
    if math.isclose(value, band.low, rel_tol=1e-9):
        return "at the bottom end of"
    return "within" if grade(band, Interval.exact(value)) is Grade.HOLDS else "outside"


def open_reading_note(
    claim: pd.Series, evidence: Interval, found: Finding, printed: Interval, decides: bool
) -> str:
    """`OPEN_READING_NOTE` after a space, when `claim` is an 'N+' figure and `found` misses
    its evidence only because the evidence lies wholly above `printed` (the band N多 gives the
    claim, or a pair's total derived from it); '' otherwise."""
    if not _open_reading_meets(claim, evidence, found, printed):
        return ""
    rests = "the verdict" if decides else "the grade of this finding"
    return " " + OPEN_READING_NOTE.format(quote=claim["quote_zh"], rests=rests)


READ_AS_N_DUO = "rests on reading N+ as N多"
"""The words by which a row says its grade rests on reading an 'N+' figure as N多."""

READ_AS_CONVERSION = "rests on reading the '≈' as a conversion"
"""The words by which a row says its grade rests on reading the table's '≈' between two
currencies as the sign of a conversion (its yuan figure read at its printed digits), not as
'about'."""

OTHER_READING_UNSETTLED = "on that reading the claim could not be settled"
"""The words by which a row says that another reading of the claim, which it names, would leave
the claim unsettled: its verdict rests on the book's reading."""

OPEN_READING_NOTE = (
    "Read instead as an open bound ({quote} as N以上, N or more with no upper end), the "
    "evidence would meet it: {rests} " + READ_AS_N_DUO + ", as the book reads every N+ figure."
)
"""What a row says when an 'N+' figure misses its evidence only because the evidence lies
above N多's upper end, so that the other reading of N+ would hold; `rests` is the verdict
for a finding that decides, the finding's own grade for one that does not."""


READ_TO_THE_PERCENT = "rests on reading a percentage to the whole percent"
"""The words by which a row says its grade rests on reading a percentage that ends in a zero
(40%) to the whole percent, not to its tens as a whole number's trailing zeros are read."""

TENS_READING_NOTE = (
    "Read instead to its tens ({quote} as {band}, as the trailing zeros of a whole number are "
    "read), the evidence would meet it: {rests} " + READ_TO_THE_PERCENT + ", the precision of "
    "every percentage the article prints."
)
"""What a row says when a percentage that ends in a zero misses its evidence, but would meet it
read to its tens; `rests` as in `OPEN_READING_NOTE`."""


PAIR_TENS_READING_NOTE = (
    "Read instead to its tens ({quote} as {band}, as the trailing zeros of a whole number are "
    "read), the share would give a total of {total}, {outcome}: {rests} "
    + READ_TO_THE_PERCENT
    + ", the precision of every percentage the article prints."
)
"""What a pair's row says when its share is a percentage that ends in a zero and the total the
pair implies would come nearer its evidence read to its tens: it would meet it, or miss it by
no more than the margin of off in detail; `rests` as in `OPEN_READING_NOTE`."""


def tens_reading_note(claim: pd.Series, evidence: Interval, found: Finding, decides: bool) -> str:
    """`TENS_READING_NOTE` after a space, when `claim` is a percentage printed plainly whose
    whole percent ends in a zero (70%, 40%), `found` misses its evidence, and the band of its
    tens (65% to 75%) would meet it; '' otherwise."""
    tens = tens_band(claim)
    if tens is None or found.verdict in (Verdict.SUPPORTED, Verdict.CONSISTENT):
        return ""
    if grade(tens, evidence) is not Grade.HOLDS:
        return ""
    rests = "the verdict" if decides else "the grade of this finding"
    band = span(tens, lambda v: by_unit(v, "share"))
    return " " + TENS_READING_NOTE.format(quote=claim["quote_zh"], band=band, rests=rests)


def tens_band(claim: pd.Series) -> Interval | None:
    """The band a plainly printed whole percentage from 10% to 90% that ends in a zero spans
    read to its tens (0.40 as 0.35 to 0.45); None for any other figure (40.0%, 45%, 约 40%,
    100%)."""
    text = str(claim["value_text"])
    if claim["unit"] != "share" or claim["qualifier"] != "=" or printed_unit(text) != 0.01:
        return None
    percent = round(float(text) * 100)
    if percent % 10 or not 10 <= percent <= 90:
        return None
    return Interval(percent / 100 - 0.05, percent / 100 + 0.05)


def _open_reading_meets(
    claim: pd.Series, evidence: Interval, found: Finding, printed: Interval
) -> bool:
    """Whether an 'N+' claim that its evidence does not support would hold if N+ were read as
    an open bound (N or more): the evidence lies wholly above `printed`'s upper end."""
    if claim["qualifier"] != "+" or found.verdict in (Verdict.SUPPORTED, Verdict.CONSISTENT):
        return False
    return evidence.low >= printed.high


def judge(
    claim: pd.Series,
    recomputed: Interval | float,
    basis: Basis,
    evidence: str,
    sources: tuple[str, ...] = (),
    least: int = 0,
) -> LedgerEntry:
    """Compare a stated claim with one recomputed value (or interval) and give its verdict (a
    gap worked at `least` decimals of its scale at least)."""
    found = finding(claim, recomputed, basis, evidence, sources, least=least)
    return finding_entry(claim, found, as_interval(recomputed).mid)


def recomputed_text(entry: LedgerEntry) -> str:
    """The recomputed value as the Recomputed column shows it: at the precision at which the
    row's evidence writes it (`bytebook.numbers.as_written`: 7.80亿元 where the evidence says
    2,855亿 ÷ 366 days = 7.80亿, −4.2% where it says = −4.2%), or the band the evidence gives
    for it or its verdict rests on (`LedgerEntry.deciding`); at four significant figures only
    where the evidence writes no such figure."""
    value = entry.recomputed
    if value is None or pd.isna(value):
        return ""
    if entry.deciding is not None:
        ends = (entry.deciding.low, entry.deciding.high)
        low, high = (
            as_written(v, entry.unit, entry.evidence) or by_unit(v, entry.unit) for v in ends
        )
        return value_range(low, high)
    return as_written(value, entry.unit, entry.evidence) or by_unit(value, entry.unit)


STATED_WORDS = {
    "=": "{}",
    "≈": "about {}",
    ">": "> {}",
    "<": "< {}",
    "≥": "{} or more",
    "≤": "at most {}",
}
"""How the Stated column writes a figure the article qualifies; an 'N+' figure is written
with its + ('3,100+亿元')."""


_FRACTION = re.compile(r"(?<![\d./])(\d+)/(\d+)(?![\d./])")
_THOUSANDS_K = re.compile(r"(?<![\d.])(\d+)K\b")
"""A count printed in thousands marked K (128K), which may be read as 1,000 or 1,024 each."""


def printed_in_thousands(quote: str, value: float) -> str | None:
    """The count `value` as `quote` prints it in thousands marked K ('128K' for 128,000 in
    「128K 上下文」), or None where the quote prints it otherwise."""
    for thousands in _THOUSANDS_K.findall(quote):
        if int(thousands) * 1000 == value:
            return f"{thousands}K"
    return None


def stated_text(entry: LedgerEntry) -> str:
    """The stated value as the Stated column shows it, with the article's qualifier: '> 50%'
    for 超 50%, 'about 27%' for 约 27%, '3,100+亿元' for 3100+ 亿元, '2× or more' for 两倍以上;
    a fraction as the article prints it, then as read: '1/4 (about 25%)', '1/5 (20%)'; so too
    a count in thousands marked K: '128K (128,000 tokens)'."""
    if entry.stated is None or pd.isna(entry.stated):
        return ""
    value = by_unit(entry.stated, entry.unit)
    if entry.qualifier == "+":
        return re.sub(r"(\d)(?=\D*$)", r"\1+", value, count=1)
    shown = STATED_WORDS.get(entry.qualifier, "{}").format(value)
    for top, bottom in _FRACTION.findall(entry.quote_zh or ""):
        if int(bottom) and math.isclose(int(top) / int(bottom), entry.stated, rel_tol=1e-9):
            return f"{top}/{bottom} ({shown})"
    printed = printed_in_thousands(entry.quote_zh or "", entry.stated)
    return f"{printed} ({shown})" if printed else shown


def with_qualifiers(entries: Iterable[LedgerEntry], claims: pd.DataFrame) -> list[LedgerEntry]:
    """`entries` rebuilt from the ledger's rows, each stated row given its claim's qualifier
    again (the ledger CSV holds the stated value alone)."""
    return [
        replace(entry, qualifier=claims.at[entry.id, "qualifier"])
        if entry.kind == "stated" and entry.id in claims.index
        else entry
        for entry in entries
    ]


def finding_entry(claim: pd.Series, found: Finding, recomputed: float | None) -> LedgerEntry:
    """A claim's row resting on one finding: its verdict, evidence and sources as they are
    (several findings are combined by `judge_findings`)."""
    return stated_entry(claim, recomputed, found.verdict, found.evidence, found.sources)


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")


def _sentences(text: str) -> list[str]:
    """`text` cut into sentences (a decimal point is not followed by a space)."""
    return [part for part in _SENTENCE_BREAK.split(text.strip()) if part]


def _shared_sentences(evidence: Sequence[str]) -> list[str]:
    """The sentences every one of several findings repeats (such as how the printed figure is
    read), to be said once before them."""
    if len(evidence) < 2:
        return []
    others = [set(_sentences(text)) for text in evidence[1:]]
    return [s for s in _sentences(evidence[0]) if all(s in other for other in others)]


def _finding_label(item: Finding, number: int | None) -> str:
    """How a finding is introduced in a row's evidence: 'Finding 1, off in detail:', 'Finding
    2, not decisive: its figures agree within their intervals.', 'Not decisive: …'; a lone
    finding that decides needs no introduction (its verdict is the row's). A finding that may
    not decide is given no verdict, only what its figures meet (`bytebook.policy.GRADE_WORDS`,
    `READING_WORDS`): a W source cannot support, whatever it agrees with."""
    if item.decides:
        return "" if number is None else f"Finding {number}, {item.verdict}:"
    lead = "Not decisive" if number is None else f"Finding {number}, not decisive"
    meets = item.meets or READING_WORDS.get(item.verdict, "")
    return f"{lead}: {meets}." if meets else f"{lead}:"


def judge_findings(
    claim: pd.Series,
    findings: Sequence[Finding],
    recomputed: float | None,
    preamble: str = "",
) -> LedgerEntry:
    """One final verdict from several findings, by the policy's combination rule; the evidence
    lists every finding, numbered, with its own verdict, and says which ones may not decide. A
    lone finding is not numbered, and says only whether it may not decide (its verdict is the
    row's)."""
    shared = _shared_sentences([item.evidence for item in findings])
    parts = ([preamble] if preamble else []) + shared
    alone = len(findings) == 1
    for number, item in enumerate(findings, start=1):
        own = " ".join(s for s in _sentences(item.evidence) if s not in shared)
        label = _finding_label(item, None if alone else number)
        parts.append(f"{label} {own}" if label else own)
    sources = tuple(dict.fromkeys(ref for item in findings for ref in item.sources))
    return stated_entry(claim, recomputed, combine(findings), " ".join(parts), sources)


def stated_entry(
    claim: pd.Series,
    recomputed: float | None,
    verdict: Verdict | None,
    evidence: str,
    sources: tuple[str, ...] = (),
) -> LedgerEntry:
    """A ledger row for one of the article's own claims; an unverifiable one shows no
    recomputed value (`_decided_by_nothing`)."""
    value = claim["value"]
    entry = LedgerEntry(
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
        qualifier=claim["qualifier"],
        sources=sources,
    )
    return replace(entry, recomputed=None) if _decided_by_nothing(entry) else entry


def unverifiable(claim: pd.Series, evidence: str, sources: tuple[str, ...] = ()) -> LedgerEntry:
    """A ledger row for a claim that neither the article nor a source can settle."""
    return stated_entry(claim, None, Verdict.UNVERIFIABLE, evidence, sources)


def derived(
    entry_id: str,
    section: str,
    claim_en: str,
    recomputed: float,
    unit: str,
    evidence: str,
    verdict: Verdict | None,
    sources: tuple[str, ...] = (),
) -> LedgerEntry:
    """A ledger row for a number the book derives from the article's numbers.

    A reading of the article that no source or other article number can test is
    `unverifiable`; a step of the book's own arithmetic has no verdict (None, `working`).
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


WORKING_NOTE = "Worked out by this book for its text; not a claim of the article, so no verdict."


def working(
    entry_id: str,
    section: str,
    claim_en: str,
    recomputed: float,
    unit: str,
    evidence: str,
    sources: tuple[str, ...] = (),
) -> LedgerEntry:
    """A derived row for a number the book's arithmetic gives and its prose prints (a share, a
    gap, a band's end): its evidence is the arithmetic, and it carries no verdict (an empty
    cell in the ledger CSV, as its evidence's closing note says)."""
    return derived(
        entry_id, section, claim_en, recomputed, unit, f"{evidence} {WORKING_NOTE}", None, sources
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


NUMERIC_COLUMNS = frozenset({"stated", "recomputed", "recomputed_low", "recomputed_high"})
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
