"""Chapter 4: the ranking table, re-sorted, cross-checked and set beside filed figures."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

import pandas as pd

from bytebook import filed_years
from bytebook.checks import claim_band, deciding, reference_band
from bytebook.data import CLAIMS_FILE, RANKING_FILE, REFERENCES_FILE, BookData
from bytebook.findings import Findings
from bytebook.fx import implied_rate, rate_from_references, year_rates
from bytebook.ledger import (
    Basis,
    Finding,
    LedgerEntry,
    Verdict,
    derived,
    finding,
    judge,
    judge_findings,
    relative_gap,
    stated_entry,
)
from bytebook.numbers import money
from bytebook.policy import SUBSTANCE_MARGIN, Interval, compare, span
from bytebook.units import format_billion, format_percent, format_usd, format_yi, format_yuan


def usd(value: float) -> str:
    """A US-dollar amount in the book's number style (bytebook.numbers): 'USD 151 bn'."""
    return money(value, "USD")

SECTIONS = ("4",)
"""The article sections whose claims this chapter judges."""

INPUTS = (
    CLAIMS_FILE,
    RANKING_FILE,
    REFERENCES_FILE,
)
"""The data files its analysis reads (checked by a test that records what it reads)."""

PRINTED_HEADERS = {
    "company_zh": "公司 Company",
    "overseas_revenue_printed": "2024 海外营收 Overseas revenue",
    "overseas_share_printed": "海外占比 Overseas share",
    "markets_zh": "核心战场 Main markets",
    "remark_zh": "备注 Remarks",
}

SORTED_COLUMNS = {
    "rank_by_revenue": ("Rank by revenue", None),
    "printed_order": ("Printed position", None),
    "company": ("Company", None),
    "company_zh": ("公司", None),
    "overseas_cny": ("Overseas revenue (亿元)", format_yi),
    "share": ("Overseas share", partial(format_percent, digits=0)),
}
"""How the re-sorted table is shown: each column's header and formatter."""

TOTALS_COLUMNS = {
    "company": ("Company", None),
    "company_zh": ("公司", None),
    "implied_low_cny": ("Implied from (亿元)", format_yi),
    "implied_high_cny": ("Implied to (亿元)", format_yi),
    "filed_total_cny": ("Reported total (亿元)", format_yi),
    "verdict": ("Verdict", None),
    "filed_source": ("Reported by", None),
}
"""How the implied-totals table is shown: each column's header and formatter."""

YEARS_COLUMNS = {
    "company": ("Company", None),
    "claimed_year": ("Year the table names", None),
    "matched": ("Best match", None),
    "filed_amount_text": ("Filed amount", None),
    "filed_share": ("Filed share", format_percent),
    "amount_gap": ("Amount gap", format_percent),
    "share_gap": ("Share gap", format_percent),
    "tag": ("Weakest tag", None),
}
"""How the best-matching years are shown."""

GROWTH_COLUMNS = {
    "company": ("Company", None),
    "growth": ("Overseas growth FY2024", format_percent),
    "low": ("From", format_percent),
    "high": ("To", format_percent),
    "decides": ("P or S only", lambda v: "yes" if v else "no (W)"),
}
"""How the club's overseas growth is shown."""

PEERS_COLUMNS = {
    "company": ("Company", None),
    "overseas_cny": ("Abroad (亿元)", format_yi),
    "basis": ("Figure used", None),
}
"""How the peers with 1,000亿元 or more abroad are shown."""

FILED_REFERENCES = ("filed_total_ref", "filed_overseas_ref", "filed_share_ref")
"""The columns of data/ranking_table.csv that name a company's filed figures."""


def analyse(data: BookData) -> Findings:
    """Reproduce, re-sort and check the ranking table."""
    table = _article_figures(data)
    usd, cny = data.stated("t_bytedance_overseas"), data.stated("t_bytedance_overseas_cny")
    rate = implied_rate(cny, usd)
    matched = year_matches(data)
    years = matched.tables["years"]
    filed = _filed_comparison(data, table, rate)
    published = _published_by_companies(filed)
    found = Findings()
    found.tables["printed"] = data.ranking[list(PRINTED_HEADERS)].rename(columns=PRINTED_HEADERS)
    found.tables["sorted"] = _sorted(table)
    found.tables["filed"] = filed
    found.tables["filed_by_companies"] = published
    return found.merge(
        matched,
        _record_ranks(data, table),
        _check_rate(data, usd, cny, rate),
        _implied_totals(data, table, rate),
        _by_year_frames(data),
        _rank_with_filed(table, published),
        _check_remaining(data, years),
        _growth(data),
        _peers(data, rank_of(table, "ByteDance")),
    )


