"""Every kind of malformed input stops with an error naming the file, the row and the column."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bytebook import cli
from bytebook.book import checked_book
from bytebook.data import load_book_data
from bytebook.errors import DataFileError
from bytebook.paths import DATA_ENV, ROOT
from bytebook.publish.build import build_book


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
    ("ranking_table.csv", "3", "share_claim", "t_nobody_share", "no claim with id"),
    ("claims.csv", "s4_growth", "same_figure_as", "s1_nobody", "no claim with id"),
    ("claims.csv", "s4_growth", "same_figure_as", "s1_group_share", "prints 0.25 share"),
    ("claims.csv", "s4_growth", "same_figure_as", "t_bytedance_growth", "itself names"),
    ("ranking_table.csv", "7", "overseas_revenue_printed", "1400 亿元", "not the article's cell"),
    # numbers: finite and in range for their unit
    ("claims.csv", "s1_growth", "value", "1e999", "too large to be a finite number"),
    ("claims.csv", "s1_growth", "value", "inf", "not a number"),
    ("claims.csv", "s1_growth", "value", "-1.63", "below −1"),
    ("claims.csv", "s4_top3", "value", "2.5", "not a positive whole number"),
    ("claims.csv", "s4_growth_first", "value", "0", "not a positive whole number"),
    ("claims.csv", "s1_msft_keynotes", "value", "-3", "a count value is at least 0"),
    ("references.csv", "bd_intl_2024", "value", "-39e9", "negative"),
    # a source's share of a whole is a share (the codebook's unit), so it is held to 0 to 1
    ("references.csv", "midea_overseas_share_2024", "value", "41.52", "outside 0 to 1"),
    ("assumptions.csv", "cdn_price_per_gb", "low", "-0.001", "negative"),
    ("assumptions.csv", "appstore_fee_share", "high", "1.3", "outside 0 to 1"),
    ("assumptions.csv", "cdn_price_per_gb", "step", "0", "must be greater than 0"),
    ("assumptions.csv", "cdn_price_per_gb", "step", "-0.001", "must be greater than 0"),
    ("assumptions.csv", "cdn_price_per_gb", "step", "1", "wider than the range"),
    ("assumptions.csv", "cdn_price_per_gb", "high", "0.0005", "is not above low"),
    ("assumptions.csv", "cdn_price_per_gb", "unit", "furlongs", "unknown unit 'furlongs'"),
    # a figure of 0, or of a size no figure has, is a slip, not a figure (the chapters divide
    # by figures and count their digits); a yuan-per-dollar rate is yuan per dollar
    ("references.csv", "bd_group_2024", "value", "0", "a figure of 0 USD"),
    ("references.csv", "bd_group_2024", "value", "1e-400", "a figure of 0 USD"),
    ("claims.csv", "s1_overseas_revenue", "value", "0", "a figure of 0 USD"),
    ("references.csv", "bd_intl_2024", "value", "1e300", "outside the sizes"),
    ("references.csv", "fx_2024_avg_fed", "value", "0.139", "1 ÷ 0.139 = 7.194"),
    # the year's average rate lies within its own monthly averages, 7.0760 to 7.2807
    ("references.csv", "fx_2024_avg_fed", "value", "7.29", "lies outside its monthly"),
    ("references.csv", "fx_2024_max_month_fed", "value", "7.07", "below the lowest, 7.076"),
    # characters that look like a number's, each named
    ("claims.csv", "s1_growth", "value", "−0.1", "the minus sign (−)"),
    ("references.csv", "fx_2024_avg_fed", "value", "7，196", "Chinese punctuation"),
    ("claims.csv", "s1_overseas_revenue", "value", " 39e9", "has a space in it"),
    # text: no control characters, a length limit, ids in plain ASCII
    ("claims.csv", "s1_growth", "claim_en", "Growth\x07 was 63%", "U+0007"),
    ("claims.csv", "s1_growth", "claim_en", "Growth\x00", "U+0000"),
    ("claims.csv", "s1_growth", "claim_en", "Growth was 63%\u202e", "U+202E"),
    ("claims.csv", "s1_growth", "period", "2024\r\n2023", "U+000D"),
    ("claims.csv", "s1_growth", "claim_en", "x" * 501, "the limit is 500"),
    ("references.csv", "bd_intl_2024", "note", "note\x1b[31m", "U+001B"),
    # characters that draw nothing: a search for the words around them no longer finds them
    ("references.csv", "bd_intl_2024", "note", "Byte\u200bDance", "zero width space U+200B"),
    ("claims.csv", "s1_growth", "claim_en", "Growth\u00ad was 63%", "soft hyphen U+00AD"),
    ("claims.csv", "s1_growth", "claim_en", "Growth \ufeffwas 63%", "no-break space U+FEFF"),
    ("claims.csv", "s1_growth", "claim_en", "Growth was 63%\u200f", "right-to-left mark U+200F"),
    ("claims.csv", "s1_growth", "id", "S1_growth", "not a lower-case id"),
    ("claims.csv", "s1_growth", "id", "ｓ1_growth", "not a lower-case id"),
    # values the chapters rely on
    ("claims.csv", "s1_growth", "quote_zh", "同比 +64%", "not found verbatim in article"),
    ("claims.csv", "s1_growth", "period", "last year", "names no year"),
    ("references.csv", "bd_intl_2024", "period", "recently", "names no year"),
    ("references.csv", "tiktok_intl_launch", "value", "September 2017", "not YYYY"),
    ("references.csv", "tiktok_intl_launch", "value", "2017-13", "not YYYY"),
    ("references.csv", "bvc2_vs_x265", "period", "MSU 2020", "must be a bare year"),
    ("ranking_table.csv", "3", "company_en", "Bytedance", "unknown company 'Bytedance'"),
    ("ranking_table.csv", "3", "company_zh", "腾讯", "unknown company '腾讯'"),
    ("ranking_table.csv", "3", "company_en", "Huawei", "duplicate value 'Huawei'"),
    ("ranking_table.csv", "3", "company_zh", "华为", "duplicate value '华为'"),
    ("ranking_table.csv", "5", "remark_zh", "家电王者", "not the article's cell '家电矩阵'"),
    ("ranking_table.csv", "4", "markets_zh", "印度、欧洲", "not the article's cell"),
    ("ranking_table.csv", "2", "overseas_share_printed", "27%", "not the article's cell '约 27%'"),
    (
        "assumptions.csv",
        "gpu_price_per_hour",
        "basis",
        "Default: the median rental price (h100_hour_median_2026, W).",
        "write the citation of h100_hour_median_2026 as '(reference h100_hour_median_2026, …)'",
    ),
    (
        "assumptions.csv",
        "gpu_price_per_hour",
        "basis",
        "Default: the median (reference h100_hour_median_2026, P, read from its note).",
        "cites reference h100_hour_median_2026 as P; references.csv tags it W",
    ),
    (
        "assumptions.csv",
        "gpu_price_per_hour",
        "basis",
        "Default: a median (reference h100_hour_median_2099, W).",
        "cites no reference with id 'h100_hour_median_2099'",
    ),
    (
        "assumptions.csv",
        "gpu_price_per_hour",
        "basis",
        "Default: the median rental price (reference h100_hour_median_2026, P).",
        "cites reference h100_hour_median_2026 as P; references.csv tags it W",
    ),
    # links: http and https only, the scheme read as a browser reads it
    ("references.csv", "bd_intl_2024", "url", "javascript:alert(1)", "'javascript:' is not"),
    ("references.csv", "bd_intl_2024", "url", " JaVaScRiPt:alert(1)", "'javascript:' is not"),
    ("references.csv", "bd_intl_2024", "url", "java\tscript:alert(1)", "'javascript:' is not"),
    ("references.csv", "bd_intl_2024", "url", "java\u0001script:x", "'javascript:' is not"),
    ("references.csv", "bd_intl_2024", "url", "data:text/html,<b>x</b>", "'data:' is not"),
    ("references.csv", "bd_intl_2024", "url", "vbscript:msgbox", "'vbscript:' is not"),
    ("references.csv", "bd_intl_2024", "url", "//evil.example/x", "scheme none is not"),
    ("references.csv", "bd_intl_2024", "url", "file:///etc/passwd", "'file:' is not"),
    ("references.csv", "bd_intl_2024", "url", "https://", "names no host"),
    ("references.csv", "bd_intl_2024", "url", "https://a.example/ b", "contains whitespace"),
]


@pytest.mark.parametrize(("file", "row_id", "column", "bad", "words"), CELL_CASES)
def test_a_bad_cell_is_named(data_copy, file, row_id, column, bad, words):
    row = rewrite_cell(data_copy / file, row_id, column, bad)
    assert_names(load_error(data_copy), file, row, column, words)


def test_a_missing_column_is_named(data_copy):
    drop_column(data_copy / "claims.csv", "unit")
    assert_names(load_error(data_copy), "claims.csv", None, "unit", "required column is missing")


def test_a_column_named_in_another_case_is_named_with_what_to_write(data_copy):
    """A header 'Value' is not 'value': the error says which name the header has."""
    replace_line(data_copy / "references.csv", 1, lambda line: line.replace(",value,", ",Value,"))
    error = load_error(data_copy)
    assert_names(error, "references.csv", None, "value", "required column is missing")
    assert "(the header has 'Value': write it 'value')" in str(error)


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


def test_an_uppercase_https_link_is_accepted(data_copy):
    rewrite_cell(data_copy / "references.csv", "bd_intl_2024", "url", "HTTPS://example.org/a")
    assert load_book_data(data_copy).references.at["bd_intl_2024", "url"].startswith("HTTPS")


def replace_line(path: Path, number: int, change) -> None:
    """Rewrite line `number` (1 is the header) of a file with `change(line)`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[number - 1] = change(lines[number - 1])
    path.write_text("\n".join(lines), encoding="utf-8")


