"""A last pass over every page of an HTML build, so the published files depend only on what
they show, never on the build's history, and carry a content security policy.

- Asset checksums: Sphinx adds `?v=<checksum>` to a script or style link only when the file is
  already in the output as the page is written, so files written late in a build (the vega
  bundle, myst-nb's style sheet) had a checksum in an incremental build and none in a clean
  one. Every `_static/` link now gets the checksum of the file the build published.
- Content security policy: a `<meta http-equiv="Content-Security-Policy">` that lets a page
  load scripts, styles, images, fonts and data only from the book's own origin; its own inline
  scripts, and the event handlers found anywhere in the book, are allowed by their SHA-256
  hashes, so no other inline script can run. (The search page parses other pages to show
  summaries, and Chromium checks their handlers against the search page's policy.)
- Values: a value and its unit never break across lines (bytebook.publish.whole_values).
- Front page: the site's `index.html` leads to the first page and names the book's icon.
- Unused theme scripts and icons: Font Awesome's script, its icon rules for icons no page or
  script names, and the search scripts on every page but the search page, are left out
  (bytebook.publish.lean_pages).
- Light without scripts: the theme colours a page only once its script has turned the `<html>`
  tag's `data-theme="auto"` into light or dark, so a page read without JavaScript had no
  colours at all (its header's buttons over the text, with no bar behind them). The tag now
  says light; with JavaScript the theme's first inline script sets it to the reader's choice
  before anything is drawn, as it did.
- Chart requests first: a chart page's chart scripts and chart file are asked for before the
  theme's style sheets and scripts (bytebook.publish.head_order).
- Search index: a term whose list of pages is empty (left behind when an incremental build
  re-reads a page that no longer holds it) is dropped, so the index holds only words the
  current pages contain.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import zlib
from collections.abc import Collection, Iterable
from pathlib import Path

from bytebook.publish.footer_titles import titled_footer_links
from bytebook.publish.head_order import chart_requests_first
from bytebook.publish.lean_pages import (
    SEARCH_PAGE,
    drop_icon_script,
    drop_unused_icons,
    without_unused_scripts,
)
from bytebook.publish.whole_values import keep_values_whole

_ASSET_LINK = re.compile(
    r'(?P<attr>src|href)="(?P<path>[^"?#]*_static/[^"?#]+\.(?:js|css))(?:\?v=[0-9a-f]+)?"'
)
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*" />\n?')
_CHARSET_META = re.compile(r"<meta charset=[^>]*>\n?", re.I)
_EVENT_HANDLER = re.compile(r'<[a-zA-Z][^>]*?\son[a-z]+="(?P<code>[^"]*)"')
_DATA_TYPES = re.compile(r'type="(application/json|application/ld\+json|text/template)"')

POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
"""The policy every page carries. Inline style attributes are allowed (the theme and the chart
SVGs use them; a style cannot run code), and so are images and fonts written into the page or
its style sheets as `data:` URLs (the theme's and the tables' icons), which load from no host;
everything else comes from the book's own origin."""


def checksum(path: Path) -> str:
    """The checksum Sphinx puts in `?v=`: CRC-32 of the file, as eight hex digits."""
    return f"{zlib.crc32(path.read_bytes()):08x}"


def with_checksums(page: str, page_path: Path, known: dict[Path, str]) -> str:
    """Every script and style link into `_static/` with the checksum of the file it points to."""

    def link(match: re.Match) -> str:
        target = page_path.parent / match["path"]  # as linked: resolving took longer than the rest
        if target not in known:
            known[target] = checksum(target) if target.is_file() else ""
        version = f"?v={known[target]}" if known[target] else ""
        return f'{match["attr"]}="{match["path"]}{version}"'

    return _ASSET_LINK.sub(link, page)


def _sha256(code: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(code.encode('utf-8')).digest()).decode()}'"


def handler_hashes(page: str) -> set[str]:
    """CSP source expressions for a page's inline event handlers (the theme's print button)."""
    return {_sha256(html.unescape(m["code"])) for m in _EVENT_HANDLER.finditer(page)}


def script_hashes(page: str, handlers: Iterable[str] = ()) -> list[str]:
    """CSP source expressions for the page's own inline scripts (data blocks excluded) and,
    after 'unsafe-hashes', its inline event handlers and any other `handlers` given."""
    hashes = {
        _sha256(match["body"])
        for match in _INLINE_SCRIPT.finditer(page)
        if "src=" not in match["attrs"] and not _DATA_TYPES.search(match["attrs"])
    }
    allowed = handler_hashes(page) | set(handlers)
    return sorted(hashes) + (["'unsafe-hashes'", *sorted(allowed)] if allowed else [])


