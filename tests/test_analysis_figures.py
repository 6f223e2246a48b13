"""No article figure is typed in an analysis's own texts: every string a chapter's `analyse`
returns that a reader sees (glued texts and captions, derived rows' claim labels, evidence,
table cells) takes the article's figures from their claim rows.

How: every chapter runs on the book's data with all its numbers moved, twice, by different
factors (claims, the article's printed table, references and model assumptions alike). A text
that still prints an original article figure, as `numbers.figure` writes it, in the same place
after both moves did not take it from the data: it was typed. A quote of the article or of a
source (its words occur in the data) may keep its digits."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pandas as pd
import pytest

from bytebook.chapters import WRITTEN
from bytebook.data import BookData, load_book_data
from bytebook.findings import Findings
from bytebook.numbers import figure
from bytebook.present import article_figures
from bytebook.units import parse_cn_amount

KEPT = {"count", "rank", "years", "px", "tokens", "text", "date", "CNY/USD"}
"""Units whose values stay put: whole counts, ranks and years the analyses count with, labels,
and the exchange rates (a figure in them prints with no unit word, so none is looked for)."""

MOVES = (0.3719, -0.2281)
"""The two moves: amounts scale by about 1 + move, shares shift within 0 to 1."""


def moved_value(value: float, unit: str, row: int, move: float) -> float:
    """`value` moved off every round figure: by a factor that differs row to row, a share
    kept inside 0 to 1."""
    if unit == "share":
        return value * (0.9 if move > 0 else 0.8) + 0.0037 + 0.0011 * (row % 7)
    return value * (1 + move + 0.0137 * (row % 11))


def _moved_frame(frame: pd.DataFrame, columns: tuple[str, ...], move: float) -> pd.DataFrame:
    frame = frame.copy()
    for row, (key, cells) in enumerate(frame.iterrows()):
        if cells["unit"] in KEPT:
            continue
        for column in columns:
            try:
                value = float(cells[column])
            except (TypeError, ValueError):
                continue
            if pd.notna(value):
                frame.at[key, column] = moved_value(value, cells["unit"], row, move)
        if "value_text" in frame.columns and isinstance(frame.at[key, "value"], float):
            frame.at[key, "value_text"] = f"{frame.at[key, 'value']:.6g}"
    return frame


def _moved_cell(text: str, factor: float) -> str:
    """A printed cell of the article's table with its numbers scaled: '3100+ 亿元' ×1.4 is
    '4340+ 亿元'."""
    return re.sub(r"\d+(?:\.\d+)?", lambda m: f"{float(m.group()) * factor:.5g}", text)


def moved(data: BookData, move: float) -> BookData:
    """The book's data with every number moved: claims, references, assumptions, and the
    article's printed table with the claims it prints set to its moved cells."""
    claims = _moved_frame(data.claims, ("value",), move)
    ranking = data.ranking.copy()
    for row, (key, cells) in enumerate(ranking.iterrows()):
        factor = 1 + move / 2 + 0.0113 * row
        revenue = _moved_cell(cells["overseas_revenue_printed"], factor)
        share = _moved_cell(cells["overseas_share_printed"], factor)
        ranking.at[key, "overseas_revenue_printed"] = revenue
        ranking.at[key, "overseas_share_printed"] = share
        parts = revenue.split("≈")
        for text, claim_id in (
            (parts[0], cells["revenue_claim"]),
            (parts[-1], cells["revenue_cny_claim"]),
            (share, cells["share_claim"]),
        ):
            claims.at[claim_id, "value"] = parse_cn_amount(text).value
            claims.at[claim_id, "value_text"] = f"{claims.at[claim_id, 'value']:.6g}"
    return BookData(
        claims,
        _moved_frame(data.references, ("value",), move),
        ranking,
        _moved_frame(data.assumptions, ("value", "low", "high"), move),
    )


def reader_texts(found: Findings) -> Iterator[tuple[str, str]]:
    """(where, text) for every string of a chapter's findings a reader sees. A claim row's own
    words (a stated row's claim_en and quote) are the data's, not the analysis's."""
    yield from ((f"text {key}", text) for key, text in found.texts.items())
    for entry in found.entries:
        if entry.kind != "stated":
            yield f"claim_en {entry.id}", entry.claim_en
        yield f"evidence {entry.id}", entry.evidence
    for name, table in found.tables.items():
        for column in table.columns:
            for row, cell in enumerate(table[column]):
                if isinstance(cell, str):
                    yield f"table {name}[{column}][{row}]", cell


def data_words(data: BookData) -> str:
    """Every text cell of the data, where a quote of the article or of a source is found."""
    frames = (data.claims, data.references, data.ranking)
    cells = [str(c) for f in frames for col in f.columns for c in f[col] if isinstance(c, str)]
    return "\n".join(cells)


QUOTED = re.compile(r"「([^」]+)」|\"([^\"\n]+)\"|(?<![\w])'([^'\n]+?)'(?![\w])")


def unquoted(text: str, words: str) -> str:
    """`text` without its quotes of the data's words; a text that is the data's words whole
    (a cell of the article's printed table) is a quote."""
    if text.strip() in words:
        return " "
    return QUOTED.sub(
        lambda m: " " if next(g for g in m.groups() if g) in words else m.group(), text
    )


