"""Every page in headless Chromium: the front page's redirect, sliders, the ledger's filter and
badges, a page first loaded dark and its tables; and the checks tests/test_accessibility.py
runs on its one load of each page per screen, light then turned dark (no console errors, no
outside requests, every chart drawn, no sideways scroll on a phone, tables that fit a laptop).

With `SCREENSHOTS=1`, screenshots of every page land in `_build/screenshots/`: desktop
(`<page>.png`), phone (`phone-<page>.png`, 390 × 844) and dark (`dark-<page>.png`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from bytebook.paths import ROOT

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "_build" / "screenshots"


def pages(built_book: Path) -> list[str]:
    """Every HTML page of the site, except copies of sources and theme assets."""
    return sorted(
        str(p.relative_to(built_book))
        for p in built_book.rglob("*.html")
        if p.relative_to(built_book).parts[0] not in ("_static", "_sources")
    )


STOCK_PAGES = ["genindex.html", "search.html"]
"""The pages Sphinx adds to every book."""


def toc_pages() -> list[str]:
    """The book's own pages, from _toc.yml (which tests/test_registry.py holds to the registry)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]] + [entry["file"] for part in toc["parts"] for entry in part["chapters"]]
    return [f"{name}.html" for name in files]


PAGES = sorted([*toc_pages(), *STOCK_PAGES])
CHART_PAGES = sorted(
    page
    for page in toc_pages()
    if "{glue:figure}" in (ROOT / page.replace(".html", ".md")).read_text(encoding="utf-8")
)
"""The pages that show at least one chart."""
REDIRECT = "index.html"


def test_the_page_list_is_complete(built_book):
    assert pages(built_book) == sorted([*PAGES, REDIRECT])


def test_the_front_page_leads_to_the_preface(site, site_answers, browser):
    """The redirect leads to the preface; nothing on the way breaks the content security
    policy or is answered 404."""
    since = len(site_answers)
    page = browser.new_page()
    seen = watch(page)
    page.goto(f"{site}/{REDIRECT}")
    page.wait_for_url("**/book/preface.html", timeout=10_000)
    page.wait_for_load_state("load")
    missing = answered_404(page, seen, site_answers, since)
    assert "Preface" in page.title()
    page.close()
    assert not [error for error in seen["errors"] if "CSP violation" in error]
    assert not missing, f"answered 404: {missing}"


REPORT_POLICY_VIOLATIONS = (
    "document.addEventListener('securitypolicyviolation', e => "
    "console.error('CSP violation: ' + e.violatedDirective + ' ' + e.sourceFile))"
)
"""Makes every breach of the page's content security policy a console error of its own."""
WATCHED_AFTER_LOAD_S = 1.5
"""How long after its load event a page is watched at least: a late script breaks the policy too."""


def watch(page) -> dict[str, list]:
    """Record, from before the page loads, its console errors (every breach of its content
    security policy among them), its requests to other hosts and when it loaded."""
    seen: dict[str, list] = {"errors": [], "outside": [], "loaded": []}
    page.add_init_script(REPORT_POLICY_VIOLATIONS)
    page.on("load", lambda _: seen["loaded"].append(time.monotonic()))
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on(
        "request",
        lambda r: (
            seen["outside"].append(r.url)
            if urlparse(r.url).hostname not in ("127.0.0.1", "localhost")
            and not r.url.startswith("data:")
            else None
        ),
    )
    return seen


ICON = (
    "() => document.querySelector('link[rel~=icon]')?.href"
    " ?? new URL('/favicon.ico', location.href).href"
)
"""The address of the icon a page names, or the one a browser asks for when it names none."""


def answered_404(page, seen: dict[str, list], answered: list[tuple[str, int]], since: int):
    """The paths the server answered 404 since its first `since` answers, read once the load
    of `page` (watched by `watch`) is waited out and its icon asked for again (Chromium asks
    for an icon once per run and address, so a later page's load may not ask); `answered` is
    the server's record (`site_answers`)."""
    wait_out_the_load(page, seen)
    page.request.get(page.evaluate(ICON))
    recent = answered[since:]
    assert recent, "the server answered no request since the page was opened"
    return [path for path, status in recent if status == 404]


MARKS = (
    "() => [...document.querySelectorAll('.bytebook-chart')].map(c => "
    'c.querySelectorAll(\'.bytebook-live svg g[class*="mark-"] > path, '
    '.bytebook-live svg g[class*="mark-"] > text, '
    '.bytebook-live svg g[class*="mark-"] > line\').length)'
)
"""How many marks each chart of the page drew."""


def wait_out_the_load(page, seen: dict[str, list]) -> None:
    """Wait, in a page watched by `watch`, until the network is idle and at least
    `WATCHED_AFTER_LOAD_S` has passed since its last load (a browser asks for the page's icon after
    its load)."""
    page.wait_for_load_state("networkidle")
    since_load = time.monotonic() - seen["loaded"][-1]
    page.wait_for_timeout(max(0.0, 1000 * (WATCHED_AFTER_LOAD_S - since_load)))


def clean_offline_and_drawn(page, seen: dict[str, list]) -> list[str]:
    """On a loaded page watched by `watch`: no console error and no breach of the policy (until
    the network is idle, and at least `WATCHED_AFTER_LOAD_S` after the load), no request to
    another host, every chart drew marks."""
    if page.locator(".bytebook-chart").count():
        wait_for_charts(page)
    marks = page.evaluate(MARKS)
    wait_out_the_load(page, seen)
    problems = []
    if seen["errors"]:
        problems.append(f"console errors: {seen['errors']}")
    if seen["outside"]:
        problems.append(f"requests to other hosts: {seen['outside']}")
    if not all(count > 0 for count in marks):
        problems.append(f"a chart drew no marks: {marks}")
    return problems


