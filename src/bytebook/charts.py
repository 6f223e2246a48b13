"""Chart builders shared by every chapter, and the theme they are drawn in.

A new chart type is a new builder here. How a chart reaches the page (live, static SVG, PNG)
is bytebook.publish.render's job.
"""

from __future__ import annotations

import json
import math
import re
import string
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

import altair as alt
import pandas as pd

from bytebook import label_places, palette
from bytebook.article import ARTICLE_LEGEND, SECTION_TITLES, SECTIONS
from bytebook.data import BookData
from bytebook.numbers import VALUE_WITH_UNIT, in_a_list, significant

FONT = "Noto Sans CJK SC"
FONT_STACK = f"{FONT}, 'Noto Sans CJK', 'Source Han Sans SC', sans-serif"

ARTICLE, REFERENCE, MUTED = palette.ARTICLE.light, palette.REFERENCE.light, palette.MUTED.light
"""Colours by meaning (bytebook.palette): the article's figures, reported ones, secondary marks."""
ARTICLE_SHAPE, REFERENCE_SHAPE = "diamond", "circle"
"""The shapes of a dot plot's points: the article's figures stand apart from the sources' in
greyscale, and to a reader whose colour vision merges the two colours, not by colour alone."""
SERIES = [c.light for c in palette.SERIES]
MARKED_FIGURE_HEADS = {"rule": "Dashed line", "point": "Point", "ring": "Ring"}
"""How a tooltip, and the data behind the chart, name a figure marked on it by what the reader
sees there: the article's figure as a dashed rule, a source's point, or the ring where a curve
meets the article's figure."""
# Value labels and connecting rules repeat what the marks say: they carry aria=False, so screen
# readers read the marks and each chart's description, not every number twice.
THEME = "bytebook"
SOURCE_LINE_WIDTH = 90
"""Characters a line of a chart's source line holds before it wraps."""
SUBTITLE_LINE_WIDTH = 84
"""Characters a line of a chart's units line (12 px, a point larger than the source line)
holds before it wraps: about the plot's width, so that a long units line does not widen the
chart's static drawing, which a page shows until its script draws the chart (and rewraps the
line to the column)."""


def theme() -> dict:
    """The book's Altair theme: its font, sizes and palette colours (each with a dark twin)."""
    text, axis = palette.TEXT.light, palette.AXIS.light
    return {
        "config": {
            "font": FONT_STACK,
            "view": {"stroke": None, "continuousWidth": 560, "continuousHeight": 300},
            "range": {"category": SERIES},
            "mark": {"color": REFERENCE},
            "text": {"color": text, "fontSize": 11},
            "axis": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "labelColor": text,
                "titleColor": text,
                "domainColor": axis,
                "tickColor": axis,
                "gridColor": palette.GRID.light,
                "labelLimit": 320,
                # On a phone's narrow plot, a value label that would come within this many
                # pixels of the next drops every other one ('0 2,000 4,000', not '3,0004,000').
                "labelSeparation": 6,
            },
            "title": {
                "fontSize": 15,
                "anchor": "start",
                "subtitleFontSize": 12,
                "color": text,
                "subtitleColor": text,
            },
            "legend": {
                # Two legends under a chart stack, each starting at the left, rather than run
                # side by side past a phone's narrow plot.
                "layout": {"bottom": {"direction": "vertical", "anchor": "start"}},
                "labelLimit": 320,
                "labelFontSize": 12,
                "titleFontSize": 12,
                "labelColor": text,
                "titleColor": text,
            },
            "background": palette.BACKGROUND.light,
        }
    }


SIGNIFICANT_FORMAT = ",.4~r"
"""The d3 form of `bytebook.numbers.significant`: four significant figures, no trailing zeros
(CapCut Pro's USD 1.918 bn, as the prose writes it, not 1.92)."""


def _trim(number_format: str) -> str:
    """A d3 number format that drops trailing zeros (',.2f' -> ',.2~f': 26, not 26.00)."""
    if "~" in number_format or not number_format.endswith(("f", "%")):
        return number_format
    return number_format[:-1] + "~" + number_format[-1]


class _AsLabelled(string.Formatter):
    """Writes a description's numbers as the chart's labels write them, rounding the float's
    exact value with a tie away from zero as d3 does: a field formatted `sig` at the book's
    four significant figures (`bytebook.numbers.significant`), and a fixed-point field without
    trailing zeros, as the labels' trimmed d3 formats drop them ('{cpm:.2f}' of 26 is '26', not
    '26.00'; of 0.125 '0.13', where Python's own format gives '0.12')."""

    def format_field(self, value, format_spec: str) -> str:
        if format_spec == "sig":
            return significant(value, as_drawn=True)
        fixed = re.fullmatch(r"(,?)\.(\d+)f", format_spec)
        if not fixed:
            return super().format_field(value, format_spec)
        step = Decimal(1).scaleb(-int(fixed[2]))
        text = format(Decimal(float(value)).quantize(step, rounding=ROUND_HALF_UP), format_spec)
        return text.rstrip("0").rstrip(".") if "." in text else text


def describe(lead: str, frame: pd.DataFrame, row: str, ending: str = ".") -> str:
    """A chart's screen-reader description: `lead`, then every row of `frame` written with the
    format string `row`, whose fields are column names, joined by semicolons; its numbers are
    written as the chart's labels write them (`_AsLabelled`)."""
    formatter = _AsLabelled()
    items = "; ".join(formatter.format(row, **record) for record in frame.to_dict("records"))
    return f"{lead}: {items}{ending}"


def finish(
    chart: alt.TopLevelMixin,
    title: str,
    subtitle: str,
    source: str,
    description: str,
    **top: object,
) -> alt.VConcatChart:
    """Give a chart its title, subtitle (units), source line and screen-reader description,
    and the other top-level properties in `top` (such as `usermeta`). The outer chart gets
    them as it is made, not from `.properties()` after: that makes a composed chart again,
    copying every layer and panel, for each call. For the same reason the chart's title is
    set on the outer chart's panel itself, which is `chart` (taken over, not copied) when it
    has no params or data to lift (`_outer`); the spec is validated whole when drawn."""
    lines = textwrap.wrap(f"Source: {source}", SOURCE_LINE_WIDTH)
    outer = _outer(
        chart,
        title=alt.Title(
            lines[0] if len(lines) == 1 else lines,
            orient="bottom",
            anchor="start",
            fontSize=11,
            fontWeight="normal",
            color=palette.SOURCE_TEXT.light,
        ),
        description=description,
        **top,
    )
    units = textwrap.wrap(subtitle, SUBTITLE_LINE_WIDTH)
    outer.vconcat[0].title = alt.Title(title, subtitle=units[0] if len(units) == 1 else units)
    return outer


