"""Charts of a company's overseas revenue and share by year, as found, with the printed band."""

from __future__ import annotations

import altair as alt
import pandas as pd

from bytebook.charts import ARTICLE, REFERENCE


def _panel(
    frame: pd.DataFrame, value: str, title: str, band: tuple[float, float], label: str, fmt: str
) -> alt.LayerChart:
    """Bars of `value` by year, with the printed band shaded across the panel."""
    bars_data = frame[["year", value, f"{value}_tag", f"{value}_label"]].dropna(subset=[value])
    base = alt.Chart(bars_data).encode(
        x=alt.X(
            "year:N", title="Fiscal year", sort=list(frame["year"]), axis=alt.Axis(labelAngle=0)
        ),
    )
    top = max([band[1], *bars_data[value]]) * 1.15
    # A panel without a figure found draws no bar; an empty mark would be an unnamed image.
    bars = base.mark_bar(color=REFERENCE, opacity=0.85, aria=not bars_data.empty).encode(
        y=alt.Y(f"{value}:Q", title=title, scale=alt.Scale(domain=[0, top])),
        tooltip=[
            alt.Tooltip("year:N", title="Year"),
            alt.Tooltip(f"{value}:Q", title=title, format=fmt),
            alt.Tooltip(f"{value}_tag:N", title="Tag"),
        ],
    )
    labels = base.mark_text(dy=-6, fontSize=11, aria=False).encode(
        y=alt.Y(f"{value}:Q"), text=alt.Text(f"{value}_label:N")
    )
    printed = pd.DataFrame({"low": [band[0]], "high": [band[1]], "label": [label]})
    shade = (
        alt.Chart(printed)
        .mark_rect(color=ARTICLE, opacity=0.25)
        .encode(y="low:Q", y2="high:Q", tooltip=[alt.Tooltip("label:N", title="Printed")])
    )
    edge = (
        alt.Chart(printed)
        .mark_rule(color=ARTICLE, strokeDash=[6, 3], strokeWidth=2, aria=False)
        .encode(y="low:Q")
    )
    return alt.layer(shade, edge, bars, labels).properties(width=220, height=160)


def company_years(
    frame: pd.DataFrame,
    amount_band: tuple[float, float],
    share_band: tuple[float, float],
    amount_label: str,
    share_label: str,
    amount_title: str,
) -> alt.HConcatChart:
    """Two panels for one company: overseas revenue by year and share by year, as found, each
    with the article's printed band shaded (a dashed line at its lower edge)."""
    amount = _panel(frame, "overseas", amount_title, amount_band, amount_label, ",.0f")
    share = _panel(frame, "share_pct", "Overseas share, %", share_band, share_label, ".1f")
    return alt.hconcat(amount, share)
