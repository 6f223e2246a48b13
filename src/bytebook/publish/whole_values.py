"""A value and its unit stay on one line: in a page's text, each value written with its unit or
currency (bytebook.numbers.VALUE_WITH_UNIT: 'USD 39 bn', '1,000亿') and each date (2025-07-25)
is wrapped in `<w-v>` ('whole value': `OPEN` and `CLOSE`), which the book's style sheet keeps
from breaking. The ledger holds some 1,700 such values, so the wrapper is kept short: an
element of the page's own (a custom element's name needs a hyphen), which browsers lay out in
line, as a span.

A browser may otherwise break a line at the space in 'USD 39 bn', or between '1,000' and '亿'
(a line may break before any Chinese character). A percentage written without a space
('49.97%', '−8%') needs no wrapper (`UNBROKEN`): Unicode's line-breaking rules break neither
after a minus sign (U+2212), nor inside a number, nor before its '%', whatever stands before it
(tests/test_whole_values.py holds Chromium to it). A hyphen-minus is not such a sign: after a
letter or a digit a line may break after it ('YoY-' above '8%'), so '-8%' stays wrapped. Only a
box narrower than the percentage itself, in which words may break anywhere (`overflow-wrap`),
could split one; no box of the book is that narrow. Text inside scripts, styles, code, SVG and
form controls is left alone, and so are attributes.
"""

from __future__ import annotations

import re

from bytebook.numbers import PER_THOUSAND, VALUE_WITH_UNIT

_PIECES = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
_LEFT_ALONE = frozenset({"script", "style", "code", "pre", "svg", "textarea", "title", "option"})
TAG = "w-v"
"""The element that keeps a value whole ('whole value')."""
OPEN, CLOSE = f"<{TAG}>", f"</{TAG}>"
UNBROKEN = re.compile(r"−?[\d,]+(?:\.\d+)?%")
"""A percentage with no space in it, which no line breaks inside, so it is left unwrapped."""
_WHOLE = re.compile(rf"(?<![\d-])\d{{4}}-\d{{2}}-\d{{2}}(?![\d-])|{VALUE_WITH_UNIT.pattern}")
"""A date, which a line may otherwise break after a hyphen, or a value with its unit."""


_LAST_UNIT_WORD = " points"
"""A gap 'in percentage points' may take this word to the next line: the number stays with
'percentage', and the ledger's narrow Recomputed column keeps its width for the claim."""


_RATE_UNIT = f" {PER_THOUSAND}"
"""A cost per thousand impressions may take its unit, whole, to the next line: 'USD 7.44 per
1,000 impressions' is wider than the evidence's column between a phone and a laptop, and the
line then breaks only before 'per', never inside 'per 1,000 impressions'."""


def _kept(value: str) -> str:
    if UNBROKEN.fullmatch(value):
        return value
    if value.endswith(" percentage" + _LAST_UNIT_WORD):
        return f"{OPEN}{value.removesuffix(_LAST_UNIT_WORD)}{CLOSE}{_LAST_UNIT_WORD}"
    if value.endswith(_RATE_UNIT):
        return f"{OPEN}{value.removesuffix(_RATE_UNIT)}{CLOSE} {OPEN}{_RATE_UNIT[1:]}{CLOSE}"
    return f"{OPEN}{value}{CLOSE}"


def _wrapped(text: str) -> str:
    return _WHOLE.sub(lambda m: _kept(m.group()), text)


def keep_values_whole(page: str) -> str:
    """`page` with every value written with its unit, in the text of its body, in an element
    that does not break; a page already so treated comes back unchanged."""
    head, marker, body = page.partition("<body")
    if not marker:
        return page
    pieces = _PIECES.split(body)
    inside: list[str] = []
    for index, piece in enumerate(pieces):
        if index % 2:
            tag = _TAG_NAME.match(piece)
            if tag is None or piece.endswith("/>"):
                continue
            closing, name = tag[1], tag[2].lower()
            if name in _LEFT_ALONE and not closing:
                inside.append(name)
            elif closing and inside and inside[-1] == name:
                inside.pop()
        elif piece and not inside and index > 0 and pieces[index - 1] != OPEN:
            pieces[index] = _wrapped(piece)
    return head + marker + "".join(pieces)