def _outer(chart: alt.TopLevelMixin, **properties: object) -> alt.VConcatChart:
    """`alt.vconcat(chart, **properties)`. `vconcat` copies its panel deeply to lift its
    params and data, and each composed chart in the copy is made again, copying its layers
    and panels again; a chart with neither to lift is placed as it is: the same spec, no copy."""
    if chart.params is not alt.Undefined or chart.data is not alt.Undefined:
        return alt.vconcat(chart, **properties)
    outer = alt.vconcat(**properties)
    outer.vconcat = [chart]
    return outer


LEDGER = "this book's claims ledger"
"""What a chart of verdicts draws them from."""
MODEL = "the book's model"
"""How a source line names the book's own arithmetic."""


def source_line(
    data: BookData,
    *,
    claims: Iterable[str] = (),
    references: Iterable[str] = (),
    assumptions: Iterable[str] = (),
    model: str | bool = False,
    ledger: bool = False,
) -> str:
    """A chart's source line, built from the ids of what it draws: the article's sections that
    print `claims` (every section, when they cover all), the book's model (`model`: True, or
    the rule it rests on in words) with the items of its `assumptions` (data/assumptions.csv),
    then `data.cite` of `references` and of the references each assumption's basis cites
    (by name, without the notes on how the book read them, which the sources page gives),
    and the book's ledger when the chart draws its verdicts."""
    parts = []
    if sections := data.claim_sections(claims):
        shown = (
            "every section"
            if set(sections) == set(SECTIONS)
            else ", ".join(SECTION_TITLES[section] for section in sections)
        )
        parts.append(f"the article ({shown})")
    assumptions = list(assumptions)
    if model or assumptions:
        parts.append(_model_part(data, model, assumptions))
    if cited := cited_references(data, references, assumptions):
        parts.append(data.cite(*cited, notes=False))
    if ledger:
        parts.append(f"verdicts: {LEDGER}")
    if not parts:
        raise ValueError("a source line needs claims, references, assumptions or the ledger")
    return "; ".join(parts)


def _model_part(data: BookData, model: str | bool, assumptions: list[str]) -> str:
    """'the book's model (rule), assuming the a, the b and the c' (each a value a slider sets)."""
    part = f"{MODEL} ({model})" if isinstance(model, str) and model else MODEL
    if not assumptions:
        return part
    items = [f"the {_lower_first(data.assumptions.at[a, 'item'])}" for a in assumptions]
    return f"{part}, assuming {in_a_list(items)}"


def cited_references(
    data: BookData, references: Iterable[str], assumptions: Iterable[str] = ()
) -> list[str]:
    """`references`, then those the bases of `assumptions` cite, each once, in that order."""
    basis = [ref for a in assumptions for ref in data.basis_references(a)]
    return list(dict.fromkeys([*references, *basis]))


def _lower_first(item: str) -> str:
    """'Price of one GPU-hour' -> 'price of one GPU-hour'; an acronym ('GPU price') stays."""
    return item[0].lower() + item[1:] if item[1:2].islower() else item


@dataclass(frozen=True)
class Caption:
    """The words around a figure's chart: its `title`, the `units` line under it, and what the
    chart draws, by id: the article's `claims`, the `references`, the book's `model` (True, or
    the rule it rests on in words) with its `assumptions`, or the whole `ledger`. `figure`
    builds the source line from the ids (`source_line`); it is never typed. `data_note` is a
    line under the chart's data table, for what the chart draws that the table does not hold;
    `empty_cell` what an empty cell of that table means ('not found'), written in it."""

    title: str
    units: str
    claims: Iterable[str] = ()
    references: Iterable[str] = ()
    assumptions: Iterable[str] = ()
    model: str | bool = False
    ledger: bool = False
    data_note: str = ""
    empty_cell: str = ""


def figure(
    chart: alt.TopLevelMixin, caption: Caption, description: str, data: BookData
) -> alt.VConcatChart:
    """One call per figure: the chart with its title, its units line, its source line (built
    from the ids `caption` names) and its screen-reader description; the spec carries the ids
    under `usermeta.cites`."""
    claims, references = list(caption.claims), list(caption.references)
    assumptions = list(caption.assumptions)
    source = source_line(
        data,
        claims=claims,
        references=references,
        assumptions=assumptions,
        model=caption.model,
        ledger=caption.ledger,
    )
    cites = {
        "claims": claims,
        "references": cited_references(data, references, assumptions),
        "assumptions": assumptions,
    }
    notes = {"data_note": caption.data_note, "empty_cell": caption.empty_cell}
    kept = {key: text for key, text in notes.items() if text}
    usermeta = {"cites": cites, **kept}
    return finish(chart, caption.title, caption.units, source, description, usermeta=usermeta)


class Field(NamedTuple):
    """A column of a chart's frame, with the title its axis and tooltips show and the d3
    format its values are written in."""

    column: str
    title: str
    format: str = ",.0f"
    shown: str | None = None
    """A column holding each value as the book's text writes it (7.80亿, not 7.8): when given,
    it is the value's label and what its tooltip and the chart's data show."""


def bar_figure(
    frame: pd.DataFrame,
    bars: tuple[Field, Field],
    caption: Caption,
    data: BookData,
    *,
    described: str | tuple[str, ...],
    highlight: str | None = None,
    reference: tuple[float, str] | None = None,
    articles: bool = False,
    low: str | None = None,
) -> alt.VConcatChart:
    """A finished bar figure: `bar_chart` of the (category, value) `bars` of `frame`, with
    `caption`. `described` is the description, or the arguments of `describe` after the
    frame (lead, row format and, optionally, ending), which names every row. `articles` draws
    every bar in the article's colour (every value is the article's own figure); `low` draws
    a range's lower end (`bar_chart`)."""
    category, value = bars
    chart = bar_chart(
        frame,
        category.column,
        value.column,
        category_title=category.title,
        value_title=value.title,
        highlight=highlight,
        value_format=value.format,
        reference=reference,
        shown=value.shown,
        articles=articles,
        low=low,
    )
    if not isinstance(described, str):
        lead, row, *ending = described
        described = describe(lead, frame, row, *ending)
    return figure(chart, caption, described, data)


