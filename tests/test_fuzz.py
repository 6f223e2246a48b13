"""A data fuzzer: random cells (bytes, Unicode, huge and tiny numbers, control characters, URLs)
written into each data file. Validation either refuses with the file, row and column, or accepts,
and then every chapter's analysis runs on the data and the value is shown on the page exactly as
given, escaped.

`make test` runs a fixed seed and a bounded number of examples; `make fuzz` (or
`pytest tests/test_fuzz.py --fuzz-examples=N`) runs longer.
"""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bytebook import data as data_module
from bytebook.book import checked_book
from bytebook.data import TABLE_FILES
from bytebook.errors import ChapterDataError, DataFileError, MissingRowError
from bytebook.ledger import stated_entry
from bytebook.paths import DATA_DIR
from bytebook.present import claims_html, sources_html
from bytebook.sources import source_records

FILES = sorted(TABLE_FILES.values())
STRUCTURAL_BYTES = frozenset(b',"\r\n')

numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(min_value=-1e-300, max_value=1e-300).map(repr),
    st.integers(min_value=-(10**400), max_value=10**400).map(str),
    st.integers(min_value=-400, max_value=400).map(lambda e: f"1e{e}"),
    st.sampled_from(["", "0", "-0", "1", "0.5", "1.5", "3", "NaN", "inf", "1e999", "１", "1,000"]),
)
control_text = st.builds(
    lambda head, char, tail: head + char + tail,
    st.text(max_size=8),
    st.characters(categories=["Cc", "Cf", "Zl", "Zp"]),
    st.text(max_size=8),
)
urls = st.builds(
    lambda pad, scheme, rest: pad + scheme + rest,
    st.sampled_from(["", " ", "\t", "\x00", "\n"]),
    st.sampled_from(
        ["https:", "HTTP:", "javascript:", "JaVaScRiPt:", "java\tscript:", "data:", "vbscript:",
         "file:", "ftp:", "", "//"]
    ),
    st.sampled_from(["//example.org/a?b=1&c=<2>", "alert(1)", "//", "x", "//h.example/ sp"]),
)
texts = st.one_of(
    st.text(max_size=40), st.text(min_size=480, max_size=520, alphabet="ab字 "), control_text,
    st.sampled_from(["<script>alert(1)</script>", "=1+1", "'", '"', "&amp;", "2024", "unstated"]),
)
cell_values = st.one_of(numbers, texts, urls, st.binary(max_size=12))


def _copy_data(target: Path) -> Path:
    shutil.copytree(DATA_DIR, target, dirs_exist_ok=True)
    return target


def _write_cell(path: Path, row: int, column: str, value: str | bytes) -> None:
    """Write one cell. Text goes through the CSV writer; raw bytes go in as they are, with the
    bytes that would change the table's shape (comma, quote, line ends) left out."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    header = rows[0]
    if isinstance(value, bytes):
        rows[row][header.index(column)] = "\x00MARK\x00"
    else:
        rows[row][header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    encoded = out.getvalue().encode("utf-8")
    if isinstance(value, bytes):
        clean = bytes(b for b in value if b not in STRUCTURAL_BYTES)
        encoded = encoded.replace(b"\x00MARK\x00", clean)
    path.write_bytes(encoded)


class _Text(HTMLParser):
    """The text a browser shows for some HTML, and the href values of its links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [v for k, v in attrs if k == "href" and v is not None]

    def handle_data(self, data):
        self.text.append(data)


def _shown(markup: str) -> _Text:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return parser


def _assert_shown_as_given(book, file: str, row: int, column: str, value: str) -> None:
    """An accepted value reaches the page unchanged, as text: escaped, never as markup (a
    line-break hint, <wbr>, or a run of Chinese marked `lang="zh"` may stand between its
    characters)."""
    if file == "claims.csv" and column in ("claim_en", "quote_zh"):
        claim = book.claims.iloc[row - 1]
        markup = claims_html([stated_entry(claim, None, None, "")]).data
    elif file == "references.csv" and column in ("item", "source", "quote", "period", "url"):
        records = source_records(book, [])
        markup = sources_html(records.iloc[row - 1 : row], []).data
    else:
        return
    # as text between tags: '<', '>' and '&' escaped; a quote needs no escaping there
    assert html.escape(value, quote=False) in re.sub(r'<wbr>|<span lang="zh">|</span>', "", markup)
    shown = _shown(markup)
    if value:
        assert value in "".join(shown.text)
    for href in shown.hrefs:
        assert href.lower().startswith(("http://", "https://", "ledger.html#")), href
    if column == "url" and value:
        assert shown.hrefs == [value]


def _check(target: Path, file: str, row: int, column: str, value: str | bytes) -> None:
    shutil.rmtree(target, ignore_errors=True)
    _copy_data(target)
    _write_cell(target / file, row, column, value)
    data_module._load_cached.cache_clear()
    try:
        book = checked_book(target)
    except MissingRowError as error:  # an id a chapter reads, changed: the folder is named
        assert error.path == target and column == "id" and "chapter reads id" in str(error)
        return
    except ChapterDataError as error:  # a value only a chapter's arithmetic refuses: it and
        # the folder are named (a figure of 0 or of no figure's size is refused by its cell)
        assert error.path == target and "chapter cannot use the data" in str(error), error
        return
    except DataFileError as error:
        assert error.path.parent == target and error.path.name in FILES, error
        assert error.problems, error
        for problem in error.problems:
            assert problem.column is not None or problem.row is not None, error
        assert any(p.row is not None for p in error.problems) or all(
            "missing" in p.message or "appears twice" in p.message for p in error.problems
        ), error
        return
    finally:
        data_module._load_cached.cache_clear()
    if isinstance(value, str):
        _assert_shown_as_given(book, file, row, column, value)


def _shape(file: str) -> tuple[list[str], int]:
    rows = list(csv.reader(io.StringIO((DATA_DIR / file).read_text(encoding="utf-8"))))
    return rows[0], len(rows) - 1


@pytest.mark.parametrize("file", FILES)
def test_random_cells_are_refused_by_name_or_shown_as_given(file, request):
    header, row_count = _shape(file)
    examples = request.config.getoption("--fuzz-examples")

    @settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(
        row=st.integers(min_value=1, max_value=row_count),
        column=st.sampled_from(header),
        value=cell_values,
    )
    def fuzz(row: int, column: str, value: str | bytes) -> None:
        with tempfile.TemporaryDirectory() as scratch:
            _check(Path(scratch) / "data", file, row, column, value)

    fuzz()

