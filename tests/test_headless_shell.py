"""The browser tests and the PDF run in Chromium's headless shell (bytebook.publish.pdf), which
takes less than half the browser's CPU per page. What they check holds for a reader's Chromium
only while the shell lays the pages out as the browser does: every text's lines, on the pages
where a glyph's width most often moved a line break, match at a laptop's and a phone's width."""

from __future__ import annotations

import os

import pytest
from test_browser import wait_until_ready

from bytebook.publish.pdf import CHROMIUM_ARGS, chromium_path

pytestmark = pytest.mark.browser

PAGES = ["book/summary.html", "book/preface.html"]
"""Pages whose lines moved when the shell hinted glyphs otherwise than the browser: the
summary's text grew a line, the preface's sidebar broke a title elsewhere."""

SCREENS = {
    "laptop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True},
}

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


def text_lines(browser, site: str) -> dict[tuple[str, str], list]:
    """`TEXT_LINES` of each page of `PAGES` on each screen, once its charts are drawn."""
    lines = {}
    for screen, options in SCREENS.items():
        tab = browser.new_page(**options)
        try:
            for page_path in PAGES:
                tab.goto(f"{site}/{page_path}")
                wait_until_ready(tab)
                lines[(page_path, screen)] = tab.evaluate(TEXT_LINES)
        finally:
            tab.close()
    return lines


def test_the_headless_shell_lays_pages_out_as_the_browser_does(site, browser):
    reader_browser = chromium_path(as_a_reader_browses=True)
    if os.path.samefile(reader_browser, chromium_path()):
        pytest.skip("BYTEBOOK_CHROMIUM names one program for both; there is nothing to compare")
    in_the_shell = text_lines(browser, site)
    reader = browser.browser_type.launch(executable_path=reader_browser, args=CHROMIUM_ARGS)
    try:
        in_the_browser = text_lines(reader, site)
    finally:
        reader.close()
    for key, lines in in_the_browser.items():
        assert len(lines) == len(in_the_shell[key]), (key, "a different number of texts")
        moved = [(a, b) for a, b in zip(lines, in_the_shell[key], strict=True) if a != b]
        assert not moved, (key, moved[:5])
