"""Chapter 3's live gifting: its net after TikTok's take, its share of in-app purchases, the
bandwidth it is said to need, and the no-funding slogan set beside a loan."""

from __future__ import annotations

from bytebook.chapters.codec import bitrate_cut
from bytebook.checks import (
    claim_band,
    recorded_words,
    reference_band,
    reference_finding,
    unsettled,
)
from bytebook.data import BookData
from bytebook.findings import Findings
from bytebook.ledger import Verdict, derived, illustration, judge_findings, working
from bytebook.numbers import format_percent, usd
from bytebook.policy import span

LOAN = "bd_loan_2024"
"""The bank loan ByteDance sought in 2024, which the no-funding slogan is set beside."""


def gift_take_date(data: BookData) -> str:
    """The day the share of the payout TikTok retains was published (`tiktok_gift_take`)."""
    return str(data.references.at["tiktok_gift_take", "published"])


def gift_take_quote(data: BookData) -> str:
    """The clause of `tiktok_gift_take`'s quote that gives the share."""
    quote = str(data.references.at["tiktok_gift_take", "quote"])
    return quote[quote.index("with TikTok") :].rstrip(".")


def _share_of_in_app_purchases(data: BookData, gifting: float) -> str:
    """The article's live gifting as a share of TikTok's and Douyin's in-app purchases, and the
    range both figures' digits allow: '33%, or 23% to 45% with the article's USD 2 bn at its
    printed digits (USD 1.5 bn to USD 2.5 bn) and USD 6 bn at its recorded digits (USD 5.5 bn
    to USD 6.5 bn)'."""
    gifts = claim_band(data, "s3_live_gifting")
    shares = gifts / reference_band(data, "tiktok_iap_2024")
    share = format_percent(gifting / data.reference("tiktok_iap_2024"), 0)
    within = span(shares, lambda v: format_percent(v, 0))
    return (
        f"{share}, or {within} with the article's {usd(gifting)} at its printed digits "
        f"({span(gifts, usd)}) and {recorded_words(data, 'tiktok_iap_2024')}"
    )


def live_findings(data: BookData) -> Findings:
    """Live gifting's net, and the bandwidth claim set against section 2.1's bitrates."""
    found = Findings()
    gifting, take = data.stated("s3_live_gifting"), data.stated("s3_live_take")
    net = found.number("live_net", gifting * take, usd)
    combined = data.reference("tiktok_iap_2024")
    found.number("iap_combined", combined, usd)
    share_of_iap = _share_of_in_app_purchases(data, gifting)
    found.number("live_share_of_iap", gifting / combined, lambda _: share_of_iap)
    before, after = data.stated("s21_bitrate_upload"), data.stated("s21_bitrate_vvc")
    codec_cut = 1 - after / before
    found.number("codec_cut", codec_cut, format_percent, 0)
    take_entry = judge_findings(
        data.claim("s3_live_take"),
        [
            reference_finding(
                data,
                "s3_live_take",
                "tiktok_gift_take",
                f"The sentence is the relay's own ('{gift_take_quote(data)}'): it credits "
                "data.ai with the spending figures, not with the cut, and it gives the share "
                f"as it stood when published ({gift_take_date(data)}); this book did not look "
                "for the share in later years.",
            )
        ],
        reference_band(data, "tiktok_gift_take").mid,
    )
    retained = format_percent(data.reference("tiktok_gift_take"), 0)
    found.number(
        "live_take_holds",
        take,
        lambda _: (
            f"the {format_percent(take, 0)} cut on gifts matches the {retained} of the payout "
            f"that a weak source (W), iPhone in Canada ({gift_take_date(data)}), says TikTok "
            f"retains, which may corroborate but not decide, so the cut is "
            f"{take_entry.verdict.value}"
        ),
    )
    found.number(
        "live_take_prose",
        take,
        lambda _: (
            f"iPhone in Canada, reporting data.ai's spending figures on {gift_take_date(data)}, "
            f"says in its own words that TikTok retains {retained} of the payout on gifts; it "
            f"is a weak source (W), so the {format_percent(take, 0)} cut is "
            f"{take_entry.verdict.value}"
        ),
    )
    found.add(
        unsettled(
            data,
            "s3_no_funding",
            "A slogan, read as a Chinese reader reads 不融资、不炒作 after 账算得越细: the "
            "business pays its own way instead of living on investors' money, and makes no "
            "noise about itself. The article gives no period. 融资 also covers borrowing, and "
            "read so, 不融资 would not hold: ByteDance was tapping banks for a loan of "
            f"{usd(data.reference(LOAN))}, partly to refinance a facility it had raised in "
            f"2021 ({data.cite(LOAN)}). The book judges the slogan as read above, which a "
            "loan that is partly a refinancing does not settle either way; it did not look "
            "for equity "
            "ByteDance raised, nor for a record of its publicity, so the claim could not be "
            "checked; that is not to say no such record exists.",
            sources=(LOAN,),
        ),
        unsettled(
            data,
            "s3_live_gifting",
            f"Sensor Tower (S) puts TikTok's and Douyin's in-app purchases together at "
            f"{usd(combined)} in 2024; this book found no source that separates "
            "TikTok's live gifts.",
            sources=("tiktok_iap_2024",),
        ),
        take_entry,
        working(
            "d_live_share_of_iap",
            "3",
            "The article's live gifting as a share of TikTok's and Douyin's in-app purchases",
            gifting / combined,
            "share",
            f"{usd(gifting)} (the article) ÷ {usd(combined)} ({data.cite('tiktok_iap_2024')}) "
            f"= {share_of_iap}.",
            ("tiktok_iap_2024",),
        ),
        judge_findings(
            data.claim("s3_live_bandwidth"),
            [
                illustration(
                    data.claim("s3_live_bandwidth"),
                    codec_cut,
                    "打掉一半 ('knocks off half') is colloquial and read as 'about half'. The "
                    "article does not say how H.266 halves live-streaming bandwidth cost. As "
                    "an illustration, this book applies section 2.1's H.266 bitrates for "
                    f"uploaded video, {bitrate_cut(data)}, a {format_percent(codec_cut, 0)} cut, "
                    "to "
                    "live streams: more than half, at the top end of what 'about half' is "
                    "read as. That link is this book's assumption, not the article's, and "
                    "this book found no source that live streams use H.266 at all.",
                )
            ],
            None,
        ),
        derived(
            "d_live_net",
            "3",
            "TikTok's net from live gifting",
            net,
            "USD",
            f"{usd(gifting)} × {format_percent(take, 0)} = {usd(net)}. "
            "This book found no source for "
            "TikTok's gift revenue alone.",
            Verdict.UNVERIFIABLE,
        ),
    )
    return found