def filed_references(data: BookData, companies: Iterable[str]) -> list[str]:
    """The references.csv rows that the filed figures of `companies` come from, in table order."""
    rows = data.ranking[data.ranking["company_en"].isin(list(companies))]
    refs = [ref for _, row in rows.iterrows() for ref in row[list(FILED_REFERENCES)] if ref]
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
            "share": [data.stated(c) for c in rows["share_claim"]],
            "revenue_claim": rows["revenue_claim"],
            "share_claim": rows["share_claim"],
            "filed_overseas_ref": rows["filed_overseas_ref"],
            "filed_share_ref": rows["filed_share_ref"],
            "filed_total_ref": rows["filed_total_ref"],
        }
    )


def _sorted(table: pd.DataFrame) -> pd.DataFrame:
    ordered = table.sort_values("overseas_cny", ascending=False, kind="stable").reset_index(
        drop=True
    )
    ordered["rank_by_revenue"] = range(1, len(ordered) + 1)
    return ordered[
        ["rank_by_revenue", "printed_order", "company", "company_zh", "overseas_cny", "share"]
    ]


def rank_of(table: pd.DataFrame, company: str) -> int:
    """A company's rank by the article's overseas revenue (1 = largest)."""
    ordered = table.sort_values("overseas_cny", ascending=False, kind="stable")
    return list(ordered["company"]).index(company) + 1


def _record_ranks(data: BookData, table: pd.DataFrame) -> Findings:
    """The ranking claims read within the table, judged by sorting its own figures."""
    found = Findings()
    bytedance = found.number("rank_bytedance", rank_of(table, "ByteDance"), "{:.0f}")
    huawei = found.number("rank_huawei", rank_of(table, "Huawei"), "{:.0f}")
    printed_sorted = list(table["printed_order"]) == list(_sorted(table)["printed_order"])
    found.number("printed_is_sorted", printed_sorted, _yes_no)
    smallest = found.number("smallest_printed", table["overseas_cny"].min(), format_yi)
    printed = data.ranking.set_index("company_en")["overseas_revenue_printed"]
    found.add(
        judge(
            data.claim("s4_software_top3"),
            bytedance,
            Basis.ARTICLE,
            f"Read within the table it comments on (一眼看明白). Sorted by the table's own "
            f"figures, ByteDance ({printed['ByteDance']}) ranks {bytedance:.0f} of {len(table)}, "
            "and it is the only software company among the seven.",
        ),
        judge(
            data.claim("t_huawei_top3"),
            huawei,
            Basis.ARTICLE,
            f"A remark in the table, read within it. Sorted by the table's own figures, Huawei "
            f"({printed['Huawei']}) ranks {huawei:.0f} of {len(table)}.",
        ),
        judge(
            data.claim("s4_club"),
            smallest,
            Basis.ARTICLE,
            f"The smallest overseas revenue in the table is {format_yi(smallest)}元, so all seven "
            "companies are in the 千亿 club.",
        ),
    )
    return found


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _check_rate(data: BookData, usd: float, cny: float, rate: float) -> Findings:
    """The rate behind the table's USD-to-yuan conversion against the year's rates."""
    found = Findings()
    rates = year_rates(data.references)
    average, lowest, highest = rates.average, rates.lowest, rates.highest
    found.number("stated_usd", usd, format_usd, 0)
    found.number("stated_cny", cny, format_yuan)
    found.number("fx_average", average.cny_per_usd, "{:.4f}")
    found.number("table_rate", rate, "{:.4f}")
    gap = found.number("table_rate_gap", relative_gap(rate, average.cny_per_usd), format_percent)
    at_average = found.number("bytedance_cny_at_average", average.to_cny(usd), format_yi)
    rate_band = claim_band(data, "t_bytedance_overseas_cny") / claim_band(
        data, "t_bytedance_overseas"
    )
    found.number("table_rate_low", rate_band.low, "{:.2f}")
    found.number("table_rate_high", rate_band.high, "{:.2f}")
    rate_check = compare(
        rate_band,
        Interval(lowest.cny_per_usd, highest.cny_per_usd),
        Basis.SOURCE,
        f"{format_yi(cny)} ÷ {format_yi(usd)} = {rate:.4f} CNY/USD, {format_percent(gap)} "
        f"from the 2024 average {average.cny_per_usd} and "
        f"{rates.position(rate)} of the 2024 monthly averages (Federal "
        f"Reserve H.10, P). At the printed precision (≈ 2855 and 390) the rate could be "
        f"{rate_band.low:.2f} to {rate_band.high:.2f}, which spans every 2024 month: the figures "
        "are too round to pin the rate the article used.",
    )
    usd_band = reference_band(data, "bd_intl_2024") * average.cny_per_usd
    found.add(
        derived(
            "d_table_implied_rate",
            "4",
            "Exchange rate behind the table's conversion of USD into yuan",
            rate,
            "CNY/USD",
            rate_check.evidence,
            rate_check.verdict,
            (average.reference_id, lowest.reference_id, highest.reference_id),
        ),
        judge(
            data.claim("t_bytedance_overseas_cny"),
            usd_band,
            Basis.SOURCE,
            f"USD {format_billion(usd, 0)} ({data.cite('bd_intl_2024')}) at the 2024 average "
            f"of {average.cny_per_usd} CNY/USD (P) is {format_yi(at_average)}元 "
            f"({span(usd_band, format_yi)}); the printed {format_yi(cny)} is "
            f"{format_percent(relative_gap(cny, at_average))} from the middle; the rate it "
            "implies is in d_table_implied_rate.",
            ("bd_intl_2024", average.reference_id),
        ),
    )
    return found


