"""Chapter 2.1: the H.266/VVC codec, the bitrate cut and the CDN saving it is said to buy."""

from __future__ import annotations

import re

import pandas as pd

from bytebook.article import DAYS_IN_YEAR, SECTION_TITLES, YEAR
from bytebook.checks import unsettled
from bytebook.data import ASSUMPTIONS_FILE, CLAIMS_FILE, REFERENCES_FILE, BookData
from bytebook.findings import Findings
from bytebook.ledger import Basis, LedgerEntry, Verdict, derived, judge, stated_entry, working
from bytebook.numbers import (
    MILLION,
    as_recorded,
    bits_per_second,
    by_unit,
    data_size,
    format_in,
    format_percent,
    in_a_list,
    money,
    seconds,
    significant,
)

SECTIONS = ("2", "2.1")
"""The article sections whose claims this chapter judges."""

INPUTS = (
    ASSUMPTIONS_FILE,
    CLAIMS_FILE,
    REFERENCES_FILE,
)
"""The data files its analysis reads (checked by a test that records what it reads)."""

BITS_PER_BYTE = 8
SECONDS_PER_HOUR = 3600
BYTES_PER_GB = 1e9
DAYS_IN_COMMON_YEAR = 365
"""A year of days as 一年 counts it where no year is named (the article's 7.3 亿 a year is its
200 万美元 a day × 365)."""
UPLOAD_LENGTHS = (5, 180)
"""The average video lengths, in seconds, the upload chart runs between: the article gives no
average length, so the chart spans a five-second clip to three minutes (its text and caption
name both ends)."""



def bitrate_cut(data: BookData) -> str:
    """The article's cut of the upload bitrate as the book writes it (8 → 3.2 Mbps)."""
    before, after = data.stated("s21_bitrate_upload"), data.stated("s21_bitrate_vvc")
    return f"{significant(before / MILLION)} → {bits_per_second(after)}"

def gb_per_watch_hour(bitrate_bps: float) -> float:
    """Gigabytes delivered by one hour of video at `bitrate_bps`."""
    return bitrate_bps / BITS_PER_BYTE * SECONDS_PER_HOUR / BYTES_PER_GB


def daily_saving(
    watch_hours: float,
    saved_bps: float,
    price_per_gb: float,
    delivered_ratio: float = 1.0,
    decoder_share: float = 1.0,
) -> float:
    """USD saved a day: watch-hours × GB saved per hour at the delivered bitrate × price per
    GB, counting only the viewing on devices that decode the new codec."""
    per_hour = gb_per_watch_hour(saved_bps * delivered_ratio)
    return watch_hours * decoder_share * per_hour * price_per_gb


def saving_expression(gb_saved_per_hour: float) -> str:
    """The daily saving in USD million as a Vega expression of `datum.price` (USD per GB) and
    the sliders `watch_hours_m` (millions of hours a day), `delivered_ratio` and
    `decoder_share`: daily_saving in the page."""
    return (
        f"datum.price * watch_hours_m * {float(gb_saved_per_hour)!r} * delivered_ratio * "
        "decoder_share"
    )


def price_expression(daily_m: float, gb_saved_per_hour: float) -> str:
    """The price per GB (USD) at which the daily saving reaches `daily_m` USD million, as a
    Vega expression of the sliders `saving_expression` reads: the price in the page."""
    return (
        f"{float(daily_m)!r} / (watch_hours_m * {float(gb_saved_per_hour)!r} * delivered_ratio * "
        "decoder_share)"
    )


ROUND_CLAIMS = ("hevc_vs_avc_bytedance", "vvc_vs_hevc_bytedance")
"""ByteDance's video cloud team's round words on the last two standards: each halves the
bitrate of the one before at the same quality."""


CODEC_SOURCES = ("vvc_vs_hevc_objective", "vvc_vs_hevc_subjective", "bvc2_vs_x265", *ROUND_CLAIMS)
"""The published codec gains the bitrate cut is set beside, and the round claim against AVC."""


def round_cut_against_avc(data: BookData) -> float:
    """The bitrate cut of H.266/VVC against H.264/AVC that ByteDance's team's round words give:
    one less the product of the two generations' shares of the bitrate before them."""
    share_of_avc = data.reference("hevc_vs_avc_bytedance") * data.reference(
        "vvc_vs_hevc_bytedance"
    )
    return 1 - share_of_avc


