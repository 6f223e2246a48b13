"""Charts in Chromium: legible on a phone, following dark mode, with no label over another.

The checks that read a phone's or a laptop's load of a page (`legibility_problems`,
`label_clashes`) run in tests/test_accessibility.py, on its one load of each page per screen.

Each chart is measured as drawn: the size of every text in CSS pixels (its font size times the
drawing's scale on the page), and the boxes the browser gives each label.
"""

from __future__ import annotations

import base64
import re
from itertools import pairwise

import pytest
from test_browser import CHART_PAGES, PAGES, read_on_a_phone, wait_for_charts

from bytebook import charts
from bytebook.charts import POINT_NAMES

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

PAGE_TEXT_SIZES = """() => {
  const seen = e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden'
    && e.getBoundingClientRect().width > 1 && !e.closest('svg, .visually-hidden, .sr-only');
  const small = [];
  for (const e of document.querySelectorAll('.bd-article *')) {
    if (!seen(e)) continue;
    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (own && parseFloat(getComputedStyle(e).fontSize) < SMALLEST) {
      small.push([e.tagName, e.textContent.trim().slice(0, 30), getComputedStyle(e).fontSize]);
    }
    // A label's content with empty alternative text ('"▲" / ""') is an icon, not words.
    const label = getComputedStyle(e, '::before');
    if (!['none', 'normal', '""'].includes(label.content) && !label.content.endsWith('/ ""')
        && label.display !== 'none' && parseFloat(label.fontSize) < SMALLEST) {
      small.push([e.tagName + '::before', label.content.slice(0, 30), label.fontSize]);
    }
  }
  return small;
}"""
"""Text outside the charts, a card's field names (`td::before`) included, set below
SMALLEST_TEXT_PX: the element, the text's start and its size."""

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
    const lines = Math.max(1, t.querySelectorAll('tspan').length);
    const style = getComputedStyle(t);
    const halo = style.paintOrder.startsWith('stroke') && parseFloat(style.strokeWidth) >= 2
      && style.stroke === getComputedStyle(document.body).backgroundColor;
    return {text: t.textContent.trim(), role, lines, x: r.left, y: r.top, w: r.width,
      h: r.height, halo};
  });
  const box = l => { const r = l.getBoundingClientRect();
    return {x: r.left, y: r.top, w: r.width, h: r.height}; };
  const marks = [...svg.querySelectorAll('.role-axis-domain line, .role-axis-tick line, '
    + '.role-axis-domain path, .role-axis-tick path')].map(box);
  const rules = [...svg.querySelectorAll('.mark-rule.role-mark line')].map(box);
  const domains = [...svg.querySelectorAll('.role-axis-domain line, .role-axis-domain path')]
    .map(box);
  const xAxes = domains.filter(d => d.w > d.h), yAxes = domains.filter(d => d.h > d.w);
  const yTicks = [...svg.querySelectorAll('.role-axis-tick line, .role-axis-tick path')]
    .map(box).filter(t => t.w > t.h);
  const grids = [...svg.querySelectorAll('.role-axis-grid line, .role-axis-grid path')].map(box);
  const dots = [...svg.querySelectorAll('.mark-symbol.role-mark path')].map(box);
  return {title: svg.getAttribute('aria-label') || '', boxes, marks, rules, xAxes, yAxes,
    yTicks, grids, dots};
}); }"""
)


def overlap(a: dict, b: dict, slack: float = 1.0) -> bool:
    """Whether two boxes overlap by more than `slack` pixels each way. A text's box holds the
    font's whole line height on each of its lines; only the middle 60% of its first and last
    lines (where the glyphs are) counts here, so a label wrapped onto three lines that runs into
    the next label counts as over it."""

    def glyphs(box: dict) -> tuple[float, float, float, float]:
        trim = 0.2 * box["h"] / box.get("lines", 1) if box.get("text") else 0
        return box["x"], box["x"] + box["w"], box["y"] + trim, box["y"] + box["h"] - trim

    ax1, ax2, ay1, ay2 = glyphs(a)
    bx1, bx2, by1, by2 = glyphs(b)
    return ax1 + slack < bx2 and bx1 + slack < ax2 and ay1 + slack < by2 and by1 + slack < ay2


RULE_CLEARANCE_PX = 2
"""A value label keeps this far from a rule drawn in the chart (a band's dashed edge, a
marker): its whole box, not only its glyphs, so a label does not sit on the line."""


VALUE_LABEL = re.compile(r"[−-]?(?:USD )?\d")
"""A label that writes a value (a bar's or a dot's number), as against a point's name."""