def _printed_bands(data: BookData, row: pd.Series) -> tuple[Interval, Interval, str]:
    """The printed amount and share of a table row as intervals, and the amount's currency.
    ByteDance's amount is taken in USD as printed; the others in yuan."""
    unit = data.claims.at[row["revenue_claim"], "unit"]
    return claim_band(data, row["revenue_claim"]), claim_band(data, row["share_claim"]), unit


def _claimed_figures(data: BookData, company: str) -> dict[str, filed_years.Figure]:
    """The company's filed figures for the year the table's heading names."""
    years = filed_years.year_figures(data.references, company)
    return years.get(filed_years.CLAIMED_YEAR[company], {})


def _implied_totals(data: BookData, table: pd.DataFrame, table_rate: float) -> Findings:
    """Overseas ÷ share for every company, as a band, against its filed total for the year
    the table names (or, where no total was found, its filed overseas amount ÷ filed share)."""
    found = Findings()
    records = []
    for (_, row), (_, figures) in zip(data.ranking.iterrows(), table.iterrows(), strict=True):
        company = row["company_en"]
        amount, share, unit = _printed_bands(data, row)
        implied_band = amount / share
        claimed = _claimed_figures(data, company)
        if "total" in claimed:
            total = claimed["total"]
            source = (
                f"the reported total ({filed_years.CLAIMED_YEAR[company]}, {total.reliability})"
            )
        else:
            total = filed_years.Figure(
                claimed["overseas"].band / claimed["share"].band,
                claimed["overseas"].unit,
                claimed["overseas"].sources + claimed["share"].sources,
                claimed["overseas"].reliability,
            )
            source = "the total its filed overseas revenue and share imply (S)"
        rate = table_rate if unit == "USD" else 1.0
        implied = figures["overseas_cny"] / figures["share"]
        filed = total.band.mid * (rate if total.unit == "USD" else 1.0)
        gap = relative_gap(implied, filed)
        key = _key(company)
        found.number(f"implied_total_{key}", implied, format_yi)
        found.number(f"filed_total_{key}", filed, format_yi)
        found.number(f"implied_total_gap_{key}", gap, format_percent)
        shown = usd if unit == "USD" else format_yi
        check = compare(
            implied_band,
            total.band,
            Basis.SOURCE,
            f"{row['overseas_revenue_printed']} ÷ {row['overseas_share_printed']} = "
            f"{span(implied_band, shown)} at the printed precision, against {source} of "
            f"{shown(total.band.mid)}.",
            total.sources,
            deciding(data, *total.sources),
        )
        verdict = check.verdict if check.decides else Verdict.UNVERIFIABLE
        found.add(
            derived(
                f"d_implied_total_{key}",
                "4",
                f"{company}: total revenue implied by the table (overseas ÷ share)",
                implied,
                "CNY",
                check.evidence,
                verdict,
                total.sources,
            )
        )
        records.append(
            {
                "company": company,
                "company_zh": row["company_zh"],
                "overseas_cny": figures["overseas_cny"],
                "share": figures["share"],
                "implied_total_cny": implied,
                "implied_low_cny": implied_band.low * rate,
                "implied_high_cny": implied_band.high * rate,
                "filed_total_cny": filed,
                "gap": gap,
                "agrees": verdict in (Verdict.SUPPORTED, Verdict.CONSISTENT),
                "verdict": str(verdict),
                "filed_source": source,
            }
        )
    totals = found.tables["implied_totals"] = pd.DataFrame(records)
    disagree = list(totals.loc[~totals["agrees"], "company"])
    found.number("implied_total_disagreements", len(disagree), lambda _: _join(disagree))
    return found


