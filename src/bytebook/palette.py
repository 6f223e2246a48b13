"""What the book's colours mean. Every chart and every verdict badge takes its colours from here.

Each colour has a light-page and a dark-page value. Charts are drawn with the light values;
when the page is dark, the chart script swaps each light value for its dark twin
(`dark_twins`, which bytebook.publish.render writes into every chart); a chart's static drawing,
shown until the script draws it, takes the same twins from a style sheet (`chart_css`).
The verdict badges' style sheet is written from `VERDICTS` (`badge_css`), so a badge and a
chart's bar for the same verdict are the same colour. Text colours meet WCAG AA (4.5:1) on the
page's background in both modes; `tests/test_palette.py` checks it.
"""

from __future__ import annotations

from dataclasses import dataclass

LIGHT_PAGE, DARK_PAGE = "#ffffff", "#121212"
"""The page backgrounds the colours are chosen against (the theme's light and dark)."""


@dataclass(frozen=True)
class Colour:
    """One colour meaning, with its value on a light page and on a dark page."""

    light: str
    dark: str


ARTICLE = Colour("#b8480b", "#f0a35e")
"""The article's own figures: always this colour."""
REFERENCE = Colour("#0072b2", "#56b4e9")
"""Reported figures from sources, and the book's models: always this colour."""
MUTED = Colour("#6e6e6e", "#a6a6a6")
"""Connecting rules and secondary marks."""
BAND = Colour("#56b4e9", "#56b4e9")
"""Shaded ranges (drawn translucent)."""
SERIES = (REFERENCE, Colour("#7a8794", "#a7b3bf"), Colour("#7b3f98", "#c39bd8"), MUTED)
"""Parts of a whole, neither the article's nor a source's (stacked bars), in order: after the
reference colour a neutral slate, which no verdict's badge wears (a green part would read as
"supported")."""

BACKGROUND = Colour(LIGHT_PAGE, DARK_PAGE)
TEXT = Colour("#222222", "#e3e6ea")
SOURCE_TEXT = Colour("#4d4d4d", "#b3b3b3")
GRID = Colour("#dddddd", "#3b4048")
AXIS = Colour("#888888", "#8a8f98")

BADGE_TEXT = BACKGROUND
"""Text on a verdict badge: white on the light page's dark badges, dark on the dark page's."""

VERDICTS = {
    "supported": Colour("#00573a", "#3ea878"),
    "consistent": Colour("#007a85", "#6ddbe5"),
    "off in detail": Colour("#8a6500", "#e8c547"),
    "contradicted": Colour("#931c12", "#ff6b6b"),
    "inconsistent": Colour("#a3214f", "#f283a8"),
    "unverifiable": Colour("#4653b3", "#8c96dc"),
    "not yet checked": Colour("#5c5c5c", "#a6a6a6"),
}
"""Each verdict's colour, on its badge, in charts and in the methods page's policy table
(bytebook.charts.VERDICT_COLOURS is read from here). The verdicts that hold are green and
teal, "off in detail" amber, those that fail red and crimson, "unverifiable" a slate indigo,
which a reader who does not see red from green still tells from amber: the olive it once wore
read as the same colour as amber under protanopia, and near red under deuteranopia
(`tests/test_palette.py` simulates both for every verdict a published row can carry; the
verdict colours are drawn in the verdict chart only, beside no series). No verdict
wears a series' hue: teal stands apart from the references' blue, amber from the article's
orange (`tests/test_palette.py` holds every verdict a colour difference away from both).
"Off in detail" and "contradicted" sit in neighbouring panels of the verdict chart, each named
in words over its panel: besides their hues,
they differ in lightness (amber the lighter on a light page, red the darker; on a dark page red
the darker too), so that they stay apart for a reader who does not see red from amber. So do
"supported" and "consistent", neighbours too: green the darker in both modes, teal the
lighter, where the two once shared one lightness and read as one block."""


