"""Which fiscal year's figures each row of the ranking table really matches.

The table is headed "2024". For each company, each year's overseas amount and share (each
called by how it reached the book: filed, released, relayed, tabulated, summarised, reported
or derived; `bytebook.policy.ORIGINS`) are set against the printed amount and share with the
verdict policy. A year is compared only with itself.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from bytebook import derived_bands
from bytebook.kept import kept
from bytebook.numbers import money, percent, significant
from bytebook.policy import SECOND_HAND_MARK, Interval, relative_gap
from bytebook.schemas import RELIABILITY

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
        "FY2022": {"overseas": "midea_overseas_2022_derived", "total": "midea_rev_2022_derived"},
        "FY2023": {
            "overseas": "midea_overseas_2023",
            "share": "midea_overseas_share_2023",
            "total": "midea_rev_2023",
        },
        "FY2024": {"share": "midea_overseas_share_2024", "china": "midea_china_rev_2024"},
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
        "FY2022": {"overseas": "haier_overseas_2022_derived", "total": "haier_rev_2022"},
        "FY2023": {"overseas": "haier_overseas_2023", "total": "haier_rev_2023"},
        "FY2024": {
            "overseas": "haier_overseas_2024",
            "share": "haier_overseas_share_2024",
            "unassigned_share": "haier_unassigned_share_2024",
        },
    },
}
"""For each company and fiscal year, the ids in data/references.csv of its overseas revenue,
overseas share, total revenue and revenue in China, where the research found them, and of the
share of revenue that the filing's table by region assigns to no region. This is the one list
of the figures the ranking is checked against."""

CLAIMED_YEAR = {
    "Lenovo": "FY2024/25",
    "Huawei": "FY2024",
    "ByteDance": "FY2024",
    "Xiaomi": "FY2024",
    "Midea": "FY2024",
    "BYD": "FY2024",
    "Haier Smart Home": "FY2024",
}
"""The fiscal year the table's '2024' heading is read as for each company. The table says
2024; reading it as Lenovo's FY2024/25 (April 2024 to March 2025) is the book's choice."""

OTHER_YEAR_READINGS = {"Lenovo": ("FY2023/24", "the fiscal year that ends in March 2024")}
"""Another fiscal year a reader may take the table's '2024' for, where a company's fiscal year
is not the calendar year, with how the evidence names it."""


@dataclass(frozen=True)
class Figure:
    """A company's figure as an interval, with the reference rows it rests on, their weakest
    tag, how it reached the book (`how`, a word of `bytebook.policy.ORIGINS`: the origin column
    of data/references.csv) and, for a derived figure, the arithmetic in words and the origins
    of the figures it was derived from (`inputs`). A figure read at second hand, or derived
    from one, counts as W whatever its source's tag (`bytebook.policy.SECOND_HAND_RULE`): its
    `reliability` is then 'W' and `second_hand` is set."""

    band: Interval
    unit: str
    sources: tuple[str, ...]
    reliability: str
    how: str
    derivation: str = ""
    inputs: tuple[str, ...] = ()
    point: float | None = None
    second_hand: bool = False
    reach: float | None = None
    """For a share read up to the part of revenue its filing assigns to no region
    (`_up_to_unassigned`), the share with all of that part: 49.97% + 0.49%."""
    tabulated: Interval | None = None
    """For such a share, its own band as tabulated, with none of that part: 49.965% to
    49.975%."""

    @property
    def value(self) -> float:
        """The figure as a reader reads it: a recorded figure's own value (its band's middle),
        or for a derived one the same arithmetic on its inputs' values, which the middle of a
        quotient's band is not (23.9 ÷ 120 is 19.9%, the band's middle 19.95%)."""
        return self.band.mid if self.point is None else self.point

    def combined(
        self, other: Figure, band: Interval, unit: str, derivation: str, point: float
    ) -> Figure:
        """A figure derived from this one and `other` by `derivation`, worth `point`."""
        return Figure(
            band,
            unit,
            tuple(dict.fromkeys(self.sources + other.sources)),
            _weakest(self.reliability, other.reliability),
            "derived",
            derivation,
            tuple(dict.fromkeys(self._origins + other._origins)),
            point,
            self.second_hand or other.second_hand,
        )

    @property
    def _origins(self) -> tuple[str, ...]:
        return self.inputs or (self.how,)

    @property
    def described(self) -> str:
        """How the figure reached the book, in words: 'released', or for a figure the book
        derived, 'derived from relayed figures' ('… and a derived one' where one of them is
        itself a derivation, 'derived from figures that are themselves derived' where each
        of them is); 'derived from a figure read at second hand' where one of them was."""
        if self.how == "derived" and self.second_hand:
            return "derived from a figure read at second hand"
        if self.how != "derived" or not self.inputs:
            return self.how
        found = [origin for origin in self.inputs if origin != "derived"]
        if not found:
            return "derived from figures that are themselves derived"
        also = " and a derived one" if "derived" in self.inputs else ""
        return f"derived from {' and '.join(found)} figures{also}"

    @property
    def reach_shown(self) -> str:
        """A share's reach (`reach`) to the decimals the share is written to: 49.97% + 0.49% is
        '50.46%'; '' for a figure without one."""
        if self.reach is None:
            return ""
        return percent(self.reach, len(self.shown.rstrip("%").partition(".")[2]))

    @property
    def shown(self) -> str:
        """The figure's middle as a reader sees it, the same wherever the book writes it:
        '2,381.15亿元', '41.52%' (a recorded share), '25.2%' (a derived share, to one decimal,
        or '41.48%' to two where the figures it comes from fix it to within a hundredth of a
        point: `FINE_SHARE_BAND`), 'USD 39 bn'."""
        value = self.value
        if self.unit in ("ratio", "share"):
            if self.how != "derived":
                return f"{significant(value * 100)}%"
            fine = self.band.high - self.band.low <= FINE_SHARE_BAND
            return percent(value, digits=2 if fine else 1)
        if self.unit == "USD":
            return money(value, "USD")
        return f"{significant(value / 1e8, 6)}亿元"  # filings print yuan to the 万


FINE_SHARE_BAND = 1e-4
"""The widest band (a hundredth of a percentage point) a derived share may span and still be
written to two decimals: 1,426.5亿元 ÷ 3,439.1亿元, each worked from a growth of three digits
(`bytebook.derived_bands`), spans 0.008 points and reads 41.48%; 914.5亿元 ÷ 4,240.61亿元,
whose 914.5亿元 a growth of 75.2% fixes only to 914.2亿元 to 914.8亿元, spans 0.014 points and
reads 21.6%; USD 39 bn ÷ USD 155 bn spans 0.8 points and reads 25.2%."""

def _weakest(*tags: str) -> str:
    return max(tags, key=RELIABILITY.index)


def reference_figure(references: pd.DataFrame, reference_id: str) -> Figure:
    """One reference row as a Figure; a figure read at second hand counts as W. A derived
    row worked from other rows (`bytebook.derived_bands`) keeps its recorded figure, takes the
    band its inputs allow and cites them too."""

    def cell(column: str) -> str:  # one cell: far quicker than taking the whole row out
        return str(references.at[reference_id, column])

    second_hand = SECOND_HAND_MARK in cell("source")
    worked = reference_id in derived_bands.DERIVED_FROM
    return Figure(
        derived_bands.reference_band(references, reference_id),
        cell("unit"),
        derived_bands.rows_behind(reference_id),
        "W" if second_hand else cell("reliability"),
        cell("origin"),
        point=float(references.at[reference_id, "value"]) if worked else None,
        second_hand=second_hand,
    )


def all_reference_ids() -> list[str]:
    """Every references.csv row behind any company's figures by year."""
    return list(dict.fromkeys(ref for company in FILED_ROWS for ref in reference_ids(company)))


