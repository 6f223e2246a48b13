"""Load and validate the data files. Every file is checked on load; a bad file raises
DataFileError naming the file, the row and the column."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from bytebook import schemas
from bytebook.errors import DataFileError, Problem
from bytebook.paths import DATA_DIR
from bytebook.units import CURRENCIES, NON_NUMERIC_UNITS, parse_cn_amount

CLAIMS_FILE = "claims.csv"
REFERENCES_FILE = "references.csv"
RANKING_FILE = "ranking_table.csv"
ASSUMPTIONS_FILE = "assumptions.csv"


def read_text_table(path: Path) -> pd.DataFrame:
    """Read a UTF-8 CSV file as strings, refusing empty files and other encodings."""
    raw = path.read_bytes()
    if not raw.strip():
        raise DataFileError(path, [Problem(None, None, "the file is empty")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataFileError(path, [_encoding_problem(raw, error)]) from None
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    if frame.empty:
        raise DataFileError(path, [Problem(None, None, "the file has a header but no rows")])
    return frame


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


def validate(frame: pd.DataFrame, schema: pa.DataFrameSchema, path: Path) -> pd.DataFrame:
    """Check `frame` against `schema`, turning every failure into a Problem."""
    missing = [name for name in schema.columns if name not in frame.columns]
    if missing:
        problems = [Problem(None, name, "required column is missing") for name in missing]
        raise DataFileError(path, problems)
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        raise DataFileError(path, _problems_from(errors.failure_cases)) from None
    return frame


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
        if unit == "share" and not 0 <= number <= 1:
            problems.append(Problem(row, "value", f"share {value} is outside 0 to 1"))
        if unit.split("/")[0].split(" ")[0] in CURRENCIES and number < 0:
            problems.append(
                Problem(row, "value", f"amount {value} is negative; record losses as positive")
            )
        numbers.append(number)
    if problems:
        raise DataFileError(path, problems)
    result = frame.copy()
    result["value_text"] = frame["value"]
    result["value"] = numbers
    return result


def _dangling(
    frame: pd.DataFrame, columns: list[str], known: pd.Index, kind: str, path: Path
) -> list[Problem]:
    problems = []
    for column in columns:
        for position, ref in enumerate(frame[column]):
            if ref and ref not in known:
                problems.append(Problem(position + 1, column, f"no {kind} with id '{ref}'"))
    return problems


def load_claims(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The article's claims, one row per printed number, indexed by id."""
    path = data_dir / CLAIMS_FILE
    frame = validate(read_text_table(path), schemas.CLAIMS, path)
    return _numeric_values(frame, path, value_required=False).set_index("id", drop=False)


def load_references(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Published figures with their source columns and P/S/W tag, indexed by id."""
    path = data_dir / REFERENCES_FILE
    frame = validate(read_text_table(path), schemas.REFERENCES, path)
    problems = [
        Problem(i + 1, "value", schemas.EXPLAIN["plain_number"](v))
        for i, (v, unit) in enumerate(zip(frame["value"], frame["unit"], strict=True))
        if unit not in NON_NUMERIC_UNITS and schemas.number_problem(v)
    ]
    if problems:
        raise DataFileError(path, problems)
    return _numeric_values(frame, path, value_required=True).set_index("id", drop=False)


def load_ranking(
    claims: pd.DataFrame, references: pd.DataFrame, data_dir: Path = DATA_DIR
) -> pd.DataFrame:
    """The ranking table as printed, in printed order, checked against the claims."""
    path = data_dir / RANKING_FILE
    frame = validate(read_text_table(path), schemas.RANKING, path)
    claim_columns = ["revenue_claim", "revenue_cny_claim", "share_claim"]
    ref_columns = ["filed_overseas_ref", "filed_share_ref", "filed_total_ref"]
    problems = _dangling(frame, claim_columns, claims.index, "claim", path)
    problems += _dangling(frame, ref_columns, references.index, "reference", path)
    if not problems:
        problems = _printed_matches_claims(frame, claims)
    if problems:
        raise DataFileError(path, problems)
    frame = frame.assign(printed_order=frame["printed_order"].astype(int))
    return frame.sort_values("printed_order").reset_index(drop=True)


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


def load_assumptions(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Model inputs the article does not give: default, slider range and basis, indexed by id."""
    path = data_dir / ASSUMPTIONS_FILE
    frame = validate(read_text_table(path), schemas.ASSUMPTIONS, path)
    numbers = frame.assign(**{c: frame[c].astype(float) for c in ("value", "low", "high", "step")})
    problems = [
        Problem(i + 1, "value", f"default {row.value:g} lies outside {row.low:g} to {row.high:g}")
        for i, row in enumerate(numbers.itertuples())
        if not row.low <= row.value <= row.high
    ]
    if problems:
        raise DataFileError(path, problems)
    return numbers.set_index("id", drop=False)


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

    def cite(self, *reference_ids: str) -> str:
        """A short citation of one or more references: each source once, with the periods
        cited from it and its reliability tag, e.g. 'Meta Platforms 10-K, FY2023, FY2024 (P)'."""
        groups: dict[tuple[str, str], list[str]] = {}
        for reference_id in reference_ids:
            row = self.references.loc[reference_id]
            groups.setdefault((row["source"], row["reliability"]), []).append(str(row["period"]))
        return "; ".join(
            f"{source}, {', '.join(dict.fromkeys(periods))} ({reliability})"
            for (source, reliability), periods in groups.items()
        )

    def reference(self, reference_id: str) -> float:
        """The value of a reference figure, in base units."""
        return float(self.references.at[reference_id, "value"])


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
    return BookData(claims, references, ranking, load_assumptions(data_dir))
