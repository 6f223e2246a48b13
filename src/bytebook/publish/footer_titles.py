"""A page's footer links to the previous and next chapter: on a phone their titles are cut to
two lines (the book's style sheet), so each link carries its full title in `title=`, where the
theme writes only 'previous page' or 'next page'."""

from __future__ import annotations

import html
import re

_FOOTER_LINK = re.compile(
    r'(?P<open><a class="(?P<side>left-prev|right-next)"\s+href="[^"]*"\s+)'
    r'title="(?:previous|next) page"(?P<rest>>.*?<p class="prev-next-title">(?P<title>.*?)</p>)',
    re.S,
)
_TAG = re.compile(r"<[^>]+>")
_WORD = {"left-prev": "Previous", "right-next": "Next"}


def _titled(match: re.Match) -> str:
    title = " ".join(html.unescape(_TAG.sub("", match["title"])).split())
    words = html.escape(f"{_WORD[match['side']]}: {title}", quote=True)
    return f'{match["open"]}title="{words}"{match["rest"]}'


def titled_footer_links(page: str) -> str:
    """`page` with each footer link's `title=` giving the chapter's full title ('Previous: 1
    不开发布会 · …'); a page without such links comes back unchanged."""
    return _FOOTER_LINK.sub(_titled, page)
