"""The ranking's companies year by year: for each, the figures found for each fiscal year in
display units (the tables its by-year charts draw), the article's printed bands beside them,
the captions that compare the two, and a derived row for each figure by year that this book
derives and prints. A part of the ranking chapter (`bytebook.chapters.ranking`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pandas as pd

from bytebook import filed_years
from bytebook.article import company_key
from bytebook.checks import printed_bands
from bytebook.data import BookData, short_source_name
from bytebook.findings import Findings
from bytebook.ledger import LedgerEntry, working
from bytebook.numbers import money, names_or_none, significant
from bytebook.numbers import share as share_text
from bytebook.policy import Interval, origin_words


def _points_shown(shown: str) -> float:
    """A share as written ('25.2%', '41.52%') in percent (25.2), NaN for none ('')."""
    return float(shown.rstrip("%")) if shown else float("nan")


def by_year_frames(data: BookData) -> Findings:
    """For each company, its filed figures by year in display units (亿元, or USD bn for
    ByteDance, and percent) as `by_year_<key>` tables, the printed bands as `printed_bands`,
    and a derived row for each figure the book derives that they print
    (`DERIVED_YEAR_FIGURES`)."""
    found = Findings()
    bands = []
    for _, row in data.ranking.iterrows():
        company = row["company_en"]
        amount, share, unit = printed_bands(data, row)
        divisor, title = (
            (1e9, "Overseas revenue, USD bn")
            if unit == "USD"
            else (
                1e8,
                "Overseas revenue, 亿元",
            )
        )
        frame = _year_frame(data, filed_years.by_year_table(data.references, company), divisor)
        found.tables[f"by_year_{company_key(company)}"] = frame
        caption = _years_caption(company, frame, amount.low / divisor, amount.high / divisor)
        caption += _shares_sentence(frame, share.low * 100, share.high * 100, row)
        found.number(f"years_caption_{company_key(company)}", len(frame), lambda _, c=caption: c)
        bands.append(
            {
                "company": company,
                "company_zh": row["company_zh"],
                "key": company_key(company),
                "amount_low": amount.low / divisor,
                "amount_high": amount.high / divisor,
                "share_low": share.low * 100,
                "share_high": share.high * 100,
                "amount_label": row["overseas_revenue_printed"],
                "share_label": row["overseas_share_printed"],
                "amount_title": title,
                "data_note": _band_ends(amount, share, unit),
                "bars_note": _bars_note(
                    [h for h in (*frame["overseas_how"], *frame["share_how"]) if h],
                    [t for t in (*frame["overseas_tag"], *frame["share_pct_tag"]) if t],
                ),
            }
        )
    found.tables["printed_bands"] = pd.DataFrame(bands)
    found.add(*(derived_year_entry(data, *figure) for figure in DERIVED_YEAR_FIGURES))
    return found


DERIVED_YEAR_FIGURES = (
    ("ByteDance", "FY2023", "share"),
    ("Midea", "FY2022", "share"),
    ("Midea", "FY2024", "overseas"),
    ("Midea", "FY2024", "total"),
    ("Haier Smart Home", "FY2022", "share"),
)
"""The figures by year that this book derives (`filed_years.year_figures`) and its by-year
charts and tables print, which no other row of the ledger holds: each has a derived row."""


_YEAR_FIGURE_WORDS = {
    "overseas": "overseas revenue",
    "share": "overseas share of revenue",
    "total": "revenue (the basis of its overseas share)",
}


def derived_year_entry(data: BookData, company: str, year: str, kind: str) -> LedgerEntry:
    """The derived row of one of `DERIVED_YEAR_FIGURES`: its arithmetic and its sources."""
    figure = filed_years.year_figures(data.references, company)[year][kind]
    shown = figure.shown if kind == "share" else money(figure.value, figure.unit)
    return working(
        f"d_{company_key(company)}_{kind}_{year.lower()}",
        "4",
        f"{company}'s {_YEAR_FIGURE_WORDS[kind]} for {year}, as this book derives it",
        figure.value,
        figure.unit,
        f"{figure.derivation} = {shown} ({data.cite(*figure.sources)}; {figure.described}).",
        figure.sources,
    )


def _year_frame(data: BookData, years: pd.DataFrame, divisor: float) -> pd.DataFrame:
    """A company's figures by year (`filed_years.by_year_table`) in display units, each
    drawn figure with its text and label, built in one go rather than a column at a time."""
    overseas = [value / divisor for value in years["overseas"]]
    # A share is drawn as the book writes it (25.2% derived, 41.52% as recorded), so that
    # its bar's label, its tooltip and the page's text read one figure alike.
    share_shown = list(years["share_shown"])
    share_pct = [_points_shown(text) for text in share_shown]
    overseas_shown = ["" if pd.isna(v) else significant(v) for v in overseas]
    # A year with neither figure found (its total alone) names no source for the chart.
    sources_named = [
        _sources_named(data, refs) if pd.notna(amount) or pd.notna(part) else ""
        for refs, amount, part in zip(years["sources"], overseas, share_pct, strict=True)
    ]
    columns = dict(years.items()) | {
        "overseas": pd.Series(overseas, index=years.index, dtype=float),
        "share_pct": pd.Series(share_pct, index=years.index, dtype=float),
        "share_pct_tag": years["share_tag"],
        "overseas_shown": overseas_shown,
        "share_pct_shown": years["share_shown"],
        "sources_named": sources_named,
        "overseas_label": _labels(overseas_shown, years["overseas_tag"]),
        "share_pct_label": _labels(share_shown, years["share_tag"]),
    }
    return pd.DataFrame(columns, index=years.index)


def _rows(frame: pd.DataFrame, *columns: str) -> Iterator[tuple]:
    """The values of `columns` row by row, as tuples: far quicker than `itertuples`, which
    takes every column out."""
    return zip(*(frame[column] for column in columns), strict=True)


def _labels(shown: Iterable[str], tags: Iterable[str]) -> list[str]:
    """A bar's label: its figure as written with its reliability tag ('2,219 (P)'), or none."""
    return [f"{text} ({tag})" if text else "" for text, tag in zip(shown, tags, strict=True)]


