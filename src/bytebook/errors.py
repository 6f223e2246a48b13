"""The one error a malformed data file raises: it names the file, the row and the column."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a data file. `row` counts data rows from 1; None means the header."""

    row: int | None
    column: str | None
    message: str

    def describe(self) -> str:
        where = "header" if self.row is None else f"row {self.row} (line {self.row + 1})"
        column = f", column '{self.column}'" if self.column else ""
        return f"{where}{column}: {self.message}"


class DataFileError(ValueError):
    """A data file failed validation. Its message lists every problem found."""

    def __init__(self, path: Path | str, problems: list[Problem]):
        self.path = Path(path)
        self.problems = sorted(problems, key=lambda p: (p.row or 0, p.column or "", p.message))
        lines = [f"{self.path}: {len(self.problems)} problem(s)"]
        lines += [f"  {self.path.name}, {p.describe()}" for p in self.problems]
        super().__init__("\n".join(lines))