def _highlight_colour(field: str, highlight: str | None, articles: bool = False):
    """One mark in the highlight colour (the article's figure), the others in the reference one;
    every mark in the article's colour when all are the article's (`articles`)."""
    if articles:
        return alt.value(ARTICLE)
    if not highlight:
        return alt.value(REFERENCE)
    return alt.condition(alt.datum[field] == highlight, alt.value(ARTICLE), alt.value(REFERENCE))


def _value_tooltip(value: str, title: str, value_format: str, shown: str | None) -> alt.Tooltip:
    """A value's tooltip: the value as the text writes it where a `shown` column gives it (so
    the chart's data reads as its label), else the number in `value_format`."""
    if shown:
        return alt.Tooltip(f"{shown}:N", title=title)
    return alt.Tooltip(f"{value}:Q", title=title, format=_trim(value_format))


def _value_text(value: str, value_format: str, shown: str | None) -> alt.Text:
    """A value's label: the `shown` column's text, else the number in `value_format`."""
    if shown:
        return alt.Text(f"{shown}:N")
    return alt.Text(f"{value}:Q", format=_trim(value_format))


BAR_STEP = 34
"""Pixels of height per bar in a horizontal bar chart: room beside each bar for its category
label wrapped onto two lines of 12 px text, clear of the next bar's label."""
VERDICT_PANEL_WIDTH = 90
"""Pixels of width of each verdict's panel in the verdicts chart: five panels and the section
names beside them fill the text column as the one stacked bar of 520 px did."""
VERDICT_PANEL_GAP = 14
"""Pixels between two verdicts' panels."""
COUNT_OFFSET_PX = 3
"""Pixels between a verdict bar's end and its count."""


def bar_chart(
    frame: pd.DataFrame,
    category: str,
    value: str,
    *,
    category_title: str,
    value_title: str,
    highlight: str | None = None,
    value_format: str = ",.0f",
    reference: tuple[float, str] | None = None,
    shown: str | None = None,
    articles: bool = False,
    low: str | None = None,
) -> alt.Chart:
    """Horizontal bars in the frame's order, one highlighted, each labelled with its value.

    `reference` draws a labelled vertical rule, e.g. the article's figure among reported ones.
    `shown` names a column of the values as the text writes them (`Field.shown`). `articles`
    draws every bar in the article's colour. `low` names a column of each bar's lower end,
    for a source that gives a range: the bar is solid to it and faint (`BAND_FILL_OPACITY`,
    outlined) from it to the value (a bar with one value has it in both columns).
    """
    order = list(frame[category])
    colour = _highlight_colour(category, highlight, articles)
    tips = [
        alt.Tooltip(category, title=category_title),
        _value_tooltip(value, value_title, value_format, shown),
    ]
    largest = max([float(frame[value].max()), reference[0] if reference else 0.0])
    # The axis ends past the longest bar, so the bar's value label lies inside the chart.
    scale = alt.Scale(domain=[0, axis_top(largest)], nice=False) if largest > 0 else alt.Scale()
    base = alt.Chart(frame).encode(
        y=alt.Y(category, sort=order, title=category_title),
        x=alt.X(value, title=value_title, axis=alt.Axis(format=_trim(value_format)), scale=scale),
        tooltip=tips,
    )
    labels = base.mark_text(aria=False, align="left", dx=4, fontSize=11).encode(
        text=_value_text(value, value_format, shown)
    )
    if low:
        _check_lower_ends(frame, category, low, value)
        layers = [
            base.mark_bar().encode(x=alt.X(low), color=colour),
            # Outlined, so that the faint part reads as a bar on a dark page too.
            base.mark_bar(fillOpacity=BAND_FILL_OPACITY, strokeWidth=1).encode(
                x=alt.X(low), x2=alt.X2(value), color=colour, stroke=colour
            ),
            labels,
        ]
    else:
        layers = [base.mark_bar().encode(color=colour), labels]
    if reference:
        value_at, label = reference
        marker = pd.DataFrame({"at": [value_at], "label": [label]})
        rule = alt.Chart(marker).encode(x="at:Q")
        layers += [
            # A solid casing in the page's colour under the dashes, so that they stand out
            # where they cross a bar of a similar lightness (light blue on a dark page).
            rule.mark_rule(color=palette.BACKGROUND.light, strokeWidth=4, aria=False),
            rule.mark_rule(color=ARTICLE, strokeDash=[6, 3], strokeWidth=2).encode(
                tooltip=[
                    alt.Tooltip("label:N", title=MARKED_FIGURE_HEADS["rule"]),
                    alt.Tooltip("at:Q", title=value_title, format=_trim(value_format)),
                ]
            ),
            rule.mark_text(
                align="left", dx=4, dy=-6, baseline="bottom", color=ARTICLE, fontSize=11
            ).encode(y=alt.value(0), text="label:N"),
        ]
    return alt.layer(*layers, width=520, height=max(120, BAR_STEP * len(order)))


def _check_lower_ends(frame: pd.DataFrame, category: str, low: str, value: str) -> None:
    """Each bar's lower end (`low`) is a number no greater than its value: a missing one would
    drop the bar, and one above its value would draw the bar backwards."""
    wrong = frame[frame[low].isna() | (frame[low] > frame[value])]
    if not wrong.empty:
        rows = ", ".join(str(name) for name in wrong[category])
        raise ValueError(
            f"bar chart: the lower end ('{low}') of {rows} is missing or above its value "
            f"('{value}')"
        )


def stacked_bars(
    frame: pd.DataFrame,
    category: str,
    value: str,
    series: str,
    *,
    value_title: str,
    series_order: list[str],
    value_format: str = ",.1f",
) -> alt.Chart:
    """Vertical bars per category, stacked by series in the given order."""
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(f"{category}:N", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                f"sum({value}):Q", title=value_title, axis=alt.Axis(format=_trim(value_format))
            ),
            color=alt.Color(
                f"{series}:N",
                sort=series_order,
                title=None,
                scale=alt.Scale(domain=series_order, range=SERIES[: len(series_order)]),
                legend=alt.Legend(orient="bottom"),
            ),
            order=alt.Order("series_rank:Q"),
            tooltip=[
                alt.Tooltip(f"{category}:N", title="Period"),
                alt.Tooltip(f"{series}:N", title="Part"),
                alt.Tooltip(f"{value}:Q", title=value_title, format=_trim(value_format)),
            ],
        )
        .transform_calculate(series_rank=f"indexof({series_order!r}, datum['{series}'])")
        .properties(width=360, height=300)
    )


LABEL_ROOM_PX = 48
"""Room a dot plot's axis leaves at each end, px, so the value written beside its last dot lies
within the axis on a phone's narrow chart as on a wide one."""