def reference_ids(company: str, year: str | None = None) -> list[str]:
    """The references.csv rows behind a company's figures (one year's, or every year's)."""
    years = FILED_ROWS[company]
    chosen = [years[year]] if year is not None else list(years.values())
    return list(dict.fromkeys(ref for ids in chosen for ref in ids.values()))


def overseas(references: pd.DataFrame, company: str, year: str) -> Figure:
    """A company's overseas revenue for one year, as `year_figures` gives it."""
    return year_figures(references, company)[year]["overseas"]


@kept
def year_figures(
    references: pd.DataFrame, company: str, widen: bool = True
) -> dict[str, dict[str, Figure]]:
    """Each year's overseas amount, share and total for `company`, derived where the research
    found only some of them: from China revenue and the overseas share (amount = China ×
    share ÷ (1 − share), total = China ÷ (1 − share), on the share's own revenue basis), from a
    share and a total (amount = share × total), or from an amount and a total in one unit
    (share = amount ÷ total). With `widen`, a share is read up to the share of revenue the
    filing's table by region assigns to no region (`_up_to_unassigned`); without it, as
    tabulated, which a total worked from the amount and the share needs, since that part would
    move both."""
    years: dict[str, dict[str, Figure]] = {}
    for year, ids in FILED_ROWS[company].items():
        figures = {kind: reference_figure(references, ref) for kind, ref in ids.items()}
        china, share = figures.pop("china", None), figures.get("share")
        unassigned = figures.pop("unassigned_share", None)
        if china is not None and share is not None:
            rest = Interval.exact(1.0) - share.band
            china_share = significant((1 - share.band.mid) * 100)
            share_words = f"({share.shown} overseas, so {china_share}% China)"
            figures["overseas"] = china.combined(
                share,
                china.band * share.band / rest,
                china.unit,
                f"China {china.shown} × {share.shown} ÷ {china_share}%",
                china.value * share.value / (1 - share.value),
            )
            figures["total"] = china.combined(
                share,
                china.band / rest,
                china.unit,
                f"China {china.shown} ÷ the China share {share_words}",
                china.value / (1 - share.value),
            )
        overseas, total = figures.get("overseas"), figures.get("total")
        if overseas is None and share is not None and total is not None:
            figures["overseas"] = share.combined(
                total,
                share.band * total.band,
                total.unit,
                f"{share.shown} × {total.shown}",
                share.value * total.value,
            )
        elif share is None and overseas is not None and total is not None:
            if overseas.unit == total.unit:
                figures["share"] = overseas.combined(
                    total,
                    overseas.band / total.band,
                    "share",
                    f"{overseas.shown} ÷ {total.shown}",
                    overseas.value / total.value,
                )
        if unassigned is not None and share is not None and widen:
            figures["share"] = _up_to_unassigned(share, unassigned)
        years[year] = figures
    return years


