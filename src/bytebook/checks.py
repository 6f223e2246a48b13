"""Ledger checks shared by chapters: a claim against a reference figure, or unsettled, and the
intervals (`bytebook.policy`) of claims and references."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from bytebook import derived_bands
from bytebook.article import PUBLISHED
from bytebook.data import BookData
from bytebook.kept import kept
from bytebook.ledger import (
    Basis,
    Finding,
    Interval,
    LedgerEntry,
    band_value,
    claim_interval,
    finding,
    finding_entry,
    judge_findings,
    unverifiable,
)
from bytebook.numbers import by_unit
from bytebook.policy import SECOND_HAND_MARK, printed_unit, span


@kept
def claim_band(data: BookData, claim_id: str) -> Interval:
    """The interval a claim's printed figure stands for."""
    return claim_interval(data.claim(claim_id))


def printed_bands(data: BookData, row: pd.Series) -> tuple[Interval, Interval, str]:
    """The printed amount and share of a row of the article's table as intervals, and the
    amount's currency. ByteDance's amount is taken in USD as printed; the others in yuan."""
    unit = data.claims.at[row["revenue_claim"], "unit"]
    return claim_band(data, row["revenue_claim"]), claim_band(data, row["share_claim"]), unit


def reference_band(data: BookData, reference_id: str) -> Interval:
    """A reference figure as the interval its recorded digits allow, or a derived row's as
    its inputs' digits allow (`bytebook.derived_bands`)."""
    return derived_bands.reference_band(data.references, reference_id)


def reference_band_text(data: BookData, reference_id: str) -> str:
    """The band a reference figure's recorded digits allow, each end written as exactly as it
    needs ('1,428.5亿元 to 1,429.5亿元' for 1429亿, not '1,429亿元 to 1,430亿元')."""
    row = data.references.loc[reference_id]
    unit, size = str(row["unit"]), printed_unit(str(row["value_text"]))
    return span(reference_band(data, reference_id), lambda v: band_value(v, unit, size))


def recorded_words(data: BookData, reference_id: str) -> str:
    """A reference figure in words with the band its recorded digits allow, the band a
    conversion of it spans: 'USD 39 bn at its recorded digits (USD 38.5 bn to USD 39.5 bn)'."""
    row = data.references.loc[reference_id]
    shown = by_unit(float(row["value"]), str(row["unit"]))
    return f"{shown} at its recorded digits ({reference_band_text(data, reference_id)})"


@kept
def postdates_article(data: BookData, reference_id: str) -> bool:
    """Whether a reference was published after the article: by its `published` date where one
    is recorded, else by a period that is a later month (YYYY-MM) or year (YYYY) than the
    article's (fiscal years are not dates)."""
    row = data.references.loc[reference_id]
    text = str(row["published"]) or str(row["period"])
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not match:
        return False
    parts = [int(p) for p in match.groups() if p is not None]
    article = [PUBLISHED.year, PUBLISHED.month, PUBLISHED.day][: len(parts)]
    return parts > article


def after_article(data: BookData, reference_id: str) -> str:
    """', dated after the article' when a reference postdates the article; '' otherwise."""
    return ", dated after the article" if postdates_article(data, reference_id) else ""


def relayed_original(source: str) -> str | None:
    """The original publisher a relayed source names ('The Information' in 'The Information,
    relayed by The Money Times'; 'Companies House filings' in '… (via The Money Times)'), or
    None for a source that relays no one."""
    for marker in (", relayed by ", " (via "):
        if marker in source:
            return source.split(marker, 1)[0].strip()
    return None


def _relay_name(source: str) -> str:
    """Who relayed a relayed source: 'Tubefilter' in 'The Information, relayed by Tubefilter
    (repost)'."""
    rest = re.split(r", relayed by | \(via ", source, maxsplit=1)[1]
    return re.sub(r"\s*\(.*$|\)$", "", rest).strip()


QUOTED_AMOUNT = re.compile(r"\$\s?[\d.,]+\s?(?:billion|million|bn)", re.IGNORECASE)
"""A dollar amount as a relay quotes it ('$155 billion')."""


