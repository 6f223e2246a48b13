"""The figures of the ranking chapter (book/ranking.md)."""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from bytebook import charts, year_charts
from bytebook.article import ARTICLE_LEGEND
from bytebook.chapters.filed_comparison import filed_references
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.numbers import YI_YUAN, format_yuan
from bytebook.units import in_units


def table_claims(data: BookData, companies: Iterable[str], columns: Iterable[str]) -> list[str]:
    """The ids of the ranking table's claims in `columns` (e.g. 'share_claim') for
    `companies`, by their English names, in the order given."""
    rows = data.ranking.set_index("company_en")
    return list(dict.fromkeys(rows.at[c, column] for c in companies for column in columns))


def _cited_in(sources: pd.Series) -> list[str]:
    """The reference ids a column of id lists holds, each once, in order."""
    return list(dict.fromkeys(ref for refs in sources for ref in refs))


def _drawn_years(frame: pd.DataFrame) -> pd.DataFrame:
    """The years of a by-year frame with a figure drawn (an amount or a share): a source line
    cites what the chart draws, not a year's group revenue that drew no bar."""
    return frame[frame[list(year_charts.PANELS)].notna().any(axis=1)]


def _printed(found: Findings) -> pd.DataFrame:
    """The table sorted by overseas revenue, named in both languages, in 亿元."""
    return found.tables["sorted"].assign(
        name=lambda f: f["company_zh"] + " " + f["company"],
        overseas_yi=lambda f: in_units(f["overseas_cny"], "亿"),
    )


OVERSEAS_YI = "Overseas revenue, 亿元"
"""The axis title of the printed overseas amounts."""


def _bytedance(frame: pd.DataFrame) -> str:
    return frame.loc[frame["company"] == "ByteDance", "name"].iloc[0]


SUBJECT_HIGHLIGHTED = "ByteDance (the article's subject) highlighted"
"""Why one company of the table is drawn in another colour: it is the article's subject."""


def revenue(found: Findings, data: BookData) -> alt.VConcatChart:
    """The seven companies' overseas revenue as the article prints it, largest first."""
    frame = _printed(found)[["company", "name", "overseas_yi"]]
    caption = charts.Caption(
        title="Overseas revenue in 2024, as the article prints it",
        units=f"{YI_YUAN}; 'N+' amounts drawn at N; {SUBJECT_HIGHLIGHTED} and drawn "
        f"at the article's {format_yuan(data.stated('t_bytedance_overseas_cny'))}",
        claims=table_claims(data, frame["company"], ["revenue_cny_claim"]),
    )
    bars = charts.Field("name", "Company"), charts.Field("overseas_yi", OVERSEAS_YI)
    lead = "Bar chart of the seven companies' overseas revenue, largest first"
    return charts.bar_figure(
        frame[["name", "overseas_yi"]],
        bars,
        caption,
        data,
        described=(lead, "{name} {overseas_yi:,.0f}亿元"),
        highlight=_bytedance(frame),
    )


def _short_name(name: str) -> str:
    """A company's name as a point's label: the Chinese name and the first English word
    (海尔智家 Haier Smart Home -> 海尔智家 Haier), so that seven names fit a phone's plot."""
    return " ".join(name.split(" ")[:2])


def share(found: Findings, data: BookData) -> alt.VConcatChart:
    """Each company's printed overseas revenue against its printed overseas share."""
    frame = _printed(found)
    chart = charts.labelled_scatter(
        frame[["name", "share", "overseas_yi"]].assign(short_name=frame["name"].map(_short_name)),
        "share",
        "overseas_yi",
        "name",
        x_title="Overseas share of revenue",
        y_title=OVERSEAS_YI,
        highlight=_bytedance(frame),
        short_label="short_name",
    )
    caption = charts.Caption(
        title="Overseas revenue against overseas share",
        units=f"share of each company's total revenue; {YI_YUAN}; {SUBJECT_HIGHLIGHTED}",
        claims=table_claims(data, frame["company"], ["revenue_cny_claim", "share_claim"]),
    )
    lead = "Scatter plot of overseas revenue against overseas share for the seven companies"
    description = charts.describe(lead, frame, "{name} {overseas_yi:,.0f}亿元, {share:.0%}")
    return charts.figure(chart, caption, description, data)


def totals(found: Findings, data: BookData) -> alt.VConcatChart:
    """The band of totals each row allows (amount ÷ share at the printed precision) against
    the total found for the year (how each was found: the implied-totals table)."""
    table = found.tables["implied_totals"]
    frame = table.assign(
        low=in_units(table["implied_low_cny"], "亿"),
        high=in_units(table["implied_high_cny"], "亿"),
        filed=in_units(table["filed_total_cny"], "亿"),
    )
    chart = charts.band_against_value(
        frame,
        "company",
        ("low", "high"),
        "filed",
        names=("Totals the table allows", "Total found for the year"),
        value_title="Total revenue, 亿元",
        tooltip_titles=(
            "Company",
            "Lowest total the table allows, 亿元",
            "Highest total the table allows, 亿元",
            "Total found for the year, 亿元",
        ),
    )
    caption = charts.Caption(
        title="Total revenue: implied by the table against the total found",
        units=f"{YI_YUAN}; each band runs from the lowest to the highest total (overseas "
        "amount ÷ share) that the printed figures' precision allows; ByteDance at the "
        "table's own rate",
        claims=table_claims(
            data, frame["company"], ["revenue_claim", "revenue_cny_claim", "share_claim"]
        ),
        references=_cited_in(table["sources"]),
    )
    description = charts.describe(
        "Bar chart of the band of total revenue each company's row of the table implies, with "
        "the total found for the year",
        frame,
        "{company} {low:,.0f}亿元 to {high:,.0f}亿元 against {filed:,.0f}亿元",
    )
    return charts.figure(chart, caption, description, data)


