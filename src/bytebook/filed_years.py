"""Which fiscal year's filed figures each row of the ranking table really matches.

The table is headed "2024". For each company, every filed overseas amount (by year) is paired
with every filed total (by year), so that a pair may mix years: an amount from one year over a
total from another. Each pair is graded against the printed amount and the printed share with
the verdict policy; the best pair is the one whose worse gap is smallest.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from bytebook.policy import Interval, evidence_interval, relative_gap

FILED_ROWS: dict[str, dict[str, dict[str, str]]] = {
    "Lenovo": {
        "FY2022/23": {"total": "lenovo_rev_fy2223"},
        "FY2023/24": {
            "overseas": "lenovo_overseas_fy2324_approx",
            "total": "lenovo_rev_fy2324_cny",
        },
        "FY2024/25": {"total": "lenovo_rev_fy2425_cny"},
    },
    "Huawei": {
        "FY2022": {"total": "huawei_rev_2022"},
        "FY2023": {"overseas": "huawei_overseas_2023_derived", "total": "huawei_rev_2023"},
        "FY2024": {"total": "huawei_rev_2024"},
    },
    "ByteDance": {
        "FY2022": {"total": "bd_group_2022"},
        "FY2023": {"overseas": "bd_intl_2023_derived", "total": "bd_group_2023_ft"},
        "FY2024": {"overseas": "bd_intl_2024", "total": "bd_group_2024"},
    },
    "Xiaomi": {
        "FY2022": {"total": "xiaomi_rev_2022"},
        "FY2023": {"total": "xiaomi_rev_2023"},
        "FY2024": {"total": "xiaomi_rev_2024"},
    },
    "Midea": {
        "FY2022": {"overseas": "midea_overseas_2022_derived"},
        "FY2023": {
            "overseas": "midea_overseas_2023",
            "share": "midea_overseas_share_2023",
            "total": "midea_rev_2023",
        },
        "FY2024": {"share": "midea_overseas_share_2024", "total": "midea_rev_2024"},
    },
    "BYD": {
        "FY2022": {"overseas": "byd_overseas_2022_derived", "total": "byd_rev_2022"},
        "FY2023": {
            "overseas": "byd_overseas_2023",
            "share": "byd_overseas_share_2023",
            "total": "byd_rev_2023",
        },
        "FY2024": {"overseas": "byd_overseas_2024", "total": "byd_rev_2024"},
    },
    "Haier Smart Home": {
        "FY2022": {"overseas": "haier_overseas_2022_derived"},
        "FY2023": {"overseas": "haier_overseas_2023", "total": "haier_rev_2023"},
        "FY2024": {"overseas": "haier_overseas_2024", "share": "haier_overseas_share_2024"},
    },
}
"""For each company and fiscal year, the ids in data/references.csv of its filed overseas
revenue, overseas share and total revenue, where the research found them."""

CLAIMED_YEAR = {
    "Lenovo": "FY2024/25",
    "Huawei": "FY2024",
    "ByteDance": "FY2024",
    "Xiaomi": "FY2024",
    "Midea": "FY2024",
    "BYD": "FY2024",
    "Haier Smart Home": "FY2024",
}
"""The fiscal year the table's '2024' heading names for each company (Lenovo's year ends in
March: FY2024/25 is its year to 31 March 2025)."""


@dataclass(frozen=True)
class Figure:
    """A filed figure as an interval, with the reference rows it rests on and their weakest tag."""

    band: Interval
    unit: str
    sources: tuple[str, ...]
    reliability: str


_TAG_ORDER = "PSW"


def _weakest(*tags: str) -> str:
    return max(tags, key=_TAG_ORDER.index)


def reference_figure(references: pd.DataFrame, reference_id: str) -> Figure:
    """One reference row as a Figure."""
    row = references.loc[reference_id]
    return Figure(
        evidence_interval(str(row["value_text"])),
        str(row["unit"]),
        (reference_id,),
        str(row["reliability"]),
    )


def year_figures(references: pd.DataFrame, company: str) -> dict[str, dict[str, Figure]]:
    """Each year's overseas amount, share and total for `company`. An amount missing beside a
    share and a total is their product; a share missing beside an amount and a total in the
    same unit is their quotient."""
    years: dict[str, dict[str, Figure]] = {}
    for year, ids in FILED_ROWS[company].items():
        figures = {kind: reference_figure(references, ref) for kind, ref in ids.items()}
        overseas, share, total = (figures.get(k) for k in ("overseas", "share", "total"))
        if overseas is None and share is not None and total is not None:
            figures["overseas"] = Figure(
                share.band * total.band,
                total.unit,
                share.sources + total.sources,
                _weakest(share.reliability, total.reliability),
            )
        years[year] = figures
    return years


@dataclass(frozen=True)
class Pairing:
    """One candidate reading of a printed row: the amount of one year over the total of another."""

    amount_year: str
    total_year: str
    amount: Figure
    share: Figure
    amount_gap: float
    share_gap: float

    @property
    def worse_gap(self) -> float:
        return max(self.amount_gap, self.share_gap)

    @property
    def label(self) -> str:
        if self.amount_year == self.total_year:
            return self.amount_year
        return f"{self.amount_year} amount over {self.total_year} total"


def pairings(
    references: pd.DataFrame, company: str, amount: Interval, share: Interval, unit: str
) -> list[Pairing]:
    """Every reading of the printed amount and share as one year's filed amount over one
    year's filed total (or that year's filed share), sorted best first: smallest worse gap,
    then smallest sum of gaps, then same-year pairs, then later years."""
    years = year_figures(references, company)
    found = []
    for amount_year, a_figs in years.items():
        overseas = a_figs.get("overseas")
        if overseas is None or overseas.unit != unit:
            continue
        for total_year, t_figs in years.items():
            same_year_share = t_figs.get("share") if total_year == amount_year else None
            total = t_figs.get("total")
            if same_year_share is not None:
                filed_share = same_year_share
            elif total is not None and total.unit == overseas.unit:
                filed_share = Figure(
                    overseas.band / total.band,
                    "share",
                    overseas.sources + total.sources,
                    _weakest(overseas.reliability, total.reliability),
                )
            else:
                continue
            found.append(
                Pairing(
                    amount_year,
                    total_year,
                    overseas,
                    filed_share,
                    relative_gap(amount, overseas.band),
                    relative_gap(share, filed_share.band),
                )
            )
    order = list(years)
    return sorted(
        found,
        key=lambda p: (
            round(p.worse_gap, 12),
            round(p.amount_gap + p.share_gap, 12),
            p.amount_year != p.total_year,
            -order.index(p.amount_year),
        ),
    )


def implied_total_years(
    references: pd.DataFrame, company: str, implied_total: Interval, unit: str
) -> dict[str, float]:
    """The gap between the total the printed pair implies (amount ÷ share) and each year's
    filed total, for companies whose overseas amount was not found."""
    return {
        year: relative_gap(implied_total, figs["total"].band)
        for year, figs in year_figures(references, company).items()
        if "total" in figs and figs["total"].unit == unit
    }


def by_year_table(references: pd.DataFrame, company: str) -> pd.DataFrame:
    """A company's filed overseas amount, share and total by year (NaN where not found), with
    the weakest reliability tag of each year's figures."""
    rows = []
    for year, figs in year_figures(references, company).items():
        overseas, total = figs.get("overseas"), figs.get("total")
        share = figs.get("share")
        if share is None and overseas is not None and total is not None:
            if overseas.unit == total.unit:
                share = Figure(
                    overseas.band / total.band,
                    "share",
                    overseas.sources + total.sources,
                    _weakest(overseas.reliability, total.reliability),
                )
        rows.append(
            {
                "company": company,
                "year": year,
                "overseas": overseas.band.mid if overseas else float("nan"),
                "overseas_unit": overseas.unit if overseas else "",
                "overseas_tag": overseas.reliability if overseas else "",
                "share": share.band.mid if share else float("nan"),
                "share_tag": share.reliability if share else "",
                "total": total.band.mid if total else float("nan"),
                "total_unit": total.unit if total else "",
                "sources": tuple(
                    dict.fromkeys(ref for fig in figs.values() for ref in fig.sources)
                ),
            }
        )
    return pd.DataFrame(rows)