def _filed_comparison(data: BookData, table: pd.DataFrame, table_rate: float) -> pd.DataFrame:
    """The article's overseas figures beside the filed ones for the year it names, where found."""
    records = []
    for _, row in table.iterrows():
        claimed = _claimed_figures(data, row["company"])
        overseas, share = claimed.get("overseas"), claimed.get("share")
        rate = table_rate if overseas is not None and overseas.unit == "USD" else 1
        if share is None and overseas is not None and "total" in claimed:
            share = filed_years.Figure(
                overseas.band / claimed["total"].band, "share", (), overseas.reliability
            )
        records.append(
            {
                "company": row["company"],
                "article_overseas_cny": row["overseas_cny"],
                "filed_overseas_cny": overseas.band.mid * rate if overseas else None,
                "filed_tag": overseas.reliability if overseas else "",
                "article_share": row["share"],
                "filed_share": share.band.mid if share else None,
                "filed_total_cny": _filed_total(claimed, table_rate),
            }
        )
    return pd.DataFrame(records)


def _filed_total(claimed: dict[str, filed_years.Figure], table_rate: float) -> float | None:
    """The filed total for the year the table names, in yuan (USD at the table's rate)."""
    total = claimed.get("total")
    if total is None:
        return None
    return total.band.mid * (table_rate if total.unit == "USD" else 1.0)


def _published_by_companies(filed: pd.DataFrame) -> pd.DataFrame:
    """The rows whose filed overseas figure for the named year the research found, from a P or
    S source. ByteDance is private: its overseas figure is a press report, not a filing."""
    published = filed.dropna(subset=["filed_overseas_cny"])
    published = published[published["filed_tag"].isin(["P", "S"])]
    return published[published["company"] != "ByteDance"].reset_index(drop=True)


YEAR_COLUMNS = [
    "company",
    "claimed_year",
    "matched",
    "amount_gap",
    "share_gap",
    "filed_amount",
    "filed_amount_text",
    "filed_share",
    "tag",
    "sources",
    "finding",
]


def year_matches(data: BookData) -> Findings:
    """For each company, the filed year (or pair of years) its printed amount and share match
    best: a `years` table (its `finding` column says it in words), a glued sentence and a
    derived ledger row per company."""
    found = Findings()
    records = []
    for _, row in data.ranking.iterrows():
        company = row["company_en"]
        amount, share, unit = _printed_bands(data, row)
        options = filed_years.pairings(data.references, company, amount, share, unit)
        key = _key(company)
        claimed_year = filed_years.CLAIMED_YEAR[company]
        if not options:
            gaps = filed_years.implied_total_years(data.references, company, amount / share, unit)
            matching = [year for year, gap in gaps.items() if gap == 0]
            text = (
                f"{company}'s full-year overseas revenue was not found for any year. The "
                f"printed pair implies a total of {span(amount / share, format_yi)}, which "
                + (
                    f"matches the filed totals of {_join(matching)}"
                    if matching
                    else "matches no filed total"
                )
                + (
                    f" but not {claimed_year}'s ({format_percent(gaps[claimed_year])} apart)."
                    if claimed_year in gaps and gaps[claimed_year] > 0
                    else "."
                )
            )
            found.number(f"year_match_{key}", 0, text)
            found.add(
                derived(
                    f"d_year_match_{key}",
                    "4",
                    f"{company}: the filed year the printed row matches best",
                    float("nan"),
                    "text",
                    text,
                    Verdict.UNVERIFIABLE,
                )
            )
            records.append(
                {
                    "company": company,
                    "claimed_year": claimed_year,
                    "matched": "not found",
                    "amount_gap": float("nan"),
                    "share_gap": float("nan"),
                    "filed_amount": float("nan"),
                    "filed_amount_text": "not found",
                    "filed_share": float("nan"),
                    "tag": "",
                    "sources": "",
                    "finding": text,
                }
            )
            continue
        best = options[0]
        sources = tuple(dict.fromkeys(best.amount.sources + best.share.sources))
        tag = max(best.amount.reliability, best.share.reliability, key="PSW".index)
        shown = usd if unit == "USD" else format_yi
        both = best.amount_gap == 0 and best.share_gap == 0
        text = (
            f"Best match: {best.label}: filed amount {shown(best.amount.band.mid)} "
            f"({'inside' if best.amount_gap == 0 else f'{best.amount_gap:.1%} outside'} the "
            f"printed {row['overseas_revenue_printed']}), share "
            f"{format_percent(best.share.band.mid)} "
            f"({'inside' if best.share_gap == 0 else f'{best.share_gap:.1%} outside'} the "
            f"printed {row['overseas_share_printed']}). The table names {claimed_year}."
            + ("" if tag != "W" else " Rests on a W figure: an illustration, not a verdict.")
        )
        found.number(f"year_match_{key}", len(options), text)
        claimed_matches = best.amount_year == best.total_year == claimed_year
        close = best.worse_gap <= SUBSTANCE_MARGIN
        if tag == "W" or not close:
            verdict = Verdict.UNVERIFIABLE
        elif claimed_matches:
            verdict = Verdict.SUPPORTED if both else Verdict.OFF_IN_DETAIL
        else:
            verdict = Verdict.CONTRADICTED
        found.add(
            derived(
                f"d_year_match_{key}",
                "4",
                f"{company}: the filed year the printed row matches best",
                best.amount.band.mid,
                unit,
                text
                + (
                    " The printed row matches another period than the one it names."
                    if verdict is Verdict.CONTRADICTED
                    else ""
                ),
                verdict,
                sources,
            )
        )
        records.append(
            {
                "company": company,
                "claimed_year": claimed_year,
                "matched": best.label,
                "amount_gap": best.amount_gap,
                "share_gap": best.share_gap,
                "filed_amount": best.amount.band.mid,
                "filed_amount_text": shown(best.amount.band.mid),
                "filed_share": best.share.band.mid,
                "tag": tag,
                "sources": ";".join(sources),
                "finding": text,
            }
        )
    found.tables["years"] = pd.DataFrame(records, columns=YEAR_COLUMNS)
    return found