BAND_END_DIGITS = 6
"""Significant figures a printed band's end is written to under a chart's data: every digit
the band holds (Haier's 1,363.5亿元), no trailing zero."""


def _band_ends(amount: Interval, share: Interval, unit: str) -> str:
    """The printed bands' ends as a by-year chart draws them: 'Printed band: 2,300亿元 to
    2,400亿元; 25.65% to 28.35%'."""
    digits = BAND_END_DIGITS
    return (
        f"Printed band: {money(amount.low, unit, digits)} to {money(amount.high, unit, digits)}; "
        f"{share_text(share.low, digits)} to {share_text(share.high, digits)}"
    )


def _sources_named(data: BookData, refs: Iterable[str]) -> str:
    """A year's sources by their short names, each once: 'derived; Huawei annual report'."""
    names = (short_source_name(data.references.at[ref, "source"]) for ref in refs)
    return "; ".join(dict.fromkeys(names))


TAG_KEY = {"P": "P\u00a0primary", "S": "S\u00a0secondary", "W": "W\u00a0weak"}
"""What each reliability tag on a bar's label stands for (the preface's 'Sources' gives each in
full), each tag held to its word across a line's end."""


def _bars_note(hows: list[str], tags: Iterable[str]) -> str:
    """What the bars of a company's by-year chart are, by how each figure reached the book, and
    a key to the reliability tags their labels carry."""
    if not hows:
        return "no bars: no overseas amount or share was found for any year"
    key = ", ".join(words for tag, words in TAG_KEY.items() if tag in set(tags))
    return f"bars: figures {origin_words(hows)}, each labelled with its reliability tag ({key})"


def _against_band(value: float, low: float, high: float) -> str:
    """Where a drawn value lies against a band: 'inside', 'above' or 'below'."""
    return "inside" if low <= value <= high else "above" if value > high else "below"


def _shares_sentence(frame: pd.DataFrame, low: float, high: float, row: pd.Series) -> str:
    """Where each year's share bar (in percent, as drawn and labelled) lies against the printed
    share's band (`low` to `high` percent), in one sentence: ' Its share bars: FY2023's 52.2%
    (W) lies inside the printed 超 50% band, FY2024's 49.97% (S) below it.' A bar below the
    band whose share reaches into it when read up to the part of revenue its table assigns to
    no region (`filed_years`) says so in a sentence of its own, as its evidence reads it:
    ' FY2024's share would reach into the band, up to 49.97% + 0.49% if all 0.49% of revenue … was
    earned abroad.'"""
    columns = ("year", "share_pct", "share_pct_label", "share_reach", "share_derivation")
    found = [row for row in _rows(frame, *columns) if pd.notna(row[1])]
    if not found:
        drawn = frame["overseas"].notna().any()  # with no bar at all, the caption says so
        return " No overseas share was found for any year." if drawn else ""
    places: dict[tuple[str, str], list[str]] = {}
    reaching = []
    for year, pct, label, reach, derivation in found:
        place = _against_band(pct, low, high)
        places.setdefault(place, []).append(f"{year}'s {label}")
        if place == "below" and pd.notna(reach) and reach * 100 >= low:
            reaching.append(f" {year}'s share would reach into the band, {derivation}.")
    clauses = [
        f"{names_or_none(bars)} {'lies' if len(bars) == 1 else 'lie'} {place} the printed "
        f"{row['overseas_share_printed']} band"
        if number == 0
        else f"{names_or_none(bars)} {place} it"
        for number, (place, bars) in enumerate(places.items())
    ]
    lead = "Its share bar" if len(found) == 1 else "Its share bars"
    return f" {lead}: {', '.join(clauses)}." + "".join(reaching)


def _years_caption(company: str, frame: pd.DataFrame, low: float, high: float) -> str:
    """Where each year's overseas amount lies against the printed band, in words."""
    columns = ("year", "overseas", "overseas_how", "overseas_tag", "overseas_second_hand")
    found = [row for row in _rows(frame, *columns) if pd.notna(row[1])]
    if not found:
        return (
            f"{company}: no full-year overseas figure was found for any year, so no bar is drawn."
        )
    places = [
        f"{year}'s amount ("
        + (
            "derived from a figure read at second hand, which counts as a weak (W) source"
            if second_hand
            else f"{how}, {tag}"
        )
        + ") lies "
        + _against_band(amount, low, high)
        + " the printed band"
        + (", though a weak source decides no verdict" if second_hand else "")
        for year, amount, how, tag, second_hand in found
    ]
    missing = [year for year, value in _rows(frame, "year", "overseas") if pd.isna(value)]
    return (
        f"{company}: "
        + "; ".join(places)
        + "."
        + (f" No amount was found for {names_or_none(missing)}." if missing else "")
    )