DERIVED = Colour("#4f5b66", "#9aa5b1")
"""The outline and text of the badge a derived row carries: the book's own arithmetic, not a
verdict on the article, so neutral and drawn as an outline, never filled like a verdict. It meets
WCAG AA as text on both pages."""


def verdict_css_class(verdict: str) -> str:
    """The badge's class suffix: 'not yet checked' is 'pending'."""
    return "pending" if verdict == "not yet checked" else verdict.replace(" ", "-")


def every_colour() -> list[Colour]:
    """Every colour of the palette."""
    named = [ARTICLE, REFERENCE, MUTED, BAND, *SERIES, BACKGROUND, TEXT, SOURCE_TEXT, GRID, AXIS]
    return named + list(VERDICTS.values())


def dark_twins() -> dict[str, str]:
    """Each light value and the dark value that replaces it on a dark page."""
    return {c.light: c.dark for c in every_colour()}


def badge_css() -> str:
    """The verdict badges' colours as a style sheet, for light and dark pages."""
    rules = []
    for verdict, colour in VERDICTS.items():
        name = verdict_css_class(verdict)
        rules.append(
            f".verdict-{name} {{ background: {colour.light}; color: {BADGE_TEXT.light}; }}\n"
            f'html[data-theme="dark"] .verdict-{name} {{ background: {colour.dark}; '
            f"color: {BADGE_TEXT.dark}; }}"
        )
    rules.append(
        f".verdict-derived {{ background: transparent; color: {DERIVED.light}; "
        f"box-shadow: inset 0 0 0 1px {DERIVED.light}; }}\n"
        f'html[data-theme="dark"] .verdict-derived {{ color: {DERIVED.dark}; '
        f"box-shadow: inset 0 0 0 1px {DERIVED.dark}; }}"
    )
    return "/* Written from bytebook.palette: do not edit. */\n" + "\n".join(rules) + "\n"


def chart_css() -> str:
    """A chart's static drawing on a dark page, as the chart script draws the chart there: each
    light fill and stroke swapped for its dark twin, and no background of its own. Until the
    script draws a chart (below the first screen, only as the reader scrolls near it), the
    static drawing shows, so a dark page never flashes a white panel. The value labels of a
    chart with gridlines, static or drawn, also take a halo in the page's colour (`_halo`)."""
    scope = 'html[data-theme="dark"] .bytebook-static'
    rules = [f"{scope} svg > rect:first-child {{ fill: transparent; }}"]
    for light, dark in dark_twins().items():
        rules.append(f'{scope} [fill="{light}" i] {{ fill: {dark}; }}')
        rules.append(f'{scope} [stroke="{light}" i] {{ stroke: {dark}; }}')
    return "/* Written from bytebook.palette: do not edit. */\n" + "\n".join(rules + _halo()) + "\n"


LABEL_HALO_PX = 3
"""The width of the halo around a chart's value label: 1.5 px of the page's colour each side of
each stroke of its letters, enough to part a label from a 1 px gridline it crosses."""


def _halo() -> list[str]:
    """A value label of a chart with gridlines, static or drawn, outlined in the page's colour
    under its letters, so that a gridline or a line it crosses stops short of the text. A label
    written in the page's colour (inside a bar) has no halo: it would thicken the letters; nor
    does a label of a chart without gridlines, where it could only show as a patch on a band."""
    inside = "".join(f':not([fill="{c}" i])' for c in (BACKGROUND.light, BACKGROUND.dark))
    label = f".bytebook-chart svg:has(.role-axis-grid) .mark-text.role-mark{inside} > text{inside}"
    halo = f"paint-order: stroke; stroke-width: {LABEL_HALO_PX}px; stroke-linejoin: round;"
    return [
        f"{label} {{ {halo} stroke: {BACKGROUND.light}; }}",
        f'html[data-theme="dark"] {label} {{ stroke: {BACKGROUND.dark}; }}',
    ]
