"""A page's footer links to the previous and next chapter: each link carries its full title in
`title=`, where the theme writes only 'previous page' or 'next page'; and the English part of a
chapter's title, after ' · ', is marked (`prev-next-gloss`), so that a phone shows the number
and the Chinese title alone rather than cut the English after a word (the book's style sheet)."""

from __future__ import annotations

import html
import re

_FOOTER_LINK = re.compile(
    r'(?P<open><a class="(?P<side>left-prev|right-next)"\s+href="[^"]*"\s+)'
    r'title="(?:previous|next) page"(?P<rest>>.*?<p class="prev-next-title">)(?P<title>.*?)</p>',
    re.S,
)
_TAG = re.compile(r"<[^>]+>")
_WORD = {"left-prev": "Previous", "right-next": "Next"}
SEPARATOR = " · "
"""What stands between a chapter's number and Chinese title and its English one."""


def _shown(title: str) -> str:
    """A footer title (HTML) with its part from the first ' · ' on marked as its gloss."""
    head, separator, gloss = title.partition(SEPARATOR)
    if not separator:
        return title
    return f'{head}<span class="prev-next-gloss">{separator}{gloss}</span>'


def _titled(match: re.Match) -> str:
    title = " ".join(html.unescape(_TAG.sub("", match["title"])).split())
    words = html.escape(f"{_WORD[match['side']]}: {title}", quote=True)
    return f'{match["open"]}title="{words}"{match["rest"]}{_shown(match["title"])}</p>'


def titled_footer_links(page: str) -> str:
    """`page` with each footer link's `title=` giving the chapter's full title ('Previous: 1
    不开发布会 · …') and the title's English part marked; a page without such links comes back
    unchanged."""
    return _FOOTER_LINK.sub(_titled, page)
