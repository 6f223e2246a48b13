"""axe-core on every page, in light and in dark mode, on a laptop's screen and a phone's: no
serious or critical violations.

The dark-mode run also saves a screenshot of each page (`_build/screenshots/dark-*.png`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_browser import PAGES, SCREENSHOTS, wait_until_ready

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    response = Axe().run(page).response
    return [
        f"{v['id']} ({v['impact']}): {v['help']}; e.g. {v['nodes'][0]['target']}: "
        f"{v['nodes'][0].get('failureSummary', '')[:300]}"
        for v in response["violations"]
        if v["impact"] in BLOCKING
    ]


SCREENS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
"""A laptop's screen and a phone's: tables that fit the one may scroll on the other."""


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_path", PAGES)
def test_no_serious_accessibility_violations(site, browser, page_path, scheme, screen):
    page = browser.new_page(
        viewport=SCREENS[screen], color_scheme=scheme, is_mobile=screen == "phone"
    )
    page.goto(f"{site}/{page_path}")
    wait_until_ready(page)
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    if scheme == "dark" and screen == "desktop":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"dark-{Path(page_path).stem}.png"), full_page=True)
    found = serious_violations(page)
    page.close()
    assert not found, "\n".join(found)
