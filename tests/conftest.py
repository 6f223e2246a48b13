"""Shared fixtures: the project's data, and one strict build of the book reused by every test."""

from __future__ import annotations

import csv
import fcntl
import functools
import io
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest
from hypothesis import settings

from bytebook.data import load_book_data
from bytebook.paths import DATA_DIR, ROOT
from bytebook.publish.bench_browser import QuietServer
from bytebook.publish.build import build_book, print_book
from bytebook.publish.pdf import HEADLESS_SHELL_ARGS, chromium_path

# A property is judged by its examples, not by a clock: on a busy machine an example may take
# longer than Hypothesis's default 200 ms, which would fail a test that holds.
settings.register_profile("no-clock", deadline=None)
settings.load_profile("no-clock")

BUILD = ROOT / "_build"

FUZZ_EXAMPLES = 12
"""Examples per data file in `make test`; `make fuzz` runs many more."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz-examples",
        type=int,
        default=FUZZ_EXAMPLES,
        help=f"random cells the data fuzzer tries per data file (default {FUZZ_EXAMPLES})",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests that read the built book first, in their order, then the others. `make test`'s
    workers take the list in even runs (`--dist worksteal`): the first starts the build at once
    and the others run tests that need no book meanwhile, not waiting for it."""
    items.sort(key=lambda item: "built_book" not in item.fixturenames)


@pytest.fixture(scope="session")
def data():
    return load_book_data()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/, for tests that break a file on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def in_own_thread(function: Callable[..., int], *arguments: object) -> int:
    """`function(*arguments)` run in a thread of its own. `print_book` prints with its own
    Playwright, whose sync API cannot start in a thread where the session's browser runs."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(function, *arguments).result()


def shared_folder(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The folder every worker of the session shares (the session's own without workers)."""
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


@pytest.fixture(scope="session")
def built_book(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The built site, brought up to date once per session (as `make book`; it offers a PDF
    only if `make pdf` printed one before). Run with workers (`pytest -n 2`), the first worker
    to ask builds it and the others wait for that build and share its outcome: a second build
    would republish the site while the first worker's tests read it."""
    status = once(shared_folder(tmp_path_factory, worker_id), "built_book", build_book, ROOT)
    assert status == 0, "the book failed to build"
    return BUILD / "html"


@pytest.fixture(scope="session")
def printed_pdf(built_book: Path, tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The whole book printed to a PDF once per session, from its one-page build (left in
    _build/work), as `make pdf` prints it. The PDF is kept out of _build/pdf, so the site is not
    rebuilt to offer it; the tests of a small book show that the site offers a printed PDF."""
    shared = shared_folder(tmp_path_factory, worker_id)
    target = shared / "printed" / "book.pdf"
    status = once(shared, "printed_pdf", in_own_thread, print_book, ROOT, target)
    assert status == 0, "the book failed to print"
    return target


def once(shared: Path, name: str, function: Callable[..., int], *arguments: object) -> int:
    """The exit code of `function(*arguments)`, run once per session by whichever worker gets
    here first while the others wait for it; `shared` is the folder every worker shares."""
    with open(shared / f"{name}.lock", "a", encoding="utf-8") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)  # released when the file closes
        outcome = shared / f"{name}.status"
        if not outcome.exists():
            outcome.write_text(str(function(*arguments)), encoding="utf-8")
        return int(outcome.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def ledger_command_output() -> str:
    """What `python -m bytebook ledger` prints, run as a reader would run it."""
    return subprocess.run(
        [sys.executable, "-m", "bytebook", "ledger"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout


@pytest.fixture(scope="session")
def ledger_rows(ledger_command_output: str) -> list[dict[str, str]]:
    """The ledger command's rows."""
    return list(csv.DictReader(io.StringIO(ledger_command_output)))


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files and logs nothing."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def serve_book(built_book: Path):
    """Starts servers of the built book: `serve_book(handler)` serves it on a free port of
    127.0.0.1 with that request handler (a class, or a partial of one, that takes `directory`)
    and returns the address; a tab closed while a file is on its way prints nothing. Every
    server stops when the test run ends."""
    servers: list[QuietServer] = []

    def serve(handler: Callable[..., SimpleHTTPRequestHandler] = QuietHandler) -> str:
        server = QuietServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(built_book))
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield serve
    for server in servers:
        server.shutdown()


class RecordingHandler(QuietHandler):
    """Serves the book and notes each request's path and status, in the order answered, in
    the list it is given."""

    def __init__(self, *args, answered: list[tuple[str, int]], **kwargs):
        self.answered = answered
        super().__init__(*args, **kwargs)

    def log_request(self, code="-", size="-"):  # noqa: ARG002 - the base class's signature
        self.answered.append((self.path, int(code)))


@pytest.fixture(scope="session")
def site_answers() -> list[tuple[str, int]]:
    """Every request the `site` server has answered this run, as (path, status), oldest first;
    a test reads the part answered while its tab loaded (`answered_404`)."""
    return []


@pytest.fixture(scope="session")
def site(serve_book, site_answers) -> str:
    """The built book served on a free port of 127.0.0.1; it notes what it answers in
    `site_answers`."""
    return serve_book(functools.partial(RecordingHandler, answered=site_answers))


@pytest.fixture(scope="session")
def read_only_tab(site, browser):
    """`read_only_tab(page_path, viewport, is_mobile=False, scheme="light")`: a page loaded and
    ready at that screen, loaded once per run and given again to every test that only
    reads it (tests/test_browser.py's `read_only_tabs`): the ledger at a phone's or a laptop's
    screen is read by tests of several modules."""
    from test_browser import read_only_tabs

    with read_only_tabs(site, browser) as tab:
        yield tab


@pytest.fixture(scope="session")
def resized_tab(site, browser):
    """`resized_tab(page_path, width, height=900)`: a page loaded once per run and resized to
    the screen each test that only reads it asks for (tests/test_browser.py's `resized_tabs`):
    the ledger and the chapters are read at several laptop widths by tests of several modules."""
    from test_browser import resized_tabs

    with resized_tabs(site, browser) as tab:
        yield tab


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, its headless shell, started once for the whole session; each test
    opens its own pages in it (a fresh page shares no state with another)."""
    from playwright.sync_api import sync_playwright

    try:
        executable = chromium_path()
    except FileNotFoundError:
        pytest.fail(
            "Debian's chromium-headless-shell is missing: run 'make browser' "
            "(apt-get install chromium-headless-shell)"
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=HEADLESS_SHELL_ARGS)
        yield chromium
        chromium.close()