def _article_or_reference(channel, frame: pd.DataFrame, kind: str | None, looks: tuple):
    """A channel (`alt.Color`, `alt.Shape`) giving the article's rows the first of `looks` and
    the others' the second, by the legend words in column `kind`, with one legend below the
    plot that both channels share; the second look for every row where `kind` is None."""
    if not kind:
        return alt.value(looks[1])
    others = [word for word in frame[kind].unique() if word != ARTICLE_LEGEND]
    return channel(
        f"{kind}:N",
        title=None,
        legend=alt.Legend(orient="bottom"),
        scale=alt.Scale(domain=[ARTICLE_LEGEND, *others], range=list(looks)),
    )


def dot_plot_with_band(
    frame: pd.DataFrame,
    label: str,
    value: str,
    *,
    band: tuple[float, float],
    band_label: str,
    value_title: str,
    value_format: str = ".3f",
    colour_by: str | None = None,
    shown: str | None = None,
    band_shown: tuple[str, str] | None = None,
) -> alt.LayerChart:
    """Labelled dots on one axis over a shaded reference band (e.g. a year's range of rates),
    without gridlines: each dot carries its value, and a gridline through the band would cross
    the labels that sit on it (a label's halo in the page's colour would show there as a patch).

    `colour_by` names a column of legend words: `ARTICLE_LEGEND` for the article's figures, in
    its colour and shape (`ARTICLE_SHAPE`), and one other for the references'; `shown` a
    column of the values as the text writes them (`Field.shown`), and `band_shown` the band's
    ends so."""
    low, high = band
    band_frame = pd.DataFrame({"low": [low], "high": [high], "label": [band_label]})
    if band_shown:
        band_frame["low_shown"], band_frame["high_shown"] = band_shown
    shade = (
        alt.Chart(band_frame)
        .mark_rect(color=palette.BAND.light, opacity=0.25)
        .encode(
            x=alt.X(
                "low:Q",
                title=value_title,
                scale=alt.Scale(zero=False, padding=LABEL_ROOM_PX),
                axis=alt.Axis(format=_trim(value_format), grid=False),
            ),
            x2="high:Q",
            tooltip=[
                alt.Tooltip("label:N", title="Band"),
                _value_tooltip("low", "From", value_format, band_shown and "low_shown"),
                _value_tooltip("high", "To", value_format, band_shown and "high_shown"),
            ],
        )
    )
    colour = _article_or_reference(alt.Color, frame, colour_by, (ARTICLE, REFERENCE))
    shape = _article_or_reference(alt.Shape, frame, colour_by, (ARTICLE_SHAPE, REFERENCE_SHAPE))
    base = alt.Chart(frame).encode(
        x=alt.X(
            f"{value}:Q",
            title=value_title,
            scale=alt.Scale(zero=False, padding=LABEL_ROOM_PX),
            axis=alt.Axis(format=_trim(value_format), grid=False),
        ),
        y=alt.Y(f"{label}:N", sort=list(frame[label]), title=None),
        tooltip=[
            alt.Tooltip(f"{label}:N", title="What"),
            _value_tooltip(value, value_title, value_format, shown),
        ],
    )
    dots = base.mark_point(size=140, opacity=1, filled=True).encode(color=colour, shape=shape)
    labels = base.mark_text(aria=False, align="left", dx=9, fontSize=11).encode(
        text=_value_text(value, value_format, shown)
    )
    return alt.layer(shade, dots, labels, width=520, height=40 * len(frame))


def labelled_scatter(
    frame: pd.DataFrame,
    x: str,
    y: str,
    label: str,
    *,
    x_title: str,
    y_title: str,
    x_format: str = ".0%",
    y_format: str = ",.0f",
    highlight: str | None = None,
    short_label: str | None = None,
) -> alt.LayerChart:
    """A scatter plot with every point named, one point highlighted. Both axes start at zero
    and end on a tick with room above the largest value; each name (from `short_label` when
    given, the tooltip keeping `label`) is placed beside its point where it covers no other
    name or point and stays inside the plot (`label_places`)."""
    shown = short_label or label
    colour = _highlight_colour(label, highlight)
    x_top, y_top = _tick_top(frame[x].max()), _tick_top(frame[y].max())
    places = label_places.place_names(
        list(zip(frame[x], frame[y], strict=True)), list(frame[shown]), x_top, y_top
    )
    placed = frame.assign(place=[PLACE_NAMES[p] for p in places])
    base = alt.Chart(placed).encode(
        x=alt.X(
            f"{x}:Q",
            title=x_title,
            axis=alt.Axis(format=_trim(x_format)),
            scale=alt.Scale(domain=[0, x_top], nice=False),
        ),
        y=alt.Y(
            f"{y}:Q",
            title=y_title,
            axis=alt.Axis(format=_trim(y_format)),
            scale=alt.Scale(domain=[0, y_top], nice=False),
        ),
        tooltip=[
            alt.Tooltip(f"{label}:N", title="Company"),
            alt.Tooltip(f"{x}:Q", title=x_title, format=_trim(x_format)),
            alt.Tooltip(f"{y}:Q", title=y_title, format=_trim(y_format)),
        ],
    )
    points = base.mark_circle(size=150, opacity=1).encode(color=colour)
    names = [
        base.transform_filter(alt.datum.place == PLACE_NAMES[place])
        .mark_text(aria=False, align=place.align, dx=place.dx, dy=place.dy, fontSize=11)
        .encode(text=f"{shown}:N")
        .properties(name=f"{POINT_NAMES}_{number}")
        for number, place in enumerate(dict.fromkeys(places))
    ]
    return alt.layer(
        points, *names, width=label_places.PLOT_WIDTHS[-1], height=label_places.PLOT_HEIGHT
    )


POINT_NAMES = "point_names"
"""The name of a scatter's name layers: their drawn marks carry it as a class."""
PLACE_NAMES = {place: f"{place.align} {place.dx:+d} {place.dy:+d}" for place in label_places.PLACES}
"""Each place a scatter's name may take, as the word its layer filters on."""


def _tick_top(largest: float) -> float:
    """The end of an axis from zero that holds `largest` with a tenth to spare, on a multiple of
    half its power of ten (0.7 -> 0.8, 3,100 -> 3,500), where the axis draws its last tick."""
    need = largest * 1.1
    step = 10 ** math.floor(math.log10(need)) / 2
    return round(math.ceil(need / step) * step, 12)


