"""Charts of a company's overseas revenue and share by year, as found, with the printed band."""

from __future__ import annotations

import altair as alt
import pandas as pd

from bytebook.charts import ARTICLE, HEADROOM, MUTED, REFERENCE, axis_top
from bytebook.chinese import CHINESE
from bytebook.numbers import significant
from bytebook.palette import BACKGROUND

PANEL_HEIGHT = 160
"""A by-year panel's height, px."""
LABEL_OFFSET_PX = 9
"""How far a bar's label is centred from the point it is anchored at (its bar's top, or the
band's edge), px: its 11 px text clears the bar's edge."""
LABEL_HALF_PX = 8
"""Half the height of a label's box, px (an 11 px text's line)."""
LABEL_CLEARANCE_PX = 3
"""How far a label's box keeps from the printed band's edges, px."""
LABEL_REACH_PX = 26
"""How far above its bar's top a bar's label reaches, px (its offset, half its font and room)."""
LABEL_ROOM = (PANEL_HEIGHT - LABEL_REACH_PX) / PANEL_HEIGHT
"""The share of a panel's height the tallest bar may take so that its label stays inside."""
SHARE_TOP = 100
"""The end of a share panel's axis: a share runs from 0% to 100%."""

AMOUNT_FORMAT = ",.4~r"
"""The d3 format of an amount in the chart's data: four significant figures, as its label
(`bytebook.numbers.significant`) writes it, so 914.5 reads 914.5 in both."""

SHARE_FORMAT = ".4~r"
"""The d3 format of a share in percent, drawn as the book writes it (`filed_years.Figure.shown`:
25.2 derived, 41.52 as recorded): at most four significant figures, no needless zero (77, not
77.0), so that the tooltip reads as the label."""

NOT_FOUND = "not found"
"""What a year's slot shows where no figure of its panel was found, so that an empty slot does
not read as a figure of nothing."""
NOT_FOUND_LIFT_PX = 4
"""How far above the year axis a slot's "not found" sits, px."""

SHARE_TITLE = "Overseas share, %"
"""The y axis title of a share panel, and its column's header in the chart's data."""


def label_place(value: float, band: tuple[float, float], top: float) -> tuple[float, bool]:
    """Where a bar's label is centred (in the panel's units) and whether it sits inside its bar,
    so that no label sits on the printed band: just above the bar's top; else inside the bar,
    under its top or the band's lower edge, whichever is lower (the band drawn under the bars
    shows on either side); else just above the band; else, with no room anywhere, above the
    bar."""
    px = PANEL_HEIGHT / top
    low, high = band[0] * px - LABEL_CLEARANCE_PX, band[1] * px + LABEL_CLEARANCE_PX

    def clear(centre: float) -> bool:
        bottom, upper = centre - LABEL_HALF_PX, centre + LABEL_HALF_PX
        on_panel = LABEL_CLEARANCE_PX <= bottom and upper <= PANEL_HEIGHT
        return on_panel and (upper <= low or bottom >= high)

    above, inside = value * px + LABEL_OFFSET_PX, min(value * px, low) - LABEL_OFFSET_PX
    over_band = high + LABEL_HALF_PX
    for centre, within in ((above, False), (inside, True), (over_band, False)):
        if clear(centre):
            return centre / px, within
    return above / px, False


def _year_axis(frame: pd.DataFrame) -> alt.X:
    return alt.X(
        "year:N", title="Fiscal year", sort=list(frame["year"]), axis=alt.Axis(labelAngle=0)
    )


def _labels(
    places: pd.DataFrame, x: alt.X, y_scale: alt.Scale, title: str, inside: bool
) -> alt.Chart:
    """The value labels of the bars outside them (in the text's colour) or inside them (in the
    page's background colour, which reads on the bar's own colour)."""
    colour = {"color": BACKGROUND.light} if inside else {}
    return (
        alt.Chart(places[places["inside"] == inside])
        .mark_text(fontSize=11, baseline="middle", aria=False, **colour)
        .encode(
            x=x,
            y=alt.Y("label_at:Q", scale=y_scale, title=title),
            text=alt.Text("label:N"),
        )
    )


