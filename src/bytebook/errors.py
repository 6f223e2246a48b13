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
        """Where the problem is and what it is: 'row 3 (line 4), column 'value': …', 'header,
        column 'unit': …', or the message alone for the whole file."""
        if self.row is None and self.column is None:
            return self.message
        where = "header" if self.row is None else f"row {self.row} (line {self.row + 1})"
        column = f", column '{self.column}'" if self.column else ""
        return f"{where}{column}: {self.message}"

    @property
    def whole_file(self) -> bool:
        """Whether the problem is the file's as a whole (missing, empty, unreadable)."""
        return self.row is None and self.column is None


class DataFileError(ValueError):
    """A data file failed validation. Its message lists every problem found."""

    def __init__(self, path: Path | str, problems: list[Problem]):
        self.path = Path(path)
        self.problems = sorted(problems, key=lambda p: (p.row or 0, p.column or "", p.message))
        lines = [f"{self.path}: {len(self.problems)} problem(s)"]
        lines += [
            f"  {self.path.name}{':' if p.whole_file else ','} {p.describe()}"
            for p in self.problems
        ]
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


class ChapterDataError(DataFileError):
    """Data that passed every file's checks but that a chapter's arithmetic cannot use (a
    divisor of 0, a band upside down): the error names the chapter, what failed and where."""

    def __init__(self, data_dir: Path | str, chapter: str, error: Exception):
        place = _innermost_place(error)
        message = (
            f"the {chapter} chapter cannot use the data: {type(error).__name__}: {error}"
            f"{f' (at {place})' if place else ''}. Every data file passed its checks, so a "
            "value the chapter reads (in claims.csv, references.csv or assumptions.csv) lies "
            "outside what its arithmetic allows: a value changed last is the first to look at"
        )
        self.path = Path(data_dir)
        self.problems = [Problem(None, None, message)]
        ValueError.__init__(self, f"{self.path}: {message}")


def _innermost_place(error: Exception) -> str:
    """Where the error was raised ('numbers.py:219'), and the chapter's line that called it
    when that is elsewhere ('numbers.py:219, called from growth.py:412'), or ''."""
    places = []  # (file:line, whether the file is a chapter's module), outermost first
    trace = error.__traceback__
    while trace is not None:
        path = Path(trace.tb_frame.f_code.co_filename)
        places.append((f"{path.name}:{trace.tb_lineno}", "chapters" in path.parts))
        trace = trace.tb_next
    if not places:
        return ""
    raised = places[-1][0]
    in_chapter = [place for place, is_chapter in places if is_chapter]
    if in_chapter and in_chapter[-1] != raised:
        return f"{raised}, called from {in_chapter[-1]}"
    return raised


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
