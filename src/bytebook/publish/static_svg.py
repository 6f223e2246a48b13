"""The static SVG of a chart, less what draws nothing, so a page with many charts stays light.

vl-convert writes every attribute Vega's SVG renderer sets, most of them at values that change
nothing: the same font family on every text, `opacity="1"`, `translate(0,0)`, pointer events on
a picture no one clicks, an empty foreground hidden with `display="none"`, a background of no
size, texts Vega hid (`opacity="0"`: axis labels that would overlap) and the float noise of a
coordinate such as 20.49999999999999. Each goes and the drawing stays the same, pixel for pixel
in Chromium: the one font family is set once on the `<svg>` (texts inherit it), and a
coordinate within 1e-9 of two decimals is written with them. Every text a reader can see, and
every mark's accessible name, stay as they were.

Vega also writes each mark's stroke, fill and font on the mark, so an axis's twenty grid lines
each say `stroke="#dddddd" stroke-width="1"`. A presentation attribute that every child of a
group carries with one value, and that SVG inherits, is set once on the group instead: each
child inherits the value it had, so the drawing is the same. And it places each line by a
translation (`transform="translate(26,0)" x2="0" y2="-238"`): its ends take the translation
into their own coordinates (`x1="26" x2="26" y2="-238"`), the same line.

Vega nests each mark in groups, many of which set nothing: a group with no attribute, or with
only a translation and one child group (which takes the translation instead, when it has no
transform or clip path of its own). A page lays out each of them; they are replaced by what
they hold, the same drawing with about a quarter fewer groups.

Vega numbers its clip paths with a counter that runs on across every chart its renderer draws
(`clip1`, `clip2`, …), so a chart's ids would depend on the charts drawn before it, in the same
page or not; `scoped_ids` names them after the chart instead, unique in any page that shows it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS, XLINK_NS = "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

_TEXT = f"{{{SVG_NS}}}text"
_GROUP = f"{{{SVG_NS}}}g"
_INHERITED = (
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-miterlimit",
    "stroke-dasharray",
    "stroke-linecap",
    "stroke-linejoin",
    "font-size",
    "font-style",
    "font-weight",
    "text-anchor",
)
"""Presentation attributes that SVG inherits, which Vega's marks carry one by one."""
_GEOMETRY = ("d", "transform", "x", "y", "x1", "x2", "y1", "y2", "width", "height")
_LINE = f"{{{SVG_NS}}}line"
_TRANSLATION = re.compile(r"translate\((?P<x>[-\d.e]+)(?:,(?P<y>[-\d.e]+))?\)")
_LONG_NUMBER = re.compile(r"-?\d+\.\d{3,}")
_EMPTY_BACKGROUND = "M0,0h0v0h0Z"


def _without_float_noise(match: re.Match) -> str:
    """A coordinate such as 20.49999999999999 as the 20.5 it stands for (within 1e-9); any
    other left as it is."""
    value = float(match.group())
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    if abs(float(text) - value) > 1e-9:
        return match.group()
    return "0" if text == "-0" else text


def _draws_nothing(element: ET.Element) -> bool:
    """Whether `element` draws nothing: not displayed, an empty background, or transparent (a
    label hidden where it would overlap another, a model curve's unseen points) and naming
    nothing for a screen reader."""
    return (
        element.get("display") == "none"
        or (element.get("opacity") == "0" and not any(e.get("aria-label") for e in element.iter()))
        or (element.get("class") == "background" and element.get("d") == _EMPTY_BACKGROUND)
    )


def _hoist_font_family(root: ET.Element) -> None:
    """One font family shared by every text is set once, on the root, for the texts to inherit."""
    texts = list(root.iter(_TEXT))
    families = {text.get("font-family") for text in texts}
    if len(families) == 1 and None not in families:
        root.set("font-family", families.pop())
        for text in texts:
            del text.attrib["font-family"]


def _hoist_shared(group: ET.Element) -> None:
    """Each inherited attribute (`_INHERITED`) that all of `group`'s children carry with one
    value, set once on `group` instead, its groups done first (so a value rises as far as it
    is shared)."""
    children = list(group)
    for child in children:
        if child.tag == _GROUP:
            _hoist_shared(child)
    if len(children) < 2:
        return
    for name in _INHERITED:
        values = {child.get(name) for child in children}
        if name not in group.attrib and len(values) == 1 and None not in values:
            group.set(name, values.pop())
            for child in children:
                del child.attrib[name]


