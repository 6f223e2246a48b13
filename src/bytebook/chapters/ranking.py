"""Chapter 4: the ranking table, re-sorted, cross-checked and set beside filed figures."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

import pandas as pd

from bytebook.data import CLAIMS_FILE, RANKING_FILE, REFERENCES_FILE, BookData
from bytebook.findings import Findings
from bytebook.fx import implied_rate, year_rates
from bytebook.ledger import (
    Basis,
    LedgerEntry,
    Verdict,
    derived,
    judge,
    relative_gap,
    unverifiable,
)
from bytebook.units import format_billion, format_percent, format_usd, format_yi, format_yuan

SECTIONS = ("4",)
"""The article sections whose claims this chapter judges."""

INPUTS = (
    CLAIMS_FILE,
    RANKING_FILE,
    REFERENCES_FILE,
)
"""The data files its analysis reads (checked by a test that records what it reads)."""

IMPLIED_TOTAL_TOLERANCE = 0.10
"""Overseas ÷ share is compared with the filed total at ±10%: both inputs are rounded, and
an 'N+' amount may sit up to 10% above N."""

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
    "overseas_cny": ("Overseas (亿元)", format_yi),
    "share": ("Share", partial(format_percent, digits=0)),
    "implied_total_cny": ("Implied total (亿元)", format_yi),
    "filed_total_cny": ("Reported total (亿元)", format_yi),
    "gap": ("Gap", format_percent),
    "filed_source": ("Reported by", None),
}
"""How the implied-totals table is shown: each column's header and formatter."""

FILED_REFERENCES = ("filed_total_ref", "filed_overseas_ref", "filed_share_ref")
"""The columns of data/ranking_table.csv that name a company's filed figures."""

WEAK_SHARES = {"Xiaomi": "xiaomi_overseas_q3_2024"}
"""Weak (W) figures that corroborate a share but cannot decide it."""

NO_SPLIT = "The references hold no full-year 2024 overseas split for {company}."
GROWTH_DATA = (
    "Settling it needs each company's overseas revenue for 2023 and 2024. The filings give "
    "BYD's, Haier's and Midea's; Lenovo's, Huawei's and Xiaomi's full-year splits were not found, "
    "and the article prints no growth rate but ByteDance's."
)