DOT_ROW_STEP = 36
"""Pixels of height per category in a chart of bands and points along rows
(`band_against_value`)."""


BAND_HEIGHT_PX = 12
"""The thickness of a band drawn along a category's row (`band_against_value`)."""


BAND_OUTLINE_PX = 2
"""The width of a band's outline: a band as narrow as a figure printed to its last unit (Haier's
1364 亿元, a hundredth of a pixel on the axis) still draws as a line a reader finds."""

BAND_FILL_OPACITY = 0.3
"""How opaque a band's fill is, with a value drawn over it (its outline is solid)."""

LEGEND_FIELDS = ("legend_band", "legend_value")
"""The fields `band_against_value` computes for its two legend entries (the band's, the
value's), which a column of its frame must not share."""


def band_against_value(
    frame: pd.DataFrame,
    category: str,
    band: tuple[str, str],
    value: str,
    *,
    names: tuple[str, str],
    value_title: str,
    tooltip_titles: tuple[str, str, str, str],
    value_format: str = ",.0f",
) -> alt.LayerChart:
    """Per category, a band (from the column `band[0]` to `band[1]`) and one value set against
    it: the band a bar in the article's colour, the value a triangle in the reported colour,
    ringed in the page's colour, drawn over it. However near the value lies to an end of the
    band, neither hides the other, and whether it lies inside shows. `names` are the legend's
    words for the band and for the value; `tooltip_titles` name the category, the band's two
    ends and the value, with their unit, in both marks' tooltips, which the data behind the
    chart therefore gives as one table."""
    low, high = band
    taken = set(LEGEND_FIELDS) & set(frame.columns)
    if taken:
        raise ValueError(f"band_against_value: rename the frame's column(s) {sorted(taken)}")
    order = list(dict.fromkeys(frame[category]))
    band_name, value_name = names
    # A legend entry for each mark: the band's square pale as the band is (its outline faint),
    # the value's triangle solid and ringed in the page's colour, as the value is.
    band_legend = alt.Legend(
        orient="bottom",
        title=None,
        symbolType="square",
        symbolOpacity=BAND_FILL_OPACITY,
        symbolStrokeColor=ARTICLE,
        symbolStrokeWidth=1,
    )
    value_legend = alt.Legend(
        orient="bottom",
        title=None,
        symbolFillColor=REFERENCE,
        symbolStrokeColor=palette.BACKGROUND.light,
        symbolStrokeWidth=2,
    )
    y = alt.Y(f"{category}:N", sort=order, title=None)
    x_axis = alt.Axis(format=_trim(value_format))
    shown = _trim(value_format)
    tooltip = [alt.Tooltip(f"{category}:N", title=tooltip_titles[0])] + [
        alt.Tooltip(f"{field}:Q", title=title, format=shown)
        for field, title in zip((low, high, value), tooltip_titles[1:], strict=True)
    ]
    base = alt.Chart(frame)
    bars = (
        base.transform_calculate(**{LEGEND_FIELDS[0]: repr(band_name)})
        .mark_bar(
            height=BAND_HEIGHT_PX,
            fillOpacity=BAND_FILL_OPACITY,
            stroke=ARTICLE,
            strokeWidth=BAND_OUTLINE_PX,
        )
        .encode(
            y=y,
            x=alt.X(f"{low}:Q", title=value_title, axis=x_axis),
            x2=f"{high}:Q",
            color=alt.Color(
                f"{LEGEND_FIELDS[0]}:N",
                scale=alt.Scale(domain=[band_name], range=[ARTICLE]),
                legend=band_legend,
            ),
            tooltip=tooltip,
        )
    )
    points = (
        base.transform_calculate(**{LEGEND_FIELDS[1]: repr(value_name)})
        .mark_point(
            filled=True,
            size=150,
            opacity=1,
            color=REFERENCE,
            stroke=palette.BACKGROUND.light,
            strokeWidth=2,
        )
        .encode(
            y=y,
            x=alt.X(f"{value}:Q"),
            shape=alt.Shape(
                f"{LEGEND_FIELDS[1]}:N",
                scale=alt.Scale(domain=[value_name], range=["triangle-up"]),
                legend=value_legend,
            ),
            tooltip=tooltip,
        )
    )
    return alt.layer(bars, points, width=520, height=max(120, DOT_ROW_STEP * len(order)))


ROUND_TOPS = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)
"""The round numbers (times a power of ten) an axis with a fixed range may end at."""
HEADROOM = 1.15
"""How far above the largest value drawn a fixed axis ends, at least."""


def axis_top(largest: float) -> float:
    """The end of a fixed axis that fits `largest`, the largest value drawn at the sliders'
    defaults: the first round number at least `HEADROOM` times it (3 -> 4, 12 -> 15)."""
    need = largest * HEADROOM
    power = 10 ** math.floor(math.log10(need))
    return next(top * power for top in ROUND_TOPS if top * power >= need * (1 - 1e-9))


class Slider(NamedTuple):
    """A slider: its Altair parameter, and the d3 format its readout is written in (None: as
    the number itself)."""

    param: alt.Parameter
    readout: str | None = None


READOUT_SUFFIX = "_readout"
"""A slider's readout is the signal `<slider name>_readout`, the value as the book writes it;
the page's chart script shows it beside the slider in place of the raw number."""
READOUT_FORMATS = {"share": ".1~%"}
"""How the readout of a model assumption is written, by its unit: a share as a percentage
(0.45 -> 45%, 0.005 -> 0.5%)."""


def slider(
    name: str,
    label: str,
    value: float,
    low: float,
    high: float,
    step: float,
    readout: str | None = None,
) -> Slider:
    """A named parameter bound to a range input (works in the static, offline page); its
    readout written in the d3 format `readout`, if given."""
    param = alt.param(
        name=name,
        value=value,
        bind=alt.binding_range(min=low, max=high, step=step, name=label),
    )
    return Slider(param, readout)


def assumption_slider(
    data: BookData, assumption_id: str, name: str, label: str, per: float = 1.0
) -> Slider:
    """A slider over a model assumption's range (data/assumptions.csv), at its default, its
    readout written as its unit is (`READOUT_FORMATS`); with `per`, in units of that many of
    the recorded unit (a GPU's FLOP/s slid in TFLOP/s: `per=1e12`, no readout format)."""
    row = data.assumptions.loc[assumption_id]
    readout = READOUT_FORMATS.get(row["unit"]) if per == 1.0 else None
    low, high, step, value = (row[k] / per for k in ("low", "high", "step", "value"))
    return slider(name, label, value, low, high, step, readout)