def article_figure_patterns(data: BookData) -> dict[str, re.Pattern]:
    """The article's figures as `numbers.figure` writes them (the forms with a unit or a
    currency: a bare '3' is found everywhere), each as a whole figure."""
    texts = set(article_figures(data).values())
    for _, claim in data.claims.iterrows():
        if pd.notna(claim["value"]) and claim["unit"] not in KEPT:
            texts.add(figure(float(claim["value"]), claim["unit"]))
    return {
        text: re.compile(rf"(?<![\d.,]){re.escape(text)}(?![\d]|[.,]\d)")
        for text in texts
        if re.search(r"[^\d,.\s]", text)
    }


BOOK_CONSTANTS = {
    ("evidence d_lenovo_china_fall_needed", "50%"): (
        "old_money.CHINA_SHARE_AT_MOST, this book's assumption that China is at most half of "
        "Lenovo's revenue: a constant of the book's that reads like the article's 50%"
    ),
}
"""A figure that stays in place because it is a named constant of the book's own, not the
article's figure: (where, figure) and why."""


def printed_cell_patterns(data: BookData) -> dict[str, re.Pattern]:
    """The printed cells of the article's table that are no claim's quote ('390 亿美元 ≈ 2855
    亿元', two claims in one cell), each as a whole: a text that shows such a cell as printed
    takes it from the table. A cell that is a claim's quote ('1000+ 亿元') is its words."""
    cells = set(data.ranking["overseas_revenue_printed"]) - set(data.claims["quote_zh"])
    return {cell: re.compile(rf"(?<![\d.,]){re.escape(cell)}(?![\d]|[.,]\d)") for cell in cells}


def typed_figures(analyse: Callable[[BookData], Findings]) -> list[str]:
    """Each article figure that `analyse` prints in the same place whatever the data say."""
    data = load_book_data()
    patterns = article_figure_patterns(data) | printed_cell_patterns(data)
    words = data_words(data)
    runs = [dict(reader_texts(analyse(moved(data, move)))) for move in MOVES]
    found = []
    for where, text in runs[0].items():
        texts = [unquoted(text, words), unquoted(runs[1].get(where, ""), words)]
        found += [
            f"{where}: {shown} in «{text}»"
            for shown, pattern in patterns.items()
            if all(pattern.search(t) for t in texts) and (where, shown) not in BOOK_CONSTANTS
        ]
    return found


@pytest.mark.parametrize("chapter", WRITTEN, ids=str)
def test_no_article_figure_is_typed_in_a_chapter_s_texts(chapter):
    typed = typed_figures(WRITTEN[chapter].analyse)
    assert not typed, "article figures typed, not taken from claims:\n" + "\n".join(typed)


def _typed_label(data: BookData) -> Findings:
    return Findings(texts={"label": "Group revenue implied by USD 39 bn being a quarter"})


def _glued_label(data: BookData) -> Findings:
    usd = figure(data.stated("s1_overseas_revenue"), "USD")
    return Findings(texts={"label": f"Group revenue implied by {usd} being a quarter"})


def _quoting(data: BookData) -> Findings:
    return Findings(texts={"quote": "the article's '2024 年，字节海外营收 390 亿美元'"})


def test_a_typed_figure_is_found_and_a_glued_one_is_not():
    assert typed_figures(_typed_label) == [
        "text label: USD 39 bn in «Group revenue implied by USD 39 bn being a quarter»"
    ]
    assert typed_figures(_glued_label) == []
    assert typed_figures(_quoting) == []


def test_the_moves_move_every_checked_figure():
    """Independent arithmetic: USD 39 bn × 1.3719 (first row moved: no row offset beyond the
    claim's) is not USD 39 bn, and the table's 390 亿美元 moves with its claim."""
    data = load_book_data()
    for move in MOVES:
        shifted = moved(data, move)
        assert figure(shifted.stated("s1_overseas_revenue"), "USD") != "USD 39 bn"
        assert figure(shifted.stated("t_bytedance_overseas"), "USD") != "USD 39 bn"
        assert shifted.stated("t_bytedance_share") != 0.25


def _policy_texts(data: BookData) -> Findings:
    """The methods page's policy texts that show the article's figures."""
    from bytebook import policy

    return Findings(
        texts={
            "conversion example": policy.conversion_example(data),
            "conversion rule": policy.conversion_rule(data),
            "rate band example": policy.rate_band_example(data),
            "conversion printed": policy.conversion_example_figures(data)[0],
            "examples": policy.examples_sentence(data.claims),
        }
    )


def _typed_conversion(data: BookData) -> Findings:
    return Findings(texts={"conversion": "as in the table's 390 亿美元 ≈ 2855 亿元, a conversion"})


def test_no_article_figure_is_typed_in_the_methods_page_s_policy():
    """The printed conversion the methods page explains ('390 亿美元 ≈ 2855 亿元') comes from the
    table's cell and its claim rows, as a chapter's figures do; typed in, it is found."""
    assert typed_figures(_policy_texts) == []
    assert typed_figures(_typed_conversion) == [
        "text conversion: 390 亿美元 ≈ 2855 亿元 in «as in the table's 390 亿美元 ≈ 2855 亿元, a "
        "conversion»"
    ]