def _same_figure_relays(data: BookData, reference_id: str, original: str) -> list[str]:
    """The other relays of the same original publisher, not dated after the article, whose own
    quote gives the amount this reference's quote gives, by id (one per relay)."""
    refs = data.references
    amounts = QUOTED_AMOUNT.findall(str(refs.at[reference_id, "quote"]))
    found: dict[str, str] = {}
    for other in refs.index:
        source = str(refs.at[other, "source"])
        if other == reference_id or relayed_original(source) != original:
            continue
        if postdates_article(data, other) or source == refs.at[reference_id, "source"]:
            continue
        if not amounts or not any(a in str(refs.at[other, "quote"]) for a in amounts):
            continue
        found.setdefault(_relay_name(source), other)
    return list(found.values())


def also_quoting(data: BookData, *reference_ids: str) -> tuple[str, ...]:
    """The references that `later_sources_note` names for these references as other relays
    quoting the same amount: a row printing that note lists them among its sources."""
    found = []
    for ref in dict.fromkeys(reference_ids):
        original = relayed_original(str(data.references.at[ref, "source"]))
        if postdates_article(data, ref) and original is not None:
            found += _same_figure_relays(data, ref, original)
    return tuple(dict.fromkeys(found))


def _later_source_sentence(data: BookData, reference_id: str, bears: bool = True) -> str:
    """What a source published after the article means for it: the article cannot have drawn
    on it; for a relay, the original it relays, whose own date the book does not hold, may be
    older, and other relays quoting the same amount are named."""
    row = data.references.loc[reference_id]
    named = f"{row['item']} ({row['published'] or row['period']})"
    original = relayed_original(str(row["source"]))
    if original is None:
        return (
            f"{named} was published after the article ({PUBLISHED.isoformat()}): the article "
            f"cannot have drawn on it; {_what_it_still_does(data, reference_id, bears)}."
        )
    others = [
        f"{_relay_name(str(data.references.at[other, 'source']))} "
        f"({data.references.at[other, 'published'] or 'its date not recorded here'})"
        for other in _same_figure_relays(data, reference_id, original)
    ]
    amount = QUOTED_AMOUNT.search(str(row["quote"]))
    also = (
        f", and {', '.join(others)} also quotes {amount.group(0)} from {original}"
        if others and amount
        else ""
    )
    return (
        f"{named} relays {original}; {_relay_name(str(row['source']))} published it after the "
        f"article ({PUBLISHED.isoformat()}), so the article cannot have drawn on this page; the "
        f"report it relays ({original}'s, its date not recorded here) may be older{also}."
    )


def in_the_article_s_month(data: BookData, reference_id: str) -> bool:
    """Whether a reference is dated only to the month the article appeared in (YYYY-MM), so
    that it may be earlier or later than the article."""
    published = str(data.references.at[reference_id, "published"])
    return published == f"{PUBLISHED.year:04d}-{PUBLISHED.month:02d}"


def _same_month_sentence(data: BookData, reference_id: str, bears: bool = True) -> str:
    """What a source dated only to the article's own month means for it."""
    row = data.references.loc[reference_id]
    return (
        f"{row['item']} is dated {row['published']}, the month of the article "
        f"({PUBLISHED.isoformat()}), and no day is recorded: it may have appeared after the "
        f"article, so the article may not have drawn on it; "
        f"{_what_it_still_does(data, reference_id, bears)}."
    )


def _what_it_still_does(data: BookData, reference_id: str, bears: bool = True) -> str:
    """What a source dated after (or perhaps after) the article still does: a P or S figure
    read at first hand confirms or refutes like any other (`bears`), or would count like any
    source of its tag where it neither confirms nor refutes the claim; a W figure, or one read
    at second hand, decides nothing in any case."""
    reason = why_not_deciding(data, reference_id)
    if reason:
        return f"it is {reason} and decides nothing in any case"
    if not bears:
        return (
            "it would count like any source of its tag, but it neither confirms nor refutes "
            "the claim"
        )
    return "it still confirms or refutes the figure like any source of the same tag"