def _slider_params(sliders: Sequence[Slider]) -> list[alt.Parameter]:
    """The sliders' parameters, and for each with a readout format the signal of its readout
    (`READOUT_SUFFIX`), computed by Vega's own number formatting."""
    readouts = [
        alt.param(
            name=f"{s.param.name}{READOUT_SUFFIX}",
            expr=f"format({s.param.name}, {json.dumps(s.readout)})",
        )
        for s in sliders
        if s.readout
    ]
    return [s.param for s in sliders] + readouts


class Crossing(NamedTuple):
    """Where a model curve meets the article's figure: a Vega expression of the sliders for the
    x at which it does, the name of the ring drawn there (in its tooltip; the caption says what
    it marks, as a second legend would squeeze a phone's plot), the d3 format of that x, and
    what x counts, in words that follow a number ('candidates scored per request', 'per GB'),
    with a currency that goes before it ('USD '), for the readout that says where the curve
    meets it at the sliders' setting (no readout without them)."""

    expression: str
    label: str
    x_format: str = ",.0f"
    counts: str = ""
    currency: str = ""


def kept_whole(text: str) -> str:
    """`text` with the spaces inside each value written with its unit ('USD 1.764 bn',
    `bytebook.numbers.VALUE_WITH_UNIT`) made no-break spaces, where the chart script, wrapping
    a legend or a title to a phone's column, breaks no line."""
    return VALUE_WITH_UNIT.sub(lambda value: value.group().replace(" ", "\u00a0"), text)


LEGEND_OFFSET_PX = 8
"""The room between the x axis's title and a model chart's legend under it (Vega's default, 18,
set it apart from the plot it names)."""

CLAIM_DASH = [6, 3]
"""The dash of the rule at the article's figure on a model curve, and of its legend's symbol."""

MARK_SHAPES = ("circle", "square", "diamond", "triangle-up", "triangle-down", "cross")
"""The shapes that tell a model curve's marked points apart, each named in the legend: points
a few pixels apart on a phone leave no room for a name beside each."""


POINTED_SIZE = 500
"""The area, px², of the unseen point at each step of a model curve that gives the curve's
values where the reader points (`model_curve`): a square about 22 px wide, about the width of
a step of the codec's curve of 21 prices, so that the points, not the line, meet the pointer."""


def model_curve(
    frame: pd.DataFrame,
    x: str,
    y_expression: str,
    *,
    x_title: str,
    y_title: str,
    sliders: Sequence[Slider],
    claim: tuple[float, str] | None = None,
    x_format: str = ",.3f",
    y_format: str = ",.2f",
    y_max: float | None = None,
    x_scale: str = "linear",
    x_domain: tuple[float, float] | None = None,
    marks: pd.DataFrame | None = None,
    marks_format: str | None = None,
    x_tick_count: int | None = None,
    crossing: Crossing | None = None,
    value_formats: tuple[str, str] | None = None,
) -> alt.LayerChart:
    """A cost-model curve y = f(x; sliders), recomputed in the page as the sliders move.

    `y_expression` is a Vega expression over `datum.<x>` and the slider names. `claim` draws
    the article's figure as a dashed horizontal rule to compare against, named in a legend under
    the plot; its tooltip and the data behind the chart write it at four significant figures,
    as the text does (USD 1.764 bn, not the axis's 1.76). `y_max` is the top of the y
    axis while the curve stays below it, so that moving a slider moves the curve, not the axis
    (`axis_top` of the curve's largest value at the defaults fits it); a slider that lifts the
    curve higher lifts the axis with it (`following_top`). `x_domain` fixes the x axis to
    exactly that range. `marks` (columns `x`, `label` and `article`) places points on it,
    each in its own shape, named in the legend (`MARK_SHAPES`), in the article's colour where
    `article` is true and in the reference colour where not, with a dashed line down to the
    axis; `marks_format` writes their x where it is recorded more precisely than `x_format`
    shows (a source's 55.2% on an axis of whole percents). `x_tick_count` asks for about that
    many x ticks, fewer than a phone's plot would get by default where long tick labels would
    crowd. `crossing` rings the point where the curve meets `claim`'s level, recomputed as the
    sliders move. `value_formats` writes x and y in the tooltip and the data behind the chart
    where the axis formats would round the values away (an axis's '1k' is 1,044; a cost of
    USD 0.0004 is not '0'); by default they are the axis formats.
    """
    x_ticks = {"tickCount": x_tick_count} if x_tick_count else {}
    x_value_format, y_value_format = value_formats or (x_format, y_format)
    y_scale = (
        alt.Scale(domain=alt.ExprRef(following_top(y_expression, x, frame[x], y_max)), nice=False)
        if y_max
        else alt.Scale()
    )
    tooltip = [
        alt.Tooltip(f"{x}:Q", title=x_title, format=_trim(x_value_format)),
        alt.Tooltip("model:Q", title=y_title, format=_trim(y_value_format)),
    ]
    on_curve = alt.Chart(frame).transform_calculate(model=y_expression)
    curve = (
        on_curve.mark_line(color=REFERENCE, strokeWidth=3, clip=True)
        .encode(
            x=alt.X(
                f"{x}:Q",
                title=x_title,
                axis=alt.Axis(format=_trim(x_format), **_log_ticks(x_scale, x_domain), **x_ticks),
                scale=alt.Scale(type=x_scale, domain=list(x_domain), nice=False)
                if x_domain
                else alt.Scale(type=x_scale),
            ),
            y=alt.Y("model:Q", title=y_title, axis=alt.Axis(format=_trim(y_format)), scale=y_scale),
            tooltip=tooltip,
        )
        .add_params(*_slider_params(sliders))
    )
    # A line's tooltip gives its first point's values wherever it is pointed at; an unseen point
    # at each step, drawn over it, gives the values there. The line's tooltip still gives the
    # data behind the chart (`bytebook.publish.chart_data`); the points stay out of it, and out
    # of what a screen reader reads.
    pointed = on_curve.mark_point(
        filled=True, opacity=0, size=POINTED_SIZE, aria=False, clip=True
    ).encode(x=f"{x}:Q", y="model:Q", tooltip=tooltip)
    layers = [curve, pointed]
    if claim:
        level, label = claim[0], kept_whole(claim[1])
        marker = alt.Chart(pd.DataFrame({"level": [level], "label": [label]}))
        layers.append(
            marker.mark_rule(strokeDash=CLAIM_DASH, strokeWidth=2, clip=True).encode(
                y="level:Q",
                # Named in a legend under the plot, not beside the rule: a slider can move the
                # curve anywhere in the plot, and through any text set in it.
                color=alt.Color(
                    "label:N",
                    title=None,
                    scale=alt.Scale(domain=[label], range=[ARTICLE]),
                    legend=alt.Legend(
                        orient="bottom",
                        symbolType="stroke",
                        symbolDash=CLAIM_DASH,
                        symbolSize=400,  # a stroke 20 px long, long enough to show its dashes
                        labelLimit=0,
                        offset=LEGEND_OFFSET_PX,
                    ),
                ),
                tooltip=[
                    alt.Tooltip("label:N", title=MARKED_FIGURE_HEADS["rule"]),
                    alt.Tooltip("level:Q", title=y_title, format=SIGNIFICANT_FORMAT),
                ],
            )
        )
    if claim and crossing:
        layers.append(_crossing_ring(claim[0], crossing, x, (x_title, y_title), x_domain))
        if x_domain and crossing.counts:
            layers.append(_crossing_readout(crossing, x, x_domain))
    if marks is not None:
        names = list(marks["label"])
        colours = [ARTICLE if article else REFERENCE for article in marks["article"]]
        legend = alt.Legend(
            orient="bottom", direction="vertical", labelLimit=0, offset=LEGEND_OFFSET_PX
        )
        points = alt.Chart(marks.drop(columns="article").rename(columns={"x": x}))
        # A dashed line from each point down to the axis, in the point's colour: it shows
        # where the point sits on the curve, which is drawn in the reference colour too, and
        # reads its x off the axis.
        for article, colour in ((True, ARTICLE), (False, REFERENCE)):
            dropped = marks[marks["article"] == article].rename(columns={"x": x})
            layers.append(
                alt.Chart(dropped[[x]])
                .transform_calculate(model=y_expression, floor="0")
                .mark_rule(color=colour, strokeDash=[4, 3], strokeWidth=1.5, aria=False, clip=True)
                .encode(x=alt.X(f"{x}:Q"), y=alt.Y("floor:Q"), y2="model:Q")
            )
        layers.append(
            # Ringed in the page's colour, wide enough to cut the curve around it, so that a
            # reference point stands out on the curve, which is drawn in the same colour.
            points.transform_calculate(model=y_expression)
            .mark_point(
                filled=True,
                size=140,
                stroke=palette.BACKGROUND.light,
                strokeWidth=2,
                opacity=1,
                clip=True,
            )
            .encode(
                x=alt.X(f"{x}:Q"),
                y=alt.Y("model:Q"),
                shape=alt.Shape(
                    "label:N",
                    sort=names,
                    title=None,
                    scale=alt.Scale(domain=names, range=list(MARK_SHAPES[: len(names)])),
                    legend=legend,
                ),
                color=alt.Color(
                    "label:N",
                    sort=names,
                    title=None,
                    scale=alt.Scale(domain=names, range=colours),
                    legend=legend,
                ),
                tooltip=[
                    alt.Tooltip("label:N", title=MARKED_FIGURE_HEADS["point"]),
                    alt.Tooltip(f"{x}:Q", title=x_title, format=_trim(marks_format or x_format)),
                    alt.Tooltip("model:Q", title=y_title, format=_trim(y_format)),
                ],
            )
        )
    return alt.layer(*layers, width=520, height=300)


