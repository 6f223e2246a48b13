"""The table's cells that fit the year before the one it names, and the summary's words."""

from __future__ import annotations

from dataclasses import dataclass

from bytebook import filed_years
from bytebook.checks import printed_bands
from bytebook.data import BookData
from bytebook.numbers import count_words, names_or_none
from bytebook.policy import SUBSTANCE_MARGIN


@dataclass(frozen=True)
class EarlierCell:
    """A cell of the ranking table that fits the year before the one the table names: better
    than that year's figure, or where that year's figure was not found (`named_gap` None)."""

    company: str
    cell: str
    year: str
    gap: float
    named_gap: float | None
    reliability: str


def earlier_year_cells(data: BookData) -> list[EarlierCell]:
    """Every amount or share cell whose figure for the year before the one the table names
    lies within the policy's margin of the printed band and nearer to it than the named
    year's figure (or the named year's figure was not found), in printed order."""
    cells = []
    for _, row in data.ranking.iterrows():
        company = row["company_en"]
        amount, share, unit = printed_bands(data, row)
        by_year = {
            r.year: r
            for r in filed_years.year_readings(data.references, company, amount, share, unit)
        }
        years = list(filed_years.FILED_ROWS[company])
        named = filed_years.CLAIMED_YEAR[company]
        if years.index(named) == 0:
            continue
        earlier, now = by_year.get(years[years.index(named) - 1]), by_year.get(named)
        if earlier is None:
            continue
        for cell, figure, gap, named_gap in (
            ("amount", earlier.amount, earlier.amount_gap, now and now.amount_gap),
            ("share", earlier.share, earlier.share_gap, now and now.share_gap),
        ):
            if gap is None or gap > SUBSTANCE_MARGIN:
                continue
            if named_gap is None or gap < named_gap:
                cells.append(
                    EarlierCell(company, cell, earlier.year, gap, named_gap, figure.reliability)
                )
    return cells


def earlier_year_sentence(cells: list[EarlierCell]) -> str:
    """The cells of `earlier_year_cells` in words, for the summary: which rows sit closer to
    the year before than to the year the table names, and which fit the year before where the
    named year was not found; W figures said apart."""
    companies = list(dict.fromkeys(c.company for c in cells))
    rows = {name: [c for c in cells if c.company == name] for name in companies}
    closer = [name for name in companies if all(c.named_gap is not None for c in rows[name])]
    unmatched = [name for name in companies if name not in closer]

    def listed(names: list[str]) -> str:
        def words(name: str) -> str:
            own = rows[name]
            what = "row" if len(own) == 2 else own[0].cell
            detail = " in substance" if any(c.gap > 0 for c in own) else ""
            return f"{name}'s {what}{detail}"

        strong = [words(n) for n in names if all(c.reliability != "W" for c in rows[n])]
        weak = [words(n) for n in names if any(c.reliability == "W" for c in rows[n])]
        text = names_or_none(strong) if strong else ""
        if weak:
            weak_words = "on figures from weak (W) sources, " + names_or_none(weak)
            text += (", and, " if strong else "") + weak_words
        return text

    def years(names: list[str]) -> str:
        return " or ".join(dict.fromkeys(c.year for n in names for c in rows[n]))

    text = (
        f"in {count_words(len(closer))} rows of the ranking table, headed 2024, figures sit "
        f"closer to the year before ({years(closer)}) than to the year the table names: "
        f"{listed(closer)}"
        if closer
        else "no row of the ranking table, headed 2024, sits closer to the year before than "
        "to the year it names"
    )
    if unmatched:
        text += (
            f"; in {count_words(len(unmatched))} {'more ' if closer else ''}rows, figures fit "
            f"the year before ({years(unmatched)}) where the named year's was not found: "
            f"{listed(unmatched)}"
        )
    return text
