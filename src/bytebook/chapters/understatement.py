"""The companies whose own figures the table understates, and the summary's words on them."""

from __future__ import annotations

import pandas as pd

from bytebook import filed_years
from bytebook.chapters.filed_comparison import compared_figures, marked_share
from bytebook.chapters.year_readings import claimed_figures
from bytebook.checks import claim_band
from bytebook.data import BookData
from bytebook.kept import kept
from bytebook.ledger import band_value
from bytebook.numbers import count_words, names_or_none
from bytebook.policy import printed_unit


@kept
def understated(data: BookData) -> tuple[list[str], list[str], list[str]]:
    """The companies whose overseas figure for the year the table names rests on figures they
    published themselves (P or S, read at first hand), those of them the table understates
    (their figure lies above the printed band), and, for companies whose amount rests on a
    figure read at second hand (which does not decide), those whose own share lies above the
    printed one: 'Midea's share (41.52%)'."""
    _, _, compared, published = compared_figures(data)
    filed = list(published["company"])
    claims = data.ranking.set_index("company_en")
    above = [
        company
        for company in filed
        if claimed_figures(data, company)["overseas"].band.low
        > claim_band(data, claims.at[company, "revenue_claim"]).high
    ]
    return filed, above, shares_above(data, compared)


def filed_origins(data: BookData) -> list[str]:
    """'BYD, released, P' for each company `understated` names as having published its own
    figure, so that a sentence naming them says what each rests on."""
    published = compared_figures(data)[3]
    return [f"{r.company}, {r.filed_described}, {r.filed_tag}" for r in published.itertuples()]


def n_plus_readings(data: BookData, companies: list[str]) -> str:
    """For those of `companies` whose amount is printed as N+ and lies above N多's top end
    (`understated`), how the finding rests on that reading: " (BYD's 1000+ 亿元 read as
    1,000亿元 to 2,000亿元, N多; read as 1,000亿元 or more, N以上, the amount would hold)"; '' for
    none."""
    _, above, _ = understated(data)
    claims = data.ranking.set_index("company_en")["revenue_claim"]
    parts = []
    for company in (c for c in companies if c in above):
        claim = data.claim(claims[company])
        if claim["qualifier"] != "+":
            continue
        band, size = claim_band(data, claim["id"]), printed_unit(str(claim["value_text"]))
        low, high = (band_value(end, claim["unit"], size) for end in (band.low, band.high))
        parts.append(
            f"{company}'s {claim['quote_zh']} read as {low} to {high}, N多; read as {low} or "
            "more, N以上, the amount would hold"
        )
    return f" ({'; '.join(parts)})" if parts else ""


def _share_above(data: BookData, company: str) -> filed_years.Figure | None:
    """The company's own share for the year the table names, where it was read at first hand
    in a P or S source and lies above the printed share's band; None otherwise."""
    share = claimed_figures(data, company).get("share")
    if share is None or share.second_hand or share.reliability == "W":
        return None
    claim_id = data.ranking.set_index("company_en").at[company, "share_claim"]
    return share if share.band.low > claim_band(data, claim_id).high else None


def shares_above(data: BookData, compared: pd.DataFrame) -> list[str]:
    """'Midea's share (41.52%)' for each company whose amount rests on a figure read at second
    hand and whose own share lies above the printed one (`_share_above`)."""
    return [
        f"{company}'s share ({share.shown})"
        for company in compared.loc[compared["filed_second_hand"], "company"]
        if (share := _share_above(data, company))
    ]


def filed_shares_above(data: BookData, filed: list[str]) -> list[str]:
    """'BYD's share (28.6%, printed as 约 20%)' for each of the companies `filed` (their figures
    read at first hand, `understated`) whose own share lies above the printed one
    (`_share_above`)."""
    claims = data.ranking.set_index("company_en")["share_claim"]
    shares = []
    for company in filed:
        if share := _share_above(data, company):
            claim = data.claim(claims[company])
            printed = marked_share(float(claim["value"]), claim["qualifier"])
            shares.append(f"{company}'s share ({share.shown}, printed as {printed})")
    return shares


def second_hand_share_sentence(shares: list[str], lead: str = "") -> str:
    """'Midea's share (41.52%) lies above the printed one; its amount rests on a figure read at
    second hand and does not decide', after `lead`; '' when `shares` is empty."""
    if not shares:
        return ""
    one = len(shares) == 1
    return (
        f"{lead}{names_or_none(shares)} {'lies' if one else 'lie'} above the printed "
        f"{'one' if one else 'ones'}; {'its' if one else 'their'} amount rests on a figure "
        "read at second hand and does not decide"
    )


def understated_sentence(
    filed: list[str],
    above: list[str],
    shares: list[str],
    readings: str = "",
    origins: list[str] | None = None,
    filed_shares: list[str] | None = None,
) -> str:
    """`understated` in words, for the summary: the amounts, then the shares of the same
    companies that lie above the printed ones (`filed_shares_above`; a share the table prints
    may also lie above the filed one, as Haier Smart Home's 超 50% against 49.97% does);
    `origins` (`filed_origins`) names the companies after their count, and `readings`
    (`n_plus_readings`) follows the amounts."""
    share_words = second_hand_share_sentence(shares, lead=", and ")
    if filed_shares:
        one = len(filed_shares) == 1
        share_words = (
            f", and {names_or_none(filed_shares)} {'is' if one else 'are'} understated too"
            + share_words
        )
    if not filed:
        return (
            "no company's 2024 overseas amount in the table rests on figures it published"
            + share_words
        )
    companies = "company whose" if len(filed) == 1 else "companies whose"
    if len(above) == len(filed):
        whom = {1: "the one", 2: "both"}.get(len(filed), f"all {count_words(len(filed))}")
    else:
        whom = f"{names_or_none(above) if above else 'none'} of the {count_words(len(filed))}"
    amounts = "overseas amount" if len(above) == 1 else "overseas amounts"
    if origins:
        companies = companies.replace(" whose", f" ({'; '.join(origins)}) whose")
    return (
        f"the table understates the {amounts} of {whom} {companies} 2024 overseas amount rests "
        "on figures they published themselves, read at first hand" + readings + share_words
    )