def screenshot(page, name: str) -> None:
    """Save the whole page as `_build/screenshots/<name>.png` (a long page on a busy machine
    may take more than Playwright's default 30 s to capture)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True, timeout=120_000)


SLIDER_PAGES = [
    "book/codec.html",
    "book/economics.html",
    "book/infrastructure.html",
    "book/recommender.html",
]
MOVE_TO_FAR_END = (
    "el => { el.value = Number(el.value) === Number(el.min) ? el.max : el.min;"
    " el.dispatchEvent(new Event('input', {bubbles: true})); }"
)
REDRAW_MS = 2_000
"""How long a chart may take to redraw after its slider moves."""


def redraws(chart, before: str) -> bool:
    """Whether the live drawing of `chart` (a locator) differs from `before` within REDRAW_MS."""
    try:
        chart.page.wait_for_function(
            "([chart, before]) => chart.querySelector('.bytebook-live svg').innerHTML !== before",
            arg=[chart.element_handle(), before],
            timeout=REDRAW_MS,
        )
    except PlaywrightTimeoutError:
        return False
    return True


@pytest.mark.parametrize("page_path", SLIDER_PAGES)
def test_moving_a_slider_redraws_its_chart(site, browser, page_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/{page_path}", wait_until="load")
    wait_for_charts(page)
    charts = page.locator(".bytebook-chart:has(input[type=range])")
    assert charts.count() >= 1
    for index in range(charts.count()):
        chart = charts.nth(index)
        drawing = chart.locator(".bytebook-live svg").first
        for slider in chart.locator("input[type=range]").all():
            before = drawing.inner_html()
            slider.evaluate(MOVE_TO_FAR_END)
            assert redraws(chart, before), f"chart {index} did not redraw"
    page.close()


TEXT_OUT_OF_BOX_AT_EACH_CORNER = """async chart => {
  const sliders = [...chart.querySelectorAll('input[type=range]')];
  const frame = () => new Promise(done => requestAnimationFrame(() => done()));
  const drawing = () => chart.querySelector('.bytebook-live svg');
  const settled = async () => {
    let last = '';
    for (let i = 0; i < 120; i++) {
      await frame();
      const now = drawing().getAttribute('width') + ' ' + drawing().innerHTML.length;
      if (now === last) { return; }
      last = now;
    }
  };
  const out = [];
  for (let corner = 0; corner < 2 ** sliders.length; corner++) {
    sliders.forEach((slider, i) => {
      slider.value = (corner >> i) & 1 ? slider.max : slider.min;
      slider.dispatchEvent(new Event('input', {bubbles: true}));
    });
    await settled();
    const box = chart.getBoundingClientRect();
    for (const text of drawing().querySelectorAll('text')) {
      const place = text.getBoundingClientRect();
      if (place.width && (place.left < box.left - 0.5 || place.right > box.right + 0.5)) {
        out.push(sliders.map(s => s.name + '=' + s.value).join(' ') + ': ' +
          JSON.stringify(text.textContent.slice(0, 40)));
      }
    }
  }
  return out;
}"""
"""Sets a chart's sliders to each corner of their ranges in turn (every slider at its low or its
high end), waits until the drawing stops changing, and lists every text of the drawing that
lies outside the chart's box (cut off, or reached only by scrolling the box sideways)."""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("page_path", SLIDER_PAGES)
def test_no_slider_setting_pushes_a_chart_s_text_out_of_its_box(site, browser, page_path, width):
    """A slider can make an axis label longer or move a source line: at every corner of the
    sliders' ranges, on a laptop and a phone, the chart is laid out again and every text of it
    stays inside its box (a drawing kept at its first size cut the recommender's axis title and
    the first letters of its title, and the infrastructure chart's, at the dearest settings)."""
    page = browser.new_page(viewport={"width": width, "height": 900}, is_mobile=width < 600)
    page.goto(f"{site}/{page_path}", wait_until="load")
    wait_for_charts(page)
    charts = page.locator(".bytebook-chart:has(input[type=range])")
    assert charts.count() >= 1
    out = [
        f"chart {index}: {text}"
        for index in range(charts.count())
        for text in charts.nth(index).evaluate(TEXT_OUT_OF_BOX_AT_EACH_CORNER)
    ]
    page.close()
    assert not out, "\n".join(out[:10])


READOUTS = "el => [...el.querySelectorAll('.vega-bind')].map(b => b.innerText.trim())"


def test_a_share_slider_reads_as_a_percentage(site, browser):
    """The recommender's utilisation slider reads 45% (the assumption's 0.45), not 0.45, and
    its readout follows the slider; the others keep their own numbers."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/book/recommender.html", wait_until="load")
    wait_for_charts(page)
    chart = page.locator(".bytebook-chart:has(input[type=range])").first
    readouts = chart.evaluate(READOUTS)
    assert any(r.startswith("GPU utilisation") and r.endswith("\n45%") for r in readouts), readouts
    assert not any(r.endswith("0.45") for r in readouts), readouts
    assert any(r.startswith("GPU price") and r.endswith("2.95") for r in readouts), readouts
    chart.locator("input[name=utilisation]").evaluate(
        "el => { el.value = 0.9; el.dispatchEvent(new Event('input', {bubbles: true})); }"
    )
    page.wait_for_timeout(150)
    readouts = chart.evaluate(READOUTS)
    assert any(r.startswith("GPU utilisation") and r.endswith("90%") for r in readouts), readouts
    page.close()


SLIDER_BOXES = """el => [...el.querySelectorAll('.vega-bind')].map(b => {
  const box = n => { const r = n.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
  const words = n => { const range = document.createRange(); range.selectNodeContents(n);
    return box(range); };
  const name = b.querySelector('.vega-bind-name'), input = b.querySelector('input');
  const readout = [...b.querySelectorAll('label > span, label > output')].pop();
  return {text: b.innerText.trim(), chart: box(el), bind: box(b), name: words(name),
    input: box(input), readout: box(readout)};
})"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("page_path", SLIDER_PAGES)
def test_slider_labels_sit_with_their_chart_in_tidy_rows(site, browser, page_path, width):
    """Each slider sits inside its chart's box; its name is a line of its own, above the
    slider, starting where the slider starts (both left, not the name centred over a slider
    pinned left), and the slider and its readout share the next line (no readout left alone)."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{site}/{page_path}", wait_until="load")
    wait_for_charts(page)
    sliders = [
        s
        for chart in page.locator(".bytebook-chart:has(input[type=range])").all()
        for s in chart.evaluate(SLIDER_BOXES)
    ]
    page.close()
    assert sliders
    for s in sliders:
        chart, bind, name, slider, readout = (
            s[k] for k in ("chart", "bind", "name", "input", "readout")
        )
        assert chart["left"] - 1 <= bind["left"] and bind["right"] <= chart["right"] + 1, s
        assert name["bottom"] <= slider["top"] + 1, f"name beside its slider: {s['text']!r}"
        assert abs(name["left"] - slider["left"]) <= 2, f"name apart from its slider: {s!r}"
        middle = (slider["top"] + slider["bottom"]) / 2
        assert readout["top"] <= middle <= readout["bottom"], f"ragged: {s['text']!r}"


SCROLL_PAST_CHARTS = """async () => {
  const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  for (const chart of document.querySelectorAll('.bytebook-chart')) {
    if (chart.getAttribute('data-drawn') === 'waiting') { chart.scrollIntoView(); await frame(); }
  }
  window.scrollTo(0, 0);
}"""
"""Bring each chart still waiting for the reader into view, one screen at a time, then go back
to the top (the chart script draws a chart as it scrolls into view)."""


def wait_for_charts(page) -> None:
    page.evaluate(SCROLL_PAST_CHARTS)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.bytebook-chart')]"
        ".every(c => c.getAttribute('data-drawn') === 'true')",
        timeout=15_000,
    )


def test_charts_off_the_first_screen_wait_with_their_static_drawing(site, browser):
    """The ranking page's charts below the first screen keep their static SVG, undrawn, until
    the reader scrolls to one; then it alone of them is drawn."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{site}/book/ranking.html", wait_until="load")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.bytebook-chart')]"
        ".some(c => c.getAttribute('data-drawn') === 'waiting')"
    )
    last = page.locator(".bytebook-chart").last
    assert last.get_attribute("data-drawn") == "waiting"
    assert last.locator(".bytebook-static svg").count() == 1
    assert last.locator(".bytebook-live").count() == 0
    last.scroll_into_view_if_needed()
    page.wait_for_function(
        "el => el.getAttribute('data-drawn') === 'true'", arg=last.element_handle()
    )
    assert last.locator(".bytebook-live svg").count() == 1
    assert page.locator(".bytebook-chart").first.get_attribute("data-drawn") == "waiting"
    page.close()