def _on_the_axis(at: str, x_domain: tuple[float, float] | None) -> str:
    """A Vega expression: whether the x `at` lies on the fixed x axis `x_domain` (always, on
    an axis without one; never, where `at` is not a number)."""
    if not x_domain:
        return f"isFinite({at})"
    low, high = (float(end) for end in x_domain)
    return f"{at} >= {low!r} && {at} <= {high!r}"


def _crossing_ring(
    level: float,
    crossing: Crossing,
    x: str,
    titles: tuple[str, str],
    x_domain: tuple[float, float] | None,
) -> alt.Chart:
    """A ring at the point where a model curve meets the level `level`, its x computed in the
    page from the sliders (`crossing.expression`), drawn only while that point lies on the x
    axis `x_domain`: a ring centred past the axis's end would show half of itself at the edge,
    at a place the curve does not meet the level. A ring at the axis's end (the codec's list
    price, where its curve meets the level at the sliders' defaults) is drawn whole, past the
    plot's edge: the level lies within the y axis, whose top is never below the curve's
    largest value at the defaults, which is at least the level. `titles` are the axes'
    titles."""
    x_title, y_title = titles
    ring = alt.Chart(pd.DataFrame({"meets": [level], "ring": [crossing.label]}))
    return (
        ring.transform_calculate(**{x: crossing.expression})
        .transform_filter(_on_the_axis(f"datum.{x}", x_domain))
        .mark_point(
            shape="circle",
            filled=False,
            size=220,
            strokeWidth=2.5,
            color=ARTICLE,
            opacity=1,
        )
        .encode(
            x=alt.X(f"{x}:Q"),
            y=alt.Y("meets:Q"),
            tooltip=[
                alt.Tooltip("ring:N", title=MARKED_FIGURE_HEADS["ring"]),
                alt.Tooltip(f"{x}:Q", title=x_title, format=crossing.x_format),
                alt.Tooltip("meets:Q", title=y_title, format=SIGNIFICANT_FORMAT),
            ],
        )
    )


ON_PLOT_READOUT = "The curve meets the dashed line at"
"""The readout's first line while the ring is on the plot; the second gives where."""
OFF_PLOT_NOTE = ("The ring is off the plot:", "the curve meets the dashed line at")
"""The first two lines of the readout while the sliders take the ring off the x axis."""
NEVER_MEETS = "the curve never meets the dashed line"
"""The readout's second line where the sliders leave the curve no crossing (none, or none above
zero on a log axis)."""


