"""One analysis module per written chapter, in book order.

Each module has `SECTIONS` (the article sections it judges) and `analyse(data) -> Findings`.
A chapter is listed here once it is written; the ledger judges only the claims of listed
chapters and leaves the others' verdicts empty.

Most other modules beside them are parts of the ranking chapter's analysis, not chapters,
and are not listed: `table_cells` (each cell of its table against the figures found),
`year_readings` (the group total a row implies, checked against the company's own, and the
other readings of its year), `implied_totals` (those totals as the chapter's table and rows),
`rank_ranges` (the table re-sorted, each company's rank and the ranks its printed band allows),
`table_order` (what that order says, in words), `rate_check` (the rate behind its USD-to-yuan
conversion), `year_matches` (the year each row matches best) with `year_words` (that finding in
words), `earlier_year` (the cells that fit the year before), `filed_comparison` (the table
beside the companies' own figures), `understatement` (the companies whose figures it
understates), `filed_rank` (the table ranked again with their own figures), `by_year` (each
company's figures year by year, as its by-year charts draw them), `growth` (its growth column),
`markets_and_remarks` (its two columns of words), `old_money` (Lenovo's and Huawei's growth) and
`top_three` (直接杀进前三: ByteDance's rank among every company found with 1,000亿元 or more
abroad). Two more are not listed either: `daily_revenue` (the title's daily figure worked three
ways), a part of the preface's analysis, and `live_gifting` (live gifting's net, its share of
in-app purchases, the bandwidth it is said to need and the no-funding slogan), a part of the
business loop's.
"""

from bytebook.chapters import (
    codec,
    economics,
    infrastructure,
    overseas,
    preface,
    ranking,
    recommender,
    summary,
)

WRITTEN = {
    "preface": preface,
    "overseas": overseas,
    "codec": codec,
    "recommender": recommender,
    "infrastructure": infrastructure,
    "economics": economics,
    "ranking": ranking,
    "summary": summary,
}


def written_sections() -> set[str]:
    """Every article section a written chapter judges."""
    return {section for module in WRITTEN.values() for section in module.SECTIONS}


def chapter_of_section(section: str) -> str:
    """The name of the chapter (its page under book/) that judges an article section."""
    for name, module in WRITTEN.items():
        if section in module.SECTIONS:
            return name
    raise KeyError(f"no written chapter judges section '{section}'")
