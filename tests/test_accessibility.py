"""Every page, loaded once per screen (a laptop's, a phone's) in the light scheme, then turned
dark in the same tab as a reader's system turns dark (the theme, the charts and the tables
follow it), with every check that reads each scheme: axe-core finds no serious or critical
violation in either scheme on either screen; the server answers no request of the light laptop
load 404 (a browser asks for /favicon.ico when a page names no icon); that load has no
console error (nor a breach of the content security policy) for at least 1.5 s after its
load, no request to another host, every chart drawn with marks, every table within the text
column, no value with a unit broken across lines or out of its cell, and no chart label over
another, an axis, a rule or a point; on the light phone load nothing scrolls sideways, every
text is legible (chart text, and the page's own, a card's field names included) and the title
leaves most of the first screen to the text. (A page first loaded dark is tested in
tests/test_browser.py: the theme reads the system's scheme as the page starts.)

axe-core is put into each tab once (`axe_script`: its bundle with its classes' private fields
kept on their objects, which is faster and reports the same). In the light scheme it runs every
rule it runs by default; turned dark, it runs again the rules that read colours (those axe tags
`cat.color`: the text's contrast, a link told apart from its text). Its other rules read the
page's elements, names, roles and layout, which turning dark leaves as they were, so each check
runs once per scheme it can tell apart.

With `SCREENSHOTS=1` in the environment the loads also save screenshots of each page in
`_build/screenshots/`: desktop (`<page>.png`), phone (`phone-<page>.png`) and dark
(`dark-<page>.png`). A screenshot checks nothing, and a long page's takes seconds, so a run
takes none unless asked.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from test_browser import (
    CHART_PAGES,
    PAGES,
    answered_404,
    clean_offline_and_drawn,
    no_sideways_scroll,
    screenshot,
    tables_fit,
    wait_until_ready,
    watch,
)
from test_chart_screens import label_clashes, legibility_problems
from test_reader_layout import title_problems, values_broken_or_spilt

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


PARSE_EACH_COLOUR_ONCE = """() => {
  const Color = axe.commons.color.Color;
  const parse = Color.prototype.parseString;
  const parsed = new Map();
  Color.prototype.parseString = function (text) {
    const known = parsed.get(text);
    if (known === undefined) {
      parse.call(this, text);
      parsed.set(text, [this.r, this.g, this.b, this.alpha]);
    } else {
      [this.r, this.g, this.b, this.alpha] = known;
    }
    return this;
  };
}"""
"""axe's contrast check parses the computed colour of every element behind every text, each time
anew: the ledger's 17 distinct colour strings are parsed 70,700 times in its light scan, half of
its contrast check's time. Parsing is a function of the string alone (`parseString` sets the
colour's channels and alpha from it and nothing else), so each string's outcome is kept in the
tab and set again on the next colour that parses it; a string that fails to parse is never kept,
and throws as before. The scan checks the same elements against the same colours."""


PRIVATE_FIELDS_ON_THE_OBJECT = {
    "function me(e,t,n){ge(e,t),t.set(e,n)}": "function me(e,t,n){e[t.k||(t.k=Symbol())]=n}",
    "function he(e,t){ge(e,t),t.add(e)}": "function he(e,t){e[t.k||(t.k=Symbol())]=!0}",
    "function ve(e,t){return e.get(ye(e,t))}": "function ve(e,t){return t[e.k]}",
    "function be(e,t,n){e.set(ye(e,t),n)}": "function be(e,t,n){t[e.k]=n}",
    'function ye(e,t,n){if("function"==typeof e?e===t:e.has(t))':
        'function ye(e,t,n){if("function"==typeof e?e===t:t[e.k])',
}
"""axe-core's bundle is compiled for old browsers, so its classes' private fields are kept in one
WeakMap per field (and their private methods behind a WeakSet), through five helpers. Its colour
class has six such fields, and the contrast check makes a colour for every layer behind every
text: in a CPU profile of the ledger's colour scan, setting and reading those WeakMap entries
took over two fifths of its samples, besides the garbage collection they cause. Each replacement
keeps a field on its object instead, under a symbol of its own per WeakMap (kept as the
WeakMap's `k`), and axe's code reaches it only through the same helpers. The one check the
helpers drop is the one against setting up an object's fields twice, which axe's constructors,
run once per object, never do. The checks, their order and their data are unchanged
(`test_axe_with_its_private_fields_on_the_object_reports_what_stock_axe_does`)."""


@functools.cache
def axe_script() -> str:
    """axe-core's bundle as axe-playwright-python ships it, with `PRIVATE_FIELDS_ON_THE_OBJECT`
    applied; a helper not found once, as after an upgrade of axe-core, stops the run."""
    from axe_playwright_python.base import AXE_SCRIPT

    script = AXE_SCRIPT
    for helper, replacement in PRIVATE_FIELDS_ON_THE_OBJECT.items():
        found = script.count(helper)
        if found != 1:
            raise AssertionError(
                f"axe-core's private-field helper {helper!r} is in its bundle {found} times, "
                "not once: check PRIVATE_FIELDS_ON_THE_OBJECT against this version of axe-core"
            )
        script = script.replace(helper, replacement)
    return script


def put_axe_in(page, script: str | None = None) -> None:
    """Load axe-core (`axe_script()`, or `script`) into a loaded tab (it stays there while the
    tab turns dark), with each colour string parsed once."""
    page.evaluate(script or axe_script())
    page.evaluate(PARSE_EACH_COLOUR_ONCE)


RUN_AXE = """only_colours => axe.run({
  resultTypes: ['violations'],
  rules: Object.fromEntries(axe.getRules()
    .filter(rule => only_colours && !rule.tags.includes('cat.color'))
    .map(rule => [rule.ruleId, {enabled: false}])),
})"""
"""axe's run in a tab it is in: every rule it runs by default, or (`only_colours`) those of them
that read colours; the report lists each rule's passing elements by one only."""


def serious_violations(page, only_colours: bool = False) -> list[str]:
    response = page.evaluate(RUN_AXE, only_colours)
    return [
        f"{v['id']} ({v['impact']}): {v['help']}; e.g. {v['nodes'][0]['target']}: "
        f"{v['nodes'][0].get('failureSummary', '')[:300]}"
        for v in response["violations"]
        if v["impact"] in BLOCKING
    ]


SCREENS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
"""A laptop's screen and a phone's: tables that fit the one may scroll on the other."""


SCHEMES = ["light", "dark"]
"""In this order: the page loads light, then the system's scheme turns dark."""


TRANSITIONS_DONE = "() => document.getAnimations().every(a => a.playState === 'finished')"
"""Every animation of the page has finished: the theme's colour transitions (a button's
background fades over 0.15 s) no longer show a mix of the light and the dark colours."""


def turn_dark(page) -> None:
    """Turn the system's colour scheme dark in a loaded page, and wait until the theme has
    followed it, every chart is drawn again in its dark colours and every colour transition
    has ended."""
    page.emulate_media(color_scheme="dark")
    page.wait_for_function(
        "() => document.documentElement.dataset.theme === 'dark'", timeout=10_000
    )
    wait_until_ready(page)
    page.wait_for_function(TRANSITIONS_DONE, timeout=10_000)


def screenshot_if_asked(page, name: str) -> None:
    """Save the whole page as `_build/screenshots/<name>.png` when `SCREENSHOTS=1`."""
    if os.environ.get("SCREENSHOTS") == "1":
        screenshot(page, name)


def scheme_problems(page, page_path: str, scheme: str, screen: str, seen) -> list[str]:
    """Every check that reads the page in this scheme on this screen."""
    stem = Path(page_path).stem
    problems: list[str] = []
    if (scheme, screen) == ("light", "desktop"):
        problems += clean_offline_and_drawn(page, seen)
        if page_path.startswith("book/"):
            problems += tables_fit(page, page_path)
            problems += values_broken_or_spilt(page, page_path)
        if page_path in CHART_PAGES:
            problems += label_clashes(page)[:10]
        screenshot_if_asked(page, stem)
    if (scheme, screen) == ("light", "phone"):
        problems += no_sideways_scroll(page, page_path)
        problems += legibility_problems(page, charts=page_path in CHART_PAGES)
        problems += title_problems(page)
        screenshot_if_asked(page, f"phone-{stem}")
    if (scheme, screen) == ("dark", "desktop"):
        screenshot_if_asked(page, f"dark-{stem}")
    problems += serious_violations(page, only_colours=scheme != SCHEMES[0])
    return [f"{scheme}: {problem}" for problem in problems]


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("page_path", PAGES)
def test_page_on_each_scheme_and_screen(site, site_answers, browser, page_path, screen):
    since = len(site_answers)
    page = browser.new_page(
        viewport=SCREENS[screen], color_scheme="light", is_mobile=screen == "phone"
    )
    seen = watch(page)
    page.goto(f"{site}/{page_path}")
    wait_until_ready(page)
    problems: list[str] = []
    if screen == "desktop":
        # Read before axe runs: it fetches the style sheets again and asks for an @import's
        # file at the page's address (theme.css's "../basic.css" as /basic.css).
        if missing := answered_404(page, seen, site_answers, since):
            problems.append(f"answered 404: {missing}")
    put_axe_in(page)
    for scheme in SCHEMES:
        if scheme == "dark":
            turn_dark(page)
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        problems += scheme_problems(page, page_path, scheme, screen, seen)
    page.close()
    assert not problems, "\n".join(problems)


TARGET_ROW = "claim-s3_live_take"
CONTRAST_IN = """selector => axe.run({include: [[selector]]},
  {runOnly: {type: 'rule', values: ['color-contrast']}, resultTypes: ['violations']})
  .then(result => result.violations.flatMap(v => v.nodes.map(node => node.failureSummary)))"""
MARKS = """ids => ids.map(id => { const row = document.getElementById(id);
  const cell = row.querySelector('td'); const style = getComputedStyle(row);
  return [style.backgroundColor, getComputedStyle(cell).backgroundColor, style.outlineStyle]; })"""


@pytest.mark.parametrize("screen", list(SCREENS))
def test_a_ledger_row_a_link_lands_on_is_marked_and_legible_in_the_dark(site, browser, screen):
    """A link to a ledger row marks the row. In the dark scheme it stands apart from the rows
    around it, and its text and links keep the contrast axe asks on its surface (the links
    had 4.09:1 on the grey it had, 3.87:1 on a lighter amber)."""
    page = browser.new_page(
        viewport=SCREENS[screen], color_scheme="dark", is_mobile=screen == "phone"
    )
    page.goto(f"{site}/book/ledger.html#{TARGET_ROW}")
    wait_until_ready(page)
    put_axe_in(page)
    failures = page.evaluate(CONTRAST_IN, f"#{TARGET_ROW}")
    marked, other = page.evaluate(MARKS, [TARGET_ROW, "claim-s3_live_bandwidth"])
    page.close()
    assert not failures, failures
    assert marked != other, (marked, other)


CONTRAST_CASES = """<!doctype html><html lang="en"><head><title>Contrast cases</title></head><body>
<main><h1>Contrast cases</h1>
<p style="color:#777;background:#888">grey on grey, too faint</p>
<p style="color:#000;background:rgba(255,0,0,.5)">black on a half-transparent red</p>
<div style="background:linear-gradient(red,blue)"><span style="color:#fff">gradient</span></div>
<div style="opacity:.5;color:#333">faded by its opacity</div>
<p style="color:#555;text-shadow:0 0 2px #000">with a text shadow</p>
<div style="background:#ff0"><span style="color:#00f;mix-blend-mode:multiply">blended</span></div>
<p>Text with <a href="#x" style="color:#333;text-decoration:none">a bare link</a> in it.</p>
<img src="missing.png">
</main></body></html>"""
"""A page with a case for each path of axe's colour code: a failing and a passing contrast, a
translucent background, a gradient it cannot judge, opacity, a text shadow, a blend mode, a
link told apart by colour alone; and an image without a name, for a rule that reads no
colour."""

EVERY_RESULT = """() => axe.run({resultTypes: ['violations', 'incomplete', 'passes']}).then(r =>
  Object.fromEntries(['violations', 'incomplete', 'passes'].map(kind => [kind,
    r[kind].map(rule => [rule.id, rule.impact, rule.nodes.map(node => [node.target, node.impact,
      ...['any', 'all', 'none'].map(part => node[part].map(check =>
        [check.id, check.impact, JSON.stringify(check.data)]))])])])))"""
"""Every rule's outcome on every element it checked, with each check's data (a contrast's
colours and ratio among them)."""


def test_axe_with_its_private_fields_on_the_object_reports_what_stock_axe_does(browser):
    """`axe_script()` and axe-core as shipped, each in a tab of its own on `CONTRAST_CASES`,
    report the same violations, undecided checks and passes, element by element, with the same
    data; and the page does hold a violation and an undecided contrast to compare."""
    from axe_playwright_python.base import AXE_SCRIPT

    reports = []
    for script in (AXE_SCRIPT, axe_script()):
        page = browser.new_page()
        page.set_content(CONTRAST_CASES)
        put_axe_in(page, script)
        reports.append(page.evaluate(EVERY_RESULT))
        page.close()
    stock, changed = reports
    assert {"color-contrast", "image-alt"} <= {rule[0] for rule in stock["violations"]}, stock
    assert "color-contrast" in {rule[0] for rule in stock["incomplete"]}, stock
    assert changed == stock