def near(a: dict, b: dict, clearance: float) -> bool:
    """Whether box `a` comes within `clearance` pixels of box `b` (touching counts)."""
    return (
        a["x"] - clearance < b["x"] + b["w"]
        and b["x"] - clearance < a["x"] + a["w"]
        and a["y"] - clearance < b["y"] + b["h"]
        and b["y"] - clearance < a["y"] + a["h"]
    )


def past_the_axis_end(label: dict, x_axes: list[dict]) -> bool:
    """Whether a value label lies outside every x axis line's span: a label drawn at the end of
    the longest bar must lie within the axis, not beyond its last tick."""
    return bool(x_axes) and not any(
        axis["x"] - 1 <= label["x"] and label["x"] + label["w"] <= axis["x"] + axis["w"] + 1
        for axis in x_axes
    )


def outside_the_plot(label: dict, x_axes: list[dict], y_axes: list[dict]) -> bool:
    """Whether a label's glyphs reach past the plot's frame: left or right of every x axis
    line's span, or above or below every y axis line's span."""
    left, right = label["x"], label["x"] + label["w"]
    top, bottom = label["y"] + 0.2 * label["h"], label["y"] + 0.8 * label["h"]
    across = any(a["x"] - 1 <= left and right <= a["x"] + a["w"] + 1 for a in x_axes)
    down = any(a["y"] - 1 <= top and bottom <= a["y"] + a["h"] + 1 for a in y_axes)
    return not (across and down)


def axis_ends_off_a_tick(chart: dict) -> bool:
    """Whether a y axis line ends at its top with no tick there (the axis stops between round
    numbers, and the reader cannot tell where it ends)."""
    return any(
        not any(abs(tick["y"] + tick["h"] / 2 - axis["y"]) <= 1.5 for tick in chart["yTicks"])
        for axis in chart["yAxes"]
    )


BY_YEAR_AXIS = "Fiscal year"
"""The x axis title of a company's by-year panels (bytebook.year_charts): their value labels
keep clear of gridlines and their y axes end on a tick."""


def label_problems(chart: dict) -> list[str]:
    """What is wrong with a drawn chart's labels: one over another, one over an axis line, a
    value label on a rule or past its axis's end (a rule's own name may sit beside it), a
    point's name over a point or outside the plot; a text cut short with an ellipsis; a value
    label on a gridline without a halo in the page's colour to part them (in a by-year panel,
    on a gridline at all), or with a halo in a chart without gridlines (on a shaded band it
    shows as a patch); in a by-year panel, a y axis that ends off a tick."""
    boxes = chart["boxes"]
    problems = [f"{box['text']!r} cut short" for box in boxes if box["text"].endswith("…")]
    by_year = any(box["text"] == BY_YEAR_AXIS for box in boxes)
    for i, a in enumerate(boxes):
        problems += [f"{a['text']!r} over {b['text']!r}" for b in boxes[i + 1 :] if overlap(a, b)]
        if "role-axis" in a["role"]:
            continue
        if any(overlap(a, m) for m in chart["marks"]):
            problems.append(f"{a['text']!r} over an axis line")
        if "role-mark" in a["role"] and any(overlap(a, dot) for dot in chart["dots"]):
            problems.append(f"{a['text']!r} over a point")
        if POINT_NAMES in a["role"] and outside_the_plot(a, chart["xAxes"], chart["yAxes"]):
            problems.append(f"{a['text']!r} outside the plot")
        if "role-mark" not in a["role"] or not VALUE_LABEL.match(a["text"]):
            continue
        if any(near(a, rule, RULE_CLEARANCE_PX) for rule in chart["rules"]):
            problems.append(f"{a['text']!r} on a rule")
        if (by_year or not a["halo"]) and any(overlap(a, grid) for grid in chart["grids"]):
            problems.append(f"{a['text']!r} struck through by a gridline")
        if a["halo"] and not chart["grids"]:
            problems.append(f"{a['text']!r} has a halo with no gridline to part it from")
        if past_the_axis_end(a, chart["xAxes"]):
            problems.append(f"{a['text']!r} past its axis's end")
    if by_year and axis_ends_off_a_tick(chart):
        problems.append(f"a y axis of {chart['title'][:40]!r} ends off a tick")
    return problems + crowded_category_labels(boxes) + y_titles_past_their_axis(chart)