def _panel(
    frame: pd.DataFrame,
    value: str,
    title: str,
    band: tuple[float, float],
    label: str,
    top: float,
    tooltip: list[alt.Tooltip],
) -> alt.LayerChart:
    """Bars of `value` by year up to `top`, over the printed band (outlined, lightly filled, a
    dashed line at its lower edge), so that a bar inside the band keeps its colour; each bar's
    value label off the band (`label_place`); no gridlines behind the labels. Every year's
    row is the bars' data, so that both panels' bars hold one table (`tooltip`)."""
    x = _year_axis(frame)
    y_scale = alt.Scale(domain=[0, top], nice=False)
    drawn = frame.dropna(subset=[value])
    placed = [label_place(v, band, top) for v in drawn[value]]
    places = pd.DataFrame(
        {
            "year": drawn["year"],
            "label": drawn[f"{value}_label"],
            "label_at": [at for at, _ in placed],
            "inside": [within for _, within in placed],
        }
    )
    bars = (
        alt.Chart(frame)
        .mark_bar(color=REFERENCE)
        .encode(
            x=x,
            y=alt.Y(f"{value}:Q", title=title, scale=y_scale, axis=alt.Axis(grid=False)),
            tooltip=tooltip,
        )
    )
    printed = pd.DataFrame({"low": [band[0]], "high": [band[1]], "label": [label]})
    # The band's marks repeat the units line and the data's note: aria=False keeps them out of
    # the chart's data table and the screen reader's list.
    shade = (
        alt.Chart(printed)
        .mark_rect(color=ARTICLE, fillOpacity=0.18, stroke=ARTICLE, strokeWidth=1, aria=False)
        .encode(
            y=alt.Y("low:Q", scale=y_scale, title=title),
            y2="high:Q",
            tooltip=[alt.Tooltip("label:N", title="Printed")],
        )
    )
    edge = (
        alt.Chart(printed)
        .mark_rule(color=ARTICLE, strokeDash=[6, 3], strokeWidth=2, aria=False)
        .encode(y=alt.Y("low:Q", scale=y_scale, title=title))
    )
    layers = [shade, edge, bars, _labels(places, x, y_scale, title, False)]
    if places["inside"].any():
        layers.append(_labels(places, x, y_scale, title, True))
    missing = frame.loc[frame[value].isna(), ["year"]]
    if not missing.empty:
        layers.append(_not_found(missing, x, y_scale, title, top))
    return alt.layer(*layers, width=220, height=PANEL_HEIGHT)


def _not_found(
    missing: pd.DataFrame, x: alt.X, y_scale: alt.Scale, title: str, top: float
) -> alt.Chart:
    """'not found' just above the year axis in each year's slot that has no bar; the caption
    says the same in words, so it is kept out of the chart's data table (aria=False)."""
    lift = top * NOT_FOUND_LIFT_PX / PANEL_HEIGHT
    return (
        alt.Chart(missing.assign(at=lift, text=NOT_FOUND))
        .mark_text(fontSize=11, baseline="bottom", color=MUTED, aria=False)
        .encode(x=x, y=alt.Y("at:Q", scale=y_scale, title=title), text=alt.Text("text:N"))
    )


DATA_COLUMNS = {
    "year": ("N", "Year", None),
    "overseas": ("Q", "Overseas revenue", AMOUNT_FORMAT),
    "overseas_tag": ("N", "Amount's tag", None),
    "share_pct": ("Q", SHARE_TITLE, SHARE_FORMAT),
    "share_pct_tag": ("N", "Share's tag", None),
    "sources_named": ("N", "Sources", None),
}
"""The columns of a by-year chart's data, one row a year, as every bar's tooltip shows them: the
column's Vega-Lite type, header (the amount's names its unit: the panel's axis title) and d3
format."""