PLATFORM_ENTRANTS = 4
"""How many of the contest's listed entrants, first in its report's list, run platforms as
ByteDance does (Baidu, Alibaba, Tencent, Google)."""


def _entrants(data: BookData) -> str:
    """The contest's entrants that run platforms, as its report lists them first, and the
    others it lists."""
    names = str(data.references.at["msu2020_entrants", "value_text"]).removesuffix(" and others")
    listed = names.split(", ")
    platforms, others = listed[:PLATFORM_ENTRANTS], listed[PLATFORM_ENTRANTS:]
    return (
        f"the platforms {', '.join(platforms[:-1])} and {platforms[-1]} (besides "
        f"{', '.join(others[:-1])} and {others[-1]})"
    )


PERCENT_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)%")
"""A range of percents as a source prints it: '33.1-36.6%'."""


def quoted_range(data: BookData, reference_id: str) -> tuple[float, float]:
    """A source's figure as the range its quote prints: from the recorded value (the range's
    low end) to the quote's high end ('33.1-36.6%' gives 0.331 to 0.366); the recorded value
    twice where the quote prints no range."""
    value = data.reference(reference_id)
    match = PERCENT_RANGE.search(str(data.references.at[reference_id, "quote"]))
    if match is None:
        return value, value
    return value, max(value, float(match.group(2)) / 100)


ARTICLE_FIGURES = {
    "upload_bitrate": "s21_bitrate_upload",
    "vvc_bitrate": "s21_bitrate_vvc",
    "claimed_daily": "s21_cdn_daily",
    "claimed_yearly": "s21_cdn_yearly",
    "new_videos": "s21_new_videos",
}
"""The article's figures the chapter's own sentences restate, each glued from its claim row."""


def _price_text(price: float, as_sourced: bool, recorded: str) -> str:
    """The default CDN price as the prose writes it: at its source's `recorded` decimals while it
    is that source's figure ('USD 0.020'), else as any amount ('USD 0.01')."""
    return f"USD {as_recorded(price, recorded)}" if as_sourced else money(price, "USD")


def _three_threads(data: BookData) -> LedgerEntry:
    """三条暗线: the threads section 二 goes on to set out, each a numbered part of its own, as
    this book's sections 2.1 to 2.3 follow them (`bytebook.article.SECTION_TITLES`)."""
    threads = [SECTION_TITLES[key] for key in SECTION_TITLES if key.startswith("2.")]
    return judge(
        data.claim("s2_three_threads"),
        len(threads),
        Basis.ARTICLE,
        f"Section 二 goes on to set out {len(threads)} threads, each a numbered part of its own "
        f"(this book's {in_a_list(threads)}), and each is checked in its own chapter.",
    )


def vvc_heading_entry(data: BookData, contest_year: int) -> LedgerEntry:
    """视频编解码：H.266/VVC 自研算法, read as a Chinese reader reads 编解码, encoding and
    decoding, under a thread on compression: ByteDance's own H.266/VVC decoder is on record in
    its own team's words (P), but it covers the decoding side only, so it does not decide; this
    book found no encoder of its own for the standard, and the figure that needs one is judged
    in its own row."""
    evidence = (
        "A heading: 自研算法 under 视频编解码 (video coding, encoding and decoding), algorithms "
        "of ByteDance's own for the H.266/VVC standard, over a thread whose figures come from "
        "compressing uploads, an encoder's work. On the decoding side they are on record: "
        "ByteDance's video cloud team wrote of BVC, its new-generation decoder, helping bring "
        f"H.266/VVC into commercial use ({data.cite('bvc_vvc_decoder')}). That covers less than "
        "the heading does, which introduces a thread about compressing uploads, so it does not "
        "decide. On the encoding side, which the thread's lower bitrate needs, this book found "
        "no record of them: the one encoder of ByteDance's own that this book's sources "
        f"record is BVC2.0, from its result at the MSU contest of {contest_year} "
        f"({data.cite('bvc2_vs_x265')}); the passage read compares its files with x265's and "
        "names no standard, so it says neither that BVC2.0 follows H.266/VVC nor that it does "
        "not. This book found no source on whether ByteDance has an H.266/VVC encoder of its "
        "own, which is not to say it has none; the figure that needs one is judged in the row "
        f"of 「{data.claim('s21_bitrate_vvc')['quote_zh']}」."
    )
    return stated_entry(
        data.claim("s21_heading_vvc"),
        None,
        Verdict.UNVERIFIABLE,
        evidence,
        ("bvc_vvc_decoder", "bvc2_vs_x265"),
    )