def test_a_row_with_too_many_fields_is_named(data_copy):
    path = data_copy / "claims.csv"
    header = len(next(csv.reader(io.StringIO(path.read_text(encoding="utf-8")))))
    replace_line(path, 5, lambda line: line + ",surplus")
    error = load_error(data_copy)
    expected = f"claims.csv, row 4 (line 5): has {header + 1} fields; the header has {header}"
    assert expected in str(error)


def test_a_row_with_too_few_fields_is_named(data_copy):
    replace_line(data_copy / "assumptions.csv", 3, lambda line: line.split(",")[0])
    error = load_error(data_copy)
    assert "assumptions.csv, row 2 (line 3): has 1 fields; the header has 9" in str(error)


def test_an_unterminated_quote_names_the_line_it_opens(data_copy):
    replace_line(data_copy / "claims.csv", 7, lambda line: line.replace(",", ',"', 1))
    error = load_error(data_copy)
    assert "claims.csv, row 6 (line 7): malformed CSV" in str(error), str(error)
    assert "unterminated quote" in str(error)


def test_a_blank_line_inside_the_file_is_named(data_copy):
    replace_line(data_copy / "claims.csv", 4, lambda line: "\n" + line)
    assert "row 3 (line 4): is a blank line; remove it" in str(load_error(data_copy))


