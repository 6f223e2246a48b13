"""The static SVG of a chart, less what draws nothing, so a page with many charts stays light.

vl-convert writes every attribute Vega's SVG renderer sets, most of them at values that change
nothing: the same font family on every text, `opacity="1"`, `translate(0,0)`, pointer events on
a picture no one clicks, an empty foreground hidden with `display="none"`, a background of no
size, texts Vega hid (`opacity="0"`: axis labels that would overlap) and the float noise of a
coordinate such as 20.49999999999999. Each goes and the drawing stays the same, pixel for pixel
in Chromium: the one font family is set once on the `<svg>` (texts inherit it), and a
coordinate within 1e-9 of two decimals is written with them. Every text a reader can see, and
every mark's accessible name, stay as they were.

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
_GEOMETRY = ("d", "transform", "x", "y", "x1", "x2", "y1", "y2", "width", "height")
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
    return (
        element.get("display") == "none"
        or (element.tag == _TEXT and element.get("opacity") == "0")
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
        for name in _GEOMETRY:
            if name in element.attrib:
                element.set(name, _LONG_NUMBER.sub(_without_float_noise, element.attrib[name]))
    return ET.tostring(root, encoding="unicode")


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