FIRST_SCREEN_DRAWN = (
    "() => { const shown = [...document.querySelectorAll('.bytebook-chart')].filter(c => { "
    "const box = c.getBoundingClientRect(); return box.bottom > 0 && box.top < innerHeight; }); "
    "return shown.length > 0 && shown.every(c => c.getAttribute('data-drawn') === 'true'); }"
)


def test_the_first_screen_s_chart_is_drawn_without_waiting_for_the_theme_s_scripts(site, browser):
    """The chart script starts once the runtime, the palette and the style sheets are in, not
    after the theme's deferred scripts: with Sphinx's helpers (`doctools.js`, the first of them)
    held back, so that no deferred script runs and the page never reaches DOMContentLoaded, the
    chart on the summary page's first screen is drawn all the same. (On a busy machine it may
    be drawn while the parser still reads the rest of the page: either way, before
    DOMContentLoaded.)"""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => { window.contentLoaded = true; })"
    )
    held = []
    page.route("**/doctools.js*", lambda route: held.append(route))
    page.goto(f"{site}/book/summary.html", wait_until="commit")
    page.wait_for_function(FIRST_SCREEN_DRAWN, timeout=15_000)
    assert held, "the page never asked for doctools.js"
    assert page.evaluate("window.contentLoaded") is None, "the page reached DOMContentLoaded"
    assert page.evaluate("document.readyState") in ("loading", "interactive")
    page.close()


def test_a_style_sheet_that_fails_to_load_holds_no_chart_back(site, browser):
    """The chart script waits for the page's style sheets before it fits a chart to its column,
    but not for one that failed: with a style sheet of the theme refused, even before the chart
    script has run, the chart on the summary page's first screen is drawn all the same."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    refused, held = [], []
    page.route("**/togglebutton.css*", lambda route: (refused.append(route), route.abort()))
    page.route("**/bytebook-charts.js*", lambda route: held.append(route))
    page.goto(f"{site}/book/summary.html", wait_until="commit")
    page.wait_for_function("() => !!document.querySelector('link[href*=togglebutton]')")
    page.wait_for_timeout(500)  # the refusal reaches the page before the chart script
    assert refused and held, "the page asked for neither the style sheet nor the chart script"
    held[0].continue_()
    page.wait_for_function(FIRST_SCREEN_DRAWN, timeout=15_000)
    page.close()


SHEET_LEFT_NULL = """
(() => {
  const sheet = Object.getOwnPropertyDescriptor(HTMLLinkElement.prototype, "sheet").get;
  Object.defineProperty(HTMLLinkElement.prototype, "sheet", {
    get() { return /togglebutton/.test(this.href) ? null : sheet.call(this); },
  });
})();
"""
"""Makes the page read one style sheet's `link.sheet` as null for good, as a browser may leave
it after a failed load whose error event came before the chart script could listen."""


def test_a_style_sheet_left_without_a_sheet_holds_no_chart_back(site, browser):
    """The chart script waits for a style sheet whose `link.sheet` is null until that link's
    load or error event; where neither will come (the sheet read as null for good, its load
    over before the chart script runs), the window's load event ends the wait and the chart on
    the summary page's first screen is drawn all the same."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.add_init_script(SHEET_LEFT_NULL)
    held = []
    page.route("**/bytebook-charts.js*", lambda route: held.append(route))
    page.goto(f"{site}/book/summary.html", wait_until="commit")
    page.wait_for_function("() => !!document.querySelector('link[href*=togglebutton]')")
    page.wait_for_timeout(500)  # the style sheet is in before the chart script runs
    assert held, "the page never asked for the chart script"
    assert page.evaluate("document.querySelector('link[href*=togglebutton]').sheet") is None
    held[0].continue_()
    page.wait_for_function(FIRST_SCREEN_DRAWN, timeout=15_000)
    page.close()


