"""Charts in Chromium: legible on a phone, following dark mode, with no label over another.

Each chart is measured as drawn: the size of every text in CSS pixels (its font size times the
drawing's scale on the page), and the boxes the browser gives each label.
"""

from __future__ import annotations

import pytest
from test_browser import CHART_PAGES, PAGES, wait_for_charts

pytestmark = pytest.mark.browser

SMALLEST_TEXT_PX = 11

SHOWN = """const shown = t => t.textContent.trim() && t.getAttribute('opacity') !== '0'
  && getComputedStyle(t).opacity !== '0';"""
"""Vega hides tick labels that would collide by making them transparent: they do not count."""

TEXT_SIZES = (
    """() => {"""
    + SHOWN
    + """
return [...document.querySelectorAll('.bytebook-live svg')].flatMap(svg => {
  const scale = svg.getBoundingClientRect().width / parseFloat(svg.getAttribute('width'));
  return [...svg.querySelectorAll('text')].filter(shown).map(t => ({
    text: t.textContent.trim().slice(0, 40),
    px: parseFloat(getComputedStyle(t).fontSize) * scale,
  }));
}); }"""
)

OVERFLOW = """() => [...document.querySelectorAll('.bytebook-chart')].map(c =>
  c.scrollWidth - c.clientWidth).filter(px => px > 0)"""

LABEL_BOXES = (
    """() => {"""
    + SHOWN
    + """
return [...document.querySelectorAll('.bytebook-live svg')].map(svg => {
  const boxes = [...svg.querySelectorAll('text')].filter(shown).map(t => {
    const r = t.getBoundingClientRect();
    const role = (t.closest('[class*="role-"]') || {}).getAttribute
      ? t.closest('[class*="role-"]').getAttribute('class') : '';
    return {text: t.textContent.trim(), role, x: r.left, y: r.top, w: r.width, h: r.height};
  });
  const marks = [...svg.querySelectorAll('.role-axis-domain line, .role-axis-tick line, '
    + '.role-axis-domain path, .role-axis-tick path')]
    .map(l => { const r = l.getBoundingClientRect();
      return {x: r.left, y: r.top, w: r.width, h: r.height}; });
  return {title: svg.getAttribute('aria-label') || '', boxes, marks};
}); }"""
)


def overlap(a: dict, b: dict, slack: float = 1.0) -> bool:
    """Whether two boxes overlap by more than `slack` pixels each way. A text's box holds the
    font's whole line height; only its middle 60% (where the glyphs are) counts here."""

    def glyphs(box: dict) -> tuple[float, float, float, float]:
        trim = 0.2 * box["h"] if box.get("text") else 0
        return box["x"], box["x"] + box["w"], box["y"] + trim, box["y"] + box["h"] - trim

    ax1, ax2, ay1, ay2 = glyphs(a)
    bx1, bx2, by1, by2 = glyphs(b)
    return ax1 + slack < bx2 and bx1 + slack < ax2 and ay1 + slack < by2 and by1 + slack < ay2


@pytest.mark.parametrize("page_path", CHART_PAGES)
def test_chart_text_is_legible_on_a_phone(site, browser, page_path):
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(f"{site}/{page_path}")
    wait_for_charts(page)
    sizes = page.evaluate(TEXT_SIZES)
    overflow = page.evaluate(OVERFLOW)
    page.close()
    assert sizes, "no chart text found"
    small = [s for s in sizes if s["px"] < SMALLEST_TEXT_PX - 0.05]
    assert not small, f"{len(small)} texts below {SMALLEST_TEXT_PX} px, e.g. {small[:5]}"
    assert not overflow, f"charts wider than the phone's column by {overflow} px"


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("page_path", CHART_PAGES)
def test_no_chart_label_covers_another_or_an_axis(site, browser, page_path, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{site}/{page_path}")
    wait_for_charts(page)
    charts = page.evaluate(LABEL_BOXES)
    page.close()
    clashes = []
    for chart in charts:
        boxes = chart["boxes"]
        for i, a in enumerate(boxes):
            clashes += [
                f"{a['text']!r} over {b['text']!r}" for b in boxes[i + 1 :] if overlap(a, b)
            ]
            if "role-axis" not in a["role"]:
                lines = [m for m in chart["marks"] if overlap(a, m)]
                clashes += [f"{a['text']!r} over an axis line"] if lines else []
    assert not clashes, clashes[:10]


def test_charts_follow_dark_mode(site, browser):
    """On a dark page no chart has a light background, and its text is light."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page.goto(f"{site}/book/economics.html")
    wait_for_charts(page)
    backgrounds = page.evaluate(
        "() => [...document.querySelectorAll('.bytebook-live svg > rect.background, "
        ".bytebook-live svg rect.background')].map(r => r.getAttribute('fill') || "
        "getComputedStyle(r).fill)"
    )
    text_fills = page.evaluate(
        "() => [...document.querySelectorAll('.bytebook-live svg .role-axis-label text')]"
        ".map(t => t.getAttribute('fill'))"
    )
    page.close()
    assert text_fills and all(f.lower() not in ("#222222", "#000", "#000000") for f in text_fills)
    assert all(b.lower() not in ("#ffffff", "white", "#fff") for b in backgrounds), backgrounds


def test_the_chart_pages_are_the_pages_that_draw_charts(built_book):
    drawn = [p for p in PAGES if 'class="bytebook-chart"' in (built_book / p).read_text("utf-8")]
    assert drawn == CHART_PAGES