def y_titles_past_their_axis(chart: dict) -> list[str]:
    """A y axis's title, written up its side, that runs longer than the axis it names (the
    summary's 'Company (what its years count)', 186 px beside a 170 px axis, ran down past the
    plot): the tallest y axis of the chart is the room it has."""
    room = max((axis["h"] for axis in chart["yAxes"]), default=0)
    return [
        f"{box['text']!r} runs {box['h'] - room:.0f} px past its axis"
        for box in chart["boxes"]
        if "role-axis-title" in box["role"] and box["h"] > box["w"] and box["h"] > room + 1
    ]


CATEGORY_LABEL_GAP_PX = 2
"""The least room between two category labels one above the other: a label wrapped onto two
lines then stays nearer its own second line than its neighbour's first."""


def crowded_category_labels(boxes: list[dict]) -> list[str]:
    """Category labels of one axis, one above the other, whose line boxes come within
    `CATEGORY_LABEL_GAP_PX` of each other (a wrapped label that seems to belong to the next
    bar)."""
    labels = sorted(
        (box for box in boxes if "role-axis-label" in box["role"] and box["h"] > 0),
        key=lambda box: box["y"],
    )
    return [
        f"{a['text']!r} crowds {b['text']!r}"
        for a, b in pairwise(labels)
        if abs((a["x"] + a["w"]) - (b["x"] + b["w"])) < 2  # right-aligned: one y axis
        and b["y"] > a["y"] + a["h"] / 2
        and b["y"] - (a["y"] + a["h"]) < CATEGORY_LABEL_GAP_PX
    ]


def legibility_problems(page, charts: bool = True) -> list[str]:
    """On a phone-sized page (with its `charts` drawn): no text below SMALLEST_TEXT_PX, in the
    charts or outside them (a card's field names included), no chart wider than the column."""
    problems = []
    small_text = page.evaluate(PAGE_TEXT_SIZES.replace("SMALLEST", str(SMALLEST_TEXT_PX)))
    if small_text:
        problems.append(f"{len(small_text)} texts below {SMALLEST_TEXT_PX} px: {small_text[:5]}")
    if not charts:
        return problems
    sizes = page.evaluate(TEXT_SIZES)
    overflow = page.evaluate(OVERFLOW)
    if not sizes:
        return [*problems, "no chart text found"]
    small = [s for s in sizes if s["px"] < SMALLEST_TEXT_PX - 0.05]
    if small:
        problems.append(f"{len(small)} texts below {SMALLEST_TEXT_PX} px, e.g. {small[:5]}")
    if overflow:
        problems.append(f"charts wider than the phone's column by {overflow} px")
    return problems


def label_clashes(page) -> list[str]:
    """On a page with its charts drawn: what `label_problems` finds in each chart."""
    charts = page.evaluate(LABEL_BOXES)
    return [problem for chart in charts for problem in label_problems(chart)]


@pytest.mark.parametrize("width", [360, 320])
@pytest.mark.parametrize("page_path", CHART_PAGES)
def test_on_a_small_phone_every_chart_fits_and_no_label_covers_another(
    site, browser, page_path, width
):
    """At 360 px, the narrowest of the common phones, and at 320 px, the width WCAG's reflow
    criterion names (a small phone, or a larger one with its display zoomed): every chart fits
    its column at a legible size (panels stacked one under another narrow to it, a chart that is
    only text wraps within it). At 360 px no label covers another either; at 320 px the
    ranking's scatter sets one name past the plot's edge (its names are placed for plots 250 px
    wide and up: `bytebook.label_places`). Here a narrow desktop window, not a phone's
    emulation; tests/test_accessibility.py checks the same on its loads at 390 and 1280 px."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{site}/{page_path}")
    wait_for_charts(page)
    problems = legibility_problems(page) + (label_clashes(page) if width >= 360 else [])
    page.close()
    assert not problems, problems[:10]


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


NEAR_WHITE = 240
"""A pixel whose red, green and blue are all at least this reads as white on a dark page; the
dark page's lightest text (#e3e6ea) stays below it."""

NEAR_WHITE_SHARE = """async data => {
  const picture = new Image();
  picture.src = 'data:image/png;base64,' + data;
  await picture.decode();
  const canvas = document.createElement('canvas');
  canvas.width = picture.width;
  canvas.height = picture.height;
  const context = canvas.getContext('2d');
  context.drawImage(picture, 0, 0);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let white = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (Math.min(pixels[i], pixels[i + 1], pixels[i + 2]) >= NEAR_WHITE) white += 1;
  }
  return white / (pixels.length / 4);
}""".replace("NEAR_WHITE", str(NEAR_WHITE))
"""The share of a PNG's pixels that are near white, read in the browser's own canvas."""