def test_a_repeated_column_name_is_named(data_copy):
    replace_line(data_copy / "claims.csv", 1, lambda line: line.replace("claim_en", "unit"))
    error = load_error(data_copy)
    assert "header, column 'unit': the column name appears twice" in str(error)


@pytest.mark.parametrize("file", ["claims.csv", "references.csv", "ranking_table.csv",
                                  "assumptions.csv", "article/article_zh.md"])
def test_a_missing_file_is_named(data_copy, file):
    (data_copy / file).unlink()
    error = load_error(data_copy)
    assert f"{Path(file).name}: 1 problem(s)" in str(error)
    assert "the file is missing" in str(error)


def test_a_folder_in_place_of_a_file_is_named(data_copy):
    (data_copy / "references.csv").unlink()
    (data_copy / "references.csv").mkdir()
    assert "references.csv: is a folder, not a file" in str(load_error(data_copy))


def test_an_extra_column_is_held_to_the_text_rules(data_copy):
    path = data_copy / "ranking_table.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",comment"] + [line + ",fine" for line in lines[1:]]
    lines[2] = lines[2][: -len("fine")] + "bad\x0bcell"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_names(load_error(data_copy), "ranking_table.csv", 2, "comment", "U+000B")


def test_a_full_disk_is_named_not_a_traceback():
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "bytebook", "ledger"], stdout=full, stderr=subprocess.PIPE,
            text=True, timeout=120,
        )
    assert run.returncode == 3
    assert "the disk is full" in run.stderr and "Traceback" not in run.stderr


def test_a_figure_by_year_without_its_reference_is_named(data_copy):
    """Midea's FY2024 figures rest on midea_china_rev_2024; renamed away, the ranking's row for
    Midea (printed row 5) names the missing id."""
    rewrite_cell(data_copy / "references.csv", "midea_china_rev_2024", "id", "midea_china_rev_2099")
    error = load_error(data_copy)
    assert_names(error, "ranking_table.csv", 5, "company_en", "'midea_china_rev_2024'")


def test_a_missing_company_row_is_named(data_copy):
    path = data_copy / "ranking_table.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if ",华为," not in line), encoding="utf-8")
    assert_names(load_error(data_copy), "ranking_table.csv", None, "company_zh", "no row for 华为")