COMPILER = "vega-lite-bundle.js"
EVERY_CHART_DRAWN_DARK = (
    "() => document.documentElement.dataset.theme === 'dark' && [...document.querySelectorAll("
    "'.bytebook-chart')].every(c => c.getAttribute('data-drawn') === 'true')"
)


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize(
    "page_path", ["book/ranking.html", "book/economics.html", "book/summary.html"]
)
def test_charts_fit_and_follow_the_theme_without_the_vega_lite_compiler(
    site, browser, page_path, width
):
    """Every chart draws from the Vega spec the build compiled, changed in the page to fit its
    column (on a phone: a narrower plot, panels stacked, labels wrapped, legends one entry a
    line) and redrawn dark with its sliders where the reader moved them: the page never asks
    for the Vega-Lite compiler."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{site}/{page_path}", wait_until="load")
    charts = page.locator(".bytebook-chart")
    for index in range(charts.count()):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        page.wait_for_function(
            "el => el.getAttribute('data-drawn') === 'true'", arg=chart.element_handle()
        )
    sliders = page.locator(".bytebook-chart input[type=range]")
    moved = []
    for slider in sliders.all():
        slider.evaluate(MOVE_TO_FAR_END)
        moved.append(slider.input_value())
    page.emulate_media(color_scheme="dark")
    page.wait_for_function(EVERY_CHART_DRAWN_DARK, timeout=30_000)
    assert [slider.input_value() for slider in sliders.all()] == moved
    assert not [url for url in asked if COMPILER in url]
    page.close()


VISIBLE_ICONS = """() => [...document.querySelectorAll('.fa-solid, .fas')]
  .filter(icon => icon.getBoundingClientRect().width > 0)
  .map(icon => ({
    name: icon.className,
    glyph: getComputedStyle(icon, '::before').content,
    font: getComputedStyle(icon).fontFamily,
  }))"""


def test_the_theme_s_icons_are_drawn_from_its_icon_font(site, browser):
    """The pages load no Font Awesome script: the icons they show (menu, search, theme switch,
    downloads) are the theme's own elements, drawn with Font Awesome's icon font."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/book/economics.html", wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    icons = page.evaluate(VISIBLE_ICONS)
    names = " ".join(icon["name"] for icon in icons)
    for shown in ("fa-bars", "fa-magnifying-glass", "theme-switch", "fa-download"):
        assert shown in names
    for icon in icons:
        assert icon["glyph"] not in ("none", "normal", ""), icon
        assert "Font Awesome 6 Free" in icon["font"], icon
    assert page.evaluate("""document.fonts.check('900 16px "Font Awesome 6 Free"')""")
    assert page.locator("svg.svg-inline--fa").count() == 0
    page.close()


MARK_CHINESE_TEXT = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const holders = new Set();
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (/\\p{Script=Han}/u.test(text.data)) holders.add(text.parentElement);
  }
  [...holders].forEach((holder, index) => holder.setAttribute('data-chinese-text', index));
  return holders.size;
}"""
"""Marks every element that holds Chinese text of its own; returns how many there are."""

OTHER_CJK_REGIONS = (" JP", " KR", " TC", " HK")
"""How the names of CJK fonts for Japanese, Korean and Traditional Chinese end: Noto Sans CJK JP."""


@pytest.mark.parametrize("page_path", ["book/ranking.html", "book/glossary.html"])
def test_chinese_text_is_drawn_in_a_simplified_chinese_font(site, browser, page_path):
    """Chinese in a page read as English (headings, table cells, navigation, not only the quotes
    marked `lang="zh"`) is drawn in Noto Sans CJK SC, never in a Japanese, Korean or
    Traditional Chinese font, whose glyph forms differ. Elements not drawn (hidden, or a
    static drawing off the screen) use no font and are passed over."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/{page_path}", wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    assert page.evaluate(MARK_CHINESE_TEXT) > 5
    devtools = page.context.new_cdp_session(page)
    devtools.send("DOM.enable")
    devtools.send("CSS.enable")
    root = devtools.send("DOM.getDocument")["root"]["nodeId"]
    holders = devtools.send(
        "DOM.querySelectorAll", {"nodeId": root, "selector": "[data-chinese-text]"}
    )
    drawn, wrong = 0, []
    for node in holders["nodeIds"]:
        fonts = devtools.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        families = {font["familyName"] for font in fonts}
        drawn += bool(families)
        other_forms = [family for family in families if family.endswith(OTHER_CJK_REGIONS)]
        if families and ("Noto Sans CJK SC" not in families or other_forms):
            text = devtools.send("DOM.getOuterHTML", {"nodeId": node})["outerHTML"][:80]
            wrong.append((text, sorted(families)))
    page.close()
    assert drawn > 5
    assert not wrong, wrong[:5]


def wait_until_ready(page) -> None:
    """Wait until every chart is drawn and the ledger's table is enhanced."""
    if page.locator(".bytebook-chart").count():
        wait_for_charts(page)
    if page.locator("table.ledger-table").count():
        page.wait_for_selector("table.ledger-table[data-enhanced=true]")


@contextmanager
def read_only_tabs(site: str, browser) -> Iterator[Callable[..., object]]:
    """`tab(page_path, viewport, is_mobile=False, scheme="light")`: the page loaded and ready at
    that screen, loaded once and given again to each test that asks for it at that screen;
    those tests only read it (they neither scroll, click, type nor resize it). The tabs close
    on leaving."""
    tabs: dict[tuple, object] = {}

    def tab(page_path: str, viewport: dict, is_mobile: bool = False, scheme: str = "light"):
        key = (page_path, viewport["width"], viewport["height"], is_mobile, scheme)
        if key not in tabs:
            page = browser.new_page(viewport=viewport, is_mobile=is_mobile, color_scheme=scheme)
            page.goto(f"{site}/{page_path}")
            wait_until_ready(page)
            tabs[key] = page
        return tabs[key]

    try:
        yield tab
    finally:
        for page in tabs.values():
            page.close()


LAID_OUT = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
"""Resolves once the page has been laid out and drawn again, its resize observers answered."""


@contextmanager
def resized_tabs(site: str, browser) -> Iterator[Callable[..., object]]:
    """`tab(page_path, width, height=900)`: the page (light, in a desktop window) loaded and ready
    once, then resized to each screen asked for and laid out again, as a reader resizes a window;
    the tests that ask for it only read it (they neither scroll, click nor type). A chart fitted
    to another width is redrawn a moment after a resize: a test of the charts loads its own page.
    The tabs close on leaving."""
    tabs: dict[str, object] = {}

    def tab(page_path: str, width: int, height: int = 900):
        viewport = {"width": width, "height": height}
        if page_path not in tabs:
            page = browser.new_page(viewport=viewport)
            page.goto(f"{site}/{page_path}")
            wait_until_ready(page)
            tabs[page_path] = page
        page = tabs[page_path]
        if page.viewport_size != viewport:
            page.set_viewport_size(viewport)
            page.evaluate(LAID_OUT)
        return page

    try:
        yield tab
    finally:
        for page in tabs.values():
            page.close()