def _tooltip(amount_title: str) -> list[alt.Tooltip]:
    """Every bar's tooltip: its year's whole row (`DATA_COLUMNS`), so that both panels' bars
    hold one table, the chart's data."""
    return [
        alt.Tooltip(
            f"{column}:{kind}",
            title=amount_title if column == "overseas" else header,
            **({"format": fmt} if fmt else {}),
        )
        for column, (kind, header, fmt) in DATA_COLUMNS.items()
    ]


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
    tooltip = _tooltip(amount_title)
    rows = frame[[*DATA_COLUMNS, "overseas_label", "share_pct_label"]]
    largest = max([amount_band[1], *frame["overseas"].dropna()])
    amount_top = axis_top(largest / LABEL_ROOM / HEADROOM)
    panels = {
        "overseas": lambda: _panel(
            rows, "overseas", amount_title, amount_band, amount_label, amount_top, tooltip
        ),
        "share_pct": lambda: _panel(
            rows, "share_pct", SHARE_TITLE, share_band, share_label, SHARE_TOP, tooltip
        ),
    }
    drawn = [panels[column]() for column in found_panels(frame)]
    if drawn:
        return _side_by_side(drawn)
    years = list(frame["year"])
    listed = years[0] if len(years) == 1 else f"{', '.join(years[:-1])} or {years[-1]}"
    lines = [
        f"Not found: a full-year overseas revenue or overseas share for {listed}.",
        f"The article prints {amount_label} and {share_label}: "
        f"{band_words(amount_band, share_band, amount_title)}.",
    ]
    return _note(lines)


def band_words(
    amount_band: tuple[float, float], share_band: tuple[float, float], amount_title: str
) -> str:
    """The printed amount's and share's bands in words, in the amount axis's unit (the part of
    `amount_title` after its comma) and in percent: '1,200亿元 to 1,300亿元 and 44.5% to 45.5%'."""
    unit = amount_title.split(", ")[1]
    low, high = (significant(end) for end in amount_band)
    amounts = f"{low}亿元 to {high}亿元" if unit == "亿元" else f"{low} to {high} {unit}"
    return f"{amounts} and {significant(share_band[0])}% to {significant(share_band[1])}%"


def _side_by_side(panels: list[alt.LayerChart]) -> alt.HConcatChart:
    """`alt.hconcat(*panels)` without its deep copy of each panel, in which each is made again,
    copying its layers twice more. A `_panel` has no params, no data of its own (its layers
    draw different tables) and no named layers: nothing to lift or rename, the same spec."""
    chart = alt.hconcat()
    chart.hconcat = panels
    return chart


NOTE_LINE_WIDTH = 40
"""Latin characters a line of a note chart holds, a Chinese character counting as two: at its
13 px it fits the column of a 320 px phone (text marks do not wrap)."""


def _display_width(text: str) -> int:
    """How many Latin characters' room `text` takes: a Chinese ideograph takes two (the notes
    hold no full-width punctuation, which would too)."""
    return len(text) + len(CHINESE.findall(text))


def _note_lines(sentence: str) -> list[str]:
    """`sentence` cut at spaces into lines of at most NOTE_LINE_WIDTH (`_display_width`); a
    word longer than that keeps a line of its own."""
    lines: list[str] = []
    for word in sentence.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and _display_width(joined) <= NOTE_LINE_WIDTH:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines


def _note(sentences: list[str]) -> alt.Chart:
    """A chart that is only text, for a figure with nothing found to draw: each sentence a
    paragraph of its own, wrapped to `NOTE_LINE_WIDTH`. A screen reader does not read its lines
    one by one (each would be read as "row: 0; line: …"): the chart's description says what they
    say."""
    lines = [
        line
        for number, sentence in enumerate(sentences)
        for line in ([""] if number else []) + _note_lines(sentence)
    ]
    note = pd.DataFrame({"row": range(len(lines)), "line": lines})
    return (
        alt.Chart(note)
        .mark_text(align="left", baseline="top", fontSize=13, aria=False)
        .encode(x=alt.value(0), y=alt.Y("row:O", axis=None), text="line:N")
        .properties(width=360, height=20 * len(lines))
    )