def _by_year_frames(data: BookData) -> Findings:
    """For each company, its filed figures by year in display units (亿元, or USD bn for
    ByteDance, and percent) as `by_year_<key>` tables, and the printed bands as
    `printed_bands`."""
    found = Findings()
    bands = []
    for _, row in data.ranking.iterrows():
        company = row["company_en"]
        amount, share, unit = _printed_bands(data, row)
        divisor, title = (
            (1e9, "Overseas revenue, USD bn")
            if unit == "USD"
            else (
                1e8,
                "Overseas revenue, 亿元",
            )
        )
        years = filed_years.by_year_table(data.references, company)
        frame = years.assign(
            overseas=years["overseas"] / divisor,
            share_pct=years["share"] * 100,
            share_pct_tag=years["share_tag"],
        )
        frame["overseas_label"] = [
            "" if pd.isna(v) else f"{v:,.0f} ({t})"
            for v, t in zip(frame["overseas"], frame["overseas_tag"], strict=True)
        ]
        frame["share_pct_label"] = [
            "" if pd.isna(v) else f"{v:.1f}% ({t})"
            for v, t in zip(frame["share_pct"], frame["share_pct_tag"], strict=True)
        ]
        found.tables[f"by_year_{_key(company)}"] = frame
        bands.append(
            {
                "company": company,
                "company_zh": row["company_zh"],
                "key": _key(company),
                "amount_low": amount.low / divisor,
                "amount_high": amount.high / divisor,
                "share_low": share.low * 100,
                "share_high": share.high * 100,
                "amount_label": row["overseas_revenue_printed"],
                "share_label": row["overseas_share_printed"],
                "amount_title": title,
            }
        )
    found.tables["printed_bands"] = pd.DataFrame(bands)
    return found


def _check_remaining(data: BookData, years: pd.DataFrame) -> Findings:
    """Verdicts for every amount and share cell of the table, each with its period finding."""
    found = Findings()
    matched = years.set_index("company")
    for _, row in data.ranking.iterrows():
        year = matched.loc[row["company_en"]]
        if row["company_en"] != "ByteDance":
            found.add(_judge_cell(data, row, "overseas", row["revenue_claim"], year))
        found.add(_judge_cell(data, row, "share", row["share_claim"], year))
    found.add(
        judge(
            data.claim("t_bytedance_overseas"),
            reference_band(data, "bd_intl_2024"),
            Basis.SOURCE,
            f"USD {format_billion(data.reference('bd_intl_2024'), 0)} per "
            f"{data.cite('bd_intl_2024')}; a press report on a private company, not audited.",
            ("bd_intl_2024",),
        ),
        unverifiable_years(data),
    )
    return found


def unverifiable_years(data: BookData) -> LedgerEntry:
    """Haier's '20 years' of own-brand work abroad."""
    return stated_entry(
        data.claim("t_haier_years"),
        None,
        Verdict.UNVERIFIABLE,
        "The research found no dated start of Haier's own-brand push abroad.",
    )


