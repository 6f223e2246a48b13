"""The one error a malformed data file raises: it names the file, the row and the column; and
file-system failures (a full disk, a read-only folder) described in words."""

from __future__ import annotations

import errno
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


class MissingRowError(DataFileError):
    """A row a chapter reads is in no data file. The error names the data folder, the files
    searched, the chapter and the id, since the file the row was removed from cannot be known."""

    def __init__(self, data_dir: Path | str, files: list[str], chapter: str, row_id: str):
        where = ", ".join(files[:-1]) + f" or {files[-1]}" if len(files) > 1 else files[0]
        message = f"the {chapter} chapter reads id '{row_id}', which no row of {where} has"
        self.path = Path(data_dir)
        self.problems = [Problem(None, "id", message)]
        ValueError.__init__(self, f"{self.path}: {message} (column 'id')")


def describe_os_error(error: OSError) -> str:
    """A file-system failure in words: what happened, to which file, and what to do."""
    where = error.filename or "the output"
    if error.errno == errno.ENOSPC:
        return f"the disk is full: could not write {where}; free some space and run again"
    if error.errno == errno.EROFS:
        return f"{where} is on a read-only file system; build from a writable copy"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"no permission to write {where}; make the checkout writable (chmod -R u+w .)"
    return f"{error.strerror or error} ({where})"