def _number(value: float) -> str:
    text = repr(value).removesuffix(".0")
    return _LONG_NUMBER.sub(_without_float_noise, text)


def _line_by_coordinates(element: ET.Element) -> None:
    """A line's translation (no other transform) taken into its ends (x1 y1 x2 y2, each 0 when
    absent). A text's is left: set at x and y instead, Chromium places its glyphs a shade
    differently."""
    moved = _TRANSLATION.fullmatch(element.get("transform", ""))
    if element.tag != _LINE or moved is None:
        return
    dx, dy = float(moved["x"]), float(moved["y"] or 0)
    del element.attrib["transform"]
    for name, shift in (("x1", dx), ("y1", dy), ("x2", dx), ("y2", dy)):
        value = float(element.get(name, 0)) + shift
        if value or name in element.attrib:
            element.set(name, _number(value + 0.0))  # never -0


def _fold(group: ET.Element) -> list[ET.Element] | None:
    """What replaces `group`, a group that sets nothing for what it holds: its children when it
    has no attribute, its one child group with its translation when that is all it has; None
    when it must stay."""
    children = list(group)
    if not group.attrib:
        return children
    only = children[0] if len(children) == 1 else None
    if (
        set(group.attrib) == {"transform"}
        and only is not None
        and only.tag == _GROUP
        and not {"transform", "clip-path"} & set(only.attrib)
    ):
        only.set("transform", group.get("transform", ""))
        return [only]
    return None


def _unwrap_groups(parent: ET.Element) -> None:
    """Each group below `parent` that sets nothing for what it holds (`_fold`) replaced by it,
    the deepest first."""
    for child in list(parent):
        _unwrap_groups(child)
        kept = _fold(child) if child.tag == _GROUP else None
        if kept is not None:
            at = list(parent).index(child)
            parent.remove(child)
            for offset, element in enumerate(kept):
                parent.insert(at + offset, element)


def slimmed(svg: str) -> str:
    """`svg` as vl-convert drew it, less the elements and attributes that draw nothing."""
    root = ET.fromstring(svg)
    _hoist_font_family(root)
    for parent in list(root.iter()):
        for element in list(parent):
            if _draws_nothing(element):
                parent.remove(element)
    for element in root.iter():
        if element.get("opacity") == "1":
            del element.attrib["opacity"]
        if element.get("transform") == "translate(0,0)":
            del element.attrib["transform"]
        element.attrib.pop("pointer-events", None)
        _line_by_coordinates(element)
        for name in _GEOMETRY:
            if name in element.attrib:
                element.set(name, _LONG_NUMBER.sub(_without_float_noise, element.attrib[name]))
    for group in root.findall(_GROUP):
        _hoist_shared(group)
    _unwrap_groups(root)
    return ET.tostring(root, encoding="unicode")


_ROOT_SIZE = re.compile(r'^(<svg\b[^>]*?\swidth="(?P<w>[\d.]+)" height="(?P<h>[\d.]+)")')


def with_aspect_ratio(svg: str) -> str:
    """`svg` with its width ÷ height set as its CSS aspect ratio, so a page knows how tall the
    drawing is at any width without laying out what it holds: bytebook.css leaves a drawing
    off the screen unrendered (`content-visibility: auto`), which would otherwise count it 0
    px tall. An `<svg>` without a width and height in pixels is returned as it is."""
    return _ROOT_SIZE.sub(lambda m: f'{m[1]} style="aspect-ratio: {m["w"]} / {m["h"]}"', svg, 1)


_ID = re.compile(r'\bid="([^"]+)"')


def scoped_ids(svg: str, scope: str) -> str:
    """`svg` with each element id, and every reference to it, renamed `<scope>-1`, `<scope>-2`,
    … in the order the ids appear."""
    names = {old: f"{scope}-{number}" for number, old in enumerate(_ID.findall(svg), start=1)}
    if not names:
        return svg
    pattern = re.compile(
        r'(\bid="|url\(#|href="#)(' + "|".join(map(re.escape, names)) + r')(?=[")])'
    )
    return pattern.sub(lambda match: match[1] + names[match[2]], svg)