def _judge_cell(
    data: BookData, row: pd.Series, kind: str, claim_id: str, year: pd.Series
) -> LedgerEntry:
    """One amount or share cell against the filed figure for the year the table names, with
    the best-matching year as a period finding."""
    company = row["company_en"]
    claim = data.claim(claim_id)
    claimed_year = filed_years.CLAIMED_YEAR[company]
    figures = _claimed_figures(data, company)
    findings: list[Finding] = []
    filed = figures.get(kind)
    if kind == "share" and filed is None and "overseas" in figures and "total" in figures:
        overseas, total = figures["overseas"], figures["total"]
        if overseas.unit == total.unit:
            filed = filed_years.Figure(
                overseas.band / total.band,
                "share",
                overseas.sources + total.sources,
                max(overseas.reliability, total.reliability, key="PSW".index),
            )
    shown = (
        format_percent
        if kind == "share"
        else (usd if claim["unit"] == "USD" else format_yi)
    )
    if filed is not None:
        findings.append(
            finding(
                claim,
                filed.band,
                Basis.SOURCE,
                f"Filed for {claimed_year}: {shown(filed.band.mid)} ("
                + "; ".join(dict.fromkeys(data.cite(ref) for ref in filed.sources))
                + ").",
                filed.sources,
                decides=deciding(data, *filed.sources),
            )
        )
        recomputed = filed.band.mid
    else:
        recomputed = None
        what = "overseas revenue" if kind == "overseas" else "overseas share"
        findings.append(
            Finding(
                Verdict.UNVERIFIABLE,
                f"{company}'s {claimed_year} {what} was not found in the references (which is "
                "not to say the company does not publish it).",
                decides=False,
            )
        )
    if kind == "share" and company == "Lenovo":
        ref = "lenovo_overseas_share_yang_2022"
        findings.append(
            finding(
                claim,
                reference_band(data, ref),
                Basis.SOURCE,
                f"{data.references.at[ref, 'item']}: {format_percent(data.reference(ref), 0)} "
                f"({data.cite(ref)}): {data.references.at[ref, 'note']}.",
                (ref,),
                decides=False,
            )
        )
    if kind == "share" and company == "Xiaomi":
        quarters = ("xiaomi_overseas_q1_2023", "xiaomi_overseas_q3_2024")
        findings.append(
            Finding(
                Verdict.UNVERIFIABLE,
                "Single quarters only: "
                + "; ".join(
                    f"{data.references.at[r, 'period']}, "
                    f"{format_yi(data.reference(r))}元 ({data.cite(r)}; "
                    f"{data.references.at[r, 'note'] or data.references.at[r, 'quote']})"
                    for r in quarters
                )
                + ".",
                decides=False,
                sources=quarters,
            )
        )
    entry = judge_findings(claim, findings, recomputed, "")
    return stated_entry(
        claim,
        entry.recomputed,
        entry.verdict,
        f"{entry.evidence} Period finding: {year['finding']}",
        entry.sources
        + tuple(r for r in str(year["sources"]).split(";") if r and r not in entry.sources),
    )


GROWTH_PEERS = {
    "BYD": ("byd_overseas_2024", "byd_overseas_2023"),
    "Midea": (("midea_overseas_share_2024", "midea_rev_2024"), "midea_overseas_2023"),
    "Haier Smart Home": ("haier_overseas_2024", "haier_overseas_2023"),
}
"""Overseas revenue in FY2024 and FY2023 for the club members where both years were found
(Midea's FY2024 amount is its filed share × its filed total)."""


def _amount_band(data: BookData, spec: str | tuple[str, str]) -> tuple[Interval, tuple[str, ...]]:
    if isinstance(spec, tuple):
        return reference_band(data, spec[0]) * reference_band(data, spec[1]), spec
    return reference_band(data, spec), (spec,)


def overseas_growth(data: BookData) -> pd.DataFrame:
    """FY2024 overseas growth of each club member where both years were found, as a band."""
    rows = []
    for company, (now_spec, before_spec) in GROWTH_PEERS.items():
        now, now_refs = _amount_band(data, now_spec)
        before, before_refs = _amount_band(data, before_spec)
        growth = now / before - 1
        refs = now_refs + before_refs
        rows.append(
            {
                "company": company,
                "growth": growth.mid,
                "low": growth.low,
                "high": growth.high,
                "sources": refs,
                "decides": deciding(data, *refs),
            }
        )
    return pd.DataFrame(rows)


