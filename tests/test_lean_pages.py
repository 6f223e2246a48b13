"""Pages leave out the theme scripts the book does not use: Font Awesome's script everywhere
(the theme's icon font draws the icons), the search scripts everywhere but the search page."""

from __future__ import annotations

import re

from bytebook.publish.bench_pages import assets_kb, page_assets
from bytebook.publish.lean_pages import (
    THEME_STYLE,
    drop_icon_script,
    icon_names,
    without_unused_icons,
    without_unused_scripts,
)

HEAD = """<head>
  <!-- So that users can add custom icons -->
  <script defer src="../_static/scripts/fontawesome.js?digest=55c26ed414f5f8a31ebb"></script>
  <link rel="preload" as="script" href="../_static/scripts/bootstrap.js?digest=55c2" />
    <script src="../_static/documentation_options.js?v=9eb32ce0"></script>
    <script src="../_static/doctools.js?v=9a2dae69"></script>
    <script src="../_static/scripts/sphinx-book-theme.js?v=fab101a9"></script>
    <script defer="defer" src="../_static/vega-bundle.js?v=7246948f"></script>
    <script>DOCUMENTATION_OPTIONS.search_as_you_type = false;</script>
    <script src="../_static/searchtools.js?v=63a53a7d"></script>
    <script src="../_static/language_data.js?v=865e2c5f"></script>
    <script src="../searchindex.js"></script>
    <script data-sd-tabs-storage-prefix="sd-" src="../_static/design-tabs.js"></script>
</head>"""
"""A chart page's head as the theme writes it (trimmed)."""
KEPT = ["documentation_options.js", "vega-bundle.js", "bootstrap.js", "search_as_you_type"]
DEFERRED = ["doctools.js", "sphinx-book-theme.js", "design-tabs.js"]
SEARCH = ["searchtools.js", "language_data.js", "searchindex.js"]


def test_a_page_loads_neither_font_awesome_nor_the_search_scripts():
    page = without_unused_scripts(HEAD, search_page=False)
    for name in ["fontawesome.js", "custom icons", *SEARCH]:
        assert name not in page
    for name in KEPT:
        assert page.count(name) == 1
    assert page.count("<script") == HEAD.count("<script") - 4


def test_the_search_page_keeps_its_search_scripts():
    page = without_unused_scripts(HEAD, search_page=True)
    assert "fontawesome.js" not in page
    for name in SEARCH + KEPT:
        assert page.count(name) == 1
    in_order = ["documentation_options.js", *DEFERRED[:2], *SEARCH, DEFERRED[2]]
    assert blocking_scripts(page) == in_order  # the search script needs Sphinx's helpers first


def blocking_scripts(page: str) -> list[str]:
    """The names of the scripts `page` loads and runs as it is read, in order."""
    tags = re.findall(r"<script\b[^>]*>", page)
    found = [re.search(r'src="[^"]*?([\w.-]+\.js)', tag) for tag in tags if " defer" not in tag]
    return [match[1] for match in found if match]


def test_a_page_defers_the_theme_s_head_scripts_and_only_those():
    page = without_unused_scripts(HEAD, search_page=False)
    assert blocking_scripts(page) == ["documentation_options.js"]
    for name in DEFERRED:
        (tag,) = [line for line in page.splitlines() if name in line]
        assert tag.strip().startswith('<script defer="defer" '), tag
    assert without_unused_scripts(page, search_page=False) == page  # a second pass changes nothing


def test_the_site_no_longer_holds_font_awesome_s_script(tmp_path):
    scripts = tmp_path / "_static" / "scripts"
    scripts.mkdir(parents=True)
    for name in ("fontawesome.js", "fontawesome.js.map", "bootstrap.js"):
        (scripts / name).write_text("x")
    drop_icon_script(tmp_path)
    drop_icon_script(tmp_path)  # a second pass finds nothing to remove
    assert sorted(p.name for p in scripts.iterdir()) == ["bootstrap.js"]


def test_a_page_s_assets_are_its_own_scripts_and_style_sheets_once_each(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "book").mkdir()
    (tmp_path / "_static" / "a.js").write_bytes(b"a" * 2048)
    (tmp_path / "_static" / "b.css").write_bytes(b"b" * 1024)
    page = tmp_path / "book" / "p.html"
    page.write_text(
        '<link rel="stylesheet" type="text/css" href="../_static/b.css?v=1" />'
        '<link rel="preload" href="../_static/a.js" as="script" />'
        '<script src="../_static/a.js?v=2"></script><script defer src="../_static/a.js"></script>'
        '<script src="../_static/gone.js"></script><script>var inline = 1;</script>'
    )
    assert [p.name for p in page_assets(page)] == ["b.css", "a.js"]
    raw, gzipped = assets_kb(page)
    assert raw == 3.0
    assert 0 < gzipped < 1


def test_the_built_pages_load_no_font_awesome_and_search_only_on_its_page(built_book):
    assert not (built_book / "_static" / "scripts" / "fontawesome.js").exists()
    searching = set()
    for page in built_book.rglob("*.html"):
        if page.relative_to(built_book).parts[0] in ("_static", "_sources"):
            continue  # the theme's template macros and copies of sources, not pages
        text = page.read_text(encoding="utf-8")
        assert "fontawesome.js" not in text, page
        if re.search(r'<script src="[^"]*searchindex\.js"', text):
            searching.add(page.relative_to(built_book).as_posix())
    assert searching == {"search.html"}


STYLE = (
    '.fa-lg{font-size:1.25em}.fa-0:before{content:"\\30 "}.fa-bars:before{content:"\\f0c9"}'
    '.fa-close:before,.fa-xmark:before{content:"\\f00d"}.fa-sun:before{content:"\\f185"}'
    '.x .fa-moon:before{content:"\\f186"}'
)
"""The theme's style sheet, trimmed to a few of Font Awesome's rules."""


def test_only_the_icons_a_page_or_script_names_keep_their_rules():
    trimmed = without_unused_icons(STYLE, {"fa-bars", "fa-xmark", "fa-lg"})
    assert trimmed == (
        '.fa-lg{font-size:1.25em}.fa-bars:before{content:"\\f0c9"}'
        '.fa-close:before,.fa-xmark:before{content:"\\f00d"}'
        '.x .fa-moon:before{content:"\\f186"}'
    )
    assert without_unused_icons(trimmed, {"fa-bars", "fa-xmark"}) == trimmed


def test_an_icon_name_counts_only_where_it_starts_a_word():
    text = 'fa-bars <i class="fa-solid fa-sun"></i> sofa-x _fa-y 3fa-z é-fa-moon xfa-fa-lg'
    assert icon_names(text) == {"fa-bars", "fa-solid", "fa-sun", "fa-moon", "fa-lg"}
    assert icon_names("sofa-bed, _fa-x, 2fa-y") == set()


def test_every_icon_the_site_names_keeps_its_rule_and_most_are_gone(built_book):
    style = (built_book / THEME_STYLE).read_text(encoding="utf-8")
    icon_rules = re.findall(r"\}(\.fa-[\w-]+):before[,{]", style)
    assert 10 < len(icon_rules) < 100
    texts = [page.read_text(encoding="utf-8") for page in built_book.rglob("*.html")]
    texts += [script.read_text(encoding="utf-8") for script in built_book.rglob("*.js")]
    named = {name for text in texts for name in re.findall(r"\bfa-[a-z0-9-]+", text)}
    for name in ("fa-magnifying-glass", "fa-sun", "fa-moon", "fa-bars", "fa-xmark"):
        assert name in named
        assert f".{name}:before" in style, name
