"""The browser tests and the PDF run in Chromium's headless shell (bytebook.publish.pdf), which
takes less than half the browser's CPU per page. What they check holds for a reader's Chromium
only while the shell lays the pages out as the browser does: every text's lines, on the pages
where a glyph's width most often moves a line break, match at a laptop's and a phone's width."""

from __future__ import annotations

import pytest
from test_browser import wait_until_ready

from bytebook.publish.pdf import CHROMIUM_ARGS, chromium_path

pytestmark = pytest.mark.browser

PAGES = ["book/summary.html", "book/preface.html"]
"""Pages whose lines moved when the shell hinted glyphs otherwise than the browser: the
summary's text grew a line, the preface's sidebar broke a title elsewhere."""

SCREENS = [{"width": 1280, "height": 900}, {"width": 390, "height": 844}]

TEXT_LINES = """() => {
  const lines = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const boxes = [...range.getClientRects()];
    if (!boxes.length) continue;
    const last = boxes[boxes.length - 1];
    lines.push([node.textContent.trim().slice(0, 30), boxes.length,
                Math.round(boxes[0].left * 10) / 10, Math.round(last.right * 10) / 10]);
  }
  return lines;
}"""
"""Each visible text: its first words, how many line boxes it takes, where its first starts and
its last ends (to a tenth of a pixel)."""


def text_lines(browser, site: str) -> dict[tuple[str, int], list]:
    lines = {}
    for screen in SCREENS:
        tab = browser.new_page(viewport=screen)
        for page_path in PAGES:
            tab.goto(f"{site}/{page_path}")
            wait_until_ready(tab)
            lines[(page_path, screen["width"])] = tab.evaluate(TEXT_LINES)
        tab.close()
    return lines


def test_the_headless_shell_lays_pages_out_as_the_browser_does(site, browser):
    in_the_shell = text_lines(browser, site)
    reader = browser.browser_type.launch(
        executable_path=chromium_path(as_a_reader_browses=True), args=CHROMIUM_ARGS
    )
    in_the_browser = text_lines(reader, site)
    reader.close()
    for key, lines in in_the_browser.items():
        moved = [(a, b) for a, b in zip(lines, in_the_shell[key], strict=True) if a != b]
        assert not moved, (key, moved[:5])