def test_two_companies_swapping_english_names_are_both_named(data_copy):
    rewrite_cell(data_copy / "ranking_table.csv", "1", "company_en", "Huawei")
    rewrite_cell(data_copy / "ranking_table.csv", "2", "company_en", "Lenovo")
    error = load_error(data_copy)
    assert_names(error, "ranking_table.csv", 1, "company_en", "联想 is Lenovo, not Huawei")
    assert_names(error, "ranking_table.csv", 2, "company_en", "华为 is Huawei, not Lenovo")


@pytest.mark.parametrize(
    ("file", "row_id", "chapter"),
    [
        ("claims.csv", "s3_ad_margin", "economics"),
        ("references.csv", "bd_intl_h1_2024", "overseas"),
        ("assumptions.csv", "cdn_price_per_gb", "codec"),
    ],
)
def test_a_row_a_chapter_reads_is_named_before_any_page_runs(data_copy, file, row_id, chapter):
    """Renamed away, a row that only a chapter's analysis reads passes the file checks; the
    check that runs every analysis before the pages names the chapter and the id."""
    rewrite_cell(data_copy / file, row_id, "id", f"{row_id}_renamed")
    with pytest.raises(DataFileError) as caught:
        checked_book(data_copy)
    message = str(caught.value)
    assert f"the {chapter} chapter reads id '{row_id}'" in message, message
    assert file in message and "column 'id'" in message and str(data_copy) in message


def test_the_build_refuses_a_misquote_before_anything_runs(tmp_path, capfd):
    """`make book` runs the same checks: a quote changed in claims.csv stops the build at
    once (exit 2), naming file, row and column, with no page executed."""
    for name in ("_config.yml", "_toc.yml"):
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    shutil.copytree(ROOT / "data", tmp_path / "data")
    row = rewrite_cell(tmp_path / "data" / "claims.csv", "s1_growth", "quote_zh", "同比 +64%")
    assert build_book(tmp_path) == 2
    printed = capfd.readouterr()
    assert f"claims.csv, row {row} (line {row + 1}), column 'quote_zh'" in printed.err
    assert "Executing" not in printed.out + printed.err
    assert not (tmp_path / "_build" / "html").exists()


def test_a_claim_that_no_longer_matches_its_printed_cell_is_named(data_copy):
    rewrite_cell(data_copy / "claims.csv", "t_haier_overseas", "value", "140000000000")
    error = load_error(data_copy)
    assert_names(error, "ranking_table.csv", 7, "overseas_revenue_printed", "does not match claim")


ORIGIN_CASES = [
    ("byd_rev_2024", "leaked", "must be empty or one of"),
    ("byd_rev_2024", "", "needs an origin"),
    ("byd_rev_2024", "derived", "exactly when the source is 'derived'"),
    ("byd_overseas_2022_derived", "filed", "exactly when the source is 'derived'"),
]


@pytest.mark.parametrize(("row_id", "bad", "words"), ORIGIN_CASES)
def test_a_wrong_origin_is_named(data_copy, row_id, bad, words):
    row = rewrite_cell(data_copy / "references.csv", row_id, "origin", bad)
    assert_names(load_error(data_copy), "references.csv", row, "origin", words)


def ledger_command(data_dir: Path) -> subprocess.CompletedProcess:
    """`python -m bytebook ledger` run on the data in `data_dir`, as a reader runs it."""
    environment = {**os.environ, DATA_ENV: str(data_dir)}
    command = [sys.executable, "-m", "bytebook", "ledger"]
    return subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120)


@pytest.mark.parametrize(
    ("file", "row_id", "cells", "chapter", "words", "module"),
    [
        # 63% typed as 6.3%: below BYD's 38.5%, which the article says ByteDance's growth beats
        (
            "references.csv", "bd_intl_growth_2024", {"value": "0.063"}, "ranking",
            "ValueError", "growth",
        ),
        # a GPU used 0% of the time: the recommender divides by it
        (
            "assumptions.csv", "gpu_utilisation", {"low": "0", "value": "0"}, "recommender",
            "ZeroDivisionError", "recommender",
        ),
    ],
)
def test_a_value_that_passes_the_checks_but_not_a_chapter_s_arithmetic_names_the_chapter(
    data_copy, file, row_id, cells, chapter, words, module
):
    """Each file's checks pass these cells, but a chapter cannot use them: the ledger command
    stops with the chapter, the error and the chapter's line, and prints no traceback and no
    ledger (exit 2, as for a bad cell)."""
    for column, value in cells.items():
        rewrite_cell(data_copy / file, row_id, column, value)
    load_book_data(data_copy)  # the files' own checks pass
    done = ledger_command(data_copy)
    assert done.returncode == 2, done.stderr
    assert done.stdout == "" and "Traceback" not in done.stderr, done.stderr
    assert f"the {chapter} chapter cannot use the data: {words}" in done.stderr, done.stderr
    assert re.search(rf"\b{module}\.py:\d+\)", done.stderr), done.stderr