def later_sources_note(data: BookData, *reference_ids: str, bears: bool = True) -> str:
    """For the references published after the article, or dated only to the article's own
    month, a sentence each that says so and what follows
    (`bytebook.policy.LATER_SOURCE_RULE`), with a leading space to follow a sentence; '' when
    none is. `bears=False` where the references neither confirm nor refute the claim."""
    refs = list(dict.fromkeys(reference_ids))
    later = [ref for ref in refs if postdates_article(data, ref)]
    same_month = [ref for ref in refs if in_the_article_s_month(data, ref)]
    return "".join(" " + _later_source_sentence(data, ref, bears) for ref in later) + "".join(
        " " + _same_month_sentence(data, ref, bears) for ref in same_month
    )


def second_hand(data: BookData, reference_id: str) -> bool:
    """Whether a reference's figure was read at second hand: its source cell says so
    (`bytebook.policy.SECOND_HAND_RULE`)."""
    return SECOND_HAND_MARK in str(data.references.at[reference_id, "source"])


def deciding(data: BookData, *reference_ids: str) -> bool:
    """Whether evidence resting on these references may decide: none of them is W or read at
    second hand (`bytebook.policy.SECOND_HAND_RULE`)."""
    return all(
        data.references.at[ref, "reliability"] != "W" and not second_hand(data, ref)
        for ref in reference_ids
    )


def why_not_deciding(data: BookData, *reference_ids: str) -> str:
    """What keeps evidence resting on these references from deciding, in words ('a weak (W)
    source', 'a figure read at second hand', or both); '' when it may decide."""
    reasons = []
    if any(data.references.at[ref, "reliability"] == "W" for ref in reference_ids):
        reasons.append("a weak (W) source")
    if any(second_hand(data, ref) for ref in reference_ids):
        reasons.append("a figure read at second hand")
    return " and ".join(reasons)


def _reference_evidence(data: BookData, reference_id: str, note: str) -> str:
    """'<item>: <value> (<citation>).' followed by `note`, for evidence resting on one reference."""
    reference = data.references.loc[reference_id]
    shown = by_unit(float(reference["value"]), reference["unit"])
    return f"{reference['item']}: {shown} ({data.cite(reference_id)}). {note}".strip()


def reference_finding(data: BookData, claim_id: str, reference_id: str, note: str = "") -> Finding:
    """A claim against one reference figure; a W figure, or one read at second hand, is shown
    but does not decide, and what its figures meet begins with why ('it rests on a weak (W)
    source; its figures agree within their intervals')."""
    found = finding(
        data.claim(claim_id),
        reference_band(data, reference_id),
        Basis.SOURCE,
        _reference_evidence(data, reference_id, note),
        (reference_id,),
        decides=deciding(data, reference_id),
    )
    reason = why_not_deciding(data, reference_id)
    if not reason:
        return found
    return replace(found, meets="; ".join(filter(None, (f"it rests on {reason}", found.meets))))


def against_reference(
    data: BookData, claim_id: str, reference_id: str, note: str = ""
) -> LedgerEntry:
    """Judge a claim against one P or S reference figure (`reference_finding`); W figures may
    not decide a verdict, and a figure read at second hand is shown without deciding (the row
    is then unverifiable)."""
    if data.references.at[reference_id, "reliability"] == "W":
        raise ValueError(f"reference '{reference_id}' is W: it may corroborate, never decide")
    found = reference_finding(data, claim_id, reference_id, note)
    recomputed = reference_band(data, reference_id).mid
    if not found.decides:
        return judge_findings(data.claim(claim_id), [found], recomputed)
    return finding_entry(data.claim(claim_id), found, recomputed)


def against_first_printing(data: BookData, claim_id: str, reference_id: str) -> LedgerEntry:
    """A claim that prints again the figure of an earlier row (its `same_figure_as`), judged
    against the same reference (`against_reference`); its evidence names the printing and the
    row it repeats, so that no two rows read alike."""
    quote, first = data.claims.loc[claim_id, ["quote_zh", "same_figure_as"]]
    note = (
        f"「{quote}」 prints again the figure of the row of "
        f"「{data.claims.at[first, 'quote_zh']}」, judged the same way."
    )
    return against_reference(data, claim_id, reference_id, note)


def unsettled(
    data: BookData, claim_id: str, reason: str, sources: tuple[str, ...] = ()
) -> LedgerEntry:
    """A claim neither the article nor a P/S source can settle, with the reason (a figure that
    corroborates it without deciding goes in the reason, not in the Recomputed column)."""
    return unverifiable(data.claim(claim_id), reason, sources)