@pytest.fixture(scope="module")
def canvas_tab(browser):
    """A blank page, whose canvas reads the pixels of the module's screenshots."""
    page = browser.new_page()
    yield page
    page.close()


@pytest.mark.parametrize("page_path", CHART_PAGES)
def test_a_chart_not_yet_drawn_shows_no_white_panel_on_a_dark_page(
    site, browser, canvas_tab, page_path
):
    """Until the script draws a chart (below the first screen, not before the reader scrolls
    within reach of it), its static drawing shows: on a dark page, it is drawn in the dark
    colours, with no white panel, so a fast scroll flashes none. The Vega runtime is withheld, so
    every chart stays as a reader sees it before it is drawn."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page.route("**/vega-bundle.js*", lambda route: route.abort())
    page.goto(f"{site}/{page_path}")
    charts = page.locator(".bytebook-chart")
    shots = []
    for index in range(charts.count()):
        assert charts.nth(index).locator(".bytebook-static svg").count() == 1
        shots.append(charts.nth(index).screenshot())
    assert not page.locator(".bytebook-live").count(), "a chart was drawn"
    shares = [
        canvas_tab.evaluate(NEAR_WHITE_SHARE, base64.b64encode(shot).decode()) for shot in shots
    ]
    page.close()
    assert shares and all(share == 0 for share in shares), shares


def test_the_chart_pages_are_the_pages_that_draw_charts(built_book):
    drawn = [p for p in PAGES if 'class="bytebook-chart"' in (built_book / p).read_text("utf-8")]
    assert drawn == CHART_PAGES


def test_every_caption_is_left_aligned(site, browser):
    """Short and long captions line up the same way, with the text they follow."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/book/economics.html")
    alignments = page.evaluate(
        "() => [...document.querySelectorAll('figure figcaption p')]"
        ".map(p => getComputedStyle(p).textAlign)"
    )
    page.close()
    assert len(alignments) >= 3, alignments
    assert set(alignments) <= {"left", "start"}, alignments


UNDER_THE_CHART = """() => [...document.querySelectorAll('figure:has(.bytebook-chart)')]
  .flatMap(figure => {
    const left = e => e.getBoundingClientRect().left;
    const title = left(figure.querySelector('.bytebook-live .role-title-text text'));
    const under = '.vega-bind-name, .bytebook-chart-data summary, figcaption p';
    return [...figure.querySelectorAll(under)]
      .map(e => [figure.id, e.className || e.tagName, left(e) - title]);
  })"""
"""Each slider's name, data table summary and caption under a drawn chart: its figure's id,
and how far its left edge lies from the chart's title."""


CHART_INDENTS = """() => [...document.querySelectorAll('.bytebook-chart')].map(chart => {
  const svg = chart.querySelector('.bytebook-live svg') || chart.querySelector('svg');
  return [chart.closest('figure').id, svg.getBoundingClientRect().left
    - chart.getBoundingClientRect().left];
})"""
"""Each chart's drawing: its figure's id, and how far its left edge lies from its column's."""


