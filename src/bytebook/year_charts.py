"""Charts of a company's overseas revenue and share by year, as found, with the printed band."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from bytebook.charts import ARTICLE, HEADROOM, REFERENCE, axis_top
from bytebook.numbers import significant

PANEL_HEIGHT = 160
"""A by-year panel's height, px."""
LABEL_OFFSET_PX = 9
"""How far above its bar's top a bar's label is centred, px: its 11 px text clears the bar."""
LABEL_REACH_PX = 26
"""How far above its bar's top a bar's label reaches, px (its offset, half its font and room)."""
LABEL_CLEARANCE_PX = 8
"""How far above the dashed edge a lifted label is anchored, px (its offset comes on top)."""
LABEL_ROOM = (PANEL_HEIGHT - LABEL_REACH_PX) / PANEL_HEIGHT
"""The share of a panel's height the tallest bar may take so that its label stays inside."""


AMOUNT_FORMAT = ",.4~r"
"""The d3 format of an amount in the chart's data: four significant figures, as its label
(`bytebook.numbers.significant`) writes it, so 914.5 reads 914.5 in both."""

SHARE_FORMAT = ".4~r"
"""The d3 format of a share in percent, drawn as the book writes it (`filed_years.Figure.shown`:
25.2 derived, 41.52 as recorded): at most four significant figures, no needless zero (77, not
77.0), so that the tooltip reads as the label."""


def _panel(
    frame: pd.DataFrame, value: str, title: str, band: tuple[float, float], label: str, fmt: str
) -> alt.LayerChart:
    """Bars of `value` by year, with the printed band drawn across the panel over the bars (a
    thin band stays visible as an outlined strip) and no gridlines behind the value labels;
    the axis ends on a round number, where it draws its last tick."""
    bars_data = frame[["year", value, f"{value}_tag", f"{value}_label"]].dropna(subset=[value])
    base = alt.Chart(bars_data).encode(
        x=alt.X(
            "year:N", title="Fiscal year", sort=list(frame["year"]), axis=alt.Axis(labelAngle=0)
        ),
    )
    top = axis_top(max([band[1], *bars_data[value]]) / LABEL_ROOM / HEADROOM)
    y_scale = alt.Scale(domain=[0, top], nice=False)
    # A panel without a figure found draws no bar; an empty mark would be an unnamed image.
    bars = base.mark_bar(color=REFERENCE, aria=not bars_data.empty).encode(
        y=alt.Y(f"{value}:Q", title=title, scale=y_scale, axis=alt.Axis(grid=False)),
        tooltip=[
            alt.Tooltip("year:N", title="Year"),
            alt.Tooltip(f"{value}:Q", title=title, format=fmt),
            alt.Tooltip(f"{value}_tag:N", title="Tag"),
        ],
    )
    # A label drawn just above its bar would sit on the dashed edge at the band's low end when
    # the bar ends near it: such a label is lifted clear above the edge.
    px = PANEL_HEIGHT / top
    reach_low, reach_high = band[0] - LABEL_REACH_PX / px, band[0] + 4 / px
    near = f"datum.{value} >= {reach_low!r} && datum.{value} <= {reach_high!r}"
    lifted = band[0] + LABEL_CLEARANCE_PX / px
    labels = (
        base.transform_calculate(label_at=f"{near} ? {lifted!r} : datum.{value}")
        .mark_text(dy=-LABEL_OFFSET_PX, fontSize=11, aria=False)
        .encode(y=alt.Y("label_at:Q", title=title), text=alt.Text(f"{value}_label:N"))
    )
    printed = pd.DataFrame({"low": [band[0]], "high": [band[1]], "label": [label]})
    shade = (
        alt.Chart(printed)
        .mark_rect(color=ARTICLE, fillOpacity=0.4, stroke=ARTICLE, strokeWidth=1.5)
        .encode(y="low:Q", y2="high:Q", tooltip=[alt.Tooltip("label:N", title="Printed")])
    )
    edge = (
        alt.Chart(printed)
        .mark_rule(color=ARTICLE, strokeDash=[6, 3], strokeWidth=2, aria=False)
        .encode(y="low:Q")
    )
    return alt.layer(bars, shade, edge, labels).properties(width=220, height=PANEL_HEIGHT)


PANELS = ("overseas", "share_pct")
"""The columns of a company's by-year table that each draw a panel: amount, then share."""


def found_panels(frame: pd.DataFrame) -> list[str]:
    """The panels (`PANELS`) that have at least one year's figure to draw."""
    return [column for column in PANELS if frame[column].notna().any()]


def company_years(
    frame: pd.DataFrame,
    amount_band: tuple[float, float],
    share_band: tuple[float, float],
    amount_label: str,
    share_label: str,
    amount_title: str,
) -> alt.TopLevelMixin:
    """For one company, a panel of its overseas revenue by year and one of its overseas share
    by year, as found, each with the article's printed band shaded (a dashed line at its lower
    edge). A panel with no figure for any year is left out; with neither, the chart says in
    words what was not found and what the article prints."""
    panels = {
        "overseas": lambda: _panel(
            frame, "overseas", amount_title, amount_band, amount_label, AMOUNT_FORMAT
        ),
        "share_pct": lambda: _panel(
            frame, "share_pct", "Overseas share, %", share_band, share_label, SHARE_FORMAT
        ),
    }
    drawn = [panels[column]() for column in found_panels(frame)]
    if drawn:
        return alt.hconcat(*drawn)
    unit = amount_title.split(", ")[1]
    low, high = (significant(end) for end in amount_band)
    amounts = f"{low}亿元 to {high}亿元" if unit == "亿元" else f"{low} to {high} {unit}"
    years = list(frame["year"])
    listed = years[0] if len(years) == 1 else f"{', '.join(years[:-1])} or {years[-1]}"
    lines = [
        f"Not found: a full-year overseas revenue or overseas share for {listed}.",
        f"The article prints {amount_label} and {share_label}: {amounts} and "
        f"{significant(share_band[0])}% to {significant(share_band[1])}%.",
    ]
    return _note(lines)


NOTE_LINE_WIDTH = 46
"""Characters a line of a note chart holds: it fits a phone's column (text marks do not wrap)."""


def _note(sentences: list[str]) -> alt.Chart:
    """A chart that is only text, for a figure with nothing found to draw: each sentence a
    paragraph of its own, wrapped to `NOTE_LINE_WIDTH`."""
    lines = [
        line
        for number, sentence in enumerate(sentences)
        for line in ([""] if number else []) + textwrap.wrap(sentence, NOTE_LINE_WIDTH)
    ]
    note = pd.DataFrame({"row": range(len(lines)), "line": lines})
    return (
        alt.Chart(note)
        .mark_text(align="left", baseline="top", fontSize=13)
        .encode(x=alt.value(0), y=alt.Y("row:O", axis=None), text="line:N")
        .properties(width=360, height=20 * len(lines))
    )
