"""Theme scripts and icons this book does not need, left out of its pages.

- Font Awesome's script (`_static/scripts/fontawesome.js`, about 1.5 MB) turns each icon into
  an SVG and then watches every change to the page (each chart drawn) for more icons. The
  theme's style sheet already draws the same icons from Font Awesome's icon font, so pages drop
  the script and the site no longer holds it.
- Font Awesome's icon rules in the theme's style sheet (`.fa-<name>:before`, about 1,900 of
  them, 86 KB of the 397 KB sheet that holds up a page's first paint): only those of icons a page
  or a script of the site names are kept.
- Sphinx's search scripts and search index (`searchtools.js`, `language_data.js`,
  `searchindex.js`), which the theme loads, before the page is drawn, on every page for a
  search-as-you-type box that this book leaves off: only the search page keeps them.

The theme's other scripts in a page's head (Sphinx's helpers, the copy and toggle buttons, the
tabs, the book theme's own) ran before the page was read any further, each waiting for every
style sheet. None of them writes into the page as it is read: each waits for the page to be
read (`DOMContentLoaded`) or finds it read. So on every page but the search page (whose search
script calls Sphinx's helpers as it loads) they are deferred, run in the same order once the
page is read, before `DOMContentLoaded`. `documentation_options.js` stays as it is: the inline
scripts after it set its options.
"""

from __future__ import annotations

import re
from pathlib import Path

ICON_SCRIPT = "_static/scripts/fontawesome.js"
THEME_STYLE = "_static/styles/pydata-sphinx-theme.css"
SEARCH_SCRIPTS = ("_static/searchtools.js", "_static/language_data.js", "searchindex.js")
SEARCH_PAGE = "search.html"
DEFERRED_SCRIPTS = (
    "_static/doctools.js",
    "_static/sphinx_highlight.js",
    "_static/clipboard.min.js",
    "_static/copybutton.js",
    "_static/scripts/sphinx-book-theme.js",
    "_static/togglebutton.js",
    "_static/design-tabs.js",
)


def _script_tags(paths: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(path) for path in paths)
    return re.compile(
        r'[ \t]*<script\b[^>]*\ssrc="(?:\.\./)*(?:' + names + r')(?:\?[^"]*)?"[^>]*></script>\n?'
    )


_ICON_TAG = _script_tags((ICON_SCRIPT,))
_ICON_COMMENT = re.compile(r"[ \t]*<!-- So that users can add custom icons -->\n?")
_SEARCH_TAGS = _script_tags(SEARCH_SCRIPTS)
_BLOCKING_TAG = re.compile(
    r"<script(?P<attributes>(?![^>]*\sdefer\b)[^>]*\ssrc=\"(?:\.\./)*(?:"
    + "|".join(re.escape(path) for path in DEFERRED_SCRIPTS)
    + r')(?:\?[^"]*)?")'
)


def without_unused_scripts(page: str, search_page: bool) -> str:
    """`page` without Font Awesome's script and, unless it is the search page, without the
    search scripts and index and with the theme's head scripts deferred."""
    page = _ICON_COMMENT.sub("", _ICON_TAG.sub("", page))
    if search_page:
        return page
    return _BLOCKING_TAG.sub(r'<script defer="defer"\g<attributes>', _SEARCH_TAGS.sub("", page))


def drop_icon_script(outdir: Path) -> None:
    """Remove Font Awesome's script and its source map from the site `outdir`."""
    script = outdir / ICON_SCRIPT
    for path in (script, script.with_name(f"{script.name}.map")):
        path.unlink(missing_ok=True)


_ICON_RULE = re.compile(
    r"(?<=\})(?P<selectors>\.fa-[\w-]+:before(?:,\.fa-[\w-]+:before)*)\{[^{}]*\}"
)
_ICON_NAME = re.compile(r"fa-[a-z0-9-]+")
"""An icon's name, wherever it stands; `icon_names` keeps those that start a word. (With the
word boundary in the pattern, the search tried it at every character of the site's 3.5 MB of
pages and scripts: half a tenth of a CPU-second.)"""
_WORD_CHARACTER = re.compile(r"\w")


def without_unused_icons(style: str, used: set[str]) -> str:
    """`style` without the rules that only give icons none of `used` names their glyph."""

    def rule(match: re.Match) -> str:
        names = re.findall(r"\.(fa-[\w-]+):before", match["selectors"])
        return match.group(0) if used.intersection(names) else ""

    return _ICON_RULE.sub(rule, style)


def icon_names(text: str) -> set[str]:
    """The Font Awesome icon names (`fa-...`) in `text` that start a word (`\\bfa-[a-z0-9-]+`)."""
    names: set[str] = set()
    start = 0
    while (found := _ICON_NAME.search(text, start)) is not None:
        if found.start() and _WORD_CHARACTER.match(text, found.start() - 1):
            start = found.start() + 1
        else:
            names.add(found.group())
            start = found.end()
    return names


def drop_unused_icons(outdir: Path, pages: list[str]) -> None:
    """Leave out of the site `outdir`'s theme style sheet the rules of every icon that none of
    its `pages` (their text) and none of its scripts names."""
    style = outdir / THEME_STYLE
    if not style.is_file():
        return
    scripts = [path.read_text(encoding="utf-8") for path in (outdir / "_static").rglob("*.js")]
    used = set().union(*(icon_names(text) for text in [*pages, *scripts]))
    original = style.read_text(encoding="utf-8")
    trimmed = without_unused_icons(original, used)
    if trimmed != original:
        style.write_text(trimmed, encoding="utf-8")
