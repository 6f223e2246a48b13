"""Every kind of malformed input stops with an error naming the file, the row and the column."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from bytebook.data import load_book_data
from bytebook.errors import DataFileError


def rewrite_cell(path: Path, row_id: str, column: str, value: str) -> int:
    """Set one cell of a CSV file; returns the data-row number (1-based) that changed."""
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    key = next(iter(rows[0]))
    number = next(i for i, row in enumerate(rows, start=1) if row[key] == row_id)
    rows[number - 1][column] = value
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return number


def drop_column(path: Path, column: str) -> None:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    names = [name for name in rows[0] if name != column]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def load_error(data_dir: Path) -> DataFileError:
    with pytest.raises(DataFileError) as caught:
        load_book_data(data_dir)
    return caught.value


def assert_names(error: DataFileError, file: str, row: int | None, column: str, words: str):
    message = str(error)
    assert file in message
    where = "header" if row is None else f"row {row} (line {row + 1})"
    assert f"{where}, column '{column}'" in message, message
    assert words in message, message


CELL_CASES = [
    # (file, row id, column, bad value, words the message must contain)
    ("claims.csv", "s1_growth", "value", "sixty-three", "not a number"),
    ("claims.csv", "s1_overseas_revenue", "value", "-39e9", "negative"),
    ("claims.csv", "s1_group_share", "value", "1.25", "outside 0 to 1"),
    ("claims.csv", "s3_cpm", "unit", "furlongs", "unknown unit 'furlongs'"),
    ("claims.csv", "s1_overseas_revenue", "unit", "EUR", "unknown currency 'EUR'"),
    ("claims.csv", "s1_growth", "id", "s1_overseas_revenue", "duplicate value"),
    ("claims.csv", "s1_growth", "value", "３９０", "full-width"),
    ("claims.csv", "s1_growth", "value", "390亿", "base units"),
    ("claims.csv", "s1_growth", "value", "63%", "percent sign"),
    ("claims.csv", "s1_growth", "value", "1,364", "thousands separators"),
    ("claims.csv", "s1_growth", "quote_zh", "", "must not be empty"),
    ("claims.csv", "s1_growth", "section", "9", "unknown section '9'"),
    ("claims.csv", "s1_growth", "qualifier", "~~", "unknown qualifier"),
    ("claims.csv", "s1_growth", "value", "NaN", "not a number"),
    ("assumptions.csv", "cdn_price_per_gb", "value", "0.5", "lies outside"),
    ("references.csv", "byd_rev_2024", "reliability", "X", "must be P, S or W"),
    ("references.csv", "byd_rev_2024", "value", "7771亿", "base units"),
    ("ranking_table.csv", "3", "filed_total_ref", "bd_group_2099", "no reference with id"),
    ("ranking_table.csv", "3", "share_claim", "t_nobody_share", "no claim with id"),
    ("ranking_table.csv", "7", "overseas_revenue_printed", "1400 亿元", "does not match claim"),
]


@pytest.mark.parametrize(("file", "row_id", "column", "bad", "words"), CELL_CASES)
def test_a_bad_cell_is_named(data_copy, file, row_id, column, bad, words):
    row = rewrite_cell(data_copy / file, row_id, column, bad)
    assert_names(load_error(data_copy), file, row, column, words)


def test_a_missing_column_is_named(data_copy):
    drop_column(data_copy / "claims.csv", "unit")
    assert_names(load_error(data_copy), "claims.csv", None, "unit", "required column is missing")


def test_an_empty_file_is_refused(data_copy):
    (data_copy / "references.csv").write_bytes(b"")
    error = load_error(data_copy)
    assert "references.csv" in str(error) and "the file is empty" in str(error)


def test_a_header_without_rows_is_refused(data_copy):
    path = data_copy / "claims.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert "header but no rows" in str(load_error(data_copy))


def test_a_wrong_encoding_names_row_and_column(data_copy):
    path = data_copy / "claims.csv"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("gb18030"))
    error = load_error(data_copy)
    first_chinese_row = next(
        i for i, line in enumerate(text.splitlines()[1:], start=1) if not line.isascii()
    )
    assert_names(error, "claims.csv", first_chinese_row, "quote_zh", "not valid UTF-8")


def test_all_problems_are_reported_at_once(data_copy):
    path = data_copy / "claims.csv"
    rewrite_cell(path, "s1_growth", "value", "63%")
    rewrite_cell(path, "s3_cpm", "unit", "furlongs")
    assert len(load_error(data_copy).problems) == 2


def test_the_real_data_loads(data):
    assert len(data.ranking) == 7
    assert data.claims.index.is_unique and data.references.index.is_unique


def test_a_byte_order_mark_is_accepted(data_copy):
    path = data_copy / "claims.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(load_book_data(data_copy).claims) > 0


def test_malformed_yaml_names_its_line_and_column(tmp_path, capsys):
    from bytebook.publish.build import build_book

    (tmp_path / "_config.yml").write_text("title: [unclosed\n", encoding="utf-8")
    (tmp_path / "_toc.yml").write_text("format: jb-book\n", encoding="utf-8")
    assert build_book(tmp_path) != 0
    message = capsys.readouterr().err
    assert "_config.yml" in message and "line 2, column 1" in message