def _growth(data: BookData) -> Findings:
    """ByteDance's 63%, 'first by a mile' and 'more than twice the runner-up'."""
    found = Findings()
    growth = data.reference("bd_intl_growth_2024")
    for claim_id in ("s4_growth", "t_bytedance_growth"):
        found.add(
            judge(
                data.claim(claim_id),
                reference_band(data, "bd_intl_growth_2024"),
                Basis.SOURCE,
                f"{format_percent(growth, 0)} per {data.cite('bd_intl_growth_2024')}.",
                ("bd_intl_growth_2024",),
            )
        )
    peers = overseas_growth(data)
    found.tables["growth"] = peers
    deciding_peers = peers[peers["decides"]]
    runner = deciding_peers.loc[deciding_peers["growth"].idxmax()]
    bytedance = reference_band(data, "bd_intl_growth_2024")
    runner_band = Interval(runner["low"], runner["high"])
    ratio = bytedance / runner_band
    found.number("growth_runner_up", runner["growth"], format_percent)
    found.number("growth_ratio", ratio.mid, "{:.2f}")
    listing = "; ".join(
        f"{r.company} {format_percent(r.growth)}" + ("" if r.decides else " (rests on a W row)")
        for r in peers.itertuples()
    )
    not_found = (
        "Huawei's and Xiaomi's overseas revenue was not found for 2023 or 2024 (their group "
        f"revenue grew {format_percent(data.reference('huawei_rev_growth_2024'))} and "
        f"{format_percent(data.reference('xiaomi_rev_growth_2024'))}); Lenovo's overseas total "
        "was not found either, though its Asia-Pacific revenue outside China grew "
        f"{format_percent(data.reference('lenovo_ap_growth_fy2425'), 0)} in FY2024/25 "
        f"({data.cite('lenovo_ap_growth_fy2425')}), and the same source's note has every "
        "other region growing too"
    )
    all_refs = tuple(ref for refs in peers["sources"] for ref in refs)
    for r in peers.itertuples():
        found.add(
            derived(
                f"d_overseas_growth_{_key(r.company)}",
                "4",
                f"{r.company}: overseas revenue growth, FY2024 on FY2023",
                r.growth,
                "ratio",
                f"FY2024 over FY2023 overseas revenue, less 1: {format_percent(r.growth)} "
                f"({format_percent(r.low)} to {format_percent(r.high)} at the sources' "
                "precision; "
                + "; ".join(data.cite(ref) for ref in dict.fromkeys(r.sources))
                + ")."
                + ("" if r.decides else " Rests on a W row: shown, never decisive."),
                Verdict.UNVERIFIABLE,
                tuple(dict.fromkeys(r.sources)),
            )
        )
    double = data.claim("s4_growth_double")
    found.add(
        judge_findings(
            double,
            [
                finding(
                    double,
                    ratio,
                    Basis.SOURCE,
                    f"Read as: ByteDance's growth is more than twice the runner-up's in the 千亿 "
                    f"club. Overseas growth in FY2024 where both years were found: {listing}. "
                    f"{runner['company']}'s {format_percent(runner['growth'])} is more than half "
                    f"of ByteDance's 63%: the ratio is {span(ratio, lambda v: f'{v:.2f}')}. A "
                    "faster runner-up would only lower it.",
                    tuple(runner["sources"]) + ("bd_intl_growth_2024",),
                )
            ],
            ratio.mid,
        ),
        stated_entry(
            data.claim("s4_growth_first"),
            None,
            Verdict.UNVERIFIABLE,
            f"Overseas growth in FY2024 where both years were found: {listing}; ByteDance's "
            f"63% is first among them, {100 * (growth - runner['growth']):.1f} percentage points "
            f"over {runner['company']}. But {not_found}, so the whole club cannot be ranked.",
            all_refs
            + ("huawei_rev_growth_2024", "xiaomi_rev_growth_2024", "lenovo_ap_growth_fy2425"),
        ),
        _old_money(data),
    )
    return found


def _old_money(data: BookData) -> LedgerEntry:
    """'联想、华为 … 增速已趋于平缓': growth has levelled off."""
    huawei = [data.reference(r) for r in ("huawei_rev_growth_2023", "huawei_rev_growth_2024")]
    lenovo = [
        data.reference(r)
        for r in (
            "lenovo_rev_growth_fy2223",
            "lenovo_rev_growth_fy2324",
            "lenovo_rev_growth_fy2425",
        )
    ]
    return stated_entry(
        data.claim("s4_old_money_flat"),
        None,
        Verdict.CONTRADICTED,
        "Read as: their growth has flattened out (趋于平缓). Huawei's revenue grew "
        f"{format_percent(huawei[0])} in 2023 and {format_percent(huawei[1])} in 2024 "
        f"({data.cite('huawei_rev_growth_2024')}); Lenovo's fell "
        f"{format_percent(-lenovo[0], 0)} and {format_percent(-lenovo[1], 0)} in FY2022/23 and "
        f"FY2023/24, then grew {format_percent(lenovo[2], 0)} in FY2024/25 "
        f"({data.cite('lenovo_rev_growth_fy2425')}), with Asia-Pacific outside China up "
        f"{format_percent(data.reference('lenovo_ap_growth_fy2425'), 0)} "
        f"({data.cite('lenovo_ap_growth_fy2425')}; its note has every region growing). Both "
        "accelerated in the year the table names.",
        (
            "huawei_rev_growth_2023",
            "huawei_rev_growth_2024",
            "lenovo_rev_growth_fy2223",
            "lenovo_rev_growth_fy2324",
            "lenovo_rev_growth_fy2425",
            "lenovo_ap_growth_fy2425",
        ),
    )