def analyse(data: BookData) -> Findings:
    """Reproduce, re-sort and check the ranking table."""
    table = _article_figures(data)
    usd, cny = data.stated("t_bytedance_overseas"), data.stated("t_bytedance_overseas_cny")
    rate = implied_rate(cny, usd)
    filed = _filed_figures(data, table, rate)
    found = Findings()
    found.tables["printed"] = data.ranking[list(PRINTED_HEADERS)].rename(columns=PRINTED_HEADERS)
    found.tables["sorted"] = _sorted(table)
    found.tables["filed"] = _filed_comparison(table, filed)
    found.tables["filed_by_companies"] = _published_by_companies(found.tables["filed"])
    return found.merge(
        _record_ranks(data, table),
        _check_rate(data, usd, cny, rate),
        _implied_totals(data, table, filed),
        _rank_with_filed(table, filed),
        _check_remaining(data, table, filed),
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
    """The ranking claims, judged by sorting the table's own figures."""
    found = Findings()
    bytedance = found.number("rank_bytedance", rank_of(table, "ByteDance"), "{:.0f}")
    huawei = found.number("rank_huawei", rank_of(table, "Huawei"), "{:.0f}")
    printed_sorted = list(table["printed_order"]) == list(_sorted(table)["printed_order"])
    found.number("printed_is_sorted", printed_sorted, _yes_no)
    smallest = found.number("smallest_printed", table["overseas_cny"].min(), format_yi)
    printed = data.ranking.set_index("company_en")["overseas_revenue_printed"]
    evidence = (
        f"Sorted by the table's own figures, ByteDance ({printed['ByteDance']}) ranks "
        f"{bytedance:.0f} of {len(table)}."
    )
    for claim_id in ("s4_top3", "s4_software_top3"):
        found.add(judge(data.claim(claim_id), bytedance, Basis.ARTICLE, evidence))
    found.add(
        judge(
            data.claim("t_huawei_top3"),
            huawei,
            Basis.ARTICLE,
            f"Sorted by the table's own figures, Huawei ({printed['Huawei']}) ranks "
            f"{huawei:.0f} of {len(table)}.",
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
    average = rates.average
    found.number("stated_usd", usd, format_usd, 0)
    found.number("stated_cny", cny, format_yuan)
    found.number("fx_average", average.cny_per_usd, "{:.4f}")
    found.number("table_rate", rate, "{:.4f}")
    gap = found.number("table_rate_gap", relative_gap(rate, average.cny_per_usd), format_percent)
    at_average = found.number("bytedance_cny_at_average", average.to_cny(usd), format_yi)
    found.add(
        derived(
            "d_table_implied_rate",
            "4",
            "Exchange rate behind the table's conversion of USD into yuan",
            rate,
            "CNY/USD",
            f"{format_yi(cny)} ÷ {format_yi(usd)} = {rate:.4f} CNY/USD, {format_percent(gap)} "
            f"from the 2024 average {average.cny_per_usd} and "
            f"{rates.position(rate)} of the 2024 "
            "monthly averages (Federal Reserve H.10, P).",
            Verdict.SUPPORTED if rates.contains(rate) else Verdict.CONTRADICTED,
            rates.reference_ids,
        ),
        judge(
            data.claim("t_bytedance_overseas_cny"),
            at_average,
            Basis.SOURCE,
            f"USD {format_billion(usd, 0)} at the 2024 average of {average.cny_per_usd} CNY/USD "
            f"(P) is {format_yi(at_average)}元; the printed {format_yi(cny)} is "
            f"{format_percent(relative_gap(cny, at_average))} away (≈ allows 5%); the rate it "
            "implies is checked in d_table_implied_rate.",
            (average.reference_id,),
        ),
    )
    return found


def _filed_total_cny(data: BookData, row: pd.Series, rate: float) -> float:
    """The company's filed total revenue in CNY, or its filed overseas revenue ÷ share."""
    total = _reference_cny(data, row["filed_total_ref"], rate)
    if total is None:
        total = data.reference(row["filed_overseas_ref"]) / data.reference(row["filed_share_ref"])
    return total


def _implied_totals(data: BookData, table: pd.DataFrame, filed: pd.DataFrame) -> Findings:
    """Overseas ÷ share for every company, against its filed total."""
    found = Findings()
    found.number("implied_total_tolerance", IMPLIED_TOTAL_TOLERANCE, format_percent, 0)
    records = []
    for _, row in table.iterrows():
        implied = row["overseas_cny"] / row["share"]
        total = filed.at[row["company"], "filed_total_cny"]
        gap = relative_gap(implied, total)
        agrees = abs(gap) <= IMPLIED_TOTAL_TOLERANCE
        key = _key(row["company"])
        found.number(f"implied_total_{key}", implied, format_yi)
        found.number(f"filed_total_{key}", total, format_yi)
        found.number(f"implied_total_gap_{key}", gap, format_percent)
        source = _total_source(data, row)
        found.add(
            derived(
                f"d_implied_total_{key}",
                "4",
                f"{row['company']}: total revenue implied by the table (overseas ÷ share)",
                implied,
                "CNY",
                f"{format_yi(row['overseas_cny'])} ÷ {format_percent(row['share'], 0)} = "
                f"{format_yi(implied)}, {format_percent(gap)} from {source} of {format_yi(total)}.",
                Verdict.SUPPORTED if agrees else Verdict.CONTRADICTED,
                tuple(
                    r
                    for r in (
                        row["filed_total_ref"],
                        row["filed_overseas_ref"],
                        row["filed_share_ref"],
                    )
                    if r
                ),
            )
        )
        records.append(
            {
                "company": row["company"],
                "company_zh": row["company_zh"],
                "overseas_cny": row["overseas_cny"],
                "share": row["share"],
                "implied_total_cny": implied,
                "filed_total_cny": total,
                "gap": gap,
                "agrees": agrees,
                "filed_source": source,
            }
        )
    totals = found.tables["implied_totals"] = pd.DataFrame(records)
    disagree = list(totals.loc[~totals["agrees"], "company"])
    found.number("implied_total_disagreements", len(disagree), lambda _: _join(disagree))
    return found


def _total_source(data: BookData, row: pd.Series) -> str:
    if row["filed_total_ref"]:
        reference = data.references.loc[row["filed_total_ref"]]
        converted = " at the table's own rate" if reference["unit"] == "USD" else ""
        return f"the reported total ({reference['period']}, {reference['reliability']}){converted}"
    return "the total derived from its filed overseas revenue and share (S)"


def _filed_figures(data: BookData, table: pd.DataFrame, rate: float) -> pd.DataFrame:
    """Each company's filed overseas revenue and share (None where the references have
    neither) and its filed total, all in CNY, indexed by company; USD filings are converted at
    the table's own `rate`, so the exchange rate drops out of every comparison."""
    records = []
    for _, row in table.iterrows():
        overseas, share = _filed_overseas(data, row, rate)
        records.append(
            {
                "company": row["company"],
                "filed_overseas_cny": overseas,
                "filed_share": share,
                "filed_total_cny": _filed_total_cny(data, row, rate),
            }
        )
    return pd.DataFrame(records).set_index("company", drop=False)


def _filed_comparison(table: pd.DataFrame, filed: pd.DataFrame) -> pd.DataFrame:
    """The article's overseas figures beside filed ones, where the references have them."""
    return pd.DataFrame(
        {
            "company": list(table["company"]),
            "article_overseas_cny": list(table["overseas_cny"]),
            "filed_overseas_cny": list(filed["filed_overseas_cny"]),
            "article_share": list(table["share"]),
            "filed_share": list(filed["filed_share"]),
            "filed_total_cny": list(filed["filed_total_cny"]),
        }
    )


def _published_by_companies(filed: pd.DataFrame) -> pd.DataFrame:
    """The rows whose overseas figure the company itself publishes. ByteDance is private:
    its overseas figure is a press report, not a filing."""
    published = filed.dropna(subset=["filed_overseas_cny"])
    return published[published["company"] != "ByteDance"].reset_index(drop=True)


def _reference_cny(data: BookData, reference_id: str, rate: float) -> float | None:
    """A reference amount in CNY; USD amounts use the table's own rate, so FX drops out."""
    if not reference_id:
        return None
    reference = data.references.loc[reference_id]
    value = float(reference["value"])
    return value * rate if reference["unit"] == "USD" else value


def _filed_overseas(
    data: BookData, row: pd.Series, rate: float
) -> tuple[float | None, float | None]:
    """Filed overseas revenue (CNY) and share; one is derived from the other when missing."""
    overseas = _reference_cny(data, row["filed_overseas_ref"], rate)
    share = data.reference(row["filed_share_ref"]) if row["filed_share_ref"] else None
    total = _reference_cny(data, row["filed_total_ref"], rate)
    if overseas is None and share is not None and total is not None:
        overseas = share * total
    if share is None and overseas is not None and total is not None:
        share = overseas / total
    return overseas, share


def _check_remaining(data: BookData, table: pd.DataFrame, filed: pd.DataFrame) -> Findings:
    """Verdicts for every cell of the table and for the growth claims."""
    found = Findings()
    for (_, row), (_, figures) in zip(data.ranking.iterrows(), table.iterrows(), strict=True):
        company = filed.loc[row["company_en"]]
        filed_overseas = _known(company["filed_overseas_cny"])
        filed_share = _known(company["filed_share"])
        filed_total = company["filed_total_cny"]
        if row["company_en"] != "ByteDance":
            found.add(_judge_overseas(data, row, filed_overseas, filed_share, filed_total))
        found.add(_judge_share(data, row, figures, filed_share, filed_total))
    growth = data.reference("bd_intl_growth_2024")
    for claim_id in ("s4_growth", "t_bytedance_growth"):
        found.add(
            judge(
                data.claim(claim_id),
                growth,
                Basis.SOURCE,
                f"{format_percent(growth, 0)} per {data.cite('bd_intl_growth_2024')}.",
            )
        )
    found.add(
        judge(
            data.claim("t_bytedance_overseas"),
            data.reference("bd_intl_2024"),
            Basis.SOURCE,
            f"USD {format_billion(data.reference('bd_intl_2024'), 0)} per "
            f"{data.cite('bd_intl_2024')}; a press report on a private company, "
            "not audited.",
        ),
        unverifiable(data.claim("s4_growth_first"), GROWTH_DATA),
        unverifiable(data.claim("s4_growth_double"), GROWTH_DATA),
        unverifiable(
            data.claim("t_haier_years"),
            "The references hold no dated start of Haier's own-brand push abroad.",
        ),
    )
    return found


def _known(value: float) -> float | None:
    """A filed figure, or None where the references have none."""
    return None if pd.isna(value) else float(value)


def _key(company: str) -> str:
    return company.split()[0].lower()


def _judge_overseas(
    data: BookData, row: pd.Series, filed: float | None, filed_share: float | None, total: float
) -> LedgerEntry:
    claim = data.claim(row["revenue_claim"])
    company = row["company_en"]
    if filed is not None:
        how = (
            data.cite(row["filed_overseas_ref"])
            if row["filed_overseas_ref"]
            else f"{format_percent(filed_share, 2)} × {format_yi(total)} per "
            f"{data.cite(row['filed_share_ref'])}"
        )
        return judge(
            claim,
            filed,
            Basis.SOURCE,
            f"Filed: {format_yi(filed)}元 ({how}); the printed {row['overseas_revenue_printed']} "
            f"is {format_percent(relative_gap(claim['value'], filed))} from it.",
        )
    claim_share = data.stated(row["share_claim"]) * total
    return unverifiable(
        claim,
        NO_SPLIT.format(company=company)
        + f" The printed share × the reported total ({data.cite(row['filed_total_ref'])}) "
        f"would be {format_yi(claim_share)}元.",
        claim_share,
    )


def _judge_share(
    data: BookData, row: pd.Series, figures: pd.Series, filed_share: float | None, total: float
) -> LedgerEntry:
    claim = data.claim(row["share_claim"])
    if filed_share is not None:
        basis = row["filed_share_ref"] or row["filed_overseas_ref"]
        return judge(
            claim,
            filed_share,
            Basis.SOURCE,
            f"Filed share: {format_percent(filed_share, 2)} ({data.cite(basis)}); printed "
            f"{row['overseas_share_printed']}.",
        )
    implied = figures["overseas_cny"] / total
    return unverifiable(
        claim,
        NO_SPLIT.format(company=row["company_en"])
        + f" The printed amount over the reported total ({data.cite(row['filed_total_ref'])}) "
        f"would be {format_percent(implied)}." + _weak_note(data, row),
        implied,
        tuple(r for r in (row["filed_total_ref"], WEAK_SHARES.get(row["company_en"])) if r),
    )


def _join(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'; 'none' for an empty list."""
    if not names:
        return "none"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _rank_with_filed(table: pd.DataFrame, filed: pd.DataFrame) -> Findings:
    """Rank the companies again, with filed overseas revenue where a filing gives it."""
    found = Findings()
    overseas = filed["filed_overseas_cny"]
    mixed = table.assign(
        overseas_cny=[
            overseas[c] if pd.notna(overseas[c]) else v
            for c, v in zip(table["company"], table["overseas_cny"], strict=True)
        ]
    )
    for company in ("BYD", "Haier Smart Home", "Midea"):
        key = _key(company)
        found.number(f"filed_overseas_{key}", overseas[company], format_yuan)
        found.number(f"rank_{key}_filed", rank_of(mixed, company), _place)
    return found


def _place(n: int) -> str:
    """1 -> '1st place', 2 -> '2nd place', 11 -> '11th place'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} place"


def _weak_note(data: BookData, row: pd.Series) -> str:
    """A sentence on a weak figure that bears on the company's share, if there is one."""
    reference_id = WEAK_SHARES.get(row["company_en"])
    if not reference_id:
        return ""
    reference = data.references.loc[reference_id]
    return (
        f" A single quarter's figure ({reference['period']}) is corroboration only: "
        f"{reference['quote']} ({data.cite(reference_id)})."
    )