@pytest.mark.parametrize("page_path", ["book/ranking.html", "book/codec.html"])
def test_a_chart_narrower_than_its_column_starts_where_its_caption_does(site, browser, page_path):
    """A chart narrower than the column (Xiaomi's by-year note, 236 px narrower at 1280 px;
    the codec's charts, about 100 px) lines up with its caption and the text, on the left,
    as its static drawing and once drawn, instead of floating in the middle."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/{page_path}")
    static = page.evaluate(CHART_INDENTS)
    wait_for_charts(page)
    drawn = page.evaluate(CHART_INDENTS)
    under = page.evaluate(UNDER_THE_CHART)
    page.close()
    assert len(static) >= 3 and len(drawn) == len(static), (static, drawn)
    assert all(abs(indent) < 1 for _, indent in static + drawn), static + drawn
    # What sits under a chart (its sliders, its data table, its caption) starts where its
    # title does, not 5 px to the left of it.
    kinds = {what for _, what, _ in under}
    assert {"SUMMARY", "P"} <= kinds, kinds
    assert page_path != "book/codec.html" or "vega-bind-name" in kinds, kinds
    assert all(abs(indent) < 1.5 for _, _, indent in under), under


LEGEND_AND_RING = """() => {
  const svg = document.querySelector('#fig-recommender-cost .bytebook-live svg');
  return {
    labels: [...svg.querySelectorAll('.role-legend-label text')].map(t => ({
      text: t.textContent.trim(), lines: Math.max(1, t.querySelectorAll('tspan').length),
    })),
    rings: [...svg.querySelectorAll('[aria-label*="Where the model meets it"]')]
      .map(p => p.getAttribute('aria-label')),
  };
}"""


def test_the_recommender_legend_fits_a_phone_and_rings_the_crossing(site, browser):
    """At 390 px each legend label of the recommender's cost chart is one line, and the ring
    where the curve meets the article's figure sits at the candidates the page's text gives
    (about N candidates at the sliders' defaults)."""
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(f"{site}/book/recommender.html")
    wait_for_charts(page)
    drawn = page.evaluate(LEGEND_AND_RING)
    said = re.search(r"about ([\d,]+) candidates", page.inner_text("main"))
    page.close()
    assert drawn["labels"] and all(label["lines"] == 1 for label in drawn["labels"]), drawn
    assert said, "the page does not say how many candidates the article's cost buys"
    [ring] = drawn["rings"]
    assert f": {said.group(1)};" in ring + ";", ring


CDN_RINGS = """() => [...document.querySelectorAll(
  '#fig-codec-cdn .bytebook-live svg [aria-label*="Where the model meets it"]')]
  .map(p => p.getAttribute('aria-label'))"""


def test_the_cdn_chart_rings_where_the_saving_meets_the_article_s_figure(resized_tab):
    """The codec's CDN chart rings the point where the saving meets the article's daily figure,
    as its text asks the reader to look there: at the sliders' defaults, the list price the
    text gives (the default watch-hours are those the daily figure implies at that price)."""
    page = resized_tab("book/codec.html", 1200)
    rings = page.evaluate(CDN_RINGS)
    said = re.search(r"list price of USD ([\d.]+) per GB", page.inner_text("main"))
    assert said, "the page does not give the list price"
    [ring] = rings
    at = re.search(r"Price per GB delivered, USD: ([\d.]+)", ring)
    assert at, ring
    printed = said.group(1)
    half_step = 0.5 * 10 ** -len(printed.partition(".")[2])
    assert abs(float(at.group(1)) - float(printed)) <= half_step, (ring, printed)
    # the readout writes the price as the page does, the currency first: 'USD 0.02 per GB'
    chart = page.locator("#fig-codec-cdn")
    [[_, readout]] = chart.evaluate(READOUT_AND_SLIDERS, charts.ON_PLOT_READOUT)["readout"]
    price = re.fullmatch(r"USD ([\d.]+) per GB", readout)
    assert price, readout
    assert abs(float(price.group(1)) - float(printed)) <= half_step, (readout, printed)


STATIC_DRAWINGS = """() => [...document.querySelectorAll('.bytebook-static svg')].map(svg => {
  const scale = svg.getBoundingClientRect().width / parseFloat(svg.getAttribute('width'));
  const sizes = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim())
    .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  const box = svg.closest('.bytebook-chart');
  return { smallest: Math.min(...sizes), width: parseFloat(svg.getAttribute('width')),
           scrolls: box.scrollWidth, shown: box.clientWidth,
           sideways: getComputedStyle(box).overflowX };
})"""
"""Each static drawing: its smallest text in CSS pixels as shown, its own width, and its box's
scrolled and shown widths and sideways overflow."""


@pytest.mark.parametrize("page_path", CHART_PAGES)
def test_without_javascript_a_phone_shows_each_chart_at_a_legible_size(browser, site, page_path):
    """With JavaScript off no chart is drawn or fitted: each static drawing keeps its own size,
    its text at least SMALLEST_TEXT_PX, and its box scrolls sideways to show all of it, where
    shrinking it to a 390 px phone's column would set its text at about half that."""
    drawings = read_on_a_phone(browser, f"{site}/{page_path}", STATIC_DRAWINGS, scripts=False)
    assert drawings, "no static drawing found"
    for drawing in drawings:
        assert drawing["smallest"] >= SMALLEST_TEXT_PX - 0.05, drawing
        assert drawing["scrolls"] >= drawing["width"] and drawing["sideways"] == "auto", drawing


CHART_BOXES = """() => [...document.querySelectorAll('.bytebook-chart')].map(box => ({
  more: box.scrollWidth > box.clientWidth,
  fade: getComputedStyle(box).getPropertyValue('--bytebook-more-right'),
  mask: getComputedStyle(box).maskImage }))"""
"""Each chart's box: whether more of its chart lies beyond it, how wide its right edge fades
(`--bytebook-more-right`) and its mask."""
SCROLL_CHART_BOXES = """to => document.querySelectorAll('.bytebook-chart').forEach(box => {
  box.scrollLeft = to === 'end' ? box.scrollWidth : 0; })"""
"""Every chart box scrolled to its start or its end."""


FADE = "48px"
"""How wide the right edge of a chart box fades while more lies beyond it: 3 rem."""


def chart_boxes_scrolled(page, to: str) -> list[dict]:
    """Every chart box scrolled to its start or its end, read again every 100 ms for up to 3 s
    until each box that runs past its edge fades as it should there (the fade follows the
    scroll at the next frame, and a page without JavaScript runs no frame callbacks to wait
    on); the last reading is returned, as it should be or not."""
    page.evaluate(SCROLL_CHART_BOXES, to)
    for _ in range(30):
        page.wait_for_timeout(100)
        boxes = page.evaluate(CHART_BOXES)
        expected = FADE if to == "start" else "0px"
        if all(box["fade"] == expected for box in boxes if box["more"]):
            break
    return boxes


@pytest.mark.parametrize(("width", "scripts"), [(390, False), (1280, False), (390, True)])
def test_a_chart_that_runs_past_its_box_fades_at_the_edge_there_is_more_of_it_beyond(
    browser, site, width, scripts
):
    """Without JavaScript a static drawing keeps its own size and may run past its box (every
    chart of the codec page on a phone, its first on a laptop). While more of it lies to the
    right, the box's right edge fades out, so a reader sees there is more to scroll to; scrolled
    to its end, it does not fade. A chart that fits its box never fades; with JavaScript the
    charts are fitted to the column and nothing is masked."""
    context = browser.new_context(
        java_script_enabled=scripts, viewport={"width": width, "height": 800}, is_mobile=width < 700
    )
    page = context.new_page()
    page.goto(f"{site}/book/codec.html")
    if scripts:
        wait_for_charts(page)
    start, end = chart_boxes_scrolled(page, "start"), chart_boxes_scrolled(page, "end")
    context.close()
    assert len(start) == len(end) == 3, start
    if scripts:
        assert all(box["mask"] == "none" for box in start), start
        return
    runs_past = [box["more"] for box in start]
    assert any(runs_past) and all(runs_past) == (width < 700), start
    for at_start, at_end in zip(start, end, strict=True):
        if at_start["more"]:
            assert at_start["fade"] == FADE, at_start
            assert at_end["fade"] == "0px", at_end
        else:
            assert at_start["fade"] == at_end["fade"] == "0px", (at_start, at_end)


NOTED_CHARTS = """() => [...document.querySelectorAll('.bytebook-chart')].map(chart => {
  let next = chart.nextElementSibling;
  if (next && next.classList.contains('bytebook-chart-data')) { next = next.nextElementSibling; }
  const note = next && next.tagName === 'NOSCRIPT' ? next.querySelector('p.bytebook-noscript')
    : null;
  return [chart.id, note !== null && note.getClientRects().length > 0];
})"""
"""Each chart of the page, by id, and whether a visible line follows it (after the data behind
it) in a <noscript>."""


def slider_charts(built_book) -> dict[str, bool]:
    """Each chart of the built site, by id, and whether its spec (in the chart files the pages
    load) binds a parameter to a range input: a slider."""
    import json

    found = {}
    for path in sorted((built_book / "_static" / "charts").glob("*.json")):
        for chart_id, held in json.loads(path.read_text(encoding="utf-8")).items():
            found[chart_id] = '"input": "range"' in json.dumps(held["spec"])
    return found


@pytest.mark.parametrize("scripts", [False, True])
def test_a_slider_chart_tells_a_reader_without_scripts_why_it_has_no_sliders(
    browser, site, built_book, scripts
):
    """A chapter says "move the slider", which a reader without JavaScript cannot: under each
    chart with sliders, and only there, a line says that the chart is drawn at the sliders'
    defaults and that its sliders are not shown. With JavaScript the line is not there."""
    sliders = slider_charts(built_book)
    screen = {"width": 1280, "height": 800}
    context = browser.new_context(java_script_enabled=scripts, viewport=screen)
    page = context.new_page()
    noted, told = {}, []
    for page_path in CHART_PAGES:
        page.goto(f"{site}/{page_path}")
        shown = dict(page.evaluate(NOTED_CHARTS))
        noted |= shown
        if "Move the slider" in page.inner_text("article"):
            told.append((page_path, any(shown.values())))
    context.close()
    assert sum(sliders[chart] for chart in noted) >= 4 and len(told) >= 4, told
    assert noted == {chart: sliders[chart] and not scripts for chart in noted}
    assert all(has_note != scripts for _, has_note in told), told


UNSEEN_POINTS = """chart => [...chart.querySelectorAll('g.mark-symbol.role-mark path')]
  .filter(path => path.getAttribute('opacity') === '0')
  .map(path => { const box = path.getBoundingClientRect();
    return [box.x + box.width / 2, box.y + box.height / 2]; })"""
"""The middle of each unseen point a model curve carries at each of its steps."""

SHOWN_TOOLTIP = """() => { const tip = document.getElementById('vg-tooltip-element');
  return tip && tip.classList.contains('visible') ? tip.innerText : ''; }"""


def test_pointing_along_a_model_curve_gives_the_values_there(site, browser):
    """A reader who points at the codec's saving curve (Fig. 6) reads the price and the saving
    at that point of it, not the values of its first point wherever it is pointed at. At the
    sliders' defaults the curve is the article's USD 2 million a day at USD 0.020 per GB, pro
    rata: a saving of 100 times the price, in USD million."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/book/codec.html")
    wait_for_charts(page)
    chart = page.locator('.bytebook-chart[aria-label^="Line chart: the daily saving"]')
    chart.scroll_into_view_if_needed()
    points = chart.evaluate(UNSEEN_POINTS)
    assert len(points) >= 10, points
    read = []
    for x, y in (points[2], points[len(points) // 2], points[-3]):
        page.mouse.move(x, y)
        page.wait_for_function(f"() => ({SHOWN_TOOLTIP})() !== ''")
        numbers = re.findall(r"\d+(?:\.\d+)?", page.evaluate(SHOWN_TOOLTIP))
        read.append((float(numbers[0]), float(numbers[1])))
        page.mouse.move(0, 0)
    page.close()
    prices = [price for price, _ in read]
    assert prices == sorted(set(prices)), read
    for price, saving in read:
        assert saving == pytest.approx(100 * price, abs=0.05), read


ROWS_PER_PANEL = """() => {
  const svg = document.querySelector('#fig-summary-score .bytebook-live svg');
  return [...svg.querySelectorAll('g.role-scope g.role-scope')].map(panel => ({
    verdict: panel.querySelector('.role-title-text').textContent.trim(),
    rows: [...panel.querySelectorAll('.role-axis-label text')].map(t => t.textContent.trim())
      .filter(label => !/^[0-9]+$/.test(label)),
  }));
}"""
"""Each panel of the verdicts chart: its verdict and the section names its rows show."""


@pytest.mark.parametrize("width", [1280, 390])
def test_panels_side_by_side_share_their_rows_and_stacked_each_names_its_own(
    site, browser, ledger_rows, width
):
    """The verdicts chart's five panels side by side share one list of sections, named once by
    the first. Stacked one under another on a phone, each names its own rows, and only the
    sections with claims of its verdict (counted here from the ledger CSV's stated rows): the
    empty rows made the chart two screens tall."""
    from bytebook.article import SECTION_TITLES

    page = browser.new_page(viewport={"width": width, "height": 900}, is_mobile=width < 600)
    page.goto(f"{site}/book/summary.html")
    wait_for_charts(page)
    panels = page.evaluate(ROWS_PER_PANEL)
    page.close()
    held: dict[str, list[str]] = {}
    for section, title in SECTION_TITLES.items():
        for row in ledger_rows:
            if row["kind"] == "stated" and row["section"] == section:
                names = held.setdefault(row["verdict"], [])
                if title not in names:
                    names.append(title)
    assert sorted(panel["verdict"] for panel in panels) == sorted(held), panels
    if width == 1280:
        assert panels[0]["rows"] == list(SECTION_TITLES.values()), panels[0]
        assert all(panel["rows"] == [] for panel in panels[1:]), panels
    else:
        for panel in panels:
            assert panel["rows"] == held[panel["verdict"]], panel


LABEL_LINES = """() => [...document.querySelectorAll(
  '#fig-summary-score .bytebook-live svg .role-axis-label text')]
  .map(text => [...text.querySelectorAll('tspan')].map(line => line.textContent.trim()))
  .filter(lines => lines.length > 1)"""
"""The verdicts chart's category labels that wrap, each as its lines."""


def test_a_wrapped_section_name_keeps_its_number_with_its_name(site, browser):
    """At 320 px the verdicts chart's section names wrap; '4 海外营收排行榜' broke after its
    number, leaving a bare '4' that read as a stray tick label. A wrapped name's lines never
    hold a number alone."""
    page = browser.new_page(viewport={"width": 320, "height": 700}, is_mobile=True)
    page.goto(f"{site}/book/summary.html")
    wait_for_charts(page)
    wrapped = page.evaluate(LABEL_LINES)
    page.close()
    assert wrapped, "at 320 px some section names should wrap"
    bare = [lines for lines in wrapped if any(re.fullmatch(r"[\d.]+", line) for line in lines)]
    assert not bare, bare


PANEL_ROOM = """figure => {
  const box = figure.querySelector('.bytebook-chart');
  const svg = box.querySelector('.bytebook-live svg');
  const left = svg.getBoundingClientRect().left;
  const panels = [...svg.querySelectorAll('g.role-scope g.role-scope')];
  return { column: box.clientWidth, drawn: svg.getBoundingClientRect().width, panels: panels.length,
           right: Math.max(...panels.map(panel => panel.getBoundingClientRect().right - left)) };
}"""
"""A chart's column, its drawing's width, and how far its panels reach from the drawing's left."""


@pytest.mark.parametrize("page_path, figure", [
    ("book/summary.html", "#fig-summary-score"),
    ("book/ranking.html", "#fig-years-huawei"),
])
def test_panels_stacked_on_a_phone_take_the_column_s_width(site, browser, page_path, figure):
    """Panels drawn narrow to sit side by side are stacked on a phone, and then each takes the
    column's width: the verdicts' five panels were 90 px wide, their bars a few pixels long,
    beside a column of 342 px."""
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(f"{site}/{page_path}")
    wait_for_charts(page)
    room = page.locator(figure).evaluate(PANEL_ROOM)
    page.close()
    assert room["panels"] >= 2, room
    assert room["drawn"] <= room["column"], room
    assert room["right"] >= room["column"] - 24, room


READOUT_AND_SLIDERS = """(chart, first) => {
  const values = Object.fromEntries([...chart.querySelectorAll('input[type=range]')]
    .map(slider => [slider.name, Number(slider.value)]));
  const readout = [...chart.querySelectorAll('.bytebook-live svg text')]
    .filter(text => text.textContent.startsWith(first))
    .map(text => [...text.querySelectorAll('tspan')].map(line => line.textContent));
  return { values, readout };
}"""
"""The recommender chart's slider values, and its readout's lines."""


def test_the_recommender_s_readout_follows_the_sliders_when_the_dashed_line_lies_on_the_floor(
    site, browser, data
):
    """At the lowest utilisation and the highest price the y axis rises so far that the
    article's USD 3 per 10,000 inferences lies along the floor, with the ring on it. The
    readout still says where the curve meets it: at the candidates where 2 FLOPs per active
    parameter per candidate, at that GPU's price per FLOP, cost the article's price per
    inference."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/book/recommender.html")
    wait_for_charts(page)
    chart = page.locator(".bytebook-chart:has(input[type=range])").first
    moved = """(el, end) => {
      el.value = el[end];
      el.dispatchEvent(new Event('input', {bubbles: true}));
    }"""
    for name, end in (("utilisation", "min"), ("gpu_price", "max")):
        chart.locator(f"input[name={name}]").evaluate(moved, end)
    page.wait_for_timeout(300)
    drawn = chart.evaluate(READOUT_AND_SLIDERS, charts.ON_PLOT_READOUT)
    page.close()
    v = drawn["values"]
    usd_per_flop = v["gpu_price"] / 3600 / (v["peak_tflops"] * 1e12 * v["utilisation"])
    flops_per_candidate = 2 * v["active_bn"] * 1e9
    candidates = data.stated("s22_cost_per_inference") / (usd_per_flop * flops_per_candidate)
    assert v["utilisation"] < data.assumed("gpu_utilisation"), v  # the sliders moved
    assert drawn["readout"] == [
        [charts.ON_PLOT_READOUT, f"{candidates:,.0f} candidates scored per request"]
    ], (drawn, candidates)