def company_years(found: Findings, data: BookData) -> dict[str, alt.VConcatChart]:
    """For each company, keyed by its short key: its overseas revenue and share by year, as
    found (each figure's origin named), with the article's printed band; a panel with nothing
    found is left out, and the units line says what was not found."""
    figures = {}
    for band in found.tables["printed_bands"].itertuples():
        frame = found.tables[f"by_year_{band.key}"]
        chart = year_charts.company_years(
            frame,
            (band.amount_low, band.amount_high),
            (band.share_low, band.share_high),
            band.amount_label,
            band.share_label,
            band.amount_title,
        )
        # ByteDance's band is drawn in US dollars, the others' in yuan.
        amount = "revenue_claim" if "USD" in band.amount_title else "revenue_cny_claim"
        caption = charts.Caption(
            title=f"{band.company_zh} {band.company}: overseas revenue and share by year, as found",
            units=_years_units(band, year_charts.found_panels(frame)),
            claims=table_claims(data, [band.company], [amount, "share_claim"]),
            references=_cited_in(_drawn_years(frame)["sources"]),
            data_note=band.data_note,
            empty_cell=NOT_FOUND,
        )
        description = _years_description(band, frame)
        figures[band.key] = charts.figure(chart, caption, description, data)
    return figures


NOT_FOUND = year_charts.NOT_FOUND
"""What a by-year chart says, in words, in its empty slots and in its data's empty cells, of a
year with no figure."""


PANEL_NAMES = {"overseas": "overseas revenue", "share_pct": "overseas share"}
"""What each by-year panel (`year_charts.PANELS`) shows, in words."""


def _years_units(band, drawn: list[str]) -> str:
    """The units line of a company's by-year chart: the units and printed bands of the panels
    drawn, and the panels left out as not found. With no panel drawn, the chart's note says
    what was not found, and the line gives only the units its words are in."""
    units = {"overseas": band.amount_title.split(", ")[1], "share_pct": "percent"}
    if not drawn:
        return f"{' and '.join(units.values())}, in words: no bars"
    missing = [PANEL_NAMES[p] for p in year_charts.PANELS if p not in drawn]
    not_found = f"{' and '.join(missing)} by year: not found"
    printed = {"overseas": band.amount_label, "share_pct": band.share_label}
    text = (
        f"{' and '.join(units[p] for p in drawn)}; shaded, its lower edge dashed: the "
        f"article's printed {' and '.join(printed[p] for p in drawn)}; {band.bars_note}"
    )
    return f"{text}; {not_found}" if missing else text


def _years_description(band, frame: pd.DataFrame) -> str:
    """A by-year chart in words: each year's amount and share, or 'not found'; where nothing is
    drawn, the printed band's ends too, which the chart's note gives in words."""
    rows = [
        f"{r.year}: overseas "
        + (r.overseas_shown or NOT_FOUND)
        + ", share "
        + (r.share_pct_shown or NOT_FOUND)
        for r in frame.itertuples()
    ]
    drawn = len(year_charts.found_panels(frame))
    lead = {0: "No bar chart", 1: "A bar chart", 2: "Two bar charts"}[drawn]
    ends = year_charts.band_words(
        (band.amount_low, band.amount_high), (band.share_low, band.share_high), band.amount_title
    )
    return (
        f"{lead} for {band.company}, by fiscal year: {'; '.join(rows)}; the printed band is "
        f"{band.amount_label} and {band.share_label}" + ("" if drawn else f", {ends}") + "."
    )


def filed(found: Findings, data: BookData) -> alt.VConcatChart:
    """The overseas revenue each printed figure allows, as the ledger reads it, against each
    company's own 2024 figure, where found."""
    table = found.tables["filed_by_companies"]
    frame = table.assign(
        low=in_units(table["article_low_cny"], "亿"),
        high=in_units(table["article_high_cny"], "亿"),
        reported=in_units(table["filed_overseas_cny"], "亿"),
    )
    chart = charts.band_against_value(
        frame[["company", "low", "high", "reported"]],
        "company",
        ("low", "high"),
        "reported",
        names=(f"{ARTICLE_LEGEND}: the amounts its figure allows", "Company's own figure"),
        value_title=OVERSEAS_YI,
        tooltip_titles=(
            "Company",
            "Lowest amount the printed figure allows, 亿元",
            "Highest amount the printed figure allows, 亿元",
            "Company's own figure, 亿元",
        ),
        value_format=",.1f",  # a band's half-亿 end: Haier's 1364 亿元 is 1,363.5 to 1,364.5
    )
    caption = charts.Caption(
        title="Overseas revenue 2024: the article against the companies' own figures",
        units=f"{YI_YUAN}; bands: the amounts each printed figure allows ("
        + "; ".join(
            f"{r.company}'s {r.article_shown} as N多, {r.article_band_text}"
            for r in table.itertuples()
            if r.article_shown.endswith("+")
        )
        + "); the companies' own figures: "
        + ", ".join(table["origin_note"]),
        claims=table_claims(data, frame["company"], ["revenue_cny_claim"]),
        references=filed_references(frame["company"]),
    )
    description = charts.describe(
        "Bar chart of the overseas revenue each printed figure allows, with each company's own "
        "figure",
        frame,
        "{company}: printed {article_shown}亿元, allowing {article_band_text}, against "
        "{reported:,.0f}亿元 {filed_described}",
    )
    return charts.figure(chart, caption, description, data)
