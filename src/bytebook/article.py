"""Facts about the article itself, in one place: the year it reports on and its sections.

`python -c "import bytebook.article as a; print(a.YEAR, a.DAYS_IN_YEAR, a.SECTION_TITLES)"`
prints them.
"""

from __future__ import annotations

import calendar
from datetime import date

YEAR = 2024
"""The year the article's revenue figures describe (the article appeared in July 2025)."""

PUBLISHED = date(2025, 7, 25)
"""The article's publication date (its front matter: 2025-07-25). A source dated later cannot
be what the article drew on, though a later relay may pass on an earlier report."""

ARTICLE_LEGEND = "Article"
"""How a chart's legend names the article's figures where it sets them beside others."""

DAYS_IN_YEAR = 366 if calendar.isleap(YEAR) else 365
"""The number of days in YEAR, which the article's daily figures divide by."""

SECTION_TITLES = {
    "0": "Title",
    "1": "1 不开发布会",
    "2": "2 技术深水区",
    "2.1": "2.1 Codec and CDN",
    "2.2": "2.2 Recommender",
    "2.3": "2.3 AI infrastructure",
    "3": "3 商业闭环",
    "4": "4 海外营收排行榜",
    "5": "5 再补一刀 · 小结",
}
"""The article's sections in order, with the short titles the scorecard shows: 0 is the title,
5 the close: the last paragraph of the article's section 四 (再补一刀, the 'years'
comparison) and its summary (小结)."""

SECTIONS = tuple(SECTION_TITLES)


def company_key(company: str) -> str:
    """A company's key in the book's ids and table names: 'byd' for 'BYD', 'haier' for 'Haier
    Smart Home' (`d_implied_total_haier`, `by_year_haier`)."""
    return company.split()[0].lower()
