"""What text from the data may become on a page or in a download: clean cells, web links only,
spreadsheet-safe CSV."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from urllib.parse import urlsplit

from bytebook.units import number_problem

MAX_CELL_LENGTH = 500
"""The longest text a data cell may hold, in characters (the longest today is under 150)."""

WEB_SCHEMES = frozenset({"http", "https"})
"""The only URL schemes that become links."""

FORBIDDEN_CHARACTERS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
"""Every character Unicode classes as a control (Cc), a format character (Cf) or a line or
paragraph separator (Zl, Zp): the characters that draw nothing yet reorder, join, break or hide
the text around them (the soft hyphen, zero-width spaces and joiners, direction marks and
overrides, the byte order mark, tags). A cell holding one reads the same on screen as a cell
without it, yet no longer matches a search or a copy of the text."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A CSV cell starting with one of these is read as a formula by spreadsheets (OWASP, CSV
injection)."""


def text_problem(text: str) -> str | None:
    """Say what is wrong with a text cell (a control character, too long), or None."""
    if found := FORBIDDEN_CHARACTERS.search(text):
        char = found.group()
        name = unicodedata.name(char, "control character").lower()
        return f"contains {name} U+{ord(char):04X} at character {found.start() + 1}"
    if len(text) > MAX_CELL_LENGTH:
        return f"is {len(text)} characters long; the limit is {MAX_CELL_LENGTH}"
    return None


def normalised_scheme(url: str) -> str:
    """The scheme a browser would read: lower case, with whitespace and control characters
    (which browsers drop from URLs) removed first. Empty when the URL has none."""
    kept = "".join(c for c in url if not (c.isspace() or unicodedata.category(c) == "Cc"))
    return urlsplit(kept).scheme.lower()


def link_problem(url: str) -> str | None:
    """Say why a URL must not become a link, or None for an absolute http(s) URL."""
    scheme = normalised_scheme(url)
    if scheme not in WEB_SCHEMES:
        shown = f"'{scheme}:'" if scheme else "none"
        return f"URL scheme {shown} is not allowed; only http and https links are published"
    if url != url.strip() or any(c.isspace() for c in url):
        return "URL contains whitespace"
    if not urlsplit(url).netloc:
        return "URL names no host"
    return None


def is_web_link(url: str) -> bool:
    """True when `url` may be published as a link."""
    return link_problem(url) is None


def spreadsheet_safe(cell: str) -> str:
    """A text cell a spreadsheet shows as text: one that starts like a formula gets a leading
    apostrophe, as OWASP recommends; every other cell is unchanged."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def spreadsheet_safe_csv(text: str, numeric_columns: frozenset[str] | set[str]) -> str:
    """CSV text (RFC 4180 line ends) with every cell made spreadsheet-safe except a plain
    number in one of `numeric_columns`, which stays a number (a text value in such a column,
    as a reference of unit 'text' holds, is made safe like any other text)."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return text
    header, body = rows[0], rows[1:]
    numeric = {i for i, name in enumerate(header) if name in numeric_columns}
    for row in body:
        for i, cell in enumerate(row):
            if i not in numeric or number_problem(cell) is not None:
                row[i] = spreadsheet_safe(cell)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, *body])
    return out.getvalue()

