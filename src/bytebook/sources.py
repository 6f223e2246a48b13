"""The sources page: every reference with its record, and the ledger rows that cite it."""

from __future__ import annotations

import re

import pandas as pd

from bytebook.checks import in_the_article_s_month, postdates_article, relayed_original
from bytebook.data import BookData
from bytebook.ledger import LedgerEntry
from bytebook.numbers import by_unit, in_a_column, keeping_recorded_decimals
from bytebook.policy import SECOND_HAND_MARK
from bytebook.schemas import RELIABILITY

NOT_RECORDED = "not recorded"


def figure_text(value: float, unit: str, value_text: str) -> str:
    """A reference's figure as a reader reads it (bytebook.numbers), at the decimals it is
    recorded with: 'USD 39 bn', 'USD 0.020 per GB' (recorded 0.020), '2017-09'."""
    if pd.isna(value):
        return value_text
    return keeping_recorded_decimals(by_unit(value, unit), value, value_text)


_ARXIV = re.compile(r"arxiv\.org/abs/(\d{2})(\d{2})\.\d+")
_ORIGINAL_DATE = re.compile(r"^(?P<name>.+?) \((?P<date>[A-Z][a-z]{2} \d{4})\)$")


def _date_in_url(published: str, url: str) -> bool:
    """Whether the date's own digits stand in the URL as a date path ('2024-11',
    '2024/0328', '2025/08/23', '2023-08/03')."""
    parts = published.split("-")
    separators = ("-", "/", "")
    candidates = {parts[0]}
    if len(parts) >= 2:
        candidates = {parts[0] + sep + parts[1] for sep in ("-", "/")}
    if len(parts) == 3:
        candidates = {
            parts[0] + a + parts[1] + b + parts[2] for a in ("-", "/") for b in separators
        }
    return any(c in url for c in candidates)


def dated_by(published: str, url: str, source: str) -> str:
    """Where a source's `published` date comes from, in words: the arXiv identifier (its first
    four digits are the year and month of the first version), the URL's date path, or the
    source's own record; with the original's date where a relay names it ('the original:
    Bloomberg, Apr 2024'); '' when no date is recorded."""
    if not published:
        return ""
    arxiv = _ARXIV.search(url)
    if arxiv and published == f"20{arxiv.group(1)}-{arxiv.group(2)}":
        basis = "from the arXiv identifier"
    elif _date_in_url(published, url):
        basis = "from the URL"
    else:
        basis = "as the source gives it"
    original = relayed_original(source)
    named = _ORIGINAL_DATE.match(original) if original else None
    if named:
        basis += f"; the original: {named.group('name')}, {named.group('date')}"
    return basis


def citations(data: BookData, entries: list[LedgerEntry]) -> dict[str, list[str]]:
    """For each reference id, the ledger rows that list it among their sources and the model
    assumptions whose basis names it."""
    cited: dict[str, list[str]] = {}
    for reference_id in data.references.index:
        rows = [entry.id for entry in entries if reference_id in entry.sources]
        rows += [
            f"assumption {assumption_id}"
            for assumption_id, basis in data.assumptions["basis"].items()
            if f"reference {reference_id}" in basis
        ]
        cited[reference_id] = rows
    return cited


def references_cited(data: BookData, entries: list[LedgerEntry]) -> dict[str, list[str]]:
    """For each ledger row, the reference ids it lists among its sources (`entry.sources`),
    in the order of references.csv. Raises ValueError when a row lists an id that
    data/references.csv does not hold."""
    order = {reference_id: n for n, reference_id in enumerate(data.references.index)}
    for entry in entries:
        unknown = [ref for ref in entry.sources if ref not in order]
        if unknown:
            raise ValueError(
                f"ledger row '{entry.id}' lists sources not in data/references.csv: "
                + ", ".join(unknown)
            )
    return {entry.id: sorted(set(entry.sources), key=order.__getitem__) for entry in entries}


def source_records(data: BookData, entries: list[LedgerEntry]) -> pd.DataFrame:
    """One row per reference: its figure and the source's words (for a figure derived from
    others, how it is derived: its recorded note), producer, title, period, the
    date of the page that was read (where recorded), where that date comes from
    (`dated_by`), whether that is after the article, whether it names only the article's
    month (so may be either side of it), URL,
    reliability and what cites it."""
    cited = citations(data, entries)
    refs = data.references
    return pd.DataFrame(
        {
            "id": refs["id"],
            "figure": [
                in_a_column(figure_text(v, u, t))
                for v, u, t in zip(refs["value"], refs["unit"], refs["value_text"], strict=True)
            ],
            "quote": refs["quote"],
            "derivation": refs["note"].where(refs["origin"] == "derived", ""),
            "producer": refs["source"],
            "title": refs["item"],
            "period": refs["period"],
            "published": refs["published"].where(refs["published"] != "", NOT_RECORDED),
            "dated_by": [
                dated_by(p, u, src)
                for p, u, src in zip(refs["published"], refs["url"], refs["source"], strict=True)
            ],
            "after_article": [postdates_article(data, ref) for ref in refs["id"]],
            "in_article_month": [in_the_article_s_month(data, ref) for ref in refs["id"]],
            "url": refs["url"],
            "reliability": refs["reliability"],
            "cited_by": [cited[i] for i in refs["id"]],
        }
    ).reset_index(drop=True)


def reliability_counts(records: pd.DataFrame) -> dict[str, int]:
    """How many references carry each reliability tag (P, S, W), how many in all, how many of
    them are figures this book's data works out from others (derived, each tagged W) and how
    many were published, how many W figures were published, how many no ledger row or
    assumption cites, how many were published after the article and how many in its month
    with no day recorded, and how many tagged P or S were read at second hand (so count as W,
    `bytebook.policy.SECOND_HAND_RULE`)."""
    counts = {tag: int((records["reliability"] == tag).sum()) for tag in RELIABILITY}
    derived = records["derivation"] != ""
    uncited = int((records["cited_by"].str.len() == 0).sum())
    later = int(records["after_article"].sum())
    second_hand = records["producer"].str.contains(SECOND_HAND_MARK, regex=False)
    tagged_above_w = records["reliability"].isin(("P", "S"))
    return counts | {
        "total": len(records),
        "derived": int(derived.sum()),
        "published": int((~derived).sum()),
        "W_published": int(((records["reliability"] == "W") & ~derived).sum()),
        "uncited": uncited,
        "after_article": later,
        "same_month": int(records["in_article_month"].sum()),
        "second_hand_p_or_s": int((second_hand & tagged_above_w).sum()),
    }
