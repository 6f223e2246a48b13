"""Load and validate the data files. Every file is checked on load; a bad file raises
DataFileError naming the file, the row and the column."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from bytebook import filed_years, schemas
from bytebook.article import SECTIONS
from bytebook.errors import DataFileError, Problem
from bytebook.fx import YEAR_RATE_REFERENCES
from bytebook.paths import DATA_DIR, DATA_ENV
from bytebook.policy import SECOND_HAND_MARK
from bytebook.safety import text_problem
from bytebook.units import NON_NUMERIC_UNITS, figure_problem, parse_cn_amount, range_problem

CLAIMS_FILE = "claims.csv"
REFERENCES_FILE = "references.csv"
RANKING_FILE = "ranking_table.csv"
ASSUMPTIONS_FILE = "assumptions.csv"
ARTICLE_FILE = "article/article_zh.md"

NUMERIC_COLUMNS = frozenset({"value", "low", "high", "step", "printed_order"})
"""Columns that hold numbers; the CSV copies offered for download keep them as numbers."""

YEAR_CELLS = {REFERENCES_FILE: {"bvc2_vs_x265": "period"}}
"""Cells a chapter reads as a bare year (a contest's year): they must hold one, e.g. '2020'."""

_BASIS_CITATION = re.compile(r"reference ([a-z0-9_]+)(?:, ([PSW])\b)?")
_BARE_CITATION = re.compile(r"\((?!reference )([a-z0-9_]*_[a-z0-9_]*), [PSW]\b")
"""An id and a tag in brackets without the word 'reference', which the tag check would miss."""

RANKING_ARTICLE_COLUMNS = (
    "company_zh",
    "overseas_revenue_printed",
    "overseas_share_printed",
    "markets_zh",
    "remark_zh",
)
"""The ranking table's columns, in the order of the article's own table, which they copy."""


def read_text_table(path: Path) -> pd.DataFrame:
    """Read a UTF-8 CSV file as strings. A missing or unreadable file, another encoding, an
    unterminated quote, a row with too many or too few fields or a repeated column name is
    refused with a DataFileError naming the file, and the row and column where known."""
    raw = _read_bytes(path)
    if not raw.strip():
        raise DataFileError(path, [Problem(None, None, "the file is empty")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataFileError(path, [_encoding_problem(raw, error)]) from None
    header, rows = _parse_csv(text, path)
    if not rows:
        raise DataFileError(path, [Problem(None, None, "the file has a header but no rows")])
    return pd.DataFrame(rows, columns=header, dtype=str)


def _where_to_restore(path: Path) -> str:
    """What to do about a missing data file: restore it from the repository, or, when
    BYTEBOOK_DATA chose its folder, point that at a folder holding the data files."""
    chosen = os.environ.get(DATA_ENV)
    if chosen and path.parent == Path(chosen).resolve():
        return f"{DATA_ENV} chose {path.parent}: point it at a folder holding the data files"
    return "restore it from the repository (git checkout -- data)"


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        message = "the file is missing; " + _where_to_restore(path)
        raise DataFileError(path, [Problem(None, None, message)]) from None
    except IsADirectoryError:
        raise DataFileError(path, [Problem(None, None, "is a folder, not a file")]) from None
    except OSError as error:
        message = f"cannot be read: {error.strerror or error}"
        raise DataFileError(path, [Problem(None, None, message)]) from None


def _parse_csv(text: str, path: Path) -> tuple[list[str], list[list[str]]]:
    """The header and the data rows of CSV text, strictly: every row has the header's width."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    lines: list[tuple[int, list[str]]] = []
    started = 1
    try:
        for cells in reader:
            lines.append((started, cells))
            started = reader.line_num + 1
    except csv.Error as error:
        row = started - 1 if started > 1 else None
        message = f"malformed CSV from this line on ({error}); look for an unterminated quote"
        raise DataFileError(path, [Problem(row, None, message)]) from None
    header = lines.pop(0)[1]
    problems = [
        Problem(None, name, "the column name appears twice in the header")
        for position, name in enumerate(header)
        if name in header[:position]
    ]
    rows = []
    for line_number, cells in lines:
        if not cells and line_number == lines[-1][0]:
            continue  # a blank last line
        row = line_number - 1
        if not cells:
            problems.append(Problem(row, None, "is a blank line; remove it"))
        elif len(cells) != len(header):
            message = f"has {len(cells)} fields; the header has {len(header)}"
            problems.append(Problem(row, None, message))
        rows.append(cells)
    if problems:
        raise DataFileError(path, problems)
    return header, rows


def _encoding_problem(raw: bytes, error: UnicodeDecodeError) -> Problem:
    line_number = raw[: error.start].count(b"\n") + 1
    lines = raw.decode("utf-8", errors="replace").splitlines()
    header = next(csv.reader([lines[0]]))
    cells = next(csv.reader([lines[line_number - 1]]), [])
    column = next(
        (header[i] for i, c in enumerate(cells) if "\ufffd" in c and i < len(header)), None
    )
    byte = raw[error.start : error.start + 1].hex()
    message = f"not valid UTF-8 (byte 0x{byte}); save the file as UTF-8"
    return Problem(line_number - 1 if line_number > 1 else None, column, message)


def _written_as(header: str | None) -> str:
    """Where a missing column's name is in the header in another case or with spaces."""
    return f" (the header has '{header}': write it '{header.strip().lower()}')" if header else ""


def validate(frame: pd.DataFrame, schema: pa.DataFrameSchema, path: Path) -> pd.DataFrame:
    """Check `frame` against `schema`, turning every failure into a Problem."""
    missing = [name for name in schema.columns if name not in frame.columns]
    if missing:
        unknown = {
            name.strip().lower(): name for name in frame.columns if name not in schema.columns
        }
        problems = [
            Problem(None, name, "required column is missing" + _written_as(unknown.get(name)))
            for name in missing
        ]
        raise DataFileError(path, problems)
    problems = _unchecked_column_problems(frame, schema)
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        problems += _problems_from(errors.failure_cases)
    if problems:
        raise DataFileError(path, problems)
    return frame


def _unchecked_column_problems(frame: pd.DataFrame, schema: pa.DataFrameSchema) -> list[Problem]:
    """Columns the schema does not name still hold clean text: no control characters and a
    length limit, like every other cell."""
    return [
        Problem(position + 1, column, problem)
        for column in frame.columns
        if column not in schema.columns
        for position, cell in enumerate(frame[column])
        if (problem := text_problem(cell))
    ]


def _problems_from(failures: pd.DataFrame) -> list[Problem]:
    problems = []
    for failure in failures.itertuples():
        check = str(failure.check).split("(")[0]
        value = str(failure.failure_case)
        explain = schemas.EXPLAIN.get(check, lambda v, c=check: f"failed check {c}: '{v}'")
        row = None if pd.isna(failure.index) else int(failure.index) + 1
        problems.append(Problem(row, failure.column, explain(value)))
    return problems


def _numeric_values(frame: pd.DataFrame, path: Path, value_required: bool) -> pd.DataFrame:
    """Turn the value column into floats and check it against the unit of its row."""
    problems = []
    numbers = []
    for position, (value, unit) in enumerate(zip(frame["value"], frame["unit"], strict=True)):
        row = position + 1
        if unit in NON_NUMERIC_UNITS:
            if unit == "text" and value and not value_required:
                problems.append(Problem(row, "value", "a 'text' claim carries no value"))
            numbers.append(float("nan"))
            continue
        if value == "":
            problems.append(Problem(row, "value", f"a value is required for unit '{unit}'"))
            numbers.append(float("nan"))
            continue
        number = float(value)
        if problem := range_problem(number, unit) or figure_problem(number, unit):
            problems.append(Problem(row, "value", problem))
        numbers.append(number)
    if problems:
        raise DataFileError(path, problems)
    result = frame.copy()
    result["value_text"] = frame["value"]
    result["value"] = numbers
    return result


def _dangling(frame: pd.DataFrame, columns: list[str], known: pd.Index, kind: str) -> list[Problem]:
    problems = []
    for column in columns:
        for position, ref in enumerate(frame[column]):
            if ref and ref not in known:
                problems.append(Problem(position + 1, column, f"no {kind} with id '{ref}'"))
    return problems


def load_claims(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The article's claims, one row per printed number, indexed by id; every quote is
    checked to occur verbatim in the article."""
    path = data_dir / CLAIMS_FILE
    frame = validate(read_text_table(path), schemas.CLAIMS, path)
    article = load_article(data_dir)
    problems = [
        Problem(i + 1, "quote_zh", f"not found verbatim in {ARTICLE_FILE}")
        for i, quote in enumerate(frame["quote_zh"])
        if quote not in article
    ]
    problems += _dangling(frame, ["same_figure_as"], pd.Index(frame["id"]), "claim")
    if problems:
        raise DataFileError(path, problems)
    claims = _numeric_values(frame, path, value_required=False).set_index("id", drop=False)
    if problems := _same_figure_problems(claims):
        raise DataFileError(path, problems)
    return claims


def _same_figure_problems(claims: pd.DataFrame) -> list[Problem]:
    """A claim that prints the same figure as another must name one that prints no other
    (the first printing) and have its value and unit. Where they differ, the first printing's
    row is named too, since either may be the one edited."""
    problems = []
    differing: dict[str, list[str]] = {}  # first printing: the ids that give another figure
    for position, (_, claim) in enumerate(claims.iterrows(), start=1):
        first = claim["same_figure_as"]
        if not first:
            continue
        other = claims.loc[first]
        if other["same_figure_as"]:
            message = f"'{first}' itself names '{other['same_figure_as']}': name the first one"
            problems.append(Problem(position, "same_figure_as", message))
        elif (claim["value"], claim["unit"]) != (other["value"], other["unit"]):
            message = (
                f"'{first}' prints {other['value']:g} {other['unit']}, not "
                f"{claim['value']:g} {claim['unit']}"
            )
            problems.append(Problem(position, "same_figure_as", message))
            differing.setdefault(first, []).append(claim["id"])
    for first, ids in differing.items():
        position = claims.index.get_loc(first) + 1
        names = ", ".join(repr(i) for i in ids)
        message = f"{names} print the same figure with another value or unit"
        problems.append(Problem(position, "value", message))
    return problems


def load_article(data_dir: Path = DATA_DIR) -> str:
    """The article's text as a reader sees it: Markdown bold markers removed."""
    path = data_dir / ARTICLE_FILE
    raw = _read_bytes(path)
    try:
        return raw.decode("utf-8").replace("**", "")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problem = Problem(None, None, f"line {line} is not valid UTF-8; save the file as UTF-8")
        raise DataFileError(path, [problem]) from None


def load_references(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Published figures with their source columns and P/S/W tag, indexed by id."""
    path = data_dir / REFERENCES_FILE
    frame = validate(read_text_table(path), schemas.REFERENCES, path)
    problems = [
        Problem(i + 1, "value", schemas.EXPLAIN["plain_number"](v))
        for i, (v, unit) in enumerate(zip(frame["value"], frame["unit"], strict=True))
        if unit not in NON_NUMERIC_UNITS and schemas.number_problem(v)
    ]
    problems += [
        Problem(i + 1, "value", schemas.EXPLAIN["iso_date"](v))
        for i, (v, unit) in enumerate(zip(frame["value"], frame["unit"], strict=True))
        if unit == "date" and not schemas.is_iso_date(v)
    ]
    problems += _year_cell_problems(frame, REFERENCES_FILE)
    problems += _origin_problems(frame)
    if problems:
        raise DataFileError(path, problems)
    references = _numeric_values(frame, path, value_required=True).set_index("id", drop=False)
    if problems := _year_rate_problems(references):
        raise DataFileError(path, problems)
    return references


def _year_rate_problems(references: pd.DataFrame) -> list[Problem]:
    """The article year's average rate lies within its lowest and highest monthly averages
    (`fx.YEAR_RATE_REFERENCES`), the lowest no higher than the highest."""
    ids = YEAR_RATE_REFERENCES
    if not all(reference_id in references.index for reference_id in ids):
        return []
    average, lowest, highest = (references.at[reference_id, "value"] for reference_id in ids)
    row = {reference_id: position + 1 for position, reference_id in enumerate(references.index)}
    if lowest > highest:
        message = f"the highest monthly rate, {highest:g}, is below the lowest, {lowest:g}"
        message += f" ('{ids[1]}')"
        return [Problem(row[ids[2]], "value", message)]
    if not lowest <= average <= highest:
        message = (
            f"the year's average rate, {average:g}, lies outside its monthly averages, "
            f"{lowest:g} ('{ids[1]}') to {highest:g} ('{ids[2]}')"
        )
        return [Problem(row[ids[0]], "value", message)]
    return []


def _origin_problems(frame: pd.DataFrame) -> list[Problem]:
    """A row the ranking's years cite (`bytebook.filed_years`) says how its figure reached the
    book; a row whose source is 'derived…' has origin 'derived', and only such a row has it."""
    needed = set(filed_years.all_reference_ids())
    problems = []
    for i, (row_id, source, origin) in enumerate(
        zip(frame["id"], frame["source"], frame["origin"], strict=True)
    ):
        derived = source.startswith("derived")
        if row_id in needed and origin == "":
            message = (
                f"'{row_id}' is a figure of the ranking's years (bytebook.filed_years) and needs "
                "an origin"
            )
            problems.append(Problem(i + 1, "origin", message))
        elif origin != "" and derived != (origin == "derived"):
            message = (
                "origin must be 'derived' exactly when the source is 'derived'"
                f" (source '{source}', origin '{origin}')"
            )
            problems.append(Problem(i + 1, "origin", message))
    return problems


def _year_cell_problems(frame: pd.DataFrame, file: str) -> list[Problem]:
    problems = []
    for row_id, column in YEAR_CELLS.get(file, {}).items():
        rows = [i for i, value in enumerate(frame["id"]) if value == row_id]
        if not rows:
            problems.append(Problem(None, "id", f"row '{row_id}' is missing; a chapter reads it"))
        for i in rows:
            value = frame[column].iloc[i]
            if not (value.isascii() and value.isdigit() and schemas.names_a_year(value)):
                message = f"'{value}' must be a bare year such as 2020: a chapter reads it as one"
                problems.append(Problem(i + 1, column, message))
    return problems


def load_ranking(
    claims: pd.DataFrame, references: pd.DataFrame, data_dir: Path = DATA_DIR
) -> pd.DataFrame:
    """The ranking table as printed, in printed order, checked against the claims."""
    path = data_dir / RANKING_FILE
    frame = validate(read_text_table(path), schemas.RANKING, path)
    claim_columns = ["revenue_claim", "revenue_cny_claim", "share_claim"]
    problems = _dangling(frame, claim_columns, claims.index, "claim")
    problems += _company_problems(frame)
    problems += _article_table_problems(frame, load_article(data_dir))
    problems += _figures_by_year_problems(frame, references)
    if not problems:
        problems = _printed_matches_claims(frame, claims)
    if problems:
        raise DataFileError(path, problems)
    frame = frame.assign(printed_order=frame["printed_order"].astype(int))
    return frame.sort_values("printed_order").reset_index(drop=True)


def _company_problems(frame: pd.DataFrame) -> list[Problem]:
    """Every company of the article's table has its row, under its own English name."""
    names = zip(frame["company_zh"], frame["company_en"], strict=True)
    problems = [
        Problem(position + 1, "company_en", f"{zh} is {schemas.COMPANIES[zh]}, not {en}")
        for position, (zh, en) in enumerate(names)
        if zh in schemas.COMPANIES and en != schemas.COMPANIES[zh]
    ]
    missing = [zh for zh in schemas.COMPANIES if zh not in set(frame["company_zh"])]
    if missing:
        message = f"no row for {', '.join(missing)}: the article's table has seven companies"
        problems.append(Problem(None, "company_zh", message))
    return problems


def article_table(article: str) -> list[list[str]]:
    """The rows of the article's ranking table (the Markdown table of five columns), each a
    list of its cells as a reader sees them, in printed order."""
    rows = []
    for line in article.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.lstrip().startswith("|") and len(cells) == len(RANKING_ARTICLE_COLUMNS):
            rows.append(cells)
    return [row for row in rows[1:] if not set(row[0]) <= set("-: ")]


def _article_table_problems(frame: pd.DataFrame, article: str) -> list[Problem]:
    """Each row copies its row of the article's table cell for cell, in the printed order."""
    printed = {row[0]: (order, row) for order, row in enumerate(article_table(article), start=1)}
    problems = []
    for position, row in enumerate(frame.itertuples()):
        if row.company_zh not in printed:
            continue  # an unknown company is refused by the schema
        order, cells = printed[row.company_zh]
        for column, cell in zip(RANKING_ARTICLE_COLUMNS[1:], cells[1:], strict=True):
            if getattr(row, column).strip() != cell:
                message = f"'{getattr(row, column)}' is not the article's cell '{cell}'"
                problems.append(Problem(position + 1, column, message))
        if row.printed_order.isdigit() and int(row.printed_order) != order:
            message = f"the article prints {row.company_zh} in row {order}"
            problems.append(Problem(position + 1, "printed_order", message))
    return problems


def _figures_by_year_problems(frame: pd.DataFrame, references: pd.DataFrame) -> list[Problem]:
    """Every reference a company's figures by year (`bytebook.filed_years.FILED_ROWS`) cite
    must exist in references.csv."""
    problems = []
    for position, company in enumerate(frame["company_en"]):
        for ref in filed_years.reference_ids(company):
            if ref not in references.index:
                message = (
                    f"{company}'s figures by year (bytebook.filed_years) cite no reference "
                    f"with id '{ref}'"
                )
                problems.append(Problem(position + 1, "company_en", message))
    return problems


def _printed_matches_claims(frame: pd.DataFrame, claims: pd.DataFrame) -> list[Problem]:
    problems = []
    for position, row in enumerate(frame.itertuples()):
        printed = row.overseas_revenue_printed.split("≈")
        pairs = [
            ("overseas_revenue_printed", printed[0], row.revenue_claim),
            ("overseas_revenue_printed", printed[-1], row.revenue_cny_claim),
            ("overseas_share_printed", row.overseas_share_printed, row.share_claim),
        ]
        for column, text, claim_id in pairs:
            amount = parse_cn_amount(text)
            stated = claims.at[claim_id, "value"]
            if abs(amount.value - stated) > 1e-9 * max(1.0, abs(stated)):
                message = f"'{text.strip()}' does not match claim {claim_id} ({stated:g})"
                problems.append(Problem(position + 1, column, message))
    return problems


def load_assumptions(references: pd.DataFrame, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Model inputs the article does not give: default, slider range and basis, indexed by id.
    Values lie in their unit's range, the default within low to high, the step is positive, and
    every reference the basis cites exists with the reliability tag it is cited with."""
    path = data_dir / ASSUMPTIONS_FILE
    frame = validate(read_text_table(path), schemas.ASSUMPTIONS, path)
    numbers = frame.assign(**{c: frame[c].astype(float) for c in ("value", "low", "high", "step")})
    problems = []
    for i, row in enumerate(numbers.itertuples(), start=1):
        for column in ("value", "low", "high"):
            if problem := range_problem(getattr(row, column), row.unit):
                problems.append(Problem(i, column, problem))
        if not row.step > 0:
            problems.append(Problem(i, "step", f"step {row.step:g} must be greater than 0"))
        elif row.step > row.high - row.low:
            message = f"step {row.step:g} is wider than the range {row.low:g} to {row.high:g}"
            problems.append(Problem(i, "step", message))
        if not row.low < row.high:
            problems.append(Problem(i, "high", f"high {row.high:g} is not above low {row.low:g}"))
        elif not row.low <= row.value <= row.high:
            message = f"default {row.value:g} lies outside {row.low:g} to {row.high:g}"
            problems.append(Problem(i, "value", message))
        problems += _basis_problems(i, row.basis, references)
    if problems:
        raise DataFileError(path, problems)
    return numbers.set_index("id", drop=False)


def _basis_problems(row: int, basis: str, references: pd.DataFrame) -> list[Problem]:
    """A basis citing 'reference X' (or '(reference X, W)') must name a known reference, with
    its own reliability tag."""
    problems = [
        Problem(row, "basis", f"write the citation of {bare} as '(reference {bare}, …)'")
        for bare in _BARE_CITATION.findall(basis)
    ]
    for reference_id, tag in _BASIS_CITATION.findall(basis):
        if reference_id not in references.index:
            problems.append(Problem(row, "basis", f"cites no reference with id '{reference_id}'"))
        elif tag and tag != references.at[reference_id, "reliability"]:
            actual = references.at[reference_id, "reliability"]
            message = f"cites reference {reference_id} as {tag}; references.csv tags it {actual}"
            problems.append(Problem(row, "basis", message))
    return problems


@dataclass(frozen=True)
class BookData:
    """Every validated input of the book."""

    claims: pd.DataFrame
    references: pd.DataFrame
    ranking: pd.DataFrame
    assumptions: pd.DataFrame

    def claim(self, claim_id: str) -> pd.Series:
        """One claim row by id."""
        return self.claims.loc[claim_id]

    def stated(self, claim_id: str) -> float:
        """The value a claim states, in base units."""
        return float(self.claims.at[claim_id, "value"])

    def assumed(self, assumption_id: str) -> float:
        """The default value of a model assumption."""
        return float(self.assumptions.at[assumption_id, "value"])

    def cite(self, *reference_ids: str, notes: bool = True) -> str:
        """A short citation of one or more references: each source once, by its name (without
        a list of its figures, `source_name`), with the periods cited from it and its
        reliability tag, e.g. 'Meta Platforms 10-K, FY2023, FY2024 (P)'; periods the name
        already holds, outside its notes, are not said again when it holds them all
        ('DistServe, OSDI 2024 (S)'; but 'RankMixer, arXiv 2507.15551 (read in the abstract …,
        submitted 21 Jul 2025), 2025', and '… 10-K for FY2024 (segment table), FY2024, FY2023').
        Without `notes`, the name drops the notes on how the book read the source
        (`PROVENANCE_NOTE`), as a chart's source line does; the sources page keeps them. A
        figure read at second hand keeps those words beside its tag, and says that it counts
        as W ('(P, read at second hand, so counted as W)')."""
        name = source_name if notes else short_source_name
        groups: dict[tuple[str, str], dict[str, bool]] = {}  # each period: is it in the name?
        for reference_id in reference_ids:
            at = self.references.at  # single cells: far quicker than taking out the row
            source, tag = at[reference_id, "source"], at[reference_id, "reliability"]
            if not notes and SECOND_HAND_MARK in source:
                tag = f"{tag}, {SECOND_HAND_MARK}" + ("" if tag == "W" else ", so counted as W")
            periods = groups.setdefault((name(source), tag), {})
            period = str(at[reference_id, "period"])
            periods[period] = _name_holds(short_source_name(source), period)
        return "; ".join(
            ", ".join([source, *([] if all(periods.values()) else periods)]) + f" ({reliability})"
            for (source, reliability), periods in groups.items()
        )

    def reference(self, reference_id: str) -> float:
        """The value of a reference figure, in base units."""
        return float(self.references.at[reference_id, "value"])

    def claim_sections(self, claim_ids: Iterable[str]) -> list[str]:
        """The article sections that print `claim_ids`, each once, in the article's order."""
        sections = {self.claims.at[claim_id, "section"] for claim_id in claim_ids}
        return [section for section in SECTIONS if section in sections]

    def basis_references(self, assumption_id: str) -> list[str]:
        """The references a model assumption's basis cites ('reference X'), in its order."""
        basis = self.assumptions.at[assumption_id, "basis"]
        return [reference_id for reference_id, _ in _BASIS_CITATION.findall(basis)]


_FIGURE_LIST = re.compile(r"\s*\([^()]*?:\s*(?:[\d.,]+\s+){2,}[\d.,]+\)")
"""A parenthesis that lists a source's figures: ' (monthly averages: 7.1707 7.1935 …)'."""


def _name_holds(source: str, period: str) -> bool:
    """Whether a source's name holds `period` as a whole word ('Xiaomi Q3 2024 results' holds
    'Q3 2024', 'Meta 10-K for FY2024' holds 'FY2024' but not '2024'), or a fiscal year's number
    as the year of a report or results ('Huawei Annual Report 2024' and 'BYD 2024 results
    release' hold 'FY2024'; 'Reuters, 12 Mar 2024' does not, nor does '… FY2024/25 …' hold
    'FY2024/25 (to 31 Mar 2025)', whose end date it would lose)."""
    if re.search(rf"(?<![\w.]){re.escape(period)}(?![\w.])", source):
        return True
    year = re.escape(period.removeprefix("FY"))
    report = r"(?:annual|report|results)"
    return period.startswith("FY") and bool(
        re.search(rf"(?i)(?:{report}\s+{year}|(?<![\w.]){year}\s+{report})(?![\w./-])", source)
    )


def source_name(source: str) -> str:
    """A source as a citation names it: its recorded words without a parenthesis that lists
    its figures ('Federal Reserve H.10 / FRED series EXCHUS (monthly averages: 7.1707 …)' is
    'Federal Reserve H.10 / FRED series EXCHUS'); a source line names the source, not its data."""
    return _FIGURE_LIST.sub("", source).strip()


PROVENANCE_NOTE = re.compile(
    r"\s*\((?=[^()]*\b(?:read|stored copy|mirror|not recorded|no publisher)\b)[^()]*\)"
)
"""A parenthesis on how the book read a source, not what the source is: ' (read at second
hand: …)', ' (read in a repost on …)', ' (HKEX filing; stored copy)', ' (mirror)'."""


def short_source_name(source: str) -> str:
    """A source's name as a chart's source line gives it: `source_name` without its notes on
    how the book read it ('RankMixer, arXiv 2507.15551 (read at second hand: …)' is
    'RankMixer, arXiv 2507.15551')."""
    return PROVENANCE_NOTE.sub("", source_name(source)).strip()


TABLE_FILES = {
    "claims": CLAIMS_FILE,
    "references": REFERENCES_FILE,
    "ranking": RANKING_FILE,
    "assumptions": ASSUMPTIONS_FILE,
}
"""Which data file each table of BookData comes from."""


def load_book_data(data_dir: Path = DATA_DIR) -> BookData:
    """Load and cross-check every data file under `data_dir`."""
    return _load_cached(Path(data_dir).resolve())


@lru_cache(maxsize=4)
def _load_cached(data_dir: Path) -> BookData:
    claims = load_claims(data_dir)
    references = load_references(data_dir)
    ranking = load_ranking(claims, references, data_dir)
    return BookData(claims, references, ranking, load_assumptions(references, data_dir))