def with_policy(page: str, handlers: Iterable[str] = ()) -> str:
    """The page with one content-security-policy meta tag, first in its head after the
    character set, allowing exactly its own inline scripts and the book's event `handlers`."""
    page = _POLICY_META.sub("", page)
    policy = POLICY.format(hashes=" ".join(script_hashes(page, handlers))).replace("  ", " ")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />\n'
    charset = _CHARSET_META.search(page)
    if charset is None:
        return page.replace("<head>", "<head>\n" + meta, 1)
    return page[: charset.end()] + meta + page[charset.end() :]


FRONT_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta http-equiv="Refresh" content="0; url={first}" />
<title>{title}</title>
<link rel="icon" href="{icon}" type="image/svg+xml" />
</head>
<body><p><a href="{first}">{title}</a></p></body>
</html>
"""


def write_front_page(outdir: Path, first_page: str, title: str, icon: str) -> None:
    """The site's `index.html`: a page that sends the reader on to `first_page`, with a link for
    a browser that does not follow it and the book's icon (a bare redirect names none, so the
    browser asks for /favicon.ico, which the book does not have)."""
    (outdir / "index.html").write_text(
        FRONT_PAGE.format(
            first=html.escape(first_page, quote=True),
            title=html.escape(title),
            icon=html.escape(icon, quote=True),
        ),
        encoding="utf-8",
    )


_AUTO_THEME = re.compile(r'(<html\b[^>]*\sdata-theme=")auto(")')


def light_without_scripts(page: str) -> str:
    """`page` with its `<html>` tag's theme set to light, for a reader without JavaScript."""
    return _AUTO_THEME.sub(r"\1light\2", page, count=1)


_SIDEBAR_TOGGLE = re.compile(
    r'(<button class="sidebar-toggle (?:primary|secondary)-toggle)\b(?! pst-js-only)'
)


def toggles_need_scripts(page: str) -> str:
    """`page` with the buttons that open its sidebars (a phone's menu and contents) marked as
    the theme marks what works only with JavaScript (`pst-js-only`), so that a reader without
    it is not shown two buttons that do nothing."""
    return _SIDEBAR_TOGGLE.sub(r"\1 pst-js-only", page)


def finished_alone(page: str, page_path: Path, outdir: Path) -> str:
    """`page` (the file `page_path` of the site `outdir`) with the last pass's steps that need
    no other page: without the theme scripts it does not use, light without JavaScript, with
    its footer links' full titles, its values kept whole and its sidebar buttons hidden
    without JavaScript. A page so finished comes back unchanged."""
    lean = without_unused_scripts(page, search_page=page_path == outdir / SEARCH_PAGE)
    return keep_values_whole(titled_footer_links(toggles_need_scripts(light_without_scripts(lean))))


def finish_pages(outdir: Path, finished: Collection[Path] = ()) -> None:
    """Give every HTML page in `outdir` its footer links' full titles, its values kept whole,
    its asset checksums and the content security policy, without the theme scripts it does not
    use, and drop stale terms from the search index. The pages `finished` were given the steps
    of `finished_alone` already, as they were written."""
    known: dict[Path, str] = {}
    paths = sorted(outdir.rglob("*.html"))
    originals = {path: path.read_text(encoding="utf-8") for path in paths}
    handlers = set().union(*(handler_hashes(page) for page in originals.values()))
    for path, original in originals.items():
        kept = original if path in finished else finished_alone(original, path, outdir)
        page = chart_requests_first(with_policy(with_checksums(kept, path, known), handlers))
        if page != original:
            path.write_text(page, encoding="utf-8")
    drop_icon_script(outdir)
    drop_unused_icons(outdir, list(originals.values()))
    index = outdir / "searchindex.js"
    if index.is_file():
        text = index.read_text(encoding="utf-8")
        cleaned = without_stale_terms(text)
        if cleaned != text:
            index.write_text(cleaned, encoding="utf-8")


_INDEX = re.compile(r"^Search\.setIndex\((?P<body>.*)\)\s*$", re.S)


def without_stale_terms(index: str) -> str:
    """A Sphinx search index without the terms (and title terms) that no page holds."""
    match = _INDEX.match(index)
    if match is None:
        return index
    data = json.loads(match["body"])
    for key in ("terms", "titleterms"):
        data[key] = {term: pages for term, pages in data.get(key, {}).items() if pages != []}
    body = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return f"Search.setIndex({body})"