PEERS = {
    "Lenovo": ("lenovo_overseas_fy2324_approx", "FY2023/24, derived (W)"),
    "ByteDance": ("bd_intl_2024", "FY2024 (S)"),
    "Shein": ("shein_rev_2024", "FY2024 sales, almost all abroad (S)"),
    "Huawei": ("huawei_overseas_2023_derived", "FY2023, derived (W)"),
    "BYD": ("byd_overseas_2024", "FY2024 (P)"),
    "Midea": (("midea_overseas_share_2024", "midea_rev_2024"), "FY2024 share × total (S)"),
    "Haier Smart Home": ("haier_overseas_2024", "FY2024 (S)"),
}
"""Chinese companies with 1,000亿元 or more abroad in the references, with the figure used."""

NOT_RANKED = (
    "Xiaomi (full-year overseas revenue not found), Sinopec, PetroChina, CNOOC, CATL and China "
    "State Construction (overseas revenue for 2024 not found), Alibaba's international commerce "
    "(full year not found) and Temu (only GMV found, which is not revenue)"
)


def peers_table(data: BookData, rate: float) -> pd.DataFrame:
    """Every peer in the references with 1,000亿元 or more abroad, in yuan (USD at `rate`)."""
    rows = []
    for company, (spec, basis) in PEERS.items():
        band, refs = _amount_band(data, spec)
        usd = data.references.at[refs[0], "unit"] == "USD"
        band = band * rate if usd else band
        rows.append(
            {
                "company": company,
                "overseas_cny": band.mid,
                "low": band.low,
                "high": band.high,
                "basis": basis,
                "sources": refs,
            }
        )
    frame = pd.DataFrame(rows).sort_values("overseas_cny", ascending=False, kind="stable")
    return frame.reset_index(drop=True)


def _peers(data: BookData, table_rank: int) -> Findings:
    """'直接杀进前三' among all Chinese companies abroad, weighed against every peer found;
    `table_rank` is ByteDance's rank within the article's own table."""
    found = Findings()
    rate = rate_from_references(data.references, "fx_2024_avg_fed")
    peers = peers_table(data, rate.cny_per_usd)
    found.tables["peers"] = peers
    bd = peers[peers["company"] == "ByteDance"].iloc[0]
    surely_above = peers[peers["low"] > bd["high"]]
    maybe_above = peers[(peers["high"] >= bd["low"]) & (peers["low"] <= bd["high"])]
    maybe_above = maybe_above[maybe_above["company"] != "ByteDance"]
    best_rank = len(surely_above) + 1
    worst_rank = best_rank + len(maybe_above)
    found.number("peer_rank_best", best_rank, "{:.0f}")
    found.number("peer_rank_worst", worst_rank, "{:.0f}")
    found.number("peer_count", len(peers), "{:.0f}")
    listing = "; ".join(
        f"{r.company} {format_yi(r.overseas_cny)}元 ({r.basis})" for r in peers.itertuples()
    )
    claim = data.claim("s4_top3")
    printed = data.ranking.set_index("company_en")["overseas_revenue_printed"]
    findings = [
        finding(
            claim,
            table_rank,
            Basis.ARTICLE,
            f"Within the table, by its own figures, ByteDance ({printed['ByteDance']}) ranks "
            f"{table_rank:.0f} of 7; but the claim covers all Chinese companies abroad "
            "(中国所有出海企业), not the seven.",
            decides=False,
        ),
        finding(
            claim,
            Interval(best_rank, worst_rank),
            Basis.SOURCE,
            f"Every peer in the references with 1,000亿元 or more abroad (USD at the 2024 "
            f"average {rate.cny_per_usd}): {listing}. Among these ByteDance ranks {best_rank} "
            f"to {worst_rank} (Shein's band meets its own at this precision). Not ranked: "
            f"{NOT_RANKED}; any of them could be larger, so the references cannot settle a "
            "rank among all Chinese companies.",
            tuple(ref for refs in peers["sources"] for ref in refs),
            decides=False,
        ),
    ]
    found.add(judge_findings(claim, findings, float(best_rank)))
    return found


def _join(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'; 'none' for an empty list."""
    if not names:
        return "none"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _rank_with_filed(table: pd.DataFrame, published: pd.DataFrame) -> Findings:
    """Rank the companies again, with filed overseas revenue where a filing gives it."""
    found = Findings()
    filed = published.set_index("company")["filed_overseas_cny"]
    mixed = table.assign(
        overseas_cny=[
            filed[c] if c in filed.index else v
            for c, v in zip(table["company"], table["overseas_cny"], strict=True)
        ]
    )
    for company in ("BYD", "Haier Smart Home", "Midea"):
        key = _key(company)
        found.number(f"filed_overseas_{key}", filed[company], format_yuan)
        found.number(f"rank_{key}_filed", rank_of(mixed, company), _place)
    return found


def _place(n: float) -> str:
    """'1st place', '2nd place', …"""
    return _ordinal(int(n)) + " place"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _key(company: str) -> str:
    return company.split()[0].lower()