def implied_total(overseas: Figure, share: Figure) -> Figure:
    """The total revenue an overseas amount and its share of revenue give: amount ÷ share."""
    return overseas.combined(
        share,
        overseas.band / share.band,
        overseas.unit,
        f"{overseas.shown} ÷ {share.shown}",
        overseas.value / share.value,
    )


def _up_to_unassigned(figure: Figure, unassigned: Figure) -> Figure:
    """A share abroad with the share of revenue its filing's table by region assigns to no
    region, which may have been earned anywhere: from the share itself (none of it abroad) to
    the share plus all of it. It stays the share the source gives, read as that band."""
    band = Interval(figure.band.low, figure.band.high + unassigned.band.high)
    return replace(
        figure,
        band=band,
        sources=tuple(dict.fromkeys(figure.sources + unassigned.sources)),
        reliability=_weakest(figure.reliability, unassigned.reliability),
        derivation=f"up to {figure.shown} + {unassigned.shown} if all {unassigned.shown} of "
        "revenue that its table by region assigns to no region was earned abroad",
        point=figure.value,
        reach=figure.value + unassigned.value,
        tabulated=figure.band,
    )


def claimed_figures(
    references: pd.DataFrame, company: str, widen: bool = True
) -> dict[str, Figure]:
    """The company's figures for the year the table's heading is read as (`year_figures`)."""
    return year_figures(references, company, widen).get(CLAIMED_YEAR[company], {})


@dataclass(frozen=True)
class YearReading:
    """One year's figures set against the printed amount and share; a gap is None where that
    year's figure was not found. A gap is relative (a fraction of the year's figure, as the
    policy grades it); `share_points` is the share's gap in percentage points (as a fraction:
    0.065 is 6.5 points), as a reader compares two shares."""

    year: str
    amount: Figure | None
    share: Figure | None
    amount_gap: float | None
    share_gap: float | None
    share_points: float | None = None
    printed_share: Interval | None = None
    """The printed share's range, which `share_points` is measured from."""

    @property
    def complete(self) -> bool:
        """Whether both the amount and the share were found for the year."""
        return self.amount_gap is not None and self.share_gap is not None

    @property
    def worse_gap(self) -> float:
        """The larger of the year's two gaps, amount and share, each where it was found."""
        return max(g for g in (self.amount_gap, self.share_gap) if g is not None)

    @property
    def reliability(self) -> str:
        """The weakest tag (P, S, W) of the year's amount and share."""
        return _weakest(*(f.reliability for f in (self.amount, self.share) if f is not None))