def analyse(data: BookData) -> Findings:
    """Check the codec claims and solve the delivery model for the article's USD 2M a day."""
    found = Findings()
    for key, claim_id in ARTICLE_FIGURES.items():
        found.number(key, data.stated(claim_id), by_unit, data.claims.at[claim_id, "unit"])
    before, after = data.stated("s21_bitrate_upload"), data.stated("s21_bitrate_vvc")
    saved_bps = before - after
    cut = found.number("bitrate_cut", saved_bps / before, format_percent, 0)
    per_hour = found.number("gb_saved_per_hour", gb_per_watch_hour(saved_bps), "{:.2f} GB")
    price = data.assumed("cdn_price_per_gb")
    (price_source,) = data.basis_references("cdn_price_per_gb")
    recorded = str(data.references.at[price_source, "value_text"])
    as_sourced = price == float(recorded)
    found.number(
        "price_default",
        price,
        _price_text,
        as_sourced,
        recorded,
        digits_from=(recorded,) if as_sourced else (),
    )
    per_hour_usd = daily_saving(1, saved_bps, price)
    found.number("usd_saved_per_hour", per_hour_usd, "USD {:.4f}")
    claimed_daily = data.stated("s21_cdn_daily")
    hours = found.number(
        "implied_watch_hours", claimed_daily / per_hour_usd, format_in, "million", 1
    )
    yearly = found.number("yearly_from_daily", claimed_daily * DAYS_IN_YEAR, money, "USD")
    found.number("days_2024", DAYS_IN_YEAR, str)
    found.number("days_common_year", DAYS_IN_COMMON_YEAR, str)
    common = found.number("yearly_common", claimed_daily * DAYS_IN_COMMON_YEAR, money, "USD")
    videos = data.stated("s21_new_videos")
    per_second = found.number(
        "upload_bytes_per_second_of_length", videos * before / BITS_PER_BYTE, format_in, "TB"
    )
    for end, length in zip(("shortest", "longest"), UPLOAD_LENGTHS, strict=True):
        found.number(f"upload_length_{end}", length, seconds)
        uploaded = found.number(f"uploaded_at_{end}", length * per_second, data_size)
        found.add(
            working(
                f"d_uploaded_at_{end}",
                "2.1",
                f"Bytes uploaded a day at the upload chart's {end} average length",
                uploaded,
                "bytes/day",
                f"{format_in(per_second, 'TB')} a day per second of length × {seconds(length)} = "
                f"{data_size(uploaded)} a day.",
            )
        )

    objective_low, objective = quoted_range(data, "vvc_vs_hevc_objective")
    objective_words = (
        f"{format_percent(objective_low, 1)} to {format_percent(objective, 1)}"
        if objective != objective_low
        else format_percent(objective, 1)
    )
    subjective = data.reference("vvc_vs_hevc_subjective")
    bvc2_saving = 1 - data.reference("bvc2_vs_x265")
    contest_year = int(data.references.at["bvc2_vs_x265", "period"])
    found.number("bvc2_year", contest_year, str)
    # Each at the precision its source prints: 33.1% to 36.6%, "roughly 45%", 66% of x265's.
    found.number("vvc_objective", objective, lambda _: objective_words)
    for key, value, decimals in (
        ("vvc_subjective", subjective, 0),
        ("bvc2_saving", bvc2_saving, 0),
    ):
        found.number(key, value, format_percent, decimals)
    rates = f"{before / 1e6:g} → {after / 1e6:g} Mbps"
    avc_cut = found.number("vvc_vs_avc_round_cut", round_cut_against_avc(data), format_percent, 0)
    against_avc = (
        "Against an older codec it might: ByteDance's video cloud team writes that HEVC "
        "doubled AVC's compression and VVC doubles it again at the same quality "
        f"({data.cite(*ROUND_CLAIMS)}), so VVC would need about a quarter of AVC's bitrate, a "
        f"cut of about {format_percent(avc_cut, 0)}. A round claim about the standards, not a "
        "measurement; and the article does not say what codec the upload uses."
    )
    codec_evidence = (
        f"{rates} is a {format_percent(cut, 0)} cut. Published gains are smaller: VVC saves "
        f"{objective_words} over HEVC at equal objective quality "
        f"({data.cite('vvc_vs_hevc_objective')}) and about {format_percent(subjective, 0)} at "
        f"equal subjective quality ({data.cite('vvc_vs_hevc_subjective')}); ByteDance's own "
        f"BVC2.0 files are {format_percent(bvc2_saving, 0)} smaller than x265's "
        f"({data.cite('bvc2_vs_x265')}; the passage read names no standard for BVC2.0). "
        f"The published gains above do not reach the cut. {against_avc}"
    )
    found.add(
        _three_threads(data),
        unsettled(data, "s21_new_videos", "This book found no source for TikTok's daily uploads."),
        unsettled(data, "s21_resolution", "This book found no source for TikTok's upload formats."),
        unsettled(
            data,
            "s21_bitrate_upload",
            "This book found no source for TikTok's upload bitrate.",
        ),
        unsettled(data, "s21_bitrate_vvc", codec_evidence, sources=CODEC_SOURCES),
        unsettled(
            data,
            "s21_rewrote_codec",
            "A contrast in marketing idiom, read as 'peers tune off-the-shelf encoders, ByteDance "
            "builds its own'. ByteDance does have its own encoder: BVC2.0's files were "
            f"{format_percent(bvc2_saving, 0)} smaller than x265's at the MSU contest of "
            f"{contest_year} ({data.cite('bvc2_vs_x265')}). So do peers: the same report "
            f"names the contest's other entrants, among them {_entrants(data)}, most with "
            "long experience in video encoders, which weighs against the contrast read "
            "literally. But a contest entry, ByteDance's as much as theirs, shows an encoder, "
            "not what a platform runs, and the article names no peer, so the contrast could "
            "not be checked.",
            sources=("bvc2_vs_x265", "msu2020_entrants"),
        ),
        vvc_heading_entry(data, contest_year),
        derived(
            "d_bitrate_cut",
            "2.1",
            f"Bitrate cut implied by {rates}",
            cut,
            "share",
            f"({before / 1e6:g} − {after / 1e6:g}) ÷ {before / 1e6:g} = {format_percent(cut, 0)}. "
            "The published gains this cut is set against, and why none reaches it, are in the "
            f"row of 「{data.claims.at['s21_bitrate_vvc', 'quote_zh']}」.",
            Verdict.UNVERIFIABLE,
            CODEC_SOURCES,
        ),
        stated_entry(
            data.claim("s21_lossless"),
            None,
            Verdict.UNVERIFIABLE,
            "画质无损 is marketing idiom, read as a Chinese reader reads it: no visible loss of "
            "quality, not mathematically lossless coding. Published results compare codecs at "
            f"equal quality: VVC needs {objective_words} less bitrate than HEVC at "
            f"equal measured quality ({data.cite('vvc_vs_hevc_objective')}) and about "
            f"{format_percent(subjective, 0)} less at equal perceived quality "
            f"({data.cite('vvc_vs_hevc_subjective')}). A {format_percent(cut, 0)} cut with no "
            "visible loss is more than either. Against AVC it might, by ByteDance's team's "
            "round words on the standards, which the row of "
            f"「{data.claims.at['s21_bitrate_vvc', 'quote_zh']}」 sets out.",
            ("vvc_vs_hevc_objective", "vvc_vs_hevc_subjective", *ROUND_CLAIMS),
        ),
        unsettled(
            data,
            "s21_cdn_daily",
            "This book found no source for a negotiated CDN price for TikTok. At the CloudFront "
            f"list floor of USD {price:.3f}/GB (P; taken as an upper bound on the strength of a "
            "note beside it in the book's references, whose source was not read), saving "
            f"{per_hour:.2f} GB per watch-hour (the article's {rates} for uploaded video, "
            "taken as the bitrates viewers are sent) needs "
            f"{format_in(hours, 'million', 1)} hours of 1080p viewing a day; at a lower price, "
            "more.",
            sources=("cdn_list_floor_useu",),
        ),
        judge(
            data.claim("s21_cdn_yearly"),
            common,
            Basis.ARTICLE,
            f"{money(claimed_daily, 'USD')} a day × {DAYS_IN_COMMON_YEAR} days "
            f"(一年, no year named) = {money(common, 'USD')}; over {YEAR}'s {DAYS_IN_YEAR} days, "
            f"{money(yearly, 'USD')}. 「{data.claims.at['s21_cdn_yearly', 'quote_zh']}」 names no "
            "currency; it is read in the US dollars of "
            f"「{data.claims.at['s21_cdn_daily', 'quote_zh']}」, which it is worked from.",
        ),
        derived(
            "d_cdn_watch_hours",
            "2.1",
            "1080p watch-hours a day that the claimed saving implies",
            hours,
            "count",
            f"{money(claimed_daily, 'USD')} ÷ (USD {price:.3f}/GB × {per_hour:.2f} GB per hour) = "
            f"{format_in(hours, 'million', 1)} hours a day. "
            "This book found no source for "
            "TikTok's viewing hours by resolution.",
            Verdict.UNVERIFIABLE,
        ),
    )
    megabits = f"({before / 1e6:g} − {after / 1e6:g}) Mbps"
    found.add(
        working(
            "d_cdn_yearly_leap",
            "2.1",
            f"The claimed daily CDN saving over the {DAYS_IN_YEAR} days of {YEAR}",
            yearly,
            "USD/year",
            f"{money(claimed_daily, 'USD')} a day × {DAYS_IN_YEAR} days = {money(yearly, 'USD')}.",
        ),
        working(
            "d_gb_saved_per_hour",
            "2.1",
            f"GB saved per hour watched by cutting {rates}",
            per_hour,
            "GB/hour",
            f"{megabits} ÷ {BITS_PER_BYTE} bits per byte × {SECONDS_PER_HOUR} s = "
            f"{per_hour:.2f} GB.",
        ),
        working(
            "d_usd_saved_per_hour",
            "2.1",
            "Saving per hour watched at the default CDN price, in USD",
            per_hour_usd,
            "USD/hour",
            f"{per_hour:.2f} GB saved per hour watched × USD {price:.3f}/GB (the CloudFront list "
            f"floor, P; taken as an upper bound on an unread note) = USD {per_hour_usd:.4f}.",
            ("cdn_list_floor_useu",),
        ),
        working(
            "d_upload_bytes_per_second_of_length",
            "2.1",
            "Bytes uploaded a day for every second of average video length",
            per_second,
            "bytes/day",
            f"{format_in(videos, 'million')} videos a day × {before / 1e6:g} Mbps ÷ "
            f"{BITS_PER_BYTE} bits per byte = {format_in(per_second, 'TB')} a day per second of "
            "length.",
        ),
        working(
            "d_bvc2_saving",
            "2.1",
            "How much smaller BVC2.0's files are than x265's",
            bvc2_saving,
            "share",
            f"1 − {format_percent(data.reference('bvc2_vs_x265'), 0)} (BVC2.0's size relative "
            f"to x265's, {data.cite('bvc2_vs_x265')}) = {format_percent(bvc2_saving, 0)}.",
            ("bvc2_vs_x265",),
        ),
    )
    found.tables["gains"] = pd.DataFrame(
        {
            "result": [
                f"Article: {bitrate_cut(data)}",
                "VVC vs HEVC, objective (P)",
                "VVC vs HEVC, subjective (S)",
                "ByteDance BVC2.0 vs x265 (S)",
            ],
            "saving": [cut, objective, subjective, bvc2_saving],
            "saving_low": [cut, objective_low, subjective, bvc2_saving],
            "shown": [
                format_percent(cut, 0),
                objective_words,
                format_percent(subjective, 0),
                format_percent(bvc2_saving, 0),
            ],
        }
    )
    found.tables["upload"] = pd.DataFrame({"per_second_bytes": [per_second]})
    return found
