"""The article's table beside the companies' own figures for the year it names."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from bytebook import filed_years
from bytebook.chapters.year_readings import claimed_figures
from bytebook.checks import claim_band
from bytebook.data import BookData
from bytebook.fx import implied_rate
from bytebook.kept import kept
from bytebook.ledger import claim_band_text
from bytebook.numbers import format_percent, in_yi

PRINTED_MARKERS = {"≈": "约 ", ">": "超 "}
"""The marker a printed share carries before its number, by the claim's qualifier."""


def marked_amount(value: float, qualifier: str) -> str:
    """A number of 亿 with the printed '+' of "N+" kept, for a column headed (亿元):
    '3,100+', '2,855'."""
    text = in_yi(value)
    return text + "+" if qualifier == "+" else text


def marked_share(value: float, qualifier: str) -> str:
    """A share with its printed 约 or 超 kept: '约 27%', '超 50%', '25%'."""
    return PRINTED_MARKERS.get(qualifier, "") + format_percent(value, 0)


def filed_references(companies: Iterable[str]) -> list[str]:
    """The references.csv rows behind the figures of `companies` for the year the table
    names, in the order given."""
    refs = [
        ref
        for company in companies
        for ref in filed_years.reference_ids(company, filed_years.CLAIMED_YEAR[company])
    ]
    return list(dict.fromkeys(refs))


def _article_figures(data: BookData) -> pd.DataFrame:
    """One row per company: the article's overseas revenue in CNY and its share."""
    rows = data.ranking
    return pd.DataFrame(
        {
            "company": rows["company_en"],
            "company_zh": rows["company_zh"],
            "printed_order": rows["printed_order"],
            "overseas_cny": [data.stated(c) for c in rows["revenue_cny_claim"]],
            "overseas_low_cny": [claim_band(data, c).low for c in rows["revenue_cny_claim"]],
            "overseas_high_cny": [claim_band(data, c).high for c in rows["revenue_cny_claim"]],
            "overseas_band_text": [
                claim_band_text(data.claim(c)) for c in rows["revenue_cny_claim"]
            ],
            "share": [data.stated(c) for c in rows["share_claim"]],
            "overseas_shown": [
                marked_amount(data.stated(c), data.claims.at[c, "qualifier"])
                for c in rows["revenue_cny_claim"]
            ],
            "share_shown": [
                marked_share(data.stated(c), data.claims.at[c, "qualifier"])
                for c in rows["share_claim"]
            ],
            "revenue_claim": rows["revenue_claim"],
            "share_claim": rows["share_claim"],
        }
    )


@kept
def compared_figures(data: BookData) -> tuple[pd.DataFrame, float, pd.DataFrame, pd.DataFrame]:
    """The article's figures (`_article_figures`), the table's own rate (the one its two
    ByteDance figures imply), the figures beside the companies' own (`_filed_comparison`) and
    the rows resting on what the companies published (`_published_by_companies`)."""
    table = _article_figures(data)
    rate = implied_rate(
        data.stated("t_bytedance_overseas_cny"), data.stated("t_bytedance_overseas")
    )
    filed = _filed_comparison(data, table, rate)
    return table, rate, filed, _published_by_companies(filed)


def _filed_comparison(data: BookData, table: pd.DataFrame, table_rate: float) -> pd.DataFrame:
    """The article's overseas figures beside the company's for the year it names, where found."""
    records = []
    for _, row in table.iterrows():
        claimed = claimed_figures(data, row["company"])
        overseas, share = claimed.get("overseas"), claimed.get("share")
        rate = table_rate if overseas is not None and overseas.unit == "USD" else 1
        records.append(
            {
                "company": row["company"],
                "article_overseas_cny": row["overseas_cny"],
                "article_low_cny": row["overseas_low_cny"],
                "article_high_cny": row["overseas_high_cny"],
                "article_shown": row["overseas_shown"],
                "article_band_text": row["overseas_band_text"],
                "filed_overseas_cny": overseas.value * rate if overseas else None,
                "filed_tag": overseas.reliability if overseas else "",
                "filed_how": overseas.how if overseas else "",
                "filed_described": overseas.described if overseas else "",
                "filed_second_hand": overseas.second_hand if overseas else False,
                "article_share": row["share"],
                "filed_share": share.value if share else None,
                "filed_total_cny": _filed_total(claimed, table_rate),
            }
        )
    return pd.DataFrame(records)


def _filed_total(claimed: dict[str, filed_years.Figure], table_rate: float) -> float | None:
    """The total for the year the table names, in yuan (USD at the table's rate)."""
    total = claimed.get("total")
    if total is None:
        return None
    return total.value * (table_rate if total.unit == "USD" else 1.0)


def _published_by_companies(filed: pd.DataFrame) -> pd.DataFrame:
    """The rows whose overseas figure for the named year rests on figures the company itself
    published, P or S (filed, released, relayed, tabulated, or derived from such figures);
    not ByteDance's, which is reported: a press report on a private company."""
    published = filed.dropna(subset=["filed_overseas_cny"])
    published = published[published["filed_tag"].isin(["P", "S"])]
    published = published[published["filed_how"] != "reported"].reset_index(drop=True)
    return published.assign(
        origin_note=[f"{r.company} {r.filed_described}" for r in published.itertuples()]
    )
