"""Tables and verdict badges as escaped HTML, and gluing a chapter's findings into its prose."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from types import ModuleType

import pandas as pd
from IPython.display import HTML

from bytebook.data import BookData, load_book_data
from bytebook.findings import Findings
from bytebook.ledger import LedgerEntry
from bytebook.units import format_value


def publish(found: Findings) -> None:
    """Glue every number of a chapter: `key` holds the raw value, `key_text` its prose form."""
    from myst_nb import glue

    for key, value in found.numbers.items():
        glue(key, value, display=False)
        glue(f"{key}_text", found.texts[key], display=False)


def badge(verdict: str) -> str:
    """A verdict badge as HTML; an empty verdict reads 'not yet checked'."""
    word = verdict or "not yet checked"
    css = verdict or "pending"
    return f'<span class="verdict verdict-{css}">{html.escape(word)}</span>'


def _number(value: float | None, unit: str) -> str:
    if value is None or pd.isna(value):
        return ""
    return format_value(value, unit)


def claims_html(entries: Iterable[LedgerEntry], show_ids: bool = False) -> HTML:
    """Ledger rows: verdict, quote and English, stated and recomputed values, evidence.

    With `show_ids`, the id, section and kind lead each row (the ledger appendix).
    """
    rows = []
    for entry in entries:
        ids = (
            f"<td><code>{html.escape(entry.id)}</code></td><td>{html.escape(entry.section)}</td>"
            f"<td>{html.escape(entry.kind)}</td>"
            if show_ids
            else ""
        )
        quote = (
            f'<span lang="zh">{html.escape(entry.quote_zh)}</span><br>' if entry.quote_zh else ""
        )
        rows.append(
            f'<tr id="claim-{html.escape(entry.id)}">{ids}<td>{badge(entry.verdict or "")}</td>'
            f"<td>{quote}{html.escape(entry.claim_en)}</td>"
            f"<td>{html.escape(_number(entry.stated, entry.unit))}</td>"
            f"<td>{html.escape(_number(entry.recomputed, entry.unit))}</td>"
            f"<td>{html.escape(entry.unit)}</td>"
            f"<td>{html.escape(entry.evidence)}</td></tr>"
        )
    names = ("Verdict", "Claim", "Stated", "Recomputed", "Unit", "Evidence")
    names = (("Id", "Section", "Kind") if show_ids else ()) + names
    head = "".join(f"<th>{name}</th>" for name in names)
    return HTML(
        '<div class="bytebook-table"><table class="claims">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def table_html(
    frame: pd.DataFrame, formats: dict[str, Callable[[object], str]] | None = None
) -> HTML:
    """A data frame as an escaped HTML table, with optional per-column formatters."""
    formats = formats or {}
    shown = frame.copy()
    for column, formatter in formats.items():
        shown[column] = shown[column].map(lambda v, f=formatter: "" if pd.isna(v) else f(v))
    body = shown.to_html(index=False, escape=True, border=0, classes="bytebook-data", na_rep="")
    return HTML(f'<div class="bytebook-table">{body}</div>')


def open_chapter(chapter: ModuleType) -> tuple[BookData, Findings]:
    """Set up charts, load the data, run the chapter's analysis and glue its numbers."""
    from bytebook import charts

    charts.setup()
    data = load_book_data()
    found = chapter.analyse(data)
    publish(found)
    return data, found
