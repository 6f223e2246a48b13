"""Where each point's name goes on a scatter plot, so that no name covers another name or a
point, and every name stays inside the plot, on a phone and on a laptop alike.

The names keep their size in pixels while the plot narrows to the reader's column, so a place
is tried at several plot widths at once (`PLOT_WIDTHS`); each name's width is estimated from
its characters at the chart's font size.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

FONT_PX = 11
"""The names' font size."""
PLOT_HEIGHT = 320
PLOT_WIDTHS = (250, 330, 420, 520)
"""The plot widths a place must work at: a phone's column (the narrowest) up to the chart's own."""
DOT_RADIUS = 7
"""A point's radius in pixels (a circle of area 150, as `charts.labelled_scatter` draws)."""
GAP = 2
"""The least room, in pixels, between a name and another name, a point or the plot's edge."""


class Place(NamedTuple):
    """A name's place beside its point: Vega's text `align` and its offset in pixels."""

    align: str
    dx: int
    dy: int


PLACES = (
    Place("left", 10, 0),
    Place("right", -10, 0),
    Place("left", 7, -11),
    Place("right", -7, -11),
    Place("left", 7, 11),
    Place("right", -7, 11),
    Place("center", 0, -15),
    Place("center", 0, 15),
)
"""The places tried, in order of preference: right of the point, left of it, above or below
to either side, straight above, straight below."""


def text_width(text: str) -> float:
    """A generous estimate of a text's width in pixels at `FONT_PX`: a Chinese character is
    one em wide, a space a quarter, any other character 0.6 em."""
    ems = sum(
        1.0 if unicodedata.east_asian_width(c) in "WF" else 0.25 if c == " " else 0.6 for c in text
    )
    return ems * FONT_PX


Box = tuple[float, float, float, float]


def _name_box(x: float, y: float, width: float, place: Place) -> Box:
    """The box (left, right, top, bottom) a name of `width` takes at `place` beside (x, y)."""
    anchor = x + place.dx
    left = {"left": anchor, "right": anchor - width, "center": anchor - width / 2}[place.align]
    middle = y + place.dy
    return left, left + width, middle - FONT_PX / 2, middle + FONT_PX / 2


def _clash(a: Box, b: Box) -> bool:
    return a[0] - GAP < b[1] and b[0] - GAP < a[1] and a[2] - GAP < b[3] and b[2] - GAP < a[3]


def _inside(box: Box, width: float) -> bool:
    return box[0] >= GAP and box[1] <= width - GAP and box[2] >= GAP and box[3] <= PLOT_HEIGHT


def place_names(
    points: Sequence[tuple[float, float]], names: Sequence[str], x_top: float, y_top: float
) -> list[Place]:
    """A place for each point's name (points in data units on axes from 0 to `x_top` and
    `y_top`) such that, at every width in `PLOT_WIDTHS`, no name covers another or any point
    and every name lies inside the plot; the most preferred such places, searched point by
    point. Raises ValueError when no such places exist."""
    widths = [text_width(name) for name in names]

    def pixels(plot_width: float) -> list[tuple[float, float]]:
        return [(x / x_top * plot_width, PLOT_HEIGHT * (1 - y / y_top)) for x, y in points]

    layouts = [(w, pixels(w)) for w in PLOT_WIDTHS]
    dots = [
        [(px - DOT_RADIUS, px + DOT_RADIUS, py - DOT_RADIUS, py + DOT_RADIUS) for px, py in at]
        for _, at in layouts
    ]

    def fits(index: int, place: Place, chosen: list[Place]) -> bool:
        for (plot_width, at), dot_boxes in zip(layouts, dots, strict=True):
            box = _name_box(*at[index], widths[index], place)
            if not _inside(box, plot_width) or any(_clash(box, dot) for dot in dot_boxes):
                return False
            if any(
                _clash(box, _name_box(*at[other], widths[other], other_place))
                for other, other_place in enumerate(chosen)
            ):
                return False
        return True

    def search(chosen: list[Place]) -> list[Place] | None:
        if len(chosen) == len(points):
            return chosen
        for place in PLACES:
            if fits(len(chosen), place, chosen):
                found = search([*chosen, place])
                if found:
                    return found
        return None

    found = search([])
    if found is None:
        raise ValueError(f"no places for the names {list(names)} keep them apart on a phone")
    return found