def year_readings(
    references: pd.DataFrame, company: str, amount: Interval, share: Interval, unit: str
) -> list[YearReading]:
    """Every year's amount and share against the printed ones. A year is only compared with
    itself: one year's amount over another year's total is no year any company reported."""
    readings = []
    for year, figures in year_figures(references, company).items():
        filed_amount = figures.get("overseas")
        if filed_amount is not None and filed_amount.unit != unit:
            filed_amount = None
        filed_share = figures.get("share")
        if filed_amount is None and filed_share is None:
            continue
        readings.append(
            YearReading(
                year,
                filed_amount,
                filed_share,
                relative_gap(amount, filed_amount.band) if filed_amount else None,
                relative_gap(share, filed_share.band) if filed_share else None,
                share.distance(filed_share.band) if filed_share else None,
                share,
            )
        )
    return readings


@dataclass(frozen=True)
class MixedPair:
    """One year's overseas amount over another year's total: no period any company reports,
    but perhaps how a printed row was put together."""

    amount_year: str
    total_year: str
    share: Interval
    reliability: str
    sources: tuple[str, ...]
    amount: Figure
    total: Figure

    @property
    def value(self) -> float:
        """The amount's value over the total's (a quotient's band has another middle)."""
        return self.amount.value / self.total.value

    @property
    def worked(self) -> str:
        """The pair's arithmetic as the page prints it: '2,329亿元 ÷ 8,621亿元 = 27%', each amount
        written as the book writes it elsewhere (`money`)."""
        amount = money(self.amount.value, self.amount.unit)
        return f"{amount} ÷ {money(self.total.value, self.total.unit)} = {percent(self.value)}"


def mixed_pairs_that_fit(
    references: pd.DataFrame, company: str, amount: Interval, share: Interval, unit: str
) -> list[MixedPair]:
    """Every pair of one year's amount and another year's total in `unit` whose amount meets
    the printed amount and whose quotient meets the printed share."""
    years = year_figures(references, company)
    found = []
    for amount_year, figures in years.items():
        overseas = figures.get("overseas")
        if overseas is None or overseas.unit != unit or relative_gap(amount, overseas.band) > 0:
            continue
        for total_year, others in years.items():
            total = others.get("total")
            if total_year == amount_year or total is None or total.unit != unit:
                continue
            quotient = overseas.band / total.band
            if relative_gap(share, quotient) == 0:
                tag = _weakest(overseas.reliability, total.reliability)
                refs = tuple(dict.fromkeys(overseas.sources + total.sources))
                found.append(
                    MixedPair(amount_year, total_year, quotient, tag, refs, overseas, total)
                )
    return found


def closest_year(readings: list[YearReading]) -> YearReading | None:
    """The year with both figures whose worse gap, each a fraction of that year's own figure
    (`relative_gap`), is smallest (ties: the later year)."""
    complete = [r for r in readings if r.complete]
    if not complete:
        return None
    order = {r.year: i for i, r in enumerate(readings)}
    return min(complete, key=lambda r: (round(r.worse_gap, 12), -order[r.year]))


def implied_total_years(
    references: pd.DataFrame, company: str, implied_total: Interval, unit: str
) -> dict[str, tuple[float, Figure]]:
    """The gap between the total the printed pair implies (amount ÷ share) and each year's
    total, with that total, for companies whose overseas amount was not found."""
    return {
        year: (relative_gap(implied_total, figs["total"].band), figs["total"])
        for year, figs in year_figures(references, company).items()
        if "total" in figs and figs["total"].unit == unit
    }


def by_year_table(references: pd.DataFrame, company: str) -> pd.DataFrame:
    """A company's overseas amount, share and total by year (NaN where not found), with the
    tag of each figure and how it was obtained, and, for a share read up to the part of
    revenue its table assigns to no region, that reach and how it was read."""
    rows = []
    for year, figs in year_figures(references, company).items():
        overseas, share, total = (figs.get(k) for k in ("overseas", "share", "total"))
        rows.append(
            {
                "company": company,
                "year": year,
                "overseas": overseas.value if overseas else float("nan"),
                "overseas_unit": overseas.unit if overseas else "",
                "overseas_tag": overseas.reliability if overseas else "",
                "overseas_how": overseas.how if overseas else "",
                "overseas_second_hand": overseas.second_hand if overseas else False,
                "share": share.value if share else float("nan"),
                "share_tag": share.reliability if share else "",
                "share_how": share.how if share else "",
                "share_shown": share.shown if share else "",
                "share_reach": share.reach if share and share.reach is not None else float("nan"),
                "share_derivation": share.derivation if share else "",
                "total": total.value if total else float("nan"),
                "total_unit": total.unit if total else "",
                "sources": tuple(
                    dict.fromkeys(ref for fig in figs.values() for ref in fig.sources)
                ),
            }
        )
    return pd.DataFrame(rows)