@pytest.fixture(scope="module")
def verdict_counts(ledger_rows) -> dict[str, int]:
    """Verdict counts of the article's printed claims from the ledger command, independent of
    the page (the verdict filter, like the summary's scorecard, counts those only)."""
    counts: dict[str, int] = {}
    for row in ledger_rows:
        if row["kind"] == "stated":
            counts[row["verdict"]] = counts.get(row["verdict"], 0) + 1
    return counts


def test_filtering_the_ledger_by_verdict(site, browser, verdict_counts, ledger_rows):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/book/ledger.html")
    page.wait_for_selector("table.ledger-table[data-enhanced=true]")
    rows = page.locator("table.ledger-table tbody tr")
    assert rows.count() == len(ledger_rows)
    page.locator(".dtsp-searchPane .verdict-contradicted").first.click()
    page.wait_for_function(
        f"() => document.querySelectorAll('table.ledger-table tbody tr').length === "
        f"{verdict_counts['contradicted']}"
    )
    shown = page.eval_on_selector_all(
        "table.ledger-table tbody tr td[data-th=Verdict]",
        "cells => cells.map(c => c.dataset.pane)",
    )
    assert set(shown) == {"contradicted"}
    page.close()


def test_a_badge_lands_on_its_ledger_row(site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/book/ranking.html")
    link = page.locator("table.chapter-claims a[href*='ledger.html#claim-']").first
    target = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(f"**/book/ledger.html#{target}")
    page.wait_for_selector("table.ledger-table[data-enhanced=true]")
    page.wait_for_timeout(300)
    box = page.locator(f"#{target}").bounding_box()
    assert box is not None and 0 <= box["y"] < 900, box
    back = page.locator(f"#{target} a[href*='#claim-']")
    assert back.get_attribute("href") == f"ranking.html#{target}"
    page.close()


def no_sideways_scroll(page, page_path: str) -> list[str]:
    """On a phone-sized page with its charts drawn: nothing scrolls sideways."""
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return [] if overflow <= 1 else [f"{page_path} scrolls sideways by {overflow}px"]


def tables_fit(page, page_path: str) -> list[str]:
    """On a laptop-sized page with the ledger's table enhanced: tables shown on the page (not the
    chart data folded away under each chart) fit the text column."""
    hidden = page.evaluate(
        "() => [...document.querySelectorAll('.bytebook-table table')]"
        ".filter(t => !t.closest('details'))"
        ".map(t => t.scrollWidth - t.closest('.bytebook-table').clientWidth)"
        ".filter(px => px > 1)"
    )
    return [f"{page_path}: tables reach {hidden} px past the text column"] if hidden else []


def test_dark_mode_tables_follow_the_theme(site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page.goto(f"{site}/book/ledger.html")
    page.wait_for_selector("table.ledger-table[data-enhanced=true]")
    theme = page.evaluate("document.documentElement.dataset.theme")
    dark_class = page.evaluate("document.documentElement.classList.contains('dark')")
    panel = page.evaluate(
        "() => getComputedStyle(document.querySelector('.bytebook-table').parentElement)"
        ".backgroundColor"
    )
    page.close()
    assert theme == "dark", "a page loaded on a dark system did not start dark"
    assert dark_class, "the table library was not told the page is dark"
    assert panel == "rgba(0, 0, 0, 0)", f"the ledger sits on a light panel ({panel})"


def test_a_search_word_the_page_does_not_hold_leaves_no_button(site, browser):
    """A word the search page stored that a page does not hold marks nothing there, and no
    "Hide Search Matches" button is offered for matches that are not there."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/book/glossary.html", wait_until="load")
    page.evaluate("localStorage.setItem('sphinx_highlight_terms', 'zzyzxq')")
    page.goto(f"{site}/book/preface.html", wait_until="load")
    page.wait_for_timeout(300)
    marked, buttons = page.evaluate(
        "() => [document.querySelectorAll('.highlighted').length,"
        " document.querySelectorAll('#searchbox .highlight-link').length]"
    )
    page.close()
    assert (marked, buttons) == (0, 0)


@pytest.mark.parametrize("word", ["抖音", "ByteDance"])
def test_search_matches_are_highlighted_and_hidden_by_a_button(site, browser, word):
    """A page opened from a search result (`?highlight=`) marks the word; the control that hides
    the marks is a button, not a `javascript:` link (which the pages' policy would refuse), and
    hides them with no console error."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    seen = watch(page)
    page.goto(f"{site}/book/preface.html?highlight={word}", wait_until="load")
    page.wait_for_selector("span.highlighted")
    marked = page.eval_on_selector_all("span.highlighted", "els => els.map(e => e.textContent)")
    assert marked and {m.lower() for m in marked} == {word.lower()}, marked
    scripted = page.eval_on_selector_all(
        "[href]", "els => els.map(e => e.getAttribute('href')).filter("
        "h => h.trim().toLowerCase().startsWith('javascript:'))"
    )
    assert scripted == []
    page.locator("#searchbox .highlight-link button").click()
    page.wait_for_timeout(200)
    assert page.locator("span.highlighted").count() == 0
    assert page.locator("#searchbox .highlight-link").count() == 0
    assert seen["errors"] == []
    page.close()


FOCUS_RING = """() => {
  const shown = element => {
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && !style.boxShadow.startsWith('rgba(0, 0, 0, 0)');
    return outline || shadow;
  };
  const focused = document.activeElement;
  const ringed = focused.closest('form') || focused;
  return {name: focused.getAttribute('aria-label') || focused.textContent.trim().slice(0, 40),
          ring: shown(focused) || shown(ringed)};
}"""
"""What has the keyboard's focus, and whether it (or the form it is in) shows a ring."""


@pytest.mark.parametrize("width", [390, 1280])
def test_every_control_the_keyboard_reaches_first_shows_a_ring(site, browser, width):
    """Tabbing through a chapter from its skip link to the download button (the header's
    buttons, and on a laptop the navigation between), each stop shows where the keyboard is;
    the menu and download buttons showed none."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(f"{site}/book/summary.html", wait_until="load")
    stops = []
    while len(stops) < 40 and (not stops or stops[-1]["name"] != "Download this page"):
        page.keyboard.press("Tab")
        page.wait_for_timeout(250)  # a ring that fades in has come
        stops.append(page.evaluate(FOCUS_RING))
    page.close()
    names = [stop["name"] for stop in stops]
    assert names[-1] == "Download this page", names
    assert "Toggle primary sidebar" in names or width > 960, names
    assert [stop for stop in stops if not stop["ring"]] == []


SIDEBAR_PLACES = """() => {
  const sidebar = document.querySelector('div.bd-sidebar');
  const links = sidebar.querySelectorAll('.bd-docs-nav .active');
  const top = sidebar.getBoundingClientRect().top;
  return {scrolled: sidebar.scrollTop,
          titleTop: sidebar.querySelector('.navbar-brand').getBoundingClientRect().top - top,
          linkBottom: links[links.length - 1].getBoundingClientRect().bottom - top,
          height: sidebar.clientHeight};
}"""
"""Where the navigation beside the article stands: how far it is scrolled, and where the book's
title and the current page's link are, from its top."""


@pytest.mark.parametrize(
    ("page_path", "height"), [("summary", 900), ("summary", 480), ("ledger", 800)]
)
def test_the_navigation_shows_the_book_s_title_when_the_page_s_link_shows_too(
    site, browser, page_path, height
):
    """Opening the summary, low in the list, in a fresh tab on a laptop 900 px tall, the
    navigation is not scrolled: the current page's link shows with the book's title above it,
    whole. Where the link would not show from the top (the summary 480 px tall, the ledger's
    link, lower still, 800 px tall), the navigation is scrolled only as far as it takes to show
    it, which leaves the link at the bottom; the theme scrolled further, cutting off more of
    the title and the search box above the list."""
    page = browser.new_page(viewport={"width": 1280, "height": height})
    page.goto(f"{site}/book/{page_path}.html", wait_until="load")
    places = page.evaluate(SIDEBAR_PLACES)
    page.close()
    assert places["linkBottom"] <= places["height"], places
    if height == 900:
        assert places["scrolled"] == 0 and places["titleTop"] >= 0, places
    else:
        assert places["scrolled"] > 0, places
        assert places["linkBottom"] >= places["height"] - 2 * LINK_MARGIN, places


LINK_MARGIN = 8
"""Pixels the navigation leaves under the current page's link when it scrolls to show it."""


def test_a_tap_on_a_header_button_leaves_no_tooltip_over_the_page(site, browser):
    """On a phone, tapping the theme's switch changes the scheme and leaves no tooltip over the
    heading (one stayed there until the reader tapped elsewhere); with a mouse, hovering the
    switch still shows its tooltip."""
    phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone.goto(f"{site}/book/economics.html", wait_until="load")
    before = phone.evaluate("document.documentElement.dataset.theme")
    # A tap, as a phone's browser passes it on: the touch, then the mouse events it stands for
    # (Chromium's headless shell sends no mouse events for a tap of its own).
    phone.locator(".theme-switch-button").first.tap()
    phone.locator(".theme-switch-button").first.hover()
    phone.wait_for_timeout(900)  # past the tooltip's 500 ms delay
    after = phone.evaluate("document.documentElement.dataset.theme")
    tooltips_on_phone = phone.locator(".tooltip").count()
    phone.close()
    laptop = browser.new_page(viewport={"width": 1280, "height": 900})
    laptop.goto(f"{site}/book/economics.html", wait_until="load")
    laptop.locator(".theme-switch-button").first.hover()
    laptop.wait_for_timeout(900)
    tooltips_on_laptop = laptop.locator(".tooltip.show").count()
    laptop.close()
    assert after != before
    assert tooltips_on_phone == 0
    assert tooltips_on_laptop == 1


SEARCH_BOX_PLACES = """form => {
  const glass = form.querySelector('.fa-magnifying-glass').getBoundingClientRect();
  const box = form.querySelector('input');
  const padding = parseFloat(getComputedStyle(box).paddingLeft);
  return {glassRight: glass.right, glassWidth: glass.width,
          textStart: box.getBoundingClientRect().left + padding};
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_search_page_s_magnifying_glass_sits_before_the_query(site, browser, width):
    """On the search page, the box's magnifying glass ends before the query's first character
    begins, on a phone and a laptop: drawn over it, "抖音" read as "Q抖音"."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(f"{site}/search.html?q=抖音", wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    places = page.eval_on_selector(".bd-search-container form.bd-search", SEARCH_BOX_PLACES)
    page.close()
    assert places["glassWidth"] > 0, places
    assert places["glassRight"] <= places["textStart"], places


VALUE_IN_TEXT = (
    r"(?:(?:USD|CNY) )?[−-]?\d[\d,]*(?:\.\d+)?\+?"
    r"(?: ?(?:亿元|亿|万元|万)|%|×"
    r"| (?:bn|million|billion|trillion|Mbps|kbps|ms|s|percentage points)(?![\w/]))"
    r"|(?:USD|CNY) \d[\d,]*(?:\.\d+)?"
)
"""A value with its unit or currency, as a reader sees it ('USD 39 bn', '1,000亿', '25%')."""
BROKEN_VALUES = r"""(table, pattern) => {
  // Each character of each cell with the top of the line it is drawn on; a value written with
  // its unit or currency must sit on one line.
  const value = new RegExp(pattern, "g");
  const broken = [];
  for (const cell of table.querySelectorAll("td")) {
    let text = "";
    const tops = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rects = [...range.getClientRects()].filter(r => r.width > 0);
        text += node.data[i];
        tops.push(rects.length ? Math.round(rects[0].top) : null);
      }
    }
    for (const m of text.matchAll(value)) {
      const lines = new Set(tops.slice(m.index, m.index + m[0].length).filter(t => t !== null));
      if (lines.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_no_value_in_the_policy_table_breaks_across_lines(resized_tab, width):
    """The verdict policy's examples keep each value with its unit ('1,000亿', 'USD 39 bn')."""
    table = resized_tab("book/methods.html", width).locator("table.policy")
    values = table.evaluate(
        "t => [...t.querySelectorAll('td')].map(c => c.innerText).join(' ')"
    )
    broken = table.evaluate(BROKEN_VALUES, VALUE_IN_TEXT)
    assert "亿" in values and "%" in values
    assert broken == [], broken


TOOLTIP_COLOURS = """() => {
  const tip = getComputedStyle(document.getElementById('vg-tooltip-element'));
  return [tip.backgroundColor, tip.color, getComputedStyle(document.body).backgroundColor];
}"""


def _channels(css_colour: str) -> list[float]:
    """'rgb(18, 18, 18)' or 'rgba(255, 255, 255, 0.95)' as its numbers (alpha 1 when absent)."""
    numbers = [float(n) for n in css_colour[css_colour.index("(") + 1 : -1].split(",")]
    return numbers if len(numbers) == 4 else [*numbers, 1.0]


def _luminance(channels: list[float]) -> float:
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        for c in (v / 255 for v in channels[:3])
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def phone_chart(site: str, browser, page_path: str, mark: str):
    """A 390 px touch phone on `page_path`, and its first chart with a `mark` ('mark-rect'),
    scrolled into view and drawn."""
    phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone.goto(f"{site}/{page_path}", wait_until="load")
    chart = phone.locator(f".bytebook-chart:has(.{mark})").first
    drawn_in_view(phone, chart)
    return phone, chart


def drawn_in_view(page, chart) -> None:
    """Scroll `chart` into view and wait until the chart script has drawn it."""
    chart.scroll_into_view_if_needed()
    page.wait_for_function(
        "el => el.getAttribute('data-drawn') === 'true'", arg=chart.element_handle()
    )


def test_a_tap_on_a_chart_s_mark_shows_its_tooltip_and_a_tap_beside_or_a_scroll_hides_it(
    site, browser
):
    """On a phone nothing hovers: a tap on a bar shows the bar's values, as hovering does with
    a mouse (the first bar: 2023's revenue abroad, USD 39 bn ÷ 1.63 = USD 23.9 bn); a tap on the
    chart beside the marks takes them away, and so does a scroll of the page, under which the
    fixed tooltip would otherwise stay."""
    assert f"{39 / 1.63:.1f}" == "23.9"
    phone, chart = phone_chart(site, browser, "book/overseas.html", "mark-rect")
    shown = "#vg-tooltip-element.visible"
    hidden = "#vg-tooltip-element:not(.visible)"
    bar = chart.locator(".bytebook-live .mark-rect path").first
    bar.tap()
    phone.wait_for_selector(shown, timeout=5_000)
    text = phone.locator("#vg-tooltip-element").inner_text()
    chart.locator(".bytebook-live svg").first.tap(position={"x": 5, "y": 5})
    phone.wait_for_selector(hidden, state="attached", timeout=5_000)
    bar.tap()
    phone.wait_for_selector(shown, timeout=5_000)
    phone.mouse.wheel(0, 300)
    phone.wait_for_selector(hidden, state="attached", timeout=5_000)
    phone.close()
    assert "23.9" in text, text


def test_a_tap_on_a_screen_that_also_has_a_mouse_shows_the_tooltip_and_hovering_still_does(
    site, browser
):
    """A laptop with a touch screen hovers (its mouse does), so a tap there was taken for a
    mouse: the mouse events the tap stands for hid its tooltip at once. On the first bar (2023's
    revenue abroad, USD 39 bn ÷ 1.63 = USD 23.9 bn): the mouse shows its tooltip by hovering
    and hides it by leaving; a tap outside the chart hides a tooltip the mouse showed; a tap on
    the bar shows it and keeps it shown, until the mouse moves; and a pen's tap shows it too."""
    assert f"{39 / 1.63:.1f}" == "23.9"
    laptop = browser.new_page(viewport={"width": 1280, "height": 900})
    laptop.goto(f"{site}/book/overseas.html", wait_until="load")
    assert not laptop.evaluate("matchMedia('(hover: none)').matches")
    chart = laptop.locator(".bytebook-chart:has(.mark-rect)").first
    drawn_in_view(laptop, chart)
    place = chart.locator(".bytebook-live .mark-rect path").first.bounding_box()
    bar = (place["x"] + place["width"] / 2, place["y"] + place["height"] / 2)
    outside = (bar[0], chart.bounding_box()["y"] - 20)
    device = laptop.context.new_cdp_session(laptop)

    def tap(at: tuple[float, float]) -> None:
        point = {"x": at[0], "y": at[1]}
        device.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [point]})
        device.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

    def shown() -> bool:
        laptop.wait_for_timeout(300)  # a tap's mouse events had hidden it by then
        return laptop.locator("#vg-tooltip-element.visible").count() == 1

    seen = {}
    laptop.mouse.move(*bar)
    seen["hovered"] = shown()
    laptop.mouse.move(1, 1)
    seen["left"] = shown()
    laptop.mouse.move(*bar)
    seen["hovered again"] = shown()
    tap(outside)
    seen["tapped outside"] = shown()
    tap(bar)
    seen["tapped"] = shown()
    text = laptop.locator("#vg-tooltip-element").inner_text()
    laptop.mouse.move(1, 1)
    seen["mouse moved"] = shown()
    pen = {"x": bar[0], "y": bar[1], "button": "left", "clickCount": 1, "pointerType": "pen"}
    for kind in ("mousePressed", "mouseReleased"):
        device.send("Input.dispatchMouseEvent", {"type": kind, **pen})
    seen["pen"] = shown()
    laptop.close()
    assert seen == {
        "hovered": True,
        "left": False,
        "hovered again": True,
        "tapped outside": False,
        "tapped": True,
        "mouse moved": False,
        "pen": True,
    }
    assert "23.9" in text, text


TOOLTIP_BOX = """() => { const box = document.getElementById('vg-tooltip-element');
  if (!box || !box.classList.contains('visible')) { return null; }
  const r = box.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; }"""


def test_a_tapped_tooltip_stays_inside_a_phone_s_screen(site, browser):
    """vega-tooltip sets the box beside the tap and, where no side fits, past the screen's
    edge (the split's bars near the left put it at x = −131): every bar of the economics
    page's charts, tapped on a 390 px phone, shows its tooltip wholly on the screen."""
    phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone.goto(f"{site}/book/economics.html", wait_until="load")
    boxes = []
    for chart in phone.locator(".bytebook-chart:has(.mark-rect)").all():
        drawn_in_view(phone, chart)
        for bar in chart.locator(".bytebook-live .mark-rect path").all():
            bar.scroll_into_view_if_needed()
            place = bar.bounding_box()
            if min(place["width"], place["height"]) < 2:
                continue  # a bar of zero: nothing to tap
            phone.touchscreen.tap(place["x"] + place["width"] / 2, place["y"] + place["height"] / 2)
            phone.wait_for_selector("#vg-tooltip-element.visible", timeout=5_000)
            boxes.append(phone.evaluate(TOOLTIP_BOX))
    phone.close()
    assert len(boxes) >= 8, boxes
    outside = [box for box in boxes if box[0] < 0 or box[1] > 390 or box[2] < 0 or box[3] > 844]
    assert not outside, outside


def test_a_tap_on_a_line_reads_the_point_tapped(site, browser, data):
    """A tap on a line is a click on one mark, which carries the line's first point: the CapCut
    curve's tooltip read 0 paying users wherever it was tapped. The curve runs straight from 0 to
    40 million payers, so tapped a quarter and three quarters of the way along it reads about
    10 and about 30."""
    from bytebook.book import all_findings
    from bytebook.figures import economics

    payers = [row["payers_m"] for row in economics_frame(economics, all_findings(data), data)]
    low, high = min(payers), max(payers)
    expected = [low + share * (high - low) for share in (0.25, 0.75)]
    assert expected == [10, 30]
    phone, chart = phone_chart(site, browser, "book/economics.html", "mark-line")
    line = chart.locator(".bytebook-live .mark-line path").first.bounding_box()
    shown = []
    for share in (0.25, 0.75):  # the line rises straight across its box
        across, up = line["x"] + line["width"] * share, line["y"] + line["height"] * (1 - share)
        phone.touchscreen.tap(across, up)
        phone.wait_for_selector("#vg-tooltip-element.visible", timeout=5_000)
        shown.append(float(phone.locator("#vg-tooltip-element td.value").first.inner_text()))
    phone.close()
    assert shown == pytest.approx(expected, abs=1.5), shown


def economics_frame(economics, findings, data) -> list[dict]:
    """The rows the CapCut curve is drawn over, as its Vega-Lite spec holds them."""
    spec = economics.capcut(findings["economics"], data).to_dict()
    return next(rows for rows in spec["datasets"].values() if "payers_m" in rows[0])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_chart_s_tooltip_wears_the_page_s_colours(site, browser, scheme):
    """Vega-tooltip's own style is light whatever the page: on a dark page its pale, translucent
    box let the chart show through. The tooltip is opaque, its text meets WCAG AA on it, and it
    is light or dark as the page is."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page.goto(f"{site}/book/infrastructure.html", wait_until="load")
    chart = page.locator(".bytebook-chart:has(.mark-symbol)").first
    chart.scroll_into_view_if_needed()
    page.wait_for_function(
        "el => el.getAttribute('data-drawn') === 'true'", arg=chart.element_handle()
    )
    chart.locator(".bytebook-live .mark-symbol path").first.hover()
    page.wait_for_selector("#vg-tooltip-element.visible")
    background, text, body = (_channels(c) for c in page.evaluate(TOOLTIP_COLOURS))
    page.close()
    assert background[3] == 1.0, background
    lighter, darker = sorted((_luminance(background), _luminance(text)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5, (background, text)
    assert (_luminance(background) > 0.5) == (_luminance(body) > 0.5), (background, body)


CHINESE_WORDS_BROKEN = """() => {
  const broken = [];
  const cells = document.querySelectorAll('.bytebook-table :is(th, td[data-th="Company"], '
    + 'td[data-th="公司 Company"], td[data-th="Section"])');
  for (const cell of cells) {
    if (!cell.getClientRects().length) { continue; }
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/[\\u4e00-\\u9fff]+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map(box => Math.round(box.top)));
        if (lines.size > 1) { broken.push(word[0]); }
      }
    }
  }
  return broken;
}"""
"""The Chinese words in tables' headers, company names and section titles drawn on more than
one line."""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("page_path", ["book/ranking.html", "book/summary.html"])
def test_no_chinese_word_breaks_inside_a_header_or_a_name(site, browser, page_path, width):
    """A table's header, a company's name and a section's title break at a space, never inside
    a Chinese word: the re-sorted table once read "海尔智 / 家" and "(亿 / 元)"."""
    page = browser.new_page(viewport={"width": width, "height": 900}, is_mobile=width < 600)
    page.goto(f"{site}/{page_path}", wait_until="load")
    broken = page.evaluate(CHINESE_WORDS_BROKEN)
    page.close()
    assert not broken, broken


NO_SCRIPT_COLOURS = """() => {
  const bar = document.querySelector('.bd-header-article');
  return [document.documentElement.dataset.theme,
    getComputedStyle(document.documentElement).getPropertyValue('--pst-color-background').trim(),
    getComputedStyle(bar).backgroundColor, getComputedStyle(document.body).backgroundColor];
}"""


def read_on_a_phone(browser, url: str, script: str, scripts: bool):
    """What `script` returns on the page at `url`, loaded at a phone's screen with JavaScript
    on or off (`scripts`) in a context of its own."""
    context = browser.new_context(
        java_script_enabled=scripts, viewport={"width": 390, "height": 800}, is_mobile=True
    )
    page = context.new_page()
    page.goto(url)
    found = page.evaluate(script)
    context.close()
    return found


def test_without_javascript_a_page_wears_the_light_theme(site, browser):
    """The theme colours a page once its script has chosen light or dark; without JavaScript the
    page is light, so the bar that stays at the top of a phone's screen covers the text
    scrolling under it instead of leaving its buttons over that text."""
    theme, background, bar, body = read_on_a_phone(
        browser, f"{site}/book/codec.html", NO_SCRIPT_COLOURS, scripts=False
    )
    assert theme == "light"
    assert background and bar == body != "rgba(0, 0, 0, 0)", (background, bar, body)


SIDEBAR_TOGGLES_SHOWN = """() => [...document.querySelectorAll('.sidebar-toggle')]
  .map(button => button.getBoundingClientRect().width > 0)"""


@pytest.mark.parametrize("scripts", [False, True], ids=["without", "with"])
def test_a_phone_shows_the_menu_and_contents_buttons_only_where_they_open(site, browser, scripts):
    """The buttons that open a phone's menu and contents need the theme's script: without
    JavaScript they would do nothing, and are not shown."""
    shown = read_on_a_phone(browser, f"{site}/book/codec.html", SIDEBAR_TOGGLES_SHOWN, scripts)
    assert len(shown) == 2 and set(shown) == {scripts}, shown