def test_the_ledger_command_names_a_renamed_row_as_the_build_does(data_copy):
    """A row only a chapter reads, renamed away, is named by `make ledger` as by `make book`:
    the chapter and the id, with no traceback."""
    rewrite_cell(data_copy / "assumptions.csv", "gpu_utilisation", "id", "gpu_util")
    done = ledger_command(data_copy)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "the recommender chapter reads id 'gpu_utilisation'" in done.stderr, done.stderr


def test_a_data_folder_chosen_by_its_variable_is_named_when_a_file_is_missing(data_copy):
    """With BYTEBOOK_DATA pointing at a folder without claims.csv, the advice is to point it at
    the data, not to restore the repository's files (which it does not read)."""
    (data_copy / "claims.csv").unlink()
    done = ledger_command(data_copy)
    assert done.returncode == 2, done.stderr
    assert f"claims.csv: the file is missing; {DATA_ENV} chose {data_copy}" in done.stderr
    assert "git checkout" not in done.stderr


def test_a_book_without_its_data_folder_is_refused_before_anything_runs(
    tmp_path, capfd, monkeypatch
):
    """A book with no data/ folder of its own reads the project's data: with that gone too (a
    checkout whose data/ was moved away), the build stops at once, naming the first file it
    lacks, before Sphinx starts (no traceback, no work area)."""
    from bytebook import paths

    for name in ("_config.yml", "_toc.yml"):
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    monkeypatch.setattr(paths, "DATA_DIR", tmp_path / "data")
    assert build_book(tmp_path) == 2
    printed = capfd.readouterr()
    assert "claims.csv: the file is missing" in printed.err, printed.err
    assert "Traceback" not in printed.out + printed.err
    assert not (tmp_path / "_build" / "work").exists()


def test_a_root_that_is_not_a_book_is_left_as_it_was(tmp_path, capfd):
    """`python -m bytebook build --root <a typo>` says it is not a book and writes nothing:
    not even the build lock's folder."""
    typo = tmp_path / "boook"
    assert build_book(typo) == 2
    assert "is not a book" in capfd.readouterr().err
    assert not typo.exists()


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["bench", "--runs", "0"], "argument --runs: 0 is below 1"),
        (["bench", "--scale", "-2"], "argument --scale: -2 is below 1"),
        (["bench", "--pages", "--loads", "0"], "argument --loads: 0 is below 1"),
        (["bench", "--against", "_build/html"], "give it with --pages"),
    ],
)
def test_a_benchmark_asked_for_no_runs_is_refused_before_it_starts(arguments, words, capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(arguments)
    assert stopped.value.code == 2
    assert words in capsys.readouterr().err


def test_a_fault_in_a_chapter_s_code_is_not_reported_as_one_in_the_data(data, monkeypatch):
    """A name the code calls wrongly (TypeError), or a row the data holds looked up in the
    wrong place (a KeyError for an id a data file has), keeps its traceback, for whoever wrote
    the code: only what a value can cause is put down to the data."""
    from bytebook.book import all_findings
    from bytebook.chapters import WRITTEN

    def raising(fault: Exception):
        def analyse(_data):
            raise fault

        return analyse

    chapter = next(iter(WRITTEN.values()))
    assert "s1_growth" in data.claims.index
    for fault in (TypeError("'float' object is not callable"), KeyError("s1_growth")):
        monkeypatch.setattr(chapter, "analyse", raising(fault))
        with pytest.raises(type(fault)):
            all_findings(data)


def test_a_page_benchmark_without_a_built_site_says_so_on_stderr(tmp_path, capsys):
    """`make bench-pages AGAINST=<a folder with no book>` stops before any browser starts, with
    its error where errors go."""
    assert cli.main(["bench", "--pages", "--against", str(tmp_path)]) == 1
    printed = capsys.readouterr()
    assert "error: no built book in" in printed.err and "error" not in printed.out


def test_a_first_printing_edited_apart_from_its_repeats_is_named_too(data_copy):
    """s1_growth (63%) is printed again by s4_growth and t_bytedance_growth: with only the
    first changed, to 64%, its own row is named beside the two that now differ from it."""
    row = rewrite_cell(data_copy / "claims.csv", "s1_growth", "value", "0.64")
    error = load_error(data_copy)
    assert_names(error, "claims.csv", row, "value", "'s4_growth', 't_bytedance_growth' print")
    assert "'s1_growth' prints 0.64 ratio, not 0.63 ratio" in str(error)