def _crossing_readout(crossing: Crossing, x: str, x_domain: tuple[float, float]) -> alt.Chart:
    """Where the curve meets the article's figure at the sliders' current setting, in words
    that follow the sliders: on the plot (`ON_PLOT_READOUT`), off the fixed x axis `x_domain`
    (`OFF_PLOT_NOTE`), or nowhere (`NEVER_MEETS`); the x in the ring's format, or to two
    significant figures below 1, and what it counts. It gives the number where the ring is
    hard to read off the axes, as when a slider lifts the y axis so far that the dashed line
    lies along the floor. Set at the top left, which a rising curve leaves clear: to the left
    of the crossing it lies below the dashed line, and past its left end the y axis rises with
    it."""
    at = f"datum.{x}"
    counts = " " + crossing.counts
    number = (
        f"{crossing.currency!r} + format({at}, {at} >= 1 ? {crossing.x_format!r} : ',.2~r') "
        f"+ {counts!r}"
    )
    on_plot = f"[{ON_PLOT_READOUT!r}, {number}]"
    off_plot = f"[{', '.join(map(repr, OFF_PLOT_NOTE))}, {number}]"
    never = f"[{OFF_PLOT_NOTE[0]!r}, {NEVER_MEETS!r}]"
    inside = _on_the_axis(at, x_domain)
    return (
        alt.Chart(pd.DataFrame({"note": [crossing.label]}))
        .transform_calculate(**{x: crossing.expression})
        .mark_text(align="left", baseline="top", color=ARTICLE, fontSize=11)
        .encode(
            x=alt.value(6),
            y=alt.value(4),
            text=alt.Text(
                value=alt.ExprRef(
                    f"!(isFinite({at}) && {at} > 0) ? {never} : {inside} ? {on_plot} : {off_plot}"
                )
            ),
        )
    )


def following_top(y_expression: str, x: str, xs: pd.Series, y_max: float) -> str:
    """A Vega expression for a slider chart's y range: from 0 to `y_max`, or to `HEADROOM` times
    the curve's largest value at the sliders' current setting when that is higher. The curves
    are monotone in x, so their largest value is at one end of the x values `xs`."""
    ends = [y_expression.replace(f"datum.{x}", f"({float(end)!r})") for end in (xs.min(), xs.max())]
    return f"[0, max({float(y_max)!r}, {HEADROOM!r} * max({', '.join(ends)}))]"


def _log_ticks(scale: str, domain: tuple[float, float] | None) -> dict:
    """On a log axis with a fixed domain, ticks at the powers of ten only (1, 10, 100, 1k):
    labels at 1, 2 and 5 of each decade run into one another on a phone."""
    if scale != "log" or not domain:
        return {}
    low, high = (math.log10(end) for end in domain)
    return {"values": [10**power for power in range(math.ceil(low), math.floor(high) + 1)]}


def line_chart(
    frame: pd.DataFrame,
    x: str,
    y: str,
    *,
    x_title: str,
    y_title: str,
    x_format: str = ",.0f",
    y_format: str = ",.1f",
) -> alt.Chart:
    """One line with point tooltips."""
    return (
        alt.Chart(frame)
        .mark_line(color=REFERENCE, strokeWidth=3, point=True)
        .encode(
            x=alt.X(f"{x}:Q", title=x_title, axis=alt.Axis(format=_trim(x_format))),
            y=alt.Y(f"{y}:Q", title=y_title, axis=alt.Axis(format=_trim(y_format))),
            tooltip=[
                alt.Tooltip(f"{x}:Q", title=x_title, format=_trim(x_format)),
                alt.Tooltip(f"{y}:Q", title=y_title, format=_trim(y_format)),
            ],
        )
        .properties(width=520, height=280)
    )


def expression_bars(
    frame: pd.DataFrame,
    category: str,
    expression: str,
    *,
    category_title: str,
    value_title: str,
    sliders: Sequence[Slider],
    x_max: float,
    value_format: str = ",.2f",
) -> alt.LayerChart:
    """Horizontal bars whose lengths a Vega expression computes from the sliders."""
    base = (
        alt.Chart(frame)
        .transform_calculate(amount=expression)
        .encode(
            y=alt.Y(f"{category}:N", sort=list(frame[category]), title=category_title),
            x=alt.X(
                "amount:Q",
                title=value_title,
                scale=alt.Scale(domain=[0, x_max]),
                axis=alt.Axis(format=_trim(value_format)),
            ),
            tooltip=[
                alt.Tooltip(f"{category}:N", title=category_title),
                alt.Tooltip("amount:Q", title=value_title, format=_trim(value_format)),
            ],
        )
    )
    bars = base.mark_bar(color=REFERENCE, clip=True).add_params(*_slider_params(sliders))
    labels = base.mark_text(aria=False, align="left", dx=4, fontSize=11).encode(
        text=alt.Text("amount:Q", format=_trim(value_format))
    )
    return alt.layer(bars, labels, width=520, height=40 * len(frame))


VERDICT_COLOURS = {verdict: colour.light for verdict, colour in palette.VERDICTS.items()}
"""Each verdict's colour, the same as its badge's (bytebook.palette)."""


def verdict_bars(
    frame: pd.DataFrame, *, sections: list[str], verdicts: list[str]
) -> alt.HConcatChart:
    """Claims per section (`frame`: section, verdict, claims) as horizontal bars, one panel per
    verdict headed by its name, each bar labelled with its count. The verdicts are told apart
    by words and place, not by colour alone, which greyscale or a reader's colour vision can
    merge; the panels share one scale, and each verdict's bars one baseline."""
    largest = float(frame["claims"].max())
    # the longest bar ends early enough for its count to fit inside the panel after it
    count_px = COUNT_OFFSET_PX + label_places.text_width(f"{largest:.0f}")
    fits = largest * VERDICT_PANEL_WIDTH / (VERDICT_PANEL_WIDTH - count_px)
    scale = alt.Scale(domain=[0, axis_top(max(largest * HEADROOM, fits) / HEADROOM)], nice=False)
    panels = []
    for index, verdict in enumerate(verdicts):
        shown = frame[(frame["verdict"] == verdict) & (frame["claims"] > 0)]
        base = alt.Chart(shown).encode(
            y=alt.Y(
                "section:N",
                scale=alt.Scale(domain=sections),
                title=None,
                axis=alt.Axis(labels=index == 0, ticks=index == 0),
            ),
            x=alt.X("claims:Q", scale=scale, title="Claims", axis=alt.Axis(tickMinStep=1)),
        )
        bars = base.mark_bar(color=VERDICT_COLOURS[verdict]).encode(
            tooltip=[
                alt.Tooltip("section:N", title="Section"),
                alt.Tooltip("verdict:N", title="Verdict"),
                alt.Tooltip("claims:Q", title="Claims"),
            ]
        )
        counts = base.mark_text(align="left", dx=COUNT_OFFSET_PX, aria=False).encode(
            text="claims:Q"
        )
        heading = alt.Title(verdict, fontSize=12, anchor="start", frame="group")
        panels.append(
            alt.layer(bars, counts, title=heading).properties(
                width=VERDICT_PANEL_WIDTH, height=BAR_STEP * len(sections)
            )
        )
    return alt.hconcat(*panels, spacing=VERDICT_PANEL_GAP)
